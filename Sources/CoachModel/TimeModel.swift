/// How long things take, for estimating and fitting a workout into the minutes asked.
public struct TimeModel: Hashable, Sendable, Codable {
    public var secondsPerRep: Double
    /// Extra time when a set is done one side at a time (switching sides).
    public var sideSwitchSeconds: Int
    /// Moving from one exercise to the next.
    public var changeoverSeconds: Int
    /// Rest between sets, by level.
    public var restSeconds: [Level: Int]
    /// Sets of each main exercise, by level.
    public var sets: [Level: Int]
    /// How long each warm-up move lasts.
    public var warmUpSeconds: Int

    public static let standard = TimeModel(
        secondsPerRep: 3, sideSwitchSeconds: 5, changeoverSeconds: 15,
        restSeconds: [.beginner: 60, .intermediate: 45, .advanced: 45],
        sets: [.beginner: 2, .intermediate: 3, .advanced: 4], warmUpSeconds: 45)

    public init(
        secondsPerRep: Double, sideSwitchSeconds: Int, changeoverSeconds: Int, restSeconds: [Level: Int],
        sets: [Level: Int], warmUpSeconds: Int
    ) {
        self.secondsPerRep = secondsPerRep
        self.sideSwitchSeconds = sideSwitchSeconds
        self.changeoverSeconds = changeoverSeconds
        self.restSeconds = restSeconds
        self.sets = sets
        self.warmUpSeconds = warmUpSeconds
    }
}
