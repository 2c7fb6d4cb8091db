// Internal: CBC's solve in a child process, with a watchdog (included by shim.h).
//
// CBC 2.10.8 checks its time limit only between steps (nodes, heuristic passes, cut rounds);
// its C interface offers no event handler or interrupt, and one step can take seconds (the
// feasibility pump's first pass on scpnre1: 2.4 s). So `Cbc_solve` runs in a forked child that
// writes CBC's whole answer into a pipe; the parent waits for it until a deadline and then
// kills the child (SIGKILL), which no step of CBC can delay. The child runs only this C code
// and CBC (no Swift, whose runtime locks another thread may have held at the fork); glibc's
// fork keeps malloc usable in the child. A CBC abort or crash ends the child, not the program.
#ifndef CCBC_WATCHDOG_H
#define CCBC_WATCHDOG_H
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

/// How a watched solve ended.
enum {
    CCBC_ENDED = 0,        ///< CBC returned; every field below is CBC's answer
    CCBC_KILLED = 1,       ///< the deadline passed first: the child was killed, CBC's answer is lost
    CCBC_INTERRUPTED = 2,  ///< `stop()` said so: the child was killed
    CCBC_DIED = 3,         ///< the child ended without an answer (`signal`: the signal, 0 if none)
    CCBC_NOT_STARTED = 4   ///< pipe or fork failed (`error`: errno)
};

/// CBC's answer after `Cbc_solve`, as the child read it, and how the solve ended.
typedef struct CCbcOutcome {
    int32_t ending, signal, error;
    int32_t status, secondary;
    int32_t provenOptimal, provenInfeasible, continuousUnbounded, secondsLimitReached, initialInfeasible;
    int32_t hasBest, hasColumns;  ///< `best` / `columns` were filled (Cbc_bestSolution / Cbc_getColSolution)
    double objective, bestPossible;
} CCbcOutcome;

static inline double ccbc_now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static inline int ccbc_write_all(int fd, const void *_Nonnull data, size_t size) {
    const char *p = (const char *)data;
    while (size > 0) {
        ssize_t n = write(fd, p, size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return -1;
        p += n; size -= (size_t)n;
    }
    return 0;
}

/// Reads `size` bytes unless the deadline (`ccbc_now` seconds; < 0: none) passes or `stop()`
/// returns non-zero first (checked whenever 50 ms pass with nothing to read, so an answer already
/// in the pipe is always taken). Returns 0 read, 1 deadline, 2 stopped, -1 end of file or error.
static inline int ccbc_read_all(int fd, void *_Nonnull data, size_t size, double deadline, int (*_Nullable stop)(void)) {
    char *p = (char *)data;
    while (size > 0) {
        int wait = 50;
        if (deadline >= 0) {
            double left = deadline - ccbc_now();
            if (left > 0 && left * 1000 < wait) wait = (int)(left * 1000) + 1;
        }
        struct pollfd watch = {fd, POLLIN, 0};
        int ready = poll(&watch, 1, wait);
        if (ready < 0 && errno != EINTR) return -1;
        if (ready <= 0) {  // nothing to read yet: only now may the deadline or a stop end the wait
            if (deadline >= 0 && ccbc_now() >= deadline) return 1;
            if (stop && stop()) return 2;
            continue;
        }
        ssize_t n = read(fd, p, size);
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (n <= 0) return -1;
        p += n; size -= (size_t)n;
    }
    return 0;
}

/// Solves the loaded and configured `model` with `Cbc_solve` in a child process and reads back
/// its answer: `out` and, when set, `best` and `columns` (`columnCount` doubles each). Waits at
/// most `seconds` (< 0: no limit) and while `stop` (may be NULL) returns 0. The parent never
/// calls `Cbc_solve`: `model` can only be deleted afterwards.
static inline void ccbc_solve_watched(const CCbcFunctions *_Nonnull C, Cbc_Model *_Nonnull model, int columnCount,
                                      double seconds, int (*_Nullable stop)(void), CCbcOutcome *_Nonnull out,
                                      double *_Nonnull best, double *_Nonnull columns) {
    memset(out, 0, sizeof *out);
    double deadline = seconds < 0 ? -1 : ccbc_now() + seconds;
    int fds[2];
    if (pipe(fds) != 0) { out->ending = CCBC_NOT_STARTED; out->error = errno; return; }
    // Not inherited by programs other threads start meanwhile (their exec closes it).
    fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    fcntl(fds[1], F_SETFD, FD_CLOEXEC);
    pid_t parent = getpid();
    // Nothing the program printed may sit in a stdio buffer the child inherits: the child would
    // print it again when it flushes CBC's own output (verbose).
    fflush(NULL);
    pid_t child = fork();
    if (child < 0) {
        out->ending = CCBC_NOT_STARTED; out->error = errno;
        close(fds[0]); close(fds[1]);
        return;
    }
    if (child == 0) {
        close(fds[0]);
#ifdef __linux__
        prctl(PR_SET_PDEATHSIG, SIGKILL);  // no CBC left running if the program dies
        if (getppid() != parent) _exit(1);  // it died before the line above
#endif
        // The terminal's Ctrl-C reaches the whole process group; the parent decides (`stop`).
        signal(SIGINT, SIG_IGN);
        signal(SIGTERM, SIG_IGN);
        C->Cbc_solve(model);
        CCbcOutcome answer;
        memset(&answer, 0, sizeof answer);
        answer.ending = CCBC_ENDED;
        answer.status = C->Cbc_status(model);
        answer.secondary = C->Cbc_secondaryStatus(model);
        answer.provenOptimal = C->Cbc_isProvenOptimal(model);
        answer.provenInfeasible = C->Cbc_isProvenInfeasible(model);
        answer.continuousUnbounded = C->Cbc_isContinuousUnbounded(model);
        answer.secondsLimitReached = C->Cbc_isSecondsLimitReached(model);
        answer.initialInfeasible = C->Cbc_isInitialSolveProvenPrimalInfeasible(model);
        const double *bestSolution = C->Cbc_bestSolution(model);
        const double *columnSolution = C->Cbc_getColSolution(model);
        answer.hasBest = bestSolution != NULL;
        answer.hasColumns = columnSolution != NULL;
        answer.objective = C->Cbc_getObjValue(model);
        answer.bestPossible = C->Cbc_getBestPossibleObjValue(model);
        size_t bytes = sizeof(double) * (size_t)columnCount;
        int failed = ccbc_write_all(fds[1], &answer, sizeof answer);
        if (!failed && bestSolution && bytes) failed = ccbc_write_all(fds[1], bestSolution, bytes);
        if (!failed && columnSolution && bytes) failed = ccbc_write_all(fds[1], columnSolution, bytes);
        fflush(NULL);  // CBC's log (verbose); _exit does not flush
        _exit(failed ? 1 : 0);
    }
    close(fds[1]);
    int got = ccbc_read_all(fds[0], out, sizeof *out, deadline, stop);
    size_t bytes = sizeof(double) * (size_t)columnCount;
    // CBC has answered: the points follow at once (no deadline; a stop still ends the wait).
    if (got == 0 && out->hasBest && bytes) got = ccbc_read_all(fds[0], best, bytes, -1, stop);
    if (got == 0 && out->hasColumns && bytes) got = ccbc_read_all(fds[0], columns, bytes, -1, stop);
    close(fds[0]);
    if (got != 0) kill(child, SIGKILL);  // also on a read error: waitpid must not wait for CBC
    int status = 0;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {}
    if (got == 1 || got == 2) {
        memset(out, 0, sizeof *out);
        out->ending = got == 1 ? CCBC_KILLED : CCBC_INTERRUPTED;
    } else if (got < 0) {
        memset(out, 0, sizeof *out);
        out->ending = CCBC_DIED;
        out->signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    }
}

#endif
