import CoachModel
import Yams

/// `language/asks.yaml`: the closed set of asks and of reasons for a substitute, each described
/// in a line. The ids must be exactly those coach answers (`Ask`, `SubstituteReason`).
extension KnowledgeDecoder {
    mutating func decodeAsks(_ root: Node, _ reader: inout YAMLReader) {
        guard let map = reader.mapping(root, "asks.yaml") else { return }
        reader.checkKeys(map, allowed: ["asks", "substitute_reasons"], in: "asks.yaml")
        let asksNode = reader.required(map, "asks", in: "asks.yaml", at: root)
        if let asks = asksNode.flatMap({ reader.mapping($0, "asks") }) {
            let expected = Ask.allCases.map(\.rawValue)
            for (key, value) in asks {
                guard let id = reader.string(key, "an ask id") else { continue }
                guard expected.contains(id) else {
                    reader.fail(
                        key,
                        "unknown ask '\(id)'\(Suggestion.hint(for: id, in: expected)); coach answers only \(expected.joined(separator: ", "))"
                    )
                    continue
                }
                guard let entry = reader.mapping(value, "the ask '\(id)'") else { continue }
                reader.checkKeys(entry, allowed: ["what", "intents", "phrases"], in: "the ask '\(id)'")
                let intents = reader.strings(
                    reader.required(entry, "intents", in: "the ask '\(id)'", at: value), "the intents of '\(id)'")
                for (intent, node) in zip(intents, reader.sequenceNodes(entry["intents"]))
                where Intent(rawValue: intent) == nil {
                    reader.fail(
                        node,
                        "unknown intent '\(intent)'\(Suggestion.hint(for: intent, in: Intent.allCases.map(\.rawValue)))"
                    )
                }
                language.askIntents[id] = intents
                language.asks[id] = reader.required(entry, "what", in: "the ask '\(id)'", at: value).flatMap {
                    reader.string($0, "what '\(id)' means")
                }
                language.askPhrases[id] = reader.strings(entry["phrases"], "the phrases of '\(id)'")
            }
            for id in expected where language.asks[id] == nil {
                reader.fail(asksNode, "the ask '\(id)' is missing; describe it in a line")
            }
        }
        language.substituteReasons = describedIDs(
            reader.required(map, "substitute_reasons", in: "asks.yaml", at: root),
            expected: SubstituteReason.allCases.map(\.rawValue), kind: "substitute reason", &reader)
    }

    /// A mapping of id to description whose ids are exactly `expected`: an unknown id and a
    /// missing one are both errors, since code answers each id.
    private func describedIDs(
        _ node: Node?, expected: [String], kind: String, _ reader: inout YAMLReader
    ) -> [String: String] {
        guard let node, let map = reader.mapping(node, "the \(kind)s") else { return [:] }
        var described: [String: String] = [:]
        for (key, value) in map {
            guard let id = reader.string(key, "a \(kind) id") else { continue }
            guard expected.contains(id) else {
                let hint = Suggestion.hint(for: id, in: expected)
                reader.fail(
                    key, "unknown \(kind) '\(id)'\(hint); coach answers only \(expected.joined(separator: ", "))")
                continue
            }
            if let text = reader.string(value, "the description of '\(id)'") { described[id] = text }
        }
        for id in expected where described[id] == nil {
            reader.fail(node, "the \(kind) '\(id)' is missing; describe it in a line")
        }
        return described
    }
}
