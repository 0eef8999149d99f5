import Foundation
import Hummingbird
import HummingbirdCore
import NIOCore
import Logging
import SegmentsStore
import ServiceLifecycle

/// A Segments-compatible HTTP server over a workspace, listening once `start` returns.
public actor RunningServer {
    /// The bound port (the real one when the configuration asked for 0).
    public nonisolated let port: Int
    /// `http://<host>:<port>` of the listening socket.
    public nonisolated let baseURL: String

    private let group: ServiceGroup
    private let runTask: Task<Void, Never>
    private var stopped = false

    private init(port: Int, baseURL: String, group: ServiceGroup, runTask: Task<Void, Never>) {
        self.port = port
        self.baseURL = baseURL
        self.group = group
        self.runTask = runTask
    }

    public static func start(workspace: Workspace, configuration: ServerConfiguration) async throws -> RunningServer {
        let origin = LockedValue("http://\(configuration.host):\(configuration.port)")
        let handler = APIHandler(
            workspace: workspace, configuration: configuration,
            rateLimiter: configuration.rateLimit.map { RateLimiter(limit: $0) },
            accessLog: try AccessLog(destination: configuration.accessLog), fallbackOrigin: origin)
        let router = APIRouter.build(Routes.all) { route, request, context in
            try await handler.serve(route, request, context: context)
        }

        var logger = Logger(label: "segments-tui.server")
        logger.logLevel = .warning
        let (events, continuation) = AsyncStream<Result<Int, any Error>>.makeStream()
        let app = Application(
            responder: CallbackResponder<ServerRequestContext> { request, context in
                await handler.respond(to: request, context: context, router: router)
            },
            server: HTTPServerBuilder { responder in
                GuardedHTTP1Channel(
                    inner: HTTP1Channel(
                        responder: responder, configuration: .init(idleTimeout: TimeAmount(configuration.idleTimeout))),
                    headerTimeout: TimeAmount(configuration.headerTimeout))
            },
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port),
                availableConnectionsDelegate: MaximumAvailableConnections(
                    configuration.maxConnections ?? DescriptorLimit.connectionCap(forLimit: DescriptorLimit.current()),
                    logger: logger)),
            onServerRunning: { channel in continuation.yield(.success(channel.localAddress?.port ?? configuration.port)) },
            logger: logger)
        // Signals are the caller's business (`serve` handles SIGINT/SIGTERM); tests run many servers per process.
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(services: [app], gracefulShutdownSignals: [], logger: logger))
        let runTask = Task {
            do {
                try await group.run()
                continuation.yield(.failure(ServerStartError.stoppedBeforeListening))
            } catch {
                continuation.yield(.failure(error))
            }
            continuation.finish()
        }
        for await event in events {
            switch event {
            case .success(let port):
                let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
                let baseURL = "http://\(host):\(port)"
                origin.value = baseURL
                return RunningServer(port: port, baseURL: baseURL, group: group, runTask: runTask)
            case .failure(let error):
                throw error
            }
        }
        throw ServerStartError.stoppedBeforeListening
    }

    /// Stops accepting connections, lets in-flight requests finish, closes idle keep-alive connections.
    public func stop() async {
        guard !stopped else { return }
        stopped = true
        await group.triggerGracefulShutdown()
        await runTask.value
    }

    /// Returns when the server has stopped (after `stop`, or if it failed).
    public func waitUntilStopped() async {
        await runTask.value
    }
}

public enum ServerStartError: Error, CustomStringConvertible {
    case stoppedBeforeListening

    public var description: String { "The server stopped before it started listening." }
}
