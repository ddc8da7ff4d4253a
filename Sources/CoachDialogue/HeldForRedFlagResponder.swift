import CoachModel
import CoachUnderstanding

/// Training advice asked for after a warning sign was reported in this conversation ("should I
/// just go lighter next time?" after a tight chest and a heavy arm): none is given until a doctor
/// or physiotherapist has checked it and the person types `/reset`. Questions that advise no
/// training (what a muscle does, what an exercise is, how to treat the pain) are answered as usual.
struct HeldForRedFlagResponder: Responder {
    let context: ResponderContext

    /// Whether this turn asks for training advice while a warning sign reported earlier stands.
    /// (A turn that reports a warning sign itself goes to `RedFlagResponder`; a workout asked for,
    /// to `WorkoutResponder`, which holds it back in its own words; one from someone a doctor or
    /// physiotherapist has seen is sent back to them by the safety replies.)
    static func applies(to turn: Turn, state: ConversationState) -> Bool {
        guard state.redFlagReported, !turn.understanding.redFlag, !turn.understanding.seenProfessional,
            turn.understanding.log == nil, let ask = turn.understanding.ask
        else { return false }
        return ask.isTrainingAdvice && [.form, .faq, .substitution, .safety].contains(turn.intent)
    }

    func respond(to turn: inout Turn, state: inout ConversationState, into draft: inout ReplyDraft) {
        draft.ask = turn.understanding.ask
        draft.add(.alert(say(.trainingAfterRedFlag)))
        draft.safety = Reply.SafetyNote(
            redFlag: true, advice: RedFlagResponder.advice(for: state.painReported, in: knowledge.safety).text)
        draft.reasons.append(.redFlagEarlier)
    }
}
