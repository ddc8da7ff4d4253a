import Foundation

/// Every write coach makes to standard output, standard error and the terminal goes through
/// here, with write(2): Foundation's `FileHandle.write(_:)` traps when a write fails (a closed
/// pipe with SIGPIPE ignored, a full disk, a closed standard error), and `print` cannot report a
/// failure at all.
///
/// A failed write to standard output ends coach with exit 1 and a line on standard error (if it
/// can still write there): output that was lost is never reported as success. A failed write to
/// standard error is ignored: there is nowhere left to say so.
enum Output {
    /// Writes all of `text` to `descriptor`; false when it could not.
    @discardableResult
    static func write(_ text: String, to descriptor: Int32) -> Bool {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            if written == 0 { return false }
            bytes = bytes.dropFirst(written)
        }
        return true
    }

    /// A line on standard error; a failure is ignored.
    static func error(_ message: String) {
        write(message + "\n", to: STDERR_FILENO)
    }

    /// A line on standard output; when it cannot be written, coach ends (`lost()`).
    static func line(_ text: String) {
        if !write(text + "\n", to: STDOUT_FILENO) { lost() }
    }

    /// Text on standard output as it is (no line break added).
    static func text(_ text: String) {
        if !write(text, to: STDOUT_FILENO) { lost() }
    }

    /// Standard output could not be written: say why on standard error, and exit 1.
    static func lost() -> Never {
        let reason =
            switch errno {
            case ENOSPC: "no space left on the device"
            case EPIPE: "the reader of the output has gone (a closed pipe)"
            case EIO: "the terminal is gone"
            case EBADF: "standard output is closed"
            default: String(cString: strerror(errno))
            }
        error("coach: could not write the output: \(reason)")
        exit(1)
    }
}
