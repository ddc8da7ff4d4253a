import CoachModel
import CoachUnderstanding

/// "Did that this week, felt good. What do I do next week?" right after a workout: the same
/// workout again, made a little harder where it felt easy, with how to progress (the topic that
/// answers progression), and the offer of a harder plan.
struct NextWeekResponder: Responder {
    let context: ResponderContext

    func respond(to turn: inout Turn, state: inout ConversationState, into draft: inout ReplyDraft) {
        draft.ask = .progression
        draft.add(.paragraph(say(.workoutNextWeek)))
        if let topic = knowledge.topic(answering: .progression) { draft.say(topic) }
        draft.add(.note(say(.workoutNextWeekOffer)))
    }
}
