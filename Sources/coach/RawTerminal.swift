import CReadline
import CoachDialogue
import CoachRendering
import Foundation

/// The real terminal for guided mode: single keys without Enter (raw mode, restored after, and
/// around Ctrl-Z and `fg`: the shim's `coach_term_raw_begin`), waiting with poll(2), so a
/// countdown ticks while it listens. Ctrl-C stays a signal (ISIG is kept); the shim's SIGINT
/// handler counts it, and `interrupted` sees the count change.
struct RawTerminal: GuideTerminal {
    private let interruptsAtStart: UInt
    private let started = Date()
    /// The terminal could not be written (closed window, lost connection): the guide ends.
    private var outputLost = false

    var secondsElapsed: Double { Date().timeIntervalSince(started) }

    var width: Int { Terminal.width }

    /// Countdowns redraw their line only on a real terminal that understands it.
    let canRedraw = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"

    init() {
        interruptsAtStart = coach_rl_interrupt_count()
        _ = coach_term_raw_begin()
    }

    /// Puts the terminal back as it was.
    func restore() { coach_term_raw_end() }

    var interrupted: Bool {
        outputLost || coach_rl_interrupt_count() != interruptsAtStart || coach_rl_terminate_requested() != 0
    }

    mutating func key(within seconds: Double) -> GuideKey? {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32(seconds * 1000))
        guard ready > 0 else { return nil }  // time passed, or a signal broke the wait
        var byte: UInt8 = 0
        guard read(STDIN_FILENO, &byte, 1) == 1 else { return .quit }  // end of input: stop
        switch byte {
        case 0x0A, 0x0D: return .enter
        case UInt8(ascii: "s"), UInt8(ascii: "S"): return .skip
        case UInt8(ascii: "q"), UInt8(ascii: "Q"), 0x04: return .quit
        default: return .other
        }
    }

    mutating func show(_ text: String, replacingLine: Bool) {
        // Only our own text reaches here; it is plain, with no control characters. Lines are
        // wrapped to the terminal (a cue, "  - ...", with a hanging indent); a countdown line is
        // short and redrawn in place.
        let width = Terminal.width
        let line: String
        if replacingLine {
            line = "\r\u{1B}[2K" + text
        } else if text.hasPrefix("  - ") {
            let wrapped = TextRenderer(width: width - 2, style: .plain).render([.bullets([String(text.dropFirst(4))])])
            line =
                wrapped.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(
                    separator: "\n") + "\n"
        } else {
            line = TextRenderer(width: width, style: .plain).render([.paragraph(text)]) + "\n"
        }
        if !Output.write(line, to: STDOUT_FILENO) { outputLost = true }
    }
}
