/// Every fixed sentence coach says has a key here and a text in `replies.yaml`: loading fails
/// when the file lacks a key or has one no code uses, so a typo cannot reach a person.
public enum ReplyKey: String, CaseIterable, Sendable {
    case greeting
    case greetingExamples = "greeting.examples"
    case help
    case helpCommands = "help.commands"
    case unknown
    case unknownGibberish = "unknown.gibberish"
    case unknownEmpty = "unknown.empty"
    case clarifyExercise = "clarify.exercise"
    case clarifyIntent = "clarify.intent"
    case aboutForm = "about.form"
    case aboutSubstitution = "about.substitution"
    case aboutWorkout = "about.workout"
    case aboutAnatomy = "about.anatomy"
    case aboutSafety = "about.safety"
    case aboutFaq = "about.faq"
    case aboutGreeting = "about.greeting"
    case aboutHelp = "about.help"
    case aboutUnknown = "about.unknown"
    case exerciseUnknown = "exercise.unknown"
    case reset
    case commandUnknown = "command.unknown"
    case equipmentShow = "equipment.show"
    case equipmentNone = "equipment.none"
    case equipmentSet = "equipment.set"
    case equipmentUnknown = "equipment.unknown"
    case whyNone = "why.none"
    case whyText = "why.text"
    case whyCorrections = "why.corrections"
    case whyEntities = "why.entities"
    case whyMinutes = "why.minutes"
    case whyIntents = "why.intents"
    case whyTopic = "why.topic"
    case whyAsk = "why.ask"
    case whyRule = "why.rule"
    case whyContext = "why.context"
    case sourcesNone = "sources.none"
    case sourcesTeam = "sources.team"
    case headingWays = "heading.ways"
    case headingSteps = "heading.steps"
    case headingCues = "heading.cues"
    case headingMistakes = "heading.mistakes"
    case headingSafety = "heading.safety"
    case headingDosage = "heading.dosage"
    case headingSources = "heading.sources"
    case headingAlternatives = "heading.alternatives"
    case headingPrecautions = "heading.precautions"
    case formTrains = "form.trains"
    case formMore = "form.more"
    case dosageReps = "dosage.reps"
    case dosageSeconds = "dosage.seconds"
    case dosagePerSide = "dosage.per-side"
    case anatomyExercise = "anatomy.exercise"
    case anatomySecondary = "anatomy.secondary"
    case anatomyTrainedBy = "anatomy.trained-by"
    case substitutionSameExercise = "substitution.same-exercise"
    case substitutionOther = "substitution.other"
    case substitutionWhyPattern = "substitution.why-pattern"
    case substitutionWhyMuscles = "substitution.why-muscles"
    case substitutionNone = "substitution.none"
    case substitutionAskExercise = "substitution.ask-exercise"
    case substitutionStandIn = "substitution.stand-in"
    case substitutionEasier = "substitution.easier"
    case safetyNoWorkout = "safety.no-workout"
    case safetyIntro = "safety.intro"
    case safetyCauses = "safety.causes"
    case safetyGentler = "safety.gentler"
    case faqUnknown = "faq.unknown"
    case workoutTitle = "workout.title"
    case workoutRange = "workout.range"
    case workoutAssumedEquipment = "workout.assumed-equipment"
    case workoutTableHeader = "workout.table-header"
    case workoutPerSide = "workout.per-side"
    case workoutWarmUp = "workout.warm-up"
    case workoutTotal = "workout.total"
    case workoutBodyweight = "workout.bodyweight"
    case workoutEquipment = "workout.equipment"
    case workoutWhy = "workout.why"
    case workoutNoFocus = "workout.no-focus"
    case workoutNone = "workout.none"
    case workoutAfterRedFlag = "workout.after-red-flag"
    case workoutAfterPain = "workout.after-pain"
    case workoutStartHint = "workout.start-hint"
    case alsoAsked = "also-asked"
    case guideStart = "guide.start"
    case guideExercise = "guide.exercise"
    case guideRound = "guide.round"
    case guideSetReps = "guide.set-reps"
    case guideSetTimed = "guide.set-timed"
    case guideRest = "guide.rest"
    case guideDone = "guide.done"
    case guideStopped = "guide.stopped"
    case guideNeedsTerminal = "guide.needs-terminal"
    case guideNoWorkout = "guide.no-workout"
    case workoutCircuit = "workout.circuit"
    case workoutRounds = "workout.rounds"
    case routineRest = "routine.rest"
    case patternHorizontalPull = "pattern.horizontal-pull"
    case patternVerticalPull = "pattern.vertical-pull"
    case patternRearDeltScapular = "pattern.rear-delt-scapular"
    case patternSpinalExtension = "pattern.spinal-extension"
    case patternHinge = "pattern.hinge"
    case patternShoulderRaise = "pattern.shoulder-raise"
    case patternMobility = "pattern.mobility"

    case whyRulePain = "why.rule.pain"
    case whyRuleNoWords = "why.rule.no-words"
    case whyRuleUnknownWords = "why.rule.unknown-words"
    case whyRuleOutOfScope = "why.rule.out-of-scope"
    case whyRuleNoPainWord = "why.rule.no-pain-word"
    case whyReasonSecondQuestion = "why.reason.second-question"
    case whyReasonRedFlagEarlier = "why.reason.red-flag-earlier"
    case whyReasonBuildsOnWorkout = "why.reason.builds-on-workout"
    case whyReasonChangesWorkout = "why.reason.changes-workout"
    case whyReasonTooClose = "why.reason.too-close"
    case whyReasonNamesExercise = "why.reason.names-exercise"
    case whyReasonFormFollowUp = "why.reason.form-follow-up"
    case whyReasonExerciseFromEarlier = "why.reason.exercise-from-earlier"
    case whyReasonEquipmentWord = "why.reason.equipment-word"
    case whyReasonSeveralExercises = "why.reason.several-exercises"
    case entityExercise = "entity.exercise"
    case entityFamily = "entity.family"
    case entityMuscle = "entity.muscle"
    case entityEquipment = "entity.equipment"
    case entityEquipmentFamily = "entity.equipment-family"
    case entityPainArea = "entity.pain-area"
    case entityLevel = "entity.level"
    case entityGoal = "entity.goal"
    case entityRedFlag = "entity.red-flag"
    case entityLasting = "entity.lasting"
    case entityOutOfScope = "entity.out-of-scope"
    case entitySoreness = "entity.soreness"
    case entityPain = "entity.pain"
    case joinList = "join.list"
    case joinOr = "join.or"
    case joinAnd = "join.and"

    case joinAlso = "join.also"
    case joinSources = "join.sources"
    case sourcesItem = "sources.item"
    case formWay = "form.way"
    case formWayText = "form.way-text"
    case workoutAmountReps = "workout.amount-reps"
    case workoutAmountSeconds = "workout.amount-seconds"
    case workoutRestSeconds = "workout.rest-seconds"
    case workoutEmptyCell = "workout.empty-cell"
    case routineAmountReps = "routine.amount-reps"
    case routineAmountSeconds = "routine.amount-seconds"
    case routineNote = "routine.note"
    case workoutSide = "workout.side"

    case formLevel = "form.level"
    case formEasier = "form.easier"
    case formHarder = "form.harder"
    case formSetupSilent = "form.setup-silent"
    case compareHeading = "compare.heading"
    case compareLine = "compare.line"
    case compareTrains = "compare.trains"
    case compareOnlyOne = "compare.only-one"
    case compareShared = "compare.shared"
    case compareOnly = "compare.only"

    case safetyLeadCause = "safety.lead.cause"
    case safetyLeadTreat = "safety.lead.treat"
    case safetyLeadTrainThrough = "safety.lead.train-through"
    case safetyLeadReturn = "safety.lead.return"
    case redFlagLeadCause = "safety.red-flag.cause"
    case redFlagLeadTreat = "safety.red-flag.treat"
    case redFlagLeadTrainThrough = "safety.red-flag.train-through"
    case redFlagLeadReturn = "safety.red-flag.return"
    case safetyGeneral = "safety.general"

    case smalltalkThanks = "smalltalk.thanks"
    case smalltalkBye = "smalltalk.bye"
    case smalltalkOk = "smalltalk.ok"

    case whyReasonChoseExercise = "why.reason.chose-exercise"

    /// What coach says a question of this intent is about, when it asks which was meant.
    public static func about(_ intent: Intent) -> ReplyKey {
        switch intent {
        case .form: .aboutForm
        case .substitution: .aboutSubstitution
        case .workout: .aboutWorkout
        case .anatomy: .aboutAnatomy
        case .safety: .aboutSafety
        case .faq: .aboutFaq
        case .greeting: .aboutGreeting
        case .help: .aboutHelp
        case .unknown: .aboutUnknown
        }
    }

    /// The name of a movement pattern, as a workout explains its choice.
    public static func pattern(_ pattern: MovementPattern) -> ReplyKey {
        switch pattern {
        case .horizontalPull: .patternHorizontalPull
        case .verticalPull: .patternVerticalPull
        case .rearDeltScapular: .patternRearDeltScapular
        case .spinalExtension: .patternSpinalExtension
        case .hinge: .patternHinge
        case .shoulderRaise: .patternShoulderRaise
        case .mobility: .patternMobility
        }
    }
}
