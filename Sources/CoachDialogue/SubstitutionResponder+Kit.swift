import CoachModel
import CoachRecommending
import CoachUnderstanding

/// What fits the kit a person has or lacks: swaps away from the gym, stand-ins for missing kit,
/// the exercises their kit covers, and how the lists are ranked and offered.
extension SubstitutionResponder {
    /// The closest exercise of the same movement whose kit has a stand-in needing no equipment
    /// meant for it (the inverted row's straps, a heavy table), with that kit.
    func householdStandIn(for original: Exercise) -> (EquipmentID, ExerciseID)? {
        for candidate in knowledge.exercises
        where candidate.id != original.id && candidate.pattern == original.pattern
            && !candidate.primaryMuscles.filter(original.primaryMuscles.contains).isEmpty
        {
            for way in candidate.ways where !way.isDrill {
                let kit = way.needs.first { needed in
                    knowledge.equipment(needed)?.standIns.contains {
                        $0.equipment == knowledge.bodyweightID && $0.serves(candidate.id) && !$0.exercises.isEmpty
                    } == true
                }
                if let kit, way.needs.count == 1 { return (kit, candidate.id) }
            }
        }
        return nil
    }

    /// The ways of an exercise done with things many homes have (a sturdy table, a towel and a
    /// door), none said missing: offered, "if yours will hold", to someone with body weight alone.
    func homeWays(of exercise: Exercise, availability: Availability) -> [ExerciseWay] {
        let homeKit = knowledge.homeKit
        return exercise.ways.filter { way in
            !way.isDrill && !way.needs.isEmpty && way.needs.isSubset(of: homeKit)
                && way.needs.isDisjoint(with: availability.missing)
        }
    }

    /// The exercise of the same movement as `original` (sharing a main muscle, most shared first)
    /// that many homes can do with things they have (`homeWays`), with those ways; nil when none can.
    func homeWaysOfTheSamePull(
        as original: Exercise, availability: Availability, sparing spare: Set<String>
    ) -> (Exercise, [ExerciseWay])? {
        let candidates = knowledge.exercises.filter { candidate in
            candidate.id != original.id && candidate.pattern == original.pattern
                && !candidate.primaryMuscles.filter(original.primaryMuscles.contains).isEmpty
        }.sorted { first, second in
            let shared = { (exercise: Exercise) in
                exercise.primaryMuscles.filter(original.primaryMuscles.contains).count
            }
            return shared(first) != shared(second) ? shared(first) > shared(second) : first.id < second.id
        }
        for candidate in candidates {
            let ways = homeWays(of: candidate, availability: availability).filter { $0.loads.isDisjoint(with: spare) }
            if !ways.isEmpty { return (candidate, ways) }
        }
        return nil
    }

    /// The first of the moves the knowledge names as easier than `original` (`easier`) that many
    /// homes can do with things they have (`homeWays`), not listed already, with those ways.
    func homeWaysOfAnEasierMove(
        than original: Exercise, availability: Availability, sparing spare: Set<String>, listed: Set<ExerciseID>
    ) -> (Exercise, [ExerciseWay])? {
        for id in original.easier where !listed.contains(id) {
            guard let easier = knowledge.exercise(id) else { continue }
            let ways = homeWays(of: easier, availability: availability).filter { $0.loads.isDisjoint(with: spare) }
            if !ways.isEmpty { return (easier, ways) }
        }
        return nil
    }

    /// The one exercise that uses the missing kit, when only one does: "no lat pulldown machine,
    /// what do I do for lats?" asks what replaces the lat pulldown. Nil for kit several exercises
    /// use (a cable station), whose stand-ins answer instead.
    func onlyUser(of missing: [EquipmentID]) -> ExerciseID? {
        guard missing.count == 1, let kit = missing.first else { return nil }
        let users = knowledge.exercises.filter { exercise in exercise.ways.contains { $0.equipment.contains(kit) } }
        return users.count == 1 ? users[0].id : nil
    }

    /// What any room has, at home or away, with nothing said of kit: the floor, body weight,
    /// things to hand and household things (a towel).
    var roomKit: Set<EquipmentID> {
        knowledge.atHand.union([knowledge.bodyweightID]).union(knowledge.householdKit)
    }

    /// Swaps for someone travelling who has said nothing of their kit: what any hotel room has
    /// first (the floor, a towel), then, up to `fewest` options, other exercises with kit that is
    /// not a gym machine (never the usual way of this one, which is what they cannot do away).
    func travellersSwaps(
        for exercise: Exercise, availability: Availability, easier: Bool, sparing spare: Set<String>,
        sameExercise: Bool
    ) -> [SubstitutionFinder.Alternative] {
        let room = roomKit
        var swaps = context.substitutions.alternatives(
            to: exercise,
            with: Availability(have: room, missing: availability.missing, cannotLie: availability.cannotLie),
            easierOnly: easier,
            sparing: spare, sameExercise: sameExercise)
        guard swaps.count < Self.fewest else { return swaps }
        let taken = Set(swaps.map(\.exercise.id))
        let more = context.substitutions.alternatives(
            to: exercise, with: availability, easierOnly: easier, sparing: spare, sameExercise: false)
        swaps += more.filter { !taken.contains($0.exercise.id) }.prefix(Self.fewest - swaps.count)
        return swaps
    }

    /// What can stand in for missing equipment itself (a towel for a band).
    /// Stand-ins the person can use: none that is itself missing.
    /// (`exercise`: the exercise being replaced, when there is one: stand-ins meant for other
    /// exercises are left out. `awayFromGym`: at home or travelling, so no gym machine stands in:
    /// "forgot my band, what can I do at home?" is not told of a cable station.)
    func standIns(
        _ draft: inout ReplyDraft, for missing: [EquipmentID], availability: Availability, quiet: Bool = false,
        exercise: ExerciseID? = nil, awayFromGym: Bool = false
    ) {
        var found = false
        for id in missing {
            guard let item = knowledge.equipment(id) else { continue }
            let usable = item.standIns.filter { standIn in
                exercise.map(standIn.serves) != false
                    && !(awayFromGym && knowledge.equipment(standIn.equipment)?.gymOnly == true)
                    && !availability.missing.contains(standIn.equipment)
                    && (availability.have == nil || standIn.equipment == knowledge.bodyweightID
                        || availability.have?.contains(standIn.equipment) == true)
            }
            guard !usable.isEmpty else { continue }
            found = true
            draft.add(.paragraph(say(.substitutionStandIn, ["equipment": item.name])))
            draft.add(
                .bullets(
                    usable.map { standIn in
                        let label =
                            standIn.equipment == knowledge.bodyweightID
                            ? say(.substitutionStandInHousehold)
                            : capitalizedFirst(knowledge.equipmentName(standIn.equipment))
                        return "\(label): \(standIn.text)"
                    }))
            usable.forEach { draft.cite($0.source) }
        }
        if !found, !quiet {
            draft.add(.paragraph(say(.substitutionAskExercise)))
        }
    }

    /// Away from the gym with no kit named: the exercises that need none, and how to ask for
    /// more with what they pack.
    func awayFromTheGym(_ draft: inout ReplyDraft, sparing spare: Set<String>, cannotLie: Set<Lying> = []) {
        noteSpared(spare, &draft)
        let fits = fitting(
            Availability(have: knowledge.atHand.union([knowledge.bodyweightID]), cannotLie: cannotLie), sparing: spare)
        guard !fits.isEmpty else { return draft.add(.paragraph(say(.substitutionNoneSpared))) }
        draft.add(.paragraph(say(.substitutionAway, ["count": "\(fits.count)"])))
        let best = Array(Self.ranked(fits).prefix(Self.bestAway))
        offer(best, into: &draft)
        best.forEach { draft.cite($0.way.source) }
        draft.add(.note(say(.substitutionAwayMore)))
    }

    /// Exercises the person can do with what they have.
    /// Upper back work first, one kind after another, then the rest (a front raise, a stretch);
    /// within each, the moves that use the kit they have come before those done with nothing or
    /// with what every home has ("one 16kg kettlebell, what can I do?": the kettlebell row first).
    func whatFits(_ draft: inout ReplyDraft, have: Set<EquipmentID>, saidNow: Bool, cannotLie: Set<Lying> = []) {
        let fits = fitting(Availability(have: have, cannotLie: cannotLie))
        let names = have.sorted().map(knowledge.equipmentName).joined(separator: say(.joinList))
        draft.add(
            .paragraph(say(saidNow ? .equipmentSet : .equipmentFits, ["equipment": names, "count": "\(fits.count)"])))
        let kit = have.subtracting(knowledge.atHand).subtracting([knowledge.bodyweightID])
        let usesKit = { (fit: (exercise: Exercise, way: ExerciseWay)) in !kit.isDisjoint(with: fit.way.equipment) }
        let upperBack = fits.filter { knowledge.worksUpperBack($0.exercise) }
        let rest = fits.filter { !knowledge.worksUpperBack($0.exercise) }
        let ordered = [upperBack, rest].flatMap { group in
            Self.ranked(group.filter(usesKit)) + Self.ranked(group.filter { !usesKit($0) })
        }
        offer(ordered, into: &draft)
    }

    /// How many swaps a traveller is offered at least, those needing only what a room has first.
    static let fewest = 3

    /// How many of the exercises that fit are listed.
    static let offered = 8

    /// How many are offered away from the gym: the best few, not the whole list.
    static let bestAway = 4

    /// Strength work before mobility, and one movement pattern after another (a rear shoulder
    /// move, a back extension, a raise...) so the first few cover the upper back between them;
    /// the knowledge's order within a pattern.
    static func ranked(_ fits: [(exercise: Exercise, way: ExerciseWay)]) -> [(exercise: Exercise, way: ExerciseWay)] {
        // Each pattern's exercises in knowledge order, the patterns in the order they first appear.
        let strength = RoundRobin.groups(fits.filter { $0.exercise.pattern != .mobility }) { $0.exercise.pattern }
        return RoundRobin.interleave(strength) + fits.filter { $0.exercise.pattern == .mobility }
    }

    /// Every exercise `availability` allows, by its first way it allows, leaving out those that
    /// load a spared area.
    func fitting(_ availability: Availability, sparing spare: Set<String> = [])
        -> [(exercise: Exercise, way: ExerciseWay)]
    {
        let sparing = availability.sparing(spare)
        return knowledge.exercises.compactMap { exercise in sparing.firstWay(of: exercise).map { (exercise, $0) } }
    }

    /// The first of `fits` as "Name (way)" bullets, offered as suggestions.
    func offer(_ fits: [(exercise: Exercise, way: ExerciseWay)], into draft: inout ReplyDraft) {
        // (All of them when only one more would be left out: "covers 9, for example" and eight
        // listed reads like a miscount.)
        let shown = fits.prefix(fits.count == Self.offered + 1 ? fits.count : Self.offered)
        draft.add(.bullets(shown.map { "\($0.exercise.name) (\($0.way.name))" }))
        draft.exercises = shown.map { suggestion($0.exercise, way: $0.way) }
    }
}
