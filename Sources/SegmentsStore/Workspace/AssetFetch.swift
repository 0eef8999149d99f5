import Foundation
import SegmentsAPI

extension SegmentsStore {
    /// The bytes of one of this workspace's assets, by the URL a response gave for it
    /// (`<baseURL>/assets/<uuid>/<name>`, also when that base is a `serve` URL or the
    /// folder's `file://` URL) or by its stored `segments-workspace:` reference. The store
    /// has no network: any other URL is "not found", with the host named.
    public func fetchAsset(_ url: String) async throws -> AssetContent {
        guard let path = assetPath(of: url) else {
            let host = URLComponents(string: url)?.host.map { " (\($0))" } ?? ""
            throw SegmentsError.notFound("The image is not a file of this workspace\(host).")
        }
        guard let (file, contentType) = try await workspace.assetFile(path: path) else {
            throw SegmentsError.notFound("The workspace has no file \(path).")
        }
        do {
            return AssetContent(data: try Data(contentsOf: file), contentType: contentType)
        } catch {
            throw SegmentsError.notFound("The workspace file \(path) cannot be read.")
        }
    }

    /// `assets/<uuid>/<name>` for a URL of this workspace, else nil.
    private func assetPath(of url: String) -> String? {
        if url.hasPrefix(WorkspaceURLs.prefix) { return String(url.dropFirst(WorkspaceURLs.prefix.count)) }
        for base in [baseURL, workspace.fileBaseURL] where !base.isEmpty {
            if url.hasPrefix(base + "/") {
                let rest = url.dropFirst(base.count + 1).prefix { $0 != "?" && $0 != "#" }
                return rest.removingPercentEncoding ?? String(rest)
            }
        }
        return nil
    }
}
