import CoachModel
import CoachUnderstanding
import Foundation
import Yams

/// Measures understanding on a labelled set, as `rasa test nlu` does: per-intent precision,
/// recall and F1, entity accuracy, the most confused pairs and the misses.
public struct Evaluation: Sendable {
    /// One labelled utterance of the dev set.
    public struct Example: Decodable, Sendable {
        public var text: String
        public var intent: String
        public var exercise: String?
        public var muscle: String?
        public var have: [String]?
        public var missing: [String]?
        public var minutes: Int?
        public var level: String?
        public var redFlag: Bool?
        public var topic: String?

        enum CodingKeys: String, CodingKey {
            case text, intent, exercise, muscle, have, missing, minutes, level, topic
            case redFlag = "red_flag"
        }
    }

    public struct Miss: Sendable {
        public var example: Example
        public var what: String
        public var got: String
    }

    public var total = 0
    public var intentCorrect = 0
    /// Per intent: (true positives, predicted, actual).
    public var counts: [String: (tp: Int, predicted: Int, actual: Int)] = [:]
    public var confusions: [String: Int] = [:]
    public var entity: [String: (correct: Int, total: Int)] = [:]
    public var misses: [Miss] = []

    public static func load(_ url: URL) throws -> [Example] {
        try YAMLDecoder().decode([Example].self, from: String(contentsOf: url, encoding: .utf8))
    }

    /// Runs every example through the interpreter, each on its own (no conversation).
    public init(examples: [Example], interpreter: Interpreter) {
        for example in examples {
            let understood = interpreter.understand(example.text)
            total += 1
            let predicted = understood.intent.rawValue
            counts[predicted, default: (0, 0, 0)].predicted += 1
            counts[example.intent, default: (0, 0, 0)].actual += 1
            if predicted == example.intent {
                intentCorrect += 1
                counts[predicted, default: (0, 0, 0)].tp += 1
            } else {
                confusions["\(example.intent) -> \(predicted)", default: 0] += 1
                misses.append(Miss(example: example, what: "intent", got: predicted))
            }
            // Entities are scored where the example labels them.
            score("exercise", example.exercise, understood.exercise?.rawValue, example)
            score("muscle", example.muscle, understood.muscle?.rawValue, example)
            if let minutes = example.minutes {
                score("minutes", "\(minutes)", understood.minutes.map { "\($0)" }, example)
            }
            if let level = example.level { score("level", level, understood.level?.rawValue, example) }
            if let have = example.have {
                score(
                    "have", have.sorted().joined(separator: ","),
                    understood.have.map(\.rawValue).sorted().joined(separator: ","),
                    example)
            }
            if let missing = example.missing {
                score(
                    "missing", missing.sorted().joined(separator: ","),
                    understood.missing.map(\.rawValue).sorted().joined(separator: ","), example)
            }
            if example.intent == "safety" {
                score("red_flag", "\(example.redFlag ?? false)", "\(understood.redFlag)", example)
            }
            if let topic = example.topic, example.intent == "faq" {
                score("topic", topic, understood.topic?.id, example)
            }
        }
    }

    private mutating func score(_ name: String, _ expected: String?, _ got: String?, _ example: Example) {
        guard let expected else { return }
        let correct = expected == got
        entity[name, default: (0, 0)].total += 1
        if correct {
            entity[name, default: (0, 0)].correct += 1
        } else {
            misses.append(Miss(example: example, what: name, got: got ?? "nothing"))
        }
    }

    public var intentAccuracy: Double { total == 0 ? 0 : Double(intentCorrect) / Double(total) }

    public func accuracy(of entity: String) -> Double {
        guard let value = self.entity[entity], value.total > 0 else { return 1 }
        return Double(value.correct) / Double(value.total)
    }

    /// Precision, recall and F1 of one intent.
    public func scores(_ intent: String) -> (precision: Double, recall: Double, f1: Double) {
        let value = counts[intent] ?? (0, 0, 0)
        let precision = value.predicted == 0 ? 0 : Double(value.tp) / Double(value.predicted)
        let recall = value.actual == 0 ? 0 : Double(value.tp) / Double(value.actual)
        let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        return (precision, recall, f1)
    }

    /// The mean F1 over the intents present in the set.
    public var macroF1: Double {
        let intents = counts.keys.filter { (counts[$0]?.actual ?? 0) > 0 }
        return intents.isEmpty ? 0 : intents.map { scores($0).f1 }.reduce(0, +) / Double(intents.count)
    }

    public func report(showMisses: Int = 40) -> String {
        let percent = Figures.percent
        var lines = ["intent       precision  recall     f1  support"]
        for intent in counts.keys.sorted() where (counts[intent]?.actual ?? 0) > 0 {
            let score = scores(intent)
            lines.append(
                intent.padding(toLength: 12, withPad: " ", startingAt: 0)
                    + " \(percent(score.precision))   \(percent(score.recall)) \(percent(score.f1))  \(counts[intent]!.actual)"
            )
        }
        lines.append("")
        lines.append("intent accuracy  \(percent(intentAccuracy))  (\(intentCorrect)/\(total))")
        lines.append("macro F1         \(percent(macroF1))")
        for name in entity.keys.sorted() {
            let value = entity[name]!
            lines.append(
                "\(name.padding(toLength: 16, withPad: " ", startingAt: 0))\(percent(accuracy(of: name)))  (\(value.correct)/\(value.total))"
            )
        }
        let top = confusions.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(10)
        if !top.isEmpty {
            lines.append("")
            lines.append("most confused (expected -> got)")
            for (pair, count) in top { lines.append("  \(count)  \(pair)") }
        }
        if !misses.isEmpty, showMisses > 0 {
            lines.append("")
            lines.append("misses (\(misses.count), first \(min(showMisses, misses.count)))")
            for miss in misses.prefix(showMisses) {
                let expected: String
                switch miss.what {
                case "intent": expected = miss.example.intent
                case "exercise": expected = miss.example.exercise ?? "-"
                case "muscle": expected = miss.example.muscle ?? "-"
                case "topic": expected = miss.example.topic ?? "-"
                case "red_flag": expected = "\(miss.example.redFlag ?? false)"
                case "have": expected = (miss.example.have ?? []).joined(separator: ",")
                case "missing": expected = (miss.example.missing ?? []).joined(separator: ",")
                case "minutes": expected = miss.example.minutes.map { "\($0)" } ?? "-"
                default: expected = miss.example.level ?? "-"
                }
                let text = TerminalText.sanitized(miss.example.text, limit: 90)
                lines.append("  \(miss.what): expected \(expected), got \(miss.got): \(text)")
            }
        }
        return lines.joined(separator: "\n")
    }
}

extension Evaluation {
    /// The figures as one JSON object (fractions from 0 to 1). The older dev set labels no asks
    /// and no reply checks, so those keys are null.
    public func json(name: String) -> String {
        let figure = Figures.figure
        return Figures.line([
            "file": name, "lines": total, "intent_accuracy": figure(intentAccuracy), "macro_f1": figure(macroF1),
            "exercise_accuracy": figure(accuracy(of: "exercise")),
            "red_flag_accuracy": figure(accuracy(of: "red_flag")),
            "ask_accuracy": NSNull(), "safety_recall": NSNull(), "reply_checks": NSNull(),
        ])
    }
}
