import Foundation
import PackagePlugin

/// Embeds `Knowledge/` in the `CoachKnowledge` target, so that a `coach` binary copied anywhere
/// carries its knowledge base.
///
/// NB: a build command reruns when one of its inputs changes. The inputs are every file under
/// `Knowledge/` and every folder there too: adding or removing a file changes its folder's
/// modification time, so a new file is picked up even before SwiftPM plans the build anew.
/// (A prebuild command looked simpler, but SwiftPM skips it when it does not re-plan, and edits
/// to existing files were missed.) The test `embeddedKnowledgeMatchesTheFolder` guards this.
@main
struct EmbedKnowledge: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let root = context.package.directoryURL
        let knowledge = root.appending(path: "Knowledge")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedKnowledgeFiles.swift")
        var inputs: [URL] = [knowledge]
        let keys: [URLResourceKey] = [.isDirectoryKey]
        if let walker = FileManager.default.enumerator(at: knowledge, includingPropertiesForKeys: keys) {
            for case let url as URL in walker { inputs.append(url) }
        }
        let script = root.appending(path: "Sources/EmbedKnowledge/embed.sh")
        return [
            .buildCommand(
                displayName: "Embedding Knowledge/ into \(target.name)",
                executable: URL(filePath: "/bin/sh"),
                arguments: [script.path, knowledge.path, output.path],
                inputFiles: [script] + inputs,
                outputFiles: [output]
            )
        ]
    }
}
