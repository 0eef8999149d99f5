import Foundation
import Synchronization
import HTTPTypes
import Hummingbird
import SegmentsAPI
import SegmentsStore

/// The whole request pipeline, in order: route → API key → rate limit → body
/// (size limit, gunzip) → handler → error mapping → access log. Written as
/// plain steps rather than a middleware stack so the order is visible here.
struct APIHandler: Sendable {
    let workspace: Workspace
    let configuration: ServerConfiguration
    let table: RouteTable
    let rateLimiter: RateLimiter?
    let accessLog: AccessLog
    /// `http://host:port` of the bound socket, for requests without a Host header.
    let fallbackOrigin: LockedValue<String>

    func respond(to request: Request, context: ServerRequestContext) async -> Response {
        let started = ContinuousClock.now
        var username: String?
        let response: APIResponse
        do {
            response = try await process(request, remoteAddress: context.remoteAddress, username: &username)
        } catch {
            response = ErrorMapping.response(for: error)
        }
        let hummingbirdResponse = Self.makeResponse(response)
        if accessLog.isEnabled {
            accessLog.write(
                .init(
                    remoteAddress: context.remoteAddress, username: username, method: request.method.rawValue,
                    target: request.uri.string, status: response.status, bytes: response.body?.count ?? 0,
                    duration: ContinuousClock.now - started))
        }
        return hummingbirdResponse
    }

    private func process(_ request: Request, remoteAddress: String, username: inout String?) async throws -> APIResponse {
        guard let path = PathSegments.split(request.uri.path) else { return .detail(ErrorMapping.notFound, status: 404) }
        let route: Route
        let parameters: [String: String]
        switch table.lookup(method: request.method.rawValue, path: path) {
        case .notFound:
            return .detail(ErrorMapping.notFound, status: 404)
        case .methodNotAllowed(let allowed):
            return ErrorMapping.methodNotAllowed(request.method.rawValue, allowed: allowed)
        case .found(let found, let captured):
            route = found
            parameters = captured
        }

        if route.access == .apiKey {
            switch APIKeyHeader.parse(request.headers[.authorization]) {
            case .missing:
                return .detail(ErrorMapping.notProvided, status: 401)
            case .malformed:
                return .detail(ErrorMapping.invalidKey, status: 401)
            case .key(let key):
                let user = try await workspace.authenticate(apiKey: key)
                // A valid key counts against its user; unknown keys against the client's address, so a
                // flood of wrong keys is throttled too without growing the table per key.
                if let rateLimiter,
                    case .limited(let retryAfter) = rateLimiter.check(user.map { .user($0) } ?? .address(remoteAddress))
                {
                    return ErrorMapping.throttled(retryAfter: retryAfter)
                }
                guard let user else { return .detail(ErrorMapping.invalidKey, status: 401) }
                username = user
            }
        }

        let body = try await readBody(request)
        let routeRequest = RouteRequest(
            parameters: parameters, query: QueryParameters.parse(request.uri.query), body: body,
            contentType: request.headers[.contentType], baseURL: baseURL(for: request), username: username,
            workspace: workspace)
        return try await route.handler(routeRequest)
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
