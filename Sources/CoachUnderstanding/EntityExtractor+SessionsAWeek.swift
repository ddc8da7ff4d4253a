import CoachModel

/// How many sessions a week a line says someone will train (`sessions_a_week`).
extension EntityExtractor {
    /// At most this many words stand between the day word and the plan of days: "3 day push pull
    /// legs split".
    static let wordsToASplit = 4

    /// The sessions a week said ("twice a week": 2, "3x/week": 3, "three days per week": 3,
    /// "daily": 7, "a 3 day split": 3), the first one said; nil when the line says none. A range
    /// ("2-3 times a week") counts by its first number, the fewer sessions.
    /// (`spelled`: the numbers said in words, `numbers.matches(in: tokens)`.)
    func sessionsAWeek(in tokens: [String], spelled: [PhraseIndex<Int>.Match]) -> Int? {
        let words = sessionsWords
        var found: [(at: Int, count: Int)] = []
        for match in sessionPhrases.matches(in: tokens) { found.append((match.range.lowerBound, match.value)) }
        let spelledEndingAt = Self.valuesByEnd(spelled)
        /// The count said by the word at `at`: a word that is a count ("twice"), a number, or a
        /// number said in words ending there.
        func countSaid(at: Int) -> Int? { words.counts[tokens[at]] ?? Int(tokens[at]) ?? spelledEndingAt[at + 1] }
        for (index, token) in tokens.enumerated() where words.week.contains(token) {
            // Back from the week word over at most two words between, to the count.
            var at = index - 1
            var skipped = 0
            while at >= 0, skipped < 2, words.between.contains(tokens[at]), words.counts[tokens[at]] == nil {
                at -= 1
                skipped += 1
            }
            guard at >= 0 else { continue }
            var count = countSaid(at: at)
            // (Only a count said with a word between is a number of sessions: "3 week" is a length.)
            if words.counts[tokens[at]] == nil, skipped == 0 { count = nil }
            // A range ("2 3 times a week", as read) starts at its first number. (Only a range of
            // numbers: in "3x10 twice a week" the 10 is reps.)
            if count != nil, at > 0, Int(tokens[at]) != nil, let first = Int(tokens[at - 1]) { count = first }
            // (More than two a day is no count of sessions: a slip, or something else counted.)
            if let count, (1...14).contains(count) { found.append((at, count)) }
        }
        // "A 3 day split": a count, a day word, then a plan of days within a few words. (Or the
        // plan a few words before the count: "weekly upper back program, 4 days".)
        for (index, token) in tokens.enumerated() where index >= 1 && words.days.contains(token) {
            let after = tokens[(index + 1)..<min(tokens.count, index + 1 + Self.wordsToASplit)]
            let before = tokens[max(0, index - 1 - Self.wordsToASplit)..<(index - 1)]
            guard after.contains(where: words.split.contains) || before.contains(where: words.split.contains)
            else { continue }
            // (Up to two words of what kind of day between: "2 upper back days".)
            var at = index - 1
            while at > 0, index - at <= 2, words.dayKinds.contains(tokens[at]) { at -= 1 }
            if let count = countSaid(at: at), (1...7).contains(count) {
                found.append((at, count))
            }
        }
        // "Only mon and thu": two or more days of the week named, with no count said.
        if found.isEmpty {
            let named = Set(tokens.compactMap { words.weekdays[$0] })
            if named.count >= 2 { return named.count }
        }
        return found.min { $0.at < $1.at }?.count
    }
}
