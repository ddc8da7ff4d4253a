import CoachModel
import CoachRecommending
import CoachUnderstanding

/// "My shoulder hurts on pull-ups, what can I do instead?": leave that exercise out, and the
/// swaps that train the same muscles without loading the sore area (or what they would load,
/// when every close move does). Only when the line names the exercise and asks for a swap in
/// so many words ("instead", "alternative"): the ask classifier alone reads too many pain
/// posts as swaps.
struct PainSwapResponder: Responder {
    let context: ResponderContext

    /// How sure the intent classifier must be of a swap for a pain line to be answered as one
    /// with no word of swapping said.
    static let sureSwap = 0.8

    /// Whether a pain line asks for a swap for an exercise it names, in so many words.
    static func applies(to turn: Turn, knowledge: KnowledgeBase) -> Bool {
        let understanding = turn.understanding
        // (A pain question whose question sentence asks for a swap, "what can my clients do in lieu
        // of deadlifts?", wants the swap too, whatever pain ask the classifier made of the rest.)
        // ("Face pulls hurt my shoulder, what else?": something else is a swap too, whether the
        // classifier made a pain ask or is-it-safe of the rest.)
        let swapWords = knowledge.language.words(.swap)
        let somethingElse = knowledge.language.words(.asksSomethingElse)
        // (Not when more is asked beside what a professional has cleared: "my physio cleared me for
        // light rows, what else can I add?" keeps the rows.)
        let addsToCleared =
            understanding.matches.contains { $0.entity == .cleared } && turn.mentions(knowledge.language.words(.addIn))
        // ("A disc bulge a couple of years ago, mostly fine now ... I'm scared of bent-over rows": a
        // move feared for a pain is a move to do another way, or swap.)
        let fearsIt = turn.says(.fears, knowledge.language)
        // ("Lower back flares up with bent-over rows, need a row that doesn't load my spine": read
        // as a swap by both classifiers, with no doubt, though no word of swapping is said.)
        let readAsSwap =
            understanding.ask == .substitute
            && understanding.ranking.first.map { $0.intent == .substitution && $0.score >= Self.sureSwap } == true
        // (Nor a body condition said with no pain, "some scapular winging going on; aside from
        // rows, any exercises for it?": what the condition is and what trains it.)
        return !understanding.redFlag && !addsToCleared && understanding.conditionOnly == nil
            && (understanding.ask == .substitute
                && (turn.mentions(swapWords) || turn.asksAbout(somethingElse) || turn.says(somethingElse))
                || readAsSwap || fearsIt
                || (understanding.ask?.isPainAsk == true || understanding.ask == .isSafe
                    || understanding.ask == .soreness)
                    && (turn.asksAbout(swapWords) || turn.asksAbout(somethingElse) || turn.says(somethingElse)))
            && replaced(turn, knowledge.language).flatMap(knowledge.exercise) != nil
    }

    /// The exercise to replace: the one named, else the usual member of a family named ("gripping
    /// a bar for rows kinda sucks, any moves that don't need me to grip hard?": the usual row), else
    /// the one being discussed when the line points back at it ("lying face down bugs my neck, can
    /// I do them another way" after the I-Y-T raise).
    static func replaced(_ turn: Turn, _ language: Language) -> ExerciseID? {
        let understanding = turn.understanding
        return understanding.exercise
            ?? (understanding.exerciseCandidates.count >= 2 ? understanding.exerciseCandidates.first : nil)
            ?? (turn.says(.refersBack, language) ? turn.exercise : nil)
    }

    func respond(to turn: inout Turn, state: inout ConversationState, into draft: inout ReplyDraft) {
        let understanding = turn.understanding
        guard let exercise = Self.replaced(turn, knowledge.language).flatMap(knowledge.exercise) else { return }
        let areas = Set(understanding.painAreas + state.painReported)
        let area = areas.isEmpty ? say(.safetySoreArea) : say(.safetyYourArea, ["area": areaNames(areas)])
        draft.ask = .substitute
        // ("Can you swap out the upright rows, they bug my shoulder" of a workout without them:
        // said first, and it stays out of the next ones; the swaps follow for a session elsewhere.)
        let notInPlan =
            state.lastIntent == .workout
            && state.lastPlan.map { plan in !plan.items.contains { $0.exercise == exercise.id } } == true
        if notInPlan { state.lastWorkout?.exclude.insert(exercise.id) }
        defer {
            if notInPlan { draft.blocks.insert(.paragraph(say(.safetyNotInPlan, ["name": exercise.name])), at: 0) }
        }
        // (Kit said in this line is what there is: "deadlifts leave my lower back beat up, any back
        // exercise that doesn't load it? got dumbbells and a bench" gets no band moves; a safety line
        // is not remembered as kit for later, so it is read here.)
        let owned = !turn.have.isEmpty && !understanding.wholeGym && turn.says(.ownsKit, knowledge.language)
        let have = owned ? Set(turn.have) : state.equipment
        let availability = Availability(have: have, missing: state.missing, cannotLie: state.cannotLie)
        if weighSwap(turn, areas: areas, availability: availability, into: &draft) { return }
        // ("Supermans hurt my neck, what else can I do for posture / lower traps?": what trains
        // that, leaving the area alone, not what trains the superman's own muscles.)
        if let focus = focusAsked(understanding, replacing: exercise) {
            let moves = movesFor(focus, availability.sparing(areas), replacing: exercise)
            if !moves.isEmpty {
                let lead = say(.safetyLeadSubstituteFor, ["name": exercise.name, "area": area, "focus": focus.name])
                return offer(moves, after: lead, turn, into: &draft)
            }
        }
        // (How each option stands in for the exercise, in --json: the moves for a focus asked above
        // replace no exercise's job.)
        draft.replacing = exercise
        let swaps = SubstitutionResponder(context: context).painSwaps(
            for: exercise, sparing: areas, availability: availability, into: &draft)
        // ("Supermans make my lower back crampy, is there another exercise for the upper back?":
        // when every move close to it loads the area too, the moves for the upper back that leave
        // it alone, rather than none.)
        if !swaps {
            let scope = knowledge.language.understanding
            let upperBack = knowledge.muscles.filter { scope.scopeRegions.contains($0.region) }.map(\.id)
            // (Only moves whose main work is there: the deadlift and the superman mainly work the
            // lower back and hips.)
            let moves = Array(
                BestForResponder(context: context).rank(upperBack, availability.sparing(areas))
                    .filter {
                        $0.exercise.id != exercise.id && !Set($0.exercise.primaryMuscles).isDisjoint(with: upperBack)
                    }
                    .prefix(Self.movesForFocus))
            if !moves.isEmpty {
                let lead = say(.safetyLeadSubstituteUpperBack, ["name": exercise.name, "area": area])
                return offer(moves, after: lead, turn, into: &draft)
            }
        }
        // ("Fits your kit" only when the person has said what kit they have.)
        let none: ReplyKey =
            state.equipment == nil && state.missing.isEmpty ? .safetyLeadSubstituteNoneAny : .safetyLeadSubstituteNone
        // (Seen or cleared by a doctor or physiotherapist already: "doc cleared me to train otherwise"
        // is not sent to one again.)
        let seen = understanding.seenProfessional || understanding.matches.contains { $0.entity == .cleared }
        // (The same exercise done a way that leaves the area out, offered first: only the way that
        // hurts is left out.)
        let sameFirst = draft.exercises.first?.id == exercise.id
        let found: ReplyKey =
            seen ? .safetyLeadSubstituteSeen : sameFirst ? .safetyLeadSubstituteWay : .safetyLeadSubstitute
        let lead = say(swaps ? found : none, ["name": exercise.name, "area": area])
        draft.blocks.insert(.paragraph(lead), at: 0)
        draft.safety = Reply.SafetyNote(redFlag: false, advice: lead)
        // ("Face pulls make the front of my shoulder feel kinda pinchy, not pain exactly": how to
        // keep the move without it, from its own safety points, as well as the swaps.)
        let saysMild =
            Interpreter.phraseEnds(
                Interpreter.phrasesAsRead(knowledge.safety.mildWords),
                in: understanding.words
            ).first { _ in true } != nil
        if !exercise.safety.isEmpty, !understanding.lastingPain, saysMild {
            draft.add(.heading(say(.safetyKeepItMild, ["name": exercise.name])))
            draft.list(exercise.safety)
        }
        // ("Bending over just feels awful": the positions left out are said, after the swaps.)
        noteCannotLie(state.cannotLie, &draft)
        // ("My wrists hurt doing dumbbell rows, is there a swap": how to do the swaps without
        // loading the wrist, a loose grip or a band looped round the hands.)
        if swaps { spareTips(areas, into: &draft) }
        addPrecautions(turn, into: &draft)
    }

    /// "Can I swap bent-over rows for seated cable rows? My lower back gets cranky": the swap asked
    /// about is judged (does the second do the first's job), then for the pain: whether it leaves
    /// the area said alone, and if not, the ways of either that do. False when the line does not
    /// weigh two exercises.
    private func weighSwap(
        _ turn: Turn, areas: Set<String>, availability: Availability, into draft: inout ReplyDraft
    ) -> Bool {
        guard turn.understanding.weighsTwo,
            let (original, replacement) = SubstitutionResponder(context: context).weighedPair(turn)
        else { return false }
        draft.add(.paragraph(swapVerdict(replacing: original, with: replacement)))
        let area = ["area": areaNames(areas), "original": original.name, "replacement": replacement.name]
        var shown = [replacement]
        if areas.isEmpty {
            draft.add(.paragraph(say(.swapForPainUnplaced, area)))
        } else if replacement.spares(areas) {
            draft.add(.paragraph(say(.swapForSparesArea, area)))
        } else {
            draft.add(.paragraph(say(.swapForLoadsArea, area)))
            // (The ways of either that leave the area out: "chest down on an incline bench".)
            let sparing = availability.sparing(areas)
            let ways = [replacement, original].flatMap { exercise in
                exercise.ways.filter { sparing.allows($0) && !$0.isDrill }.map { (exercise, $0) }
            }.prefix(2)
            if !ways.isEmpty {
                draft.add(.paragraph(say(.swapForSparingWays, area)))
                draft.add(
                    .bullets(
                        ways.map { exercise, way in
                            say(
                                .swapForSparingWay,
                                [
                                    "name": exercise.name, "way": way.name,
                                    "kit": listed(way.equipment.map(knowledge.equipmentName)),
                                ])
                        }))
                ways.forEach { draft.cite($0.1.source) }
                shown += ways.map(\.0).filter { $0.id != replacement.id }
            }
        }
        startingDoses(shown, into: &draft)
        let advice = say(.swapForPainClose)
        draft.add(.paragraph(advice))
        draft.safety = Reply.SafetyNote(redFlag: false, advice: advice)
        (original.muscles + replacement.muscles).forEach { draft.cite($0.source) }
        draft.exercises = [original, replacement].map { suggestion($0, way: $0.ways.first) }
        return true
    }

    /// Moves offered in place of the exercise that hurts, after `lead`, with the precautions.
    private func offer(
        _ moves: [(exercise: Exercise, way: ExerciseWay)], after lead: String, _ turn: Turn,
        into draft: inout ReplyDraft
    ) {
        draft.add(.paragraph(lead))
        offerForFocus(moves, into: &draft)
        draft.safety = Reply.SafetyNote(redFlag: false, advice: lead)
        addPrecautions(turn, into: &draft)
    }

    /// The first few general precautions that go with a swap for a pain.
    private func addPrecautions(_ turn: Turn, into draft: inout ReplyDraft) {
        let fitting = forTheirLevel(knowledge.safety.precautions(answering: .substitute), turn)
        if !fitting.isEmpty {
            draft.add(.heading(say(.headingPrecautions)))
            draft.list(Array(fitting.prefix(3)))
        }
    }
}
