import NIOCore
import NIOHTTP1

/// The time a connection gets to deliver a complete request head: from the
/// moment it opens, and from the first byte of each later request. Without it
/// a client that connects and sends nothing, or half a header, holds a file
/// descriptor for good (issue 16, item 1).
///
/// NIO's `IdleStateHandler` measures silence, so a client trickling one byte
/// every few seconds would never trip it; this is a deadline per request head
/// instead. Idle keep-alive connections (between requests) are Hummingbird's
/// `idleTimeout`'s business.
///
/// Two observers share one deadline per connection, both on its event loop:
/// one before the HTTP decoder sees raw bytes (a request has begun), one after
/// it sees decoded parts (the head is complete; its response has been sent).
final class HeaderDeadline {
    private let timeout: TimeAmount
    private var scheduled: Scheduled<Void>?
    /// Heads read minus responses ended: bytes arriving while a request is open are its body.
    private var openRequests = 0

    init(timeout: TimeAmount) {
        self.timeout = timeout
    }

    /// A new connection, or the first bytes of a request after an idle spell.
    func start(_ context: ChannelHandlerContext) {
        guard openRequests == 0, scheduled == nil else { return }
        scheduled = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
            context.close(promise: nil)
        }
    }

    func headArrived() {
        openRequests += 1
        cancel()
    }

    func responseEnded() {
        openRequests = max(0, openRequests - 1)
    }

    func cancel() {
        scheduled?.cancel()
        scheduled = nil
    }
}

/// First in the pipeline: raw bytes mean a request has begun (or continues).
final class RequestBytesObserver: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    let deadline: HeaderDeadline

    init(deadline: HeaderDeadline) {
        self.deadline = deadline
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { deadline.start(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        deadline.start(context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        deadline.start(context)
        context.fireChannelRead(data)
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline.cancel()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline.cancel()
    }
}

/// Right after the HTTP decoder: a decoded head ends the wait, a written response end starts the next one.
final class RequestHeadObserver: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    let deadline: HeaderDeadline

    init(deadline: HeaderDeadline) {
        self.deadline = deadline
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) { deadline.headArrived() }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { deadline.responseEnded() }
        context.write(data, promise: promise)
    }
}
