import Foundation
import NIOHTTP1
import SegmentsAPI

extension SegmentsClient {
    /// GETs a media URL with the client's timeouts and retries. The API key is never sent:
    /// media live on other hosts (signed storage URLs), and `segments-tui serve` serves its
    /// assets without one, so there is no host that should receive it.
    public func fetchAsset(_ url: String) async throws -> AssetContent {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else {
            throw SegmentsError.validation("Cannot fetch \"\(Self.shortened(url))\": not an http(s) URL.")
        }
        var headers = HTTPHeaders()
        headers.add(name: "User-Agent", value: configuration.userAgent)
        headers.add(name: "Accept", value: "image/*, */*;q=0.5")
        let result = try await transport.send(url: url, method: .get, headers: headers, body: nil)
        switch result.status {
        case 200..<300:
            return AssetContent(data: result.body, contentType: result.headers.first(name: "Content-Type"))
        case 403, 401:
            throw SegmentsError.authorization("\(result.status) from the image host \(host)")
        case 404, 410:
            throw SegmentsError.notFound("\(result.status) from the image host \(host)")
        default:
            throw SegmentsError.network("HTTP \(result.status) from the image host \(host)")
        }
    }

    /// URLs can carry signatures in their query; messages show only scheme, host and path.
    static func shortened(_ url: String) -> String {
        let cut = url.prefix { $0 != "?" && $0 != "#" }
        return cut.count > 120 ? String(cut.prefix(117)) + "…" : String(cut)
    }
}
