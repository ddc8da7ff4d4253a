import CSQLite
import Foundation

/// A thin wrapper over one SQLite connection: statements with bound values, rows as columns,
/// transactions. Only what the training log needs; every failure is a `SQLiteError` with
/// SQLite's own message, which `LogStore` turns into words a person can act on.
final class SQLiteDatabase {
    private var handle: OpaquePointer?

    /// Opens (and with `create`, creates) the file at `path`, never following a symbolic link.
    init(path: String, create: Bool) throws(SQLiteError) {
        var flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_FULLMUTEX
        if create { flags |= SQLITE_OPEN_CREATE }
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK else {
            let error = SQLiteError(code: code, message: handle.map { String(cString: sqlite3_errmsg($0)) } ?? "")
            sqlite3_close_v2(handle)
            handle = nil
            throw error
        }
        // Another coach writing at the same moment waits its turn instead of failing.
        sqlite3_busy_timeout(handle, 10_000)
    }

    deinit { sqlite3_close_v2(handle) }

    /// Runs SQL that returns no rows (several statements may be given at once).
    func execute(_ sql: String) throws(SQLiteError) {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw lastError(code) }
    }

    /// Runs one statement with `values` bound to its `?`s, and returns its rows.
    @discardableResult
    func query(_ sql: String, _ values: [SQLiteValue] = []) throws(SQLiteError) -> [[SQLiteValue]] {
        var statement: OpaquePointer?
        let prepared = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard prepared == SQLITE_OK else { throw lastError(prepared) }
        defer { sqlite3_finalize(statement) }
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let bound: Int32
            switch value {
            case .null: bound = sqlite3_bind_null(statement, index)
            case let .integer(number): bound = sqlite3_bind_int64(statement, index, number)
            case let .real(number): bound = sqlite3_bind_double(statement, index, number)
            case let .text(text): bound = sqlite3_bind_text(statement, index, text, -1, transient)
            }
            guard bound == SQLITE_OK else { throw lastError(bound) }
        }
        var rows: [[SQLiteValue]] = []
        while true {
            let step = sqlite3_step(statement)
            if step == SQLITE_DONE { break }
            guard step == SQLITE_ROW else { throw lastError(step) }
            rows.append(
                (0..<sqlite3_column_count(statement)).map { column in
                    switch sqlite3_column_type(statement, column) {
                    case SQLITE_INTEGER: .integer(sqlite3_column_int64(statement, column))
                    case SQLITE_FLOAT: .real(sqlite3_column_double(statement, column))
                    case SQLITE_TEXT: .text(String(cString: sqlite3_column_text(statement, column)))
                    default: .null
                    }
                })
        }
        return rows
    }

    /// The first column of the first row, as an integer (a PRAGMA's value).
    func integer(_ sql: String) throws(SQLiteError) -> Int64 {
        guard case let .integer(value) = try query(sql).first?.first else { return 0 }
        return value
    }

    var lastInsertedRow: Int64 { sqlite3_last_insert_rowid(handle) }
    var changes: Int { Int(sqlite3_changes(handle)) }

    /// Runs `body` in a transaction that takes the write lock at once (BEGIN IMMEDIATE), so two
    /// coach processes writing together queue on the busy timeout rather than deadlock.
    func writing<T>(_ body: () throws(SQLiteError) -> T) throws(SQLiteError) -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    private func lastError(_ code: Int32) -> SQLiteError {
        SQLiteError(code: code, message: handle.map { String(cString: sqlite3_errmsg($0)) } ?? "")
    }

    /// SQLITE_TRANSIENT (a C macro Swift cannot import): SQLite copies the bound text.
    private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

/// A value in or out of SQLite.
enum SQLiteValue: Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    var integer: Int64? { if case let .integer(value) = self { value } else { nil } }
    var real: Double? {
        switch self {
        case let .real(value): value
        case let .integer(value): Double(value)
        default: nil
        }
    }
    var text: String? { if case let .text(value) = self { value } else { nil } }

    init(_ text: String?) { self = text.map { .text($0) } ?? .null }
    init(_ number: Int?) { self = number.map { .integer(Int64($0)) } ?? .null }
}

/// What SQLite said went wrong.
struct SQLiteError: Error {
    var code: Int32
    var message: String

    /// The primary result code (without the extended bits).
    var primary: Int32 { code & 0xFF }
}
