import Foundation

extension Interpreter {
    /// Two interpreters are equal when every table they hold is: what `coach kb` and the snapshot
    /// check ask ("does the built-in snapshot understand as a coach trained now would?").
    ///
    /// By reflection, so that a table added to `Interpreter` is compared without being listed
    /// here as well; every stored property must be `Equatable` (a precondition names one that is
    /// not).
    /// Slow, and only used to check a snapshot, never per turn.
    public static func == (lhs: Interpreter, rhs: Interpreter) -> Bool {
        if lhs === rhs { return true }
        let theirs = Mirror(reflecting: rhs).children.map(\.value)
        let mine = Mirror(reflecting: lhs).children
        precondition(mine.count == theirs.count)
        return zip(mine, theirs).allSatisfy { own, other in
            guard let own = own.value as? any Equatable else {
                preconditionFailure("Interpreter.\(own.label ?? "?"): Equatable")
            }
            return own.isEqual(to: other)
        }
    }
}

extension Equatable {
    /// Whether `other` is a value of this type equal to this one.
    fileprivate func isEqual(to other: Any) -> Bool {
        guard let other = other as? Self else { return false }
        return self == other
    }
}
