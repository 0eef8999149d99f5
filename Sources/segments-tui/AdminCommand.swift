import ArgumentParser
import Foundation
import SegmentsAPI
import SegmentsStore

/// `segments-tui admin …`: who exists in a workspace, managed directly on the
/// SQLite file (no server needed). New keys go to stdout alone, so scripts can
/// capture them (`KEY=$(segments-tui admin create-user jane)`); everything else
/// goes to stderr.
struct AdminCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin",
        abstract: "Manage the users, API keys and organisations of a local workspace.",
        subcommands: [
            CreateUser.self, RotateKey.self, RevokeKeys.self, CreateOrganization.self, AddMember.self,
            RemoveMember.self,
        ])

    struct WorkspaceOption: ParsableArguments {
        @Option(name: .long, help: "Workspace folder (default: the platform's data folder for segments-tui).")
        var path: String?

        func open() async throws -> Workspace {
            try await Workspace(folder: path.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? Workspace.defaultFolder())
        }
    }

    struct CreateUser: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create-user",
            abstract: "Create a user and print its API key (shown only this once). The first user is the owner.")
        @OptionGroup var workspace: WorkspaceOption
        @Argument(help: "Username.") var username: String
        @Option(help: "E-mail address.") var email: String?

        func run() async throws {
            let store = try await workspace.open()
            let (user, key) = try await adminStep { try await store.createUser(username: username, email: email) }
            note("Created user '\(user.username)'. API key (shown only this once):")
            print(key)
            await store.shutdown()
        }
    }

    struct RotateKey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rotate-key", abstract: "Replace a user's API keys by a new one and print it.")
        @OptionGroup var workspace: WorkspaceOption
        @Argument(help: "Username.") var username: String

        func run() async throws {
            let store = try await workspace.open()
            let key = try await adminStep { try await store.rotateAPIKey(username: username) }
            note("New API key for '\(username)' (the old one no longer works):")
            print(key)
            await store.shutdown()
        }
    }

    struct RevokeKeys: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke-keys", abstract: "Revoke all API keys of a user (rotate-key issues a new one).")
        @OptionGroup var workspace: WorkspaceOption
        @Argument(help: "Username.") var username: String

        func run() async throws {
            let store = try await workspace.open()
            try await adminStep { try await store.revokeAPIKeys(username: username) }
            note("Revoked every API key of '\(username)'.")
            await store.shutdown()
        }
    }

    struct CreateOrganization: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create-org", abstract: "Create an organisation; its owner becomes an admin member.")
        @OptionGroup var workspace: WorkspaceOption
        @Argument(help: "Organisation name (its username).") var name: String
        @Option(help: "Owning user (default: the workspace owner).") var owner: String?

        func run() async throws {
            let store = try await workspace.open()
            guard let ownerName = try await ownerOrFirstUser(store) else {
                throw ValidationError("The workspace has no users yet; create one first (admin create-user).")
            }
            let organization = try await adminStep { try await store.createOrganization(name: name, owner: ownerName) }
            note("Created organisation '\(organization.username)' owned by '\(ownerName)'.")
            await store.shutdown()
        }

        private func ownerOrFirstUser(_ store: Workspace) async throws -> String? {
            if let owner { return owner }
            return try await store.ownerUsername()
        }
    }

    struct AddMember: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add-member", abstract: "Add a user to an organisation (or change their role).")
        @OptionGroup var workspace: WorkspaceOption
        @Argument(help: "Organisation name.") var organization: String
        @Argument(help: "Username.") var username: String
        @Option(help: "Organisation role: labeler, reviewer, manager or admin.") var role = "labeler"

        func validate() throws {
            guard Role(knownRawValue: role) != nil else {
                throw ValidationError("--role must be one of: labeler, reviewer, manager, admin.")
            }
        }

        func run() async throws {
            let store = try await workspace.open()
            try await adminStep {
                try await store.addOrganizationMember(organization: organization, username: username, role: Role(rawValue: role))
            }
            note("'\(username)' is now a \(role) of '\(organization)'.")
            await store.shutdown()
        }
    }

    struct RemoveMember: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove-member", abstract: "Remove a user from an organisation.")
        @OptionGroup var workspace: WorkspaceOption
        @Argument(help: "Organisation name.") var organization: String
        @Argument(help: "Username.") var username: String

        func run() async throws {
            let store = try await workspace.open()
            try await adminStep { try await store.removeOrganizationMember(organization: organization, username: username) }
            note("Removed '\(username)' from '\(organization)'.")
            await store.shutdown()
        }
    }
}

/// Store errors become one readable line and exit status 1, not a stack of types.
private func adminStep<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as SegmentsError {
        throw CommandFailure(error.message)
    }
}

private func note(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
