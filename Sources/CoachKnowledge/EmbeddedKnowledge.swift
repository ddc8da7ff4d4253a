import Foundation

/// The knowledge this binary was built with: the snapshot of a coach trained from `Knowledge/`
/// at build time (written by `Sources/CoachSnapshot`, read with `Coach(snapshot:)`).
public enum EmbeddedKnowledge {
    /// The snapshot's bytes.
    public static func snapshot() -> [UInt8] {
        Array(Data(base64Encoded: embeddedSnapshotBase64) ?? Data())
    }
}
