import Foundation
import GRDB
import SegmentsAPI

// Uploaded files live under `<folder>/assets/<uuid>/<safe filename>`, release
// exports under `<folder>/releases/<uuid>.json`. The database keeps these keys
// relative, so the same workspace serves under any host; nothing a caller sends
// can make the store read or write outside its folder.
extension Workspace {
    /// Step 1 of the SDK's upload: records the asset and returns the File with
    /// the presigned POST fields the server's `/uploads/` route will verify.
    public func presignedUpload(filename: String, baseURL: String, actingAs username: String) async throws -> File {
        let asset = AssetNames(filename: filename)
        let now = Timestamp.nowMicros()
        try await database.write { db in
            _ = try Self.person(db, username)
            try Self.insertAsset(db, asset, createdBy: username, createdAt: Timestamp.string(micros: now), uploaded: false)
        }
        return file(for: asset, baseURL: baseURL, createdAt: now)
    }

    /// Step 2: the multipart POST. The key must be one we issued and the policy and
    /// signature must be ours for it; then the bytes are stored under the key.
    public func acceptUpload(fields: [String: String], content: Data) async throws {
        guard let key = fields["key"], let policy = fields["policy"], let signature = fields["x-amz-signature"],
            Hashes.isValidHMAC(policy, key: uploadSecret, message: Self.policyMessage(key: key)),
            Hashes.isValidHMAC(signature, key: uploadSecret, message: Self.signatureMessage(key: key, policy: policy))
        else { throw SegmentsError.permissionDenied }
        let contentType = fields["Content-Type"].flatMap(Self.sanitizedContentType)
        try await database.write { [self] db in
            let asset = AssetRow.filter { $0.storageKey == key }
            guard try !asset.isEmpty(db), let location = storageURL(forKey: key) else { throw SegmentsError.notFoundError }
            try PrivateFiles.write(content, to: location)
            try asset.updateAll(db) { columns in
                [columns.uploaded.set(to: true)] + (contentType.map { [columns.contentType.set(to: $0)] } ?? [])
            }
        }
    }

    /// The file behind a public path (`assets/<uuid>/<name>` or `releases/<uuid>.json`),
    /// or nil when there is none. Any other shape of path is nil.
    public func assetFile(path: String) async throws -> (url: URL, contentType: String)? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 3, parts[0] == "assets", UUID(uuidString: parts[1]) != nil,
            parts[1] == parts[1].lowercased(), AssetNames.safe(parts[2]) == parts[2]
        {
            let key = parts.joined(separator: "/")
            guard
                let contentType = try await database.read({ db in
                    try AssetRow
                        .filter { $0.storageKey == key && $0.uploaded == true }
                        .select({ $0.contentType }, as: String.self)
                        .fetchOne(db)
                }), let url = storageURL(forKey: key), FileManager.default.fileExists(atPath: url.path)
            else { return nil }
            return (url, contentType)
        }
        if parts.count == 2, parts[0] == "releases", parts[1].hasSuffix(".json"),
            let uuid = UUID(uuidString: String(parts[1].dropLast(5))),
            parts[1] == uuid.uuidString.lowercased() + ".json",
            let url = storageURL(forKey: path), FileManager.default.fileExists(atPath: url.path)
        {
            return (url, "application/json")
        }
        return nil
    }

    /// The location of a storage key inside the folder, or nil if it would leave it.
    func storageURL(forKey key: String) -> URL? {
        let url = folder.appendingPathComponent(key).standardizedFileURL
        let root = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
        guard url.path.hasPrefix(root), !key.split(separator: "/").contains("..") else { return nil }
        return url
    }

    /// Best-effort removal of files whose rows were deleted (a leftover file is harmless).
    func removeFiles(_ keys: [String]) {
        for key in keys {
            if let url = storageURL(forKey: key) { try? FileManager.default.removeItem(at: url) }
        }
    }

    func file(for asset: AssetNames, baseURL: String, createdAt: Int64) -> File {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        let stamp = Timestamp.string(micros: createdAt)
        // 2024-05-01T12:00:00.000000Z → 20240501 and 20240501T120000Z, as S3 writes them.
        let digits = stamp.filter(\.isNumber)
        let day = String(digits.prefix(8))
        let amzDate = day + "T" + String(digits.dropFirst(8).prefix(6)) + "Z"
        let policy = uploadPolicy(key: asset.key)
        let fields = AWSFields(
            acl: "public-read", contentType: asset.contentType, key: asset.key, algorithm: "AWS4-HMAC-SHA256",
            credential: "local/\(day)/local/s3/aws4_request", date: amzDate, policy: policy,
            signature: uploadSignature(key: asset.key, policy: policy))
        return File(
            uuid: asset.uuid, filename: asset.filename, url: "\(base)/\(asset.key)", createdAt: stamp,
            presignedPostFields: PresignedPostFields(url: "\(base)/uploads/", fields: fields))
    }

    static func insertAsset(_ db: Database, _ asset: AssetNames, createdBy: String, createdAt: String, uploaded: Bool)
        throws
    {
        try AssetRow(
            uuid: asset.uuid, filename: asset.filename, storageKey: asset.key, contentType: asset.contentType,
            createdBy: createdBy, createdAt: createdAt, uploaded: uploaded
        ).insert(db)
    }

    private func uploadPolicy(key: String) -> String {
        Hashes.hmacHex(key: uploadSecret, message: Self.policyMessage(key: key))
    }

    private func uploadSignature(key: String, policy: String) -> String {
        Hashes.hmacHex(key: uploadSecret, message: Self.signatureMessage(key: key, policy: policy))
    }

    private static func policyMessage(key: String) -> String { "policy\n\(key)" }

    private static func signatureMessage(key: String, policy: String) -> String { "signature\n\(key)\n\(policy)" }

    /// A content type is a short `type/subtype` token; anything else is ignored.
    private static func sanitizedContentType(_ text: String) -> String? {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "/.+-_=; "))
        guard !text.isEmpty, text.count <= 100, text.contains("/"),
            text.unicodeScalars.allSatisfy({ $0.isASCII && allowed.contains($0) })
        else { return nil }
        return text
    }
}

/// The names of a new asset: its uuid, the caller's filename, and the storage
/// key built from a sanitised copy of it.
struct AssetNames: Sendable {
    var uuid: String
    var filename: String
    var key: String
    var contentType: String

    init(filename: String, uuid: String = Identifiers.newUUID()) {
        self.uuid = uuid
        self.filename = filename
        key = "assets/\(uuid)/\(Self.safe(filename))"
        contentType = Self.contentType(for: Self.safe(filename))
    }

    /// The last path component, with only letters, digits, `.`, `-` and `_` kept
    /// (others become `_`), no leading dots, at most 120 characters; "file" if empty.
    static func safe(_ filename: String) -> String {
        let last = filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var cleaned = String(
            last.unicodeScalars.map { scalar -> Character in
                scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "._-".unicodeScalars.contains(scalar))
                    ? Character(scalar) : "_"
            })
        while cleaned.hasPrefix(".") { cleaned.removeFirst() }
        cleaned = String(cleaned.suffix(120))
        return cleaned.isEmpty ? "file" : cleaned
    }

    static func contentType(for filename: String) -> String {
        switch filename.split(separator: ".").last?.lowercased() ?? "" {
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "bmp": "image/bmp"
        case "tif", "tiff": "image/tiff"
        case "json": "application/json"
        case "txt": "text/plain"
        default: "application/octet-stream"
        }
    }
}

extension SegmentsStore {
    /// Stores the bytes under the workspace folder and returns the File that
    /// samples and labels can reference.
    public func uploadAsset(_ content: Data, filename: String) async throws -> File {
        let asset = AssetNames(filename: filename)
        let now = Timestamp.nowMicros()
        let workspace = workspace
        try await write { db in
            let me = try actingAccount(db)
            try Workspace.insertAsset(db, asset, createdBy: me.username, createdAt: Timestamp.string(micros: now),
                                      uploaded: true)
            guard let location = workspace.storageURL(forKey: asset.key) else { throw SegmentsError.permissionDenied }
            try PrivateFiles.write(content, to: location)
        }
        return workspace.file(for: asset, baseURL: baseURL, createdAt: now)
    }
}
