import CoachModel
import CoachRecommending
import CoachUnderstanding

/// Substitutions: an alternative for missing equipment, a stand-in for the equipment itself,
/// or what can be done with what the person has.
struct SubstitutionResponder: Responder {
    let context: ResponderContext

    func respond(to turn: inout Turn, state: inout ConversationState, into draft: inout ReplyDraft) {
        draft.ask = .substitute
        let understanding = turn.understanding
        let have = turn.have.isEmpty ? state.equipment : Set(turn.have)
        let missing = Set(turn.missing).union(turn.have.isEmpty ? state.missing : [])
        let availability = Availability(have: have, missing: missing)
        turn.entities.equipmentHave = turn.have.isEmpty ? (have.map { Array($0).sorted() } ?? []) : turn.have
        turn.entities.equipmentMissing = missing.sorted()

        guard let id = turn.exercise, let exercise = knowledge.exercise(id) else {
            if !understanding.exerciseCandidates.isEmpty {
                _ = exerciseOrAsk(&draft, turn)
            } else if !turn.missing.isEmpty {
                standIns(&draft, for: turn.missing, availability: availability)
            } else if let have, !turn.have.isEmpty {
                whatFits(&draft, have: have)
            } else {
                draft.add(.paragraph(say(.substitutionAskExercise)))
            }
            return
        }
        let easier = turn.mentions(knowledge.language.words(.easier))
        let spare = Set(state.painReported)
        noteSpared(spare, &draft)
        let alternatives = context.substitutions.alternatives(
            to: exercise, with: availability, easierOnly: easier, sparing: spare)
        if alternatives.isEmpty {
            draft.add(.paragraph(say(.substitutionNone, ["name": exercise.name])))
            if let closest = context.substitutions.closestBodyweight(to: exercise, sparing: spare) {
                draft.add(.bullets([line(for: closest, original: exercise)]))
                draft.exercises = [suggestion(closest.exercise, way: closest.way, why: closest.exercise.summary.text)]
            }
        } else {
            let key = easier ? ReplyKey.substitutionEasier : ReplyKey.headingAlternatives
            draft.add(.paragraph(say(key, ["name": exercise.name])))
            draft.add(.bullets(alternatives.map { line(for: $0, original: exercise) }))
            alternatives.forEach { draft.cite($0.way.source) }
            draft.exercises = alternatives.map { suggestion($0.exercise, way: $0.way) }
        }
        let neededMissing = turn.missing.filter { missing in exercise.ways.contains { $0.needs.contains(missing) } }
        if !neededMissing.isEmpty { standIns(&draft, for: neededMissing, availability: availability, quiet: true) }
    }

    /// One line on an alternative and why it is a good swap.
    private func line(for alternative: SubstitutionFinder.Alternative, original: Exercise) -> String {
        let equipment = alternative.way.equipment.map(knowledge.equipmentName).joined(separator: say(.joinList))
        if alternative.isSameExercise {
            return say(.substitutionSameExercise, ["name": alternative.exercise.name, "way": alternative.way.name])
        }
        let shared = alternative.sharedMuscles.prefix(3).map(knowledge.muscleName).joined(separator: say(.joinList))
        let because: ReplyKey =
            alternative.samePattern && !alternative.sharedMuscles.isEmpty
            ? .substitutionWhyPattern : .substitutionWhyMuscles
        let why = say(because, ["muscles": shared])
        return say(.substitutionOther, ["name": alternative.exercise.name, "equipment": equipment, "why": why])
    }

    /// What can stand in for missing equipment itself (a towel for a band).
    /// Stand-ins the person can use: none that is itself missing.
    private func standIns(
        _ draft: inout ReplyDraft, for missing: [EquipmentID], availability: Availability, quiet: Bool = false
    ) {
        var found = false
        for id in missing {
            guard let item = knowledge.equipment(id) else { continue }
            let usable = item.standIns.filter { standIn in
                !availability.missing.contains(standIn.equipment)
                    && (availability.have == nil || standIn.equipment == knowledge.bodyweightID
                        || availability.have?.contains(standIn.equipment) == true)
            }
            guard !usable.isEmpty else { continue }
            found = true
            draft.add(.paragraph(say(.substitutionStandIn, ["equipment": item.name])))
            draft.add(.bullets(usable.map { "\(capitalizedFirst(knowledge.equipmentName($0.equipment))): \($0.text)" }))
            usable.forEach { draft.cite($0.source) }
        }
        if !found, !quiet {
            draft.add(.paragraph(say(.substitutionAskExercise)))
        }
    }

    /// Exercises the person can do with what they have.
    private func whatFits(_ draft: inout ReplyDraft, have: Set<EquipmentID>) {
        let availability = Availability(have: have)
        let fits = knowledge.exercises.compactMap { exercise in
            availability.firstWay(of: exercise).map { (exercise, $0) }
        }
        let names = have.sorted().map(knowledge.equipmentName).joined(separator: say(.joinList))
        draft.add(.paragraph(say(.equipmentSet, ["equipment": names, "count": "\(fits.count)"])))
        draft.add(.bullets(fits.prefix(8).map { "\($0.0.name) (\($0.1.name))" }))
        draft.exercises = fits.prefix(8).map { suggestion($0.0, way: $0.1) }
    }
}
