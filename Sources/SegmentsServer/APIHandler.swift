import Foundation
import Synchronization
import HTTPTypes
import Hummingbird
import SegmentsAPI
import SegmentsStore

/// The whole request pipeline, in order: path → route (Hummingbird's router, `APIRouter`)
/// → API key → rate limit → body (size limit, gunzip) → handler → error mapping → access
/// log. Written as plain steps rather than a middleware stack so the order is visible here.
struct APIHandler: Sendable {
    let workspace: Workspace
    let configuration: ServerConfiguration
    let rateLimiter: RateLimiter?
    let accessLog: AccessLog
    /// `http://host:port` of the bound socket, for requests without a Host header.
    let fallbackOrigin: LockedValue<String>

    func respond(to request: Request, context: ServerRequestContext, router: RouterResponder<ServerRequestContext>) async
        -> Response
    {
        let started = ContinuousClock.now
        let response: Response
        do {
            response = try await route(request, context: context, router: router)
        } catch {
            response = Self.makeResponse(ErrorMapping.response(for: error))
        }
        if accessLog.isEnabled {
            accessLog.write(
                .init(
                    remoteAddress: context.remoteAddress, username: context.authenticatedUser.value,
                    method: request.method.rawValue, target: request.uri.string, status: response.status.code,
                    bytes: response.body.contentLength ?? 0, duration: ContinuousClock.now - started))
        }
        return response
    }

    /// The path is decoded segment by segment once (`PathSegments`) and written back in one
    /// canonical encoding, so the router compares literal segments whatever escapes the client
    /// chose, and a path that does not decode names nothing.
    private func route(_ request: Request, context: ServerRequestContext, router: RouterResponder<ServerRequestContext>)
        async throws -> Response
    {
        guard let segments = PathSegments.split(request.uri.path) else {
            return Self.makeResponse(.detail(ErrorMapping.notFound, status: 404))
        }
        var head = request.head
        head.path = "/" + segments.map(PathEncoding.segment).joined(separator: "/") + (request.uri.query.map { "?" + $0 } ?? "")
        if HTTPMethod(rawValue: head.method.rawValue) == nil, let unlisted = APIRouter.unlistedMethod {
            head.method = unlisted
        }
        return try await router.respond(to: Request(head: head, body: request.body), context: context)
    }

    /// One matched route: the key, the rate limit, the body, then the handler.
    func serve(_ route: Route, _ request: Request, context: ServerRequestContext) async throws -> Response {
        var username: String?
        if route.access == .apiKey {
            switch APIKeyHeader.parse(request.headers[.authorization]) {
            case .missing:
                return Self.makeResponse(.detail(ErrorMapping.notProvided, status: 401))
            case .malformed:
                return Self.makeResponse(.detail(ErrorMapping.invalidKey, status: 401))
            case .key(let key):
                let user = try await workspace.authenticate(apiKey: key)
                // A valid key counts against its user; unknown keys against the client's address, so a
                // flood of wrong keys is throttled too without growing the table per key.
                if let rateLimiter,
                    case .limited(let retryAfter) = rateLimiter.check(
                        user.map { .user($0) } ?? .address(context.remoteAddress))
                {
                    return Self.makeResponse(ErrorMapping.throttled(retryAfter: retryAfter))
                }
                guard let user else { return Self.makeResponse(.detail(ErrorMapping.invalidKey, status: 401)) }
                username = user
                context.authenticatedUser.value = user
            }
        }

        let body = try await readBody(request)
        // The router captured the canonical segments; decoding them gives back what `PathSegments` read.
        var parameters: [String: String] = [:]
        for name in route.pattern.parameterNames {
            if let value = context.parameters.get(name).flatMap(PathEncoding.decode) { parameters[name] = value }
        }
        let routeRequest = RouteRequest(
            parameters: parameters, query: QueryParameters.parse(request.uri.query), body: body,
            contentType: request.headers[.contentType], baseURL: baseURL(for: request), username: username,
            workspace: workspace)
        return Self.makeResponse(try await route.handler(routeRequest))
    }

    private func readBody(_ request: Request) async throws -> Data {
        let raw: ByteBuffer
        do {
            raw = try await BodyLimit.collect(request, maxBytes: configuration.maxBodyBytes)
        } catch BodyLimit.Failure.tooLarge {
            throw RequestError(.tooLarge)
        }
        do {
            let decoded = try GzipBody.decode(
                raw, contentEncoding: request.headers[.contentEncoding], maxBytes: configuration.maxBodyBytes)
            return Data(buffer: decoded)
        } catch .tooLarge {
            throw RequestError(.tooLarge)
        } catch .corrupt {
            throw RequestError(.badRequest("The gzip request body could not be decompressed."))
        } catch .unsupportedEncoding {
            throw RequestError(.unsupportedMediaType)
        }
    }

    /// Absolute URLs handed out must match what the client used (reference 3.11).
    private func baseURL(for request: Request) -> String {
        if let publicURL = configuration.publicURL { return publicURL }
        if let authority = request.head.authority, !authority.isEmpty, Self.isPlausibleAuthority(authority) {
            return "http://\(authority)"
        }
        return fallbackOrigin.value
    }

    /// Host headers end up in URLs stored in samples and release files; refuse odd ones.
    static func isPlausibleAuthority(_ authority: String) -> Bool {
        authority.count <= 255
            && authority.unicodeScalars.allSatisfy {
                CharacterSet.alphanumerics.contains($0) && $0.isASCII || ".-:[]_".unicodeScalars.contains($0)
            }
    }

    static func makeResponse(_ response: APIResponse) -> Response {
        var headers = HTTPFields()
        if response.body != nil { headers[.contentType] = response.contentType }
        for (name, value) in response.headers {
            if let fieldName = HTTPField.Name(name) { headers.append(HTTPField(name: fieldName, value: value)) }
        }
        let status = HTTPResponse.Status(code: response.status)
        guard let body = response.body else { return Response(status: status, headers: headers) }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}

/// A value shared across tasks: a reference to a Mutex, which itself cannot be copied.
final class LockedValue<Value: Sendable>: Sendable {
    private let stored: Mutex<Value>

    init(_ value: Value) { stored = Mutex(value) }

    var value: Value {
        get { stored.withLock { $0 } }
        set { stored.withLock { $0 = newValue } }
    }
}
