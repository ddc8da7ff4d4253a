/// How coach coaches from the training log (`Knowledge/progress.yaml`). The articles give the
/// principles: train the upper back at least twice a week with rest days between, add load a
/// little at a time, make a move harder without weight. The numbers that turn them into rules
/// are the team's, and each rule names the article its principle comes from.
public struct ProgressRules: Hashable, Sendable, Codable {
    /// Sessions a week the articles suggest at least.
    public var sessionsPerWeek: Int
    /// A session less than this many hours ago means the muscles are still recovering.
    public var restHours: Int
    /// The top of the range reached on every set in this many sessions running: time to move on.
    public var sessionsAtTop: Int
    /// Band levels, lightest first, each with the words people use for it.
    public var bandLevels: [BandLevel]
    /// The advice, one per rule, with `{placeholders}` the responder fills.
    public var advice: [ProgressRule: ProgressAdvice]

    public init(
        sessionsPerWeek: Int, restHours: Int, sessionsAtTop: Int, bandLevels: [BandLevel],
        advice: [ProgressRule: ProgressAdvice]
    ) {
        self.sessionsPerWeek = sessionsPerWeek
        self.restHours = restHours
        self.sessionsAtTop = sessionsAtTop
        self.bandLevels = bandLevels
        self.advice = advice
    }

    /// No rules (a knowledge base built in code without progress.yaml): no advice is given.
    public static let none = ProgressRules(
        sessionsPerWeek: 2, restHours: 0, sessionsAtTop: 2, bandLevels: [], advice: [:])

    /// The band level a word names ("medium", "extra heavy").
    public func bandLevel(named word: String) -> BandLevel? {
        let word = word.lowercased()
        return bandLevels.first { $0.id == word || $0.words.contains(word) }
    }

    /// How a band is logged: "medium" (a level or a colour) as "medium band".
    public static func bandLoad(_ band: String) -> String { band + bandSuffix }

    /// The band a logged load names ("medium band": "medium"); nil for a weight.
    public static func band(ofLoad load: String) -> String? {
        load.hasSuffix(bandSuffix) ? String(load.dropLast(bandSuffix.count)) : nil
    }

    /// The band level of a logged load ("medium band", or a level word logged alone).
    public func bandLevel(ofLoad load: String) -> BandLevel? { bandLevel(named: Self.band(ofLoad: load) ?? load) }

    private static let bandSuffix = " band"

    /// The level after `level`, when there is one.
    public func bandLevel(after level: BandLevel) -> BandLevel? {
        guard let index = bandLevels.firstIndex(of: level), index + 1 < bandLevels.count else { return nil }
        return bandLevels[index + 1]
    }
}

/// One band level ("medium"), with the words that name it.
public struct BandLevel: Hashable, Sendable, Codable {
    public var id: String
    public var words: [String]

    public init(id: String, words: [String]) {
        self.id = id
        self.words = words
    }
}

/// The rules coach applies to the log. Their texts and sources are in `progress.yaml`, and
/// loading fails when that file and this list disagree.
public enum ProgressRule: String, CaseIterable, Codable, Sendable, Hashable {
    /// Fewer sessions in the last seven days than the articles suggest.
    case trainMoreOften = "train-more-often"
    /// Trained within the rest hours: rest, or move gently.
    case rest
    /// The top of the range on every set, enough sessions running, with a band: the next band.
    case nextBand = "next-band"
    /// The same with a weight: a little more weight.
    case moreWeight = "more-weight"
    /// The same with no load to change: make the move harder another way.
    case harderWithoutLoad = "harder-without-load"
    /// Sets were skipped last time: repeat the same dose before moving on.
    case repeatSkipped = "repeat-skipped"
    /// In the range but not at its top yet: stay at this load.
    case stayAtLoad = "stay-at-load"
    /// Asked when to go up, by someone who says the reps they do, below the top: stay, and how
    /// far they are from it.
    case stayAtLoadSaid = "stay-at-load-said"
    /// Asked when to go up, by someone who says they already reach the top of the range: go up,
    /// and how to take a big jump.
    case atTopSaid = "at-top-said"
}

/// The advice for one rule: our words, the article its principle rests on.
public struct ProgressAdvice: Hashable, Sendable, Codable {
    public var text: String
    public var basis: SourceRef

    public init(text: String, basis: SourceRef) {
        self.text = text
        self.basis = basis
    }
}
