import CoachModel
import CoachStorage
import Foundation
import GRDB

/// The training log on disk: an SQLite file (mode 0600, in a 0700 folder, WAL so that readers
/// never wait for a writer), with versioned migrations (GRDB's `DatabaseMigrator`). It never
/// replaces or changes a file it did not make: a file that is not an SQLite database, or another
/// program's database, is a `LogProblem` and is left exactly as it is.
public final class LogStore {
    public let url: URL
    private let database: DatabaseQueue

    /// "coac" in ASCII: marks a database as coach's log (PRAGMA application_id).
    static let applicationID: Int64 = 0x636F_6163

    /// The schema, one migration per version, by name. Add a migration at the end; never edit
    /// one that has shipped.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: sessions and sets") { db in
            try db.execute(
                sql: """
                    CREATE TABLE sessions(
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        started REAL NOT NULL,
                        ended REAL,
                        source TEXT NOT NULL,
                        plan TEXT,
                        effort TEXT
                    );
                    CREATE TABLE sets(
                        id INTEGER PRIMARY KEY,
                        session INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        exercise TEXT NOT NULL,
                        way TEXT,
                        equipment TEXT NOT NULL DEFAULT '',
                        reps INTEGER,
                        seconds INTEGER,
                        load TEXT,
                        done INTEGER NOT NULL
                    );
                    CREATE INDEX sets_by_session ON sets(session);
                    CREATE INDEX sessions_by_start ON sessions(started);
                    PRAGMA application_id = \(LogStore.applicationID);
                    """)
        }
        return migrator
    }

    /// The tables coach's schema makes: a file with only these (and no application id yet) is
    /// still ours.
    private static let ownTables: Set<String> = ["sessions", "sets", "sqlite_sequence", "grdb_migrations"]

    /// Opens the log at `url`, creating it (and its folder) when missing.
    public init(url: URL) throws(LogProblem) {
        self.url = url
        let path = url.path
        try Self.checkExistingFile(at: url)
        try Self.createPrivately(url)
        var configuration = Configuration()
        // Another coach writing at the same moment waits its turn instead of failing.
        configuration.busyMode = .timeout(10)
        configuration.foreignKeysEnabled = true
        do {
            database = try DatabaseQueue(path: path, configuration: configuration)
            // Several coaches may open a new log at once: one migrates, the others wait for it.
            try FileLock.withLock(url.deletingLastPathComponent().appending(path: ".log.lock")) {
                try database.read(Self.refuseForeign)
                if try database.read(Self.migrator.hasBeenSuperseded) {
                    throw LogProblem(.newer, at: path, detail: "a newer coach wrote it")
                }
                // WAL only once the file is known to be ours: switching it rewrites the header.
                try database.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = WAL") }
                try Self.migrator.migrate(database)
            }
        } catch {
            throw LogProblem(error, at: path)
        }
    }

    /// The log at `url` when there is one; nil when there is no file (reading never creates).
    public static func existing(at url: URL) throws(LogProblem) -> LogStore? {
        var status = stat()
        guard lstat(url.path, &status) == 0 else { return nil }
        return try LogStore(url: url)
    }

    // MARK: Writing

    /// Stores `session` with all its sets, in one transaction; returns it with its number.
    @discardableResult
    public func append(_ session: LoggedSession) throws(LogProblem) -> LoggedSession {
        do {
            return try database.write { db in
                try db.execute(
                    sql: "INSERT INTO sessions(started, ended, source, plan, effort) VALUES (?, ?, ?, ?, ?)",
                    arguments: [
                        session.started.timeIntervalSince1970, session.ended?.timeIntervalSince1970,
                        session.source.rawValue, session.plan, session.effort,
                    ])
                var stored = session
                stored.id = db.lastInsertedRowID
                try Self.insertSets(session.sets, of: db.lastInsertedRowID, db)
                return stored
            }
        } catch {
            throw LogProblem(error, at: url.path)
        }
    }

    /// Stores `session` again over the one with its number (how it felt, the load of its sets);
    /// false when there is no such session.
    @discardableResult
    public func update(_ session: LoggedSession) throws(LogProblem) -> Bool {
        guard let id = session.id else { return false }
        do {
            return try database.write { db in
                try db.execute(sql: "UPDATE sessions SET effort = ? WHERE id = ?", arguments: [session.effort, id])
                guard db.changesCount > 0 else { return false }
                try db.execute(sql: "DELETE FROM sets WHERE session = ?", arguments: [id])
                try Self.insertSets(session.sets, of: id, db)
                return true
            }
        } catch {
            throw LogProblem(error, at: url.path)
        }
    }

    private static func insertSets(_ sets: [LoggedSet], of id: Int64, _ db: Database) throws {
        for (position, set) in sets.enumerated() {
            try db.execute(
                sql: """
                    INSERT INTO sets(session, position, exercise, way, equipment, reps, seconds, load, done)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    id, position, set.exercise.rawValue, set.way, set.equipment.map(\.rawValue).joined(separator: ","),
                    set.reps, set.seconds, set.load, set.done,
                ])
        }
    }

    /// Removes session `id` and its sets; false when there is no such session.
    public func delete(session id: Int64) throws(LogProblem) -> Bool {
        do {
            return try database.write { db in
                try db.execute(sql: "DELETE FROM sessions WHERE id = ?", arguments: [id])
                return db.changesCount > 0
            }
        } catch {
            throw LogProblem(error, at: url.path)
        }
    }

    /// Removes every session; returns how many there were.
    @discardableResult
    public func forgetAll() throws(LogProblem) -> Int {
        do {
            return try database.write { db in
                try db.execute(sql: "DELETE FROM sets")
                try db.execute(sql: "DELETE FROM sessions")
                return db.changesCount
            }
        } catch {
            throw LogProblem(error, at: url.path)
        }
    }

    // MARK: Reading

    /// Every session that started at or after `start` (all when nil), oldest first.
    public func sessions(since start: Date? = nil) throws(LogProblem) -> [LoggedSession] {
        let from = start?.timeIntervalSince1970 ?? -Double.greatestFiniteMagnitude
        do {
            return try database.read { db in
                var setsBySession: [Int64: [LoggedSet]] = [:]
                let setRows = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT session, exercise, way, equipment, reps, seconds, load, done FROM sets
                        WHERE session IN (SELECT id FROM sessions WHERE started >= ?) ORDER BY session, position
                        """, arguments: [from])
                while let row = try setRows.next() {
                    let equipment = (row["equipment"] as String? ?? "").split(separator: ",").map {
                        EquipmentID(String($0))
                    }
                    setsBySession[row["session"], default: []].append(
                        LoggedSet(
                            exercise: ExerciseID(clean(row["exercise"]) ?? ""), way: clean(row["way"]),
                            equipment: equipment.map { EquipmentID(clean($0.rawValue) ?? "") }, reps: row["reps"],
                            seconds: row["seconds"], load: clean(row["load"]), done: row["done"] as Bool? ?? true))
                }
                return try Row.fetchAll(
                    db,
                    sql:
                        "SELECT id, started, ended, source, plan, effort FROM sessions WHERE started >= ? ORDER BY started, id",
                    arguments: [from]
                ).map { row in
                    let id: Int64 = row["id"]
                    return LoggedSession(
                        id: id, started: Date(timeIntervalSince1970: row["started"]),
                        ended: (row["ended"] as Double?).map { Date(timeIntervalSince1970: $0) },
                        source: LogSource(rawValue: row["source"] as String? ?? "") ?? .manual,
                        plan: clean(row["plan"]),
                        effort: clean(row["effort"]), sets: setsBySession[id] ?? [])
                }
            }
        } catch {
            throw LogProblem(error, at: url.path)
        }
    }

    /// Text read back from the file, which anyone can edit: never an escape sequence or a
    /// control character on its way to a terminal.
    private func clean(_ text: String?) -> String? { text.map { TerminalText.sanitized($0, limit: 200) } }

    // MARK: Opening safely

    /// A file already at the path must be a regular file holding an SQLite database (or empty).
    private static func checkExistingFile(at url: URL) throws(LogProblem) {
        var status = stat()
        guard lstat(url.path, &status) == 0 else { return }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw LogProblem(.notALog, at: url.path, detail: "it is a folder")
        case S_IFLNK: throw LogProblem(.notALog, at: url.path, detail: "it is a symbolic link")
        default: throw LogProblem(.notALog, at: url.path, detail: "it is not a regular file")
        }
        guard status.st_size > 0 else { return }
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw LogProblem(.cannotRead, at: url.path, detail: "it cannot be read")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        guard header == Data("SQLite format 3\u{0}".utf8) else {
            throw LogProblem(.notALog, at: url.path, detail: "it is not an SQLite database")
        }
    }

    /// Makes the folder (0700) and an empty file (0600) when they are missing, so the log is
    /// private from its first byte (SQLite itself would make it 0644).
    private static func createPrivately(_ url: URL) throws(LogProblem) {
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw LogProblem(.cannotWrite, at: url.path, detail: "its folder cannot be made")
        }
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            close(descriptor)
        } else if errno != EEXIST {
            throw LogProblem(.cannotWrite, at: url.path, detail: String(cString: strerror(errno)))
        }
    }

    /// A database another program made is refused: its application id is not ours, or it has
    /// tables that are not ours.
    private static func refuseForeign(_ db: Database) throws {
        let application = try Int64.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        if application == applicationID { return }
        let tables = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
        if application != 0 || !tables.isSubset(of: ownTables) {
            throw LogProblem(.foreign, at: "", detail: "it is another program's database")
        }
    }
}
