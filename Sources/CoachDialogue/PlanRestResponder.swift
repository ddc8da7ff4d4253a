import CoachModel
import CoachRecommending
import CoachUnderstanding

/// "Ok doing it now, how long rest between?" right after a workout: the rest that workout gives
/// between sets (its Rest column), for the move named or for all of them, not a card on how long
/// sessions take. "How many rounds should I do?": the sets it gives, or its rounds as a circuit.
/// "How many times should I do it this week?": how often that session suits.
struct PlanRestResponder: Responder {
    let context: ResponderContext

    /// Whether a turn was read as one of these questions about the workout just given.
    static func answers(_ turn: Turn) -> Bool {
        [.restOfLastWorkout, .roundsOfLastWorkout, .frequencyOfLastWorkout].contains { turn.reasons.contains($0) }
    }

    func respond(to turn: inout Turn, state: inout ConversationState, into draft: inout ReplyDraft) {
        draft.ask = .dose
        guard let plan = state.lastPlan else { return }
        if turn.reasons.contains(.roundsOfLastWorkout) { return rounds(of: plan, into: &draft) }
        // ("Thanks! how many times should I do it this week": how often that session suits.)
        if turn.reasons.contains(.frequencyOfLastWorkout) {
            draft.ask = .frequency
            let workouts = WorkoutResponder(context: context)
            if let advice = workouts.weeklyAdvice(WorkoutResponder.usualSessions, for: plan) { draft.say(advice) }
            return
        }
        // (The move the line names itself, not the one the conversation was last about: "how long
        // rest between" right after face pulls were added asks about the whole workout.)
        let named = turn.understanding.exercise
        let worked = plan.items.filter { !$0.isWarmUp && (named == nil || $0.exercise == named) }
        let rests = Set(worked.map(\.restSeconds))
        if rests.count == 1, let rest = rests.first {
            let key: ReplyKey = named == nil ? .planRest : .planRestOfMove
            draft.add(.paragraph(say(key, ["seconds": "\(rest)", "name": worked[0].name])))
        } else if !worked.isEmpty {
            draft.add(.paragraph(say(.planRestEach)))
            draft.add(.bullets(worked.map { say(.planRestLine, ["name": $0.name, "seconds": "\($0.restSeconds)"]) }))
        }
        draft.add(.paragraph(say(.planRestWhy)))
    }

    /// The rounds of a circuit the workout is, or the sets of each move it gives.
    private func rounds(of plan: WorkoutPlan, into draft: inout ReplyDraft) {
        let worked = plan.items.filter { !$0.isWarmUp }
        if plan.rounds > 1 {
            draft.add(.paragraph(say(.planRoundsCircuit, ["rounds": "\(plan.rounds)"])))
            return
        }
        let sets = Set(worked.map(\.sets))
        if sets.count == 1, let count = sets.first {
            draft.add(.paragraph(say(.planRoundsSets, ["sets": "\(count)"])))
        } else if let most = sets.max() {
            draft.add(.paragraph(say(.planRoundsEach, ["most": "\(most)"])))
            draft.add(.bullets(worked.map { say(.planRoundsLine, ["name": $0.name, "sets": "\($0.sets)"]) }))
        }
    }
}
