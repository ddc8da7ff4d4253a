// The one place that touches readline's globals (see CReadline.h).
#include <stdio.h>  // readline.h uses FILE without including it
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
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

static volatile sig_atomic_t interrupts = 0;
static volatile sig_atomic_t terminate_signal = 0;

static void on_interrupt(int signo) {
    (void)signo;
    interrupts++;
}

static void on_terminate(int signo) { terminate_signal = signo; }

int coach_rl_terminate_requested(void) { return (int)terminate_signal; }

static unsigned long interrupts_seen = 0;

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
        rl_free_line_state();
        rl_replace_line("", 0);
        rl_crlf();
        rl_on_new_line();
        rl_redisplay();
    }
    return 0;
}

// Reads a key. readline calls check_interrupt itself when a signal breaks a blocked read; a
// Ctrl-C that arrives while readline is busy is caught here, before the next key is used,
// so keys typed after Ctrl-C never join the abandoned line.
static int getc_checking_interrupts(FILE *stream) {
    check_interrupt();
    int key = rl_getc(stream);
    check_interrupt();
    return key;
}

void coach_rl_install_interrupt_handler(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, NULL);
    struct sigaction terminate;
    memset(&terminate, 0, sizeof terminate);
    terminate.sa_handler = on_terminate;
    sigemptyset(&terminate.sa_mask);
    sigaction(SIGTERM, &terminate, NULL);
    sigaction(SIGHUP, &terminate, NULL);
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

char *coach_rl_readline(const char *prompt) { return readline(prompt); }

void coach_rl_add_history(const char *line) { add_history(line); }

const char *coach_rl_library_version(void) { return rl_library_version ? rl_library_version : "unknown"; }
