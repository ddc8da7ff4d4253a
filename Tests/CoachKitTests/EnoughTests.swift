import CoachDialogue
import CoachModel
import CoachRecommending
import Testing

/// "Is the face pull enough for my upper back?": for every exercise, the answer adds only moves
/// of the kinds it lacks (`balance` in muscles.yaml), never the move itself, with kit the person
/// said they have, and between them the moves reach every main muscle or every kind of move.
struct EnoughTests {
    let knowledge = Fixtures.knowledge

    @Test func addsWhatEachMoveLacks() throws {
        let balance = knowledge.balance
        #expect(balance.patterns.count >= 3 && balance.muscles.count >= 3)
        var answered = 0
        for exercise in knowledge.exercises {
            let reply = Fixtures.converse(["is the \(exercise.name) enough for my upper back?"])[0]
            guard reply.ask == .whatItWorks else { continue }
            answered += 1
            let added = try reply.exercises.map { try #require(knowledge.exercise($0.id)) }
            #expect(!added.contains { $0.id == exercise.id }, "\(exercise.id) offered for itself")
            // (A kind the move only looks like is still lacking: the pullover works the chest.)
            let worksTheBack = !Set(exercise.primaryMuscles).isDisjoint(with: balance.muscles)
            for move in added {
                #expect(balance.patterns.contains(move.pattern), "\(exercise.id): \(move.id)")
                #expect(!worksTheBack || move.pattern != exercise.pattern, "\(exercise.id): \(move.id)")
            }
            let all = [exercise] + added
            let muscles = Set(all.flatMap(\.primaryMuscles))
            let kinds = Set(all.map(\.pattern))
            #expect(
                Set(balance.muscles).isSubset(of: muscles) || Set(balance.patterns).isSubset(of: kinds),
                "\(exercise.id): \(added.map(\.id)) leave the back uncovered")
        }
        #expect(answered >= knowledge.exercises.count * 3 / 4, "only \(answered) answered")
    }

    @Test func addsWithTheKitSaid() throws {
        for kit: EquipmentID in ["dumbbell", "resistance-band"] {
            let name = knowledge.equipmentName(kit)
            let replies = Fixtures.converse(["i only have a \(name)", "are face pulls enough for my back?"])
            let reply = replies[1]
            #expect(reply.ask == .whatItWorks)
            #expect(!reply.exercises.isEmpty, "nothing added with \(kit)")
            for suggestion in reply.exercises {
                let exercise = try #require(knowledge.exercise(suggestion.id))
                let way = try #require(exercise.ways.first { $0.id == suggestion.way })
                #expect(Availability(have: [kit]).allows(way), "\(kit): \(suggestion.id) \(way.id)")
            }
        }
    }

    @Test func aDoseOrAStrengthIsNoQuestionOfEnough() {
        let lead = String(knowledge.replies(.enoughNoOne).prefix { $0 != "{" })
        #expect(lead.count >= 10)
        for line in ["is 3 sets of face pulls enough?", "am i strong enough to do pull ups?", "is a band enough?"] {
            let blocks = Fixtures.converse([line])[0].blocks
            #expect(
                !blocks.contains { if case let .paragraph(text) = $0 { text.hasPrefix(lead) } else { false } },
                "\(line)")
        }
        #expect(
            Fixtures.converse(["are pull ups enough for my back?"])[0].blocks.contains {
                if case let .paragraph(text) = $0 { text.hasPrefix(lead) } else { false }
            })
    }
}
