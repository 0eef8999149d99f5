/// Stepping through the frames of an image-sequence sample in the detail: the picture,
/// its boxes and the annotation counts follow the frame.
extension AppState {
    /// Moves `delta` frames, staying within the sequence; at either end it says so
    /// instead of wrapping, so a held key stops on the last frame.
    mutating func stepFrame(by delta: Int) {
        guard let detail = dataset?.detail, let frames = SampleFrames.count(detail.sample), frames > 0 else { return }
        let target = detail.frame + delta
        guard target >= 0, target < frames else {
            showInfo(delta > 0 ? "frame \(frames) of \(frames) is the last" : "frame 1 of \(frames) is the first")
            return
        }
        dataset?.detail?.frame = target
    }
}
