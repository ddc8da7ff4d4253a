import CoachModel

/// What a set of moves covers of a balanced week for the upper back (`balance` in muscles.yaml):
/// the main muscles they work hardest, the kinds of move among them, what they leave to other
/// moves, and one move of each missing kind to add with the kit the person has.
/// "Are pull-ups enough?" and "here is my routine, anything to change?" are both answered from it.
public struct BalanceCheck: Sendable {
    /// One move to add: the kind of move it stands for, and the way of it the person can do.
    public struct Addition: Sendable {
        public var pattern: MovementPattern
        public var exercise: Exercise
        public var way: ExerciseWay
    }

    /// The main muscles the moves done work hardest, in the order first met, each once.
    public let worked: [MuscleID]
    /// The main muscles of a balanced week that none of them works hardest (before any addition).
    public let missing: [MuscleID]
    /// The kinds of move of a balanced week that a move done stands for, in the week's order: a
    /// move counts for its kind only when it works one of the main muscles hardest (the pullover,
    /// a pulldown in shape, works the chest).
    public let kindsDone: [MovementPattern]
    /// Whether nothing needs adding: every main muscle is worked hardest by a move done, or a
    /// move of every kind is done (which works them all, if not each hardest).
    public let isBalanced: Bool
    /// A move of each missing kind that works a muscle still left (or one the person named to
    /// add), best first; empty when balanced.
    public let additions: [Addition]

    /// Checks `done` against `balance`; `named` are moves the person named to add, preferred
    /// when they fit; every addition is something `availability` allows, never a move done.
    public init(
        done: [Exercise], named: [Exercise] = [], balance: BalancedBack, exercises: [Exercise],
        availability: Availability
    ) {
        let worked = done.flatMap(\.primaryMuscles).reduce(into: [MuscleID]()) { if !$0.contains($1) { $0.append($1) } }
        let missing = balance.muscles.filter { !worked.contains($0) }
        let kinds = Set(done.filter { !Set($0.primaryMuscles).isDisjoint(with: balance.muscles) }.map(\.pattern))
        self.worked = worked
        self.missing = missing
        kindsDone = balance.patterns.filter(kinds.contains)
        isBalanced = missing.isEmpty || Set(balance.patterns).isSubset(of: kinds)
        guard !isBalanced else {
            additions = []
            return
        }
        var left = missing
        var additions: [Addition] = []
        for pattern in balance.patterns where !kinds.contains(pattern) {
            let candidates = exercises.filter { $0.pattern == pattern && !done.contains($0) }
            func gain(_ exercise: Exercise) -> Int { exercise.primaryMuscles.filter(left.contains).count }
            let best = candidates.compactMap { exercise in availability.firstWay(of: exercise).map { (exercise, $0) } }
                .filter { gain($0.0) > 0 || named.contains($0.0) }
                .max { lhs, rhs in
                    let left = (named.contains(lhs.0) ? 1 : 0, gain(lhs.0), -lhs.0.level.rank)
                    let right = (named.contains(rhs.0) ? 1 : 0, gain(rhs.0), -rhs.0.level.rank)
                    return left < right
                }
            guard let (exercise, way) = best, !left.isEmpty || named.contains(exercise) else { continue }
            left.removeAll { exercise.primaryMuscles.contains($0) }
            additions.append(Addition(pattern: pattern, exercise: exercise, way: way))
        }
        self.additions = additions
    }
}
