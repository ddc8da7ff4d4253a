import Foundation

/// Writing to the terminal. Errors go to standard error through FileHandle (Swift 6 rejects
/// `stderr` as shared mutable state).
enum Output {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    static func line(_ text: String) {
        print(text)
    }
}
