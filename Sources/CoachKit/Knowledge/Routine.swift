/// A named routine, given exactly as its article sets it out.
public struct Routine: Hashable, Sendable, Identifiable, Codable {
    public var id: String
    public var title: String
    public var minutes: Int
    public var equipment: [String]
    public var rounds: Int
    /// Rest after each round.
    public var restSeconds: Int
    public var perWeek: Int?
    public var how: SourcedText
    public var asks: [String]
    public var source: SourceRef
    public var items: [Item]

    public struct Item: Hashable, Sendable, Codable {
        public var exercise: String
        public var reps: Int?
        public var seconds: Int?
        public var note: String?
    }
}
