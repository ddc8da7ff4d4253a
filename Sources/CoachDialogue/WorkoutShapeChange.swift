import CoachModel
import CoachUnderstanding

/// A change to how the last workout is laid out rather than to what it holds: a stretch to end it
/// ("add a stretch at the end", "no cool-down"), the warm-up dropped or put back ("skip the warm
/// up"), or one number of sets for every move ("3 sets each instead"). Read only right after a
/// workout; each part is nil when the line does not touch it.
struct WorkoutShapeChange: Equatable {
    var coolDown: Bool?
    var warmUp: Bool?
    var setsEach: Int?

    /// The most sets of each move a line can ask for this way ("10 sets" is no session's shape).
    static let mostSetsEach = 6
    /// The most words a line asking for a cool-down may have without a word of adding or leaving
    /// out ("cool down too?").
    static let shortLine = 4

    var isEmpty: Bool { coolDown == nil && warmUp == nil && setsEach == nil }

    init() {}

    /// With `withinRequest`, the line is already a request for a workout or a change to one, so a
    /// stretch named with no word of adding ("no warm up, and a stretch at the end") is wanted.
    init(_ turn: Turn, language: Language, withinRequest: Bool = false) {
        let tokens = turn.understanding.words
        let words = language.understanding
        let adds = turn.mentions(language.words(.addIn))
        let leaves = turn.mentions(language.words(.leaveOut)) || turn.says(.leaveOut, language)
        /// Whether the part is wanted: by the word of adding or leaving out nearest before it ("put
        /// a stretch at the end and skip the warmup"), else by the line's one kind of word.
        func wanted(_ start: Int) -> Bool? {
            for index in stride(from: start - 1, through: max(0, start - Self.reach), by: -1) {
                // ("No warm up and a stretch at the end": the "no" is the warm-up's.)
                if words.wordsAsRead(.clauseBreak).contains(tokens[index]) { return nil }
                if words.wordsAsRead(.leaveOut).contains(tokens[index]) { return false }
                if words.wordsAsRead(.addIn).contains(tokens[index]) { return true }
            }
            return adds != leaves ? adds : nil
        }
        // ("Should I stretch after?" asks about stretching; "add a stretch at the end" changes the
        // plan: a word of adding, leaving out or changing, or a few words that ask nothing else.)
        if let start = Self.start(of: .coolDown, in: tokens, language) {
            let short = turn.understanding.wordCount <= Self.shortLine && !turn.says(.yesNo, language)
            coolDown = wanted(start) ?? (turn.says(.asksChange, language) || short || withinRequest ? true : nil)
        }
        // ("Do I need to warm up?" asks; "skip the warm up", "put the warm-up back" change.)
        if let start = Self.start(of: .warmUpPart, in: tokens, language) { warmUp = wanted(start) }
        setsEach = Self.setsEach(turn, language: language)
    }

    /// How many words before a part a word of adding or leaving out is its own.
    static let reach = 4

    /// Where a signal's first phrase starts in the line, if it says one.
    private static func start(of signal: Signal, in tokens: [String], _ language: Language) -> Int? {
        Interpreter.phraseRanges(language.understanding.wordsAsRead(signal), in: tokens).first { _ in true }?
            .lowerBound
    }

    /// "3 sets each", "make it 4 sets", "only two sets of everything": a small number just before
    /// the word for sets, with no exercise named (sets of one move are that move's business).
    private static func setsEach(_ turn: Turn, language: Language) -> Int? {
        guard turn.understanding.namesNoExercise else { return nil }
        let words = turn.understanding.words
        let setWords = language.understanding.wordsAsRead(.setsWord)
        for (index, word) in words.enumerated().dropLast() where setWords.contains(words[index + 1]) {
            guard let count = Int(word) ?? language.numbers[word], (1...mostSetsEach).contains(count) else {
                continue
            }
            return count
        }
        return nil
    }
}
