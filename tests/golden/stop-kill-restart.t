docker kill and docker restart (run-semantics.md §3.2, lab): kill -s TERM
on sleep as PID 1 does nothing and the container keeps running; kill
sends SIGKILL (137); killing a stopped container fails with exit 1;
restart is stop + start with the same grace period (lab: 2.37 s with
--stop-timeout 2) and does not increment RestartCount.
=== args
--echo -
=== stdin
# run-semantics.md §3.2: docker kill and docker restart
FROM busybox
CMD ["sleep", "100"]
docker build -q -t sl .
docker run -d --name k1 sl
# -s TERM only delivers the signal: sleep as PID 1 ignores it (lab)
docker kill -s TERM k1
docker ps
# the default is SIGKILL: 137
docker kill k1
docker ps -a
# killing a stopped container fails
docker kill k1
# restart = stop (same grace period) + start; RestartCount stays 0 (lab)
docker run -d --name r1 --stop-timeout 2 sl
docker restart r1
docker ps
docker inspect r1
=== stdout
docksim> # run-semantics.md §3.2: docker kill and docker restart
docksim> FROM busybox
| line 1: FROM: a new stage from busybox (build time, no layer)
docksim> CMD ["sleep", "100"]
| line 2: CMD: exec form, default command ["sleep", "100"] (container start, no layer)
docksim> docker build -q -t sl .
| why:
|   1. (line 2) CMD in exec form is stored as ["sleep", "100"], exactly as written (no shell, no variable expansion).
sha256:642011917aae1b75218a05a18c66d172ee0765d0d097b111b42ebda6a1d6b120
docksim> docker run -d --name k1 sl
| PID 1: ["sleep", "100"]
|   as a command line: sleep 100
|   ["sleep", "100"] from the image CMD
| why:
|   1. PID 1 (`sleep 100`) keeps running in the background.
a68788e2e0a10ff0058150e104c50ccd030ce30fa4cfdc7cd19382bf65c338a2
| exit code 0
docksim> # -s TERM only delivers the signal: sleep as PID 1 ignores it (lab)
docksim> docker kill -s TERM k1
| why:
|   1. docker kill -s TERM only delivers the signal. PID 1 has no handler for SIGTERM, so nothing happens and the container keeps running (docker kill does not wait or escalate).
k1
docksim> docker ps
CONTAINER ID   IMAGE     COMMAND       CREATED        STATUS                  PORTS     NAMES
a68788e2e0a1   sl        "sleep 100"   1 second ago   Up Less than a second             k1
docksim> # the default is SIGKILL: 137
docksim> docker kill k1
| why:
|   1. docker kill sends SIGKILL by default: PID 1 ends at once (exit 137).
k1
docksim> docker ps -a
CONTAINER ID   IMAGE     COMMAND       CREATED        STATUS                                PORTS     NAMES
a68788e2e0a1   sl        "sleep 100"   1 second ago   Exited (137) Less than a second ago             k1
docksim> # killing a stopped container fails
docksim> docker kill k1
docksim> # restart = stop (same grace period) + start; RestartCount stays 0 (lab)
docksim> docker run -d --name r1 --stop-timeout 2 sl
| PID 1: ["sleep", "100"]
|   as a command line: sleep 100
|   ["sleep", "100"] from the image CMD
| why:
|   1. PID 1 (`sleep 100`) keeps running in the background.
8d8db114f14347bb42ac0a99c0d190c9f9aa2e1b79783648db6f5c2f0a06ce3f
| exit code 0
docksim> docker restart r1
| why:
|   1. docker stop sends SIGTERM to PID 1 (`sleep 100`). PID 1 of a container has no default signal actions, and this program installed no handler for SIGTERM, so the signal is ignored.
|   2. PID 1 was still running after the 2 s grace period, so Docker sent SIGKILL: the container's exit code is 137 (128+9), and the stop took 2 s.
|   3. To stop quickly and cleanly, make PID 1 handle SIGTERM: use the exec form of CMD/ENTRYPOINT (or `exec` in a wrapper script) so the program itself is PID 1, and give it a SIGTERM handler; or run with --init so docker-init forwards the signal.
|   4. PID 1 (`sleep 100`) keeps running in the background.
|   5. docker restart is a stop followed by a start (the same grace period and signal as docker stop); RestartCount is not incremented: it counts restart-policy restarts only.
r1
docksim> docker ps
CONTAINER ID   IMAGE     COMMAND       CREATED         STATUS                  PORTS     NAMES
8d8db114f143   sl        "sleep 100"   4 seconds ago   Up Less than a second             r1
docksim> docker inspect r1
[
    {
        "Id": "8d8db114f14347bb42ac0a99c0d190c9f9aa2e1b79783648db6f5c2f0a06ce3f",
        "Created": "2026-11-28T09:00:04Z",
        "Path": "sleep",
        "Args": [
            "100"
        ],
        "State": {
            "Status": "running",
            "Running": true,
            "Paused": false,
            "Restarting": false,
            "OOMKilled": false,
            "Dead": false,
            "Pid": 1234,
            "ExitCode": 0,
            "Error": "",
            "StartedAt": "2026-11-28T09:00:08Z",
            "FinishedAt": "2026-11-28T09:00:07Z"
        },
        "Image": "sha256:642011917aae1b75218a05a18c66d172ee0765d0d097b111b42ebda6a1d6b120",
        "Name": "/r1",
        "RestartCount": 0,
        "Platform": "linux",
        "HostConfig": {
            "NetworkMode": "default",
            "AutoRemove": false,
            "ReadonlyRootfs": false
        },
        "Config": {
            "Hostname": "8d8db114f143",
            "Domainname": "",
            "User": "",
            "AttachStdin": false,
            "AttachStdout": false,
            "AttachStderr": false,
            "Tty": false,
            "OpenStdin": false,
            "StdinOnce": false,
            "Env": [
                "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
            ],
            "Cmd": [
                "sleep",
                "100"
            ],
            "Image": "sl",
            "Volumes": null,
            "WorkingDir": "",
            "Entrypoint": null,
            "OnBuild": null,
            "Labels": {},
            "StopTimeout": 2
        }
    }
]
=== stderr
Error response from daemon: cannot kill container: k1: container a68788e2e0a10ff0058150e104c50ccd030ce30fa4cfdc7cd19382bf65c338a2 is not running
=== exit
1
