import CoachModel
import Foundation
import Yams

/// Turns the files of a knowledge folder into typed values, collecting every problem found
/// (syntax, missing keys, wrong types) and every reference to an id, which
/// `KnowledgeValidator` checks once all files are read.
struct KnowledgeDecoder {
    /// A mention of an id that must exist, and where it stands.
    struct Reference: Hashable {
        enum Kind: String {
            case source, exercise, muscle, equipment
            case painArea = "pain area"
        }
        var kind: Kind
        var id: String
        var location: Location
    }

    /// A name that understanding maps to one thing; two owners for one name are an error.
    struct NameClaim: Hashable {
        var name: String
        var owner: String
        var location: Location
    }

    var diagnostics: [Diagnostic] = []
    var references: [Reference] = []
    var exerciseNames: [NameClaim] = []
    var muscleNames: [NameClaim] = []
    var equipmentNames: [NameClaim] = []
    /// Where each exercise was declared, for errors about the exercise as a whole.
    var exerciseLocations: [String: Location] = [:]
    /// Each `about:` topic written, checked against `cue_topics` once every file is read.
    var aboutClaims: [NameClaim] = []
    /// Problems that do not stop loading (a list entry that can never match).
    var warnings: [Diagnostic] = []
    /// Where `in_scope` is, for errors about its regions and pain areas.
    var scopeLocation: Location?
    var filesRead: Set<String> = []

    var sources: [Source] = []
    var exercises: [Exercise] = []
    var muscles: [Muscle] = []
    var equipment: [Equipment] = []
    var safety: SafetyKnowledge?
    var topics: [Topic] = []
    var routines: [Routine] = []
    var timeModel: TimeModel?
    var harderAdvice: SourcedText?
    var weeklyAdvice: [WeeklyAdvice] = []
    var progress: ProgressRules?
    /// `nearest:` topic ids of `not_covered`, checked once every topic is read.
    var nearestTopics: [(id: String, location: Location)] = []
    /// Every `nearest_goal:` of `not_covered`, for the validator (goals live in the vocabulary).
    var nearestGoals: [(id: String, location: Location)] = []
    var language = Language(
        intents: [:], synonyms: [:], numbers: [:], levels: [:], fillers: [], stopwords: [])
    var replies = Replies(templates: [:])
    var muscleOverview: SourcedText?
    var overviewMembers: [String] = []
    var balance = BalancedBack()
    var catalog = Catalog()

    /// The files every knowledge folder must have, besides `exercises/*.yaml`.
    static let requiredFiles = [
        "sources.yaml", "muscles.yaml", "equipment.yaml", "safety.yaml", "topics.yaml",
        "routines.yaml", "progress.yaml", "replies.yaml", "catalog.yaml", "language/intents.yaml",
        "language/vocabulary.yaml",
        "language/asks.yaml", "language/english.yaml", "language/log.yaml",
    ]

    /// Reads one file, by its path relative to the knowledge folder.
    mutating func decode(path: String, data: Data) {
        decode(Self.parse(path: path, data: data))
    }

    /// A file read as YAML, before its content is decoded.
    struct ParsedFile: @unchecked Sendable {
        // NB: @unchecked because Yams' Node is not marked Sendable; a parsed tree is never
        // changed after parsing, only read, so handing it to another thread is safe.
        var path: String
        var root: Node?
        var reader: YAMLReader
    }

    /// Parses one file. Pure, so files can be parsed in parallel.
    static func parse(path: String, data: Data) -> ParsedFile {
        var reader = YAMLReader(file: path)
        guard let text = String(data: data, encoding: .utf8) else {
            reader.fail(nil, "the file is not valid UTF-8 text; save it as UTF-8")
            return ParsedFile(path: path, root: nil, reader: reader)
        }
        let root = reader.parse(text)
        return ParsedFile(path: path, root: root, reader: reader)
    }

    /// Decodes a parsed file into the knowledge it holds.
    mutating func decode(_ file: ParsedFile) {
        let path = file.path
        filesRead.insert(path)
        var reader = file.reader
        defer { diagnostics += reader.diagnostics }
        guard let root = file.root else { return }
        switch path {
        case "sources.yaml": decodeSources(root, &reader)
        case "muscles.yaml": decodeMuscles(root, &reader)
        case "equipment.yaml": decodeEquipment(root, &reader)
        case "safety.yaml": decodeSafety(root, &reader)
        case "topics.yaml": decodeTopics(root, &reader)
        case "routines.yaml": decodeRoutines(root, &reader)
        case "progress.yaml": decodeProgress(root, &reader)
        case "replies.yaml": decodeReplies(root, &reader)
        case "catalog.yaml": decodeCatalog(root, &reader)
        case "language/intents.yaml": decodeIntents(root, &reader)
        case "language/vocabulary.yaml": decodeVocabulary(root, &reader)
        case "language/asks.yaml": decodeAsks(root, &reader)
        case "language/english.yaml": decodeEnglish(root, &reader)
        case "language/log.yaml": decodeLogLanguage(root, &reader)
        case _ where path.hasPrefix("language/examples/"): decodeExamples(root, &reader)
        case _ where path.hasPrefix("exercises/"):
            let id = String(path.dropFirst("exercises/".count).dropLast(".yaml".count))
            decodeExercise(root, fileID: id, &reader)
        default:
            reader.fail(
                nil,
                "unknown knowledge file; expected one of \(Self.requiredFiles.joined(separator: ", ")) exercises/<id>.yaml or language/examples/<name>.yaml"
            )
        }
    }

    mutating func decodeCatalog(_ root: Node, _ reader: inout YAMLReader) {
        guard let map = reader.mapping(root, "catalog.yaml") else { return }
        let kinds = ["exercises", "equipment", "muscles", "intents", "topics", "routines"]
        reader.checkKeys(map, allowed: kinds, in: "catalog.yaml")
        for kind in kinds {
            catalog.ids[kind] = reader.strings(reader.required(map, kind, in: "catalog.yaml", at: root), kind)
        }
    }

    // MARK: Shared pieces

    /// A `source:` value (with an optional `section:` beside it in `mapping`).
    mutating func sourceRef(
        _ mapping: Fields, in what: String, at node: Node?, _ reader: inout YAMLReader
    ) -> SourceRef? {
        guard let value = reader.required(mapping, "source", in: what, at: node),
            let id = reader.string(value, "the source of \(what)")
        else { return nil }
        if SourceID(id) != SourceRef.teamID {
            references.append(Reference(kind: .source, id: id, location: reader.location(value)))
        }
        let section = mapping["section"].flatMap { reader.string($0, "the section of \(what)") }
        return SourceRef(id: SourceID(id), section: section)
    }

    /// A `{text, source, section?, about?}` mapping.
    /// A fact and its source; `alsoAllowed` are keys the caller reads itself.
    mutating func sourcedText(
        _ node: Node?, _ what: String, _ reader: inout YAMLReader, alsoAllowed: [String] = []
    ) -> SourcedText? {
        guard let node, let mapping = reader.mapping(node, what) else { return nil }
        reader.checkKeys(
            mapping, allowed: ["text", "source", "section", "about", "answers", "id", "stage"] + alsoAllowed,
            in: what)
        let text = reader.required(mapping, "text", in: what, at: node).flatMap {
            reader.string($0, "the text of \(what)")
        }
        let source = sourceRef(mapping, in: what, at: node, &reader)
        let about = reader.strings(mapping["about"], "`about` of \(what)")
        for (topic, item) in zip(about, reader.sequenceNodes(mapping["about"])) {
            aboutClaims.append(NameClaim(name: topic, owner: what, location: reader.location(item)))
        }
        let answers = asks(mapping["answers"], "`answers` of \(what)", &reader)
        guard let text, let source else { return nil }
        var fact = SourcedText(text: text, source: source, about: about, answers: answers)
        fact.stage = enumValue(mapping["stage"], RepStage.self, "the stage of \(what)", &reader)
        return fact
    }

    /// A list of ask ids (`answers: [load, set-up]`), each checked against `Ask`.
    func asks(_ node: Node?, _ what: String, _ reader: inout YAMLReader) -> [Ask] {
        reader.sequence(node, what).compactMap { askID($0, &reader) }
    }

    mutating func sourcedTexts(_ node: Node?, _ what: String, _ reader: inout YAMLReader) -> [SourcedText] {
        reader.sequence(node, what).compactMap { sourcedText($0, "an item of \(what)", &reader) }
    }

    /// Ids that must exist, recorded for the validator.
    mutating func ids(
        _ node: Node?, _ kind: Reference.Kind, _ what: String, _ reader: inout YAMLReader
    ) -> [String] {
        reader.sequence(node, what).compactMap { item in
            guard let id = reader.string(item, "an item of \(what)") else { return nil }
            references.append(Reference(kind: kind, id: id, location: reader.location(item)))
            return id
        }
    }

    mutating func id(_ node: Node?, _ kind: Reference.Kind, _ what: String, _ reader: inout YAMLReader) -> String? {
        guard let id = reader.string(node, what) else { return nil }
        references.append(Reference(kind: kind, id: id, location: reader.location(node)))
        return id
    }
}

extension YAMLReader {
    /// The nodes of a sequence without reporting anything (used to locate items already read).
    func sequenceNodes(_ node: Node?) -> [Node] {
        if case let .sequence(sequence)? = node { return Array(sequence) }
        return []
    }
}
