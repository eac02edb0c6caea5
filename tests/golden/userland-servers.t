Servers and runtimes (issue 4 item 3): a stand-in prints one line saying
what the real program would do and keeps running until stopped; python
as PID 1 has no SIGTERM handler (137 after 10 s); a program docksim does
not simulate prints `[docksim: not simulated: ...]`; bash exits at once
without a terminal and keeps running with -t.
=== args
--echo -
=== stdin
# issue 4 item 3: servers and runtimes keep running until they are stopped
:file app.py
from http.server import HTTPServer, SimpleHTTPRequestHandler
HTTPServer(("", 8000), SimpleHTTPRequestHandler).serve_forever()
EOF
FROM python:3.12
WORKDIR /app
COPY app.py .
CMD ["python", "app.py"]
docker build -q -t pyapp .
# attached: docksim watches for 60 simulated seconds, then gives the prompt back
docker run --name py1 pyapp
docker ps
docker stop py1
# a program docksim does not simulate: one line, and it reports success
docker run golang gcc --version
# bash without -it exits at once, with -t it waits for its terminal
docker run golang
docker run -d -t --name tty ubuntu
docker ps
docker stop tty
=== stdout
docksim> # issue 4 item 3: servers and runtimes keep running until they are stopped
docksim> :file app.py
| type the content of app.py; a line EOF ends it (Ctrl-C drops it)
[app.py]> from http.server import HTTPServer, SimpleHTTPRequestHandler
[app.py]> HTTPServer(("", 8000), SimpleHTTPRequestHandler).serve_forever()
[app.py]> EOF
| created app.py in the build context: 2 lines, 126 bytes, mode 0644 (COPY app.py ... reads it)
docksim> FROM python:3.12
| line 1: FROM: a new stage from python:3.12 (build time, no layer)
docksim> WORKDIR /app
| line 2: WORKDIR: working directory /app (build time, new layer)
docksim> COPY app.py .
| line 3: COPY: copies app.py to . (build time, new layer)
docksim> CMD ["python", "app.py"]
| line 4: CMD: exec form, default command ["python", "app.py"] (container start, no layer)
docksim> docker build -q -t pyapp .
| why:
|   1. (line 4) CMD in exec form is stored as ["python", "app.py"], exactly as written (no shell, no variable expansion).
sha256:e3f2b045dea782939629bae666a95ae5b1ceacb8f0e95fe23b28249b878eff9f
docksim> # attached: docksim watches for 60 simulated seconds, then gives the prompt back
docksim> docker run --name py1 pyapp
| PID 1: ["python", "app.py"]
|   as a command line: python app.py
|   ["python", "app.py"] from the image CMD
| why:
|   1. app.py installs no SIGTERM handler. As PID 1 it therefore ignores docker stop's SIGTERM, and Docker kills it with SIGKILL after the grace period (exit 137).
|   2. PID 1 (`python app.py`) keeps running, so the real `docker run` would stay attached until it ends or you press Ctrl-C. docksim watched it for 60 simulated seconds and gives the prompt back; the container is still running (see `docker ps`, `docker stop`).
[docksim: python would run app.py, a server: it keeps running]
| exit code 0
docksim> docker ps
CONTAINER ID   IMAGE     COMMAND           CREATED              STATUS              PORTS     NAMES
a68788e2e0a1   pyapp     "python app.py"   About a minute ago   Up About a minute             py1
docksim> docker stop py1
| stopped after 10.000s, container exit code 137
| why:
|   1. docker stop sends SIGTERM to PID 1 (`python app.py`). PID 1 of a container has no default signal actions, and this program installed no handler for SIGTERM, so the signal is ignored.
|   2. PID 1 was still running after the 10 s grace period, so Docker sent SIGKILL: the container's exit code is 137 (128+9), and the stop took 10 s.
|   3. To stop quickly and cleanly, make PID 1 handle SIGTERM: use the exec form of CMD/ENTRYPOINT (or `exec` in a wrapper script) so the program itself is PID 1, and give it a SIGTERM handler; or run with --init so docker-init forwards the signal.
py1
| exit code 0
docksim> # a program docksim does not simulate: one line, and it reports success
docksim> docker run golang gcc --version
| PID 1: ["gcc", "--version"]
|   as a command line: gcc --version
|   ["gcc", "--version"] from the docker run arguments
| why:
|   1. golang:latest was not in the local image store yet, so Docker pulls it first (docksim uses its built-in copy of the official image's configuration).
|   2. The words after the image name replace the image's whole CMD ["bash"]; the first word is the program to run.
|   3. docksim does not simulate gcc: it prints what would run and reports success. The argv and the start failures are still exact.
[docksim: not simulated: gcc --version]
| exit code 0
docksim> # bash without -it exits at once, with -t it waits for its terminal
docksim> docker run golang
| PID 1: ["bash"]
|   as a command line: bash
|   ["bash"] from the image CMD
| why:
|   1. A shell with no command and no terminal reads its commands from standard input, which is empty (no -i, or nothing piped in): it exits at once with status 0. Use `docker run -it` for an interactive shell.
| exit code 0
docksim> docker run -d -t --name tty ubuntu
| PID 1: ["/bin/bash"]
|   as a command line: /bin/bash
|   ["/bin/bash"] from the image CMD
| why:
|   1. ubuntu:latest was not in the local image store yet, so Docker pulls it first (docksim uses its built-in copy of the official image's configuration).
|   2. With -t the shell's input is a terminal, so it is interactive and waits for commands (none can come without -i), so the container keeps running.
|   3. PID 1 (`/bin/bash`) keeps running in the background.
48dedeb548b38294817df48332d4c7a1e1934082c04c4a74da9577c8889d9f23
| exit code 0
docksim> docker ps
CONTAINER ID   IMAGE     COMMAND       CREATED        STATUS                  PORTS     NAMES
48dedeb548b3   ubuntu    "/bin/bash"   1 second ago   Up Less than a second             tty
docksim> docker stop tty
| stopped after 10.000s, container exit code 137
| why:
|   1. docker stop sends SIGTERM to PID 1 (`/bin/bash`). PID 1 of a container has no default signal actions, and this program installed no handler for SIGTERM, so the signal is ignored.
|   2. PID 1 was still running after the 10 s grace period, so Docker sent SIGKILL: the container's exit code is 137 (128+9), and the stop took 10 s.
|   3. To stop quickly and cleanly, make PID 1 handle SIGTERM: use the exec form of CMD/ENTRYPOINT (or `exec` in a wrapper script) so the program itself is PID 1, and give it a SIGTERM handler; or run with --init so docker-init forwards the signal.
tty
| exit code 0
=== stderr
Unable to find image 'golang:latest' locally
latest: Pulling from library/golang
943c48d23fd1: Pull complete
Digest: sha256:0921e079527c943c48d23fd179fd89cc9ea9f1e46038720301b287b400b33775
Status: Downloaded newer image for golang:latest
Unable to find image 'ubuntu:latest' locally
latest: Pulling from library/ubuntu
3dace6b2bdc8: Pull complete
Digest: sha256:b26940090a283dace6b2bdc838eac3bfdc1f12dacbd69b4bd7fc0c0585a57716
Status: Downloaded newer image for ubuntu:latest
=== exit
0
