"""Turns `tmux capture-pane -p -e` output (text with SGR colours) into a PNG with pyte + Pillow."""
import sys
import pyte
import unicodedata
from PIL import Image, ImageDraw, ImageFont

FONT_DIRS = ["/usr/share/fonts/truetype/dejavu/", "/usr/share/fonts/opentype/noto/"]
PALETTE16 = ["000000", "cd3131", "0dbc79", "e5e510", "2472c8", "bc3fbc", "11a8cd", "e5e5e5",
             "666666", "f14c4c", "23d18b", "f5f543", "3b8eea", "d670d6", "29b8db", "ffffff"]
BG, FG = (24, 26, 33), (220, 223, 228)

def color256(index):
    if index < 16:
        h = PALETTE16[index]
        return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))
    if index < 232:
        index -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return (steps[index // 36], steps[(index // 6) % 6], steps[index % 6])
    level = 8 + (index - 232) * 10
    return (level, level, level)

def resolve(value, default):
    if value == "default":
        return default
    if isinstance(value, str) and len(value) == 6:
        try:
            return tuple(int(value[i:i + 2], 16) for i in (0, 2, 4))
        except ValueError:
            pass
    names = ["black", "red", "green", "brown", "blue", "magenta", "cyan", "white"]
    if value in names:
        return color256(names.index(value))
    return default

def font(name, size):
    for folder in FONT_DIRS:
        try:
            return ImageFont.truetype(folder + name, size)
        except OSError:
            continue
    return ImageFont.load_default()

EMOJI_FONT = "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf"
CJK_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"

def fallback_fonts(size):
    """Fonts for what DejaVu Sans Mono lacks: CJK (two cells) and colour emoji."""
    cjk = emoji = None
    try:
        cjk = ImageFont.truetype(CJK_FONT, size, index=0)
    except OSError:
        pass
    try:
        emoji = ImageFont.truetype(EMOJI_FONT, 109)  # the only size a CBDT emoji font has
    except OSError:
        pass
    return cjk, emoji

def is_emoji(cp):
    return cp >= 0x1F000 or 0x2600 <= cp <= 0x27BF

def draw_emoji(image, emoji_font, glyph, x, y, w, h):
    tile = Image.new("RGBA", (136, 128), (0, 0, 0, 0))
    ImageDraw.Draw(tile).text((0, 0), glyph, font=emoji_font, embedded_color=True)
    box = tile.getbbox()
    if box:
        tile = tile.crop(box)
    side = min(2 * w, h) - 4
    tile = tile.resize((side, side), Image.LANCZOS)
    image.paste(tile, (x + (2 * w - side) // 2, y + (h - side) // 2), tile)

def render(text, width, height, output, title):
    screen = pyte.Screen(width, height)
    stream = pyte.Stream(screen)
    stream.feed(text.replace("\n", "\r\n"))
    size = 16
    regular, bold = font("DejaVuSansMono.ttf", size), font("DejaVuSansMono-Bold.ttf", size)
    cjk, emoji = fallback_fonts(size)
    cell_w, cell_h = int(regular.getlength("M")), size + 4
    pad, bar = 14, 30
    image = Image.new("RGB", (width * cell_w + 2 * pad, height * cell_h + 2 * pad + bar), (40, 42, 54))
    draw = ImageDraw.Draw(image)
    for i, c in enumerate([(255, 95, 86), (255, 189, 46), (39, 201, 63)]):
        draw.ellipse((pad + i * 20, 9, pad + i * 20 + 12, 21), fill=c)
    draw.text((pad + 80, 7), title, font=regular, fill=(170, 170, 180))
    draw.rectangle((pad - 4, bar + pad - 4, pad + width * cell_w + 4, bar + pad + height * cell_h + 4), fill=BG)
    # Backgrounds first, glyphs second: a wide glyph spans the next cell, whose
    # background must not paint over it.
    cells = []
    for y in range(height):
        line = screen.buffer[y]
        for x in range(width):
            ch = line[x]
            fg, bg = resolve(ch.fg, FG), resolve(ch.bg, BG)
            if ch.reverse:
                fg, bg = bg, fg
            px, py = pad + x * cell_w, bar + pad + y * cell_h
            if bg != BG:
                draw.rectangle((px, py, px + cell_w - 1, py + cell_h - 1), fill=bg)
            if ch.data.strip():
                cells.append((ch, fg, px, py))
    for ch, fg, px, py in cells:
        glyph = ch.data
        f = bold if ch.bold else regular
        if 0x2800 <= ord(glyph[0]) <= 0x28FF:  # braille: the mono font lacks it, draw the dots
            draw_braille(draw, ord(glyph[0]) - 0x2800, px, py, cell_w, cell_h, fg)
        elif 0x2500 <= ord(glyph[0]) <= 0x259F:  # box drawing: fill the cell exactly
            draw_box_char(draw, glyph[0], px, py, cell_w, cell_h, fg)
        elif emoji and is_emoji(ord(glyph[0])):
            draw_emoji(image, emoji, glyph[0], px, py, cell_w, cell_h)
        elif cjk and unicodedata.east_asian_width(glyph[0]) in "WF":
            draw.text((px, py - 1), glyph, font=cjk, fill=fg)
        else:
            draw.text((px, py + 1), glyph, font=f, fill=fg)
    image.save(output)

def draw_braille(draw, bits, x, y, w, h, color):
    order = [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2), (0, 3), (1, 3)]
    for bit, (dx, dy) in enumerate(order):
        if bits & (1 << bit):
            cx, cy = x + (dx * 2 + 1) * w // 4, y + (dy * 2 + 1) * h // 8
            draw.rectangle((cx - 1, cy - 1, cx + 1, cy + 1), fill=color)

# Block elements (U+2580–U+259F, which pictures in symbols mode are made of) as the
# rectangles they stand for, in fractions of the cell: (left, top, right, bottom).
QUADRANTS = {"UL": (0, 0, .5, .5), "UR": (.5, 0, 1, .5), "LL": (0, .5, .5, 1), "LR": (.5, .5, 1, 1)}
QUADRANT_CHARS = {0x2596: "LL", 0x2597: "LR", 0x2598: "UL", 0x2599: "UL LL LR", 0x259A: "UL LR",
                  0x259B: "UL UR LL", 0x259C: "UL UR LR", 0x259D: "UR", 0x259E: "UR LL", 0x259F: "UR LL LR"}

def block_rects(code):
    if code == 0x2580: return [(0, 0, 1, .5)]
    if 0x2581 <= code <= 0x2588: return [(0, 1 - (code - 0x2580) / 8, 1, 1)]
    if 0x2589 <= code <= 0x258F: return [(0, 0, (0x2590 - code) / 8, 1)]
    if code == 0x2590: return [(.5, 0, 1, 1)]
    if code == 0x2594: return [(0, 0, 1, 1 / 8)]
    if code == 0x2595: return [(7 / 8, 0, 1, 1)]
    if code in QUADRANT_CHARS: return [QUADRANTS[q] for q in QUADRANT_CHARS[code].split()]
    return None

def draw_box_char(draw, ch, x, y, w, h, color):
    rects = block_rects(ord(ch))
    if rects is not None:
        for (x0, y0, x1, y1) in rects:
            draw.rectangle((x + round(x0 * w), y + round(y0 * h), x + round(x1 * w) - 1, y + round(y1 * h) - 1), fill=color)
        return
    cx, cy = x + w // 2, y + h // 2
    right, left, down, up = ch in "─┌└├┬┴┼╭╰", ch in "─┐┘┤┬┴┼╮╯", ch in "│┌┐├┤┬┼╭╮", ch in "│└┘├┤┴┼╰╯"
    if ch == "█":
        draw.rectangle((x, y, x + w - 1, y + h - 1), fill=color)
        return
    if not (right or left or down or up):
        draw.text((x, y + 1), ch, fill=color)
        return
    if right: draw.line((cx, cy, x + w, cy), fill=color)
    if left: draw.line((x, cy, cx, cy), fill=color)
    if down: draw.line((cx, cy, cx, y + h), fill=color)
    if up: draw.line((cx, y, cx, cy), fill=color)

if __name__ == "__main__":
    source, output, width, height, title = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    with open(source, encoding="utf-8", errors="replace") as handle:
        render(handle.read(), width, height, output, title)
