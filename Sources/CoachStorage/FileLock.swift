import Foundation

/// An advisory lock (flock) on a file beside the one being updated, so that two coach sessions
/// updating the same history or profile take turns: each reads, changes and renames while it
/// holds the lock, and no session's lines are lost.
public enum FileLock {
    /// Runs `body` while holding an exclusive lock on `url` (created with mode 0600 if needed).
    /// When the lock file cannot be created (a read-only folder), `body` runs without it; the
    /// write that follows will fail and say so. A symbolic link at `url` is never followed
    /// (O_NOFOLLOW): a link planted there must not make coach create or open its target.
    public static func withLock<T>(_ url: URL, _ body: () throws -> T) rethrows -> T {
        let descriptor = open(url.path, O_CREAT | O_RDWR | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { return try body() }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0, errno == EINTR {}
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
