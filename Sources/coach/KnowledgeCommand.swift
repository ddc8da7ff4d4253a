import ArgumentParser
import CoachDialogue
import CoachLoading
import CoachModel
import Foundation

/// `coach kb check [DIR]` and `coach kb stats [DIR]`: for people who edit the knowledge base.
struct KnowledgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kb", abstract: "Check the knowledge base, or count what it holds.",
        subcommands: [Check.self, Stats.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a knowledge folder (default: the built-in knowledge). Exit 0 when clean, 1 with errors."
        )
        @Argument(help: "The knowledge folder, e.g. Knowledge/.") var directory: String?

        func run() throws {
            do {
                // Warnings (an entry that can never match) are printed but do not fail the check.
                var warnings: [Diagnostic] = []
                let base =
                    try directory.map { try KnowledgeLoader.load(directory: URL(filePath: $0), warnings: &warnings) }
                    ?? BuiltInCoach.load().knowledge
                let root = directory.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? ""
                for warning in warnings { Output.line(warning.render(root: root)) }
                Output.line(
                    "\(directory ?? "built-in knowledge (checked when coach was built)"): ok (\(base.exercises.count) exercises, \(base.muscles.count) muscles, \(base.equipment.count) equipment, \(base.topics.count) topics, \(base.routines.count) routines)"
                )
            } catch let error as KnowledgeError {
                Output.line(error.description)
                Output.line("\(error.diagnostics.count) error\(error.diagnostics.count == 1 ? "" : "s")")
                throw ExitCode(1)
            }
        }
    }

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Counts by kind, and catalog ids that are missing.")
        @OptionGroup var knowledge: KnowledgeOptions

        func run() throws {
            let base = try knowledge.knowledgeBase()
            for line in KnowledgeStats(knowledge: base).lines { Output.line(line) }
        }
    }
}
