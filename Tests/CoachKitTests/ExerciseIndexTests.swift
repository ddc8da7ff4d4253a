import CoachEvaluation
import CoachLoading
import CoachModel
import CoachRendering
import CoachSnapshot
import CoachStorage
import CoachUnderstanding
import Testing

@testable import CoachDialogue
@testable import CoachRecommending

/// The numbered index that swaps and workouts rank with gives the same answers as the plain
/// sets of ids it stands for.
struct ExerciseIndexTests {
    let knowledge = Fixtures.knowledge
    let index = ExerciseIndex(knowledge: Fixtures.knowledge)

    /// Have-lists and missing-lists over every piece of equipment, alone and in pairs.
    var availabilities: [Availability] {
        let ids = knowledge.equipment.map(\.id)
        var found: [Availability] = [Availability(have: nil), Availability(have: [])]
        for (position, first) in ids.enumerated() {
            found += [Availability(have: [first]), Availability(have: nil, missing: [first])]
            for second in ids[(position + 1)...] {
                found += [
                    Availability(have: [first, second]), Availability(have: nil, missing: [first, second]),
                    Availability(have: [first], missing: [second]),
                ]
            }
        }
        return found + [Availability(have: ["no-such-thing"]), Availability(have: nil, missing: ["no-such-thing"])]
    }

    @Test func theFirstAllowedWayIsTheSame() {
        var compared = 0
        for availability in availabilities {
            let coded = index.coded(availability)
            for (position, exercise) in knowledge.exercises.enumerated() {
                let expected = availability.firstWay(of: exercise).flatMap { way in exercise.ways.firstIndex(of: way) }
                #expect(index.firstWay(of: position, coded) == expected, "\(exercise.id) with \(availability)")
                compared += 1
            }
        }
        #expect(compared > 10_000)
    }

    @Test func sharedMusclesAreCounted() {
        for (position, exercise) in knowledge.exercises.enumerated() {
            for other in knowledge.exercises {
                let shared = Set(exercise.muscles.map(\.muscle)).intersection(other.muscles.map(\.muscle)).count
                let primary = Set(exercise.primaryMuscles).intersection(other.primaryMuscles).count
                #expect(
                    index.entries[position].muscles.sharedCount(with: index.muscles(other.muscles.map(\.muscle)))
                        == shared)
                #expect(
                    index.entries[position].primary.sharedCount(with: index.muscles(other.primaryMuscles)) == primary)
            }
        }
    }

    @Test func bitSetsOverManyWords() {
        let wide = BitSet([0, 63, 64, 200])
        #expect(wide.contains(200) && wide.contains(63) && !wide.contains(1) && !wide.contains(-1))
        #expect(wide.sharedCount(with: BitSet([63, 200, 201])) == 2)
        #expect(BitSet([64]).isSubset(of: wide) && !BitSet([65]).isSubset(of: wide) && BitSet([]).isSubset(of: wide))
        #expect(!BitSet([1]).intersects(wide) && BitSet([1, 200]).intersects(wide))
        #expect(BitSet([]).isEmpty && !wide.isEmpty && !BitSet([200]).isEmpty)
    }
}
