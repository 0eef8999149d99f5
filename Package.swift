// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "segments-tui",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "segments-tui", targets: ["segments-tui"]),
        .library(name: "SegmentsAPI", targets: ["SegmentsAPI"]),
        .library(name: "SegmentsClient", targets: ["SegmentsClient"]),
        .library(name: "SegmentsStore", targets: ["SegmentsStore"]),
        .library(name: "SegmentsServer", targets: ["SegmentsServer"]),
        .library(name: "TerminalUI", targets: ["TerminalUI"]),
        .library(name: "Browser", targets: ["Browser"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
    ],
    targets: [
        // The domain: models, enums, errors, queries and the service protocol. No I/O.
        .target(name: "SegmentsAPI"),
        .target(
            name: "SegmentsClient",
            dependencies: [
                "SegmentsAPI",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "SegmentsStore",
            dependencies: [
                "SegmentsAPI",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "SegmentsServer",
            dependencies: [
                "SegmentsAPI",
                "SegmentsStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // ncursesw with the wide-character API; only TerminalUI imports it.
        .systemLibrary(name: "CNcurses"),
        .target(name: "TerminalUI", dependencies: ["CNcurses"]),
        .target(
            name: "Browser",
            dependencies: [
                "SegmentsAPI",
                "TerminalUI",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "segments-tui",
            dependencies: [
                "SegmentsAPI",
                "SegmentsClient",
                "SegmentsStore",
                "SegmentsServer",
                "TerminalUI",
                "Browser",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // A tiny program over TerminalUI alone, so the terminal layer can be tested in tmux.
        .executableTarget(name: "terminal-demo", dependencies: ["TerminalUI"]),
        .testTarget(name: "SegmentsAPITests", dependencies: ["SegmentsAPI"]),
        // Times the Swift client against the official Python SDK (bench/run.sh).
        .executableTarget(
            name: "segments-bench",
            dependencies: ["SegmentsAPI", "SegmentsClient"],
            path: "bench/Sources/segments-bench"
        ),
        .testTarget(
            name: "SegmentsClientTests",
            dependencies: [
                "SegmentsClient", "SegmentsStore", "SegmentsServer",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .testTarget(name: "SegmentsStoreTests", dependencies: ["SegmentsStore"]),
        .testTarget(
            name: "SegmentsServerTests",
            dependencies: [
                "SegmentsServer", "SegmentsStore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
        .testTarget(
            name: "BrowserTests",
            dependencies: ["Browser", "TerminalUI", "SegmentsStore", "SegmentsServer", "SegmentsClient"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
