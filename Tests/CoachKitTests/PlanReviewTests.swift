import CoachDialogue
import CoachModel
import Testing

/// "3x10 face pulls and 3x8 rows, Monday and Thursday: anything to change?": the plan described
/// gets a verdict, and each point of it follows from what was said: every pair of moves, each
/// dose against its beginner dose, and how often, from the knowledge, not from a fixed reply.
struct PlanReviewTests {
    let knowledge = Fixtures.knowledge

    /// The text of a reply, its blocks joined.
    private func text(_ reply: Reply) -> String {
        reply.blocks.map { block -> String in
            switch block {
            case let .paragraph(text), let .heading(text), let .note(text), let .alert(text): text
            case let .bullets(items), let .numbered(items): items.joined(separator: "\n")
            default: ""
            }
        }.joined(separator: "\n")
    }

    private func lead(_ key: ReplyKey) -> String { String(knowledge.replies(key).prefix { $0 != "{" && $0 != ":" }) }

    @Test func everyPairOfMovesDosedIsReviewedAgainstItsBeginnerDose() throws {
        let dosed = knowledge.exercises.filter { $0.dosage.reps != nil }
        #expect(dosed.count >= 10)
        var reviewed = 0
        for (first, second) in zip(dosed, dosed.dropFirst()) {
            let (firstReps, secondReps) = (try #require(first.dosage.reps), try #require(second.dosage.reps))
            // One dose inside the range, one well past its top.
            let line =
                "my routine: \(first.dosage.sets)x\(firstReps.lowerBound) \(first.name), "
                + "\(second.dosage.sets)x\(secondReps.upperBound + 10) \(second.name), twice a week. thoughts?"
            let reply = Fixtures.converse([line])[0]
            guard reply.ask == .workoutChange else { continue }
            reviewed += 1
            let said = text(reply)
            #expect(said.contains("\(first.name) at \(first.dosage.sets) x \(firstReps.lowerBound) fits"), "\(line)")
            #expect(
                said.contains("\(second.name) at \(second.dosage.sets) x \(secondReps.upperBound + 10) is past"),
                "\(line)")
            #expect(said.hasPrefix(lead(.planReviewOneChange)) || said.hasPrefix(lead(.planReviewChanges)), "\(line)")
        }
        // (A pair whose names read as something else, a family or an unknown move, is skipped.)
        #expect(reviewed >= (dosed.count - 1) * 3 / 4, "only \(reviewed) reviewed")
    }

    @Test func howOftenIsJudgedAgainstTheSessionsAWeekSuggested() {
        let target = knowledge.progress.sessionsPerWeek
        #expect(target >= 2)
        let once = text(Fixtures.converse(["I do 3x10 face pulls and 3x8 pull ups once a week, is that enough?"])[0])
        #expect(once.contains("Training once a week is below the \(target)"))
        let twice = text(Fixtures.converse(["I do 3x10 face pulls and 3x8 pull ups twice a week, is that enough?"])[0])
        #expect(!twice.contains("below the"))
        // Days named back to back get a rest day between them; days apart do not.
        let runs = text(Fixtures.converse(["I do rows and pull ups on monday and tuesday. thoughts?"])[0])
        #expect(runs.contains("Monday and Tuesday are back to back"))
        let apart = text(Fixtures.converse(["I do rows and pull ups on monday and thursday. thoughts?"])[0])
        #expect(!apart.contains("back to back"))
    }

    @Test func aBalancedSoundPlanIsSaidSoAndOneLackingAKindGetsIt() throws {
        let sound = Fixtures.converse([
            "my back day: 3x10 face pulls, 3x8 bent over rows, 3x5 pull ups, twice a week. is this good?"
        ])[0]
        #expect(text(sound).hasPrefix(lead(.planReviewSound)))
        #expect(sound.exercises.isEmpty)
        let lacking = Fixtures.converse(["lat pulldowns 3x10 and seated cable rows 3x10 twice a week, look ok?"])[0]
        #expect(text(lacking).hasPrefix(lead(.planReviewOneChange)))
        let added = try #require(lacking.exercises.first.flatMap { knowledge.exercise($0.id) })
        #expect(added.pattern == .rearDeltScapular)
    }

    @Test func aLogOrAPainIsNoPlanToReview() {
        for line in [
            "I did 3x10 face pulls and 3x8 rows today",
            "my shoulder hurts on 3x10 face pulls and 3x8 rows twice a week, thoughts?",
        ] {
            #expect(Fixtures.converse([line])[0].ask != .workoutChange, "\(line)")
        }
    }
}
