/// Something a person's words name, as understanding found it.
public enum Entity: Hashable, Sendable {
    case exercise(String)
    /// A name shared by several exercises ("rows"): the exercise ids it may mean.
    case family([String])
    case muscle(String)
    case equipment(String)
    /// A generic equipment word ("machine"): the pieces it may mean, most likely first.
    case equipmentFamily([String])
    case painArea(String)
    case level(Level)
    /// A training goal ("posture"): a workout focus.
    case goal(String)
    case redFlag
    /// Words that make pain a red flag only with pain ("for three weeks", "getting worse").
    case lasting
    /// Something plainly outside the upper back ("bench press", "calves").
    case outOfScope
    case soreness
    case pain

    /// The slot word that stands for this entity when the intent is classified.
    var slot: String? {
        switch self {
        case .exercise, .family: "slotexercise"
        case .muscle: "slotmuscle"
        case .equipment, .equipmentFamily: "slotequipment"
        default: nil
        }
    }

    /// A short label for `/why`.
    public var label: String {
        switch self {
        case let .exercise(id): "exercise \(id)"
        case let .family(ids): "one of \(ids.joined(separator: ", "))"
        case let .muscle(id): "muscle \(id)"
        case let .equipment(id): "equipment \(id)"
        case let .equipmentFamily(ids): "equipment, one of \(ids.joined(separator: ", "))"
        case let .painArea(id): "pain area \(id)"
        case let .level(level): "level \(level.rawValue)"
        case let .goal(id): "goal \(id)"
        case .redFlag: "red flag"
        case .lasting: "lasting or worsening"
        case .outOfScope: "out of scope"
        case .soreness: "soreness"
        case .pain: "pain or injury"
        }
    }
}

/// An entity and the words it was found in.
public struct EntityMatch: Hashable, Sendable {
    public var entity: Entity
    /// The words as normalised ("face pull").
    public var text: String
    /// Token positions, for deciding what a mention belongs to.
    public var range: Range<Int>
}
