/// Finds known phrases (exercise names, equipment, muscles, pain words, ...) in a token list,
/// longest match first. Phrases are stored by their first token, so matching costs a few hash
/// lookups per token, not a scan of every name.
struct PhraseIndex<Value: Hashable & Sendable>: Sendable {
    struct Entry: Sendable {
        var tokens: [String]
        var value: Value
    }

    /// A match: tokens `range` of the input stand for `value`.
    struct Match: Sendable {
        var range: Range<Int>
        var value: Value
    }

    private var byFirstToken: [String: [Entry]] = [:]
    /// Small words that may stand inside a name without breaking it ("superman with the mini
    /// loop" is "superman with mini loop").
    static var skippable: Set<String> { ["a", "an", "the", "my", "your", "this", "that"] }

    /// Adds `phrase` (tokenised and stemmed like input) for `value`.
    mutating func add(_ phrase: String, _ value: Value) {
        let tokens = TextNormalizer.tokens(phrase).map(TextNormalizer.stem)
        guard let first = tokens.first else { return }
        var entries = byFirstToken[first, default: []]
        guard !entries.contains(where: { $0.tokens == tokens && $0.value == value }) else { return }
        entries.append(Entry(tokens: tokens, value: value))
        entries.sort { $0.tokens.count > $1.tokens.count }  // longest first
        byFirstToken[first] = entries
    }

    /// Every word of every phrase, for the spelling vocabulary.
    var words: Set<String> { Set(byFirstToken.values.flatMap { $0.flatMap(\.tokens) }) }

    /// Non-overlapping matches, scanning left to right and preferring the longest phrase.
    func matches(in tokens: [String], skipping taken: Set<Int> = []) -> [Match] {
        var found: [Match] = []
        var index = 0
        while index < tokens.count {
            if !taken.contains(index), let entry = longest(at: index, in: tokens, taken: taken) {
                found.append(Match(range: index..<(index + entry.tokens.count), value: entry.value))
                index += entry.tokens.count
            } else {
                index += 1
            }
        }
        return found
    }

    private func longest(at index: Int, in tokens: [String], taken: Set<Int>) -> Entry? {
        guard let entries = byFirstToken[tokens[index]] else { return nil }
        var best: (entry: Entry, end: Int)?
        for entry in entries {
            guard let end = matchEnd(entry.tokens, from: index, in: tokens, taken: taken) else { continue }
            if end > (best?.end ?? 0) { best = (entry, end) }
        }
        return best.map { Entry(tokens: Array(tokens[index..<$0.end]), value: $0.entry.value) }
    }

    /// Where `phrase` ends when it stands at `start`, small skippable words allowed inside.
    private func matchEnd(_ phrase: [String], from start: Int, in tokens: [String], taken: Set<Int>) -> Int? {
        var position = start
        for word in phrase {
            while position < tokens.count, tokens[position] != word, position > start,
                Self.skippable.contains(tokens[position]), !taken.contains(position)
            {
                position += 1
            }
            guard position < tokens.count, !taken.contains(position), tokens[position] == word else { return nil }
            position += 1
        }
        return position
    }

    /// Phrases found loosely: all their words in order, with at most `gap` other words between
    /// them ("pain shooting down my arm" holds "pain down my arm").
    func looseMatches(in tokens: [String], gap: Int = 2) -> [Match] {
        var found: [Match] = []
        for (start, token) in tokens.enumerated() {
            for entry in byFirstToken[token] ?? [] {
                var position = start
                var matched = true
                for word in entry.tokens.dropFirst() {
                    let window = (position + 1)..<min(tokens.count, position + 2 + gap)
                    guard let next = window.first(where: { tokens[$0] == word }) else {
                        matched = false
                        break
                    }
                    position = next
                }
                if matched { found.append(Match(range: start..<(position + 1), value: entry.value)) }
            }
        }
        return found
    }
}
