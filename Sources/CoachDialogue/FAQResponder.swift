import CoachModel
import CoachRecommending
import CoachUnderstanding

/// The articles' FAQs and topics.
struct FAQResponder: Responder {
    let context: ResponderContext

    func respond(to turn: inout Turn, state: inout ConversationState, into draft: inout ReplyDraft) {
        faqReply(&draft, turn)
    }

    /// Below this, the best topic is a guess: coach lists what it can answer instead.
    static let topicFloor = 0.25

    func faqReply(_ draft: inout ReplyDraft, _ turn: Turn) {
        guard let best = turn.understanding.topic, best.score >= Self.topicFloor, let topic = knowledge.topic(best.id)
        else {
            draft.ask = .help
            draft.add(.paragraph(say(.faqUnknown)))
            draft.add(.bullets(knowledge.topics.map(\.title)))
            return
        }
        draft.ask = topic.answers
        draft.add(.heading(topic.title))
        for part in topic.answer { draft.say(part) }
    }
}
