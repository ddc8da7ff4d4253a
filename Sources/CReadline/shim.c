// The one place that touches readline's globals (see CReadline.h).
#include <stdio.h>  // readline.h uses FILE without including it
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <readline/history.h>
#include <readline/readline.h>

#include "CReadline.h"

static coach_rl_completer swift_completer = NULL;
static void *swift_context = NULL;

// Candidates offered by the Swift completer during one completion request.
static char **offered = NULL;
static size_t offered_count = 0;
static size_t offered_capacity = 0;

void coach_rl_offer(const char *candidate) {
    if (offered_count + 1 >= offered_capacity) {
        size_t capacity = offered_capacity ? offered_capacity * 2 : 16;
        char **grown = realloc(offered, capacity * sizeof(char *));
        if (!grown) return;
        offered = grown;
        offered_capacity = capacity;
    }
    offered[offered_count++] = strdup(candidate);
}

static char *next_candidate(const char *text, int state) {
    static size_t index;
    (void)text;
    if (state == 0) index = 0;
    if (index < offered_count) return strdup(offered[index++]);
    return NULL;
}

static char **attempt_completion(const char *text, int start, int end) {
    (void)start;
    (void)end;
    rl_attempted_completion_over = 1;  // never fall back to file names
    for (size_t i = 0; i < offered_count; i++) free(offered[i]);
    offered_count = 0;
    if (swift_completer) swift_completer(swift_context, text, rl_line_buffer);
    if (offered_count == 0) return NULL;
    return rl_completion_matches(text, next_candidate);
}

void coach_rl_setup(const char *name, coach_rl_completer completer, void *context) {
    static char app_name[64];
    snprintf(app_name, sizeof app_name, "%s", name);
    rl_readline_name = app_name;
    swift_completer = completer;
    swift_context = context;
    rl_attempted_completion_function = attempt_completion;
    // Multi-word names ("face pull") complete as one unit only if space is not a break.
    rl_completer_word_break_characters = "\t\n";
    using_history();
}

// Sends `signo` to `handler`, with no flags (a blocked read is interrupted, not restarted);
// what was there before goes to `previous` when it is not NULL.
static void catch_signal(int signo, void (*handler)(int), struct sigaction *previous) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    sigaction(signo, &action, previous);
}

static volatile sig_atomic_t interrupts = 0;
static volatile sig_atomic_t terminate_signal = 0;

static void on_interrupt(int signo) {
    (void)signo;
    interrupts++;
}

static void on_terminate(int signo) { terminate_signal = signo; }

int coach_rl_terminate_requested(void) { return (int)terminate_signal; }

static unsigned long interrupts_seen = 0;

// What Ctrl-C says when it abandons a line that had text (set by Swift, from the knowledge), and
// the lines it abandoned since Swift last asked, oldest first, for the history file.
static char *cancel_message = NULL;
static char **cancelled_lines = NULL;
static size_t cancelled_count = 0;

void coach_rl_set_cancel_message(const char *message) {
    free(cancel_message);
    cancel_message = message ? strdup(message) : NULL;
}

char *coach_rl_take_cancelled_line(void) {
    if (cancelled_count == 0) return NULL;
    char *line = cancelled_lines[0];
    memmove(cancelled_lines, cancelled_lines + 1, (cancelled_count - 1) * sizeof *cancelled_lines);
    cancelled_count--;
    return line;
}

// Turns a pending Ctrl-C into a fresh, empty prompt; on SIGTERM or SIGHUP, puts the terminal
// back as it was and exits with 128 + the signal, as a shell reports a process a signal ended
// (the history is already saved: it is written after every line).
static int check_interrupt(void) {
    if (terminate_signal) {
        rl_free_line_state();
        rl_cleanup_after_signal();
        fputs("\n", stdout);
        fflush(stdout);
        exit(128 + (int)terminate_signal);
    }
    if (interrupts != interrupts_seen) {
        interrupts_seen = interrupts;
        // A line with text is a question cancelled: say so, and keep it in the history, so Up
        // brings it back. (Enter then Ctrl-C at once: either readline has read the Enter, and the
        // question is answered, or the terminal dropped the Enter with the rest of its unread
        // input, and the line is still here, cancelled out loud; never lost unseen.)
        char *line = (rl_line_buffer && rl_line_buffer[strspn(rl_line_buffer, " \t")] != '\0')
                         ? strdup(rl_line_buffer) : NULL;
        if (line) {
            add_history(line);
            using_history();  // Up starts from the newest line again: this one
            char **grown = realloc(cancelled_lines, (cancelled_count + 1) * sizeof *cancelled_lines);
            if (grown) {
                cancelled_lines = grown;
                cancelled_lines[cancelled_count++] = line;
            } else {
                free(line);
            }
            if (cancel_message) {
                rl_crlf();
                fputs(cancel_message, rl_outstream ? rl_outstream : stdout);
            }
        }
        rl_free_line_state();
        rl_replace_line("", 0);
        rl_crlf();
        rl_on_new_line();
        rl_redisplay();
    }
    return 0;
}

// Reads a key. readline calls check_interrupt itself when a signal breaks a blocked read. But
// the signal may be taken on another thread (the Swift runtime has several), leaving the read
// blocked until the next key: so the check runs again after each key, and a key read once Ctrl-C
// is pending starts the new line instead of joining the cancelled one.
static int getc_checking_interrupts(FILE *stream) {
    check_interrupt();
    int key = rl_getc(stream);
    check_interrupt();
    return key;
}

void coach_rl_install_interrupt_handler(void) {
    catch_signal(SIGINT, on_interrupt, NULL);
    catch_signal(SIGTERM, on_terminate, NULL);
    catch_signal(SIGHUP, on_terminate, NULL);
    // A parent may have started us with SIGINT blocked; Ctrl-C must still reach the handler.
    sigset_t interrupt_only;
    sigemptyset(&interrupt_only);
    sigaddset(&interrupt_only, SIGINT);
    sigprocmask(SIG_UNBLOCK, &interrupt_only, NULL);
    rl_catch_signals = 0;  // the handler above is ours; readline must not re-raise SIGINT
    rl_signal_event_hook = check_interrupt;
    rl_getc_function = getc_checking_interrupts;
}

unsigned long coach_rl_interrupt_count(void) { return (unsigned long)interrupts; }

char *coach_rl_readline(const char *prompt) {
    // A Ctrl-C pressed while no line was being edited (during a reply or a guided workout) had
    // nothing to cancel: without this, the new prompt would be drawn twice.
    interrupts_seen = interrupts;
    return readline(prompt);
}

// Raw mode for the guided workout, kept here because Ctrl-Z needs a signal handler: the
// terminal is put back before the process stops, and raw again when `fg` continues it.
static struct termios raw_saved;
static struct termios raw_mode;
static volatile sig_atomic_t raw_active = 0;
static struct sigaction stop_before;

static void on_stop(int signo) {
    int saved_errno = errno;
    if (raw_active) tcsetattr(STDIN_FILENO, TCSANOW, &raw_saved);
    // Stop for real: the default action, with the signal unblocked (it is blocked in here).
    signal(SIGTSTP, SIG_DFL);
    sigset_t stop_only;
    sigemptyset(&stop_only);
    sigaddset(&stop_only, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &stop_only, NULL);
    raise(SIGTSTP);
    // Continued (`fg`): back to raw mode, and to this handler.
    if (raw_active) tcsetattr(STDIN_FILENO, TCSANOW, &raw_mode);
    catch_signal(SIGTSTP, on_stop, NULL);
    (void)signo;
    errno = saved_errno;
}

int coach_term_raw_begin(void) {
    if (!isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, &raw_saved) != 0) return 0;
    raw_mode = raw_saved;
    raw_mode.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
    raw_mode.c_cc[VMIN] = 1;   // a read returns after one byte
    raw_mode.c_cc[VTIME] = 0;  // with no timer between bytes
    catch_signal(SIGTSTP, on_stop, &stop_before);
    raw_active = 1;
    tcsetattr(STDIN_FILENO, TCSANOW, &raw_mode);
    return 1;
}

void coach_term_raw_end(void) {
    if (!raw_active) return;
    raw_active = 0;
    tcsetattr(STDIN_FILENO, TCSANOW, &raw_saved);
    sigaction(SIGTSTP, &stop_before, NULL);
}

void coach_rl_add_history(const char *line) { add_history(line); }

const char *coach_rl_library_version(void) { return rl_library_version ? rl_library_version : "unknown"; }
