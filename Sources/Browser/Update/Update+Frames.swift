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

/// Zooming into the picture and panning it (the arrows pan while zoomed).
extension AppState {
    mutating func zoomPicture(inward: Bool) {
        guard var view = dataset?.detail?.pictureView else { return }
        guard view.zoom(in: inward) else {
            showInfo(inward ? "Zoomed in as far as it goes (\(view.zoom)×)" : "The whole picture is shown")
            return
        }
        dataset?.detail?.pictureView = view
        showInfo(view.isZoomed ? "Zoom \(view.zoom)×: arrows pan, - zooms out, 0 shows it whole" : "The whole picture is shown")
    }

    mutating func panPicture(dx: Int, dy: Int) {
        guard var view = dataset?.detail?.pictureView else { return }
        guard view.pan(dx: dx, dy: dy) else {
            showInfo("At the picture's edge")
            return
        }
        dataset?.detail?.pictureView = view
    }
}
