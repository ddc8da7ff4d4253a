/// What the knowledge base says about staying safe.
public struct SafetyKnowledge: Hashable, Sendable, Codable {
    public var precautions: [SourcedText]
    /// Who should avoid these moves.
    public var avoid: [SourcedText]
    /// Phrases that mean: stop and see a professional.
    public var redFlagPhrases: [String]
    public var redFlagAdvice: SourcedText
    /// When to get urgent help, said after the red-flag advice where the pain is in no area with
    /// signs of its own (`PainArea.urgent`).
    public var redFlagUrgent: String = ""
    /// What a kind of warning sign often means, said when someone asks what it is ("what is this
    /// tingling?"): a reason to have it examined, never a diagnosis.
    public var redFlagMeanings: [SignMeaning] = []
    /// Words of a warning sign that needs a doctor the same day, though no emergency (a tendon
    /// that snapped with swelling, a shoulder out of shape, a fever with back pain, a foot that
    /// will not lift): the reply says today, not just "see a professional".
    public var redFlagSameDay: [String] = []
    /// Phrases that make pain a red flag only when pain is mentioned too ("for three weeks").
    public var redFlagWithPain: [String] = []
    /// Phrases of a sharp or sudden onset ("a sharp pain", "felt something tear", "after a fall"):
    /// with pain, a red flag too, answered as such rather than as a pain that lingers.
    public var redFlagSudden: [String] = []
    /// Phrases of signs that need emergency care now ("numb between my legs", "chest pain and
    /// short of breath"): a red flag whose reply leads with getting urgent help.
    public var redFlagEmergency: [String] = []
    /// Phrases of a limit in range or strength ("can't lift my arm fully overhead"): a red flag,
    /// unless a doctor or physiotherapist has seen it and cleared the person to train, when it is
    /// the limit to train within.
    public var redFlagLimits: [String] = []
    /// Warning signs said in pieces, in everyday words ("my wee is dark brown", "grip's gone
    /// rubbish ... keep dropping mugs"): a sign is heard when a word of each of its groups is
    /// said within `combinedWithin` words.
    public var combinedSigns: [CombinedSign] = []
    public var combinedWithin = 12
    /// Phrases that say a sign passed at once ("fine in a minute", "stopped straight away when I
    /// moved"): with them, a warning sign that is no emergency and has not lasted is not one.
    public var passedAtOnce: [String] = []
    /// Words that say a sign is still there ("still tingly", "hours later"): whatever else says
    /// it passed ("prob just slept on it"), it has not.
    public var stillThere: [String] = []
    /// Phrases that say a part of the back tires before the part being trained ("my lower back
    /// gives out before my upper back"): no pain, but swaps then spare that part.
    public var tiresFirst: [String] = []
    /// Words of pain that say only that a move feels wrong ("they feel weird on my shoulder"):
    /// still a pain said, but with a move of the last workout left out, a change to that
    /// workout, the move dropped and the rest of the area still trained.
    public var mildDiscomfort: [String] = []
    /// Words that make a pain said a mild one ("kinda pinchy, not pain exactly", "bug my shoulders
    /// a little"): with a swap asked for a move, how to keep that move without it comes as well.
    public var mildWords: [String] = []
    /// Phrases said just before a place that say it is fine ("no problems with overhead presses",
    /// "no pain in my neck"), and just after one ("my shoulder is fine"): a place said only so is
    /// not where it hurts, whatever else the line reports.
    public var areaFineBefore: [String] = []
    public var areaFineAfter: [String] = []
    /// Phrases that make soreness more than ordinary soreness ("all the time", "for months"): with
    /// soreness, a red flag of the lasting kind.
    public var redFlagWithSoreness: [String] = []
    /// How long a pain must have lasted to be a red flag of the lasting kind, read from the words
    /// of a duration ("for the last 5 weeks", "8 months now") rather than listed phrase by phrase.
    public var lasting = LastingPain()
    public var sorenessPhrases: [String]
    /// Phrases that say an ache settles by itself soon ("gone by the next day", "a mild ache"):
    /// with them, words of pain are ordinary soreness.
    public var settlesPhrases: [String] = []
    public var soreness: SourcedText
    public var painAreas: [PainArea]
    /// Words that mean something hurts or is injured: they make any question a safety question.
    public var painWords: [String] = []
    /// Phrases that say there is no pain ("pain free", "doesn't hurt"): a pain word inside one
    /// does not count.
    public var notPain: [String] = []
    /// Phrases that hold a word of pain, injury or treatment but report none ("medicine ball",
    /// "risk of injury"): the word inside one does not count, and no pain is denied either.
    public var notAReport: [String] = []
    /// Phrases that say a pain reported earlier is better ("feels better").
    public var painBetter: [String] = []
    /// Phrases that say a doctor or physiotherapist has cleared the person to train ("my physio
    /// cleared me"): better, and a limit they describe is not a warning sign (`redFlagLimits`).
    public var cleared: [String] = []
    /// Phrases of going back to training ("start training again"): with `painBetter`, a question
    /// about returning after an injury.
    public var returning: [String] = []
    /// Phrases that say a doctor or physiotherapist has already seen it ("my physio said", "I had
    /// an MRI"): the pain answer then defers to them rather than sending the person to one.
    public var seenProfessional: [String] = []
    /// Ways of treating a pain people ask about, each with the answer coach leads with.
    public var treatments: [Treatment] = []

    /// A treatment people ask about ("ibuprofen", "heat or ice", "foam roll").
    public struct Treatment: Hashable, Sendable, Codable {
        public var id: String
        /// Whether naming it says that something hurts ("should I take ibuprofen").
        public var meansPain: Bool
        public var phrases: [String]
        public var advice: SourcedText

        public init(id: String, meansPain: Bool, phrases: [String], advice: SourcedText) {
            self.id = id
            self.meansPain = meansPain
            self.phrases = phrases
            self.advice = advice
        }
    }

    /// Something people notice about their body that is not in itself pain ("my shoulder blade
    /// sticks out", "a hump at the base of my neck"), with what a coach tells them about it.
    public var conditions: [Condition] = []

    /// A body condition asked about, by its phrases, and the answer coach leads with.
    public struct Condition: Hashable, Sendable, Codable {
        public var id: String
        public var phrases: [String]
        public var advice: SourcedText
        /// Words of stiffness or ache that the condition still explains (`aches` in safety.yaml):
        /// "tight and achy by 3pm at my desk" is desk stiffness, not an injury. Empty when any
        /// word of pain makes the line a pain report.
        public var aches: [String] = []
        /// Whether its advice comes first whenever training is asked for with it said
        /// (`before_training` in safety.yaml): "post spinal fusion, give me a workout" hears what
        /// the surgery asks of training before the workout.
        public var beforeTraining = false

        public init(
            id: String, phrases: [String], advice: SourcedText, aches: [String] = [], beforeTraining: Bool = false
        ) {
            self.id = id
            self.phrases = phrases
            self.advice = advice
            self.aches = aches
            self.beforeTraining = beforeTraining
        }
    }

    /// The precautions and the points on who should avoid these moves that answer `ask`
    /// (`answers` in safety.yaml), in that order.
    public func precautions(answering ask: Ask) -> [SourcedText] {
        (precautions + avoid).filter { $0.answers.contains(ask) }
    }

    /// The condition with this id.
    public func condition(_ id: String) -> Condition? { conditions.first { $0.id == id } }

    /// The treatment with this id.
    public func treatment(_ id: String) -> Treatment? { treatments.first { $0.id == id } }

    /// The pain area with this id (`pain_areas` in safety.yaml).
    public func painArea(_ id: String) -> PainArea? { painAreas.first { $0.id == id } }

    /// A part of the body that can hurt, what commonly causes it, and gentler moves.
    public struct PainArea: Hashable, Sendable, Identifiable, Codable {
        public var id: String
        public var name: String
        public var phrases: [String]
        public var causes: [SourcedText]
        public var gentler: [ExerciseID]
        /// The signs that make pain in this area an emergency, said after the red-flag advice in
        /// place of the general ones (the lower back: numbness in the saddle area, bladder or bowel
        /// trouble, both legs weak); nil for the general ones.
        public var urgent: String?
        /// Whether an upper back workout can simply leave this area out (a wrist, an elbow, the
        /// lower back), so that a workout asked for with a mild pain here is built around it;
        /// false where the workout itself would load the pain (the upper back, shoulder, neck).
        public var workAround = false
        /// Whether this is a joint (an elbow, a wrist, a hand), where soreness after training is
        /// no muscle recovering: "pull-ups make my elbow sore" is a pain to train around, not the
        /// soreness that fades in a few days.
        public var joint = false
        /// Whether the strain on this area tells two exercises apart for someone choosing between
        /// them ("only the Bent-Over Row puts real load on the lower back"); the shoulder, elbow
        /// and hands are loaded by nearly every pull, so they say little.
        public var tellsApart = false
        /// The areas this one stands in for when said with them (pain area ids): "my shoulder
        /// hurts overhead" spares the moves done overhead, not every move that loads the shoulder.
        public var insteadOf: [String] = []
        /// Words that name the back as a whole ("my back"): a pain said with only these, of an
        /// exercise named that loads this area, is taken to be here ("deadlifts hurt my back": the
        /// lower back, which the deadlift loads).
        public var vagueWords: [String] = []
        /// How to do the moves that are left in without loading this area ("loop the band round
        /// your wrists instead of gripping it"), said with the moves that spare it.
        public var spareTip: SourcedText?

        public init(id: String, name: String, phrases: [String], causes: [SourcedText], gentler: [ExerciseID]) {
            self.id = id
            self.name = name
            self.phrases = phrases
            self.causes = causes
            self.gentler = gentler
        }
    }

    /// A pain that has lasted: a duration of at least `days`, said close to the word of pain or
    /// soreness it measures ("my shoulder has ached for the last 5 weeks"), so that a duration
    /// about something else ("I started lifting 3 months ago ... then it hurt") does not count.
    public struct LastingPain: Hashable, Sendable, Codable {
        /// The shortest duration that counts; 0 reads no durations.
        public var days = 0
        /// How many days each unit word is ("week": 7), as written in the knowledge.
        public var units: [String: Int] = [:]
        /// At most how many words may stand between the duration and the word of pain.
        public var nearPain = 0
        /// Words just after a duration that date an injury rather than measure a pain ("two
        /// years ago"): in a line that says it has healed, such a duration lasts nothing.
        public var dating: [String] = []
        /// Words of an injury or its treatment happening ("surgery", "broke"): a dated duration
        /// ("surgery 2 years ago"), in a line whose only words of pain are these, says when it
        /// happened, not that it has hurt ever since. Stemmed.
        public var events: [String] = []
        /// The words of `events` that are care, not an injury happening (an operation, a diagnosis, a
        /// scan, arthritis; not a sling, which holds a fresh injury): a time said in a line whose only words of pain are these dates
        /// them, and is no pain that has lasted. (A fresh break or tear said with a time is not
        /// dated away: it still needs seeing.)
        public var care: [String] = []

        public init(days: Int = 0, units: [String: Int] = [:], nearPain: Int = 0) {
            self.days = days
            self.units = units
            self.nearPain = nearPain
        }
    }

    /// A kind of warning sign, by the words that say it, and what it often means.
    public struct SignMeaning: Hashable, Sendable, Codable {
        /// Words of the sign ("numb", "tingling"), as written in the knowledge.
        public var words: [String]
        public var text: SourcedText

        public init(words: [String], text: SourcedText) {
            self.words = words
            self.text = text
        }
    }

    public init(
        precautions: [SourcedText], avoid: [SourcedText], redFlagPhrases: [String], redFlagAdvice: SourcedText,
        redFlagWithPain: [String] = [], sorenessPhrases: [String], soreness: SourcedText, painAreas: [PainArea],
        painWords: [String] = []
    ) {
        self.precautions = precautions
        self.avoid = avoid
        self.redFlagPhrases = redFlagPhrases
        self.redFlagAdvice = redFlagAdvice
        self.redFlagWithPain = redFlagWithPain
        self.sorenessPhrases = sorenessPhrases
        self.soreness = soreness
        self.painAreas = painAreas
        self.painWords = painWords
    }
}

/// A question the articles answer, or a topic they cover.
public struct Topic: Hashable, Sendable, Identifiable, Codable {
    public var id: String
    public var title: String
    /// The ask its answer serves (a card on frequency answers "how often").
    public var answers: Ask
    /// Ways people ask about it.
    public var asks: [String]
    public var answer: [SourcedText]

    public init(id: String, title: String, answers: Ask, asks: [String], answer: [SourcedText]) {
        self.id = id
        self.title = title
        self.answers = answers
        self.asks = asks
        self.answer = answer
    }
}

/// A warning sign said in pieces (`red_flags.combined`): one word or phrase of every group.
public struct CombinedSign: Hashable, Sendable, Codable {
    public var id: String
    public var groups: [[String]]
    /// A sign that needs emergency care now (chest and jaw with effort), not only a check soon.
    public var emergency: Bool
    /// Counted only when pain or soreness is said too (a fever with back pain).
    public var withPain: Bool
    /// How near its pieces must be said, in words, when this sign's own story is told at more
    /// length than the common `within` allows ("smacked my head on the bar ... and now a
    /// headache"); nil for the common distance.
    public var within: Int?

    public init(
        id: String, groups: [[String]], emergency: Bool = false, withPain: Bool = false, within: Int? = nil
    ) {
        self.id = id
        self.groups = groups
        self.emergency = emergency
        self.withPain = withPain
        self.within = within
    }
}
