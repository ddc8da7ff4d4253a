#ifndef COACH_CREADLINE_H
#define COACH_CREADLINE_H

/// A small shim over GNU readline. readline keeps its state in C globals that Swift 6 rejects as
/// not concurrency-safe; this file owns them all and Swift sees only these functions.

#include <stddef.h>

/// Called for each word to complete. `text` is the word typed so far, `line` the whole line;
/// the callee offers candidates with `coach_rl_offer`.
typedef void (*coach_rl_completer)(void *context, const char *text, const char *line);

/// Sets up readline for the application `name`: completion calls `completer` with `context`,
/// and never falls back to file names.
void coach_rl_setup(const char *name, coach_rl_completer completer, void *context);

/// Offers one completion candidate. Only valid inside the completer callback.
void coach_rl_offer(const char *candidate);

/// Reads a line with editing, after showing `prompt`. A Ctrl-C pressed before this call (while
/// no line was being edited) is forgotten. Returns a malloc'd string the caller frees,
/// or NULL at end of input (Ctrl-D on an empty line).
char *coach_rl_readline(const char *prompt);

/// Installs a SIGINT handler under which Ctrl-C at the prompt abandons the current line, prints
/// a new prompt and keeps running. Returns how many times Ctrl-C was pressed so far.
void coach_rl_install_interrupt_handler(void);
unsigned long coach_rl_interrupt_count(void);

/// Also installed by coach_rl_install_interrupt_handler: SIGTERM and SIGHUP restore the
/// terminal and exit cleanly when readline is waiting; otherwise this returns the signal
/// number, for code that runs outside readline (guided mode) to stop and exit.
int coach_rl_terminate_requested(void);

/// The line Ctrl-C prints when it cancels a line that had text (the line itself joins the
/// history, so Up brings it back). NULL prints nothing.
void coach_rl_set_cancel_message(const char *message);

/// The oldest line Ctrl-C cancelled and not yet taken (malloc'd; the caller frees it), or NULL.
char *coach_rl_take_cancelled_line(void);

/// Puts the terminal in raw mode for the guided workout (single keys, no echo; Ctrl-C stays a
/// signal). Ctrl-Z puts the terminal back before coach stops, and `fg` makes it raw again.
/// Returns 0, and changes nothing, when standard input is not a terminal.
int coach_term_raw_begin(void);

/// Puts the terminal back as it was before coach_term_raw_begin, and Ctrl-Z back to what it did.
void coach_term_raw_end(void);

/// Adds a line to the history that Up and Ctrl-R search. (coach keeps the history file itself,
/// in Swift: HistoryFile.)
void coach_rl_add_history(const char *line);

/// The version of the readline library linked in (for `coach doctor`).
const char *coach_rl_library_version(void);

#endif
