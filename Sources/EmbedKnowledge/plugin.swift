import Foundation
import PackagePlugin

/// Embeds `Knowledge/` in the `CoachKnowledge` target, so that a `coach` binary copied anywhere
/// carries its knowledge base.
///
/// NB: a prebuild command (rather than a build command with declared inputs) runs before every
/// build, so a file newly added to `Knowledge/` is picked up without SwiftPM re-planning. The
/// script rewrites its output only when the content changed, so an unchanged knowledge base costs
/// no recompilation.
@main
struct EmbedKnowledge: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let root = context.package.directoryURL
        let output = context.pluginWorkDirectoryURL.appending(path: "generated")
        return [
            .prebuildCommand(
                displayName: "Embedding Knowledge/ into \(target.name)",
                executable: URL(filePath: "/bin/sh"),
                arguments: [
                    root.appending(path: "Sources/EmbedKnowledge/embed.sh").path,
                    root.appending(path: "Knowledge").path,
                    output.path,
                ],
                outputFilesDirectory: output
            )
        ]
    }
}
