Does `bash -c STRING` exec its last command? bash does, like ash:
the last simple command replaces the shell as PID 1, except after a
pipeline or with a trap set (run-semantics.md §3.3, the lab's table).
=== args
--echo -
=== stdin
# run-semantics.md §3.3: who is PID 1 after `bash -c STRING`
FROM debian
ENTRYPOINT ["/bin/bash", "-c"]
docker build -q -t bash-c .
docker run -d --name c1 bash-c 'sleep 100'
docker top c1
docker run -d --name c2 bash-c 'cd / && sleep 100'
docker top c2
docker run -d --name c3 bash-c 'true; sleep 100'
docker top c3
docker run -d --name c4 bash-c 'sleep 100 | cat'
docker top c4
docker run -d --name c5 bash-c 'trap "echo bye" TERM; sleep 100'
docker top c5
docker run -d --name c6 bash-c 'exec sleep 100'
docker top c6
=== stdout
docksim> # run-semantics.md §3.3: who is PID 1 after `bash -c STRING`
docksim> FROM debian
| line 1: FROM: a new stage from debian (build time, no layer)
docksim> ENTRYPOINT ["/bin/bash", "-c"]
| line 2: ENTRYPOINT: exec form, CMD and run arguments are appended; program ["/bin/bash", "-c"] (container start, no layer)
docksim> docker build -q -t bash-c .
| why:
|   1. (line 2) ENTRYPOINT resets the CMD inherited from the base image (["bash"] was dropped). Only a CMD written in this stage survives an ENTRYPOINT.
sha256:5fbee4dc486ccb9e0770f1c37f9cb7396b9742f5e5891644a0e414edfb23e6ba
docksim> docker run -d --name c1 bash-c 'sleep 100'
| PID 1: ["/bin/bash", "-c", "sleep 100"]
|   as a command line: /bin/bash -c 'sleep 100'
|   ["/bin/bash", "-c"] from the image ENTRYPOINT
|   ["sleep 100"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's CMD and are appended to its ENTRYPOINT ["/bin/bash", "-c"].
|   2. bash runs the last command of its -c string with exec: the command replaces the shell and becomes PID 1 in its place, so it receives docker stop's signal itself.
|   3. PID 1 (`sleep 100`) keeps running in the background.
a68788e2e0a10ff0058150e104c50ccd030ce30fa4cfdc7cd19382bf65c338a2
| exit code 0
docksim> docker top c1
| why:
|   1. docker top lists the container's processes with the PIDs they have on the host (so PID 1 inside is 18341 here, the first row). Inside the container it is PID 1 (this image has no ps to show that).
UID                 PID                 PPID                C                   STIME               TTY                 TIME                CMD
root                18341               18320               0                   09:00               ?                   00:00:00            sleep 100
docksim> docker run -d --name c2 bash-c 'cd / && sleep 100'
| PID 1: ["/bin/bash", "-c", "cd / && sleep 100"]
|   as a command line: /bin/bash -c 'cd / && sleep 100'
|   ["/bin/bash", "-c"] from the image ENTRYPOINT
|   ["cd / && sleep 100"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's CMD and are appended to its ENTRYPOINT ["/bin/bash", "-c"].
|   2. bash runs the last command of its -c string with exec: the command replaces the shell and becomes PID 1 in its place, so it receives docker stop's signal itself.
|   3. PID 1 (`sleep 100`) keeps running in the background.
8d8db114f14347bb42ac0a99c0d190c9f9aa2e1b79783648db6f5c2f0a06ce3f
| exit code 0
docksim> docker top c2
| why:
|   1. docker top lists the container's processes with the PIDs they have on the host (so PID 1 inside is 31751 here, the first row). Inside the container it is PID 1 (this image has no ps to show that).
UID                 PID                 PPID                C                   STIME               TTY                 TIME                CMD
root                31751               31730               0                   09:00               ?                   00:00:00            sleep 100
docksim> docker run -d --name c3 bash-c 'true; sleep 100'
| PID 1: ["/bin/bash", "-c", "true; sleep 100"]
|   as a command line: /bin/bash -c 'true; sleep 100'
|   ["/bin/bash", "-c"] from the image ENTRYPOINT
|   ["true; sleep 100"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's CMD and are appended to its ENTRYPOINT ["/bin/bash", "-c"].
|   2. bash runs the last command of its -c string with exec: the command replaces the shell and becomes PID 1 in its place, so it receives docker stop's signal itself.
|   3. PID 1 (`sleep 100`) keeps running in the background.
ef65940d1a9a78c23245c34ae308630936c50f2d25ad935ae3f1ae3a12f07b3f
| exit code 0
docksim> docker top c3
| why:
|   1. docker top lists the container's processes with the PIDs they have on the host (so PID 1 inside is 30791 here, the first row). Inside the container it is PID 1 (this image has no ps to show that).
UID                 PID                 PPID                C                   STIME               TTY                 TIME                CMD
root                30791               30770               0                   09:00               ?                   00:00:00            sleep 100
docksim> docker run -d --name c4 bash-c 'sleep 100 | cat'
| PID 1: ["/bin/bash", "-c", "sleep 100 | cat"]
|   as a command line: /bin/bash -c 'sleep 100 | cat'
|   ["/bin/bash", "-c"] from the image ENTRYPOINT
|   ["sleep 100 | cat"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's CMD and are appended to its ENTRYPOINT ["/bin/bash", "-c"].
|   2. A pipeline runs each of its commands in a child process of the shell: the shell stays PID 1 and waits for them all (no shell execs a pipeline).
|   3. PID 1 (`/bin/bash -c sleep 100 | cat`) keeps running in the background.
4296bd298d6313f37ebd5b6f5b404316a6532b2f37f3206f8d4f92cf426505e4
| exit code 0
docksim> docker top c4
| why:
|   1. docker top lists the container's processes with the PIDs they have on the host (so PID 1 inside is 19001 here, the first row). Inside the container it is PID 1 (this image has no ps to show that).
UID                 PID                 PPID                C                   STIME               TTY                 TIME                CMD
root                19001               18980               0                   09:00               ?                   00:00:00            /bin/bash -c sleep 100 | cat
root                19007               19001               0                   09:00               ?                   00:00:00            sleep 100
root                19008               19001               0                   09:00               ?                   00:00:00            cat
docksim> docker run -d --name c5 bash-c 'trap "echo bye" TERM; sleep 100'
| PID 1: ["/bin/bash", "-c", "trap \"echo bye\" TERM; sleep 100"]
|   as a command line: /bin/bash -c 'trap "echo bye" TERM; sleep 100'
|   ["/bin/bash", "-c"] from the image ENTRYPOINT
|   ["trap \"echo bye\" TERM; sleep 100"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's CMD and are appended to its ENTRYPOINT ["/bin/bash", "-c"].
|   2. The shell installed a trap, so it catches the signal (even as PID 1) and runs the trap's commands: `wait` is interrupted at once, a foreground command is waited for first.
|   3. bash would exec the last command of its -c string, but a trap is set: the shell stays PID 1 to run it, and the command runs as its child.
|   4. PID 1 (`/bin/bash -c trap "echo bye" TERM; sleep 100`) keeps running in the background.
7ce7e7ed89e87143ad0113fff02b95007e946ab7970e7cfe53b9327aa3911396
| exit code 0
docksim> docker top c5
| why:
|   1. docker top lists the container's processes with the PIDs they have on the host (so PID 1 inside is 29421 here, the first row). Inside the container it is PID 1 (this image has no ps to show that).
UID                 PID                 PPID                C                   STIME               TTY                 TIME                CMD
root                29421               29400               0                   09:00               ?                   00:00:00            /bin/bash -c trap "echo bye" TERM; sleep 100
root                29427               29421               0                   09:00               ?                   00:00:00            sleep 100
docksim> docker run -d --name c6 bash-c 'exec sleep 100'
| PID 1: ["/bin/bash", "-c", "exec sleep 100"]
|   as a command line: /bin/bash -c 'exec sleep 100'
|   ["/bin/bash", "-c"] from the image ENTRYPOINT
|   ["exec sleep 100"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's CMD and are appended to its ENTRYPOINT ["/bin/bash", "-c"].
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
=== exit
0
