import CoachDialogue
import CoachEvaluation
import CoachKnowledge
import CoachLoading
import CoachModel
import CoachRendering
import CoachStorage
import CoachUnderstanding
import Foundation
import Testing

@testable import CoachRecommending
@testable import CoachSnapshot

/// The snapshot a built coach starts from: it must be the coach of `Knowledge/` as it is now,
/// give back exactly the coach it was made from, and turn damaged bytes into a clear error.
struct SnapshotTests {
    /// The build made the snapshot from the folder as it is: no edit to Knowledge/ is missed.
    @Test func theBuiltInSnapshotIsTheFolder() throws {
        let builtIn = try Coach(snapshot: EmbeddedKnowledge.snapshot())
        let sameKnowledge = builtIn.isSame(as: Coach(knowledge: Fixtures.knowledge, interpreter: builtIn.interpreter))
        let sameUnderstanding = builtIn.interpreter == Fixtures.coach.interpreter
        #expect(sameKnowledge, "the built-in snapshot holds another Knowledge/ than the folder's: run make snapshot")
        #expect(
            sameUnderstanding,
            "the built-in snapshot understands differently from a coach trained now: run make snapshot FORCE=1")
    }

    @Test func aSnapshotGivesBackTheSameCoach() throws {
        let restored = try Coach(snapshot: try Fixtures.coach.snapshot())
        let same = restored.isSame(as: Fixtures.coach)
        #expect(same)
        // Equal values, and also the same behaviour: every dev-set line is understood alike.
        for example in try Evaluation.load(Fixtures.devSet) {
            let understood = restored.interpreter.understand(example.text)
            #expect("\(understood)" == "\(Fixtures.coach.interpreter.understand(example.text))")
        }
    }

    /// Equality looks inside: the same knowledge trains equal interpreters (not the same object),
    /// other knowledge unequal ones, which is what lets the check above fail.
    @Test func interpretersAreComparedByWhatTheyHold() {
        let again = Interpreter(knowledge: Fixtures.knowledge)
        #expect(again !== Fixtures.coach.interpreter)
        #expect(again == Fixtures.coach.interpreter)
        #expect(Interpreter(knowledge: Fixtures.knowledge.scaled(by: 2)) != Fixtures.coach.interpreter)
    }

    @Test func aGrownKnowledgeBaseRoundTrips() throws {
        let grown = Coach(knowledge: Fixtures.knowledge.scaled(by: 3))
        let same = try Coach(snapshot: try grown.snapshot()).isSame(as: grown)
        #expect(same)
    }

    @Test func otherBytesAreRefusedByName() throws {
        let bytes = try Fixtures.coach.snapshot()
        #expect(throws: SnapshotError.self) { try Coach(snapshot: []) }
        #expect(throws: SnapshotError.self) { try Coach(snapshot: Array("version: 1\n".utf8) + bytes) }
        do {
            _ = try Coach(snapshot: Array("not a snapshot".utf8))
            Issue.record("read a text as a snapshot")
        } catch {
            #expect(error.description.contains("not a coach snapshot"))
        }
        var newer = bytes
        newer[Array("coach-snapshot\n".utf8).count] = 99
        do {
            _ = try Coach(snapshot: newer)
            Issue.record("read a snapshot of another format")
        } catch {
            #expect(error.description.contains("format 99"))
        }
    }

    /// Cut short anywhere, or with bytes flipped, a snapshot fails with an error or (rarely, for a
    /// flipped byte inside a number or text) reads as some coach: never a crash or a hang.
    @Test func damagedSnapshotsFailCleanly() throws {
        let bytes = try Fixtures.coach.snapshot()
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 100)) {
            #expect(throws: SnapshotError.self) { try Coach(snapshot: Array(bytes[..<cut])) }
        }
        // A fixed seed: the same hundred damaged snapshots on every run, so a failure repeats.
        var random = SeededRandom(seed: 20_261_128)
        for _ in 0..<100 {
            var damaged = bytes
            let position = Int.random(in: 0..<damaged.count, using: &random)
            damaged[position] ^= UInt8.random(in: 1...255, using: &random)
            do {
                // Read as some coach: it must still answer, with a known intent.
                let coach = try Coach(snapshot: damaged)
                var state = ConversationState()
                let reply = coach.respond(to: "how do I do a face pull", state: &state)
                #expect(coach.knowledge.catalog.ids["intents"]?.contains(reply.intent.rawValue) == true)
            } catch {
                // Refused: `Coach(snapshot:)` throws only SnapshotError, which names what is wrong.
                #expect(!error.description.isEmpty, "byte \(position)")
            }
        }
    }
}

/// The format tags every value with its type and finds keyed values by key.
struct SnapshotFormatTests {
    struct Written: Encodable {
        var number: Int
        var name: String
        var scores: [Double]

        enum CodingKeys: String, CodingKey { case number, name, scores }

        // Writes its keys in the reverse of the order the reader's type declares them.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(scores, forKey: .scores)
            try container.encode(name, forKey: .name)
            try container.encode(number, forKey: .number)
        }
    }

    struct Read: Decodable, Equatable {
        var number: Int
        var name: String
        var scores: [Double]
        var added: Int?
    }

    struct Mistyped: Decodable {
        var number: String
    }

    @Test func keysAreFoundWhateverTheirOrderAndAKeyNotWrittenIsNil() throws {
        let bytes = try SnapshotEncoder.encode(Written(number: -7, name: "face pull", scores: [0.5, 2]))
        let read = try SnapshotDecoder.decode(Read.self, from: bytes)
        #expect(read == Read(number: -7, name: "face pull", scores: [0.5, 2], added: nil))
    }

    @Test func aValueOfAnotherTypeIsRefusedByName() throws {
        let bytes = try SnapshotEncoder.encode(Written(number: 3, name: "row", scores: []))
        do {
            _ = try SnapshotDecoder.decode(Mistyped.self, from: bytes)
            Issue.record("an integer was read as a string")
        } catch {
            #expect(error.description.contains("expected a string, found an integer"), "\(error)")
        }
    }
}
