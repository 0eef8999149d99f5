#ifndef CTURBOJPEG_SHIM_H
#define CTURBOJPEG_SHIM_H
// libjpeg-turbo's TurboJPEG API (Debian libturbojpeg0-dev): decode with DCT scaling, encode.
#include <stddef.h>
#include <turbojpeg.h>
#endif
