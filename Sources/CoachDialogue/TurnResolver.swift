import CoachModel
import CoachRecommending
import CoachUnderstanding

/// Fills in what a line leaves to the conversation (the exercise under discussion, what a
/// generic word for equipment means), and settles doubtful intents.
struct TurnResolver {
    let knowledge: KnowledgeBase

    /// Fills in what the line leaves to the conversation, and settles doubtful intents.
    func resolve(_ turn: inout Turn, state: ConversationState) {
        if let chosen = choice(turn, from: state.pendingChoice) {
            turn.exercise = chosen
            turn.entities.exercise = chosen
            turn.reasons.append(.choseExercise(chosen))
            // A short answer ("the first one", "the bent over version") keeps the question it answers.
            if turn.understanding.wordCount <= 5, let intent = state.pendingIntent {
                turn.intent = intent
                if let ask = state.pendingAsk { turn.understanding.askRanking.insert(.init(ask: ask, score: 1), at: 0) }
                if !state.pendingPoint.isEmpty { turn.pointFeatures = state.pendingPoint }
            }
            return
        }
        // "Make it harder, that was too easy" right after a workout asks to change it; said of a
        // workout done and logged ("that was too easy"), the effort is added to the log.
        // (With nothing logged in this chat, "that was way too easy" can only be about the plan.)
        if case .amend? = turn.understanding.log, state.lastIntent == .workout, state.lastPlan != nil,
            turn.mentions(knowledge.language.words(.changeWorkout)) || !state.loggedHere
        {
            turn.understanding.log = nil
            turn.understanding.rule = nil
        }
        chooseByPlaceInList(&turn, state: state)
        readExerciseInKitName(&turn)
        let understanding = turn.understanding
        let hasEntity =
            turn.exercise != nil || understanding.muscle != nil
            || !understanding.have.isEmpty || !understanding.missing.isEmpty
            || !understanding.exerciseCandidates.isEmpty
        // A follow-up that only changes the workout ("make it 20 minutes"), whatever the classifier
        // guessed (a doubtful safety guess given way too: "skip the pulldowns").
        // (Kit said on its own right after a workout, "I have a pull-up bar though", is a change
        // to that workout too.)
        // An exercise named in a change ("swap the face pull") must be one of the last plan's,
        // unless the line asks to leave it out ("without the superman") or put it in ("add face
        // pulls"), which holds for the plans that follow. (A family, "no rows please", counts when any of its members is in
        // the plan.)
        let named = understanding.exercise.map { [$0] } ?? understanding.exerciseCandidates
        let inLastPlan =
            named.isEmpty ? nil : named.contains { id in state.lastPlan?.items.contains { $0.exercise == id } == true }
        // (Ordinary soreness said with the change, "make it easier, still sore from last time", and
        // a word the scope check stops at, "cut it to 15, running late", change it all the same.)
        // (Or sore somewhere a workout can be eased for, said with a change: "front of my shoulder
        // is kinda sore from bench yesterday, can you change it". A sore joint is a pain.)
        let soreJoint = understanding.hurtAreas.contains { knowledge.safety.painArea($0)?.joint == true }
        let sorenessOnly =
            understanding.rule == .pain && understanding.ordinarySoreness && !understanding.lastingPain
            && (understanding.hurtAreas.isEmpty
                || !soreJoint
                    && (turn.says(.asksChange, knowledge.language)
                        || understanding.namesNoExercise
                            && turn.says(.changeWord, knowledge.language)
                        // ("Remove deadlifts, i did legs yesterday and my lower back is cooked".)
                        || turn.mentions(knowledge.language.words(.leaveOut))))
        // ("No pullovers please, they feel weird on my shoulder": a move of the plan left out
        // because it feels wrong, with no hurt said, changes the plan; the move goes, the area is
        // still trained.)
        // (Worked out only for a line read as pain: most lines are not.)
        let onlyFeelsWrong =
            understanding.rule == .pain && !understanding.redFlag && !understanding.lastingPain
            && understanding.treatments.isEmpty && understanding.saysOnlyMildPain(knowledge.safety)
        // ("Can u swap the pullover out, it feels weird on my shoulders": a swap asked the same.)
        let leavesOutForFeel =
            onlyFeelsWrong && !named.isEmpty
            && (turn.mentions(knowledge.language.words(.leaveOut)) || turn.mentions(knowledge.language.words(.swap)))
        // ("Skip the warm up" a question or two after the workout: only a workout has one, so the
        // last one changes.)
        // (So is "make it harder" or "way too long", a few words that name nothing, after a question
        // that was about no exercise: "is twice a week enough?" between the workout and the change.)
        // (Read only where it can matter: most lines follow no workout.)
        lazy var shapeSaid = WorkoutShapeChange(turn, language: knowledge.language)
        // ("Add a stretch at the end" with no workout given yet: a workout with one, the usual kind.)
        if state.lastPlan == nil, understanding.rule == nil || understanding.rule == .noPainWord,
            understanding.namesNoExercise, understanding.wordCount <= Self.shortFollowUp,
            !turn.asksQuestion || turn.intent == .workout, shapeSaid.coolDown != nil || shapeSaid.warmUp != nil
        {
            turn.intent = .workout
            return
        }
        if state.lastIntent != .workout, state.lastPlan != nil, state.lastWorkout != nil,
            understanding.rule == nil || understanding.rule == .noPainWord,
            !shapeSaid.isEmpty
                || state.lastExercise == nil && understanding.wordCount <= Self.shortFollowUp
                    && understanding.namesNoExercise && understanding.muscle == nil && understanding.goal == nil
                    && saysLevelOrLength(turn)
        {
            turn.reasons.append(.changesWorkout)
            turn.intent = .workout
            turn.backToPlan = true
            return
        }
        if understanding.rule == nil || understanding.rule == .noPainWord || understanding.rule == .outOfScope
            || sorenessOnly || leavesOutForFeel, state.lastIntent == .workout,
            understanding.minutes != nil || understanding.level != nil
                || turn.mentions(knowledge.language.words(.changeWorkout))
                || turn.says(.asksChange, knowledge.language)
                || sorenessOnly && turn.says(.changeWord, knowledge.language)
                || turn.exerciseCountSaid(knowledge.language) != nil || leavesOutForFeel
                // ("Add a stretch at the end", "skip the warm up", "3 sets each instead": its shape.)
                || !shapeSaid.isEmpty
                // ("I don't like the prone band pulldown", a move of the plan: swapped in place.)
                || understanding.substituteReason == .disliked && inLastPlan == true
                // ("I can't really do the bent over position, my hamstrings are super tight": a way of
                // standing or lying that is out changes the plan, whatever hurts elsewhere.)
                || !understanding.cannotLie.isEmpty
                // ("Now turn it into a 3 day thing, I can train mon wed fri": the plan over a week.)
                || understanding.sessionsAWeek != nil && turn.says(.asksChange, knowledge.language)
                || saysLevelOrLength(turn)
                || (turn.mentions(knowledge.language.words(.addIn))
                    && (!named.isEmpty || understanding.muscle != nil || understanding.goal != nil))
                // ("btw I can do about 9 pull-ups", said, not asked: the plan's dose of them.)
                || (understanding.repsAlready != nil && !named.isEmpty && !turn.asksQuestion)
                || (!understanding.have.isEmpty && understanding.exercise == nil && !understanding.painMentioned
                    // ("Best exercises for rear delts at the gym" asks for a list, not a change.)
                    && understanding.ask != .bestFor)
                // ("i dont actually have bands anymore": kit the last plan uses, said missing on its
                // own, changes that plan too.)
                || (understanding.exercise == nil && !understanding.painMentioned
                    && understanding.missing.contains { kit in
                        state.lastPlan?.items.contains { $0.equipment.contains(kit) } == true
                    }),
            // (An exercise named as what made it sore, "sore from deadlifts yesterday", is no move
            // of the plan to change. Nor is one the plan does not hold that a question asks a swap
            // for: "no cable machine, what instead of face pulls?" after a kettlebell plan.)
            inLastPlan ?? true || swapsOut(turn)
                || turn.mentions(knowledge.language.words(.leaveOut))
                    && !(turn.asksQuestion && turn.mentions(knowledge.language.words(.swap)))
                || turn.mentions(knowledge.language.words(.addIn)) || sorenessOnly
                // ("I don't like pullovers, take them out": left out of the plans that follow.)
                || understanding.substituteReason == .disliked && turn.says(.asksChange, knowledge.language),
            turn.intent != .safety || sorenessOnly || leavesOutForFeel
        {
            if turn.intent != .workout { turn.reasons.append(.changesWorkout) }
            turn.intent = .workout
            // ("A bit sore from tennis, can we skip anything overhead": what a workout can leave
            // out, said sore with the change, is left out.)
            // ("Swap the barbell row out, my lower back is tired from deadlifts": worn out, not hurt,
            // and spared all the same.)
            turn.tiredAreas = understanding.tiresFirst.filter { knowledge.safety.painArea($0)?.workAround == true }
            if sorenessOnly {
                let spared = understanding.painAreas.filter { knowledge.safety.painArea($0)?.workAround == true }
                if !spared.isEmpty {
                    turn.workAround = spared
                    turn.reasons.append(.worksAroundPain(spared))
                }
            }
        } else if onlyFeelsWrong, understanding.exercise != nil, turn.asksQuestion, !leavesOutForFeel,
            turn.questionExercises?.isEmpty != true
        {
            // ("Supermans, head up looking forward or face down? My neck feels weird": a point of
            // form asked of a move that feels wrong, no hurt said, is answered as the point.)
            Self.reread(&turn, as: .form, asking: .formPoint, because: .feelsWrongOnAMove)
        } else if understanding.rule == nil {
            // (A close call that follows up on the exercise discussed, "and how do I make them
            // easier?", is settled below as a form question about it.)
            let followsUp = state.lastExercise != nil && turn.mentions(knowledge.language.words(.formFollowUp))
            let closeCall =
                understanding.confidence < Interpreter.confidenceFloor && !hasEntity && !followsUp
                && understanding.ranking.count > 1
                && understanding.ranking[0].score - understanding.ranking[1].score < Interpreter.closeCall
            // ("Are there exercises I can do at my desk?": with nothing said of pain, soreness or a
            // warning sign, safety is no choice to offer; the other of the two is the reading.)
            let safetyWithoutPain =
                closeCall && !understanding.painMentioned && !understanding.soreness && !understanding.redFlag
                && understanding.ranking.prefix(2).contains { $0.intent == .safety }
            if safetyWithoutPain, let other = understanding.ranking.prefix(2).first(where: { $0.intent != .safety }) {
                turn.intent = other.intent
            } else if closeCall {
                turn.clarifies = true
                turn.reasons.append(.tooClose)
            } else if turn.intent == .unknown, understanding.exercise != nil, understanding.knownWordShare > 0.5 {
                turn.intent = .form
                turn.reasons.append(.namesExercise)
            }
        }
        // A short follow-up about sets, reps or form stays on the exercise being discussed; so does
        // one that points back at it ("do i do that before or after lifting?") and asks what its
        // own facts answer.
        func pointsBackAtIt() -> Bool {
            turn.says(.refersBack, knowledge.language)
                && understanding.ask.map { ask in
                    state.lastExercise.flatMap(knowledge.exercise).map { !$0.facts(answering: ask).isEmpty } ?? false
                } == true
        }
        if !turn.clarifies, turn.intent == .faq, understanding.exercise == nil, state.lastExercise != nil,
            [.form, .anatomy, .substitution].contains(state.lastIntent), understanding.wordCount <= 14,
            turn.mentions(knowledge.language.words(.formFollowUp)) || pointsBackAtIt()
                // ("How many should I do", right after the corkscrew stretch: its dose.)
                || understanding.wordCount <= FormResponder.shortAboutAMove && understanding.ask == .dose
        {
            turn.intent = .form
            turn.reasons.append(.formFollowUp)
        }
        readDoseAfterCompare(&turn, state: state)
        readChoiceAfterCompare(&turn, state: state)
        readAnotherAfterSwap(&turn, state: state)
        readWhatAMuscleIs(&turn)
        readKitFollowUp(&turn, state: state)
        readListKitFollowUp(&turn, state: state)
        readListKitHadFollowUp(&turn, state: state)
        readAddNotCovered(&turn, state: state)
        readLyingFollowUp(&turn, state: state)
        readPositionRulesOut(&turn)
        readNoWayWithKit(&turn)
        readWeightJump(&turn, state: state)
        readIsSafeWithoutPain(&turn)
        readHarmOfAPoint(&turn)
        readSafeToStart(&turn)
        readThanks(&turn)
        readWorkAroundPain(&turn, state: state)
        readSettingWithSession(&turn, state: state)
        readSomethingElseInstead(&turn, state: state)
        readDislikedAfterSwap(&turn, state: state)
        readKitForLastSwap(&turn, state: state)
        readFamilyAfterSwap(&turn, state: state)
        readRuledOutAfterList(&turn, state: state)
        readKitForLastAnswer(&turn, state: state)
        readSomethingLike(&turn)
        readStopOrKeepAfterPain(&turn, state: state)
        readStopAfterPainless(&turn, state: state)
        readNextAfterWorkout(&turn, state: state)
        readWeekOfLast(&turn, state: state)
        readDaysOfLastWeek(&turn, state: state)
        readSessionOfMoves(&turn, state: state)
        readPlanAskedFor(&turn, state: state)
        readCannotDoInPlan(&turn, state: state)
        readSwapForMachine(&turn)
        readSessionWithKit(&turn, state: state)
        readAddForArea(&turn, state: state)
        readNoWorkoutToChange(&turn, state: state)
        readSwapForUncovered(&turn, state: state)
        readKitQuestionOfLast(&turn, state: state)
        readKitNeeded(&turn)
        readWhichDay(&turn, state: state)
        readSetsAfterWhenHeavier(&turn, state: state)
        readMostKitAfterProgression(&turn, state: state)
        readIsSafeNotASwap(&turn)
        readRepsOfLastWorkout(&turn, state: state)
        readTooEasy(&turn, state: state)
        readTooHard(&turn, state: state)
        readSafetyOfKitWay(&turn, state: state)
        readRestOfLastWorkout(&turn, state: state)
        readRoundsOfLastWorkout(&turn, state: state)
        readLoadOfPlanMove(&turn, state: state)
        readBestAfterDose(&turn, state: state)
        readOtherWayOfLast(&turn, state: state)
        readWantedWithOtherKit(&turn, state: state)
        // Not able to do an exercise yet ("chin-ups are hard, I can't do a single one") and asking
        // about it, not for a swap: how to work up to it.
        // (Not a point of form asked with it: "superman - how high am i supposed to lift? i can barely
        // get my chest off the floor" asks how high.)
        let asksAPoint = understanding.ask == .formPoint && turn.asksAbout(pointWords)
        if !turn.clarifies, understanding.substituteReason == .cannotDoYet, understanding.exercise != nil,
            [.faq, .form].contains(turn.intent), understanding.ask != .substitute, understanding.ask != .progression,
            !asksAPoint
        {
            // (A general question keeps its intent: the exercise's facts answer it all the same.)
            turn.understanding.askRanking.insert(.init(ask: .progression, score: 1), at: 0)
            turn.reasons.append(.workingUpTo)
        }
        // "Best exercises" read from a question about one exercise, with no muscle, goal or kit to
        // rank for, whose words name a point of form, in the question or its backstory ("how to
        // prevent upper back rounding on the deadlift?", "retract first or while pulling? ...
        // what's the best approach?"): that point of the exercise's form, not a topic card. ("Is
        // the deadlift even an upper back exercise?" names none: "back" there is a region.)
        if !turn.clarifies, turn.intent == .faq, understanding.exercise != nil, understanding.ask == .bestFor,
            understanding.muscle == nil, understanding.goal == nil, understanding.have.isEmpty,
            turn.mentions(pointWords)
        {
            Self.leadWithFormPoint(&turn)
        }
        // A measure guessed for a question about one exercise that names a point of form and no
        // word of a measure ("single arm db row, my torso twists a ton near the top. is that
        // cheating or fine"): that point, not how often or how many.
        let language = knowledge.language
        if !turn.clarifies, [.form, .faq].contains(turn.intent), understanding.exercise != nil,
            let ask = understanding.ask, ask.isMeasureOfAnExercise,
            (understanding.askRanking.first?.score ?? 1) < Interpreter.confidenceFloor,
            turn.mentions(pointWords),
            !turn.says(language.words(.asksDose) + language.words(.asksFrequency) + language.words(.asksLoad)),
            understanding.sessionsAWeek == nil
        {
            Self.leadWithFormPoint(&turn)
        }
        // Travelling ("away for two weeks, no gym: what can I do?"): what to do there, not a
        // topic card picked on a surface word.
        // (A safety guess with no word of pain or injury is a guess too: "for about two weeks" in a
        // travel post is not a pain that lasts.)
        if !turn.clarifies,
            [.faq, .unknown].contains(turn.intent) || (turn.intent == .safety && !understanding.painMentioned),
            understanding.substituteReason == .travelling,
            understanding.namesNoExercise, !understanding.painMentioned
        {
            // (With the kit there said and workouts spoken of, "hotel gym is a treadmill and
            // dumbbells, how do i keep my back workouts going": a workout with that kit.)
            if !understanding.have.isEmpty, turn.says(.planNoun, knowledge.language) {
                Self.reread(&turn, as: .workout, asking: .workout, because: .awayFromTheGym)
            } else {
                turn.intent = .substitution
                turn.reasons.append(.awayFromTheGym)
            }
        }
        // How often to do what was just given, asked with another body part's training as the
        // reason to doubt it ("thanks. can I do this twice a week or is that too much with my leg
        // days?"): a frequency question about it, not something outside the upper back.
        if understanding.rule == .outOfScope, state.lastIntent == .workout || state.lastExercise != nil,
            understanding.sessionsAWeek != nil || turn.mentions(knowledge.language.words(.asksFrequency)),
            turn.mentions(knowledge.language.words(.doubtsFrequency))
        {
            turn.intent = .faq
            turn.understanding.rule = nil
            turn.understanding.askRanking.insert(.init(ask: .frequency, score: 1), at: 0)
            turn.reasons.append(.howOftenForThis)
        }
        // Kit said as all there is, and nothing else to go on ("only have a resistance band,
        // literally nothing else. can I still train my upper back?"): what that kit can do, not a
        // topic card picked on "still train".
        if !turn.clarifies,
            [.faq, .unknown].contains(turn.intent) || (turn.intent == .safety && !understanding.painMentioned),
            // (Not a gym, "only get like 3 days free for gym", nor kit said with a swap asked,
            // "replacement for lat pulldown machine using only a resistance band?".)
            !understanding.have.isEmpty, !understanding.wholeGym, turn.saysOnlyKit(knowledge.language),
            !turn.mentions(knowledge.language.words(.swap)),
            // (Not when it asks how much: "just getting back into the gym ... how many exercises
            // each session? ... at home with bands" asks for a number.)
            understanding.ask?.isMeasureOfAnExercise != true
                || !turn.says(
                    knowledge.language.words(.asksDose) + knowledge.language.words(.asksFrequency)
                        + knowledge.language.words(.asksLoad)),
            understanding.namesNoExercise, understanding.muscle == nil,
            understanding.goal == nil, understanding.minutes == nil, understanding.notCovered == nil
        {
            turn.intent = .substitution
            turn.reasons.append(.onlyThisKit)
        }
        // A question of its own about training away from the gym ("I travel a lot, what can I do in
        // my hotel room?") is not about the exercise discussed before; a short follow-up ("and at
        // home?") is.
        let awayOnItsOwn =
            turn.intent == .substitution && [.travelling, .atHome].contains(understanding.substituteReason)
            && understanding.features.count > 6
        // (Nor is a line that names a move the articles leave out: "my program has barbell shrugs,
        // could I swap to dumbbells?" after face pulls is about the shrugs.)
        if turn.exercise == nil, understanding.exerciseCandidates.isEmpty, !turn.reasons.contains(.awayFromTheGym),
            !awayOnItsOwn, understanding.notCovered == nil || turn.intent == .safety,
            !turn.clarifies, [.form, .anatomy, .substitution, .safety].contains(turn.intent),
            let last = state.lastExercise, turn.intent != .anatomy || understanding.muscle == nil
        {
            turn.exercise = last
            turn.entities.exercise = last
            turn.reasons.append(.exerciseFromEarlier(last))
        }
        // A workout nobody asked for: a long post read as a workout request that names no minutes,
        // kit (a general word for kit, "bars", counts), level, muscle, goal or routine, with no
        // workout given before ("would you add reps, circuits and rest times to the program?"):
        // the runner-up answers it.
        if !turn.clarifies, turn.intent == .workout, understanding.rule == nil, state.lastPlan == nil,
            understanding.minutes == nil, understanding.have.isEmpty, understanding.equipmentFamilies.isEmpty,
            understanding.level == nil,
            understanding.muscle == nil, understanding.goal == nil, understanding.routine == nil,
            // (Where it is for is enough to build one: "a back workout I can do on a 10 day trip".)
            understanding.substituteReason != .travelling,
            // (Nor is one asked for in so many words, opening the line: "give me a pull-up focused
            // workout, i can do 5 strict".)
            !(turn.understanding.words.first.map(knowledge.language.words(.asksToBeGiven).contains) ?? false),
            // (Nor one asked for after a backstory: "doc said strength training is good for me.
            // can u suggest a gentle upper back routine".)
            !turn.asksToBeGivenAPlan(knowledge.language),
            understanding.wordCount >= 12,
            let runnerUp = understanding.ranking.first(where: { $0.intent != .workout })
        {
            // (With an exercise named, a general topic is no answer: "im 15 and want to get better
            // at pullups for the school fitness test in 6 weeks" gets the pull-up, not the topics
            // nearest a general question.)
            turn.intent =
                understanding.exercise != nil && [.faq, .unknown].contains(runnerUp.intent) ? .form : runnerUp.intent
        }
        resolveEquipmentWords(&turn)
        turn.entities.equipmentHave = turn.have
        turn.entities.equipmentMissing = turn.missing
    }

    /// Puts the point-of-form ask first, for certain, as a rule above decides it.
    private static func leadWithFormPoint(_ turn: inout Turn) {
        turn.understanding.askRanking.removeAll { $0.ask == .formPoint }
        turn.understanding.askRanking.insert(.init(ask: .formPoint, score: 1), at: 0)
    }

    /// Whether a line asks to swap an exercise out, a word of swapping said with the exercise and
    /// "out" just after it ("swap the barbell row out, my lower back is tired from deadlifts"): a
    /// change to the workout, whether or not the plan holds it.
    private func swapsOut(_ turn: Turn) -> Bool {
        let language = knowledge.language
        guard turn.mentions(language.words(.swap)) || turn.mentions(language.words(.leaveOut)) else { return false }
        let words = turn.understanding.words
        let out = Set(language.words(.outOfPlan))
        return turn.understanding.matches.contains { match in
            match.entity.isExercise && match.range.upperBound < words.count
                && out.contains(words[match.range.upperBound])
        }
    }

    /// Which of the exercises offered in a question back the line picks: one it names, one only
    /// it has a word of ("the bent-over one"), a position ("the first one", "2"), or either.
    private func choice(_ turn: Turn, from offered: [ExerciseID]) -> ExerciseID? {
        guard offered.count >= 2 else { return nil }
        let understanding = turn.understanding
        if let named = understanding.exercise { return offered.contains(named) ? named : nil }
        let tokens = Set(understanding.words).subtracting(
            knowledge.language.words(.whichOne).map(TextNormalizer.stem))
        let words = offered.map { id in
            Set(
                knowledge.exercise(id).map { [$0.name] + $0.aliases }.map { names in
                    names.flatMap { TextNormalizer.tokens($0).map(TextNormalizer.stem) }
                } ?? [])
        }
        let shared = words.dropFirst().reduce(words[0]) { $0.intersection($1) }
        let distinguishing = offered.indices.filter { !words[$0].subtracting(shared).isDisjoint(with: tokens) }
        if distinguishing.count == 1 { return offered[distinguishing[0]] }
        let language = knowledge.language
        func says(_ signal: Signal) -> Bool { !tokens.isDisjoint(with: language.words(signal)) }
        guard understanding.features.count <= 6 else { return nil }
        if says(.first) || says(.either) { return offered[0] }
        if says(.second) { return offered[1] }
        return nil
    }

    /// Words that name a point of form: the cue topics' other words ("rounding", "retract") and
    /// the cue topics themselves, except those that also name a part of the body that hurts
    /// ("back", "neck"), which a question may say only as a region ("an upper back exercise").
    private var pointWords: [String] {
        let understanding = knowledge.language.understanding
        let areaWords = Set(
            knowledge.safety.painAreas.flatMap { TextNormalizer.tokens($0.name) }.map(TextNormalizer.stem))
        let topics = understanding.cueTopics.filter { !areaWords.contains(TextNormalizer.stem($0)) }
        return topics + understanding.cueTopicWords.values.flatMap { $0 }
    }

    /// "I don't have a machine": the machine the exercise in question uses, else the likeliest.
    /// "How do I do the first one?" after a list of exercises, or a workout: the one at that place.
    private func chooseByPlaceInList(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        // After a workout, its exercises in the order of its table ("what's the first one? never
        // heard of it"), unless the line changes the workout ("swap the second one").
        let afterWorkout = state.lastIntent == .workout
        if afterWorkout,
            turn.mentions(knowledge.language.words(.changeWorkout))
                || turn.mentions(knowledge.language.words(.leaveOut))
        {
            return
        }
        var listed = state.lastListed
        if afterWorkout, let plan = state.lastPlan {
            listed = []
            for item in plan.items where !listed.contains(item.exercise) { listed.append(item.exercise) }
        }
        guard listed.count >= 2, understanding.namesNoExercise, understanding.wordCount <= Self.shortFollowUp
        else { return }
        // ("How do I do the towel one" after a list: the one of the list shown with that kit; with
        // several, which of them, asked by name.)
        var usingKit: [ExerciseID] = []
        if !afterWorkout, understanding.have.count == 1, let kit = understanding.have.first,
            turn.says(.oneOfList, knowledge.language)
        {
            for suggestion in state.lastReply?.exercises ?? []
            where suggestion.equipment.contains(kit) && !usingKit.contains(suggestion.id) {
                usingKit.append(suggestion.id)
            }
        }
        if usingKit.count >= 2 {
            turn.have = []
            turn.understanding.exerciseCandidates = usingKit
            if [.faq, .unknown, .help, .greeting, .workout, .substitution].contains(turn.intent) {
                turn.intent = .form
            }
            return
        }
        let byKit = usingKit.first
        let byPlace = turn.placeSaid(knowledge.language.ordinals).flatMap { Turn.index(of: $0, in: listed.count) }
        guard let chosen = byKit ?? byPlace.map({ listed[$0] }) else { return }
        if byKit != nil { turn.have = [] }
        turn.exercise = chosen
        turn.entities.exercise = chosen
        turn.reasons.append(.choseExercise(chosen))
        if [.faq, .unknown, .help, .greeting].contains(turn.intent) { turn.intent = .form }
        // ("Whats the first exercise again and how do i do it": with the move chosen, a question
        // of how is how to do it, not the topic a word of the line picked, such as progressing.)
        if understanding.asksHow || understanding.asksHowToDo, turn.intent == .form, let ask = understanding.ask,
            !FormResponder.pointAsks.contains(ask)
        {
            turn.understanding.askRanking.insert(.init(ask: .howTo, score: 1), at: 0)
        }
    }

    /// Kit said on its own after an exercise ("what about with a band?"): how to do that exercise
    /// with it, not a topic card picked on "with".
    private func readKitFollowUp(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        guard !turn.clarifies, [.faq, .unknown, .workout].contains(turn.intent), state.lastExercise != nil,
            [.form, .anatomy, .substitution].contains(state.lastIntent), understanding.exercise == nil,
            understanding.exerciseCandidates.isEmpty, !understanding.have.isEmpty, understanding.missing.isEmpty,
            !understanding.painMentioned, understanding.minutes == nil
        else { return }
        // After swaps were offered, kit said in a short line that cannot do the exercise itself
        // ("ok and if I want it bodyweight only tho" of inverted rows) asks for the swaps with that
        // kit, not a workout: no workout was given to change. (Kit that can, "what about with a
        // band?" of face pulls, asks how to do it with that kit, below.)
        let kit = Availability(have: Set(understanding.have))
        let doable = state.lastExercise.flatMap(knowledge.exercise)?.ways.contains(where: kit.allows) ?? true
        if state.lastIntent == .substitution, !doable, understanding.wordCount <= Self.shortFollowUp,
            !turn.mentions(knowledge.language.words(.workout))
        {
            Self.asksForSwapsAgain(&turn)
            return
        }
        guard understanding.features.count <= 6 else { return }
        turn.intent = .form
        turn.understanding.askRanking.insert(.init(ask: .howTo, score: 1), at: 0)
        turn.reasons.append(.formFollowUp)
    }

    /// After swaps were offered, a line that only says a way of lying down is out ("something
    /// that isn't on the floor please, bad knees") asks for the swaps again without those ways.
    private func readLyingFollowUp(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        guard !turn.clarifies, state.lastIntent == .substitution, state.lastExercise != nil,
            !understanding.cannotLie.isEmpty || understanding.floorlessLasting, understanding.exercise == nil,
            understanding.exerciseCandidates.isEmpty,
            !understanding.painMentioned, turn.intent != .workout
        else { return }
        turn.exercise = state.lastExercise
        Self.asksForSwapsAgain(&turn)
    }

    /// A short follow-up after swaps that narrows what fits (the kit, the floor) asks for the
    /// swaps again.
    private static func asksForSwapsAgain(_ turn: inout Turn) {
        turn.intent = .substitution
        turn.understanding.askRanking.insert(.init(ask: .substitute, score: 1), at: 0)
        turn.reasons.append(.formFollowUp)
    }

    /// The most words a follow-up that leans on the line before it has.
    static let shortFollowUp = 12

    /// Whether the line asks for a harder, easier or shorter session in words of its own ("make it
    /// harder", "way too long"): easier and shorter only in their phrases of two words, single
    /// words such as "less" saying too little alone.
    func saysLevelOrLength(_ turn: Turn) -> Bool {
        let language = knowledge.language
        return turn.says(.harder, language) || turn.says(language.words(.easier).filter { $0.contains(" ") })
            || turn.says(language.words(.shorter).filter { $0.contains(" ") })
    }

    /// The next weight up said to be too big a step, after an exercise was discussed and with none
    /// named ("the gym jumps from 30 to 35 and 35 feels way too heavy, what now"): how to keep
    /// progressing that exercise, not the sets and reps card its numbers suggest.
    private func readWeightJump(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        guard !turn.clarifies, let last = state.lastExercise, state.lastIntent == .form,
            [.faq, .form, .unknown].contains(turn.intent), understanding.exercise == nil,
            understanding.exerciseCandidates.isEmpty, !understanding.painMentioned,
            turn.says(.weightJump, knowledge.language)
        else { return }
        turn.intent = .form
        turn.exercise = last
        turn.understanding.askRanking.insert(.init(ask: .progression, score: 1), at: 0)
        turn.reasons.append(.formFollowUp)
    }

    private func readThanks(_ turn: inout Turn) {
        // (Not a thanks that goes on to ask about an exercise: "thx, what about face pulls".)
        let asksOfAnExercise =
            (turn.understanding.exercise != nil || !turn.understanding.exerciseCandidates.isEmpty)
            && turn.says(.asksUnmarked, knowledge.language)
        guard !turn.clarifies, !turn.asksQuestion, !turn.asksAfterComma, !turn.understanding.painMentioned,
            !asksOfAnExercise,
            [.form, .faq, .anatomy, .substitution, .unknown].contains(turn.intent),
            turn.mentions(knowledge.language.words(.thanks))
        else { return }
        turn.intent = .greeting
    }

    /// "I'm 67 and haven't exercised in years. Safe to start doing upper back stuff?": is it
    /// safe, asked yes or no, with nothing felt, no exercise and no condition named, read as a
    /// general question (a topic card on why the upper back matters was the answer): yes, if
    /// they build up to it, which the safety answer says.
    private func readSafeToStart(_ turn: inout Turn) {
        let understanding = turn.understanding
        guard !turn.clarifies, [.faq, .unknown].contains(turn.intent), understanding.ask == .isSafe,
            turn.asksYesNo || turn.asksQuestion, understanding.rule == nil || understanding.rule == .noPainWord,
            !understanding.painMentioned, !understanding.soreness, understanding.exercise == nil,
            understanding.exerciseCandidates.isEmpty,
            understanding.conditionOnly == nil, understanding.treatments.isEmpty,
            // (In a word of safety: "is this age too old to begin?" is no "yes, if you build up".
            // Nor of kit: "is a band safe enough to start with" asks about the band.)
            turn.asksAbout(knowledge.language.words(.asksSafe)), understanding.have.isEmpty,
            understanding.missing.isEmpty, understanding.equipmentFamilies.isEmpty,
            // (Something about the person said with it, an age, is said first: `Coach.caveat`.)
            understanding.notCovered.flatMap(knowledge.language.uncovered).map(\.caveat) ?? true
        else { return }
        Self.reread(&turn, as: .safety, asking: .isSafe, because: .safeToStart)
    }

    /// A safety question with no word of pain, about an exercise it names ("I round my upper back
    /// on heavy rows: am I going to do myself an injury?"), asks whether that exercise is safe,
    /// answered from its own safety points, not with an answer that presumes a pain.
    /// "Is it bad to round my back on rows?": whether a way of doing a move (a family named, no
    /// hurt said) does harm, asked of a point of its form, is that point, answered for the move the
    /// family's name usually means, not a pain answer.
    private func readHarmOfAPoint(_ turn: inout Turn) {
        let understanding = turn.understanding
        guard [.safety, .anatomy, .faq, .form].contains(turn.intent), understanding.exercise == nil,
            understanding.exerciseCandidates.count >= 3, understanding.muscle == nil,
            understanding.sessionsAWeek == nil,
            turn.daysAsked.isEmpty, !turn.says(.asksDaily, knowledge.language), !turn.says(.feltIn, knowledge.language),
            !understanding.painMentioned, !understanding.painDenied,
            !understanding.redFlag, understanding.conditionOnly == nil, turn.asksYesNo,
            turn.says(.asksHarm, knowledge.language)
        else { return }
        turn.clarifies = false
        let weak = Set(knowledge.language.understanding.weakCueTopics.map(TextNormalizer.stem))
        let pointWords = Set(knowledge.language.understanding.cueTopicWords.values.joined().map(TextNormalizer.stem))
        guard turn.pointFeatures.contains(where: { pointWords.contains($0) && !weak.contains($0) }) else {
            // ("Are rows bad for your back?": whether the usual one does harm.)
            turn.setExercise(understanding.exerciseCandidates[0])
            turn.understanding.exerciseCandidates = []
            turn.intent = .safety
            turn.understanding.askRanking.insert(.init(ask: .isSafe, score: 1), at: 0)
            turn.reasons.append(.harmOfAPoint)
            return
        }
        Self.reread(&turn, as: .form, asking: .formPoint, because: .harmOfAPoint)
    }

    private func readIsSafeWithoutPain(_ turn: inout Turn) {
        let understanding = turn.understanding
        // (Not coming back after a pain that is better: "my shoulder feels better now, can I start
        // face pulls again?" asks how to return.)
        // ("Is the superman bad for your back?": whether a move does harm, asked yes or no of the
        // move alone, is that question whatever its other words suggest, not what it works; not
        // how often, "is it bad to row every day?", nor where it is felt.)
        let asksHarmOfMove =
            [.anatomy, .faq, .form].contains(turn.intent) && turn.asksYesNo && turn.says(.asksHarm, knowledge.language)
            && understanding.sessionsAWeek == nil && turn.daysAsked.isEmpty
            && !turn.says(.asksDaily, knowledge.language)
            && !turn.says(.feltIn, knowledge.language) && understanding.muscle == nil
        guard !turn.clarifies, turn.intent == .safety || asksHarmOfMove, !understanding.painMentioned,
            !understanding.painDenied,
            !understanding.painBetter, !turn.reasons.contains(.anotherAfterSwap),
            understanding.conditionOnly == nil, understanding.notCovered == nil,
            let id = understanding.exercise, let exercise = knowledge.exercise(id),
            // (Or one with no safety points, asked yes or no whether it harms: "heard pull ups can
            // wreck your elbows, is that true?", answered from its mistakes.)
            !exercise.safety.isEmpty
                || turn.asksYesNo && turn.says(.asksHarm, knowledge.language) && !exercise.mistakes.isEmpty
        else { return }
        // ("My lower back gives out first on barbell rows ... am I doing something wrong?": what
        // goes wrong in the move, its cues and mistakes, not whether it is safe.)
        let asksWhatIsWrong = turn.asksAbout(knowledge.language.words(.mistakes))
        turn.understanding.askRanking.insert(.init(ask: asksWhatIsWrong ? .formPoint : .isSafe, score: 1), at: 0)
        if asksWhatIsWrong { turn.intent = .form } else if asksHarmOfMove { turn.intent = .safety }
    }

    private func resolveEquipmentWords(_ turn: inout Turn) {
        // (The kit of every exercise the line names: "swap the bent over rows for pull ups, i just
        // mounted a bar" is the pull-up's bar.)
        let named = turn.understanding.matches.compactMap { match -> ExerciseID? in
            if case let .exercise(id) = match.entity { id } else { nil }
        }
        let used = Set(named.compactMap(knowledge.exercise).flatMap { $0.ways.flatMap(\.equipment) })
            .union(turn.exercise.flatMap(knowledge.exercise)?.ways.flatMap(\.equipment) ?? [])
        let families = turn.understanding.equipmentFamilies
        let gymOnly = families.isEmpty ? [] : knowledge.gymOnlyKit
        for family in families {
            // (Weights said to be what makes a move hard, "too hard with weights", are not kit to
            // choose its swaps with.)
            if turn.reasons.contains(.tooHard), family.candidates.allSatisfy(knowledge.progressiveKit.contains) {
                continue
            }
            let id = family.candidates.first(where: used.contains) ?? family.candidates[0]
            // ("Mostly use the machines": kit only a gym has, had, is every such kit the word
            // covers, a gym having them all, unless an exercise says which.)
            if !family.missing, !used.contains(id), family.candidates.allSatisfy(gymOnly.contains) {
                for kit in family.candidates where !turn.have.contains(kit) { turn.have.append(kit) }
                continue
            }
            if family.missing {
                if !turn.missing.contains(id) { turn.missing.append(id) }
            } else if !turn.have.contains(id) {
                turn.have.append(id)
            }
            turn.reasons.append(.equipmentWord(id))
        }
    }
}
