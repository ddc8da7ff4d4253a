import CoachDialogue
import CoachEvaluation
import CoachLoading
import CoachModel
import CoachRecommending
import CoachRendering
import CoachSnapshot
import CoachStorage
import CoachUnderstanding
import Foundation
import Testing

/// Understanding, case by case: how people really type.
struct UnderstandingTests {
    let interpreter = Fixtures.coach.interpreter

    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var intent: Intent
        var exercise: ExerciseID? = nil
        var have: [EquipmentID]? = nil
        var missing: [EquipmentID]? = nil
        var minutes: Int? = nil
        var testDescription: String { text }
    }

    static let cases: [Case] = [
        Case(text: "lats pulldown technique", intent: .form, exercise: "lat-pulldown"),
        Case(text: "facepull form cues", intent: .form, exercise: "face-pull"),
        Case(
            text: "no pull up bar, what can replace pull ups", intent: .substitution, exercise: "pull-up",
            missing: ["pull-up-bar"]),
        Case(text: "i've got a kettlebell and 12 minutes", intent: .workout, have: ["kettlebell"], minutes: 12),
        Case(text: "give me ten minutes with dumbells", intent: .workout, have: ["dumbbell"], minutes: 10),
        Case(text: "half an hour workout, bodyweight only", intent: .workout, minutes: 30),
        Case(text: "a quarter hour band session", intent: .workout, have: ["resistance-band"], minutes: 15),
        // Things with a kit, after a word of swapping or leaving out: that kit is left out.
        Case(
            text: "15 minutes, and skip anything with a kettlebell", intent: .workout, have: [], missing: ["kettlebell"]
        ),
        Case(text: "replace pull ups with a band", intent: .substitution, have: ["resistance-band"], missing: []),
        // Hours a day at a desk are no workout length; the minutes asked for are.
        Case(text: "I sit at a desk 9 hours a day, give me a 20 min workout", intent: .workout, minutes: 20),
        // The "no" before the gym does not deny the bodyweight four words later.
        Case(
            text: "on a work trip with no gym. 20 min, bodyweight only", intent: .workout, have: ["none"],
            missing: [], minutes: 20),
        Case(text: "20min db workout", intent: .workout, have: ["dumbbell"], minutes: 20),
        Case(text: "what do rear delt flys work", intent: .anatomy, exercise: "reverse-fly"),
        Case(text: "how do i do IYTs", intent: .form, exercise: "i-y-t"),
        Case(text: "proper form for dealifts", intent: .form, exercise: "deadlift"),
        Case(text: "should I go to a dead hang on every pull-up?", intent: .form, exercise: "pull-up"),
        Case(text: "how do I keep my back flat on heavy deads", intent: .form, exercise: "deadlift"),
        Case(
            text: "my gym has no smith machine, what instead of inverted rows", intent: .substitution,
            exercise: "inverted-row", missing: ["smith-machine"]),
        Case(
            text: "no kettlebell and no dumbbells, just bands: what replaces kb rows?", intent: .substitution,
            have: ["resistance-band"], missing: ["kettlebell", "dumbbell"]),
        Case(
            text: "I don't have a barbell, what instead of deadlifts", intent: .substitution, exercise: "deadlift",
            missing: ["barbell"]),
        Case(
            text: "the cable machine has had an out of order sign for ages, what now", intent: .substitution,
            have: [], missing: ["cable-machine"]),
        Case(text: "where are my rhomboids", intent: .anatomy),
        Case(text: "what works the muscles between my shoulder blades", intent: .anatomy),
        Case(text: "my neck hurts when I do shrugs and rows", intent: .safety),
        Case(text: "asdf qwer zxcv", intent: .unknown),
        Case(text: "will it rain on saturday in glasgow", intent: .unknown),
        Case(text: "leg day ideas? squats and lunges", intent: .unknown),
        Case(text: "hey coach, good morning", intent: .greeting),
        Case(text: "so what kind of stuff can you help me with", intent: .help),
        Case(text: "is training my back three days a week too much", intent: .faq),
        // (Sets by reps of a named exercise and the weights a gym has tell how someone trains, not
        // a request for a workout.)
        Case(
            text: "db rows: stuck on the 30s for 3x10 for ages, my gym only has 30, 35 and 40", intent: .form,
            exercise: "bent-over-row"),
    ]

    @Test(arguments: cases)
    func understands(_ example: Case) {
        let understood = interpreter.understand(example.text)
        #expect(understood.intent == example.intent)
        if let exercise = example.exercise { #expect(understood.exercise == exercise) }
        if let have = example.have { #expect(Set(understood.have) == Set(have)) }
        if let missing = example.missing { #expect(Set(understood.missing) == Set(missing)) }
        if let minutes = example.minutes { #expect(understood.minutes == minutes) }
    }

    /// A test sentence that is also a training phrase tests memory, not understanding: none of
    /// the sentences here may be one (compared after lowercasing and dropping punctuation).
    @Test func testSentencesAreNotTrainingPhrases() {
        func plain(_ text: String) -> String {
            String(text.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || $0 == " " })
                .split(separator: " ").joined(separator: " ")
        }
        let knowledge = Fixtures.knowledge
        let phrases = Set(
            (knowledge.language.intents.values.flatMap { $0 } + knowledge.topics.flatMap(\.asks)
                + knowledge.safety.redFlagPhrases + knowledge.safety.painWords + knowledge.safety.sorenessPhrases).map(
                    plain))
        let sentences = Self.cases.map(\.text) + Self.sentencesElsewhere
        let memorised = sentences.filter { phrases.contains(plain($0)) }
        #expect(memorised.isEmpty, "training phrases used as tests: \(memorised)")
    }

    /// The sentences of the single tests below, checked with the cases above.
    static let sentencesElsewhere = [
        "how do I do rows", "give me a 10 minute band workout, my shoulder hurts though",
    ]

    @Test(arguments: ["asdf qwer", "zzzzzz", "!!!???", "1234567", "qwertyuiop asdfghjkl", "lorem ipsum dolor"])
    func gibberishNeverGuessesAnExercise(_ text: String) {
        let understood = interpreter.understand(text)
        #expect(understood.intent == .unknown)
        #expect(understood.exercise == nil)
    }

    /// Everyday things said as had count as the kit they stand in for (equipment.yaml `everyday`).
    @Test func everydayThingsCountAsTheKitTheyStandInFor() {
        #expect(interpreter.understand("i only have a couple of water jugs").have == ["dumbbell"])
        #expect(interpreter.understand("20 min, i have a backpack full of books").have == ["dumbbell"])
        #expect(interpreter.understand("no water jugs or anything").have.isEmpty)
        // The thing said in place of the kit is had, so the kit is not missing.
        let instead = interpreter.understand("can i use a backpack instead of dumbbells for rows")
        #expect(instead.have == ["dumbbell"] && instead.missing.isEmpty, "\(instead.have) \(instead.missing)")
        #expect(interpreter.understand("all i have is a chair and my bed").have == ["bench"])
        // Said with no equipment at all, a backpack is luggage.
        let luggage = interpreter.understand("traveling with just a backpack, no equipment at all")
        #expect(!luggage.have.contains("dumbbell"), "\(luggage.have)")
    }

    /// A position named in a line that reports pain is ruled out; named without pain, it is not.
    @Test func aPositionBlamedForPainIsRuledOut() {
        let blamed = interpreter.understand("what can i do instead of rows, bending over just feels awful on my back")
        #expect(blamed.cannotLie.contains(.bentOver), "\(blamed.cannotLie)")
        let kneeling = interpreter.understand("kneeling kills my knees, what else works the lats")
        #expect(kneeling.cannotLie.contains(.onFloor), "\(kneeling.cannotLie)")
        let painless = interpreter.understand("should i keep my back flat when bending over for rows")
        #expect(painless.cannotLie.isEmpty, "\(painless.cannotLie)")
    }

    /// How long someone has trained is their level; time away is not.
    @Test func aLengthOfTrainingIsALevel() {
        let level = { (line: String) in interpreter.understand(line).level }
        #expect(level("15 min workout, been working out for 2 months") == .beginner)
        #expect(level("20 min workout, ive been lifting like a year") == .intermediate)
        #expect(level("been training 2 years, give me a pull day") == .intermediate)
        #expect(level("15 min workout, been training for 3 years") == .advanced)
        #expect(level("back in the gym after 3 years off, 30 min workout") == nil)
        #expect(level("my shoulder has hurt for a year") == nil)
        // (Said after the count too; a rate is no length of training.)
        #expect(level("garage gym, 3 years training, 35 mins") == .advanced)
        #expect(level("4 yrs of lifting, 20 min workout") == .advanced)
        #expect(level("want a wider back. 3 days a week, gym access. what should i do") == nil)
        // A level said in words comes first.
        #expect(level("total beginner, been lifting a year on and off") == .beginner)
    }

    /// A muscle said with a word of denial is not the one asked about when another is named; kit
    /// said to be packed is missing.
    @Test func aDeniedMuscleAndPackedKit() {
        let muscle = interpreter.understand("i dont care about traps, add something for rear delts instead").muscle
        #expect(muscle == "posterior-deltoid")
        #expect(interpreter.understand("my traps are tight").muscle == "trapezius")
        #expect(interpreter.understand("cable station is packed, just dumbbells").missing == ["cable-machine"])
    }

    /// "What's next" with an exercise named asks how to progress it, not the next logged session.
    @Test func whatsNextWithAnExerciseIsNoLogQuestion() {
        #expect(interpreter.understand("stuck on 0 pullups for like 2 months doing negatives. whats next??").log == nil)
        #expect(interpreter.understand("what's next?").log != nil)
    }

    @Test func spellingIsCorrectedTowardNames() {
        for (typo, word) in [("dumbell", "dumbbell"), ("thorasic", "thoracic"), ("kettelbell", "kettlebell")] {
            let understood = interpreter.understand("\(typo) question")
            #expect(understood.normalized.contains(word), "\(typo) was not read as \(word)")
        }
        #expect(interpreter.understand("pullups").exercise == "pull-up")
        #expect(interpreter.understand("facepull").exercise == "face-pull")
    }

    /// How often someone trains is no pain that has lasted: "for twice a week" read as "for weeks"
    /// would make an ache said with it a warning sign.
    @Test func howOftenIsNoLastingPain() {
        let understood = interpreter.understand("could you give me a simple upper back routine for twice a week?")
        #expect(!understood.matches.contains { $0.entity == .lasting || $0.entity == .lastingSoreness })
        let lasting = interpreter.understand("my shoulder has hurt for a week and it is getting worse")
        #expect(lasting.redFlag)
    }

    /// Signs said in pieces that share words with another sign's longer phrase are heard: a tight
    /// chest with breathing ("when I breathe" is also a piece of another sign), a pop then pain on
    /// breathing, one arm gone weak with an ache; a weaker side said of soreness is no sign.
    @Test func signsSaidInPiecesThatOverlapAreHeard() {
        for line in [
            "chest feels tight when i breathe",
            "felt a pop in my upper back doing a heavy row and now it hurts to take a deep breath. chest feels kinda tight too",
        ] {
            #expect(interpreter.understand(line).emergency, "\(line)")
        }
        let weak = interpreter.understand(
            "My left arm's felt kind of weak since last week, I can't hold the dumbbell up like the right side and theres a dull ache in my neck"
        )
        #expect(weak.redFlag, "\(weak.matches.map(\.text))")
        let sore = interpreter.understand(
            "did single arm rows for the first time and only my left rhomboid is sore. gone after 2 days. weaker side?")
        #expect(!sore.redFlag, "\(sore.matches.map(\.text))")
    }

    /// A length said roughly ("20ish min", "30 odd minutes") is that length.
    @Test(arguments: [
        ("trx workout for back, at the park, 20ish min, intermediate", 20), ("30 odd minutes with a band", 30),
    ])
    func aRoughLengthIsThatLength(_ line: String, _ minutes: Int) {
        #expect(interpreter.understand(line).minutes == minutes)
    }

    /// Pain into the left arm with breathlessness during exercise is an emergency, even when it
    /// passed on stopping; stiffness that stops a reach after a first workout is soreness.
    @Test func armPainWithBreathlessnessIsAnEmergency() {
        let heart = interpreter.understand(
            "Pain in upper back and left arm with shortness of breath during my workout today, it went away when I stopped. probably just a pulled muscle right?"
        )
        #expect(heart.redFlag && heart.emergency, "\(heart.matches.map(\.text))")
        let sore = interpreter.understand(
            "did my first real back workout 2 days ago and now I can barely reach behind me to put my seatbelt on lol. normal??"
        )
        #expect(sore.soreness && !sore.redFlag && sore.intent == .safety, "\(sore.intent) \(sore.matches.map(\.text))")
    }

    /// An injury said to be healed and cleared, with when it happened, is no warning sign: the
    /// date is no lasting pain, the tear has been examined, and the question is how to come back.
    @Test func aHealedInjuryAsksAboutComingBack() {
        let healed = interpreter.understand(
            "tore my rotator cuff two years ago, fully healed and cleared by my physio. any reason i can't do face pulls?"
        )
        #expect(!healed.redFlag && !healed.lastingPain, "\(healed.matches.map(\.text))")
        #expect(healed.intent == .safety, "\(healed.intent)")
    }

    /// How many sessions a week a line says: a count, a few words between, a week word; or a
    /// phrase of its own. A length ("for 3 weeks") is none.
    @Test(
        arguments: [
            ("a routine for twice a week", 2), ("3x/week, 20 min max", 3), ("three days per week at the gym", 3),
            ("2-3 times a week", 2), ("daily band work", 7), ("every other day", 3), ("once weekly", 1),
            ("I've done rows for 3 weeks", nil), ("a week off", nil), ("10 minutes a day", nil),
        ] as [(String, Int?)])
    func sessionsAWeekAreRead(_ line: String, _ count: Int?) {
        #expect(interpreter.understand(line).sessionsAWeek == count, "\(line)")
    }

    /// A plan asked for with what it must fit is a workout, though its conditions alone would ask
    /// something else; a frequency questioned, or a swap for an exercise named, is not one.
    @Test func aPlanAskedForWithItsConditionsIsAWorkout() {
        for line in [
            "Could you give me a simple upper back routine for twice a week? I have light dumbbells",
            "need an upper back block, 3x/week, 20 min max",
            "about an hour at a full gym, what would you programme for my back?",
            "hotel this week, tiny gym with dumbbells and a cable machine. what can I do in like 30 mins",
            "I'm 67, I have light dumbbells and a chair. Twice a week is what I can manage. What should I do?",
        ] {
            let understood = interpreter.understand(line)
            #expect(understood.intent == .workout, "\(line): \(understood.intent)")
        }
        for line in [
            "is a band routine 3x a week too much?", "how often should I do the routine, twice a week?",
            "my programme has seated cable rows 3 times a week, what's a good swap with dumbbells?",
        ] {
            #expect(interpreter.understand(line).rule != .plan, "\(line)")
        }
    }

    /// Warning signs said in pieces (`red_flags.combined`) are heard whatever lies between the
    /// pieces; the same words in a training question are not a sign.
    @Test func signsSaidInPiecesAreHeard() {
        for line in [
            "my wee is really dark brown after that high rep rowing thing",
            "weird one, my grip on the left has gone rubbish, dropped two mugs this week",
            "can't really tell when i need to pee since my back went on rows",
        ] {
            let understood = interpreter.understand(line)
            #expect(understood.redFlag && understood.urgentRedFlag, "\(line)")
        }
        let heart = interpreter.understand("when i row my chest gets tight and it aches into my jaw")
        #expect(heart.emergency)
        for line in ["my grip is so weak on deadlifts, how do i improve it", "legs wobbly after deadlifts today"] {
            #expect(!interpreter.understand(line).redFlag, "\(line)")
        }
        // (Legs that trip and fumble after a neck strain, and an ache that climbs into the jaw.)
        for line in [
            "neck stiff after shrugs and now my legs feel clumsy, tripped twice today for no reason",
            "dull ache in my shoulder blade that goes up into my jaw on pulldowns",
            "woke up and my left arm just wont lift, i cant raise it out sideways no matter how hard i try",
        ] {
            #expect(interpreter.understand(line).redFlag, "\(line)")
        }
    }

    /// A sign that passed at once from a harmless cause, a sign denied, a pop that does not hurt,
    /// soreness getting better every day, a pregnancy and a way of lying ruled out are no warning signs; the same sign that
    /// stays is one.
    @Test func signsThatPassedOrAreDeniedAreNoWarning() {
        for line in [
            "woke up with a dead arm from sleeping on it, shook it out and it was fine in a minute",
            "pee was a bit darker this morning, drank water and it's clear again, no swelling or anything",
            "my shoulder blade pops when i stretch, doesnt hurt at all, feels great",
            "between my shoulder blades is sore from moving boxes but better every day",
            "im 16 weeks pregnant and feeling great, can i keep doing face pulls?",
            "I can't lie face down",
            "mild ache between my shoulder blades after a long drive. nothing going down my arms. ok to train?",
            // (When training began is no pain that lasted; "crushing it" is doing well.)
            "started lifting 6 weeks ago and rows make my lower back a bit achy, is it my hinge?",
            "my back is crushing it this block, should i add a second pull day?",
        ] {
            #expect(!interpreter.understand(line).redFlag, "\(line)")
        }
        // (Soreness denied is none; "left" denies kit, never a left hand.)
        #expect(!interpreter.understand("pull-ups feel harder this week, not sore, just flat").painMentioned)
        // (Kit that broke is no injury; a bone that broke is.)
        #expect(!interpreter.understand("broke my only band this morning, what instead of pull aparts?").painMentioned)
        #expect(interpreter.understand("broke my wrist last month, what can I still do?").painMentioned)
        // (So is kit named first that then broke, with nobody hurt; the cable is missing now.)
        let snapped = interpreter.understand(
            "the cable on my home gym snapped mid set, nobody got hurt. what can i do for rows with dumbbells")
        #expect(!snapped.painMentioned && snapped.missing.contains(EquipmentID("cable-machine")))
        // (A word of pain denied is none, as soreness denied is.)
        #expect(!interpreter.understand("zero soreness, zero aches, how much shrug volume per week").painMentioned)
        #expect(!interpreter.understand("skipping deloads is hurting my progress, how do i program one").painMentioned)
        #expect(!interpreter.understand("pinch grip plate holds as a finisher for rows, good idea?").painMentioned)
        #expect(interpreter.understand("no idea why but my shoulder aches on rows").painMentioned)
        #expect(interpreter.understand("since pull day my left hand looks pale and feels cold").redFlag)
        #expect(interpreter.understand("since pull day my left arm went dead and it stays that way").redFlag)
        #expect(interpreter.understand("woke up with a dead arm and it has stayed numb all day").redFlag)
        #expect(interpreter.understand("my back is so bad I can't lie down").redFlag)
    }

    /// How to do an exercise, asked with what to avoid, is a form question, not a swap; a job
    /// letter that names a physio is out of scope, not a pain.
    @Test func howToWithWhatToAvoidIsForm() {
        let form = interpreter.understand("how do i do bent over rows without wrecking my lower back")
        #expect(form.intent == .form && form.ask == .howTo, "\(form.intent) \(String(describing: form.ask))")
        #expect(interpreter.understand("how can i replace rows with no cable").intent == .substitution)
        let letter = interpreter.understand("can you help me write a cover letter for a physio assistant job?")
        #expect(letter.intent == .unknown && !letter.painMentioned)
    }

    /// An age is no pain that has lasted; a professional's advice passed on with no word of pain
    /// is no pain; arms that will not go overhead, sore after a session, are sore muscles.
    @Test func agesAdviceAndSorenessAreNoWarning() {
        let child = interpreter.understand("my 11 yr old's shoulder blades stick out, should he do exercises?")
        #expect(!child.matches.contains { $0.entity == .lasting } && !child.redFlag)
        let physio = interpreter.understand("my physio mentioned I-Y-T raises for my shoulders, how are they done?")
        #expect(physio.intent != .safety && !physio.painMentioned, "\(physio.intent)")
        let sore = interpreter.understand(
            "first pull ups in forever, my lats are SO sore, cant lift my arms overhead without wincing. normal?")
        #expect(sore.soreness && !sore.redFlag)
        #expect(interpreter.understand("fell off my bike and now i cant lift my arm, can i still do rows").redFlag)
        // (Nor are arms that will not lift with soreness put down to yesterday's session.)
        #expect(
            !interpreter.understand("my back is so sore from yesterday i cant lift my arms to wash my hair").redFlag)
    }

    /// An age said ("I'm 67", "58 years old") of someone past `from_age` brings the caveat for
    /// older lifters; a weight ("I'm 60 kg") or a younger age does not.
    @Test func anAgeSaidBringsItsCaveat() {
        #expect(interpreter.understand("I'm 67 and want better posture").notCovered == "older-lifters")
        #expect(interpreter.understand("58 years old, new to rows").notCovered == "older-lifters")
        #expect(interpreter.understand("im 60 kg and want bigger lats").notCovered == nil)
        #expect(interpreter.understand("im 30 and want a wider back").notCovered == nil)
    }

    /// Words spelt right are never "corrected" into a name they resemble (the English word list in
    /// Knowledge/language/english.yaml), while misspelt names still are.
    @Test func correctlySpeltEnglishIsLeftAlone() {
        for word in ["though", "bother", "turning", "weighted", "pulley", "rowing", "lifting"] {
            let understood = interpreter.understand("it is \(word) me")
            #expect(understood.corrections.isEmpty, "\(word) was corrected: \(understood.corrections)")
            #expect(understood.normalized.contains(TextNormalizer.stem(word)), "\(word): \(understood.normalized)")
        }
        #expect(!interpreter.understand("thorasic").corrections.isEmpty)
    }

    /// Escape parameters are not words (issue 17: "\u{1B}[31m" became a 31-minute workout).
    @Test func escapeSequencesAreNotWords() {
        let understood = interpreter.understand(
            "\u{1B}[31mgive me a workout with a band\u{1B}[0m \u{1B}]0;title 45\u{07}")
        #expect(understood.minutes == nil, "\(understood.normalized)")
        #expect(!understood.normalized.contains("31") && !understood.normalized.contains("45"))
        #expect(understood.normalized.contains("band"))
    }

    /// Other body parts named alongside the back keep a question in scope, and about the back.
    @Test func theBackSaidWithOtherBodyPartsIsInScope() {
        let mixed = interpreter.understand("I train legs and chest, but what about my back?")
        #expect(mixed.rule != .outOfScope)
        #expect(mixed.muscle == nil, "the chest is not what is asked about: \(String(describing: mixed.muscle))")
        #expect(interpreter.understand("what squats should I do for my legs?").rule == .outOfScope)
        #expect(interpreter.understand("chest and traps exercises").muscle == "trapezius")
    }

    /// With no word of pain, a reading that would answer a pain nobody reported is a guess, and
    /// gives way; one that says the thing does not hurt, or is better, stays safety.
    @Test func aPainAnswerNeedsAPain() {
        // (A real question, never in a labelled split.)
        let results = interpreter.understand(
            "I can feel my legs have muscles in them, my arms too, but I’m not seeing anything. My posture has "
                + "changed, and my outlook has changed too I suppose, but I was hoping for a little more. I’ve been "
                + "going for a while now, but I wasn’t sure how long, so I looked back. I counted up the weeks and "
                + "it’s been eight. ... Have any of y’all had this?")
        #expect(results.intent != .safety || results.ask.map { !$0.isPainAsk } == true, "\(results.intent)")
        #expect(interpreter.understand("my shoulder blade clicks but it's not painful, is that bad?").intent == .safety)
    }

    @Test func ambiguousNamesOfferTheCandidates() {
        let understood = interpreter.understand("how do I do rows")
        #expect(understood.exercise == nil)
        #expect(understood.exerciseCandidates.count >= 2)
    }

    /// Pain said without the word: idioms, treatments and medicines are heard as safety.
    @Test(arguments: [
        "the spot between my shoulder blades has been killing me lately",
        "my trap keeps bugging me after rows",
        "should i ice it or use a heating pad",
        "can i take ibuprofen before training",
        "my back doesn't feel 100% yet, can i lift",
        "tweaked something in my shoulder yesterday",
        "my shoulder blades wing when i do push ups",
        "physio told me to skip rows for a month",
        "I've got a crick in my neck since rows",
        "my trap keeps spasming",
        "my shoulder has been acting up",
        "my lat is really tender to touch",
        "my back seized up during deadlifts",
        "I have tennis elbow",
        "my shoulder is impinged",
        "i messed up my shoulder doing pull ups",
        "i've been having issues with my shoulder",
        "it stings when I raise my arm",
    ])
    func painIsHeardHoweverItIsSaid(_ line: String) {
        let understood = interpreter.understand(line)
        #expect(understood.intent == .safety, "\(line): \(understood.intent)")
        #expect(understood.rule == .pain, "\(line)")
    }

    /// "No pain", "pain free" and "safe" alone are not a report of pain.
    @Test(arguments: [
        "i'm not in pain, give me a 10 minute band workout",
        "my shoulders are pain free now, what is a good row",
        "is a band safe enough to start with",
        "pull ups don't hurt, how do i do more of them",
    ])
    func noPainIsNotPain(_ line: String) {
        let understood = interpreter.understand(line)
        #expect(understood.rule != .pain, "\(line) was read as pain")
        #expect(!understood.painMentioned, "\(line)")
    }

    /// Red flags said in many ways: weakness, pain that wakes you or spreads, pain that lasts.
    @Test(arguments: [
        "my shoulder pain wakes me up at night",
        "i've noticed weakness in my arm since the injury",
        "the pain goes down into the upper arm when i row",
        "my upper back has been aching for over a year now",
        "a recurring rhomboid strain keeps coming back",
        // Public health guidance on when to see a doctor, in our words.
        "I lost feeling in my hand after the rows",
        "I can't raise my arm above my head since the injury",
        "my shoulder feels like it slipped out of the socket",
        "my upper back hurts when I breathe in deeply",
        "felt something tear in my shoulder during the pull up and it hurts",
        "my arm is weak and I keep dropping things",
        "the pain in my back doesn't ease when I lie down",
        "I've had this neck pain since last year",
        "my shoulder hurts and it's bruised and swollen",
        "my back hurts and now I can't control my bladder",
        "since the fall my shoulder looks out of place",
        "my neck hurts and I get a headache with it",
        "my upper back pain is worse when I cough",
        "my neck hurts and since yesterday I have double vision",
        "the pain in my shoulder blade is 8 out of 10",
        "my arm goes weak halfway through pull-ups",
        "I tore something in my back on deadlifts",
        "my thumb and index finger go fuzzy during shrugs",
        "my shoulder slips out and back in on overhead work",
        "I fell off the rings and my collarbone looks lumpy",
        "my mid back throbs at night since I started rowing",
        "my shoulder came out of place and I pushed it back in myself",
        "there's a dent in my bicep since something gave on a curl",
        "I can't feel the end of my ring finger since Friday",
        "my left hand looks thinner than my right and my grip is fading",
        "a tight ache climbs into my jaw on the rowing machine and eases once I stop",
        "there's a hard lump about the size of a marble by my shoulder blade",
        "after shrugs I got dizzy and was seeing double for a moment",
        "since I hurt my back I've had trouble getting my pee started",
        "my arm came out on the pulldown, the shoulder looks squared off and I can't move it at all",
        "this trap niggle has got worse every week for two months",
        "two sets of rows and I can't catch my breath for minutes, never used to happen",
        "felt a pop in my neck on shrugs, now my neck is stiff with a headache and I'm dizzy",
        "I get winded after five reps now and my ankles have been swollen",
        "my upper back aches at night lying down so I sleep in a recliner",
        "the muscle between my thumb and finger looks flatter than the other side",
    ])
    func redFlagsAreHeard(_ line: String) {
        #expect(interpreter.understand(line).redFlag, "\(line)")
    }
    /// Asked what a warning sign is, the reply says what such a sign often means (a nerve for
    /// tingling, a strain or tear for a pop) as the reason to have it examined.
    @Test func aWarningSignAskedAboutIsExplained() {
        let tingling = Fixtures.converse(["why do my fingers tingle during pull-ups?"])[0]
        #expect(tingling.safety?.redFlag == true)
        #expect(tingling.text.contains("nerve"))
        let pop = Fixtures.converse(["I felt a pop in my lat on rows and it hurts, what is it?"])[0]
        #expect(pop.text.contains("strained or torn"))
    }

    /// Tightness, burn and fatigue after training said in gym words get the soreness answer, not
    /// a pain one; a cue about keeping the core tight is no soreness.
    @Test(arguments: [
        ("my lats are on fire after that pulldown finisher", true),
        ("forearms completely fried after heavy rows, normal?", true),
        ("does my upper back feel tight the day after face pulls for everyone?", true),
        ("should I keep my core tight on deadlifts?", false),
        ("slight ache in my rhomboids after rows, gone by the next day, ok?", true),
    ])
    func trainingFeelingsAreSoreness(_ line: String, _ soreness: Bool) {
        let reply = Fixtures.converse([line])[0]
        #expect((reply.ask == .soreness) == soreness, "\(line): \(reply.ask?.rawValue ?? "none")")
    }

    /// "Is it bad to train back every day?" reports no bad back; "I have a bad back" does.
    @Test func aBadBackIsSaidNotInferred() {
        #expect(!interpreter.understand("is it bad to train back every day?").painMentioned)
        #expect(interpreter.understand("I have a bad back, can I do rows?").painMentioned)
    }

    /// A stiff neck that will not turn after a night's sleep is the common crick, not a warning sign.
    @Test func aCrickInTheNeckIsNoRedFlag() {
        #expect(!interpreter.understand("slept funny and can't turn my head to the right, skip shrugs today?").redFlag)
    }

    /// A pain that lasted and is better now asks how to come back: no red flag for that alone.
    @Test func aLastingPainThatIsBetterNowIsNoRedFlag() {
        let line = "my elbow hurt for 3 months last year, my physio has cleared me, can I do pull-ups?"
        #expect(!interpreter.understand(line).redFlag)
    }

    /// Words of a red flag that need pain with them are not one on their own.
    @Test(arguments: [
        "my arms are weak, how do I get stronger at rows?",
        "after a fall in motivation, how do I get back into training?",
        "hold the band with both hands and pull it apart",
        "every day I do band pull-aparts, is that too much?",
        "my shoulder clicks but it doesn't hurt",
        "torn between a push pull legs split and upper lower for back width",
        "deadlifts wrecked my grip today, the bar kept slipping out, chalk or straps?",
    ])
    func redFlagWordsWithoutPainAreNotRedFlags(_ line: String) {
        #expect(!interpreter.understand(line).redFlag, "\(line)")
    }

    /// A pain that has lasted three weeks or more is a red flag however the duration is written;
    /// a shorter one is not, nor a long break from training with no pain.
    @Test(arguments: [
        ("my elbow has hurt for the last 5 weeks on pull-ups", true),
        ("my shoulder blade has been aching for 8 months", true),
        ("the ache in my traps started about 6-8 weeks back", true),
        ("my neck has been sore for the past 20 days", false),
        ("my neck has been sore for the past 25 days", true),
        ("my shoulder hurts for nearly three years now", true),
        ("I haven't lifted for 5 weeks because of work, what's a good way back in?", false),
        // (A duration that dates an operation or a break is when it happened, not a pain since.)
        ("had shoulder surgery 2 yrs ago, what can I do instead of pull ups?", false),
        ("broke my wrist 3 months ago and it still aches every day", true),
    ])
    func lastingPainIsReadFromItsDuration(_ line: String, _ lasting: Bool) {
        #expect(interpreter.understand(line).redFlag == lasting, "\(line)")
    }

    /// A shoulder said to hurt overhead or when hanging is the shoulder overhead: only the moves
    /// done with the arms overhead are spared, not every move that loads the shoulder.
    @Test(arguments: [
        ("my shoulder hurts when I reach overhead", ["overhead"]),
        ("hanging from the bar makes my shoulder ache", ["overhead"]),
        ("my shoulder hurts on rows", ["shoulder"]),
    ])
    func aShoulderThatHurtsOverheadIsThatAlone(_ line: String, _ areas: [String]) {
        let understood = interpreter.understand(line)
        #expect(understood.painAreas == areas, "\(line): \(understood.painAreas)")
        #expect(understood.hurtAreas.allSatisfy(areas.contains), "\(line): \(understood.hurtAreas)")
    }

    @Test func painOutranksEverything() {
        let understood = interpreter.understand("give me a 10 minute band workout, my shoulder hurts though")
        #expect(understood.intent == .safety)
    }

    @Test func longPostIsReadWhole() {
        let post = """
            I'm 41 and have been lifting for about two years, mostly a push pull legs split. My bench is okay \
            but my posture is awful from sitting all day and my partner says I look hunched. I only have a pair \
            of dumbbells and a bench at home now. Could you give me a 15 minute upper back routine? Any ideas?
            """
        let understood = interpreter.understand(post)
        #expect(understood.intent == .workout)
        #expect(understood.minutes == 15)
        #expect(Set(understood.have) == ["dumbbell", "bench"])
    }

    /// The backstory names one exercise, the question another: the question's is the one meant.
    @Test func aLongPostIsAboutTheExerciseItsQuestionNames() {
        let post = """
            I'm 42, been lifting for about two years on a 5x5 program, rows at 60kg and deadlifts at 120. \
            Lately I only train at home with dumbbells. What should I do instead of face pulls? any ideas?
            """
        let understood = interpreter.understand(post)
        #expect(understood.intent == .substitution)
        #expect(understood.exercise == "face-pull")
        let reply = Fixtures.converse([post])[0]
        #expect(reply.text.contains("Instead of the Face Pull"))
        #expect(!reply.exercises.isEmpty && !reply.exercises.contains { $0.id == "deadlift" })
    }

    @Test func aPostWithTwoQuestionsGetsBothAnswers() {
        let post = """
            I'm 45 and just bought dumbbells for home. I used to row in college. How do I do a bent over row? \
            And what muscles does the reverse fly work?
            """
        let reply = Fixtures.converse([post])[0]
        #expect(reply.intent == .form)
        #expect(reply.text.contains("Steps"))
        #expect(reply.text.contains("You also asked: And what muscles does the reverse fly work?"))
        #expect(reply.text.contains("The Reverse Fly works"))
        #expect(reply.exercises.map(\.id).contains("reverse-fly"))
    }

    /// Two levels of red flag: an urgent sign stops everything now; a pain that only lasts or
    /// keeps coming back is sent to be examined, with what to do meanwhile; neither gets a workout.
    @Test func lastingPainIsReferredWithoutTheUrgentStop() throws {
        let replies = Fixtures.converse([
            "my trap has ached for two months and keeps coming back, what could it be?",
            "give me a 10 minute band workout",
        ])
        let lasting = try #require(replies[0].safety)
        #expect(lasting.redFlag)
        #expect(replies[0].ask == .painCause)
        #expect(!replies[0].text.contains("urgent"))
        #expect(replies[0].text.contains("doctor or physiotherapist"))
        #expect(replies[1].routine == nil)
        let urgent = Fixtures.converse(["I get numbness in my hand during pull ups, what is it?"])[0]
        #expect(urgent.safety?.redFlag == true)
        #expect(urgent.text.contains("urgent"))
    }

    /// Signs that need emergency care lead with getting it; other red flags end with the urgent
    /// signs of the area that hurts (a neck's are not a lower back's).
    @Test func emergencySignsLeadWithUrgentHelp() throws {
        let replies = Fixtures.converse(["after deadlifts I have tingling in both legs, what is it?"])
        let emergency = try #require(replies.first)
        #expect(emergency.safety?.redFlag == true)
        #expect(emergency.text.hasPrefix("Get urgent medical help now"))
        let neck = Fixtures.converse(["my neck hurts and I get numbness in my fingers, what is it?"])[0]
        #expect(neck.safety?.redFlag == true)
        #expect(!neck.text.hasPrefix("Get urgent medical help now"))
        #expect(neck.text.contains("slurred speech"))
        #expect(!neck.text.contains("bladder"))
        // (A stiff neck with a new headache and dizziness after a pop in a lift is seen today.)
        let pop = Fixtures.converse(["felt a pop in my neck doing shrugs, now a weird headache and a bit dizzy"])[0]
        #expect(pop.text.hasPrefix("Get urgent medical help now"))
    }

    /// A plateau said of one exercise asks how to progress it, whatever else the post names.
    @Test func aPlateauOnAnExerciseAsksHowToProgressIt() {
        let post =
            "lifting 3 years, rows and curls after. stuck at 9 chin ups for weeks, all sets to failure. what should change?"
        let understood = interpreter.understand(post)
        #expect(understood.rule == .plateau)
        #expect(understood.exercise == "pull-up")
        #expect(understood.ask == .progression)
        #expect(interpreter.understand("stuck at home with a band, what can i do for rows").rule != .plateau)
    }

    /// "22M" in a forum post is an age and a sex; "20m" is twenty minutes.
    @Test func anAgeTagIsNotMinutes() {
        #expect(interpreter.understand("22M, lifting for 6 months, dumbbell back workout?").minutes == nil)
        #expect(interpreter.understand("(41F) band workout for my back please").minutes == nil)
        #expect(interpreter.understand("20m back workout with a band").minutes == 20)
        #expect(interpreter.understand("35 F here, 15 min band workout").minutes == 15)
    }

    @Test func aRedFlagIsNeverFollowedByASecondAnswer() {
        let post =
            "I felt a sharp pain down my arm yesterday. Can you give me a 10 minute workout? How often should I train?"
        let reply = Fixtures.converse([post])[0]
        #expect(reply.safety?.redFlag == true)
        #expect(!reply.text.contains("You also asked"))
    }
}
