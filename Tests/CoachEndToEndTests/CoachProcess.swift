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
        let output = Pipe(), errors = Pipe(), stdin = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }

    static func json(_ line: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
    }
}
