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

/// Over every catalog exercise and every set of one or two missing pieces of equipment, no
/// suggested alternative needs what is missing, and the first suggestion is the same exercise
/// done another way whenever such a way exists.
struct SubstitutionPropertyTests {
    let knowledge = Fixtures.knowledge
    let finder = SubstitutionFinder(knowledge: Fixtures.knowledge)

    var missingSets: [Set<EquipmentID>] {
        let ids = knowledge.equipment.map(\.id).filter { $0 != knowledge.bodyweightID }
        var sets: [Set<EquipmentID>] = ids.map { [$0] }
        for (index, first) in ids.enumerated() {
            for second in ids[(index + 1)...] { sets.append([first, second]) }
        }
        return sets
    }

    /// With no kit said, a move done with no kit is never swapped for a harder move of another kind
    /// that needs kit (the superman for the barbell deadlift); said to be at a gym, it may be.
    @Test func aKitFreeMoveIsNotSwappedUpToAHarderLiftOfAnotherKind() throws {
        var checked = 0
        for exercise in knowledge.exercises where exercise.ways.first?.needs.isEmpty == true {
            for alternative in finder.alternatives(to: exercise, with: Availability(have: nil)) {
                checked += 1
                #expect(
                    alternative.samePattern || alternative.exercise.level <= exercise.level
                        || alternative.way.needs.isEmpty,
                    "\(exercise.id): \(alternative.exercise.id) \(alternative.way.id)")
            }
        }
        #expect(checked > 0)
        let gym = Availability(have: Set(knowledge.equipment.map(\.id)))
        let superman = try #require(knowledge.exercise("superman"))
        #expect(finder.alternatives(to: superman, with: gym).contains { $0.exercise.id == "deadlift" })
    }

    @Test func noAlternativeNeedsMissingEquipment() {
        var checked = 0
        for exercise in knowledge.exercises {
            for missing in missingSets {
                let availability = Availability(have: nil, missing: missing)
                let alternatives = finder.alternatives(to: exercise, with: availability)
                for alternative in alternatives {
                    #expect(
                        alternative.way.needs.isDisjoint(with: missing),
                        "\(exercise.id) without \(missing): \(alternative.exercise.id) \(alternative.way.id)")
                }
                // (A learning drill is never offered, so it does not count as a way to keep it.)
                if let first = alternatives.first,
                    exercise.ways.contains(where: { availability.allows($0) && !$0.isDrill })
                {
                    #expect(first.isSameExercise, "\(exercise.id) without \(missing) should first keep the exercise")
                }
                checked += 1
            }
        }
        #expect(checked == knowledge.exercises.count * missingSets.count)
    }

    @Test func repliesNeverSuggestMissingEquipment() {
        for exercise in knowledge.exercises {
            for missing in missingSets.prefix(40) {
                let names = missing.sorted().map(knowledge.equipmentName).joined(separator: " and no ")
                let reply = Fixtures.converse(["no \(names), what instead of \(exercise.name)?"])[0]
                for suggestion in reply.exercises {
                    #expect(
                        Set(suggestion.equipment).isDisjoint(with: missing),
                        "\(exercise.id) without \(missing): \(suggestion)")
                }
            }
        }
    }

    /// Each option's reason says how it differs, so no two options in one reply read the same, and
    /// every exercise carries its own swap note.
    @Test func reasonsDifferWithinAReply() {
        for exercise in knowledge.exercises {
            #expect(exercise.swapNote != nil, "\(exercise.id) has no swap_note")
            for missing in missingSets.prefix(12) {
                let names = missing.sorted().map(knowledge.equipmentName).joined(separator: " and no ")
                let reply = Fixtures.converse(["no \(names), what instead of \(exercise.name)?"])[0]
                for case let .bullets(items) in reply.blocks {
                    let reasons = items.compactMap { $0.split(separator: ":", maxSplits: 1).dropFirst().first }
                    #expect(Set(reasons).count == reasons.count, "\(exercise.id) without \(missing): \(reasons)")
                }
            }
        }
    }

    @Test func onlyWhatYouHave() {
        let availability = Availability(have: ["dumbbell"])
        for exercise in knowledge.exercises {
            for alternative in finder.alternatives(to: exercise, with: availability) {
                #expect(alternative.way.needs.isSubset(of: ["dumbbell", "mat"]))
            }
        }
    }

    @Test func towelStandsInForABand() {
        let reply = Fixtures.converse(["what can I use instead of a resistance band?"])[0]
        #expect(reply.intent == .substitution)
        #expect(reply.text.contains("Towel"))
        #expect(reply.sources.contains { $0.id == "upper-back-moves" })
    }

    /// Every suggestion is an easier exercise, or the pull-up itself done an easier way (the slow
    /// lowering, a level below the full move).
    @Test func easierAlternativeIsEasier() throws {
        let reply = Fixtures.converse(["easier alternative to pull-ups"])[0]
        let pullUp = try #require(knowledge.exercise("pull-up"))
        #expect(!reply.exercises.isEmpty)
        for suggestion in reply.exercises {
            let exercise = try #require(knowledge.exercise(suggestion.id))
            let easierWay = exercise.ways.first { $0.id == suggestion.way }.flatMap(\.level).map { $0 < pullUp.level }
            #expect(exercise.level < pullUp.level || pullUp.easier.contains(exercise.id) || easierWay == true)
        }
    }

    @Test func nothingFitsGivesTheClosestBodyweightMove() {
        let reply = Fixtures.converse(["I only have a towel, what can replace a deadlift?"])[0]
        #expect(reply.intent == .substitution)
        #expect(reply.exercises.count >= 1)
        #expect(reply.exercises.allSatisfy { Set($0.equipment).isSubset(of: ["none", "mat", "towel"]) })
    }

    /// Away from the gym: the best few, strength work first and varied, never a learning drill
    /// ("with empty hands") offered as training.
    @Test func awayFromTheGymOffersTheBestFew() throws {
        let reply = Fixtures.converse(["I'll be travelling for two weeks with no gym, what can I do for my back?"])[0]
        #expect(reply.intent == .substitution)
        #expect((2...4).contains(reply.exercises.count))
        let exercises = try reply.exercises.map { try #require(knowledge.exercise($0.id)) }
        #expect(exercises.allSatisfy { $0.pattern != .mobility })
        #expect(Set(exercises.map(\.pattern)).count >= 2)
        #expect(!reply.text.contains("empty hands"))
    }
}
