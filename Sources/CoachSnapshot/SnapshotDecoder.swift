import CoachDialogue
import CoachModel
import CoachUnderstanding

/// Reads a value written by `SnapshotEncoder` (see `SnapshotFormat`).
///
/// This runs at every start of coach, so it is written for speed: one cursor over the bytes,
/// strings made once from the string table and shared, and containers that are plain values.
enum SnapshotDecoder {
    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws(SnapshotError) -> T {
        do {
            return try bytes.withUnsafeBufferPointer { buffer in
                let reader = try SnapshotReader(buffer)
                let value = try T(from: ReaderDecoder(reader: reader))
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
    @exclusivity(unchecked) private var position = 0
    private(set) var strings: [String] = []

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
        strings.reserveCapacity(count)
        for _ in 0..<count {
            let size = try length()
            guard size <= bytes.count - position else { throw corrupt("a string runs past the end") }
            strings.append(
                String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<position + size]), as: UTF8.self))
            position += size
        }
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

    func length() throws(SnapshotError) -> Int {
        let value = try varint()
        guard value <= UInt64(bytes.count) else { throw corrupt("a count of \(value) is larger than the snapshot") }
        return Int(value)
    }

    func signed() throws(SnapshotError) -> Int64 {
        let raw = try varint()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    func string() throws(SnapshotError) -> String {
        let index = try varint()
        guard index < UInt64(strings.count) else { throw corrupt("string \(index) is not in the table") }
        return strings[Int(index)]
    }

    func bits<Bits: FixedWidthInteger>(_ type: Bits.Type) throws(SnapshotError) -> Bits {
        var value: Bits = 0
        for index in 0..<(Bits.bitWidth / 8) { value |= Bits(try byte()) << (8 * index) }
        return value
    }

    /// Reads the key that comes before a keyed value, and checks it is `expected`.
    func enter(_ expected: String) throws(SnapshotError) {
        let found = try string()
        guard found == expected else { throw corrupt("expected the value of \"\(expected)\", found \"\(found)\"") }
    }

    /// A keyed container's keys, read ahead; the cursor ends after them.
    func keyBlock() throws(SnapshotError) -> (start: Int, count: Int) {
        let count = try length()
        let start = position
        for _ in 0..<count { _ = try varint() }
        return (start, count)
    }

    /// An unkeyed container of `element`s, as `Array.init(from:)` would read it.
    func array<Element>(_ element: () throws(SnapshotError) -> Element) throws(SnapshotError) -> [Element] {
        let count = try length()
        var items: [Element] = []
        items.reserveCapacity(count)
        for _ in 0..<count { items.append(try element()) }
        return items
    }

    /// A keyed container as `Dictionary<String, Value>.init(from:)` would read it.
    func dictionary<Value>(_ value: () throws(SnapshotError) -> Value) throws(SnapshotError) -> [String: Value] {
        let count = try keyBlock().count
        var entries: [String: Value] = [:]
        entries.reserveCapacity(count)
        for _ in 0..<count {
            let key = try string()
            entries[key] = try value()
        }
        return entries
    }

    /// The keys of a key block read earlier, without moving the cursor.
    func keys(_ block: (start: Int, count: Int)) throws(SnapshotError) -> [String] {
        let saved = position
        defer { position = saved }
        position = block.start
        return try (0..<block.count).map { _ throws(SnapshotError) in try string() }
    }
}

/// A type the snapshot stores as bytes of its own rather than through containers.
private protocol SnapshotPrimitive: Decodable {
    static func read(_ reader: SnapshotReader) throws(SnapshotError) -> Self
}

extension Bool: SnapshotPrimitive {
    fileprivate static func read(_ reader: SnapshotReader) throws(SnapshotError) -> Bool {
        switch try reader.byte() {
        case 0: false
        case 1: true
        case let other: throw reader.corrupt("\(other) is not a Bool")
        }
    }
}

extension String: SnapshotPrimitive {
    fileprivate static func read(_ reader: SnapshotReader) throws(SnapshotError) -> String { try reader.string() }
}

extension Double: SnapshotPrimitive {
    fileprivate static func read(_ reader: SnapshotReader) throws(SnapshotError) -> Double {
        Double(bitPattern: try reader.bits(UInt64.self))
    }
}

extension Float: SnapshotPrimitive {
    fileprivate static func read(_ reader: SnapshotReader) throws(SnapshotError) -> Float {
        Float(bitPattern: try reader.bits(UInt32.self))
    }
}

/// Integers: signed ones zig-zagged, checked to fit their type.
private protocol SnapshotInteger: SnapshotPrimitive, FixedWidthInteger {}

extension SnapshotInteger {
    fileprivate static func read(_ reader: SnapshotReader) throws(SnapshotError) -> Self {
        if Self.isSigned {
            guard let value = Self(exactly: try reader.signed()) else { throw reader.corrupt("a number is too large") }
            return value
        }
        guard let value = Self(exactly: try reader.varint()) else { throw reader.corrupt("a number is too large") }
        return value
    }
}

extension Int: SnapshotInteger {}
extension Int8: SnapshotInteger {}
extension Int16: SnapshotInteger {}
extension Int32: SnapshotInteger {}
extension Int64: SnapshotInteger {}
extension UInt: SnapshotInteger {}
extension UInt8: SnapshotInteger {}
extension UInt16: SnapshotInteger {}
extension UInt32: SnapshotInteger {}
extension UInt64: SnapshotInteger {}

private struct ReaderDecoder: Decoder {
    let reader: SnapshotReader
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(KeyedReader<Key>(reader: reader, keys: try reader.keyBlock()))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        UnkeyedReader(reader: reader, count: try reader.length())
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleValueReader(reader: reader) }
}

/// A value of any type. The collections that make up most of a snapshot are read directly:
/// through `Decodable`, each element would cost a trip through the generic runtime (finding
/// metadata and conformances), which made reading the snapshot five times slower.
private func value<T: Decodable>(_ type: T.Type, _ reader: SnapshotReader) throws -> T {
    if T.self == [String].self { return try reader.array { () throws(SnapshotError) in try reader.string() } as! T }
    if T.self == Set<String>.self {
        return Set(try reader.array { () throws(SnapshotError) in try reader.string() }) as! T
    }
    if T.self == [Double].self { return try reader.array { () throws(SnapshotError) in try Double.read(reader) } as! T }
    if T.self == [Int].self { return try reader.array { () throws(SnapshotError) in try Int.read(reader) } as! T }
    if T.self == [[String]].self {
        return try reader.array { () throws(SnapshotError) in
            try reader.array { () throws(SnapshotError) in try reader.string() }
        } as! T
    }
    if T.self == [Entity].self {
        return try reader.array { () throws(SnapshotError) in
            let words = try reader.array { () throws(SnapshotError) in try reader.string() }
            guard let entity = Entity(words: words) else { throw reader.corrupt("no entity \(words)") }
            return entity
        } as! T
    }
    if T.self == [String: String].self {
        return try reader.dictionary { () throws(SnapshotError) in try reader.string() } as! T
    }
    if T.self == [String: Int].self {
        return try reader.dictionary { () throws(SnapshotError) in try Int.read(reader) } as! T
    }
    if T.self == [String: [String]].self {
        return try reader.dictionary { () throws(SnapshotError) in
            try reader.array { () throws(SnapshotError) in try reader.string() }
        } as! T
    }
    if T.self == [String: [Double]].self {
        return try reader.dictionary { () throws(SnapshotError) in
            try reader.array { () throws(SnapshotError) in try Double.read(reader) }
        } as! T
    }
    return try T(from: ReaderDecoder(reader: reader))
}

private struct KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let reader: SnapshotReader
    let keys: (start: Int, count: Int)
    var codingPath: [any CodingKey] { [] }

    var allKeys: [Key] { ((try? reader.keys(keys)) ?? []).compactMap { Key(stringValue: $0) } }
    func contains(_ key: Key) -> Bool { allKeys.contains { $0.stringValue == key.stringValue } }

    private func primitive<T: SnapshotPrimitive>(_ key: Key) throws -> T {
        try reader.enter(key.stringValue)
        return try T.read(reader)
    }

    /// Absent values are written with a presence byte (`encodeIfPresent`).
    private func optional<T: Decodable>(_ key: Key) throws -> T? {
        try reader.enter(key.stringValue)
        switch try reader.byte() {
        case 0: return nil
        case 1: return try value(T.self, reader)
        case let other: throw reader.corrupt("\(other) is not a presence byte")
        }
    }

    func decodeNil(forKey key: Key) throws -> Bool { false }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try primitive(key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try primitive(key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try primitive(key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try primitive(key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try primitive(key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try primitive(key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try primitive(key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try primitive(key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try primitive(key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try primitive(key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try primitive(key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try primitive(key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try primitive(key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try primitive(key) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try reader.enter(key.stringValue)
        return try value(type, reader)
    }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try optional(key) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try optional(key) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try optional(key) }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try optional(key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try optional(key) }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try optional(key) }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try optional(key) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try optional(key) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try optional(key) }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try optional(key) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try optional(key) }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try optional(key) }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try optional(key) }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try optional(key) }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try optional(key) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try reader.enter(key.stringValue)
        return try ReaderDecoder(reader: reader).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try reader.enter(key.stringValue)
        return try ReaderDecoder(reader: reader).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { throw reader.corrupt("the format has no super decoders") }
    func superDecoder(forKey key: Key) throws -> any Decoder { try superDecoder() }
}

private struct UnkeyedReader: UnkeyedDecodingContainer {
    let reader: SnapshotReader
    let total: Int
    var currentIndex = 0
    var codingPath: [any CodingKey] { [] }
    var count: Int? { total }
    var isAtEnd: Bool { currentIndex >= total }

    init(reader: SnapshotReader, count: Int) {
        self.reader = reader
        total = count
    }

    private mutating func next() throws(SnapshotError) {
        guard currentIndex < total else { throw reader.corrupt("a list has fewer items than asked for") }
        currentIndex += 1
    }

    private mutating func primitive<T: SnapshotPrimitive>() throws -> T {
        try next()
        return try T.read(reader)
    }

    mutating func decodeNil() throws -> Bool { false }
    mutating func decode(_ type: Bool.Type) throws -> Bool { try primitive() }
    mutating func decode(_ type: String.Type) throws -> String { try primitive() }
    mutating func decode(_ type: Double.Type) throws -> Double { try primitive() }
    mutating func decode(_ type: Float.Type) throws -> Float { try primitive() }
    mutating func decode(_ type: Int.Type) throws -> Int { try primitive() }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try primitive() }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try primitive() }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try primitive() }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try primitive() }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try primitive() }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try primitive() }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try primitive() }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try primitive() }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try primitive() }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try next()
        return try value(type, reader)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try next()
        return try ReaderDecoder(reader: reader).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next()
        return try ReaderDecoder(reader: reader).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { throw reader.corrupt("the format has no super decoders") }
}

private struct SingleValueReader: SingleValueDecodingContainer {
    let reader: SnapshotReader
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { false }
    func decode(_ type: Bool.Type) throws -> Bool { try Bool.read(reader) }
    func decode(_ type: String.Type) throws -> String { try String.read(reader) }
    func decode(_ type: Double.Type) throws -> Double { try Double.read(reader) }
    func decode(_ type: Float.Type) throws -> Float { try Float.read(reader) }
    func decode(_ type: Int.Type) throws -> Int { try Int.read(reader) }
    func decode(_ type: Int8.Type) throws -> Int8 { try Int8.read(reader) }
    func decode(_ type: Int16.Type) throws -> Int16 { try Int16.read(reader) }
    func decode(_ type: Int32.Type) throws -> Int32 { try Int32.read(reader) }
    func decode(_ type: Int64.Type) throws -> Int64 { try Int64.read(reader) }
    func decode(_ type: UInt.Type) throws -> UInt { try UInt.read(reader) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try UInt8.read(reader) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try UInt16.read(reader) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try UInt32.read(reader) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try UInt64.read(reader) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try value(type, reader) }
}
