/// What a balanced week for the upper back holds (`balance` in muscles.yaml): a move of each
/// kind, so that each of its main muscles is worked hardest by one of them. "Are pull-ups enough
/// for my back?" is answered against it: what the move covers, what it leaves, and what to add.
public struct BalancedBack: Hashable, Sendable, Codable {
    /// The kinds of move a balanced week holds, in the order they are offered.
    public var patterns: [MovementPattern]
    /// The main muscles of the upper back, each worked hardest by one move of the week.
    public var muscles: [MuscleID]
    /// Why each of them matters, cited: the reason given for adding what is missing.
    public var why: SourcedText?

    public init(patterns: [MovementPattern] = [], muscles: [MuscleID] = [], why: SourcedText? = nil) {
        self.patterns = patterns
        self.muscles = muscles
        self.why = why
    }
}
