import TerminalUI

/// `terminal-demo --bench`: full 200×60 frames of the demo view rendered into a Screen and
/// then to text by the headless backend; prints the median and 95th percentile per frame.
enum Benchmark {
    static func run(frames: Int) {
        let size = Size(width: 200, height: 60)
        var state = DemoState(rows: DemoData.rows(count: 100_000), size: size)
        let rawRows = state.rows.map { [$0.rawName, $0.status.string, $0.labels.string, $0.updated.string] }
        var checksum = 0

        let prepared = measure(frames: frames) { frame in
            state.table = TableState(selected: frame % 1000, offset: frame % 1000)
            let screen = DemoView.render(state)
            checksum &+= HeadlessTerminal.render(screen).count
        }
        let sanitising = measure(frames: frames) { frame in
            state.table = TableState(selected: frame % 1000, offset: frame % 1000)
            var screen = Screen(size: size)
            DemoView.draw(state, into: &screen) { rawRows[$0].map { DisplayText($0) } }
            checksum &+= HeadlessTerminal.render(screen).count
        }
        print("frame 200×60, 100000-row table, \(frames) frames (checksum \(checksum % 10)):")
        print("  draw from prepared DisplayText + headless render: \(prepared)")
        print("  sanitise every cell's text each frame + render:   \(sanitising)")
    }

    struct Figures: CustomStringConvertible {
        var median: Duration
        var p95: Duration
        var description: String {
            "median \(microseconds(median)) µs, p95 \(microseconds(p95)) µs per frame"
        }

        private func microseconds(_ duration: Duration) -> String {
            let value = Double(duration.components.attoseconds) / 1e12 + Double(duration.components.seconds) * 1e6
            return String(Int(value.rounded())) + "." + String(Int((value * 10).rounded()) % 10)
        }
    }

    static func measure(frames: Int, _ body: (Int) -> Void) -> Figures {
        let clock = ContinuousClock()
        for frame in 0..<min(frames, 50) { body(frame) }  // warm-up
        var samples: [Duration] = []
        samples.reserveCapacity(frames)
        for frame in 0..<frames {
            samples.append(clock.measure { body(frame) })
        }
        samples.sort()
        return Figures(median: samples[samples.count / 2], p95: samples[min(samples.count - 1, samples.count * 95 / 100)])
    }
}
