import CCoachKnowledge

/// The knowledge this binary was built with: the snapshot of a coach trained from `Knowledge/`
/// (written by `make snapshot` into `Sources/CCoachKnowledge/snapshot.c`, read with
/// `Coach(snapshot:)`).
public enum EmbeddedKnowledge {
    /// The snapshot's bytes.
    public static func snapshot() -> [UInt8] {
        Array(UnsafeBufferPointer(start: coach_snapshot_bytes(), count: Int(coach_snapshot_size())))
    }
}
