import CoachModel

/// What coach understood of one line: the intent with its confidence, the entities, and how it
/// got there (for `/why` and `--explain`).
public struct Understanding: Sendable {
    /// The text after normalising and spelling correction.
    public let normalized: String
    /// The words of `normalized` (a correction may be two words, "facepull" read as "face pull"),
    /// split once here rather than by every reader of the line.
    public let words: [String]
    /// Words corrected: ("dumbell", "dumbbell").
    public var corrections: [Correction]
    public var intent: Intent
    public var confidence: Double
    /// The intents the classifier ranked highest, with probabilities.
    public var ranking: [IntentScore]
    /// The intent classifier's probability for `intent`, whatever decided it (0 when it was not
    /// among the likeliest).
    public func classifierScore(for intent: Intent) -> Double {
        ranking.first { $0.intent == intent }?.score ?? 0
    }
    /// What the question asks, as the ask classifier ranked it (best first).
    public var askRanking: [AskScore]
    /// The likeliest ask.
    public var ask: Ask? { askRanking.first?.ask }
    /// Why the intent was chosen when a rule decided it (e.g. pain words mean safety).
    public var rule: Rule?
    public var matches: [EntityMatch]
    public var exercise: ExerciseID?
    /// When the words fit several exercises equally ("rows"): the candidates.
    public var exerciseCandidates: [ExerciseID]
    public var muscle: MuscleID?
    public var have: [EquipmentID]
    public var missing: [EquipmentID]
    public var minutes: Int?
    public var level: Level?
    public var painAreas: [String]
    public var redFlag: Bool
    /// A red flag said in words of its own (numbness, chest pain, weakness, a pop...), not only a
    /// pain that lasts, worsens or keeps coming back: stop now, rather than have it examined soon.
    public var urgentRedFlag: Bool {
        matches.contains { $0.entity == .redFlag || $0.entity == .emergency }
            || redFlag && matches.contains { $0.entity == .limit }
    }
    /// Whether the line says the ache settles by itself soon ("gone by the next day").
    public var settles: Bool { matches.contains { $0.entity == .settles } }
    /// Whether a sign that needs emergency care now was heard.
    public var emergency: Bool { matches.contains { $0.entity == .emergency } }
    /// Whether the words say the pain lasts, spreads or keeps coming back (not only that it came
    /// on sharply or suddenly).
    public var lastingPain: Bool {
        matches.contains { $0.entity == .lasting }
            || (soreness && matches.contains { $0.entity == .lastingSoreness })
    }
    public var soreness: Bool
    /// Soreness and nothing worse said: no word of pain, no warning sign ("make it easier, still
    /// sore from last time").
    public var ordinarySoreness: Bool { soreness && !redFlag && !matches.contains { $0.entity == .pain } }
    public var painMentioned: Bool
    /// The treatments asked about ("ibuprofen", "foam roll"), by id, in the order named.
    public var treatments: [String] {
        matches.compactMap { if case let .treatment(id, _) = $0.entity { id } else { nil } }
    }
    /// It says a pain reported earlier is better ("my shoulder feels better now").
    public var painBetter: Bool { matches.contains { $0.entity == .painBetter || $0.entity == .cleared } }
    /// How many words the line has, as read.
    public var wordCount: Int { words.count }
    /// Whether the line names no exercise, neither one nor a family of them: a follow-up about the
    /// exercise just discussed, when it says so.
    public var namesNoExercise: Bool { exercise == nil && exerciseCandidates.isEmpty }
    /// The features, with the words of any muscle named put back: a point of form may be said in
    /// them ("pull the bar to my chest or my belly button?" asks how far, though "belly" reads as a
    /// muscle).
    public var pointFeatures: [String] {
        features + matches.filter(\.entity.isMuscle).flatMap { $0.text.split(separator: " ").map(String.init) }
    }
    /// It says there is no pain ("it doesn't hurt", "not painful").
    public var painDenied: Bool { matches.contains { $0.entity == .painDenied } }
    /// The body condition noticed, when every word of pain or injury in the line is part of one
    /// ("one of my shoulder blades is sticking out"): nil when something also hurts.
    public var conditionOnly: String? {
        let conditions = matches.compactMap { match -> (id: String, range: Range<Int>)? in
            if case let .condition(id) = match.entity { (id, match.range) } else { nil }
        }
        guard let first = conditions.first else { return nil }
        let painOutside = matches.contains { match in
            match.entity == .pain && !conditions.contains { $0.range.overlaps(match.range) }
        }
        return painOutside || soreness || redFlag ? nil : first.id
    }
    /// The pain areas said beside a word of pain or soreness, within `Self.hurtWindow` words
    /// ("my wrist hurts a bit, give me an upper back workout": the wrist; the upper back there is
    /// what to train, not what hurts), in the order named.
    public var hurtAreas: [String] {
        let hurts = matches.filter { $0.entity == .pain || $0.entity == .soreness }.map(\.range)
        var areas: [String] = []
        for match in matches {
            // (Only those still read as pain areas: "my shoulder hurts overhead" is the shoulder
            // overhead, `Interpreter.standsInFor`.)
            guard case let .painArea(id) = match.entity, !areas.contains(id), painAreas.contains(id) else { continue }
            let area = match.range
            let near = hurts.contains { (hurt: Range<Int>) -> Bool in
                hurt.overlaps(area)
                    || (hurt.lowerBound >= area.upperBound && hurt.lowerBound - area.upperBound < Self.hurtWindow)
                    || (area.lowerBound >= hurt.upperBound && area.lowerBound - hurt.upperBound < Self.hurtWindow)
            }
            if near { areas.append(id) }
        }
        return areas
    }
    /// How many words may stand between a pain area and the word of pain said of it ("my lower
    /// back is a bit sore": two).
    public static let hurtWindow = 4
    /// The likeliest of the ranked asks that is a pain ask, if any is.
    public var painAsk: Ask? { askRanking.lazy.map(\.ask).first(where: \.isPainAsk) }
    /// Whether the person says a doctor or physiotherapist has seen it already.
    public var seenProfessional: Bool { matches.contains { $0.entity == .seenProfessional } }
    /// For FAQ questions: the topic that fits best, and how well.
    public var topic: TopicScore? { topicRanking.first }
    /// For FAQ questions: the topics that fit best, best first.
    public var topicRanking: [TopicScore] = []
    /// For workout requests: a named routine the words ask for.
    public var routine: String?
    /// How many of the words coach recognised; near zero means gibberish.
    public var knownWordShare: Double
    /// The words that were not names, after synonyms (what the classifier saw).
    public var features: [String]
    /// A training goal named ("posture"), as a workout focus.
    public var goal: String?
    /// Why a substitute is wanted, when the words say (or equipment is missing).
    public var substituteReason: SubstituteReason?
    /// The level said is the person's own ("I'm advanced"), not only this workout's.
    public var levelIsOwn = false
    /// Generic equipment words ("machine"), resolved by the dialogue against the exercise.
    public var equipmentFamilies: [EquipmentFamily] = []
    /// What the line says about the training log, when it is about the log.
    public var log: LogRequest?
    /// Something it asks about that the articles do not cover (a `not_covered` id).
    public var notCovered: String?
    /// Whether the kit had is a whole gym ("at the gym"): where the person is, not what they own.
    public var wholeGym = false
    /// The kit a small gym named with none of its own ("no cable machine at the hotel gym")
    /// usually has, to assume and say so; empty when none is named, or kit is said.
    public var smallGymKit: [EquipmentID] = []
    /// Whether the line says it is at home or travelling, whatever the swap's main reason ("hate
    /// supermans ... anything better at home": disliked, at home all the same).
    public var awayFromGym = false
    /// A pain said only of something outside the upper back ("my knee pain when squatting").
    public var painOutsideScope = false
    /// Kit had through an everyday thing said ("a backpack full of books": a dumbbell), from
    /// `everyday` in equipment.yaml.
    public var everydayKit: [EquipmentID] = []
    /// How many sessions a week the line says someone will train ("twice a week": 2).
    public var sessionsAWeek: Int?
    /// Whether the line opens with a word of asking how (`asks-how`: "how do I do a face pull?").
    public var asksHow = false
    /// Whether the line asks how to do something in so many words ("how do i do it", `how_to_do`),
    /// wherever in the line.
    public var asksHowToDo = false
    /// Whether `notCovered` was reached only by an age said ("I'm 67"): an age asks nothing of its
    /// own, so the item is only ever said before the answer to what the line asks, never in its
    /// place.
    public var notCoveredByAge = false
    /// Exercises named as one list with nothing else named ("the seated cable row and lat
    /// pulldown", "bent over rows, face pulls and pull ups"; a family by its usual member): in a
    /// swap, each is to be replaced, not weighed against the others.
    public var toReplace: [ExerciseID] = []
    /// Exercises set aside, named after a word like "isn't" or "besides" while another is asked
    /// about ("anything else for my lower back that isn't deadlifts"): never offered in its place.
    public var setAside: [ExerciseID] = []
    /// How the line says the person cannot lie down to train ("I can't lie face down"), or how
    /// someone in the situation it names should not (pregnancy: `NotCovered.cannotLie`).
    /// (In `Lying`'s order: a set would print in a different order in each process.)
    public var cannotLie: [Lying] = []
    /// Whether the line trains somewhere with no floor to lie on ("at my desk", "in the office"):
    /// no way done lying down is offered for this line, though later lines may use the floor.
    public var floorless = false
    /// Whether it says no floor work at all ("no floor stuff pls"): for the rest of the conversation.
    public var floorlessLasting = false
    /// Whether that place is a workplace ("at my desk", "on a plane"): only what is at hand there,
    /// and the kit the person says they have.
    public var atWorkplace = false
    /// How many reps of an exercise the line says the person already does ("I can do 8 pull-ups"):
    /// past the first rep, the facts about working up to it are not for them.
    public var repsAlready: Int?
    /// The reps of a set the line says in sets by reps ("been on 3x10 forever": 10).
    public var repsPerSet: Int?
    /// The sets said with those reps ("3x10", "3 sets of 10"): 3.
    public var setsSaid: Int?
    /// Whether the line weighs one named exercise against another in a swap ("can I swap my rows
    /// for pull-ups?", "db rows instead of barbell rows"), whatever else it says: with a pain said
    /// as well, the swap asked about is still judged, for that pain.
    public var weighsTwo = false
    /// Parts of the body the line says tire first, with no pain ("my lower back gives out before
    /// my upper back does"): swaps spare them.
    public var tiresFirst: [String] = []

    public struct EquipmentFamily: Hashable, Sendable {
        public var candidates: [EquipmentID]
        public var missing: Bool
    }

    public struct Correction: Hashable, Sendable {
        public var from: String
        public var to: String
    }

    /// A rule that decided the intent instead of the classifier.
    /// Its raw value is its id in the JSON reply (`rule`).
    public enum Rule: String, Hashable, Sendable, CaseIterable {
        /// Words of pain, injury or soreness: safety comes first.
        case pain
        /// There were no words.
        case noWords = "no-words"
        /// Too few of the words are ones coach knows.
        case unknownWords = "unknown-words"
        /// It is about something other than the upper back.
        case outOfScope = "out-of-scope"
        /// A doubtful safety guess with no word of pain or injury.
        case noPainWord = "no-pain-word"
        /// Words about the training log (`language/log.yaml`).
        case log
        /// One exercise named with two kits and weighed ("db rows instead of barbell rows"): a
        /// swap of kit, answered by the substitution responder.
        case kitSwap = "kit-swap"
        /// A question asking in so many words for an alternative to an exercise it names.
        case asksAlternative = "asks-alternative"
        /// A plan asked for with what it must fit (how often, how long, the kit, the level): a
        /// workout, whatever the words of those conditions suggest.
        case plan
        /// Kit told, with no question, no word of swapping and no reason for a swap ("I got a
        /// pull-up bar and a couple of bands, can do about 6 strict pull-ups"): a session with it.
        case kitTold = "kit-told"
        /// A plateau said of an exercise it names ("stuck at 8 pull-ups for two months"): how to
        /// progress that exercise, whatever else the post mentions.
        case plateau
        /// An ordinary ache that the person's setting explains (sitting all day), said as the
        /// reason for a training question about an exercise it names ("how long should I hold a
        /// superman? doing them because my back gets achy from sitting"): the question is answered.
        case achesExplained = "aches-explained"
        /// Soreness said as welcome or harmless ("on fire in a good way, totally fine after"),
        /// said with a training question about an exercise or a muscle: the question is answered.
        case sorenessWelcome = "soreness-welcome"
        /// A past injury said to be healed, with no pain now, beside a training question about an
        /// exercise it names: the question is answered.
        case healed
    }

    public struct IntentScore: Hashable, Sendable {
        public var intent: Intent
        public var score: Double
    }

    public struct AskScore: Hashable, Sendable {
        public var ask: Ask
        public var score: Double

        public init(ask: Ask, score: Double) {
            self.ask = ask
            self.score = score
        }
    }

    public struct TopicScore: Hashable, Sendable {
        public var id: String
        public var score: Double
    }
}
