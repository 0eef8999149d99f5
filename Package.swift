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
        .library(name: "Images", targets: ["Images"]),
        .library(name: "Browser", targets: ["Browser"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        // Hashes and HMAC for the store; 4.x is what async-http-client's graph resolves to.
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        // Already in the graph through the packages above; named so targets may import them.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // The domain: models, enums, errors, queries and the service protocol. No I/O.
        .target(name: "SegmentsAPI"),
        .target(
            name: "SegmentsClient",
            dependencies: [
                "SegmentsAPI",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "SegmentsStore",
            dependencies: [
                "SegmentsAPI",
                "Images",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "SegmentsServer",
            dependencies: [
                "SegmentsAPI",
                "SegmentsStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // ncursesw with the wide-character API; only TerminalUI imports it.
        .systemLibrary(name: "CNcurses"),
        // glibc's malloc.h (arenas, trimming the heap), which the Glibc module leaves out.
        .systemLibrary(name: "CMalloc"),
        // Image libraries (Debian libchafa-dev, libturbojpeg0-dev, libpng-dev). pkg-config supplies the
        // include paths, above all glib's, which chafa's headers need; plain `swift build` finds them.
        .systemLibrary(name: "CChafa", pkgConfig: "chafa", providers: [.apt(["libchafa-dev", "libglib2.0-dev"])]),
        .systemLibrary(name: "CTurboJPEG", pkgConfig: "libturbojpeg", providers: [.apt(["libturbojpeg0-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        // Decoding, label drawing and caches for sample images; no UI state.
        .target(name: "Images", dependencies: ["SegmentsAPI", "CTurboJPEG", "CPNG"]),
        .target(name: "TerminalUI", dependencies: ["CNcurses", "CChafa"]),
        .target(
            name: "Browser",
            dependencies: [
                "SegmentsAPI",
                "TerminalUI",
                "Images",
                "CMalloc",
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
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // A tiny program over TerminalUI alone, so the terminal layer can be tested in tmux.
        .executableTarget(name: "terminal-demo", dependencies: ["TerminalUI"]),
        .testTarget(name: "SegmentsAPITests", dependencies: ["SegmentsAPI"]),
        // Times the Swift client against the official Python SDK (bench/run.sh), decoding and
        // the store's queries in process (bench/serve.sh).
        .executableTarget(
            name: "segments-bench",
            dependencies: ["SegmentsAPI", "SegmentsClient", "SegmentsStore"],
            path: "bench/Sources/segments-bench"
        ),
        .testTarget(
            name: "SegmentsClientTests",
            dependencies: [
                "SegmentsAPI", "SegmentsClient", "SegmentsStore", "SegmentsServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "SegmentsStoreTests",
            dependencies: ["SegmentsAPI", "SegmentsStore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "SegmentsServerTests",
            dependencies: [
                "SegmentsAPI", "SegmentsServer", "SegmentsStore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
        // Times decoding and terminal output of sample images (docs/performance.md).
        .executableTarget(
            name: "image-bench",
            dependencies: ["Images", "TerminalUI", "SegmentsAPI"],
            path: "bench/Sources/image-bench"
        ),
        .testTarget(
            name: "ImagesTests",
            dependencies: [
                "Images", "TerminalUI", "SegmentsAPI", "SegmentsStore", "SegmentsServer", "SegmentsClient",
            ]
        ),
        .testTarget(
            name: "BrowserTests",
            dependencies: [
                "Browser", "TerminalUI", "SegmentsAPI", "SegmentsStore", "SegmentsServer", "SegmentsClient",
                .product(name: "Logging", package: "swift-log"),
            ],
            // Text goldens of whole screens, read and written by ScreenSnapshotTests.
            exclude: ["Snapshots"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
