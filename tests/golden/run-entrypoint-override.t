--entrypoint and shell-form ENTRYPOINT (run-semantics.md §7.1, §7.2,
§7.5): --entrypoint "" drops the image's ENTRYPOINT and CMD, so nothing
is left to run ("no command specified", lab); --entrypoint is one
program name, never split; a shell-form ENTRYPOINT receives the CMD or
the run arguments as $0, $1...
=== args
--echo -
=== stdin
# run-semantics.md §7.1: --entrypoint "" clears the ENTRYPOINT and the image CMD
docker run --entrypoint "" busybox
# §7.2: --entrypoint is one program name, never split
docker run --entrypoint "echo hi" busybox
docker run --entrypoint echo busybox hi
# §7.5: a shell-form ENTRYPOINT gets the CMD and run arguments as $0, $1...
FROM busybox
ENTRYPOINT echo "entrypoint sees \$0=$0 \$1=$1"
CMD ["from-cmd", "two"]
docker build -q -t sh-ep .
docker run sh-ep
docker run sh-ep first second
=== stdout
docksim> # run-semantics.md §7.1: --entrypoint "" clears the ENTRYPOINT and the image CMD
docksim> docker run --entrypoint "" busybox
| why:
|   1. busybox:latest was not in the local image store yet, so Docker pulls it first (docksim uses its built-in copy of the official image's configuration).
|   2. docker run --entrypoint replaces the image's ENTRYPOINT and also drops its CMD ["sh"]: with --entrypoint, only the words after the image name are passed as arguments.
|   3. --entrypoint "" removes the entrypoint altogether, and (as any --entrypoint) drops the image's CMD too.
|   4. There is nothing to run: the image has no CMD or ENTRYPOINT (or --entrypoint "" removed them) and no command was given after the image name. Docker refuses to create the container.
docksim> # §7.2: --entrypoint is one program name, never split
docksim> docker run --entrypoint "echo hi" busybox
| PID 1: ["echo hi"]
|   as a command line: 'echo hi'
|   ["echo hi"] from the docker run --entrypoint
| why:
|   1. docker run --entrypoint replaces the image's ENTRYPOINT and also drops its CMD ["sh"]: with --entrypoint, only the words after the image name are passed as arguments.
|   2. PID 1 would be "echo hi", but no executable with that name is in the container's $PATH. The process never starts: 127 is the docker CLI's own exit code, read from the error text, and the container stays in the Created state.
| exit code 127
docksim> docker run --entrypoint echo busybox hi
| PID 1: ["echo", "hi"]
|   as a command line: echo hi
|   ["echo"] from the docker run --entrypoint
|   ["hi"] from the docker run arguments
| why:
|   1. docker run --entrypoint replaces the image's ENTRYPOINT (as one word, never split on spaces).
hi
| exit code 0
docksim> # §7.5: a shell-form ENTRYPOINT gets the CMD and run arguments as $0, $1...
docksim> FROM busybox
| line 1: FROM: a new stage from busybox (build time, no layer)
docksim> ENTRYPOINT echo "entrypoint sees \$0=$0 \$1=$1"
| line 2: ENTRYPOINT: shell form, CMD and run arguments never reach it; program ["/bin/sh", "-c", "echo \"entrypoint se... (container start, no layer)
docksim> CMD ["from-cmd", "two"]
| line 3: CMD: exec form, default command ["from-cmd", "two"] (container start, no layer)
docksim> docker build -q -t sh-ep .
| why:
|   1. (line 2) ENTRYPOINT in shell form is stored as ["/bin/sh", "-c", "echo \"entrypoint sees \\$0=$0 \\$1=$1\""]. CMD and docker run arguments are still appended, but they land after the -c string, where the shell sees them only as $0, $1, ... so they are effectively ignored.
|   2. (line 2) ENTRYPOINT resets the CMD inherited from the base image (["sh"] was dropped). Only a CMD written in this stage survives an ENTRYPOINT.
|   3. (line 3) CMD in exec form is stored as ["from-cmd", "two"], exactly as written (no shell, no variable expansion).
sha256:794601db64144f72e82570b0d5e0edc2c13608705dae85c219fa66e6a5126aff
docksim> docker run sh-ep
| PID 1: ["/bin/sh", "-c", "echo \"entrypoint sees \\$0=$0 \\$1=$1\"", "from-cmd", "two"]
|   as a command line: /bin/sh -c 'echo "entrypoint sees \$0=$0 \$1=$1"' from-cmd two
|   ["/bin/sh", "-c", "echo \"entrypoint sees \\$0=$0 \\$1=$1\""] from the image ENTRYPOINT
|   ["from-cmd", "two"] from the image CMD
| why:
|   1. The image's CMD ["from-cmd", "two"] is appended to its ENTRYPOINT as default arguments.
|   2. After `sh -c '...'` the extra words do not become part of the command text: the shell sets the first one (from-cmd) as $0, the next as $1, and so on. This command string reads positional parameters, so it sees them (note: $0, not $1, is the first word).
entrypoint sees $0=from-cmd $1=two
| exit code 0
docksim> docker run sh-ep first second
| PID 1: ["/bin/sh", "-c", "echo \"entrypoint sees \\$0=$0 \\$1=$1\"", "first", "second"]
|   as a command line: /bin/sh -c 'echo "entrypoint sees \$0=$0 \$1=$1"' first second
|   ["/bin/sh", "-c", "echo \"entrypoint sees \\$0=$0 \\$1=$1\""] from the image ENTRYPOINT
|   ["first", "second"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's CMD and are appended to its ENTRYPOINT ["/bin/sh", "-c", "echo \"entrypoint sees \\$0=$0 \\$1=$1\""].
|   2. After `sh -c '...'` the extra words do not become part of the command text: the shell sets the first one (first) as $0, the next as $1, and so on. This command string reads positional parameters, so it sees them (note: $0, not $1, is the first word).
entrypoint sees $0=first $1=second
| exit code 0
=== stderr
Unable to find image 'busybox:latest' locally
latest: Pulling from library/busybox
88dabd64cd77: Pull complete
Digest: sha256:6410db05757688dabd64cd77da5e230b8dadb7288913e3e1f7f2b8c5cb9324e0
Status: Downloaded newer image for busybox:latest
docker: Error response from daemon: no command specified

Run 'docker run --help' for more information
docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "echo hi": executable file not found in $PATH: unknown

Run 'docker run --help' for more information
=== exit
1
