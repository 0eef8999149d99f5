import Browser
import SegmentsAPI
import Testing

/// The Collaborators tab's writes, each against a workspace of its own.
@Suite("Collaborators: add, change the role, remove", .serialized, .timeLimit(.minutes(5)))
struct CollaboratorTests {
    static func tab(_ dataset: String = "jane/street-scenes") -> String {
        ":dataset \(dataset)<Enter>:tab collaborators<Enter>"
    }

    @Test("e offers the four roles on the current one; choosing one changes it on screen and in the store")
    @MainActor
    func changeRole() async throws {
        let fixture = try await WritableFixture.make()
        let asked = try await fixture.run(Self.tab() + "/bob<Enter>e")
        #expect(asked.screen.contains("Role of bob (now labeler)"))
        for role in ["labeler", "reviewer", "manager", "admin"] { #expect(asked.screen.contains(role)) }
        let result = try await fixture.run(Self.tab() + "/bob<Enter>ej<Enter>")
        #expect(result.statusLine.contains("bob is now reviewer (was labeler)"), "\(result.statusLine)")
        #expect(result.rows(containing: "bob").contains { $0.contains("reviewer") })
        #expect(try await fixture.store().getDatasetCollaborator("jane/street-scenes", username: "bob").role == .reviewer)
    }

    @Test("N asks for a username, then a role, and adds the collaborator")
    @MainActor
    func addCollaborator() async throws {
        let fixture = try await WritableFixture.make()
        let result = try await fixture.run(Self.tab("jane/flower-segmentation") + "Ndave<Enter>3")
        #expect(result.statusLine.contains("added dave as manager"), "\(result.statusLine)")
        #expect(result.rows(containing: "dave").contains { $0.contains("manager") })
        #expect(try await fixture.store().getDatasetCollaborator("jane/flower-segmentation", username: "dave").role == .manager)
    }

    @Test("adding a user who does not exist shows the server's answer and changes nothing on screen")
    @MainActor
    func addUnknownUser() async throws {
        let fixture = try await WritableFixture.make()
        let before = try await fixture.run(Self.tab("jane/flower-segmentation"))
        let result = try await fixture.run(Self.tab("jane/flower-segmentation") + "Nnobody<Enter><Enter>")
        #expect(result.state.message?.kind == .error)
        #expect(result.statusLine.contains("Could not add nobody as labeler: NotFoundError: There is no user nobody"), "\(result.statusLine)")
        #expect(result.state.dataset?.collaborators.items?.map(\.user.username) == before.state.dataset?.collaborators.items?.map(\.user.username))
    }

    @Test("/name then Enter asks the server about a collaborator the browser could not know of")
    @MainActor
    func lookUpUnknownCollaborator() async throws {
        let fixture = try await WritableFixture.make()
        _ = try await fixture.workspace.createUser(username: "vera", email: nil)
        _ = try await fixture.store().addDatasetCollaborator("jane/street-scenes", username: "vera", role: .manager)
        let before = try await fixture.run(Self.tab())
        #expect(before.state.dataset?.collaborators.items?.contains { $0.user.username == "vera" } == false)
        #expect(before.screen.contains("4 of 5 found; /name Enter looks one up"), "\(before.screen)")
        let found = try await fixture.run(Self.tab() + "/vera<Enter>")
        #expect(found.statusLine.contains("vera is manager"))
        #expect(found.rows(containing: "vera").contains { $0.contains("manager") })
        let missing = try await fixture.run(Self.tab() + "/nobody<Enter>")
        #expect(missing.statusLine.contains("nobody is not a collaborator of jane/street-scenes"), "\(missing.statusLine)")
    }

    @Test("a role change shows at once, a removal typed after it waits its turn, and a refusal undoes both")
    @MainActor
    func roleChangeAndRemovalRollBack() async throws {
        let fixture = try await WritableFixture.make()
        var state = try await fixture.run(Self.tab() + "/bob<Enter>").state
        let bob = try #require(state.dataset?.collaborators.items?.first { $0.user.username == "bob" })
        #expect(bob.role != .reviewer)
        _ = state.handle(.key(.character("e")))
        let effects = state.handle(.key(.character("2")))
        let write = try #require(effects.ticket(in: .collaboratorWrite))
        #expect(state.dataset?.collaborators.items?.first { $0.user.username == "bob" }?.role == .reviewer, "shown at once")
        _ = state.handle(.key(.character("D")))
        #expect(state.handle(.key(.character("y"))).isEmpty, "the removal is queued behind the role change")
        #expect(state.dataset?.collaborators.items?.contains { $0.user.username == "bob" } == false, "and shown at once")
        _ = try state.fail(write, with: .authorization("You do not have permission to perform this action."))
        #expect(state.dataset?.collaborators.items?.first { $0.user.username == "bob" }?.role == bob.role, "both undone")
        #expect(state.message?.text.contains("Could not make bob reviewer, still \(bob.role.rawValue)") == true, "\(state.message?.text ?? "")")
        #expect(state.message?.text.contains("Not applied either: remove bob") == true)
        #expect(try await fixture.store().getDatasetCollaborator("jane/street-scenes", username: "bob").role == bob.role)
    }

    @Test("a write still saving when another dataset is opened is not cancelled, and lands only as a message")
    @MainActor
    func writeOutlivesDatasetSwitch() async throws {
        let fixture = try await WritableFixture.make()
        var state = try await fixture.run(Self.tab() + "/bob<Enter>").state
        _ = state.handle(.key(.character("e")))
        let effects = state.handle(.key(.character("2")))
        guard let write = effects.first?.ticket, write.slot == .collaboratorWrite,
            case .setCollaboratorRole(_, "bob", .reviewer) = write.request
        else {
            throw TestFailure("no role change in \(effects)")
        }
        var switching = state.handle(.key(.tab))
        switching += state.handle(.key(.up))
        #expect(state.dataset?.fullName != "jane/street-scenes")
        #expect(!switching.contains(.cancel(.collaboratorWrite)), "the write is not cancelled")
        let saved = try await fixture.store().updateDatasetCollaborator("jane/street-scenes", username: "bob", role: .reviewer)
        _ = try state.answer(write, with: saved)
        #expect(state.message?.text == "The change in jane/street-scenes was saved.")
        #expect(state.dataset?.collaborators.items?.contains { $0.user.username == "bob" && $0.role == .reviewer } != true)
    }

    @Test("adding someone who is a collaborator already says so and sends nothing")
    @MainActor
    func addExisting() async throws {
        let fixture = try await WritableFixture.make()
        let result = try await fixture.run(Self.tab() + "Nbob<Enter>")
        #expect(result.state.overlay == nil)
        #expect(result.statusLine.contains("bob is a collaborator already (labeler); e changes the role"))
    }

    @Test("D names the collaborator, starts on Keep, and removes only when confirmed")
    @MainActor
    func removeAsksFirst() async throws {
        let fixture = try await WritableFixture.make()
        let asked = try await fixture.run(Self.tab() + "/carol<Enter>D")
        #expect(asked.screen.contains("Remove carol (reviewer) from jane/street-scenes?"))
        _ = try await fixture.run(Self.tab() + "/carol<Enter>D<Enter>")
        #expect(try await fixture.store().getDatasetCollaborator("jane/street-scenes", username: "carol").role == .reviewer)
        let result = try await fixture.run(Self.tab() + "/carol<Enter>Dy")
        #expect(result.statusLine.contains("removed carol from jane/street-scenes"))
        #expect(result.state.dataset?.collaborators.items?.contains { $0.user.username == "carol" } == false)
        await #expect(throws: SegmentsError.self) {
            _ = try await fixture.store().getDatasetCollaborator("jane/street-scenes", username: "carol")
        }
    }

    @Test("a manager is not offered N, e or D; the tab says which role the user has")
    @MainActor
    func managerNotOffered() async throws {
        let fixture = try await WritableFixture.make()
        let result = try await fixture.run(Self.tab() + "N", user: "dave")
        #expect(result.state.overlay == nil)
        #expect(result.statusLine.contains("needs the admin role; you are manager"), "\(result.statusLine)")
        let shown = try await fixture.run(Self.tab(), user: "dave")
        #expect(shown.screen.contains("you are manager"))
        #expect(!shown.statusLine.contains("add") && !shown.statusLine.contains("role") && !shown.statusLine.contains("remove"))
    }

    @Test("an admin who tries to grant admin is refused by the server; the row keeps its role")
    @MainActor
    func adminCannotGrantAdmin() async throws {
        let fixture = try await WritableFixture.make()
        let result = try await fixture.run(Self.tab() + "/bob<Enter>e4", user: "erin")
        #expect(result.state.message?.kind == .error)
        #expect(result.statusLine.contains("permission"), "\(result.statusLine)")
        #expect(result.rows(containing: "bob").contains { $0.contains("labeler") })
        #expect(try await fixture.store().getDatasetCollaborator("jane/street-scenes", username: "bob").role == .labeler)
    }

    @Test("--read-only refuses N, e and D with \"read-only mode\"")
    @MainActor
    func readOnlyRefuses() async throws {
        let fixture = try await WritableFixture.make()
        for key in ["N", "e", "D"] {
            let result = try await fixture.run(Self.tab() + key, readOnly: true)
            #expect(result.state.overlay == nil)
            #expect(result.statusLine.contains("read-only mode"), "\(key): \(result.statusLine)")
        }
    }
}
