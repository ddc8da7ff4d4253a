import CoachModel
import Foundation

/// The readings `understand` draws on, each of one thing a line may say: the reps someone
/// already does, a reason for a swap, an age, a list of exercises to replace, the muscle asked
/// about, the routine named, the pain question a sentence asks.
extension Interpreter {
    /// How many reps the line says the person already does ("I can do 8 to 12 pull-ups": 8): the
    /// number, in figures or words, at most two words after an `already_do` phrase. Said right
    /// after a piece of kit (`kitEnds`: where each piece named ends), only with an exercise
    /// named just after (`exerciseStarts`): "adjustable dbs up to 50, flat bench" is how heavy
    /// the dumbbells go, "a couple bands, can do about 6 strict pullups" a best.
    func repsAlready(
        in tokens: [String], spelled numbers: [PhraseIndex<Int>.Match], kitEnds: Set<Int> = [],
        exerciseStarts: Set<Int> = []
    ) -> Int? {
        let spelled = Dictionary(
            numbers.map { ($0.range.lowerBound, $0.value) }, uniquingKeysWith: { first, _ in first })
        for match in alreadyDo.matches(in: tokens) {
            let afterKit = kitEnds.contains(match.range.lowerBound) || kitEnds.contains(match.range.lowerBound - 1)
            for index in match.range.upperBound..<min(match.range.upperBound + 2, tokens.count) {
                // ("Dumbbells up to 30kg": a weight, not reps.)
                if index + 1 < tokens.count, weightWords.contains(tokens[index + 1]) { break }
                // ("A session I can do 2x a week": sessions, not reps.)
                if tokens[(index + 1)..<min(index + 4, tokens.count)].contains(where: weekWords.contains) { break }
                if afterKit, !(index + 1...index + 3).contains(where: exerciseStarts.contains) { continue }
                if let count = Int(tokens[index]) ?? spelled[index] { return count }
            }
        }
        return nil
    }

    /// The level a length of training says ("been lifting for about a year": intermediate): a
    /// count and a unit of time (`safety.lasting.units`; "a year" counts one) said within four
    /// words after a word of training (`training_experience.words`), and not time away or a
    /// date ("after 3 years off", "a year ago"). Nil when the line says none.
    func experienceLevel(in tokens: [String], spelled numbers: [PhraseIndex<Int>.Match]) -> Level? {
        guard !experienceWords.isEmpty else { return nil }
        let spelledEndingAt = EntityExtractor.valuesByEnd(numbers)
        for (index, token) in tokens.enumerated() {
            guard let unitDays = extractor.durationUnits[token], index > 0 else { continue }
            if index + 1 < tokens.count, experienceNotAfter.contains(tokens[index + 1]) { continue }
            guard let (countAt, count) = count(before: index, in: tokens, spelledEndingAt),
                countAt == 0 || !experienceNotBefore.contains(tokens[countAt - 1]),
                saysTraining(before: countAt, in: tokens) || saysTraining(after: index, countAt: countAt, in: tokens)
            else { continue }
            let days = count * unitDays
            if let advanced = experienceDays[.advanced], days >= advanced { return .advanced }
            if let intermediate = experienceDays[.intermediate], days >= intermediate { return .intermediate }
            return .beginner
        }
        return nil
    }

    /// Whether the last sentence of a line asks a question without its mark: it starts with
    /// one of `asks-unmarked` ("anything that does the same job").
    func asksUnmarked(_ text: String) -> Bool {
        guard let last = Self.sentences(text).last else { return false }
        // (Its last clause may ask it: "the lat pulldown is broken, what should I do instead".)
        return last.split(separator: ",").contains { clause in
            TextNormalizer.tokens(String(clause)).first.map(TextNormalizer.stem).map(unmarkedQuestionStarts.contains)
                ?? false
        }
    }

    /// The not-covered item a line names: a medical one first ("shrugs give me a headache" is
    /// about the headache), then one named by phrases said together, with no exercise named (the
    /// narrower: "when bench pressing, how much scapular retraction?" is about the bench press,
    /// not what retracting means), else the first named.
    func uncovered(in tokens: [String], namesAnExercise: Bool) -> String? {
        let named = notCovered.matches(in: tokens).map(\.value)
        if let medical = named.first(where: medicalUncovered.contains) { return medical }
        if !namesAnExercise,
            let together = notCoveredTogether.first(where: { item in
                item.lists.allSatisfy { !$0.matches(in: tokens).isEmpty }
            })
        {
            return together.id
        }
        return named.first
    }

    /// The count of a unit of time at `unit`: just before it, or one word before that ("2 long
    /// years"); "a year" counts one.
    private func count(before unit: Int, in tokens: [String], _ spelledEndingAt: [Int: Int]) -> (Int, Int)? {
        for at in [unit - 1, unit - 2] where at >= 0 {
            if let value = Int(tokens[at]) { return (at, value) }
            if let value = spelledEndingAt[at + 1] { return (at, value) }
            if at == unit - 1, tokens[at] == "a" || tokens[at] == "an" { return (at, 1) }
        }
        return nil
    }

    /// Whether a word of training is one of the two words after the unit at `unit` ("3 years
    /// training", "4 yrs of lifting"), the count at `countAt` not a rate's ("3 days a week, gym
    /// access" trains three days each week).
    private func saysTraining(after unit: Int, countAt: Int, in tokens: [String]) -> Bool {
        guard countAt == 0 || extractor.durationUnits[tokens[countAt - 1]] == nil else { return false }
        return tokens[(unit + 1)..<min(tokens.count, unit + 3)].contains(where: experienceWords.contains)
    }

    /// Whether a word of training comes within four words before `start`.
    private func saysTraining(before start: Int, in tokens: [String]) -> Bool {
        for at in max(0, start - 4)..<start {
            if experienceWords.contains(tokens[at]) { return true }
            if at + 1 < start, experienceWords.contains(tokens[at] + " " + tokens[at + 1]) { return true }
        }
        return false
    }

    /// Whether the words of a question (the caller checks it is one) say the person dislikes an exercise ("deadlifts
    /// bore me, something else for back day?"), or cannot do it yet and asks for something easier
    /// ("I can't hold the superman, is there an easier version?"): a swap is wanted. (Cannot do it
    /// yet alone asks how to get there: "can't do a single chin-up, where do I begin?")
    func swapReasonSaid(_ said: Set<SubstituteReason>, tokens: [String]) -> Bool {
        said.contains(.disliked) || said.contains(.cannotDoYet) && tokens.contains(where: easierWords.contains)
    }

    /// Whether a dislike is said only in the story while the question asks how to dose or load the
    /// exercise: "what weight should I start with for dumbbell rows? I feel silly with the 10s"
    /// asks for a weight, not for another exercise. (A dislike said in the question itself, "sick
    /// of face pulls, what else?", still asks for a swap.)
    func asksAMeasurePastADislike(_ text: String, _ asked: [(label: String, probability: Double)]) -> Bool {
        guard let first = asked.first, let ask = Ask(rawValue: first.label), ask.isMeasureOfAnExercise,
            first.probability >= Self.confidenceFloor
        else { return false }
        let questions = Self.questions(text)
        guard !questions.isEmpty else { return false }
        let inQuestions = reasons.matches(in: Self.stems(questions, spellings: spellings))
        return !inQuestions.contains { $0.value == SubstituteReason.disliked.rawValue }
    }

    /// Whether the asked part of a line (its questions, else the whole line) uses a word that asks
    /// for an alternative.
    func asksForAlternative(_ text: String) -> Bool {
        let asked = Self.questions(text)
        let words = TextNormalizer.tokens(asked.isEmpty ? text : asked.joined(separator: " ")).map(TextNormalizer.stem)
        return words.contains(where: alternativeWords.contains)
    }

    /// Whether every mention of the place `area` is said to be fine: just after a phrase of
    /// `area_fine_before` (at most one word between: "no problems with overhead presses") or just
    /// before one of `area_fine_after` ("my shoulder is fine, it's my rhomboid"). The pain the line
    /// reports is somewhere else.
    func saidFine(_ area: String, _ matches: [EntityMatch], tokens: [String]) -> Bool {
        let mentions = matches.filter { $0.entity == .painArea(area) }.map(\.range)
        guard !mentions.isEmpty else { return false }
        func endsAt(_ phrase: [String], _ end: Int) -> Bool {
            end >= phrase.count && tokens[(end - phrase.count)..<end].elementsEqual(phrase)
        }
        func startsAt(_ phrase: [String], _ start: Int) -> Bool {
            start + phrase.count <= tokens.count && tokens[start..<(start + phrase.count)].elementsEqual(phrase)
        }
        return mentions.allSatisfy { place in
            areaFineBefore.contains { endsAt($0, place.lowerBound) || endsAt($0, place.lowerBound - 1) }
                || areaFineAfter.contains { startsAt($0, place.upperBound) }
        }
    }

    /// Whether every mention of the place `area` is said just after a word of training it, at most
    /// two words between ("deadlifts bug my lower back, whats a sub that still builds my upper
    /// back": the upper back is to be built), with no word of pain or soreness beside it: a
    /// place to train, not one that hurts.
    func trainedOnly(_ area: String, _ matches: [EntityMatch], tokens: [String]) -> Bool {
        let mentions = matches.filter { $0.entity == .painArea(area) }.map(\.range)
        guard !mentions.isEmpty else { return false }
        let trainEnds = Set(Self.phraseEnds(trainsAreaPhrases, in: tokens))
        guard !trainEnds.isEmpty else { return false }
        let hurts = matches.filter { $0.entity == .pain || $0.entity == .soreness }.map(\.range)
        return mentions.allSatisfy { place in
            (place.lowerBound - 2...place.lowerBound).contains(where: trainEnds.contains)
                && !hurts.contains { hurt in
                    hurt.overlaps(place)
                        || hurt.lowerBound >= place.upperBound
                            && hurt.lowerBound - place.upperBound < Understanding.hurtWindow
                }
        }
    }

    /// The stemmed words that open a question of what, how or why ("what", "how", "when"): what
    /// marks the clause of a line that asks. (Not the yes-or-no openers: "can barely hold the
    /// dumbbell" opens with one and asks nothing.)
    static func questionOpeners(_ language: Language) -> Set<String> {
        Set(language.words(.opensQuestion).map(TextNormalizer.stem))
    }

    /// The pain question one sentence of a post asks (what it is, treating it, training through
    /// it, coming back), by the ask classifier alone: in a post about a pain, "should I take a
    /// muscle relaxant?" and "should I skip tomorrow's workout?" ask two things, each answered.
    /// Nil when the sentence asks none of them more than anything else.
    public func painAsk(ofQuestion question: String) -> Ask? {
        let understood = understand(question)
        if understood.painBetter, !understood.redFlag { return .painReturn }
        guard let best = asks.classify(understood.features).first, let ask = Ask(rawValue: best.label),
            ask.isPainAsk
        else { return nil }
        return ask
    }

    /// How many exercises the asked part of a line names, a family name ("rows") counting once:
    /// the questions of a post of several sentences (a row in the backstory is not weighed against
    /// the face pull asked about), else the whole line. With a swap word, two of them weigh one
    /// against the other ("pull-ups instead of rows?").
    func exercisesAsked(_ text: String, tokens: [String]) -> Int {
        let asked = Self.sentences(text).count >= 2 ? Self.questions(text) : []
        let words = asked.isEmpty ? tokens : Self.stems(asked, spellings: spellings)
        var named: Set<ExerciseID> = []
        var family = 0
        for match in extractor.extract(words).matches {
            switch match.entity {
            case let .exercise(id): named.insert(id)
            case .family: family = 1
            default: break
            }
        }
        return named.count + family
    }

    /// The exercises and families named with a word that sets them aside within three words
    /// before them ("a substitute that isn't just lat pulldowns", `set-aside`).
    func namesSetAside(_ matches: [EntityMatch], tokens: [String]) -> [EntityMatch] {
        matches.filter { match in
            (match.entity.isExercise || match.entity.isFamily)
                && Self.says(
                    setAsideWords, in: Array(tokens[max(0, match.range.lowerBound - 3)..<match.range.lowerBound]))
        }
    }

    /// The one exercise a word of pain or soreness follows within three words ("bent over rows
    /// feel awful"); nil when none or several do.
    func exerciseComplainedOf(_ matches: [EntityMatch]) -> ExerciseID? {
        let complaints = matches.filter { [.pain, .soreness, .redFlag, .sudden].contains($0.entity) }.map(\.range)
        let complained = matches.compactMap { match -> ExerciseID? in
            guard case let .exercise(id) = match.entity else { return nil }
            let end = match.range.upperBound
            return complaints.contains { $0.lowerBound >= end && $0.lowerBound <= end + 3 } ? id : nil
        }
        return Set(complained).count == 1 ? complained.first : nil
    }

    /// The kit of an exercise's usual way (its first).
    func usualKit(_ id: ExerciseID) -> Set<EquipmentID>? { wayKits[id]?.first }

    /// The not-covered item about people of the age the line says ("I'm 67", "58 years old",
    /// "aged 70"): the one for the oldest `from_age` the age reaches; nil when no age is said.
    func ageItem(_ tokens: [String]) -> String? {
        guard let youngest = byAge.first?.age else { return nil }
        let befores = Set(ageBefore.matches(in: tokens).map(\.range.upperBound))
        let afters = Set(ageAfter.matches(in: tokens).map(\.range.lowerBound))
        for (index, token) in tokens.enumerated() {
            guard let age = Int(token), age >= youngest, age <= 120,
                befores.contains(index) || afters.contains(index + 1),
                index + 1 >= tokens.count || !ageNotBefore.contains(tokens[index + 1])
            else { continue }
            return byAge.last { $0.age <= age }?.id
        }
        return nil
    }

    /// Exercises named as one list, when the line names no others: two or more names with only
    /// `list_joiners` and `phrase_gaps` words between them ("the seated cable row and lat
    /// pulldown", "bent over rows, face pulls and pull ups"); a family stands for its usual member.
    /// Empty otherwise ("face pulls and reverse flys instead of rows" weighs them against rows).
    func namedAsList(_ matches: [EntityMatch], tokens: [String]) -> [ExerciseID] {
        let named = matches.filter { match in
            switch match.entity {
            case .exercise, .family: true
            default: false
            }
        }.sorted { $0.range.lowerBound < $1.range.lowerBound }
        guard named.count >= 2 else { return [] }
        for (before, after) in zip(named, named.dropFirst()) {
            let between = tokens[min(before.range.upperBound, after.range.lowerBound)..<after.range.lowerBound]
            if !between.allSatisfy(listGlue.contains) { return [] }
        }
        var ids: [ExerciseID] = []
        for match in named {
            let id: ExerciseID? =
                switch match.entity {
                case let .exercise(id): id
                case let .family(members): members.first
                default: nil
                }
            if let id, !ids.contains(id) { ids.append(id) }
        }
        return ids.count >= 2 ? ids : []
    }

    /// Why a substitute is wanted: the reason its words say (the strongest when several do), else
    /// missing kit when some is missing.
    func substituteReason(
        _ reasonsSaid: Set<SubstituteReason>, missing: [EquipmentID], pain: Bool, weighsTwo: Bool,
        lacksKitOfAWay: Bool = false
    ) -> SubstituteReason? {
        var said = reasonsSaid
        if weighsTwo { said.insert(.swapFor) }
        // ("I can't do face pulls at my gym, no cable machine": can't for want of kit one of its
        // ways needs, not a move not yet mastered.)
        if lacksKitOfAWay { said.remove(.cannotDoYet) }
        if pain { return .pain }
        for reason in [SubstituteReason.swapFor, .cannotDoYet, .disliked, .travelling, .atHome]
        where said.contains(reason) {
            return reason
        }
        return missing.isEmpty ? nil : .missingKit
    }

    /// The muscle a line asks about: one of the upper back or shoulders before any other ("chest
    /// and traps" is about the traps here); none when it names only others and says it is about
    /// the back ("I train legs and chest, but what about my back?").
    func askedMuscle(_ muscles: [MuscleID], saysInScope: Bool) -> MuscleID? {
        if let inScope = muscles.first(where: upperBackMuscles.contains) { return inScope }
        return saysInScope ? nil : muscles.first
    }

    /// True for an entity that ties a question to the upper back.
    func isUpperBack(_ entity: Entity) -> Bool {
        switch entity {
        case .exercise, .family: true
        case let .muscle(id): upperBackMuscles.contains(id)
        case let .painArea(id): upperBackAreas.contains(id)
        // (A setting that explains upper back aches, "hunched over a laptop all day", is about them.)
        case .setting: true
        // (So is a body condition coach knows, every one of the back or shoulders: "spinal fusion
        // for my scoliosis ... a toned back and legs again?" is no question about legs alone.)
        case .condition: true
        default: false
        }
    }

    static func spellingVariants(_ knowledge: KnowledgeBase) -> [String: String] {
        var variants: [String: String] = [:]
        func collect(_ name: String, _ aliases: [String]) {
            let canonical = TextNormalizer.tokens(name).map(TextNormalizer.stem)
            guard canonical.count == 1, let target = canonical.first else { return }
            for alias in aliases {
                let tokens = TextNormalizer.tokens(alias).map(TextNormalizer.stem)
                guard tokens.count == 1, let word = tokens.first, word != target,
                    EditDistance.between(word, target, limit: 2) <= 2
                else { continue }
                variants[word] = target
            }
        }
        for item in knowledge.equipment { collect(item.name, item.aliases) }
        for muscle in knowledge.muscles { collect(muscle.name, muscle.aliases) }
        return variants
    }

    /// A named routine asked for by its words ("six minute band routine") or by its length. Its
    /// words do not name it when the line says another length or kit it lacks: "a quick upper back
    /// workout, 20 mins, dumbbells only" asks for a workout of its own.
    func routine(_ tokens: [String], minutes: Int?, have: [EquipmentID]) -> String? {
        func fits(_ routine: RoutineFit) -> Bool {
            (minutes == nil || routine.minutes == minutes)
                && (have.isEmpty || routine.equipment.allSatisfy(have.contains))
        }
        if let match = routineAsks.looseMatches(in: tokens, gap: 1).first {
            return routineMinutes.first { $0.id == match.value }.map(fits) == false ? nil : match.value
        }
        guard minutes != nil else { return nil }
        return routineMinutes.first(where: fits)?.id
    }

    /// The exercise a line says has stalled: the first named within four words after a word of a
    /// plateau ("stuck at 8 pullups", "plateaued on my rows") or with one just after it ("3 pull-ups
    /// max, been stuck there"), or nil.
    func exerciseStalled(_ matches: [EntityMatch], tokens: [String]) -> ExerciseID? {
        let ends = Array(Self.phraseEnds(plateauWords, in: tokens))
        for match in matches {
            guard case let .exercise(id) = match.entity else { continue }
            if ends.contains(where: { match.range.lowerBound >= $0 && match.range.lowerBound <= $0 + 3 }) { return id }
            // ("I can do 3 pull-ups max, been stuck there for 2 months": the plateau said just after.)
            if ends.contains(where: { $0 > match.range.upperBound && $0 <= match.range.upperBound + 5 }) { return id }
        }
        return nil
    }

    /// The gym machines of exercises said to be taken ("gym's lat pulldown is always taken by the
    /// same dude") or not there ("no lat pulldown"): an exercise done only on gym-only kit, with a
    /// word of denial just before its name or a word of being unavailable within
    /// ten words after its name ("lat pulldown at my gym has had an out of order sign") and before
    /// the next name.
    func busyMachines(_ matches: [EntityMatch], tokens: [String]) -> [EquipmentID] {
        var kits: [EquipmentID] = []
        for (index, match) in matches.enumerated() {
            guard case let .exercise(id) = match.entity, let usual = usualKit(id), !usual.isEmpty,
                usual.isSubset(of: gymOnlyKit)
            else { continue }
            let next = index + 1 < matches.count ? matches[index + 1].range.lowerBound : tokens.count
            let end = min(tokens.count, match.range.upperBound + 10, max(next, match.range.upperBound))
            // ("Has no lat pulldown and no pull-up bar": the machine denied by name, just before.)
            // ("Some guy camps on the lat pulldown": taken, said just before.)
            let deniedBefore =
                match.range.lowerBound > 0 && extractor.negators.contains(tokens[match.range.lowerBound - 1])
                || extractor.saysUnavailable(tokens[max(0, match.range.lowerBound - 3)..<match.range.lowerBound])
            if deniedBefore || extractor.saysUnavailable(tokens[match.range.upperBound..<end]) {
                kits += usual.filter { !kits.contains($0) }
            }
        }
        return kits
    }

    /// Whether the line names a body part as a place (that may hurt), not inside the name of a goal
    /// ("rounded shoulders" or "shoulders rounded" is posture, not a shoulder) and not said as
    /// muscles (`saidAsMuscles`).
    static func namesAPlace(_ matches: [EntityMatch], tokens: [String], musclesWords: Set<String>) -> Bool {
        let goals = matches.filter { if case .goal = $0.entity { true } else { false } }.map(\.range)
        return matches.contains { match in
            guard match.entity.isPainArea,
                !saidAsMuscles(match.range, tokens: tokens, musclesWords: musclesWords)
            else { return false }
            return !goals.contains {
                $0.lowerBound <= match.range.lowerBound && match.range.upperBound <= $0.upperBound
            }
        }
    }

    /// Whether the place at `place` is said as muscles: a word for muscles just after it ("neck
    /// muscles") or at most three words before it ("the muscles between the shoulder blades").
    static func saidAsMuscles(_ place: Range<Int>, tokens: [String], musclesWords: Set<String>) -> Bool {
        if place.upperBound < tokens.count, musclesWords.contains(tokens[place.upperBound]) { return true }
        return tokens[max(0, place.lowerBound - 3)..<place.lowerBound].contains(where: musclesWords.contains)
    }

    /// The line read with its words of soreness and where it is felt left out ("shoulder blades on
    /// fire in a good way, what's the next progression"): the training question beside them, when
    /// that reading is no safety question and asks no pain question; else nil.
    /// (`alsoPain`: the words of a pain said to be healed are left out too: "fully healed from a
    /// rhomboid strain, pain free for months, how do I push my row past 100 kg?".)
    func readingWithoutSoreness(_ text: String, tokens: [String], matches: [EntityMatch], alsoPain: Bool = false)
        -> (intent: Understanding.IntentScore, asks: [(label: String, probability: Double)])?
    {
        let sore = matches.filter { match in
            match.entity.isSorenessWord
                || alsoPain && [.pain, .lasting, .lastingSoreness, .painBetter, .cleared].contains(match.entity)
        }.map(\.range)
        let calm = tokens.indices.filter { index in !sore.contains { $0.contains(index) } }.map { tokens[$0] }
        let calmFeatures = features.features(calm, extractor.extract(calm).matches)
        let asked = Self.askFeatures(
            text, all: calmFeatures, extractor: extractor, features: features, spellings: spellings,
            openers: questionOpeners)
        let calmAsks = asks.classify(asked)
        // (A healed injury is backstory: the intent is read from the question's own sentences. A
        // soreness is read with the whole line, since "how long will this last?" asks about it.)
        guard
            let top = intents.classify(alsoPain ? asked : calmFeatures).first.flatMap({ scored in
                Intent(rawValue: scored.label).map { Understanding.IntentScore(intent: $0, score: scored.probability) }
            }), top.intent != .safety,
            calmAsks.first.flatMap({ Ask(rawValue: $0.label) }).map({ !$0.isAboutHowItFeels }) == true
        else { return nil }
        return (top, calmAsks)
    }
}
