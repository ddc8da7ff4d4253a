import CoachModel

/// A warning sign said in pieces, ready to match: its words with the group each belongs to.
struct CombinedSignIndex: Equatable, Sendable, Codable {
    var phrases: PhraseIndex<Int>
    var groups: Int
    var emergency: Bool
    var withPain: Bool
}

/// Warning signs said in pieces (`red_flags.combined`), which no list of whole phrases can
/// cover: "my wee is really dark brown", "my grip on the left has gone rubbish, dropped two mugs".
extension EntityExtractor {
    /// A red flag (an emergency for the signs marked so) for each sign whose groups all have a
    /// word said within `combinedWithin` words of each other; the signs marked `with_pain` only
    /// when pain or soreness is said too.
    func signsInPieces(in tokens: [String], found: [EntityMatch]) -> [EntityMatch] {
        let painSaid = found.contains { $0.entity == .pain || $0.entity == .soreness }
        var signs: [EntityMatch] = []
        for sign in combinedSigns where painSaid || !sign.withPain {
            let hits = sign.phrases.matches(in: tokens).sorted { $0.range.lowerBound < $1.range.lowerBound }
            guard Set(hits.map(\.value)).count == sign.groups else { continue }
            for (index, first) in hits.enumerated() {
                var groups: Set<Int> = []
                var end = first.range.upperBound
                for hit in hits[index...] where hit.range.upperBound - first.range.lowerBound <= combinedWithin {
                    groups.insert(hit.value)
                    end = max(end, hit.range.upperBound)
                }
                if groups.count == sign.groups {
                    let range = first.range.lowerBound..<end
                    signs.append(
                        EntityMatch(
                            entity: sign.emergency ? .emergency : .redFlag,
                            text: tokens[range].joined(separator: " "), range: range))
                    break
                }
            }
        }
        return signs
    }
}
