/// The kinds of thing the knowledge base names by id.
public protocol KnowledgeKind: Sendable {}

public enum ExerciseKind: KnowledgeKind {}
public enum MuscleKind: KnowledgeKind {}
public enum EquipmentKind: KnowledgeKind {}
public enum SourceKind: KnowledgeKind {}

/// The id of an exercise, a muscle, a piece of equipment or an article: kebab-case and stable
/// (the JSON contract uses them), and typed, so that an equipment id can never be looked up as an
/// exercise. Written and read as its plain string.
public struct KnowledgeID<Kind: KnowledgeKind>: RawRepresentable, Hashable, Comparable, Sendable, Codable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

public typealias ExerciseID = KnowledgeID<ExerciseKind>
public typealias MuscleID = KnowledgeID<MuscleKind>
public typealias EquipmentID = KnowledgeID<EquipmentKind>
public typealias SourceID = KnowledgeID<SourceKind>
