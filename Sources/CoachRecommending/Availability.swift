import CoachModel

/// What a person can use: the equipment they have (when they said), and what they lack.
public struct Availability: Hashable, Sendable {
    /// The equipment they have; nil when they have not said, so anything not missing is fair.
    public var have: Set<EquipmentID>?
    public var missing: Set<EquipmentID>
    /// How they cannot lie down to train ("I can't lie face down"): no way done so is allowed.
    public var cannotLie: Set<Lying> = []
    /// Pain areas to leave alone (ids): no way that loads one is allowed (`ExerciseWay.loads`).
    public var spare: Set<String> = []

    /// The same, leaving `areas` alone as well (pain areas, by id).
    public func sparing(_ areas: some Sequence<String>) -> Availability {
        var sparing = self
        sparing.spare.formUnion(areas)
        return sparing
    }

    /// Whether the person can be as `way` is done: not lying down a way they cannot.
    public func allowsLying(_ way: ExerciseWay) -> Bool {
        way.lying.map { !cannotLie.contains($0) } ?? true
    }

    public init(
        have: Set<EquipmentID>?, missing: Set<EquipmentID> = [], cannotLie: Set<Lying> = [], spare: Set<String> = []
    ) {
        self.have = have
        self.missing = missing
        self.cannotLie = cannotLie
        self.spare = spare
    }

    /// True when the person has every piece `way` needs and lacks none it uses, can lie as it is
    /// done, and it loads no area to spare. What is always at hand, such as a mat, is never asked for (`ExerciseWay.needs`),
    /// but "no mat" still counts.
    public func allows(_ way: ExerciseWay) -> Bool {
        guard allowsLying(way), way.loads.isDisjoint(with: spare) else { return false }
        if way.equipment.contains(where: missing.contains) { return false }
        guard let have else { return true }
        return way.needs.isSubset(of: have)
    }

    /// The first way of `exercise` this person can do (never a learning drill).
    public func firstWay(of exercise: Exercise) -> ExerciseWay? { exercise.ways.first { allows($0) && !$0.isDrill } }

    /// The first way of `exercise` this person can do that uses some of `preferred` (at a gym,
    /// kit whose load keeps going up: the face pull at the cable), else the first they can do.
    /// (A way with the kit the exercise's name says, `keeping`, stays first: the Resistance Band
    /// High Row is done with a band.)
    public func firstWay(
        of exercise: Exercise, preferring preferred: Set<EquipmentID>, keeping named: Set<EquipmentID> = []
    ) -> ExerciseWay? {
        let first = firstWay(of: exercise)
        guard !preferred.isEmpty, first.map({ $0.equipment.contains(where: named.contains) }) != true else {
            return first
        }
        return exercise.ways.first { allows($0) && !$0.isDrill && $0.equipment.contains(where: preferred.contains) }
            ?? first
    }
}
