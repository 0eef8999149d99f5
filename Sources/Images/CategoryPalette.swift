import SegmentsAPI

/// Each category's colour, taken from the dataset's task attributes (`categories[].color`).
/// A category without a usable colour gets one from a fixed list by its id, so the same
/// category has the same colour in every view and every run.
public struct CategoryPalette: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public var name: String
        public var color: RGBColor
    }

    public private(set) var entries: [Int: Entry]

    public init(categories: [TaskCategory]) {
        var entries: [Int: Entry] = [:]
        for category in categories {
            let color = category.color.flatMap(RGBColor.init(components:)) ?? Self.fallback(for: category.id)
            entries[category.id] = Entry(name: category.name, color: color)
        }
        self.entries = entries
    }

    public init(taskAttributes: TaskAttributes?) {
        self.init(categories: taskAttributes?.categories ?? [])
    }

    /// The category's colour; an unknown id still gets a stable one.
    public func color(for categoryID: Int) -> RGBColor {
        entries[categoryID]?.color ?? Self.fallback(for: categoryID)
    }

    public func name(for categoryID: Int) -> String? { entries[categoryID]?.name }

    /// Distinct, saturated colours that read on photos (Sasha Trubetskoy's list).
    static let fallbackColors: [RGBColor] = [
        0xE6194B, 0x3CB44B, 0xFFE119, 0x4363D8, 0xF58231, 0x911EB4, 0x46F0F0, 0xF032E6, 0xBCF60C, 0xFABEBE,
    ].map(RGBColor.init(packed:))

    static func fallback(for categoryID: Int) -> RGBColor {
        let count = fallbackColors.count
        return fallbackColors[((categoryID % count) + count) % count]
    }
}
