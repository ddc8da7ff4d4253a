import Foundation

/// What went wrong with a file, in coach's own words: never a library's dump such as
/// "NSCocoaErrorDomain error 256" or a DecodingError's debug description.
public enum FileProblem {
    /// A sentence for `error`, met reading or writing `url`: what the path is when it is not a
    /// file (a folder, a FIFO, a device), else what the system said (no such file, no permission,
    /// no space left), else the first line of the error.
    public static func describe(_ error: any Error, at url: URL) -> String {
        if let kind = kind(of: url) { return kind }
        var posix: Int32?
        var nsError = error as NSError
        while posix == nil {
            if nsError.domain == NSPOSIXErrorDomain { posix = Int32(nsError.code) }
            guard let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError else { break }
            nsError = underlying
        }
        if posix == nil, (error as NSError).domain == NSCocoaErrorDomain {
            switch (error as NSError).code {
            case NSFileNoSuchFileError, NSFileReadNoSuchFileError: posix = ENOENT
            case NSFileReadNoPermissionError, NSFileWriteNoPermissionError: posix = EACCES
            case NSFileWriteOutOfSpaceError: posix = ENOSPC
            case NSFileReadInapplicableStringEncodingError: return "it is not valid UTF-8 text"
            default: break
            }
        }
        if let posix {
            switch posix {
            case ENOENT: return "it does not exist"
            case EACCES, EPERM: return "you don't have permission"
            case ENOSPC: return "no space left on the device"
            case EROFS: return "the file system is read-only"
            case EISDIR: return "it is a folder, not a file"
            default: return String(cString: strerror(posix))
            }
        }
        if let decoding = error as? DecodingError {
            switch decoding {
            case let .dataCorrupted(context):
                let underlying = context.underlyingError.map { "\($0)" } ?? context.debugDescription
                return "it is not valid: " + (underlying.split(separator: "\n").first.map(String.init) ?? underlying)
            case let .keyNotFound(key, _): return "the key '\(key.stringValue)' is missing"
            case let .typeMismatch(_, context), let .valueNotFound(_, context):
                let path = context.codingPath.map(\.stringValue).joined(separator: ".")
                return "the value at '\(path)' has the wrong form"
            @unknown default: break
            }
        }
        return "\(error)".split(separator: "\n").first.map(String.init) ?? "an unknown problem"
    }

    /// What the path is, when it is something a file cannot be read from or written over.
    static func kind(of url: URL) -> String? {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return "it is a folder, not a file"
        case S_IFIFO: return "it is a FIFO (a named pipe), not a file"
        case S_IFCHR, S_IFBLK: return "it is a device, not a file"
        case S_IFSOCK: return "it is a socket, not a file"
        default: return nil
        }
    }
}
