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
        guard let topic = chooseTopic(turn.understanding) else {
            draft.ask = .help
            draft.add(.paragraph(say(.faqUnknown)))
            draft.add(.bullets(knowledge.topics.map(\.title)))
            return
        }
        draft.ask = topic.answers
        draft.add(.heading(topic.title))
        for part in topic.answer { draft.say(part) }
    }

    /// A topic that answers exactly the ask understood, among those the topic classifier ranks
    /// likely enough: what answers a form question that names no exercise.
    static func topicAnswering(_ understanding: Understanding, in knowledge: KnowledgeBase) -> Topic? {
        guard let ask = understanding.ask else { return nil }
        return understanding.topicRanking.lazy.filter { $0.score >= topicFloor }.compactMap { knowledge.topic($0.id) }
            .first { $0.answers == ask }
    }

    /// The topic that answers what was asked: among the likeliest topics, the first whose ask is
    /// the one understood (a question about warming up is not answered with the equipment card
    /// because both say "first"); else the likeliest, when it is likely enough.
    private func chooseTopic(_ understanding: Understanding) -> Topic? {
        let ranking = understanding.topicRanking.compactMap { scored in
            knowledge.topic(scored.id).map { (topic: $0, score: scored.score) }
        }
        if let ask = understanding.ask, let fitting = ranking.first(where: { $0.topic.answers == ask }) {
            return fitting.topic
        }
        guard let best = ranking.first, best.score >= Self.topicFloor else { return nil }
        return best.topic
    }
}
