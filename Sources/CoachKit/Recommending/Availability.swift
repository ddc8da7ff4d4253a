/// What a person can use: the equipment they have (when they said), and what they lack.
public struct Availability: Hashable, Sendable {
    /// The equipment they have; nil when they have not said, so anything not missing is fair.
    public var have: Set<String>?
    public var missing: Set<String>

    public init(have: Set<String>?, missing: Set<String> = []) {
        self.have = have
        self.missing = missing
    }

    /// True when every piece `way` needs is at hand and none is missing.
    public func allows(_ way: ExerciseWay) -> Bool {
        let needs = way.needs
        if !needs.isDisjoint(with: missing) { return false }
        guard let have else { return true }
        return needs.isSubset(of: have.union(["none", "mat"]))
    }

    /// The first way of `exercise` this person can do.
    public func firstWay(of exercise: Exercise) -> ExerciseWay? { exercise.ways.first(where: allows) }
}
