import CoachModel
import CoachRecommending
import CoachUnderstanding

/// Short follow-ups read against what was just said: another exercise not wanted after a swap, an
/// exercise grown too easy, a best said after a dose, another way of the last exercise, something
/// like an exercise named.
extension TurnResolver {
    /// Right after a swap, "don't really want db rows tho, and the benches are taken": the exercise
    /// named as not wanted is swapped too, not explained.
    func readDislikedAfterSwap(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        guard !turn.clarifies, state.lastIntent == .substitution, understanding.substituteReason == .disliked,
            understanding.exercise != nil, understanding.rule == nil, !understanding.asksHow,
            [.form, .faq, .unknown].contains(turn.intent)
        else { return }
        Self.reread(&turn, as: .substitution, asking: .substitute, because: .dislikedAfterSwap)
    }

    /// Right after the best moves for a muscle or goal, a short line ruling something out that is
    /// none of them and names nothing of ours ("not shrugs tho, they bore me to death" after the
    /// moves for the traps): the same moves, said to leave it out, not "which exercise?".
    func readRuledOutAfterList(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        guard !turn.clarifies, state.lastReply?.ask == .bestFor, let before = state.lastReply?.understanding,
            before.muscle != nil || before.goal != nil, understanding.rule == nil || understanding.rule == .noPainWord,
            understanding.namesNoExercise, understanding.muscle == nil,
            understanding.goal == nil, understanding.wordCount <= 2 * Self.shortFollowUp, !turn.asksQuestion,
            let first = understanding.words.first,
            knowledge.language.understanding.wordsAsRead(.refuses).contains(first)
        else { return }
        turn.understanding.muscle = before.muscle
        turn.understanding.goal = before.goal
        Self.reread(&turn, as: .anatomy, asking: .bestFor, because: .ruledOutAfterList)
    }

    /// Right after a swap for an exercise not liked, kit said in a line that names no exercise
    /// ("i have dumbbells and a bench, no cables"): the swap again with that kit, for the same
    /// reason, not whether that exercise needs the kit. So after a swap for kit that was missing
    /// or busy, more kit said busy, with no question ("I don't want to wait for a barbell either,
    /// the racks are full too"), whatever the classifier guessed of it.
    func readKitForLastSwap(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        // (After swaps for a move that hurts, "i have dumbbells and a bench" wants them with that
        // kit, still not the move that hurts done with it.)
        let afterPainSwap = state.lastIntent == .safety && state.lastReply?.ask == .substitute
        guard !turn.clarifies, state.lastIntent == .substitution || afterPainSwap, state.lastExercise != nil,
            let before = state.lastReply?.understanding?.substituteReason,
            before == .disliked || before == .pain
                || before == .missingKit && !understanding.missing.isEmpty && !turn.asksQuestion,
            [nil, .missingKit].contains(understanding.substituteReason),
            !understanding.have.isEmpty || !understanding.missing.isEmpty,
            understanding.namesNoExercise, understanding.rule == nil,
            [.substitution, .faq, .unknown].contains(turn.intent) || before == .missingKit && turn.intent == .form
        else { return }
        turn.understanding.substituteReason = before
        Self.reread(&turn, as: .substitution, asking: .substitute, because: .kitForLastSwap)
    }

    /// "And something for rows?" right after a swap with the kit said ("hotel room, just a mini
    /// loop band, what replaces my lat pulldowns"): a short line naming a family and no kit asks
    /// for that family's moves with the same kit and reason, not which row is meant.
    func readFamilyAfterSwap(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        guard !turn.clarifies, state.lastIntent == .substitution,
            let kit = state.lastReply?.entities.equipmentHave, !kit.isEmpty,
            understanding.exercise == nil, !understanding.exerciseCandidates.isEmpty,
            understanding.have.isEmpty, understanding.missing.isEmpty, understanding.rule == nil,
            !understanding.painMentioned, understanding.wordCount <= Self.shortFollowUp
        else { return }
        turn.have = kit
        turn.understanding.have = kit
        if understanding.substituteReason == nil {
            turn.understanding.substituteReason = state.lastReply?.understanding?.substituteReason
        }
        Self.reread(&turn, as: .substitution, asking: .substitute, because: .familyAfterSwap)
    }

    /// Right after an answer about an exercise, kit said in a short line that names no exercise and
    /// asks for nothing else ("i dont have bands, just a doorframe bar at home" after how to get a
    /// first pull-up): the same question about that exercise, with that kit.
    func readKitForLastAnswer(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        guard !turn.clarifies, [.form, .faq].contains(state.lastIntent), let exercise = state.lastExercise,
            let ask = state.lastReply?.ask, FormResponder.answersAlone(ask),
            state.lastReply?.entities.exercise == exercise,
            !understanding.have.isEmpty || !understanding.missing.isEmpty,
            understanding.namesNoExercise, understanding.rule == nil,
            !understanding.painMentioned, understanding.wordCount <= 2 * Self.shortFollowUp,
            !turn.mentions(knowledge.language.words(.swap)), !turn.says(.asksSomethingElse, knowledge.language),
            [.substitution, .faq, .unknown].contains(turn.intent)
        else { return }
        turn.setExercise(exercise)
        // (Still working up to a first rep, if that was the question.)
        if let before = state.lastReply?.understanding?.substituteReason, before == .cannotDoYet {
            turn.understanding.substituteReason = before
        }
        Self.reread(&turn, as: .form, asking: ask, because: .kitForLastAnswer)
    }

    /// "What do I do when even my heaviest band gets too easy for rows?": an exercise (or family)
    /// grown too easy, with no swap asked and no workout to change, asks how to progress it, not
    /// for a swap (let alone a gentler one). So is a short follow-up about the exercise just
    /// discussed ("its like 30 reps no problem now. thicker band or what").
    func readTooEasy(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        let language = knowledge.language
        let namesNone = understanding.namesNoExercise
        let ofTheLast =
            namesNone && state.lastExercise != nil && [.form, .faq].contains(state.lastIntent)
            && understanding.wordCount <= Self.shortFollowUp
        guard !turn.clarifies, understanding.rule == nil, state.lastIntent != .workout, !namesNone || ofTheLast,
            [.substitution, .faq, .unknown, .form].contains(turn.intent),
            !turn.mentions(language.words(.swap)), turn.says(.harder, language),
            !turn.says(.asksSomethingElse, language)
        else { return }
        // (A family, "band rows", is progressed as the member its name with that kit usually means.)
        if turn.exercise == nil { turn.exercise = understanding.exerciseCandidates.first ?? state.lastExercise }
        Self.reread(&turn, as: .form, asking: .progression, because: .tooEasy)
    }

    /// "Shoulder doesn't like anything overhead, so the Y raise is out, what's similar but lower?",
    /// then "ok and what about for the pullover": a swap for that one too, for the same reason
    /// (a pain's swap again sparing the area), not what the pullover is.
    func readAnotherAfterSwap(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        guard !turn.clarifies, state.lastReply?.ask == .substitute,
            [.substitution, .safety].contains(state.lastIntent),
            let id = understanding.exercise, id != state.lastExercise, understanding.exerciseCandidates.isEmpty,
            !understanding.painMentioned, understanding.have.isEmpty, understanding.missing.isEmpty,
            !understanding.asksHow, understanding.wordCount <= Self.shortFollowUp,
            turn.says(.whatAbout, knowledge.language),
            // (Not a question of its own about it: "what about the pullover, is that overhead?", or
            // "is that one ok for my shoulder?", names the area to ask whether it loads it.)
            !turn.asksYesNo, understanding.painAreas.isEmpty
        else { return }
        turn.understanding.substituteReason = state.lastReply?.understanding?.substituteReason
        Self.reread(
            &turn, as: state.lastIntent == .safety ? .safety : .substitution, asking: .substitute,
            because: .anotherAfterSwap)
    }

    /// "Is the trapezius one muscle or like three? My trainer said upper mid lower": a yes-or-no
    /// question about a muscle that asks for no exercises is what that muscle is (its parts and
    /// jobs), not the best moves for it.
    func readWhatAMuscleIs(_ turn: inout Turn) {
        let understanding = turn.understanding
        let language = knowledge.language
        guard !turn.clarifies, [.anatomy, .faq].contains(turn.intent), understanding.ask == .bestFor,
            understanding.muscle != nil, understanding.namesNoExercise,
            understanding.goal == nil, understanding.have.isEmpty, !understanding.painMentioned, turn.asksYesNo,
            !turn.says(.asksBestFor, language), !turn.mentions(language.words(.workout))
        else { return }
        Self.reread(&turn, as: .anatomy, asking: .whatIs, because: .whatAMuscleIs)
    }

    /// "Barbell row or seated cable row for a bigger back?", then "ok if i only pick one for a 3
    /// day program?" or "which one is better?": the choice between the two just compared, not a
    /// week of workouts or one exercise's card.
    func readChoiceAfterCompare(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        let language = knowledge.language
        guard turn.comparedPair.isEmpty, state.lastReply?.ask == .compare,
            let compared = state.lastReply?.exercises.map(\.id),
            compared.count == 2, understanding.namesNoExercise,
            !understanding.painMentioned, understanding.wordCount <= Self.shortFollowUp,
            turn.saysOnlyOne(language) || turn.asksAbout(language.words(.asksOne))
                || turn.asksAbout(language.words(.asksWhichBetter)) || turn.mentions(language.words(.asksBetter))
        else { return }
        turn.clarifies = false
        turn.comparedPair = compared
        Self.reread(&turn, as: .form, asking: .compare, because: .choiceAfterCompare)
    }

    /// "Face pulls vs reverse flys?", then "ok and how many sets of each if i do both": the dose of
    /// each of the two just compared, not the general card on sets and reps.
    func readDoseAfterCompare(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        guard state.lastReply?.ask == .compare, let compared = state.lastReply?.exercises.map(\.id),
            compared.count == 2, understanding.namesNoExercise, !understanding.painMentioned,
            understanding.wordCount <= Self.shortFollowUp, understanding.ask == .dose
        else { return }
        turn.clarifies = false
        turn.comparedPair = compared
        Self.reread(&turn, as: .form, asking: .dose, because: .doseAfterCompare)
    }

    /// "Tell me about the I-Y-T raise", then "I'm a beginner and it's too hard with weights": a short
    /// line that names no exercise and says the one just talked about is too hard (or out of
    /// reach) asks for an easier way of it, then gentler moves, not a workout or a topic card.
    func readTooHard(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        let language = knowledge.language
        // (A close call between a swap and a workout is settled by the exercise just discussed.)
        guard understanding.rule == nil || understanding.rule == .noPainWord, let exercise = state.lastExercise,
            [.form, .faq, .substitution].contains(state.lastIntent), understanding.exercise == nil,
            understanding.exerciseCandidates.isEmpty, !understanding.painMentioned,
            understanding.wordCount <= Self.shortFollowUp, understanding.substituteReason == .cannotDoYet,
            // (A best said, "i can only do like 4 in a row", asks what to do with it.)
            understanding.repsAlready == nil, !turn.says(.harder, language)
        else { return }
        turn.clarifies = false
        turn.setExercise(exercise)
        turn.understanding.substituteReason = .cannotDoYet
        Self.reread(&turn, as: .substitution, asking: .substitute, because: .tooHard)
    }

    /// "Is that safe tho, table wont tip?" right after a move was offered done with a table: how
    /// that way is set up safely (its set-up says what to check), not "see a doctor" for a pain
    /// nobody has.
    func readSafetyOfKitWay(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        guard turn.intent == .safety, understanding.ask == .isSafe, !understanding.painMentioned,
            understanding.namesNoExercise, !turn.have.isEmpty,
            understanding.wordCount <= Self.shortFollowUp,
            let offered = state.lastReply?.exercises.first(where: { !Set($0.equipment).isDisjoint(with: turn.have) })
        else { return }
        turn.clarifies = false
        turn.setExercise(offered.id)
        Self.reread(&turn, as: .form, asking: .setUp, because: .kitWaySafety)
    }

    /// "How many pull-ups per workout?", then "I can only do like 4 in a row if that matters": the
    /// dose of the same exercise for that best, not a card on progress in general.
    func readBestAfterDose(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        guard !turn.clarifies, understanding.rule == nil, let best = understanding.repsAlready, best > 0,
            understanding.namesNoExercise,
            let exercise = state.lastExercise, state.lastReply?.ask == .dose,
            understanding.wordCount <= Self.shortFollowUp
        else { return }
        turn.exercise = exercise
        Self.reread(&turn, as: .form, asking: .dose, because: .bestAfterDose)
    }

    /// "The band keeps slipping out of the door, any other way?" right after an exercise: how that
    /// exercise is set up and the ways it can be done, not "which exercise do you mean?".
    func readOtherWayOfLast(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        // (It settles a close call too: the last exercise is what the line is about.)
        guard understanding.rule == nil || understanding.rule == .noPainWord, understanding.exercise == nil,
            understanding.exerciseCandidates.isEmpty,
            // (After a swap for a family, "how do I do rows with a band and a door?", the first
            // exercise offered.)
            let exercise = state.lastExercise ?? state.lastReply?.exercises.first?.id,
            [.form, .substitution].contains(state.lastIntent), understanding.wordCount <= Self.shortFollowUp,
            turn.says(.asksOtherWay, knowledge.language)
        else { return }
        turn.exercise = exercise
        turn.clarifies = false
        Self.reread(&turn, as: .form, asking: .setUp, because: .otherWayOfLast)
    }

    /// "Pull-ups make the inside of my elbow tender", then "should I just stop doing them? I was
    /// finally up to 8": right after a pain was answered, whether to stop or keep on is whether to
    /// train through that pain, not the exercise's dose.
    func readStopOrKeepAfterPain(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        guard !turn.clarifies, state.lastIntent == .safety, !state.painReported.isEmpty,
            understanding.rule == nil || understanding.rule == .noPainWord,
            !understanding.painMentioned, understanding.exercise == nil || understanding.exercise == state.lastExercise,
            turn.asksAbout(knowledge.language.words(.stopOrKeepDoing))
        else { return }
        if turn.exercise == nil {
            turn.setExercise(state.lastExercise)
        }
        turn.stopsForAWaySparing =
            turn.exercise.flatMap(knowledge.exercise).map { $0.sparesSomeWay(Set(state.painReported)) } == true
        Self.reread(&turn, as: .safety, asking: .painTrainThrough, because: .stopOrKeepAfterPain)
    }

    /// "Should I just stop doing them?" right after a click or a feeling said not to hurt was
    /// answered ("clicking in my shoulder on face pulls, doesn't really hurt"): no need while it
    /// does not hurt, said of that move, not its card of cues.
    func readStopAfterPainless(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        guard !turn.clarifies, state.lastIntent == .safety, state.painReported.isEmpty,
            let before = state.lastReply?.understanding, before.painDenied, !before.painMentioned,
            let exercise = understanding.exercise ?? state.lastExercise,
            understanding.rule == nil || understanding.rule == .noPainWord,
            !understanding.painMentioned, understanding.exercise == nil || understanding.exercise == state.lastExercise,
            turn.asksAbout(knowledge.language.words(.stopOrKeepDoing))
        else { return }
        turn.setExercise(exercise)
        turn.stopsAfterPainless = true
        Self.reread(&turn, as: .safety, asking: .painTrainThrough, because: .stopAfterPainless)
    }

    /// "Did that this week, felt good. What do I do next week?" right after a workout, with no
    /// word of pain and no exercise named: the same workout progressed, not a safety question the
    /// classifier guessed from "felt".
    func readNextAfterWorkout(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        guard !turn.clarifies, state.lastIntent == .workout, state.lastPlan != nil,
            understanding.rule == nil || understanding.rule == .noPainWord, !understanding.painMentioned,
            understanding.namesNoExercise, understanding.minutes == nil,
            // ("Going away next week and won't have the TRX" changes the kit.)
            understanding.have.isEmpty, understanding.missing.isEmpty, understanding.level == nil,
            !turn.mentions(knowledge.language.words(.changeWorkout)), turn.says(.asksNext, knowledge.language)
        else { return }
        Self.reread(&turn, as: .faq, asking: .progression, because: .nextAfterWorkout)
    }

    /// A change to a workout read where none was given and no plan asked for: what the line asks
    /// instead.
    /// - An exercise and a muscle named ("ok and if i want to hit rear delts more specifically are
    ///   pull aparts enough", after a swap): what that exercise does for that muscle.
    /// - An exercise named with a reason to replace it ("i find y-t-w raises so boring i skip them,
    ///   is there something that does the same thing?"): a swap for it.
    /// - No exercise named, and what is best asked in so many words ("boulder 3x a week, want
    ///   something for my back to balance it out, whats best?"): the best moves.
    func readNoWorkoutToChange(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        let language = knowledge.language
        guard !turn.clarifies, turn.intent == .workout, understanding.rule == nil, state.lastPlan == nil,
            understanding.ask == .workoutChange, understanding.minutes == nil, understanding.routine == nil,
            !turn.says(.planNoun, language), !turn.asksToBeGivenAPlan(language)
        else { return }
        if understanding.exercise != nil, understanding.muscle != nil, understanding.have.isEmpty {
            Self.reread(&turn, as: .anatomy, asking: .whatItWorks, because: .noWorkoutToChange)
        } else if understanding.exercise != nil, let reason = understanding.substituteReason, reason != .pain,
            // (Said not to be liked, or something else asked for: "need to get better at pull ups
            // for a fitness test, only a park near my house" asks how, not for a swap.)
            reason == .disliked || turn.mentions(language.words(.swap)) || turn.says(.asksSomethingElse, language)
        {
            Self.reread(&turn, as: .substitution, asking: .substitute, because: .swapWithNoWorkout)
        } else if understanding.namesNoExercise,
            turn.says(.asksBestFor, language)
        {
            Self.reread(&turn, as: .faq, asking: .bestFor, because: .noWorkoutToChange)
        }
    }

    /// Something the articles leave out named with a word of asking for something else, read as a
    /// workout though no plan is asked for ("the reverse pec deck is always taken by the same guy
    /// who sits on it for 20 mins. what else hits rear delts"): a swap for it.
    func readSwapForUncovered(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        let language = knowledge.language
        guard !turn.clarifies, turn.intent == .workout, understanding.rule == nil, understanding.notCovered != nil,
            turn.says(.asksSomethingElse, language) || turn.mentions(language.words(.swap)),
            !turn.says(.planNoun, language), !turn.asksToBeGivenAPlan(language),
            // (Right after a workout, a line about it changes it: "btw im 65 ... so nothing
            // standing bent over"; but a move the articles leave out, asked to be swapped, was
            // never in it: "swap the dumbbell shrugs for something, they kill my grip".)
            // (Not "drop the shrugs ... add something for rear delts instead", which changes it.)
            state.lastIntent != .workout
                || turn.mentions(language.words(.swap)) && !turn.mentions(language.words(.leaveOut))
                    && !turn.mentions(language.words(.addIn)) && understanding.muscle == nil
                    && understanding.notCovered.flatMap(language.uncovered)?.nearestMuscle != nil
        else { return }
        Self.reread(&turn, as: .substitution, asking: .substitute, because: .swapForUncovered)
    }

    /// Not able to do "one" yet, with kit named whose name begins with an exercise's ("just got a
    /// pull up bar for the doorframe. cant do one yet. what should i be doing"): that exercise is
    /// the one meant. So is the exercise of a machine said taken or missing, with a swap asked and
    /// no exercise named ("lat pulldown machine is ALWAYS taken at my gym, what works the same
    /// muscles"): a swap for it, not a list for the whole upper back.
    func readExerciseInKitName(_ turn: inout Turn) {
        let understanding = turn.understanding
        let cannotYet = understanding.substituteReason == .cannotDoYet && turn.have.count == 1
        let machineGone = understanding.substituteReason == .missingKit && turn.missing.count == 1
        guard !turn.clarifies, cannotYet || machineGone, understanding.exercise == nil,
            understanding.exerciseCandidates.isEmpty, understanding.rule == nil,
            let kit = (cannotYet ? turn.have : turn.missing).first.flatMap(knowledge.equipment)
        else { return }
        guard let meant = knowledge.exerciseNamed(inKit: kit) else { return }
        turn.setExercise(meant.id)
        turn.entities.exercise = meant.id
        if machineGone, turn.intent != .substitution {
            Self.reread(&turn, as: .substitution, asking: .substitute, because: .machineGone)
        }
    }

    /// Right after a workout, more asked for a body area named with no word of pain ("can we add
    /// something for the lower back too"): the muscles of that area are the change asked for,
    /// not a swap for a sore back.
    func readAddForArea(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        guard !turn.clarifies, state.lastIntent == .workout, state.lastPlan != nil, understanding.rule == nil,
            !understanding.painMentioned, understanding.muscle == nil, understanding.exercise == nil,
            turn.mentions(knowledge.language.words(.addIn)),
            let area = understanding.painAreas.first,
            let muscle = knowledge.muscles.first(where: { $0.region == area })
        else { return }
        turn.understanding.muscle = muscle.id
        turn.entities.muscle = muscle.id
        Self.reread(&turn, as: .workout, asking: .workoutChange, because: .addForArea)
    }

    /// Right after a workout, sessions a week said with a word of the days differing ("oh and i
    /// train back twice a week, should both days be the same?"): a week of that many days, the
    /// last session its first, not the frequency card.
    func readWeekOfLast(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        let words = knowledge.language.understanding.sessionsAWeek
        guard !turn.clarifies, state.lastIntent == .workout, state.lastPlan != nil, state.lastWorkout != nil,
            state.lastWeekDays == nil,
            understanding.rule == nil || understanding.rule == .noPainWord, !understanding.painMentioned,
            let count = understanding.sessionsAWeek, count >= 2, turn.mentions(words.vary)
        else { return }
        turn.weekOfLast = count
        Self.reread(&turn, as: .workout, asking: .workoutChange, because: .weekOfLast)
    }

    /// Right after a week of sessions, another number of days said with nothing else asked of an
    /// exercise or a pain ("actually i can only do mon and thu because of work shifts"): that
    /// week with that many days, not a card picked on the other words.
    func readDaysOfLastWeek(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        guard !turn.clarifies, state.lastIntent == .workout, state.lastPlan != nil, state.lastWorkout != nil,
            let days = state.lastWeekDays,
            understanding.rule == nil || understanding.rule == .noPainWord, !understanding.painMentioned,
            let count = understanding.sessionsAWeek, count != days,
            understanding.namesNoExercise, understanding.muscle == nil,
            turn.intent != .workout || understanding.ask != .workoutChange
        else { return }
        Self.reread(&turn, as: .workout, asking: .workoutChange, because: .daysOfLastWeek)
    }

    /// "How do you do Y-T-W raises?", then "do I use weights?": a yes-or-no question about kit for
    /// the exercise just discussed is how it is set up with that kit, not a swap for it.
    /// (Or asks how to set it up with that kit: "I got an adjustable bench and dumbbells. What
    /// angle do I set it to?" right after a chest-supported row.)
    func readKitQuestionOfLast(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        let asksSetUp = turn.asksAbout(knowledge.language.words(.asksSetUp))
        guard !turn.clarifies, understanding.rule == nil || understanding.rule == .noPainWord,
            understanding.namesNoExercise,
            let exercise = state.lastExercise, state.lastIntent == .form,
            // (Two short kit questions in one line are still short: "do I lie on a bench or the
            // floor, and do I use weights or not?")
            asksSetUp || turn.asksYesNo && understanding.wordCount <= 2 * Self.shortFollowUp,
            !turn.have.isEmpty || !understanding.equipmentFamilies.isEmpty, understanding.missing.isEmpty,
            understanding.substituteReason == nil, !turn.mentions(knowledge.language.words(.swap)),
            !turn.says(.asksSomethingElse, knowledge.language)
        else { return }
        turn.exercise = exercise
        Self.reread(&turn, as: .form, asking: .setUp, because: .kitForLast)
    }

    /// "Do I need a bench for bent-over rows?": an exercise named with kit, asked yes or no whether
    /// the kit is needed, is how the exercise is set up, with that answer first, not a card
    /// picked on the classifier's guess (progression).
    func readKitNeeded(_ turn: inout Turn) {
        let understanding = turn.understanding
        guard !turn.clarifies, understanding.rule == nil || understanding.rule == .noPainWord,
            understanding.exercise != nil, turn.asksYesNo, turn.says(.asksNeeded, knowledge.language),
            // (One exercise: "do I need direct back work like rows or face pulls with my kettlebell
            // program?" asks whether the program is enough, not whether face pulls need a kettlebell.)
            understanding.matches.filter({ $0.entity.isExercise || $0.entity.isFamily }).count <= 1,
            !turn.have.isEmpty || !understanding.equipmentFamilies.isEmpty, understanding.missing.isEmpty,
            understanding.substituteReason == nil, !turn.mentions(knowledge.language.words(.swap))
        else { return }
        Self.reread(&turn, as: .form, asking: .setUp, because: .kitNeeded)
    }

    /// "So should I do it on back day or chest day?" (of the pullover just discussed, or named):
    /// which training day (`training_days` in vocabulary.yaml) the exercise belongs on, answered
    /// from its main muscles, not a card on how often to train.
    func readWhichDay(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        guard !turn.clarifies, understanding.rule == nil || understanding.rule == .noPainWord,
            let exercise = understanding.exercise
                ?? (understanding.wordCount <= Self.shortFollowUp ? state.lastExercise : nil)
        else { return }
        let days = Set(
            Interpreter.phraseRanges(Set(knowledge.language.trainingDaysAsRead.keys), in: understanding.words)
                .compactMap {
                    knowledge.language.trainingDaysAsRead[understanding.words[$0].joined(separator: " ")]
                }
        ).sorted()
        // (Two days weighed ask which, mark or no mark: "so should i do it on back day or chest day".
        // One day named is where something else is asked: "how many sets of rows on back day?")
        guard days.count >= 2 else { return }
        turn.setExercise(exercise)
        turn.daysAsked = days
        Self.reread(&turn, as: .form, asking: .whatItWorks, because: .whichDay)
    }

    /// "When should I go up in weight on bent-over rows?", then "I'm doing 3x10 with 20kg db each
    /// hand now": the sets and reps done now, with no exercise (or the same one) and nothing else
    /// asked, are the question again with those numbers, not a cue picked on a word.
    func readSetsAfterWhenHeavier(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        guard !turn.clarifies, state.lastReply?.ask == .progression, let exercise = state.lastExercise,
            understanding.exercise == nil || understanding.exercise == exercise,
            understanding.exerciseCandidates.isEmpty, understanding.repsPerSet != nil,
            understanding.rule == nil || understanding.rule == .noPainWord, !understanding.painMentioned,
            understanding.wordCount <= Self.shortFollowUp
        else { return }
        turn.setExercise(exercise)
        turn.continuesWhenHeavier = true
        Self.reread(&turn, as: .form, asking: .progression, because: .setsAfterWhenHeavier)
    }

    /// "How do I make band face pulls harder?", then "its already the heaviest one tho": the kit
    /// that move is done with is the most there is, so how to make that kit harder and the harder
    /// moves that keep its work (not a workout, nor a cue picked on a word).
    func readMostKitAfterProgression(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        guard !turn.clarifies, state.lastReply?.ask == .progression, let id = state.lastExercise,
            let exercise = knowledge.exercise(id), understanding.exercise == nil || understanding.exercise == id,
            understanding.rule == nil || understanding.rule == .noPainWord, !understanding.painMentioned,
            understanding.wordCount <= Self.shortFollowUp, turn.says(.mostKit, knowledge.language)
        else { return }
        turn.setExercise(id)
        // (The kit it is done with that has its own ways of being made harder: the band.)
        let kit = Set(exercise.ways.flatMap(\.equipment)).filter { knowledge.equipment($0)?.harder != nil }
        let said = (state.equipment ?? []).intersection(kit)
        turn.have = Array((said.isEmpty ? kit : said).sorted())
        Self.reread(&turn, as: .substitution, asking: .substitute, because: .mostKitAfterProgression)
    }

    /// "Is it safe to deadlift if I've never done it before and have no coach?": an exercise asked
    /// yes or no in a word of safety, with no swap asked, no kit missing and no pain, read as a
    /// swap, asks whether it is safe (its safety points), not for something else.
    func readIsSafeNotASwap(_ turn: inout Turn) {
        let understanding = turn.understanding
        // ("Can i do band pull aparts every single day?" asks how often, not for a swap.)
        let daily = turn.says(.asksDaily, knowledge.language)
        guard !turn.clarifies, turn.intent == .substitution, understanding.exercise != nil, turn.asksYesNo,
            turn.asksAbout(knowledge.language.words(.asksSafe)) || daily,
            !turn.mentions(knowledge.language.words(.swap)),
            !turn.says(.asksSomethingElse, knowledge.language), understanding.missing.isEmpty,
            !understanding.painMentioned, understanding.rule == nil || understanding.rule == .noPainWord
        else { return }
        Self.reread(
            &turn, as: .form, asking: daily ? .frequency : .isSafe, because: daily ? .dailyNotASwap : .isSafeNotASwap)
    }

    /// "Less reps more sets" right after a workout, whatever the classifier guessed (the card on
    /// sets and reps): the workout with its sets reshaped, as "make it harder" changes it.
    func readRepsOfLastWorkout(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        // (Whether or not the classifier was too unsure to say: the change is plain.)
        guard state.lastIntent == .workout, state.lastPlan != nil, turn.intent != .workout || turn.clarifies,
            understanding.rule == nil || understanding.rule == .noPainWord, !understanding.painMentioned,
            understanding.namesNoExercise,
            turn.says(.fewerReps, knowledge.language) || turn.says(.moreReps, knowledge.language),
            understanding.wordCount <= Self.shortFollowUp
        else { return }
        turn.clarifies = false
        Self.reread(&turn, as: .workout, asking: .workoutChange, because: .repsOfLastWorkout)
    }

    /// "Ok doing it now, how long rest between?" right after a workout, naming no move or one of
    /// it: the rest that workout gives (`PlanRestResponder`).
    func readRestOfLastWorkout(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        guard state.lastIntent == .workout, let plan = state.lastPlan, !understanding.painMentioned,
            understanding.exerciseCandidates.isEmpty,
            understanding.exercise.map({ id in plan.items.contains { $0.exercise == id } }) ?? true,
            understanding.minutes == nil, turn.says(.asksRest, knowledge.language),
            understanding.wordCount <= Self.shortFollowUp
        else { return }
        turn.clarifies = false
        Self.reread(&turn, as: .form, asking: .dose, because: .restOfLastWorkout)
    }

    /// "How many rounds should I do?" right after a workout: the sets or rounds it gives
    /// (`PlanRestResponder`), not the card on sets and reps for beginners.
    func readRoundsOfLastWorkout(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        guard state.lastIntent == .workout, state.lastPlan != nil, !understanding.painMentioned,
            understanding.namesNoExercise, understanding.minutes == nil,
            turn.says(.asksRounds, knowledge.language) || turn.mentions(knowledge.language.words(.asksFrequency)),
            understanding.wordCount <= Self.shortFollowUp, understanding.sessionsAWeek == nil,
            !turn.says(.asksChange, knowledge.language), !turn.mentions(knowledge.language.words(.changeWorkout))
        else { return }
        turn.clarifies = false
        // ("How many times should I do it this week?": times a week, not rounds.)
        if turn.mentions(knowledge.language.words(.asksFrequency)) {
            Self.reread(&turn, as: .form, asking: .frequency, because: .frequencyOfLastWorkout)
        } else {
            Self.reread(&turn, as: .form, asking: .dose, because: .roundsOfLastWorkout)
        }
    }

    /// "What weight should I use for the rows? I bench like 80kg" right after a workout: how heavy
    /// to go on the row of that workout (a family named is its member in the plan), not a list of
    /// rows or a new workout with the weights said.
    func readLoadOfPlanMove(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        guard state.lastIntent == .workout, let plan = state.lastPlan, !understanding.painMentioned,
            understanding.minutes == nil, understanding.wordCount <= Self.shortFollowUp + 4,
            turn.says(.asksLoad, knowledge.language), !turn.says(.asksChange, knowledge.language)
        else { return }
        let planned = plan.items.filter { !$0.isWarmUp }.map(\.exercise)
        let named = understanding.exercise.map { [$0] } ?? understanding.exerciseCandidates
        guard
            let move = named.first(where: planned.contains)
                ?? (named.isEmpty && planned.count == 1 ? planned.first : nil)
        else { return }
        turn.clarifies = false
        turn.setExercise(move)
        turn.understanding.exerciseCandidates = []
        turn.have = []
        Self.reread(&turn, as: .form, asking: .load, because: .loadOfPlanMove)
    }

    /// "Anything like a face pull I can do between meetings?": something like an exercise named,
    /// not asked how to do it, is a swap for it, not a card on it.
    func readSomethingLike(_ turn: inout Turn) {
        let understanding = turn.understanding
        guard !turn.clarifies, understanding.exercise != nil, understanding.rule == nil, !understanding.asksHow,
            [.form, .faq, .unknown].contains(turn.intent), saysSomethingLikeAMove(turn)
        else { return }
        Self.reread(&turn, as: .substitution, asking: .substitute, because: .somethingLike)
    }

    /// Whether a word of something like is said of a move named, just after it or just before it
    /// ("anything like a face pull", "face pulls or something similar"): "the effort looks similar
    /// to climbing a wall" in a post about pull-ups asks for nothing like them.
    private func saysSomethingLikeAMove(_ turn: Turn) -> Bool {
        let tokens = turn.understanding.words
        let moves = turn.understanding.matches.filter { $0.entity.isExercise || $0.entity.isFamily }.map(\.range)
        let phrases = knowledge.language.understanding.wordsAsRead(.asksSomethingLike)
        return Interpreter.phraseRanges(phrases, in: tokens).contains { said in
            moves.contains { move in
                (said.upperBound...(said.upperBound + 2)).contains(move.lowerBound)
                    || ((said.lowerBound - 3)...said.lowerBound).contains(move.upperBound)
            }
        }
    }
}
