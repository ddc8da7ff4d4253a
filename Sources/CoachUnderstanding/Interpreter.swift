import CoachModel
import Foundation

/// Understanding, start to finish: normalise, correct spelling, find entities, classify the
/// intent. Built once from the knowledge base (training takes milliseconds); each call is pure.
///
/// A class, though immutable, for speed: it holds some eighty tables, and as a struct every
/// closure in `understand` that read one of them copied the whole value (a retain and a release
/// of each table), which was a fifth of the time of a turn (`perf`, 2026-12-02). Shared, it is
/// one reference. Equality is still by value (`==`).
public final class Interpreter: Equatable, Sendable, Codable {
    let extractor: EntityExtractor
    let vocabulary: Vocabulary
    let features: FeatureExtractor
    let intents: NaiveBayes
    let topics: NaiveBayes
    /// What a question asks (`Ask`), trained from `asks.yaml` and the topics' ways of asking.
    let asks: NaiveBayes
    /// The intents each ask can be asked under, by ask id, the usual one first.
    let askIntents: [String: [String]]
    let routineAsks: PhraseIndex<String>
    /// Words before a level that make it the person's own (`own_level_words`), as read.
    let ownLevelWords: Set<String>
    /// How a yes-or-no question starts (the `yes-no` signal), as read.
    let yesNoWords: Set<String>
    /// The words that open a question of either kind, as read (`Interpreter.questionOpeners(_:)`).
    let questionOpeners: Set<String>
    /// Words of asking what something is (`asks-what-it-is`): a plan named with one is asked about.
    let whatWords: Set<String>
    /// How a yes-or-no question may end instead (the `yes-no-tag` signal: "ok?", "legit?").
    let yesNoTags: Set<String>
    /// Phrases that say why a substitute is wanted, by reason id (`reason_phrases` in asks.yaml).
    let reasons: PhraseIndex<String>
    let routineMinutes: [RoutineFit]
    /// Misspelt one-word aliases and the name they stand for ("dumbell" -> "dumbbell"), so that
    /// a misspelling inside a longer name ("bent over dumbell row") still finds it.
    let spellings: [String: String]
    /// `area_fine_before` and `area_fine_after` in safety.yaml, as read (stemmed words; none empty).
    let areaFineBefore: [[String]]
    let areaFineAfter: [[String]]
    /// Muscles of the upper back and shoulders: naming one keeps a question in scope.
    let upperBackMuscles: Set<MuscleID>
    /// Pain areas that keep a question in scope (the upper back).
    let upperBackAreas: Set<String>
    /// The pain areas each one stands in for when said with them (`instead_of`): "my shoulder
    /// hurts overhead" is the shoulder overhead, not the whole shoulder.
    let standsInFor: [String: Set<String>]
    /// Phrases that keep a question in scope though it names other body parts too.
    let scopePhrases: PhraseIndex<Bool>
    /// Lines about the training log (`language/log.yaml`).
    let log: LogReader
    /// What the articles do not cover (`not_covered` in topics.yaml), by id.
    let notCovered: PhraseIndex<String>
    /// The not-covered matters named by phrases said together (`said_with`), in the file's order.
    let notCoveredTogether: [NamedTogether]
    /// The kit of each way of each exercise, its usual way first: to tell apart the exercises a
    /// family name covers ("rows" said with dumbbells are the bent-over row), and, when no member
    /// is usually done with the kit said, the one that has a way with it.
    let wayKits: [ExerciseID: [Set<EquipmentID>]]
    /// The pain areas a pain said of the back as a whole may mean (`vague_words`, stemmed), and
    /// the areas each exercise loads: "deadlifts hurt my back" is the lower back.
    let vagueAreas: [String: Set<String>]
    let exerciseLoads: [ExerciseID: Set<String>]
    /// The kit each exercise's name says ("TRX Low Row": the suspension trainer).
    let namedKit: [ExerciseID: Set<EquipmentID>]
    /// Kit found only in a gym (`gym_only`): "the lat pulldown is always taken" means its machine
    /// is (the extractor's words of being unavailable, said after the exercise's name).
    let gymOnlyKit: Set<EquipmentID>
    /// Words that say kit named is all there is ("only", "just"), as read.
    let kitIsAllWords: Set<String>
    /// Phrases that name a small gym, such as a hotel's (`small_gyms`).
    let smallGyms: PhraseIndex<Bool>
    /// The kit such a gym usually has (`small_gyms.kit`).
    let smallGymKit: [EquipmentID]
    /// The aches each setting explains (a desk's stiffness), by condition id, stemmed.
    let settingAches: [String: Set<String>]
    /// Words that ask for one exercise in place of another (`swap` in vocabulary.yaml), stemmed.
    let swapWords: Set<String>
    /// `asks-safe` ("ok", "safe"), stemmed: said near the start of a yes-or-no question.
    let safeWords: Set<String>
    /// `asks-what-is` ("what is", "what are"), as read: an exercise named straight after asks what it is.
    let whatIsPhrases: Set<String>
    /// The first words of `asks-what-is` ("what", which "whats" is read as).
    let whatOpeners: Set<String>
    /// `asks-what-does` ("what do", "difference between"), as read: of a muscle, what it does.
    let whatDoesPhrases: Set<String>
    /// "Not just", "not only" (`not-only`), as read: a muscle after one is not the focus asked for.
    let notOnlyPhrases: Set<String>
    /// Words of training a place (`trains-area`, as read): a place said just after one is what to
    /// train, not what hurts ("a sub that still builds my upper back").
    let trainsAreaPhrases: Set<String>
    /// Words for muscles (`muscles-word`), as read.
    let musclesWords: Set<String>
    let alternativeWords: Set<String>
    let easierWords: Set<String>
    /// First words of a question asked without its mark (`asks-unmarked`).
    let unmarkedQuestionStarts: Set<String>
    /// `plan-noun`, `asks-to-be-given` and `doubts-frequency`, stemmed: a plan asked for with
    /// what it must fit is a workout (`Rule.plan`).
    let planNouns: Set<String>
    /// `asks-best-for`, one word or two.
    let bestForWords: Set<String>
    /// `set-aside`, one word or two.
    let setAsideWords: Set<String>
    /// Words that change what a plan holds (`add-in`, and `leave-out` but for the words that say
    /// kit is missing, "no" or "without"): "drop the shrugs, add something for rear delts
    /// instead" changes a plan, it asks for no swap.
    let planChangeWords: Set<String>
    /// Words that ask why an exercise is shunned (`asks-why-avoided`: "the hatred toward the lat
    /// pulldown", "is there a reason to avoid it?"): a question about the exercise, no swap.
    let whyAvoidedWords: Set<String>
    /// Words that ask an opinion of a way of training (`asks-opinion`: "do you think", "the correct
    /// method"): a question about it, not a request for a plan.
    let opinionWords: Set<String>
    /// Words that ask for something else (`asks-something-else`: "easier on it", "a row that
    /// doesn't..."): said with soreness, a swap that spares it is asked.
    let somethingElseWords: Set<String>
    let givenWords: Set<String>
    /// Words of progress stalled (`plateau-said`), one word or two (`Rule.plateau`).
    let plateauWords: Set<String>
    /// Words of where a move is felt (`felt-in`), one word or two.
    let feltWords: Set<String>
    /// Words setting where a move is felt against where it should be (`felt-instead`), as read.
    let feltInsteadWords: Set<String>
    /// Words that put soreness down to a session just done (`after-a-session`).
    let afterSessionWords: Set<String>
    let doubtWords: Set<String>
    /// Words for exercises ("what exercises can I do?"): a goal said with one asks for the moves.
    let exerciseWords: Set<String>
    /// `says-warm-up`, stemmed.
    let warmUpWords: Set<String>
    /// Words of a weight's unit (`weight_words` in log.yaml), stemmed: a count before one is a
    /// weight, not reps ("dumbbells up to 30kg").
    let weightWords: Set<String>
    /// Words for a week ("week", "weekly"): a count just before one is sessions, not reps.
    let weekWords: Set<String>
    /// Words that may stand between the names of a list (`list_joiners`, `phrase_gaps`).
    let listGlue: Set<String>
    /// How a question that asks how to do something starts (`asks-how`: "how ...").
    let howWords: Set<String>
    /// Phrases that say a way of lying down is out (`cannot_lie` in the vocabulary).
    let cannotLie: PhraseIndex<Lying>
    /// Positions that, named in a line reporting pain, are ruled out (`positions_when_hurting`).
    let positionsWhenHurting: PhraseIndex<Lying>
    /// Places where no floor work fits, for one line (`floorless_places` in the vocabulary).
    /// (`true` for a phrase that holds for the rest of the conversation, `lasting`.)
    let floorless: PhraseIndex<Bool>
    let floorlessNotAfter: Set<String>
    /// `how_to_do` in the vocabulary ("how do I do it").
    let howToDo: PhraseIndex<Bool>
    /// `already_do` in the vocabulary ("I can do 8").
    let alreadyDo: PhraseIndex<Bool>
    /// `training_experience` in the vocabulary: its words as read (stemmed), and the fewest days
    /// of training each level starts at.
    let experienceWords: Set<String>
    let experienceDays: [Level: Int]
    let experienceNotAfter: Set<String>
    let experienceNotBefore: Set<String>
    let floorlessNotBefore: Set<String>
    let floorlessLeftBehind: Set<String>
    /// Words that make a place without a floor a workplace, with no kit there (`without_kit`).
    let floorlessWithoutKit: Set<String>
    let floorOffered: PhraseIndex<Bool>
    /// The language's not-covered items, for the ways of lying their situation rules out.
    let lyingRuledOut: [String: [Lying]]
    /// The not-covered items that are medical: one said in a line that also names another item
    /// ("shrugs give me a headache") is the one answered.
    let medicalUncovered: Set<String>
    /// Not-covered items about everyone from an age on (`from_age`), youngest first, and the
    /// words said with an age (`age_words`).
    let byAge: [AgeItem]
    let ageBefore: PhraseIndex<Bool>
    let ageAfter: PhraseIndex<Bool>
    let ageNotBefore: Set<String>
    /// `red_flags.tires_first`: a part that tires before the one being trained.
    let tiresFirst: PhraseIndex<Bool>
    /// Members of a family whose name is another member's with more words ("Wide Bent-Over Row"):
    /// a named variant, which a family name said with kit does not mean when the plain one fits too.
    let variantOf: [ExerciseID: ExerciseID]
    /// Each exercise's movement pattern: a family name means the members that move like its
    /// first ("rows" are horizontal pulls, not the upright row).
    let patterns: [ExerciseID: MovementPattern]

    /// English words spelling correction leaves alone that it would otherwise change.
    public var protectedWords: Set<String> { vocabulary.protectedWords }

    /// Below this probability the intent is a guess, and coach asks instead.
    public static let confidenceFloor = 0.45
    /// At most this many words, a line naming a plan and nothing else it asks is a request for one.
    static let fewWords = 8
    /// Below this probability a safety guess with no word of pain or injury gives way to the
    /// runner-up: "my rear delts are weak" is not a pain report. Chosen on the dev split, where
    /// 0.6 to 0.75 read the same lines right and 0.8 or more lost pain lines said without a pain
    /// word.
    public static let safetyWithoutPainFloor = 0.75
    /// A runner-up intent the classifier gives less than this is no reading of the line.
    static let implausibleRunnerUp = 0.05
    /// When the first two intents are closer than this, coach asks which was meant.
    public static let closeCall = 0.12

    public init(knowledge: KnowledgeBase) {
        let extractor = EntityExtractor(knowledge: knowledge)
        let features = FeatureExtractor(language: knowledge.language)
        self.extractor = extractor
        self.features = features

        /// A training phrase as the classifiers see it, read the way input is read.
        func phraseFeatures(_ phrase: String) -> [String] {
            let tokens = TextNormalizer.tokens(Self.fillSlots(phrase)).map(TextNormalizer.stem)
            return features.features(tokens, extractor.extract(tokens).matches)
        }
        var intentExamples: [(features: [String], label: String)] = []
        var topicExamples: [(features: [String], label: String)] = []
        var askExamples: [(features: [String], label: String)] = []
        // NB: the keys of intents and asks are ids checked when the knowledge was loaded.
        for (intent, phrases) in knowledge.language.intents.sorted(by: { $0.key < $1.key }) {
            for phrase in phrases { intentExamples.append((phraseFeatures(phrase), intent)) }
        }
        for (ask, phrases) in knowledge.language.askPhrases.sorted(by: { $0.key < $1.key }) {
            for phrase in phrases { askExamples.append((phraseFeatures(phrase), ask)) }
        }
        // A topic's ways of asking teach three things: that it is a FAQ, which topic, and its ask.
        for topic in knowledge.topics {
            for phrase in topic.asks + [topic.title] {
                let example = phraseFeatures(phrase)
                intentExamples.append((example, Intent.faq.rawValue))
                topicExamples.append((example, topic.id))
                if phrase != topic.title { askExamples.append((example, topic.answers.rawValue)) }
            }
        }
        // Whole questions, as people ask them: the ask classifier sees what it sees of input (a
        // long post's questions), the intent classifier all of it.
        for example in knowledge.language.examples {
            let all = phraseFeatures(example.text)
            if example.teachesIntent { intentExamples.append((all, example.intent.rawValue)) }
            askExamples.append(
                (
                    Self.askFeatures(
                        example.text, all: all, extractor: extractor, features: features, spellings: [:],
                        openers: []),
                    example.ask.rawValue
                ))
        }
        var routinePhrases = PhraseIndex<String>(gaps: knowledge.language.understanding.phraseGaps)
        for routine in knowledge.routines {
            for ask in routine.asks {
                intentExamples.append((phraseFeatures(ask), Intent.workout.rawValue))
                routinePhrases.add(ask, routine.id)
            }
        }
        routineAsks = routinePhrases
        var reasonIndex = PhraseIndex<String>(gaps: knowledge.language.understanding.phraseGaps)
        for reason in SubstituteReason.allCases {
            for phrase in knowledge.language.reasonPhrases[reason] ?? [] { reasonIndex.add(phrase, reason.rawValue) }
        }
        reasons = reasonIndex
        log = LogReader(language: knowledge.language.log, bands: knowledge.progress)
        var uncovered = PhraseIndex<String>()
        for topic in knowledge.language.notCovered {
            for phrase in topic.phrases { uncovered.add(phrase, topic.id) }
        }
        notCovered = uncovered
        notCoveredTogether = knowledge.language.notCovered.filter { !$0.saidWith.isEmpty }.map { topic in
            NamedTogether(id: topic.id, lists: topic.saidWith.map { PhraseIndex($0, value: true) })
        }
        // (Only family members are looked up: comparing every name with every other would cost a
        // large knowledge base its start-up.)
        let members = Set(knowledge.language.families.values.flatMap { $0 })
        let names = knowledge.exercises.filter { members.contains($0.id) }.map { ($0.id, " \($0.name.lowercased()) ") }
        variantOf = Dictionary(
            names.compactMap { id, name in
                names.first { $0.0 != id && name.contains($0.1) }.map { (id, $0.0) }
            }, uniquingKeysWith: { first, _ in first })
        swapWords = Set(knowledge.language.words(.swap).map(TextNormalizer.stem))
        safeWords = Set(knowledge.language.words(.asksSafe).map(TextNormalizer.stem))
        whatIsPhrases = Self.phrasesAsRead(knowledge.language.words(.asksWhatIs))
        whatOpeners = Set(whatIsPhrases.compactMap { $0.split(separator: " ").first.map(String.init) })
        whatDoesPhrases = Self.phrasesAsRead(knowledge.language.words(.asksWhatDoes))
        notOnlyPhrases = Self.phrasesAsRead(knowledge.language.words(.notOnly))
        trainsAreaPhrases = Self.phrasesAsRead(knowledge.language.words(.trainsArea))
        musclesWords = Self.phrasesAsRead(knowledge.language.words(.musclesWord))
        alternativeWords = Set(knowledge.language.understanding.words(.asksAlternative).map(TextNormalizer.stem))
        easierWords = Set(knowledge.language.understanding.words(.easier).map(TextNormalizer.stem))
        unmarkedQuestionStarts = Set(knowledge.language.understanding.words(.asksUnmarked).map(TextNormalizer.stem))
        planNouns = Self.phrasesAsRead(knowledge.language.words(.planNoun))
        bestForWords = Self.phrasesAsRead(knowledge.language.words(.asksBestFor))
        setAsideWords = Self.phrasesAsRead(knowledge.language.words(.setAside))
        let missingWords = Set(knowledge.language.understanding.missingWords)
        planChangeWords = Self.phrasesAsRead(
            knowledge.language.words(.leaveOut).filter { !missingWords.contains($0) } + knowledge.language.words(.addIn)
        )
        whyAvoidedWords = Self.phrasesAsRead(knowledge.language.words(.asksWhyAvoided))
        opinionWords = Self.phrasesAsRead(knowledge.language.words(.asksOpinion))
        somethingElseWords = Self.phrasesAsRead(knowledge.language.words(.asksSomethingElse))
        givenWords = Set(knowledge.language.words(.asksToBeGiven).map(TextNormalizer.stem))
        plateauWords = Self.phrasesAsRead(knowledge.language.words(.plateauSaid))
        feltWords = Self.phrasesAsRead(knowledge.language.words(.feltIn))
        feltInsteadWords = Self.phrasesAsRead(knowledge.language.words(.feltInstead))
        afterSessionWords = Self.phrasesAsRead(knowledge.language.words(.afterASession))
        doubtWords = Set(knowledge.language.words(.doubtsFrequency).map(TextNormalizer.stem))
        exerciseWords = Set(knowledge.language.words(.exerciseWords).map(TextNormalizer.stem))
        warmUpWords = Set(knowledge.language.words(.saysWarmUp).map(TextNormalizer.stem))
        weightWords = Set(knowledge.language.log.weightWords.values.flatMap { $0 }.map(TextNormalizer.stem))
        weekWords = Set(knowledge.language.understanding.sessionsAWeek.week)
        let gaps = knowledge.language.understanding.phraseGaps
        cannotLie = Self.lyingIndex(knowledge.language.understanding.cannotLie, gaps: gaps)
        positionsWhenHurting = Self.lyingIndex(knowledge.language.understanding.positionsWhenHurting, gaps: gaps)
        var floorless = PhraseIndex<Bool>(gaps: knowledge.language.understanding.phraseGaps)
        for phrase in knowledge.language.understanding.floorlessPlaces { floorless.add(phrase, false) }
        for phrase in knowledge.language.understanding.floorlessLasting { floorless.add(phrase, true) }
        self.floorless = floorless
        howToDo = PhraseIndex(
            knowledge.language.understanding.howToDo, value: true, gaps: knowledge.language.understanding.phraseGaps)
        alreadyDo = PhraseIndex(
            knowledge.language.understanding.alreadyDo, value: true, gaps: knowledge.language.understanding.phraseGaps)
        experienceWords = Self.phrasesAsRead(knowledge.language.understanding.experienceWords)
        experienceDays = knowledge.language.understanding.experienceDays
        experienceNotAfter = Set(knowledge.language.understanding.experienceNotAfter.map(TextNormalizer.stem))
        experienceNotBefore = Set(knowledge.language.understanding.experienceNotBefore.map(TextNormalizer.stem))
        floorlessNotAfter = Set(knowledge.language.understanding.floorlessNotAfter)
        floorlessNotBefore = Set(knowledge.language.understanding.floorlessNotBefore)
        floorlessLeftBehind = Set(knowledge.language.understanding.floorlessLeftBehind)
        floorlessWithoutKit = Set(knowledge.language.understanding.floorlessWithoutKit)
        var offered = PhraseIndex<Bool>(gaps: [])
        for phrase in knowledge.language.understanding.floorOffered { offered.add(phrase, true) }
        floorOffered = offered
        byAge = knowledge.language.notCovered.compactMap { item in item.fromAge.map { AgeItem(age: $0, id: item.id) } }
            .sorted { $0.age < $1.age }
        ageBefore = PhraseIndex(knowledge.language.understanding.ageBefore, value: true)
        ageAfter = PhraseIndex(knowledge.language.understanding.ageAfter, value: true)
        ageNotBefore = Set(knowledge.language.understanding.ageNotBefore)
        tiresFirst = PhraseIndex(
            knowledge.safety.tiresFirst, value: true, gaps: knowledge.language.understanding.phraseGaps)
        lyingRuledOut = Dictionary(
            knowledge.language.notCovered.map { ($0.id, $0.cannotLie) }, uniquingKeysWith: { first, _ in first })
        medicalUncovered = Set(knowledge.language.notCovered.filter(\.medical).map(\.id))
        howWords = Set(knowledge.language.words(.asksHow).map(TextNormalizer.stem))
        listGlue = Set(
            (knowledge.language.understanding.listJoiners + knowledge.language.understanding.phraseGaps).map(
                TextNormalizer.stem))
        patterns = Dictionary(knowledge.exercises.map { ($0.id, $0.pattern) }, uniquingKeysWith: { first, _ in first })
        gymOnlyKit = knowledge.gymOnlyKit
        kitIsAllWords = Self.phrasesAsRead(knowledge.language.words(.only))
        smallGyms = PhraseIndex(
            knowledge.language.understanding.smallGyms, value: true, gaps: knowledge.language.understanding.phraseGaps)
        smallGymKit = knowledge.language.understanding.smallGymKit
        settingAches = Dictionary(
            knowledge.safety.conditions.filter { !$0.aches.isEmpty }.map {
                ($0.id, Set($0.aches.map(TextNormalizer.stem)))
            },
            uniquingKeysWith: { first, _ in first })
        wayKits = Dictionary(
            knowledge.exercises.map { ($0.id, $0.ways.map { Set($0.equipment) }) },
            uniquingKeysWith: { first, _ in first })
        vagueAreas = Dictionary(
            knowledge.safety.painAreas.filter { !$0.vagueWords.isEmpty }.map {
                ($0.id, Set($0.vagueWords.map(TextNormalizer.stem)))
            },
            uniquingKeysWith: { first, _ in first })
        exerciseLoads = Dictionary(
            knowledge.exercises.map { ($0.id, $0.loads) }, uniquingKeysWith: { first, _ in first })
        namedKit = Dictionary(
            knowledge.exercises.map { ($0.id, knowledge.kitInName(of: $0)) }, uniquingKeysWith: { first, _ in first })
        ownLevelWords = Set(knowledge.language.understanding.ownLevelWords.map(TextNormalizer.stem))
        yesNoWords = Set(knowledge.language.words(.yesNo).map(TextNormalizer.stem))
        questionOpeners = Self.questionOpeners(knowledge.language)
        whatWords = Set(knowledge.language.words(.asksWhatItIs).map(TextNormalizer.stem))
        yesNoTags = Set(knowledge.language.words(.yesNoTag).map(TextNormalizer.stem))
        asks = NaiveBayes(examples: askExamples, blendingComplement: true)
        askIntents = knowledge.language.askIntents
        spellings = Self.spellingVariants(knowledge)
        let spelled = spellings
        areaFineBefore = knowledge.safety.areaFineBefore.map { Self.stems([$0], spellings: spelled) }.filter {
            !$0.isEmpty
        }
        areaFineAfter = knowledge.safety.areaFineAfter.map { Self.stems([$0], spellings: spelled) }.filter {
            !$0.isEmpty
        }
        let scope = knowledge.language.understanding
        upperBackMuscles = Set(knowledge.muscles.filter { scope.scopeRegions.contains($0.region) }.map(\.id))
        upperBackAreas = Set(scope.scopePainAreas)
        standsInFor = Dictionary(
            knowledge.safety.painAreas.filter { !$0.insteadOf.isEmpty }.map { ($0.id, Set($0.insteadOf)) },
            uniquingKeysWith: { first, _ in first })
        scopePhrases = PhraseIndex(scope.scopePhrases, value: true, gaps: scope.phraseGaps)
        routineMinutes = knowledge.routines.map { RoutineFit(id: $0.id, minutes: $0.minutes, equipment: $0.equipment) }
        intents = NaiveBayes(examples: intentExamples)
        topics = NaiveBayes(examples: topicExamples)

        var words = extractor.words
        for example in intentExamples + askExamples {
            words.formUnion(example.features.filter { !$0.utf8.contains(UInt8(ascii: " ")) })
        }
        words.formUnion(features.words)
        // Words of the log's phrases and of what the articles do not cover are known words too:
        // spelling correction must not turn "serratus" or "kyphosis" into something else.
        words.formUnion(notCovered.words)
        words.formUnion(log.words)
        vocabulary = Vocabulary(
            words: words, targets: extractor.nameWords,
            english: knowledge.language.englishWords.split(separator: " "))
    }

    /// Training phrases write slots as `{exercise}`; they become words the normaliser keeps.
    static func fillSlots(_ phrase: String) -> String {
        guard phrase.utf8.contains(UInt8(ascii: "{")) else { return phrase }
        var out = ""
        var slot: String?
        for character in phrase {
            if character == "{" {
                slot = ""
            } else if character == "}", let name = slot {
                out += name == "number" ? " 7 " : " slot\(name) "
                slot = nil
            } else if slot != nil {
                slot?.append(character)
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// Phrases by `Lying` id as one index whose matches are the ways of lying they name (in id
    /// order, so that it is built the same in every process).
    static func lyingIndex(_ phrases: [String: [String]], gaps: [String]) -> PhraseIndex<Lying> {
        var index = PhraseIndex<Lying>(gaps: gaps)
        for (id, phrases) in phrases.sorted(by: { $0.key < $1.key }) {
            guard let way = Lying(rawValue: id) else { continue }
            for phrase in phrases { index.add(phrase, way) }
        }
        return index
    }

    public func understand(_ text: String) -> Understanding {
        let raw = TextNormalizer.tokens(text)
        var tokens: [String] = []
        var corrections: [Understanding.Correction] = []
        var known = 0
        for token in raw {
            let stem = TextNormalizer.stem(token)
            if vocabulary.contains(token) || vocabulary.contains(stem) || token.first?.isNumber == true {
                tokens.append(stem)
                known += 1
            } else if let parts = vocabulary.split(token) {
                tokens += parts.map(TextNormalizer.stem)
                corrections.append(.init(from: token, to: parts.joined(separator: " ")))
                known += 1
            } else if let fixed = vocabulary.correction(for: token) ?? vocabulary.correction(for: stem) {
                tokens.append(TextNormalizer.stem(fixed))
                corrections.append(.init(from: token, to: fixed))
                known += 1
            } else {
                tokens.append(stem)
            }
        }
        tokens = tokens.map { spellings[$0] ?? $0 }
        var found = extractor.extract(tokens)
        for kit in busyMachines(found.matches, tokens: tokens) where !found.missing.contains(kit) {
            found.missing.append(kit)
            found.have.removeAll { $0 == kit }
        }
        // ("22M, been lifting 6 months": an age and sex, as forum posts give them, not 22 minutes.)
        if let minutes = found.minutes, Self.ageTags(in: text).contains(minutes) { found.minutes = nil }
        let isQuestion = text.contains("?") || text.contains("？")
        // Why a swap is wanted, as its words say ("sick of", "in a hotel"), read once for the rules
        // below and the reason kept.
        // (A position that cannot be taken is no move not yet mastered: "can't get down on the
        // floor" holds "can't get", and asks for moves done standing, not easier ones.)
        let positionsRuledOut = cannotLie.matches(in: tokens).map(\.range)
        let reasonsSaid = Set(
            reasons.matches(in: tokens).filter { match in
                match.value != SubstituteReason.cannotDoYet.rawValue
                    || !positionsRuledOut.contains { $0.overlaps(match.range) }
            }.compactMap { SubstituteReason(rawValue: $0.value) })
        // A whole gym said ("at the gym", "access to everything"): every piece is had but what is
        // said missing, unless the line is about being away from one ("the gym is closed") or
        // says which pieces there are ("at the gym with a cable machine and dumbbells").
        let awayFromGym = reasonsSaid.contains(.atHome) || reasonsSaid.contains(.travelling)
        // ("Stuck at home, i have a mini loop band... what can replace the back machines i used at
        // the gym": away from the gym, machines named in general are what is missed, not had.)
        if awayFromGym {
            found.families = found.families.map { family in
                family.ids.allSatisfy(gymOnlyKit.contains) ? (family.ids, true) : family
            }
        }
        // (Gym kit named in passing beside kit gone, "my gym got rid of the cable stack to make room
        // for more squat racks", is no list of what there is: the rest of the gym is still there,
        // unless the line says that is all it has.)
        let gymKitInPassing =
            !found.missing.isEmpty && found.have.allSatisfy(gymOnlyKit.contains)
            && !Self.says(kitIsAllWords, in: tokens)
        let wholeGym = found.wholeGym && !awayFromGym && (found.have.isEmpty || gymKitInPassing)
        if wholeGym {
            for id in extractor.allEquipment where !found.have.contains(id) && !found.missing.contains(id) {
                found.have.append(id)
            }
        }
        // "db rows instead of barbell rows": one exercise named with two kits; the kit inside the
        // names counts as had or missing, as it would said on its own. With a swap word, or asked
        // as a comparison ("band or cable face pulls, same thing?"), the line weighs the two kits.
        let namedKits = found.kitInNames
        let twoKits = Set(namedKits.map(\.exercise)).count == 1 && Set(namedKits.map(\.kit)).count >= 2
        if twoKits {
            for named in namedKits where !(found.have + found.missing).contains(named.kit) {
                if named.missing { found.missing.append(named.kit) } else { found.have.append(named.kit) }
            }
        }
        var featureList = features.features(tokens, found.matches)
        // A long post usually ends in its question: its last sentences count twice.
        let sentences = Self.sentences(text)
        var tailExercises: [ExerciseID] = []
        if sentences.count >= 3 {
            let tail = sentences.suffix(2).joined(separator: " ")
            let tailTokens = TextNormalizer.tokens(tail).map(TextNormalizer.stem).map { spellings[$0] ?? $0 }
            let tailMatches = extractor.extract(tailTokens).matches
            featureList += features.features(tailTokens, tailMatches)
            // The same goes for the exercise: the one its question names is the one asked about,
            // not one the backstory mentions first ("...deadlifts at 120. What instead of face pulls?").
            tailExercises = tailMatches.compactMap { if case let .exercise(id) = $0.entity { id } else { nil } }
        }
        let ranking = intents.classify(featureList).prefix(4).compactMap { scored in
            Intent(rawValue: scored.label).map { Understanding.IntentScore(intent: $0, score: scored.probability) }
        }
        let entities = found.matches.map(\.entity)
        // Said to be better, or cleared by a doctor or physiotherapist, which is better too.
        let cleared = entities.contains(.cleared)
        let better = cleared || entities.contains(.painBetter)
        // A pain that lasted but is better now ("surgery 2 years ago, cleared, feels fine now") is
        // a question of coming back, not a warning sign.
        let lasted = entities.contains(.lasting) && !better
        // A limit in range or strength is a warning sign, unless a doctor or physiotherapist has
        // seen it and cleared the person ("my physio cleared me for light exercise; I can't lift
        // my arm fully overhead yet"): then it is the limit to train within.
        // A sign that passed at once ("woke up with a dead arm, fine in a minute", "swollen, fine
        // after an hour") is none, unless it is an emergency; a pop that does not hurt is no
        // sudden pain.
        let passed = entities.contains(.passedAtOnce) && !entities.contains(.stillThere)
        // ("Dislocated my shoulder 2 yrs ago, fully healed now. can i do pullovers?": an injury long
        // healed is the past, and the question is training after it.)
        let healedLongAgo = extractor.healedLongAgo(in: tokens, found: found.matches, spelled: found.spelled)
        // Arms that will not go overhead the day after a session, said with soreness and an
        // exercise ("first pull-ups in forever, lats so sore I can't lift my arms overhead"), are
        // sore muscles, not a limit to examine, unless something else is a warning sign.
        // (Or put down to a session in so many words: "so sore from yesterday i literally cant lift
        // my arms up to wash my hair".)
        let soreAfterExercise =
            entities.contains(.soreness) && !entities.contains(.sudden) && !lasted
            && (entities.contains(where: \.isExercise) || Self.says(afterSessionWords, in: tokens))
        let settingSaid = entities.contains { if case .setting = $0 { true } else { false } }
        // A treatment that means pain, used on something sudden, says it hurts as plainly as a word
        // of pain: "heard a crack. been icing it" is a sudden pain.
        let painOrTreated =
            entities.contains(.pain) || entities.contains { if case .treatment(_, true) = $0 { true } else { false } }
        // A lasting ache its setting explains in the setting's own words ("a knot nagging me since
        // I started wfh"): what long sitting does, no warning sign.
        let settingExplainsLasting = found.matches.contains { match in
            guard case let .setting(id) = match.entity, let aches = settingAches[id] else { return false }
            return found.matches.allExplained(by: aches)
        }
        let redFlag =
            entities.contains(.redFlag) && !passed && !healedLongAgo || entities.contains(.emergency)
            || entities.contains(.limit) && !cleared && !passed && !soreAfterExercise
            // (A tear or pop that a doctor or physiotherapist has since cleared has been examined:
            // "tore my rotator cuff two years ago, cleared by my physio".)
            || (lasted && entities.contains(.pain) && !settingExplainsLasting
                || entities.contains(.sudden) && !entities.contains(.painDenied) && !cleared && painOrTreated)
                && !passed
            // Soreness that lasts ("sore most days for the last couple of months") is no ordinary
            // soreness either, unless a setting explains it ("upper back constantly achy from
            // feeding and carrying the baby", "always tight by 3pm at my desk").
            || (entities.contains(.lastingSoreness) && entities.contains(.soreness) && !better && !settingSaid)
        // (Words that an ache settles say soreness only of something: "the burn in my upper back",
        // not "this stretch routine is killer, I feel amazing after".)
        let somethingAches =
            entities.contains(.pain)
            || entities.contains {
                switch $0 {
                case .painArea, .muscle: true
                default: false
                }
            }
        let soreness = entities.contains(.soreness) || entities.contains(.settles) && somethingAches
        // A treatment named means pain ("should I see a physio?"), unless it is a professional who
        // has already seen the person and the line asks a training question ("my physio said my
        // lower traps are weak, what works them?").
        let treatmentMeansPain =
            entities.contains { if case .treatment(_, true) = $0 { true } else { false } }
            && !(entities.contains(.seenProfessional)
                && (ranking.first.map { $0.intent != .safety } == true
                    // ("My physio mentioned I-Y-T raises for my shoulders, how are they done?": a
                    // professional's advice passed on, with no word of pain, asks how to follow it.)
                    || !entities.contains(.pain)
                        && entities.contains(where: \.isExercise)))
        // "My elbow is feeling better and I'm getting ready to start training again": coming back
        // from an injury is a pain question (how to return), though no word of pain is said.
        let returning = entities.contains(.returning) && better
        // ("Help me write a cover letter for a physio assistant job": something plainly outside the
        // upper back whose only hint of pain is a treatment named is out of scope, not a pain.)
        // ("I train legs and chest, but what about my back?": in scope, and not about the chest.)
        // (So is a move or matter the articles leave out that the team answers: "instead of reverse
        // pec deck, the machine is always taken by a dude on his phone" is no question about phones.)
        // (What the articles leave out that the line names, read once: it is also the reply's
        // `notCovered`, and a swap for it is read below.)
        let uncoveredNamed = uncovered(in: tokens, namesAnExercise: entities.contains(where: \.isExercise))
        let saysInScope = !scopePhrases.matches(in: tokens).isEmpty || uncoveredNamed != nil
        let namesOnlyOutside = entities.contains(.outOfScope) && !entities.contains(where: isUpperBack) && !saysInScope
        // Outside the upper back only, with no word of pain, or with a pain said only of something
        // outside it ("fix my knee pain when squatting": no place of ours named, no warning sign),
        // which is said so with where to take it, not given pain advice for a joint coach knows
        // nothing of.
        let noPlaceOfPain = !entities.contains { if case .painArea = $0 { true } else { false } }
        let outsideOnly =
            namesOnlyOutside && !redFlag && !returning
            && (noPlaceOfPain || !entities.contains(.pain) && !soreness)
        let pain = (entities.contains(.pain) || redFlag || soreness || treatmentMeansPain || returning) && !outsideOnly
        let share = raw.isEmpty ? 0 : Double(known) / Double(raw.count)

        var intent = ranking.first?.intent ?? .unknown
        var confidence = ranking.first?.score ?? 0
        var allAsks = asks.classify(
            Self.askFeatures(
                text, all: featureList, extractor: extractor, features: features, spellings: spellings,
                openers: questionOpeners))
        /// Puts `ask` first, for certain, as a rule decides it.
        func lead(_ ask: Ask) {
            allAsks.removeAll { $0.label == ask.rawValue }
            allAsks.insert((label: ask.rawValue, probability: 1), at: 0)
        }
        // The safety ask the words fit best, when it asks about a pain someone has (what it is,
        // treating it, training through it, coming back): with no word of pain, that is a guess,
        // unless the line says it is about something that does not hurt ("it's not painful, just
        // odd clicking"), a pain that is better now, or a body condition.
        let painAskGuessed =
            allAsks.first { askIntents[$0.label]?.contains(Intent.safety.rawValue) == true }
            .flatMap { Ask(rawValue: $0.label) }.map(\.isAboutHowItFeels) ?? false
            && !entities.contains(.painDenied) && !better
            && !entities.contains(where: \.isCondition)
        var rule: Understanding.Rule?
        // An ache the setting explains (no pain word beyond an ache, no warning sign), said with a
        // training question about an exercise it names that the classifiers read as no safety
        // question: that question is answered ("how long should i hold a superman? doing them bc
        // my back gets achy from sitting all day").
        // (Soreness and nothing worse: no warning sign, nothing lasting or sudden, no treatment.)
        let onlyAnAche = soreness && !redFlag && !lasted && !entities.contains(.sudden) && !treatmentMeansPain
        let achesExplained =
            onlyAnAche
            && entities.contains { if case .setting = $0 { true } else { false } }
            && entities.contains(where: \.isExercise)
            && ranking.first.map { $0.intent != .safety } == true
            && allAsks.first.flatMap { Ask(rawValue: $0.label) }.map { !$0.isAboutHowItFeels } == true
        // Soreness said as welcome or harmless ("shoulder blades on fire in a good way, fine after",
        // "nothing hurts, just a pump"), with no other word of pain, beside a training question
        // about an exercise or a muscle: that question is answered, read without the words of
        // soreness (which would otherwise make every reading a pain question).
        // (So is soreness of a part set against where the move should be felt, "my lower back is
        // the thing thats fried after rows, not my lats": a question of form.)
        let feltInstead = Self.says(feltInsteadWords, in: tokens) && entities.contains(where: \.isExercise)
        // (Not when another move is asked for to spare it: "barbell rows make my lower back sore,
        // not injured, what row would be easier on it?" asks a swap that leaves it out.)
        let calmReading =
            onlyAnAche && !entities.contains(.pain) && !Self.says(somethingElseWords, in: tokens)
                && (entities.contains(.settles) || entities.contains(.painDenied) || feltInstead)
                && entities.contains(where: { entity in
                    entity.isExercise || entity.isFamily || entity.isMuscle || entity.isEquipment
                        // ("Mid back feels sore in a good way after band work, add more sets?": the
                        // upper back itself is what is trained.)
                        || { if case let .painArea(id) = entity { upperBackAreas.contains(id) } else { false } }()
                })
            ? readingWithoutSoreness(text, tokens: tokens, matches: found.matches)
                // (Felt in the wrong place and read as nothing else: that point of form.)
                ?? (feltInstead
                    ? (
                        Understanding.IntentScore(intent: .form, score: 1),
                        [(label: Ask.formPoint.rawValue, probability: 1)]
                    )
                    : nil)
            : nil
        // A past injury said to be healed, with no pain now ("fully healed from a rhomboid strain,
        // pain free for months"), beside a training question about an exercise: that question.
        // (So is one a doctor or physiotherapist has cleared whose only words of pain are of the
        // injury happening: "broke my collarbone 3 yrs ago, doc cleared me, ok to go heavy on
        // shrugs?", "wife had back surgery, her surgeon cleared her, beginner plan for us both?")
        let clearedInjuryOnly = cleared && extractor.onlyInjuryEvents(found.matches) && !entities.contains(.limit)
        let healedReading =
            better && (entities.contains(.painDenied) || clearedInjuryOnly) && !entities.contains(.redFlag)
                && !entities.contains(.emergency)
                && !entities.contains(.sudden) && entities.contains(where: { $0.isExercise || $0.isFamily })
            ? readingWithoutSoreness(text, tokens: tokens, matches: found.matches, alsoPain: true) : nil
        if achesExplained, let top = ranking.first {
            (intent, confidence, rule) = (top.intent, top.score, .achesExplained)
        } else if let calmReading {
            (intent, confidence, rule) = (calmReading.intent.intent, calmReading.intent.score, .sorenessWelcome)
            allAsks = calmReading.asks
        } else if let healedReading {
            (intent, confidence, rule) = (healedReading.intent.intent, healedReading.intent.score, .healed)
            allAsks = healedReading.asks
        } else if pain {
            (intent, confidence, rule) = (.safety, 1, .pain)
        } else if raw.isEmpty {
            (intent, confidence, rule) = (.unknown, 1, .noWords)
        } else if found.matches.isEmpty
            && (!intents.knowsAny(featureList) || share < 0.25 || raw.allSatisfy { $0.first?.isNumber == true })
        {
            (intent, confidence, rule) = (.unknown, 1, .unknownWords)
        } else if namesOnlyOutside {
            (intent, confidence, rule) = (.unknown, 1, .outOfScope)
        } else if intent == .safety, ranking.count > 1,
            confidence < Self.safetyWithoutPainFloor || painAskGuessed
                || entities.contains(where: \.isExercise)
                // (A goal said with no word of pain, "my shoulders are rounding forward, what can I
                // do?", is a training question however sure the guess: the shoulders are its fault.)
                || entities.contains(where: \.isGoal),
            // (A place a professional's advice is for is no place that hurts: "my physio mentioned
            // I-Y-Ts for my shoulders".)
            // (Nor is a place said as where a move is felt: "feel it more in my low back than my
            // upper back" on inverted rows.)
            entities.contains(.seenProfessional) || Self.says(feltWords, in: tokens)
                || !Self.namesAPlace(found.matches, tokens: tokens, musclesWords: musclesWords)
                // (Nor is a place in a line that opens asking what something is: "What is shoulder
                // packing?" asks about a cue, and no pain was said.)
                || Self.phraseRanges(whatIsPhrases, in: tokens).first(where: { _ in true })?.lowerBound == 0
                || entities.contains(where: \.isGoal)
                // (Nor are places a muscle named is placed in, with anatomy the runner-up: "are the
                // lats upper back or lower back? kinda confused".)
                || entities.contains(where: \.isMuscle) && ranking[1].intent == .anatomy,
            // ("Is it normal for my back to click on reverse flys? No pain": something noticed
            // that does not hurt, which the safety answer for that speaks to.)
            !entities.contains(.painDenied),
            // (Nor a condition of the body said: "im 67 and have mild osteoporosis. is it ok for
            // me to do supermans?" is answered for it.)
            !entities.contains(where: \.isCondition)
        {
            // A safety guess with no word of pain or injury that is doubtful, that would answer a
            // pain nobody reported, or about an exercise the line names (a form question, not a
            // pain report): take the runner-up.
            // (With an exercise named and no runner-up worth the name, under 5%, a form question:
            // "is it safe to do supermans? my friend says they're bad for your spine" is no swap.)
            let formScore = ranking.first { $0.intent == .form }?.score ?? 0
            // (A runner-up of small talk is no reading of a question of some length: "my mom says
            // slouching will lead to injuries - is that true?" asks about training, so the FAQs.)
            var runnerUp = ranking[1]
            if [.greeting, .help, .unknown].contains(runnerUp.intent), tokens.count > Self.fewWords {
                runnerUp = ranking.first { $0.intent == .faq } ?? .init(intent: .faq, score: 0)
            }
            (intent, confidence) =
                entities.contains(where: \.isExercise) && runnerUp.score < Self.implausibleRunnerUp
                    && runnerUp.intent != .form
                ? (.form, formScore) : (runnerUp.intent, runnerUp.score)
            rule = .noPainWord
            // (A goal with no exercise named and no runner-up worth the name, said with a word for
            // exercises, asks for the moves that serve it: "my shoulders are rounding forward, what
            // exercises can I do?"; "slouching leads to injuries - is that true?" asks no moves.)
            if entities.contains(where: \.isGoal), !entities.contains(where: \.isExercise),
                confidence < Self.implausibleRunnerUp,
                tokens.contains(where: exerciseWords.contains)
            {
                (intent, confidence) = (.faq, ranking.first { $0.intent == .faq }?.score ?? 0)
                lead(.bestFor)
            }
        }

        var exercises: [ExerciseID] = []
        for id in tailExercises where !exercises.contains(id) { exercises.append(id) }
        var family: [ExerciseID] = []
        var muscles: [MuscleID] = []
        var areas: [String] = []
        var level: Level?
        for entity in entities {
            switch entity {
            case let .exercise(id): if !exercises.contains(id) { exercises.append(id) }
            case let .family(ids): if family.isEmpty { family = ids }
            case let .muscle(id): if !muscles.contains(id) { muscles.append(id) }
            case let .painArea(id): if !areas.contains(id) { areas.append(id) }
            // (The last level said: "not advanced, first month lifting" ends on beginner.)
            case let .level(value): level = value
            default: break
            }
        }
        if level == nil { level = experienceLevel(in: tokens, spelled: found.spelled) }
        areas.removeAll {
            trainedOnly($0, found.matches, tokens: tokens) || saidFine($0, found.matches, tokens: tokens)
        }
        // ("Deadlifts hurt my back": a pain said of the back as a whole, of a move named that loads
        // the lower back, is the lower back.)
        // (The back said within a few words of the hurt, no muscle named as the place, and no
        // warning sign, whose advice depends on the place: "went twang in my lat on a deadlift ...
        // still train back?" is no lower back.)
        if pain, !redFlag, areas.isEmpty, !exercises.isEmpty, muscles.isEmpty,
            let vague = vagueAreas.keys.sorted().first(where: { id in
                tokens.indices.contains { index in
                    vagueAreas[id, default: []].contains(tokens[index])
                        && found.matches.contains {
                            $0.entity == .pain && abs($0.range.lowerBound - index) <= Understanding.hurtWindow
                        }
                }
                    && exercises.contains { exerciseLoads[$0]?.contains(id) == true }
            })
        {
            areas.append(vague)
        }
        // ("45 min upper back day focused on thickness, not just lats": the goal is the focus, the
        // muscle after "not just" is one it should not stop at.)
        if entities.contains(where: { if case .goal = $0 { true } else { false } }) {
            let notOnlyEnds = Set(Self.phraseEnds(notOnlyPhrases, in: tokens))
            let demoted = found.matches.compactMap { match -> MuscleID? in
                if case let .muscle(id) = match.entity, notOnlyEnds.contains(match.range.lowerBound) { id } else { nil }
            }
            muscles.removeAll(where: demoted.contains)
        }
        // ("A substitute for pull-ups that isn't just lat pulldowns": the exercise set aside is
        // not the one asked about, when another is named.)
        let setAsideNames = namesSetAside(found.matches, tokens: tokens)
        let setAside = Set(
            setAsideNames.compactMap { match -> ExerciseID? in
                if case let .exercise(id) = match.entity { id } else { nil }
            })
        if exercises.contains(where: { !setAside.contains($0) }) {
            exercises.removeAll(where: setAside.contains)
        }
        // ("Lower back is cooked from deadlifts yesterday, bent over rows feel awful, swap for
        // today?": of two exercises, the one a word of pain or soreness follows is the one that
        // hurts, and the one to replace.)
        if exercises.count >= 2, let hurting = exerciseComplainedOf(found.matches), exercises.contains(hurting) {
            exercises = [hurting] + exercises.filter { $0 != hurting }
        }
        // ("I don't care about traps, add something for rear delts": the muscle said with a word
        // of denial just before it is not the one asked about, when another is named.)
        let deniedMuscles = Set(
            found.matches.compactMap { match -> MuscleID? in
                guard case let .muscle(id) = match.entity,
                    tokens[max(0, match.range.lowerBound - 3)..<match.range.lowerBound].contains(
                        where: extractor.negators.contains)
                else { return nil }
                return id
            })
        if muscles.contains(where: { !deniedMuscles.contains($0) }) { muscles.removeAll(where: deniedMuscles.contains) }
        // ("Lying on my stomach is really uncomfortable": a part of the body said in a way of lying
        // that is out is no muscle asked about.)
        // (Matched once: the ways of lying ruled out are read from the same matches below.)
        let lyingSaid = cannotLie.matches(in: tokens)
        let lyingRanges = lyingSaid.map(\.range)
        if !lyingRanges.isEmpty {
            let inLying = Set(
                found.matches.compactMap { match -> MuscleID? in
                    guard case let .muscle(id) = match.entity, lyingRanges.contains(where: { $0.overlaps(match.range) })
                    else { return nil }
                    return id
                })
            muscles.removeAll(where: inLying.contains)
        }
        // A post whose questions name a family and none of the exercises its backstory names ("I
        // always heard to squeeze hard on any row or face pull... so with rows, just a comfortable
        // squeeze?") asks about the family.
        if !exercises.isEmpty, !family.isEmpty, Self.sentences(text).count >= 2 {
            let asked = Self.questions(text)
            let named =
                asked.isEmpty ? [] : extractor.extract(Self.stems(asked, spellings: spellings)).matches.map(\.entity)
            let namesFamily = named.contains(where: \.isFamily)
            let namesExercise = named.contains(where: \.isExercise)
            if namesFamily, !namesExercise { exercises = [] }
        }
        // Where it hurts is said where the pain is: "rows make my lower back ache. Any swap that
        // still hits the upper back?" reports the lower back, not the upper back the swap is to
        // train. With areas in several sentences, only those said with a word of pain count.
        if areas.count > 1 {
            let sentences = Self.sentences(text)
            if sentences.count > 1 {
                let said = sentences.map { understand(String($0)) }.filter(\.painMentioned).flatMap(\.painAreas)
                if !said.isEmpty { areas = areas.filter(said.contains) }
            }
            let stoodInFor = areas.reduce(into: Set<String>()) { $0.formUnion(standsInFor[$1] ?? []) }
            areas.removeAll(where: stoodInFor.contains)
        }
        // A family name said with kit ("rows with dumbbells", "no dumbbells for my rows") means
        // the members whose usual way uses that kit: one is the exercise, several the choices.
        let kitSaid = Set(found.have + found.missing)
        if exercises.isEmpty, !family.isEmpty, !kitSaid.isEmpty {
            let kind = family.first.flatMap { patterns[$0] }
            var withKit = family.filter { usualKit($0)?.isDisjoint(with: kitSaid) == false && patterns[$0] == kind }
            // (With none usually done so, the members with a way that uses all the kit said: "a
            // towel row using a door" is the inverted row done with a towel round a door.)
            if withKit.isEmpty, found.missing.isEmpty {
                withKit = family.filter { id in
                    patterns[id] == kind && wayKits[id]?.contains { kitSaid.isSubset(of: $0) } == true
                }
            }
            var fitting = withKit.filter { variantOf[$0].map(withKit.contains) != true }
            // ("A TRX strap thing, how do I set it up to do rows?": of the rows done on straps,
            // the one whose name says the kit, the TRX Low Row.)
            let named = fitting.filter { namedKit[$0]?.isDisjoint(with: kitSaid) == false }
            if fitting.count > 1, named.count == 1 { fitting = named }
            if fitting.count == 1 { exercises = fitting } else if fitting.count > 1 { family = fitting }
        }
        // A line about the training log ("I did 3 sets of 12 face pulls", "what did I do this
        // week?") is answered from the log, whatever the classifiers make of its words. Pain
        // still comes first.
        let logRequest =
            rule == .pain || rule == .noWords
            ? nil
            : log.read(
                tokens, raw: raw, exercise: exercises.first, kit: found.have,
                workoutWords: found.minutes != nil || !found.have.isEmpty,
                asks: isQuestion)
        let namedList = namedAsList(found.matches, tokens: tokens)
        let swapsKit =
            twoKits && rule == nil
            // ("Barbell row or dumbbell row for a beginner?": compare as the runner-up, after
            // whether it suits a level, weighs the two as much.)
            && (tokens.contains(where: swapWords.contains) || allAsks.first?.label == Ask.compare.rawValue
                || allAsks.prefix(2).map(\.label) == [Ask.levelFit.rawValue, Ask.compare.rawValue])
        if swapsKit { (intent, confidence, rule) = (.substitution, 1, .kitSwap) }
        // "Band pull-aparts are so tedious. Alternative that works rear delts?": a question asking
        // in so many words for an alternative to an exercise it names is a swap, whatever else
        // its words suggest (a muscle, a form fault in the backstory). So is a question that says
        // the kit the exercise is usually done with is missing ("no barbell so I can't deadlift,
        // anything for the upper back?").
        let lacksItsKit =
            exercises.first.flatMap(usualKit).map { !$0.isDisjoint(with: found.missing) } ?? false
        // (Also when a safety guess with no word of pain was set aside: "lat pulldown has had an out
        // of order sign for 2 weeks now, what should I do instead" is no lasting pain.)
        // (A workout guessed from a time said is no plan asked for when the question asks for an
        // alternative in so many words and names no plan: "some guy has been on the seated row for
        // 20 min, what's a good swap with dumbbells".)
        // (Nor is one guessed from a count of sets, for an alternative to a move the articles
        // leave out: "instead of reverse pec deck, some dude does 10 sets on it".)
        // (Only what was guessed a plan, and no change to one said: "drop the shrugs, add
        // something for rear delts instead".)
        let namesUncovered = intent == .workout && uncoveredNamed != nil
        let swapsUncovered =
            namesUncovered && tokens.contains(where: swapWords.contains) && !Self.says(planChangeWords, in: tokens)
        let swapOverPlanGuess =
            intent == .workout && (found.minutes != nil && asksForAlternative(text) || swapsUncovered)
            && !Self.says(planNouns, in: tokens)
        // (Kit said missing that one exercise alone uses stands for that exercise: "someone is
        // camping the pullup bar. quick swap?")
        let soleUserMissing =
            found.missing.count == 1
            && wayKits.values.filter { kits in kits.contains { $0.contains(found.missing[0]) } }.count == 1
        if rule == nil || rule == .noPainWord, intent != .substitution,
            intent != .workout || swapOverPlanGuess || soleUserMissing && asksForAlternative(text),
            entities.contains(where: \.isExercise) || namesUncovered || soleUserMissing,
            asksForAlternative(text) || swapsUncovered
                || (isQuestion || asksUnmarked(text))
                    && (swapReasonSaid(reasonsSaid, tokens: tokens) && !asksAMeasurePastADislike(text, allAsks)
                        && !Self.says(whyAvoidedWords, in: tokens)
                        || lacksItsKit || soleUserMissing)
        {
            (intent, confidence, rule) = (.substitution, 1, .asksAlternative)
        }
        // (How many reps of an exercise the person says they can do, if they say: "I can do 6".)
        let bestSaid = repsAlready(
            in: tokens, spelled: found.spelled,
            kitEnds: Set(found.matches.filter(\.entity.isEquipment).map(\.range.upperBound)),
            exerciseStarts: Set(found.matches.filter(\.entity.isExercise).map(\.range.lowerBound)))
        // "I got a pull-up bar and a couple of bands, can do about 6 strict pull-ups": kit and a
        // best told, with no question, no word of swapping and no reason for one, asks for no
        // swap; it sets up a session with that kit. (Kit alone, "I only have dumbbells", is said
        // to be noted, or read against what came before.)
        if rule == nil, intent == .substitution, !isQuestion, !asksUnmarked(text), !found.have.isEmpty,
            bestSaid != nil, found.missing.isEmpty, reasonsSaid.isEmpty, !tokens.contains(where: swapWords.contains),
            !asksForAlternative(text), !wholeGym
        {
            (intent, confidence, rule) = (.workout, 1, .kitTold)
            lead(.workout)
        }
        // "How do I do bent-over rows without wrecking my lower back?": how to do an exercise it
        // names, asked with no word of swapping, no missing kit and no reason for a swap, is a
        // form question (the words of what to avoid weigh for a swap in the classifier).
        var asksHow = tokens.first.map(howWords.contains) ?? false
        if rule == nil, intent == .substitution, !exercises.isEmpty || !family.isEmpty, found.missing.isEmpty,
            reasonsSaid.isEmpty, !tokens.contains(where: swapWords.contains), !asksForAlternative(text), asksHow
        {
            (intent, confidence) = (.form, 1)
            lead(.howTo)
        }
        // "Can I do face pulls in the morning before work?": a yes-or-no question about the one
        // exercise it names, with no word of swapping, no kit said or missing and no reason for a
        // swap, asks about that exercise, not for something instead: the next intent the
        // classifier ranks, and its asks.
        if rule == nil, intent == .substitution, exercises.count == 1, family.isEmpty, found.missing.isEmpty,
            found.have.isEmpty, reasonsSaid.isEmpty, !tokens.contains(where: swapWords.contains),
            !asksForAlternative(text), asksYesNo(text),
            let next = ranking.first(where: { ![.substitution, .workout].contains($0.intent) })
        {
            (intent, confidence) = (next.intent, next.score)
            allAsks.removeAll { $0.label == Ask.substitute.rawValue }
        }
        // A plan asked for with what it must fit ("could you give me a simple routine for twice a
        // week?", "an hour, full gym: what would you programme?"): a workout, though the words
        // of a condition ask something else when said alone ("twice a week" asks how often). A
        // frequency questioned ("is a routine 3x a week too much?") is asked, not given; a
        // warm-up routine is the warm-up, and a swap for an exercise it names ("my programme has
        // cable rows: a good swap?") is a swap.
        let saysPlanNoun = Self.says(planNouns, in: tokens)
        let saysCondition =
            found.sessionsAWeek != nil || found.minutes != nil || !found.have.isEmpty || level != nil || wholeGym
        // ("Need subs for the barbell stuff in my program (deadlifts + bent over rows)": a word of
        // swapping with the exercises named asks for swaps, whatever the classifier guessed.)
        let swapForNamed =
            (intent == .substitution || tokens.contains(where: swapWords.contains))
            && !(exercises.isEmpty && family.isEmpty)
        // (Minutes or sessions a week with another condition and no exercise named are a session
        // being planned too: "tiny hotel gym with dumbbells, what can I do in 30 mins", "2x a
        // week, about an hour, where do I start", "light dumbbells and a chair, twice a week is what
        // I can manage, what should I do?".)
        // (One word is not both: "my program has barbell shrugs, can I swap them?" names a plan
        // and asks for none; "program me a routine" does.)
        let asksToBeGiven =
            saysPlanNoun
            && (tokens.contains { givenWords.contains($0) && !planNouns.contains($0) }
                || tokens.contains(where: givenWords.contains)
                    && Self.says(planNouns.subtracting(givenWords), in: tokens))
        // (An exercise named only as a best, "I can do like 6 pull-ups", is what the person can do,
        // not what the plan is about.)
        let onlyABest = exercises.count == 1 && family.isEmpty && bestSaid != nil
        let asksForPlan =
            asksToBeGiven
            || (exercises.isEmpty && family.isEmpty || onlyABest)
                && (found.minutes != nil && (found.sessionsAWeek != nil || !found.have.isEmpty)
                    // (A whole gym is no kit named: "3 days a week, gym access, what should I do?"
                    // asks which moves, answered with the list for the goal.)
                    || found.sessionsAWeek != nil && (!found.have.isEmpty && !wholeGym || level != nil)
                    // ("30 min, intermediate I guess. What's a good back day?": a plan named with
                    // its length.)
                    || found.minutes != nil && saysPlanNoun)
        // ("Beginner gym back day?", "quick upper back finisher after chest day": a plan named in a
        // few words, with no exercise, and no word of how, what or a yes-or-no question, is asked
        // for, whatever else its words suggest.)
        // (Or with the moves it should hold, named as a list: "a face pull and band pull-apart
        // workout please" asks for that workout, not the two compared.)
        // (The names count as one word each.)
        let namesPlanOnly =
            (exercises.isEmpty && family.isEmpty && tokens.count <= Self.fewWords
                || namedList.count >= 2 && tokens.count <= Self.fewWords + 2 * namedList.count)
            && saysPlanNoun
            && !tokens.contains(where: howWords.contains) && !tokens.contains(where: whatWords.contains)
            && !asksYesNo(text)
        // ("im 61 and want to strengthen my upper back so i stop hunching over. i have light
        // dumbbells, 3 and 5 kg": what is wanted for the upper back, the kit to do it with, no
        // exercise named and no question asked, is a plan to give.)
        let wantsWithKit =
            !isQuestion && exercises.isEmpty && family.isEmpty && !found.have.isEmpty && !wholeGym
            // (A plan noun is no asking: "before I started Poliquin's program ... db bench press"
            // names a program followed, and asks for none.)
            && tokens.contains { givenWords.contains($0) && !planNouns.contains($0) }
            && entities.contains(where: isUpperBack)
        if rule == nil, intent != .workout, !swapForNamed,
            saysCondition && asksForPlan || namesPlanOnly || wantsWithKit,
            !tokens.contains(where: doubtWords.contains),
            !tokens.contains(where: warmUpWords.contains)
        {
            (intent, confidence, rule) = (.workout, 1, .plan)
            lead(.workout)
        }
        // "db rows: been on the 30s for 3x10 forever, gym only has 30, 35, 40": sets by reps said
        // of an exercise it names, with no plan asked for (no plan noun, no word of giving, no
        // minutes or sessions a week), tell how the person trains that exercise; the words of a
        // gym and its weights are not a request for a workout. Nor is a yes-or-no question about
        // it ("band pull aparts 100 a day challenge - dumb or legit?").
        if rule == nil, intent == .workout, !exercises.isEmpty, found.minutes == nil, found.sessionsAWeek == nil,
            !saysPlanNoun, !tokens.contains(where: givenWords.contains),
            Self.setsByReps(tokens) != nil
                || Self.questions(text).contains(where: { asksYesNo($0) })
                    && !tokens.contains(where: swapWords.contains)
        {
            intent = .form
            confidence = ranking.first { $0.intent == .form }?.score ?? 0
        }
        // ("They say bad posture can lead to injuries - is that true?": a yes-or-no question that
        // names no plan, length, level, kit or exercise and asks to be given nothing asks whether
        // something is so, not for a workout.)
        if rule == nil, intent == .workout, exercises.isEmpty, family.isEmpty, !saysPlanNoun, !saysCondition,
            !tokens.contains(where: givenWords.contains),
            Self.questions(text).contains(where: { asksYesNo($0, afterCommas: true) }),
            let next = ranking.first(where: { $0.intent != .workout })
        {
            (intent, confidence) = (next.intent, next.score)
        }
        // ("Do you think extra workouts for the upper back (rows, face pulls...) are the correct
        // method to fix this?": an opinion asked of a way of training, with no length said and
        // nothing asked to be given, is no request for a workout, whatever it names.)
        if rule == nil, intent == .workout, found.minutes == nil, !tokens.contains(where: givenWords.contains),
            Self.questions(text).contains(where: { question in
                Self.says(opinionWords, in: TextNormalizer.tokens(question).map(TextNormalizer.stem))
            }),
            let next = ranking.first(where: { $0.intent != .workout })
        {
            (intent, confidence) = (next.intent, next.score)
        }
        // ("Any tips for keeping hold of the bar?": something the articles leave out, named with
        // no length, plan or request to be given one, is asked about, not a workout.)
        if rule == nil, intent == .workout, uncoveredNamed != nil, found.minutes == nil, level == nil, !saysPlanNoun,
            !tokens.contains(where: givenWords.contains),
            let next = ranking.first(where: { $0.intent != .workout })
        {
            (intent, confidence) = (next.intent, next.score)
        }
        // "Been stuck at 8 pullups for basically 2 months ... 4 sets to failure ... more often or
        // less?": a plateau said of an exercise named within a few words after it, with no plan
        // asked for, asks how to progress that exercise, whatever else the post names.
        // (A safety guess with no word of pain gives way: "plateaued on lat pulldowns for a month".)
        // (A plan named, not asked for, is no plan asked for: "as many as I can every session".)
        if rule == nil || rule == .noPainWord, found.minutes == nil, !asksToBeGiven,
            let stalled = exerciseStalled(found.matches, tokens: tokens)
        {
            exercises = [stalled] + exercises.filter { $0 != stalled }
            (intent, confidence, rule) = (.form, 1, .plateau)
            lead(.progression)
        }
        // "what are the best exercises for rounded shoulders. i work at a laptop like 10 hrs a day":
        // the best exercises asked in so many words, for a goal, a muscle or a part of the body,
        // with no exercise named and no pain, is best-for (the hours of the backstory read as a
        // dose).
        if rule == nil, [.faq, .anatomy, .form].contains(intent), exercises.isEmpty, family.isEmpty,
            Self.says(bestForWords, in: tokens),
            entities.contains(where: { entity in
                switch entity {
                // (Or for someone at a level: "best back exercise for a 61 year old who has never lifted".)
                case .goal, .muscle, .painArea, .level: true
                default: false
                }
            })
        {
            lead(.bestFor)
        } else if rule == nil, intent == .anatomy, exercises.isEmpty, family.isEmpty,
            allAsks.first?.label == Ask.bestFor.rawValue,
            entities.contains(where: { if case .muscle = $0 { true } else { false } }),
            Self.says(whatDoesPhrases, in: tokens)
        {
            // "What do the upper, mid and lower traps do?", "what's the difference between upper,
            // mid and lower traps?": what the muscle does, its parts included, not the best
            // exercises for it (no word asks for exercises).
            lead(.muscleRole)
        }
        // "Is twice a week enough for back or do I need more?": how often, asked yes or no with a
        // count of sessions said, whatever the words of more suggest.
        if rule == nil, intent == .faq, found.sessionsAWeek != nil, exercises.isEmpty,
            let first = Self.questions(text).first ?? Self.sentences(text).first.map(String.init), asksYesNo(first)
        {
            lead(.frequency)
        }
        // "Is it ok to do deadlifts at home without a trainer? just got a barbell, no rack": a
        // yes-or-no question opening on whether it is ok or safe to do an exercise it names asks
        // just that, with no pain said, whatever the kit in the backstory suggests.
        // (The question read alone only when the line names an exercise at all.)
        // (Not with a condition of the body said: "im 67 and have mild osteoporosis. is it ok for me
        // to do supermans?" is answered for it, as a safety question.)
        if rule == nil, !tokens.contains(where: swapWords.contains),
            found.matches.contains(where: { $0.entity.isExercise }),
            !found.matches.contains(where: \.entity.isCondition),
            let first = Self.questions(text).first, asksYesNo(first)
        {
            let asked = TextNormalizer.tokens(first).map(TextNormalizer.stem)
            if asked.prefix(4).contains(where: safeWords.contains),
                extractor.extract(asked).matches.contains(where: { $0.entity.isExercise })
            {
                intent = .form
                lead(.isSafe)
            }
        }
        // "What is a reverse snow angel? My PT mentioned it": an exercise named straight after
        // Why an exercise is shunned ("is there a reason to avoid lat pulldowns?", "why the hatred
        // toward the lat pulldown machine?") asks whether it is sound, not what to do instead,
        // unless an alternative is asked for in so many words.
        if intent == .substitution, rule == nil || rule == .noPainWord, !pain, !redFlag,
            Self.says(whyAvoidedWords, in: tokens), !asksForAlternative(text),
            found.matches.contains(where: { $0.entity.isExercise })
        {
            (intent, confidence) = (.form, max(confidence, Self.confidenceFloor))
            lead(.isSafe)
        }
        // "what is" (or "what are") is asked what it is, whatever else the post's words suggest.
        if intent == .form || intent == .anatomy || intent == .faq,
            let named = found.matches.first(where: { $0.entity.isExercise }),
            Self.phraseEnds(whatIsPhrases, in: tokens).contains(where: { end in
                (0...2).contains(named.range.lowerBound - end)
            }),
            !tokens.contains(where: howWords.contains)
        {
            intent = .form
            lead(.whatIs)
        }
        // "What's a superman and how do I do it?": what an exercise is, or what it works, asked
        // with how to do it, is the how-to, which says both.
        let firstFormAsk = allAsks.first { askIntents[$0.label]?.contains(Intent.form.rawValue) == true }?.label
        let asksHowToDo = !howToDo.matches(in: tokens).isEmpty
        // (Also when the exercise is named just after "what" or "whats", whatever the classifier
        // made of the rest: "whats the corkscrew stretch and how do i do it".)
        let namedAfterWhat =
            found.matches.first(where: { $0.entity.isExercise }).map { named in
                tokens.indices.contains { index in
                    whatOpeners.contains(tokens[index]) && (1...3).contains(named.range.lowerBound - index)
                }
            } ?? false
        if [Ask.whatIs.rawValue, Ask.whatItWorks.rawValue].contains(firstFormAsk) || namedAfterWhat,
            intent == .form, !exercises.isEmpty || !family.isEmpty, asksHowToDo
        {
            lead(.howTo)
            asksHow = true  // (asked in so many words: the whole card)
        } else if asksHowToDo, exercises.count == 1, rule == nil, !pain, !redFlag, [.faq, .unknown].contains(intent) {
            // ("Never done a scapular push up. walk me thru it pls, im 58": how to do one exercise,
            // asked in so many words, is the how-to, whatever topic the backstory suggests. A form
            // question keeps its point: "how do I do a barbell row without killing my back".)
            (intent, confidence) = (.form, max(confidence, Self.confidenceFloor))
            lead(.howTo)
            asksHow = true
        }
        if let logRequest {
            (intent, confidence, rule) = (.workout, 1, .log)
            allAsks = [(label: logRequest.ask.rawValue, probability: 1)]
        }
        // A yes-or-no question ("do you always rotate your hands on face pulls?") asks one point,
        // never the whole how-to: how-to gives way to the next ask. (Its words are read only when
        // how-to leads, which few lines do.)
        if allAsks.first?.label == Ask.howTo.rawValue {
            let asked = Self.questions(text).first ?? text
            if asksYesNo(asked), !TextNormalizer.tokens(asked).map(TextNormalizer.stem).contains("how") {
                allAsks.append(allAsks.removeFirst())
            }
        }
        // An injury said to be healed or cleared ("my physio cleared me, can I do face pulls now?")
        // asks how to come back, whatever else the words suggest.
        if rule == .pain, better, !redFlag {
            allAsks.insert((label: Ask.painReturn.rawValue, probability: 1), at: 0)
        }
        // The ask is chosen among those that can be asked under the intent (a pain question asks a
        // pain ask), renormalised over them.
        // (A pain ask needs something felt: safety guessed by the classifier with nothing said of
        // pain, soreness, a condition or a pain now better or denied, "is it safe to do rack pulls
        // with a rounded upper back", asks whether it is safe, not how to train through a pain
        // nobody has.)
        let painless =
            intent == .safety && rule == nil && !pain && !better && !entities.contains(.painDenied)
            && !entities.contains { $0.deniable || $0 == .stillThere }
            && !entities.contains(where: \.isCondition)
        let fitting = allAsks.filter {
            askIntents[$0.label]?.contains(intent.rawValue) == true
                && !(painless && Ask(rawValue: $0.label)?.isPainAsk == true)
        }
        let total = fitting.reduce(0) { $0 + $1.probability }
        let askRanking = fitting.prefix(3).compactMap { scored in
            Ask(rawValue: scored.label).map {
                Understanding.AskScore(ask: $0, score: total > 0 ? scored.probability / total : 0)
            }
        }
        // A form question that names no exercise ("how far apart should my hands be?") may be
        // answered by a topic too, so its topics are ranked as well.
        let topicRanking =
            intent == .faq || intent == .form
            ? topics.classify(featureList).map {
                Understanding.TopicScore(id: $0.label, score: $0.probability)
            } : []
        // (Kit one of the exercise's ways needs, said missing: a "can't do" it is for want of kit.)
        let lacksKitOfAWay =
            exercises.first.flatMap { wayKits[$0] }?.contains { !$0.isDisjoint(with: found.missing) } ?? false
        let weighsTwo =
            swapsKit
            || tokens.contains(where: swapWords.contains) && exercisesAsked(text, tokens: tokens) >= 2
                && namedList.isEmpty && setAsideNames.isEmpty
        let normalized = tokens.joined(separator: " ")
        var understanding = Understanding(
            normalized: normalized, words: normalized.split(separator: " ").map(String.init), corrections: corrections,
            intent: intent,
            confidence: confidence, ranking: Array(ranking), askRanking: askRanking, rule: rule,
            matches: found.matches,
            exercise: exercises.first, exerciseCandidates: exercises.isEmpty ? family : [],
            muscle: askedMuscle(muscles, saysInScope: saysInScope),
            have: found.have, missing: found.missing, minutes: found.minutes, level: level, painAreas: areas,
            redFlag: redFlag, soreness: soreness, painMentioned: pain, topicRanking: topicRanking,
            routine: routine(tokens, minutes: found.minutes, have: found.have),
            knownWordShare: share, features: featureList,
            goal: entities.lazy.compactMap { if case let .goal(id) = $0 { id } else { nil } }.first,
            substituteReason: substituteReason(
                reasonsSaid, missing: found.missing, pain: pain,
                weighsTwo: weighsTwo,
                lacksKitOfAWay: lacksKitOfAWay
            ),
            levelIsOwn: found.matches.contains { match in
                guard case .level = match.entity else { return false }
                return tokens[max(0, match.range.lowerBound - 3)..<match.range.lowerBound].contains(
                    where: ownLevelWords.contains)
                    || tokens[match.range].contains(where: ownLevelWords.contains)
            },
            equipmentFamilies: found.families.map { .init(candidates: $0.ids, missing: $0.missing) },
            log: logRequest, notCovered: uncoveredNamed)
        if understanding.notCovered == nil, let item = ageItem(tokens) {
            understanding.notCovered = item
            understanding.notCoveredByAge = true
        }
        understanding.wholeGym = wholeGym
        // ("No cable machine at the hotel gym": the dumbbells and bench such a gym has, not only
        // what any hotel room has; kit said in the line is what there is instead.)
        if found.have.isEmpty, !smallGyms.matches(in: tokens).isEmpty {
            understanding.smallGymKit = smallGymKit.filter { !found.missing.contains($0) }
        }
        understanding.awayFromGym = awayFromGym
        understanding.painOutsideScope = outsideOnly && (entities.contains(.pain) || soreness)
        understanding.everydayKit = found.everyday
        understanding.sessionsAWeek = found.sessionsAWeek
        understanding.asksHow = asksHow
        understanding.asksHowToDo = asksHowToDo
        understanding.toReplace = namedList
        // (Not one asked about, "so no more face pulls, what instead?", nor one wanted among others,
        // "isn't just lat pulldowns".)
        let wantedAmongOthers = Set(
            setAsideNames.compactMap { match -> ExerciseID? in
                guard case let .exercise(id) = match.entity else { return nil }
                let before = tokens[max(0, match.range.lowerBound - 2)..<match.range.lowerBound]
                return before.contains(where: kitIsAllWords.contains) ? id : nil
            })
        understanding.setAside = setAside.subtracting(exercises.prefix(1)).subtracting(wantedAmongOthers)
            .sorted { $0.rawValue < $1.rawValue }
        // The part said just before a phrase of tiring first ("my lower back gives out before my
        // upper back"), when nothing hurts.
        if !pain {
            for tiring in tiresFirst.matches(in: tokens) {
                let before = found.matches.last { match in
                    if case .painArea = match.entity {
                        match.range.upperBound <= tiring.range.lowerBound
                    } else {
                        false
                    }
                }
                if case let .painArea(id)? = before?.entity, !understanding.tiresFirst.contains(id) {
                    understanding.tiresFirst.append(id)
                }
            }
        }
        // ("Bending over just feels awful on my back": the position blamed for the pain is out.)
        let hurtingIn = pain ? positionsWhenHurting.matches(in: tokens).map(\.value) : []
        let ruledOut = Set(lyingSaid.map(\.value)).union(hurtingIn).union(
            understanding.notCovered.flatMap { lyingRuledOut[$0] } ?? [])
        understanding.cannotLie = Lying.allCases.filter(ruledOut.contains)
        understanding.repsAlready = bestSaid
        let setsByReps = Self.setsByReps(tokens)
        understanding.repsPerSet = setsByReps?.reps
        understanding.setsSaid = setsByReps?.sets
        understanding.weighsTwo = weighsTwo
        let allFloorless = floorless.matches(in: tokens)
        let noFloor = allFloorless.filter { match in
            let before = match.range.lowerBound > 0 ? tokens[match.range.lowerBound - 1] : ""
            let after = match.range.upperBound < tokens.count ? tokens[match.range.upperBound] : ""
            // (Kit left there, within four words before: "forgot my band at the office".)
            let leftThere = tokens[max(0, match.range.lowerBound - 4)..<match.range.lowerBound].contains(
                where: floorlessLeftBehind.contains)
            return match.value
                || !floorlessNotAfter.contains(before) && !floorlessNotBefore.contains(after) && !leftThere
        }
        // ("At my desk / on the floor": the floor offered too, apart from any phrase against it.)
        let floorOK = floorOffered.matches(in: tokens).contains { offer in
            !allFloorless.contains { $0.range.overlaps(offer.range) }
        }
        understanding.floorlessLasting = noFloor.contains(where: \.value)
        understanding.floorless = !noFloor.isEmpty && (understanding.floorlessLasting || !floorOK)
        understanding.atWorkplace = noFloor.contains { match in
            !match.value && tokens[match.range].contains(where: floorlessWithoutKit.contains)
        }
        return understanding
    }

    /// What picks a named routine by its length: its id, minutes and equipment.
    struct RoutineFit: Equatable, Sendable, Codable {
        var id: String
        var minutes: Int
        var equipment: [EquipmentID]
    }
}

/// A not-covered matter named by a phrase of each of several lists said in one line.
struct NamedTogether: Equatable, Sendable, Codable {
    let id: String
    /// Each list's phrases; one of every list must be said.
    let lists: [PhraseIndex<Bool>]
}

/// A not-covered item about everyone from an age on (`NotCovered.fromAge`).
struct AgeItem: Equatable, Sendable, Codable {
    var age: Int
    var id: String
}
