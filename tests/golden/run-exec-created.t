A container whose process never started stays Created (run-semantics.md
§2.5, lab: `docker run bb Welcome`): ExitCode 127, the runtime's error in
State.Error, zero StartedAt; docker start prints the daemon's error and
"Error: failed to start containers: NAME", exit 1; docker create with a
missing command succeeds (§7.7).
=== args
--echo -
=== stdin
# run-semantics.md §2.5: the state of a container whose process never started
docker run --name w busybox Welcome
docker ps -a
docker inspect w
# docker start runs into the same error; the CLI adds its own line
docker start w
# docker create with a missing command succeeds (§7.7)
docker create --name c2 busybox nosuch
docker start c2
=== stdout
docksim> # run-semantics.md §2.5: the state of a container whose process never started
docksim> docker run --name w busybox Welcome
| PID 1: ["Welcome"]
|   as a command line: Welcome
|   ["Welcome"] from the docker run arguments
| why:
|   1. busybox:latest was not in the local image store yet, so Docker pulls it first (docksim uses its built-in copy of the official image's configuration).
|   2. The words after the image name replace the image's whole CMD ["sh"]; the first word is the program to run.
|   3. PID 1 would be "Welcome", but no executable with that name is in the container's $PATH. The process never starts: 127 is the docker CLI's own exit code, read from the error text, and the container stays in the Created state.
| exit code 127
docksim> docker ps -a
CONTAINER ID   IMAGE     COMMAND     CREATED                  STATUS    PORTS     NAMES
30c927222cb7   busybox   "Welcome"   Less than a second ago   Created             w
docksim> docker inspect w
[
    {
        "Id": "30c927222cb7a7b7ee8de223f42542d92416809709c9b05d41d36f044418edb2",
        "Created": "2026-11-28T09:00:01Z",
        "Path": "Welcome",
        "Args": [],
        "State": {
            "Status": "created",
            "Running": false,
            "Paused": false,
            "Restarting": false,
            "OOMKilled": false,
            "Dead": false,
            "Pid": 0,
            "ExitCode": 127,
            "Error": "failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: \"Welcome\": executable file not found in $PATH: unknown",
            "StartedAt": "0001-01-01T00:00:00Z",
            "FinishedAt": "0001-01-01T00:00:00Z"
        },
        "Image": "sha256:768c40f1226b0e0325b5448a5c78b735ca6d33821294f1bc5f369ada8a7573a3",
        "Name": "/w",
        "RestartCount": 0,
        "Platform": "linux",
        "HostConfig": {
            "NetworkMode": "default",
            "AutoRemove": false,
            "ReadonlyRootfs": false
        },
        "Config": {
            "Hostname": "30c927222cb7",
            "Domainname": "",
            "User": "",
            "AttachStdin": false,
            "AttachStdout": true,
            "AttachStderr": true,
            "Tty": false,
            "OpenStdin": false,
            "StdinOnce": false,
            "Env": [
                "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
            ],
            "Cmd": [
                "Welcome"
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
docksim> # docker start runs into the same error; the CLI adds its own line
docksim> docker start w
| exit code 1
docksim> # docker create with a missing command succeeds (§7.7)
docksim> docker create --name c2 busybox nosuch
| PID 1: ["nosuch"]
|   as a command line: nosuch
|   ["nosuch"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's whole CMD ["sh"]; the first word is the program to run.
a68788e2e0a10ff0058150e104c50ccd030ce30fa4cfdc7cd19382bf65c338a2
| exit code 0
docksim> docker start c2
| exit code 1
=== stderr
Unable to find image 'busybox:latest' locally
latest: Pulling from library/busybox
88dabd64cd77: Pull complete
Digest: sha256:6410db05757688dabd64cd77da5e230b8dadb7288913e3e1f7f2b8c5cb9324e0
Status: Downloaded newer image for busybox:latest
docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "Welcome": executable file not found in $PATH: unknown

Run 'docker run --help' for more information
Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "Welcome": executable file not found in $PATH: unknown
Error: failed to start containers: w
Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "nosuch": executable file not found in $PATH: unknown
Error: failed to start containers: c2
=== exit
1
