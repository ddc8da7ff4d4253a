import ArgumentParser
import CoachKit
import Foundation

/// `--knowledge DIR`: run on an edited copy of the knowledge base instead of the built-in one.
struct KnowledgeOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Load the knowledge base from this folder instead of the built-in one (also COACH_KNOWLEDGE).",
            valueName: "dir"))
    var knowledge: String?

    /// The knowledge base, or exit 2 with every problem printed like a compiler's.
    func load() throws -> KnowledgeBase {
        let folder =
            knowledge ?? ProcessInfo.processInfo.environment["COACH_KNOWLEDGE"].flatMap { $0.isEmpty ? nil : $0 }
        do {
            if let folder { return try KnowledgeLoader.load(directory: URL(filePath: folder)) }
            return try KnowledgeLoader.embedded()
        } catch {
            Output.error(error.description)
            Output.error(
                "coach: the knowledge base could not be loaded (\(error.diagnostics.count) problem\(error.diagnostics.count == 1 ? "" : "s"))."
            )
            throw ExitCode(2)
        }
    }
}
