// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "coach",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "coach", targets: ["coach"]),
        .library(name: "CoachKit", targets: ["CoachKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // GNU readline behind a few prefixed C functions: its globals never reach Swift.
        .target(name: "CReadline", linkerSettings: [.linkedLibrary("readline")]),
        .target(name: "CoachKit", dependencies: [.product(name: "Yams", package: "Yams")]),
        // Build step: checks Knowledge/ and saves a coach trained from it as a snapshot...
        .executableTarget(name: "CoachSnapshot", dependencies: ["CoachKit"]),
        .plugin(
            name: "EmbedKnowledge", capability: .buildTool(), dependencies: ["CoachSnapshot"],
            path: "Sources/EmbedKnowledge"),
        // ...which this target carries into the binary.
        .target(name: "CoachKnowledge", plugins: ["EmbedKnowledge"]),
        .executableTarget(
            name: "coach",
            dependencies: [
                "CoachKit", "CoachKnowledge", "CReadline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "CoachKitTests", dependencies: ["CoachKit", "CoachKnowledge"]),
        // Runs the built `coach` binary; kept apart because it links the executable's modules.
        .testTarget(name: "CoachEndToEndTests", dependencies: ["coach"]),
    ]
)

for target in package.targets where target.type != .plugin {
    target.swiftSettings =
        (target.swiftSettings ?? []) + [
            .enableUpcomingFeature("ExistentialAny"),
            .enableUpcomingFeature("MemberImportVisibility"),
        ]
}
