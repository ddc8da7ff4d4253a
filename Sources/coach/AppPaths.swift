import Foundation

/// Where coach keeps its files: `COACH_HOME` when set (tests use it so they never touch a
/// user's files), else the XDG folders.
struct AppPaths {
    var history: URL
    var profileDirectory: URL
    /// The training log: `$XDG_DATA_HOME/coach/log.sqlite`, else `~/.local/share/coach/log.sqlite`.
    var log: URL

    static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> AppPaths {
        if let home = environment["COACH_HOME"], !home.isEmpty {
            let folder = URL(filePath: home, directoryHint: .isDirectory)
            return AppPaths(
                history: folder.appending(path: "history"), profileDirectory: folder,
                log: folder.appending(path: "log.sqlite"))
        }
        let home = URL(filePath: environment["HOME"] ?? NSHomeDirectory(), directoryHint: .isDirectory)
        let state =
            environment["XDG_STATE_HOME"].flatMap(Self.absolute)
            ?? home.appending(path: ".local/state")
        let config =
            environment["XDG_CONFIG_HOME"].flatMap(Self.absolute)
            ?? home.appending(path: ".config")
        let data =
            environment["XDG_DATA_HOME"].flatMap(Self.absolute)
            ?? home.appending(path: ".local/share")
        return AppPaths(
            history: state.appending(path: "coach/history"), profileDirectory: config.appending(path: "coach"),
            log: data.appending(path: "coach/log.sqlite"))
    }

    /// An XDG folder as set, only when absolute: the spec says a relative path is invalid and
    /// must be ignored (else files would land under whatever folder coach was started in).
    static func absolute(_ path: String) -> URL? {
        path.hasPrefix("/") ? URL(filePath: path, directoryHint: .isDirectory) : nil
    }
}
