import CoachDialogue
import CoachEvaluation
import CoachLoading
import CoachModel
import CoachRecommending
import CoachRendering
import CoachSnapshot
import CoachStorage
import CoachUnderstanding
import Foundation
import Testing

/// `--json` prints one object per reply with exactly the contract's fields and types.
struct JSONContractTests {
    static let questions = [
        "how do I do a face pull", "no cable machine, what instead of face pulls?", "10 minutes with a band",
        "what do reverse flys work", "sharp pain down my arm during rows", "how often should I train my upper back",
        "hi", "help", "what's the weather like", "6 minute band workout",
        "I did 3 sets of 12 face pulls with the medium band", "what did I do this week?",
    ]

    func object(_ question: String) throws -> [String: Any] {
        let reply = Fixtures.converse([question])[0]
        let line = JSONReply.line(for: reply)
        #expect(!line.contains("\n"))
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    /// A pain word decides safety by rule, and the confidence is the classifier's own, not 1.0.
    @Test func aRuleIsNotDressedAsAProbability() throws {
        let pain = try object("should I try heat and ice along with 800mg of Motrin first?")
        #expect(pain["intent"] as? String == "safety")
        #expect(pain["decided_by"] as? String == "rule" && pain["rule"] as? String == "pain")
        #expect(try #require(pain["confidence"] as? Double) < 1)
        let safe = try object("is a band safe enough to start with")
        #expect(safe["intent"] as? String != "safety")
        #expect(safe["decided_by"] as? String == "classifier")
    }

    /// A post with two questions answers both, in order, and lists them under `parts`.
    @Test func aPostWithTwoQuestionsHasParts() throws {
        let json = try object("how do I do a face pull? and what do reverse flys work?")
        let parts = try #require(json["parts"] as? [[String: Any]])
        #expect(parts.count == 2)
        #expect(parts.first?["question"] as? String == "how do I do a face pull?")
        #expect(parts.last?["ask"] as? String == "what-it-works", "\(parts)")
        let single = try object("how do I do a face pull")
        #expect((single["parts"] as? [Any])?.isEmpty == true)
    }

    /// A post about a pain that asks two pain questions answers each, and lists them under `parts`
    /// with the ask of each.
    @Test func aPainPostWithTwoQuestionsHasParts() throws {
        let json = try object(
            "I strained my upper back doing rows yesterday. Should I skip tomorrow's workout? Can I take a muscle relaxant?"
        )
        #expect(json["intent"] as? String == "safety")
        let parts = try #require(json["parts"] as? [[String: Any]])
        #expect(parts.map { $0["ask"] as? String } == ["pain-train-through", "pain-treat"], "\(parts)")
        #expect(parts.last?["question"] as? String == "Can I take a muscle relaxant?")
        let text = try #require(json["text"] as? String)
        #expect(text.contains("pharmacist") && text.contains("Not through pain"), "\(text)")
    }

    @Test(arguments: questions)
    func replyFollowsTheContract(_ question: String) throws {
        let json = try object(question)
        #expect(
            Set(json.keys) == [
                "input", "intent", "ask", "confidence", "decided_by", "rule", "entities", "text", "exercises",
                "routine", "sources", "safety", "parts", "logged", "week",
            ])
        let decidedBy = try #require(json["decided_by"] as? String)
        #expect(Reply.DecidedBy(rawValue: decidedBy) != nil)
        #expect((decidedBy == "rule") == (json["rule"] is String), "a rule is named exactly when one decided")
        #expect(json["input"] as? String == question)
        let intent = try #require(json["intent"] as? String)
        #expect(Fixtures.knowledge.catalog.ids["intents"]?.contains(intent) == true)
        if let ask = json["ask"] as? String {
            #expect(Ask(rawValue: ask) != nil, "unknown ask \(ask)")
        } else {
            #expect(json["ask"] is NSNull)
        }
        let confidence = try #require(json["confidence"] as? Double)
        #expect((0...1).contains(confidence))
        let entities = try #require(json["entities"] as? [String: Any])
        #expect(
            Set(entities.keys) == ["exercise", "muscle", "equipment_have", "equipment_missing", "minutes", "level"])
        #expect(entities["equipment_have"] is [String] && entities["equipment_missing"] is [String])
        let text = try #require(json["text"] as? String)
        #expect(!text.isEmpty && !text.contains("\u{1B}"))
        for exercise in try #require(json["exercises"] as? [[String: Any]]) {
            // (`fit` on a swap's options only: how each stands in for the exercise replaced.)
            #expect(Set(exercise.keys).subtracting(["fit"]) == ["id", "name", "equipment"])
            if let fit = exercise["fit"] { #expect(["same-exercise", "same-job", "nearest"].contains(fit as? String)) }
            #expect(Fixtures.knowledge.exercise(ExerciseID(exercise["id"] as? String ?? "")) != nil)
            let equipment = try #require(exercise["equipment"] as? [String])
            #expect(equipment.allSatisfy { Fixtures.knowledge.equipment(EquipmentID($0)) != nil })
        }
        for source in try #require(json["sources"] as? [[String: Any]]) {
            #expect(Set(source.keys) == ["id", "title"])
        }
        if let routine = json["routine"] as? [String: Any] {
            #expect(Set(routine.keys) == ["title", "minutes", "rounds", "items"])
            for item in try #require(routine["items"] as? [[String: Any]]) {
                #expect(Set(item.keys) == ["exercise", "equipment", "sets", "reps", "seconds", "rest_seconds"])
            }
        } else {
            #expect(json["routine"] is NSNull)
        }
        if let safety = json["safety"] as? [String: Any] {
            #expect(Set(safety.keys) == ["red_flag", "advice"])
        } else {
            #expect(json["safety"] is NSNull)
        }
        if let logged = json["logged"] as? [String: Any] {
            #expect(json["ask"] as? String == "log-entry")
            #expect(Set(logged.keys).isSuperset(of: ["started", "source", "sets"]))
            for set in try #require(logged["sets"] as? [[String: Any]]) {
                #expect(Fixtures.knowledge.exercise(ExerciseID(set["exercise"] as? String ?? "")) != nil)
                #expect(set["done"] is Bool)
            }
        } else {
            #expect(json["logged"] is NSNull)
        }
    }

    @Test func formReplyNamesTheExerciseAndItsSources() throws {
        let json = try object("how do I do a face pull")
        #expect(json["intent"] as? String == "form")
        #expect((json["entities"] as? [String: Any])?["exercise"] as? String == "face-pull")
        #expect((json["exercises"] as? [[String: Any]])?.first?["id"] as? String == "face-pull")
        #expect(((json["sources"] as? [[String: Any]])?.count ?? 0) >= 1)
    }

    @Test func redFlagFillsTheSafetyBlock() throws {
        let json = try object("sharp pain down my arm during rows")
        #expect(json["intent"] as? String == "safety")
        #expect((json["safety"] as? [String: Any])?["red_flag"] as? Bool == true)
    }

    @Test func workoutFillsTheRoutine() throws {
        let json = try object("10 minutes with a band")
        #expect(json["intent"] as? String == "workout")
        let routine = try #require(json["routine"] as? [String: Any])
        #expect(routine["minutes"] as? Int == 10)
        let items = try #require(routine["items"] as? [[String: Any]])
        #expect(
            items.allSatisfy {
                ($0["equipment"] as? [String] ?? []).allSatisfy {
                    ["resistance-band", "none", "mat", "door-anchor"].contains($0)
                }
            })
    }
}
