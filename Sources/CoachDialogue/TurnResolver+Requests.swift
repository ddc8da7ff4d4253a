import CoachModel
import CoachRecommending
import CoachUnderstanding

/// Readings of what a line asks for in the light of what it says beside the question: a pain
/// that a workout or a list can be built around, a swap asked for in other words, kit wanted or
/// gone, a move the articles do not cover asked to be added. Each settles the turn's intent and
/// ask, and says why in `/why`.
extension TurnResolver {
    /// Settles `turn` as `intent`, asking `ask` first, for `reason`.
    static func reread(_ turn: inout Turn, as intent: Intent, asking ask: Ask, because reason: Reason) {
        turn.intent = intent
        turn.understanding.askRanking.insert(.init(ask: ask, score: 1), at: 0)
        turn.reasons.append(reason)
    }

    /// Right after a list of exercises for the kit had ("upper back at home, I have a backpack and
    /// a door anchor band"), kit said gone in a short line that names no exercise ("can we do it
    /// without the band, roommate took it"): the list again without it, not stand-ins for the band.
    func readListKitFollowUp(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        guard !turn.clarifies, state.lastReply?.ask == .bestFor, state.lastPlan == nil || state.lastIntent != .workout,
            !understanding.missing.isEmpty, understanding.have.isEmpty, understanding.exercise == nil,
            understanding.exerciseCandidates.isEmpty, !understanding.painMentioned,
            understanding.wordCount <= Self.shortFollowUp,
            state.equipment.map({ !$0.isDisjoint(with: understanding.missing) }) == true
        else { return }
        Self.reread(&turn, as: .faq, asking: .bestFor, because: .listWithoutKit)
    }

    /// "Where do I start for posture?" answered with a list, then "i have a band at home": kit said
    /// had in a short line that asks nothing, names no exercise, muscle or goal and reports no pain is the
    /// same list (its muscle or goal) with that kit, not a note of the kit and what it covers.
    func readListKitHadFollowUp(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        guard !turn.clarifies, state.lastReply?.ask == .bestFor, state.lastIntent != .workout,
            let before = state.lastReply?.understanding, before.muscle != nil || before.goal != nil,
            !understanding.have.isEmpty, understanding.missing.isEmpty, understanding.exercise == nil,
            understanding.exerciseCandidates.isEmpty, understanding.muscle == nil, understanding.goal == nil,
            !understanding.painMentioned, understanding.minutes == nil, !turn.asksQuestion,
            understanding.wordCount <= Self.shortFollowUp
        else { return }
        turn.understanding.muscle = before.muscle
        turn.understanding.goal = before.goal
        Self.reread(&turn, as: .faq, asking: .bestFor, because: .listWithKit)
    }

    /// "Can you add shrugs?" right after a workout, of a move the articles do not cover: what the
    /// team says of it and what they have for the same muscle, not the help text.
    func readAddNotCovered(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        guard !turn.clarifies, state.lastPlan != nil, understanding.notCovered != nil, understanding.rule == nil,
            understanding.exercise == nil, understanding.muscle == nil, understanding.goal == nil,
            turn.mentions(knowledge.language.words(.addIn)), !turn.mentions(knowledge.language.words(.leaveOut)),
            // ("Add a cool down": a stretch at the end is a part of the plan, not a move to add.)
            WorkoutShapeChange(turn, language: knowledge.language).coolDown == nil,
            [.help, .unknown, .greeting].contains(turn.intent)
                || turn.intent == .workout && understanding.minutes == nil
        else { return }
        turn.intent = .faq
        turn.reasons.append(.addsNotCovered)
    }

    /// Thanks that asks nothing ("thanks man, the face pull tip fixed my shoulder thing"): thanks,
    /// whatever the exercise or the body part its news names would make of it.
    /// How sure the classifier must be of a workout asked for with no word of one and no minutes.
    static let sureOfWorkout = 0.9

    /// A workout asked for, or the last one changed, with a mild pain only where an upper back
    /// workout can leave it out (`work_around` in safety.yaml): "my wrist hurts a bit, can you give
    /// me 15 minutes with dumbbells that avoids it", "swap the rows, my lower back is tweaky
    /// today". The workout, built around it, not the safety card alone. (Pain in what the workout
    /// trains, a red flag, or no workout asked for: safety, as before.)
    func readWorkAroundPain(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        // (A pain that has lasted reads as one to have examined; one a doctor or physiotherapist is
        // already looking after, with no warning sign beside it, is being examined: "broke my wrist
        // 6 weeks ago, doc says no gripping for another month, how do I keep my back from wasting
        // away?" asks what still works around their advice.)
        // (A sudden start weeks ago that has been treated, "broke my wrist falling off my bike 6
        // weeks ago, cast just came off", is in that care too.)
        let underCare =
            understanding.seenProfessional
            && !understanding.matches.contains {
                $0.entity.isWarningSign && !($0.entity == .sudden && understanding.lastingPain)
            }
        guard !turn.clarifies, turn.intent == .safety, understanding.rule == .pain,
            !understanding.redFlag || underCare, !state.redFlagReported
        else { return }
        // (With no area beside the word of pain, the one area the line names: "lower back can't
        // handle bent-over rows right now, have a disc thing".)
        let named = Array(Set(understanding.painAreas))
        let hurt = understanding.hurtAreas.isEmpty && named.count == 1 ? named : understanding.hurtAreas
        let areas = knowledge.safety.painAreas
        // (Every area said to hurt must be one: "my wrist and shoulder hurt" is not.)
        guard !hurt.isEmpty, hurt.allSatisfy({ id in areas.first { $0.id == id }?.workAround == true }) else {
            return
        }
        let language = knowledge.language
        // ("Can you give me something gentle I can do a few times a week? I have a bit of
        // arthritis in my hands": a routine asked for in other words, which the classifier is
        // sure of.)
        // (So is a session's length and kit said with no question of how, "lower back is tweaked
        // but I still wanna hit upper back. 10 min, no equipment", whatever the classifier ranks.)
        let sessionSaid = understanding.minutes != nil && !understanding.have.isEmpty && !understanding.asksHow
        let asksWorkout =
            understanding.ranking.first?.intent == .workout
            && (understanding.minutes != nil || turn.mentions(language.words(.workout))
                || (understanding.ranking.first?.score ?? 0) >= Self.sureOfWorkout)
            || sessionSaid
        // (An exercise named must be one of the plan's: "bent-over rows wreck my lower back, swap?"
        // after a workout without them asks for a swap of that exercise.)
        let namedInPlan = understanding.exercise.map { id in
            state.lastPlan?.items.contains { $0.exercise == id } == true
        }
        let changesPlan =
            state.lastIntent == .workout && state.lastPlan != nil && namedInPlan != false
            && (turn.mentions(language.words(.swap)) || turn.mentions(language.words(.leaveOut))
                || turn.says(.leaveOut, language) || turn.mentions(language.words(.changeWorkout)))
        let asksWhatStill = !asksWorkout && !changesPlan && asksWhatStillWorks(turn)
        guard asksWorkout || changesPlan || asksWhatStill else { return }
        turn.understanding.redFlag = false
        // (The list of what still works stays a safety reply: it is the answer to a pain.)
        if !asksWhatStill { turn.intent = .workout }
        turn.workAround = hurt
        turn.reasons.append(.worksAroundPain(hurt))
    }

    /// "Upper back constantly achy from feeding and carrying the baby. What can I do at home in 15
    /// mins? Just have bands": aches a setting explains, with a session's length and kit said, ask
    /// for that session (`WorkoutResponder` says what the setting does first).
    func readSettingWithSession(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        guard !turn.clarifies, turn.intent == .safety, understanding.rule == .pain, !state.redFlagReported,
            understanding.minutes != nil,
            !understanding.have.isEmpty || turn.mentions(knowledge.language.words(.workout)),
            // (The classifier reads a session asked for: "lacrosse ball helps for like an hour, what
            // exercises stop it coming back" asks how to keep it away.)
            understanding.ranking.first?.intent == .workout,
            SafetyResponder.achingCondition(understanding, in: knowledge) != nil
        else { return }
        turn.intent = .workout
        turn.reasons.append(.settingExplainsAches)
    }

    /// Whether a line with a pain asks what still works around it: "sprained my wrist, what can I
    /// do for my upper back without holding heavy stuff?" wants the moves that leave it out now,
    /// not once it is better.
    private func asksWhatStillWorks(_ turn: Turn) -> Bool {
        let understanding = turn.understanding
        let language = knowledge.language
        let asksWhatCan = turn.says(.asksWhatCan, language)
        // (Not of an exercise named: "what can I do about tendonitis on pull-ups" asks about it;
        // "am I still working it too hard?" after pull-ups and elbow pain asks about those. A
        // family named, "what rows can I still do?", asks which of them leave it alone.)
        let namesNone = understanding.namesNoExercise
        if namesNone || BestForResponder.familyNamed(turn) != nil,
            turn.says(.asksMeanwhile, language) || asksWhatCan
        {
            return true
        }
        // ("My physio said no overhead stuff for a while, which upper back exercises should I swap
        // out?": which to leave out, and what stays.)
        if namesNone, Self.asksWhichToLeaveOut(turn, language) { return true }
        // (An exercise named only in a long post's backstory is not asked about; but a swap of one,
        // "pull-ups aggravate my elbow, what can I do for lats instead?", is that one's swap, which
        // spares the elbow and keeps the lats.)
        return turn.questionExercises?.isEmpty == true && asksWhatCan && understanding.muscle == nil
            && !turn.mentions(language.words(.swap))
    }

    /// Whether a line asks which moves to swap out, naming none ("which exercises should I swap
    /// out?"). (Not "anything I can do without gripping?", which asks what still works.)
    static func asksWhichToLeaveOut(_ turn: Turn, _ language: Language) -> Bool {
        turn.mentions(language.words(.swap)) && turn.says(.asksUnmarked, language)
    }

    /// "Home back workout, I have a barbell, plates and a flat bench, no rack": a plan asked for by
    /// name, with the kit had and missing, names no exercise to swap; it asks for the session
    /// that kit allows, not a swap for whatever the missing kit is usually for.
    func readSessionWithKit(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        guard !turn.clarifies, turn.intent == .substitution, understanding.rule == nil,
            !understanding.painMentioned, understanding.namesNoExercise,
            understanding.toReplace.isEmpty, !understanding.have.isEmpty,
            turn.says(.planNoun, knowledge.language), !turn.mentions(knowledge.language.words(.swap))
        else { return }
        Self.reread(&turn, as: .workout, asking: .workout, because: .asksForAPlan)
    }

    /// "I can't actually do pull-ups tho", right after a plan that has them: how to work up to a
    /// first one (the plan's way of it is already a step toward one), not a swap list that
    /// forgets the kit the plan was built with.
    func readCannotDoInPlan(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        // (Not a best told with a change asked: "i can only do like 2 pull ups, change it" doses
        // the plan's pull-ups.)
        guard !turn.clarifies, understanding.substituteReason == .cannotDoYet, let exercise = understanding.exercise,
            state.lastPlan?.items.contains(where: { $0.exercise == exercise && !$0.isWarmUp }) == true,
            !understanding.painMentioned, !turn.mentions(knowledge.language.words(.swap)),
            (understanding.repsAlready ?? 0) == 0, !turn.says(.asksChange, knowledge.language),
            understanding.wordCount <= Self.shortFollowUp
        else { return }
        Self.reread(&turn, as: .form, asking: .progression, because: .cannotDoInPlan)
    }

    /// "I can't get down on the floor easily anymore, the floor ones like cobra and superman are
    /// out": moves named that are done only in a position the line says cannot be taken, with no
    /// pain and nothing else asked, are to be swapped, not explained.
    func readPositionRulesOut(_ turn: inout Turn) {
        let understanding = turn.understanding
        let named =
            understanding.toReplace.isEmpty ? [understanding.exercise].compactMap { $0 } : understanding.toReplace
        let ruledOut = Set(understanding.cannotLie).union(understanding.floorlessLasting ? Lying.onTheFloor : [])
        let position = Availability(have: nil, cannotLie: ruledOut)
        guard !turn.clarifies, !ruledOut.isEmpty, !understanding.painMentioned,
            turn.intent != .substitution, turn.intent != .workout, !named.isEmpty,
            !turn.asksQuestion || turn.asksAbout(knowledge.language.words(.swap)),
            named.compactMap(knowledge.exercise).allSatisfy({ position.firstWay(of: $0) == nil })
        else { return }
        Self.reread(&turn, as: .substitution, asking: .substitute, because: .positionRulesOut)
    }

    /// "Face pulls but with dumbbells?? possible?": asked yes or no whether a move can be done with
    /// kit that none of its ways uses, with no pain and no point of form asked: the closest moves
    /// with that kit (said not to be the move itself), not how to set the move up.
    func readNoWayWithKit(_ turn: inout Turn) {
        let understanding = turn.understanding
        let kit = Set(turn.have).subtracting([knowledge.bodyweightID])
        guard !turn.clarifies, [.form, .faq].contains(turn.intent), turn.asksYesNo, !kit.isEmpty,
            !understanding.painMentioned, understanding.toReplace.isEmpty,
            let exercise = understanding.exercise.flatMap(knowledge.exercise),
            !exercise.ways.contains(where: { !Set($0.equipment).isDisjoint(with: kit) }),
            understanding.wordCount <= Self.shortFollowUp
        else { return }
        Self.reread(&turn, as: .substitution, asking: .substitute, because: .noWayWithKit)
    }

    /// "Replacement for lat pulldown machine using only a resistance band?": a swap asked for a
    /// machine named, no exercise, is a swap for the exercise the machine is named by (`named_by`),
    /// the machine being what is missing.
    func readSwapForMachine(_ turn: inout Turn) {
        let understanding = turn.understanding
        guard !turn.clarifies, turn.intent == .substitution, turn.exercise == nil,
            understanding.exerciseCandidates.isEmpty, turn.mentions(knowledge.language.words(.swap)),
            let machine = knowledge.equipment.first(where: { piece in
                piece.namedBy != nil && understanding.matches.contains { $0.entity == .equipment(piece.id) }
            }),
            let exercise = machine.namedBy
        else { return }
        turn.exercise = exercise
        turn.entities.exercise = exercise
        turn.understanding.exercise = exercise
        turn.have.removeAll { $0 == machine.id }
        if !turn.missing.contains(machine.id) { turn.missing.append(machine.id) }
    }

    /// "What's a good back workout for the gym?": which plan is good, asked with no exercise, no
    /// pain and nothing the articles leave out, asks for a workout, not a topic card picked on
    /// "for" or "good".
    func readPlanAskedFor(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        guard !turn.clarifies, [.faq, .unknown, .form, .anatomy].contains(turn.intent), understanding.rule == nil,
            !understanding.painMentioned, understanding.namesNoExercise,
            understanding.notCovered == nil, turn.asksWhichPlanIsGood(knowledge.language)
        else { return }
        Self.reread(&turn, as: .workout, asking: .workout, because: .asksForAPlan)
    }

    /// "Can u write me a back day w/ barbell rows, pullups, face pulls, shrugs": a session asked
    /// to be made, out of two or more moves it names, is a workout with them in it, not a
    /// comparison of the moves.
    func readSessionOfMoves(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        let language = knowledge.language
        let named = Set(understanding.matches.compactMap { if case let .exercise(id) = $0.entity { id } else { nil } })
        guard !turn.clarifies, turn.intent != .workout, understanding.rule == nil, !understanding.painMentioned,
            named.count >= 2, turn.asksToBeGivenAPlan(language)
        else { return }
        Self.reread(&turn, as: .workout, asking: .workout, because: .sessionOfMoves)
    }

    /// "I hate face pulls, they feel like nothing. Give me something else for rear delts": an
    /// exercise named with a reason to swap it and "something else" asked for, with no word of a
    /// workout, no minutes and no workout before, asks for a swap, not a workout that leaves it out.
    func readSomethingElseInstead(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        let language = knowledge.language
        guard !turn.clarifies, turn.intent == .workout, understanding.rule == nil, state.lastPlan == nil,
            understanding.minutes == nil, understanding.exercise != nil, understanding.substituteReason != nil,
            turn.says(.asksSomethingElse, language), !turn.mentions(language.words(.workout))
        else { return }
        Self.reread(&turn, as: .substitution, asking: .substitute, because: .somethingElseInstead)
    }

    /// "I wanna do barbell rows at home but all I got is a resistance loop", "the pulley thing I
    /// use for rear delt flyes has had the same guy on it for 20 min": an exercise named, a reason
    /// for a swap (at home, travelling, missing kit), and kit said that the exercise's usual way
    /// does not use, or kit said to be missing, with no question of how: the exercise with the kit
    /// there is, or its closest swaps, not a card on the exercise.
    func readWantedWithOtherKit(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        // (A workout guessed from a time said, with no word of a workout and none given before, is
        // a guess: "for 20 min" there is how long the machine has been taken.)
        let workoutGuess =
            turn.intent == .workout && understanding.minutes == nil && state.lastPlan == nil
            && !turn.mentions(knowledge.language.words(.workout))
        guard !turn.clarifies, [.form, .faq].contains(turn.intent) || workoutGuess, understanding.rule == nil,
            let reason = understanding.substituteReason, [.atHome, .travelling, .missingKit].contains(reason),
            let exercise = understanding.exercise.flatMap(knowledge.exercise),
            !understanding.asksHow, !turn.says(.asksHow, knowledge.language),
            // ("Inverted rows feel easy now ... what's the next step before bent-over rows? home
            // gym": how to progress, not a swap.)
            understanding.ask != .progression,
            let usual = exercise.ways.first
        else { return }
        let otherKit = !turn.have.isEmpty && !usual.needs.isSubset(of: Set(turn.have))
        let kitGone = reason == .missingKit && !turn.missing.isEmpty && !turn.asksQuestion
        guard otherKit || kitGone else { return }
        Self.reread(&turn, as: .substitution, asking: .substitute, because: .wantedWithOtherKit)
    }
}
