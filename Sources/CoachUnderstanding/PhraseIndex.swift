import CoachModel

/// Finds known phrases (exercise names, equipment, muscles, pain words, ...) in a token list,
/// longest match first.
///
/// Phrases live in a trie of tokens, so finding the longest phrase at a position costs the
/// length of that phrase, however many phrases the knowledge base holds.
struct PhraseIndex<Value: Hashable & Sendable & Codable>: Equatable, Sendable {
    struct Entry: Equatable, Sendable {
        var tokens: [String]
        var value: Value
    }

    /// A match: tokens `range` of the input stand for `value`.
    struct Match: Sendable {
        var range: Range<Int>
        var value: Value
    }

    private struct Node: Equatable, Sendable {
        var children: [String: Int] = [:]
        /// The value of the phrase that ends here (the first one added wins).
        var value: Value?
    }

    private var nodes = [Node()]
    /// Phrases by first token, for loose matching (few phrases use it: pain and red flags).
    private var byFirstToken: [String: [Entry]] = [:]

    /// Small words that may stand inside a name without breaking it ("superman with the mini
    /// loop" is "superman with mini loop"): `phrase_gaps` in the vocabulary.
    private(set) var gaps: Set<String> = []

    init(gaps: some Sequence<String> = []) { self.gaps = Set(gaps) }

    /// An index of `phrases`, each for `value` ("is this said at all?" readers mark each `true`).
    init(_ phrases: some Sequence<String>, value: Value, gaps: some Sequence<String> = []) {
        self.init(gaps: gaps)
        for phrase in phrases { add(phrase, value) }
    }

    /// The most small words in a row a phrase may have inside it.
    static var longestGap: Int { 3 }

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

    /// The longest phrase at every start, overlapping ones kept: for phrases whose every match
    /// counts, where one that starts earlier must not hide a longer reach ("is a real pain in the"
    /// and "real pain in the neck" both say nothing hurts, and only the second covers the neck).
    func matchesAtEveryStart(in tokens: [String]) -> [Match] {
        tokens.indices.compactMap { longest(at: $0, in: tokens, taken: []) }
    }

    /// The longest phrase starting at `start`, small skippable words allowed inside it.
    private func longest(at start: Int, in tokens: [String], taken: Set<Int>) -> Match? {
        var node = 0
        var position = start
        var best: Match?
        var skipped = 0
        while position < tokens.count, !taken.contains(position) {
            if let next = nodes[node].children[tokens[position]] {
                node = next
                position += 1
                skipped = 0
                if let value = nodes[node].value { best = Match(range: start..<position, value: value) }
            } else if position > start, skipped < Self.longestGap, gaps.contains(tokens[position]) {
                // NB: a bounded run of small words: "a a a ..." must not make every start scan to
                // the end of the line (2,000 of them took seconds).
                position += 1
                skipped += 1
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

/// Saved in a snapshot as flat lists (the trie's edges, the values and where they sit, the loose
/// phrases), which read back many times faster than a list of nodes each with a dictionary.
/// Nodes are made one per edge, in order, so edge `i` leads to node `i + 1`: each edge is saved
/// as its parent and its token alone.
extension PhraseIndex: Codable {
    private enum CodingKeys: String, CodingKey {
        case gaps, edgeParents, edgeTokens, valueNodes, values, looseTokens, looseValues
    }

    func encode(to encoder: any Encoder) throws {
        var edges = [(parent: Int, token: String)](repeating: (0, ""), count: nodes.count - 1)
        var valueNodes: [Int] = []
        var values: [Value] = []
        for (index, node) in nodes.enumerated() {
            for (token, child) in node.children { edges[child - 1] = (index, token) }
            if let value = node.value {
                valueNodes.append(index)
                values.append(value)
            }
        }
        let loose = byFirstToken.keys.sorted().flatMap { byFirstToken[$0] ?? [] }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(gaps.sorted(), forKey: .gaps)
        try container.encode(edges.map(\.parent), forKey: .edgeParents)
        try container.encode(edges.map(\.token), forKey: .edgeTokens)
        try container.encode(valueNodes, forKey: .valueNodes)
        try container.encode(values, forKey: .values)
        try container.encode(loose.map(\.tokens), forKey: .looseTokens)
        try container.encode(loose.map(\.value), forKey: .looseValues)
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        gaps = Set(try container.decode([String].self, forKey: .gaps))
        let parents = try container.decode([Int].self, forKey: .edgeParents)
        let tokens = try container.decode([String].self, forKey: .edgeTokens)
        let valueNodes = try container.decode([Int].self, forKey: .valueNodes)
        let values = try container.decode([Value].self, forKey: .values)
        let looseTokens = try container.decode([[String]].self, forKey: .looseTokens)
        let looseValues = try container.decode([Value].self, forKey: .looseValues)
        // A parent was made before its child: edge `i` comes from a node numbered `i` or less.
        guard parents.count == tokens.count, valueNodes.count == values.count, looseTokens.count == looseValues.count,
            parents.enumerated().allSatisfy({ (0...$0.offset).contains($0.element) }),
            valueNodes.allSatisfy((0...parents.count).contains)
        else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "a broken phrase index"))
        }
        nodes = Array(repeating: Node(), count: parents.count + 1)
        for (index, parent) in parents.enumerated() { nodes[parent].children[tokens[index]] = index + 1 }
        for (node, value) in zip(valueNodes, values) { nodes[node].value = value }
        for (phrase, value) in zip(looseTokens, looseValues) {
            guard let first = phrase.first else { continue }
            byFirstToken[first, default: []].append(Entry(tokens: phrase, value: value))
        }
    }
}
