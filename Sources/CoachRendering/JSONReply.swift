import CoachDialogue
import CoachModel
import CoachRecommending
import Foundation

/// The JSON contract of `coach ask --json`: one object per reply, on one line. Fields are only
/// ever added, never renamed or removed.
public struct JSONReply: Encodable {
    let reply: Reply
    let text: String

    public init(reply: Reply, text: String) {
        self.reply = reply
        self.text = text
    }

    /// The reply as one line of JSON.
    public static func line(for reply: Reply) -> String {
        let text = TextRenderer.canonical.render(reply.blocks)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]  // stable, diffable lines
        guard let data = try? encoder.encode(JSONReply(reply: reply, text: text)),
            let line = String(data: data, encoding: .utf8)
        else { return #"{"error":"could not encode the reply"}"# }
        return line
    }

    enum Key: String, CodingKey {
        case input, intent, ask, confidence, entities, text, exercises, routine, sources, safety
        case decidedBy = "decided_by"
        case rule, parts, question, week
        case exercise, muscle
        case equipmentHave = "equipment_have"
        case equipmentMissing = "equipment_missing"
        case minutes, level
        case id, name, equipment, title, rounds, items, sets, reps, seconds
        case restSeconds = "rest_seconds"
        case coolDown = "cool_down"
        case redFlag = "red_flag"
        case advice, logged, fit
    }

    /// A session as `routine` and each day of `week` show it.
    private static func encode(_ routine: WorkoutPlan, into plan: inout KeyedEncodingContainer<Key>) throws {
        try plan.encode(routine.title, forKey: .title)
        try plan.encode(routine.minutes, forKey: .minutes)
        try plan.encode(routine.rounds, forKey: .rounds)
        var items = plan.nestedUnkeyedContainer(forKey: .items)
        for entry in routine.items { try encode(entry, into: &items) }
        // (Only when asked for: a plan without one keeps the shape it always had.)
        if !routine.coolDown.isEmpty {
            var coolDown = plan.nestedUnkeyedContainer(forKey: .coolDown)
            for entry in routine.coolDown { try encode(entry, into: &coolDown) }
        }
    }

    private static func encode(_ entry: WorkoutPlan.Item, into items: inout any UnkeyedEncodingContainer) throws {
        var item = items.nestedContainer(keyedBy: Key.self)
        try item.encode(entry.exercise, forKey: .exercise)
        try item.encode(entry.equipment, forKey: .equipment)
        try item.encode(entry.sets, forKey: .sets)
        try item.encode(entry.reps, forKey: .reps)
        try item.encode(entry.seconds, forKey: .seconds)
        try item.encode(entry.restSeconds, forKey: .restSeconds)
    }

    public func encode(to encoder: any Encoder) throws {
        var object = encoder.container(keyedBy: Key.self)
        try object.encode(reply.input, forKey: .input)
        try object.encode(reply.intent.rawValue, forKey: .intent)
        try object.encode(reply.ask?.rawValue, forKey: .ask)
        try object.encode((reply.confidence * 1000).rounded() / 1000, forKey: .confidence)
        try object.encode(reply.decidedBy.rawValue, forKey: .decidedBy)
        try object.encode(reply.rule, forKey: .rule)
        var parts = object.nestedUnkeyedContainer(forKey: .parts)
        for part in reply.parts {
            var item = parts.nestedContainer(keyedBy: Key.self)
            try item.encode(part.question, forKey: .question)
            try item.encode(part.intent.rawValue, forKey: .intent)
            try item.encode(part.ask?.rawValue, forKey: .ask)
        }
        var entities = object.nestedContainer(keyedBy: Key.self, forKey: .entities)
        try entities.encode(reply.entities.exercise, forKey: .exercise)
        try entities.encode(reply.entities.muscle, forKey: .muscle)
        try entities.encode(reply.entities.equipmentHave, forKey: .equipmentHave)
        try entities.encode(reply.entities.equipmentMissing, forKey: .equipmentMissing)
        try entities.encode(reply.entities.minutes, forKey: .minutes)
        try entities.encode(reply.entities.level?.rawValue, forKey: .level)
        try object.encode(text, forKey: .text)
        var exercises = object.nestedUnkeyedContainer(forKey: .exercises)
        for exercise in reply.exercises {
            var item = exercises.nestedContainer(keyedBy: Key.self)
            try item.encode(exercise.id, forKey: .id)
            try item.encode(exercise.name, forKey: .name)
            try item.encode(exercise.equipment, forKey: .equipment)
            // (Swaps only: how each stands in for the exercise replaced.)
            try item.encodeIfPresent(exercise.fit?.rawValue, forKey: .fit)
        }
        if let routine = reply.routine {
            var plan = object.nestedContainer(keyedBy: Key.self, forKey: .routine)
            try Self.encode(routine, into: &plan)
        } else {
            try object.encodeNil(forKey: .routine)
        }
        // Every day's session of a week asked for, the first being `routine`; empty for one.
        var week = object.nestedUnkeyedContainer(forKey: .week)
        for day in reply.week {
            var plan = week.nestedContainer(keyedBy: Key.self)
            try Self.encode(day, into: &plan)
        }
        var sources = object.nestedUnkeyedContainer(forKey: .sources)
        for source in reply.sources {
            var item = sources.nestedContainer(keyedBy: Key.self)
            try item.encode(source.id, forKey: .id)
            try item.encode(source.title, forKey: .title)
        }
        if let safety = reply.safety {
            var note = object.nestedContainer(keyedBy: Key.self, forKey: .safety)
            try note.encode(safety.redFlag, forKey: .redFlag)
            try note.encode(safety.advice, forKey: .advice)
        } else {
            try object.encodeNil(forKey: .safety)
        }
        // Sets this reply logged, or the logged session it changed, as `coach log --json` shows one.
        if let session = reply.logged ?? reply.amended {
            try object.encode(LogJSON.Session(session), forKey: .logged)
        } else {
            try object.encodeNil(forKey: .logged)
        }
    }
}
