/*
 * proc.h: the simulated processes of one container (a PID namespace) on
 * a simulated clock. Nothing here runs anything on the host: a process is
 * a data structure whose program is either the shell interpreter (sh.h)
 * or a native simulated program (programs.h).
 *
 * A namespace (struct pns) owns its processes, open files and pipes. The
 * scheduler (pns_run) steps every runnable process until it blocks
 * (waiting for a child, for input, for a timer, or forever like a
 * server) or exits, then moves the clock to the next timer, up to a
 * horizon. Time is in milliseconds of simulated time; nothing sleeps.
 *
 * Signals follow Linux (run-semantics.md §3.3): a signal whose
 * disposition is "default" is not delivered to PID 1 of the namespace;
 * SIGKILL always is. A caught signal runs the program's handler (a shell
 * trap, or a native program's on_signal).
 *
 * Ownership: pns_new returns a namespace freed with pns_free, which frees
 * every process, file and pipe. The vfs, sinks and explain list it points
 * to are borrowed and must outlive it.
 */
#ifndef PROC_H
#define PROC_H

#include "common.h"
#include "imgconfig.h"
#include "sb.h"

struct vfs;
struct vfs_entry;
struct explain_list;
struct pns;
struct proc;
struct sh;
struct scratch;

/* Special results of a program step (a step otherwise returns the exit
 * status 0..255). */
enum {
    PROG_EXIT_MAX = 255,
    PROG_BLOCK = -1,   /* blocked: p->state says on what */
    PROG_EXEC = -2,    /* replaced itself: p->exec_* say with what */
};

enum pstate {
    P_RUNNABLE,
    P_SLEEP,       /* until wake_ms */
    P_WAIT_CHILD,  /* wait_pid (or -1: see proc.wait_any) */
    P_WAIT_INPUT,  /* its fd wait_fd has no data and a live writer */
    P_FOREVER,     /* a server or an interactive program: until a signal */
    P_BUSY,        /* an endless loop cut by the step budget */
    P_ZOMBIE,      /* exited, not yet collected by its parent */
};

/* Signal dispositions. */
enum { SIGD_DFL, SIGD_IGN, SIGD_CATCH };

#define PNS_NSIG 65
#define PROC_NFD 10

/* Sizes and limits */
#define PNS_OUTPUT_LIMIT (1024 * 1024)   /* bytes of logs per container */
#define PNS_STEP_BUDGET 200000           /* steps before a loop is cut */

/* ----- pipes and open files ----------------------------------------- */

struct upipe {
    struct sb buf;
    size_t rpos;
    int writers, readers;   /* open ends */
    unsigned refs;
};

enum ofile_kind {
    OF_NULL,     /* /dev/null: reads EOF, writes vanish */
    OF_SINK,     /* container stdout/stderr, a capture buffer */
    OF_PIPE_R,
    OF_PIPE_W,
    OF_FILE,     /* a file of the vfs */
    OF_TTY,      /* docker run -t -i: reads wait for the user forever */
};

struct ofile {
    unsigned refs;
    enum ofile_kind kind;
    struct sb *sink;        /* OF_SINK (borrowed) */
    struct upipe *pipe;     /* OF_PIPE_* */
    char *path;             /* OF_FILE: the real path */
    size_t rpos;            /* OF_FILE: read position */
    bool readable, writable;
};

/* ----- a process ----------------------------------------------------- */

struct native_def;

struct proc {
    int pid, ppid;
    struct strlist argv;        /* as /proc/PID/cmdline shows it */
    char *exe;                  /* the program file (resolved path) */
    unsigned uid, gid;
    unsigned *groups;           /* supplementary groups */
    size_t n_groups;
    char *cwd;
    struct strlist env;         /* natives: their environment */
    struct ofile *fd[PROC_NFD];
    enum pstate state;
    long long wake_ms;          /* P_SLEEP */
    int wait_pid;               /* P_WAIT_CHILD: a pid, or -1 for any */
    int wait_fd;                /* P_WAIT_INPUT */
    int status;                 /* exit status once P_ZOMBIE */
    int killed_by;              /* signal that ended it (0: exited) */
    unsigned char disp[PNS_NSIG];
    bool pending[PNS_NSIG];     /* caught, handler not run yet */
    bool woken_by_signal;       /* a caught signal ended a wait early */
    bool wake_on_child;         /* P_SLEEP also ends when a child exits */
    long long start_ms;
    /* the program */
    struct sh *sh;              /* the shell interpreter, or NULL */
    const struct native_def *native;
    int phase;                  /* natives: where to resume */
    int after_status;           /* natives: exit status after a sleep */
    void *pdata;                /* natives: their state (freed with free) */
    bool reaped;                /* a zombie nobody will wait for */
    /* proc_exec prepared a new program (committed by the scheduler
     * after a PROG_EXEC, or at once for a new process) */
    bool exec_pending;
    char *exec_path;
    struct strlist exec_argv;
    bool exec_shell;
    int exec_sh_flavor;
    const struct native_def *exec_native;
    int exec_pflavor;
    int pflavor;                /* natives: GNU or BusyBox behaviour */
    unsigned umask;
    /* bookkeeping */
    bool running;               /* inside its own step */
    int kill_pending;           /* a signal to apply after the step */
    int exit_pending;           /* status + 1 to exit with after it */
    bool is_init;               /* docker-init (tini) */
    bool exec_job;              /* started by docker exec */
};

/* ----- the namespace ------------------------------------------------- */

/* Health check state (run-semantics.md §3.6). */
struct health_log {
    long long start_ms, end_ms;
    int exit_code;
    char *output;
};

struct pns {
    struct vfs *fs;             /* the container's (or image's) files */
    struct proc **procs;
    size_t n_procs;
    int next_pid;
    long long now_ms;           /* the namespace clock */
    long long start_ms;
    struct sb *out, *err;       /* the container's stdout and stderr */
    struct sb *in_text;         /* stdin data for PID 1 (NULL: none) */
    bool tty, interactive;
    bool read_only;             /* --read-only */
    bool build;                 /* a RUN step (one shot, no container) */
    const char *hostname;
    struct explain_list *ex;    /* current command's explanations */
    bool exited;                /* PID 1 has exited */
    int exit_status;
    int exit_signal;            /* PID 1 died of this signal (0: exited) */
    long long exit_ms;
    unsigned long steps;        /* budget used by the current step */
    bool out_truncated;
    /* docker stop bookkeeping */
    long long last_stop_ms;     /* how long the last docker stop took */
    bool has_last_stop;
    /* health */
    int health;                 /* 0 none, 1 starting, 2 healthy, 3 unhealthy */
    int failing_streak;
    struct health_log hlog[5];
    size_t n_hlog;
    long long next_probe_ms;
    bool probing;
    void *owner;                /* the struct container, or NULL */
    struct scratch *scratch;    /* synthesised /proc entries */
    struct sb **extra;          /* docker exec output buffers */
    size_t n_extra;
    const char *os_id;          /* "debian", "ubuntu", "alpine"... */
};

/* A new, empty namespace on fs, clock at now_ms. */
struct pns *pns_new(struct vfs *fs, long long now_ms);
void pns_free(struct pns *ns);

/* ----- processes ----------------------------------------------------- */

/* A new process (RUNNABLE, no program yet) with the next pid; ppid 0 for
 * PID 1 or a docker exec. */
struct proc *proc_new(struct pns *ns, int ppid);
struct proc *pns_find(struct pns *ns, int pid);
/* Copy the credentials, cwd, env and fds of parent into child. */
void proc_inherit(struct proc *child, const struct proc *parent);
/* Set argv (for ps) from a vector. */
void proc_set_argv(struct proc *p, char *const *argv, size_t argc);

/*
 * Prepare p to run argv (path is the resolved file): look through #!
 * interpreters to the simulated program. Returns 0 (the plan is stored
 * in p; proc_exec_commit installs it), or an errno: ENOENT (a #!
 * interpreter is missing), ENOEXEC (not an executable format: a text
 * file without #!), EACCES (not executable, a directory).
 */
int proc_exec(struct pns *ns, struct proc *p, const char *path,
              char *const *argv, size_t argc);
/* Install the prepared program: free the old one, reset caught signals
 * to their default, set argv. */
void proc_exec_commit(struct pns *ns, struct proc *p);
/* proc_new + proc_inherit + proc_exec + commit: a child of parent
 * running argv. NULL with *err on failure. */
struct proc *proc_spawn(struct pns *ns, struct proc *parent, const char *path,
                        char *const *argv, size_t argc, int *err);

/* End p with status (0..255), or killed by sig (status 128+sig). */
void proc_exit(struct pns *ns, struct proc *p, int status);
void proc_kill(struct pns *ns, struct proc *p, int sig);

/*
 * Send sig to p as kill(2) does (from outside the namespace when
 * from_outside: docker stop/kill). Returns what happened for the
 * explanations: 0 delivered to a handler, 1 default action (terminated),
 * 2 ignored (disposition), 3 dropped (PID 1 has no handler).
 */
int proc_signal(struct pns *ns, struct proc *p, int sig, bool from_outside);

/* Children of pid (alive or zombie). */
size_t pns_children(struct pns *ns, int pid, struct proc **out, size_t max);
/* Collect zombie child pid of parent (-1: any); returns its status and
 * frees it, or -1 if none is ready. *cpid gets the pid. */
int proc_reap(struct pns *ns, struct proc *parent, int pid, int *cpid);
bool proc_has_children(struct pns *ns, int pid, bool running_only);

/*
 * Run the namespace until nothing can run before until_ms (timers up to
 * until_ms fire), or PID 1 exits. Returns true if PID 1 has exited.
 */
bool pns_run(struct pns *ns, long long until_ms);
/* Like pns_run, but stop as soon as process pid has ended (the clock
 * stays at that moment). True if it ended. */
bool pns_run_for(struct pns *ns, int pid, long long until_ms);
/* Run only p and its descendants until p exits (time passes locally:
 * the elapsed time is returned in *elapsed_ms). Used for $(...). Returns
 * p's exit status, or -1 if it never ends. */
int pns_run_sync(struct pns *ns, struct proc *p, long long *elapsed_ms);

/* The root process (PID 1), or NULL. */
struct proc *pns_init(struct pns *ns);

/* ----- files --------------------------------------------------------- */

struct ofile *ofile_new(enum ofile_kind kind);
struct ofile *ofile_ref(struct ofile *f);
void ofile_unref(struct ofile *f);
struct ofile *ofile_sink(struct sb *sink);
void proc_setfd(struct proc *p, int fd, struct ofile *f); /* takes a ref */
/* A pipe: *r and *w each carry one reference. */
void pipe_open(struct ofile **r, struct ofile **w);

/* Write to fd of p (to nowhere if closed). Returns -1 with SIGPIPE on a
 * pipe without readers (the caller decides), else 0. */
int proc_write(struct pns *ns, struct proc *p, int fd, const char *s,
               size_t len);
void proc_puts(struct pns *ns, struct proc *p, int fd, const char *s);
void proc_printf(struct pns *ns, struct proc *p, int fd, const char *fmt, ...)
    ATTR_PRINTF(4, 5);

/*
 * Read everything available on fd into out. Returns 1 at end of input
 * (everything read), 0 if more may come later (a pipe with a live
 * writer, a terminal): the caller blocks with P_WAIT_INPUT.
 */
int proc_read_all(struct pns *ns, struct proc *p, int fd, struct sb *out);
/* Read one line (without the newline) from fd. Returns 1 with a line,
 * 2 at end of input with a last partial line, 0 at end of input with
 * nothing, -1 if it would block. */
int proc_read_line(struct pns *ns, struct proc *p, int fd, struct sb *line);

/* ----- the filesystem as a process sees it ------------------------ */

/* The absolute, cleaned form of path relative to p's cwd. */
void proc_path(const struct proc *p, const char *path, struct sb *out);

/*
 * Open path for a process: flags as for open(2) in spirit. Handles
 * /dev/null, /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N and
 * /dev/tty. Returns a new ofile, or NULL with *err an errno (ENOENT,
 * ENOTDIR, EISDIR, EACCES, EROFS).
 */
enum { UO_READ = 1, UO_WRITE = 2, UO_TRUNC = 4, UO_APPEND = 8,
       UO_CREAT = 16, UO_EXCL = 32 };
struct ofile *proc_open(struct pns *ns, struct proc *p, const char *path,
                        int flags, int *err);

/* stat with symlinks followed (lstat with follow=false); /proc and /dev
 * are synthesised. NULL with *err on failure. The entry is only valid
 * until the next call for /proc paths. */
const struct vfs_entry *ufs_stat(struct pns *ns, struct proc *p,
                                 const char *path, bool follow, int *err);
/* Read a whole regular file (or a /proc file) into out: 0 or an errno. */
int ufs_read(struct pns *ns, struct proc *p, const char *path,
             struct sb *out);
/* Can p write into directory dir / the file e? (uid 0 always can, unless
 * the filesystem is read-only: EROFS). 0 or an errno. */
int ufs_may_write(struct pns *ns, const struct proc *p,
                  const struct vfs_entry *e);
bool ufs_may_exec(const struct proc *p, const struct vfs_entry *e);
bool ufs_may_read(const struct proc *p, const struct vfs_entry *e);

/* List directory names (sorted) of path into names; /proc lists pids.
 * 0 or an errno. */
int ufs_list(struct pns *ns, struct proc *p, const char *path,
             struct strlist *names);

/* Find name on PATH (colon list) for p: returns the resolved path
 * (malloc'd) of an executable regular file, or NULL. */
char *ufs_which(struct pns *ns, struct proc *p, const char *name,
                const char *path_var);

/* ----- users ------------------------------------------------------- */

/* /etc/passwd lookups: name by uid (NULL if none: malloc'd), uid by name. */
char *ufs_user_name(struct pns *ns, unsigned uid);
char *ufs_group_name(struct pns *ns, unsigned gid);
bool ufs_user_lookup(struct pns *ns, const char *name, unsigned *uid,
                     unsigned *gid, char **home, char **shell);
bool ufs_group_lookup(struct pns *ns, const char *name, unsigned *gid);
/* Supplementary groups of user name (from /etc/group), plus gid. */
void ufs_user_groups(struct pns *ns, const char *name, unsigned gid,
                     unsigned **groups, size_t *n);

/* ----- misc -------------------------------------------------------- */

/* Value of name in env ("K=V" list), or NULL. */
const char *uenv_get(const struct strlist *env, const char *name);
void uenv_set(struct strlist *env, const char *name, const char *value);
void uenv_unset(struct strlist *env, const char *name);

/* Record an explanation once per id in the namespace's current list. */
void pns_explain(struct pns *ns, const char *id, const char *fmt, ...)
    ATTR_PRINTF(3, 4);

/* Signal names: "TERM" for 15 (NULL if unknown). */
const char *usig_name(int sig);
int usig_number(const char *name); /* "TERM", "SIGTERM", "15"; -1 */

#endif /* PROC_H */
