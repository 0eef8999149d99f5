import Foundation
import NIOHTTP1
import SegmentsAPI

extension SegmentsClient {
    /// The SDK's presigned upload (reference 3.11): `POST /assets/` returns a File
    /// with presigned POST fields; the bytes then go as multipart to that absolute
    /// URL, without the API key (it is a storage bucket, not the API).
    public func uploadAsset(_ content: Data, filename: String) async throws -> File {
        let file = try await call(API.uploadAsset, body: NewAsset(filename: filename))

        let fields = file.presignedPostFields.fields
        var form = MultipartForm()
        // The eight fields in the SDK's order, then the file last (S3 ignores fields after it).
        form.addField(name: "acl", value: fields.acl)
        form.addField(name: "Content-Type", value: fields.contentType)
        form.addField(name: "key", value: fields.key)
        form.addField(name: "x-amz-algorithm", value: fields.algorithm)
        form.addField(name: "x-amz-credential", value: fields.credential)
        form.addField(name: "x-amz-date", value: fields.date)
        form.addField(name: "policy", value: fields.policy)
        form.addField(name: "x-amz-signature", value: fields.signature)
        form.addFile(name: "file", filename: filename, content: content)

        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: form.contentType)
        headers.add(name: "User-Agent", value: configuration.userAgent)
        let uploadURL = file.presignedPostFields.url
        guard uploadURL.hasPrefix("http://") || uploadURL.hasPrefix("https://") else {
            throw SegmentsError.validation("The presigned upload URL \"\(uploadURL)\" is not an absolute http(s) URL.")
        }
        let result = try await transport.send(url: uploadURL, method: .post, headers: headers, body: form.finished())
        try ResponseDecoding.check(result, endpoint: "POST \(uploadURL)")
        return file
    }
}
