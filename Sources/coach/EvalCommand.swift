import ArgumentParser
import CoachKit
import Foundation

/// `coach eval [FILE]`: how well coach understands a labelled set of questions.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure intent and entity accuracy on a labelled set (default: Tests/dev-set.yaml).")

    @OptionGroup var knowledge: KnowledgeOptions
    @Argument(
        help: "A YAML list of {text, intent, exercise?, muscle?, have?, missing?, minutes?, level?, red_flag?, topic?}."
    )
    var file = "Tests/dev-set.yaml"
    @Option(help: "How many misses to list.") var misses = 40

    func run() throws {
        let coach = try knowledge.coach()
        let examples: [Evaluation.Example]
        do { examples = try Evaluation.load(URL(filePath: file)) } catch {
            Output.error("coach: cannot read the labelled set \(file): \(error)")
            throw ExitCode(1)
        }
        let evaluation = Evaluation(examples: examples, interpreter: coach.interpreter)
        print(evaluation.report(showMisses: misses))
    }
}
