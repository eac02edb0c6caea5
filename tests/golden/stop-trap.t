A shell that traps SIGTERM as PID 1 (run-semantics.md §3.1, lab case g5:
0.22 s, 143, "ready" then "got SIGTERM"): the trap runs at once while
the shell waits in `wait`, and the container ends with the trap's exit
code; a foreground command is waited for first.
=== args
--echo -
=== stdin
# run-semantics.md §3.1: a PID 1 that handles SIGTERM decides its exit code
# lab case g5: the trap's own exit code
FROM debian
CMD ["sh", "-c", "trap 'echo got SIGTERM; exit 143' TERM; echo ready; sleep 100 & wait"]
docker build -q -t g5 .
docker run -d --name t5 g5
docker top t5
docker stop -t 2 t5
docker logs t5
# the same shell with scripts of our own: ENTRYPOINT ["sh", "-c"]
:new
FROM debian
ENTRYPOINT ["sh", "-c"]
docker build -q -t sh-c .
# a handler that exits cleanly: 0
docker run -d --name t0 sh-c "trap 'echo bye; exit 0' TERM; sleep 100 & wait"
docker stop t0
docker logs t0
# the trap runs only after a foreground command ends: here after 5 s
docker run -d --name tf sh-c "trap 'echo late; exit 3' TERM; sleep 5"
docker stop tf
docker logs tf
=== stdout
docksim> # run-semantics.md §3.1: a PID 1 that handles SIGTERM decides its exit code
docksim> # lab case g5: the trap's own exit code
docksim> FROM debian
| line 1: FROM: a new stage from debian (build time, no layer)
docksim> CMD ["sh", "-c", "trap 'echo got SIGTERM; exit 143' TERM; echo ready; sleep 100 & wait"]
| line 2: CMD: exec form, default command ["sh", "-c", "trap 'echo got SIGTERM; exit 143' TERM; echo ready; slee... (container start, no layer)
docksim> docker build -q -t g5 .
| why:
|   1. (line 2) CMD in exec form is stored as ["sh", "-c", "trap 'echo got SIGTERM; exit 143' TERM; echo ready; sleep 100 & wait"], exactly as written (no shell, no variable expansion).
sha256:e5d5341cc686321dfa786f7cf4beeba82865fa476826ad0483533562df36bbd1
docksim> docker run -d --name t5 g5
| PID 1: ["sh", "-c", "trap 'echo got SIGTERM; exit 143' TERM; echo ready; sleep 100 & wait"]
|   as a command line: sh -c 'trap '\''echo got SIGTERM; exit 143'\'' TERM; echo ready; sleep 100 & wait'
|   ["sh", "-c", "trap 'echo got SIGTERM; exit 143' TERM; echo ready; sleep 100 & wait"] from the image CMD
| why:
|   1. The shell installed a trap, so it catches the signal (even as PID 1) and runs the trap's commands: `wait` is interrupted at once, a foreground command is waited for first.
|   2. PID 1 (`sh -c trap 'echo got SIGTERM; exit 143' TERM; echo ready; sleep 100 & wait`) keeps running in the background.
a68788e2e0a10ff0058150e104c50ccd030ce30fa4cfdc7cd19382bf65c338a2
| exit code 0
docksim> docker top t5
| why:
|   1. docker top lists the container's processes with the PIDs they have on the host (so PID 1 inside is 18341 here, the first row). Inside the container it is PID 1 (this image has no ps to show that).
UID                 PID                 PPID                C                   STIME               TTY                 TIME                CMD
root                18341               18320               0                   09:00               ?                   00:00:00            sh -c trap 'echo got SIGTERM; exit 143' TERM; echo ready; sleep 100 & wait
root                18347               18341               0                   09:00               ?                   00:00:00            sleep 100
docksim> docker stop -t 2 t5
| stopped after 0.000s, container exit code 143
| why:
|   1. docker stop sends SIGTERM to PID 1 (`sh -c trap 'echo got SIGTERM; exit 143' TERM; echo ready; sleep 100 & wait`), which has a handler for it.
|   2. PID 1 exited with status 143 = 128+15, the code that means "ended by SIGTERM": the container's exit code.
t5
| exit code 0
docksim> docker logs t5
ready
got SIGTERM
docksim> # the same shell with scripts of our own: ENTRYPOINT ["sh", "-c"]
docksim> :new
New, empty Dockerfile; images and containers stay (:undo brings the old one back).
docksim> FROM debian
| line 1: FROM: a new stage from debian (build time, no layer)
docksim> ENTRYPOINT ["sh", "-c"]
| line 2: ENTRYPOINT: exec form, CMD and run arguments are appended; program ["sh", "-c"] (container start, no layer)
docksim> docker build -q -t sh-c .
| why:
|   1. (line 2) ENTRYPOINT resets the CMD inherited from the base image (["bash"] was dropped). Only a CMD written in this stage survives an ENTRYPOINT.
sha256:a07ce246c5b05f1f0468dded06d8649d673ce9dbc988216364e480adee6ea2ed
docksim> # a handler that exits cleanly: 0
docksim> docker run -d --name t0 sh-c "trap 'echo bye; exit 0' TERM; sleep 100 & wait"
| PID 1: ["sh", "-c", "trap 'echo bye; exit 0' TERM; sleep 100 & wait"]
|   as a command line: sh -c 'trap '\''echo bye; exit 0'\'' TERM; sleep 100 & wait'
|   ["sh", "-c"] from the image ENTRYPOINT
|   ["trap 'echo bye; exit 0' TERM; sleep 100 & wait"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's CMD and are appended to its ENTRYPOINT ["sh", "-c"].
|   2. The shell installed a trap, so it catches the signal (even as PID 1) and runs the trap's commands: `wait` is interrupted at once, a foreground command is waited for first.
|   3. PID 1 (`sh -c trap 'echo bye; exit 0' TERM; sleep 100 & wait`) keeps running in the background.
ef65940d1a9a78c23245c34ae308630936c50f2d25ad935ae3f1ae3a12f07b3f
| exit code 0
docksim> docker stop t0
| stopped after 0.000s, container exit code 0
| why:
|   1. docker stop sends SIGTERM to PID 1 (`sh -c trap 'echo bye; exit 0' TERM; sleep 100 & wait`), which has a handler for it.
|   2. PID 1 handled the signal and exited by itself with status 0: a clean shutdown.
t0
| exit code 0
docksim> docker logs t0
bye
docksim> # the trap runs only after a foreground command ends: here after 5 s
docksim> docker run -d --name tf sh-c "trap 'echo late; exit 3' TERM; sleep 5"
| PID 1: ["sh", "-c", "trap 'echo late; exit 3' TERM; sleep 5"]
|   as a command line: sh -c 'trap '\''echo late; exit 3'\'' TERM; sleep 5'
|   ["sh", "-c"] from the image ENTRYPOINT
|   ["trap 'echo late; exit 3' TERM; sleep 5"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's CMD and are appended to its ENTRYPOINT ["sh", "-c"].
|   2. The shell installed a trap, so it catches the signal (even as PID 1) and runs the trap's commands: `wait` is interrupted at once, a foreground command is waited for first.
|   3. Debian's dash (/bin/sh on Debian and Ubuntu images) does not exec the command of `sh -c`: it starts it as a child and stays PID 1 itself.
|   4. PID 1 (`sh -c trap 'echo late; exit 3' TERM; sleep 5`) keeps running in the background.
4296bd298d6313f37ebd5b6f5b404316a6532b2f37f3206f8d4f92cf426505e4
| exit code 0
docksim> docker stop tf
| stopped after 5.000s, container exit code 3
| why:
|   1. docker stop sends SIGTERM to PID 1 (`sh -c trap 'echo late; exit 3' TERM; sleep 5`), which has a handler for it.
|   2. PID 1 handled the signal and exited by itself with status 3, the exit code its handler chose.
|   3. The handler ran only after 5 s: a shell runs a trap once the foreground command it is waiting for has ended (a `wait` would have been interrupted at once).
tf
| exit code 0
docksim> docker logs tf
late
=== stderr
=== exit
0
