Does `sh -c STRING` exec its last command? Debian's dash (0.5.12, the
lab's bookworm) never does: it stays PID 1 and the command is its child,
except with `exec` (run-semantics.md §3.3, the lab's table; lab cases g1
and g5). docker top shows host PIDs: PID 1 is the first row.
=== args
--echo -
=== stdin
# run-semantics.md §3.3: who is PID 1 after `sh -c STRING`
FROM debian
ENTRYPOINT ["/bin/sh", "-c"]
docker build -q -t dash-c .
docker run -d --name c1 dash-c 'sleep 100'
docker top c1
# Debian has no ps: docker exec cannot start it
docker exec c1 ps
docker run -d --name c2 dash-c 'cd / && sleep 100'
docker top c2
docker run -d --name c3 dash-c 'true; sleep 100'
docker top c3
docker run -d --name c4 dash-c 'sleep 100 | cat'
docker top c4
docker run -d --name c5 dash-c 'trap "echo bye" TERM; sleep 100'
docker top c5
docker run -d --name c6 dash-c 'exec sleep 100'
docker top c6
=== stdout
docksim> # run-semantics.md §3.3: who is PID 1 after `sh -c STRING`
docksim> FROM debian
| line 1: FROM: a new stage from debian (build time, no layer)
docksim> ENTRYPOINT ["/bin/sh", "-c"]
| line 2: ENTRYPOINT: exec form, CMD and run arguments are appended; program ["/bin/sh", "-c"] (container start, no layer)
docksim> docker build -q -t dash-c .
| why:
|   1. (line 2) ENTRYPOINT resets the CMD inherited from the base image (["bash"] was dropped). Only a CMD written in this stage survives an ENTRYPOINT.
sha256:2dafa6272e3886b6bff55cf4aaece2b05ff497adc5eb007347a362b6b9dc8054
docksim> docker run -d --name c1 dash-c 'sleep 100'
| PID 1: ["/bin/sh", "-c", "sleep 100"]
|   as a command line: /bin/sh -c 'sleep 100'
|   ["/bin/sh", "-c"] from the image ENTRYPOINT
|   ["sleep 100"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's CMD and are appended to its ENTRYPOINT ["/bin/sh", "-c"].
|   2. Debian's dash (/bin/sh on Debian and Ubuntu images) does not exec the command of `sh -c`: it starts it as a child and stays PID 1 itself. dash has no handler for SIGTERM, so as PID 1 it ignores docker stop's signal and never passes it on.
|   3. PID 1 (`/bin/sh -c sleep 100`) keeps running in the background.
a68788e2e0a10ff0058150e104c50ccd030ce30fa4cfdc7cd19382bf65c338a2
| exit code 0
docksim> docker top c1
| why:
|   1. docker top lists the container's processes with the PIDs they have on the host (so PID 1 inside is 18341 here, the first row). Inside the container it is PID 1 (this image has no ps to show that).
UID                 PID                 PPID                C                   STIME               TTY                 TIME                CMD
root                18341               18320               0                   09:00               ?                   00:00:00            /bin/sh -c sleep 100
root                18347               18341               0                   09:00               ?                   00:00:00            sleep 100
docksim> # Debian has no ps: docker exec cannot start it
docksim> docker exec c1 ps
| why:
|   1. `ps` is not on the container's PATH: the image does not have it (slim and Alpine images lack many tools; Debian's has no ps).
docksim> docker run -d --name c2 dash-c 'cd / && sleep 100'
| PID 1: ["/bin/sh", "-c", "cd / && sleep 100"]
|   as a command line: /bin/sh -c 'cd / && sleep 100'
|   ["/bin/sh", "-c"] from the image ENTRYPOINT
|   ["cd / && sleep 100"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's CMD and are appended to its ENTRYPOINT ["/bin/sh", "-c"].
|   2. Debian's dash (/bin/sh on Debian and Ubuntu images) does not exec the command of `sh -c`: it starts it as a child and stays PID 1 itself. dash has no handler for SIGTERM, so as PID 1 it ignores docker stop's signal and never passes it on.
|   3. PID 1 (`/bin/sh -c cd / && sleep 100`) keeps running in the background.
8d8db114f14347bb42ac0a99c0d190c9f9aa2e1b79783648db6f5c2f0a06ce3f
| exit code 0
docksim> docker top c2
| why:
|   1. docker top lists the container's processes with the PIDs they have on the host (so PID 1 inside is 31751 here, the first row). Inside the container it is PID 1 (this image has no ps to show that).
UID                 PID                 PPID                C                   STIME               TTY                 TIME                CMD
root                31751               31730               0                   09:00               ?                   00:00:00            /bin/sh -c cd / && sleep 100
root                31757               31751               0                   09:00               ?                   00:00:00            sleep 100
docksim> docker run -d --name c3 dash-c 'true; sleep 100'
| PID 1: ["/bin/sh", "-c", "true; sleep 100"]
|   as a command line: /bin/sh -c 'true; sleep 100'
|   ["/bin/sh", "-c"] from the image ENTRYPOINT
|   ["true; sleep 100"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's CMD and are appended to its ENTRYPOINT ["/bin/sh", "-c"].
|   2. Debian's dash (/bin/sh on Debian and Ubuntu images) does not exec the command of `sh -c`: it starts it as a child and stays PID 1 itself. dash has no handler for SIGTERM, so as PID 1 it ignores docker stop's signal and never passes it on.
|   3. PID 1 (`/bin/sh -c true; sleep 100`) keeps running in the background.
ef65940d1a9a78c23245c34ae308630936c50f2d25ad935ae3f1ae3a12f07b3f
| exit code 0
docksim> docker top c3
| why:
|   1. docker top lists the container's processes with the PIDs they have on the host (so PID 1 inside is 30791 here, the first row). Inside the container it is PID 1 (this image has no ps to show that).
UID                 PID                 PPID                C                   STIME               TTY                 TIME                CMD
root                30791               30770               0                   09:00               ?                   00:00:00            /bin/sh -c true; sleep 100
root                30797               30791               0                   09:00               ?                   00:00:00            sleep 100
docksim> docker run -d --name c4 dash-c 'sleep 100 | cat'
| PID 1: ["/bin/sh", "-c", "sleep 100 | cat"]
|   as a command line: /bin/sh -c 'sleep 100 | cat'
|   ["/bin/sh", "-c"] from the image ENTRYPOINT
|   ["sleep 100 | cat"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's CMD and are appended to its ENTRYPOINT ["/bin/sh", "-c"].
|   2. A pipeline runs each of its commands in a child process of the shell: the shell stays PID 1 and waits for them all (no shell execs a pipeline).
|   3. PID 1 (`/bin/sh -c sleep 100 | cat`) keeps running in the background.
4296bd298d6313f37ebd5b6f5b404316a6532b2f37f3206f8d4f92cf426505e4
| exit code 0
docksim> docker top c4
| why:
|   1. docker top lists the container's processes with the PIDs they have on the host (so PID 1 inside is 19001 here, the first row). Inside the container it is PID 1 (this image has no ps to show that).
UID                 PID                 PPID                C                   STIME               TTY                 TIME                CMD
root                19001               18980               0                   09:00               ?                   00:00:00            /bin/sh -c sleep 100 | cat
root                19007               19001               0                   09:00               ?                   00:00:00            sleep 100
root                19008               19001               0                   09:00               ?                   00:00:00            cat
docksim> docker run -d --name c5 dash-c 'trap "echo bye" TERM; sleep 100'
| PID 1: ["/bin/sh", "-c", "trap \"echo bye\" TERM; sleep 100"]
|   as a command line: /bin/sh -c 'trap "echo bye" TERM; sleep 100'
|   ["/bin/sh", "-c"] from the image ENTRYPOINT
|   ["trap \"echo bye\" TERM; sleep 100"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's CMD and are appended to its ENTRYPOINT ["/bin/sh", "-c"].
|   2. The shell installed a trap, so it catches the signal (even as PID 1) and runs the trap's commands: `wait` is interrupted at once, a foreground command is waited for first.
|   3. Debian's dash (/bin/sh on Debian and Ubuntu images) does not exec the command of `sh -c`: it starts it as a child and stays PID 1 itself.
|   4. PID 1 (`/bin/sh -c trap "echo bye" TERM; sleep 100`) keeps running in the background.
7ce7e7ed89e87143ad0113fff02b95007e946ab7970e7cfe53b9327aa3911396
| exit code 0
docksim> docker top c5
| why:
|   1. docker top lists the container's processes with the PIDs they have on the host (so PID 1 inside is 29421 here, the first row). Inside the container it is PID 1 (this image has no ps to show that).
UID                 PID                 PPID                C                   STIME               TTY                 TIME                CMD
root                29421               29400               0                   09:00               ?                   00:00:00            /bin/sh -c trap "echo bye" TERM; sleep 100
root                29427               29421               0                   09:00               ?                   00:00:00            sleep 100
docksim> docker run -d --name c6 dash-c 'exec sleep 100'
| PID 1: ["/bin/sh", "-c", "exec sleep 100"]
|   as a command line: /bin/sh -c 'exec sleep 100'
|   ["/bin/sh", "-c"] from the image ENTRYPOINT
|   ["exec sleep 100"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's CMD and are appended to its ENTRYPOINT ["/bin/sh", "-c"].
|   2. `exec` replaces the shell with the program: it keeps the shell's process id (PID 1 stays PID 1) and receives docker stop's signal directly.
|   3. PID 1 (`sleep 100`) keeps running in the background.
48dedeb548b38294817df48332d4c7a1e1934082c04c4a74da9577c8889d9f23
| exit code 0
docksim> docker top c6
| why:
|   1. docker top lists the container's processes with the PIDs they have on the host (so PID 1 inside is 42671 here, the first row). Inside the container it is PID 1 (this image has no ps to show that).
UID                 PID                 PPID                C                   STIME               TTY                 TIME                CMD
root                42671               42650               0                   09:00               ?                   00:00:00            sleep 100
=== stderr
OCI runtime exec failed: exec failed: unable to start container process: exec: "ps": executable file not found in $PATH: unknown
=== exit
1
