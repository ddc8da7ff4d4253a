import CoachDialogue
import CoachModel
import CoachRecommending
import Foundation
import Testing

/// The substitution promise, over every exercise, every stated kit (towel, door, band, dumbbells,
/// bench, bar, nothing, or none said) and every set of up to three missing pieces: no option
/// needs kit that is missing or, once the kit is said, kit that was never mentioned; the replaced
/// exercise shows up at most once, and then done another way with the kit at hand; and every
/// option works a main muscle of what it replaces.
struct SwapKitPropertyTests {
    let knowledge = Fixtures.knowledge
    let finder = SubstitutionFinder(knowledge: Fixtures.knowledge)

    /// The kits a person states, as they say them and as the ids they mean. Nil: no kit said.
    static let statedKits: [StatedKit] = [
        StatedKit(words: nil, kit: nil),
        StatedKit(words: "a towel", kit: ["towel"]),
        StatedKit(words: "a door", kit: ["door-anchor"]),
        StatedKit(words: "a resistance band", kit: ["resistance-band"]),
        StatedKit(words: "dumbbells", kit: ["dumbbell"]),
        StatedKit(words: "a bench", kit: ["bench"]),
        StatedKit(words: "a pull-up bar", kit: ["pull-up-bar"]),
        StatedKit(words: "no equipment at all", kit: []),
    ]

    /// Kit as a person states it, and the ids it means (nil: no kit said).
    struct StatedKit: Sendable, CustomTestStringConvertible {
        var words: String?
        var kit: Set<EquipmentID>?
        var testDescription: String { words ?? "no kit said" }
    }

    /// Kit that is always at hand and never needs saying (the floor, a mat).
    var alwaysAtHand: Set<EquipmentID> { [knowledge.bodyweightID, "mat"] }

    /// Every set of up to three missing pieces (the empty set included).
    var missingSets: [Set<EquipmentID>] {
        let ids = knowledge.equipment.map(\.id).filter { $0 != knowledge.bodyweightID }
        var sets: [Set<EquipmentID>] = [[]]
        for first in ids.indices {
            sets.append([ids[first]])
            for second in ids.indices where second > first {
                sets.append([ids[first], ids[second]])
                for third in ids.indices where third > second { sets.append([ids[first], ids[second], ids[third]]) }
            }
        }
        return sets
    }

    /// The finder itself, exhaustively: every exercise x every stated kit x every set of up to
    /// three missing pieces. (One case per stated kit, so that they run side by side.)
    @Test(arguments: statedKits) func everyOptionFitsTheKitAndTheJob(stated: StatedKit) {
        // (Failures gathered as text and checked once: an #expect per option made this test
        // take over a minute.)
        var failures: [String] = []
        var checked = 0
        for exercise in knowledge.exercises {
            let primary = Set(exercise.primaryMuscles)
            for missing in missingSets where stated.kit.map({ $0.isDisjoint(with: missing) }) ?? true {
                let availability = Availability(
                    have: stated.kit.map { $0.union([knowledge.bodyweightID]) }, missing: missing)
                let options = finder.alternatives(to: exercise, with: availability)
                let label = "\(exercise.id), kit \(stated.words ?? "unsaid"), missing \(missing.sorted())"
                for option in options {
                    if option.way.equipment.contains(where: missing.contains) {
                        failures.append("\(label): \(option.way.id) uses missing kit")
                    }
                    if let kit = stated.kit, !option.way.needs.isSubset(of: kit.union(alwaysAtHand)) {
                        failures.append("\(label): \(option.way.id) needs kit never said")
                    }
                    if primary.isDisjoint(with: option.exercise.primaryMuscles) {
                        failures.append("\(label): \(option.exercise.id) shares no main muscle")
                    }
                }
                let itself = options.filter { $0.exercise.id == exercise.id }
                if itself.count > 1 || itself.contains(where: { !$0.isSameExercise }) {
                    failures.append("\(label): the exercise itself listed \(itself.count) times")
                }
                checked += 1
            }
        }
        #expect(failures.isEmpty, "\(failures.count) failures, first: \(failures.prefix(10))")
        #expect(checked > knowledge.exercises.count * 800)
    }

    /// What a person reads: asked in words, with the kit said and the exercise's usual kit
    /// missing or not, the reply's options hold to the same promise. Two things the reply says
    /// in so many words are allowed: a towel (or a door or table) that "every home has" or "many
    /// homes have", when nothing fits the kit alone; and, when nothing works the same main
    /// muscles, the nearest moves, under a line that says they lean on other muscles or are not a
    /// close match (their `fit` is `nearest`).
    @Test(arguments: statedKits) func everyReplyFitsTheKitAndTheJob(stated: StatedKit) throws {
        var checked = 0
        let homeKit = knowledge.homeKit
        for exercise in knowledge.exercises {
            let primary = Set(exercise.primaryMuscles)
            let usual = (exercise.ways.first?.needs ?? []).subtracting(alwaysAtHand)
            let saysNotClose = [
                knowledge.replies(.substitutionAlsoNear), knowledge.replies(.substitutionNone, ["name": exercise.name]),
                knowledge.replies(.substitutionNoneAnyKit, ["name": exercise.name]),
            ]
            for missing in [Set<EquipmentID>(), usual] where stated.kit.map({ $0.isDisjoint(with: missing) }) ?? true {
                var words: [String] = []
                if !missing.isEmpty {
                    words.append("no " + missing.sorted().map(knowledge.equipmentName).joined(separator: " and no "))
                }
                if let said = stated.words {
                    words.append(said.hasPrefix("no ") ? "I have \(said)" : "I only have \(said)")
                }
                let line = (words + ["what can I do instead of the \(exercise.name)?"]).joined(separator: ", ")
                let reply = try #require(Fixtures.converse([line]).first)
                let text = reply.text.replacingOccurrences(of: "\n", with: " ")
                // (The words of substitution.household-assumed and of the *-at-home replies.)
                let householdSaid = text.contains("every home has") || text.contains("many homes have")
                for option in reply.exercises {
                    let equipment = Set(option.equipment)
                    #expect(equipment.isDisjoint(with: missing), "\(line) -> \(option.id) \(option.equipment)")
                    if let kit = stated.kit {
                        let allowed = kit.union(alwaysAtHand).union(householdSaid ? homeKit : [])
                        #expect(equipment.isSubset(of: allowed), "\(line) -> \(option.id) \(option.equipment)")
                    }
                    let optionPrimary = Set(knowledge.exercise(option.id)?.primaryMuscles ?? [])
                    switch option.fit {
                    case .sameExercise: #expect(option.id == exercise.id, "\(line)")
                    case .sameJob: #expect(!primary.isDisjoint(with: optionPrimary), "\(line) -> \(option.id)")
                    case .nearest:
                        #expect(primary.isDisjoint(with: optionPrimary), "\(line) -> \(option.id)")
                        #expect(saysNotClose.contains { text.contains($0) }, "\(line) -> \(option.id): not said")
                    case nil: Issue.record("\(line) -> \(option.id): a swap's option with no fit")
                    }
                }
                let itself = reply.exercises.filter { $0.id == exercise.id }
                #expect(itself.count <= 1, "\(line): itself \(itself.count) times")
                checked += 1
            }
        }
        #expect(checked > knowledge.exercises.count)
    }
}
