// libFuzzer entry point over knowledge loading: random YAML in place of one knowledge file.
//
// Built by `.ci/fuzz/run --knowledge` exactly as CoachFuzz.swift is (see that script). The first
// byte of an input picks which file of Knowledge/ it replaces (among those under 24 KB: the word
// list and the training examples are large, slow to parse on every input, and read by the same
// reader as the rest); the remaining bytes are that file's new text. The seeds are the real
// files, so mutations start from knowledge that loads.
//
// The promise checked: whatever the loader accepts, coach runs on without trapping. So when the
// mutated knowledge loads, workouts of every level at a short, a middle and the longest length
// are built and guided through with an instant clock, and every exercise gets its swaps. When it
// does not load, the error must name a file and hold no control character (it is printed).

import CoachDialogue
import CoachLoading
import CoachModel
import CoachRecommending
import Foundation

/// The knowledge files as they are, in path order (`.ci/fuzz/run` runs from the repository).
/// NB: bytes, not `Data`: a `Data` keeps its storage pointer with tag bits set, which the leak
/// checker cannot follow, so a global of them reads as leaked.
let realFiles: [(path: String, bytes: [UInt8])] = {
    let root = URL(filePath: "Knowledge")
    var files: [(path: String, bytes: [UInt8])] = []
    let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
    while let url = enumerator?.nextObject() as? URL {
        guard url.pathExtension == "yaml" else { continue }
        let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
        guard let data = try? Data(contentsOf: url) else { fatalError("coach fuzz: cannot read \(relative)") }
        // The two large parts are left out to keep inputs fast (3 a second with them whole; it is
        // the parsing under the address sanitizer): the English word list is cut to a few words,
        // and the training examples, which only train the classifiers, are not loaded.
        if relative.hasPrefix("language/examples/") { continue }
        if relative == "language/english.yaml" {
            files.append((relative, Array("licence: fuzz\nsource: fuzz\nwords: though bother other tough\n".utf8)))
            continue
        }
        files.append((relative, [UInt8](data)))
    }
    return files.sorted { $0.path < $1.path }
}()

/// The files an input may replace: index = first byte modulo their count.
let fuzzable: [Int] = realFiles.indices.filter { realFiles[$0].bytes.count < 24_000 }

func violation(_ what: String, _ detail: String) -> Never {
    fatalError("coach fuzz invariant: \(what)\n  \(detail.prefix(2000))")
}

/// A terminal whose clock runs instantly and whose person presses Enter at once.
struct InstantTerminal: GuideTerminal {
    var secondsElapsed: Double = 0
    var interrupted: Bool { false }
    var canRedraw: Bool { false }
    var shown = 0
    mutating func key(within seconds: Double) -> GuideKey? {
        secondsElapsed += min(seconds, 1)
        return .enter
    }
    mutating func show(_ text: String, replacingLine: Bool) {
        shown += 1
        if shown > 20_000 { violation("a guided workout shows more than 20,000 lines", text) }
    }
}

func exercise(_ knowledge: KnowledgeBase) {
    let builder = WorkoutBuilder(knowledge: knowledge)
    let kits: [Set<EquipmentID>?] = [nil, [], Set(knowledge.equipment.map(\.id))]
    for level in Level.allCases {
        for minutes in [WorkoutBuilder.minutesRange.lowerBound, 10, WorkoutBuilder.minutesRange.upperBound] {
            for kit in kits {
                let request = WorkoutRequest(
                    minutes: minutes, availability: Availability(have: kit), level: level, focus: nil, seed: 1)
                guard let plan = builder.build(request) else { continue }
                var terminal = InstantTerminal()
                _ = GuidedWorkout(plan: plan, knowledge: knowledge).run(on: &terminal)
            }
        }
    }
    let finder = SubstitutionFinder(knowledge: knowledge)
    for original in knowledge.exercises {
        _ = finder.alternatives(to: original, with: Availability(have: []))
        _ = finder.alternatives(to: original, with: Availability(have: nil), easierOnly: true)
        _ = finder.closestBodyweight(to: original)
    }
}

/// Reads the real files before the first input, so that libFuzzer's leak check (which compares
/// what one input leaves allocated) does not count them.
@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    precondition(!fuzzable.isEmpty, "coach fuzz: no knowledge file to fuzz")
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    let target = fuzzable[Int(bytes[0]) % fuzzable.count]
    var files = realFiles.map { (path: $0.path, data: Data($0.bytes)) }
    files[target].data = Data(bytes.dropFirst())
    var warnings: [Diagnostic] = []
    do {
        let knowledge = try KnowledgeLoader.load(files: files, root: "Knowledge/", warnings: &warnings)
        exercise(knowledge)
    } catch {
        let message = error.description
        if message.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) }) {
            violation("a knowledge error holds a control character", message.debugDescription)
        }
        if message.isEmpty { violation("a knowledge error says nothing", files[target].path) }
    }
    return 0
}
