import CoachModel

/// The exercises of a knowledge base with their muscles and equipment numbered, so that a swap
/// or a workout can weigh every exercise with a few bit operations each: with thousands of
/// exercises, comparing sets of strings made those replies grow to milliseconds.
package struct ExerciseIndex: Sendable {
    /// What ranking needs of one exercise.
    struct Entry: Sendable {
        var primary: BitSet
        var secondary: BitSet
        var muscles: BitSet
        /// Per way, in order: the equipment it uses, the part of it a person must have (what is
        /// always at hand left out), how it is done lying down, if it is, and the pain areas it
        /// loads.
        var ways: [CodedWay]
    }

    private(set) var entries: [Entry] = []
    /// Per exercise, the positions of its ways that are learning drills (`ExerciseWay.isDrill`).
    private var drills: [Set<Int>] = []
    /// Per exercise and way, the level the way suits (its own, else the exercise's).
    private var wayLevels: [[Level]] = []
    private var muscleNumbers: [MuscleID: Int] = [:]
    private var equipmentNumbers: [EquipmentID: Int] = [:]
    private var areaNumbers: [String: Int] = [:]
    /// Kit whose load keeps going up (`Equipment.progressive`), and kit only a gym has.
    private(set) var progressiveKit = BitSet([])
    private(set) var gymKit = BitSet([])
    /// Per exercise, the kit its name says ("Resistance Band High Row", "Single-Arm Kettlebell
    /// Row"): a way with that kit is never traded for another because other kit is preferred.
    private var kitInName: [BitSet] = []

    package init(knowledge: KnowledgeBase) {
        for exercise in knowledge.exercises {
            let ways = exercise.ways.map { way in
                CodedWay(
                    uses: BitSet(way.equipment.map { Self.number($0, in: &equipmentNumbers) }),
                    needs: BitSet(way.needs.sorted().map { Self.number($0, in: &equipmentNumbers) }),
                    lying: way.lying,
                    loads: BitSet(way.loads.sorted().map { Self.number($0, in: &areaNumbers) })
                )
            }
            let primary = BitSet(exercise.primaryMuscles.map { Self.number($0, in: &muscleNumbers) })
            let secondary = BitSet(exercise.secondaryMuscles.map { Self.number($0, in: &muscleNumbers) })
            let muscles = BitSet(exercise.muscles.map { Self.number($0.muscle, in: &muscleNumbers) })
            entries.append(Entry(primary: primary, secondary: secondary, muscles: muscles, ways: ways))
            drills.append(Set(exercise.ways.indices.filter { exercise.ways[$0].isDrill }))
            wayLevels.append(exercise.ways.map { $0.level ?? exercise.level })
        }
        kitInName = knowledge.exercises.map { equipment(knowledge.kitInName(of: $0)) }
        progressiveKit = equipment(knowledge.progressiveKit)
        gymKit = equipment(knowledge.gymOnlyKit)
    }

    private static func number<ID: Hashable>(_ id: ID, in numbers: inout [ID: Int]) -> Int {
        if let known = numbers[id] { return known }
        numbers[id] = numbers.count
        return numbers.count - 1
    }

    /// The number of a muscle, or -1 for one no exercise trains.
    func muscle(_ id: MuscleID) -> Int { muscleNumbers[id] ?? -1 }

    /// The muscles with these ids, as a set of numbers (ids no exercise trains are left out).
    func muscles(_ ids: some Sequence<MuscleID>) -> BitSet { BitSet(ids.compactMap { muscleNumbers[$0] }) }

    /// An availability in numbers: equipment no exercise needs cannot matter, so is left out.
    func coded(_ availability: Availability) -> CodedAvailability {
        CodedAvailability(
            missing: equipment(availability.missing), have: availability.have.map(equipment),
            cannotLie: availability.cannotLie,
            spare: BitSet(availability.spare.compactMap { areaNumbers[$0] }))
    }

    /// The position of the first way of exercise `index` that `availability` allows and that is
    /// not a learning drill: what workouts and swaps may use.
    /// Only ways that suit `level` (a way's own level, else the exercise's) count.
    /// With `drills`, learning drills count too: a warm-up may use one ("with empty hands").
    func firstWay(of index: Int, _ availability: CodedAvailability, level: Level = .advanced, drills: Bool = false)
        -> Int?
    {
        entries[index].ways.indices.first {
            (drills || !self.drills[index].contains($0)) && wayLevels[index][$0] <= level
                && availability.allows(entries[index].ways[$0])
        }
    }

    /// Like `firstWay`, but the allowed way that uses the most kit of `preferred`, tier by tier (the
    /// kit just named, then kit whose load keeps going up...), when one uses any.
    func firstWay(
        of index: Int, _ availability: CodedAvailability, level: Level, preferring preferred: [BitSet]
    ) -> Int? {
        guard let first = firstWay(of: index, availability, level: level) else { return nil }
        if uses(index, way: first, any: kitInName[index]) { return first }
        // Tier by tier, the allowed way that uses the most of that kit, the earliest on a tie
        // ("dumbbells and a bench": the one-arm row braced on the bench).
        for kit in preferred where !kit.isEmpty {
            var best = first
            var most = entries[index].ways[first].uses.sharedCount(with: kit)
            for way in entries[index].ways.indices
            where !drills[index].contains(way) && wayLevels[index][way] <= level
                && availability.allows(entries[index].ways[way])
            {
                let shared = entries[index].ways[way].uses.sharedCount(with: kit)
                if shared > most { (best, most) = (way, shared) }
            }
            if most > 0 { return best }
        }
        return first
    }

    /// Whether way `way` of exercise `index` uses any of `kit` (numbers of `equipment(_:)`).
    func uses(_ index: Int, way: Int, any kit: BitSet) -> Bool { entries[index].ways[way].uses.intersects(kit) }

    /// Equipment ids as numbers.
    func equipment(_ ids: some Sequence<EquipmentID>) -> BitSet { BitSet(ids.compactMap { equipmentNumbers[$0] }) }
}

/// `Availability` in equipment numbers of an `ExerciseIndex`.
struct CodedAvailability: Sendable {
    var missing: BitSet
    /// What the person has; nil when they have not said.
    var have: BitSet?
    var cannotLie: Set<Lying> = []
    /// Pain areas no way may load.
    var spare = BitSet([])

    func allows(_ way: CodedWay) -> Bool {
        if let lying = way.lying, cannotLie.contains(lying) { return false }
        guard !way.loads.intersects(spare) else { return false }
        guard !way.uses.intersects(missing) else { return false }
        guard let have else { return true }
        return way.needs.isSubset(of: have)
    }
}

/// A way of an exercise in numbers (`ExerciseIndex.Entry.ways`).
struct CodedWay: Sendable {
    var uses: BitSet
    var needs: BitSet
    var lying: Lying?
    var loads: BitSet
}

/// A set of small non-negative numbers, one bit each.
struct BitSet: Equatable, Sendable {
    private var words: [UInt64] = []

    init(_ members: some Sequence<Int>) {
        for member in members {
            let (word, bit) = member.quotientAndRemainder(dividingBy: 64)
            if word >= words.count { words += Array(repeating: 0, count: word - words.count + 1) }
            words[word] |= 1 << UInt64(bit)
        }
    }

    var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    func contains(_ member: Int) -> Bool {
        guard member >= 0 else { return false }
        let (word, bit) = member.quotientAndRemainder(dividingBy: 64)
        return word < words.count && words[word] & (1 << UInt64(bit)) != 0
    }

    /// How many members the two sets share.
    func sharedCount(with other: BitSet) -> Int {
        var count = 0
        for index in 0..<min(words.count, other.words.count) {
            count += (words[index] & other.words[index]).nonzeroBitCount
        }
        return count
    }

    func intersects(_ other: BitSet) -> Bool {
        for index in 0..<min(words.count, other.words.count) where words[index] & other.words[index] != 0 {
            return true
        }
        return false
    }

    func isSubset(of other: BitSet) -> Bool {
        for index in words.indices {
            let theirs = index < other.words.count ? other.words[index] : 0
            if words[index] & ~theirs != 0 { return false }
        }
        return true
    }
}
