import ArgumentParser
import CoachDialogue
import CoachEvaluation
import CoachModel
import CoachStorage
import Foundation

/// `coach eval [FILE...]`: how well coach answers labelled sets of questions.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure how well coach answers labelled questions.",
        discussion: """
            With no file: the dev and test splits of real questions (Tests/questions/dev.yaml, \
            Tests/questions/test.yaml), the two halves of a second collection of them \
            (Tests/questions/fresh-dev.yaml, Tests/questions/fresh-test.yaml) and the older dev set \
            (Tests/dev-set.yaml). The test split and the fresh test half are frozen: nothing in \
            Knowledge/ or Sources/ is written from their lines, so their figures are the ones to \
            trust.
            """)

    static let defaultFiles = [
        "Tests/questions/dev.yaml", "Tests/questions/test.yaml", "Tests/questions/fresh-dev.yaml",
        "Tests/questions/fresh-test.yaml", "Tests/dev-set.yaml",
    ]

    @OptionGroup var knowledge: KnowledgeOptions
    @Argument(
        help: "Labelled sets: real questions ({id, text, source, intent, ask, ..., expect}), or the older dev set.")
    var files: [String] = []
    @Option(help: "How many failures to list for each file.") var misses = 40
    @Flag(help: "Print one JSON object a file, on one line each.") var json = false
    @Flag(
        help: """
            List a frozen split's failing lines with their text and checks (by default only the \
            count, so that its lines cannot steer tuning). For correcting a label only.
            """)
    var showFrozenFailures = false

    func run() throws {
        let coach = try knowledge.coach()
        for (index, file) in (files.isEmpty ? Self.defaultFiles : files).enumerated() {
            let url = URL(filePath: file)
            if !json, index > 0 { Output.line("") }
            if QuestionSet.holdsQuestions(url) {
                let set: QuestionSet
                do { set = try QuestionSet(contentsOf: url, knowledge: coach.knowledge) } catch {
                    Output.error("coach: \(TerminalText.sanitized(error.description, limit: 400))")
                    throw ExitCode(1)
                }
                let evaluation =
                    ReplyEvaluation.trainsOn(set.questions, coach.knowledge)
                    ? ReplyEvaluation(name: file, questions: set.questions, crossValidating: coach.knowledge)
                    : ReplyEvaluation(name: file, questions: set.questions, coach: coach)
                let hiding = set.isFrozen && !showFrozenFailures
                Output.line(
                    json
                        ? evaluation.json(hidingLines: hiding)
                        : evaluation.report(showFailures: misses, hidingLines: hiding))
            } else {
                let examples: [Evaluation.Example]
                do { examples = try Evaluation.load(url) } catch {
                    Output.error(
                        "coach: cannot read the labelled set \(TerminalText.sanitized(file, limit: 200)): "
                            + TerminalText.sanitized(FileProblem.describe(error, at: url), limit: 400))
                    throw ExitCode(1)
                }
                let evaluation = Evaluation(examples: examples, interpreter: coach.interpreter)
                Output.line(
                    json
                        ? evaluation.json(name: file)
                        : "\(file): \(examples.count) lines (older dev set)\n" + evaluation.report(showMisses: misses))
            }
        }
    }
}
