import CoachModel

/// How long a pain has lasted, read from the words of a duration (`red_flags.lasting`).
extension EntityExtractor {
    /// How long a pain has lasted, read from the words of a duration rather than from listed
    /// phrases ("for the last 5 weeks", "about six months now", "6-8 weeks"): a count and a unit
    /// word, at least `lastingDays` long and said within `lastingNear` words of a word of pain or
    /// soreness, is `.lasting` (`.lastingSoreness` when the nearest such word is soreness). A
    /// duration right after a phrase that reports nothing ("not lifted for 4 weeks") or about
    /// going back to training does not count, nor one said of a plateau, with no word of pain or
    /// soreness between ("stuck at 15 pull-ups for a few weeks now ... my back is sore").
    /// (`spelled`: the numbers said in words, `numbers.matches(in: tokens)`.)
    func lastingDurations(
        in tokens: [String], found: [EntityMatch], notReports: [Range<Int>], spelled: [PhraseIndex<Int>.Match]
    ) -> [EntityMatch] {
        guard lastingDays > 0 else { return [] }
        let hurts = found.filter { $0.entity == .pain || $0.entity == .soreness }
        guard !hurts.isEmpty else { return [] }
        let spelledEndingAt = Self.valuesByEnd(spelled)
        let healed = found.contains { $0.entity == .painBetter || $0.entity == .cleared }
        // ("Had shoulder surgery 2 yrs ago and hanging still feels sketchy": every word of pain is
        // of the operation, so the duration dates it.)
        let onlyEvents = allInjuryEvents(hurts)
        var durations: [EntityMatch] = []
        for (index, token) in tokens.enumerated() {
            guard let days = durationUnits[token] else { continue }
            // "Tore my rotator cuff two years ago, fully healed": when the injury was, not how long
            // it has hurt.
            if healed || onlyEvents, index + 1 < tokens.count, datingWords.contains(tokens[index + 1]) { continue }
            // The count is just before the unit, or one word before that ("6 long weeks").
            let counted = [index - 1, index - 2].lazy.filter { $0 >= 0 }.compactMap { at -> (Int, Int)? in
                if let value = Int(tokens[at]) { return (at, value) }
                if let value = spelledEndingAt[at + 1] { return (at, value) }
                return nil
            }.first
            guard let (countAt, count) = counted, count * days >= lastingDays else { continue }
            // A range ("6-8 weeks") starts at its first number.
            let start = countAt > 0 && Int(tokens[countAt - 1]) != nil ? countAt - 1 : countAt
            let range = start..<(index + 1)
            if notReports.contains(where: { $0.overlaps(range) || (start - 2...start).contains($0.upperBound) }) {
                continue
            }
            if saysAPlateau(before: start, in: tokens, hurts: hurts.map(\.range)) { continue }
            let nearest = hurts.min { distance($0.range, range) < distance($1.range, range) }
            guard let nearest, distance(nearest.range, range) <= lastingNear else { continue }
            durations.append(
                EntityMatch(
                    entity: nearest.entity == .soreness ? .lastingSoreness : .lasting,
                    text: tokens[range].joined(separator: " "), range: range))
        }
        return durations
    }

    /// Whether a word of a plateau ends at most `plateauReach` words before `start` with no word of
    /// pain or soreness after it: the duration at `start` is how long the lifts have stalled.
    func saysAPlateau(before start: Int, in tokens: [String], hurts: [Range<Int>]) -> Bool {
        let from = max(0, start - Self.plateauReach)
        guard let said = Interpreter.phraseRanges(plateauWords, in: tokens).first(where: { $0.lowerBound >= from }),
            said.lowerBound < start
        else { return false }
        return !hurts.contains { $0.lowerBound >= said.upperBound && $0.lowerBound < start }
    }

    /// How far before a duration a word of a plateau may end and still be what it measures
    /// ("stuck at 15-16 for a few weeks").
    static let plateauReach = 8

    /// Whether the line's warning signs are all an injury that happened long ago and has healed
    /// ("dislocated my shoulder 2 yrs ago, fully healed now"): each red flag is a word of an
    /// injury happening (`red_flags.lasting.events`), healing or clearance is said, and a count of
    /// at least `lastingDays` is dated ("... ago"). Such a line asks about training after it, not
    /// about a new injury.
    func healedLongAgo(in tokens: [String], found: [EntityMatch], spelled: [PhraseIndex<Int>.Match]) -> Bool {
        let flags = found.filter { $0.entity == .redFlag }
        guard !flags.isEmpty, found.contains(where: { $0.entity == .painBetter || $0.entity == .cleared }),
            allInjuryEvents(flags)
        else { return false }
        let spelledEndingAt = Self.valuesByEnd(spelled)
        return tokens.indices.contains { index in
            guard let days = durationUnits[tokens[index]], index + 1 < tokens.count,
                datingWords.contains(tokens[index + 1]), index > 0
            else { return false }
            let count = Int(tokens[index - 1]) ?? spelledEndingAt[index]
            return (count ?? 0) * days >= lastingDays
        }
    }

    /// Numbers said in words, by the position just after them: where a count that ends right
    /// before a unit word ("six weeks", "three times a week") is found.
    static func valuesByEnd(_ spelled: [PhraseIndex<Int>.Match]) -> [Int: Int] {
        Dictionary(spelled.map { ($0.range.upperBound, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    /// How many words stand between two ranges of tokens (0 when they touch or overlap).
    func distance(_ one: Range<Int>, _ other: Range<Int>) -> Int {
        if one.upperBound <= other.lowerBound { return other.lowerBound - one.upperBound }
        if other.upperBound <= one.lowerBound { return one.lowerBound - other.upperBound }
        return 0
    }

    /// Whether every word of pain or soreness among `matches` is of an injury or its treatment
    /// happening (`red_flags.lasting.events`: "broke my collarbone", "back surgery"), none of a
    /// hurt felt now; false when there are none.
    func onlyInjuryEvents(_ matches: [EntityMatch]) -> Bool {
        let hurts = matches.filter { $0.entity == .pain || $0.entity == .soreness }
        return !hurts.isEmpty && allInjuryEvents(hurts)
    }

    /// Whether every word of pain or soreness in `matches` is care (`red_flags.lasting.care`:
    /// an operation, a diagnosis, a scan), with no word of pain besides.
    func onlyCare(_ matches: [EntityMatch]) -> Bool {
        let hurts = matches.filter { $0.entity == .pain || $0.entity == .soreness }
        return !hurts.isEmpty && each(hurts, says: careEvents)
    }

    /// Whether each of `hurts` says a word of an injury happening (`red_flags.lasting.events`).
    private func allInjuryEvents(_ hurts: [EntityMatch]) -> Bool { each(hurts, says: injuryEvents) }

    /// Whether each of `hurts` has one of `words` among its words.
    private func each(_ hurts: [EntityMatch], says words: Set<String>) -> Bool {
        hurts.allSatisfy { hurt in hurt.text.split(separator: " ").contains { words.contains(String($0)) } }
    }
}
