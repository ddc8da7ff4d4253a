import CoachModel
import Foundation
import Testing

/// What coach says, and the words that steer it, live in `Knowledge/`: the stages that answer
/// (model, understanding, recommending, dialogue, rendering) hold no English sentence a person
/// could see and no knowledge id. Loading, evaluation and the command line are left out: their
/// messages are for the people who edit the knowledge or run the tools.
struct SourceWordingTests {
    static let stages = ["CoachModel", "CoachUnderstanding", "CoachRecommending", "CoachDialogue", "CoachRendering"]

    /// Literals that may stay, each with why. Keep this short.
    static let allowed: [String: String] = [
        "no entity \\(words)": "a damaged snapshot's decoding error, never shown in a reply",
        "a classifier table of the wrong size": "a damaged snapshot's decoding error",
        "a broken phrase index": "a damaged snapshot's decoding error",
        "biceps": "the tokeniser's words that end in s without being plurals (code, like a lexer's rules)",
        "warm-up": "the id of Ask.warmUp, which the warm-up topic shares by name",
    ]

    /// Every string literal of a stage's sources outside comments: (file:line, literal).
    static func literals() throws -> [(place: String, text: String)] {
        var found: [(String, String)] = []
        let literal = try Regex(#""((?:[^"\\]|\\.)*)""#)
        for stage in stages {
            let folder = Fixtures.repository.appending(path: "Sources/\(stage)")
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".swift")
            {
                let text = try String(contentsOf: folder.appending(path: name), encoding: .utf8)
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    guard !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") else { continue }
                    for match in line.matches(of: literal) {
                        found.append(("\(stage)/\(name):\(number + 1)", String(match.output[1].substring ?? "")))
                    }
                }
            }
        }
        return found
    }

    @Test func noEnglishSentenceInTheStages() throws {
        let words = try Regex(#"[A-Za-z]{2,} +[A-Za-z]{2,}"#)
        let interpolation = try Regex(#"\\\((?:[^()]|\([^()]*\))*\)"#)
        let sentences = try Self.literals().filter { literal in
            Self.allowed[literal.text] == nil && literal.text.replacing(interpolation, with: "").contains(words)
        }
        #expect(sentences.isEmpty, "English in Swift (put it in Knowledge/replies.yaml): \(sentences)")
        #expect(try Self.literals().count > 100, "the scan found the sources")
    }

    @Test func noKnowledgeIdInTheStages() throws {
        let knowledge = Fixtures.knowledge
        var ids = Set(knowledge.exercises.map(\.id.rawValue))
        ids.formUnion(knowledge.muscles.map(\.id.rawValue))
        ids.formUnion(knowledge.equipment.map(\.id.rawValue))
        ids.formUnion(knowledge.sources.map(\.id.rawValue))
        ids.formUnion(knowledge.safety.painAreas.map(\.id))
        ids.formUnion(knowledge.topics.map(\.id))
        ids.formUnion(knowledge.muscles.map(\.region))
        ids.formUnion(knowledge.routines.map(\.id))
        let named = try Self.literals().filter { ids.contains($0.text) && Self.allowed[$0.text] == nil }
        #expect(named.isEmpty, "knowledge ids in Swift (use a flag or list in Knowledge/): \(named)")
    }
}
