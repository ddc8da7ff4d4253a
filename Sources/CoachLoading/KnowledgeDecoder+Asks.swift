import CoachModel
import Yams

/// `language/asks.yaml`: the closed set of asks and of reasons for a substitute. The ids must be
/// exactly those coach answers (`Ask`, `SubstituteReason`).
extension KnowledgeDecoder {
    /// What the file says of one ask.
    private struct AskEntry {
        var what: String
        var intents: [String]
        var phrases: [String]
    }

    mutating func decodeAsks(_ root: Node, _ reader: inout YAMLReader) {
        guard let map = reader.mapping(root, "asks.yaml") else { return }
        reader.checkKeys(map, allowed: ["asks", "substitute_reasons", "reason_phrases"], in: "asks.yaml")
        if let phrases = map["reason_phrases"].flatMap({ reader.mapping($0, "reason_phrases") }) {
            for (key, value) in phrases {
                guard let id = reader.string(key, "a reason id") else { continue }
                guard let reason = SubstituteReason(rawValue: id) else {
                    let known = SubstituteReason.allCases.map(\.rawValue)
                    reader.fail(key, "unknown substitute reason '\(id)'\(Suggestion.hint(for: id, in: known))")
                    continue
                }
                language.reasonPhrases[reason] = reader.strings(value, "the phrases of '\(id)'")
            }
        }
        let asks = closedIDs(
            reader.required(map, "asks", in: "asks.yaml", at: root), expected: Ask.allCases.map(\.rawValue),
            kind: "ask", &reader, entry: askEntry)
        for (id, entry) in asks {
            language.asks[id] = entry.what
            language.askIntents[id] = entry.intents
            language.askPhrases[id] = entry.phrases
        }
        language.substituteReasons = closedIDs(
            reader.required(map, "substitute_reasons", in: "asks.yaml", at: root),
            expected: SubstituteReason.allCases.map(\.rawValue), kind: "substitute reason", &reader
        ) { id, value, reader in reader.string(value, "the description of '\(id)'") }
    }

    /// An ask: what it means, the intents it can be asked under, and phrases that teach it.
    private func askEntry(_ id: String, _ value: Node, _ reader: inout YAMLReader) -> AskEntry? {
        guard let entry = reader.mapping(value, "the ask '\(id)'") else { return nil }
        reader.checkKeys(entry, allowed: ["what", "intents", "phrases"], in: "the ask '\(id)'")
        let intents = reader.strings(
            reader.required(entry, "intents", in: "the ask '\(id)'", at: value), "the intents of '\(id)'")
        for (intent, node) in zip(intents, reader.sequenceNodes(entry["intents"])) where Intent(rawValue: intent) == nil
        {
            reader.fail(
                node, "unknown intent '\(intent)'\(Suggestion.hint(for: intent, in: Intent.allCases.map(\.rawValue)))")
        }
        guard
            let what = reader.required(entry, "what", in: "the ask '\(id)'", at: value).flatMap({
                reader.string($0, "what '\(id)' means")
            })
        else { return nil }
        return AskEntry(
            what: what, intents: intents, phrases: reader.strings(entry["phrases"], "the phrases of '\(id)'"))
    }

    /// A mapping whose ids are exactly `expected`, each value read by `entry`: an unknown id and a
    /// missing one are both errors, since code answers each id.
    private func closedIDs<Value>(
        _ node: Node?, expected: [String], kind: String, _ reader: inout YAMLReader,
        entry: (String, Node, inout YAMLReader) -> Value?
    ) -> [String: Value] {
        guard let node, let map = reader.mapping(node, "the \(kind)s") else { return [:] }
        var values: [String: Value] = [:]
        for (key, value) in map {
            guard let id = reader.string(key, "a \(kind) id") else { continue }
            guard expected.contains(id) else {
                let hint = Suggestion.hint(for: id, in: expected)
                reader.fail(
                    key, "unknown \(kind) '\(id)'\(hint); coach answers only \(expected.joined(separator: ", "))")
                continue
            }
            if let read = entry(id, value, &reader) { values[id] = read }
        }
        for id in expected where values[id] == nil {
            reader.fail(node, "the \(kind) '\(id)' is missing; describe it in a line")
        }
        return values
    }
}

/// `language/examples/*.yaml`: whole questions with their intent and ask, for training.
extension KnowledgeDecoder {
    mutating func decodeExamples(_ root: Node, _ reader: inout YAMLReader) {
        guard let map = reader.mapping(root, "an examples file") else { return }
        reader.checkKeys(map, allowed: ["examples", "teaches"], in: "an examples file")
        // What the file's examples train: the intent classifier, the ask classifier, or both.
        let teaches = map["teaches"].map { reader.strings($0, "teaches") } ?? ["intent", "ask"]
        for unknown in teaches where !["intent", "ask"].contains(unknown) {
            reader.fail(map["teaches"] ?? root, "unknown classifier '\(unknown)' in teaches: it is intent or ask")
        }
        let teachesIntent = teaches.contains("intent")
        let items = reader.sequence(reader.required(map, "examples", in: "an examples file", at: root), "examples")
        for item in items {
            guard let fields = reader.mapping(item, "an example") else { continue }
            reader.checkKeys(fields, allowed: ["text", "intent", "ask", "from", "source"], in: "an example")
            let text = reader.required(fields, "text", in: "an example", at: item).flatMap {
                reader.string($0, "an example's text")
            }
            let intent = typed(fields, "intent", item, &reader, Intent.allCases.map(\.rawValue)).flatMap(Intent.init)
            let ask = askID(reader.required(fields, "ask", in: "an example", at: item), &reader)
            guard let text, let intent, let ask else { continue }
            if let allowed = language.askIntents[ask.rawValue], !allowed.isEmpty, !allowed.contains(intent.rawValue) {
                // NB: files are decoded in path order, so asks.yaml has been read by now.
                reader.fail(item, "the ask '\(ask.rawValue)' is not asked under the intent '\(intent.rawValue)'")
                continue
            }
            let from = fields["from"].flatMap { reader.string($0, "an example's `from`") }
            language.examples.append(
                LabelledExample(text: text, intent: intent, ask: ask, from: from, teachesIntent: teachesIntent))
        }
    }

    /// A required id field that must be one of `allowed` (an example's intent).
    private func typed(
        _ fields: Fields, _ key: String, _ item: Node, _ reader: inout YAMLReader, _ allowed: [String]
    ) -> String? {
        guard let value = reader.required(fields, key, in: "an example", at: item) else { return nil }
        guard let id = reader.string(value, "an example's \(key)") else { return nil }
        guard allowed.contains(id) else {
            reader.fail(value, "unknown \(key) '\(id)'\(Suggestion.hint(for: id, in: allowed))")
            return nil
        }
        return id
    }
}
