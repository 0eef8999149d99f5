import ArgumentParser
import Foundation
import NIOCore
import SegmentsServer
import SegmentsStore

/// `segments-tui serve`: the local workspace as a Segments.ai-compatible HTTP API.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a local workspace as a Segments.ai-compatible HTTP API (the Python SDK works against it).",
        discussion: """
            On first start (a workspace without users) the owner user is created and its API key is printed \
            once and written to <workspace>/owner-api-key (mode 0600). Manage further users and organisations \
            with `segments-tui admin`. SIGINT/SIGTERM stop the server after in-flight requests finish.
            """)

    @Option(name: .long, help: "Workspace folder (default: the platform's data folder for segments-tui).")
    var path: String?

    @Option(name: .long, help: "Interface to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on; 0 picks a free one.")
    var port = 8321

    @Option(name: .customLong("public-url"), help: "Origin clients use (for URLs the server hands out), e.g. https://segments.example.org.")
    var publicURL: String?

    @Option(name: .customLong("owner"), help: "Username of the owner created on first start.")
    var owner = "owner"

    @Option(name: .customLong("max-body-mb"), help: "Largest accepted request body in MiB (also after gunzip).")
    var maxBodyMB = 64

    @Option(name: .customLong("rate-limit"), help: "Requests per window per API key; 0 disables the limit.")
    var rateLimit = 600

    @Option(name: .customLong("rate-window"), help: "Length of the rate-limit window in seconds.")
    var rateWindow = 60

    @Option(name: .customLong("access-log"), help: "Access log file, or '-' for stderr (default).")
    var accessLog = "-"

    @Flag(name: .customLong("no-access-log"), help: "Do not write an access log.")
    var noAccessLog = false

    @Option(name: .customLong("header-timeout"), help: "Seconds a connection gets to send a complete request head.")
    var headerTimeout = 10

    @Option(name: .customLong("idle-timeout"), help: "Seconds a connection may sit without a request (keep-alive included).")
    var idleTimeout = 60

    @Option(
        name: .customLong("max-connections"),
        help: "Connections held open at most (default: the open-file limit less \(DescriptorLimit.reserved)).")
    var maxConnections: Int?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
        guard maxBodyMB >= 1 else { throw ValidationError("--max-body-mb must be at least 1.") }
        guard headerTimeout >= 1, idleTimeout >= 1 else {
            throw ValidationError("--header-timeout and --idle-timeout must be at least 1 second.")
        }
        if let maxConnections, maxConnections < 1 { throw ValidationError("--max-connections must be at least 1.") }
        guard rateLimit >= 0, rateWindow >= 1 else {
            throw ValidationError("--rate-limit must be 0 or more and --rate-window at least 1.")
        }
        if let publicURL, !(publicURL.hasPrefix("http://") || publicURL.hasPrefix("https://")) {
            throw ValidationError("--public-url must start with http:// or https://.")
        }
    }

    func run() async throws {
        let folder = path.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? Workspace.defaultFolder()
        let workspace = try await Workspace(folder: folder)
        if try await workspace.isEmpty { try await createOwner(in: workspace) }
        // Like ssh with a readable key: say so, name the file and the fix, and go on.
        for warning in workspace.permissionWarnings() {
            FileHandle.standardError.write(Data((warning + "\n").utf8))
        }

        // Each connection holds a descriptor: take what the hard limit allows, and never accept more than fit.
        let descriptors = DescriptorLimit.raiseSoftLimitToHard()
        let connectionCap = min(
            maxConnections ?? Int.max, DescriptorLimit.connectionCap(forLimit: descriptors))
        let configuration = ServerConfiguration(
            host: host, port: port, publicURL: publicURL, maxBodyBytes: maxBodyMB << 20,
            rateLimit: rateLimit == 0 ? nil : RateLimit(requests: rateLimit, per: .seconds(rateWindow)),
            accessLog: noAccessLog ? .none : accessLog == "-" ? .stderr : .file(URL(fileURLWithPath: accessLog)),
            headerTimeout: .seconds(headerTimeout), idleTimeout: .seconds(idleTimeout), maxConnections: connectionCap)
        let shutdown = await ShutdownSignal.trap()
        let server: RunningServer
        do {
            server = try await RunningServer.start(workspace: workspace, configuration: configuration)
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw CommandFailure("port \(port) is in use; pick another with --port (0 picks a free one)")
        } catch let error as IOError where error.errnoCode == EACCES {
            throw CommandFailure("port \(port) needs more privileges than this user has; pick one above 1023 with --port")
        }
        // Scripts and the SDK test fixture read this line to learn the port.
        say("Listening on \(server.baseURL)")
        say("Workspace: \(folder.path)")

        let signal = await shutdown.wait()
        FileHandle.standardError.write(Data("Received \(signal); finishing in-flight requests…\n".utf8))
        await server.stop()
        await workspace.shutdown()
        FileHandle.standardError.write(Data("Stopped.\n".utf8))
    }

    /// The first start of an empty workspace creates its owner and shows the key exactly once.
    private func createOwner(in workspace: Workspace) async throws {
        let (user, apiKey) = try await workspace.createUser(username: owner, email: nil)
        let keyFile = workspace.folder.appendingPathComponent("owner-api-key")
        try writePrivateFile(keyFile, contents: apiKey + "\n")
        say("Created the owner user '\(user.username)'. Its API key (shown only this once):")
        say("  \(apiKey)")
        say("The key is also in \(keyFile.path) (readable by you only).")
    }
}

/// Writes a file created with mode 0600 by open(2) itself, so the content is never readable by others, not even briefly.
func writePrivateFile(_ url: URL, contents: String) throws {
    unlink(url.path)
    let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
    guard descriptor >= 0 else { throw ValidationError("Could not create \(url.path).") }
    let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    handle.write(Data(contents.utf8))
}

/// Writes a line to stdout unbuffered: scripts wait for "Listening on …" on a pipe,
/// where `print` would sit in a buffer.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
