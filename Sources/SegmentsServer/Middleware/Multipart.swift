import Foundation

/// A minimal `multipart/form-data` reader for the presigned-upload POST (reference 3.11):
/// plain form fields followed by one file part. Only what that flow needs.
struct MultipartForm: Sendable, Equatable {
    struct Part: Sendable, Equatable {
        var name: String
        var filename: String?
        var content: Data
    }

    var parts: [Part]

    /// The text fields (the presigned policy), excluding file parts.
    var fields: [String: String] {
        var fields: [String: String] = [:]
        for part in parts where part.filename == nil {
            fields[part.name] = String(decoding: part.content, as: UTF8.self)
        }
        return fields
    }

    func part(named name: String) -> Part? { parts.first { $0.name == name } }

    /// The boundary parameter of a `multipart/form-data` content type.
    static func boundary(contentType: String?) -> String? {
        guard let contentType else { return nil }
        let pieces = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard pieces.first?.lowercased() == "multipart/form-data" else { return nil }
        for piece in pieces.dropFirst() where piece.lowercased().hasPrefix("boundary=") {
            var value = piece.dropFirst("boundary=".count)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = value.dropFirst().dropLast() }
            return value.isEmpty ? nil : String(value)
        }
        return nil
    }

    /// Parses the body; nil when it is not well-formed multipart with this boundary.
    init?(body: Data, boundary: String) {
        let delimiter = Data("--\(boundary)".utf8)
        let crlf = Data("\r\n".utf8)
        let headerEnd = Data("\r\n\r\n".utf8)
        guard var cursor = body.range(of: delimiter)?.upperBound else { return nil }
        var parts: [Part] = []
        while true {
            // After a delimiter: "--" ends the body, CRLF starts a part.
            if body[cursor...].starts(with: Data("--".utf8)) { break }
            guard body[cursor...].starts(with: crlf) else { return nil }
            let headersStart = cursor + crlf.count
            guard let headersRange = body.range(of: headerEnd, in: headersStart..<body.endIndex) else { return nil }
            let headerText = String(decoding: body[headersStart..<headersRange.lowerBound], as: UTF8.self)
            let contentStart = headersRange.upperBound
            guard let next = body.range(of: crlf + delimiter, in: contentStart..<body.endIndex) else { return nil }
            guard let disposition = Self.disposition(headerText) else { return nil }
            parts.append(
                Part(name: disposition.name, filename: disposition.filename, content: body[contentStart..<next.lowerBound]))
            cursor = next.upperBound
        }
        self.parts = parts
    }

    /// `name` and `filename` from the part's Content-Disposition header.
    private static func disposition(_ headers: String) -> (name: String, filename: String?)? {
        for line in headers.components(separatedBy: "\r\n") {
            guard let colon = line.firstIndex(of: ":"),
                line[..<colon].trimmingCharacters(in: .whitespaces).lowercased() == "content-disposition"
            else { continue }
            var name: String?
            var filename: String?
            for item in line[line.index(after: colon)...].split(separator: ";") {
                let pair = item.trimmingCharacters(in: .whitespaces)
                guard let equals = pair.firstIndex(of: "=") else { continue }
                let key = pair[..<equals].lowercased()
                var value = pair[pair.index(after: equals)...]
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = value.dropFirst().dropLast() }
                if key == "name" { name = String(value) }
                if key == "filename" { filename = String(value) }
            }
            return name.map { ($0, filename) }
        }
        return nil
    }
}
