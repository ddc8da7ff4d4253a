import CSQLite
import CoachModel

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

    /// Codes of our own, beside SQLite's, for the two refusals decided after opening.
    static let foreignCode: Int32 = 10_001
    static let newerCode: Int32 = 10_002

    public init(_ kind: Kind, at path: String, detail: String) {
        self.kind = kind
        self.path = path
        self.detail = detail
    }

    init(_ error: SQLiteError, at path: String) {
        switch error.code {
        case Self.foreignCode: self.init(.foreign, at: path, detail: "it is another program's database")
        case Self.newerCode: self.init(.newer, at: path, detail: "a newer coach wrote it (\(error.message))")
        default:
            switch error.primary {
            case SQLITE_NOTADB: self.init(.notALog, at: path, detail: "it is not an SQLite database")
            case SQLITE_CORRUPT: self.init(.damaged, at: path, detail: "the database is damaged")
            case SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_PERM, SQLITE_AUTH:
                self.init(.cannotWrite, at: path, detail: "it cannot be written")
            case SQLITE_FULL: self.init(.cannotWrite, at: path, detail: "no space is left on the disk")
            case SQLITE_IOERR: self.init(.cannotWrite, at: path, detail: "the disk gave an error")
            default: self.init(.damaged, at: path, detail: error.message)
            }
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
