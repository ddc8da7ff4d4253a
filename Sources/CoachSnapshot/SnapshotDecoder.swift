import CoachModel
import CoachUnderstanding

/// Reads a value written by `SnapshotEncoder` (see `SnapshotFormat`).
///
/// This runs at every start of coach, so it is written for speed: one cursor over the bytes,
/// strings made once from the string table and shared, containers that are plain values, and
/// the collections that make up most of a snapshot read without the generic `Decodable` path.
enum SnapshotDecoder {
    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws(SnapshotError) -> T {
        do {
            return try bytes.withUnsafeBufferPointer { buffer in
                let reader = try SnapshotReader(buffer)
                let value = try decodeValue(T.self, reader)
                guard reader.isAtEnd else { throw reader.corrupt("bytes are left over after the value") }
                return value
            }
        } catch let error as SnapshotError {
            throw error
        } catch {
            throw SnapshotError("the snapshot could not be read: \(error)")
        }
    }
}

/// The cursor over a snapshot's bytes. Valid only while the bytes it was made from are.
final class SnapshotReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// NB: unchecked because it is read and moved for every value; the reader is used by one
    /// thread, inside `SnapshotDecoder.decode`.
    @exclusivity(unchecked) var position = 0
    @exclusivity(unchecked) private(set) var strings: [String] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) throws(SnapshotError) {
        self.bytes = bytes
        let magic = SnapshotFormat.magic
        guard bytes.count >= magic.count, bytes.prefix(magic.count).elementsEqual(magic) else {
            throw SnapshotError("this is not a coach snapshot (its first bytes are wrong)")
        }
        position = magic.count
        let version = try varint()
        guard version == SnapshotFormat.version else {
            throw SnapshotError("the snapshot has format \(version); this coach reads \(SnapshotFormat.version)")
        }
        let count = try length()
        var strings: [String] = []
        strings.reserveCapacity(count)
        for _ in 0..<count {
            let size = try length()
            guard size <= bytes.count - position else { throw corrupt("a string runs past the end") }
            strings.append(
                String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<position + size]), as: UTF8.self))
            position += size
        }
        self.strings = strings
    }

    var isAtEnd: Bool { position == bytes.count }

    func corrupt(_ what: String) -> SnapshotError {
        SnapshotError("the snapshot is damaged at byte \(position): \(what)")
    }

    func byte() throws(SnapshotError) -> UInt8 {
        guard position < bytes.count else { throw corrupt("it ends early") }
        defer { position += 1 }
        return bytes[position]
    }

    func varint() throws(SnapshotError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            result |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return result }
            shift += 7
            guard shift < 64 else { throw corrupt("a number is too long") }
        }
    }

    /// A count or a byte length: never more than the bytes left.
    func length() throws(SnapshotError) -> Int {
        let value = try varint()
        guard value <= UInt64(bytes.count - position) else { throw corrupt("a length of \(value) runs past the end") }
        return Int(value)
    }

    func bits<Bits: FixedWidthInteger>(_ type: Bits.Type) throws(SnapshotError) -> Bits {
        var value: Bits = 0
        for index in 0..<(Bits.bitWidth / 8) { value |= Bits(try byte()) << (8 * index) }
        return value
    }

    // MARK: Tagged values

    func tag() throws(SnapshotError) -> SnapshotTag {
        let raw = try byte()
        guard let tag = SnapshotTag(rawValue: raw) else { throw corrupt("\(raw) is not a tag") }
        return tag
    }

    /// The tag of the value at the cursor, without moving it.
    func peekTag() throws(SnapshotError) -> SnapshotTag {
        let saved = position
        defer { position = saved }
        return try tag()
    }

    func mismatch(_ found: SnapshotTag, _ expected: String) -> SnapshotError {
        corrupt("expected \(expected), found \(found)")
    }

    func bool() throws(SnapshotError) -> Bool {
        switch try tag() {
        case .true: return true
        case .false: return false
        case let other: throw mismatch(other, "a Bool")
        }
    }

    func string() throws(SnapshotError) -> String {
        let found = try tag()
        guard found == .string else { throw mismatch(found, "a string") }
        let index = try varint()
        guard index < UInt64(strings.count) else { throw corrupt("string \(index) is not in the table") }
        return strings[Int(index)]
    }

    /// A key: an index into the string table.
    func key() throws(SnapshotError) -> Int {
        let index = try varint()
        guard index < UInt64(strings.count) else { throw corrupt("key \(index) is not in the table") }
        return Int(index)
    }

    /// An Int, read without the generic path (the classifiers' tables are thousands of them).
    func int() throws(SnapshotError) -> Int {
        let found = try tag()
        switch found {
        case .signed:
            let raw = try varint()
            return Int(truncatingIfNeeded: Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1))
        case .unsigned:
            let raw = try varint()
            guard raw <= UInt64(Int.max) else { throw corrupt("a number does not fit Int") }
            return Int(raw)
        default: throw mismatch(found, "an integer")
        }
    }

    func integer<Integer: FixedWidthInteger>(_ type: Integer.Type) throws(SnapshotError) -> Integer {
        let found = try tag()
        let value: Integer?
        switch found {
        case .signed:
            let raw = try varint()
            value = Integer(exactly: Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1))
        case .unsigned: value = Integer(exactly: try varint())
        default: throw mismatch(found, "an integer")
        }
        guard let value else { throw corrupt("a number does not fit \(Integer.self)") }
        return value
    }

    func double() throws(SnapshotError) -> Double {
        let found = try tag()
        switch found {
        case .double: return Double(bitPattern: try bits(UInt64.self))
        case .float: return Double(Float(bitPattern: try bits(UInt32.self)))
        default: throw mismatch(found, "a Double")
        }
    }

    func float() throws(SnapshotError) -> Float {
        let found = try tag()
        guard found == .float else { throw mismatch(found, "a Float") }
        return Float(bitPattern: try bits(UInt32.self))
    }

    /// Opens a container: its tag, byte length and count. Returns the count and where it ends;
    /// the cursor is left on its first entry.
    func open(_ expected: SnapshotTag) throws(SnapshotError) -> (count: Int, end: Int) {
        let found = try tag()
        guard found == expected else { throw mismatch(found, expected.description) }
        let size = try length()
        let end = position + size
        let count = try length()
        guard count <= end - position else { throw corrupt("a container counts more entries than its bytes hold") }
        return (count, end)
    }

    /// Where the value at the cursor ends, without moving the cursor: containers by their
    /// length, other values by their size.
    func endOfValue() throws(SnapshotError) -> Int {
        let saved = position
        defer { position = saved }
        switch try tag() {
        case .null, .false, .true: break
        case .signed, .unsigned, .string: _ = try varint()
        case .double: position += 8
        case .float: position += 4
        case .keyed, .unkeyed:
            let size = try length()
            position += size
        }
        guard position <= bytes.count else { throw corrupt("a value runs past the end") }
        return position
    }

    /// A list, each item read by `element`.
    func array<Element>(_ element: () throws(SnapshotError) -> Element) throws(SnapshotError) -> [Element] {
        let (count, end) = try open(.unkeyed)
        var items: [Element] = []
        items.reserveCapacity(count)
        for _ in 0..<count { items.append(try element()) }
        guard position == end else { throw corrupt("a list does not end where its length says") }
        return items
    }

    /// A keyed container read whole as a dictionary, each value read by `value`.
    func dictionary<Value>(_ value: () throws(SnapshotError) -> Value) throws(SnapshotError) -> [String: Value] {
        let (count, end) = try open(.keyed)
        var entries: [String: Value] = [:]
        entries.reserveCapacity(count)
        for _ in 0..<count {
            let key = strings[try key()]
            entries[key] = try value()
        }
        guard position == end else { throw corrupt("a container does not end where its length says") }
        return entries
    }
}

/// Reads one value of any type at the cursor, and leaves the cursor after it.
func decodeValue<T: Decodable>(_ type: T.Type, _ reader: SnapshotReader) throws -> T {
    let end = try reader.endOfValue()
    let value = try fastValue(type, reader) ?? T(from: ReaderDecoder(reader: reader))
    reader.position = end
    return value
}

/// The collections that make up most of a snapshot, read directly: through `Decodable`, each
/// element would cost a trip through the generic runtime (finding metadata and conformances),
/// which made reading the snapshot five times slower. Nil for any other type.
private func fastValue<T>(_ type: T.Type, _ reader: SnapshotReader) throws(SnapshotError) -> T? {
    if T.self == [String].self { return try reader.array(reader.string) as? T }
    if T.self == Set<String>.self { return Set(try reader.array(reader.string)) as? T }
    if T.self == [Double].self { return try reader.array(reader.double) as? T }
    if T.self == [Int].self { return try reader.array(reader.int) as? T }
    if T.self == [[String]].self {
        return try reader.array { () throws(SnapshotError) in try reader.array(reader.string) } as? T
    }
    if let ids = try idValue(type, reader) { return ids }
    if T.self == [Entity].self {
        // The phrase index holds thousands of entities, each saved as a short list of words.
        return try reader.array { () throws(SnapshotError) in
            let words = try reader.array(reader.string)
            guard let entity = Entity(words: words) else { throw reader.corrupt("no entity \(words)") }
            return entity
        } as? T
    }
    if T.self == [String: String].self { return try reader.dictionary(reader.string) as? T }
    if T.self == [String: Int].self { return try reader.dictionary(reader.int) as? T }
    if T.self == [String: [Int]].self {
        return try reader.dictionary { () throws(SnapshotError) in try reader.array(reader.int) } as? T
    }
    if T.self == [String: [String]].self {
        return try reader.dictionary { () throws(SnapshotError) in try reader.array(reader.string) } as? T
    }
    if T.self == [String: [Double]].self {
        return try reader.dictionary { () throws(SnapshotError) in try reader.array(reader.double) } as? T
    }
    return nil
}

/// Lists of typed ids (and dictionaries of them), read as the plain strings they are saved as.
private func idValue<T>(_ type: T.Type, _ reader: SnapshotReader) throws(SnapshotError) -> T? {
    func ids<Kind>(_ kind: Kind.Type) throws(SnapshotError) -> [KnowledgeID<Kind>] {
        try reader.array { () throws(SnapshotError) in KnowledgeID<Kind>(try reader.string()) }
    }
    if T.self == [ExerciseID].self { return try ids(ExerciseKind.self) as? T }
    if T.self == [MuscleID].self { return try ids(MuscleKind.self) as? T }
    if T.self == [EquipmentID].self { return try ids(EquipmentKind.self) as? T }
    if T.self == Set<EquipmentID>.self { return Set(try ids(EquipmentKind.self)) as? T }
    if T.self == [String: [ExerciseID]].self {
        return try reader.dictionary { () throws(SnapshotError) in try ids(ExerciseKind.self) } as? T
    }
    if T.self == [String: [MuscleID]].self {
        return try reader.dictionary { () throws(SnapshotError) in try ids(MuscleKind.self) } as? T
    }
    if T.self == [String: [EquipmentID]].self {
        return try reader.dictionary { () throws(SnapshotError) in try ids(EquipmentKind.self) } as? T
    }
    return nil
}

private struct ReaderDecoder: Decoder {
    let reader: SnapshotReader
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(try KeyedReader<Key>(reader: reader))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { try UnkeyedReader(reader: reader) }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleValueReader(reader: reader) }
}

/// A keyed container: where each entry's value starts, found by its key in any order.
private struct KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let reader: SnapshotReader
    /// Each entry's key (a string-table index) and where its value starts.
    private let entries: [(key: Int, offset: Int)]
    /// For large containers, the entry of each key; small ones are searched in order.
    private let lookup: [String: Int]
    var codingPath: [any CodingKey] { [] }

    init(reader: SnapshotReader) throws {
        self.reader = reader
        let (count, end) = try reader.open(.keyed)
        var entries: [(key: Int, offset: Int)] = []
        entries.reserveCapacity(count)
        for _ in 0..<count {
            let key = try reader.key()
            entries.append((key, reader.position))
            reader.position = try reader.endOfValue()
        }
        guard reader.position == end else { throw reader.corrupt("a container does not end where its length says") }
        self.entries = entries
        var lookup: [String: Int] = [:]
        if count > 16 {
            for (index, entry) in entries.enumerated() { lookup[reader.strings[entry.key]] = index }
        }
        self.lookup = lookup
    }

    private func offset(of key: Key) -> Int? {
        let name = key.stringValue
        if !lookup.isEmpty { return lookup[name].map { entries[$0].offset } }
        return entries.first { reader.strings[$0.key] == name }?.offset
    }

    /// Moves the cursor to the value of `key`.
    private func seek(_ key: Key) throws {
        guard let offset = offset(of: key) else { throw reader.corrupt("no value for \"\(key.stringValue)\"") }
        reader.position = offset
    }

    var allKeys: [Key] { entries.compactMap { Key(stringValue: reader.strings[$0.key]) } }
    func contains(_ key: Key) -> Bool { offset(of: key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let offset = offset(of: key) else { return true }
        reader.position = offset
        return try reader.peekTag() == .null
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        try seek(key)
        return try reader.bool()
    }
    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        try seek(key)
        return try reader.string()
    }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        try seek(key)
        return try reader.double()
    }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        try seek(key)
        return try reader.float()
    }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try integer(key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try integer(key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try integer(key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try integer(key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try integer(key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try integer(key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try integer(key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try integer(key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try integer(key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try integer(key) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try seek(key)
        return try decodeValue(type, reader)
    }

    private func integer<Integer: FixedWidthInteger>(_ key: Key) throws -> Integer {
        try seek(key)
        return try reader.integer(Integer.self)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try seek(key)
        return try ReaderDecoder(reader: reader).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try seek(key)
        return try ReaderDecoder(reader: reader).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { throw reader.corrupt("the format has no super decoders") }
    func superDecoder(forKey key: Key) throws -> any Decoder { try superDecoder() }
}

/// A list, read in order; each item starts where the one before ended.
private struct UnkeyedReader: UnkeyedDecodingContainer {
    let reader: SnapshotReader
    let total: Int
    private var next: Int
    var currentIndex = 0
    var codingPath: [any CodingKey] { [] }
    var count: Int? { total }
    var isAtEnd: Bool { currentIndex >= total }

    init(reader: SnapshotReader) throws {
        self.reader = reader
        (total, _) = try reader.open(.unkeyed)
        next = reader.position
    }

    /// Moves the cursor to the next item, and past it for the one after.
    private mutating func advance() throws {
        guard currentIndex < total else { throw reader.corrupt("a list has fewer items than asked for") }
        reader.position = next
        next = try reader.endOfValue()
        currentIndex += 1
    }

    mutating func decodeNil() throws -> Bool {
        guard currentIndex < total else { throw reader.corrupt("a list has fewer items than asked for") }
        reader.position = next
        guard try reader.peekTag() == .null else { return false }
        try advance()
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool {
        try advance()
        return try reader.bool()
    }
    mutating func decode(_ type: String.Type) throws -> String {
        try advance()
        return try reader.string()
    }
    mutating func decode(_ type: Double.Type) throws -> Double {
        try advance()
        return try reader.double()
    }
    mutating func decode(_ type: Float.Type) throws -> Float {
        try advance()
        return try reader.float()
    }
    mutating func decode(_ type: Int.Type) throws -> Int { try integer() }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try integer() }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try integer() }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try integer() }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try integer() }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try integer() }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try integer() }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try integer() }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try integer() }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try integer() }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try advance()
        return try decodeValue(type, reader)
    }

    private mutating func integer<Integer: FixedWidthInteger>() throws -> Integer {
        try advance()
        return try reader.integer(Integer.self)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try advance()
        return try ReaderDecoder(reader: reader).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try advance()
        return try ReaderDecoder(reader: reader).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { throw reader.corrupt("the format has no super decoders") }
}

private struct SingleValueReader: SingleValueDecodingContainer {
    let reader: SnapshotReader
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { (try? reader.peekTag()) == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try reader.bool() }
    func decode(_ type: String.Type) throws -> String { try reader.string() }
    func decode(_ type: Double.Type) throws -> Double { try reader.double() }
    func decode(_ type: Float.Type) throws -> Float { try reader.float() }
    func decode(_ type: Int.Type) throws -> Int { try reader.integer(Int.self) }
    func decode(_ type: Int8.Type) throws -> Int8 { try reader.integer(Int8.self) }
    func decode(_ type: Int16.Type) throws -> Int16 { try reader.integer(Int16.self) }
    func decode(_ type: Int32.Type) throws -> Int32 { try reader.integer(Int32.self) }
    func decode(_ type: Int64.Type) throws -> Int64 { try reader.integer(Int64.self) }
    func decode(_ type: UInt.Type) throws -> UInt { try reader.integer(UInt.self) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try reader.integer(UInt8.self) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try reader.integer(UInt16.self) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try reader.integer(UInt32.self) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try reader.integer(UInt64.self) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decodeValue(type, reader) }
}
