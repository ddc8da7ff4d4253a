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

/// The workout builder keeps its promises over many generated requests: the estimate lands within
/// 10% of the minutes (never more than a minute over), only equipment the person has is used,
/// no exercise is above their level, and the same seed gives the same workout.
struct WorkoutPropertyTests {
    let knowledge = Fixtures.knowledge
    let builder = WorkoutBuilder(knowledge: Fixtures.knowledge)

    static let equipmentSets: [Set<EquipmentID>] = [
        ["none"], ["resistance-band"], ["dumbbell"], ["kettlebell"], ["mini-loop"], ["resistance-band", "dumbbell"],
        ["dumbbell", "bench"], ["suspension-trainer"], ["pull-up-bar"], ["barbell", "power-rack"], ["towel"],
        ["cable-machine", "lat-pulldown-machine", "dumbbell", "barbell", "bench"],
        ["resistance-band", "door-anchor", "mini-loop"],
    ]

    @Test func constraintsHoldOverGeneratedRequests() throws {
        var count = 0
        let focuses: [String?] = [nil, "posterior-deltoid", "latissimus-dorsi", "rhomboids", "trapezius"]
        for equipment in Self.equipmentSets {
            for minutes in stride(from: 3, through: 60, by: 3) {
                for level in Level.allCases {
                    for focus in focuses {
                        let request = WorkoutRequest(
                            minutes: minutes, availability: Availability(have: equipment), level: level, focus: focus,
                            seed: UInt64(count))
                        let plan = try #require(builder.build(request), "no plan for \(equipment) \(minutes) min")
                        let target = Double(minutes * 60)
                        let estimate = Double(plan.estimatedSeconds)
                        #expect(
                            estimate >= target * 0.9, "\(equipment) \(minutes) min \(level): \(plan.estimatedSeconds) s"
                        )
                        #expect(
                            estimate <= min(target * 1.1, target + 60),
                            "\(equipment) \(minutes) min \(level): \(plan.estimatedSeconds) s")
                        for item in plan.items {
                            #expect(
                                Set(item.equipment).subtracting(["none", "mat"]).isSubset(of: equipment),
                                "\(item.exercise) needs \(item.equipment)")
                            #expect((knowledge.exercise(item.exercise)?.level ?? .advanced) <= level)
                        }
                        count += 1
                    }
                }
            }
        }
        #expect(count >= 1000)
    }

    @Test func sameSeedSameWorkoutAnotherSeedAnother() throws {
        let request = WorkoutRequest(
            minutes: 15, availability: Availability(have: ["resistance-band", "dumbbell"]), level: .beginner,
            focus: nil, seed: 7)
        #expect(builder.build(request) == builder.build(request))
        var other = request
        other.seed = 8
        #expect(builder.build(request)?.items.map(\.exercise) != builder.build(other)?.items.map(\.exercise))
    }

    @Test func theSixMinuteRoutineIsExact() throws {
        let reply = Fixtures.converse(["give me the 6 minute upper back workout with a band"])[0]
        let routine = try #require(reply.routine)
        #expect(routine.routineID == "six-minute-upper-back")
        #expect(routine.rounds == 2)
        #expect(
            routine.items.map(\.exercise) == ["band-pull-apart", "single-arm-pulldown", "i-y-t", "band-row-with-pause"])
        #expect(routine.items.map(\.reps) == [20, 10, 15, 8])
        #expect(routine.items.last?.restSeconds == 30)
        let article = try #require(Fixtures.knowledge.routines.first { $0.id == "six-minute-upper-back" })
        #expect(article.perWeek == 5 && article.source.id == "strength-coach-home")
    }
}
