import CoachModel
import Foundation
import Yams

/// One real question from a labelled set (`Tests/questions/`): the person's words, where they
/// were posted, and what a fitting reply must do.
public struct LabelledQuestion: Decodable, Sendable, Hashable {
    public var id: String
    public var text: String
    /// The address of the public page the question was posted on.
    public var source: String
    public var intent: Intent
    public var ask: Ask
    /// Why a substitute is wanted, when `ask` is `substitute`.
    public var reason: SubstituteReason?
    public var exercises: [ExerciseID]
    public var muscles: [MuscleID]
    public var have: [EquipmentID]
    public var missing: [EquipmentID]
    /// Where it hurts, for a line about pain.
    public var area: String?
    /// The line reports pain, injury or something feeling wrong: the reply must put safety first.
    public var safety: Bool
    /// The line describes a red flag: the reply must say stop and see a professional.
    public var redFlag: Bool
    public var expect: Expectations

    /// What the reply must show, beyond the labels above.
    public struct Expectations: Decodable, Sendable, Hashable {
        /// The reply must contain at least one of these words (case does not matter).
        public var mention: [String]
        /// What the reply must not do.
        public var avoid: [Avoidance]

        enum CodingKeys: String, CodingKey { case mention, avoid }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            mention = try container.decodeIfPresent([String].self, forKey: .mention) ?? []
            avoid = try container.decodeIfPresent([Avoidance].self, forKey: .avoid) ?? []
        }
    }

    /// Ways a reply answers another question than the one asked.
    public enum Avoidance: String, Decodable, Sendable, Hashable, CaseIterable {
        /// Handing out a workout (to someone in pain, or who asked something else).
        case workout
        /// Suggesting an exercise, or a way of doing one, that needs equipment the person lacks.
        case missingKit = "missing-kit"
        /// A topic card that answers another ask than the one asked.
        case unrelatedCard = "unrelated-card"
        /// A list of substitutes for a question that asked for none.
        case swapList = "swap-list"
        /// The whole exercise card when one point was asked.
        case wholeCard = "whole-card"
    }

    enum CodingKeys: String, CodingKey {
        case id, text, source, intent, ask, reason, exercises, muscles, have, missing, area, safety, expect
        case redFlag = "red_flag"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        text = try container.decode(String.self, forKey: .text)
        source = try container.decode(String.self, forKey: .source)
        intent = try container.decode(Intent.self, forKey: .intent)
        ask = try container.decode(Ask.self, forKey: .ask)
        reason = try container.decodeIfPresent(SubstituteReason.self, forKey: .reason)
        exercises = try container.decodeIfPresent([ExerciseID].self, forKey: .exercises) ?? []
        muscles = try container.decodeIfPresent([MuscleID].self, forKey: .muscles) ?? []
        have = try container.decodeIfPresent([EquipmentID].self, forKey: .have) ?? []
        missing = try container.decodeIfPresent([EquipmentID].self, forKey: .missing) ?? []
        area = try container.decodeIfPresent(String.self, forKey: .area)
        safety = try container.decodeIfPresent(Bool.self, forKey: .safety) ?? false
        redFlag = try container.decodeIfPresent(Bool.self, forKey: .redFlag) ?? false
        expect = try container.decode(Expectations.self, forKey: .expect)
    }
}

/// A labelled set of real questions, read from YAML and checked against the knowledge base.
public struct QuestionSet: Sendable {
    public var questions: [LabelledQuestion]
    /// Whether the file's header marks it as a frozen split (its comment says `FROZEN`): its
    /// figures may be read, but its lines must not steer the knowledge or the code.
    public var isFrozen: Bool

    /// A problem with a labelled set, in words a person can act on.
    public struct Problem: Error, CustomStringConvertible {
        public var description: String
    }

    /// Reads a set and checks that every label names something the knowledge base has.
    public init(contentsOf url: URL, knowledge: KnowledgeBase) throws(Problem) {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw Problem(description: "cannot read \(url.path): \(error.localizedDescription)")
        }
        isFrozen = text.prefix { $0 != "-" }.contains("FROZEN")
        do { questions = try YAMLDecoder().decode([LabelledQuestion].self, from: text) } catch {
            throw Problem(description: "\(url.path): \(Self.describe(error))")
        }
        var seen: Set<String> = []
        for question in questions {
            let at = "\(url.lastPathComponent): question \(question.id)"
            if !seen.insert(question.id).inserted { throw Problem(description: "\(at): the id is used twice") }
            for id in question.exercises where knowledge.exercise(id) == nil {
                throw Problem(description: "\(at): unknown exercise '\(id)'")
            }
            for id in question.muscles where knowledge.muscle(id) == nil {
                throw Problem(description: "\(at): unknown muscle '\(id)'")
            }
            for id in question.have + question.missing where knowledge.equipment(id) == nil {
                throw Problem(description: "\(at): unknown equipment '\(id)'")
            }
        }
    }

    /// Whether a file holds a question set (lines labelled with an ask) rather than the older
    /// intent-only dev set.
    public static func holdsQuestions(_ url: URL) -> Bool {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return false }
        return text.contains("\n  ask: ")
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case let DecodingError.dataCorrupted(context): return context.debugDescription + path(context)
        case let DecodingError.keyNotFound(key, context): return "missing `\(key.stringValue)`" + path(context)
        case let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context):
            return context.debugDescription + path(context)
        case let error as YamlError: return "not valid YAML: \(error)"
        default: return "\(error)"
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        let parts = context.codingPath.map { $0.intValue.map { "item \($0 + 1)" } ?? $0.stringValue }
        return parts.isEmpty ? "" : " (at \(parts.joined(separator: ", ")))"
    }
}
