import Foundation
import Images
import Logging
import SegmentsAPI
import TerminalUI

/// Shows the open sample's picture, with its label drawn on it, in the image slot the
/// detail view reserves. It sits beside the state/update loop rather than in it: pictures
/// are terminal output outside ncurses, and the state stays a small value.
///
/// Per frame: `prepare` (before the frame is drawn) starts or cancels the work for the
/// slot and blanks the slot when the picture is ready; `present` (after) writes the picture
/// when ncurses may have painted over it. Fetch, decode, drawing and libchafa run off the
/// main actor; the latest sample wins (a job for a sample no longer shown is cancelled).
@MainActor
final class SampleImagePresenter {
    private enum Outcome {
        case image(TerminalImage)
        case failed(String)
    }

    /// kitty: delete every placement (its pictures live beside the text, not in it).
    private static let deleteKittyImages = Array("\u{1B}_Ga=d\u{1B}\\".utf8)

    private let loader: SampleImageLoader
    /// The cell size follows the terminal (a font change resizes cells), so it is measured per job.
    private var renderer: ImageRenderer
    private let redraw: @MainActor () -> Void
    private let logger: Logger
    /// The cell size the terminal reported at start, for when `TIOCGWINSZ` gives none.
    private let reportedCell: Size?

    private var wanted: SampleImageSource.Wanted?
    private var job: Task<Void, Never>?
    private var outcome: (wanted: SampleImageSource.Wanted, outcome: Outcome)?
    private var prefetches: [SampleImageSource.Upcoming: Task<Void, Never>] = [:]
    /// Pictures rendered ahead (the next frame, the next samples in triage), ready to show
    /// in the frame that asks for them. Only those still upcoming are kept.
    private var prerendered: [SampleImageSource.Wanted: TerminalImage] = [:]

    /// What the frame shows: the slot and the picture placed in it, if visible.
    private var shown: (slot: ImageSlot, image: TerminalImage, origin: Point)?
    /// What was written to the terminal last, and the slot's cells in that frame.
    private var written: (image: TerminalImage, origin: Point, cells: [Cell], size: Size)?

    init(
        service: any SegmentsService, detection: GraphicsDetection, logger: Logger,
        disk: DiskCache? = DiskCache(directory: DiskCache.defaultDirectory()),
        redraw: @escaping @MainActor () -> Void
    ) {
        loader = SampleImageLoader(service: service, disk: disk)
        renderer = ImageRenderer(graphics: detection.graphics, symbolColors: detection.symbolColors)
        reportedCell = detection.cellPixels
        self.redraw = redraw
        self.logger = logger
    }

    var isEnabled: Bool { renderer.graphics != .none }

    /// Whether the last prepared frame shows a picture (rather than "loading image…").
    var isShowingPicture: Bool { shown != nil }

    /// Pixels the picture is decoded to for a slot: about what the terminal will show.
    private func target(for cells: Size) -> PixelSize {
        let cell = renderer.graphics.isPixels ? renderer.cellPixels : Size(width: 8, height: 16)
        return PixelSize(width: cells.width * cell.width, height: cells.height * cell.height)
    }

    /// Before drawing `screen`: start the work the state asks for, and blank the slot when
    /// the picture can be shown (or say in it why not).
    func prepare(_ screen: inout Screen, state: AppState) {
        shown = nil
        guard isEnabled, let slot = screen.imageSlots.first,
            let wanted = SampleImageSource.wanted(state, slot: slot)
        else {
            cancel()
            return
        }
        if wanted != self.wanted {
            if let ready = prerendered[wanted] {
                job?.cancel()
                job = nil
                self.wanted = wanted
                outcome = (wanted, .image(ready))
            } else {
                start(wanted)
            }
        }
        prefetch(SampleImageSource.upcoming(state, cells: slot.rect.size), cells: slot.rect.size)
        switch outcome?.wanted == wanted ? outcome?.outcome : nil {
        case .image(let image)?:
            // Dialogs are drawn over the detail: the picture waits until they close.
            guard state.overlay == nil else { return }
            screen.clear(slot.rect)
            let origin = Point(
                x: slot.rect.x + max(0, slot.rect.width - image.cells.width) / 2,
                y: slot.rect.y + max(0, slot.rect.height - image.cells.height) / 2)
            shown = (slot, image, origin)
        case .failed(let reason)?:
            note(DisplayText("✗ " + reason), style: Style(.error), in: slot.rect, on: &screen)
        case nil:
            note("loading image…", style: Style(.muted), in: slot.rect, on: &screen)
        }
    }

    /// After the frame went out: writes the picture when it is new, moved, or ncurses may
    /// have painted over it; wipes a picture that is no longer shown.
    func present(_ screen: Screen, on terminal: NcursesTerminal) {
        guard let shown else {
            if let old = written {
                // ncurses believes those cells are what it drew; make it paint them again.
                written = nil
                wipe(old, on: terminal)
            }
            return
        }
        let cells = screen.cells(in: shown.slot.rect)
        if let written, written.image == shown.image, written.origin == shown.origin, written.cells == cells,
            written.size == screen.size
        {
            return
        }
        if let old = written, old.image != shown.image || old.origin != shown.origin || old.size != screen.size {
            // Another picture or place: clear the old one first, so no pixels of it stay.
            wipe(old, on: terminal)
        }
        terminal.writeImageOutput(shown.image.output(at: shown.origin))
        written = (shown.image, shown.origin, cells, screen.size)
    }

    /// The terminal was cleared and repainted (Ctrl-L): the picture is written again.
    func terminalRepainted() {
        written = nil
    }

    /// Stops all work; on a real terminal also deletes kitty's pictures, which, unlike
    /// symbols and sixels, are not part of the text ncurses restores on exit.
    /// Removes a written picture: kitty's by deleting it, symbols and sixels by having
    /// ncurses repaint the rows they covered.
    private func wipe(_ old: (image: TerminalImage, origin: Point, cells: [Cell], size: Size), on terminal: NcursesTerminal) {
        if renderer.graphics == .kitty { terminal.writeImageOutput(Self.deleteKittyImages) }
        terminal.repaintRows(old.origin.y..<(old.origin.y + old.image.cells.height))
    }

    func cancelAll(on terminal: NcursesTerminal?) {
        cancel()
        prefetches.values.forEach { $0.cancel() }
        prefetches = [:]
        prerendered = [:]
        if written != nil, renderer.graphics == .kitty {
            terminal?.writeImageOutput(Self.deleteKittyImages)
        }
        written = nil
    }

    // MARK: work

    private func cancel() {
        job?.cancel()
        job = nil
        wanted = nil
    }

    private func start(_ wanted: SampleImageSource.Wanted) {
        job?.cancel()
        self.wanted = wanted
        renderer.cellPixels = CellMetrics.current(reported: reportedCell)
        let work = rendering(wanted)
        let logger = logger
        job = Task.detached(priority: .userInitiated) { [weak self] in
            let outcome: Outcome
            do {
                outcome = .image(try await work())
            } catch is CancellationError {
                return
            } catch {
                logger.info("image \(wanted.imageURL.prefix { $0 != "?" }) failed: \(error)")
                outcome = .failed(SampleImageLoader.reason(for: error))
            }
            guard !Task.isCancelled else { return }
            await self?.finish(wanted, outcome)
        }
    }

    /// The work that turns `wanted` into a picture for the terminal: fetch and decode (or the
    /// caches), draw the label, libchafa, captions. Runs off the main actor.
    private func rendering(_ wanted: SampleImageSource.Wanted) -> @Sendable () async throws -> TerminalImage {
        let cellAspect = CellMetrics.aspect(of: renderer.cellPixels)
        // Zoomed in, the picture is decoded and drawn on that much larger, then cut down to
        // the visible part, so lines stay as thin and the pixels as sharp as unzoomed.
        let zoom = wanted.view.zoom
        let target = target(for: wanted.cells)
        // Symbols resolve a cell into two points vertically (half blocks); pixel protocols show pixels.
        let resolution = renderer.graphics.isPixels
            ? target : PixelSize(width: wanted.cells.width, height: wanted.cells.height * 2)
        let request = SampleImageRequest(
            imageURL: wanted.imageURL, label: wanted.label, palette: wanted.palette,
            target: PixelSize(width: target.width * zoom, height: target.height * zoom),
            style: LabelOverlay.Style(resolution: PixelSize(width: resolution.width * zoom, height: resolution.height * zoom)))
        let (loader, renderer) = (loader, renderer)
        let visible = wanted.view.visible
        return {
            var (pixels, captions) = try await loader.picture(request)
            try Task.checkCancellation()
            if zoom > 1 {
                pixels = pixels.cropped(x: visible.x, y: visible.y, width: visible.width, height: visible.height)
                captions = captions.compactMap { caption in
                    var moved = caption
                    moved.x = (caption.x - visible.x) / visible.width
                    moved.y = (caption.y - visible.y) / visible.height
                    moved.width = caption.width / visible.width
                    return (0..<1).contains(moved.x) && (0..<1).contains(moved.y) ? moved : nil
                }
            }
            let cells = ImageRenderer.fit(
                pixelWidth: pixels.width, pixelHeight: pixels.height, into: wanted.cells, cellAspect: cellAspect)
            var image = try renderer.render(rgba: pixels.bytes, width: pixels.width, height: pixels.height, cells: cells)
            // Category names go into symbol cells; over real pixels they would punch holes.
            if case .symbols(let grid) = image {
                image = .symbols(grid.captioned(captions.map(Self.caption), colors: renderer.symbolColors))
            }
            return image
        }
    }

    nonisolated private static func caption(_ caption: LabelCaption) -> ImageCaption {
        ImageCaption(
            text: DisplayText(caption.text), background: caption.color.packed, x: caption.x, y: caption.y,
            width: caption.width)
    }

    private func finish(_ wanted: SampleImageSource.Wanted, _ outcome: Outcome) {
        guard wanted == self.wanted else { return }
        self.outcome = (wanted, outcome)
        job = nil
        redraw()
    }

    /// Prepares what will likely be asked for next: whole pictures where the label is known
    /// (the next frame; the next samples in triage once fetched ahead), else the decoded
    /// photo. Work for what is no longer upcoming is cancelled and its picture dropped.
    private func prefetch(_ upcoming: [SampleImageSource.Upcoming], cells: Size) {
        let keep = Set(upcoming)
        for (item, task) in prefetches where !keep.contains(item) {
            task.cancel()
            prefetches[item] = nil
        }
        let keepRendered = Set(upcoming.compactMap(\.rendering))
        prerendered = prerendered.filter { keepRendered.contains($0.key) || $0.key == wanted }
        let loader = loader
        let target = target(for: cells)
        for item in upcoming where prefetches[item] == nil {
            switch item {
            case .picture(let url):
                prefetches[item] = Task.detached(priority: .utility) { await loader.prefetch(url, target: target) }
            case .rendering(let ahead):
                guard prerendered[ahead] == nil, ahead != wanted else { continue }
                let work = rendering(ahead)
                prefetches[item] = Task.detached(priority: .utility) { [weak self] in
                    guard let image = try? await work(), !Task.isCancelled else { return }
                    await self?.keepRendered(image, for: ahead)
                }
            }
        }
    }

    private func keepRendered(_ image: TerminalImage, for ahead: SampleImageSource.Wanted) {
        guard prefetches[.rendering(ahead)] != nil else { return }
        prerendered[ahead] = image
    }

    /// Waits for the work ahead that is under way (tests and benchmarks).
    func settle() async {
        for task in prefetches.values { await task.value }
    }

    private func note(_ text: DisplayText, style: Style, in rect: Rect, on screen: inout Screen) {
        guard rect.height > 0 else { return }
        screen.put(text, in: Rect(x: rect.x, y: rect.maxY - 1, width: rect.width, height: 1), style: style)
    }
}
