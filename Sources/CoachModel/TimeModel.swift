/// How a workout's sets are shaped when the person asks: the usual reps, fewer reps in more sets
/// (heavier), or more reps in fewer sets (lighter).
public enum RepStyle: String, Hashable, Sendable, Codable {
    case usual, fewer, more
}

/// How long things take, for estimating and fitting a workout into the minutes asked.
public struct TimeModel: Hashable, Sendable, Codable {
    public var secondsPerRep: Double
    /// Extra time when a set is done one side at a time (switching sides).
    public var sideSwitchSeconds: Int
    /// Moving from one exercise to the next.
    public var changeoverSeconds: Int
    /// Rest between sets, by level.
    public var restSeconds: [Level: Int]
    /// Sets of each main exercise, by level.
    public var sets: [Level: Int]
    /// How long each warm-up move lasts.
    public var warmUpSeconds: Int
    /// How long each cool-down stretch lasts, both sides together, when one is asked for.
    public var coolDownSeconds = 60
    /// Reps of a set when nothing says how many.
    public var defaultReps: Int
    /// Seconds of a timed set (a hold) when nothing says how long.
    public var defaultHoldSeconds: Int
    /// The rest between sets a workout may use, by level.
    public var restRange: [Level: ClosedRange<Int>] = [:]
    /// How many main exercises a workout has: by the most minutes each range applies to.
    public var mainExercises: [Int: ClosedRange<Int>] = [:]
    /// Warm-up moves, by the fewest minutes each count applies from.
    public var warmUpMoves: [Int: Int] = [:]
    /// How long a workout is when the person did not say, by level (a beginner's first sessions
    /// are short; someone advanced asking for a pull day expects a full session).
    public var defaultMinutes: [Level: Int] = [:]
    /// The most sets of one exercise, and the most rounds of the main block.
    public var mostSets = 5
    public var mostRounds = 4
    /// The reps of each set of a move whose best the person has said ("I can do 12 pull-ups"), as
    /// a percentage of that best: sets that stop a few reps short of failure, not a beginner's
    /// dose for someone past it.
    public var percentOfBest = 70
    /// The reps of a set when fewer or more are asked for ("less reps more sets"), as a
    /// percentage of the level's usual reps, kept within `repsRange`; a set is added for fewer,
    /// taken away for more.
    public var fewerRepsPercent = 70
    public var moreRepsPercent = 150
    public var repsRange = 5...20

    /// The reps of a set of `usual` reps in `style`, and the sets to add (or take away).
    public func reps(_ usual: Int, in style: RepStyle) -> (reps: Int, setsAdded: Int) {
        let percent: Int
        switch style {
        case .usual: return (usual, 0)
        case .fewer: percent = fewerRepsPercent
        case .more: percent = moreRepsPercent
        }
        let scaled = Int((Double(usual * percent) / 100).rounded())
        return (min(max(scaled, repsRange.lowerBound), repsRange.upperBound), style == .fewer ? 1 : -1)
    }

    /// The reps of a set for someone whose best is `best` reps (at least one).
    public func repsPerSet(ofBest best: Int) -> Int {
        max(1, Int((Double(best * percentOfBest) / 100).rounded()))
    }

    /// The minutes of a workout at `level` when none were said.
    public func defaultMinutes(for level: Level) -> Int { defaultMinutes[level] ?? 10 }

    /// How many warm-up moves a workout of `minutes` has.
    public func warmUpMoves(forMinutes minutes: Int) -> Int {
        guard let key = warmUpMoves.keys.sorted().last(where: { $0 <= minutes }) else { return 0 }
        return warmUpMoves[key] ?? 0
    }

    /// The number of main exercises for a workout of `minutes` (the first bracket that holds it;
    /// the longest one past its end).
    public func mainExercises(forMinutes minutes: Int) -> ClosedRange<Int> {
        let brackets = mainExercises.keys.sorted()
        guard let key = brackets.first(where: { minutes <= $0 }) ?? brackets.last else { return 1...12 }
        return mainExercises[key] ?? 1...12
    }

    public init(
        secondsPerRep: Double, sideSwitchSeconds: Int, changeoverSeconds: Int, restSeconds: [Level: Int],
        sets: [Level: Int], warmUpSeconds: Int, defaultReps: Int, defaultHoldSeconds: Int
    ) {
        self.secondsPerRep = secondsPerRep
        self.sideSwitchSeconds = sideSwitchSeconds
        self.changeoverSeconds = changeoverSeconds
        self.restSeconds = restSeconds
        self.sets = sets
        self.warmUpSeconds = warmUpSeconds
        self.defaultReps = defaultReps
        self.defaultHoldSeconds = defaultHoldSeconds
    }
}
