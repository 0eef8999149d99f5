import Foundation
import SegmentsAPI

extension Routes {
    /// Route 40 and the three absolute-URL endpoints of the upload and export flows,
    /// which the SDK calls with no Authorization header.
    static var assets: [Route] {
        [
            Route(API.uploadAsset) { request, body in
                guard let username = request.username else {
                    throw SegmentsError.authentication("Authentication credentials were not provided.")
                }
                return try await request.workspace.presignedUpload(
                    filename: body.filename, baseURL: request.baseURL, actingAs: username)
            },
            // The presigned POST target: the policy fields authenticate it, not an API key.
            Route(API.receiveUpload, raw: { request in
                guard let boundary = MultipartForm.boundary(contentType: request.contentType) else {
                    throw RequestError(.unsupportedMediaType)
                }
                guard let form = MultipartForm(body: request.body, boundary: boundary) else {
                    throw RequestError(.badRequest("Malformed multipart body."))
                }
                guard let file = form.part(named: "file") else {
                    throw RequestError(.invalidFields(["file": "This field is required."]))
                }
                try await request.workspace.acceptUpload(fields: form.fields, content: file.content)
                return .noContent
            }),
            Route(API.getAssetFile, raw: { request in
                let uuid = try request.uuid("uuid")
                let filename = try request.parameter("filename")
                return try await serveFile(request, path: "assets/\(uuid)/\(filename)", name: filename)
            }),
            Route(API.getReleaseFile, raw: { request in
                let file = try request.parameter("file")
                // Release files are `<uuid>.json`; anything else cannot exist.
                guard file.hasSuffix(".json"), UUID(uuidString: String(file.dropLast(5))) != nil else {
                    throw SegmentsError.notFound("Not found.")
                }
                return try await serveFile(request, path: "releases/\(file.lowercased())", name: file)
            }),
        ]
    }

    /// Reads a stored file. The name was already one decoded segment; `.`/`..` and
    /// separators are refused here too, and the workspace checks containment again.
    private static func serveFile(_ request: RouteRequest, path: String, name: String) async throws -> APIResponse {
        guard SafePath.isPlainFilename(name),
            let (url, contentType) = try await request.workspace.assetFile(path: path),
            let data = try? Data(contentsOf: url)
        else { throw SegmentsError.notFound("Not found.") }
        return APIResponse(status: 200, body: data, contentType: contentType)
    }
}

/// Path-safety rules for names that end up in file paths.
enum SafePath {
    static func isPlainFilename(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.contains("\\")
            && !name.contains("\0")
    }
}
