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

/// Real questions people posted (Tests/questions/): both splits are complete and labelled, and
/// coach's replies to the frozen test split never fall below what the code reached on it when
/// each floor was set. Floors are the measured figures themselves, not a margin under them; they
/// go down only for a change the issues ask for, with the reason in the commit that lowers them,
/// and nothing is ever written from a test line to raise them.
struct QuestionSetTests {
    /// Measured on Tests/questions/test.yaml by `coach eval Tests/questions/test.yaml`, as lines
    /// passing over lines judged (the same division the evaluation makes, so equal is equal).
    static let floors = (
        intent: 128.0 / 160, ask: 75.0 / 160, exercise: 56.0 / 61, safetyRecall: 94.0 / 94, redFlagRecall: 31.0 / 37,
        replyChecks: 124.0 / 160, workoutsHandedToPain: 0
    )

    static func load(_ url: URL) throws -> [LabelledQuestion] {
        try QuestionSet(contentsOf: url, knowledge: Fixtures.knowledge).questions
    }

    /// A reply mentions a word where a word starts: "rows" and "rowing" say "row", "grow" does not.
    @Test func mentionsAreWordsNotPieces() {
        #expect(ReplyEvaluation.says("keep your rows slow", "row"))
        #expect(ReplyEvaluation.says("rowing is fine", "row"))
        #expect(!ReplyEvaluation.says("muscles grow while you rest", "row"))
        #expect(ReplyEvaluation.says("draw your shoulder\nblades back", "shoulder blade"))
        #expect(!ReplyEvaluation.says("", "row"))
    }

    @Test func bothSplitsAreRealLabelledAndApart() throws {
        let dev = try Self.load(Fixtures.devQuestions)
        let test = try Self.load(Fixtures.testQuestions)
        let all = dev + test
        #expect(all.count >= 300)
        #expect(all.filter(\.safety).count >= 80, "at least 80 lines about pain or injury")
        #expect(abs(dev.count - test.count) <= all.count / 10, "about half each")
        #expect(all.allSatisfy { $0.source.hasPrefix("http://") || $0.source.hasPrefix("https://") })
        #expect(Set(dev.map(\.text)).isDisjoint(with: test.map(\.text)), "a line in both splits")
        #expect(Set(all.map(\.id)).count == all.count, "ids are unique across the splits")
        for question in all {
            #expect(!question.redFlag || question.safety, "\(question.id): a red flag is a safety line")
            #expect((question.reason != nil) == (question.ask == .substitute), "\(question.id): reason only for swaps")
            #expect(!question.expect.mention.isEmpty, "\(question.id) checks no words of its reply")
        }
    }

    /// The training examples in Knowledge/language/examples/ are written from dev lines or from the
    /// knowledge, never from the test split; and the dev split, which they were written from, is
    /// judged by cross-validation so that its figures do not measure memory.
    @Test func trainingExamplesComeFromTheDevSplitOnly() throws {
        let dev = try Self.load(Fixtures.devQuestions)
        let test = try Self.load(Fixtures.testQuestions)
        let examples = Fixtures.knowledge.language.examples
        #expect(examples.count >= 500)
        let devIDs = Set(dev.map(\.id))
        for example in examples {
            if let from = example.from { #expect(devIDs.contains(from), "\(from) is not a dev line") }
        }
        let testTexts = Set(test.map { TextNormalizer.tokens($0.text).joined(separator: " ") })
        #expect(!examples.contains { testTexts.contains(TextNormalizer.tokens($0.text).joined(separator: " ")) })
        #expect(!ReplyEvaluation.trainsOn(test, Fixtures.knowledge))
        #expect(ReplyEvaluation.trainsOn(dev, Fixtures.knowledge))
        #expect(ReplyEvaluation(name: "dev", questions: dev, crossValidating: Fixtures.knowledge).crossValidated)
    }

    @Test func theFrozenTestSplitStaysAboveItsFloors() throws {
        let evaluation = ReplyEvaluation(
            name: "test split", questions: try Self.load(Fixtures.testQuestions), coach: Fixtures.coach)
        let report = evaluation.report(showFailures: 0)
        #expect(evaluation.intentAccuracy >= Self.floors.intent, "\(report)")
        #expect(evaluation.askAccuracy >= Self.floors.ask, "\(report)")
        #expect((evaluation.exerciseAccuracy ?? 0) >= Self.floors.exercise, "\(report)")
        #expect((evaluation.safetyRecall ?? 0) >= Self.floors.safetyRecall, "\(report)")
        #expect((evaluation.redFlagRecall ?? 0) >= Self.floors.redFlagRecall, "\(report)")
        #expect(evaluation.replyChecks >= Self.floors.replyChecks, "\(report)")
        #expect(evaluation.workoutsHandedToPain <= Self.floors.workoutsHandedToPain, "\(report)")
    }
}
