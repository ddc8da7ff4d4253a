import CoachDialogue
import CoachLoading
import CoachModel
import CoachSnapshot
import Foundation

// A build step, run by the EmbedKnowledge plugin: `CoachSnapshot KNOWLEDGE_DIR OUTPUT.swift`.
// Loads and checks the knowledge folder, trains coach's understanding from it, and writes the
// resulting coach as a snapshot inside a Swift source file of the CoachKnowledge target, so that
// `coach` starts by reading it instead of parsing YAML and training (see `SnapshotFormat`).
// A knowledge base with errors stops the build, each error printed as `file:line:col: error: ...`.

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(1)
}

let arguments = CommandLine.arguments
guard arguments.count == 3 else { fail("usage: CoachSnapshot KNOWLEDGE_DIR OUTPUT.swift") }
let output = URL(filePath: arguments[2])
do {
    let knowledge = try KnowledgeLoader.load(directory: URL(filePath: arguments[1]))
    let snapshot = try Coach(knowledge: knowledge).snapshot()
    let source = """
        // Generated from Knowledge/ by the EmbedKnowledge plugin (Sources/CoachSnapshot): do not edit.
        let embeddedSnapshotBase64 = "\(Data(snapshot).base64EncodedString())"

        """
    try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(source.utf8).write(to: output, options: .atomic)
} catch let error as KnowledgeError {
    fail("\(error.description)\nerror: Knowledge/ has \(error.diagnostics.count) problem(s); coach cannot be built")
} catch {
    fail("error: the knowledge snapshot could not be written: \(error)")
}
