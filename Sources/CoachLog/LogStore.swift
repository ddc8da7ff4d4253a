import CoachModel
import Foundation

/// The training log on disk: an SQLite file (mode 0600, in a 0700 folder, WAL so that readers
/// never wait for a writer), with versioned migrations. It never replaces or changes a file it
/// did not make: a file that is not an SQLite database, or another program's database, is a
/// `LogProblem` and is left exactly as it is.
public final class LogStore {
    public let url: URL
    private let database: SQLiteDatabase

    /// "coac" in ASCII: marks a database as coach's log (PRAGMA application_id).
    static let applicationID: Int64 = 0x636F_6163

    /// The schema, one migration per version: version N is reached by running the first N.
    /// Add a migration at the end; never edit one that has shipped.
    static let migrations = [
        """
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
        """
    ]

    /// The tables coach's schema makes: an older file with only these (and no application id)
    /// is still ours.
    private static let ownTables: Set<String> = ["sessions", "sets", "sqlite_sequence"]

    /// Opens the log at `url`, creating it (and its folder) when missing.
    public init(url: URL) throws(LogProblem) {
        self.url = url
        let path = url.path
        try Self.checkExistingFile(at: url)
        try Self.createPrivately(url)
        do {
            database = try SQLiteDatabase(path: path, create: false)
        } catch {
            throw LogProblem(error, at: path)
        }
        do {
            try adoptOrRefuse()
            _ = try database.query("PRAGMA journal_mode=WAL")
            try database.execute("PRAGMA foreign_keys=ON")
            try migrate()
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
            return try database.writing { () throws(SQLiteError) -> LoggedSession in
                try database.query(
                    "INSERT INTO sessions(started, ended, source, plan, effort) VALUES (?, ?, ?, ?, ?)",
                    [
                        .real(session.started.timeIntervalSince1970),
                        session.ended.map { .real($0.timeIntervalSince1970) } ?? .null,
                        .text(session.source.rawValue), SQLiteValue(session.plan), SQLiteValue(session.effort),
                    ])
                var stored = session
                stored.id = database.lastInsertedRow
                for (position, set) in session.sets.enumerated() {
                    try database.query(
                        """
                        INSERT INTO sets(session, position, exercise, way, equipment, reps, seconds, load, done)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                        [
                            .integer(stored.id ?? 0), .integer(Int64(position)), .text(set.exercise.rawValue),
                            SQLiteValue(set.way), .text(set.equipment.map(\.rawValue).joined(separator: ",")),
                            SQLiteValue(set.reps), SQLiteValue(set.seconds), SQLiteValue(set.load),
                            .integer(set.done ? 1 : 0),
                        ])
                }
                return stored
            }
        } catch {
            throw LogProblem(error, at: url.path)
        }
    }

    /// Removes session `id` and its sets; false when there is no such session.
    public func delete(session id: Int64) throws(LogProblem) -> Bool {
        do {
            return try database.writing { () throws(SQLiteError) -> Bool in
                try database.query("DELETE FROM sessions WHERE id = ?", [.integer(id)])
                return database.changes > 0
            }
        } catch {
            throw LogProblem(error, at: url.path)
        }
    }

    /// Removes every session; returns how many there were.
    @discardableResult
    public func forgetAll() throws(LogProblem) -> Int {
        do {
            return try database.writing { () throws(SQLiteError) -> Int in
                try database.query("DELETE FROM sets")
                try database.query("DELETE FROM sessions")
                return database.changes
            }
        } catch {
            throw LogProblem(error, at: url.path)
        }
    }

    // MARK: Reading

    /// Every session that started at or after `start` (all when nil), oldest first.
    public func sessions(since start: Date? = nil) throws(LogProblem) -> [LoggedSession] {
        do {
            let sessionRows = try database.query(
                "SELECT id, started, ended, source, plan, effort FROM sessions WHERE started >= ? ORDER BY started, id",
                [.real(start?.timeIntervalSince1970 ?? -Double.greatestFiniteMagnitude)])
            guard !sessionRows.isEmpty else { return [] }
            let setRows = try database.query(
                """
                SELECT session, exercise, way, equipment, reps, seconds, load, done FROM sets
                WHERE session IN (SELECT id FROM sessions WHERE started >= ?) ORDER BY session, position
                """, [.real(start?.timeIntervalSince1970 ?? -Double.greatestFiniteMagnitude)])
            var setsBySession: [Int64: [LoggedSet]] = [:]
            for row in setRows {
                guard let session = row[0].integer, let exercise = row[1].text else { continue }
                let equipment = (row[3].text ?? "").split(separator: ",").map { EquipmentID(String($0)) }
                setsBySession[session, default: []].append(
                    LoggedSet(
                        exercise: ExerciseID(exercise), way: row[2].text, equipment: equipment,
                        reps: row[4].integer.map { Int(clamping: $0) },
                        seconds: row[5].integer.map { Int(clamping: $0) },
                        load: row[6].text, done: row[7].integer != 0))
            }
            return sessionRows.compactMap { row in
                guard let id = row[0].integer, let started = row[1].real else { return nil }
                return LoggedSession(
                    id: id, started: Date(timeIntervalSince1970: started),
                    ended: row[2].real.map { Date(timeIntervalSince1970: $0) },
                    source: row[3].text.flatMap(LogSource.init(rawValue:)) ?? .manual, plan: row[4].text,
                    effort: row[5].text, sets: setsBySession[id] ?? [])
            }
        } catch {
            throw LogProblem(error, at: url.path)
        }
    }

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
    private func adoptOrRefuse() throws(SQLiteError) {
        let application = try database.integer("PRAGMA application_id")
        if application == Self.applicationID { return }
        let tables = Set(
            try database.query("SELECT name FROM sqlite_master WHERE type = 'table'").compactMap { $0[0].text })
        if application != 0 || !tables.isSubset(of: Self.ownTables) {
            throw SQLiteError(code: LogProblem.foreignCode, message: "not coach's")
        }
    }

    /// Brings the schema to the newest version, once, even when several coaches start together.
    private func migrate() throws(SQLiteError) {
        let target = Int64(Self.migrations.count)
        if try database.integer("PRAGMA user_version") == target { return }
        try database.writing { () throws(SQLiteError) in
            let version = try database.integer("PRAGMA user_version")
            guard version <= target else {
                throw SQLiteError(code: LogProblem.newerCode, message: "version \(version)")
            }
            for migration in Self.migrations.dropFirst(Int(version)) { try database.execute(migration) }
            try database.execute("PRAGMA user_version = \(target)")
            try database.execute("PRAGMA application_id = \(Self.applicationID)")
        }
    }
}
