HEALTHCHECK (run-semantics.md §3.6, lab): docker ps shows
`Up N seconds (health: starting)`, then `(unhealthy)` after `retries`
failed probes in a row, `(healthy)` after a success; docker inspect's
State.Health holds Status, FailingStreak and the probes' Log (the lab:
unhealthy with FailingStreak 3 after three `exit 1` probes).
=== args
--echo -
=== stdin
# run-semantics.md §3.6: HEALTHCHECK states in docker ps and docker inspect
FROM busybox
HEALTHCHECK --interval=5s --timeout=2s --retries=2 CMD test -f /tmp/ready
CMD ["sh", "-c", "sleep 12; touch /tmp/ready; sleep 1000"]
docker build -q -t hc .
docker run -d --name h1 hc
docker ps
# time passes while an exec runs: the probes at 5 s and 10 s fail
docker exec h1 sleep 10
docker ps
# /tmp/ready exists from 12 s on: the probe at 15 s succeeds
docker exec h1 sleep 5
docker ps
# the lab's case: --health-cmd 'exit 1' --health-interval 1s --health-retries 2
docker run -d --name h2 --health-cmd 'exit 1' --health-interval 1s --health-retries 2 busybox sleep 1000
docker exec h2 sleep 3
docker inspect h2
=== stdout
docksim> # run-semantics.md §3.6: HEALTHCHECK states in docker ps and docker inspect
docksim> FROM busybox
| line 1: FROM: a new stage from busybox (build time, no layer)
docksim> HEALTHCHECK --interval=5s --timeout=2s --retries=2 CMD test -f /tmp/ready
| line 2: HEALTHCHECK: health check ["CMD-SHELL", "test -f /tmp/ready"] (container start, no layer)
docksim> CMD ["sh", "-c", "sleep 12; touch /tmp/ready; sleep 1000"]
| line 3: CMD: exec form, default command ["sh", "-c", "sleep 12; touch /tmp/ready; sleep 1000"] (container start, no layer)
docksim> docker build -q -t hc .
| why:
|   1. (line 3) CMD in exec form is stored as ["sh", "-c", "sleep 12; touch /tmp/ready; sleep 1000"], exactly as written (no shell, no variable expansion).
sha256:36b6a1c0b647e3ab9c5c2b72556ff7f71abdb357ad738c3020006138a7c891f0
docksim> docker run -d --name h1 hc
| PID 1: ["sh", "-c", "sleep 12; touch /tmp/ready; sleep 1000"]
|   as a command line: sh -c 'sleep 12; touch /tmp/ready; sleep 1000'
|   ["sh", "-c", "sleep 12; touch /tmp/ready; sleep 1000"] from the image CMD
| why:
|   1. PID 1 (`sh -c sleep 12; touch /tmp/ready; sleep 1000`) keeps running in the background.
a68788e2e0a10ff0058150e104c50ccd030ce30fa4cfdc7cd19382bf65c338a2
| exit code 0
docksim> docker ps
CONTAINER ID   IMAGE     COMMAND                  CREATED        STATUS                                     PORTS     NAMES
a68788e2e0a1   hc        "sh -c sleep 12; tou…"   1 second ago   Up Less than a second (health: starting)             h1
docksim> # time passes while an exec runs: the probes at 5 s and 10 s fail
docksim> docker exec h1 sleep 10
docksim> docker ps
CONTAINER ID   IMAGE     COMMAND                  CREATED          STATUS                      PORTS     NAMES
a68788e2e0a1   hc        "sh -c sleep 12; tou…"   11 seconds ago   Up 10 seconds (unhealthy)             h1
docksim> # /tmp/ready exists from 12 s on: the probe at 15 s succeeds
docksim> docker exec h1 sleep 5
| why:
|   1. BusyBox ash runs the last command of its -c string with exec: the command replaces the shell and becomes PID 1 in its place, so it receives docker stop's signal itself.
docksim> docker ps
CONTAINER ID   IMAGE     COMMAND                  CREATED          STATUS                    PORTS     NAMES
a68788e2e0a1   hc        "sh -c sleep 12; tou…"   16 seconds ago   Up 15 seconds (healthy)             h1
docksim> # the lab's case: --health-cmd 'exit 1' --health-interval 1s --health-retries 2
docksim> docker run -d --name h2 --health-cmd 'exit 1' --health-interval 1s --health-retries 2 busybox sleep 1000
| PID 1: ["sleep", "1000"]
|   as a command line: sleep 1000
|   ["sleep", "1000"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's whole CMD ["sh"]; the first word is the program to run.
|   2. PID 1 (`sleep 1000`) keeps running in the background.
8d8db114f14347bb42ac0a99c0d190c9f9aa2e1b79783648db6f5c2f0a06ce3f
| exit code 0
docksim> docker exec h2 sleep 3
docksim> docker inspect h2
[
    {
        "Id": "8d8db114f14347bb42ac0a99c0d190c9f9aa2e1b79783648db6f5c2f0a06ce3f",
        "Created": "2026-11-28T09:00:19Z",
        "Path": "sleep",
        "Args": [
            "1000"
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
            "StartedAt": "2026-11-28T09:00:20Z",
            "FinishedAt": "0001-01-01T00:00:00Z",
            "Health": {
                "Status": "unhealthy",
                "FailingStreak": 3,
                "Log": [
                    {
                        "Start": "2026-11-28T09:00:21.000000000Z",
                        "End": "2026-11-28T09:00:21.000000000Z",
                        "ExitCode": 1,
                        "Output": ""
                    },
                    {
                        "Start": "2026-11-28T09:00:22.000000000Z",
                        "End": "2026-11-28T09:00:22.000000000Z",
                        "ExitCode": 1,
                        "Output": ""
                    },
                    {
                        "Start": "2026-11-28T09:00:23.000000000Z",
                        "End": "2026-11-28T09:00:23.000000000Z",
                        "ExitCode": 1,
                        "Output": ""
                    }
                ]
            }
        },
        "Image": "sha256:768c40f1226b0e0325b5448a5c78b735ca6d33821294f1bc5f369ada8a7573a3",
        "Name": "/h2",
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
                "1000"
            ],
            "Image": "busybox",
            "Volumes": null,
            "WorkingDir": "",
            "Entrypoint": null,
            "OnBuild": null,
            "Labels": {}
        }
    }
]
=== stderr
=== exit
0
