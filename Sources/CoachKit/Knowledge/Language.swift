/// The words coach understands beyond names: training phrases for each intent, synonyms,
/// number words, level phrases, fillers and stopwords.
public struct Language: Hashable, Sendable, Codable {
    /// Training phrases by intent id, with slots such as `{exercise}`.
    public var intents: [String: [String]]
    /// A word or phrase people type, and the word coach understands instead.
    public var synonyms: [String: String]
    public var numbers: [String: Int]
    public var levels: [Level: [String]]
    public var fillers: [String]
    public var stopwords: [String]
    /// Names shared by several exercises ("rows"), each with the exercises it may mean.
    public var families: [String: [String]] = [:]
    /// Training goals ("posture") and the muscles a workout for them leans on.
    public var goals: [String: [String]] = [:]
    /// Generic equipment words ("machine") and the equipment they may mean.
    public var equipmentFamilies: [String: [String]] = [:]
    /// Words with a fixed role in reading a request.
    public var understanding = UnderstandingWords()
}

/// Words that steer how a request is read: which say equipment is missing, which are units.
public struct UnderstandingWords: Hashable, Sendable, Codable {
    /// Words before an equipment name that mean the person lacks it ("no", "without").
    public var missingWords: [String] = []
    public var minuteWords: [String] = []
    public var hourWords: [String] = []
    /// Words before an equipment name that mean the person has it ("only", "just", "with").
    public var haveWords: [String] = []
    /// Lines that start guided mode after a workout ("start", "let's go").
    public var startWords: [String] = []
    /// Things plainly outside the upper back ("bench press", "calves", "recipe").
    public var outOfScope: [String] = []
}

/// Every fixed sentence coach says, by key. Sentences may hold `{placeholders}`.
public struct Replies: Hashable, Sendable, Codable {
    public var templates: [String: String]

    /// The sentence for `key` with its placeholders filled; a missing key shows itself plainly
    /// (the validator makes sure none is missing from a checked knowledge base).
    public func callAsFunction(_ key: String, _ values: [String: String] = [:]) -> String {
        let template = templates[key] ?? "[\(key)]"
        guard !values.isEmpty, template.utf8.contains(UInt8(ascii: "{")) else { return template }
        var text = ""
        var name: String?
        for character in template {
            if character == "{" {
                if let open = name { text += "{" + open }
                name = ""
            } else if character == "}", let placeholder = name {
                text += values[placeholder] ?? "{\(placeholder)}"
                name = nil
            } else if name != nil {
                name?.append(character)
            } else {
                text.append(character)
            }
        }
        if let open = name { text += "{" + open }
        return text
    }
}
