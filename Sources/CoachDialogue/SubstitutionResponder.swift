import CoachModel
import CoachRecommending
import CoachUnderstanding

/// Substitutions: an alternative for missing equipment, a stand-in for the equipment itself,
/// or what can be done with what the person has.
struct SubstitutionResponder: Responder {
    let context: ResponderContext

    /// Whether `other` is `exercise` made harder or easier under its own name ("Superman with Mini
    /// Loop Pull" for the superman): one of its progressions, named after it, of its movement.
    static func isBuiltOn(_ other: Exercise, _ exercise: Exercise) -> Bool {
        (exercise.harder + exercise.easier).contains(other.id) && other.pattern == exercise.pattern
            && (other.name.lowercased().contains(exercise.name.lowercased())
                || exercise.name.lowercased().contains(other.name.lowercased()))
    }

    /// The ways of `exercise` done with things many homes have, said in `key` and cited.
    private func sayHomeWays(
        _ key: ReplyKey, of exercise: Exercise, _ ways: [ExerciseWay], into draft: inout ReplyDraft
    ) {
        // (Only a way that hangs your weight on something, a door or a table, asks whether it will
        // hold: a towel pulled apart bears nothing.)
        let holdsWeight = knowledge.inManyHomesKit
        let bearsWeight = ways.contains { !$0.needs.isDisjoint(with: holdsWeight) }
        let said = say(key, ["name": exercise.name, "ways": ways.map(\.name).joined(separator: say(.joinOr))])
        draft.add(.paragraph(bearsWeight ? said + " " + say(.substitutionAtHomeHoldsWeight) : said))
        ways.forEach { draft.cite($0.source) }
    }

    /// Fewer swaps than this, and the moves nearest the exercise follow.
    static let fewestSwaps = 2

    /// How many of the closest moves are shown when nothing fits closely.
    static let closestShown = 3

    /// Whether the line names the exercise with the kit its fitting way already uses ("dumbbell
    /// front raises ..., I have dumbbells"): that way is what they do now, no swap.
    private func namesItsKit(_ exercise: Exercise, _ turn: Turn) -> Bool {
        let named = turn.understanding.matches.filter { $0.names(exercise.id) }.flatMap {
            $0.text.split(separator: " ")
        }
        guard !named.isEmpty else { return false }
        let words = Set(named.map(String.init))
        let had = Availability(have: Set(turn.have))
        guard let way = exercise.ways.first(where: had.allows) else { return false }
        return way.equipment.allSatisfy { id in
            TextNormalizer.tokens(knowledge.equipmentName(id)).map(TextNormalizer.stem).allSatisfy(words.contains)
        }
    }

    /// How many swaps a level above the exercise are enough to offer those alone, when harder is asked.
    static let fewestHarder = 2

    func respond(to turn: inout Turn, state: inout ConversationState, into draft: inout ReplyDraft) {
        draft.ask = .substitute
        let understanding = turn.understanding
        // (At a desk or on a plane with no kit said, now or before, only what any room has, a
        // towel at most: "anything I can do at my desk instead of face pulls" is no cable machine.)
        let workplaceKit = understanding.atWorkplace ? roomKit : nil
        // ("No cable machine at the hotel gym": the kit such a gym has, said so.)
        let smallGymKit = understanding.smallGymKit.isEmpty ? nil : roomKit.union(understanding.smallGymKit)
        let have = turn.have.isEmpty ? state.equipment ?? smallGymKit ?? workplaceKit : Set(turn.have)
        if turn.have.isEmpty, state.equipment == nil, smallGymKit != nil {
            draft.add(
                .note(
                    say(
                        .substitutionAssumedSmallGym, ["kit": knowledge.language.understanding.smallGymKitSaid])))
        }
        let missing = Set(turn.missing).union(turn.have.isEmpty ? state.missing : [])
        let availability = Availability(have: have, missing: missing, cannotLie: state.cannotLie)
        turn.entities.equipmentHave = turn.have.isEmpty ? (have.map { Array($0).sorted() } ?? []) : turn.have
        turn.entities.equipmentMissing = missing.sorted()

        // Kit missing earlier in the conversation, or named by a general word ("a machine"), is a
        // reason too.
        // ("What replaces my seated cable rows and pulldowns": a list to replace, each swapped, not
        // one weighed against the other.)
        let replacesAList = understanding.toReplace.count >= 2
        let reason =
            understanding.substituteReason.flatMap { $0 == .swapFor && replacesAList ? nil : $0 }
            ?? (missing.isEmpty ? nil : .missingKit)
        if reason == .swapFor,
            swapFor(
                &draft, turn, availability: availability,
                sparing: Set(state.painReported).union(understanding.tiresFirst))
        {
            return
        }
        // A family named with the kit they have or lack, or the place they will be ("a replacement
        // for rows w no gear" on a camping trip): answered for the member its name usually means,
        // saying so, rather than "which row do you mean?".
        let candidates = understanding.exerciseCandidates
        let familyLead =
            turn.exercise == nil && candidates.count >= 2
                && (!turn.have.isEmpty || !turn.missing.isEmpty || reason == .travelling || reason == .atHome)
            ? candidates.first : nil
        if let lead = familyLead.flatMap(knowledge.exercise), let family = familyName(of: candidates) {
            draft.add(.paragraph(say(.substitutionFamily, ["family": family, "name": lead.name])))
        }
        guard let id = turn.exercise ?? onlyUser(of: turn.missing) ?? familyLead, let exercise = knowledge.exercise(id)
        else {
            if !understanding.exerciseCandidates.isEmpty {
                _ = exerciseOrAsk(&draft, turn)
            } else if !turn.missing.allSatisfy(turn.have.contains) {
                // (Kit both denied and had, "no gym, just a backpack" with the backpack as a
                // dumbbell, is had.)
                let away = reason == .travelling || reason == .atHome || understanding.atWorkplace
                standIns(
                    &draft, for: turn.missing.filter { !turn.have.contains($0) }, availability: availability,
                    awayFromGym: away)
                // (Away from the gym with nothing else said, the moves that need nothing too:
                // "forgot my band, what can I do for my back at home?" asks for something to do.)
                if away, turn.have.isEmpty {
                    awayFromTheGym(&draft, sparing: Set(state.painReported), cannotLie: state.cannotLie)
                }
            } else if turn.have.allSatisfy({ $0 == knowledge.bodyweightID }), reason == .travelling || reason == .atHome
            {
                // (Nothing said, or nothing at all: "backpacking, no gear at all, just my body".)
                // (Asked how to keep the habit going away from home: how to stay consistent first.
                // Else, away for a while, a break is fine too: said first, the team's.)
                if turn.mentions(knowledge.language.words(.asksHabit)),
                    let habit = knowledge.topic(answering: .motivation)
                {
                    draft.say(habit)
                } else if reason == .travelling {
                    draft.add(.paragraph(say(.substitutionAwayBreak)))
                }
                awayFromTheGym(&draft, sparing: Set(state.painReported), cannotLie: state.cannotLie)
            } else if let have, !turn.have.isEmpty || state.equipment != nil {
                // Kit said now, or earlier ("I only have a band" ... "what can I do?").
                whatFits(&draft, have: have, saidNow: !turn.have.isEmpty, cannotLie: state.cannotLie)
            } else {
                draft.add(.paragraph(say(.substitutionAskExercise)))
            }
            return
        }
        draft.replacing = exercise
        let spare = Set(state.painReported).union(understanding.tiresFirst)
        // ("Swap the pullover, not a fan" right after a workout that has none: said so first, then
        // the swaps for it in general. "What can I do instead of the lat pulldown?" asks in general.)
        if state.lastIntent == .workout, let plan = state.lastPlan,
            turn.says(.swapInPlace, knowledge.language),
            !plan.items.contains(where: { $0.exercise == exercise.id })
        {
            draft.add(.note(say(.substitutionNotInPlan, ["name": exercise.name])))
        }
        noteSpared(Set(state.painReported), &draft)
        if !understanding.tiresFirst.isEmpty {
            // ("My lower back gives out before my upper back": swaps that spare it, said so.)
            draft.add(.note(say(.tiresFirstSpared, ["area": areaNames(Set(understanding.tiresFirst))])))
        }
        noteCannotLie(state.cannotLie, &draft)
        // Several exercises named as one list to replace ("subs for my pulldowns and rows?"): the
        // swaps for each, in the order named.
        let listed = understanding.toReplace.compactMap(knowledge.exercise)
        // ("I hate supermans, what else can I do for posture?": what serves posture, not what
        // trains the superman's own muscles.) (Not two kits of one exercise weighed, "barbell row vs
        // dumbbell row, which is better for thickness": the two ways are compared.)
        if listed.count < 2, understanding.rule != .kitSwap, let focus = focusAsked(understanding, replacing: exercise)
        {
            // (At home with no kit said: what every home has, as for a swap at home.)
            let focusKit =
                understanding.awayFromGym && have == nil
                ? Availability(have: roomKit, missing: missing, cannotLie: state.cannotLie) : availability
            let moves = movesFor(focus, focusKit.sparing(spare), replacing: exercise)
            if !moves.isEmpty {
                draft.add(.heading(say(.headingAlternativesFor, ["name": exercise.name, "focus": focus.name])))
                offerForFocus(moves, into: &draft)
                return
            }
        }
        if listed.count >= 2, reason != .swapFor {
            for exercise in listed {
                swaps(
                    for: exercise, turn, reason: reason, availability: availability, sparing: spare, most: 3,
                    into: &draft)
            }
            return
        }
        swaps(for: exercise, turn, reason: reason, availability: availability, sparing: spare, into: &draft)
    }

    /// The swaps for one exercise, for `reason`, with what is at hand: the same exercise another
    /// way, other exercises and why each fits, kit that stands in for the missing kit.
    private func swaps(
        for exercise: Exercise, _ turn: Turn, reason: SubstituteReason?, availability given: Availability,
        sparing spare: Set<String>, most: Int = 4, into draft: inout ReplyDraft
    ) {
        let swapsStart = draft.blocks.count
        let understanding = turn.understanding
        // One exercise named by two of its names, one to be swapped for the other ("swap TRX rows
        // for ring rows? same thing?"): yes, the same exercise. (Two names with two kits, "dumbbell
        // rows instead of barbell rows", are a swap of kit, answered below with the other options.)
        // (Whole names only, of two words or more: "pulldowns" inside "straight arm pulldowns" is
        // no second name of the lat pulldown.)
        let namesSaid = Set(
            understanding.matches.filter { $0.entity == .exercise(exercise.id) && $0.range.count >= 2 }.map(\.text))
        if reason == nil || reason == .swapFor, namesSaid.count >= 2, Set(turn.have + turn.missing).count <= 1,
            let way = exercise.ways.first(where: { !Set($0.equipment).isDisjoint(with: turn.have) })
                ?? exercise.ways.first
        {
            draft.add(.paragraph(say(.swapForSameExercise, ["name": exercise.name, "way": way.name])))
            draft.exercises += [suggestion(exercise, way: way)]
            draft.cite(way.source)
            return
        }
        var availability = given
        // (At home said beside another reason counts too: "hate supermans ... at home".)
        let away = reason == .atHome || reason == .travelling || understanding.awayFromGym || understanding.atWorkplace
        if away {
            // At home or in a hotel there are no gym machines, whatever else is said.
            availability.missing.formUnion(knowledge.gymOnlyKit.filter { availability.have?.contains($0) != true })
        }
        // "Only got a kettlebell, can I do rows with it?": yes, the one their kit does, and how.
        if turn.endsAskingYesNo, turn.missing.isEmpty, !turn.have.isEmpty, turn.everydayKit == nil,
            [nil, .atHome, .travelling].contains(reason),
            // (Never a yes for a way that loads an area said to hurt.)
            let way = exercise.ways.first(where: {
                availability.allows($0) && !$0.isDrill && $0.loads.isDisjoint(with: spare)
            }),
            way.equipment.contains(where: turn.have.contains)
        {
            let kit = listed(way.equipment.filter(turn.have.contains).map(knowledge.equipmentName))
            draft.add(.paragraph(say(.substitutionYesWithKit, ["name": exercise.name, "equipment": kit])))
            // (A way other than the one the steps are written for is set up in its own words: the
            // row with a towel around a door is no row under suspension straps.)
            if way.id != exercise.steps.way, let text = way.text {
                draft.add(.heading(say(.headingSetUp, ["name": exercise.name + " " + way.name])))
                draft.say(SourcedText(text: text, source: way.source))
            } else {
                stepsBlock(&draft, exercise)
            }
            draft.add(.note(say(.formMore, ["name": exercise.name])))
            draft.exercises += [suggestion(exercise, way: way)]
            draft.cite(way.source)
            return
        }
        // "Can I use a backpack instead of dumbbells for rows?": yes, the exercise itself, done
        // with what stands in (the note on how leads the reply).
        // (The rest of that way's kit need only not be denied: "no bench for single arm db rows,
        // I've got a kitchen chair" has the dumbbells the row is named with.)
        // (Unless the kit said is all there is: "in a hotel, literally have a towel and a chair,
        // how do i replace bent over rows" has no dumbbells for the row braced on the chair.)
        let kitIsAll = turn.saysOnlyKit(knowledge.language) || reason == .travelling
        if let stoodIn = turn.everydayKit,
            let way = exercise.ways.first(where: { way in
                way.equipment.contains(stoodIn) && !way.isDrill
                    && way.equipment.allSatisfy { !turn.missing.contains($0) || $0 == stoodIn }
                    && (!kitIsAll || way.equipment.allSatisfy { turn.have.contains($0) || $0 == stoodIn })
            })
        {
            draft.add(
                .paragraph(
                    say(
                        .substitutionEverydayYes,
                        ["name": exercise.name, "equipment": knowledge.equipmentName(stoodIn)])))
            draft.exercises += [suggestion(exercise, way: way)]
            draft.cite(way.source)
            return
        }
        // Missing kit this exercise never uses: say so first, then the ways it is done. (Not when
        // it narrows swaps just offered: "no barbell either" after swaps for the busy cable row
        // is about the swaps.)
        let unused = turn.missing.filter { missing in !exercise.ways.contains { $0.equipment.contains(missing) } }
        if reason == .missingKit, !unused.isEmpty, unused.count == turn.missing.count,
            !turn.reasons.contains(.kitForLastSwap),
            let way = availability.firstWay(of: exercise)
        {
            let kit = unused.map(knowledge.equipmentName).joined(separator: say(.joinOr))
            draft.add(
                .paragraph(
                    say(.substitutionNotNeeded, ["name": exercise.name, "equipment": kit, "way": way.name])))
            draft.exercises += [suggestion(exercise, way: way)]
            draft.cite(way.source)
            return
        }
        // Missing kit only a variant uses, said of the exercise just discussed, the usual way being
        // one their kit covers ("i dont have bands for assisted, just the bar" after a first pull-up
        // plan): the ways left, each with how it is done, rather than the usual way offered as its
        // own swap. (Asked with the exercise named, "what instead of face pulls?", swaps follow.)
        if reason == .missingKit, understanding.exercise == nil, !turn.have.isEmpty, let usual = exercise.ways.first,
            usual.equipment.allSatisfy({ turn.have.contains($0) || $0 == knowledge.bodyweightID }),
            turn.missing.allSatisfy({ !usual.equipment.contains($0) }), unused.count < turn.missing.count
        {
            let ways = exercise.ways.filter { way in availability.allows(way) && way.text != nil }
            if !ways.isEmpty {
                let kit = turn.missing.filter { !unused.contains($0) }.map(knowledge.equipmentName).joined(
                    separator: say(.joinOr))
                draft.add(.paragraph(say(.substitutionVariantKit, ["name": exercise.name, "equipment": kit])))
                draft.add(.bullets(ways.map { howDone($0, draft) }))
                ways.forEach { draft.cite($0.source) }
                draft.exercises += ways.map { suggestion(exercise, way: $0) }
                draft.add(.note(say(.formMore, ["name": exercise.name])))
                return
            }
        }
        // The same exercise done another way answers missing kit (or a home version); someone who
        // dislikes it, cannot do it yet or just wants to replace it wants other exercises.
        // ("Can I use a backpack instead of dumbbells for rows?" swaps the kit, not the exercise.)
        let sameExercise =
            [.missingKit, .atHome, .travelling].contains(reason)
            || (reason == .swapFor && (!turn.missing.isEmpty || understanding.rule == .kitSwap))
            // ("Just a band and a door, replacement for pulldowns?": the pulldown with the band
            // anchored in the door comes first.)
            // (Not a whole gym: "a good swap for lat pulldown at the gym" wants another exercise,
            // the gym having the pulldown's own machine.)
            || (reason == nil && !turn.have.isEmpty && !understanding.wholeGym
                && !namesItsKit(exercise, turn))
        // (Not able to because another part tires first asks for moves that spare it, not easier ones.)
        // (Nor does two kits of one exercise weighed for a level: "barbell row or dumbbell row for
        // a beginner?" compares the two ways.)
        let easier =
            reason == .cannotDoYet && understanding.tiresFirst.isEmpty
            || turn.mentions(knowledge.language.words(.easier)) && !turn.says(.harder, knowledge.language)
                && understanding.rule != .kitSwap
        let saidKit = Set(turn.have).subtracting([knowledge.bodyweightID])
        var alternatives =
            reason == .travelling && availability.have == nil
            ? travellersSwaps(
                for: exercise, availability: availability, easier: easier, sparing: spare, sameExercise: sameExercise)
            : context.substitutions.alternatives(
                to: exercise, with: availability,
                limit: (understanding.muscle == nil && saidKit.isEmpty ? 4 : 12) + understanding.setAside.count,
                easierOnly: easier,
                sparing: spare, sameExercise: sameExercise)
        // ("Face pulls feel like nothing now, even on the heaviest band. whats a harder
        // alternative": how to make the move itself harder leads, then the swaps at its level or
        // above, hardest first, and not the same move with the same kit.)
        let harder =
            !easier && reason != .cannotDoYet
            && (turn.says(.harder, knowledge.language) || turn.reasons.contains(.mostKitAfterProgression))
        if harder {
            let kitNow = Set(turn.have)
            let levelOf = { (alternative: SubstitutionFinder.Alternative) in
                alternative.way.level ?? alternative.exercise.level
            }
            // (From a wider pool: the few closest are often all gentler, and the harder ones lie
            // further down.)
            let pool = context.substitutions.alternatives(
                to: exercise, with: availability, limit: 12, sparing: spare, sameExercise: sameExercise)
            alternatives =
                pool.filter { alternative in
                    levelOf(alternative) >= exercise.level
                        && !(alternative.isSameExercise
                            && (kitNow.isEmpty || Set(alternative.way.equipment).isSubset(of: kitNow)))
                }
                .sorted { levelOf($0) > levelOf($1) }
            // (Two or more a level up: only those; a band pull-apart is no harder than a face pull.)
            let above = alternatives.filter { levelOf($0) > exercise.level }
            if above.count >= Self.fewestHarder { alternatives = above }
            alternatives = Array(alternatives.prefix(4))
            let ownHarder = exercise.facts(answering: .progression, at: nil)
            // (The kit said, where it has its own ways of being made harder: the band's.)
            let kitHarder = kitHarderTips(exercise, kit: Set(turn.have))
            if !ownHarder.isEmpty || !kitHarder.isEmpty {
                draft.add(.heading(say(.headingHarderFirst, ["name": exercise.name])))
                kitHarder.forEach { draft.add(.paragraph($0 + say(.teamMark))) }
                draft.list(ownHarder)
            }
        }
        // ("I hate supermans, they feel pointless": the superman made harder, a move named after it,
        // is still the move they dislike, not a swap for it; the lat pulldown, easier than the
        // pull-up, is another move.)
        if reason == .disliked {
            alternatives.removeAll { Self.isBuiltOn($0.exercise, exercise) }
        }
        // ("Anything else for my lower back that isn't deadlifts": what was set aside is no swap.)
        if !understanding.setAside.isEmpty {
            alternatives.removeAll { understanding.setAside.contains($0.exercise.id) }
            if understanding.muscle == nil, saidKit.isEmpty { alternatives = Array(alternatives.prefix(4)) }
        }
        if let muscle = understanding.muscle {
            // "Any alternative for the rear delts?": those whose main work is the muscle named come
            // first (after the same exercise done another way), in the finder's order otherwise.
            let leads = { (option: SubstitutionFinder.Alternative) in
                option.isSameExercise || option.exercise.primaryMuscles.contains(muscle)
            }
            alternatives = Array((alternatives.filter(leads) + alternatives.filter { !leads($0) }).prefix(4))
        }
        // Kit said in this line ("i have dumbbells and a bench"): the moves that use it come
        // first, after the same exercise done another way.
        if !saidKit.isEmpty {
            let usesSaid = { (option: SubstitutionFinder.Alternative) in
                option.isSameExercise || !option.way.needs.isDisjoint(with: saidKit)
            }
            alternatives = Array(
                (alternatives.filter(usesSaid) + alternatives.filter { !usesSaid($0) })
                    .prefix(understanding.muscle == nil ? 4 : 12))
        }
        // At home with no kit said, the exercise done its usual way is what is being replaced
        // ("gym is closed, how do I replace pull-ups?" is not answered "pull-ups on a bar").
        if reason == .atHome, availability.have == nil, let first = alternatives.first, first.isSameExercise,
            first.way == exercise.ways.first
        {
            alternatives.removeFirst()
        }
        // (With no home way of the exercise itself, like away: what every home has first, a towel
        // and the floor. "No pull-up bar at home": the pulldown lying face down with a towel.)
        // (Harder asked for at home keeps the harder moves, leaving out gym machines: "inverted
        // rows are too easy now, what do i swap them for at home" is no list of gentler floor work.)
        if away, harder {
            let gym = knowledge.gymOnlyKit
            alternatives.removeAll { !$0.way.needs.isDisjoint(with: gym) }
        } else if away, reason != .travelling, availability.have == nil, alternatives.first?.isSameExercise != true {
            alternatives = travellersSwaps(
                for: exercise, availability: availability, easier: easier, sparing: spare, sameExercise: sameExercise)
        }
        var noneEasier = false
        if alternatives.isEmpty, easier {
            // Nothing easier fits: the other swaps, rather than none, said to be no easier.
            alternatives = context.substitutions.alternatives(
                to: exercise, with: availability, sparing: spare, sameExercise: false)
            noneEasier = !alternatives.isEmpty
        }
        // "Can I do db rows instead of barbell rows?" weighs two kits for one exercise: yes, when
        // the first swap is that exercise with the kit they have.
        // (Not a whole gym said: "my gym got rid of the cable stack, what instead of face pulls"
        // weighs no kit, and gets the band face pull as the first swap.)
        let kitSwap =
            reason == .swapFor && !turn.have.isEmpty && !understanding.wholeGym
            && alternatives.first?.isSameExercise == true
        // Cannot do it yet: the exercise's own easiest way first ("slow lowering only"), the way
        // toward the full move; once only, as the exercise is never its own swap twice.
        // (Or asked easier in so many words: "need something easier than inverted rows".)
        let easierWays =
            reason == .cannotDoYet || easier
            ? Array(
                (Self.easierWays(of: exercise, availability)
                    .sorted { ($0.level ?? exercise.level) < ($1.level ?? exercise.level) }
                    + [unloadedWay(of: exercise, turn, availability)].compactMap { $0 }).prefix(1)) : []
        // Nothing fits the kit said ("I only have a door"): what fits it with what every home has
        // as well (a towel: the row on a towel around the door), said to be assumed.
        var householdUsed: [EquipmentID] = []
        if alternatives.isEmpty, easierWays.isEmpty, let have = availability.have {
            let household = knowledge.householdKit.subtracting(have).subtracting(availability.missing).sorted()
            let widened = Availability(
                have: have.union(household), missing: availability.missing, cannotLie: availability.cannotLie)
            alternatives = context.substitutions.alternatives(
                to: exercise, with: widened, limit: 4, easierOnly: easier, sparing: spare, sameExercise: sameExercise
            ).filter { !$0.way.needs.isDisjoint(with: have) }
            householdUsed = household.filter { kit in alternatives.contains { $0.way.needs.contains(kit) } }
        }
        alternatives.removeAll { understanding.setAside.contains($0.exercise.id) }
        if alternatives.isEmpty, easierWays.isEmpty {
            // (Never the exercise itself for someone who wants another, nor one set aside.)
            // ("With the equipment you have" only when some was said. With none said, light home
            // kit is fair game too: a band or a mat, never a barbell or a machine.)
            let noKitSaid = availability.have == nil && availability.missing.isEmpty
            let kitHad =
                noKitSaid
                ? Set(knowledge.equipment.filter { !$0.gymOnly && !$0.progressive }.map(\.id))
                : (availability.have ?? []).subtracting([knowledge.bodyweightID])
            let closest = context.substitutions.closestBodyweight(
                to: exercise, sparing: spare, missing: availability.missing, cannotLie: availability.cannotLie,
                limit: Self.closestShown + understanding.setAside.count + 2, have: kitHad
            ).filter {
                !understanding.setAside.contains($0.exercise.id) && (sameExercise || $0.exercise.id != exercise.id)
                    && !(reason == .disliked && Self.isBuiltOn($0.exercise, exercise))
            }.prefix(Self.closestShown)
            if !closest.isEmpty {
                draft.add(
                    .paragraph(
                        say(noKitSaid ? .substitutionNoneAnyKit : .substitutionNone, ["name": exercise.name]) + " "
                            + say(
                                noKitSaid
                                    ? .substitutionNoneClosestLight
                                    : kitHad.isEmpty ? .substitutionNoneClosest : .substitutionNoneClosestKit)))
                addOptions([], Array(closest), original: exercise, shareable: false, into: &draft)
                closest.forEach { draft.cite($0.way.source) }
                draft.exercises += closest.map { suggestion($0.exercise, way: $0.way, why: $0.exercise.summary.text) }
            } else {
                // NB: the sentence used to end "...the closest move is" with nothing after it when
                // every close move loads a spared area.
                draft.add(
                    .paragraph(
                        say(.substitutionNone, ["name": exercise.name])
                            + (spare.isEmpty ? "" : " " + say(.substitutionNoneSpared))))
            }
        } else if kitSwap, compareWays(exercise, turn, into: &draft) {
            return
        } else if kitSwap {
            // "Can I do db rows instead of barbell rows?": yes, the same exercise; then the others.
            draft.add(.paragraph(say(.swapForSameExercise, ["name": exercise.name, "way": alternatives[0].way.name])))
            let others = alternatives.dropFirst()
            if !others.isEmpty {
                draft.add(.paragraph(say(.swapForOthers)))
                addOptions([], Array(others), original: exercise, into: &draft)
            }
            alternatives.forEach { draft.cite($0.way.source) }
            draft.exercises += alternatives.map { suggestion($0.exercise, way: $0.way) }
        } else {
            // (An easier way of the exercise itself leads when there is one: "with empty hands".)
            let key =
                noneEasier && !easierWays.isEmpty
                ? ReplyKey.substitutionOwnEasierFirst
                : noneEasier
                    ? ReplyKey.substitutionNoneEasier
                    : easier ? ReplyKey.substitutionEasier : ReplyKey.headingAlternatives
            // ("Can I do face pulls with dumbbells?": no way of it uses the kit asked about, said
            // first, then the closest moves that do.)
            let noWayWithKit =
                !saidKit.isEmpty && householdUsed.isEmpty && key == .headingAlternatives
                && alternatives.first?.isSameExercise != true
                && !exercise.ways.contains { !Set($0.equipment).isDisjoint(with: saidKit) }
                && turn.asksYesNo
            draft.add(
                .paragraph(
                    noWayWithKit
                        ? say(
                            .substitutionNoWayWithKit,
                            [
                                "name": exercise.name, "kit": listed(saidKit.sorted().map(knowledge.equipmentName)),
                                "needs": kitOfWays(exercise),
                            ])
                        : householdUsed.isEmpty
                            ? say(key, ["name": replacedName(exercise, missing: Set(turn.missing))])
                            : say(
                                .substitutionHouseholdAssumed,
                                ["name": exercise.name, "kit": listed(householdUsed.map(knowledge.equipmentName))])))
            let kitSaid = availability.have != nil
            let ownLines = easierWays.map { easierWayLine(exercise, $0) }
            // (`most` options in all, four for one exercise, at least two of them other exercises.)
            let others = Array(alternatives.prefix(max(2, most - ownLines.count)))
            addOptions(
                ownLines, others, original: exercise, kitSaid: kitSaid, headedEasier: key == .substitutionEasier,
                into: &draft)
            easierWays.forEach { draft.cite($0.source) }
            others.forEach { draft.cite($0.way.source) }
            startingDoses(others.map(\.exercise), ways: others.map(\.way), into: &draft)
            draft.exercises +=
                easierWays.map { suggestion(exercise, way: $0) }
                + others.map { suggestion($0.exercise, way: $0.way) }
            // ("I hate supermans, what else for the same muscles": one swap is a thin answer; the
            // moves nearest it, said to lean on other muscles, follow.)
            if ownLines.count + others.count < Self.fewestSwaps, !easier, !harder {
                let listed = Set(others.map(\.exercise.id) + [exercise.id])
                let kitHad = (availability.have ?? []).subtracting([knowledge.bodyweightID])
                let near = context.substitutions.closestBodyweight(
                    to: exercise, sparing: spare, missing: availability.missing, cannotLie: availability.cannotLie,
                    limit: Self.closestShown + listed.count + understanding.setAside.count, have: kitHad
                ).filter {
                    !listed.contains($0.exercise.id) && !understanding.setAside.contains($0.exercise.id)
                        && !(reason == .disliked && Self.isBuiltOn($0.exercise, exercise))
                }
                .prefix(Self.fewestSwaps)
                if !near.isEmpty {
                    draft.add(.paragraph(say(.substitutionAlsoNear)))
                    addOptions([], Array(near), original: exercise, kitSaid: kitSaid, shareable: false, into: &draft)
                    near.forEach { draft.cite($0.way.source) }
                    draft.exercises += near.map { suggestion($0.exercise, way: $0.way) }
                }
            }
        }
        // With body weight alone and no swap that keeps the movement: what around the house stands
        // in for the kit of the closest exercise that does ("a heavy table for inverted rows").
        let bodyweightOnly =
            availability.have.map { $0.isSubset(of: knowledge.atHand.union([knowledge.bodyweightID])) } ?? false
        // ("Bodyweight only" for inverted rows: the same row under a sturdy table, if there is one.)
        let homeWays = bodyweightOnly ? homeWays(of: exercise, availability: availability) : []
        // ("Can't do pull-ups yet, I have a doorframe bar at home": with few options for the kit
        // said, an easier move with things many homes have, the inverted row on a towel round a
        // door, rather than the slow lowering alone.)
        let fewForTheKit =
            (reason == .cannotDoYet || easier) && availability.have != nil && !bodyweightOnly
            && draft.exercises.count < Self.fewestSwaps + 1
        if !homeWays.isEmpty {
            sayHomeWays(.substitutionSameExerciseAtHome, of: exercise, homeWays, into: &draft)
        } else if fewForTheKit,
            let (other, ways) = homeWaysOfAnEasierMove(
                than: exercise, availability: availability, sparing: spare, listed: Set(draft.exercises.map(\.id)))
        {
            sayHomeWays(.substitutionEasierAtHome, of: other, ways, into: &draft)
            draft.exercises += ways.prefix(1).map { suggestion(other, way: $0) }
        } else if bodyweightOnly || away && availability.have == nil, !alternatives.contains(where: \.samePattern),
            let (other, ways) = homeWaysOfTheSamePull(as: exercise, availability: availability, sparing: spare)
        {
            // ("I don't own a TRX, what's a sub for the TRX low row at home?": no swap keeps the row,
            // but the inverted row does, under a sturdy table or on a towel round a door.)
            sayHomeWays(.substitutionOtherExerciseAtHome, of: other, ways, into: &draft)
            draft.exercises += ways.prefix(1).map { suggestion(other, way: $0) }
        } else if bodyweightOnly, !alternatives.contains(where: \.samePattern),
            let (kit, id) = householdStandIn(for: exercise)
        {
            standIns(&draft, for: [kit], availability: availability, quiet: true, exercise: id)
        }
        // (The way toward it after every option, those with things many homes have included.)
        if reason == .cannotDoYet { progression(toward: exercise, into: &draft) }
        let neededMissing = turn.missing.filter { missing in exercise.ways.contains { $0.needs.contains(missing) } }
        if !neededMissing.isEmpty, !kitSwap {
            let standInsStart = draft.blocks.count
            standIns(&draft, for: neededMissing, availability: availability, quiet: true, exercise: exercise.id)
            // ("No bench for single arm db rows, what do I put my hand on?": something every home has
            // taking the missing kit's place in this very exercise is the answer; the swaps follow.)
            let homeStandsIn = neededMissing.contains { id in
                knowledge.equipment(id)?.standIns.contains {
                    $0.equipment == knowledge.bodyweightID && !$0.exercises.isEmpty && $0.serves(exercise.id)
                } == true
            }
            // (Not when the move is disliked as well, nor after guidance on a move the articles
            // leave out, which says how already.)
            if homeStandsIn, reason == nil || reason == .missingKit, understanding.notCovered == nil,
                draft.blocks.count > standInsStart
            {
                let moved = Array(draft.blocks[standInsStart...])
                draft.blocks.removeSubrange(standInsStart...)
                draft.blocks.insert(contentsOf: moved, at: swapsStart)
            }
        }
    }

    /// The name of what a swap replaces: the exercise's, or, when the kit said missing is that of
    /// a way of it with a name of its own and not of its usual way, that way's ("no dumbbells,
    /// alternative for single arm row?" replaces the Single-Arm Dumbbell Row, a way of the
    /// single-arm kettlebell row).
    func replacedName(_ exercise: Exercise, missing: Set<EquipmentID>) -> String {
        guard !missing.isEmpty, exercise.ways.first.map({ $0.equipment.allSatisfy { !missing.contains($0) } }) == true,
            let named = exercise.ways.first(where: { $0.called != nil && !missing.isDisjoint(with: $0.equipment) }),
            let called = named.called
        else { return exercise.name }
        return called
    }

    /// Other exercises for one that hurts, none that loads a sore area, each with why it is a fair
    /// swap; first, the same exercise done a way that leaves the area alone, where there is one
    /// ("bent-over rows wreck my lower back": the row chest down on an incline bench). False when
    /// none fits.
    func painSwaps(
        for exercise: Exercise, sparing areas: Set<String>, availability: Availability, into draft: inout ReplyDraft
    ) -> Bool {
        let sparingWay = exercise.spares(areas) ? nil : availability.sparing(areas).firstWay(of: exercise)
        let alternatives = context.substitutions.alternatives(
            to: exercise, with: availability, limit: sparingWay == nil ? 4 : 3, sparing: areas, sameExercise: false)
        guard sparingWay != nil || !alternatives.isEmpty else { return false }
        var lines: [String] = []
        if let way = sparingWay {
            let area = areaNames(areas.intersection(exercise.loads))
            lines.append(
                say(.substitutionSameExerciseSpares, ["name": WorkoutBuilder.named(exercise, way), "area": area])
                    + (way.offers.map { " " + capitalizedFirst($0.text) } ?? ""))
            draft.cite(way.source)
            draft.exercises.append(suggestion(exercise, way: way))
        }
        addOptions(lines, alternatives, original: exercise, into: &draft)
        alternatives.forEach { draft.cite($0.way.source) }
        startingDoses(
            (sparingWay == nil ? [] : [exercise]) + alternatives.map(\.exercise),
            ways: (sparingWay == nil ? [] : [sparingWay]) + alternatives.map(\.way), into: &draft)
        draft.exercises += alternatives.map { suggestion($0.exercise, way: $0.way) }
        return true
    }

    /// "Can I swap my rows for pull-ups?": whether the second is a fair replacement for the first,
    /// and what is lost. False when the line does not name two things to weigh.
    private func swapFor(
        _ draft: inout ReplyDraft, _ turn: Turn, availability: Availability, sparing spare: Set<String>
    ) -> Bool {
        guard let (original, replacement) = weighedPair(turn) else { return false }
        let tokens = turn.understanding.words
        // (A move said to be out of reach just before it is named, "i cant do pullups yet", is no
        // replacement weighed: the other is swapped, that one left out.)
        let outOfReach = Interpreter.phrasesAsRead(knowledge.language.reasonPhrases[.cannotDoYet] ?? [])
        let reachEnds = Set(Interpreter.phraseEnds(outOfReach, in: tokens))
        if turn.understanding.matches.contains(where: { match in
            match.names(replacement.id)
                && (reachEnds.contains(match.range.lowerBound) || reachEnds.contains(match.range.lowerBound - 1))
        }) {
            swapOutOfReach(replacing: original, with: replacement, availability: availability, sparing: spare, &draft)
            return true
        }
        let lost = original.primaryMuscles.filter { !replacement.primaryMuscles.contains($0) }
        draft.add(.paragraph(swapVerdict(replacing: original, with: replacement)))
        var points: [String] = []
        // (Not when the replacement works them only as helpers: the verdict said so.)
        // (A main muscle the replacement still works as a helper is not lost, only worked less:
        // "inverted rows for dumbbell rows?" keeps the rhomboids and traps working.)
        if !lost.isEmpty, !worksOnlyAsHelper(replacing: original, with: replacement) {
            let helped = lost.filter(replacement.secondaryMuscles.contains)
            let gone = lost.filter { !helped.contains($0) }
            if !gone.isEmpty {
                points.append(
                    say(.swapForLost, ["original": original.name, "muscles": listed(gone.map(knowledge.muscleName))]))
            }
            if !helped.isEmpty {
                points.append(
                    say(
                        .swapForLessWork,
                        [
                            "original": original.name, "replacement": replacement.name,
                            "muscles": listed(helped.map(knowledge.muscleName)),
                        ]))
            }
        }
        if original.pattern != replacement.pattern {
            points.append(
                say(
                    .swapForPattern,
                    [
                        "original": original.name, "replacement": replacement.name,
                        "original-kind": say(.pattern(original.pattern)),
                        "replacement-kind": say(.pattern(replacement.pattern)),
                    ]))
        }
        points += whatElseChanges(replacing: original, with: replacement, lost: lost)
        // (How each is done, so a "yes, a fair swap" says what changes: "Bent-Over Row: hinged
        // over...; Seated Cable Row: sitting braced...".)
        for exercise in [original, replacement] {
            guard let note = exercise.swapNote else { continue }
            points.append(say(.compareHow, ["name": exercise.name, "how": note.text]))
            draft.cite(note.source)
        }
        if !points.isEmpty { draft.add(.bullets(points)) }
        // How much of the new move: sets from a best said ("i can do 5 strict"), else its dose to
        // start.
        if let best = turn.understanding.repsAlready, best > 0, replacement.dosage.reps != nil {
            draft.add(doseFromBest(best, of: replacement))
        } else {
            startingDoses([replacement], into: &draft)
        }
        (original.muscles + replacement.muscles).forEach { draft.cite($0.source) }
        draft.exercises = [original, replacement].map { suggestion($0, way: $0.ways.first) }
        return true
    }

    /// What else a swap changes, from the knowledge: helpers of the original the replacement does
    /// not work at all (beyond the main muscles `lost`, said already), its level, and whether its
    /// usual kit lets the load go up in small steps when the original's does not, or the reverse.
    private func whatElseChanges(replacing original: Exercise, with replacement: Exercise, lost: [MuscleID])
        -> [String]
    {
        var changes: [String] = []
        let worked = Set(replacement.muscles.map(\.muscle))
        let helpersLost = original.secondaryMuscles.filter { !worked.contains($0) && !lost.contains($0) }
        if !helpersLost.isEmpty {
            changes.append(
                say(
                    .swapForLostHelpers,
                    ["original": original.name, "muscles": listed(helpersLost.map(knowledge.muscleName))]))
        }
        if replacement.level != original.level {
            changes.append(
                say(replacement.level < original.level ? .swapForEasier : .swapForHarder, ["original": original.name]))
        }
        // (Said only when no way of the other can: the face pull at a cable grows as well as a
        // reverse fly with dumbbells, though its usual way is a band.)
        let progressive = knowledge.progressiveKit
        let usuallyGrows = { (exercise: Exercise) in
            exercise.ways.first.map { !$0.needs.isDisjoint(with: progressive) } ?? false
        }
        let canGrow = { (exercise: Exercise) in exercise.ways.contains { !$0.needs.isDisjoint(with: progressive) } }
        if usuallyGrows(replacement), !canGrow(original) {
            changes.append(say(.swapForLoadGrows, ["original": original.name, "replacement": replacement.name]))
        } else if usuallyGrows(original), !canGrow(replacement) {
            changes.append(say(.swapForLoadStays, ["original": original.name, "replacement": replacement.name]))
        }
        return changes
    }

    /// The two exercises a swap line weighs: the one replaced is the first named after the last swap
    /// word ("can I swap out my rows and add more pull-ups?", "pull-ups instead of rows"), else the
    /// first named; the replacement is the other. Nil when the line does not name two.
    func weighedPair(_ turn: Turn) -> (original: Exercise, replacement: Exercise)? {
        let named = namedExercises(turn, families: true)
        guard named.count >= 2 else { return nil }
        let tokens = turn.understanding.words
        let swapWords = Set(knowledge.language.words(.swap).map(TextNormalizer.stem))
        let lastSwap = tokens.indices.last { swapWords.contains(tokens[$0]) }
        let afterSwap = lastSwap.flatMap { swap in
            turn.understanding.matches.first { match in
                match.range.lowerBound > swap && named.contains { exercise in match.names(exercise.id) }
            }
        }
        let original = afterSwap.flatMap { match in named.first { match.names($0.id) } } ?? named[0]
        guard let replacement = named.first(where: { $0.id != original.id }) else { return nil }
        // ("Is a single arm kb row basically the same as a db row": with no swap word, the one
        // weighed against, just after "as" or "than", is the one replaced.)
        if afterSwap == nil {
            let against = Set(knowledge.language.words(.weighedAgainst).map(TextNormalizer.stem))
            let weighedAgainst = turn.understanding.matches.first { match in
                match.range.lowerBound > 0
                    && tokens[max(0, match.range.lowerBound - 2)..<match.range.lowerBound].contains(
                        where: against.contains)
                    && match.names(replacement.id)
            }
            if weighedAgainst != nil { return (replacement, original) }
        }
        return (original, replacement)
    }

    /// "The pulldown is out of order and I can't do pull-ups yet, what should I sub?": the move out
    /// of reach is the usual stand-in, so its easier ways lead, then other swaps for the first
    /// that leave it out, their doses, and the steps toward it.
    private func swapOutOfReach(
        replacing original: Exercise, with replacement: Exercise, availability: Availability,
        sparing spare: Set<String>, _ draft: inout ReplyDraft
    ) {
        draft.add(
            .paragraph(say(.swapForNotYet, ["original": original.name, "replacement": replacement.name])))
        let easierWays = Self.easierWays(of: replacement, availability).prefix(2)
        let others = context.substitutions.alternatives(
            to: original, with: availability, limit: 6, sparing: spare, sameExercise: false
        ).filter { $0.exercise.id != replacement.id }.prefix(3)
        let ownLines = easierWays.map { easierWayLine(replacement, $0) }
        addOptions(ownLines, Array(others), original: original, into: &draft)
        easierWays.forEach { draft.cite($0.source) }
        others.forEach { draft.cite($0.way.source) }
        startingDoses(others.map(\.exercise), ways: others.map(\.way), into: &draft)
        draft.exercises =
            easierWays.map { suggestion(replacement, way: $0) } + others.map { suggestion($0.exercise, way: $0.way) }
        progression(toward: replacement, into: &draft)
    }

    /// The ways of an exercise easier than the exercise itself that the kit allows, drills left
    /// out: the way toward a full one ("slow lowering only"), in the knowledge's order.
    static func easierWays(of exercise: Exercise, _ availability: Availability) -> [ExerciseWay] {
        exercise.ways.filter { way in
            way.level.map { $0 < exercise.level } == true && availability.allows(way) && !way.isDrill
        }
    }

    /// The way of an exercise that needs nothing in hand ("Reverse Fly, with empty hands"), for one
    /// too hard with weights: when its usual way is loaded with weights, or the line speaks of
    /// weights ("the I-Y-T is too hard with weights"). Nil when it is never done with weights.
    private func unloadedWay(of exercise: Exercise, _ turn: Turn, _ availability: Availability) -> ExerciseWay? {
        let progressive = knowledge.progressiveKit
        let understanding = turn.understanding
        let kitSaid = Set(
            turn.have + turn.missing + understanding.have + understanding.equipmentFamilies.flatMap(\.candidates))
        guard
            exercise.ways.first.map({ !$0.needs.isDisjoint(with: progressive) }) == true
                || !kitSaid.isDisjoint(with: progressive)
        else { return nil }
        return exercise.ways.first { $0.needs.isEmpty && availability.allowsLying($0) }
    }

    /// "Pull-Up, slow lowering only (pull-up bar): the same exercise made easier, ...".
    private func easierWayLine(_ exercise: Exercise, _ way: ExerciseWay) -> String {
        say(
            .substitutionEasierWay,
            [
                "name": exercise.name, "way": way.name,
                "equipment": listed(way.equipment.map(knowledge.equipmentName)), "text": way.text ?? "",
            ])
    }

    /// What every other-exercise option of a list has in common, said once after the list
    /// rather than on each line ("All of them work your latissimus dorsi and are gentler to start
    /// with than the Pull-Up."): the main muscles they share with the original, and whether they
    /// are easier or harder. Nil for a part that differs between them, or with fewer than two.
    struct SharedReasons: Equatable {
        var muscles: [MuscleID]?
        var level: ReplyKey?
    }

    /// The bullets for `alternatives` after `leading` lines (the exercise's own easier ways), with
    /// what they all share said once in a line after them. (`headedEasier`: the heading already
    /// says they are gentler, which is then not said again. `shareable`: false for moves offered
    /// as leaning on other muscles, whose lines keep their own muscles.)
    func addOptions(
        _ leading: [String], _ alternatives: [SubstitutionFinder.Alternative], original: Exercise,
        kitSaid: Bool = true, headedEasier: Bool = false, shareable: Bool = true, into draft: inout ReplyDraft
    ) {
        let others = alternatives.filter { !$0.isSameExercise && !$0.sharedMuscles.isEmpty }
        var shared = SharedReasons()
        if shareable, others.count >= 2 {
            let muscles = others.map { musclesShared($0, original: original) }
            if Set(muscles).count == 1 { shared.muscles = muscles[0] }
            let levels = others.map { levelNote($0.exercise, original: original) }
            if Set(levels.map { $0?.rawValue }).count == 1, let level = levels[0] { shared.level = level }
        }
        // (The movement kept is said on the first option that keeps it; the next ones say only how
        // they differ: "keeps the pull from overhead" three times over read like a template.)
        var movementSaid = false
        var lines: [String] = []
        for alternative in alternatives {
            lines.append(
                line(
                    for: alternative, original: original, kitSaid: kitSaid, omitting: shared,
                    movementSaid: movementSaid))
            if alternative.samePattern, !alternative.isSameExercise, alternative.exercise.swapNote != nil {
                movementSaid = true
            }
        }
        draft.add(.bullets(leading + lines))
        let level = headedEasier && shared.level == .substitutionGentler ? nil : shared.level
        guard shared.muscles != nil || level != nil else { return }
        let who = say(
            leading.isEmpty && others.count == alternatives.count ? .substitutionSharedAll : .substitutionSharedOthers)
        var parts: [String] = []
        if let muscles = shared.muscles {
            parts.append(say(.substitutionSharedWorks, ["muscles": listed(muscles.map(knowledge.muscleName))]))
        }
        if let level {
            parts.append(
                say(
                    level == .substitutionGentler ? .substitutionSharedGentler : .substitutionSharedHarder,
                    ["name": original.name]))
        }
        draft.add(.paragraph(who + " " + parts.joined(separator: say(.joinAnd)) + "."))
    }

    /// The main muscles an option shares with the exercise it replaces (its shared muscles of any
    /// role when no main one is), at most three.
    private func musclesShared(_ alternative: SubstitutionFinder.Alternative, original: Exercise) -> [MuscleID] {
        let mainShared = original.primaryMuscles.filter(alternative.exercise.primaryMuscles.contains)
        return Array((mainShared.isEmpty ? alternative.sharedMuscles : mainShared).prefix(3))
    }

    /// Whether an option is gentler or harder than the exercise it replaces, by level.
    private func levelNote(_ option: Exercise, original: Exercise) -> ReplyKey? {
        option.level < original.level ? .substitutionGentler : option.level > original.level ? .substitutionHarder : nil
    }

    /// One line on an alternative and why it is a good swap.
    /// (`kitSaid`: whether the person said what they have; the same exercise done another way
    /// is then "with what you have", else only "another way". `omitting`: what the list says once
    /// for all its options, left off this line. `movementSaid`: an option above has said the
    /// movement kept, so this one, keeping it too, says only how it differs.)
    private func line(
        for alternative: SubstitutionFinder.Alternative, original: Exercise, kitSaid: Bool = true,
        omitting shared: SharedReasons = .init(), movementSaid: Bool = false
    ) -> String {
        let equipment = alternative.way.equipment.map(knowledge.equipmentName).joined(separator: say(.joinList))
        if alternative.isSameExercise {
            // ("Seated Band Row (seated on the floor with a resistance band)": the way's own name
            // first, where people have one.)
            let way = alternative.way
            // (The way its name already says, as its kit: "Single-Arm Kettlebell Row (kettlebell)",
            // not "...Kettlebell Row with a kettlebell".)
            let kitInName = knowledge.kitInName(of: alternative.exercise)
            let nameSaysIt = way.called == nil && !kitInName.isEmpty && kitInName == Set(way.equipment)
            return say(
                kitSaid ? .substitutionSameExercise : .substitutionSameExerciseOtherWay,
                [
                    "name": way.called ?? alternative.exercise.name,
                    "way": nameSaysIt ? "(\(equipment))" : way.called == nil ? way.name : "(\(way.name))",
                ])
        }
        if alternative.sharedMuscles.isEmpty {
            return say(
                .substitutionOther,
                ["name": wayName(alternative), "equipment": equipment, "why": say(.substitutionWhyClosest)])
        }
        // Why it is a fair swap, in the terms that tell swaps apart: the movement it keeps (or
        // that it moves another way), the main muscles it shares, and whether it is easier.
        let option = alternative.exercise
        let movement =
            alternative.samePattern
            ? say(Self.keeps(original.pattern))
            : say(
                .substitutionOtherPattern,
                ["pattern": say(.pattern(option.pattern)), "original": say(.pattern(original.pattern))])
        // How this option differs from the others that keep the same movement.
        // (Once an earlier option has said the movement kept, only how this one does it.)
        let note = option.swapNote?.text
        var reasons = [
            note.map { alternative.samePattern && movementSaid ? $0 : movement + say(.joinNote) + $0 } ?? movement
        ]
        if shared.muscles == nil {
            reasons.append(
                say(
                    .substitutionWorks,
                    ["muscles": listed(musclesShared(alternative, original: original).map(knowledge.muscleName))]))
        }
        if shared.level == nil, let level = levelNote(option, original: original) { reasons.append(say(level)) }
        let why = capitalizedFirst(reasons.joined(separator: say(.joinAlso))) + "."
        return say(.substitutionOther, ["name": wayName(alternative), "equipment": equipment, "why": why])
    }

    /// The exercise's name, with the way when its kit does not tell it from the usual one, as a
    /// plan names it ("Scapular Push-Up, against a wall" when no floor work is wanted), or when its
    /// kit is not the kit the name says ("Single-Arm Kettlebell Row, with a dumbbell").
    func wayName(_ alternative: SubstitutionFinder.Alternative) -> String {
        let kitInName = knowledge.kitInName(of: alternative.exercise)
        let otherKit = !kitInName.isEmpty && kitInName.isDisjoint(with: alternative.way.equipment)
        return WorkoutBuilder.isUsualWithItsKit(alternative.exercise, alternative.way) && !otherKit
            ? alternative.exercise.name : WorkoutBuilder.named(alternative.exercise, alternative.way)
    }

    /// What a movement pattern keeps, in a few words ("the rowing pull").
    static func keeps(_ pattern: MovementPattern) -> ReplyKey {
        switch pattern {
        case .horizontalPull: .keepsHorizontalPull
        case .verticalPull: .keepsVerticalPull
        case .rearDeltScapular: .keepsRearDeltScapular
        case .spinalExtension: .keepsSpinalExtension
        case .hinge: .keepsHinge
        case .shoulderRaise: .keepsShoulderRaise
        case .mobility: .keepsMobility
        }
    }

    /// One way of an exercise as a line: its name, then how it is done, marked when the team's.
    private func howDone(_ way: ExerciseWay, _ draft: ReplyDraft) -> String {
        "\(capitalizedFirst(way.name)): \(draft.marked(SourcedText(text: way.text ?? "", source: way.source)))"
    }

    /// The main piece of kit of each way of `exercise` (its first): "cable machine or resistance
    /// band" for the face pull (the band's door anchor goes with it).
    func kitOfWays(_ exercise: Exercise) -> String {
        var seen: Set<EquipmentID> = []
        let kits = exercise.ways.compactMap { $0.equipment.first }.filter {
            $0 != knowledge.bodyweightID && seen.insert($0).inserted
        }
        return listed(kits.map(knowledge.equipmentName), last: .joinOr)
    }
}
