docker build -q prints only the image ID; an option typed after the image
becomes the container's command (exit 127, with an explanation); --rm
removes the container when it exits (ps -a shows only the other one).
=== args
--echo -
=== stdin
FROM alpine
CMD ["echo", "hi"]
docker build -q -t x .
# an option after the image is part of the command
docker run x -e X=1
# --rm: the container is gone afterwards
docker run --rm x
docker ps -a
=== stdout
docksim> FROM alpine
| line 1: FROM: a new stage from alpine (build time, no layer)
docksim> CMD ["echo", "hi"]
| line 2: CMD: exec form, default command ["echo", "hi"] (container start, no layer)
docksim> docker build -q -t x .
| why:
|   1. (line 2) CMD in exec form is stored as ["echo", "hi"], exactly as written (no shell, no variable expansion).
sha256:60eb5db7a150beb5bc6ab10f6366c86696d3ad70662683307c9b8778fafd2589
docksim> # an option after the image is part of the command
docksim> docker run x -e X=1
| PID 1: ["-e", "X=1"]
|   as a command line: -e X=1
|   ["-e", "X=1"] from the docker run arguments
| why:
|   1. "-e" comes after the image name, so it is not a docker option: docker run reads options only up to the image, and every word after it belongs to the container's command. To use --env, put it before the image: docker run -e X=1 x
|   2. The words after the image name replace the image's whole CMD ["echo", "hi"]; the first word is the program to run.
|   3. PID 1 would be "-e", but no executable with that name is in the container's $PATH. The process never starts: 127 is the docker CLI's own exit code, read from the error text, and the container stays in the Created state.
| exit code 127
docksim> # --rm: the container is gone afterwards
docksim> docker run --rm x
| PID 1: ["echo", "hi"]
|   as a command line: echo hi
|   ["echo", "hi"] from the image CMD
|   --rm: the container was removed when it exited
hi
| exit code 0
docksim> docker ps -a
CONTAINER ID   IMAGE     COMMAND    CREATED         STATUS    PORTS     NAMES
a68788e2e0a1   x         "-e X=1"   3 seconds ago   Created             dazzling_euclid
=== stderr
docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "-e": executable file not found in $PATH: unknown

Run 'docker run --help' for more information
=== exit
1
