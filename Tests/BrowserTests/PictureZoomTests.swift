import Browser
import Foundation
import TerminalUI
import Testing

@testable import Browser

/// `+`/`-` zoom into the sample's picture, the arrows pan it while zoomed (j/k still scroll
/// the text), `0` shows it whole again (issue 12).
@Suite("Zooming and panning the picture")
struct PictureZoomTests {
    static let openSample = ":dataset jane/street-scenes<Enter>s<Space><Enter><Enter>"

    @Test("zoom levels go 1, 2, 4, 8 and back; the visible part stays inside the picture when panned")
    func viewStaysInside() {
        var view = PictureView()
        let outOfWhole = view.zoom(in: false)
        #expect(!outOfWhole, "already whole")
        let inward = view.zoom(in: true)
        #expect(inward && view.zoom == 2)
        #expect(view.visible == (0.25, 0.25, 0.5, 0.5))
        var moved = view.pan(dx: -1, dy: 0)
        #expect(moved && view.visible.x == 0.125)
        moved = view.pan(dx: -1, dy: 0)
        #expect(moved && view.visible.x == 0)
        moved = view.pan(dx: -1, dy: 0)
        #expect(!moved, "at the left edge")
        _ = view.zoom(in: true)
        _ = view.zoom(in: true)
        let past = view.zoom(in: true)
        #expect(view.zoom == 8 && !past)
        #expect(view.visible.x >= 0 && view.visible.x + view.visible.width <= 1)
        for _ in 0..<3 { _ = view.zoom(in: false) }
        #expect(view.zoom == 1 && view.visible == (0, 0, 1, 1))
    }

    @Test("+ zooms, arrows pan the picture and not the text, 0 shows it whole; the picture asked for follows")
    @MainActor
    func zoomAndPan() async throws {
        let zoomed = try await BrowserFixture.run(Self.openSample + "++<Right><Down>")
        let detail = try #require(zoomed.state.dataset?.detail)
        #expect(detail.pictureView.zoom == 4)
        #expect(detail.pictureView.visible.x > 0.375 && detail.pictureView.visible.y > 0.375)
        #expect(detail.scroll == 0, "the arrows panned instead of scrolling")
        #expect(zoomed.screen.contains("4× · image · "))
        #expect(zoomed.screen.contains("← pan"), "the footer says how to pan")
        let slot = ImageSlot(rect: Rect(x: 0, y: 0, width: 60, height: 20), id: detail.uuid)
        #expect(SampleImageSource.wanted(zoomed.state, slot: slot)?.view == detail.pictureView)

        // 80×24: the text is longer than its room, so Down has something to scroll.
        let fitted = try await BrowserFixture.run(Self.openSample + "++0<Down>", size: Size(width: 80, height: 24))
        #expect(fitted.state.dataset?.detail?.pictureView == PictureView())
        #expect(fitted.state.dataset?.detail?.scroll == 1, "unzoomed, the arrows scroll the text again")
    }

    @Test("- on the whole picture and + on the outline say why nothing changed")
    @MainActor
    func refusals() async throws {
        let whole = try await BrowserFixture.run(Self.openSample + "-")
        #expect(whole.state.message?.text == "The whole picture is shown")
        let outline = try await BrowserFixture.run(Self.openSample + "i+")
        #expect(outline.state.dataset?.detail?.pictureView.zoom == 1)
        #expect(outline.state.message?.text.contains("only the outline is shown") == true, "\(outline.state.message?.text ?? "")")
    }
}
