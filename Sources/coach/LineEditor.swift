import CReadline
import CoachDialogue
import Foundation

/// Line editing through GNU readline (history, Ctrl-R search, Tab completion), behind the C
/// shim in `CReadline`. One per process: readline itself is global.
final class LineEditor {
    private let completer: Completer

    init(completer: Completer) {
        self.completer = completer
        // NB: readline calls back into Swift through a C function pointer, so `self` travels as
        // an unretained context pointer; the editor lives for the whole chat.
        coach_rl_setup(
            "coach",
            { context, text, _ in
                guard let context, let text else { return }
                let editor = Unmanaged<LineEditor>.fromOpaque(context).takeUnretainedValue()
                for candidate in editor.completer.candidates(for: String(cString: text)) {
                    coach_rl_offer(candidate)
                }
            }, Unmanaged.passUnretained(self).toOpaque())
        coach_rl_install_interrupt_handler()
    }

    /// The next line, or nil at end of input (Ctrl-D).
    func readLine(prompt: String) -> String? {
        guard let pointer = coach_rl_readline(prompt) else { return nil }
        defer { free(pointer) }
        return String(decoding: UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)), as: UTF8.self)
    }

    func addHistory(_ line: String) { coach_rl_add_history(line) }

    /// What Ctrl-C prints when it cancels a line with text.
    var cancelMessage: String? {
        didSet { coach_rl_set_cancel_message(cancelMessage) }
    }

    /// The oldest line Ctrl-C cancelled and not yet taken.
    func takeCancelledLine() -> String? {
        guard let pointer = coach_rl_take_cancelled_line() else { return nil }
        defer { free(pointer) }
        return String(decoding: UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)), as: UTF8.self)
    }
}
