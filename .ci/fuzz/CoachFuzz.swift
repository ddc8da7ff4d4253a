// libFuzzer entry point over coach's understanding + reply + rendering pipeline.
//
// Not a SwiftPM target: `.ci/fuzz/run` builds the CoachKit stages (and what they depend on) with SwiftPM into
// .build-fuzz with `-sanitize=fuzzer,address`, then compiles this file with swiftc against those
// modules and links their objects. libFuzzer provides `main`, hence `-parse-as-library`.
//
// Each input is user text (bytes decoded as UTF-8, invalid sequences replaced). It is answered
// twice: as one line in a fresh conversation, and split at "\n" as a conversation of several
// lines (as `coach` reads piped input). Every reply is rendered as plain text, as JSON and as
// coloured 20-column text, and invariants are checked; a violation traps with a message
// starting "coach fuzz invariant".

import CoachDialogue
import CoachLoading
import CoachModel
import CoachRendering
import CoachUnderstanding
import Foundation

/// The coach, built once per process from Knowledge/ (`.ci/fuzz/run` runs from the repository).
let fuzzCoach: Coach = {
    do {
        return Coach(knowledge: try KnowledgeLoader.load(directory: URL(filePath: "Knowledge")))
    } catch {
        fatalError("coach fuzz: Knowledge/ does not load: \(error)")
    }
}()

let fuzzIntents: Set<String> = [
    "form", "substitution", "workout", "anatomy", "safety", "faq", "greeting", "help", "unknown",
]

func violation(_ what: String, _ line: String, _ detail: String) -> Never {
    let escaped = line.unicodeScalars.map {
        $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F ? String($0) : "\\u{\(String($0.value, radix: 16))}"
    }
    .joined()
    fatalError("coach fuzz invariant: \(what)\n  line: \"\(escaped.prefix(600))\"\n  \(detail.prefix(2000))")
}

/// Control characters a terminal may act on: C0 except "\n", DEL, and C1 (0x9B is CSI).
func isControl(_ scalar: Unicode.Scalar) -> Bool {
    (scalar.value < 0x20 && scalar != "\n") || (0x7F...0x9F).contains(scalar.value)
}

/// True when every ESC in `text` starts an SGR sequence of the renderer's own ("ESC [ digits;... m").
func onlyOwnEscapes(_ text: String) -> Bool {
    let scalars = Array(text.unicodeScalars)
    var index = 0
    while index < scalars.count {
        let scalar = scalars[index]
        if scalar == "\u{1B}" {
            guard index + 1 < scalars.count, scalars[index + 1] == "[" else { return false }
            var end = index + 2
            while end < scalars.count, ("0"..."9").contains(scalars[end]) || scalars[end] == ";" { end += 1 }
            guard end < scalars.count, scalars[end] == "m", end > index + 2 else { return false }
            index = end + 1
            continue
        }
        if isControl(scalar) { return false }
        index += 1
    }
    return true
}

func check(_ reply: Reply, line: String) {
    guard fuzzIntents.contains(reply.intent.rawValue) else {
        violation("unexpected intent '\(reply.intent)'", line, "allowed: \(fuzzIntents.sorted())")
    }
    guard reply.confidence.isFinite, reply.confidence >= 0, reply.confidence <= 1.000_001 else {
        violation("confidence out of range: \(reply.confidence)", line, "intent \(reply.intent)")
    }

    let plain = TextRenderer.canonical.render(reply.blocks)
    if let bad = plain.unicodeScalars.first(where: isControl) {
        violation(
            "plain text holds control character U+\(String(bad.value, radix: 16))", line,
            "text: \(plain.debugDescription)")
    }
    if let bad = reply.input.unicodeScalars.first(where: isControl) {
        violation(
            "reply.input holds control character U+\(String(bad.value, radix: 16))", line,
            "input: \(reply.input.debugDescription)")
    }

    let json = JSONReply.line(for: reply)
    if json.contains("\n") || json.contains("\r") {
        violation("JSON line holds a raw line break", line, json)
    }
    let parsed: Any
    do {
        parsed = try JSONSerialization.jsonObject(with: Data(json.utf8))
    } catch {
        violation("JSON line does not parse: \(error)", line, json)
    }
    guard let object = parsed as? [String: Any] else { violation("JSON line is not an object", line, json) }
    guard object["error"] == nil, object["intent"] as? String == reply.intent.rawValue, object["text"] as? String == plain else {
        violation("JSON line is not the reply (encoding failed?)", line, json)
    }

    let colored = TextRenderer(width: 20, style: .color).render(reply.blocks)
    guard onlyOwnEscapes(colored) else {
        violation(
            "coloured text holds an escape or control character the renderer did not write", line,
            colored.debugDescription)
    }
}

/// Runs `lines` through one conversation, as `coach` does with piped input.
func converse(_ lines: some Sequence<String>) {
    var session = ChatSession(coach: fuzzCoach)
    for line in lines {
        switch session.handle(line) {
        case .quit: return
        case .empty: continue
        case let .reply(reply, _): check(reply, line: line)
        // "start" after a workout: without a terminal, the fallback reply is what is shown.
        case let .guide(_, fallback): check(fallback, line: line)
        }
    }
}

/// `COACH_FUZZ_MAX_WORD=N` skips inputs holding a word (as coach tokenises) longer than N
/// characters: a way to keep fuzzing past a known slowness on long words.
let maximumWord: Int? = ProcessInfo.processInfo.environment["COACH_FUZZ_MAX_WORD"].flatMap { Int($0) }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    let text = String(decoding: bytes, as: UTF8.self)
    if let maximumWord, TextNormalizer.tokens(text).contains(where: { $0.count > maximumWord }) { return 0 }
    converse([text])
    // Lines as `readLine()` gives them: split at "\n", one "\r" before it dropped.
    let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
        String(decoding: line.last == 0x0D ? line.dropLast() : line[...], as: UTF8.self)
    }
    if lines.count > 1 { converse(lines) }
    return 0
}
