import CoachModel

/// The warning signs said in pieces, ready to match in one pass over a line: every word or
/// phrase of every sign, with the signs and groups it belongs to.
struct SignsInPieces: Equatable, Sendable, Codable {
    /// Where a word or phrase belongs: sign `sign`, group `group` of it.
    struct Piece: Hashable, Sendable, Codable {
        var sign: Int
        var group: Int
    }

    /// What a match needs of each sign: how many groups it has, whether it is an emergency,
    /// whether it counts only with pain said, and how near its pieces must be (nil: `within`).
    struct Shape: Equatable, Sendable, Codable {
        var groups: Int
        var emergency: Bool
        var withPain: Bool
        var within: Int?
    }

    var pieces = PhraseIndex<[Piece]>()
    var shapes: [Shape] = []
    var within = 12

    init() {}

    init(_ signs: [CombinedSign], within: Int, gaps: [String]) {
        self.within = within
        var byPhrase: [String: [Piece]] = [:]
        var order: [String] = []
        for (index, sign) in signs.enumerated() {
            shapes.append(
                Shape(
                    groups: sign.groups.count, emergency: sign.emergency, withPain: sign.withPain, within: sign.within))
            for (group, words) in sign.groups.enumerated() {
                for phrase in words {
                    if byPhrase[phrase] == nil { order.append(phrase) }
                    byPhrase[phrase, default: []].append(Piece(sign: index, group: group))
                }
            }
        }
        // A phrase that holds a shorter one of another sign ("when i breathe" holds "breathe")
        // belongs to that sign too: the one pass takes the longest phrase at each place, and would
        // otherwise lose the shorter one's sign.
        let tokens = Dictionary(
            order.map { ($0, TextNormalizer.tokens($0).map(TextNormalizer.stem)) },
            uniquingKeysWith: { first, _ in first })
        var withInner = byPhrase
        for phrase in order {
            guard let outer = tokens[phrase], outer.count > 1 else { continue }
            for other in order where other != phrase {
                guard let inner = tokens[other], inner.count < outer.count,
                    (0...(outer.count - inner.count)).contains(where: { Array(outer[$0..<($0 + inner.count)]) == inner }
                    )
                else { continue }
                // (Not for a sign the phrase is a piece of already: one phrase is one piece of a
                // sign, never two of its groups at once, "weaker side" both side and weaker.)
                let ownSigns = Set((byPhrase[phrase] ?? []).map(\.sign))
                for piece in byPhrase[other] ?? []
                where !ownSigns.contains(piece.sign) && !(withInner[phrase] ?? []).contains(piece) {
                    withInner[phrase, default: []].append(piece)
                }
            }
        }
        pieces = PhraseIndex(gaps: gaps)
        for phrase in order { pieces.add(phrase, withInner[phrase] ?? []) }
    }
}

/// Warning signs said in pieces (`red_flags.combined`), which no list of whole phrases can
/// cover: "my wee is really dark brown", "my grip on the left has gone rubbish, dropped two mugs".
extension EntityExtractor {
    /// A red flag (an emergency for the signs marked so) for each sign whose groups all have a
    /// word said within `within` words of each other; the signs marked `with_pain` only when
    /// pain, soreness or a sharp or sudden feeling is said too. A piece said as absent (inside a
    /// denial, `denied`: "nothing going down my arms"; or just after a negator: "no swelling")
    /// does not count.
    func signsInPieces(in tokens: [String], found: [EntityMatch], denied: [Range<Int>]) -> [EntityMatch] {
        let hits = signPieces.pieces.matches(in: tokens).filter { hit in
            !denied.contains { $0.overlaps(hit.range) } && !saysDenied(before: hit.range.lowerBound, in: tokens)
        }
        guard !hits.isEmpty else { return [] }
        // (A sharp or shooting feeling is pain said by its kind: "a shooting feeling down to my
        // elbow".)
        let painSaid = found.contains { $0.entity == .pain || $0.entity == .soreness || $0.entity == .sudden }
        // Per sign, its hits in the order said: where, and which group.
        var bySign: [Int: [(range: Range<Int>, group: Int)]] = [:]
        for hit in hits {
            for piece in hit.value { bySign[piece.sign, default: []].append((hit.range, piece.group)) }
        }
        var signs: [EntityMatch] = []
        for (sign, said) in bySign.sorted(by: { $0.key < $1.key }) {
            let shape = signPieces.shapes[sign]
            guard painSaid || !shape.withPain, Set(said.map(\.group)).count == shape.groups else { continue }
            for (index, first) in said.enumerated() {
                var groups: Set<Int> = []
                var end = first.range.upperBound
                for hit in said[index...]
                where hit.range.upperBound - first.range.lowerBound <= shape.within ?? signPieces.within {
                    groups.insert(hit.group)
                    end = max(end, hit.range.upperBound)
                }
                if groups.count == shape.groups {
                    let range = first.range.lowerBound..<end
                    signs.append(
                        EntityMatch(
                            entity: shape.emergency ? .emergency : .redFlag,
                            text: tokens[range].joined(separator: " "), range: range))
                    break
                }
            }
        }
        return signs
    }
}
