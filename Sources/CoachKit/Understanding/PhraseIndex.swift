/// Finds known phrases (exercise names, equipment, muscles, pain words, ...) in a token list,
/// longest match first.
///
/// Phrases live in a trie of tokens, so finding the longest phrase at a position costs the
/// length of that phrase, however many phrases the knowledge base holds.
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

    private struct Node: Sendable {
        var children: [String: Int] = [:]
        /// The value of the phrase that ends here (the first one added wins).
        var value: Value?
    }

    private var nodes = [Node()]
    /// Phrases by first token, for loose matching (few phrases use it: pain and red flags).
    private var byFirstToken: [String: [Entry]] = [:]

    /// Small words that may stand inside a name without breaking it ("superman with the mini
    /// loop" is "superman with mini loop").
    static var skippable: Set<String> { ["a", "an", "the", "my", "your", "this", "that"] }

    /// Adds `phrase` (tokenised and stemmed like input) for `value`.
    mutating func add(_ phrase: String, _ value: Value) {
        let tokens = TextNormalizer.tokens(phrase).map(TextNormalizer.stem)
        guard let first = tokens.first else { return }
        var node = 0
        for token in tokens {
            if let next = nodes[node].children[token] {
                node = next
            } else {
                nodes.append(Node())
                nodes[node].children[token] = nodes.count - 1
                node = nodes.count - 1
            }
        }
        // Exact matching keeps the first value for a phrase; loose matching keeps every value
        // ("achy" is both soreness and pain).
        if nodes[node].value == nil { nodes[node].value = value }
        if byFirstToken[first]?.contains(where: { $0.tokens == tokens && $0.value == value }) != true {
            byFirstToken[first, default: []].append(Entry(tokens: tokens, value: value))
        }
    }

    /// Every word of every phrase, for the spelling vocabulary.
    var words: Set<String> { Set(nodes.flatMap(\.children.keys)) }

    /// Non-overlapping matches, scanning left to right and preferring the longest phrase.
    func matches(in tokens: [String], skipping taken: Set<Int> = []) -> [Match] {
        var found: [Match] = []
        var index = 0
        while index < tokens.count {
            if !taken.contains(index), let match = longest(at: index, in: tokens, taken: taken) {
                found.append(match)
                index = match.range.upperBound
            } else {
                index += 1
            }
        }
        return found
    }

    /// The longest phrase starting at `start`, small skippable words allowed inside it.
    private func longest(at start: Int, in tokens: [String], taken: Set<Int>) -> Match? {
        var node = 0
        var position = start
        var best: Match?
        while position < tokens.count, !taken.contains(position) {
            if let next = nodes[node].children[tokens[position]] {
                node = next
                position += 1
                if let value = nodes[node].value { best = Match(range: start..<position, value: value) }
            } else if position > start, Self.skippable.contains(tokens[position]) {
                position += 1
            } else {
                break
            }
        }
        return best
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
