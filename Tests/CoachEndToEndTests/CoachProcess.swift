import Foundation

/// Runs the built `coach` binary, as a person or a script would.
enum CoachProcess {
    /// The `coach` executable next to the test bundle in the build folder.
    static let binary: URL = {
        var folder = Bundle.main.bundleURL
        for _ in 0..<3 where !FileManager.default.fileExists(atPath: folder.appending(path: "coach").path) {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appending(path: "coach")
    }()

    /// The repository's root folder (for README.md and the knowledge).
    static let repository = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var lines: [String] { stdout.split(separator: "\n").map(String.init) }
    }

    /// A fresh, empty COACH_HOME.
    static func temporaryHome() -> URL {
        let folder = FileManager.default.temporaryDirectory.appending(path: "coach-home-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func run(
        _ arguments: [String], input: String? = nil, home: URL? = nil, environment: [String: String] = [:],
        executable: URL = binary
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["COACH_HOME"] = (home ?? temporaryHome()).path
        env["NO_COLOR"] = "1"
        env.removeValue(forKey: "COACH_KNOWLEDGE")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let output = Pipe()
        let errors = Pipe()
        let stdin = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = stdin
        try process.run()
        // Input is written on its own thread and errors read on another: with large input and
        // output, writing everything before reading would fill both pipes and deadlock.
        let writer = stdin.fileHandleForWriting
        let data = Data((input ?? "").utf8)
        let wrote = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            writer.write(data)
            try? writer.close()
            wrote.signal()
        }
        let errorBox = ErrorData()
        let readErrors = DispatchSemaphore(value: 0)
        let errorHandle = errors.fileHandleForReading
        DispatchQueue.global().async {
            errorBox.data = errorHandle.readDataToEndOfFile()
            readErrors.signal()
        }
        let out = output.fileHandleForReading.readDataToEndOfFile()
        wrote.wait()
        readErrors.wait()
        let err = errorBox.data
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }

    /// Standard error as read by another thread.
    private final class ErrorData: @unchecked Sendable {
        // NB: written once by the reading thread before it signals, read after the wait.
        var data = Data()
    }

    static func json(_ line: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
    }
}
