#ifndef CMALLOC_SHIM_H
#define CMALLOC_SHIM_H
// glibc's allocator controls (malloc.h), which Swift's Glibc module does not bring.
// Elsewhere (musl, macOS) they do nothing: those allocators have policies of their own.
#include <stdlib.h>  // defines __GLIBC__ on glibc

#if defined(__GLIBC__)
#include <malloc.h>

/// Threads allocate from the main arena, not one arena each (M_ARENA_MAX = 1); 1 on success.
static inline int tui_malloc_single_arena(void) { return mallopt(M_ARENA_MAX, 1); }

/// Hands the whole free pages inside the heap back to the kernel; 1 when some were.
static inline int tui_malloc_trim(void) { return malloc_trim(0); }
#else
static inline int tui_malloc_single_arena(void) { return 0; }
static inline int tui_malloc_trim(void) { return 0; }
#endif

#endif
