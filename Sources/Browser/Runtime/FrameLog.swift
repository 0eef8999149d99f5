import Foundation

/// One line per drawn frame, for the latency harness (`bench/remote.sh`): when the samples
/// table shows, how many of its visible rows are still unloaded. Opt-in with
/// `SEGMENTS_TUI_FRAME_LOG=FILE`; each line is
/// `<CLOCK_MONOTONIC ns> <unloaded rows> <loaded rows> <selected row>`, written as it is drawn
/// so a killed run keeps what it drew. The clock is the one Python's `time.monotonic_ns()`
/// reads, so the harness can line frames up with the keys it sent.
@MainActor
final class FrameLog {
    static let variable = "SEGMENTS_TUI_FRAME_LOG"
    private let handle: FileHandle

    init?(environment: [String: String]) {
        guard let path = environment[Self.variable], !path.isEmpty,
            FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { return nil }
        self.handle = handle
    }

    func record(_ state: AppState) {
        var clock = timespec()
        clock_gettime(CLOCK_MONOTONIC, &clock)
        let nanoseconds = Int64(clock.tv_sec) * 1_000_000_000 + Int64(clock.tv_nsec)
        let rows = state.visibleSampleRows
        let line = "\(nanoseconds) \(rows.unloaded) \(rows.loaded) \(rows.selected)\n"
        handle.write(Data(line.utf8))
    }
}
