import CoachDialogue
import CoachModel
import Testing

/// "Is the face pull good for posture?": for every exercise and goal, yes exactly when the move
/// works one of the goal's muscles hardest; otherwise the moves offered instead work them hardest
/// and are never the move asked about.
struct GoalVerdictTests {
    let knowledge = Fixtures.knowledge

    @Test func verdictFollowsTheGoalsMuscles() throws {
        let yes = String(knowledge.replies(.goalVerdictYes).prefix { $0 != "{" })
        #expect(yes.count >= 3)
        var answered = 0
        for goal in ["posture", "back width", "back thickness"] {
            let targets = knowledge.focusMuscles(goal)
            #expect(!targets.isEmpty, "\(goal)")
            for exercise in knowledge.exercises {
                let reply = Fixtures.converse(["is the \(exercise.name) good for \(goal)?"])[0]
                guard reply.ask == .whatItWorks, reply.exercises.first?.id == exercise.id else { continue }
                answered += 1
                let lead = reply.blocks.lazy.compactMap { if case let .paragraph(text) = $0 { text } else { nil } }
                    .first
                let serves = !Set(exercise.primaryMuscles).isDisjoint(with: targets)
                #expect((lead?.hasPrefix(yes) ?? false) == serves, "\(exercise.id) for \(goal): \(lead ?? "")")
                for other in reply.exercises.dropFirst() {
                    let move = try #require(knowledge.exercise(other.id))
                    #expect(move.id != exercise.id)
                    #expect(!Set(move.primaryMuscles).isDisjoint(with: targets), "\(goal): \(move.id)")
                }
            }
        }
        #expect(answered >= knowledge.exercises.count * 2, "only \(answered) answered")
    }
}
