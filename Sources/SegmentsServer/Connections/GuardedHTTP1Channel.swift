import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// Hummingbird's HTTP/1 child channel with a request-head deadline around it
/// (see `HeaderDeadline`). Everything else, including the keep-alive idle
/// timeout, is Hummingbird's own `HTTP1Channel`.
struct GuardedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let inner: HTTP1Channel
    let headerTimeout: TimeAmount

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let timeout = headerTimeout
        let bytes = channel.eventLoop.makeCompletedFuture {
            let observer = RequestBytesObserver(deadline: HeaderDeadline(timeout: timeout))
            try channel.pipeline.syncOperations.addHandler(observer, position: .first)
        }
        return bytes.flatMap { inner.setup(channel: channel, logger: logger) }.flatMapThrowing { value in
            let operations = channel.pipeline.syncOperations
            let deadline = try operations.handler(type: RequestBytesObserver.self).deadline
            let decoder = try operations.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try operations.addHandler(RequestHeadObserver(deadline: deadline), position: .after(decoder))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await inner.handle(value: value, logger: logger)
    }
}
