docker stop on a PID 1 that ignores SIGTERM (run-semantics.md §3.1,
§3.3; lab cases g1/g2 and `bb sleep 100`: 10.19 s, 137): the grace
period (10 s, -t N, --stop-timeout), then SIGKILL and exit 137; stopping
a stopped container prints its name and exits 0.
=== args
--echo -
=== stdin
# run-semantics.md §3.1 and §3.3: sleep as PID 1 has no SIGTERM handler
FROM debian
CMD ["sleep", "100"]
docker build -q -t sig .
docker run -d --name s1 sig
docker top s1
# the default grace period is 10 s, then SIGKILL: 137
docker stop s1
# -t sets the grace period (lab g2: 2.28 s, 137)
docker run -d --name s2 sig
docker stop -t 2 s2
# stopping a container that is not running is not an error
docker stop s2
# --stop-timeout sets the container's own default; -t 0 kills at once
docker run -d --name s3 --stop-timeout 3 sig
docker stop s3
docker run -d --name s4 sig
docker stop -t 0 s4
docker ps -a
# a container that does not exist: exit 1, the others are still stopped
docker run -d --name s5 sig
docker stop nosuch s5
docker stop --time 1 --timeout 2 s5
=== stdout
docksim> # run-semantics.md §3.1 and §3.3: sleep as PID 1 has no SIGTERM handler
docksim> FROM debian
| line 1: FROM: a new stage from debian (build time, no layer)
docksim> CMD ["sleep", "100"]
| line 2: CMD: exec form, default command ["sleep", "100"] (container start, no layer)
docksim> docker build -q -t sig .
| why:
|   1. (line 2) CMD in exec form is stored as ["sleep", "100"], exactly as written (no shell, no variable expansion).
sha256:f1301376010cf3dc2b9aa5e99afe394762f277e2e91b78e13ffb7361fcb1d450
docksim> docker run -d --name s1 sig
| PID 1: ["sleep", "100"]
|   as a command line: sleep 100
|   ["sleep", "100"] from the image CMD
| why:
|   1. PID 1 (`sleep 100`) keeps running in the background.
a68788e2e0a10ff0058150e104c50ccd030ce30fa4cfdc7cd19382bf65c338a2
| exit code 0
docksim> docker top s1
| why:
|   1. docker top lists the container's processes with the PIDs they have on the host (so PID 1 inside is 18341 here, the first row). Inside the container it is PID 1 (this image has no ps to show that).
UID                 PID                 PPID                C                   STIME               TTY                 TIME                CMD
root                18341               18320               0                   09:00               ?                   00:00:00            sleep 100
docksim> # the default grace period is 10 s, then SIGKILL: 137
docksim> docker stop s1
| stopped after 10.000s, container exit code 137
| why:
|   1. docker stop sends SIGTERM to PID 1 (`sleep 100`). PID 1 of a container has no default signal actions, and this program installed no handler for SIGTERM, so the signal is ignored.
|   2. PID 1 was still running after the 10 s grace period, so Docker sent SIGKILL: the container's exit code is 137 (128+9), and the stop took 10 s.
|   3. To stop quickly and cleanly, make PID 1 handle SIGTERM: use the exec form of CMD/ENTRYPOINT (or `exec` in a wrapper script) so the program itself is PID 1, and give it a SIGTERM handler; or run with --init so docker-init forwards the signal.
s1
| exit code 0
docksim> # -t sets the grace period (lab g2: 2.28 s, 137)
docksim> docker run -d --name s2 sig
| PID 1: ["sleep", "100"]
|   as a command line: sleep 100
|   ["sleep", "100"] from the image CMD
| why:
|   1. PID 1 (`sleep 100`) keeps running in the background.
8d8db114f14347bb42ac0a99c0d190c9f9aa2e1b79783648db6f5c2f0a06ce3f
| exit code 0
docksim> docker stop -t 2 s2
| stopped after 2.000s, container exit code 137
| why:
|   1. docker stop sends SIGTERM to PID 1 (`sleep 100`). PID 1 of a container has no default signal actions, and this program installed no handler for SIGTERM, so the signal is ignored.
|   2. PID 1 was still running after the 2 s grace period, so Docker sent SIGKILL: the container's exit code is 137 (128+9), and the stop took 2 s.
|   3. To stop quickly and cleanly, make PID 1 handle SIGTERM: use the exec form of CMD/ENTRYPOINT (or `exec` in a wrapper script) so the program itself is PID 1, and give it a SIGTERM handler; or run with --init so docker-init forwards the signal.
s2
| exit code 0
docksim> # stopping a container that is not running is not an error
docksim> docker stop s2
| why:
|   1. The container is not running: docker stop does nothing and still prints its name (exit 0).
s2
docksim> # --stop-timeout sets the container's own default; -t 0 kills at once
docksim> docker run -d --name s3 --stop-timeout 3 sig
| PID 1: ["sleep", "100"]
|   as a command line: sleep 100
|   ["sleep", "100"] from the image CMD
| why:
|   1. PID 1 (`sleep 100`) keeps running in the background.
ef65940d1a9a78c23245c34ae308630936c50f2d25ad935ae3f1ae3a12f07b3f
| exit code 0
docksim> docker stop s3
| stopped after 3.000s, container exit code 137
| why:
|   1. docker stop sends SIGTERM to PID 1 (`sleep 100`). PID 1 of a container has no default signal actions, and this program installed no handler for SIGTERM, so the signal is ignored.
|   2. PID 1 was still running after the 3 s grace period, so Docker sent SIGKILL: the container's exit code is 137 (128+9), and the stop took 3 s.
|   3. To stop quickly and cleanly, make PID 1 handle SIGTERM: use the exec form of CMD/ENTRYPOINT (or `exec` in a wrapper script) so the program itself is PID 1, and give it a SIGTERM handler; or run with --init so docker-init forwards the signal.
s3
| exit code 0
docksim> docker run -d --name s4 sig
| PID 1: ["sleep", "100"]
|   as a command line: sleep 100
|   ["sleep", "100"] from the image CMD
| why:
|   1. PID 1 (`sleep 100`) keeps running in the background.
4296bd298d6313f37ebd5b6f5b404316a6532b2f37f3206f8d4f92cf426505e4
| exit code 0
docksim> docker stop -t 0 s4
| stopped after 0.000s, container exit code 137
| why:
|   1. docker stop sends SIGTERM to PID 1 (`sleep 100`). PID 1 of a container has no default signal actions, and this program installed no handler for SIGTERM, so the signal is ignored.
|   2. The grace period is 0 s: Docker sends SIGKILL right after SIGTERM, and the container's exit code is 137 (128+9).
|   3. To stop quickly and cleanly, make PID 1 handle SIGTERM: use the exec form of CMD/ENTRYPOINT (or `exec` in a wrapper script) so the program itself is PID 1, and give it a SIGTERM handler; or run with --init so docker-init forwards the signal.
s4
| exit code 0
docksim> docker ps -a
CONTAINER ID   IMAGE     COMMAND       CREATED          STATUS                                PORTS     NAMES
4296bd298d63   sig       "sleep 100"   1 second ago     Exited (137) Less than a second ago             s4
ef65940d1a9a   sig       "sleep 100"   6 seconds ago    Exited (137) 2 seconds ago                      s3
8d8db114f143   sig       "sleep 100"   10 seconds ago   Exited (137) 7 seconds ago                      s2
a68788e2e0a1   sig       "sleep 100"   22 seconds ago   Exited (137) 11 seconds ago                     s1
docksim> # a container that does not exist: exit 1, the others are still stopped
docksim> docker run -d --name s5 sig
| PID 1: ["sleep", "100"]
|   as a command line: sleep 100
|   ["sleep", "100"] from the image CMD
| why:
|   1. PID 1 (`sleep 100`) keeps running in the background.
7ce7e7ed89e87143ad0113fff02b95007e946ab7970e7cfe53b9327aa3911396
| exit code 0
docksim> docker stop nosuch s5
| s5: stopped after 10.000s, container exit code 137
| why:
|   1. docker stop sends SIGTERM to PID 1 (`sleep 100`). PID 1 of a container has no default signal actions, and this program installed no handler for SIGTERM, so the signal is ignored.
|   2. PID 1 was still running after the 10 s grace period, so Docker sent SIGKILL: the container's exit code is 137 (128+9), and the stop took 10 s.
|   3. To stop quickly and cleanly, make PID 1 handle SIGTERM: use the exec form of CMD/ENTRYPOINT (or `exec` in a wrapper script) so the program itself is PID 1, and give it a SIGTERM handler; or run with --init so docker-init forwards the signal.
s5
| exit code 1
docksim> docker stop --time 1 --timeout 2 s5
Flag --time has been deprecated, use --timeout instead
=== stderr
Error response from daemon: No such container: nosuch
conflicting options: cannot specify both --timeout and --time
=== exit
1
