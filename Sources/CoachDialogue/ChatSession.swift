import CoachModel
import CoachRecommending
import CoachUnderstanding
import Foundation

/// One conversation: slash commands and ordinary lines, with the state they share. The
/// terminal front end only reads lines and prints what comes back.
public struct ChatSession: Sendable {
    public let coach: Coach
    public var state: ConversationState

    public enum Outcome: Sendable {
        /// A reply to print. `profileChanged` asks the front end to save the profile (equipment,
        /// pain not yet better).
        case reply(Reply, profileChanged: Bool)
        /// An empty line: nothing to answer.
        case empty
        /// "start" after a workout: a front end with a terminal guides the person through `plan`;
        /// one without shows `fallback`, which says guided mode needs a terminal.
        case guide(WorkoutPlan, fallback: Reply)
        case quit
    }

    /// The slash commands, for help and completion.
    public static let commands = ["/help", "/quit", "/reset", "/equipment", "/why", "/sources"]

    public init(coach: Coach, state: ConversationState = ConversationState()) {
        self.coach = coach
        self.state = state
    }

    /// `plain` (tokens joined by spaces) without the words that may stand around a start line
    /// (`around-start`): "ok guide me through it please" is "guide me through it".
    static func withoutWordsAround(_ plain: String, coach: Coach) -> String {
        let around = Set(coach.knowledge.language.words(.aroundStart))
        var tokens = plain.split(separator: " ").map(String.init)
        while let first = tokens.first, around.contains(first), tokens.count > 1 { tokens.removeFirst() }
        while let last = tokens.last, around.contains(last), tokens.count > 1 { tokens.removeLast() }
        return tokens.joined(separator: " ")
    }

    public mutating func handle(_ line: String) -> Outcome {
        let trimmed = String(line.prefix(TextNormalizer.maximumCharacters)).trimmingCharacters(
            in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return .empty }
        let lines = coach.knowledge.language.understanding
        // Quit and start words are matched as the whole line, read as any input is ("Quit!").
        let plain = TextNormalizer.tokens(trimmed).joined(separator: " ")
        if lines.quitWords.contains(plain) { return .quit }
        if lines.startWords.contains(plain) || lines.startWords.contains(Self.withoutWordsAround(plain, coach: coach)) {
            let key = state.lastPlan == nil ? ReplyKey.guideNoWorkout : ReplyKey.guideNeedsTerminal
            let reply = Reply(
                input: TerminalText.sanitized(trimmed), intent: .help, confidence: 1, entities: .init(),
                blocks: [.paragraph(say(key))])
            if let plan = state.lastPlan { return .guide(plan, fallback: reply) }
            return .reply(reply, profileChanged: false)
        }
        guard trimmed.hasPrefix("/") else {
            let profileBefore = (state.profileEquipment, state.painReported, state.profileLevel)
            let reply = coach.respond(to: trimmed, state: &state)
            let changed =
                (state.profileEquipment != profileBefore.0 && state.profileEquipment != nil)
                || state.painReported != profileBefore.1 || state.profileLevel != profileBefore.2
            return .reply(reply, profileChanged: changed)
        }
        let words = trimmed.split(separator: " ").map(String.init)
        let command = words[0].lowercased()
        let arguments = Array(words.dropFirst())
        var profileChanged = false
        let blocks: [Block]
        switch command {
        case "/help":
            blocks = [.paragraph(say(.help)), .paragraph(say(.helpCommands))]
        case "/reset":
            state.reset()
            // (The pain not yet said to be better is kept, and said so: a workout after "/reset"
            // that still leaves the wrist out would otherwise contradict "I've forgotten".)
            let areas = state.painReported.compactMap { coach.knowledge.safety.painArea($0)?.name }
            blocks = [
                .paragraph(
                    areas.isEmpty
                        ? say(.reset) : say(.resetPainKept, ["area": say.listed(areas)]))
            ]
        case "/equipment":
            (blocks, profileChanged) = equipment(arguments)
        case "/why":
            blocks = why()
        case "/sources":
            blocks = sources()
        default:
            blocks = [
                .paragraph(say(.commandUnknown, ["command": TerminalText.sanitized(command, limit: 40)])),
                .paragraph(say(.helpCommands)),
            ]
        }
        let reply = Reply(
            input: TerminalText.sanitized(trimmed), intent: .help, confidence: 1,
            entities: .init(equipmentHave: Array(state.equipment ?? []).sorted()),
            blocks: blocks)
        return .reply(reply, profileChanged: profileChanged)
    }

    private var say: Replies { coach.knowledge.replies }

    /// The reply to a question with no words in it (`coach ask ""`).
    public func emptyQuestionReply() -> Reply {
        Reply(
            input: "", intent: .unknown, confidence: 1, entities: .init(), blocks: [.paragraph(say(.unknownEmpty))])
    }

    /// `/equipment` shows what coach thinks the person has; `/equipment ids...` sets it.
    private mutating func equipment(_ arguments: [String]) -> ([Block], Bool) {
        let knowledge = coach.knowledge
        guard !arguments.isEmpty else {
            guard let have = state.equipment, !have.isEmpty else { return ([.paragraph(say(.equipmentNone))], false) }
            return ([showing(have)], false)
        }
        var ids: Set<EquipmentID> = []
        var unknown: [String] = []
        for argument in arguments.flatMap({ $0.split(separator: ",") }).map(String.init) {
            if let id = coach.equipmentID(named: argument) {
                ids.insert(id)
            } else {
                unknown.append(TerminalText.sanitized(argument, limit: 40))
            }
        }
        guard unknown.isEmpty else {
            return (
                [
                    .paragraph(
                        say(
                            .equipmentUnknown,
                            [
                                "names": unknown.joined(separator: say(.joinList)),
                                "ids": knowledge.equipment.map(\.id.rawValue).joined(separator: say(.joinList)),
                            ]))
                ], false
            )
        }
        // Saving the same kit again would only cost a write (and its sync) per command.
        let changed = state.profileEquipment != ids
        state.equipment = ids
        state.profileEquipment = ids
        return ([showing(ids)], changed)
    }

    /// "Your equipment: dumbbell, resistance band."
    private func showing(_ ids: Set<EquipmentID>) -> Block {
        .paragraph(
            say(
                .equipmentShow,
                ["equipment": ids.sorted().map(coach.knowledge.equipmentName).joined(separator: say(.joinList))]
            ))
    }

    /// Why the last reply was chosen: what was understood, and what context added.
    private func why() -> [Block] {
        guard let reply = state.lastReply, let understanding = reply.understanding else {
            return [.paragraph(say(.whyNone))]
        }
        return WhyExplanation(understanding: understanding, reasons: reply.reasons, replies: say).blocks
    }

    private func sources() -> [Block] {
        guard let reply = state.lastReply else { return [.paragraph(say(.sourcesNone))] }
        guard !reply.sources.isEmpty else { return [.paragraph(say(.sourcesTeam))] }
        return [.bullets(reply.sources.map { "\($0.title) (\($0.id), \($0.file))" })]
    }
}
