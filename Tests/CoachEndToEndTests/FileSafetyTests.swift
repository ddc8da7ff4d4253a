import CoachStorage
import Foundation
import Testing

@testable import coach

/// History and profile survive crashes, concurrency and bad files.
struct FileSafetyTests {
    func folder() -> URL { CoachProcess.temporaryHome() }

    @Test func historyIsBoundedAndPrivate() throws {
        let home = folder()
        defer { try? FileManager.default.removeItem(at: home) }
        let history = HistoryFile(url: home.appending(path: "history"), limit: 50)
        for index in 0..<80 { try history.append("line \(index)") }
        let lines = history.load().lines
        #expect(lines.count == 50)
        #expect(lines.first == "line 30" && lines.last == "line 79")
        let mode = try FileManager.default.attributesOfItem(atPath: history.url.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    /// Many writers at once (each as a separate session would be): no line is lost, none torn.
    @Test func concurrentSessionsKeepEveryLine() throws {
        let home = folder()
        defer { try? FileManager.default.removeItem(at: home) }
        let url = home.appending(path: "history")
        DispatchQueue.concurrentPerform(iterations: 8) { writer in
            let history = HistoryFile(url: url, limit: 1000)
            for index in 0..<25 { try? history.append("writer \(writer) line \(index)") }
        }
        let lines = HistoryFile(url: url, limit: 1000).load().lines
        #expect(lines.count == 200)
        #expect(Set(lines).count == 200)
        #expect(lines.allSatisfy { $0.hasPrefix("writer ") })
    }

    @Test func profileWritesAreAtomicAndConcurrentSafe() throws {
        let home = folder()
        defer { try? FileManager.default.removeItem(at: home) }
        let store = ProfileStore(directory: home)
        let sets: [Set<String>] = [["dumbbell"], ["resistance-band", "bench"], ["kettlebell"], ["none"]]
        DispatchQueue.concurrentPerform(iterations: 40) { index in try? store.save(equipment: sets[index % sets.count])
        }
        let loaded = store.load()
        #expect(loaded.warning == nil)
        #expect(sets.contains(loaded.equipment ?? []))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: home.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func corruptOrUnreadableFilesGiveAWarningAndAFreshStart() throws {
        let home = folder()
        defer { try? FileManager.default.removeItem(at: home) }
        try Data([0xFF, 0x00, 0x7B]).write(to: home.appending(path: "profile.json"))
        let profile = ProfileStore(directory: home).load()
        #expect(profile.equipment == nil && profile.warning != nil)
        // A folder where the history file should be cannot be read as history.
        try FileManager.default.createDirectory(at: home.appending(path: "history"), withIntermediateDirectories: true)
        let history = HistoryFile(url: home.appending(path: "history")).load()
        #expect(history.lines.isEmpty && history.warning != nil)
    }
}
