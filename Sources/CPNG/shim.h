#ifndef CPNG_SHIM_H
#define CPNG_SHIM_H
// libpng 1.6 (Debian libpng-dev), through its "simplified API" only: it reports errors in
// png_image.message instead of longjmp, which Swift could not survive.
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <png.h>

/// Reads the header of a PNG in memory and asks for 8-bit RGBA; 1 on success.
/// On failure libpng has already released what it allocated.
static inline int cpng_begin_read(png_image *image, const void *data, size_t size) {
    memset(image, 0, sizeof *image);
    image->version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(image, data, size)) return 0;
    image->format = PNG_FORMAT_RGBA;
    return 1;
}

/// Decodes into `pixels` (width * height * 4 bytes); 1 on success. Frees the image either way.
static inline int cpng_finish_read(png_image *image, void *pixels) {
    return png_image_finish_read(image, NULL, pixels, 0, NULL);
}

static inline void cpng_abort_read(png_image *image) { png_image_free(image); }

static inline const char *cpng_message(const png_image *image) { return image->message; }

/// Encodes 8-bit RGBA. With `out` NULL, stores the needed size in `*size` and returns 1.
static inline int cpng_write_rgba(const void *pixels, uint32_t width, uint32_t height, void *out, size_t *size) {
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    image.width = width;
    image.height = height;
    image.format = PNG_FORMAT_RGBA;
    return png_image_write_to_memory(&image, out, size, 0, pixels, 0, NULL);
}

#endif
