import CoachModel

/// Finds the entities in normalised tokens: exercises, muscles, equipment (and whether the
/// person has it or lacks it), minutes, level, and what hurts. Built once from the knowledge
/// base; every name, alias and phrase it knows comes from there.
struct EntityExtractor: Equatable, Sendable, Codable {
    private var names = PhraseIndex<Entity>()
    /// Equipment names alone, for the kit inside an exercise's name ("db row", "band face pull").
    private var kitNames = PhraseIndex<EquipmentID>()
    /// Everyday things that count as a piece of kit (`everyday` in equipment.yaml).
    private var everydayNames = PhraseIndex<EquipmentID>()
    /// Phrases that say all the equipment is at hand ("full gym"), and what that all is.
    private var wholeGym = PhraseIndex<Bool>()
    /// Every piece of equipment but "none": what a whole gym has.
    private(set) var allEquipment: [EquipmentID] = []
    /// The id that means no equipment at all: it is never missing ("no gym. 25 min, bodyweight
    /// only" has a "no" four words before it, which denies the gym, not the bodyweight).
    private var bodyweight: EquipmentID?
    private var painPhrases = PhraseIndex<Entity>()
    /// Phrases that say there is no pain ("pain free"): pain words inside them are dropped.
    private var notPain = PhraseIndex<Bool>()
    private(set) var numbers = PhraseIndex<Int>()
    /// Words that say the equipment after them is missing ("no", "without") or at hand ("only").
    private(set) var negators: Set<String> = []
    /// Words just after an equipment name that mean it cannot be used ("is taken").
    private(set) var unavailable: Set<String> = []
    /// Phrases of several words that say so ("out of order"), matched word by word.
    private var unavailablePhrases: [[String]] = []
    /// `sitting_words`: "at a desk 9hrs" is no workout length.
    private var sittingWords: Set<String> = []
    /// Phrases that deny the use of kit named just after them (`denies-use`, as read): "my parents
    /// wont let me use barbells" has no barbell to use.
    private var deniesUse = PhraseIndex<Bool>()
    /// How many words before kit a phrase denying its use is looked for in.
    static let deniedUseReach = 6
    private var haveWords: Set<String> = []
    /// `kit-as-a-kind`: words after kit that make it a kind of training ("the barbell stuff").
    private var kitKindWords: Set<String> = []
    private var denialFillers: Set<String> = []
    /// At most this many words stand between kit named and a word of its breaking after it ("the
    /// cable on my home gym snapped").
    static let wordsFromWhatBroke = 5

    /// Words that deny a word of pain just after them (`pain_negators`).
    private var painNegators: Set<String> = []
    /// `sign_negators`: words that deny a sign or soreness said just after them.
    private var signNegators: Set<String> = []
    /// Phrases that undo a denial said just before them ("doesn't hurt during, just after").
    private var hurtsLater = PhraseIndex<Bool>()
    /// Words of hard effort said as harm, and the plan nouns and everyday strains they are said
    /// of (stemmed, one word).
    private var effortAsHarm: Set<String> = []
    private var planNouns: Set<String> = []
    private var nuisanceBefore: Set<String> = []
    private var nuisanceThen: Set<String> = []
    /// `phrase_gaps` ("my", "the"): said with a word of breaking, what broke follows ("broke my
    /// band"), not the next sentence's kit ("band just snapped. towel and a door?").
    private var determiners: Set<String> = []
    /// `kit_things` ("anything", "stuff"), and the words of leaving out or swapping that, said just
    /// before them, leave out the kit that follows ("swap out anything with a barbell").
    private var kitThings: Set<String> = []
    /// `rough_words` ("ish", "odd"): between a number and its unit, "about".
    private var roughWords: Set<String> = []
    private var leaveOutWords: Set<String> = []
    /// `more_of_words` ("more", "heavier"): kit just after one is had ("without buying more bands").
    private var moreOfWords: Set<String> = []
    private var exceptWords: Set<String> = []
    /// Phrases that hold a name of an exercise or kit without naming it (`Language.Words.notNames`).
    private var notNames = PhraseIndex<Bool>()
    /// Words that ask for a swap ("replace", "instead"): kit named right after the exercise they
    /// come before is that exercise's kit ("replace rows on a cable").
    private var swapWords: Set<String> = []
    /// Words that join a list of equipment ("or", "and"): `list_joiners` in the vocabulary.
    private var listJoiners: Set<String> = []
    /// Machines people call by their exercise's name (`named_by` in equipment.yaml), by that
    /// exercise: in a list of kit had, the name means the machine.
    private var machinesNamedBy: [ExerciseID: EquipmentID] = [:]
    private var minuteUnits: Set<String> = []
    /// The days in each unit word of a duration ("week": 7), the shortest duration of a pain that
    /// counts as lasting, and how near its word of pain it must be said (`red_flags.lasting`).
    private(set) var durationUnits: [String: Int] = [:]
    private(set) var lastingDays = 0
    private(set) var lastingNear = 0
    /// `red_flags.lasting.dating` ("ago"): a duration before one, in a line that says the injury
    /// has healed, dates it.
    private(set) var datingWords: Set<String> = []
    /// `red_flags.lasting.events` ("surgery", "broke"): a dated duration said of one of these
    /// alone dates it.
    private(set) var injuryEvents: Set<String> = []
    /// `red_flags.lasting.care`, stemmed: the events that are care, not an injury happening.
    private(set) var careEvents: Set<String> = []
    /// Words of lifts that have stalled (`stalled-for`: "stuck at", "plateaued"), as read: a
    /// duration just after one is how long the lifts have stalled, not how long something has hurt.
    private(set) var plateauWords: Set<String> = []
    private var hourUnits: Set<String> = []
    /// `rate_words`: "9 hours a day" is no workout length.
    private var rateWords: Set<String> = []
    /// `sessions_a_week`: its counts and words, and its whole phrases ("every other day": 3).
    private(set) var sessionsWords = SessionsAWeekWords()
    private(set) var sessionPhrases = PhraseIndex<Int>()
    /// Warning signs said in pieces (`red_flags.combined`): each sign's words, by group.
    private(set) var signPieces = SignsInPieces()

    /// NB: dictionaries are read in key order. Where two phrases are the same, the first one
    /// added wins, and the trie's layout follows the order too: training in a fixed order makes
    /// the same coach in every process (the build-time snapshot is compared with a fresh one).
    init(knowledge: KnowledgeBase) {
        let words = knowledge.language.understanding
        names = PhraseIndex(gaps: words.phraseGaps)
        painPhrases = PhraseIndex(gaps: words.phraseGaps)
        notPain = PhraseIndex(gaps: words.phraseGaps)
        numbers = PhraseIndex(gaps: words.phraseGaps)
        listJoiners = Set(words.listJoiners)
        for piece in knowledge.equipment { if let exercise = piece.namedBy { machinesNamedBy[exercise] = piece.id } }
        for exercise in knowledge.exercises {
            for name in [exercise.name, exercise.id.rawValue] + exercise.aliases {
                names.add(name, .exercise(exercise.id))
            }
        }
        for (name, ids) in knowledge.language.families.sorted(by: { $0.key < $1.key }) { names.add(name, .family(ids)) }
        for muscle in knowledge.muscles {
            for name in [muscle.name, muscle.id.rawValue] + muscle.aliases + muscle.phrases {
                names.add(name, .muscle(muscle.id))
            }
        }
        kitNames = PhraseIndex(gaps: words.phraseGaps)
        wholeGym = PhraseIndex(gaps: words.phraseGaps)
        for phrase in words.wholeGym { wholeGym.add(phrase, true) }
        allEquipment = knowledge.equipment.filter { !$0.isBodyweight }.map(\.id)
        bodyweight = knowledge.equipment.first(where: \.isBodyweight)?.id
        for item in knowledge.equipment {
            for name in [item.name, item.id.rawValue] + item.aliases {
                names.add(name, .equipment(item.id))
                kitNames.add(name, item.id)
            }
            // ("Water jugs" are a light dumbbell when had; not a kit named in an exercise's name.)
            for name in item.everyday {
                names.add(name, .equipment(item.id))
                everydayNames.add(name, item.id)
            }
        }
        for (name, ids) in knowledge.language.equipmentFamilies.sorted(by: { $0.key < $1.key }) {
            names.add(name, .equipmentFamily(ids))
        }
        for goal in knowledge.language.goals.keys.sorted() { names.add(goal, .goal(goal)) }
        for (alias, goal) in knowledge.language.goalAliases.sorted(by: { $0.key < $1.key }) {
            names.add(alias, .goal(goal))
        }
        for (level, phrases) in knowledge.language.levels.sorted(by: { $0.key < $1.key }) {
            for phrase in phrases + [level.rawValue] { names.add(phrase, .level(level)) }
        }
        let safety = knowledge.safety
        // (Emergency phrases first: where one is also a red-flag phrase, the first added wins.)
        for phrase in safety.redFlagEmergency { painPhrases.add(phrase, .emergency) }
        for phrase in safety.redFlagLimits { painPhrases.add(phrase, .limit) }
        for phrase in safety.redFlagPhrases { painPhrases.add(phrase, .redFlag) }
        for phrase in safety.redFlagWithPain { painPhrases.add(phrase, .lasting) }
        for phrase in safety.redFlagSudden { painPhrases.add(phrase, .sudden) }
        for phrase in safety.redFlagWithSoreness { painPhrases.add(phrase, .lastingSoreness) }
        for (word, days) in safety.lasting.units.sorted(by: { $0.key < $1.key }) {
            durationUnits[TextNormalizer.stem(word)] = days
        }
        lastingDays = safety.lasting.days
        lastingNear = safety.lasting.nearPain
        datingWords = Set(safety.lasting.dating)
        injuryEvents = Set(safety.lasting.events)
        careEvents = Set(safety.lasting.care)
        plateauWords = knowledge.language.understanding.wordsAsRead(.stalledFor)
        for phrase in knowledge.language.understanding.outOfScope { names.add(phrase, .outOfScope) }
        for phrase in safety.sorenessPhrases { painPhrases.add(phrase, .soreness) }
        for phrase in safety.settlesPhrases { painPhrases.add(phrase, .settles) }
        for phrase in safety.passedAtOnce { painPhrases.add(phrase, .passedAtOnce) }
        for phrase in safety.stillThere { painPhrases.add(phrase, .stillThere) }
        for phrase in safety.painWords { painPhrases.add(phrase, .pain) }
        for phrase in safety.notPain { notPain.add(phrase, true) }
        // (Value false: a phrase that reports nothing, so a pain or treatment word inside it does
        // not count, and it does not say there is no pain either.)
        for phrase in safety.notAReport { notPain.add(phrase, false) }
        for phrase in safety.cleared { painPhrases.add(phrase, .cleared) }
        for phrase in safety.painBetter { painPhrases.add(phrase, .painBetter) }
        for phrase in safety.returning { painPhrases.add(phrase, .returning) }
        for phrase in safety.seenProfessional { painPhrases.add(phrase, .seenProfessional) }
        for condition in safety.conditions {
            let entity: Entity = condition.aches.isEmpty ? .condition(condition.id) : .setting(condition.id)
            for phrase in condition.phrases { painPhrases.add(phrase, entity) }
        }
        for treatment in safety.treatments {
            for phrase in treatment.phrases {
                painPhrases.add(phrase, .treatment(treatment.id, meansPain: treatment.meansPain))
            }
        }
        for area in safety.painAreas {
            for phrase in area.phrases { painPhrases.add(phrase, .painArea(area.id)) }
        }
        for (word, value) in knowledge.language.numbers.sorted(by: { $0.key < $1.key }) { numbers.add(word, value) }
        negators = Set(words.missingWords.map(TextNormalizer.stem))
        let unavailableSaid = words.missingAfterWords.map { TextNormalizer.tokens($0).map(TextNormalizer.stem) }
        unavailable = Set(unavailableSaid.filter { $0.count == 1 }.map { $0[0] })
        unavailablePhrases = unavailableSaid.filter { $0.count > 1 }
        haveWords = Set(words.haveWords.map(TextNormalizer.stem))
        kitKindWords = Set(words.words(.kitAsAKind).map(TextNormalizer.stem))
        denialFillers = Set(words.denialFillers.map(TextNormalizer.stem))
        signNegators = Set(words.signNegators.map(TextNormalizer.stem))
        painNegators = Set(words.painNegators.map(TextNormalizer.stem))
        hurtsLater = PhraseIndex()
        for phrase in knowledge.language.words(.hurtsLater) { hurtsLater.add(phrase, true) }
        effortAsHarm = Set(knowledge.language.words(.effortAsHarm).map(TextNormalizer.stem))
        nuisanceBefore = Set(knowledge.language.words(.nuisancePain).map(TextNormalizer.stem))
        nuisanceThen = Set(knowledge.language.words(.nuisancePainThen).map(TextNormalizer.stem))
        planNouns = Set(
            knowledge.language.words(.planNoun).filter { !$0.contains(" ") }.map(TextNormalizer.stem)
        ).union(knowledge.language.words(.strainNoun).map(TextNormalizer.stem))
        determiners = Set(words.phraseGaps.map(TextNormalizer.stem))
        kitThings = Set(words.kitThings.map(TextNormalizer.stem))
        roughWords = Set(words.roughWords.map(TextNormalizer.stem))
        moreOfWords = Set(words.moreOfWords.map(TextNormalizer.stem))
        exceptWords = Set(words.exceptWords.map(TextNormalizer.stem))
        notNames = PhraseIndex()
        for phrase in words.notNames { notNames.add(phrase, true) }
        leaveOutWords = Set(
            (knowledge.language.words(.leaveOut) + knowledge.language.words(.swap)).map(TextNormalizer.stem))
        swapWords = Set(words.words(.swap).map(TextNormalizer.stem))
        sittingWords = Set(words.sittingWords.map(TextNormalizer.stem))
        deniesUse = PhraseIndex(gaps: [])
        for phrase in words.deniesUse { deniesUse.add(phrase, true) }
        minuteUnits = Set(words.minuteWords.map(TextNormalizer.stem))
        hourUnits = Set(words.hourWords.map(TextNormalizer.stem))
        rateWords = Set(words.rateWords.map(TextNormalizer.stem))
        sessionsWords = words.sessionsAWeek
        signPieces = SignsInPieces(safety.combinedSigns, within: safety.combinedWithin, gaps: words.phraseGaps)
        sessionPhrases = PhraseIndex(gaps: [])
        for (phrase, count) in words.sessionsAWeek.phrases.sorted(by: { $0.key < $1.key }) {
            sessionPhrases.add(phrase, count)
        }
    }

    /// Every word the extractor knows.
    var words: Set<String> {
        names.words.union(painPhrases.words).union(wholeGym.words).union(notPain.words).union(numbers.words).union(
            negators
        ).union(haveWords)
            .union(minuteUnits)
            .union(hourUnits).union(durationUnits.keys)
            .union(sessionPhrases.words).union(sessionsWords.counts.keys).union(sessionsWords.week).union(
                sessionsWords.split
            ).union(sessionsWords.weekdays.keys)
    }
    /// The words of names, which misspellings are corrected toward.
    var nameWords: Set<String> { names.words }

    struct Result: Sendable {
        var matches: [EntityMatch] = []
        var have: [EquipmentID] = []
        var missing: [EquipmentID] = []
        /// Generic equipment words, each with its candidates and whether it is missing.
        var families: [(ids: [EquipmentID], missing: Bool)] = []
        var minutes: Int?
        /// How many sessions a week the line says ("twice a week").
        var sessionsAWeek: Int?
        /// The kit named inside exercise names ("db rows instead of barbell rows"), each with
        /// whether it is denied as kit said on its own would be.
        var kitInNames: [(exercise: ExerciseID, kit: EquipmentID, missing: Bool)] = []
        /// Whether the line says a whole gym is at hand ("at the gym", "full gym"), not denied.
        var wholeGym = false
        /// The kit had through an everyday thing said ("water jugs": a dumbbell).
        var everyday: [EquipmentID] = []
        /// The numbers said in words ("six weeks", "twelve"), read once for every reading of
        /// counts and lengths.
        var spelled: [PhraseIndex<Int>.Match] = []
    }

    func extract(_ tokens: [String]) -> Result {
        var result = Result()
        // ("Only 4 in a row": no row named; "sore from bench yesterday": no bench.)
        let idioms = notNames.matches(in: tokens).map(\.range)
        let found = names.matches(in: tokens).filter { match in
            !(match.value.isExercise || match.value.isFamily || match.value.isEquipment
                || match.value.isEquipmentFamily || match.value.isMuscle)
                || !idioms.contains { $0.overlaps(match.range) }
        }
        var lastEquipment: (end: Int, missing: Bool)?
        for match in found {
            let text = tokens[match.range].joined(separator: " ")
            result.matches.append(EntityMatch(entity: match.value, text: text, range: match.range))
            if case let .equipmentFamily(ids) = match.value {
                // ("Every machine is taken": a word of being unavailable just after, before the
                // next name, denies it too.)
                let nextName =
                    found.first { $0.range.lowerBound >= match.range.upperBound }?.range.lowerBound ?? tokens.count
                let after = tokens[match.range.upperBound..<min(nextName, match.range.upperBound + 4, tokens.count)]
                let missing =
                    isMissing(before: match.range.lowerBound, in: tokens, previous: lastEquipment)
                    || saysUnavailable(after)
                    || namesReplacedKit(match.range, found: found, in: tokens)
                lastEquipment = (match.range.upperBound, missing)
                result.families.append((ids, missing))
                continue
            }
            // ("I have a cable machine and lat pulldown": an exercise named like a machine, straight
            // after kit had with only list words between, is that machine.)
            if case let .exercise(exercise) = match.value, let machine = machinesNamedBy[exercise],
                let last = lastEquipment, !last.missing, last.end <= match.range.lowerBound,
                tokens[last.end..<match.range.lowerBound].allSatisfy(listJoiners.contains)
            {
                result.matches[result.matches.count - 1] = EntityMatch(
                    entity: .equipment(machine), text: text, range: match.range)
                if !result.have.contains(machine) { result.have.append(machine) }
                lastEquipment = (match.range.upperBound, false)
                continue
            }
            if case let .exercise(exercise) = match.value,
                let kit = kitNames.matches(in: Array(tokens[match.range])).first?.value
            {
                result.kitInNames.append(
                    (exercise, kit, isMissing(before: match.range.lowerBound, in: tokens, previous: lastEquipment)))
                continue
            }
            guard case let .equipment(id) = match.value else { continue }
            // ("The cable machine is taken", "the cable machine at my gym has been out of order":
            // what follows within eight words, up to the next name or list word, can deny it too.)
            // (An exercise it is used for, said in between, does not end the window: "the pulley
            // thing I use for rear delt flyes has had the same guy on it".)
            // (Only another name ends it, not a word of pain: "band snapped" is a band gone.)
            let later = found.filter { later in
                later.range.lowerBound >= match.range.upperBound
                    && (later.value.isExercise || later.value.isFamily || later.value.isEquipment
                        || later.value.isEquipmentFamily || later.value.isMuscle)
            }
            var next = later.first
            var reach = match.range.upperBound + 8
            var joinersUntil: Int?
            if let named = next, named.value.isExercise || named.value.isFamily, named.range.lowerBound > 0,
                tokens[max(match.range.upperBound, named.range.lowerBound - 3)..<named.range.lowerBound].contains("for")
            {
                next = later.dropFirst().first
                reach = named.range.upperBound + 8
                joinersUntil = named.range.lowerBound
            }
            let nextName = next?.range.lowerBound ?? tokens.count
            var afterEnd = min(tokens.count, reach, nextName)
            // (A list goes on at its joining word, "a cable and a band"; after the exercise it is
            // used for, the words are about the kit: "has had the same guy on it".) (An article is
            // no join: "has had an out of order sign for weeks".)
            let joinersEnd = min(afterEnd, joinersUntil ?? afterEnd)
            if let joiner = tokens[match.range.upperBound..<joinersEnd].firstIndex(where: {
                listJoiners.contains($0) && !determiners.contains($0)
            }) {
                afterEnd = joiner
            }
            let after = tokens[match.range.upperBound..<afterEnd]
            // ("Everything is taken except the Smith machine": that one is had.)
            // (Not a word of a name just before: "band pull apart, band snapped" excepts nothing.)
            let namedBefore = exerciseEnd(before: match.range.lowerBound, in: found, tokens)
            let excepted = tokens[
                max(0, match.range.lowerBound - 3, min(namedBefore, match.range.lowerBound))..<match.range.lowerBound
            ]
            .contains(where: exceptWords.contains)
            let missing =
                id != bodyweight && !excepted
                && (isMissing(
                    before: match.range.lowerBound, in: tokens, previous: lastEquipment,
                    after: exerciseEnd(before: match.range.lowerBound, in: found, tokens))
                    || saysUnavailable(after)
                    || namesReplacedKit(match.range, found: found, in: tokens)
                    || followsASwap(match.range, in: tokens))
            lastEquipment = (match.range.upperBound, missing)
            if missing {
                if !result.missing.contains(id) { result.missing.append(id) }
            } else if !result.have.contains(id) {
                result.have.append(id)
            }
        }
        // "Full gym", "access to everything": every piece is had, except what is said missing
        // (and not when it is denied: "no gym", "without a gym").
        // (A word of denial before an exercise named in between denies the exercise: "no
        // pull-ups, full gym".)
        let gymSaid = wholeGym.matches(in: tokens).contains { match in
            !isMissing(
                before: match.range.lowerBound, in: tokens, previous: nil,
                after: exerciseEnd(before: match.range.lowerBound, in: found, tokens))
        }
        result.wholeGym = gymSaid
        // "Can I use a backpack instead of dumbbells?": the backpack is had as a dumbbell, so the
        // dumbbell is not missing.
        // ("Travelling with just a backpack, no equipment at all": said with no equipment, the
        // everyday thing is luggage, not a weight.)
        let everyday = everydayNames.matches(in: tokens)
        if let bodyweight, result.have.contains(bodyweight) {
            let named = Set(found.compactMap { if case let .equipment(id) = $0.value { id } else { nil } })
            let kitSaid = Set(kitNames.matches(in: tokens).map(\.value))
            // (Not one named with an exercise right after it: "backpack rows" are rows with it.)
            let withExercise = everyday.filter { match in
                found.contains {
                    ($0.value.isExercise || $0.value.isFamily) && $0.range.lowerBound == match.range.upperBound
                }
            }.map(\.value)
            let onlyEveryday = Set(everyday.map(\.value)).filter { id in
                !kitSaid.contains(id) && named.contains(id) && !withExercise.contains(id)
            }
            result.have.removeAll { onlyEveryday.contains($0) }
        }
        for match in everyday where result.have.contains(match.value) {
            result.missing.removeAll { $0 == match.value }
            if !result.everyday.contains(match.value) { result.everyday.append(match.value) }
        }
        let cancelling = notPain.matches(in: tokens)
        // ("It doesn't hurt during, just after and next morning": a denial undone just after it.)
        // (Looked for only when a denial is met: most lines have none.)
        var laterEnds: [Range<Int>]?
        func undoneAfter(_ range: Range<Int>) -> Bool {
            let ends = laterEnds ?? hurtsLater.matches(in: tokens).map(\.range)
            laterEnds = ends
            return ends.contains {
                $0.lowerBound >= range.upperBound && $0.lowerBound - range.upperBound <= Self.wordsToALaterHurt
            }
        }
        let denials = cancelling.filter { $0.value && !undoneAfter($0.range) }
        // (Every phrase that reports nothing counts, overlapping or not: see `matchesAtEveryStart`.)
        let otherThings =
            cancelling.contains { !$0.value }
            ? notPain.matchesAtEveryStart(in: tokens).filter { !$0.value }.map(\.range) : []
        let denied = denials.map(\.range)
        if let denial = denials.first {
            result.matches.append(
                EntityMatch(entity: .painDenied, text: tokens[denial.range].joined(separator: " "), range: denial.range)
            )
        }
        let painMatches = painPhrases.looseMatches(in: tokens)
        let areaRanges = painMatches.compactMap { match -> (id: String, range: Range<Int>)? in
            if case let .painArea(id) = match.value { (id, match.range) } else { nil }
        }
        let returning = painMatches.filter { $0.value == .returning }.map(\.range)
        // (Denied by `sign_negators`, not the words that deny kit: "left arm went dead" is no arm
        // said not to have gone dead.)
        let deniedSigns = Self.deniedSigns(
            painMatches, in: tokens, negators: signNegators, joiners: listJoiners, deniedBefore: denied)
        // Where kit is named, read once and only when a word of breaking is said ("broke my only
        // band", "snapped the handle" break kit, not a bone): most lines say none.
        var kitNamed: KitPositions?
        let hurtRanges = painMatches.filter { $0.value == .pain || $0.value == .soreness }.map(\.range)
        for match in painMatches {
            let breaking =
                (match.value == .pain || match.value == .sudden)
                && (tokens[match.range].contains(where: injuryEvents.contains) || match.value == .sudden)
            if breaking {
                let kit = kitNamed ?? KitPositions(found)
                kitNamed = kit
                if let broke = kitBroken(by: match.range, in: tokens, kit: kit, areas: areaRanges.map(\.range)) {
                    for id in broke where id != bodyweight {
                        result.have.removeAll { $0 == id }
                        if !result.missing.contains(id) { result.missing.append(id) }
                    }
                    continue
                }
            }
            // "pain free", "doesn't hurt": the pain word is denied, unless it names where.
            if match.value.deniable, denied.contains(where: { $0.overlaps(match.range) }) { continue }
            // "Medicine ball slams" name no medicine; "not lifted for four weeks" is no pain that lasted;
            // "how do I prevent neck pain" names no neck that hurts.
            if match.value.deniable || match.value.isTreatment || match.value.isPainArea,
                otherThings.contains(where: { $0.overlaps(match.range) })
            {
                continue
            }
            // "Worse, not better now": getting better, denied just before, is not said.
            if match.value == .painBetter, match.range.lowerBound > 0,
                negators.contains(tokens[match.range.lowerBound - 1])
            {
                continue
            }
            if deniedSigns.contains(match.range) { continue }
            // "This new rowing program kills me every time lol": effort said of a plan, or of
            // everyday things ("the kids are killing me today"), with no part of the body named,
            // is no pain.
            if match.value == .pain || match.value == .soreness, areaRanges.isEmpty,
                saysEffortOfAPlan(match.range, in: tokens)
            {
                continue
            }
            if match.value == .pain, saysNuisance(match.range, in: tokens) { continue }
            // ("Good pain vs bad pain?": the word of pain inside a phrase of soreness is the
            // soreness's.)
            if match.value == .pain,
                painMatches.contains(where: { other in
                    other.value == .soreness && other.range.count > match.range.count
                        && other.range.lowerBound <= match.range.lowerBound
                        && match.range.upperBound <= other.range.upperBound
                })
            {
                continue
            }
            // "Not sore, just weak", "never sore after rows": soreness denied just before (a filler
            // allowed between: "not even sore") is not said.
            if match.value == .soreness, saysDenied(before: match.range.lowerBound, in: tokens) { continue }
            // So is a word of pain ("zero soreness, zero aches", "never hurts"), though not after
            // "without" (`pain_negators`): "can't row without pain" says it hurts.
            if match.value == .pain, saysDenied(before: match.range.lowerBound, in: tokens, by: painNegators),
                !undoneAfter(match.range)
            {
                continue
            }
            // "how do I come back to pulling?" is going back to training, not a pain that comes back.
            if match.value == .lasting, returning.contains(where: { $0.overlaps(match.range) }) { continue }
            // "Started lifting 6 weeks ago": said just after a phrase that reports nothing, it
            // dates the training, not a pain (as a counted duration there does not count).
            // ("Stuck at 15-16 for a few weeks now ... my back is sore": how long the lifts have
            // stalled, not how long it has been sore.)
            if match.value == .lasting || match.value == .lastingSoreness,
                saysAPlateau(before: match.range.lowerBound, in: tokens, hurts: hurtRanges)
            {
                continue
            }
            if match.value == .lasting,
                otherThings.contains(where: {
                    (match.range.lowerBound - 3...match.range.lowerBound).contains($0.upperBound)
                })
            {
                continue
            }
            // "shoulder" inside "between my shoulder blades" names the upper back, not the shoulder.
            if case let .painArea(id) = match.value,
                areaRanges.contains(where: { other in
                    other.id != id && other.range.count > match.range.count
                        && other.range.lowerBound <= match.range.lowerBound
                        && match.range.upperBound <= other.range.upperBound
                })
            {
                continue
            }
            let text = tokens[match.range].joined(separator: " ")
            result.matches.append(EntityMatch(entity: match.value, text: text, range: match.range))
        }
        // (The numbers said in words, read once for the durations, the minutes and the week.)
        let spelled = numbers.matches(in: tokens)
        result.spelled = spelled
        result.matches += lastingDurations(
            in: tokens, found: result.matches, notReports: otherThings + returning, spelled: spelled)
        // (A piece inside a phrase that reports nothing is not said either: "popped a new pr ...
        // bruised my ego" is no snap and bruise.)
        result.matches += signsInPieces(in: tokens, found: result.matches, denied: denied + otherThings)
        // ("Had ACDF 7 months ago ... my 6 month x-rays showed the fusion progressing", "diagnosed
        // a few years ago": when every word of pain in the line is care, an operation, a diagnosis
        // or a scan, a time said with them dates it; nothing is said to have hurt that long. Only a
        // time: "it is getting worse" still lasts. A break or a tear said with a time is not dated
        // away: it still needs seeing.)
        if onlyCare(result.matches) {
            result.matches.removeAll { match in
                (match.entity == .lasting || match.entity == .lastingSoreness)
                    && tokens[match.range].contains { durationUnits[$0] != nil }
            }
        }
        // (Where a word of pain, soreness or a sign ends: a long time said just after one is how
        // long it lasts.)
        let hurtEnds = Set(
            result.matches.filter { [.pain, .soreness, .lasting].contains($0.entity) || $0.entity.isWarningSign }
                .map(\.range.upperBound))
        result.minutes = minutes(in: tokens, spelled: spelled, hurtEnds: hurtEnds)
        result.sessionsAWeek = sessionsAWeek(in: tokens, spelled: spelled)
        // ("My middle back": the place that starts inside "my middle" and runs past it is what is
        // named, not the core.)
        let places = result.matches.filter(\.entity.isPainArea).map(\.range)
        result.matches.removeAll { match in
            match.entity.isMuscle
                && places.contains {
                    $0.lowerBound > match.range.lowerBound && $0.lowerBound < match.range.upperBound
                        && $0.upperBound > match.range.upperBound
                }
        }
        return result
    }

    /// Most words between a denial and what undoes it ("doesn't hurt during, just after").
    static let wordsToALaterHurt = 3

    /// Words before a word of harm where the plan it is said of may stand ("this new rowing
    /// program kills me").
    static let planWordsBefore = 4

    /// Whether the match is a word of hard effort said as harm (`effort-as-harm`) of a plan noun
    /// said just before it.
    func saysEffortOfAPlan(_ range: Range<Int>, in tokens: [String]) -> Bool {
        guard tokens[range].contains(where: effortAsHarm.contains) else { return false }
        return tokens[max(0, range.lowerBound - Self.planWordsBefore)..<range.lowerBound].contains(
            where: planNouns.contains)
    }

    /// Whether a lone "pain" is a nuisance: after a word like "a" or "real" (`nuisance-pain`), with
    /// "to" and then a word that is no determiner after it ("a real pain to fit in", not "pain to
    /// the touch").
    func saysNuisance(_ range: Range<Int>, in tokens: [String]) -> Bool {
        guard range.count == 1, range.lowerBound > 0, range.upperBound + 1 < tokens.count,
            nuisanceBefore.contains(tokens[range.lowerBound - 1]), nuisanceThen.contains(tokens[range.upperBound])
        else { return false }
        return !determiners.contains(tokens[range.upperBound + 1])
    }

    /// Where the last exercise named before `start` ends (0 when none is): a word of denial
    /// before it is about the exercise ("no pull-ups, dumbbells only"), not kit said after it.
    /// (Not when list words, and only they, come between: "no lat pulldown or pull-up bar" denies
    /// both. With nothing between, a comma was likely there: "no pull-ups, full gym".)
    /// (A level said in words of denial ends there too: "never lifted before. gym has all the
    /// usual machines" denies no gym.)
    private func exerciseEnd(before start: Int, in found: [PhraseIndex<Entity>.Match], _ tokens: [String]) -> Int {
        guard
            let end = found.last(where: {
                ($0.value.isExercise || $0.value.isFamily || $0.value.isLevel) && $0.range.upperBound <= start
            })?.range.upperBound,
            end == start || !tokens[end..<start].allSatisfy(listJoiners.contains)
        else { return 0 }
        return end
    }

    /// Whether `tokens` say that something is unavailable: a word ("taken", "broken") or a phrase
    /// ("out of order") of `missing_after_words`.
    func saysUnavailable(_ tokens: ArraySlice<String>) -> Bool {
        tokens.contains(where: unavailable.contains)
            || unavailablePhrases.contains { phrase in
                tokens.indices.contains { start in
                    start + phrase.count <= tokens.endIndex
                        && tokens[start..<start + phrase.count].elementsEqual(phrase)
                }
            }
    }

    /// Whether a word of `sign_negators` comes just before `start`, or one and a filler word
    /// ("not even"); with `by`, a word of that list instead ("don't actually have").
    func saysDenied(before start: Int, in tokens: [String], by words: Set<String>? = nil) -> Bool {
        let denying = words ?? signNegators
        return start > 0 && denying.contains(tokens[start - 1])
            || start > 1 && denialFillers.contains(tokens[start - 1]) && denying.contains(tokens[start - 2])
    }

    /// The ranges of warning signs said as absent: a negator just before ("no shooting stuff",
    /// "without numbness"), or a list joiner just before and a denied sign (or denial, `deniedBefore`)
    /// ending just before that, one other word allowed between ("no shooting or tingling", "no
    /// numbness, weakness or tingling").
    static func deniedSigns(
        _ matches: [PhraseIndex<Entity>.Match], in tokens: [String], negators: Set<String>, joiners: Set<String>,
        deniedBefore: [Range<Int>]
    ) -> Set<Range<Int>> {
        var denied: Set<Range<Int>> = []
        var deniedEnds = Set(deniedBefore.map(\.upperBound))
        for match in matches.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) where match.value.isWarningSign {
            let start = match.range.lowerBound
            let afterNegator = start > 0 && negators.contains(tokens[start - 1])
            let afterDeniedSign =
                start > 1 && joiners.contains(tokens[start - 1])
                && (deniedEnds.contains(start - 1) || deniedEnds.contains(start - 2))
            let listedAfterDenied = deniedEnds.contains(start)
            if afterNegator || afterDeniedSign || listedAfterDenied {
                denied.insert(match.range)
                deniedEnds.insert(match.range.upperBound)
            }
        }
        return denied
    }

    /// Where a line names kit: each piece by the position it starts at, and where a general word
    /// for kit ("machine") starts.
    struct KitPositions {
        var pieces: [Int: EquipmentID]
        var families: Set<Int>

        init(_ found: [PhraseIndex<Entity>.Match]) {
            pieces = Dictionary(
                found.compactMap { match -> (Int, EquipmentID)? in
                    if case let .equipment(id) = match.value { (match.range.lowerBound, id) } else { nil }
                }, uniquingKeysWith: { first, _ in first })
            families = Set(found.filter(\.value.isEquipmentFamily).map(\.range.lowerBound))
        }
    }

    /// The kit a word of breaking at `range` says broke, nil when it names none (a bone, a
    /// muscle): kit named within three words after it with a determiner between ("broke my only
    /// band this morning", "snapped the strap"), whatever word of having stands between; or kit
    /// named first, with a determiner, within five words before it and no body part (`areas`)
    /// between ("the cable on my home gym snapped mid set"). A general word for kit after it
    /// ("snapped the machine's cable") breaks kit too, though none is named.
    private func kitBroken(by range: Range<Int>, in tokens: [String], kit: KitPositions, areas: [Range<Int>])
        -> [EquipmentID]?
    {
        let after = range.upperBound..<min(tokens.count, range.upperBound + 3)
        let saysWhatBroke =
            determiners.contains(tokens[range.upperBound - 1])
            || range.upperBound < tokens.count && determiners.contains(tokens[range.upperBound])
        let namesAfter =
            saysWhatBroke && after.contains(where: { kit.pieces[$0] != nil || kit.families.contains($0) })
        let before = max(0, range.lowerBound - Self.wordsFromWhatBroke)..<range.lowerBound
        let brokeBefore = before.filter { index in
            kit.pieces[index] != nil && index > 0 && determiners.contains(tokens[index - 1])
                && !areas.contains { $0.lowerBound >= index && $0.lowerBound < range.lowerBound }
        }
        guard namesAfter || !brokeBefore.isEmpty else { return nil }
        return (namesAfter ? after.compactMap { kit.pieces[$0] } : []) + brokeBefore.compactMap { kit.pieces[$0] }
    }

    /// Whether an equipment mention is denied. The nearest cue word before it decides ("no",
    /// "without", "instead of" deny; "only", "just", "have", "with" affirm), looking back at most
    /// four words and never past the previous mention; with no cue, a mention that continues a
    /// list takes the list's side ("no band or dumbbells"), and otherwise it is had.
    /// (`barrier`: where an exercise named before it ends, past which no denial reaches.)
    private func isMissing(
        before start: Int, in tokens: [String], previous: (end: Int, missing: Bool)?, after barrier: Int = 0
    ) -> Bool {
        let floor = max(0, start - 4, previous.map { min($0.end, start) } ?? 0, min(barrier, start))
        // ("Wont let me use barbells", "not allowed to use a barbell": a phrase denying its use ends
        // just before it, a small word allowed between.)
        let window = Array(tokens[max(0, start - Self.deniedUseReach)..<start])
        if deniesUse.matches(in: window).contains(where: { $0.range.upperBound >= window.count - 1 }) {
            return true
        }
        for index in stride(from: start - 1, through: floor, by: -1) {
            if moreOfWords.contains(tokens[index]) { return false }
            // ("Without ripping the door off": a denial of what is done with the kit, a word of
            // doing just after it, not of the kit. "Not having a band" still denies it.)
            if negators.contains(tokens[index]) {
                let next = index + 1 < start ? tokens[index + 1] : ""
                return !(next.hasSuffix("ing") && !haveWords.contains(next))
            }
            if haveWords.contains(tokens[index]) {
                // "dont have a band", "never got a bench": the have-word is itself denied, also
                // with a filler between ("i dont actually have bands", "no longer own a bench").
                if saysDenied(before: index, in: tokens, by: negators) { return true }
                // "swap out anything with a barbell": things with it are left out.
                return index > 1 && kitThings.contains(tokens[index - 1])
                    && tokens[max(0, index - 4)..<(index - 1)].contains(where: leaveOutWords.contains)
            }
        }
        if let previous, previous.end <= start,
            tokens[previous.end..<start].allSatisfy(listJoiners.contains)
        {
            return previous.missing
        }
        return false
    }

    /// Whether kit is named as a kind of training to be replaced: a word of swapping at most
    /// three words before it, with no word of having between, and a word of a kind after it
    /// ("need subs for the barbell stuff"); "swap the dumbbell shrugs" keeps the dumbbells.
    private func followsASwap(_ range: Range<Int>, in tokens: [String]) -> Bool {
        guard range.upperBound < tokens.count, kitKindWords.contains(tokens[range.upperBound]) else { return false }
        let before = tokens[max(0, range.lowerBound - 3)..<range.lowerBound]
        guard let swap = before.lastIndex(where: swapWords.contains) else { return false }
        return !tokens[(swap + 1)..<range.lowerBound].contains(where: haveWords.contains)
    }

    /// Whether kit is named right after an exercise a swap word comes just before, with no word
    /// of having in between ("what can replace rows on a cable?", but not "replace pull-ups with
    /// a band"): the kit of the exercise being replaced, not kit the person has.
    private func namesReplacedKit(
        _ range: Range<Int>, found: [PhraseIndex<Entity>.Match], in tokens: [String]
    ) -> Bool {
        let exercise = found.last { other in
            switch other.value {
            case .exercise, .family:
                other.range.upperBound <= range.lowerBound && range.lowerBound - other.range.upperBound <= 2
            default: false
            }
        }
        guard let exercise else { return false }
        if tokens[exercise.range.upperBound..<range.lowerBound].contains(where: haveWords.contains) { return false }
        return tokens[max(0, exercise.range.lowerBound - 3)..<exercise.range.lowerBound].contains(
            where: swapWords.contains)
    }

    /// The longest daily or weekly time that can still be a workout's length ("an hour and a half
    /// a day"); a longer one said as a rate is not.
    static let longestRateWorkout = 120
    /// At most this many words between a word of pain and a time that measures it.
    static let hurtReach = 5

    /// Minutes asked for ("10 min", "ten minutes", "half an hour", "1 hour").
    private func minutes(in tokens: [String], spelled: [PhraseIndex<Int>.Match], hurtEnds: Set<Int>) -> Int? {
        var values: [(value: Double, end: Int, unitInPhrase: Bool)] = []
        var spelledAt: [Int: PhraseIndex<Int>.Match] = [:]
        for match in spelled { spelledAt[match.range.lowerBound] = match }
        var index = 0
        while index < tokens.count {
            if let match = spelledAt[index] {
                let hasUnit = tokens[match.range].contains { minuteUnits.contains($0) || hourUnits.contains($0) }
                values.append((Double(match.value), match.range.upperBound, hasUnit))
                index = match.range.upperBound
            } else if let number = Double(tokens[index]), number.isFinite {
                values.append((number, index + 1, false))
                index += 1
            } else {
                index += 1
            }
        }
        var minutes: Int?
        for value in values {
            if value.unitInPhrase {
                minutes = Int(value.value)
            } else if value.end < tokens.count {
                // ("20ish min", "30 odd minutes": a word of roughly may stand before the unit.)
                let unitAt = roughWords.contains(tokens[value.end]) ? value.end + 1 : value.end
                guard unitAt < tokens.count else { continue }
                let unit = tokens[unitAt]
                // ("9 hours a day at a desk": a rate longer than any workout is how long someone
                // sits or works, not the workout's length; "20 minutes a day" may well be one.)
                let asMinutes = hourUnits.contains(unit) ? value.value * 60 : value.value
                if asMinutes > Double(Self.longestRateWorkout),
                    tokens[(unitAt + 1)..<min(tokens.count, unitAt + 3)].contains(where: rateWords.contains)
                {
                    continue
                }
                // ("I sit at a desk 9hrs": the same after a word of sitting or working.)
                let countAt = value.end - 1
                // ("The cable has had the same guy on it for 20 min", "been waiting 15 minutes for
                // the rack": time spent waiting for kit, not the workout's length.)
                let before = tokens[max(0, countAt - 7)..<countAt]
                // ("For like 40 minutes": a word may stand between.)
                if saysUnavailable(before), minuteUnits.contains(unit) || hourUnits.contains(unit),
                    countAt > 0,
                    before.suffix(2).contains("for") || before.suffix(3).contains(where: unavailable.contains)
                {
                    continue
                }
                if asMinutes > Double(Self.longestRateWorkout),
                    tokens[max(0, countAt - 3)..<countAt].contains(where: sittingWords.contains)
                {
                    continue
                }
                // ("Leaves my neck tight and a bit headachey for a few hours after": how long it
                // lasts, not the workout's length.)
                if asMinutes > Double(Self.longestRateWorkout),
                    (max(0, countAt - Self.hurtReach)...countAt).contains(where: hurtEnds.contains)
                {
                    continue
                }
                let clamped = min(value.value, 100_000)
                if minuteUnits.contains(unit) {
                    minutes = Int(clamped)
                } else if hourUnits.contains(unit) {
                    minutes = Int(clamped * 60)
                }
            }
            if minutes != nil { break }
        }
        return minutes
    }
}
