import CoachDialogue
import CoachModel
import CoachUnderstanding

/// The binary form in which a built `coach` carries its knowledge base and what was trained from
/// it, so that starting costs a read of a few hundred kilobytes instead of parsing YAML and
/// training the classifiers (about 60 ms, most of a cold start).
///
/// Layout, all integers LEB128 varints (signed ones zig-zagged):
/// - the magic bytes and the format version;
/// - the string table: a count, then each distinct string as a byte length and UTF-8 bytes;
/// - the value, in the order its `Encodable` conformance writes it:
///   - a keyed container: its key count, its keys (string-table indexes), then each entry as its
///     key again and its value; the keys up front serve `allKeys` (dictionaries, enums), the key
///     before each value lets the reader check it is where it expects to be;
///   - an unkeyed container: its count, then its values;
///   - a string: its string-table index; a Bool one byte; a Double or Float its IEEE bits;
///   - an optional written with `encodeIfPresent`: a byte 0 (absent) or 1 followed by the value.
///
/// NB: nothing in the stream says what type a value has: the reader must decode exactly the
/// types that were encoded, in the same order. The synthesized `Codable` conformances do; the
/// snapshot is written and read by the same build of coach, and a test round-trips it.
enum SnapshotFormat {
    static let magic = Array("coach-snapshot\n".utf8)
    static let version: UInt64 = 1
}

/// A snapshot that cannot be written or read back.
public struct SnapshotError: Error, CustomStringConvertible, Sendable {
    public var description: String

    init(_ description: String) { self.description = description }
}
