import CoachModel
import Yams

/// `language/asks.yaml`: the closed set of asks and of reasons for a substitute, each described
/// in a line. The ids must be exactly those coach answers (`Ask`, `SubstituteReason`).
extension KnowledgeDecoder {
    mutating func decodeAsks(_ root: Node, _ reader: inout YAMLReader) {
        guard let map = reader.mapping(root, "asks.yaml") else { return }
        reader.checkKeys(map, allowed: ["asks", "substitute_reasons"], in: "asks.yaml")
        language.asks = describedIDs(
            reader.required(map, "asks", in: "asks.yaml", at: root), expected: Ask.allCases.map(\.rawValue),
            kind: "ask", &reader)
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
