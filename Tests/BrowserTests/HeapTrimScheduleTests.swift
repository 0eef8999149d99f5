@testable import Browser
import Testing

/// The heap is trimmed once a burst of work is over, not after every frame or every page.
@Suite("When the heap is trimmed")
struct HeapTrimScheduleTests {
    /// The schedule's answers for frames drawn `ms` milliseconds in, busy or not.
    static func answers(_ frames: [(busy: Bool, ms: Int)], spacing: Duration = .seconds(1)) -> [Bool] {
        let start = ContinuousClock.now
        var schedule = HeapTrimSchedule(spacing: spacing)
        return frames.map { schedule.shouldTrim(busy: $0.busy, at: start + .milliseconds($0.ms)) }
    }

    @Test("nothing to give back before any work, nor while requests are in flight")
    func notBeforeOrDuringWork() {
        #expect(Self.answers([(false, 0), (true, 5_000), (true, 6_000)]) == [false, false, false])
    }

    @Test("the first idle frame after work trims, once; the frames after it do not")
    func onceAfterWork() {
        #expect(Self.answers([(true, 0), (false, 10), (false, 3_000)]) == [false, true, false])
    }

    @Test("pages landing in quick succession trim at most once per spacing; the work left over trims a spacing later")
    func spacedWhilePagesLand() {
        let frames: [(busy: Bool, ms: Int)] = [(true, 0), (false, 100), (true, 200), (false, 300), (false, 900), (false, 1_200), (false, 5_000)]
        #expect(Self.answers(frames) == [false, true, false, false, false, true, false])
    }
}
