import CoachDialogue
import CoachModel
import Testing

/// "Can I do X and Y on the same day?": for pairs of exercises, the verdict follows their kinds
/// (different kinds complement each other, one kind overlaps), and nothing offered to round out
/// the session is a move already named.
struct SameSessionTests {
    let knowledge = Fixtures.knowledge

    private func lead(_ key: ReplyKey) -> String { String(knowledge.replies(key).prefix { $0 != ":" }) }

    @Test func theVerdictFollowsTheKindsOfTheTwoMoves() {
        let exercises = knowledge.exercises
        var answered = 0
        var pairs = 0
        for (first, second) in zip(exercises, exercises.dropFirst(3)) where first.id != second.id {
            pairs += 1
            let reply = Fixtures.converse(["can I do the \(first.name) and the \(second.name) on the same day?"])[0]
            guard reply.ask == .workoutChange, case let .paragraph(text) = reply.blocks.first else { continue }
            answered += 1
            let key: ReplyKey = first.pattern == second.pattern ? .sameSessionOverlap : .sameSessionYes
            #expect(text.hasPrefix(lead(key)), "\(first.id) + \(second.id): \(text)")
            #expect(!reply.exercises.contains { $0.id == first.id || $0.id == second.id }, "\(first.id) + \(second.id)")
        }
        #expect(answered >= pairs * 3 / 4, "only \(answered) of \(pairs) answered")
    }
}
