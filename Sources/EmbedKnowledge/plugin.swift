import Foundation
import PackagePlugin

/// Builds the knowledge into the `CoachKnowledge` target: the `CoachSnapshot` tool loads and
/// checks `Knowledge/`, trains understanding from it, and writes the coach as a snapshot, so a
/// `coach` binary copied anywhere carries its knowledge and starts without parsing YAML.
///
/// NB: a build command reruns when one of its inputs changes: here the tool (so a change to how
/// coach learns makes a new snapshot), every file under `Knowledge/` and every folder there too:
/// adding or removing a file changes its folder's modification time, so a new file is picked up
/// even before SwiftPM plans the build anew. (A prebuild command looked simpler, but SwiftPM skips
/// it when it does not re-plan, and edits to existing files were missed.) The test
/// `theBuiltInSnapshotIsTheFolder` guards this.
@main
struct EmbedKnowledge: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let knowledge = context.package.directoryURL.appending(path: "Knowledge")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedSnapshot.swift")
        let tool = try context.tool(named: "SnapshotTool")
        var inputs: [URL] = [knowledge]
        let keys: [URLResourceKey] = [.isDirectoryKey]
        if let walker = FileManager.default.enumerator(at: knowledge, includingPropertiesForKeys: keys) {
            for case let url as URL in walker { inputs.append(url) }
        }
        return [
            .buildCommand(
                displayName: "Building the knowledge snapshot of \(target.name)",
                executable: tool.url,
                arguments: [knowledge.path, output.path],
                inputFiles: [tool.url] + inputs,
                outputFiles: [output]
            )
        ]
    }
}
