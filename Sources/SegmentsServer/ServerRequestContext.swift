import Hummingbird
import Logging
import NIOCore

/// Hummingbird's per-request context plus what the access log needs: the client's
/// address, and the user once the API key names one.
struct ServerRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: String
    /// Shared by every copy of the context, so the route that authenticates can tell the log.
    let authenticatedUser = LockedValue<String?>(nil)

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress ?? "-"
    }
}
