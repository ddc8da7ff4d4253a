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

    /// The saved lines, oldest first; a file that cannot be read gives a warning and no lines.
    func load() -> (lines: [String], warning: String?) {
        guard FileManager.default.fileExists(atPath: url.path) else { return ([], nil) }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return ([], "coach: cannot read the history at \(url.path); starting without it")
        }
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        return (Array(lines.suffix(limit)), nil)
    }

    /// Appends `line`, keeping the newest `limit` lines.
    func append(_ line: String) throws {
        let folder = try AtomicFile.makeFolder(for: url)
        try FileLock.withLock(folder.appending(path: ".history.lock")) {
            var lines = load().lines
            lines.append(line.replacingOccurrences(of: "\n", with: " "))
            try AtomicFile.write(Data((lines.suffix(limit).joined(separator: "\n") + "\n").utf8), to: url)
        }
    }
}
