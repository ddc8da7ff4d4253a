import CoachModel

/// Checks what holds across files once every file is read: ids that must exist, names claimed
/// twice, files and catalog entries that must be there.
struct KnowledgeValidator {
    var decoder: KnowledgeDecoder

    func diagnostics() -> [Diagnostic] {
        var found: [Diagnostic] = []
        for path in KnowledgeDecoder.requiredFiles where !decoder.filesRead.contains(path) {
            found.append(Diagnostic(file: path, message: "this required file is missing"))
        }
        if decoder.exercises.isEmpty, !decoder.filesRead.contains(where: { $0.hasPrefix("exercises/") }) {
            found.append(Diagnostic(file: "exercises/", message: "no exercise files; add exercises/<id>.yaml"))
        }
        found += unknownReferences()
        found += duplicates(decoder.sources.map(\.id.rawValue), "source", file: "sources.yaml")
        found += duplicates(decoder.muscles.map(\.id.rawValue), "muscle", file: "muscles.yaml")
        found += duplicates(decoder.equipment.map(\.id.rawValue), "equipment", file: "equipment.yaml")
        found += duplicates(decoder.topics.map(\.id), "topic", file: "topics.yaml")
        found += duplicates(decoder.routines.map(\.id), "routine", file: "routines.yaml")
        found += claimedTwice(decoder.exerciseNames, kind: "exercise")
        found += claimedTwice(decoder.muscleNames, kind: "muscle")
        found += claimedTwice(decoder.equipmentNames, kind: "equipment")
        found += unknownCueTopics()
        found += unknownNearestTopics()
        found += unknownNearestGoals()
        found += unknownScope()
        return found
    }

    /// `in_scope` names regions that muscles have and pain areas that safety.yaml has.
    private func unknownScope() -> [Diagnostic] {
        guard let location = decoder.scopeLocation else { return [] }
        let words = decoder.language.understanding
        let regions = Set(decoder.muscles.map(\.region))
        let areas = Set(decoder.safety?.painAreas.map(\.id) ?? [])
        var found: [Diagnostic] = []
        for region in words.scopeRegions where !regions.isEmpty && !regions.contains(region) {
            found.append(location.diagnostic("in_scope names the region '\(region)', which no muscle has"))
        }
        for area in words.scopePainAreas where decoder.safety != nil && !areas.contains(area) {
            found.append(location.diagnostic("in_scope names the pain area '\(area)', which safety.yaml lacks"))
        }
        return found
    }

    /// Every `about:` topic is one of `cue_topics` in `language/vocabulary.yaml`.
    private func unknownCueTopics() -> [Diagnostic] {
        let topics = decoder.language.understanding.cueTopics
        guard decoder.filesRead.contains("language/vocabulary.yaml"), !topics.isEmpty else { return [] }
        return decoder.aboutClaims.filter { !topics.contains($0.name) }.map { claim in
            claim.location.diagnostic(
                "unknown topic '\(claim.name)' in `about`\(Suggestion.hint(for: claim.name, in: topics)); "
                    + "the topics are `cue_topics` in language/vocabulary.yaml")
        }
    }

    /// Every `nearest:` of `not_covered` is a topic of topics.yaml.
    private func unknownNearestTopics() -> [Diagnostic] {
        let ids = decoder.topics.map(\.id)
        return decoder.nearestTopics.filter { !ids.contains($0.id) }.map { nearest in
            nearest.location.diagnostic(
                "unknown topic '\(nearest.id)' as `nearest`\(Suggestion.hint(for: nearest.id, in: ids))")
        }
    }

    /// Every `nearest_goal:` of `not_covered` is a goal of the vocabulary.
    private func unknownNearestGoals() -> [Diagnostic] {
        guard decoder.filesRead.contains("language/vocabulary.yaml") else { return [] }
        let goals = decoder.language.goals.keys.sorted()
        return decoder.nearestGoals.filter { !goals.contains($0.id) }.map { nearest in
            nearest.location.diagnostic(
                "unknown goal '\(nearest.id)' as `nearest_goal`\(Suggestion.hint(for: nearest.id, in: goals)); "
                    + "the goals are `goals` in language/vocabulary.yaml")
        }
    }

    private func unknownReferences() -> [Diagnostic] {
        let known: [KnowledgeDecoder.Reference.Kind: Set<String>] = [
            .source: Set(decoder.sources.map(\.id.rawValue)),
            .exercise: Set(decoder.exerciseLocations.keys),
            .muscle: Set(decoder.muscles.map(\.id.rawValue)),
            .equipment: Set(decoder.equipment.map(\.id.rawValue)),
            .painArea: Set(decoder.safety?.painAreas.map(\.id) ?? []),
        ]
        // A file that failed to load would make every reference to it look wrong: stay quiet then.
        let loaded: [KnowledgeDecoder.Reference.Kind: Bool] = [
            .source: decoder.filesRead.contains("sources.yaml") && !decoder.sources.isEmpty, .exercise: true,
            .muscle: decoder.filesRead.contains("muscles.yaml") && !decoder.muscles.isEmpty,
            .equipment: decoder.filesRead.contains("equipment.yaml") && !decoder.equipment.isEmpty,
            .painArea: decoder.safety != nil,
        ]
        let names: [KnowledgeDecoder.Reference.Kind: [String: String]] = [
            .exercise: owners(decoder.exerciseNames), .muscle: owners(decoder.muscleNames),
            .equipment: owners(decoder.equipmentNames),
        ]
        return decoder.references.compactMap { reference in
            guard loaded[reference.kind] == true, let ids = known[reference.kind], !ids.contains(reference.id)
            else { return nil }
            // A name people use ("rear deltoid") points at its id before spelling is tried.
            let byName = names[reference.kind]?[NameKey.make(reference.id)]
            let hint =
                Suggestion.hint(byName ?? Suggestion.closest(to: reference.id, in: ids))
            return reference.location.diagnostic("unknown \(reference.kind.rawValue) '\(reference.id)'\(hint)")
        }
    }

    /// Each name, as compared, and the id that claims it first.
    private func owners(_ claims: [KnowledgeDecoder.NameClaim]) -> [String: String] {
        var owners: [String: String] = [:]
        for claim in claims where owners[NameKey.make(claim.name)] == nil {
            owners[NameKey.make(claim.name)] = claim.owner
        }
        return owners
    }

    private func duplicates(_ ids: [String], _ kind: String, file: String) -> [Diagnostic] {
        var seen: Set<String> = []
        return ids.compactMap { id in
            seen.insert(id).inserted ? nil : Diagnostic(file: file, message: "the \(kind) id '\(id)' is used twice")
        }
    }

    /// A name (as understanding compares it) that points at two different owners.
    private func claimedTwice(_ claims: [KnowledgeDecoder.NameClaim], kind: String) -> [Diagnostic] {
        var owners: [String: KnowledgeDecoder.NameClaim] = [:]
        var found: [Diagnostic] = []
        for claim in claims {
            let key = NameKey.make(claim.name)
            if let first = owners[key], first.owner != claim.owner {
                found.append(
                    claim.location.diagnostic(
                        "the \(kind) name '\(claim.name)' is claimed by both '\(first.owner)' and '\(claim.owner)'; keep it on one"
                    ))
            } else if owners[key] == nil {
                owners[key] = claim
            }
        }
        return found
    }
}

/// The form in which names are compared: lower case, letters and digits only, single spaces.
enum NameKey {
    static func make(_ name: String) -> String {
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            var words: [String] = []
            var current: [UInt8] = []
            for var byte in name.utf8 {
                if byte >= 65 && byte <= 90 { byte += 32 }
                if (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) {
                    current.append(byte)
                } else if !current.isEmpty {
                    words.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
            }
            if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
            return words.joined(separator: " ")
        }
        let scalars = name.lowercased().unicodeScalars.map { scalar -> Character in
            (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) ? Character(scalar) : " "
        }
        return String(scalars).split(separator: " ").joined(separator: " ")
    }
}
