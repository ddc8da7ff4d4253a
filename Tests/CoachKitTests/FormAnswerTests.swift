import CoachDialogue
import CoachEvaluation
import CoachLoading
import CoachModel
import CoachRecommending
import CoachRendering
import CoachSnapshot
import CoachStorage
import CoachUnderstanding
import Testing

/// Every catalog exercise can be asked about by name and answers with steps, cues and a source.
struct FormAnswerTests {
    @Test(arguments: Fixtures.knowledge.exercises.map(\.id.rawValue))
    func howDoIDoAnswersWithStepsCuesAndSource(_ id: String) throws {
        let exercise = try #require(Fixtures.knowledge.exercise(ExerciseID(id)))
        let reply = Fixtures.converse(["how do I do a \(exercise.name.lowercased())"])[0]
        #expect(reply.intent == .form)
        #expect(reply.entities.exercise == exercise.id)
        let text = reply.text
        #expect(text.contains("1. ") && text.contains("3. "), "no numbered steps for \(exercise.id)")
        #expect(text.contains("Key cues"))
        #expect(text.contains("Sources: "), "no source cited for \(exercise.id)")
        #expect(!reply.sources.isEmpty)
    }

    /// What an exercise is, asked with how to do it, gets the whole how-to, which says both.
    @Test func whatItIsAndHowToDoItGetsTheHowTo() throws {
        let reply = try #require(
            Fixtures.converse(["what's a superman and how do I do it without hurting my lower back?"]).first)
        #expect(reply.ask == .howTo, "\(reply.text)")
        #expect(reply.text.contains("1. ") && reply.text.contains("Key cues"), "\(reply.text)")
    }

    /// One point of form asked in a lifter's words gets that point, not the card or what the
    /// exercise is: a problem said with no question, a part of the set-up, a grip detail.
    @Test(arguments: [
        ("inverted row: hips keep sagging halfway through the set", "hips sag"),
        ("on face pulls where should the rope go, forehead, nose, chin? seen all 3", "forehead"),
        ("thumbs over or under the bar on pullups? thumbless grip feels stronger", "thumbless grip"),
        (
            "do you squeeze shoulder blades together at the top of a lat pulldown or pull them down first?",
            "only at the bottom"
        ),
        ("my biceps do all the work on pullups and i cant feel my back at all. how do i fix this", "biceps take over"),
    ])
    func aPointOfFormGetsThatPoint(_ line: String, _ point: String) throws {
        let reply = try #require(Fixtures.converse([line]).first)
        let text = reply.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(reply.ask == .formPoint && text.contains(point), "\(reply.ask?.rawValue ?? "none"): \(reply.text)")
    }

    /// A burn during a set, and headaches after training: the team's general guidance, said as
    /// such, not a card about soreness or a question about which exercise.
    @Test func aBurnAndAHeadacheGetTheTeamsGuidance() throws {
        let burn = Fixtures.converse([
            "how do you do Y-T-W raises?", "are they supposed to burn this much with no weight lol",
        ])
        try #require(burn.count == 2)
        #expect(burn[1].text.contains("A burn in the working muscles"), "\(burn[1].text)")
        let headache = try #require(
            Fixtures.converse(["my traps get crazy tight and i get headaches after shrug day. normal??"]).first)
        #expect(headache.text.contains("tension headaches") && headache.routine == nil, "\(headache.text)")
        let emergency = try #require(Fixtures.converse(["worst headache of my life during a heavy deadlift"]).first)
        #expect(emergency.safety?.redFlag == true, "\(emergency.text)")
    }

    /// Facts written for one stage with an exercise (working up to a first pull-up, or building
    /// the number past it) reach only someone at that stage, or someone who did not say.
    @Test func progressionFactsFitWhereThePersonStands() throws {
        let pullUp = try #require(Fixtures.knowledge.exercise("pull-up"))
        let facts = pullUp.facts(answering: .progression)
        let firstRep = facts.filter { $0.stage == .firstRep }.map(\.text)
        let pastIt = facts.filter { $0.stage == .pastFirstRep }.map(\.text)
        try #require(!firstRep.isEmpty && !pastIt.isEmpty)
        let replies = [
            "I can do 8 to 12 pull-ups, how do I get to 20?",
            "I can't do a single pull-up yet, how do I get my first one?",
            "how do I get better at pull ups",
        ].compactMap {
            Fixtures.converse([$0]).first?.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        #expect(pastIt.allSatisfy(replies[0].contains) && !firstRep.contains(where: replies[0].contains))
        #expect(firstRep.allSatisfy(replies[1].contains) && !pastIt.contains(where: replies[1].contains))
        #expect((firstRep + pastIt).allSatisfy(replies[2].contains), "\(replies[2])")
    }

    @Test func teamFactsAreNeverCited() {
        // Every cited source must have contributed a non-team fact to the reply.
        for exercise in Fixtures.knowledge.exercises {
            let reply = Fixtures.converse(["how do I do a \(exercise.name)"])[0]
            let articleFacts = Set(
                ([exercise.summary.source, exercise.steps.source, exercise.dosage.source] + exercise.cues.map(\.source)
                    + exercise.mistakes.map(\.source) + exercise.safety.map(\.source) + exercise.ways.map(\.source)
                    + exercise.muscles.map(\.source)).filter { !$0.isTeam }.map(\.id))
            for source in reply.sources {
                #expect(articleFacts.contains(source.id), "\(exercise.id) cites \(source.id)")
            }
        }
    }

    /// Best exercises only for a muscle some exercise works as a main muscle: the core is
    /// described, not ranked by exercises that merely brace it.
    @Test func bestForOnlyRanksMusclesTheExercisesTrain() {
        let core = Fixtures.converse(["what are the best exercises for my core?"])[0]
        #expect(core.ask != .bestFor)
        #expect(!core.text.hasPrefix("Best exercises"))
        let rhomboids = Fixtures.converse(["what are the best exercises for my rhomboids?"])[0]
        #expect(rhomboids.ask == .bestFor)
        #expect(rhomboids.exercises.count >= 3)
    }

    /// Every day asked about one exercise, with or without the question mark, in words of safety
    /// or of permission: the yes or no first, never the whole card.
    @Test(arguments: [
        "is it bad to do face pulls every day", "can i do reverse flys daily", "Can I do rear delt flys every day?",
    ])
    func everyDayGetsTheYesOrNoFirst(_ line: String) throws {
        let reply = try #require(Fixtures.converse([line]).first)
        #expect(reply.text.hasPrefix("Not as hard work every day"), "\(line): \(reply.text)")
        #expect(!reply.text.contains("Key cues"), "\(line): \(reply.text)")
    }

    /// Sets and reps of a family ("rows") are answered from its usual member, saying so, instead
    /// of asking which row first.
    @Test func aFamilysDoseIsItsUsualMembers() throws {
        let reply = try #require(Fixtures.converse(["how many sets of rows per week should i do"]).first)
        let usual = try #require(Fixtures.knowledge.exercise("bent-over-row"))
        #expect(reply.text.hasPrefix("For rows, take the \(usual.name)"), "\(reply.text)")
        #expect(reply.text.contains("\(usual.dosage.sets) sets"), "\(reply.text)")
        #expect(!reply.text.contains("Which one do you mean"))
        #expect(reply.ask == .dose)
    }

    @Test func aPointQuestionLeadsWithThatPoint() throws {
        let back = Fixtures.converse(["should my back be flat when doing bent over rows?"])[0]
        #expect(back.text.hasPrefix("Key cues: Bent-Over Row\n- Keep your back"))
        let sets = Fixtures.converse(["how many sets for face pulls?"])[0]
        #expect(sets.text.hasPrefix("Beginners: 3 sets of 8-12 reps."))
    }
}

/// Fixed sentences with their `{placeholders}` filled in.
struct ReplyTemplateTests {
    @Test func placeholdersAreFilled() {
        #expect(Replies.fill("Hi {name}!", ["name": "Ann"]) == "Hi Ann!")
        #expect(Replies.fill("{a} and {b}, é{a}ü", ["a": "1", "b": "2"]) == "1 and 2, é1ü")
        #expect(Replies.fill("no placeholders", ["a": "1"]) == "no placeholders")
        #expect(Replies.fill("Hi {name}!") == "Hi {name}!")
    }

    @Test func oddTemplatesStayAsWritten() {
        #expect(Replies.fill("Hi {name}!", ["other": "x"]) == "Hi {name}!")
        #expect(Replies.fill("x{a{b}y", ["b": "B"]) == "x{aBy")
        #expect(Replies.fill("tail {name", ["name": "N"]) == "tail {name")
        #expect(Replies.fill("a } b {name}", ["name": "N"]) == "a } b N")
    }

    @Test func aKeyWithoutTextShowsItself() {
        #expect(Replies(templates: [:])(.greeting) == "[greeting]")
    }

    /// Asked in so many words how to do an exercise, the whole card, whatever kit the rest of the
    /// post names; a family said with kit whose name one member carries is that member.
    @Test func howToDoItIsTheWholeCard() throws {
        let faceReply = try #require(
            Fixtures.converse(["how do u do a face pull. never done one, my gym has the cable thing with a rope"]).first
        )
        #expect(faceReply.ask == .howTo && faceReply.text.contains("Steps"), "\(faceReply.text)")
        let strap = try #require(
            Fixtures.converse(["bought a TRX-type strap thing. how do I set it up to do rows?"]).first)
        #expect(strap.entities.exercise == "trx-low-row", "\(strap.text)")
    }

    /// A fault named with a word that also names an exercise the articles leave out ("my shoulders
    /// shrug up on band pull-aparts") is the named exercise's point; a tempo asked with no weight
    /// named is the tempo, not how heavy.
    @Test func aFaultOrATempoIsThePoint() throws {
        let shrug = try #require(
            Fixtures.converse(["band pull aparts - my shoulders shrug up to my ears every rep. how do i stop that"])
                .first)
        #expect(shrug.entities.exercise == "band-pull-apart" && !shrug.text.contains("don't cover shrugs"))
        let tempo = try #require(
            Fixtures.converse(["how slow am I supposed to lower the bar on lat pulldown? I just let it fly back up"])
                .first)
        #expect(tempo.ask == .formPoint, "\(String(describing: tempo.ask))")
    }

    /// A family said with kit none of its members usually uses, but one of them has a way with
    /// all of it, is that member ("a towel row using a door": the inverted row).
    @Test func aFamilyWithKitOnlyOneWayUsesIsThatMember() throws {
        let reply = try #require(Fixtures.converse(["how to do a towel row using a door??"]).first)
        #expect(reply.entities.exercise == "inverted-row", "\(reply.text)")
    }
}
