import CoachModel
import Foundation

/// Loads a knowledge base from its YAML files. (A built `coach` starts from a snapshot of what
/// this loaded at build time: see `Coach+Snapshot`.)
public enum KnowledgeLoader {
    /// Loads every `.yaml` file under `directory`.
    public static func load(directory: URL) throws(KnowledgeError) -> KnowledgeBase {
        var ignored: [Diagnostic] = []
        return try load(directory: directory, warnings: &ignored)
    }

    /// Loads every `.yaml` file under `directory`, and collects what is worth a warning.
    public static func load(directory: URL, warnings: inout [Diagnostic]) throws(KnowledgeError) -> KnowledgeBase {
        let root = directory.path.hasSuffix("/") ? directory.path : directory.path + "/"
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw KnowledgeError(
                diagnostics: [
                    Diagnostic(file: "", message: "no knowledge folder here; pass a folder such as Knowledge/")
                ],
                root: root)
        }
        var files: [(path: String, data: Data)] = []
        var unreadable: [Diagnostic] = []
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "yaml" else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(directory.standardizedFileURL.path.count))
                .trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            do {
                files.append((relative, try Data(contentsOf: url)))
            } catch {
                unreadable.append(
                    Diagnostic(file: relative, message: "cannot read the file: \(error.localizedDescription)"))
            }
        }
        files.sort { $0.path < $1.path }
        do throws(KnowledgeError) {
            let base = try load(files: files, root: root, warnings: &warnings)
            if !unreadable.isEmpty { throw KnowledgeError(diagnostics: unreadable, root: root) }
            return base
        } catch {
            throw KnowledgeError(
                diagnostics: unreadable + error.diagnostics.filter { !unreadable.contains($0) }, root: root)
        }
    }

    /// Parses the files on every core (parsing YAML is most of the cost of starting coach).
    private static func parseInParallel(_ files: [(path: String, data: Data)]) -> [KnowledgeDecoder.ParsedFile] {
        let results = ParsedFiles(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            results.store(KnowledgeDecoder.parse(path: files[index].path, data: files[index].data), at: index)
        }
        return results.files
    }

    /// Loads files given by their path relative to the knowledge folder; `root` names the folder
    /// in messages.
    public static func load(
        files: [(path: String, data: Data)], root: String, warnings: inout [Diagnostic]
    ) throws(KnowledgeError) -> KnowledgeBase {
        var decoder = KnowledgeDecoder()
        for file in parseInParallel(files) { decoder.decode(file) }
        warnings += decoder.warnings
        let diagnostics = decoder.diagnostics + KnowledgeValidator(decoder: decoder).diagnostics()
        guard diagnostics.isEmpty, let safety = decoder.safety, let overview = decoder.muscleOverview,
            let timeModel = decoder.timeModel, let harderAdvice = decoder.harderAdvice, let progress = decoder.progress
        else {
            var all = diagnostics
            if all.isEmpty { all.append(Diagnostic(file: "", message: "the knowledge base is incomplete")) }
            throw KnowledgeError(diagnostics: all, root: root)
        }
        return KnowledgeBase(
            sources: decoder.sources, exercises: decoder.exercises.sorted { $0.id < $1.id }, muscles: decoder.muscles,
            equipment: decoder.equipment, safety: safety, topics: decoder.topics, routines: decoder.routines,
            timeModel: timeModel, harderAdvice: harderAdvice, language: decoder.language, replies: decoder.replies,
            muscleOverview: overview, catalog: decoder.catalog,
            overviewMembers: decoder.overviewMembers.map { MuscleID($0) }, progress: progress,
            weeklyAdvice: decoder.weeklyAdvice, balance: decoder.balance)
    }
}

/// Parse results written by concurrent workers, one slot each.
private final class ParsedFiles: @unchecked Sendable {
    // NB: @unchecked because the slots are written under the lock and read only after
    // concurrentPerform has returned, when every worker is done.
    private var slots: [KnowledgeDecoder.ParsedFile?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ file: KnowledgeDecoder.ParsedFile, at index: Int) {
        lock.lock()
        slots[index] = file
        lock.unlock()
    }

    var files: [KnowledgeDecoder.ParsedFile] { slots.compactMap { $0 } }
}
