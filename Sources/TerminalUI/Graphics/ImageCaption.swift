/// A short text to show on a picture in symbols mode (a category name at its box).
public struct ImageCaption: Hashable, Sendable {
    public var text: DisplayText
    /// `0xRRGGBB` behind the text; the text is black or white, whichever reads better on it.
    public var background: UInt32
    /// Where the caption starts and how wide its shape is, as fractions (0…1) of the picture.
    public var x: Double
    public var y: Double
    public var width: Double

    public init(text: DisplayText, background: UInt32, x: Double, y: Double, width: Double) {
        self.text = text
        self.background = background
        self.x = x
        self.y = y
        self.width = width
    }
}

extension SymbolGrid {
    /// The grid with each caption written over the cells where its shape starts, when it
    /// fits in the shape's width, inside the grid, and clear of captions placed before it.
    /// The text went through `DisplayText`, so no control character from a dataset reaches
    /// the terminal; combining marks are left out (a symbol cell holds one scalar).
    public func captioned(_ captions: [ImageCaption], colors: SymbolColors) -> SymbolGrid {
        guard width > 0, height > 0 else { return self }
        var cells = self.cells
        var taken = Set<Int>()
        for caption in captions {
            let textWidth = caption.text.width
            let column = Int((caption.x * Double(width)).rounded(.down))
            let row = min(height - 1, Int((caption.y * Double(height)).rounded(.down)))
            let room = Int((caption.width * Double(width)).rounded(.down))
            guard textWidth > 0, textWidth <= room, column >= 0, column + textWidth <= width, row >= 0 else { continue }
            let span = (row * width + column)..<(row * width + column + textWidth)
            guard !span.contains(where: taken.contains) else { continue }
            let background = Self.color(caption.background, colors: colors)
            let foreground = Self.color(Self.readableText(on: caption.background), colors: colors)
            var index = span.lowerBound
            for glyph in caption.text.glyphs {
                cells[index] = SymbolCell(character: glyph.base, foreground: foreground, background: background)
                if glyph.width == 2 {
                    cells[index + 1] = SymbolCell(
                        character: " ", foreground: foreground, background: background, isContinuation: true)
                }
                index += Int(glyph.width)
            }
            taken.formUnion(span)
        }
        return SymbolGrid(width: width, height: height, cells: cells)
    }

    /// Black on light colours, white on dark ones (relative luminance, Rec. 709 weights).
    static func readableText(on packed: UInt32) -> UInt32 {
        let red = Double((packed >> 16) & 0xFF), green = Double((packed >> 8) & 0xFF), blue = Double(packed & 0xFF)
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue > 140 ? 0x000000 : 0xFFFFFF
    }

    /// A 24-bit colour, or its nearest in the xterm 6×6×6 cube for 256-colour output.
    static func color(_ packed: UInt32, colors: SymbolColors) -> SymbolColor {
        switch colors {
        case .trueColor: return .rgb(packed)
        case .palette256:
            func level(_ value: UInt32) -> UInt32 { value < 48 ? 0 : value < 115 ? 1 : (value - 35) / 40 }
            let index = 16 + 36 * level((packed >> 16) & 0xFF) + 6 * level((packed >> 8) & 0xFF) + level(packed & 0xFF)
            return .indexed(UInt8(index))
        }
    }
}
