The official base images' default commands (base-images.md; lab case
h1): busybox/alpine run sh, ubuntu/debian bash, python a REPL, ruby irb;
without -it each reads an empty stdin and exits 0 at once. The lab's
-w, -u 65534 and -e runs; hostname is the container id's first 12 digits.
=== args
--echo -
=== stdin
# base-images.md and the lab's case h1: the default commands of the bases
# a shell or an interpreter without -it reads an empty stdin and exits 0
docker run busybox
docker run alpine
docker run ubuntu
docker run debian
docker run python
docker run ruby
# stdin open (-i) but nothing piped in: the same
docker run -i ubuntu bash
docker run busybox echo hi
docker run debian cat /etc/debian_version
# the lab's -w, -u and -e cases
docker run -w /tmp busybox pwd
docker run -u 65534 busybox id
docker run -e FOO=bar busybox printenv FOO
docker run busybox hostname
docker ps -a
=== stdout
docksim> # base-images.md and the lab's case h1: the default commands of the bases
docksim> # a shell or an interpreter without -it reads an empty stdin and exits 0
docksim> docker run busybox
| PID 1: ["sh"]
|   as a command line: sh
|   ["sh"] from the image CMD
| why:
|   1. busybox:latest was not in the local image store yet, so Docker pulls it first (docksim uses its built-in copy of the official image's configuration).
|   2. A shell with no command and no terminal reads its commands from standard input, which is empty (no -i, or nothing piped in): it exits at once with status 0. Use `docker run -it` for an interactive shell.
| exit code 0
docksim> docker run alpine
| PID 1: ["/bin/sh"]
|   as a command line: /bin/sh
|   ["/bin/sh"] from the image CMD
| why:
|   1. alpine:latest was not in the local image store yet, so Docker pulls it first (docksim uses its built-in copy of the official image's configuration).
|   2. A shell with no command and no terminal reads its commands from standard input, which is empty (no -i, or nothing piped in): it exits at once with status 0. Use `docker run -it` for an interactive shell.
| exit code 0
docksim> docker run ubuntu
| PID 1: ["/bin/bash"]
|   as a command line: /bin/bash
|   ["/bin/bash"] from the image CMD
| why:
|   1. ubuntu:latest was not in the local image store yet, so Docker pulls it first (docksim uses its built-in copy of the official image's configuration).
|   2. A shell with no command and no terminal reads its commands from standard input, which is empty (no -i, or nothing piped in): it exits at once with status 0. Use `docker run -it` for an interactive shell.
| exit code 0
docksim> docker run debian
| PID 1: ["bash"]
|   as a command line: bash
|   ["bash"] from the image CMD
| why:
|   1. debian:latest was not in the local image store yet, so Docker pulls it first (docksim uses its built-in copy of the official image's configuration).
|   2. A shell with no command and no terminal reads its commands from standard input, which is empty (no -i, or nothing piped in): it exits at once with status 0. Use `docker run -it` for an interactive shell.
| exit code 0
docksim> docker run python
| PID 1: ["python3"]
|   as a command line: python3
|   ["python3"] from the image CMD
| why:
|   1. python:latest was not in the local image store yet, so Docker pulls it first (docksim uses its built-in copy of the official image's configuration).
|   2. python would start its interactive prompt, but without -it there is no terminal and its input is empty: it reads nothing and exits at once with status 0, so the container stops. Use `docker run -it` to use it interactively.
| exit code 0
docksim> docker run ruby
| PID 1: ["irb"]
|   as a command line: irb
|   ["irb"] from the image CMD
| why:
|   1. ruby:latest was not in the local image store yet, so Docker pulls it first (docksim uses its built-in copy of the official image's configuration).
|   2. irb would start its interactive prompt, but without -it there is no terminal and its input is empty: it reads nothing and exits at once with status 0, so the container stops. Use `docker run -it` to use it interactively.
| exit code 0
docksim> # stdin open (-i) but nothing piped in: the same
docksim> docker run -i ubuntu bash
| PID 1: ["bash"]
|   as a command line: bash
|   ["bash"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's whole CMD ["/bin/bash"]; the first word is the program to run.
|   2. A shell with no command and no terminal reads its commands from standard input, which is empty (no -i, or nothing piped in): it exits at once with status 0. Use `docker run -it` for an interactive shell.
| exit code 0
docksim> docker run busybox echo hi
| PID 1: ["echo", "hi"]
|   as a command line: echo hi
|   ["echo", "hi"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's whole CMD ["sh"]; the first word is the program to run.
hi
| exit code 0
docksim> docker run debian cat /etc/debian_version
| PID 1: ["cat", "/etc/debian_version"]
|   as a command line: cat /etc/debian_version
|   ["cat", "/etc/debian_version"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's whole CMD ["bash"]; the first word is the program to run.
13.6
| exit code 0
docksim> # the lab's -w, -u and -e cases
docksim> docker run -w /tmp busybox pwd
| PID 1: ["pwd"]
|   as a command line: pwd
|   ["pwd"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's whole CMD ["sh"]; the first word is the program to run.
/tmp
| exit code 0
docksim> docker run -u 65534 busybox id
| PID 1: ["id"]
|   as a command line: id
|   ["id"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's whole CMD ["sh"]; the first word is the program to run.
uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)
| exit code 0
docksim> docker run -e FOO=bar busybox printenv FOO
| PID 1: ["printenv", "FOO"]
|   as a command line: printenv FOO
|   ["printenv", "FOO"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's whole CMD ["sh"]; the first word is the program to run.
bar
| exit code 0
docksim> docker run busybox hostname
| PID 1: ["hostname"]
|   as a command line: hostname
|   ["hostname"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's whole CMD ["sh"]; the first word is the program to run.
fa9d0af6193e
| exit code 0
docksim> docker ps -a
CONTAINER ID   IMAGE     COMMAND                  CREATED          STATUS                              PORTS     NAMES
fa9d0af6193e   busybox   "hostname"               2 seconds ago    Exited (0) Less than a second ago             vibrant_babbage
ac994efc4c22   busybox   "printenv FOO"           5 seconds ago    Exited (0) 3 seconds ago                      tender_wozniak
ed903b98af11   busybox   "id"                     8 seconds ago    Exited (0) 6 seconds ago                      sharp_turing
637ed9c476a9   busybox   "pwd"                    11 seconds ago   Exited (0) 9 seconds ago                      relaxed_thompson
13163612a16c   debian    "cat /etc/debian_ver…"   14 seconds ago   Exited (0) 12 seconds ago                     quirky_shannon
260db7ba925e   busybox   "echo hi"                17 seconds ago   Exited (0) 15 seconds ago                     peaceful_ritchie
fcc0b782c972   ubuntu    "bash"                   20 seconds ago   Exited (0) 18 seconds ago                     optimistic_pasteur
c5220038307d   ruby      "irb"                    23 seconds ago   Exited (0) 21 seconds ago                     nifty_noether
f7a72f0a342c   python    "python3"                26 seconds ago   Exited (0) 24 seconds ago                     loving_meitner
48dedeb548b3   debian    "bash"                   29 seconds ago   Exited (0) 27 seconds ago                     jolly_kepler
4296bd298d63   ubuntu    "/bin/bash"              32 seconds ago   Exited (0) 30 seconds ago                     gallant_hopper
8d8db114f143   alpine    "/bin/sh"                35 seconds ago   Exited (0) 33 seconds ago                     eager_fermi
30c927222cb7   busybox   "sh"                     38 seconds ago   Exited (0) 36 seconds ago                     clever_darwin
=== stderr
Unable to find image 'busybox:latest' locally
latest: Pulling from library/busybox
88dabd64cd77: Pull complete
Digest: sha256:6410db05757688dabd64cd77da5e230b8dadb7288913e3e1f7f2b8c5cb9324e0
Status: Downloaded newer image for busybox:latest
Unable to find image 'alpine:latest' locally
latest: Pulling from library/alpine
45fbb32807ad: Pull complete
Digest: sha256:3ac5ae46bd9645fbb32807ad12fd9ff3b8525e770bacd7da4a44b6e35b131142
Status: Downloaded newer image for alpine:latest
Unable to find image 'ubuntu:latest' locally
latest: Pulling from library/ubuntu
aebc637bd76b: Pull complete
Digest: sha256:8022f8627d22aebc637bd76bec01a4ac392308aa8f823812349e7c68f8f77722
Status: Downloaded newer image for ubuntu:latest
Unable to find image 'debian:latest' locally
latest: Pulling from library/debian
91c0fdbb1157: Pull complete
Digest: sha256:09dcef63994391c0fdbb11574f25d2592a97a73ecc6845c93ef81b2b0f9a6a08
Status: Downloaded newer image for debian:latest
Unable to find image 'python:latest' locally
latest: Pulling from library/python
3c247d712853: Pull complete
Digest: sha256:33d8c8d93ba63c247d7128537a68561e89134f4e0ff290b4caeac33eda51d510
Status: Downloaded newer image for python:latest
Unable to find image 'ruby:latest' locally
latest: Pulling from library/ruby
319d74cafbb7: Pull complete
Digest: sha256:86cebf5585c5319d74cafbb7eb1a4f73e0149ef999b6febc60760ed4646415e5
Status: Downloaded newer image for ruby:latest
=== exit
0
