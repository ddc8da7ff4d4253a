import CoachModel
import CoachRecommending
import CoachUnderstanding

/// A piece of a reply, before it is laid out for a terminal or a JSON field.
public enum Block: Hashable, Sendable {
    case heading(String)
    case paragraph(String)
    case numbered([String])
    case bullets([String])
    /// A table whose first row is the header.
    case table([[String]])
    /// A line that stands apart, such as a red-flag warning.
    case alert(String)
    /// A quieter line, such as a hint or an assumption.
    case note(String)
    /// Where the reply comes from: always last, set apart by a blank line.
    case sources(String)
}

extension Block {
    var isSources: Bool {
        if case .sources = self { return true }
        return false
    }
}
