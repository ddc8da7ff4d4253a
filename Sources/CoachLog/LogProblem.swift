import CoachModel
import GRDB

/// Why the training log cannot be used, said so a person can act on it. Whatever it is, the file
/// is left as it is, and coach goes on without logging.
public struct LogProblem: Error, CustomStringConvertible, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Not an SQLite database (or a folder, a link, a device): never coach's.
        case notALog
        /// An SQLite database another program made.
        case foreign
        /// Made by a newer coach, with a schema this one does not know.
        case newer
        /// An SQLite database, but damaged.
        case damaged
        /// The file or its folder cannot be written (a read-only home, a full disk).
        case cannotWrite
        case cannotRead
    }

    public var kind: Kind
    public var path: String
    public var detail: String

    public init(_ kind: Kind, at path: String, detail: String) {
        self.kind = kind
        self.path = path
        self.detail = detail
    }

    /// What went wrong, from GRDB's or SQLite's error; a refusal of our own keeps its words.
    init(_ error: any Error, at path: String) {
        if var problem = error as? LogProblem {
            problem.path = path
            self = problem
            return
        }
        guard let error = error as? DatabaseError else {
            self.init(.damaged, at: path, detail: "\(error)")
            return
        }
        switch error.resultCode {
        case .SQLITE_NOTADB: self.init(.notALog, at: path, detail: "it is not an SQLite database")
        case .SQLITE_CORRUPT: self.init(.damaged, at: path, detail: "the database is damaged")
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            self.init(.cannotWrite, at: path, detail: "it cannot be written")
        case .SQLITE_FULL: self.init(.cannotWrite, at: path, detail: "no space is left on the disk")
        case .SQLITE_IOERR: self.init(.cannotWrite, at: path, detail: "the disk gave an error")
        default: self.init(.damaged, at: path, detail: error.message ?? "SQLite error \(error.resultCode.rawValue)")
        }
    }

    public var description: String {
        let path = TerminalText.sanitized(path, limit: 300)
        let detail = TerminalText.sanitized(detail, limit: 200)
        return switch kind {
        case .cannotWrite, .cannotRead:
            "coach: the training log at \(path) cannot be used (\(detail)); nothing is being logged."
        case .notALog, .foreign, .newer, .damaged:
            "coach: \(path) is not a training log coach can use (\(detail)); it is left as it is, and nothing is being logged. Move it away to start a new log."
        }
    }
}
