import CoachModel
import CoachRecommending
import CoachUnderstanding
import Foundation

/// The `/why` and `--explain` view of a reply: the normalised text, corrections, entities with
/// the words that matched them, the top intents with scores, and the rules or context applied.
public struct WhyExplanation: Sendable {
    public var understanding: Understanding
    public var reasons: [String]
    public var replies: Replies

    public init(understanding: Understanding, reasons: [String], replies: Replies) {
        self.understanding = understanding
        self.reasons = reasons
        self.replies = replies
    }

    public var blocks: [Block] {
        var lines: [String] = [replies(.whyText, ["text": understanding.normalized])]
        if !understanding.corrections.isEmpty {
            lines.append(
                replies(
                    .whyCorrections,
                    ["list": understanding.corrections.map { "\($0.from) -> \($0.to)" }.joined(separator: ", ")]))
        }
        let entities = understanding.matches.map { "\($0.entity.label) (\"\($0.text)\")" }
        lines.append(replies(.whyEntities, ["list": entities.isEmpty ? "-" : entities.joined(separator: ", ")]))
        if let minutes = understanding.minutes { lines.append(replies(.whyMinutes, ["minutes": "\(minutes)"])) }
        let ranking = understanding.ranking.map { "\($0.intent.rawValue) \(Self.format($0.score))" }.joined(
            separator: ", ")
        lines.append(
            replies(
                .whyIntents,
                [
                    "list": ranking, "intent": understanding.intent.rawValue,
                    "confidence": Self.format(understanding.confidence),
                ]))
        if let topic = understanding.topic {
            lines.append(replies(.whyTopic, ["topic": topic.id, "score": Self.format(topic.score)]))
        }
        if let rule = understanding.rule { lines.append(replies(.whyRule, ["rule": rule])) }
        for reason in reasons { lines.append(replies(.whyContext, ["reason": reason])) }
        return [.bullets(lines)]
    }

    static func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "0.\(hundredths < 10 ? "0" : "")\(hundredths)".replacingOccurrences(of: "0.100", with: "1.00")
    }
}
