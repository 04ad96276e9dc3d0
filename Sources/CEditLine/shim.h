#ifndef NEURITE_CEDITLINE_SHIM_H
#define NEURITE_CEDITLINE_SHIM_H
// Fixed-arity wrappers around libedit's variadic el_set/history calls (Swift cannot call variadic C),
// plus the few C globals and ioctls Swift 6 cannot reach directly. One wrapper per use.
#include <stdio.h>
#include <histedit.h>
#include <sys/ioctl.h>
#include <unistd.h>

typedef char *(*neurite_prompt_fn)(EditLine *);
typedef unsigned char (*neurite_editor_fn)(EditLine *, int);

/// `el_init` on the process's standard streams (Swift 6 rejects the `stdin`/`stdout` globals).
static inline EditLine *neurite_el_init_std(const char *program) {
    return el_init(program, stdin, stdout, stderr);
}
/// `el_init` with the editor (prompt, echo, redraws) on standard error: for a session whose
/// standard output is redirected (`neurite | tee log`) while the terminal is still there.
static inline EditLine *neurite_el_init_std_editing_on_stderr(const char *program) {
    return el_init(program, stdin, stderr, stderr);
}
/// The standard streams as values (Swift 6 rejects the mutable C globals).
static inline FILE *neurite_stdout(void) { return stdout; }
static inline FILE *neurite_stderr(void) { return stderr; }

static inline int neurite_el_set_prompt(EditLine *el, neurite_prompt_fn fn) {
    return el_set(el, EL_PROMPT, fn);
}
static inline int neurite_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}
static inline int neurite_el_set_signal(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}
static inline int neurite_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}
static inline int neurite_el_add_function(EditLine *el, const char *name, const char *help,
                                          neurite_editor_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int neurite_el_bind(EditLine *el, const char *key, const char *command) {
    return el_set(el, EL_BIND, key, command, (const char *)NULL);
}
static inline int neurite_el_set_client_data(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}
static inline void *neurite_el_client_data(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}

static inline int neurite_history_set_size(History *h, int size) {
    HistEvent ev;
    return history(h, &ev, H_SETSIZE, size);
}
static inline int neurite_history_set_unique(History *h, int unique) {
    HistEvent ev;
    return history(h, &ev, H_SETUNIQUE, unique);
}
static inline int neurite_history_enter(History *h, const char *entry) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, entry);
}

/// Columns and rows of the terminal on `fd` via TIOCGWINSZ; returns 0 on success.
static inline int neurite_terminal_size(int fd, int *columns, int *rows) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_col == 0) return -1;
    *columns = ws.ws_col;
    *rows = ws.ws_row;
    return 0;
}
#endif
