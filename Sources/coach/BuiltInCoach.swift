import ArgumentParser
import CoachDialogue
import CoachKnowledge
import CoachSnapshot

/// The coach built into this binary: read from the snapshot made at build time.
enum BuiltInCoach {
    static func load() throws -> Coach {
        do { return try Coach(snapshot: EmbeddedKnowledge.snapshot()) } catch {
            // Only a broken build can get here: the snapshot is written and read by the same build.
            Output.error(
                "coach: the built-in knowledge could not be read (\(error)); rebuild coach, or pass --knowledge DIR")
            throw ExitCode(2)
        }
    }
}
