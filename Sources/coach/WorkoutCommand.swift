import ArgumentParser
import CReadline
import CoachDialogue
import CoachModel
import CoachRecommending
import CoachRendering
import CoachStorage
import CoachUnderstanding
import Foundation

/// `coach workout`: a workout from the command line, printed or guided.
struct WorkoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workout", abstract: "Build a workout that fits the minutes, equipment, level and focus.",
        discussion:
            "Example: coach workout --minutes 10 --equipment resistance-band,dumbbell --level beginner --focus rear-delts"
    )

    @OptionGroup var knowledge: KnowledgeOptions
    // NB: `.unconditional` takes "-1" as the value (then refused with the range) instead of
    // reading it as an unknown option and saying the value is missing.
    @Option(
        parsing: .unconditional,
        help: "How long, in minutes (3 to 60; default by level: 10 beginner, 20 intermediate, 30 advanced).")
    var minutes: Int?
    @Option(help: "Equipment ids you have, comma-separated (default: your saved profile, else body weight).")
    var equipment: String?
    @Option(help: "beginner, intermediate or advanced.") var level = "beginner"
    @Option(help: "A muscle (id or name, e.g. rear-delts, lats) or a goal (e.g. posture).") var focus: String?
    @Option(parsing: .unconditional, help: "How many main exercises.") var exercises: Int?
    @Option(help: "Another seed gives another workout for the same request.") var seed: UInt64 = 0
    @Flag(help: "Print the workout as JSON.") var json = false
    @Flag(help: "Guide me through it, one set at a time.") var guide = false

    func validate() throws {
        if let minutes, !WorkoutBuilder.minutesRange.contains(minutes) {
            throw ValidationError("--minutes must be from 3 to 60, not \(minutes)")
        }
        guard Level(rawValue: level.lowercased()) != nil else {
            throw ValidationError(
                "--level must be beginner, intermediate or advanced, not '\(TerminalText.sanitized(level, limit: 40))'")
        }
        if let exercises, !(1...12).contains(exercises) { throw ValidationError("--exercises must be from 1 to 12") }
    }

    func run() throws {
        do { try build() } catch let error as ValidationError {
            // Thrown after parsing, an error would otherwise print the top-level usage: it is
            // about this command's options, so its usage is the one to show.
            let message = Self.fullMessage(for: error)
                .replacingOccurrences(of: "Usage: workout", with: "Usage: coach workout")
                .replacingOccurrences(of: "'workout --help'", with: "'coach workout --help'")
            Output.error(TerminalText.sanitizedLines(message))
            throw ExitCode(1)
        }
    }

    private func build() throws {
        let coach = try knowledge.coach()
        let base = coach.knowledge
        let have = try equipmentIDs(coach)
        let focusID = try focus.map { try resolveFocus($0, coach) }
        let level = Level(rawValue: level.lowercased()) ?? .beginner
        var request = WorkoutRequest(
            minutes: minutes ?? base.timeModel.defaultMinutes(for: level),
            availability: Availability(have: have ?? [coach.knowledge.bodyweightID]),
            level: level,
            focus: focusID, seed: seed, exerciseCount: exercises)
        // Pain reported in the chat and not yet better: the workout spares it here too.
        let painAreas = Set(base.safety.painAreas.map(\.id))
        request.availability.spare = Set(ProfileStore(directory: AppPaths.current().profileDirectory).load().pain)
            .intersection(painAreas)
        let reply = coach.workout(for: request, assumedEquipment: have == nil)
        if json {
            Output.line(JSONReply.line(for: reply))
        } else {
            Output.line(
                TextRenderer(width: Terminal.width, style: Terminal.useColor ? .color : .plain).render(reply.blocks))
        }
        guard guide, let plan = reply.routine else { return }
        guard Terminal.inputIsTerminal else {
            Output.error(base.replies(.guideNeedsTerminal))
            throw ExitCode(1)
        }
        coach_rl_install_interrupt_handler()
        Output.line("")
        let summary = InteractiveChat.guide(plan, knowledge: base, place: .shell)
        var book = LogBook(create: false)
        if let after = InteractiveChat.logGuided(
            summary, started: summary.started, coach: coach, place: .shell, in: &book)
        {
            Output.line(
                "\n"
                    + TextRenderer(width: Terminal.width, style: Terminal.useColor ? .color : .plain).render(
                        after.blocks))
        }
        let signal = coach_rl_terminate_requested()
        if signal != 0 { Foundation.exit(128 + signal) }
    }

    /// The equipment ids asked for (names people use work too), or the saved profile.
    private func equipmentIDs(_ coach: Coach) throws -> Set<EquipmentID>? {
        let base = coach.knowledge
        guard let equipment else {
            return ProfileStore(directory: AppPaths.current().profileDirectory).load().equipment.map {
                Set($0.map { EquipmentID($0) })
            }
        }
        var ids: Set<EquipmentID> = []
        for name in equipment.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty
        {
            if let id = coach.equipmentID(named: name) {
                ids.insert(id)
            } else {
                throw ValidationError(
                    "unknown equipment '\(TerminalText.sanitized(name, limit: 40))'; known ids: \(base.equipment.map(\.id.rawValue).joined(separator: ", "))"
                )
            }
        }
        return ids
    }

    private func resolveFocus(_ text: String, _ coach: Coach) throws -> String {
        let base = coach.knowledge
        let lowered = text.lowercased()
        if base.muscle(MuscleID(lowered)) != nil || base.language.goals[lowered] != nil { return lowered }
        let understood = coach.interpreter.understand(text.replacingOccurrences(of: "-", with: " "))
        if let muscle = understood.muscle { return muscle.rawValue }
        if let goal = understood.goal { return goal }
        throw ValidationError(
            "unknown focus '\(TerminalText.sanitized(text, limit: 40))'; use a muscle (\(base.muscles.map(\.id.rawValue).joined(separator: ", "))) or a goal (\(base.language.goals.keys.sorted().joined(separator: ", ")))"
        )
    }
}
