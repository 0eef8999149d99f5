import Foundation
import HTTPTypes
import Hummingbird
import Logging
import ServiceLifecycle

/// A request as the fault server saw it.
struct RecordedRequest: Sendable {
    var method: String
    /// Path and query exactly as sent (still percent-encoded).
    var target: String
    /// Header names lowercased.
    var headers: [String: String]
    var body: Data

    var bodyText: String { String(decoding: body, as: UTF8.self) }
    var path: String { String(target.prefix { $0 != "?" }) }
}

/// What the fault server answers to one request.
indirect enum FaultReply: Sendable {
    case respond(status: Int, headers: [String: String] = [:], body: String = "")
    /// Waits before answering, to run past a client's timeout.
    case delayed(Duration, FaultReply)

    static func json(_ body: String, status: Int = 200) -> FaultReply {
        .respond(status: status, headers: ["Content-Type": "application/json"], body: body)
    }

    static let notFound = FaultReply.json(#"{"detail": "Not found."}"#, status: 404)
}

/// Replies in order, then `fallback` for every further request; records everything.
actor FaultScript {
    private var replies: [FaultReply]
    private let fallback: FaultReply
    private(set) var recorded: [RecordedRequest] = []

    init(_ replies: [FaultReply] = [], fallback: FaultReply = .notFound) {
        self.replies = replies
        self.fallback = fallback
    }

    func reply(to request: RecordedRequest) -> FaultReply {
        recorded.append(request)
        return replies.isEmpty ? fallback : replies.removeFirst()
    }

    func clear() { recorded.removeAll() }

    /// Queues a reply (e.g. one that needs the server's port).
    func push(_ reply: FaultReply) { replies.append(reply) }
}

/// A small Hummingbird server on 127.0.0.1 that produces on demand what the real
/// server cannot: scripted 429/503s, slow answers, broken JSON. It also records
/// requests, so the wire format (paths, query, headers, bodies) can be checked.
final class FaultServer: Sendable {
    let script: FaultScript
    let port: Int
    private let group: ServiceGroup
    private let runTask: Task<Void, Never>

    var baseURL: String { "http://127.0.0.1:\(port)/" }

    private init(script: FaultScript, port: Int, group: ServiceGroup, runTask: Task<Void, Never>) {
        self.script = script
        self.port = port
        self.group = group
        self.runTask = runTask
    }

    static func start(_ script: FaultScript = FaultScript(), port: Int = 0) async throws -> FaultServer {
        var logger = Logger(label: "fault-server")
        logger.logLevel = .critical
        let (events, continuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            responder: CallbackResponder<BasicRequestContext> { request, _ in
                var request = request
                let body = try await request.collectBody(upTo: 64 << 20)
                var headers: [String: String] = [:]
                for field in request.headers { headers[field.name.canonicalName] = field.value }
                let recorded = RecordedRequest(
                    method: request.method.rawValue, target: request.uri.string, headers: headers,
                    body: Data(body.readableBytesView))
                return try await Self.response(for: await script.reply(to: recorded))
            },
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? -1) },
            logger: logger)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(services: [app], gracefulShutdownSignals: [], logger: logger))
        let runTask = Task {
            try? await group.run()
            continuation.finish()
        }
        for await port in events {
            return FaultServer(script: script, port: port, group: group, runTask: runTask)
        }
        throw CocoaError(.featureUnsupported)
    }

    private static func response(for reply: FaultReply) async throws -> Response {
        switch reply {
        case .delayed(let duration, let then):
            try await Task.sleep(for: duration)
            return try await response(for: then)
        case .respond(let status, let headers, let body):
            var fields = HTTPFields()
            for (name, value) in headers { fields[HTTPField.Name(name)!] = value }
            return Response(
                status: .init(code: status), headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
        }
    }

    func stop() async {
        await group.triggerGracefulShutdown()
        await runTask.value
    }

    var recorded: [RecordedRequest] { get async { await script.recorded } }
}
