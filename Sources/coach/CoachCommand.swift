import ArgumentParser
import CoachModel
import Foundation

/// `coach`: a terminal coach for training the upper back.
@main
struct CoachCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coach",
        abstract: "A coach for training your upper back, in your terminal.",
        discussion: """
            Run `coach` to chat. Without a terminal (a pipe), it answers each line of standard input.
            Exit codes: 0 answered, 1 usage error, 2 the knowledge could not be loaded.
            """,
        version: CoachCommand.version,
        subcommands: [
            ChatCommand.self, AskCommand.self, KnowledgeCommand.self, EvalCommand.self, BenchCommand.self,
            WorkoutCommand.self, LogCommand.self, ProgressCommand.self, DoctorCommand.self,
        ],
        defaultSubcommand: ChatCommand.self
    )

    /// This build's version, shown by `coach --version` and `coach doctor`.
    static let version = "0.6.0"

    /// Runs the command line, with exit code 1 for any usage error (ArgumentParser's is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            // The parser's message quotes what was typed: an escape sequence there must not reach
            // the terminal. Each line is cleaned, the line breaks kept.
            let message = TerminalText.sanitizedLines(fullMessage(for: error))
            if code == .success {
                if !message.isEmpty { Output.line(message) }
                Foundation.exit(0)
            }
            if !message.isEmpty { Output.error(message) }
            Foundation.exit(code == .validationFailure ? 1 : code.rawValue)
        }
    }
}
