import CoachModel

/// "Did you mean ...?" for a mistyped id or key.
package enum Suggestion {
    /// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo.
    package static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let limit = max(2, word.count / 3)
        var best: (String, Int)?
        // A cut-short id ("strength-coach" for "strength-coach-home") is a likely slip too.
        let extended = candidates.filter { $0.hasPrefix(word + "-") || word.hasPrefix($0 + "-") }
        if extended.count == 1 { return extended[0] }
        for candidate in candidates {
            let distance = EditDistance.between(word, candidate, limit: limit)
            if distance <= limit, distance < (best?.1 ?? .max) { best = (candidate, distance) }
        }
        return best?.0
    }

    /// " (did you mean 'x'?)" after an error about `word`, or nothing when no candidate is close.
    package static func hint(for word: String, in candidates: some Sequence<String>) -> String {
        hint(closest(to: word, in: candidates))
    }

    /// " (did you mean 'x'?)" for a suggestion, or nothing.
    package static func hint(_ suggestion: String?) -> String {
        suggestion.map { " (did you mean '\($0)'?)" } ?? ""
    }
}
