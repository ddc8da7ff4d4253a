/// Taking one item from each list in turn, so that the first few items cover every kind: the
/// order workouts, swaps away from the gym and starter lists give their exercises in (a row, a
/// rear shoulder move, a pulldown... before a second of any).
public enum RoundRobin {
    /// The first item of each list, then the second of each, and so on, stopping at `limit`
    /// items.
    public static func interleave<Item>(_ lists: [[Item]], limit: Int = .max) -> [Item] {
        var result: [Item] = []
        var depth = 0
        while result.count < limit, lists.contains(where: { depth < $0.count }) {
            for list in lists where depth < list.count && result.count < limit { result.append(list[depth]) }
            depth += 1
        }
        return result
    }

    /// `items` in groups by `key`, each group in the items' order, the groups in the order their
    /// keys first come.
    public static func groups<Item, Key: Hashable>(_ items: [Item], by key: (Item) -> Key) -> [[Item]] {
        var groups: [[Item]] = []
        var groupOf: [Key: Int] = [:]
        for item in items {
            let itemKey = key(item)
            if let group = groupOf[itemKey] {
                groups[group].append(item)
            } else {
                groupOf[itemKey] = groups.count
                groups.append([item])
            }
        }
        return groups
    }
}
