import CoachModel

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
    /// (A mat is assumed at hand; `none` is no equipment at all.)
    public func allows(_ way: ExerciseWay) -> Bool {
        for item in way.equipment where item != "none" {
            if missing.contains(item) { return false }
            if let have, item != "mat", !have.contains(item) { return false }
        }
        return true
    }

    /// The first way of `exercise` this person can do.
    public func firstWay(of exercise: Exercise) -> ExerciseWay? { exercise.ways.first(where: allows) }
}
