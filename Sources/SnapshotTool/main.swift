import CoachDialogue
import CoachLoading
import CoachSnapshot
import Foundation

// `SnapshotTool KNOWLEDGE_DIR OUTPUT.c FINGERPRINT`, run by `make snapshot` when Knowledge/
// changed (the fingerprint is a hash of its files). Loads and checks the knowledge folder,
// trains coach's understanding from it, and writes the resulting coach as a snapshot inside a
// C source file of the CCoachKnowledge target (as an array of bytes, which costs nothing to
// unpack), so that `coach` starts by reading it instead of
// parsing YAML and training (see `SnapshotFormat`). The file is committed: building coach never
// runs this tool, so the library is compiled once, not again for a build-time tool.
// A knowledge base with errors stops here, each error printed as `file:line:col: error: ...`.

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(1)
}

let arguments = CommandLine.arguments
guard arguments.count == 4 else { fail("usage: SnapshotTool KNOWLEDGE_DIR OUTPUT.c FINGERPRINT") }
let output = URL(filePath: arguments[2])
do {
    let knowledge = try KnowledgeLoader.load(directory: URL(filePath: arguments[1]))
    let snapshot = try Coach(knowledge: knowledge).snapshot()
    var source = """
        // Generated from Knowledge/ by `make snapshot` (Sources/SnapshotTool): do not edit.
        // knowledge \(arguments[3])
        #include "CCoachKnowledge.h"

        static const unsigned char snapshot[\(snapshot.count)] = {

        """
    for start in stride(from: 0, to: snapshot.count, by: 32) {
        source += snapshot[start..<min(start + 32, snapshot.count)].map(String.init).joined(separator: ",") + ",\n"
    }
    source += """
        };

        const unsigned char *coach_snapshot_bytes(void) { return snapshot; }
        unsigned long coach_snapshot_size(void) { return sizeof snapshot; }

        """
    try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(source.utf8).write(to: output, options: .atomic)
} catch let error as KnowledgeError {
    fail("\(error.description)\nerror: Knowledge/ has \(error.diagnostics.count) problem(s); no snapshot was written")
} catch {
    fail("error: the knowledge snapshot could not be written: \(error)")
}
