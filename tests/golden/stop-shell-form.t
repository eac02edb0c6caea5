Shell-form CMD and a script that traps SIGTERM (run-semantics.md §3.3,
the container lab; lab cases g1/g4): on Debian, dash stays PID 1 and
ignores docker stop's SIGTERM, the script (PID 7) never gets it: 10 s,
137, no trap output; on BusyBox, ash execs the script, which is PID 1 and
runs its trap (0 s, exit 0); exec form works on both.
=== args
--echo -
=== stdin
# run-semantics.md §3.3: a script that traps SIGTERM, started by shell-form CMD
:file app.sh 755
#!/bin/sh
trap 'echo "caught SIGTERM in app.sh"; exit 0' TERM
echo "app.sh started"
sleep 1000 &
wait
EOF
# Debian: dash stays PID 1 and drops the signal; app.sh never gets it
FROM debian
COPY app.sh /app.sh
CMD /app.sh
docker build -q -t deb-shell .
docker run -d --name d1 deb-shell
docker top d1
docker stop d1
docker logs d1
# BusyBox: ash execs /app.sh, which is PID 1 and runs its trap
:new
FROM busybox
COPY app.sh /app.sh
CMD /app.sh
docker build -q -t bb-shell .
docker run -d --name b1 bb-shell
docker top b1
docker stop b1
docker logs b1
# exec form works on both
:new
FROM debian
COPY app.sh /app.sh
CMD ["/app.sh"]
docker build -q -t deb-exec .
docker run -d --name d2 deb-exec
docker stop d2
docker logs d2
=== stdout
docksim> # run-semantics.md §3.3: a script that traps SIGTERM, started by shell-form CMD
docksim> :file app.sh 755
| type the content of app.sh; a line EOF ends it (Ctrl-C drops it)
[app.sh]> #!/bin/sh
[app.sh]> trap 'echo "caught SIGTERM in app.sh"; exit 0' TERM
[app.sh]> echo "app.sh started"
[app.sh]> sleep 1000 &
[app.sh]> wait
[app.sh]> EOF
| created app.sh in the build context: 5 lines, 102 bytes, mode 0755 (COPY app.sh ... reads it)
docksim> # Debian: dash stays PID 1 and drops the signal; app.sh never gets it
docksim> FROM debian
| line 1: FROM: a new stage from debian (build time, no layer)
docksim> COPY app.sh /app.sh
| line 2: COPY: copies app.sh to /app.sh (build time, new layer)
docksim> CMD /app.sh
| line 3: CMD: shell form, default command ["/bin/sh", "-c", "/app.sh"] (container start, no layer)
docksim> docker build -q -t deb-shell .
| why:
|   1. (line 3) CMD in shell form is stored as ["/bin/sh", "-c", "/app.sh"]: the text is handed to the shell, which becomes the container's first process.
sha256:7ce5ca8db56ecc3d1d9d65387cfcc79a9b1a33c730a390b152b021d595a82d58
docksim> docker run -d --name d1 deb-shell
| PID 1: ["/bin/sh", "-c", "/app.sh"]
|   as a command line: /bin/sh -c /app.sh
|   ["/bin/sh", "-c", "/app.sh"] from the image CMD
| why:
|   1. Debian's dash (/bin/sh on Debian and Ubuntu images) does not exec the command of `sh -c`: it starts it as a child and stays PID 1 itself. dash has no handler for SIGTERM, so as PID 1 it ignores docker stop's signal and never passes it on.
|   2. The shell with PID 7 installed a trap, but it is not PID 1: docker stop signals PID 1 only, so the trap runs only if PID 1 passes the signal on to it.
|   3. PID 1 (`/bin/sh -c /app.sh`) keeps running in the background.
a68788e2e0a10ff0058150e104c50ccd030ce30fa4cfdc7cd19382bf65c338a2
| exit code 0
docksim> docker top d1
| why:
|   1. docker top lists the container's processes with the PIDs they have on the host (so PID 1 inside is 18341 here, the first row). Inside the container it is PID 1 (this image has no ps to show that).
UID                 PID                 PPID                C                   STIME               TTY                 TIME                CMD
root                18341               18320               0                   09:00               ?                   00:00:00            /bin/sh -c /app.sh
root                18347               18341               0                   09:00               ?                   00:00:00            /bin/sh /app.sh
root                18348               18347               0                   09:00               ?                   00:00:00            sleep 1000
docksim> docker stop d1
| stopped after 10.000s, container exit code 137
| why:
|   1. docker stop sends SIGTERM to PID 1 (`/bin/sh -c /app.sh`). PID 1 of a container has no default signal actions, and this program installed no handler for SIGTERM, so the signal is ignored.
|   2. The shell does not pass SIGTERM on to its children: `/bin/sh /app.sh` (PID 7) has a handler (a trap) for it, but never receives it, so its clean-up never runs.
|   3. PID 1 was still running after the 10 s grace period, so Docker sent SIGKILL: the container's exit code is 137 (128+9), and the stop took 10 s.
|   4. To stop quickly and cleanly, make PID 1 handle SIGTERM: use the exec form of CMD/ENTRYPOINT (or `exec` in a wrapper script) so the program itself is PID 1, and give it a SIGTERM handler; or run with --init so docker-init forwards the signal.
d1
| exit code 0
docksim> docker logs d1
app.sh started
docksim> # BusyBox: ash execs /app.sh, which is PID 1 and runs its trap
docksim> :new
New, empty Dockerfile; images and containers stay (:undo brings the old one back).
docksim> FROM busybox
| line 1: FROM: a new stage from busybox (build time, no layer)
docksim> COPY app.sh /app.sh
| line 2: COPY: copies app.sh to /app.sh (build time, new layer)
docksim> CMD /app.sh
| line 3: CMD: shell form, default command ["/bin/sh", "-c", "/app.sh"] (container start, no layer)
docksim> docker build -q -t bb-shell .
| why:
|   1. (line 3) CMD in shell form is stored as ["/bin/sh", "-c", "/app.sh"]: the text is handed to the shell, which becomes the container's first process.
sha256:54afcaf73549a0ec8b88d37dd4a71b9a928a8f4689ad7d34204c2d03205d0545
docksim> docker run -d --name b1 bb-shell
| PID 1: ["/bin/sh", "-c", "/app.sh"]
|   as a command line: /bin/sh -c /app.sh
|   ["/bin/sh", "-c", "/app.sh"] from the image CMD
| why:
|   1. BusyBox ash runs the last command of its -c string with exec: the command replaces the shell and becomes PID 1 in its place, so it receives docker stop's signal itself.
|   2. The shell installed a trap, so it catches the signal (even as PID 1) and runs the trap's commands: `wait` is interrupted at once, a foreground command is waited for first.
|   3. PID 1 (`/bin/sh /app.sh`) keeps running in the background.
4296bd298d6313f37ebd5b6f5b404316a6532b2f37f3206f8d4f92cf426505e4
| exit code 0
docksim> docker top b1
| why:
|   1. docker top lists the container's processes with the PIDs they have on the host (so PID 1 inside is 19001 here). `docker exec b1 ps` shows the container's own numbering, where PID 1 is the first process.
UID                 PID                 PPID                C                   STIME               TTY                 TIME                CMD
root                19001               18980               0                   09:00               ?                   00:00:00            /bin/sh /app.sh
root                19007               19001               0                   09:00               ?                   00:00:00            sleep 1000
docksim> docker stop b1
| stopped after 0.000s, container exit code 0
| why:
|   1. docker stop sends SIGTERM to PID 1 (`/bin/sh /app.sh`), which has a handler for it.
|   2. PID 1 handled the signal and exited by itself with status 0: a clean shutdown.
b1
| exit code 0
docksim> docker logs b1
app.sh started
caught SIGTERM in app.sh
docksim> # exec form works on both
docksim> :new
New, empty Dockerfile; images and containers stay (:undo brings the old one back).
docksim> FROM debian
| line 1: FROM: a new stage from debian (build time, no layer)
docksim> COPY app.sh /app.sh
| line 2: COPY: copies app.sh to /app.sh (build time, new layer)
docksim> CMD ["/app.sh"]
| line 3: CMD: exec form, default command ["/app.sh"] (container start, no layer)
docksim> docker build -q -t deb-exec .
| why:
|   1. (line 3) CMD in exec form is stored as ["/app.sh"], exactly as written (no shell, no variable expansion).
sha256:cadd3e7272d6656f83ceb9fc0f86bf2da1b207f0f8b77532678d7eeb6f574b29
docksim> docker run -d --name d2 deb-exec
| PID 1: ["/app.sh"]
|   as a command line: /app.sh
|   ["/app.sh"] from the image CMD
| why:
|   1. The shell installed a trap, so it catches the signal (even as PID 1) and runs the trap's commands: `wait` is interrupted at once, a foreground command is waited for first.
|   2. PID 1 (`/bin/sh /app.sh`) keeps running in the background.
48dedeb548b38294817df48332d4c7a1e1934082c04c4a74da9577c8889d9f23
| exit code 0
docksim> docker stop d2
| stopped after 0.000s, container exit code 0
| why:
|   1. docker stop sends SIGTERM to PID 1 (`/bin/sh /app.sh`), which has a handler for it.
|   2. PID 1 handled the signal and exited by itself with status 0: a clean shutdown.
d2
| exit code 0
docksim> docker logs d2
app.sh started
caught SIGTERM in app.sh
=== stderr
=== exit
0
