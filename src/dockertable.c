/*
 * dockertable.c: THE table of docker commands docksim knows, with every
 * flag the real docker CLI 28 accepts for them (data only; the parser,
 * help and messages are in dockerargs.c).
 *
 * Sources (checked against each other):
 * - The docker CLI 28.2.2 binary (build e6534b4), `docker CMD --help`
 *   with a stub Linux daemon answering /_ping (OSType linux, API 1.50):
 *   names, shorthands, type words, defaults, usage texts, Use/Short,
 *   the Aliases: lines, in the order and wording it prints. Flag values
 *   and argument counts were probed with the same binary (e.g.
 *   `docker run --net=x` is accepted, `docker build --progress=x` is not).
 * - docker/cli source (cli/command/container/{opts,run,create,start,
 *   stop,restart}.go, cli/command/image/build.go, cli/required.go,
 *   cmd/docker/docker.go): hidden flags (--net, --net-alias, --dns-opt),
 *   the deprecated --time of stop/restart, the Windows-only and
 *   experimental annotations, the usage texts that hold newlines
 *   (--cgroupns, --format via cli/flags FormatHelp/InspectFormatHelp,
 *   `image inspect --platform`), SetInterspersed(false) and the Args
 *   validators.
 * - docs.docker.com reference pages for the same commands (options
 *   tables), for cross-checking.
 *
 * `docker build` here is the CLI's own (legacy) builder, which is what
 * the docker CLI binary alone accepts. With the buildx plugin installed
 * (Docker Desktop, docker-ce packages) `docker build` runs `docker buildx
 * build`, whose flags differ (--progress, --load, --push, --secret ...).
 *
 * Each flag set is sorted by name, as pflag lists them. A set of a
 * command other than run/create ends with cobra's hidden --help (-h
 * deprecated: run/create use -h for --hostname and define --help alone).
 *
 * To add a command: write its flag set (or reuse one), add a row below,
 * and extend the tests in tests/unit/test_dockerargs.c.
 */
#include "dockerargs.h"

/* clang-format off */

/*
 * docker run and docker create share their flags (cobra: addFlags); run
 * adds --detach, --detach-keys and --sig-proxy, and the two --pull usage
 * texts differ (create's "|missing" is the CLI's own). Each set is sorted
 * by name, so the shared rows come in runs between the differing ones.
 */
#define CONTAINER_FLAGS_1 \
    { .name = "add-host", .type = DFLAG_LIST, .varname = "list", .usage = "Add a custom host-to-IP mapping (host:ip)", .check = DCHK_ADD_HOST }, \
    { .name = "annotation", .type = DFLAG_LIST, .varname = "map", .def = "map[]", .usage = "Add an annotation to the container (passed through to the OCI runtime)" }, \
    { .name = "attach", .shorthand = 'a', .type = DFLAG_LIST, .varname = "list", .usage = "Attach to STDIN, STDOUT or STDERR", .check = DCHK_ATTACH, .simulated = true }, \
    { .name = "blkio-weight", .type = DFLAG_UINT16, .varname = "uint16", .usage = "Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)" }, \
    { .name = "blkio-weight-device", .type = DFLAG_LIST, .varname = "list", .def = "[]", .usage = "Block IO weight (relative device weight)" }, \
    { .name = "cap-add", .type = DFLAG_LIST, .varname = "list", .usage = "Add Linux capabilities" }, \
    { .name = "cap-drop", .type = DFLAG_LIST, .varname = "list", .usage = "Drop Linux capabilities" }, \
    { .name = "cgroup-parent", .type = DFLAG_STRING, .varname = "string", .usage = "Optional parent cgroup for the container" }, \
    { .name = "cgroupns", .type = DFLAG_STRING, .varname = "string", .usage = "Cgroup namespace to use (host|private)\n" \
              "'host':    Run the container in the Docker host's cgroup namespace\n" \
              "'private': Run the container in its own private cgroup namespace\n" \
              "'':        Use the cgroup namespace as configured by the\n" \
              "           default-cgroupns-mode option on the daemon (default)" }, \
    { .name = "cidfile", .type = DFLAG_STRING, .varname = "string", .usage = "Write the container ID to the file" }, \
    { .name = "cpu-count", .type = DFLAG_INT, .varname = "int", .usage = "CPU count (Windows only)", .attrs = DFA_WINDOWS }, \
    { .name = "cpu-percent", .type = DFLAG_INT, .varname = "int", .usage = "CPU percent (Windows only)", .attrs = DFA_WINDOWS }, \
    { .name = "cpu-period", .type = DFLAG_INT, .varname = "int", .usage = "Limit CPU CFS (Completely Fair Scheduler) period" }, \
    { .name = "cpu-quota", .type = DFLAG_INT, .varname = "int", .usage = "Limit CPU CFS (Completely Fair Scheduler) quota" }, \
    { .name = "cpu-rt-period", .type = DFLAG_INT, .varname = "int", .usage = "Limit CPU real-time period in microseconds" }, \
    { .name = "cpu-rt-runtime", .type = DFLAG_INT, .varname = "int", .usage = "Limit CPU real-time runtime in microseconds" }, \
    { .name = "cpu-shares", .shorthand = 'c', .type = DFLAG_INT, .varname = "int", .usage = "CPU shares (relative weight)" }, \
    { .name = "cpus", .type = DFLAG_VALUE, .varname = "decimal", .usage = "Number of CPUs", .check = DCHK_DECIMAL }, \
    { .name = "cpuset-cpus", .type = DFLAG_STRING, .varname = "string", .usage = "CPUs in which to allow execution (0-3, 0,1)" }, \
    { .name = "cpuset-mems", .type = DFLAG_STRING, .varname = "string", .usage = "MEMs in which to allow execution (0-3, 0,1)" },

#define CONTAINER_FLAGS_2 \
    { .name = "device", .type = DFLAG_LIST, .varname = "list", .usage = "Add a host device to the container" }, \
    { .name = "device-cgroup-rule", .type = DFLAG_LIST, .varname = "list", .usage = "Add a rule to the cgroup allowed devices list", .check = DCHK_CGROUP_RULE }, \
    { .name = "device-read-bps", .type = DFLAG_LIST, .varname = "list", .def = "[]", .usage = "Limit read rate (bytes per second) from a device" }, \
    { .name = "device-read-iops", .type = DFLAG_LIST, .varname = "list", .def = "[]", .usage = "Limit read rate (IO per second) from a device" }, \
    { .name = "device-write-bps", .type = DFLAG_LIST, .varname = "list", .def = "[]", .usage = "Limit write rate (bytes per second) to a device" }, \
    { .name = "device-write-iops", .type = DFLAG_LIST, .varname = "list", .def = "[]", .usage = "Limit write rate (IO per second) to a device" }, \
    { .name = "disable-content-trust", .type = DFLAG_BOOL, .def = "true", .usage = "Skip image verification" }, \
    { .name = "dns", .type = DFLAG_LIST, .varname = "list", .usage = "Set custom DNS servers", .check = DCHK_IP }, \
    { .name = "dns-opt", .type = DFLAG_LIST, .varname = "list", .usage = "Set DNS options", .attrs = DFA_HIDDEN, .same_value_as = "dns-option" }, \
    { .name = "dns-option", .type = DFLAG_LIST, .varname = "list", .usage = "Set DNS options" }, \
    { .name = "dns-search", .type = DFLAG_LIST, .varname = "list", .usage = "Set custom DNS search domains" }, \
    { .name = "domainname", .type = DFLAG_STRING, .varname = "string", .usage = "Container NIS domain name" }, \
    { .name = "entrypoint", .type = DFLAG_STRING, .varname = "string", .usage = "Overwrite the default ENTRYPOINT of the image", .simulated = true }, \
    { .name = "env", .shorthand = 'e', .type = DFLAG_LIST, .varname = "list", .usage = "Set environment variables", .check = DCHK_ENV, .simulated = true }, \
    { .name = "env-file", .type = DFLAG_LIST, .varname = "list", .usage = "Read in a file of environment variables", .simulated = true }, \
    { .name = "expose", .type = DFLAG_LIST, .varname = "list", .usage = "Expose a port or a range of ports", .simulated = true }, \
    { .name = "gpus", .type = DFLAG_LIST, .varname = "gpu-request", .usage = "GPU devices to add to the container ('all' to pass all GPUs)" }, \
    { .name = "group-add", .type = DFLAG_LIST, .varname = "list", .usage = "Add additional groups to join" }, \
    { .name = "health-cmd", .type = DFLAG_STRING, .varname = "string", .usage = "Command to run to check health", .simulated = true }, \
    { .name = "health-interval", .type = DFLAG_DURATION, .varname = "duration", .usage = "Time between running the check (ms|s|m|h) (default 0s)", .simulated = true }, \
    { .name = "health-retries", .type = DFLAG_INT, .varname = "int", .usage = "Consecutive failures needed to report unhealthy", .simulated = true }, \
    { .name = "health-start-interval", .type = DFLAG_DURATION, .varname = "duration", .usage = "Time between running the check during the start period (ms|s|m|h) (default 0s)", .simulated = true }, \
    { .name = "health-start-period", .type = DFLAG_DURATION, .varname = "duration", .usage = "Start period for the container to initialize before starting health-retries countdown (ms|s|m|h) (default 0s)", .simulated = true }, \
    { .name = "health-timeout", .type = DFLAG_DURATION, .varname = "duration", .usage = "Maximum time to allow one check to run (ms|s|m|h) (default 0s)", .simulated = true }, \
    { .name = "help", .type = DFLAG_BOOL, .usage = "Print usage", .simulated = true }, \
    { .name = "hostname", .shorthand = 'h', .type = DFLAG_STRING, .varname = "string", .usage = "Container host name", .simulated = true }, \
    { .name = "init", .type = DFLAG_BOOL, .usage = "Run an init inside the container that forwards signals and reaps processes", .simulated = true }, \
    { .name = "interactive", .shorthand = 'i', .type = DFLAG_BOOL, .usage = "Keep STDIN open even if not attached", .simulated = true }, \
    { .name = "io-maxbandwidth", .type = DFLAG_VALUE, .varname = "bytes", .usage = "Maximum IO bandwidth limit for the system drive (Windows only)", .check = DCHK_BYTES, .attrs = DFA_WINDOWS }, \
    { .name = "io-maxiops", .type = DFLAG_UINT64, .varname = "uint", .usage = "Maximum IOps limit for the system drive (Windows only)", .attrs = DFA_WINDOWS }, \
    { .name = "ip", .type = DFLAG_STRING, .varname = "string", .usage = "IPv4 address (e.g., 172.30.100.104)" }, \
    { .name = "ip6", .type = DFLAG_STRING, .varname = "string", .usage = "IPv6 address (e.g., 2001:db8::33)" }, \
    { .name = "ipc", .type = DFLAG_STRING, .varname = "string", .usage = "IPC mode to use" }, \
    { .name = "isolation", .type = DFLAG_STRING, .varname = "string", .usage = "Container isolation technology" }, \
    { .name = "kernel-memory", .type = DFLAG_VALUE, .varname = "bytes", .usage = "Kernel memory limit", .check = DCHK_BYTES }, \
    { .name = "label", .shorthand = 'l', .type = DFLAG_LIST, .varname = "list", .usage = "Set meta data on a container", .check = DCHK_LABEL, .simulated = true }, \
    { .name = "label-file", .type = DFLAG_LIST, .varname = "list", .usage = "Read in a line delimited file of labels" }, \
    { .name = "link", .type = DFLAG_LIST, .varname = "list", .usage = "Add link to another container", .check = DCHK_LINK }, \
    { .name = "link-local-ip", .type = DFLAG_LIST, .varname = "list", .usage = "Container IPv4/IPv6 link-local addresses" }, \
    { .name = "log-driver", .type = DFLAG_STRING, .varname = "string", .usage = "Logging driver for the container" }, \
    { .name = "log-opt", .type = DFLAG_LIST, .varname = "list", .usage = "Log driver options" }, \
    { .name = "mac-address", .type = DFLAG_STRING, .varname = "string", .usage = "Container MAC address (e.g., 92:d0:c6:0a:29:33)" }, \
    { .name = "memory", .shorthand = 'm', .type = DFLAG_VALUE, .varname = "bytes", .usage = "Memory limit", .check = DCHK_BYTES }, \
    { .name = "memory-reservation", .type = DFLAG_VALUE, .varname = "bytes", .usage = "Memory soft limit", .check = DCHK_BYTES }, \
    { .name = "memory-swap", .type = DFLAG_VALUE, .varname = "bytes", .usage = "Swap limit equal to memory plus swap: '-1' to enable unlimited swap", .check = DCHK_MEMSWAP }, \
    { .name = "memory-swappiness", .type = DFLAG_INT, .varname = "int", .def = "-1", .usage = "Tune container memory swappiness (0 to 100)" }, \
    { .name = "mount", .type = DFLAG_LIST, .varname = "mount", .usage = "Attach a filesystem mount to the container" }, \
    { .name = "name", .type = DFLAG_STRING, .varname = "string", .usage = "Assign a name to the container", .simulated = true }, \
    { .name = "net", .type = DFLAG_LIST, .varname = "network", .usage = "Connect a container to a network", .attrs = DFA_HIDDEN, .same_value_as = "network", .simulated = true }, \
    { .name = "net-alias", .type = DFLAG_LIST, .varname = "list", .usage = "Add network-scoped alias for the container", .attrs = DFA_HIDDEN, .same_value_as = "network-alias" }, \
    { .name = "network", .type = DFLAG_LIST, .varname = "network", .usage = "Connect a container to a network", .simulated = true }, \
    { .name = "network-alias", .type = DFLAG_LIST, .varname = "list", .usage = "Add network-scoped alias for the container" }, \
    { .name = "no-healthcheck", .type = DFLAG_BOOL, .usage = "Disable any container-specified HEALTHCHECK", .simulated = true }, \
    { .name = "oom-kill-disable", .type = DFLAG_BOOL, .usage = "Disable OOM Killer" }, \
    { .name = "oom-score-adj", .type = DFLAG_INT, .varname = "int", .usage = "Tune host's OOM preferences (-1000 to 1000)" }, \
    { .name = "pid", .type = DFLAG_STRING, .varname = "string", .usage = "PID namespace to use" }, \
    { .name = "pids-limit", .type = DFLAG_INT, .varname = "int", .usage = "Tune container pids limit (set -1 for unlimited)" }, \
    { .name = "platform", .type = DFLAG_STRING, .varname = "string", .usage = "Set platform if server is multi-platform capable" }, \
    { .name = "privileged", .type = DFLAG_BOOL, .usage = "Give extended privileges to this container" }, \
    { .name = "publish", .shorthand = 'p', .type = DFLAG_LIST, .varname = "list", .usage = "Publish a container's port(s) to the host", .simulated = true }, \
    { .name = "publish-all", .shorthand = 'P', .type = DFLAG_BOOL, .usage = "Publish all exposed ports to random ports", .simulated = true },

#define CONTAINER_FLAGS_3 \
    { .name = "quiet", .shorthand = 'q', .type = DFLAG_BOOL, .usage = "Suppress the pull output", .simulated = true }, \
    { .name = "read-only", .type = DFLAG_BOOL, .usage = "Mount the container's root filesystem as read only", .simulated = true }, \
    { .name = "restart", .type = DFLAG_STRING, .varname = "string", .def = "no", .usage = "Restart policy to apply when a container exits", .simulated = true }, \
    { .name = "rm", .type = DFLAG_BOOL, .usage = "Automatically remove the container and its associated anonymous volumes when it exits", .simulated = true }, \
    { .name = "runtime", .type = DFLAG_STRING, .varname = "string", .usage = "Runtime to use for this container" }, \
    { .name = "security-opt", .type = DFLAG_LIST, .varname = "list", .usage = "Security Options" }, \
    { .name = "shm-size", .type = DFLAG_VALUE, .varname = "bytes", .usage = "Size of /dev/shm", .check = DCHK_BYTES },

#define CONTAINER_FLAGS_4 \
    { .name = "stop-signal", .type = DFLAG_STRING, .varname = "string", .usage = "Signal to stop the container", .simulated = true }, \
    { .name = "stop-timeout", .type = DFLAG_INT, .varname = "int", .usage = "Timeout (in seconds) to stop a container", .simulated = true }, \
    { .name = "storage-opt", .type = DFLAG_LIST, .varname = "list", .usage = "Storage driver options for the container" }, \
    { .name = "sysctl", .type = DFLAG_LIST, .varname = "map", .def = "map[]", .usage = "Sysctl options", .check = DCHK_SYSCTL }, \
    { .name = "tmpfs", .type = DFLAG_LIST, .varname = "list", .usage = "Mount a tmpfs directory" }, \
    { .name = "tty", .shorthand = 't', .type = DFLAG_BOOL, .usage = "Allocate a pseudo-TTY", .simulated = true }, \
    { .name = "ulimit", .type = DFLAG_LIST, .varname = "ulimit", .def = "[]", .usage = "Ulimit options", .check = DCHK_ULIMIT }, \
    { .name = "use-api-socket", .type = DFLAG_BOOL, .usage = "Bind mount Docker API socket and required auth" }, \
    { .name = "user", .shorthand = 'u', .type = DFLAG_STRING, .varname = "string", .usage = "Username or UID (format: <name|uid>[:<group|gid>])", .simulated = true }, \
    { .name = "userns", .type = DFLAG_STRING, .varname = "string", .usage = "User namespace to use" }, \
    { .name = "uts", .type = DFLAG_STRING, .varname = "string", .usage = "UTS namespace to use" }, \
    { .name = "volume", .shorthand = 'v', .type = DFLAG_LIST, .varname = "list", .usage = "Bind mount a volume", .simulated = true }, \
    { .name = "volume-driver", .type = DFLAG_STRING, .varname = "string", .usage = "Optional volume driver for the container" }, \
    { .name = "volumes-from", .type = DFLAG_LIST, .varname = "list", .usage = "Mount volumes from the specified container(s)" }, \
    { .name = "workdir", .shorthand = 'w', .type = DFLAG_STRING, .varname = "string", .usage = "Working directory inside the container", .simulated = true },

static const struct dflag_def run_flags[] = {
    CONTAINER_FLAGS_1
    { .name = "detach", .shorthand = 'd', .type = DFLAG_BOOL, .usage = "Run container in background and print container ID", .simulated = true },
    { .name = "detach-keys", .type = DFLAG_STRING, .varname = "string", .usage = "Override the key sequence for detaching a container" },
    CONTAINER_FLAGS_2
    { .name = "pull", .type = DFLAG_STRING, .varname = "string", .def = "missing", .usage = "Pull image before running (\"always\", \"missing\", \"never\")", .simulated = true },
    CONTAINER_FLAGS_3
    { .name = "sig-proxy", .type = DFLAG_BOOL, .def = "true", .usage = "Proxy received signals to the process" },
    CONTAINER_FLAGS_4
    { .name = NULL },
};

static const struct dflag_def create_flags[] = {
    CONTAINER_FLAGS_1
    CONTAINER_FLAGS_2
    { .name = "pull", .type = DFLAG_STRING, .varname = "string", .def = "missing", .usage = "Pull image before creating (\"always\", \"|missing\", \"never\")", .simulated = true },
    CONTAINER_FLAGS_3
    CONTAINER_FLAGS_4
    { .name = NULL },
};

static const struct dflag_def start_flags[] = {
    { .name = "attach", .shorthand = 'a', .type = DFLAG_BOOL, .usage = "Attach STDOUT/STDERR and forward signals", .simulated = true },
    { .name = "checkpoint", .type = DFLAG_STRING, .varname = "string", .usage = "Restore from this checkpoint", .attrs = DFA_EXPERIMENTAL },
    { .name = "checkpoint-dir", .type = DFLAG_STRING, .varname = "string", .usage = "Use a custom checkpoint storage directory", .attrs = DFA_EXPERIMENTAL },
    { .name = "detach-keys", .type = DFLAG_STRING, .varname = "string", .usage = "Override the key sequence for detaching a container" },
    { .name = "help", .shorthand = 'h', .type = DFLAG_BOOL, .usage = "help for start", .attrs = DFA_HIDDEN, .shorthand_deprecated = "use --help", .simulated = true },
    { .name = "interactive", .shorthand = 'i', .type = DFLAG_BOOL, .usage = "Attach container's STDIN", .simulated = true },
    { .name = NULL },
};

static const struct dflag_def stop_flags[] = {
    { .name = "help", .shorthand = 'h', .type = DFLAG_BOOL, .usage = "help for stop", .attrs = DFA_HIDDEN, .shorthand_deprecated = "use --help", .simulated = true },
    { .name = "signal", .shorthand = 's', .type = DFLAG_STRING, .varname = "string", .usage = "Signal to send to the container", .simulated = true },
    { .name = "time", .type = DFLAG_INT, .varname = "int", .usage = "Seconds to wait before killing the container (deprecated: use --timeout)", .attrs = DFA_HIDDEN, .deprecated = "use --timeout instead", .simulated = true },
    { .name = "timeout", .shorthand = 't', .type = DFLAG_INT, .varname = "int", .usage = "Seconds to wait before killing the container", .simulated = true },
    { .name = NULL },
};

static const struct dflag_def kill_flags[] = {
    { .name = "help", .shorthand = 'h', .type = DFLAG_BOOL, .usage = "help for kill", .attrs = DFA_HIDDEN, .shorthand_deprecated = "use --help", .simulated = true },
    { .name = "signal", .shorthand = 's', .type = DFLAG_STRING, .varname = "string", .usage = "Signal to send to the container", .simulated = true },
    { .name = NULL },
};

static const struct dflag_def restart_flags[] = {
    { .name = "help", .shorthand = 'h', .type = DFLAG_BOOL, .usage = "help for restart", .attrs = DFA_HIDDEN, .shorthand_deprecated = "use --help", .simulated = true },
    { .name = "signal", .shorthand = 's', .type = DFLAG_STRING, .varname = "string", .usage = "Signal to send to the container", .simulated = true },
    { .name = "time", .type = DFLAG_INT, .varname = "int", .usage = "Seconds to wait before killing the container (deprecated: use --timeout)", .attrs = DFA_HIDDEN, .deprecated = "use --timeout instead", .simulated = true },
    { .name = "timeout", .shorthand = 't', .type = DFLAG_INT, .varname = "int", .usage = "Seconds to wait before killing the container", .simulated = true },
    { .name = NULL },
};

static const struct dflag_def rm_flags[] = {
    { .name = "force", .shorthand = 'f', .type = DFLAG_BOOL, .usage = "Force the removal of a running container (uses SIGKILL)", .simulated = true },
    { .name = "help", .shorthand = 'h', .type = DFLAG_BOOL, .usage = "help for rm", .attrs = DFA_HIDDEN, .shorthand_deprecated = "use --help", .simulated = true },
    { .name = "link", .shorthand = 'l', .type = DFLAG_BOOL, .usage = "Remove the specified link", .check = DCHK_LINK },
    { .name = "volumes", .shorthand = 'v', .type = DFLAG_BOOL, .usage = "Remove anonymous volumes associated with the container", .simulated = true },
    { .name = NULL },
};

static const struct dflag_def ps_flags[] = {
    { .name = "all", .shorthand = 'a', .type = DFLAG_BOOL, .usage = "Show all containers (default shows just running)", .simulated = true },
    { .name = "filter", .shorthand = 'f', .type = DFLAG_LIST, .varname = "filter", .usage = "Filter output based on conditions provided", .check = DCHK_FILTER },
    { .name = "format", .type = DFLAG_STRING, .varname = "string", .usage = "Format output using a custom template:\n"
              "'table':            Print output in table format with column headers (default)\n"
              "'table TEMPLATE':   Print output in table format using the given Go template\n"
              "'json':             Print in JSON format\n"
              "'TEMPLATE':         Print output using the given Go template.\n"
              "Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { .name = "help", .shorthand = 'h', .type = DFLAG_BOOL, .usage = "help for ps", .attrs = DFA_HIDDEN, .shorthand_deprecated = "use --help", .simulated = true },
    { .name = "last", .shorthand = 'n', .type = DFLAG_INT, .varname = "int", .def = "-1", .usage = "Show n last created containers (includes all states)", .simulated = true },
    { .name = "latest", .shorthand = 'l', .type = DFLAG_BOOL, .usage = "Show the latest created container (includes all states)", .simulated = true },
    { .name = "no-trunc", .type = DFLAG_BOOL, .usage = "Don't truncate output", .simulated = true },
    { .name = "quiet", .shorthand = 'q', .type = DFLAG_BOOL, .usage = "Only display container IDs", .simulated = true },
    { .name = "size", .shorthand = 's', .type = DFLAG_BOOL, .usage = "Display total file sizes" },
    { .name = NULL },
};

static const struct dflag_def logs_flags[] = {
    { .name = "details", .type = DFLAG_BOOL, .usage = "Show extra details provided to logs" },
    { .name = "follow", .shorthand = 'f', .type = DFLAG_BOOL, .usage = "Follow log output", .simulated = true },
    { .name = "help", .shorthand = 'h', .type = DFLAG_BOOL, .usage = "help for logs", .attrs = DFA_HIDDEN, .shorthand_deprecated = "use --help", .simulated = true },
    { .name = "since", .type = DFLAG_STRING, .varname = "string", .usage = "Show logs since timestamp (e.g. \"2013-01-02T13:23:37Z\") or relative (e.g. \"42m\" for 42 minutes)" },
    { .name = "tail", .shorthand = 'n', .type = DFLAG_STRING, .varname = "string", .def = "all", .usage = "Number of lines to show from the end of the logs", .simulated = true },
    { .name = "timestamps", .shorthand = 't', .type = DFLAG_BOOL, .usage = "Show timestamps", .simulated = true },
    { .name = "until", .type = DFLAG_STRING, .varname = "string", .usage = "Show logs before a timestamp (e.g. \"2013-01-02T13:23:37Z\") or relative (e.g. \"42m\" for 42 minutes)" },
    { .name = NULL },
};

static const struct dflag_def wait_flags[] = {
    { .name = "help", .shorthand = 'h', .type = DFLAG_BOOL, .usage = "help for wait", .attrs = DFA_HIDDEN, .shorthand_deprecated = "use --help", .simulated = true },
    { .name = NULL },
};

static const struct dflag_def inspect_flags[] = {
    { .name = "format", .shorthand = 'f', .type = DFLAG_STRING, .varname = "string", .usage = "Format output using a custom template:\n"
              "'json':             Print in JSON format\n"
              "'TEMPLATE':         Print output using the given Go template.\n"
              "Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates", .simulated = true },
    { .name = "help", .shorthand = 'h', .type = DFLAG_BOOL, .usage = "help for inspect", .attrs = DFA_HIDDEN, .shorthand_deprecated = "use --help", .simulated = true },
    { .name = "size", .shorthand = 's', .type = DFLAG_BOOL, .usage = "Display total file sizes if the type is container" },
    { .name = "type", .type = DFLAG_STRING, .varname = "string", .usage = "Only inspect objects of the given type", .simulated = true },
    { .name = NULL },
};

static const struct dflag_def exec_flags[] = {
    { .name = "detach", .shorthand = 'd', .type = DFLAG_BOOL, .usage = "Detached mode: run command in the background", .simulated = true },
    { .name = "detach-keys", .type = DFLAG_STRING, .varname = "string", .usage = "Override the key sequence for detaching a container" },
    { .name = "env", .shorthand = 'e', .type = DFLAG_LIST, .varname = "list", .usage = "Set environment variables", .check = DCHK_ENV, .simulated = true },
    { .name = "env-file", .type = DFLAG_LIST, .varname = "list", .usage = "Read in a file of environment variables" },
    { .name = "help", .shorthand = 'h', .type = DFLAG_BOOL, .usage = "help for exec", .attrs = DFA_HIDDEN, .shorthand_deprecated = "use --help", .simulated = true },
    { .name = "interactive", .shorthand = 'i', .type = DFLAG_BOOL, .usage = "Keep STDIN open even if not attached", .simulated = true },
    { .name = "privileged", .type = DFLAG_BOOL, .usage = "Give extended privileges to the command" },
    { .name = "tty", .shorthand = 't', .type = DFLAG_BOOL, .usage = "Allocate a pseudo-TTY", .simulated = true },
    { .name = "user", .shorthand = 'u', .type = DFLAG_STRING, .varname = "string", .usage = "Username or UID (format: \"<name|uid>[:<group|gid>]\")", .simulated = true },
    { .name = "workdir", .shorthand = 'w', .type = DFLAG_STRING, .varname = "string", .usage = "Working directory inside the container", .simulated = true },
    { .name = NULL },
};

static const struct dflag_def top_flags[] = {
    { .name = "help", .shorthand = 'h', .type = DFLAG_BOOL, .usage = "help for top", .attrs = DFA_HIDDEN, .shorthand_deprecated = "use --help", .simulated = true },
    { .name = NULL },
};

/*
 * docker build: with Docker 28 the buildx plugin is the default builder, so
 * `docker build` takes `docker buildx build`'s flags (buildx 0.24), not
 * the legacy builder's.
 */
static const struct dflag_def build_flags[] = {
    { .name = "add-host", .type = DFLAG_LIST, .varname = "strings", .usage = "Add a custom host-to-IP mapping (format: \"host:ip\")" },
    { .name = "allow", .type = DFLAG_LIST, .varname = "strings", .usage = "Allow extra privileged entitlement (e.g., \"network.host\", \"security.insecure\")" },
    { .name = "annotation", .type = DFLAG_LIST, .varname = "stringArray", .usage = "Add annotation to the image" },
    { .name = "attest", .type = DFLAG_LIST, .varname = "stringArray", .usage = "Attestation parameters (format: \"type=sbom,generator=image\")" },
    { .name = "build-arg", .type = DFLAG_LIST, .varname = "stringArray", .usage = "Set build-time variables", .simulated = true },
    { .name = "build-context", .type = DFLAG_LIST, .varname = "stringArray", .usage = "Additional build contexts (e.g., name=path)" },
    { .name = "builder", .type = DFLAG_STRING, .varname = "string", .def = "default", .usage = "Override the configured builder instance" },
    { .name = "cache-from", .type = DFLAG_LIST, .varname = "stringArray", .usage = "External cache sources (e.g., \"user/app:cache\", \"type=local,src=path/to/dir\")" },
    { .name = "cache-to", .type = DFLAG_LIST, .varname = "stringArray", .usage = "Cache export destinations (e.g., \"user/app:cache\", \"type=local,dest=path/to/dir\")" },
    { .name = "call", .type = DFLAG_STRING, .varname = "string", .def = "build", .usage = "Set method for evaluating build (\"check\", \"outline\", \"targets\")" },
    { .name = "cgroup-parent", .type = DFLAG_STRING, .varname = "string", .usage = "Set the parent cgroup for the \"RUN\" instructions during build" },
    { .name = "check", .type = DFLAG_BOOL, .usage = "Shorthand for \"--call=check\"", .simulated = true },
    { .name = "compress", .type = DFLAG_BOOL, .usage = "Compress the build context using gzip", .attrs = DFA_HIDDEN },
    { .name = "cpu-period", .type = DFLAG_INT, .varname = "int", .usage = "Limit the CPU CFS (Completely Fair Scheduler) period", .attrs = DFA_HIDDEN },
    { .name = "cpu-quota", .type = DFLAG_INT, .varname = "int", .usage = "Limit the CPU CFS (Completely Fair Scheduler) quota", .attrs = DFA_HIDDEN },
    { .name = "cpu-shares", .shorthand = 'c', .type = DFLAG_INT, .varname = "int", .usage = "CPU shares (relative weight)", .attrs = DFA_HIDDEN },
    { .name = "cpuset-cpus", .type = DFLAG_STRING, .varname = "string", .usage = "CPUs in which to allow execution (\"0-3\", \"0,1\")", .attrs = DFA_HIDDEN },
    { .name = "cpuset-mems", .type = DFLAG_STRING, .varname = "string", .usage = "MEMs in which to allow execution (\"0-3\", \"0,1\")", .attrs = DFA_HIDDEN },
    { .name = "debug", .shorthand = 'D', .type = DFLAG_BOOL, .usage = "Enable debug logging" },
    { .name = "file", .shorthand = 'f', .type = DFLAG_STRING, .varname = "string", .usage = "Name of the Dockerfile (default: \"PATH/Dockerfile\")", .simulated = true },
    { .name = "force-rm", .type = DFLAG_BOOL, .usage = "Always remove intermediate containers", .attrs = DFA_HIDDEN },
    { .name = "help", .shorthand = 'h', .type = DFLAG_BOOL, .usage = "help for build", .attrs = DFA_HIDDEN, .shorthand_deprecated = "use --help", .simulated = true },
    { .name = "iidfile", .type = DFLAG_STRING, .varname = "string", .usage = "Write the image ID to a file" },
    { .name = "isolation", .type = DFLAG_STRING, .varname = "string", .usage = "Container isolation technology", .attrs = DFA_HIDDEN },
    { .name = "label", .type = DFLAG_LIST, .varname = "stringArray", .usage = "Set metadata for an image", .simulated = true },
    { .name = "load", .type = DFLAG_BOOL, .usage = "Shorthand for \"--output=type=docker\"" },
    { .name = "memory", .shorthand = 'm', .type = DFLAG_STRING, .varname = "string", .usage = "Memory limit", .attrs = DFA_HIDDEN },
    { .name = "memory-swap", .type = DFLAG_STRING, .varname = "string", .usage = "Swap limit equal to memory plus swap: \"-1\" to enable unlimited swap", .attrs = DFA_HIDDEN },
    { .name = "metadata-file", .type = DFLAG_STRING, .varname = "string", .usage = "Write build result metadata to a file" },
    { .name = "network", .type = DFLAG_STRING, .varname = "string", .def = "default", .usage = "Set the networking mode for the \"RUN\" instructions during build" },
    { .name = "no-cache", .type = DFLAG_BOOL, .usage = "Do not use cache when building the image", .simulated = true },
    { .name = "no-cache-filter", .type = DFLAG_LIST, .varname = "stringArray", .usage = "Do not cache specified stages" },
    { .name = "output", .shorthand = 'o', .type = DFLAG_LIST, .varname = "stringArray", .usage = "Output destination (format: \"type=local,dest=path\")" },
    { .name = "platform", .type = DFLAG_LIST, .varname = "stringArray", .usage = "Set target platform for build" },
    { .name = "print", .type = DFLAG_STRING, .varname = "string", .usage = "Print result of information request (e.g., outline, targets)", .attrs = DFA_HIDDEN },
    { .name = "progress", .type = DFLAG_STRING, .varname = "string", .def = "auto", .usage = "Set type of progress output (\"auto\", \"quiet\", \"plain\", \"tty\", \"rawjson\"). Use plain to show container output", .simulated = true },
    { .name = "provenance", .type = DFLAG_STRING, .varname = "string", .usage = "Shorthand for \"--attest=type=provenance\"" },
    { .name = "pull", .type = DFLAG_BOOL, .usage = "Always attempt to pull all referenced images" },
    { .name = "push", .type = DFLAG_BOOL, .usage = "Shorthand for \"--output=type=registry\"" },
    { .name = "quiet", .shorthand = 'q', .type = DFLAG_BOOL, .usage = "Suppress the build output and print image ID on success", .simulated = true },
    { .name = "rm", .type = DFLAG_BOOL, .def = "true", .usage = "Remove intermediate containers after a successful build", .attrs = DFA_HIDDEN },
    { .name = "sbom", .type = DFLAG_STRING, .varname = "string", .usage = "Shorthand for \"--attest=type=sbom\"" },
    { .name = "secret", .type = DFLAG_LIST, .varname = "stringArray", .usage = "Secret to expose to the build (format: \"id=mysecret[,src=/local/secret]\")" },
    { .name = "security-opt", .type = DFLAG_LIST, .varname = "strings", .usage = "Security options", .attrs = DFA_HIDDEN },
    { .name = "shm-size", .type = DFLAG_VALUE, .varname = "bytes", .usage = "Shared memory size for build containers", .check = DCHK_BYTES },
    { .name = "squash", .type = DFLAG_BOOL, .usage = "Squash newly built layers into a single new layer", .attrs = DFA_HIDDEN },
    { .name = "ssh", .type = DFLAG_LIST, .varname = "stringArray", .usage = "SSH agent socket or keys to expose to the build (format: \"default|<id>[=<socket>|<key>[,<key>]]\")" },
    { .name = "tag", .shorthand = 't', .type = DFLAG_LIST, .varname = "stringArray", .usage = "Name and optionally a tag (format: \"name:tag\")", .simulated = true },
    { .name = "target", .type = DFLAG_STRING, .varname = "string", .usage = "Set the target build stage to build", .simulated = true },
    { .name = "ulimit", .type = DFLAG_LIST, .varname = "ulimit", .def = "[]", .usage = "Ulimit options", .check = DCHK_ULIMIT },
    { .name = NULL },
};

static const struct dflag_def images_flags[] = {
    { .name = "all", .shorthand = 'a', .type = DFLAG_BOOL, .usage = "Show all images (default hides intermediate images)", .simulated = true },
    { .name = "digests", .type = DFLAG_BOOL, .usage = "Show digests", .simulated = true },
    { .name = "filter", .shorthand = 'f', .type = DFLAG_LIST, .varname = "filter", .usage = "Filter output based on conditions provided", .check = DCHK_FILTER },
    { .name = "format", .type = DFLAG_STRING, .varname = "string", .usage = "Format output using a custom template:\n"
              "'table':            Print output in table format with column headers (default)\n"
              "'table TEMPLATE':   Print output in table format using the given Go template\n"
              "'json':             Print in JSON format\n"
              "'TEMPLATE':         Print output using the given Go template.\n"
              "Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { .name = "help", .shorthand = 'h', .type = DFLAG_BOOL, .usage = "help for images", .attrs = DFA_HIDDEN, .shorthand_deprecated = "use --help", .simulated = true },
    { .name = "no-trunc", .type = DFLAG_BOOL, .usage = "Don't truncate output", .simulated = true },
    { .name = "quiet", .shorthand = 'q', .type = DFLAG_BOOL, .usage = "Only show image IDs", .simulated = true },
    { .name = "tree", .type = DFLAG_BOOL, .usage = "List multi-platform images as a tree (EXPERIMENTAL)" },
    { .name = NULL },
};

static const struct dflag_def image_inspect_flags[] = {
    { .name = "format", .shorthand = 'f', .type = DFLAG_STRING, .varname = "string", .usage = "Format output using a custom template:\n"
              "'json':             Print in JSON format\n"
              "'TEMPLATE':         Print output using the given Go template.\n"
              "Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates", .simulated = true },
    { .name = "help", .shorthand = 'h', .type = DFLAG_BOOL, .usage = "help for image", .attrs = DFA_HIDDEN, .shorthand_deprecated = "use --help", .simulated = true },
    { .name = "platform", .type = DFLAG_STRING, .varname = "string", .usage = "Inspect a specific platform of the multi-platform image.\n"
              "If the image or the server is not multi-platform capable, the command will error out if the platform does not match.\n"
              "'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)" },
    { .name = NULL },
};

static const struct dflag_def rmi_flags[] = {
    { .name = "force", .shorthand = 'f', .type = DFLAG_BOOL, .usage = "Force removal of the image", .simulated = true },
    { .name = "help", .shorthand = 'h', .type = DFLAG_BOOL, .usage = "help for rmi", .attrs = DFA_HIDDEN, .shorthand_deprecated = "use --help", .simulated = true },
    { .name = "no-prune", .type = DFLAG_BOOL, .usage = "Do not delete untagged parents", .simulated = true },
    { .name = "platform", .type = DFLAG_LIST, .varname = "strings", .usage = "Remove only the given platform variant. Formatted as \"os[/arch[/variant]]\" (e.g., \"linux/amd64\")" },
    { .name = NULL },
};

static const struct dflag_def history_flags[] = {
    { .name = "format", .type = DFLAG_STRING, .varname = "string", .usage = "Format output using a custom template:\n"
              "'table':            Print output in table format with column headers (default)\n"
              "'table TEMPLATE':   Print output in table format using the given Go template\n"
              "'json':             Print in JSON format\n"
              "'TEMPLATE':         Print output using the given Go template.\n"
              "Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { .name = "help", .shorthand = 'h', .type = DFLAG_BOOL, .usage = "help for history", .attrs = DFA_HIDDEN, .shorthand_deprecated = "use --help", .simulated = true },
    { .name = "human", .shorthand = 'H', .type = DFLAG_BOOL, .def = "true", .usage = "Print sizes and dates in human readable format", .simulated = true },
    { .name = "no-trunc", .type = DFLAG_BOOL, .usage = "Don't truncate output", .simulated = true },
    { .name = "platform", .type = DFLAG_STRING, .varname = "string", .usage = "Show history for the given platform. Formatted as \"os[/arch[/variant]]\" (e.g., \"linux/amd64\")" },
    { .name = "quiet", .shorthand = 'q', .type = DFLAG_BOOL, .usage = "Only show image IDs", .simulated = true },
    { .name = NULL },
};

static const struct dflag_def tag_flags[] = {
    { .name = "help", .shorthand = 'h', .type = DFLAG_BOOL, .usage = "help for tag", .attrs = DFA_HIDDEN, .shorthand_deprecated = "use --help", .simulated = true },
    { .name = NULL },
};

static const struct dflag_def version_flags[] = {
    { .name = "format", .shorthand = 'f', .type = DFLAG_STRING, .varname = "string", .usage = "Format output using a custom template:\n"
              "'json':             Print in JSON format\n"
              "'TEMPLATE':         Print output using the given Go template.\n"
              "Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { .name = "help", .shorthand = 'h', .type = DFLAG_BOOL, .usage = "help for version", .attrs = DFA_HIDDEN, .shorthand_deprecated = "use --help", .simulated = true },
    { .name = NULL },
};

static const struct dflag_def container_inspect_flags[] = {
    { .name = "format", .shorthand = 'f', .type = DFLAG_STRING, .varname = "string", .usage = "Format output using a custom template:\n"
              "'json':             Print in JSON format\n"
              "'TEMPLATE':         Print output using the given Go template.\n"
              "Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates", .simulated = true },
    { .name = "help", .shorthand = 'h', .type = DFLAG_BOOL, .usage = "help for container", .attrs = DFA_HIDDEN, .shorthand_deprecated = "use --help", .simulated = true },
    { .name = "size", .shorthand = 's', .type = DFLAG_BOOL, .usage = "Display total file sizes" },
    { .name = NULL },
};

const struct dcmd_def dcli_commands[] = {
    /* top-level commands */
    { "run", NULL,
      "run [OPTIONS] IMAGE [COMMAND] [ARG...]",
      "Create and run a new container from an image",
      "docker container run, docker run",
      NULL, 1, -1, false, run_flags, NULL },
    { "create", NULL,
      "create [OPTIONS] IMAGE [COMMAND] [ARG...]",
      "Create a new container",
      "docker container create, docker create",
      NULL, 1, -1, false, create_flags, NULL },
    { "start", NULL,
      "start [OPTIONS] CONTAINER [CONTAINER...]",
      "Start one or more stopped containers",
      "docker container start, docker start",
      NULL, 1, -1, true, start_flags, NULL },
    { "stop", NULL,
      "stop [OPTIONS] CONTAINER [CONTAINER...]",
      "Stop one or more running containers",
      "docker container stop, docker stop",
      NULL, 1, -1, true, stop_flags, NULL },
    { "kill", NULL,
      "kill [OPTIONS] CONTAINER [CONTAINER...]",
      "Kill one or more running containers",
      "docker container kill, docker kill",
      NULL, 1, -1, true, kill_flags, NULL },
    { "restart", NULL,
      "restart [OPTIONS] CONTAINER [CONTAINER...]",
      "Restart one or more containers",
      "docker container restart, docker restart",
      NULL, 1, -1, true, restart_flags, NULL },
    { "rm", NULL,
      "rm [OPTIONS] CONTAINER [CONTAINER...]",
      "Remove one or more containers",
      "docker container rm, docker container remove, docker rm",
      NULL, 1, -1, true, rm_flags, NULL },
    { "ps", NULL,
      "ps [OPTIONS]",
      "List containers",
      "docker container ls, docker container list, docker container ps, docker ps",
      NULL, 0, 0, true, ps_flags, NULL },
    { "logs", NULL,
      "logs [OPTIONS] CONTAINER",
      "Fetch the logs of a container",
      "docker container logs, docker logs",
      NULL, 1, 1, true, logs_flags, NULL },
    { "wait", NULL,
      "wait CONTAINER [CONTAINER...]",
      "Block until one or more containers stop, then print their exit codes",
      "docker container wait, docker wait",
      NULL, 1, -1, true, wait_flags, NULL },
    { "inspect", NULL,
      "inspect [OPTIONS] NAME|ID [NAME|ID...]",
      "Return low-level information on Docker objects",
      NULL,
      NULL, 1, -1, true, inspect_flags, NULL },
    { "exec", NULL,
      "exec [OPTIONS] CONTAINER COMMAND [ARG...]",
      "Execute a command in a running container",
      "docker container exec, docker exec",
      NULL, 2, -1, false, exec_flags, NULL },
    { "top", NULL,
      "top CONTAINER [ps OPTIONS]",
      "Display the running processes of a container",
      "docker container top, docker top",
      NULL, 1, -1, false, top_flags, NULL },
    { "build", NULL,
      "build [OPTIONS] PATH | URL | -",
      "Build an image from a Dockerfile",
      "docker image build, docker build, docker buildx build, docker builder build",
      NULL, 1, 1, true, build_flags, "buildx build" },
    { "images", NULL,
      "images [OPTIONS] [REPOSITORY[:TAG]]",
      "List images",
      "docker image ls, docker image list, docker images",
      NULL, 0, 1, true, images_flags, NULL },
    { "tag", NULL,
      "tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]",
      "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE",
      "docker image tag, docker tag",
      NULL, 2, 2, false, tag_flags, NULL },
    { "rmi", NULL,
      "rmi [OPTIONS] IMAGE [IMAGE...]",
      "Remove one or more images",
      "docker image rm, docker image remove, docker rmi",
      NULL, 1, -1, true, rmi_flags, NULL },
    { "history", NULL,
      "history [OPTIONS] IMAGE",
      "Show the history of an image",
      "docker image history, docker history",
      NULL, 1, 1, true, history_flags, NULL },
    { "version", NULL,
      "version [OPTIONS]",
      "Show the Docker version information",
      NULL,
      NULL, 0, 0, true, version_flags, NULL },
    /* docker container ... */
    { "container run", "run",
      "run [OPTIONS] IMAGE [COMMAND] [ARG...]",
      "Create and run a new container from an image",
      "docker container run, docker run",
      NULL, 1, -1, false, run_flags, NULL },
    { "container create", "create",
      "create [OPTIONS] IMAGE [COMMAND] [ARG...]",
      "Create a new container",
      "docker container create, docker create",
      NULL, 1, -1, false, create_flags, NULL },
    { "container start", "start",
      "start [OPTIONS] CONTAINER [CONTAINER...]",
      "Start one or more stopped containers",
      "docker container start, docker start",
      NULL, 1, -1, true, start_flags, NULL },
    { "container stop", "stop",
      "stop [OPTIONS] CONTAINER [CONTAINER...]",
      "Stop one or more running containers",
      "docker container stop, docker stop",
      NULL, 1, -1, true, stop_flags, NULL },
    { "container kill", "kill",
      "kill [OPTIONS] CONTAINER [CONTAINER...]",
      "Kill one or more running containers",
      "docker container kill, docker kill",
      NULL, 1, -1, true, kill_flags, NULL },
    { "container restart", "restart",
      "restart [OPTIONS] CONTAINER [CONTAINER...]",
      "Restart one or more containers",
      "docker container restart, docker restart",
      NULL, 1, -1, true, restart_flags, NULL },
    { "container rm", "rm",
      "rm [OPTIONS] CONTAINER [CONTAINER...]",
      "Remove one or more containers",
      "docker container rm, docker container remove, docker rm",
      "remove", 1, -1, true, rm_flags, NULL },
    { "container logs", "logs",
      "logs [OPTIONS] CONTAINER",
      "Fetch the logs of a container",
      "docker container logs, docker logs",
      NULL, 1, 1, true, logs_flags, NULL },
    { "container wait", "wait",
      "wait CONTAINER [CONTAINER...]",
      "Block until one or more containers stop, then print their exit codes",
      "docker container wait, docker wait",
      NULL, 1, -1, true, wait_flags, NULL },
    { "container exec", "exec",
      "exec [OPTIONS] CONTAINER COMMAND [ARG...]",
      "Execute a command in a running container",
      "docker container exec, docker exec",
      NULL, 2, -1, false, exec_flags, NULL },
    { "container top", "top",
      "top CONTAINER [ps OPTIONS]",
      "Display the running processes of a container",
      "docker container top, docker top",
      NULL, 1, -1, false, top_flags, NULL },
    { "container ls", "ps",
      "ls [OPTIONS]",
      "List containers",
      "docker container ls, docker container list, docker container ps, docker ps",
      "list ps", 0, 0, true, ps_flags, NULL },
    { "container inspect", NULL,
      "inspect [OPTIONS] CONTAINER [CONTAINER...]",
      "Display detailed information on one or more containers",
      NULL,
      NULL, 1, -1, true, container_inspect_flags, NULL },
    /* docker image ... */
    { "image build", "build",
      "build [OPTIONS] PATH | URL | -",
      "Build an image from a Dockerfile",
      "docker image build, docker build, docker buildx build, docker builder build",
      NULL, 1, 1, true, build_flags, "buildx build" },
    { "image history", "history",
      "history [OPTIONS] IMAGE",
      "Show the history of an image",
      "docker image history, docker history",
      NULL, 1, 1, true, history_flags, NULL },
    { "image inspect", NULL,
      "inspect [OPTIONS] IMAGE [IMAGE...]",
      "Display detailed information on one or more images",
      NULL,
      NULL, 1, -1, true, image_inspect_flags, NULL },
    { "image ls", "images",
      "ls [OPTIONS] [REPOSITORY[:TAG]]",
      "List images",
      "docker image ls, docker image list, docker images",
      "list", 0, 1, true, images_flags, NULL },
    { "image rm", "rmi",
      "rm [OPTIONS] IMAGE [IMAGE...]",
      "Remove one or more images",
      "docker image rm, docker image remove, docker rmi",
      "remove", 1, -1, true, rmi_flags, NULL },
    { "image tag", "tag",
      "tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]",
      "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE",
      "docker image tag, docker tag",
      NULL, 2, 2, false, tag_flags, NULL },
    /* docker builder ... */
    { "builder build", "build",
      "build [OPTIONS] PATH | URL | -",
      "Build an image from a Dockerfile",
      "docker image build, docker build, docker buildx build, docker builder build",
      NULL, 1, 1, true, build_flags, "buildx build" },
};

const size_t dcli_n_commands = ARRAY_LEN(dcli_commands);

/* clang-format on */
