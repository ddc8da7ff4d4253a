import Yams

/// The range every number in the knowledge must fall in. Whatever `coach kb check` accepts,
/// coach then runs with: no arithmetic overflow, no workout that never ends, no negative rest
/// printed as "1 x -45 s". The bounds are generous for real training and far below what could
/// overflow (a workout's seconds are at most sets x reps x seconds a rep x rounds, well under
/// Int.max), and they are written in README.md of Knowledge/.
enum NumberRanges {
    static let sets = 1...20
    static let reps = 1...200
    /// A timed set or a hold, in seconds.
    static let holdSeconds = 1...600
    /// Rest between sets or rounds, in seconds.
    static let restSeconds = 0...600
    static let rounds = 1...20
    /// A named routine's length, and a time-model bracket's.
    static let minutes = 1...180
    /// A workout's length when none was said (the workout builder's 3 to 60 minutes).
    static let workoutMinutes = 3...60
    static let perWeek = 1...14
    /// Hours after a session when the same muscles count as recovering (progress.yaml).
    static let restHours = 0...96
    /// Sessions running at the top of the range before moving on (progress.yaml).
    static let sessionsAtTop = 1...10
    /// Seconds of a time model's fixed steps (switching sides, changing over, a warm-up move).
    static let stepSeconds = 0...600
    /// One controlled rep, in seconds.
    static let secondsPerRep = 0.5...30.0
    /// Main exercises in a workout.
    static let exercises = 1...20
    /// Words in a line (language/log.yaml's longest lines).
    static let lineWords = 1...200
    /// A position in a list said in words ("the third one"); -1 is the last.
    static let ordinals = -1...20
    /// A number word ("twenty") in the vocabulary.
    static let numberWords = 0...1000
}

extension YAMLReader {
    /// A whole number that must be in `range`; a diagnostic naming the range otherwise.
    mutating func int(_ node: Node?, _ what: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = int(node, what) else { return nil }
        guard range.contains(value) else {
            fail(node, "\(what) should be from \(range.lowerBound) to \(range.upperBound), not \(value)")
            return nil
        }
        return value
    }
}
