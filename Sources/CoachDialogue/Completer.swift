import CoachModel
import CoachRecommending
import CoachUnderstanding
import Foundation

/// Tab completion for the chat: slash commands, equipment ids after `/equipment`, and exercise
/// and equipment names anywhere in a question ("how do i do a face<TAB>").
public struct Completer: Sendable {
    private let names: [String]
    private let equipmentIDs: [String]

    public init(knowledge: KnowledgeBase) {
        var names = Set<String>()
        for exercise in knowledge.exercises { names.insert(exercise.name.lowercased()) }
        for item in knowledge.equipment { names.insert(item.name.lowercased()) }
        self.names = names.sorted()
        equipmentIDs = knowledge.equipment.map(\.id.rawValue).sorted()
    }

    /// Whole-line candidates for `line` (the text before the cursor).
    public func candidates(for line: String) -> [String] {
        if line.hasPrefix("/") {
            guard let space = line.lastIndex(of: " ") else {
                return ChatSession.commands.filter { $0.hasPrefix(line.lowercased()) }
            }
            guard line.lowercased().hasPrefix("/equipment ") else { return [] }
            let head = line[...space]
            let word = line[line.index(after: space)...].lowercased()
            return equipmentIDs.filter { $0.hasPrefix(word) }.map { head + $0 }
        }
        // Try the fragment from each of the last few word starts, longest first.
        let starts = wordStarts(in: line).suffix(4)
        for start in starts {
            let fragment = line[start...].lowercased()
            guard !fragment.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let matches = names.filter { $0.hasPrefix(fragment) }
            if !matches.isEmpty { return matches.map { String(line[..<start]) + $0 } }
        }
        return []
    }

    private func wordStarts(in line: String) -> [String.Index] {
        var starts: [String.Index] = []
        var previous: Character = " "
        for index in line.indices {
            if previous == " ", line[index] != " " { starts.append(index) }
            previous = line[index]
        }
        return starts
    }
}
