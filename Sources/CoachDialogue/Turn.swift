import CoachModel
import CoachRecommending
import CoachUnderstanding

/// One line being answered: what was understood, plus what the conversation filled in.
struct Turn {
    var understanding: Understanding
    var intent: Intent
    /// The intent is too doubtful to answer: coach asks which of the likeliest was meant.
    var clarifies = false
    var exercise: ExerciseID?
    var entities: Reply.Entities
    /// Equipment had and missing, after generic words ("machine") are resolved.
    var have: [EquipmentID]
    var missing: [EquipmentID]
    /// How the conversation or a rule changed what was understood (`TurnResolver`), for `/why`.
    var reasons: [Reason] = []
    /// A change to the last workout said after other questions ("skip the warm up" once stretching
    /// was asked about): the workout is still the one to change.
    var backToPlan = false

    init(understanding: Understanding) {
        self.understanding = understanding
        intent = understanding.intent
        exercise = understanding.exercise
        have = understanding.have
        missing = understanding.missing
        pointFeatures = understanding.pointFeatures
        askedWords = understanding.words
        entities = Reply.Entities(
            exercise: understanding.exercise, muscle: understanding.muscle, equipmentHave: understanding.have,
            equipmentMissing: understanding.missing, minutes: understanding.minutes, level: understanding.level)
    }

    /// The words that say which point of an exercise is asked about: in a long post, only those
    /// of its question (the backstory may mention a back or elbows in passing).
    var pointFeatures: [String]
    /// The two exercises just compared, when the line asks to choose between them ("ok if i only
    /// pick one?"): what it compares, though it names neither.
    var comparedPair: [ExerciseID] = []

    /// The words of the asked part of the line, as read: its questions, or with none its last
    /// sentence, in a line of several sentences; else the whole line.
    var askedWords: [String] = []

    /// In a post about a pain that asks several questions, the pain question each asks, in order,
    /// once each (`Interpreter.painAsk(ofQuestion:)`), with the question that first asks it: every
    /// one gets its answer.
    var questionPainAsks: [(question: String, ask: Ask)] = []

    /// Asked whether to stop an exercise that hurts, right after saying so, where a way of it
    /// spares the sore area (`TurnResolver.readStopOrKeepAfterPain`): answered with that way.
    var stopsForAWaySparing = false
    /// Asked whether to stop a move right after saying what it does does not hurt
    /// (`TurnResolver.readStopAfterPainless`): no need while it does not.
    var stopsAfterPainless = false
    /// The training days the line names, asked which one an exercise belongs on
    /// (`TurnResolver.readWhichDay`), as said ("back day").
    var daysAsked: [String] = []
    /// The sets and reps done now, said right after when to go heavier was answered
    /// (`TurnResolver.readSetsAfterWhenHeavier`): the same question, with them.
    var continuesWhenHeavier = false

    /// The line was answered as ordinary muscle soreness, or as the stiffness of long sitting:
    /// nothing to spare in what follows.
    var nothingToSpare = false
    /// Pain areas of this line that the workout asked for is built around (`TurnResolver`):
    /// reported from now on, as a safety reply would report them.
    var workAround: [String] = []
    /// Areas said to be worn out from earlier training, not hurt ("my lower back is tired from
    /// deadlifts"): the workout of this line leaves them out, but they are not reported as pain.
    var tiredAreas: [String] = []
    /// Right after a workout, the days of a week asked of it ("i train back twice a week, should
    /// both days be the same?"): the last session is day 1 of that many (`TurnResolver`).
    var weekOfLast: Int?

    /// In a post of several sentences with marked questions, the exercises its questions name
    /// (the backstory's "had just hit my first 10 pull-ups" is not what "how do I keep my back
    /// from wasting away?" asks about); nil for a line without that shape.
    var questionExercises: [ExerciseID]?

    /// Whether a question of the line asks yes or no ("could it be my rotator cuff?"), by its first
    /// word (the `yes-no` signal).
    var asksYesNo = false
    /// A yes or no asked, or a last sentence of several that opens as one with no question mark
    /// in the line ("all i have is a towel and a door. can i even do rows with that"): whether a
    /// kit said can do the move is asked.
    var endsAskingYesNo = false
    /// A yes or no asked after a comma too ("I had a baby in May, can I start rows again?").
    var asksYesNoAfterComma = false
    /// Whether the line asks a question: one with a question mark, or a sentence that opens as a
    /// yes-or-no question without one.
    var asksQuestion = false
    /// Whether a clause after a comma opens with what, how or when ("thx, how many reps should i
    /// do of those"): a question that a thanks before it does not end.
    var asksAfterComma = false

    /// Makes `exercise` the one the turn is about, in the turn and in its understanding alike (a
    /// follow-up read as about the exercise just discussed).
    mutating func setExercise(_ exercise: ExerciseID?) {
        self.exercise = exercise
        understanding.exercise = exercise
    }

    /// True when the classifier's words include one of `words` (compared as stems).
    func mentions(_ words: [String]) -> Bool {
        words.contains { understanding.features.contains(TextNormalizer.stem($0)) }
    }

    /// The place in a list the line names ("the second one", "the 3rd", "the last"): 1 for the
    /// first, -1 for the last; nil when it names none. (The normaliser splits "3rd" into "3 rd",
    /// so two words together are tried as well.)
    func placeSaid(_ ordinals: [String: Int]) -> Int? {
        let said = understanding.words
        let joined = zip(said, said.dropFirst()).map { $0 + $1 }
        return (said + joined).lazy.compactMap { ordinals[$0] }.first
    }

    /// The item at a place said in a list of `count` (1-based, -1 the last), as an index.
    static func index(of place: Int, in count: Int) -> Int? {
        let index = place > 0 ? place - 1 : count + place
        return (0..<count).contains(index) ? index : nil
    }

    /// True when the question itself asks about `word`.
    func asksAbout(_ words: [String]) -> Bool {
        words.contains { pointFeatures.contains(TextNormalizer.stem($0)) }
    }

    /// The kit an everyday thing said as had stands in for ("a backpack full of books": a
    /// dumbbell), if the line names one (`everyday` in equipment.yaml, read by the extractor).
    var everydayKit: EquipmentID? { understanding.everydayKit.first(where: have.contains) }

    /// Whether the line tells of a milestone: a PR, something finally done, or a first rep
    /// achieved ("hit my first pull-up ever": "first" with a word of achieving).
    /// (Not one still worked toward: "training for my first ever pull up", nor "got" said of kit
    /// by someone who cannot do it yet: "chinups are way beyond me, all i've got is a door bar,
    /// whats the path to my first one".)
    func tellsOfMilestone(_ language: Language) -> Bool {
        let achieved = says(language.words(.achieved))
        // (The word of achieving just before "first": "hit my first", "got my first one".)
        let words = understanding.words
        let achievedWords = Set(language.words(.achieved).map(TextNormalizer.stem))
        let achievedFirst = words.indices.contains { index in
            words[index] == "first" && words[max(0, index - 3)..<index].contains(where: achievedWords.contains)
        }
        return achievedFirst
            || says(language.words(.celebrates)) && (understanding.substituteReason != .cannotDoYet || achieved)
    }

    /// Whether the asked part of the line (`askedWords`) asks to be given a plan in so many words: a
    /// word of asking for something (`asks-to-be-given`) with a plan noun a few words after ("can
    /// u suggest a gentle upper back routine", "need a back workout"). (A backstory's "you
    /// suggested a 5x5 program" asks for none.)
    func asksToBeGivenAPlan(_ language: Language) -> Bool {
        let said = askedWords
        let asking = Set(language.words(.asksToBeGiven))
        let plans = language.words(.planNoun).map { TextNormalizer.tokens($0).map(TextNormalizer.stem) }
        for (index, word) in said.enumerated() where asking.contains(word) {
            let after = Array(said[(index + 1)..<min(said.count, index + 1 + Self.wordsToAPlan)])
            // (A plan of two words, "write me a back day", counts as one.)
            if plans.contains(where: { plan in
                after.indices.contains { after[$0...].starts(with: plan) }
            }) {
                return true
            }
        }
        return false
    }

    /// At most this many words stand between asking to be given and the plan asked for ("suggest
    /// a gentle upper back routine").
    static let wordsToAPlan = 6

    /// Whether the line says its kit is all there is ("only dumbbells", "just a band"), not that
    /// it was just got ("just got one of those doorway bars" adds a bar).
    func saysOnlyKit(_ language: Language) -> Bool {
        let words = understanding.words
        let only = language.understanding.wordsAsRead(.only)
        let acquired = language.understanding.wordsAsRead(.acquired)
        return words.indices.contains { index in
            only.contains(words[index]) && !(index + 1 < words.count && acquired.contains(words[index + 1]))
        }
    }

    /// Whether the asked part of the line asks which plan is good: a word of quality (`plan-quality`:
    /// "good", "best") with a plan noun at most three words after it ("what's a good back workout
    /// for the gym?"), or a plan noun with what it should look like at most three words after it
    /// (`asks-looks-like`: "what should an upper back day look like?").
    func asksWhichPlanIsGood(_ language: Language) -> Bool {
        let said = askedWords
        let quality = language.understanding.wordsAsRead(.planQuality)
        let plans = language.understanding.wordsAsRead(.planNoun).map { $0.split(separator: " ").map(String.init) }
        let startsAPlan = { (words: ArraySlice<String>) in
            plans.contains(where: { plan in words.indices.contains { words[$0...].starts(with: plan) } })
        }
        for (index, word) in said.enumerated() where quality.contains(word) {
            if startsAPlan(said[(index + 1)..<min(said.count, index + 4)]) { return true }
        }
        let looks = language.understanding.wordsAsRead(.asksLooksLike).map { $0.split(separator: " ").map(String.init) }
        for (index, _) in said.enumerated() where looks.contains(where: { said[index...].starts(with: $0) }) {
            if startsAPlan(said[max(0, index - 4)..<index]) { return true }
        }
        return false
    }

    /// How many exercises the line asks a workout to have ("only 3 exercises", "too many
    /// exercises, like 3 max"): a count from 1 to 8 just before a word for exercises, or before
    /// a word of at most in a line that speaks of exercises; nil when none is said.
    func exerciseCountSaid(_ language: Language) -> Int? {
        let said = understanding.words
        let exerciseWords = Set(language.words(.exerciseWords))
        let atMost = Set(language.words(.atMost))
        let speaksOfExercises = said.contains(where: exerciseWords.contains)
        for (index, word) in said.enumerated().dropLast() {
            guard let count = Int(word) ?? language.numbers[word], (1...8).contains(count) else { continue }
            let next = said[index + 1]
            if exerciseWords.contains(next) || speaksOfExercises && atMost.contains(next) { return count }
        }
        return nil
    }

    /// Whether the line says "only" and "one" apart ("I only have time for one").
    func saysOnlyOne(_ language: Language) -> Bool {
        guard says(.only, language) else { return false }
        return understanding.words.contains { language.numbers[$0] == 1 || Int($0) == 1 }
    }

    /// True when the line says one of a signal's words or phrases, as `says(_:)` does, from the
    /// signal's words as read, worked out once at load.
    func says(_ signal: Signal, _ language: Language) -> Bool {
        Interpreter.says(
            language.understanding.wordsAsRead(signal),
            in: understanding.words)
    }

    /// True when the line as read says one of `phrases` (one word, or two neighbouring words,
    /// stemmed), small words included: "just hit my first pull-up" says "just hit".
    func says(_ phrases: [String]) -> Bool {
        Interpreter.says(
            Interpreter.phrasesAsRead(phrases), in: understanding.words)
    }

    /// The muscles the line names, in the order named, each once.
    var musclesNamed: [MuscleID] {
        var ids: [MuscleID] = []
        for match in understanding.matches {
            if case let .muscle(id) = match.entity, !ids.contains(id) { ids.append(id) }
        }
        return ids
    }
}

extension ConversationState {
    /// Updates the conversation with what this turn established. (`safety`: which pain areas
    /// stand in for others, so that "overhead" said after "shoulder" is not a second pain.)
    mutating func remember(_ turn: Turn, safety: SafetyKnowledge) {
        if let exercise = turn.exercise { lastExercise = exercise }
        // ("At the gym" is where the person is for this request: the next one, "10 minutes at
        // home", must not inherit a gym's machines.)
        if !turn.have.isEmpty, !turn.understanding.wholeGym, turn.clarifies || turn.intent != .safety {
            equipment = Set(turn.have)
            missing.subtract(turn.have)
            // "I only have dumbbells and a bench" says what the person owns: it is kept in the
            // profile. "10 minutes with a band" only shapes this workout.
            if turn.clarifies || turn.intent != .workout { profileEquipment = Set(turn.have) }
        }
        if !turn.missing.isEmpty {
            missing.formUnion(turn.missing)
            equipment?.subtract(turn.missing)
        }
        if turn.understanding.redFlag { redFlagReported = true }
        if turn.understanding.levelIsOwn, let level = turn.understanding.level { profileLevel = level }
        if !turn.clarifies, turn.intent == .safety, turn.understanding.painMentioned, !turn.nothingToSpare {
            for area in turn.understanding.painAreas { report(area, safety) }
        }
        for area in turn.workAround { report(area, safety) }
        if !turn.clarifies { lastIntent = turn.intent }
    }

    /// Adds a pain area, unless it or a wider one it stands in for is reported already.
    private mutating func report(_ area: String, _ safety: SafetyKnowledge) {
        let wider = safety.painArea(area)?.insteadOf ?? []
        guard !painReported.contains(area), !wider.contains(where: painReported.contains) else { return }
        painReported.append(area)
    }
}
