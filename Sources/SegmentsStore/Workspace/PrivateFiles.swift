import Foundation

/// The workspace holds the upload-signing secret and every API key's hash:
/// its folder is 0700 and its files 0600, whatever the umask (issue 16, item 6).
public enum PrivateFiles {
    /// Creates `folder` (and missing parents) with mode 0700. An existing folder keeps its mode;
    /// `Workspace.permissionWarnings()` reports it when it is wider.
    static func createFolder(_ folder: URL) throws {
        // Foundation on Linux answers "file exists" for an existing folder when attributes are given.
        if isFolder(folder) { return }
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            // Made meanwhile by another job writing beside us: what was wanted exists.
            guard isFolder(folder) else { throw error }
        }
    }

    private static func isFolder(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Creates an empty file with mode 0600 if there is none: open(2) sets the mode, so it is never wider.
    static func createFileIfMissing(_ url: URL) {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor >= 0 { close(descriptor) }
    }

    /// Writes a file atomically, then makes it 0600 (the rename target is in a 0700 folder, so none can read it between).
    static func write(_ data: Data, to url: URL) throws {
        try createFolder(url.deletingLastPathComponent())
        try data.write(to: url, options: .atomic)
        chmod(url.path, 0o600)
    }

    /// The permission bits of a file or folder, nil when it does not exist.
    public static func mode(of url: URL) -> Int? {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        return Int(info.st_mode) & 0o777
    }

    /// A warning naming the file and the fix when group or others have any access to it.
    public static func warning(for url: URL, holds what: String, isFolder: Bool = false) -> String? {
        guard let mode = mode(of: url), mode & 0o077 != 0 else { return nil }
        return "Warning: \(url.path) (\(what)) is accessible by others (mode \(String(mode, radix: 8))). "
            + "Fix: chmod \(isFolder ? "700" : "600") \(url.path)"
    }
}

extension Workspace {
    /// The workspace's own files: the database and its WAL and shared-memory companions.
    var databaseFiles: [URL] {
        ["workspace.sqlite", "workspace.sqlite-wal", "workspace.sqlite-shm"].map { folder.appendingPathComponent($0) }
    }

    /// Warnings for the folder and files that others could read; empty when all are private.
    /// `serve` prints them at start (a workspace made before 0700/0600 was the rule, or moved by hand).
    public func permissionWarnings() -> [String] {
        var warnings: [String] = []
        if let warning = PrivateFiles.warning(for: folder, holds: "the workspace", isFolder: true) {
            warnings.append(warning)
        }
        for file in databaseFiles + [folder.appendingPathComponent("owner-api-key")] {
            if let warning = PrivateFiles.warning(for: file, holds: "workspace data and secrets") {
                warnings.append(warning)
            }
        }
        return warnings
    }
}
