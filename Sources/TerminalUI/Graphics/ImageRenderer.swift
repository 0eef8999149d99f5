import CChafa

/// Turns RGBA pixels into a `TerminalImage` with libchafa: symbols (half blocks, quadrants,
/// optionally sextants) in 24-bit or 256 colours, or kitty, sixel or iTerm2 sequences.
/// A value; each call builds its own chafa canvas, so renders may run on any task.
public struct ImageRenderer: Hashable, Sendable {
    public enum Symbols: Hashable, Sendable {
        /// Half blocks, quadrants and block elements: in every font with box drawing.
        case blocks
        /// Adds the Unicode 13 sextants (2×3 per cell): sharper, but many fonts lack them.
        case sextants
    }

    public var graphics: GraphicsProtocol
    public var symbolColors: SymbolColors
    public var symbols: Symbols
    /// A cell's size in pixels, for the pixel protocols (from `TIOCGWINSZ` when known).
    public var cellPixels: Size
    /// chafa's effort, 0...1: more looks at more symbol candidates per cell.
    public var workFactor: Float

    public init(
        graphics: GraphicsProtocol = .symbols, symbolColors: SymbolColors = .trueColor, symbols: Symbols = .blocks,
        cellPixels: Size = Size(width: 10, height: 20), workFactor: Float = 0.5
    ) {
        self.graphics = graphics
        self.symbolColors = symbolColors
        self.symbols = symbols
        self.cellPixels = cellPixels
        self.workFactor = workFactor
    }

    public enum RenderError: Error, Hashable, Sendable, CustomStringConvertible {
        case badPixels
        case nothingToDraw
        case chafaFailed

        public var description: String {
            switch self {
            case .badPixels: "image data does not match its size"
            case .nothingToDraw: "no room for the image"
            case .chafaFailed: "the image could not be converted for this terminal"
            }
        }
    }

    /// Draws `rgba` (width × height × 4 bytes) to exactly `cells` (callers keep the aspect
    /// ratio with `fit`). `.none` is rendered as symbols: callers decide not to show it.
    public func render(rgba: [UInt8], width: Int, height: Int, cells: Size) throws -> TerminalImage {
        guard width > 0, height > 0, rgba.count == width * height * 4 else { throw RenderError.badPixels }
        guard cells.width > 0, cells.height > 0 else { throw RenderError.nothingToDraw }
        guard let config = chafa_canvas_config_new() else { throw RenderError.chafaFailed }
        defer { chafa_canvas_config_unref(config) }
        chafa_canvas_config_set_geometry(config, Int32(cells.width), Int32(cells.height))
        chafa_canvas_config_set_cell_geometry(config, Int32(max(1, cellPixels.width)), Int32(max(1, cellPixels.height)))
        chafa_canvas_config_set_work_factor(config, max(0, min(1, workFactor)))
        // Exact colours (no dither, no contrast stretch): labels keep their categories' colours.
        chafa_canvas_config_set_dither_mode(config, CHAFA_DITHER_MODE_NONE)
        chafa_canvas_config_set_preprocessing_enabled(config, 0)
        let pixelMode: ChafaPixelMode
        switch graphics {
        case .kitty: pixelMode = CHAFA_PIXEL_MODE_KITTY
        case .sixel: pixelMode = CHAFA_PIXEL_MODE_SIXELS
        case .iterm: pixelMode = CHAFA_PIXEL_MODE_ITERM2
        case .symbols, .none: pixelMode = CHAFA_PIXEL_MODE_SYMBOLS
        }
        chafa_canvas_config_set_pixel_mode(config, pixelMode)
        let indexed = pixelMode == CHAFA_PIXEL_MODE_SYMBOLS && symbolColors == .palette256
        chafa_canvas_config_set_canvas_mode(config, indexed ? CHAFA_CANVAS_MODE_INDEXED_256 : CHAFA_CANVAS_MODE_TRUECOLOR)
        if pixelMode == CHAFA_PIXEL_MODE_SYMBOLS {
            guard let map = chafa_symbol_map_new() else { throw RenderError.chafaFailed }
            defer { chafa_symbol_map_unref(map) }
            var tags = CHAFA_SYMBOL_TAG_SPACE.rawValue | CHAFA_SYMBOL_TAG_BLOCK.rawValue | CHAFA_SYMBOL_TAG_HALF.rawValue
                | CHAFA_SYMBOL_TAG_QUAD.rawValue
            if symbols == .sextants { tags |= CHAFA_SYMBOL_TAG_SEXTANT.rawValue }
            chafa_symbol_map_add_by_tags(map, ChafaSymbolTags(rawValue: tags))
            chafa_canvas_config_set_symbol_map(config, map)
        }
        guard let canvas = chafa_canvas_new(config) else { throw RenderError.chafaFailed }
        defer { chafa_canvas_unref(canvas) }
        rgba.withUnsafeBufferPointer { pixels in
            chafa_canvas_draw_all_pixels(
                canvas, CHAFA_PIXEL_RGBA8_UNASSOCIATED, pixels.baseAddress, Int32(width), Int32(height),
                Int32(width * 4))
        }
        if pixelMode == CHAFA_PIXEL_MODE_SYMBOLS {
            return .symbols(Self.readCells(canvas, cells: cells, indexed: indexed))
        }
        guard let info = TerminalSequences.info(for: graphics) else { throw RenderError.chafaFailed }
        defer { chafa_term_info_unref(info) }
        guard let printed = chafa_canvas_print(canvas, info) else { throw RenderError.chafaFailed }
        defer { tui_gstring_free(printed) }
        let length = tui_gstring_len(printed)
        let sequence = tui_gstring_str(printed).withMemoryRebound(to: UInt8.self, capacity: length) {
            Array(UnsafeBufferPointer(start: $0, count: length))
        }
        return .pixels(graphics, sequence: sequence, cells: cells)
    }

    /// The canvas cell by cell: character, then colours (RGB, or palette indices in 256 mode).
    private static func readCells(_ canvas: OpaquePointer, cells: Size, indexed: Bool) -> SymbolGrid {
        var result: [SymbolCell] = []
        result.reserveCapacity(cells.width * cells.height)
        for y in 0..<cells.height {
            for x in 0..<cells.width {
                let code = chafa_canvas_get_char_at(canvas, Int32(x), Int32(y))
                var foreground: Int32 = -1
                var background: Int32 = -1
                if indexed {
                    chafa_canvas_get_raw_colors_at(canvas, Int32(x), Int32(y), &foreground, &background)
                } else {
                    chafa_canvas_get_colors_at(canvas, Int32(x), Int32(y), &foreground, &background)
                }
                result.append(
                    SymbolCell(
                        character: Unicode.Scalar(code) ?? " ", foreground: color(foreground, indexed: indexed),
                        background: color(background, indexed: indexed)))
            }
        }
        return SymbolGrid(width: cells.width, height: cells.height, cells: result)
    }

    private static func color(_ value: Int32, indexed: Bool) -> SymbolColor {
        guard value >= 0 else { return .none }
        if indexed { return value < 256 ? .indexed(UInt8(value)) : .none }
        return .rgb(UInt32(value) & 0xFF_FFFF)
    }

    /// The largest cell rectangle inside `box` that keeps the image's aspect ratio, for cells
    /// `cellAspect` times as tall as wide (about 2 in most fonts).
    public static func fit(pixelWidth: Int, pixelHeight: Int, into box: Size, cellAspect: Double = 2) -> Size {
        guard pixelWidth > 0, pixelHeight > 0, box.width > 0, box.height > 0 else { return Size(width: 0, height: 0) }
        let imageAspect = Double(pixelWidth) / Double(pixelHeight)
        // Width in cells that a given height needs: height · cellAspect · imageAspect.
        var height = box.height
        var width = Int((Double(height) * cellAspect * imageAspect).rounded())
        if width > box.width {
            width = box.width
            height = max(1, Int((Double(width) / (cellAspect * imageAspect)).rounded()))
        }
        return Size(width: max(1, min(width, box.width)), height: max(1, min(height, box.height)))
    }
}
