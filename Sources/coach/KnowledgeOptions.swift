import ArgumentParser
import CoachDialogue
import CoachLoading
import CoachModel
import Foundation

/// `--knowledge DIR`: run on an edited copy of the knowledge base instead of the built-in one.
struct KnowledgeOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Load the knowledge base from this folder instead of the built-in one (also COACH_KNOWLEDGE).",
            valueName: "dir"))
    var knowledge: String?

    /// The coach of the knowledge folder asked for, else the built-in one; or exit 2 with every
    /// problem printed like a compiler's.
    func coach() throws -> Coach {
        guard let folder else { return try BuiltInCoach.load() }
        return Coach(knowledge: try load(folder))
    }

    /// The knowledge alone, for commands that only read it (nothing is trained).
    func knowledgeBase() throws -> KnowledgeBase {
        guard let folder else { return try BuiltInCoach.load().knowledge }
        return try load(folder)
    }

    /// `--knowledge`, else `COACH_KNOWLEDGE`; nil for the built-in knowledge.
    private var folder: String? {
        knowledge ?? ProcessInfo.processInfo.environment["COACH_KNOWLEDGE"].flatMap { $0.isEmpty ? nil : $0 }
    }

    private func load(_ folder: String) throws -> KnowledgeBase {
        do {
            return try KnowledgeLoader.load(directory: URL(filePath: folder))
        } catch {
            Output.error(error.description)
            Output.error(
                "coach: the knowledge base could not be loaded (\(error.diagnostics.count) problem\(error.diagnostics.count == 1 ? "" : "s"))."
            )
            throw ExitCode(2)
        }
    }
}
