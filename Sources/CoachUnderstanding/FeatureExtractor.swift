import CoachModel

/// What the intent classifier sees of a line: names replaced by slots, synonyms mapped to the
/// words coach understands, filler and stopwords dropped, then words and word pairs.
struct FeatureExtractor: Equatable, Sendable, Codable {
    private var synonyms = PhraseIndex<String>()
    private let dropped: Set<String>

    init(language: Language) {
        synonyms = PhraseIndex(gaps: language.understanding.phraseGaps)
        for (phrase, meaning) in language.synonyms.sorted(by: { $0.key < $1.key }) {
            synonyms.add(phrase, TextNormalizer.stem(meaning))
        }
        var dropped = Set(language.stopwords.map(TextNormalizer.stem))
        for filler in language.fillers {
            let tokens = TextNormalizer.tokens(filler)
            if tokens.count == 1 { dropped.insert(TextNormalizer.stem(tokens[0])) }
        }
        self.dropped = dropped
    }

    /// Words the feature extractor knows beyond names (synonyms and stopwords).
    var words: Set<String> { synonyms.words.union(dropped) }

    func features(_ tokens: [String], _ matches: [EntityMatch]) -> [String] {
        var slotted: [String] = []
        var index = 0
        let slots = Dictionary(
            matches.compactMap { match in match.entity.slot.map { (match.range.lowerBound, (match.range, $0)) } },
            uniquingKeysWith: { first, _ in first })
        while index < tokens.count {
            if let (range, slot) = slots[index] {
                slotted.append(slot)
                index = range.upperBound
            } else {
                slotted.append(tokens[index].first?.isNumber == true ? "slotnumber" : tokens[index])
                index += 1
            }
        }
        var words: [String] = []
        index = 0
        let replaced = synonyms.matches(in: slotted)
        var replacements: [Int: PhraseIndex<String>.Match] = [:]
        for match in replaced { replacements[match.range.lowerBound] = match }
        while index < slotted.count {
            if let match = replacements[index] {
                words.append(match.value)
                index = match.range.upperBound
            } else {
                if !dropped.contains(slotted[index]) { words.append(slotted[index]) }
                index += 1
            }
        }
        var features = words
        if words.count > 1 {
            for index in 1..<words.count { features.append(words[index - 1] + " " + words[index]) }
        }
        return features
    }
}
