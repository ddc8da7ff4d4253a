import CoachModel
import CoachRecommending
import Testing

/// A session carried over weeks keeps the promises of progressive overload over many generated
/// workouts: week 1 is the session as built, no week asks less than the one before it in the
/// same block (reps, then a set, then load), sets never pass the most, reps never pass the top of a
/// move's range in a week of more reps, and a week of more load returns to week 1's reps.
struct ProgramWeeksTests {
    let knowledge = Fixtures.knowledge
    let builder = WorkoutBuilder(knowledge: Fixtures.knowledge)

    @Test func weeksProgressOverGeneratedWorkouts() throws {
        var checked = 0
        for equipment in WorkoutPropertyTests.equipmentSets {
            for minutes in stride(from: 5, through: 45, by: 10) {
                for level in Level.allCases {
                    let request = WorkoutRequest(
                        minutes: minutes, availability: Availability(have: equipment), level: level, focus: nil,
                        seed: UInt64(minutes))
                    let plan = try #require(builder.build(request))
                    for weeks in [4, 8] {
                        let program = ProgramWeeks(plan, weeks: weeks, knowledge: knowledge)
                        #expect(program.steps.count == weeks)
                        #expect(program.steps.first == .asBuilt)
                        let main = plan.items.filter { !$0.isWarmUp }
                        #expect(program.rows.map(\.exercise) == main.map(\.exercise))
                        for (row, item) in zip(program.rows, main) {
                            let first = try #require(row.weeks.first)
                            #expect(first.sets == item.sets && first.reps == item.reps && !first.moreLoad)
                            let top = knowledge.exercise(item.exercise)?.dosage.reps?.upperBound
                            for (week, step) in program.steps.enumerated() {
                                let dose = row.weeks[week]
                                #expect(dose.sets <= max(item.sets, ProgramWeeks.mostSets))
                                switch step {
                                case .asBuilt: break
                                case .moreReps:
                                    if let reps = dose.reps, let before = item.reps {
                                        #expect(reps >= before)
                                        if let top { #expect(reps <= max(top, before)) }
                                    }
                                case .moreSets:
                                    #expect(dose.sets >= row.weeks[week - 1].sets)
                                    #expect(dose.reps == row.weeks[week - 1].reps)
                                case .moreLoad:
                                    #expect(dose.moreLoad && dose.reps == item.reps)
                                    #expect(dose.sets == row.weeks[week - 1].sets)
                                }
                            }
                        }
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 100)
    }

    @Test func weeksAreKeptToTheirRange() throws {
        let plan = try #require(
            builder.build(
                WorkoutRequest(
                    minutes: 10, availability: Availability(have: ["dumbbell"]), level: .beginner, focus: nil, seed: 0))
        )
        #expect(ProgramWeeks(plan, weeks: 1, knowledge: knowledge).steps.count == ProgramWeeks.weeksRange.lowerBound)
        #expect(ProgramWeeks(plan, weeks: 40, knowledge: knowledge).steps.count == ProgramWeeks.weeksRange.upperBound)
    }
}
