/// The stable ids of the shared catalog, by kind (`exercises`, `equipment`, `muscles`,
/// `intents`, `topics`, `routines`).
public struct Catalog: Hashable, Sendable, Codable {
    public var ids: [String: [String]] = [:]
    public init() {}
}
