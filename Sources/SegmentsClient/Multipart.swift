import Foundation

/// A `multipart/form-data` body (RFC 7578), built in memory: plain fields in the
/// order added, then files.
struct MultipartForm {
    let boundary: String
    private(set) var body = Data()

    init(boundary: String = "segments-tui-" + UUID().uuidString.replacingOccurrences(of: "-", with: "")) {
        self.boundary = boundary
    }

    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    mutating func addField(name: String, value: String) {
        append("--\(boundary)\r\n")
        append("Content-Disposition: form-data; name=\"\(Self.quoted(name))\"\r\n\r\n")
        append(value)
        append("\r\n")
    }

    /// Like the SDK's upload, the file part carries no Content-Type of its own: the
    /// storage takes the type from the `Content-Type` form field.
    mutating func addFile(name: String, filename: String, content: Data) {
        append("--\(boundary)\r\n")
        append("Content-Disposition: form-data; name=\"\(Self.quoted(name))\"; filename=\"\(Self.quoted(filename))\"\r\n\r\n")
        body.append(content)
        append("\r\n")
    }

    /// The closing delimiter; call once, after the last part.
    func finished() -> Data {
        var data = body
        data.append(Data("--\(boundary)--\r\n".utf8))
        return data
    }

    private mutating func append(_ text: String) { body.append(Data(text.utf8)) }

    /// Quotes and line breaks would end the header value early.
    private static func quoted(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }
}
