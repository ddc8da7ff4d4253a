import CoachDialogue
import CoachModel
import CoachRecommending
import CoachUnderstanding
import Testing

/// The promises a swap keeps (issue 15), over every exercise, every stated kit and every set of
/// up to three missing pieces: no option needs kit that is missing or was not said; the replaced
/// exercise appears at most once, as itself done another way with the person's kit; every option
/// works a main muscle of what it replaces; no learning drill is offered.
struct SwapPromiseTests {
    let knowledge = Fixtures.knowledge
    let finder = SubstitutionFinder(knowledge: Fixtures.knowledge)

    static let statedKits: [Set<EquipmentID>] = [
        ["towel"], ["door-anchor"], ["resistance-band"], ["dumbbell"], ["bench"], ["pull-up-bar"], ["none"],
        ["towel", "door-anchor"], ["dumbbell", "bench"],
    ]
    static let commonKit: [EquipmentID] = [
        "dumbbell", "resistance-band", "cable-machine", "lat-pulldown-machine", "pull-up-bar", "barbell", "bench",
        "suspension-trainer",
    ]

    /// Every subset of `commonKit` of at most three pieces.
    static var missingSets: [Set<EquipmentID>] {
        var sets: [Set<EquipmentID>] = [[]]
        for (i, a) in commonKit.enumerated() {
            sets.append([a])
            for (j, b) in commonKit.enumerated() where j > i {
                sets.append([a, b])
                for c in commonKit[(j + 1)...] { sets.append([a, b, c]) }
            }
        }
        return sets
    }

    /// Several exercises named as one list to replace get swaps for each, in the order named, with
    /// the kit at hand; "A and B instead of C" still weighs them against C.
    @Test func aListOfExercisesGetsSwapsForEach() throws {
        let reply = try #require(
            Fixtures.converse([
                "got a trx for my bedroom door at home. what replaces the seated cable row and lat pulldown?"
            ]).first)
        #expect(reply.text.contains("Instead of the Seated Cable Row"), "\(reply.text)")
        #expect(reply.text.contains("Instead of the Lat Pulldown"), "\(reply.text)")
        let gymOnly: Set<EquipmentID> = ["cable-machine", "lat-pulldown-machine"]
        #expect(reply.exercises.allSatisfy { gymOnly.isDisjoint(with: $0.equipment) }, "\(reply.exercises)")
        let weighed = Fixtures.coach.interpreter.understand("can i do face pulls and reverse flys instead of rows")
        #expect(weighed.toReplace.isEmpty)
    }

    /// A swap asked at a workplace ("at my desk", "on a plane") with no kit said offers only what
    /// any room has, standing: no gym machine, no bench, nothing lying down. Kit said there is used.
    @Test func aSwapAtADeskUsesOnlyWhatIsThere() throws {
        let roomKit: Set<EquipmentID> = ["none", "mat", "towel"]
        for line in [
            "at my desk right now, what can i do instead of face pulls", "on a plane, anything instead of reverse flys",
        ] {
            let reply = try #require(Fixtures.converse([line]).first)
            #expect(!reply.exercises.isEmpty, "\(line): \(reply.text)")
            #expect(reply.exercises.allSatisfy { Set($0.equipment).isSubset(of: roomKit) }, "\(line): \(reply.text)")
        }
        let withBand = try #require(
            Fixtures.converse(["at my desk with a band, what can i do instead of face pulls"]).first)
        #expect(withBand.exercises.contains { $0.equipment.contains("resistance-band") }, "\(withBand.text)")
        let understanding = Fixtures.coach.interpreter.understand("i sit at my desk all day, swap for face pulls?")
        #expect(!understanding.atWorkplace)
    }

    /// A small gym named with no kit of its own is taken to have dumbbells and a bench, said so;
    /// kit said in the line is what there is instead.
    @Test func aSmallGymHasDumbbellsUnlessKitIsSaid() throws {
        let hotel = try #require(
            Fixtures.converse(["no cable machine at the hotel gym, what do i do instead of face pulls"]).first)
        #expect(hotel.exercises.contains { $0.equipment.contains("dumbbell") }, "\(hotel.text)")
        #expect(!hotel.exercises.contains { $0.equipment.contains("cable-machine") }, "\(hotel.text)")
        let said = Fixtures.coach.interpreter.understand("hotel gym only has a treadmill and some bands")
        #expect(said.smallGymKit.isEmpty, "\(said.smallGymKit)")
        let room = Fixtures.coach.interpreter.understand("in my hotel room, anything instead of face pulls")
        #expect(room.smallGymKit.isEmpty)
    }

    /// Kit said unusable a few words after its name ("the cable stack at my gym is always taken",
    /// "the band snapped") is missing, and no swap uses it.
    /// A swap for a move the articles leave out leads with the exercise it is a version of, done
    /// with kit the person has, each with its kit, and says the sets and reps to start at.
    @Test func aSwapForAMoveLeftOutLeadsWithItsOwnVersion() throws {
        let reply = try #require(
            Fixtures.converse(["Is there a sub for reverse pec deck? our gym doesnt have one"]).first)
        #expect(reply.exercises.first?.id == "reverse-fly", "\(reply.text)")
        #expect(reply.exercises.first?.equipment.contains("dumbbell") == true, "\(reply.text)")
        #expect(reply.text.contains("Sets and reps to start"), "\(reply.text)")
        let withKit = try #require(
            Fixtures.converse(["i only have dumbbells", "can I do shrugs? what else for traps"]).last)
        #expect(withKit.exercises.allSatisfy { Set($0.equipment).isSubset(of: ["dumbbell", "none", "mat"]) })
        #expect(withKit.exercises.first?.equipment == ["dumbbell"], "\(withKit.text)")
    }

    /// A sore exercise and a swap asked for a goal it does not mainly train: moves for that goal
    /// that leave the sore area alone, never the sore exercise or one that loads the area.
    @Test func aPainSwapForAGoalServesTheGoal() throws {
        let reply = try #require(
            Fixtures.converse(["supermans hurt my neck a bit when i do them. what else can i do for posture"]).first)
        let posture = Set(Fixtures.knowledge.focusMuscles("posture"))
        #expect(!reply.exercises.isEmpty && reply.safety != nil, "\(reply.text)")
        for suggestion in reply.exercises {
            let exercise = try #require(Fixtures.knowledge.exercise(suggestion.id))
            #expect(!Set(exercise.primaryMuscles).isDisjoint(with: posture), "\(exercise.id)")
            #expect(exercise.id != "superman" && exercise.spares(["neck"]), "\(exercise.id)")
        }
    }

    @Test func kitSaidUnusableLaterIsMissing() throws {
        for (line, kit) in [
            ("cable stack at my gym is always taken, what instead of face pulls", "cable-machine"),
            ("the band snapped mid set, what can i do instead of band pull aparts", "resistance-band"),
        ] as [(String, EquipmentID)] {
            let reply = try #require(Fixtures.converse([line]).first)
            #expect(reply.entities.equipmentMissing.contains(kit), "\(line)")
            #expect(reply.exercises.allSatisfy { !$0.equipment.contains(kit) }, "\(line): \(reply.exercises)")
        }
    }

    /// Someone who cannot lie face down (or is pregnant: face down and on the back) gets no way
    /// done so, in swaps and in the workouts that follow, and is told.
    @Test func waysOfLyingRuledOutAreNeverOffered() throws {
        func lying(_ suggestions: [Reply.Suggestion], _ ways: Set<Lying>) -> [String] {
            suggestions.compactMap { suggestion in
                let exercise = Fixtures.knowledge.exercise(suggestion.id)
                let way =
                    exercise?.ways.first { $0.id == suggestion.way }
                    ?? exercise?.ways.first { $0.equipment == suggestion.equipment }
                return way?.lying.map(ways.contains) == true ? suggestion.name : nil
            }
        }
        let replies = Fixtures.converse([
            "i can't lie on my stomach, what instead of the cobra?", "10 minutes with a band",
            "10 minutes, no equipment",
        ])
        try #require(replies.count == 3)
        #expect(replies[2].routine == nil && replies[2].text.contains("Without lying down"), "\(replies[2].text)")
        #expect(replies[0].text.contains("lying face down"), "\(replies[0].text)")
        #expect(lying(replies[0].exercises, [.faceDown]).isEmpty, "\(replies[0].exercises)")
        let workout = try #require(replies[1].routine)
        #expect(lying(replies[1].exercises, [.faceDown]).isEmpty, "\(workout.items.map(\.name))")
        let pregnant = try #require(
            Fixtures.converse(["I'm 24 weeks pregnant, what can I do instead of supermans and the I-Y-T?"]).first)
        #expect(lying(pregnant.exercises, [.faceDown, .onBack]).isEmpty, "\(pregnant.exercises)")

        // Somewhere with no floor rules out every way on the floor, for that line only; a desk
        // that is only where the person sits all day rules out nothing.
        let desk = Fixtures.converse([
            "something I can do at my desk in 10 minutes, I have a band", "10 minutes with a band",
            "I sit at my desk all day, 10 minute band workout please",
        ])
        try #require(desk.count == 3 && desk[0].routine != nil)
        for item in try #require(desk[0].routine).items {
            let exercise = try #require(Fixtures.knowledge.exercise(item.exercise))
            let way = try #require(
                exercise.ways.first { item.name.hasSuffix(", \($0.name)") }
                    ?? exercise.ways.first { $0.equipment == item.equipment })
            #expect(way.lying.map(Lying.onTheFloor.contains) != true, "\(item.name)")
        }
        #expect(desk[0].text.contains("every move done on the floor"), "\(desk[0].text)")
        #expect(!desk[1].text.contains("every move done on the floor"), "\(desk[1].text)")
        #expect(!desk[2].text.contains("every move done on the floor"), "\(desk[2].text)")
        // "Nothing bent over" (a new knee, a back that will not hinge): no way done standing bent
        // over, from then on, and said; the ways chest down on a bench stay.
        let upright = Fixtures.converse([
            "20 minute upper back workout, i have dumbbells and a bench. nothing bent over please, new knee",
            "what can I do instead of bent over rows?",
        ])
        let plan = try #require(upright[0].routine)
        for item in plan.items {
            let exercise = try #require(Fixtures.knowledge.exercise(item.exercise))
            let way = try #require(
                exercise.ways.first { item.name.hasSuffix(", \($0.name)") }
                    ?? exercise.ways.first { $0.equipment == item.equipment })
            #expect(way.lying != .bentOver, "\(item.name)")
        }
        #expect(plan.items.contains { $0.exercise == "bent-over-row" }, "\(plan.items.map(\.name))")
        #expect(upright[0].text.contains("bent over at the hips"), "\(upright[0].text)")
        #expect(lying(upright[1].exercises, [.bentOver]).isEmpty, "\(upright[1].exercises)")
        // With nothing at hand there, no workout, but the light standing drills that still fit.
        let bare = try #require(Fixtures.converse(["5 minutes at my desk, no equipment"]).first)
        #expect(bare.routine == nil && bare.text.contains("against a wall"), "\(bare.text)")
    }

    /// Two ways of one exercise weighed against each other get what each way gives, not a swap;
    /// one exercise by two of its names ("TRX rows for ring rows") is the same exercise.
    @Test func twoWaysOfOneExerciseAreCompared() throws {
        let rows = try #require(Fixtures.converse(["barbell row vs dumbbell row which is better for thickness"]).first)
        #expect(rows.ask == .compare && rows.text.contains("With a barbell:"), "\(rows.text)")
        #expect(rows.text.contains("With a pair of dumbbells:"), "\(rows.text)")
        let pulls = try #require(Fixtures.converse(["face pulls with a band or the cable, which is better?"]).first)
        #expect(pulls.ask == .compare && pulls.text.contains("At a cable machine:"), "\(pulls.text)")
        let rings = try #require(Fixtures.converse(["swap TRX rows for ring rows? same thing?"]).first)
        #expect(rings.text.hasPrefix("Yes: that is the same exercise"), "\(rings.text)")
        let straightArm = try #require(
            Fixtures.converse(["can I swap lat pulldowns for straight arm pulldowns or is that not the same thing"])
                .first)
        #expect(!straightArm.text.hasPrefix("Yes: that is the same exercise"), "\(straightArm.text)")
    }

    /// Kit said with a word of more of it ("without buying more bands") is had, not missing.
    @Test func kitWantedInGreaterAmountIsHad() throws {
        let reply = try #require(
            Fixtures.converse(["band pull aparts got easy, how do I make them harder without buying more bands?"]).first
        )
        #expect(reply.entities.equipmentMissing.isEmpty, "\(reply.entities)")
        #expect(reply.intent != .substitution, "\(reply.text)")
    }

    /// A part said to tire before the one being trained is spared by the swaps, with no pain
    /// read into it, and the reply says so.
    @Test func aPartThatTiresFirstIsSpared() throws {
        let reply = try #require(
            Fixtures.converse([
                "cant do bent over rows cause my lower back gives out before my upper back does. alternatives?"
            ])
            .first)
        #expect(reply.intent == .substitution && reply.safety == nil, "\(reply.text)")
        #expect(reply.text.contains("tires first"))
        let loadsLowerBack = reply.exercises.filter { suggestion in
            let exercise = Fixtures.knowledge.exercise(suggestion.id)
            let loads = exercise?.ways.first { $0.id == suggestion.way }?.loads ?? exercise?.loads
            return loads?.contains("lower-back") == true
        }
        #expect(loadsLowerBack.isEmpty, "\(loadsLowerBack.map(\.name))")
    }

    @Test func swapsKeepTheirPromises() {
        var checked = 0
        let missingSets = Self.missingSets
        #expect(missingSets.count == 1 + 8 + 28 + 56)
        for original in knowledge.exercises {
            let primary = Set(original.primaryMuscles)
            for kit in Self.statedKits {
                for missing in missingSets {
                    let availability = Availability(have: kit.subtracting(missing), missing: missing)
                    let options = finder.alternatives(to: original, with: availability)
                    #expect(options.filter(\.isSameExercise).count <= 1)
                    for option in options {
                        let context =
                            "\(original.id) with \(kit.sorted()) missing \(missing.sorted()): \(option.exercise.id)"
                        #expect(option.way.needs.isSubset(of: kit.subtracting(missing)), "\(context) needs kit")
                        #expect(Set(option.way.equipment).isDisjoint(with: missing), "\(context) uses missing kit")
                        #expect(!option.way.isDrill, "\(context) is a drill")
                        #expect((option.exercise.id == original.id) == option.isSameExercise, "\(context)")
                        #expect(
                            !primary.isDisjoint(with: option.exercise.primaryMuscles),
                            "\(context) shares no main muscle")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked >= 1000)
    }
}
