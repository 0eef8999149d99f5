import Foundation
import Images
import Logging
import SegmentsAPI
import TerminalUI

/// The loop: take an event, update the state, run the effects, drain whatever else queued
/// up, then draw once. Idle means nothing queued and nothing in flight; no CPU is used then,
/// and the spinner's ticks run only while a request is in flight.
@MainActor
public final class BrowserApp {
    public private(set) var state: AppState
    private let terminal: any TerminalBackend
    private let queue = EventQueue()
    private var runner: EffectRunner?
    private let logger: Logger
    private var ticker: Task<Void, Never>?
    private let ticks: Bool
    private var idleWaiters: [CheckedContinuation<Void, Never>] = []
    /// Sample pictures over the frame; only on a real terminal (headless frames stay text).
    private var images: SampleImagePresenter?
    private let frameLog = FrameLog(environment: ProcessInfo.processInfo.environment)
    private var heapTrim = HeapTrimSchedule()

    /// `ticks: false` (headless runs) keeps frames deterministic: no spinner clock.
    /// `graphics`: how pictures reach the terminal (default: detected from the environment).
    /// `imageCacheBytes`: the disk cache of pictures holds at most this much; 0: no disk cache.
    public init(
        service: any SegmentsService, terminal: any TerminalBackend, session: SessionInfo, logger: Logger,
        ticks: Bool = true, graphics: GraphicsDetection? = nil, imageCacheBytes: Int = DiskCache.defaultCapacityBytes
    ) {
        self.terminal = terminal
        self.logger = logger
        self.ticks = ticks
        state = AppState(size: terminal.size, session: session)
        let queue = queue
        runner = EffectRunner(service: service, logger: logger) { queue.post($0) }
        if terminal is NcursesTerminal {
            let detection = graphics ?? GraphicsDetection.detect(environment: ProcessInfo.processInfo.environment)
            logger.info("graphics \(detection.reason)")
            let disk = imageCacheBytes > 0 ? DiskCache(directory: DiskCache.defaultDirectory(), capacityBytes: imageCacheBytes) : nil
            images = SampleImagePresenter(service: service, detection: detection, logger: logger, disk: disk) { queue.post(.tick) }
        }
    }

    public var isIdle: Bool { queue.unhandled == 0 && !state.isBusy }

    /// Posts an event as if it came from the terminal (headless runs and tests).
    public func send(_ event: Event) {
        queue.post(event)
    }

    /// Runs until the user quits or the terminal goes away.
    public func run() async {
        let forwarder = Task { [queue, terminal, images] in
            for await event in terminal.events {
                switch event {
                case .key(let key): queue.post(.key(key))
                case .resize(let size):
                    // The terminal repaints all of its text: a picture over it must go again.
                    images?.terminalRepainted()
                    queue.post(.resize(size))
                case .mouse(let mouse): queue.post(.mouse(mouse))
                case .redraw:
                    // After Ctrl-Z and fg the screen was the shell's: text and picture go again.
                    images?.terminalRepainted()
                    queue.post(.tick)
                }
            }
            queue.finish()
        }
        defer { forwarder.cancel() }
        if !hasBegun { begin() }
        await loop()
    }

    private var hasBegun = false

    /// Draws the first frame and starts the first requests (synchronously, so that
    /// `waitUntilIdle` right after it waits for them).
    public func begin() {
        hasBegun = true
        state.now = Self.now()
        execute(state.start())
        draw()
    }

    /// Handles events until quit or `stop()`.
    public func loop() async {
        while !state.isQuitting, let event = await queue.next() {
            handle(event)
            let queued = queue.drain()
            for other in queued where !state.isQuitting { handle(other) }
            draw()
            queue.handled(1 + queued.count)
            updateTicker()
            // After the frame is out, so that no key waits for it.
            if heapTrim.shouldTrim(busy: state.isBusy, at: .now) { HeapPolicy.returnFreePages() }
            if isIdle { resumeIdleWaiters() }
        }
        ticker?.cancel()
        runner?.cancelAll()
        images?.cancelAll(on: terminal as? NcursesTerminal)
        resumeIdleWaiters()
    }

    /// Returns once the app is idle (no queued event, no request in flight).
    public func waitUntilIdle() async {
        if isIdle && !queue.isFinished { return }
        if queue.isFinished || state.isQuitting { return }
        await withCheckedContinuation { idleWaiters.append($0) }
    }

    public func stop() {
        queue.finish()
    }

    private func handle(_ event: Event) {
        // Ctrl-L: the whole screen is sent again at the next frame, for a terminal another
        // program wrote over or a link that garbled it. Not a binding: it changes no state.
        if case .key(.ctrl("l")) = event, let curses = terminal as? NcursesTerminal {
            curses.invalidate()
            images?.terminalRepainted()
            return
        }
        state.now = Self.now()
        let effects = state.handle(event)
        execute(effects)
    }

    private func execute(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .request(let ticket): runner?.run(ticket)
            case .cancel(let slot): runner?.cancel(slot)
            case .copyToClipboard(let text): terminal.copyToClipboard(text)
            case .quit: queue.finish()
            }
        }
    }

    private func draw() {
        var screen = BrowserView.render(state)
        images?.prepare(&screen, state: state)
        terminal.draw(screen)
        if let images, let curses = terminal as? NcursesTerminal { images.present(screen, on: curses) }
        frameLog?.record(state)
    }

    private func updateTicker() {
        guard ticks else { return }
        if state.isBusy, ticker == nil {
            let queue = queue
            ticker = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .milliseconds(100))
                    queue.post(.tick)
                }
            }
        } else if !state.isBusy {
            ticker?.cancel()
            ticker = nil
        }
    }

    private func resumeIdleWaiters() {
        let waiters = idleWaiters
        idleWaiters = []
        waiters.forEach { $0.resume() }
    }

    static func now() -> Int64 { Int64(Date().timeIntervalSince1970) }
}
