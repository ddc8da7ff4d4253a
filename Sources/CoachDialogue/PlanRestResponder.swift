import CoachModel
import CoachRecommending
import CoachUnderstanding

/// "Ok doing it now, how long rest between?" right after a workout: the rest that workout gives
/// between sets (its Rest column), for the move named or for all of them, not a card on how long
/// sessions take.
struct PlanRestResponder: Responder {
    let context: ResponderContext

    func respond(to turn: inout Turn, state: inout ConversationState, into draft: inout ReplyDraft) {
        draft.ask = .dose
        guard let plan = state.lastPlan else { return }
        let worked = plan.items.filter { !$0.isWarmUp && (turn.exercise == nil || $0.exercise == turn.exercise) }
        let rests = Set(worked.map(\.restSeconds))
        if rests.count == 1, let rest = rests.first {
            let key: ReplyKey = turn.exercise == nil ? .planRest : .planRestOfMove
            draft.add(.paragraph(say(key, ["seconds": "\(rest)", "name": worked[0].name])))
        } else if !worked.isEmpty {
            draft.add(.paragraph(say(.planRestEach)))
            draft.add(.bullets(worked.map { say(.planRestLine, ["name": $0.name, "seconds": "\($0.restSeconds)"]) }))
        }
        draft.add(.paragraph(say(.planRestWhy)))
    }
}
