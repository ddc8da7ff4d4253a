/// Where a fact comes from: one of the articles in `sources.yaml`, or the team.
public struct SourceRef: Hashable, Sendable, Codable {
    /// A source id, or `team` for a fact no article states.
    public var id: SourceID
    /// The article's section, when the entry names it.
    public var section: String?

    public static let teamID: SourceID = "team"
    /// True when the fact is the team's own: answers never cite an article for it.
    public var isTeam: Bool { id == Self.teamID }

    public init(id: SourceID, section: String? = nil) {
        self.id = id
        self.section = section
    }
}

/// Where someone stands with an exercise that takes strength to do at all (the pull-up).
public enum RepStage: String, CaseIterable, Hashable, Sendable, Codable {
    /// Cannot do a rep yet: working up to the first.
    case firstRep = "first-rep"
    /// Already does a few reps: building the number.
    case pastFirstRep = "past-first-rep"
    /// New to the move or to lifting ("learn it first with no weight at all"): said to someone
    /// past the beginner level, it talks down to them.
    case newToIt = "new-to-it"
}

/// A sentence of the knowledge base and where it comes from.
public struct SourcedText: Hashable, Sendable, Codable {
    public var text: String
    public var source: SourceRef
    /// Topics this sentence is about (e.g. `back`, `elbows`), used to answer one point first.
    public var about: [String] = []
    /// What this sentence answers beyond what its place says (a cue that says how heavy to go
    /// answers `load`): a responder picks the facts for the ask it answers.
    public var answers: [Ask] = []
    /// The stage of someone the fact is for, when it is not for everyone (a plan for a first
    /// pull-up is for someone who cannot do one yet): said to someone at the other stage, it
    /// answers a question they did not ask.
    public var stage: RepStage?

    public init(text: String, source: SourceRef, about: [String] = [], answers: [Ask] = []) {
        self.text = text
        self.source = source
        self.about = about
        self.answers = answers
    }
}

/// One of the five articles the knowledge base is built from.
public struct Source: Hashable, Sendable, Codable {
    public var id: SourceID
    public var title: String
    public var file: String
    public var covers: [String]

    public init(id: SourceID, title: String, file: String, covers: [String]) {
        self.id = id
        self.title = title
        self.file = file
        self.covers = covers
    }
}
