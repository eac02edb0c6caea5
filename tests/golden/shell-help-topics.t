:help TOPIC from the tables: a concept, a docker flag; an unknown topic suggests the nearest
=== args
-
=== stdin
:help pid1
:help docker run --init
:help layesr
=== stdout
PID 1: the container's main process

docker run starts one process, PID 1 inside the container: the
ENTRYPOINT followed by the CMD (or by the arguments of docker run).
The container lives as long as PID 1 does, and PID 1's exit code is
the container's exit code.

The kernel treats PID 1 specially: a signal it has no handler for
does not kill it. docker stop sends SIGTERM (or the image's
STOPSIGNAL), waits 10 seconds, then sends SIGKILL (exit code 137).
A program that handles SIGTERM stops at once; one that does not is
killed only after the wait.

With a shell-form CMD or ENTRYPOINT, PID 1 is /bin/sh running your
text and the signal goes to the shell, not to your program. Use exec
form, or `exec` in an entrypoint script (exec "$@"), so that your
program is PID 1. docker run --init puts a small init process in
front that forwards signals and reaps zombie processes.
docker run
  --init                       Run an init inside the container that forwards signals and reaps processes
  docksim: simulated (its effect shows in the results)
=== stderr
docksim: no help for 'layesr' (did you mean 'layers'?); :help lists the topics
=== exit
1
