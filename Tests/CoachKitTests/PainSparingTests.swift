import CoachDialogue
import CoachModel
import CoachRecommending
import CoachUnderstanding
import Testing

/// After someone reports pain in an area, nothing coach suggests loads that area: not the
/// workouts it builds, not the swaps it offers, whatever the minutes, kit, level or focus; and
/// once they say it is better, those moves come back.
struct PainSparingTests {
    let knowledge = Fixtures.knowledge
    let builder = WorkoutBuilder(knowledge: Fixtures.knowledge)
    let finder = SubstitutionFinder(knowledge: Fixtures.knowledge)

    @Test func noWorkoutLoadsASparedArea() {
        var checked = 0
        let focuses: [String?] = [nil, "posterior-deltoid", "latissimus-dorsi", "rhomboids", "posture"]
        for area in knowledge.safety.painAreas.map(\.id) {
            for (index, equipment) in WorkoutPropertyTests.equipmentSets.enumerated() {
                for minutes in stride(from: 3, through: 60, by: 6) {
                    for level in Level.allCases {
                        var request = WorkoutRequest(
                            minutes: minutes, availability: Availability(have: equipment), level: level,
                            focus: focuses[(index + minutes) % focuses.count], seed: UInt64(checked))
                        request.availability.spare = [area]
                        // No plan is a fair answer when every move loads the area.
                        for item in builder.build(request)?.items ?? [] {
                            #expect(!item.loads.contains(area), "\(item.exercise) loads \(area): \(request)")
                        }
                        checked += 1
                    }
                }
            }
        }
        #expect(checked >= 1000)
    }

    /// A workout asked for with a mild pain said in the same line: built around the pain where an
    /// upper back workout can leave it out (`work_around` areas), never loading it, and the area is
    /// spared in the next workout too; where the workout itself would load the pain (the upper
    /// back, the shoulder, the neck), no workout, the pain answer.
    @Test func aWorkoutAskedWithPainElsewhereIsBuiltAroundIt() throws {
        var built = 0
        for area in knowledge.safety.painAreas {
            for kit in ["dumbbells", "a band", "no equipment"] {
                let line = "my \(area.name) is a bit sore, can you give me a 20 min upper back workout with \(kit)"
                let replies = Fixtures.converse([line, "make it 15 minutes"])
                guard area.workAround else {
                    #expect(replies[0].intent == .safety, "\(line)")
                    #expect(replies[0].routine == nil, "\(line)")
                    continue
                }
                #expect(replies[0].intent == .workout, "\(line)")
                for reply in replies {
                    for item in reply.routine?.items ?? [] {
                        #expect(!item.loads.contains(area.id), "\(line): \(item.exercise) loads \(area.id)")
                    }
                }
                if replies[0].routine != nil { built += 1 }
            }
        }
        #expect(built >= 6)
        // The area named as what to train is not taken for the pain.
        let reply = Fixtures.converse(["my wrist hurts a bit, 15 min upper back workout please"])[0]
        #expect(reply.understanding?.hurtAreas == ["wrist"])
    }

    /// "My shoulder hurts when I do pull-ups, what can I do instead?", for every exercise and
    /// every area: the answer is a swap, never the exercise itself or one that loads the area.
    @Test func aSwapAskedForPainSparesTheArea() throws {
        var swaps = 0
        var lines = 0
        for area in knowledge.safety.painAreas {
            for exercise in knowledge.exercises {
                let line = "my \(area.name) hurts when I do \(exercise.name), what can I do instead?"
                let reply = Fixtures.converse([line])[0]
                lines += 1
                #expect(reply.intent == .safety, "\(line)")
                guard reply.ask == .substitute else { continue }
                swaps += 1
                for suggestion in reply.exercises {
                    // (The same exercise only done a way that leaves the area out: the row chest
                    // down on a bench for a lower back.)
                    let wayLoads = try #require(loads(of: suggestion))
                    #expect(suggestion.id != exercise.id || suggestion.way != nil, "\(line): \(suggestion.id)")
                    #expect(!wayLoads.contains(area.id), "\(line): \(suggestion.id) loads \(area.id)")
                }
            }
        }
        // Most such lines are read as asking for a swap; the rest get the pain answer.
        #expect(Double(swaps) >= Double(lines) * 0.8, "\(swaps) of \(lines) answered as swaps")
    }

    /// "Deadlifts hurt my back": the back said as a whole, of a move that loads the lower back, is
    /// spared as the lower back (`vague_words` in safety.yaml), for every such exercise.
    @Test func theBackSaidAsAWholeIsTheLowerBackOfAMoveThatLoadsIt() throws {
        var checked = 0
        for exercise in knowledge.exercises where exercise.loads.contains("lower-back") {
            let line = "\(exercise.name) hurts my back, what can I do instead?"
            let reply = Fixtures.converse([line])[0]
            #expect(reply.intent == .safety, "\(line)")
            #expect(reply.understanding?.painAreas == ["lower-back"], "\(line)")
            for suggestion in reply.exercises {
                #expect(
                    try #require(loads(of: suggestion)).contains("lower-back") == false, "\(line): \(suggestion.id)")
            }
            checked += 1
        }
        #expect(checked >= 3)
        // (A move that leaves the lower back alone names no place: "my back hurts after face pulls".)
        let faceDown = Fixtures.converse(["face pulls hurt my back"])[0]
        #expect(faceDown.understanding?.painAreas.isEmpty == true)
    }

    /// The areas the way suggested loads (`ExerciseWay.loads`), its exercise's when no way is said.
    func loads(of suggestion: Reply.Suggestion) -> Set<String>? {
        guard let exercise = knowledge.exercise(suggestion.id) else { return nil }
        return exercise.ways.first { $0.id == suggestion.way }?.loads ?? exercise.loads
    }

    /// A way that leaves out an area its exercise loads (`loads` in the way: the row chest down on
    /// an incline bench, for a lower back): asked to swap that exercise for that pain, with that
    /// way's kit, the reply offers it first, as the same exercise; a workout sparing the area with
    /// that kit may keep the exercise, done that way and no other.
    @Test func aWayThatSparesTheAreaIsOfferedFirst() throws {
        var checked = 0
        for exercise in knowledge.exercises {
            for way in exercise.ways where way.ownLoads != nil && !way.isDrill {
                for area in exercise.loads.subtracting(way.loads) {
                    let areaName = try #require(knowledge.safety.painAreas.first { $0.id == area }).name
                    let kit = way.equipment.map(knowledge.equipmentName).joined(separator: " and ")
                    let replies = Fixtures.converse([
                        "I have \(kit)",
                        "the \(exercise.name) hurts my \(areaName), what can I do instead?",
                    ])
                    let first = try #require(replies[1].exercises.first, "\(exercise.id) for \(area)")
                    #expect(first.id == exercise.id && first.way == way.id, "\(exercise.id) for \(area): \(first)")
                    var request = WorkoutRequest(
                        minutes: 30, availability: Availability(have: Set(way.equipment)), level: .advanced,
                        focus: nil, seed: 1)
                    request.availability.spare = [area]
                    request.include = [exercise.id]
                    let plan = try #require(builder.build(request))
                    let item = try #require(plan.items.first { $0.exercise == exercise.id })
                    #expect(item.loads == way.loads)
                    checked += 1
                }
            }
        }
        #expect(checked >= 3)
    }

    @Test func noSwapLoadsASparedArea() {
        var checked = 0
        for area in knowledge.safety.painAreas.map(\.id) {
            for exercise in knowledge.exercises {
                for equipment in WorkoutPropertyTests.equipmentSets {
                    let options = finder.alternatives(
                        to: exercise, with: Availability(have: equipment), sparing: [area])
                    for option in options {
                        #expect(!option.way.loads.contains(area), "\(option.exercise.id) loads \(area)")
                    }
                    for closest in finder.closestBodyweight(to: exercise, sparing: [area]) {
                        #expect(!closest.way.loads.contains(area))
                    }
                    checked += 1
                }
            }
        }
        #expect(checked >= 1000)
    }

    /// Away from the gym after a pain report: what is listed spares the area too, and the reply
    /// never ends half a sentence (it did, when every close move was spared).
    @Test func theAwayFromTheGymListSparesTheArea() throws {
        for area in knowledge.safety.painAreas {
            var state = ConversationState()
            state.painReported = [area.id]
            var session = ChatSession(coach: Fixtures.coach, state: state)
            let reply = try #require(
                session.handle("I travel a lot for work, is there anything I can do in my hotel room?").reply)
            for suggestion in reply.exercises {
                #expect(loads(of: suggestion)?.contains(area.id) == false, "\(suggestion.id) for \(area.id)")
            }
            #expect(!reply.text.hasSuffix(" is"), "\(reply.text)")
        }
    }

    /// Every exercise says which areas it loads, and only areas safety.yaml knows.
    @Test func everyExerciseSaysWhatItLoads() {
        let areas = Set(knowledge.safety.painAreas.map(\.id))
        for exercise in knowledge.exercises {
            #expect(!exercise.loads.isEmpty, "\(exercise.id) loads nothing")
            #expect(exercise.loads.isSubset(of: areas), "\(exercise.id)")
        }
    }

    /// In a conversation: pain reported, then a workout leaves its moves out and says so; "it
    /// feels better" brings them back.
    @Test func theConversationSparesTheAreaUntilItIsBetter() throws {
        let replies = Fixtures.converse([
            "my lower back hurts after deadlifts",
            "give me a 20 minute workout with dumbbells",
            "what can I do instead of bent over rows?",
            "my back feels better now",
            "give me a 20 minute workout with dumbbells",
        ])
        let spared = try #require(replies[1].routine)
        #expect(!spared.items.isEmpty)
        for item in spared.items {
            #expect(!item.loads.contains("lower-back"), "\(item.exercise)")
        }
        #expect(replies[1].reasons.contains(.sparesPain(["lower-back"])))
        #expect(replies[2].exercises.allSatisfy { !(loads(of: $0)?.contains("lower-back") ?? true) })
        #expect(replies[3].reasons.contains(.painBetter))
        #expect(!replies[4].reasons.contains(.sparesPain(["lower-back"])))
    }
}
