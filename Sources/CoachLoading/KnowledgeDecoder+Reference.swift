import CoachModel
import Yams

/// Sources, muscles and equipment: the things other files refer to by id.
extension KnowledgeDecoder {
    mutating func decodeSources(_ root: Node, _ reader: inout YAMLReader) {
        guard let map = reader.mapping(root, "sources.yaml") else { return }
        reader.checkKeys(map, allowed: ["sources"], in: "sources.yaml")
        for node in reader.sequence(reader.required(map, "sources", in: "sources.yaml", at: root), "sources") {
            guard let item = reader.mapping(node, "a source") else { continue }
            reader.checkKeys(item, allowed: ["id", "title", "file", "covers"], in: "a source")
            let id = reader.required(item, "id", in: "a source", at: node).flatMap { reader.string($0, "the id") }
            let title = reader.required(item, "title", in: "a source", at: node).flatMap {
                reader.string($0, "the title")
            }
            let file = item["file"].flatMap { reader.string($0, "the file") } ?? ""
            let covers = reader.strings(item["covers"], "covers")
            if let id, let title { sources.append(Source(id: SourceID(id), title: title, file: file, covers: covers)) }
        }
    }

    mutating func decodeMuscles(_ root: Node, _ reader: inout YAMLReader) {
        guard let map = reader.mapping(root, "muscles.yaml") else { return }
        reader.checkKeys(map, allowed: ["overview", "overview_members", "muscles", "balance"], in: "muscles.yaml")
        overviewMembers = ids(map["overview_members"], .muscle, "overview_members", &reader)
        if let node = map["balance"], let item = reader.mapping(node, "the balance") {
            reader.checkKeys(item, allowed: ["patterns", "muscles", "why"], in: "balance")
            let patterns = reader.sequence(item["patterns"], "balance.patterns").compactMap {
                enumValue($0, MovementPattern.self, "a pattern of the balance", &reader)
            }
            balance = BalancedBack(
                patterns: patterns,
                muscles: ids(item["muscles"], .muscle, "balance.muscles", &reader).map { MuscleID($0) },
                why: item["why"].flatMap { sourcedText($0, "balance.why", &reader) })
        }
        muscleOverview = sourcedText(
            reader.required(map, "overview", in: "muscles.yaml", at: root), "the overview", &reader)
        for node in reader.sequence(reader.required(map, "muscles", in: "muscles.yaml", at: root), "muscles") {
            guard let item = reader.mapping(node, "a muscle") else { continue }
            reader.checkKeys(
                item, allowed: ["id", "name", "aliases", "phrases", "region", "where", "does", "parts"], in: "a muscle")
            let what = "a muscle"
            let id = reader.required(item, "id", in: what, at: node).flatMap { reader.string($0, "the id") }
            let name = reader.required(item, "name", in: what, at: node).flatMap { reader.string($0, "the name") }
            let aliases = reader.strings(item["aliases"], "aliases")
            let phrases = reader.strings(item["phrases"], "phrases")
            let region = item["region"].flatMap { reader.string($0, "the region") } ?? "upper-back"
            let location = sourcedText(reader.required(item, "where", in: what, at: node), "where", &reader)
            let function = sourcedText(reader.required(item, "does", in: what, at: node), "does", &reader)
            let parts = item["parts"].flatMap { sourcedText($0, "parts", &reader) }
            guard let id, let name, let location, let function else { continue }
            let names =
                [(name, item["name"])] + zip(aliases, reader.sequenceNodes(item["aliases"])).map { ($0, $1) }
                + zip(phrases, reader.sequenceNodes(item["phrases"])).map { ($0, $1) }
            for (text, at) in names {
                muscleNames.append(NameClaim(name: text, owner: id, location: reader.location(at)))
            }
            var muscle = Muscle(
                id: MuscleID(id), name: name, aliases: aliases, phrases: phrases, region: region,
                location: location,
                function: function)
            muscle.parts = parts
            muscles.append(muscle)
        }
    }

    mutating func decodeEquipment(_ root: Node, _ reader: inout YAMLReader) {
        guard let map = reader.mapping(root, "equipment.yaml") else { return }
        reader.checkKeys(map, allowed: ["equipment"], in: "equipment.yaml")
        for node in reader.sequence(reader.required(map, "equipment", in: "equipment.yaml", at: root), "equipment") {
            guard let item = reader.mapping(node, "a piece of equipment") else { continue }
            let what = "a piece of equipment"
            reader.checkKeys(
                item,
                allowed: [
                    "id", "name", "aliases", "stand_ins", "at_hand", "bodyweight", "gym_only", "household",
                    "in_many_homes",
                    "progressive", "everyday", "harder", "used_in_pairs", "named_by",
                ],
                in: what)
            let id = reader.required(item, "id", in: what, at: node).flatMap { reader.string($0, "the id") }
            let name = reader.required(item, "name", in: what, at: node).flatMap { reader.string($0, "the name") }
            let aliases = reader.strings(item["aliases"], "aliases")
            var standIns: [Equipment.StandIn] = []
            for standIn in reader.sequence(item["stand_ins"], "stand_ins") {
                guard let entry = reader.mapping(standIn, "a stand-in") else { continue }
                reader.checkKeys(
                    entry, allowed: ["equipment", "text", "source", "section", "exercises"], in: "a stand-in")
                let other = self.id(
                    reader.required(entry, "equipment", in: "a stand-in", at: standIn), .equipment, "the stand-in",
                    &reader)
                let text = reader.required(entry, "text", in: "a stand-in", at: standIn).flatMap {
                    reader.string($0, "the text")
                }
                let source = sourceRef(entry, in: "a stand-in", at: standIn, &reader)
                let serves = ids(entry["exercises"], .exercise, "the exercises of a stand-in", &reader)
                if let other, let text, let source {
                    var item = Equipment.StandIn(equipment: EquipmentID(other), text: text, source: source)
                    item.exercises = serves.map { ExerciseID($0) }
                    standIns.append(item)
                }
            }
            guard let id, let name else { continue }
            let names = [(name, item["name"])] + zip(aliases, reader.sequenceNodes(item["aliases"])).map { ($0, $1) }
            for (text, at) in names {
                equipmentNames.append(NameClaim(name: text, owner: id, location: reader.location(at)))
            }
            var piece = Equipment(
                id: EquipmentID(id), name: name, aliases: aliases, standIns: standIns,
                atHand: item["at_hand"].flatMap { reader.bool($0, "at_hand") } ?? false,
                isBodyweight: item["bodyweight"].flatMap { reader.bool($0, "bodyweight") } ?? false)
            piece.gymOnly = item["gym_only"].flatMap { reader.bool($0, "gym_only") } ?? false
            piece.household = item["household"].flatMap { reader.bool($0, "household") } ?? false
            piece.inManyHomes = item["in_many_homes"].flatMap { reader.bool($0, "in_many_homes") } ?? false
            piece.progressive = item["progressive"].flatMap { reader.bool($0, "progressive") } ?? false
            piece.everyday = reader.strings(item["everyday"], "everyday")
            piece.harder = item["harder"].flatMap { reader.string($0, "harder") }
            piece.usedInPairs = item["used_in_pairs"].flatMap { reader.bool($0, "used_in_pairs") } ?? false
            piece.namedBy = self.id(item["named_by"], .exercise, "named_by", &reader).map { ExerciseID($0) }
            for (text, at) in zip(piece.everyday, reader.sequenceNodes(item["everyday"])) {
                equipmentNames.append(NameClaim(name: text, owner: id, location: reader.location(at)))
            }
            equipment.append(piece)
        }
    }
}
