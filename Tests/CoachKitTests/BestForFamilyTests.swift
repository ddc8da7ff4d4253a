import CoachDialogue
import CoachModel
import CoachRecommending
import Testing

/// "What rows can I do with just a band?": for every family of exercises and every kit, the
/// answer lists only members of that family, each by a way the kit allows; when the kit allows
/// none, it says so and lists only ways that things many homes have open up.
struct BestForFamilyTests {
    let knowledge = Fixtures.knowledge

    @Test func familyMembersTheKitAllows() throws {
        var listed = 0
        var none = 0
        let kits: [EquipmentID] = [
            "resistance-band", "dumbbell", "kettlebell", "pull-up-bar", "towel", "cable-machine",
        ]
        for (name, members) in knowledge.language.families where members.count >= 2 && !name.contains(" ") {
            for kit in kits {
                let kitName = knowledge.equipmentName(kit)
                let reply = Fixtures.converse(["what \(name) can i do with just a \(kitName)?"])[0]
                guard reply.ask == .bestFor else { continue }
                let allowed = Availability(have: [kit])
                let fits = members.compactMap(knowledge.exercise).filter { allowed.firstWay(of: $0) != nil }
                for suggestion in reply.exercises {
                    #expect(members.contains(suggestion.id), "\(name) with \(kit): \(suggestion.id)")
                    let exercise = try #require(knowledge.exercise(suggestion.id))
                    let way = try #require(exercise.ways.first { $0.id == suggestion.way })
                    if fits.isEmpty {
                        let everyday = Set(knowledge.equipment.filter { $0.household || $0.inManyHomes }.map(\.id))
                        #expect(way.needs.isSubset(of: everyday.union([kit])), "\(name) with \(kit): \(way.id)")
                    } else {
                        #expect(allowed.allows(way), "\(name) with \(kit): \(suggestion.id) \(way.id)")
                    }
                }
                if fits.isEmpty { none += 1 } else { listed += 1 }
            }
        }
        #expect(listed >= 3 && none >= 1, "\(listed) listed, \(none) none")
    }
}
