import CoachModel
import CoachRecommending
import CoachUnderstanding

/// Something the articles do not cover ("should I train to failure?"): said plainly in one line,
/// then the nearest topic they do cover, never a confident card about something else.
struct NotCoveredResponder: Responder {
    let context: ResponderContext

    /// How many exercises for the nearest muscle are named.
    static let listed = 3

    /// The plain statement that the articles do not cover it, then the team's general guidance
    /// when there is some (the lead then says whose it is). Also said before the answer to a
    /// training question asked with a caveat about the person (`Coach`).
    /// (`missing`: kit said missing; the guidance for doing without one of them comes instead of
    /// the usual guidance: "no bench at home, how do I do chest supported rows?")
    func opening(_ uncovered: NotCovered, missing: [EquipmentID] = []) -> [Block] {
        let without = missing.lazy.compactMap { uncovered.without[$0] }.first
        let guidance = without ?? uncovered.guidance
        let lead = say(guidance == nil ? .notCoveredLead : .notCoveredLeadGeneral, ["what": uncovered.what])
        let medical = uncovered.medical ? say(.notCoveredMedical) : nil
        // (With guidance, the lead introduces it, and the pointer to a professional closes it.)
        guard let guidance else {
            return [.paragraph([lead, medical].compactMap(\.self).joined(separator: " "))]
        }
        return [.paragraph(lead), .paragraph([guidance, medical].compactMap(\.self).joined(separator: " "))]
    }

    /// Whether the line wants something in place of what is not covered: read as a swap, or a
    /// reason for one said with something else asked for. (Not for want of kit: "shrug
    /// alternatives with no weights? I just have bands" is served by how to do it with a band.)
    private func swapAsked(_ turn: Turn) -> Bool {
        let forKit = [.missingKit, .atHome, .travelling].contains(turn.understanding.substituteReason)
        return !forKit && turn.have.isEmpty
            && (turn.intent == .substitution
                || turn.understanding.substituteReason == .disliked
                    && turn.says(.asksSomethingElse, knowledge.language))
    }

    /// The first few of their exercises that train `muscle`, after `lead`, each with the kit of
    /// a way the person can do, and the sets and reps to start at; false, adding nothing, when
    /// they have none. Ranked as a question about that muscle would be (a main muscle first, the
    /// kit said now, else the kit said before, used before none), the exercise the one left out is a version of
    /// first ("no reverse pec deck at our gym": the dumbbell reverse fly, not a band row).
    private func listMoves(
        for muscle: MuscleID, nearest: ExerciseID?, after lead: Block, _ turn: Turn, _ state: ConversationState,
        into draft: inout ReplyDraft
    ) -> Bool {
        let atGym = turn.understanding.wholeGym
        let have = turn.have.isEmpty ? state.equipment : Set(turn.have)
        let availability = Availability(
            have: have, missing: state.missing(for: turn), cannotLie: state.cannotLie)
        // (At a gym, kit whose load keeps going up first; else the kit they have before moves that
        // need none.)
        let preferred = atGym ? knowledge.progressiveKit : have ?? []
        let bestFor = BestForResponder(context: context)
        var ranked = bestFor.rank([muscle], availability.sparing(state.painReported), preferring: preferred)
        if let index = ranked.firstIndex(where: { $0.exercise.id == nearest }) {
            ranked.insert(ranked.remove(at: index), at: 0)
            // (Then the moves of its movement, in their order: for a T-bar row, rows before a
            // pulldown that also trains the lats.)
            let pattern = ranked[0].exercise.pattern
            let same = ranked.dropFirst().filter { $0.exercise.pattern == pattern }
            let other = ranked.dropFirst().filter { $0.exercise.pattern != pattern }
            ranked = [ranked[0]] + same + other
        }
        let shown = Array(ranked.prefix(Self.listed))
        guard !shown.isEmpty else { return false }
        draft.add(lead)
        offerForFocus(shown, into: &draft)
        return true
    }

    func respond(to turn: inout Turn, state: inout ConversationState, into draft: inout ReplyDraft) {
        guard let uncovered = turn.understanding.notCovered.flatMap(knowledge.language.uncovered) else { return }
        draft.ask = turn.understanding.ask
        // (A follow-up about its form is about the exercise of theirs it is a version of.)
        if let nearest = uncovered.nearestExercise, turn.exercise == nil { state.lastExercise = nearest }
        // ("I hate shrugs, they're so boring. Anything else for traps?": something in its place,
        // not how to do it.)
        if swapAsked(turn), let muscle = uncovered.nearestMuscle, turn.understanding.exercise == nil,
            listMoves(
                for: muscle, nearest: uncovered.nearestExercise,
                after: .paragraph(
                    say(.notCoveredSwap, ["what": uncovered.what, "muscle": knowledge.muscleName(muscle)])),
                turn, state, into: &draft)
        {
            draft.ask = .substitute
            return
        }
        draft.blocks += opening(uncovered, missing: turn.missing)
        if let muscle = uncovered.nearestMuscle, let named = turn.understanding.exercise.flatMap(knowledge.exercise) {
            // An exercise they leave out set against one they have ("what does a shrug work vs a
            // face pull?"): the muscle the one left out trains, then what the other works.
            draft.add(
                .paragraph(
                    say(
                        .notCoveredCompared,
                        ["what": uncovered.what, "muscle": knowledge.muscleName(muscle), "name": named.name])))
            draft.add(.bullets(["\(named.name): \(muscleList(named))"]))
            named.muscles.forEach { draft.cite($0.source) }
            draft.exercises = [suggestion(named, way: named.ways.first)]
            return
        }
        // An exercise they leave out: the ones they have for the same muscle.
        if let muscle = uncovered.nearestMuscle,
            listMoves(
                for: muscle, nearest: uncovered.nearestExercise,
                after: .heading(say(.notCoveredMuscle, ["muscle": knowledge.muscleName(muscle)])), turn, state,
                into: &draft)
        {
            return
        }
        if let goal = uncovered.nearestGoal {
            // A condition whose question is nearest to a goal ("exercises for kyphosis"): the
            // exercises for that goal (posture), as a question about it would get them.
            var asked = turn
            asked.understanding.goal = goal
            let ask = draft.ask
            BestForResponder(context: context).respond(to: &asked, state: &state, into: &draft)
            draft.ask = ask
            return
        }
        guard let nearest = uncovered.nearest.flatMap(knowledge.topic) else { return }
        draft.say(nearest, heading: say(.notCoveredNearest, ["title": nearest.title]))
    }
}
