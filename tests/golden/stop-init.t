--init (run-semantics.md §3.4, §7.11; lab cases g3/g6): docker-init
(tini) is PID 1 and forwards SIGTERM to its child, which is not PID 1 and
dies of it: the stop is quick and the exit code 143. With a shell-form
CMD on Debian, tini's child is dash: dash dies, tini exits, and the
script behind dash is killed without running its trap.
=== args
--echo -
=== stdin
# run-semantics.md §3.4: --init runs docker-init (tini) as PID 1
FROM debian
CMD ["sleep", "100"]
docker build -q -t sig .
# lab g3: tini forwards SIGTERM to sleep, which is not PID 1 and dies: 143
docker run -d --init --name i1 sig
docker top i1
docker stop -t 2 i1
# lab g6: shell form under tini: tini, then dash, then sleep
:file app.sh 755
#!/bin/sh
trap 'echo "caught SIGTERM in app.sh"; exit 0' TERM
echo "app.sh started"
sleep 1000 &
wait
EOF
:new
FROM debian
COPY app.sh /app.sh
CMD /app.sh
docker build -q -t deb-shell .
docker run -d --init --name i2 deb-shell
docker top i2
docker stop -t 2 i2
# --init ends the 10 s wait, not the shell in between: the trap never ran
docker logs i2
=== stdout
docksim> # run-semantics.md §3.4: --init runs docker-init (tini) as PID 1
docksim> FROM debian
| line 1: FROM: a new stage from debian (build time, no layer)
docksim> CMD ["sleep", "100"]
| line 2: CMD: exec form, default command ["sleep", "100"] (container start, no layer)
docksim> docker build -q -t sig .
| why:
|   1. (line 2) CMD in exec form is stored as ["sleep", "100"], exactly as written (no shell, no variable expansion).
sha256:f1301376010cf3dc2b9aa5e99afe394762f277e2e91b78e13ffb7361fcb1d450
docksim> # lab g3: tini forwards SIGTERM to sleep, which is not PID 1 and dies: 143
docksim> docker run -d --init --name i1 sig
| PID 1: ["sleep", "100"]
|   as a command line: sleep 100
|   ["sleep", "100"] from the image CMD
| why:
|   1. With --init, Docker runs docker-init (tini) as PID 1 and your command as its child. tini forwards signals to that child and reaps zombie processes.
|   2. PID 1 (`/sbin/docker-init -- sleep 100`) keeps running in the background.
a68788e2e0a10ff0058150e104c50ccd030ce30fa4cfdc7cd19382bf65c338a2
| exit code 0
docksim> docker top i1
| why:
|   1. docker top lists the container's processes with the PIDs they have on the host (so PID 1 inside is 18341 here, the first row). Inside the container it is PID 1 (this image has no ps to show that).
UID                 PID                 PPID                C                   STIME               TTY                 TIME                CMD
root                18341               18320               0                   09:00               ?                   00:00:00            /sbin/docker-init -- sleep 100
root                18347               18341               0                   09:00               ?                   00:00:00            sleep 100
docksim> docker stop -t 2 i1
| stopped after 0.000s, container exit code 143
| why:
|   1. docker stop sends SIGTERM to PID 1 (`/sbin/docker-init -- sleep 100`), which has a handler for it.
|   2. docker-init (tini) is PID 1 and passes SIGTERM on to its child sleep, which is not PID 1, so the signal's default action applies to it (it is terminated).
|   3. PID 1 exited with status 143 = 128+15, the code that means "ended by SIGTERM": the container's exit code.
i1
| exit code 0
docksim> # lab g6: shell form under tini: tini, then dash, then sleep
docksim> :file app.sh 755
| type the content of app.sh; a line EOF ends it (Ctrl-C drops it)
[app.sh]> #!/bin/sh
[app.sh]> trap 'echo "caught SIGTERM in app.sh"; exit 0' TERM
[app.sh]> echo "app.sh started"
[app.sh]> sleep 1000 &
[app.sh]> wait
[app.sh]> EOF
| created app.sh in the build context: 5 lines, 102 bytes, mode 0755 (COPY app.sh ... reads it)
docksim> :new
New, empty Dockerfile; images and containers stay (:undo brings the old one back).
docksim> FROM debian
| line 1: FROM: a new stage from debian (build time, no layer)
docksim> COPY app.sh /app.sh
| line 2: COPY: copies app.sh to /app.sh (build time, new layer)
docksim> CMD /app.sh
| line 3: CMD: shell form, default command ["/bin/sh", "-c", "/app.sh"] (container start, no layer)
docksim> docker build -q -t deb-shell .
| why:
|   1. (line 3) CMD in shell form is stored as ["/bin/sh", "-c", "/app.sh"]: the text is handed to the shell, which becomes the container's first process.
sha256:a2cfd834130bbf5c4a58038bc68ea1860ce319ab00989a6888b2825f2dff3fd1
docksim> docker run -d --init --name i2 deb-shell
| PID 1: ["/bin/sh", "-c", "/app.sh"]
|   as a command line: /bin/sh -c /app.sh
|   ["/bin/sh", "-c", "/app.sh"] from the image CMD
| why:
|   1. With --init, Docker runs docker-init (tini) as PID 1 and your command as its child. tini forwards signals to that child and reaps zombie processes.
|   2. Debian's dash (/bin/sh on Debian and Ubuntu images) does not exec the command of `sh -c`: it stays docker-init's child (PID 7) and starts the command as its own child.
|   3. The shell with PID 8 installed a trap, but it is not PID 1: docker stop signals PID 1 only, so the trap runs only if PID 1 passes the signal on to it.
|   4. PID 1 (`/sbin/docker-init -- /bin/sh -c ...`) keeps running in the background.
ef65940d1a9a78c23245c34ae308630936c50f2d25ad935ae3f1ae3a12f07b3f
| exit code 0
docksim> docker top i2
| why:
|   1. docker top lists the container's processes with the PIDs they have on the host (so PID 1 inside is 30791 here, the first row). Inside the container it is PID 1 (this image has no ps to show that).
UID                 PID                 PPID                C                   STIME               TTY                 TIME                CMD
root                30791               30770               0                   09:00               ?                   00:00:00            /sbin/docker-init -- /bin/sh -c /app.sh
root                30797               30791               0                   09:00               ?                   00:00:00            /bin/sh -c /app.sh
root                30798               30797               0                   09:00               ?                   00:00:00            /bin/sh /app.sh
root                30799               30798               0                   09:00               ?                   00:00:00            sleep 1000
docksim> docker stop -t 2 i2
| stopped after 0.000s, container exit code 143
| why:
|   1. docker stop sends SIGTERM to PID 1 (`/sbin/docker-init -- /bin/sh -c ...`), which has a handler for it.
|   2. docker-init (tini) is PID 1 and passes SIGTERM on to its child /bin/sh, which is not PID 1, so the signal's default action applies to it (it is terminated).
|   3. tini passes the signal to its direct child only. `/bin/sh /app.sh` (PID 8) has a handler for SIGTERM but never got it: when tini's child ended, tini exited and the kernel killed the rest of the container, so its clean-up never ran. --init ends the wait, not the problem of a shell in between: use the exec form, or `exec` in the script.
|   4. PID 1 exited with status 143 = 128+15, the code that means "ended by SIGTERM": the container's exit code.
i2
| exit code 0
docksim> # --init ends the 10 s wait, not the shell in between: the trap never ran
docksim> docker logs i2
app.sh started
=== stderr
=== exit
0
