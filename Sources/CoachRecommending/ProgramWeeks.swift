import CoachModel

/// A session carried over several weeks with progressive overload, the principle the articles
/// give (add load, sets or reps a little at a time; elevate-upper-back): the steps are the team's.
/// Each block of three weeks after the first adds reps, then a set, then load:
/// - week 1: the session as built;
/// - the next week: two more reps a set (five more seconds for a timed hold), up to the top of the
///   exercise's range;
/// - the week after: one more set of each main move (at most `mostSets`);
/// - the week after that: a little more load (a heavier weight, a stronger band or a harder way),
///   back at week 1's reps, with week 3's sets.
/// Longer programs start again from the second step with the new load. Warm-ups stay as they are.
public struct ProgramWeeks: Hashable, Sendable {
    /// What one week asks of a move.
    public struct Dose: Hashable, Sendable {
        public var sets: Int
        public var reps: Int?
        public var seconds: Int?
        /// True in a week that adds load.
        public var moreLoad: Bool
    }

    /// What changes in a week, for the line that says so.
    public enum Step: Hashable, Sendable {
        case asBuilt, moreReps, moreSets, moreLoad
    }

    public struct Row: Hashable, Sendable {
        public var exercise: ExerciseID
        public var name: String
        public var perSide: Bool
        /// One dose a week, week 1 first.
        public var weeks: [Dose]
    }

    public var rows: [Row]
    /// The step of each week, week 1 first.
    public var steps: [Step]

    /// The most sets a move reaches.
    public static let mostSets = 4
    /// Reps added a set in a week of more reps.
    public static let repsAdded = 2
    /// Seconds added to a timed hold in a week of more reps.
    public static let secondsAdded = 5
    /// The weeks a program is laid out for (eight columns still fit a terminal 80 wide).
    public static let weeksRange = 2...8

    /// `plan` over `weeks` weeks (clamped to `weeksRange`); `knowledge` gives each move's rep range.
    public init(_ plan: WorkoutPlan, weeks: Int, knowledge: KnowledgeBase) {
        let count = min(max(weeks, Self.weeksRange.lowerBound), Self.weeksRange.upperBound)
        steps = (0..<count).map { week in
            guard week > 0 else { return .asBuilt }
            switch (week - 1) % 3 {
            case 0: return .moreReps
            case 1: return .moreSets
            default: return .moreLoad
            }
        }
        let steps = steps
        rows = plan.items.filter { !$0.isWarmUp }.map { item in
            let top = knowledge.exercise(item.exercise)?.dosage.reps?.upperBound
            var doses: [Dose] = []
            var current = Dose(sets: item.sets, reps: item.reps, seconds: item.seconds, moreLoad: false)
            for step in steps {
                switch step {
                case .asBuilt:
                    break
                case .moreReps:
                    current.moreLoad = false
                    if let reps = current.reps {
                        current.reps = max(reps, min(reps + Self.repsAdded, top ?? reps + Self.repsAdded))
                    }
                    if let seconds = current.seconds { current.seconds = seconds + Self.secondsAdded }
                    current.sets = item.sets
                case .moreSets:
                    current.sets = min(item.sets + 1, max(item.sets, Self.mostSets))
                case .moreLoad:
                    current.moreLoad = true
                    current.reps = item.reps
                    current.seconds = item.seconds
                }
                doses.append(current)
            }
            return Row(exercise: item.exercise, name: item.name, perSide: item.perSide, weeks: doses)
        }
    }
}
