import CoachModel
import Foundation
import Yams

extension KnowledgeDecoder {
    static let exerciseKeys = [
        "id", "name", "aliases", "pattern", "level", "summary", "muscles", "ways", "steps", "cues",
        "mistakes", "safety", "dosage", "easier", "harder", "loads", "swap_note",
    ]

    mutating func decodeExercise(_ root: Node, fileID: String, _ reader: inout YAMLReader) {
        guard let map = reader.mapping(root, "an exercise file") else { return }
        reader.checkKeys(map, allowed: Self.exerciseKeys, in: "an exercise")
        let what = "exercise '\(fileID)'"
        func need(_ key: String, _ reader: inout YAMLReader) -> Node? {
            reader.required(map, key, in: what, at: root)
        }
        let id = need("id", &reader).flatMap { reader.string($0, "the id") }
        if let id, id != fileID {
            reader.fail(map["id"], "the id '\(id)' does not match the file name '\(fileID).yaml'; rename one of them")
        }
        let name = need("name", &reader).flatMap { reader.string($0, "the name") }
        let aliases = reader.strings(map["aliases"], "aliases")
        let location = reader.location(root)
        exerciseLocations[fileID] = location
        if let name {
            exerciseNames.append(NameClaim(name: name, owner: fileID, location: reader.location(map["name"])))
        }
        for (alias, node) in zip(aliases, reader.sequenceNodes(map["aliases"])) {
            exerciseNames.append(NameClaim(name: alias, owner: fileID, location: reader.location(node)))
        }
        let pattern = enumValue(need("pattern", &reader), MovementPattern.self, "the pattern", &reader)
        let level = enumValue(need("level", &reader), Level.self, "the level", &reader)
        let summary = sourcedText(need("summary", &reader), "the summary", &reader)
        let muscles = reader.sequence(need("muscles", &reader), "muscles").compactMap { muscleRole($0, &reader) }
        let ways = reader.sequence(need("ways", &reader), "ways").compactMap { way($0, &reader) }
        let steps = steps(need("steps", &reader), ways: ways, &reader)
        let cues = sourcedTexts(need("cues", &reader), "cues", &reader)
        let mistakes = sourcedTexts(need("mistakes", &reader), "mistakes", &reader)
        let safety = sourcedTexts(map["safety"], "safety", &reader)
        let dosage = dosage(need("dosage", &reader), &reader)
        let easier = ids(map["easier"], .exercise, "easier", &reader)
        let harder = ids(map["harder"], .exercise, "harder", &reader)
        let loads = ids(need("loads", &reader), .painArea, "loads", &reader)
        let swapNote = sourcedText(map["swap_note"], "the swap note", &reader)

        let counts: [(String, Int, Int, Node?)] = [
            ("muscles", muscles.count, 1, map["muscles"]), ("ways", ways.count, 1, map["ways"]),
            ("steps", steps?.items.count ?? 0, 3, map["steps"]), ("cues", cues.count, 2, map["cues"]),
            ("mistakes", mistakes.count, 1, map["mistakes"]),
        ]
        for (key, count, minimum, node) in counts where count < minimum && node != nil {
            reader.fail(node, "\(what) has \(count) \(key); give it at least \(minimum)")
        }
        if !muscles.contains(where: { $0.role == .primary }), map["muscles"] != nil {
            reader.fail(map["muscles"], "\(what) names no primary muscle")
        }
        guard let id, let name, let pattern, let level, let summary, let steps, let dosage else { return }
        var exercise = Exercise(
            id: ExerciseID(id), name: name, aliases: aliases, pattern: pattern, level: level, summary: summary,
            muscles: muscles, ways: ways, steps: steps, cues: cues, mistakes: mistakes, safety: safety,
            dosage: dosage, easier: easier.map { ExerciseID($0) }, harder: harder.map { ExerciseID($0) })
        exercise.loads = Set(loads)
        exercise.swapNote = swapNote
        exercises.append(exercise)
    }

    mutating func enumValue<Value: RawRepresentable & CaseIterable>(
        _ node: Node?, _: Value.Type, _ what: String, _ reader: inout YAMLReader
    ) -> Value? where Value.RawValue == String {
        guard let text = reader.string(node, what) else { return nil }
        if let value = Value(rawValue: text) { return value }
        let allowed = Value.allCases.map(\.rawValue)
        reader.fail(node, "\(what) '\(text)' is not one of: \(allowed.joined(separator: ", "))")
        return nil
    }

    private mutating func muscleRole(_ node: Node, _ reader: inout YAMLReader) -> MuscleRole? {
        guard let map = reader.mapping(node, "a muscle entry") else { return nil }
        reader.checkKeys(map, allowed: ["id", "role", "source", "section"], in: "a muscle entry")
        let muscle = id(reader.required(map, "id", in: "a muscle entry", at: node), .muscle, "the muscle id", &reader)
        let roleText = reader.required(map, "role", in: "a muscle entry", at: node).flatMap {
            reader.string($0, "the role")
        }
        let role = roleText.flatMap(MuscleRole.Role.init(rawValue:))
        if let roleText, role == nil {
            reader.fail(map["role"], "the role '\(roleText)' should be primary or secondary")
        }
        let source = sourceRef(map, in: "a muscle entry", at: node, &reader)
        guard let muscle, let role, let source else { return nil }
        return MuscleRole(muscle: MuscleID(muscle), role: role, source: source)
    }

    private mutating func way(_ node: Node, _ reader: inout YAMLReader) -> ExerciseWay? {
        guard let map = reader.mapping(node, "a way") else { return nil }
        reader.checkKeys(
            map,
            allowed: [
                "id", "name", "equipment", "text", "source", "section", "answers", "drill", "level", "per_side",
                "lying", "offers", "loads", "called",
            ],
            in: "a way")
        let wayID = reader.required(map, "id", in: "a way", at: node).flatMap { reader.string($0, "the id of a way") }
        let name = reader.required(map, "name", in: "a way", at: node).flatMap {
            reader.string($0, "the name of a way")
        }
        let equipment = ids(reader.required(map, "equipment", in: "a way", at: node), .equipment, "equipment", &reader)
        if equipment.isEmpty, map["equipment"] != nil {
            reader.fail(map["equipment"], "a way lists no equipment; write [none] for bodyweight")
        }
        let text = map["text"].flatMap { reader.string($0, "the text of a way") }
        let source = sourceRef(map, in: "a way", at: node, &reader)
        let answers = asks(map["answers"], "`answers` of a way", &reader)
        guard let wayID, let name, let source else { return nil }
        var way = ExerciseWay(
            id: wayID, name: name, equipment: equipment.map { EquipmentID($0) }, text: text, source: source)
        way.answers = answers
        way.isDrill = map["drill"].flatMap { reader.bool($0, "drill") } ?? false
        way.perSide = map["per_side"].flatMap { reader.bool($0, "per_side") }
        way.level = enumValue(map["level"], Level.self, "the level of a way", &reader)
        way.lying = enumValue(map["lying"], Lying.self, "how a way is done lying", &reader)
        way.offers = sourcedText(map["offers"], "what the way '\(wayID)' offers", &reader)
        way.called = map["called"].flatMap { reader.string($0, "what the way '\(wayID)' is called") }
        if map["loads"] != nil { way.ownLoads = Set(ids(map["loads"], .painArea, "loads of a way", &reader)) }
        return way
    }

    private mutating func steps(_ node: Node?, ways: [ExerciseWay], _ reader: inout YAMLReader) -> Steps? {
        guard let node, let map = reader.mapping(node, "steps") else { return nil }
        reader.checkKeys(map, allowed: ["way", "source", "section", "items"], in: "steps")
        let way = map["way"].flatMap { reader.string($0, "the way of the steps") }
        if let way, !ways.isEmpty, !ways.contains(where: { $0.id == way }) {
            reader.fail(
                map["way"],
                "the steps describe way '\(way)', which is not among this exercise's ways (\(ways.map(\.id).joined(separator: ", ")))"
            )
        }
        let source = sourceRef(map, in: "steps", at: node, &reader)
        let items = reader.strings(reader.required(map, "items", in: "steps", at: node), "the steps")
        guard let source else { return nil }
        return Steps(way: way, source: source, items: items)
    }

    private mutating func dosage(_ node: Node?, _ reader: inout YAMLReader) -> Dosage? {
        guard let node, let map = reader.mapping(node, "the dosage") else { return nil }
        reader.checkKeys(map, allowed: ["sets", "reps", "seconds", "per_side", "source", "section"], in: "the dosage")
        let sets = reader.int(
            reader.required(map, "sets", in: "the dosage", at: node), "sets", in: NumberRanges.sets)
        var reps: ClosedRange<Int>?
        if let text = map["reps"].flatMap({ reader.string($0, "reps") }) {
            reps = Self.range(text)
            if reps == nil { reader.fail(map["reps"], "reps '\(text)' should be a number or a range such as 8-12") }
            if let range = reps,
                !NumberRanges.reps.contains(range.lowerBound) || !NumberRanges.reps.contains(range.upperBound)
            {
                reader.fail(
                    map["reps"],
                    "reps should be from \(NumberRanges.reps.lowerBound) to \(NumberRanges.reps.upperBound), not \(text)"
                )
                reps = nil
            }
        }
        let seconds = map["seconds"].flatMap { reader.int($0, "seconds", in: NumberRanges.holdSeconds) }
        if reps == nil, seconds == nil, map["reps"] == nil {
            reader.fail(node, "the dosage needs `reps` (e.g. 8-12) or `seconds` (for a hold)")
        }
        let perSide = map["per_side"].flatMap { reader.bool($0, "per_side") } ?? false
        let source = sourceRef(map, in: "the dosage", at: node, &reader)
        guard let sets, let source else { return nil }
        return Dosage(sets: sets, reps: reps, seconds: seconds, perSide: perSide, source: source)
    }

    /// "10" or "8-12" as a range of reps.
    static func range(_ text: String) -> ClosedRange<Int>? {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "–" }).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == parts.count, let low = numbers.first, let high = numbers.last, low > 0, low <= high,
            numbers.count <= 2
        else { return nil }
        return low...high
    }
}
