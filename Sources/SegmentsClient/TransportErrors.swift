import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix
import SegmentsAPI

/// What went wrong below HTTP, sorted by what we may do about it.
enum TransportFailure: Error, Sendable, Equatable {
    /// Nothing reached the server (connection refused): any request may be sent again.
    case connectionRefused
    case hostNotFound
    case tls(String)
    case timeout
    /// The connection died after the request may have been sent.
    case connectionReset
    case cancelled
    case shutDown
    case other(String)

    /// Classifies an error thrown by AsyncHTTPClient / SwiftNIO.
    init(_ error: any Error) {
        if error is CancellationError {
            self = .cancelled
        } else if let error = error as? HTTPClientError {
            switch error {
            case .cancelled: self = .cancelled
            case .deadlineExceeded, .readTimeout, .writeTimeout, .connectTimeout, .tlsHandshakeTimeout,
                .getConnectionFromPoolTimeout:
                self = .timeout
            case .remoteConnectionClosed: self = .connectionReset
            case .alreadyShutdown: self = .shutDown
            default: self = .other(String(describing: error))
            }
        } else if let error = error as? NIOConnectionError {
            let errnos = error.connectionErrors.compactMap { ($0.error as? IOError)?.errnoCode }
            if errnos.contains(ECONNREFUSED) {
                self = .connectionRefused
            } else if error.connectionErrors.isEmpty, error.dnsAError != nil || error.dnsAAAAError != nil {
                self = .hostNotFound
            } else if let first = error.connectionErrors.first {
                self = TransportFailure(first.error)
            } else {
                self = .other(String(describing: error))
            }
        } else if let error = error as? IOError {
            switch error.errnoCode {
            case ECONNREFUSED: self = .connectionRefused
            case ECONNRESET, EPIPE: self = .connectionReset
            case ETIMEDOUT: self = .timeout
            default: self = .other(String(describing: error))
            }
        } else if let error = error as? ChannelError {
            switch error {
            case .connectTimeout: self = .timeout
            case .ioOnClosedChannel, .eof, .outputClosed, .inputClosed, .alreadyClosed: self = .connectionReset
            default: self = .other(String(describing: error))
            }
        } else if error is SocketAddressError {
            self = .hostNotFound
        } else if String(reflecting: type(of: error)).hasPrefix("NIOSSL") {
            // NIOSSL is not a dependency of this module; its errors are recognised by type name.
            self = .tls(String(describing: error))
        } else {
            self = .other(String(describing: error))
        }
    }

    /// The error the caller sees. It names the method and URL (never the key).
    func segmentsError(method: String, url: String) -> any Error {
        switch self {
        case .cancelled: return CancellationError()
        case .connectionRefused:
            return SegmentsError.network("Could not connect to \(url) (\(method)): connection refused.")
        case .hostNotFound:
            return SegmentsError.network("Could not connect to \(url) (\(method)): host not found (DNS lookup failed).")
        case .tls(let detail):
            return SegmentsError.network("TLS failure talking to \(url) (\(method)): \(detail)")
        case .timeout:
            return SegmentsError.timeout("\(method) \(url) timed out.")
        case .connectionReset:
            return SegmentsError.network("\(method) \(url): the server closed the connection before answering.")
        case .shutDown:
            return SegmentsError.network("\(method) \(url): the client has been shut down.")
        case .other(let detail):
            return SegmentsError.network("\(method) \(url) failed: \(detail)")
        }
    }
}
