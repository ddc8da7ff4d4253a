import Foundation

/// The files of `Knowledge/` as they were when this binary was built.
public enum EmbeddedKnowledge {
    /// Each YAML file of the knowledge folder: its path relative to `Knowledge/` and its bytes.
    public static func files() -> [(path: String, data: Data)] {
        embeddedKnowledgeFiles.map { entry in
            (entry.path, Data(base64Encoded: entry.base64) ?? Data())
        }
    }
}
