Exec failures before the start (run-semantics.md §2.5; lab case i1,
worded for Engine 28 + runc 1.2): not on PATH 127, no x bit 126, a
directory 126, a missing path 127 (stat ...), a relative name is not
looked up in WORKDIR; the containers stay Created.
=== args
--echo -
=== stdin
# run-semantics.md §2.5, the lab's case i1: exec failures before the start
:file notexec.sh
#!/bin/sh
echo never
EOF
:file badshebang.sh 755
#!/bin/nosuchshell
echo never
EOF
:file rel.sh 755
#!/bin/sh
echo "relative ok, pwd=$(pwd)"
EOF
FROM ubuntu:latest
WORKDIR /app
COPY notexec.sh badshebang.sh rel.sh ./
CMD ["nonexistent-binary"]
docker build -q -t ex .
# a bare name not on PATH: 127
docker run ex
# a file without the x bit: 126
docker run ex /app/notexec.sh
# a directory: 126
docker run ex /app
# a path where nothing is: 127
docker run ex /nope
# a relative name is looked up on PATH, not in WORKDIR: 127
docker run ex rel.sh
docker run ex ./rel.sh
# the container never started: Created, and the CLI's code is not PID 1's
docker ps -a
=== stdout
docksim> # run-semantics.md §2.5, the lab's case i1: exec failures before the start
docksim> :file notexec.sh
| type the content of notexec.sh; a line EOF ends it (Ctrl-C drops it)
[notexec.sh]> #!/bin/sh
[notexec.sh]> echo never
[notexec.sh]> EOF
| created notexec.sh in the build context: 2 lines, 21 bytes, mode 0644 (COPY notexec.sh ... reads it)
docksim> :file badshebang.sh 755
| type the content of badshebang.sh; a line EOF ends it (Ctrl-C drops it)
[badshebang.sh]> #!/bin/nosuchshell
[badshebang.sh]> echo never
[badshebang.sh]> EOF
| created badshebang.sh in the build context: 2 lines, 30 bytes, mode 0755 (COPY badshebang.sh ... reads it)
docksim> :file rel.sh 755
| type the content of rel.sh; a line EOF ends it (Ctrl-C drops it)
[rel.sh]> #!/bin/sh
[rel.sh]> echo "relative ok, pwd=$(pwd)"
[rel.sh]> EOF
| created rel.sh in the build context: 2 lines, 41 bytes, mode 0755 (COPY rel.sh ... reads it)
docksim> FROM ubuntu:latest
| line 1: FROM: a new stage from ubuntu:latest (build time, no layer)
docksim> WORKDIR /app
| line 2: WORKDIR: working directory /app (build time, new layer)
docksim> COPY notexec.sh badshebang.sh rel.sh ./
| line 3: COPY: copies notexec.sh badshebang.sh rel.sh to ./ (build time, new layer)
docksim> CMD ["nonexistent-binary"]
| line 4: CMD: exec form, default command ["nonexistent-binary"] (container start, no layer)
| warning (docksim's own, not a BuildKit check): docksim/program-not-in-image: the CMD runs nonexistent-binary, which ubuntu:latest does not have (and nothing here installs or copies it): the container fails to start with exec: "nonexistent-binary": executable file not found in $PATH (:help docksim/program-not-in-image)
docksim> docker build -q -t ex .
| why:
|   1. (line 4) CMD in exec form is stored as ["nonexistent-binary"], exactly as written (no shell, no variable expansion).
sha256:314757669100d5eb310c59f87b01627b037cd67997398c46566b9e45447dafce
docksim> # a bare name not on PATH: 127
docksim> docker run ex
| PID 1: ["nonexistent-binary"]
|   as a command line: nonexistent-binary
|   ["nonexistent-binary"] from the image CMD
| why:
|   1. PID 1 would be "nonexistent-binary", but no executable with that name is in the container's $PATH. The process never starts: 127 is the docker CLI's own exit code, read from the error text, and the container stays in the Created state.
| exit code 127
docksim> # a file without the x bit: 126
docksim> docker run ex /app/notexec.sh
| PID 1: ["/app/notexec.sh"]
|   as a command line: /app/notexec.sh
|   ["/app/notexec.sh"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's whole CMD ["nonexistent-binary"]; the first word is the program to run.
|   2. "/app/notexec.sh" exists but cannot be executed (a directory, or a file without the x permission bit): the runtime refuses it and the CLI exits 126.
| exit code 126
docksim> # a directory: 126
docksim> docker run ex /app
| PID 1: ["/app"]
|   as a command line: /app
|   ["/app"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's whole CMD ["nonexistent-binary"]; the first word is the program to run.
|   2. "/app" exists but cannot be executed (a directory, or a file without the x permission bit): the runtime refuses it and the CLI exits 126.
| exit code 126
docksim> # a path where nothing is: 127
docksim> docker run ex /nope
| PID 1: ["/nope"]
|   as a command line: /nope
|   ["/nope"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's whole CMD ["nonexistent-binary"]; the first word is the program to run.
|   2. "/nope" is a path and nothing is there in the container's filesystem: exit 127.
| exit code 127
docksim> # a relative name is looked up on PATH, not in WORKDIR: 127
docksim> docker run ex rel.sh
| PID 1: ["rel.sh"]
|   as a command line: rel.sh
|   ["rel.sh"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's whole CMD ["nonexistent-binary"]; the first word is the program to run.
|   2. PID 1 would be "rel.sh", but no executable with that name is in the container's $PATH. The process never starts: 127 is the docker CLI's own exit code, read from the error text, and the container stays in the Created state.
| exit code 127
docksim> docker run ex ./rel.sh
| PID 1: ["./rel.sh"]
|   as a command line: ./rel.sh
|   ["./rel.sh"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's whole CMD ["nonexistent-binary"]; the first word is the program to run.
relative ok, pwd=/app
| exit code 0
docksim> # the container never started: Created, and the CLI's code is not PID 1's
docksim> docker ps -a
CONTAINER ID   IMAGE     COMMAND                CREATED         STATUS                              PORTS     NAMES
48dedeb548b3   ex        "./rel.sh"             2 seconds ago   Exited (0) Less than a second ago             jolly_kepler
7ce7e7ed89e8   ex        "rel.sh"               3 seconds ago   Created                                       happy_johnson
4296bd298d63   ex        "/nope"                4 seconds ago   Created                                       gallant_hopper
ef65940d1a9a   ex        "/app"                 5 seconds ago   Created                                       focused_galileo
8d8db114f143   ex        "/app/notexec.sh"      6 seconds ago   Created                                       eager_fermi
a68788e2e0a1   ex        "nonexistent-binary"   7 seconds ago   Created                                       dazzling_euclid
=== stderr
docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "nonexistent-binary": executable file not found in $PATH: unknown

Run 'docker run --help' for more information
docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "/app/notexec.sh": permission denied: unknown

Run 'docker run --help' for more information
docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "/app": permission denied: unknown

Run 'docker run --help' for more information
docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "/nope": stat /nope: no such file or directory: unknown

Run 'docker run --help' for more information
docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "rel.sh": executable file not found in $PATH: unknown

Run 'docker run --help' for more information
=== exit
1
