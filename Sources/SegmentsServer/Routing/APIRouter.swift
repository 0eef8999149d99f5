import HTTPTypes
import Hummingbird
import SegmentsAPI

/// The routes on Hummingbird's router. Hummingbird matches the path (with or without its
/// trailing slash) and the method; the API adds two answers Hummingbird does not give:
/// a known path with another method is 405 with `Allow` (not 404), and 404 has the
/// `{"detail": "Not found."}` body the SDK maps.
enum APIRouter {
    /// What a request with a method the API never uses (HEAD, OPTIONS, …) is routed as, so it
    /// reaches its path's 405 answer: the router has one responder per method and path.
    static let unlistedMethod = HTTPRequest.Method("UNLISTED-METHOD")

    static func build(
        _ routes: [Route],
        serve: @escaping @Sendable (Route, Request, ServerRequestContext) async throws -> Response
    ) -> RouterResponder<ServerRequestContext> {
        let router = Router(context: ServerRequestContext.self)
        router.add(middleware: NotFoundAnswer())
        var allowed: [String: [HTTPMethod]] = [:]
        for route in routes {
            router.on(RouterPath(route.pattern.text), method: route.method.httpTypes) { request, context in
                try await serve(route, request, context)
            }
            allowed[route.pattern.text, default: []].append(route.method)
        }
        for (path, methods) in allowed {
            let others = HTTPMethod.allCases.filter { !methods.contains($0) }.map(\.httpTypes) + [unlistedMethod].compactMap { $0 }
            for method in others {
                router.on(RouterPath(path), method: method) { request, _ in
                    APIHandler.makeResponse(ErrorMapping.methodNotAllowed(request.method.rawValue, allowed: methods))
                }
            }
        }
        return router.buildResponder()
    }
}

extension HTTPMethod {
    var httpTypes: HTTPRequest.Method {
        switch self {
        case .get: .get
        case .post: .post
        case .put: .put
        case .patch: .patch
        case .delete: .delete
        }
    }
}

/// Hummingbird's router answers a path it does not know by throwing its own 404.
struct NotFoundAnswer: RouterMiddleware {
    typealias Context = ServerRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            return APIHandler.makeResponse(.detail(ErrorMapping.notFound, status: 404))
        }
    }
}
