import CoachModel
import CoachRecommending
import CoachUnderstanding

/// "What rows can I do with just a band?", "I have a pull-up bar in the doorway but I want to do
/// rows, is that possible?": the members of a family of exercises (`families` in the vocabulary)
/// that the kit said allows, each the way it allows; when none, what everyday things would open
/// some up, rather than "which one do you mean?".
extension BestForResponder {
    /// The family a line asks about with the kit it has: a family named, kit said, no word of
    /// swapping one away ("instead of rows"), and any single exercise named not one of the family
    /// (the pull-ups set aside in "rows, not pull-ups"). Nil when not so.
    static func familyAsked(_ turn: Turn, knowledge: KnowledgeBase) -> [ExerciseID]? {
        let understanding = turn.understanding
        // ("How should I do rows with only dumbbells?" asks how, answered by the row itself.)
        // (Nor a move of the last workout asked how heavy: "what weight should i use for the rows?")
        // (With no kit said, only when the best of them is asked for: "best row variation?")
        // (Or away from the gym with none said: "in a motel room, how can I work the row muscles?")
        let away = [.travelling, .atHome].contains(understanding.substituteReason) && turn.have.isEmpty
        guard !turn.have.isEmpty || away || turn.says(.asksBestFor, knowledge.language), !understanding.painMentioned,
            understanding.log == nil, !understanding.asksHow,
            // ("What weight should I use for rows?": "weight" is how heavy, not kit said.)
            understanding.ask != .load,
            !turn.reasons.contains(.loadOfPlanMove),
            !turn.says(.asksHow, knowledge.language) || away,
            [.form, .substitution, .faq, .unknown].contains(turn.intent)
                || turn.intent == .anatomy && (turn.says(.asksBestFor, knowledge.language) || away),
            !turn.mentions(knowledge.language.words(.swap)), understanding.rule != .asksAlternative,
            // ("Couldn't do the table rows at all, easier?" asks how to make the one done easier.)
            !turn.mentions(knowledge.language.words(.easier)), !turn.mentions(knowledge.language.words(.harder)),
            // ("Been on the 10kg dumbbells for rows for 2 months, stuck" asks how to get past it.)
            !turn.says(.plateauSaid, knowledge.language)
        else { return nil }
        let family = understanding.matches.lazy.compactMap { match -> [ExerciseID]? in
            if case let .family(ids) = match.entity { ids } else { nil }
        }.first
        // (An exercise the kit narrowed the family to, "rows with a kettlebell", is still the family;
        // one named by its own name is asked about itself.)
        let namedOwn = understanding.matches.compactMap { match -> ExerciseID? in
            if case let .exercise(id) = match.entity { id } else { nil }
        }
        guard let family, family.count >= 2, !namedOwn.contains(where: family.contains) else { return nil }
        // ("Only got a kettlebell, can I do rows with it?" asked yes or no, when the kit allows one:
        // yes, and how, from the row itself.)
        let kit = Availability(have: Set(turn.have))
        if !turn.have.isEmpty, turn.endsAskingYesNo,
            family.compactMap(knowledge.exercise).contains(where: { kit.firstWay(of: $0) != nil })
        {
            return nil
        }
        return family
    }

    /// The answer for `familyAsked`: the members the kit allows, else those that things most homes
    /// have would open up.
    func familyMoves(
        _ family: [ExerciseID], _ turn: Turn, _ state: ConversationState, into draft: inout ReplyDraft
    ) {
        let name = familyName(of: family) ?? say(.bestForFamilyDefault)
        // (No kit said: the members to choose from, whatever they need, each with its kit.)
        // (Away from the gym with no kit said or saved: what any room has, a towel and the body.)
        // (Travelling, the kit saved for home is not with them: "hotel room, nothing with me".)
        let away =
            turn.have.isEmpty
            && (turn.understanding.substituteReason == .travelling
                || turn.understanding.substituteReason == .atHome && state.equipment == nil)
        let room = knowledge.atHand.union([knowledge.bodyweightID]).union(knowledge.householdKit)
        let have: Set<EquipmentID>? = away ? room : turn.have.isEmpty ? state.equipment : Set(turn.have)
        let kit =
            away ? listed(room.sorted().map(knowledge.equipmentName)) : listed(turn.have.map(knowledge.equipmentName))
        let members = family.compactMap(knowledge.exercise)
        func fitting(_ availability: Availability) -> [(exercise: Exercise, way: ExerciseWay)] {
            members.compactMap { exercise in availability.firstWay(of: exercise).map { (exercise, $0) } }
        }
        let spare = Set(state.painReported)
        var fits = fitting(Availability(have: have, missing: state.missing, cannotLie: state.cannotLie, spare: spare))
        if fits.isEmpty {
            draft.add(
                .paragraph(say(away ? .bestForFamilyNoneAway : .bestForFamilyNone, ["family": name, "equipment": kit])))
            let everyday = knowledge.homeKit
            fits = fitting(
                Availability(
                    have: (have ?? []).union(everyday), missing: state.missing, cannotLie: state.cannotLie, spare: spare
                ))
            // (Away, what the room alone allows for the upper back, by name: no rows, but moves.)
            if away {
                let roomMoves = Self.startingMoves(
                    in: knowledge, at: .beginner,
                    Availability(have: have, missing: state.missing, cannotLie: state.cannotLie, spare: spare),
                    sparing: spare
                ).prefix(3)
                if !roomMoves.isEmpty {
                    draft.add(
                        .note(
                            say(
                                .bestForFamilyFloorToo,
                                [
                                    "names": listed(
                                        roomMoves.map { move in
                                            (move.way.called ?? move.exercise.name) + " ("
                                                + listed(move.way.equipment.map(knowledge.equipmentName)) + ")"
                                        })
                                ])))
                }
            }
            guard !fits.isEmpty else { return }
            draft.add(.heading(say(.bestForFamilyEveryday)))
        } else {
            draft.add(
                .heading(
                    capitalizedFirst(
                        say(
                            turn.have.isEmpty ? .bestForFamilyAll : .bestForFamilyHeading,
                            ["family": name, "equipment": kit]))))
        }
        listMembers(fits, into: &draft)
        noteSpared(spare, &draft)
        draft.add(.note(say(.bestForMore)))
    }

    /// The family a line names ("rows", "pulldowns"), with two members or more; nil when none.
    static func familyNamed(_ turn: Turn) -> [ExerciseID]? {
        turn.understanding.matches.lazy.compactMap { match -> [ExerciseID]? in
            if case let .family(ids) = match.entity, ids.count >= 2 { ids } else { nil }
        }.first
    }

    /// The members of `family` that `availability` allows with `spare` left alone, each the way
    /// that spares it: the answer to "what rows can I still do?" beside a pain.
    func familySparing(
        _ family: [ExerciseID], _ availability: Availability, sparing spare: Set<String>,
        into draft: inout ReplyDraft
    ) {
        let name = familyName(of: family) ?? say(.bestForFamilyDefault)
        let sparing = availability.sparing(spare)
        let fits = family.compactMap(knowledge.exercise).compactMap { exercise in
            sparing.firstWay(of: exercise).map { (exercise: exercise, way: $0) }
        }
        let area = areaNames(spare)
        guard !fits.isEmpty else {
            draft.add(.paragraph(say(.bestForFamilySparingNone, ["family": name, "area": area])))
            return
        }
        draft.add(.heading(capitalizedFirst(say(.bestForFamilySparing, ["family": name, "area": area]))))
        listMembers(fits, into: &draft)
        draft.add(.note(say(.bestForMore)))
    }

    /// The first members that fit, each with the way it is done when that is not its usual one,
    /// cited and offered for "how do I do the first one?".
    private func listMembers(_ fits: [(exercise: Exercise, way: ExerciseWay)], into draft: inout ReplyDraft) {
        let shown = Array(fits.prefix(Self.listed))
        draft.add(
            .bullets(
                shown.map { fit in
                    let way = WorkoutBuilder.isUsualWithItsKit(fit.exercise, fit.way) ? nil : fit.way.name
                    return bestForLine(fit.exercise, fit.way) + (way.map { say(.bestForFamilyWay, ["way": $0]) } ?? "")
                }))
        for fit in shown {
            draft.cite(fit.exercise.summary.source)
            draft.cite(fit.way.source)
        }
        draft.exercises = shown.map { suggestion($0.exercise, way: $0.way) }
    }
}
