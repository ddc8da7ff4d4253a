import CoachModel

/// How context or a rule of the dialogue changed what was understood, for `/why`.
public enum Reason: Hashable, Sendable {
    /// A post with a second question, answered after the first.
    case secondQuestion
    /// A red flag earlier in the conversation holds back workouts.
    case redFlagEarlier
    /// The workout builds on the one given just before.
    case buildsOnWorkout
    /// A follow-up read as a change to the workout given just before.
    case changesWorkout
    /// Something ruled out right after the best moves for a muscle or goal, none of them: the
    /// same moves again.
    case ruledOutAfterList
    /// A point of form asked of a move that feels wrong, with no hurt said: the point, answered.
    case feelsWrongOnAMove
    /// Whether a way of doing a move does harm, asked of a point of its form with no hurt said
    /// ("is it bad to round my back on rows?"): the point, answered.
    case harmOfAPoint
    /// An exercise of the plan just given that the person cannot do yet: how to work up to it.
    case cannotDoInPlan
    /// Moves named as out because of a position that cannot be taken ("can't get down on the
    /// floor, cobra and superman are out"): a swap for them.
    case positionRulesOut
    /// Whether a move can be done with kit that none of its ways uses ("face pulls but with
    /// dumbbells?? possible?"): the closest moves with that kit.
    case noWayWithKit
    /// Which plan is good, asked in so many words ("a good back workout"): a workout.
    case asksForAPlan
    /// The top two intents were too close to call.
    case tooClose
    /// It names an exercise, so it is read as a form question.
    case namesExercise
    /// A short follow-up about the exercise being discussed.
    case formFollowUp
    /// The exercise comes from earlier in the conversation.
    case exerciseFromEarlier(ExerciseID)
    /// What a general word for equipment means here.
    case equipmentWord(EquipmentID)
    /// The words fit several exercises.
    case severalExercises([ExerciseID])
    /// Kit said as all there is, with nothing else to go on: what it can do.
    case onlyThisKit
    /// How often to do what was just given, with other training as the reason to doubt it.
    case howOftenForThis
    /// The line answers the question back about which exercise was meant.
    case choseExercise(ExerciseID)
    /// Pain reported earlier: moves that load these areas were left out.
    case sparesPain([String])
    /// The person said the pain is better: its areas are no longer spared.
    case painBetter
    /// A workout asked for, or the last one changed, with a mild pain where an upper back workout
    /// can leave it out: the workout, built around these areas.
    case worksAroundPain([String])
    /// An exercise named with a reason to swap it and something else asked for: a swap.
    case somethingElseInstead
    /// Right after a swap, another exercise named as not wanted ("don't really want db rows"): a
    /// swap of that one too.
    case dislikedAfterSwap
    /// An exercise named with "anything like" it: a swap.
    case somethingLike
    /// Aches a setting explains (a desk, a baby carried), said with a session's length and kit: the
    /// session, after what the setting does.
    case settingExplainsAches
    /// Right after an exercise, a yes-or-no question about kit for it: how it is set up with it.
    case kitForLast
    /// An exercise named with kit, asked yes or no whether that kit is needed ("do I need a bench
    /// for bent-over rows?"): answered from its ways.
    case kitNeeded
    /// Which training day an exercise belongs on ("back day or chest day?"): by its main muscles.
    case whichDay
    /// Right after when to go heavier was answered, the sets and reps they do now ("I'm doing
    /// 3x10 with 20 kg"): the rule applied to them.
    case setsAfterWhenHeavier
    /// Right after how to progress a move was answered, the kit said to be the most they have
    /// ("its already the heaviest one tho"): how to make that kit harder.
    case mostKitAfterProgression
    /// The machine an exercise is named after, said taken or missing, with a swap asked and no
    /// exercise named ("lat pulldown machine is always taken, what works the same muscles").
    case machineGone
    /// Whether an exercise is safe, asked yes or no with no swap asked and no kit missing, read
    /// as a swap ("is it safe to deadlift if I've never done it before and have no coach?").
    case isSafeNotASwap
    /// Right after a workout, fewer or more reps asked ("less reps more sets"): that workout changed.
    case repsOfLastWorkout
    /// Right after a list of exercises for a muscle or goal, kit said had in a short line ("i have
    /// a band at home"): the same list with that kit.
    case listWithKit
    /// Right after a workout, what to do next week: the same workout, progressed.
    case nextAfterWorkout
    /// Right after a workout, with sessions a week said, whether the days should differ: a week.
    case weekOfLast
    /// Right after a week, another number of days said ("actually i can only do mon and thu"):
    /// the week, with that many days.
    case daysOfLastWeek
    /// A change to a workout read with no workout given, of an exercise and a muscle: what the
    /// exercise works.
    case noWorkoutToChange
    /// A change to a workout read with no workout given, of an exercise with a reason to replace
    /// it: a swap for it.
    case swapWithNoWorkout
    /// Right after a swap for an exercise not liked, kit said: the swap again with that kit.
    case kitForLastSwap
    /// Right after a swap, a short line naming a family and no kit ("and something for rows?"):
    /// that family's moves with the kit and reason of the swap.
    case familyAfterSwap
    /// Something the articles leave out, with a word of asking for something else, read as a
    /// workout with no plan asked for: a swap for it.
    case swapForUncovered
    /// Right after a workout, more asked for a body area with no word of pain: its muscles.
    case addForArea
    /// Right after an answer about an exercise, kit said: the same question with that kit.
    case kitForLastAnswer
    /// Right after a pain was answered, whether to stop or keep on: whether to train through it.
    case stopOrKeepAfterPain
    /// Right after a noise or feeling said not to hurt was answered, whether to stop the move.
    case stopAfterPainless
    /// Whether it is safe to start, asked yes or no with nothing felt and no exercise named
    /// ("I'm 67 and haven't exercised in years, safe to start?"): yes, built up to.
    case safeToStart
    /// An exercise said to be too easy now, with no swap asked: how to progress it.
    case tooEasy
    case tooHard
    case kitWaySafety
    case restOfLastWorkout
    case dailyNotASwap
    case choiceAfterCompare
    case doseAfterCompare
    case anotherAfterSwap
    case whatAMuscleIs
    case roundsOfLastWorkout
    case loadOfPlanMove
    case frequencyOfLastWorkout
    /// Right after a dose, a best said ("I can only do like 4 in a row"): the dose from it.
    case bestAfterDose
    /// Right after an exercise, another way of doing it asked: how it is set up, its ways.
    case otherWayOfLast
    /// An exercise wanted, with only kit its usual way does not use: the exercise with that kit.
    case wantedWithOtherKit
    /// Kit said gone right after a list for the kit had: the list again without it.
    case listWithoutKit
    /// A move the articles do not cover asked to be added to a workout: what is said of it.
    case addsNotCovered
    /// Travelling with no exercise named: what can be done away from the gym.
    case awayFromTheGym
    /// Cannot do an exercise yet and asks about it: how to work up to it.
    case workingUpTo
    /// A session asked to be made out of moves it names: a workout with them.
    case sessionOfMoves
    /// A body condition said with a training question (`before_training` in safety.yaml): its
    /// advice first, then the answer.
    case conditionFirst
}
