--json: docker stop reports stopped_after_s (simulated seconds) and
container_exit_code for the container it stopped (issue 4 item 5): 3 s
and 137 when SIGKILL ends the grace period, 0 s and the trap's code
(also for a --rm container, removed at once); nothing for a container
that was not running.
=== args
--json -
=== stdin
FROM busybox
CMD ["sleep", "100"]
docker build -q -t sl .
docker run -d --name a sl
docker stop -t 3 a
:new
FROM busybox
CMD ["sh", "-c", "trap 'exit 5' TERM; sleep 100 & wait"]
docker build -q -t trap5 .
docker run -d --rm --name b trap5
docker stop b
docker stop a
=== stdout
{"command":"docker build -q -t sl .","exit_code":0,"stdout":"sha256:642011917aae1b75218a05a18c66d172ee0765d0d097b111b42ebda6a1d6b120\n","stderr":"","explain":[{"id":"build.cmd-exec-form","line":2,"text":"CMD in exec form is stored as [\"sleep\", \"100\"], exactly as written (no shell, no variable expansion)."}],"image":"sha256:642011917aae1b75218a05a18c66d172ee0765d0d097b111b42ebda6a1d6b120","config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"Cmd":["sleep","100"],"ArgsEscaped":true},"warnings":[]}
{"command":"docker run -d --name a sl","exit_code":0,"stdout":"a68788e2e0a10ff0058150e104c50ccd030ce30fa4cfdc7cd19382bf65c338a2\n","stderr":"","explain":[{"id":"userland.keeps-running","line":0,"text":"PID 1 (`sleep 100`) keeps running in the background."}],"argv":["sleep","100"],"env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","HOSTNAME=a68788e2e0a1","HOME=/root"],"workdir":"/","user":"","container":"a"}
{"command":"docker stop -t 3 a","exit_code":0,"stdout":"a\n","stderr":"","explain":[{"id":"stop.pid1-ignores-signal","line":0,"text":"docker stop sends SIGTERM to PID 1 (`sleep 100`). PID 1 of a container has no default signal actions, and this program installed no handler for SIGTERM, so the signal is ignored."},{"id":"stop.sigkill-after-timeout","line":0,"text":"PID 1 was still running after the 3 s grace period, so Docker sent SIGKILL: the container's exit code is 137 (128+9), and the stop took 3 s."},{"id":"stop.fix-pid1","line":0,"text":"To stop quickly and cleanly, make PID 1 handle SIGTERM: use the exec form of CMD/ENTRYPOINT (or `exec` in a wrapper script) so the program itself is PID 1, and give it a SIGTERM handler; or run with --init so docker-init forwards the signal."}],"argv":null,"env":null,"workdir":"","user":"","container":"a","stopped_after_s":3.000,"container_exit_code":137}
{"command":"docker build -q -t trap5 .","exit_code":0,"stdout":"sha256:b7977ed6637af977d559b52a95023681e8f3bf4821af4d8b453f14da9e0c53ca\n","stderr":"","explain":[{"id":"build.cmd-exec-form","line":2,"text":"CMD in exec form is stored as [\"sh\", \"-c\", \"trap 'exit 5' TERM; sleep 100 & wait\"], exactly as written (no shell, no variable expansion)."}],"image":"sha256:b7977ed6637af977d559b52a95023681e8f3bf4821af4d8b453f14da9e0c53ca","config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"Cmd":["sh","-c","trap 'exit 5' TERM; sleep 100 & wait"],"ArgsEscaped":true},"warnings":[]}
{"command":"docker run -d --rm --name b trap5","exit_code":0,"stdout":"ef65940d1a9a78c23245c34ae308630936c50f2d25ad935ae3f1ae3a12f07b3f\n","stderr":"","explain":[{"id":"sh.trap-installed","line":0,"text":"The shell installed a trap, so it catches the signal (even as PID 1) and runs the trap's commands: `wait` is interrupted at once, a foreground command is waited for first."},{"id":"userland.keeps-running","line":0,"text":"PID 1 (`sh -c trap 'exit 5' TERM; sleep 100 & wait`) keeps running in the background."}],"argv":["sh","-c","trap 'exit 5' TERM; sleep 100 & wait"],"env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","HOSTNAME=ef65940d1a9a","HOME=/root"],"workdir":"/","user":"","container":"b"}
{"command":"docker stop b","exit_code":0,"stdout":"b\n","stderr":"","explain":[{"id":"stop.pid1-handles-signal","line":0,"text":"docker stop sends SIGTERM to PID 1 (`sh -c trap 'exit 5' TERM; sleep 100 & wait`), which has a handler for it."},{"id":"stop.handler-exit","line":0,"text":"PID 1 handled the signal and exited by itself with status 5, the exit code its handler chose."}],"argv":null,"env":null,"workdir":"","user":"","container":"b","stopped_after_s":0.000,"container_exit_code":5}
{"command":"docker stop a","exit_code":0,"stdout":"a\n","stderr":"","explain":[{"id":"stop.not-running","line":0,"text":"The container is not running: docker stop does nothing and still prints its name (exit 0)."}]}
=== stderr
New, empty Dockerfile; images and containers stay (:undo brings the old one back).
=== exit
0
