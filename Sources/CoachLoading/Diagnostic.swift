import CoachModel

/// One problem found in the knowledge base, printed like a compiler's message:
/// `Knowledge/exercises/face-pull.yaml:14:7: error: unknown muscle 'rear-delt'`.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file, relative to the folder that was loaded (e.g. `exercises/face-pull.yaml`).
    public var file: String
    /// 1-based line and column, when known.
    public var line: Int?
    public var column: Int?
    public var message: String
    /// A warning does not stop loading (an entry that can never match); an error does.
    public var isWarning: Bool

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String, isWarning: Bool = false) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.isWarning = isWarning
    }

    public var description: String { render(root: "") }

    /// The message with the file named from `root` (e.g. `Knowledge/`).
    public func render(root: String) -> String {
        var place = root + file
        if let line { place += ":\(line)" }
        if let line, line > 0, let column { place += ":\(column)" }
        return "\(place): \(isWarning ? "warning" : "error"): \(message)"
    }
}

/// Why the knowledge base could not be loaded: every problem found, not only the first.
public struct KnowledgeError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    /// How the folder is named in messages (e.g. `Knowledge/` or `/tmp/kb/`).
    public var root: String

    public init(diagnostics: [Diagnostic], root: String) {
        self.diagnostics = diagnostics
        self.root = root
    }

    public var description: String {
        diagnostics.map { $0.render(root: root) }.joined(separator: "\n")
    }
}
