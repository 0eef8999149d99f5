#ifndef CNCURSES_SHIM_H
#define CNCURSES_SHIM_H
// Wide-character API of ncurses (get_wch, setcchar, mvwadd_wch ...).
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#define _XOPEN_SOURCE_EXTENDED 1
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Swift 6 rejects direct use of ncurses' C globals and cannot import its
// function-like macros, so every one of them is reached through a function here.

static inline WINDOW *tui_stdscr(void) { return stdscr; }
static inline WINDOW *tui_curscr(void) { return curscr; }
static inline int tui_lines(void) { return LINES; }
static inline int tui_cols(void) { return COLS; }
static inline int tui_colors(void) { return COLORS; }
static inline int tui_color_pairs(void) { return COLOR_PAIRS; }
static inline int tui_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int tui_getmaxx(WINDOW *w) { return getmaxx(w); }

static inline attr_t tui_a_normal(void) { return A_NORMAL; }
static inline attr_t tui_a_bold(void) { return A_BOLD; }
static inline attr_t tui_a_dim(void) { return A_DIM; }
static inline attr_t tui_a_italic(void) { return A_ITALIC; }
static inline attr_t tui_a_underline(void) { return A_UNDERLINE; }
static inline attr_t tui_a_reverse(void) { return A_REVERSE; }
static inline attr_t tui_a_blink(void) { return A_BLINK; }

static inline int tui_key_code_yes(void) { return KEY_CODE_YES; }
static inline int tui_key_f(int n) { return KEY_F(n); }

static inline mmask_t tui_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t tui_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t tui_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t tui_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t tui_button3_pressed(void) { return BUTTON3_PRESSED; }
static inline mmask_t tui_button3_clicked(void) { return BUTTON3_CLICKED; }
static inline mmask_t tui_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t tui_button5_pressed(void) { return BUTTON5_PRESSED; }

/// Reads the next mouse event; fills x, y and the button state.
static inline int tui_get_mouse(int *x, int *y, mmask_t *bstate) {
    MEVENT event;
    int rc = getmouse(&event);
    if (rc == OK) {
        *x = event.x;
        *y = event.y;
        *bstate = event.bstate;
    }
    return rc;
}

/// Writes one cell: a spacing character plus up to CCHARW_MAX-1 combining marks.
static inline int tui_put_cell(WINDOW *w, int y, int x, const wchar_t *chars,
                               attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, chars, attrs, pair, NULL) != OK) return ERR;
    return mvwadd_wch(w, y, x, &cell);
}

/// The colours of a pair (tests of the real backend).
static inline int tui_pair_content(int pair, int *fg, int *bg) {
    return extended_pair_content(pair, fg, bg);
}

/// Reads one cell back (tests of the real backend); `chars` needs CCHARW_MAX+1 slots.
static inline int tui_read_cell(WINDOW *w, int y, int x, wchar_t *chars,
                                attr_t *attrs, short *pair) {
    cchar_t cell;
    if (mvwin_wch(w, y, x, &cell) != OK) return ERR;
    return getcchar(&cell, chars, attrs, pair, NULL);
}

static inline int tui_wcwidth(int c) { return wcwidth((wchar_t)c); }

/// True when LC_CTYPE's codeset is UTF-8 (wide output and wcwidth depend on it).
static inline int tui_codeset_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

/// Size of the terminal on `fd`; returns 0 on success.
static inline int tui_terminal_size(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}

/// The terminal's size in pixels on `fd` (0 when the terminal does not say); 0 on success.
static inline int tui_terminal_pixels(int fd, int *width, int *height) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return -1;
    *width = ws.ws_xpixel;
    *height = ws.ws_ypixel;
    return 0;
}

static inline FILE *tui_open_file(const char *path, const char *mode) { return fopen(path, mode); }
static inline FILE *tui_stdout(void) { return stdout; }
static inline FILE *tui_stdin(void) { return stdin; }

// MARK: signals
//
// Signal handlers may only do async-signal-safe work, so the handler writes the
// signal number into a pipe (the self-pipe trick) and the UI loop reads it on
// the main queue, where calling ncurses is safe.

static inline int *tui_signal_pipe(void) {
    static int fds[2] = {-1, -1};
    return fds;
}

static inline volatile sig_atomic_t *tui_exit_signal_seen(void) {
    static volatile sig_atomic_t seen = 0;
    return &seen;
}

static inline void tui_signal_handler(int signo) {
    int saved_errno = errno;
    if (signo == SIGINT || signo == SIGTERM || signo == SIGHUP) {
        // A second exit signal while the first is still unhandled means the UI
        // loop is stuck: die the default way rather than never.
        if (*tui_exit_signal_seen()) {
            signal(signo, SIG_DFL);
            raise(signo);
        }
        *tui_exit_signal_seen() = 1;
    }
    int fd = tui_signal_pipe()[1];
    if (fd >= 0) {
        unsigned char byte = (unsigned char)signo;
        ssize_t written = write(fd, &byte, 1);
        (void)written;
    }
    errno = saved_errno;
}

static inline int tui_handled_signals(int index) {
    static const int signals[] = {SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT, SIGWINCH};
    if (index < 0 || index >= (int)(sizeof signals / sizeof signals[0])) return 0;
    return signals[index];
}

/// Creates the pipe and installs the handlers; returns the read end or -1.
static inline int tui_install_signal_handlers(void) {
    int *fds = tui_signal_pipe();
    if (fds[0] < 0) {
        if (pipe(fds) != 0) return -1;
        for (int i = 0; i < 2; i++) {
            fcntl(fds[i], F_SETFL, fcntl(fds[i], F_GETFL) | O_NONBLOCK);
            fcntl(fds[i], F_SETFD, FD_CLOEXEC);
        }
    }
    *tui_exit_signal_seen() = 0;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = tui_signal_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int i = 0; tui_handled_signals(i) != 0; i++) {
        sigaction(tui_handled_signals(i), &action, NULL);
    }
    return fds[0];
}

/// Marks an exit signal as handled by the UI loop (it chose not to exit).
static inline void tui_clear_exit_signal_seen(void) { *tui_exit_signal_seen() = 0; }

static inline void tui_restore_default_signals(void) {
    for (int i = 0; tui_handled_signals(i) != 0; i++) {
        signal(tui_handled_signals(i), SIG_DFL);
    }
}

/// Reads one pending signal number from the pipe, or 0 when there is none.
static inline int tui_next_pending_signal(void) {
    unsigned char byte = 0;
    int fd = tui_signal_pipe()[0];
    if (fd < 0) return 0;
    return read(fd, &byte, 1) == 1 ? (int)byte : 0;
}

/// Stops the process the way the default SIGTSTP action would; returns after SIGCONT.
static inline void tui_suspend_process(void) {
    struct sigaction previous;
    signal(SIGTSTP, SIG_DFL);
    sigset_t unblock;
    sigemptyset(&unblock);
    sigaddset(&unblock, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &unblock, NULL);
    kill(getpid(), SIGTSTP);
    // Execution continues here after `fg` (SIGCONT); re-install our handler.
    memset(&previous, 0, sizeof previous);
    previous.sa_handler = tui_signal_handler;
    sigemptyset(&previous.sa_mask);
    previous.sa_flags = SA_RESTART;
    sigaction(SIGTSTP, &previous, NULL);
}

static inline int tui_sigint(void) { return SIGINT; }
static inline int tui_sigterm(void) { return SIGTERM; }
static inline int tui_sighup(void) { return SIGHUP; }
static inline int tui_sigtstp(void) { return SIGTSTP; }
static inline int tui_sigcont(void) { return SIGCONT; }
static inline int tui_sigwinch(void) { return SIGWINCH; }

/// Last-resort restore for exit paths that bypass Swift's `defer` (a call to exit()).
static inline int *tui_curses_active(void) {
    static int active = 0;
    return &active;
}

static inline void tui_restore_at_exit(void) {
    if (*tui_curses_active() && !isendwin()) endwin();
    *tui_curses_active() = 0;
}

static inline void tui_register_exit_restore(void) {
    static int registered = 0;
    if (!registered) {
        registered = 1;
        atexit(tui_restore_at_exit);
    }
}

static inline void tui_set_curses_active(int active) { *tui_curses_active() = active; }

#endif
