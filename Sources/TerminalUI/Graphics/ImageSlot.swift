/// A rectangle of a frame where a picture belongs. The view draws its fallback there (an
/// outline, "loading…"); whoever can show pictures blanks it and writes the picture over
/// it after the frame (`NcursesTerminal.writeImageOutput`). `id` says what picture it is.
public struct ImageSlot: Hashable, Sendable {
    public var rect: Rect
    public var id: String

    public init(rect: Rect, id: String) {
        self.rect = rect
        self.id = id
    }
}

extension Screen {
    /// Keeps `rect` (clipped to the screen) for the picture `id`.
    public mutating func reserveImage(_ rect: Rect, id: String) {
        let clipped = rect.intersection(bounds)
        guard !clipped.isEmpty else { return }
        imageSlots.append(ImageSlot(rect: clipped, id: id))
    }

    /// Blanks the cells of `rect` (the picture will cover them).
    public mutating func clear(_ rect: Rect) {
        fill(rect)
    }

    /// The cells of `rect`, row by row (to tell whether ncurses repainted them).
    public func cells(in rect: Rect) -> [Cell] {
        let clipped = rect.intersection(bounds)
        guard !clipped.isEmpty else { return [] }
        var result: [Cell] = []
        result.reserveCapacity(clipped.width * clipped.height)
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX { result.append(self[x, y]) }
        }
        return result
    }
}
