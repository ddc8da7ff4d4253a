import CoachModel
import CoachRecommending
import CoachUnderstanding

/// The articles' FAQs and topics.
struct FAQResponder: Responder {
    let context: ResponderContext

    func respond(to turn: inout Turn, state: inout ConversationState, into draft: inout ReplyDraft) {
        faqReply(&draft, turn)
    }

    /// Below this, the best topic is a guess: coach names the nearest it can answer instead.
    static let topicFloor = 0.25
    /// How many of the nearest topics are named when none is likely enough.
    static let nearestListed = 3

    func faqReply(_ draft: inout ReplyDraft, _ turn: Turn) {
        // (With no topic ranked, as for a line first read as another intent, the one that answers
        // the ask, if any.)
        let unranked =
            turn.understanding.topicRanking.isEmpty ? turn.understanding.ask.flatMap(knowledge.topic(answering:)) : nil
        guard let topic = chooseTopic(turn.understanding) ?? unranked else {
            // Not a confident card about something else, and not every topic there is: the few
            // the words come nearest to, to choose from.
            draft.ask = .help
            draft.add(.paragraph(say(.faqUnknown)))
            let nearest = turn.understanding.topicRanking.prefix(Self.nearestListed).compactMap {
                knowledge.topic($0.id)
            }
            draft.add(
                .bullets((nearest.isEmpty ? Array(knowledge.topics.prefix(Self.nearestListed)) : nearest).map(\.title)))
            draft.add(.note(say(.faqUnknownMore)))
            return
        }
        draft.ask = topic.answers
        if topic.answers == .frequency, let verdict = frequencyVerdict(turn) { draft.add(.paragraph(verdict)) }
        draft.say(topic)
    }

    /// "Can I train upper back every day?", "is twice a week enough?": yes or no to the number of
    /// sessions said, before the card that says why; nil when it is no yes-or-no question of one.
    private func frequencyVerdict(_ turn: Turn) -> String? {
        guard turn.asksYesNo, turn.understanding.exercise == nil else { return nil }
        let daily =
            turn.says(.asksDaily, knowledge.language) || turn.says(.daysRunning, knowledge.language)
        let key: ReplyKey
        if let count = turn.understanding.sessionsAWeek, !daily {
            key = count <= 1 ? .faqOnceAWeek : count <= Self.mostHardSessions ? .faqSessionsFit : .faqSessionsMany
            return say(key, ["count": "\(count)"]) + say(.teamMark)
        }
        return daily ? say(.faqDailyHard) + say(.teamMark) : nil
    }

    /// The most hard upper back sessions a week that need no warning (the articles' two or more,
    /// with rest days between, leaves room for four).
    static let mostHardSessions = 4

    /// The likeliest topic that answers exactly `ask` (by default the ask understood), among those
    /// ranked at least `floor` (by default likely enough to stand on their own: what answers a form
    /// question that names no exercise).
    static func topicAnswering(
        _ understanding: Understanding, in knowledge: KnowledgeBase, floor: Double = topicFloor, ask: Ask? = nil
    ) -> Topic? {
        guard let ask = ask ?? understanding.ask else { return nil }
        return understanding.topicRanking.lazy.filter { $0.score >= floor }.compactMap { knowledge.topic($0.id) }
            .first { $0.answers == ask }
    }

    /// The topic that answers what was asked: the likeliest whose ask is the one understood, however
    /// unlikely (a question about warming up is not answered with the equipment card because both
    /// say "first"); else the likeliest, when it is likely enough. (A floor under the first was
    /// measured on the dev split, from 0.01 to 0.2: each lost a line a low-ranked topic answered,
    /// and read no other right.)
    private func chooseTopic(_ understanding: Understanding) -> Topic? {
        if let fitting = Self.topicAnswering(understanding, in: knowledge, floor: 0) { return fitting }
        guard let best = understanding.topicRanking.first, best.score >= Self.topicFloor else { return nil }
        return knowledge.topic(best.id)
    }
}
