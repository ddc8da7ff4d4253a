import Foundation
import Testing

/// README.md is true (issue 18): every `coach` command in its shell blocks runs and exits 0
/// (with a temporary COACH_HOME), and every repository path it names exists.
struct ReadmeTests {
    static let readme = CoachProcess.repository.appending(path: "README.md")

    /// The command lines of the README's ```sh blocks, without their trailing comments.
    static func commands() throws -> [String] {
        let text = try String(contentsOf: readme, encoding: .utf8)
        var inShell = false
        var commands: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                inShell = !inShell && line == "```sh"
                continue
            }
            guard inShell else { continue }
            var command = String(line)
            if let comment = command.range(of: "  #") { command = String(command[..<comment.lowerBound]) }
            command = command.trimmingCharacters(in: .whitespaces)
            if !command.isEmpty { commands.append(command) }
        }
        return commands
    }

    @Test func everyCoachCommandRuns() throws {
        let commands = try Self.commands().filter { $0.contains("coach ") && !$0.hasPrefix("make ") }
        #expect(commands.count >= 8, "\(commands)")
        let binary = "'\(CoachProcess.binary.path)'"
        for command in commands {
            // The guide needs a terminal (the terminal tests drive it in tmux): here, the same
            // workout is built without it.
            let line = command.replacingOccurrences(of: " --guide", with: "")
                .replacingOccurrences(of: "coach ", with: "\(binary) ")
            let home = CoachProcess.temporaryHome()
            defer { try? FileManager.default.removeItem(at: home) }
            let result = try CoachProcess.run(
                ["-c", "(" + line + ") </dev/null"], home: home, executable: URL(filePath: "/bin/sh"))
            #expect(result.status == 0, "\(command): exit \(result.status)\n\(result.stderr)")
            #expect(!result.stdout.isEmpty, "\(command) printed nothing")
        }
    }

    @Test func everyPathItNamesExists() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let roots = ["Knowledge/", "Tests/", "Transcripts/", "Sources/", ".ci/", "LICENSE", "NOTICE", "Makefile"]
        var named: [String] = []
        for piece in text.components(separatedBy: "`").enumerated() where piece.offset % 2 == 1 {
            let path = piece.element.trimmingCharacters(in: .whitespaces)
            guard roots.contains(where: { path.hasPrefix($0) }), !path.contains(" "), !path.contains("*"),
                !path.contains("<")
            else { continue }
            named.append(path)
        }
        #expect(named.count >= 5, "\(named)")
        for path in named {
            #expect(
                FileManager.default.fileExists(atPath: CoachProcess.repository.appending(path: path).path),
                "README names \(path), which does not exist")
        }
    }
}
