// swift-tools-version: 6.0
import PackageDescription

// One target per stage, so the compiler holds the drawing in README.md: data flows one way,
// model -> loading / understanding / recommending -> dialogue -> rendering -> the `coach` command.
let package = Package(
    name: "coach",
    products: [
        .executable(name: "coach", targets: ["coach"]),
        .library(
            name: "CoachKit",
            targets: [
                "CoachModel", "CoachLoading", "CoachUnderstanding", "CoachRecommending", "CoachDialogue",
                "CoachRendering", "CoachSnapshot", "CoachStorage", "CoachLog",
            ]),
    ],
    dependencies: [
        // Pinned to a minor version: Package.resolved stays out of git, so this is what fixes them.
        .package(url: "https://github.com/apple/swift-argument-parser", .upToNextMinor(from: "1.8.2")),
        .package(url: "https://github.com/jpsim/Yams", .upToNextMinor(from: "6.2.2")),
        // The training log's SQLite (over the system's libsqlite3, which .ci/deps installs).
        .package(url: "https://github.com/groue/GRDB.swift", .upToNextMinor(from: "7.10.0")),
    ],
    targets: [
        // The knowledge model: typed knowledge, no dependencies.
        .target(name: "CoachModel"),
        // Reading and checking Knowledge/ (YAML), with errors at file:line:column.
        .target(name: "CoachLoading", dependencies: ["CoachModel", .product(name: "Yams", package: "Yams")]),
        // A line read as what it asks, about what: normalising, spelling, entities, intent.
        .target(name: "CoachUnderstanding", dependencies: ["CoachModel"]),
        // Substitutions and workouts.
        .target(name: "CoachRecommending", dependencies: ["CoachModel"]),
        // Conversation state and the responders, which write structured replies.
        .target(name: "CoachDialogue", dependencies: ["CoachModel", "CoachUnderstanding", "CoachRecommending"]),
        // Replies laid out as text (plain or colour) and as JSON.
        .target(name: "CoachRendering", dependencies: ["CoachModel", "CoachRecommending", "CoachDialogue"]),
        // A trained coach saved as bytes and read back at start.
        .target(name: "CoachSnapshot", dependencies: ["CoachModel", "CoachUnderstanding", "CoachDialogue"]),
        // The saved profile and its file lock.
        .target(name: "CoachStorage"),
        // The training log on disk: sessions and sets in SQLite (GRDB), with migrations.
        .target(
            name: "CoachLog",
            dependencies: ["CoachModel", "CoachStorage", .product(name: "GRDB", package: "GRDB.swift")]),
        // Measuring coach on labelled questions; not part of the library users link.
        .target(
            name: "CoachEvaluation",
            dependencies: [
                "CoachModel", "CoachUnderstanding", "CoachRecommending", "CoachDialogue", "CoachRendering",
                .product(name: "Yams", package: "Yams"),
            ]),
        // GNU readline behind a few prefixed C functions: its globals never reach Swift.
        .target(name: "CReadline", linkerSettings: [.linkedLibrary("readline")]),
        // The coach trained from Knowledge/, saved as a snapshot in a committed C file of bytes that
        // `make snapshot` writes when Knowledge/ changes (SnapshotTool); a test checks it is fresh.
        .target(name: "CCoachKnowledge"),
        .target(name: "CoachKnowledge", dependencies: ["CCoachKnowledge"]),
        .executableTarget(name: "SnapshotTool", dependencies: ["CoachLoading", "CoachDialogue", "CoachSnapshot"]),
        // The terminal front end: command line, chat, readline.
        .executableTarget(
            name: "coach",
            dependencies: [
                "CoachModel", "CoachLoading", "CoachUnderstanding", "CoachRecommending", "CoachDialogue",
                "CoachRendering",
                "CoachSnapshot", "CoachStorage", "CoachLog", "CoachEvaluation", "CoachKnowledge", "CReadline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "CoachKitTests",
            dependencies: [
                "CoachModel", "CoachLoading", "CoachUnderstanding", "CoachRecommending", "CoachDialogue",
                "CoachRendering", "CoachSnapshot", "CoachStorage", "CoachLog", "CoachEvaluation", "CoachKnowledge",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        // Runs the built `coach` binary; kept apart because it links the executable's modules.
        .testTarget(
            name: "CoachEndToEndTests",
            dependencies: [
                "coach", "CoachStorage", "CoachLog", "CoachModel", "CoachLoading", "CoachDialogue", "CoachRecommending",
            ]),
    ]
)

for target in package.targets where target.type != .plugin && target.type != .system {
    target.swiftSettings =
        (target.swiftSettings ?? []) + [
            .enableUpcomingFeature("ExistentialAny"),
            .enableUpcomingFeature("MemberImportVisibility"),
        ]
}
