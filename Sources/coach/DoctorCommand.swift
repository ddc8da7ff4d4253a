import ArgumentParser
import CReadline
import CoachModel
import CoachStorage
import Foundation

/// `coach doctor`: what coach uses and where, for a bug report.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Show what coach uses and where (binary, knowledge, files, terminal), for a bug report.")

    @OptionGroup var knowledge: KnowledgeOptions

    func run() throws {
        let base = try knowledge.knowledgeBase()
        let paths = AppPaths.current()
        let environment = ProcessInfo.processInfo.environment
        let binary =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments.first ?? "coach"
        let source = knowledge.knowledge ?? environment["COACH_KNOWLEDGE"]
        let profile = ProfileStore(directory: paths.profileDirectory).load()
        let lines = [
            "coach \(CoachCommand.version)",
            "binary: \(binary)",
            "knowledge: "
                + (source.map { "the folder \($0)" } ?? "built in (a snapshot of Knowledge/ taken at build time)"),
            "  \(base.exercises.count) exercises, \(base.muscles.count) muscles, \(base.equipment.count) pieces of equipment, "
                + "\(base.topics.count) topics, \(base.routines.count) routines, \(base.sources.count) articles, "
                + "\(base.language.examples.count) training examples",
            "history: \(paths.history.path) (\(Self.state(of: paths.history)))",
            "profile: \(paths.profileDirectory.appending(path: "profile.json").path) "
                + "(\(Self.state(of: paths.profileDirectory.appending(path: "profile.json"))))"
                + (profile.equipment.map { "; equipment: \($0.sorted().joined(separator: ", "))" } ?? "")
                + (profile.pain.isEmpty ? "" : "; pain spared: \(profile.pain.joined(separator: ", "))"),
            "training log: \(paths.log.path) (\(Self.state(of: paths.log)))",
            "readline: \(String(cString: coach_rl_library_version()))",
            "terminal: input \(Terminal.inputIsTerminal ? "a terminal" : "not a terminal"), output "
                + "\(isatty(STDOUT_FILENO) == 1 ? "a terminal" : "not a terminal"), \(Terminal.width) columns, "
                + "TERM=\(environment["TERM"] ?? "(unset)"), colour \(Terminal.useColor ? "on" : "off")",
        ]
        for line in lines { Output.line(TerminalText.sanitized(line, limit: 2000)) }
    }

    /// Whether a file is there, and whether coach can write it (or create it).
    static func state(of file: URL) -> String {
        let manager = FileManager.default
        if manager.fileExists(atPath: file.path) {
            return manager.isWritableFile(atPath: file.path) ? "exists, writable" : "exists, NOT writable"
        }
        var folder = file.deletingLastPathComponent()
        while !manager.fileExists(atPath: folder.path), folder.path != "/" {
            folder = folder.deletingLastPathComponent()
        }
        return manager.isWritableFile(atPath: folder.path)
            ? "not yet created, can be" : "not yet created, and cannot be"
    }
}
