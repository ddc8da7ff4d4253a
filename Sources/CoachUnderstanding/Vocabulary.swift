import CoachModel

/// Every word coach knows, and spelling correction toward the names it knows: a mistyped name
/// is replaced by the closest one ("dumbell" -> "dumbbell", "thorasic" -> "thoracic"), and a
/// known pair of words written as one is split ("facepull" -> "face pull").
///
/// NB: only names (exercises, equipment, muscles) are correction targets, never the words of
/// training phrases: those are ordinary English, and "turning" must not become "burning".
/// Lookup uses a symmetric-delete index (every target with up to two letters deleted), so
/// correcting a word costs a few hash lookups however large the vocabulary grows.
struct Vocabulary: Equatable, Sendable, Codable {
    private var words: Set<String> = []
    private var deletes: [String: [String]] = [:]
    /// English words spelt right that correction or splitting would otherwise change ("though"
    /// would become "tough"): they are left as they are. Only these are kept of the English word
    /// list, since every other English word is left alone anyway.
    private var protected: Set<String> = []

    /// `words` are recognised as they are; `targets` may also be reached by correction; `english`
    /// are correctly spelt words that are never corrected.
    init(words: some Sequence<String>, targets: some Sequence<String>, english: some Sequence<Substring> = []) {
        for word in words where !word.contains(where: \.isNumber) { self.words.insert(word) }
        for word in Set(targets).sorted() where word.count >= 5 && !word.contains(where: \.isNumber) {
            self.words.insert(word)
            for variant in Self.deletions(of: word, depth: Self.maximumDistance(word.count)) {
                deletes[variant, default: []].append(word)
            }
        }
        var protected: Set<String> = []
        for word in english where word.utf8.count >= 5 {
            let word = String(word)
            if correction(for: word) != nil || split(word) != nil { protected.insert(word) }
        }
        self.protected = protected
    }

    /// The English words that must not be corrected or split.
    var protectedWords: Set<String> { protected }

    /// Whether `word` is an English word that must not be corrected or split.
    func isProtected(_ word: String) -> Bool { protected.contains(word) }

    func contains(_ word: String) -> Bool { words.contains(word) }

    /// Words longer than this are never corrected.
    static let longestWord = 24

    /// How many edits a word of this length may need: short words are too easily confused.
    static func maximumDistance(_ length: Int) -> Int { length >= 8 ? 2 : (length >= 5 ? 1 : 0) }

    /// The known word `word` most likely stands for, or nil when it is known or too far off.
    func correction(for word: String) -> String? {
        // NB: the cost grows with the square of the length; no name is longer than 24 letters,
        // and a hostile 100,000-letter word must not stall coach.
        guard (5...Self.longestWord).contains(word.utf8.count), !words.contains(word), !protected.contains(word),
            !word.contains(where: \.isNumber)
        else { return nil }
        let limit = Self.maximumDistance(word.count)
        var candidates: Set<String> = []
        for variant in Self.deletions(of: word, depth: limit) {
            if words.contains(variant) { candidates.insert(variant) }
            for known in deletes[variant] ?? [] { candidates.insert(known) }
        }
        var best: (word: String, distance: Int)?
        for candidate in candidates.sorted() {
            let distance = EditDistance.between(word, candidate, limit: limit)
            guard distance <= min(limit, Self.maximumDistance(candidate.count)) else { continue }
            if distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.word
    }

    /// Two known words that `word` is written from, with no space ("facepull", "pullups").
    func split(_ word: String) -> [String]? {
        guard (6...Self.longestWord * 2).contains(word.utf8.count), word.utf8.allSatisfy({ $0 < 0x80 }),
            !protected.contains(word)
        else {
            return nil
        }
        let characters = Array(word)
        for cut in 3...(characters.count - 3) {
            let left = String(characters[..<cut])
            let right = String(characters[cut...])
            if words.contains(left), words.contains(right) || words.contains(TextNormalizer.stem(right)) {
                return [left, right]
            }
        }
        return nil
    }

    /// The word with every choice of up to `depth` (at most 2) letters removed, itself included,
    /// worked on as bytes (names are ASCII; a multi-byte letter only yields a few extra, harmless
    /// keys). Variants of names are short, so most fit in a String's inline storage.
    private static func deletions(of word: String, depth: Int) -> Set<String> {
        let bytes = Array(word.utf8)
        var found: Set<String> = [word]
        guard depth > 0, bytes.count > 1 else { return found }
        var buffer = [UInt8](repeating: 0, count: bytes.count)
        func without(_ first: Int, _ second: Int) -> String {
            var count = 0
            for index in bytes.indices where index != first && index != second {
                buffer[count] = bytes[index]
                count += 1
            }
            return String(decoding: buffer[..<count], as: UTF8.self)
        }
        for first in bytes.indices {
            found.insert(without(first, -1))
            guard depth >= 2, bytes.count > 2 else { continue }
            for second in (first + 1)..<bytes.count { found.insert(without(first, second)) }
        }
        return found
    }
}
