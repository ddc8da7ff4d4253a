import CoachStorage
import Foundation

/// The chat history on disk: one line per entry, at most `limit` entries, mode 0600.
///
/// Each new line is added by reading the file afresh, appending, and writing a temporary file
/// that is renamed over the old one, all under a lock (`FileLock`). So a crash never leaves half
/// a file, and two coach sessions running at once both keep their lines.
struct HistoryFile {
    let url: URL
    var limit = 1000

    /// The saved lines, oldest first; a file that cannot be read gives a warning and no lines,
    /// and is never written over (`append` refuses): 500 lines of history must not become two.
    func load() -> (lines: [String], warning: String?) {
        guard FileManager.default.fileExists(atPath: url.path) else { return ([], nil) }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return (
                [],
                "coach: cannot read the history at \(url.path); it is left as it is, and this session's lines are not saved"
            )
        }
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        return (Array(lines.suffix(limit)), nil)
    }

    /// Appends `line`, keeping the newest `limit` lines.
    func append(_ line: String) throws {
        let folder = try AtomicFile.makeFolder(for: url)
        try FileLock.withLock(folder.appending(path: ".history.lock")) {
            let saved = load()
            // A history that exists but cannot be read is left alone, not replaced.
            if saved.warning != nil {
                throw CocoaError(.fileReadNoPermission, userInfo: [NSFilePathErrorKey: url.path])
            }
            var lines = saved.lines
            lines.append(line.replacingOccurrences(of: "\n", with: " "))
            try AtomicFile.write(Data((lines.suffix(limit).joined(separator: "\n") + "\n").utf8), to: url)
        }
    }
}
