import CoachModel

/// What a line says about the training log, when it is about the log at all.
public enum LogRequest: Hashable, Sendable {
    /// Sets done, to be logged.
    case entry(LogEntryDraft)
    /// How the last logged session felt, or the band or weight it was done with (the draft holds
    /// only those).
    case amend(LogEntryDraft)
    /// What the log holds for a time (all of it when nil).
    case review(LogPeriod?)
    /// Whether an exercise (or training as a whole, when nil) is going up.
    case progress(ExerciseID?)
    /// How often they trained in a time (the last 7 days when nil).
    case frequency(LogPeriod?)
    /// What to do next, from the log.
    case next

    /// The ask each request answers.
    public var ask: Ask {
        switch self {
        case .entry, .amend: .logEntry
        case .review: .logReview
        case .progress: .logProgress
        case .frequency: .logFrequency
        case .next: .nextSession
        }
    }
}

/// Sets said in a line ("3 sets of 12 face pulls with the medium band"), before the dialogue
/// checks them against the knowledge.
public struct LogEntryDraft: Hashable, Sendable {
    public var exercise: ExerciseID?
    public var sets: Int
    public var reps: Int?
    public var seconds: Int?
    /// As said: a band level word with "band" ("medium band"), or a weight ("10 kg").
    public var load: String?
    /// A band level word or colour, when the load is a band.
    public var band: String? { load.flatMap(ProgressRules.band(ofLoad:)) }
    public var effort: String?
    /// The kit named ("with the medium band" names a band).
    public var kit: [EquipmentID] = []

    public init(
        exercise: ExerciseID? = nil, sets: Int = 1, reps: Int? = nil, seconds: Int? = nil, load: String? = nil,
        effort: String? = nil
    ) {
        self.exercise = exercise
        self.sets = sets
        self.reps = reps
        self.seconds = seconds
        self.load = load
        self.effort = effort
    }
}

/// What a phrase of `language/log.yaml` says a line is about.
enum LogPhraseKind: String, Codable, Sendable, Hashable {
    case entry, amend, review, reviewWithPeriod, progress, frequency, next
}

/// Reads lines about the training log, with the phrases of `language/log.yaml`. It runs before
/// the classifiers: "I did 3 sets of 12 face pulls" is a log entry, not a form question, and "what
/// did I do this week?" is about the log, not a workout request.
struct LogReader: Equatable, Sendable, Codable {
    private let kinds: PhraseIndex<LogPhraseKind>
    private let periods: PhraseIndex<String>
    private let effort: PhraseIndex<String>
    private let setsWords: Set<String>
    private let repsWords: Set<String>
    private let secondsWords: Set<String>
    private let minutesWords: Set<String>
    /// Unit words by the unit written ("kilos" -> "kg").
    private let weightUnits: [String: String]
    private let longestQuestion: Int
    private let longestAmend: Int
    /// Band levels, to read "the medium band" as a level coach can step up from.
    private let bands: ProgressRules
    /// Words for a band, and words before one that do not name it ("the", "resistance").
    private let bandWords: Set<String>
    private let notBandNames: Set<String>

    init(language: LogLanguage, bands: ProgressRules) {
        self.bands = bands
        bandWords = Set(language.bandWords)
        longestQuestion = language.longestQuestion
        longestAmend = language.longestAmend
        notBandNames = Set(language.notBandNames)
        var kinds = PhraseIndex<LogPhraseKind>()
        for (kind, phrases) in [
            (LogPhraseKind.entry, language.entry), (.amend, language.amend), (.review, language.review),
            (.reviewWithPeriod, language.reviewWithPeriod), (.progress, language.progress),
            (.frequency, language.frequency), (.next, language.next),
        ] {
            for phrase in phrases { kinds.add(phrase, kind) }
        }
        self.kinds = kinds
        var periods = PhraseIndex<String>()
        for (period, phrases) in language.periods.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            for phrase in phrases { periods.add(phrase, period.rawValue) }
        }
        self.periods = periods
        var effort = PhraseIndex<String>()
        for (level, phrases) in language.effort.sorted(by: { $0.key < $1.key }) {
            for phrase in phrases { effort.add(phrase, level) }
        }
        self.effort = effort
        let stem = { (words: [String]) in Set(words.map(TextNormalizer.stem)) }
        setsWords = stem(language.setsWords)
        repsWords = stem(language.repsWords)
        secondsWords = stem(language.secondsWords)
        minutesWords = stem(language.minutesWords)
        var units: [String: String] = [:]
        for (unit, words) in language.weightWords {
            for word in words { units[word] = unit }
        }
        weightUnits = units
    }

    /// Every word of its phrases, for the spelling vocabulary.
    var words: Set<String> { kinds.words.union(periods.words).union(effort.words) }

    /// What `tokens` (as the interpreter read them: corrected and stemmed) say about the log;
    /// `raw` are the same words before stemming, for loads. `exercise` is the one named, and
    /// `workoutWords` says minutes or kit were named (then "what should I do today" asks for a
    /// workout); `asks` that the line holds a question mark.
    func read(
        _ tokens: [String], raw: [String], exercise: ExerciseID?, kit: [EquipmentID], workoutWords: Bool,
        asks: Bool
    ) -> LogRequest? {
        let found = kinds.matches(in: tokens)
        guard !found.isEmpty else { return nil }
        let period = periods.matches(in: tokens).first.flatMap { LogPeriod(rawValue: $0.value) }
        let kinds = Set(found.map(\.value))
        // Sets said are logged; sets told as the background of a question ("I did 3x10 rows,
        // how do I progress?") are not.
        if kinds.contains(.entry), !asks, raw.count <= 2 * longestQuestion,
            var draft = entry(tokens, raw: raw, exercise: exercise)
        {
            draft.kit = kit
            return .entry(draft)
        }
        if kinds.contains(.amend), !asks, exercise == nil, raw.count <= longestAmend {
            let said = loadAndEffort(tokens, raw: raw)
            if said.load != nil || said.effort != nil { return .amend(said) }
        }
        guard raw.count <= longestQuestion else { return nil }
        if kinds.contains(.frequency) { return .frequency(period) }
        if kinds.contains(.progress) { return .progress(exercise) }
        if kinds.contains(.review) { return .review(period) }
        if kinds.contains(.reviewWithPeriod), period != nil { return .review(period) }
        // ("Stuck on 0 pull-ups doing negatives, what's next?" asks the next step for that
        // exercise, not the next session from the log.)
        if kinds.contains(.next), !workoutWords, exercise == nil { return .next }
        return nil
    }

    /// Sets, reps or seconds, and the rest of an entry; nil without an exercise or a number.
    private func entry(_ tokens: [String], raw: [String], exercise: ExerciseID?) -> LogEntryDraft? {
        guard let exercise else { return nil }
        var draft = LogEntryDraft(exercise: exercise)
        var sawNumber = false
        for (index, token) in tokens.enumerated() {
            // "3x12" and "3 x 12"
            if let (sets, reps) = Self.setsByReps(token) {
                (draft.sets, draft.reps, sawNumber) = (sets, reps, true)
                continue
            }
            guard let number = Self.count(token) else { continue }
            let next = index + 1 < tokens.count ? tokens[index + 1] : ""
            let after = index + 2 < tokens.count ? tokens[index + 2] : ""
            if next == "x", let reps = Self.count(after) {
                (draft.sets, draft.reps, sawNumber) = (number, reps, true)
            } else if setsWords.contains(next) {
                draft.sets = number
                sawNumber = true
                // "3 sets of 12"
                if after == "of", index + 3 < tokens.count, let reps = Self.count(tokens[index + 3]) {
                    if index + 4 < tokens.count, secondsWords.contains(tokens[index + 4]) {
                        draft.seconds = reps
                    } else if index + 4 < tokens.count, minutesWords.contains(tokens[index + 4]) {
                        draft.seconds = reps * 60
                    } else {
                        draft.reps = reps
                    }
                }
            } else if repsWords.contains(next) {
                draft.reps = number
                sawNumber = true
            } else if secondsWords.contains(next) {
                draft.seconds = number
                sawNumber = true
            } else if minutesWords.contains(next) {
                draft.seconds = number * 60
                sawNumber = true
            }
        }
        guard sawNumber else { return nil }
        draft.sets = min(max(draft.sets, 1), 50)
        let said = loadAndEffort(tokens, raw: raw)
        (draft.load, draft.effort) = (said.load, said.effort)
        return draft
    }

    /// The band ("the medium band", "a red band") or weight ("10 kg", "20lb") named, and how hard
    /// it felt.
    private func loadAndEffort(_ tokens: [String], raw: [String]) -> LogEntryDraft {
        var draft = LogEntryDraft()
        for (index, word) in raw.enumerated() {
            if bandWords.contains(word), index > 0 {
                let before = raw[index - 1]
                let two = index > 1 ? "\(raw[index - 2]) \(before)" : ""
                if let level = bands.bandLevel(named: two) ?? bands.bandLevel(named: before) {
                    draft.load = ProgressRules.bandLoad(level.id)
                } else if before.allSatisfy(\.isLetter), !notBandNames.contains(before) {
                    draft.load = ProgressRules.bandLoad(before)
                }
            }
            if let (amount, unit) = weight(word, next: index + 1 < raw.count ? raw[index + 1] : "") {
                draft.load = "\(amount) \(unit)"
            }
        }
        draft.effort = effort.matches(in: tokens).first?.value
        return draft
    }

    /// "10kg", or "10" followed by "kg": the amount and the unit written.
    private func weight(_ word: String, next: String) -> (String, String)? {
        let digits = word.prefix { $0.isNumber || $0 == "." }
        guard !digits.isEmpty, let amount = Double(digits), amount > 0, amount <= 1000 else { return nil }
        let rest = String(word.dropFirst(digits.count))
        let amountText = amount.rounded() == amount ? String(Int(amount)) : String(amount)
        if let unit = weightUnits[rest], !rest.isEmpty { return (amountText, unit) }
        if rest.isEmpty, let unit = weightUnits[next] { return (amountText, unit) }
        return nil
    }

    /// A small whole number (a count of sets, reps or seconds): at most 3 digits.
    static func count(_ token: String) -> Int? {
        guard (1...3).contains(token.count), token.allSatisfy(\.isASCII), let value = Int(token), value > 0 else {
            return nil
        }
        return value
    }

    /// "3x12": sets and reps.
    static func setsByReps(_ token: String) -> (Int, Int)? {
        let parts = token.split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let sets = count(String(parts[0])), let reps = count(String(parts[1])) else {
            return nil
        }
        return (sets, reps)
    }
}
