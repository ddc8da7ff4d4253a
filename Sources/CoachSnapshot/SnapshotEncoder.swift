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
        /// Written by `encodeIfPresent`: nil, or the slot of the value.
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

    mutating func string(_ string: String) {
        let index: Int
        if let known = stringIndex[string] {
            index = known
        } else {
            index = strings.count
            strings.append(string)
            stringIndex[string] = index
        }
        Self.varint(UInt64(index), into: &body)
    }

    mutating func write(_ node: Slot.Node) {
        switch node {
        case .empty: break
        case let .bool(value): body.append(value ? 1 : 0)
        case let .signed(value): Self.varint(UInt64(bitPattern: (value << 1) ^ (value >> 63)), into: &body)
        case let .unsigned(value): Self.varint(value, into: &body)
        case let .double(value): withUnsafeBytes(of: value.bitPattern.littleEndian) { body += $0 }
        case let .float(value): withUnsafeBytes(of: value.bitPattern.littleEndian) { body += $0 }
        case let .string(value): string(value)
        case let .keyed(storage):
            Self.varint(UInt64(storage.entries.count), into: &body)
            for entry in storage.entries { string(entry.key) }
            for entry in storage.entries {
                string(entry.key)
                write(entry.slot.node)
            }
        case let .unkeyed(storage):
            Self.varint(UInt64(storage.items.count), into: &body)
            for item in storage.items { write(item.node) }
        case .optional(nil): body.append(0)
        case let .optional(slot?):
            body.append(1)
            write(slot.node)
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
    mutating func encodeIfPresent(_ value: (some Encodable)?, forKey key: Key) throws { try present(value, key) }
    // NB: the concrete overloads are requirements of their own; without these, their default
    // implementations would skip a nil instead of writing the presence byte the reader expects.
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try present(value, key) }

    private func present(_ value: (some Encodable)?, _ key: Key) throws {
        add(key, slotOf(.optional(try value.map { try encodeSlot($0, codingPath: codingPath + [key]) })))
    }

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

    mutating func encodeNil() throws {
        throw EncodingError.invalidValue(
            Optional<Int>.none as Any,
            .init(codingPath: codingPath, debugDescription: "the snapshot format has no nil inside a collection"))
    }
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

    mutating func encodeNil() throws {
        throw EncodingError.invalidValue(
            Optional<Int>.none as Any,
            .init(codingPath: codingPath, debugDescription: "the snapshot format has no nil outside encodeIfPresent"))
    }
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
