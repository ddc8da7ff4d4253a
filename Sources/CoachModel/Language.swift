/// The words coach understands beyond names: training phrases for each intent, synonyms,
/// number words, level phrases, fillers and stopwords.
public struct Language: Hashable, Sendable, Codable {
    /// Training phrases by intent id, with slots such as `{exercise}`.
    public var intents: [String: [String]]
    /// A word or phrase people type, and the word coach understands instead.
    public var synonyms: [String: String]
    public var numbers: [String: Int]
    /// Words for a position in a list ("second", "3rd", "last" as -1): which exercise of the
    /// last workout a change means ("swap the second one").
    public var ordinals: [String: Int] = [:]
    /// Well-known exercises to name as examples when coach asks which exercise is meant.
    public var exampleExercises: [ExerciseID] = []
    public var levels: [Level: [String]]
    public var fillers: [String]
    public var stopwords: [String]
    /// Names shared by several exercises ("rows"), each with the exercises it may mean.
    public var families: [String: [ExerciseID]] = [:]
    /// Training goals ("posture") and the muscles a workout for them leans on.
    public var goals: [String: [MuscleID]] = [:]
    /// Other ways to say a goal ("back wider"), each read as the goal it stands for ("wider back").
    public var goalAliases: [String: String] = [:]
    /// Training days people split their week into ("back day", "push day"), each with the muscle
    /// ids it trains: which day an exercise belongs on.
    public var trainingDays: [String: [String]] = [:]
    /// Each training day as a line's words read it (stemmed), with the day it is: worked out once
    /// at load, not stemmed on every turn.
    public var trainingDaysAsRead: [String: String] = [:]
    /// Generic equipment words ("machine") and the equipment they may mean.
    public var equipmentFamilies: [String: [EquipmentID]] = [:]
    /// Words with a fixed role in reading a request.
    public var understanding = UnderstandingWords()
    /// What each ask means, by `Ask` id (from `asks.yaml`).
    public var asks: [String: String] = [:]
    /// Training phrases for each ask, by `Ask` id.
    public var askPhrases: [String: [String]] = [:]
    /// The intents each ask can be asked under, by `Ask` id.
    public var askIntents: [String: [String]] = [:]
    /// What each reason for a substitute means, by `SubstituteReason` id.
    public var substituteReasons: [String: String] = [:]
    /// Phrases that say why someone wants a substitute ("i hate", "at home").
    public var reasonPhrases: [SubstituteReason: [String]] = [:]
    /// Whole questions labelled with their intent and ask (`language/examples/*.yaml`): they teach
    /// both classifiers the way people really ask.
    public var examples: [LabelledExample] = []
    /// Common English words, separated by spaces (`language/english.yaml`): spelling correction
    /// never replaces one of them. One string, not an array: it is kept in the built-in snapshot,
    /// and one string of 37,000 words reads back in a fraction of the time of 37,000 strings.
    public var englishWords = ""
    /// How people log sets and ask about their log (`language/log.yaml`).
    public var log = LogLanguage()
    /// What people ask that the articles do not cover (`not_covered` in topics.yaml).
    public var notCovered: [NotCovered] = []

    /// The words of a signal (`signals:` in the vocabulary).
    public func words(_ signal: Signal) -> [String] { understanding.words(signal) }
    /// What the articles do not cover, by its id.
    public func uncovered(_ id: String) -> NotCovered? { notCovered.first { $0.id == id } }

    public init(
        intents: [String: [String]], synonyms: [String: String], numbers: [String: Int], levels: [Level: [String]],
        fillers: [String], stopwords: [String], families: [String: [ExerciseID]] = [:],
        goals: [String: [MuscleID]] = [:],
        equipmentFamilies: [String: [EquipmentID]] = [:], asks: [String: String] = [:],
        substituteReasons: [String: String] = [:]
    ) {
        self.intents = intents
        self.synonyms = synonyms
        self.numbers = numbers
        self.levels = levels
        self.fillers = fillers
        self.stopwords = stopwords
        self.families = families
        self.goals = goals
        self.equipmentFamilies = equipmentFamilies
        self.asks = asks
        self.substituteReasons = substituteReasons
    }
}

/// Words that steer how a request is read: which say equipment is missing, which are units.
public struct UnderstandingWords: Hashable, Sendable, Codable {
    /// Words before an equipment name that mean the person lacks it ("no", "without").
    public var missingWords: [String] = []
    /// Words just after an equipment name that mean it cannot be used ("the cable machine is
    /// taken", "the rack is busy").
    public var missingAfterWords: [String] = []
    /// Phrases that deny the use of kit named just after them (`denies_use`): "my parents wont let
    /// me use barbells" has no barbell to use.
    public var deniesUse: [String] = []
    public var minuteWords: [String] = []
    public var hourWords: [String] = []
    /// Words before an equipment name that mean the person has it ("only", "just", "with").
    public var haveWords: [String] = []
    /// Words that may stand between a denial and a have-word ("don't actually have", "no longer
    /// own"): the have-word is still denied.
    public var denialFillers: [String] = []
    /// Words that say a sign or soreness just after them is absent ("no swelling", "not sore",
    /// "nothing going down my arm"): fewer than `missingWords`, whose "left" or "lost" deny kit
    /// but not a "left hand" that went pale.
    public var signNegators: [String] = []
    /// Words that say a word of pain just after them is absent ("zero aches", "never hurts"):
    /// not "without", which says it hurts ("can't row without pain").
    public var painNegators: [String] = []
    /// Words for "things" that kit after them belongs to ("anything", "stuff"): said after a word
    /// of leaving out or swapping ("swap out anything with a barbell"), that kit is left out.
    public var kitThings: [String] = []
    /// Words of roughly between a number and its unit ("20ish min", "30 odd minutes").
    public var roughWords: [String] = []
    /// Words of more of something, just before kit ("without buying more bands", "no heavier
    /// dumbbells"): the person has that kit, only not more of it.
    public var moreOfWords: [String] = []
    /// Words that single out, just before kit, what is left when the rest is gone ("everything
    /// is taken except the Smith machine"): the person has that kit.
    public var exceptWords: [String] = []
    /// Phrases that hold an exercise's name without naming it ("4 in a row" is four straight).
    public var notNames: [String] = []
    /// Words after a length of time that make it a rate ("9 hours a day", "3 hours per week"):
    /// how long someone sits or sleeps, not how long the workout is.
    public var rateWords: [String] = []
    /// Words said just before a long time that make it time spent sitting or working ("at a desk
    /// 9hrs"), not a workout's length: `sitting_words`.
    public var sittingWords: [String] = []
    /// Words said with an age: just before it ("I'm 67", "aged 58") or just after it ("58 years
    /// old", "45 f").
    public var ageBefore: [String] = []
    public var ageAfter: [String] = []
    /// Words after a number that make it no age ("I'm 60 kg").
    public var ageNotBefore: [String] = []
    /// Phrases that say someone cannot lie down a way to train ("I can't lie face down"), by
    /// `Lying` id.
    public var cannotLie: [String: [String]] = [:]
    /// Positions named in a line that reports pain ("bending over just feels awful on my back"):
    /// the pain is blamed on the position, so its ways are ruled out as `cannotLie`'s are, by
    /// `Lying` id. (Said without pain, "bending over" rules nothing out.)
    public var positionsWhenHurting: [String: [String]] = [:]
    /// Places and positions where lying down is out for this workout ("at my desk", "in the
    /// office"): unlike `cannotLie`, they hold for the line that says them, not the conversation.
    public var floorlessPlaces: [String] = []
    /// Phrases asking how to do something ("how do I do it", "how to perform"): said with what
    /// an exercise is, the whole how-to answers both.
    public var howToDo: [String] = []
    /// Phrases that, just before a number, say how many reps the person already does ("I can do
    /// 8 pull-ups", "I'm at 5").
    public var alreadyDo: [String] = []
    /// Words of training said just before a duration ("been lifting for about a year"): that
    /// length of training is the person's level.
    public var experienceWords: [String] = []
    /// The fewest days of training each level above beginner starts at (`training_experience`).
    public var experienceDays: [Level: Int] = [:]
    /// Words just after such a duration, or just before its count, that make it time away
    /// ("after 3 years off").
    public var experienceNotAfter: [String] = []
    public var experienceNotBefore: [String] = []
    /// Words that make such a place the person's day, not where they will train, when said just
    /// before it ("I sit at my desk all day"), or a place with a floor after all, just after it
    /// ("the office gym").
    public var floorlessNotAfter: [String] = []
    /// Phrases against floor work itself ("no floor stuff pls"): for the rest of the conversation.
    public var floorlessLasting: [String] = []
    public var floorlessNotBefore: [String] = []
    /// Words of leaving something behind: one of them in the few words before such a place makes
    /// it where the kit is, not where the person trains ("forgot my band at the office").
    public var floorlessLeftBehind: [String] = []
    /// Words that make such a place a workplace ("at my desk", "in the office", "on a plane"):
    /// no gym kit there either, only what any room has, unless the person says they have more.
    public var floorlessWithoutKit: [String] = []
    /// Phrases that offer the floor as well ("at my desk / on the floor"): said apart from a
    /// phrase against floor work, the place is no reason to leave floor work out.
    public var floorOffered: [String] = []
    /// How someone says how often they will train ("twice a week", "3x/week", "daily").
    public var sessionsAWeek = SessionsAWeekWords()
    /// Lines that start guided mode after a workout ("start", "let's go").
    public var startWords: [String] = []
    /// Things plainly outside the upper back ("bench press", "calves", "recipe").
    public var outOfScope: [String] = []
    /// Lines that end the chat ("quit", "exit").
    public var quitWords: [String] = []
    /// Words that join a list of equipment ("no band or dumbbells"): a name after one shares the
    /// side of the name before it.
    public var listJoiners: [String] = []
    /// Words just before a level that make it the person's own ("I'm advanced", "I've been
    /// lifting for years"): it is kept in the profile, not only used for one workout.
    public var ownLevelWords: [String] = []
    /// Small words a name may have inside it and still be found ("face the pull" is not, but
    /// "pull my shoulder blades" finds "pull shoulder blades").
    public var phraseGaps: [String] = []
    /// The body parts and phases a cue or mistake can be `about` (see `SourcedText.about`).
    public var cueTopics: [String] = []
    /// Other words a question uses for a cue topic ("scapula" and "retract" for shoulders), by topic.
    public var cueTopicWords: [String: [String]] = [:]
    /// Cue topics whose own name is an everyday word ("back" in "should my elbow go straight
    /// back?"): named by that word alone, they count only when no other topic is named.
    public var weakCueTopics: [String] = []
    /// Phrases that say every piece of equipment is at hand ("full gym", "access to everything").
    public var wholeGym: [String] = []
    /// Phrases that name a small gym ("the hotel gym", "my apartment gym"), and the kit such a
    /// gym usually has (`smallGymKit`): assumed, and said so, when the line names no kit of its own.
    public var smallGyms: [String] = []
    public var smallGymKit: [EquipmentID] = []
    /// That kit as a reply says it ("dumbbells and a bench").
    public var smallGymKitSaid = ""
    /// Words that steer a reply, by `Signal` id.
    public var signals: [String: [String]] = [:]
    /// Muscle regions whose muscles keep a question in scope ("upper-back", "shoulder").
    public var scopeRegions: [String] = []
    /// Pain areas that keep a question in scope.
    public var scopePainAreas: [String] = []
    /// Phrases that keep a question in scope though it names other body parts too ("I train legs
    /// and chest, but what about my back?").
    public var scopePhrases: [String] = []

    /// The words of a signal, as written in the knowledge (normalised at load).
    public func words(_ signal: Signal) -> [String] { signals[signal.rawValue] ?? [] }
    /// Each signal's words as a line's words read them (stemmed, the words of a phrase joined by a
    /// space), worked out once at load: looked up on every turn, they were stemmed on every turn.
    public var signalsAsRead: [String: Set<String>] = [:]
    /// The words of a signal as a line's words read them (`signalsAsRead`).
    public func wordsAsRead(_ signal: Signal) -> Set<String> { signalsAsRead[signal.rawValue] ?? [] }

    public init(
        missingWords: [String] = [], minuteWords: [String] = [], hourWords: [String] = [], haveWords: [String] = [],
        startWords: [String] = [], outOfScope: [String] = []
    ) {
        self.missingWords = missingWords
        self.minuteWords = minuteWords
        self.hourWords = hourWords
        self.haveWords = haveWords
        self.startWords = startWords
        self.outOfScope = outOfScope
    }
}

/// Every fixed sentence coach says, by key. Sentences may hold `{placeholders}`.
public struct Replies: Hashable, Sendable, Codable {
    public var templates: [String: String]

    public init(templates: [String: String]) { self.templates = templates }

    /// The sentence for `key` with its placeholders filled; a missing key shows itself plainly
    /// (the validator makes sure none is missing from a checked knowledge base).
    /// A `{` inside a placeholder starts it again ("{a{b}" keeps "{a"); a placeholder with no
    /// value, or with no `}`, stays as written.
    public func callAsFunction(_ key: ReplyKey, _ values: [String: String] = [:]) -> String {
        Self.fill(templates[key.rawValue] ?? "[\(key.rawValue)]", values)
    }

    /// "a, b and c": commas between the items, the last joined by "and" (`join.list`, `join.and`).
    /// (`last`: the word before the last item, "and" or "or": "a towel, a band or a dumbbell".)
    public func listed(_ items: [String], last: ReplyKey = .joinAnd) -> String {
        guard items.count > 2 else { return items.joined(separator: self(last)) }
        return items.dropLast().joined(separator: self(.joinList)) + self(last) + items[items.count - 1]
    }

    /// `template` with its `{placeholders}` filled from `values`.
    public static func fill(_ template: String, _ values: [String: String] = [:]) -> String {
        let utf8 = template.utf8
        guard !values.isEmpty, var open = utf8.firstIndex(of: UInt8(ascii: "{")) else { return template }
        var text = String(template[..<open])
        while true {
            let nameStart = utf8.index(after: open)
            guard let end = utf8[nameStart...].firstIndex(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") })
            else {
                text += template[open...]
                return text
            }
            if utf8[end] == UInt8(ascii: "{") {
                text += template[open..<end]
                open = end
                continue
            }
            let name = String(template[nameStart..<end])
            text += values[name] ?? "{\(name)}"
            let after = utf8.index(after: end)
            guard let next = utf8[after...].firstIndex(of: UInt8(ascii: "{")) else {
                text += template[after...]
                return text
            }
            text += template[after..<next]
            open = next
        }
    }
}

/// A question written for training, with the intent and ask it has. `from` names the dev-split
/// line it was written from (so cross-validation can hold it out with that line), or is nil for
/// one written from the knowledge.
public struct LabelledExample: Hashable, Sendable, Codable {
    public var text: String
    public var intent: Intent
    public var ask: Ask
    public var from: String?
    /// Whether it trains the intent classifier as well as the ask classifier (`teaches` in its file).
    public var teachesIntent = true

    public init(text: String, intent: Intent, ask: Ask, from: String? = nil, teachesIntent: Bool = true) {
        self.text = text
        self.intent = intent
        self.ask = ask
        self.from = from
        self.teachesIntent = teachesIntent
    }
}

/// Something people ask that the articles do not cover ("training to failure"): coach says so,
/// then gives the nearest topic it has.
public struct NotCovered: Hashable, Sendable, Codable {
    public var id: String
    /// What it is, as the reply names it ("training to failure").
    public var what: String
    public var phrases: [String]
    /// Also named by a line that says a phrase of each of these lists and none of the exercises
    /// ("the bench press" and "shoulder blades": how to set the shoulder blades on a press), for
    /// a matter that two things said together name where no one phrase does.
    public var saidWith: [[String]] = []
    /// The id of the nearest topic.
    public var nearest: String?
    /// A doctor or physiotherapist can assess it (a condition, not a training choice).
    public var medical: Bool
    /// An exercise's own facts answer it when the question names one ("full range on pull-ups"):
    /// then the exercise is answered, not this.
    public var exerciseAnswers = false
    /// The muscle it trains, when it is an exercise the articles leave out (shrugs: the
    /// trapezius): the nearest they have are the exercises that train that muscle.
    public var nearestMuscle: MuscleID?
    /// The exercise of theirs it is a version of, when there is one (the reverse pec deck: the
    /// reverse fly): a follow-up about its form ("should my arms be straight?") is answered from
    /// that exercise.
    public var nearestExercise: ExerciseID?
    /// The goal its question is nearest to, when that is a goal the exercises serve (a rounded
    /// upper back: posture): the nearest they have are the exercises for that goal.
    public var nearestGoal: String?
    /// What a coach would generally say, in the team's words (the articles are silent): given
    /// after the plain statement that they do not cover it, marked as general guidance.
    public var guidance: String?
    /// What a coach would say instead of `guidance` when a piece of kit it is usually done with
    /// is said missing ("no bench at home, how do I do chest supported rows?"), by that kit.
    public var without: [EquipmentID: String] = [:]
    /// How someone this is about should not lie to train (pregnancy: face down or flat on the
    /// back): workouts and swaps then leave out ways done so.
    public var cannotLie: [Lying] = []
    /// About everyone this age or older ("I'm 67"): said when the line says such an age.
    public var fromAge: Int?
    /// About the person rather than a training question (a teenager, an older lifter): said
    /// first, then the training question the line also asks is answered as usual ("teen here,
    /// want a wider back, gym access, what should I do?").
    public var caveat = false

    public init(
        id: String, what: String, phrases: [String], nearest: String?, medical: Bool, exerciseAnswers: Bool = false
    ) {
        self.exerciseAnswers = exerciseAnswers
        self.id = id
        self.what = what
        self.phrases = phrases
        self.nearest = nearest
        self.medical = medical
    }
}

/// The words of how many sessions a week someone will train (`sessions_a_week` in the
/// vocabulary): a count ("3", "three", or a word that is a count by itself, "twice"), up to two
/// `between` words ("times a", "x", "days per"), then a `week` word; or a whole phrase
/// ("daily", "every other day").
public struct SessionsAWeekWords: Hashable, Sendable, Codable {
    /// Words that are a count of times by themselves ("twice": 2).
    public var counts: [String: Int] = [:]
    /// Words that may stand between the count and the week word ("times", "x", "a", "per").
    public var between: [String] = []
    /// Words for a week ("week", "weekly").
    public var week: [String] = []
    /// Whole phrases, and the sessions a week each means ("daily": 7, "every other day": 3).
    public var phrases: [String: Int] = [:]
    /// Words for a day ("day", "days"): a count of them before a `split` word is one of sessions.
    public var days: [String] = []
    /// Words for a plan of several training days ("split", "program"): "a 3 day split" trains 3
    /// days a week, a few words allowed between ("3 day push pull legs split").
    public var split: [String] = []
    /// Words that may name what kind of day stands between a count and the day word ("2 upper
    /// back days"): at most two of them.
    public var dayKinds: [String] = []
    /// Words of whether the days differ ("same", "vary"): said with sessions a week right after a
    /// workout, the days of a week asked of it.
    public var vary: [String] = []
    /// Names of the days of the week, each with its place in the week ("mon" and "monday": 1):
    /// two or more days named ("only mon and thu") are that many sessions a week.
    public var weekdays: [String: Int] = [:]

    public init() {}
}
