import CoachModel
import Foundation

/// The training log as JSON (`coach log --json`): one array of sessions, each with its sets,
/// times in ISO 8601 (UTC), ids as in the catalog.
public enum LogJSON {
    struct Session: Encodable {
        var id: Int64?
        var started: String
        var ended: String?
        var source: String
        var plan: String?
        var effort: String?
        var sets: [LoggedSet]

        init(_ session: LoggedSession) {
            let iso = ISO8601DateFormatter()
            id = session.id
            started = iso.string(from: session.started)
            ended = session.ended.map(iso.string(from:))
            source = session.source.rawValue
            plan = session.plan
            effort = session.effort
            sets = session.sets
        }
    }

    public static func line(_ sessions: [LoggedSession]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(sessions.map(Session.init)) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }
}

/// The training log as CSV (`coach log export --csv`): a header, then one row per set.
public enum LogCSV {
    public static let header = "session,started,ended,source,plan,effort,exercise,way,equipment,reps,seconds,load,done"

    public static func text(_ sessions: [LoggedSession]) -> String {
        let iso = ISO8601DateFormatter()
        var lines = [header]
        for session in sessions {
            for set in session.sets {
                let cells: [String] = [
                    session.id.map { "\($0)" } ?? "", iso.string(from: session.started),
                    session.ended.map(iso.string(from:)) ?? "", session.source.rawValue, session.plan ?? "",
                    session.effort ?? "", set.exercise.rawValue, set.way ?? "",
                    set.equipment.map(\.rawValue).joined(separator: ";"), set.reps.map { "\($0)" } ?? "",
                    set.seconds.map { "\($0)" } ?? "", set.load ?? "", set.done ? "yes" : "no",
                ]
                lines.append(cells.map(field).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A cell, quoted when it holds a comma, a quote or a line break (RFC 4180); a cell that a
    /// spreadsheet would run as a formula (=, +, -, @ first) gets a leading quote mark.
    static func field(_ value: String) -> String {
        var value = TerminalText.sanitized(value, limit: 400)
        if let first = value.first, "=+-@".contains(first), Double(value) == nil { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
