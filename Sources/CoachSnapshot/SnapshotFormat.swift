/// The binary form in which a built `coach` carries its knowledge base and what was trained from
/// it, so that starting costs a read of a few hundred kilobytes instead of parsing YAML and
/// training the classifiers (see `make bench`).
///
/// Layout, all integers LEB128 varints (signed ones zig-zagged):
/// - the magic bytes and the format version;
/// - the string table: a count, then each distinct string as a byte length and UTF-8 bytes;
/// - one value. Every value starts with a tag byte (`SnapshotTag`) that says what it is:
///   - nil, false, true: the tag alone;
///   - a signed or unsigned integer: a varint; a Double or Float: its IEEE bits, little-endian;
///   - a string: its index in the string table;
///   - a keyed container: its byte length, its entry count, then each entry as a key (a
///     string-table index) and a value;
///   - an unkeyed container: its byte length, its item count, then each item.
///
/// The reader checks every tag against the type asked for, finds keyed values by their key (so
/// the order in which a type writes its keys does not matter, and a key a newer build adds is
/// skipped), and uses the byte lengths to step over whole containers.
enum SnapshotFormat {
    static let magic = Array("coach-snapshot\n".utf8)
    static let version: UInt64 = 2
}

/// What a value in a snapshot is.
enum SnapshotTag: UInt8, CustomStringConvertible {
    case null = 0
    case `false`, `true`, signed, unsigned, double, float, string, keyed, unkeyed

    var description: String {
        switch self {
        case .null: "nil"
        case .false, .true: "a Bool"
        case .signed, .unsigned: "an integer"
        case .double: "a Double"
        case .float: "a Float"
        case .string: "a string"
        case .keyed: "a keyed container"
        case .unkeyed: "a list"
        }
    }
}

/// A snapshot that cannot be written or read back.
public struct SnapshotError: Error, CustomStringConvertible, Sendable {
    public var description: String

    init(_ description: String) { self.description = description }
}
