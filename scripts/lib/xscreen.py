#!/usr/bin/env python3
"""Reads an X screen dump in XWD format (Xvfb -fbdir keeps the live framebuffer as one;
`xwd -root` writes one) and says what is on it, with nothing but the standard library.

  xscreen.py stats FILE        one line: key=value counts of the screen's colours
  xscreen.py png FILE OUT.png  writes the screen, cropped to what is not the black root window

The counts tell a picture drawn in real pixels (sixel, kitty) from one drawn in colour
symbols: symbols in 256 colours can only show xterm's 256 palette colours, while a sixel
or kitty picture shows the photo's own colours, most of them off that palette, and the
demo's category colours (car 230,25,75 ...) which no palette colour is near.
"""
import struct
import sys
import zlib
from collections import Counter

# The demo's category colours (SegmentsStore's seed): car, pedestrian, cyclist, traffic light, bus.
CATEGORIES = {
    "car": (230, 25, 75),
    "pedestrian": (60, 180, 75),
    "cyclist": (255, 225, 25),
    "traffic_light": (0, 130, 200),
    "bus": (245, 130, 48),
}
# Sixel colour registers are set in percent, so a colour comes back within ~1.3 of itself;
# the nearest palette colour to any category colour is 10 or more away.
NEAR = 6
ON_PALETTE = 3


def xterm_palette():
    """xterm's default 256 colours: its 16 named ones, the 6x6x6 cube, the grey ramp."""
    named = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
             (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
             (255, 0, 255), (0, 255, 255), (255, 255, 255)]
    steps = [0, 95, 135, 175, 215, 255]
    cube = [(r, g, b) for r in steps for g in steps for b in steps]
    greys = [(8 + 10 * i,) * 3 for i in range(24)]
    return named + cube + greys


def read_xwd(path):
    """(width, height, the pixels row by row as 0xRRGGBB ints)."""
    with open(path, "rb") as f:
        data = f.read()
    header = struct.unpack(">25I", data[:100])
    (header_size, _version, _format, depth, width, height, _xoffset, byte_order, _unit, _bit_order, _pad,
     bits_per_pixel, bytes_per_line, _visual, red_mask, green_mask, blue_mask, _bits_rgb, _entries, ncolors,
     *_rest) = header
    if bits_per_pixel != 32 or depth < 24:
        sys.exit(f"xscreen.py: {path}: {depth}-bit depth, {bits_per_pixel} bits per pixel; only 24/32 is read")
    start = header_size + 12 * ncolors
    order = "<" if byte_order == 0 else ">"
    shifts = [mask.bit_length() - 8 for mask in (red_mask, green_mask, blue_mask)]
    pixels = []
    for y in range(height):
        row = data[start + y * bytes_per_line:start + y * bytes_per_line + 4 * width]
        pixels.extend(struct.unpack(f"{order}{width}I", row))
    if shifts != [16, 8, 0]:
        pixels = [(((p & red_mask) >> shifts[0]) << 16) | (((p & green_mask) >> shifts[1]) << 8)
                  | ((p & blue_mask) >> shifts[2]) for p in pixels]
    else:
        pixels = [p & 0xFFFFFF for p in pixels]
    return width, height, pixels


def rgb(value):
    return (value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF


def near(colour, target, tolerance):
    return all(abs(a - b) <= tolerance for a, b in zip(colour, target))


def stats(path):
    _width, _height, pixels = read_xwd(path)
    histogram = Counter(pixels)
    palette = xterm_palette()
    off_palette = 0
    category = {name: 0 for name in CATEGORIES}
    for value, count in histogram.items():
        colour = rgb(value)
        if not any(near(colour, entry, ON_PALETTE) for entry in palette):
            off_palette += count
        for name, target in CATEGORIES.items():
            if near(colour, target, NEAR):
                category[name] += count
    fields = {"distinct": len(histogram), "off_palette": off_palette, "categories": sum(category.values())}
    fields.update(category)
    return fields


def write_png(path, out):
    width, height, pixels = read_xwd(path)
    # Crop to the bounding box of everything that is not the (black) root window.
    xs = [i % width for i, p in enumerate(pixels) if p != 0]
    ys = [i // width for i, p in enumerate(pixels) if p != 0]
    left, right, top, bottom = (min(xs), max(xs) + 1, min(ys), max(ys) + 1) if xs else (0, width, 0, height)
    raw = bytearray()
    for y in range(top, bottom):
        raw.append(0)
        for p in pixels[y * width + left:y * width + right]:
            raw.extend(rgb(p))

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", right - left, bottom - top, 8, 2, 0, 0, 0)
    with open(out, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(raw), 9))
                + chunk(b"IEND", b""))


def main(argv):
    if len(argv) == 3 and argv[1] == "stats":
        print(" ".join(f"{key}={value}" for key, value in stats(argv[2]).items()))
    elif len(argv) == 4 and argv[1] == "png":
        write_png(argv[2], argv[3])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
