#ifndef CCHAFA_SHIM_H
#define CCHAFA_SHIM_H
// libchafa (Debian libchafa-dev 1.12): pixels to kitty, sixel, iTerm2 and symbol output.
// Its headers include glib's; Package.swift finds both through pkg-config ("chafa").
#include <chafa.h>

// GString and g_free are glib; reached through functions so Swift needs no glib module.
static inline const char *tui_gstring_str(const GString *string) { return string->str; }
static inline size_t tui_gstring_len(const GString *string) { return string->len; }
static inline void tui_gstring_free(GString *string) { g_string_free(string, TRUE); }

#endif
