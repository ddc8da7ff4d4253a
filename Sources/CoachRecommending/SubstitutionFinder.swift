import CoachModel

/// Ranks alternatives to an exercise that train the same thing with what a person has: first
/// the same exercise done another way, then other exercises of the same movement pattern and
/// muscles. Never suggests a way that needs missing equipment.
public struct SubstitutionFinder: Sendable {
    let knowledge: KnowledgeBase
    /// Muscles and equipment as numbers, worked out once: the scan runs on every swap.
    private let index: ExerciseIndex

    public init(knowledge: KnowledgeBase) {
        self.init(knowledge: knowledge, index: ExerciseIndex(knowledge: knowledge))
    }

    package init(knowledge: KnowledgeBase, index: ExerciseIndex) {
        self.knowledge = knowledge
        self.index = index
    }

    /// One alternative: the exercise, the way to do it, and what it shares with the original.
    public struct Alternative: Hashable, Sendable {
        public var exercise: Exercise
        public var way: ExerciseWay
        public var isSameExercise: Bool
        public var samePattern: Bool
        public var sharedMuscles: [MuscleID]
        var score: Double
    }

    /// How much a loaded swap for a loaded move counts: about what one more main muscle shared
    /// does, so a loaded row outranks a band row but not a move that shares none of the job.
    static let loadedSwapBonus = 30.0

    /// Up to `limit` alternatives to `original`, best first.
    /// Ways that load one of `sparing` (pain areas) are never offered, the original's included
    /// (another way of it may be: the row done chest down on a bench leaves the lower back out).
    /// `sameExercise` allows the original done another way (one way at most, ranked first): right
    /// when kit is missing, pointless when the person wants something else.
    public func alternatives(
        to original: Exercise, with availability: Availability, limit: Int = 4, easierOnly: Bool = false,
        sparing: Set<String> = [], sameExercise: Bool = true
    ) -> [Alternative] {
        let availability = availability.sparing(sparing)
        // NB: only the best `limit` are kept as they come (sorting every candidate made a swap
        // slow on a large knowledge base); ties keep the order they were found in.
        var best: [Alternative] = []
        func ranksAbove(_ score: Double, _ id: ExerciseID, _ other: Alternative) -> Bool {
            score != other.score ? score > other.score : id < other.exercise.id
        }
        func offer(_ alternative: Alternative) {
            let position =
                best.firstIndex { ranksAbove(alternative.score, alternative.exercise.id, $0) } ?? best.endIndex
            guard position < limit else { return }
            best.insert(alternative, at: position)
            if best.count > limit { best.removeLast() }
        }
        // With nothing said about kit, had or missing, the usual way is what is being replaced, so
        // only another way is the same exercise "done differently"; with kit said, the usual way
        // may well be what fits it ("only dumbbells, instead of rows?": the row with dumbbells).
        // (Of the ways the kit allows, the one using most of the kit said: "dumbbells and a flat
        // bench, instead of barbell rows?" gets the one-arm row braced on the bench.)
        if !easierOnly, sameExercise, let way = fullestWay(of: original, availability),
            availability.have != nil || !availability.missing.isEmpty || way != original.ways.first
        {
            offer(
                Alternative(
                    exercise: original, way: way, isSameExercise: true, samePattern: true,
                    sharedMuscles: original.primaryMuscles, score: 1000))
        }
        let originalPrimary = index.muscles(original.primaryMuscles)
        let originalMuscles = index.muscles(original.muscles.map(\.muscle))
        let coded = index.coded(availability)
        let exercises = knowledge.exercises
        // A move usually loaded with kit whose weight goes up (a cable, dumbbells) is best swapped
        // for the same movement loaded that way, when the kit allows one: the cable row, its
        // station busy, for a dumbbell row before a band row, so the load can keep growing. (Only
        // the same movement: a pull-up's swap is not a row because the row takes a kettlebell.)
        let progressive = knowledge.progressiveKit
        let loadedOriginal = original.ways.first.map { !$0.needs.isDisjoint(with: progressive) } ?? false
        let loadBonus = loadedOriginal ? Self.loadedSwapBonus : 0
        let originalUnloaded = original.ways.first?.needs.isEmpty ?? true
        for position in exercises.indices where exercises[position].id != original.id {
            // A stretch is no swap for a strength move (the corkscrew stretch for a cable row).
            if exercises[position].pattern == .mobility, original.pattern != .mobility { continue }
            let entry = index.entries[position]
            let samePattern = exercises[position].pattern == original.pattern
            let primaryShared = entry.primary.sharedCount(with: originalPrimary)
            // A fair swap works a main muscle of what it replaces: the pullover (a chest move)
            // shares the pulldown's arm path but not its job.
            guard primaryShared > 0 else { continue }
            let id = exercises[position].id
            let level = exercises[position].level
            if easierOnly, !(original.easier.contains(id) || level < original.level) { continue }
            var score = Double(primaryShared) * 15 + Double(entry.muscles.sharedCount(with: originalMuscles)) * 4
            if samePattern { score += 40 }
            if original.easier.contains(id) { score += easierOnly ? 60 : 10 }
            if original.harder.contains(id) { score += easierOnly ? -100 : 5 }
            score -= Double(abs(level.rank - original.level.rank)) * 3
            if best.count == limit, let last = best.last, !ranksAbove(score + (samePattern ? loadBonus : 0), id, last) {
                continue
            }
            guard let way = index.firstWay(of: position, coded) else { continue }
            let candidate = exercises[position]
            // (A move done with no kit, swapped with nothing said of kit, is no reason to send
            // someone to a harder lift of another kind that needs kit: the barbell deadlift for
            // the superman. Said to be at a gym, or with a barbell, it is offered.)
            if availability.have == nil, !samePattern, level > original.level, originalUnloaded,
                !candidate.ways[way].needs.isEmpty
            {
                continue
            }
            if samePattern, loadBonus > 0, !candidate.ways[way].needs.isDisjoint(with: progressive) {
                score += loadBonus
            }
            if best.count == limit, let last = best.last, !ranksAbove(score, id, last) { continue }
            var shared: [MuscleID] = []
            for role in original.muscles
            where !shared.contains(role.muscle) && entry.muscles.contains(index.muscle(role.muscle)) {
                shared.append(role.muscle)
            }
            offer(
                Alternative(
                    exercise: candidate, way: candidate.ways[way], isSameExercise: false, samePattern: samePattern,
                    sharedMuscles: shared, score: score))
        }
        return best
    }

    /// The bodyweight moves (and moves with the kit in `have`) closest to `original`, for when
    /// nothing else fits: those sharing a
    /// main muscle first, then those that work any of its muscles (most shared first, the same
    /// movement before another), and only when none does, the first bodyweight move there is.
    /// Nothing `missing` is used ("no mat": the floor moves done on a mat are left out).
    public func closestBodyweight(
        to original: Exercise, sparing: Set<String> = [], missing: Set<EquipmentID> = [],
        cannotLie: Set<Lying> = [], limit: Int = 3, have: Set<EquipmentID> = []
    ) -> [Alternative] {
        // (With the kit said, that kit too: "I have dumbbells and bands" is not body weight alone.)
        let bodyweight = Availability(
            have: have.union([knowledge.bodyweightID]), missing: missing, cannotLie: cannotLie, spare: sparing)
        let close = alternatives(to: original, with: bodyweight, limit: limit)
        guard close.count < limit else { return close }
        let taken = Set(close.map(\.exercise.id) + [original.id])
        let originalMuscles = original.muscles.map(\.muscle)
        let nearby = knowledge.exercises.compactMap { exercise -> Alternative? in
            // (A stretch is no stand-in for a strength move.)
            guard !taken.contains(exercise.id),
                exercise.pattern != .mobility || original.pattern == .mobility,
                let way = exercise.ways.first(where: { bodyweight.allows($0) && !$0.isDrill })
            else { return nil }
            let shared = originalMuscles.filter { muscle in exercise.muscles.contains { $0.muscle == muscle } }
            guard !shared.isEmpty else { return nil }
            let samePattern = exercise.pattern == original.pattern
            return Alternative(
                exercise: exercise, way: way, isSameExercise: false, samePattern: samePattern,
                sharedMuscles: shared, score: Double(shared.count) * 4 + (samePattern ? 10 : 0))
        }
        // (Sorted by score, then id: the same order in every run.)
        let ranked = nearby.sorted { $0.score != $1.score ? $0.score > $1.score : $0.exercise.id < $1.exercise.id }
        let found = close + ranked.prefix(limit - close.count)
        if !found.isEmpty { return found }
        return knowledge.exercises.lazy.compactMap { exercise -> Alternative? in
            guard let way = exercise.ways.first(where: bodyweight.allows) else {
                return nil
            }
            return Alternative(
                exercise: exercise, way: way, isSameExercise: false,
                samePattern: exercise.pattern == original.pattern,
                sharedMuscles: [], score: 0)
        }.prefix(1).map { $0 }
    }

    /// The way of `exercise` the availability allows (never a drill) that uses the most pieces of
    /// the kit had, the first such in the knowledge's order; the first allowed when no kit is said.
    /// (A gym is most of the pieces, said or not: with more than half of all kit at hand, the
    /// first allowed way stands, the band alone rather than the band in a door.)
    func fullestWay(of exercise: Exercise, _ availability: Availability) -> ExerciseWay? {
        let said = availability.have.flatMap { $0.count * 2 <= knowledge.equipment.count ? $0 : nil }
        // (Of ways that use as much of the kit said, the one that needs the least: with no kit
        // said, "no bench for pullovers" is the pullover on the floor, not on an exercise ball.)
        var best: (way: ExerciseWay, used: Int, needs: Int)?
        for way in exercise.ways where availability.allows(way) && !way.isDrill {
            let used = said.map { Set(way.equipment).intersection($0).count } ?? 0
            let needs = way.needs.count
            if let current = best, used < current.used || used == current.used && needs >= current.needs { continue }
            best = (way, used, needs)
        }
        return best?.way
    }
}
