import CoachDialogue
import CoachModel
import CoachUnderstanding

/// Writes an `Encodable` value in the snapshot format (see `SnapshotFormat`).
///
/// Runs at build time only, so it favours simplicity: the value is first encoded into a tree
/// (a keyed container must write its key count before its entries), then the tree is written.
enum SnapshotEncoder {
    static func encode(_ value: some Encodable) throws(SnapshotError) -> [UInt8] {
        let root = Slot()
        do { try value.encode(to: TreeEncoder(slot: root)) } catch {
            throw SnapshotError("the snapshot could not be written: \(error)")
        }
        var writer = SnapshotWriter()
        writer.write(root.node)
        var bytes = SnapshotFormat.magic
        SnapshotWriter.varint(SnapshotFormat.version, into: &bytes)
        SnapshotWriter.varint(UInt64(writer.strings.count), into: &bytes)
        for string in writer.strings {
            SnapshotWriter.varint(UInt64(string.utf8.count), into: &bytes)
            bytes += string.utf8
        }
        return bytes + writer.body
    }
}

/// One encoded value, filled in by whatever encodes into it.
final class Slot {
    enum Node {
        case empty
        case bool(Bool)
        case signed(Int64)
        case unsigned(UInt64)
        case double(Double)
        case float(Float)
        case string(String)
        case keyed(KeyedStorage)
        case unkeyed(UnkeyedStorage)
        /// A nil (`encodeNil`), or a slot holding a value.
        case optional(Slot?)
    }

    var node = Node.empty
}

final class KeyedStorage {
    var entries: [(key: String, slot: Slot)] = []
}

final class UnkeyedStorage {
    var items: [Slot] = []
}

/// Lays the tree out as bytes, collecting the string table as it goes.
private struct SnapshotWriter {
    var body: [UInt8] = []
    var strings: [String] = []
    private var stringIndex: [String: Int] = [:]

    static func varint(_ value: UInt64, into bytes: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func index(of string: String) -> UInt64 {
        if let known = stringIndex[string] { return UInt64(known) }
        strings.append(string)
        stringIndex[string] = strings.count - 1
        return UInt64(strings.count - 1)
    }

    mutating func write(_ node: Slot.Node) {
        var bytes: [UInt8] = []
        write(node, into: &bytes)
        body += bytes
    }

    /// Writes `node`, tag first. A container's contents are laid out apart first, so that its
    /// byte length can come before them (the reader steps over whole containers by it).
    private mutating func write(_ node: Slot.Node, into bytes: inout [UInt8]) {
        func tag(_ tag: SnapshotTag) { bytes.append(tag.rawValue) }
        switch node {
        case .empty, .optional(nil): tag(.null)
        case let .bool(value): tag(value ? .true : .false)
        case let .signed(value):
            tag(.signed)
            Self.varint(UInt64(bitPattern: (value << 1) ^ (value >> 63)), into: &bytes)
        case let .unsigned(value):
            tag(.unsigned)
            Self.varint(value, into: &bytes)
        case let .double(value):
            tag(.double)
            withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 }
        case let .float(value):
            tag(.float)
            withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 }
        case let .string(value):
            tag(.string)
            Self.varint(index(of: value), into: &bytes)
        case let .keyed(storage):
            var contents: [UInt8] = []
            Self.varint(UInt64(storage.entries.count), into: &contents)
            for entry in storage.entries {
                Self.varint(index(of: entry.key), into: &contents)
                write(entry.slot.node, into: &contents)
            }
            tag(.keyed)
            Self.varint(UInt64(contents.count), into: &bytes)
            bytes += contents
        case let .unkeyed(storage):
            var contents: [UInt8] = []
            Self.varint(UInt64(storage.items.count), into: &contents)
            for item in storage.items { write(item.node, into: &contents) }
            tag(.unkeyed)
            Self.varint(UInt64(contents.count), into: &bytes)
            bytes += contents
        case let .optional(slot?): write(slot.node, into: &bytes)
        }
    }
}

/// The `Encoder` that fills a slot.
private struct TreeEncoder: Encoder {
    let slot: Slot
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case let .keyed(storage) = slot.node {
            return KeyedEncodingContainer(KeyedWriter(storage: storage, codingPath: codingPath))
        }
        let storage = KeyedStorage()
        slot.node = .keyed(storage)
        return KeyedEncodingContainer(KeyedWriter(storage: storage, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case let .unkeyed(storage) = slot.node { return UnkeyedWriter(storage: storage, codingPath: codingPath) }
        let storage = UnkeyedStorage()
        slot.node = .unkeyed(storage)
        return UnkeyedWriter(storage: storage, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueWriter(slot: slot, codingPath: codingPath)
    }
}

/// Encodes one value into a new slot.
private func encodeSlot(_ value: some Encodable, codingPath: [any CodingKey]) throws -> Slot {
    let slot = Slot()
    var writer = SingleValueWriter(slot: slot, codingPath: codingPath)
    try writer.encode(value)
    return slot
}

private struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let storage: KeyedStorage
    var codingPath: [any CodingKey]

    private func add(_ key: Key, _ slot: Slot) { storage.entries.append((key.stringValue, slot)) }

    mutating func encodeNil(forKey key: Key) throws { add(key, slotOf(.optional(nil))) }
    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        add(key, try encodeSlot(value, codingPath: codingPath + [key]))
    }
    // NB: `encodeIfPresent` keeps its default, which leaves a nil out; the reader takes a
    // missing key as nil.

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        let slot = Slot()
        add(key, slot)
        return TreeEncoder(slot: slot, codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let slot = Slot()
        add(key, slot)
        return TreeEncoder(slot: slot, codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { unsupportedSuperEncoder() }
    mutating func superEncoder(forKey key: Key) -> any Encoder { unsupportedSuperEncoder() }
}

private func slotOf(_ node: Slot.Node) -> Slot {
    let slot = Slot()
    slot.node = node
    return slot
}

private func unsupportedSuperEncoder() -> Never {
    preconditionFailure("the snapshot format has no super encoders; no type of coach uses one")
}

private struct UnkeyedWriter: UnkeyedEncodingContainer {
    let storage: UnkeyedStorage
    var codingPath: [any CodingKey]
    var count: Int { storage.items.count }

    mutating func encodeNil() throws { storage.items.append(slotOf(.optional(nil))) }
    mutating func encode(_ value: some Encodable) throws {
        storage.items.append(try encodeSlot(value, codingPath: codingPath))
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        let slot = Slot()
        storage.items.append(slot)
        return TreeEncoder(slot: slot, codingPath: codingPath).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let slot = Slot()
        storage.items.append(slot)
        return TreeEncoder(slot: slot, codingPath: codingPath).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { unsupportedSuperEncoder() }
}

private struct SingleValueWriter: SingleValueEncodingContainer {
    let slot: Slot
    var codingPath: [any CodingKey]

    mutating func encodeNil() throws { slot.node = .optional(nil) }
    mutating func encode(_ value: Bool) throws { slot.node = .bool(value) }
    mutating func encode(_ value: String) throws { slot.node = .string(value) }
    mutating func encode(_ value: Double) throws { slot.node = .double(value) }
    mutating func encode(_ value: Float) throws { slot.node = .float(value) }
    mutating func encode(_ value: Int) throws { slot.node = .signed(Int64(value)) }
    mutating func encode(_ value: Int8) throws { slot.node = .signed(Int64(value)) }
    mutating func encode(_ value: Int16) throws { slot.node = .signed(Int64(value)) }
    mutating func encode(_ value: Int32) throws { slot.node = .signed(Int64(value)) }
    mutating func encode(_ value: Int64) throws { slot.node = .signed(value) }
    mutating func encode(_ value: UInt) throws { slot.node = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { slot.node = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { slot.node = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { slot.node = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { slot.node = .unsigned(value) }
    mutating func encode(_ value: some Encodable) throws {
        try value.encode(to: TreeEncoder(slot: slot, codingPath: codingPath))
    }
}
