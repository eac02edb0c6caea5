The shell plays the lesson dockerfile-basics from :lessons to its end, through batch mode: each step's task and checklist, the check after every input (wrong turns get a tip: FROM alpine without a tag, single quotes in CMD, docker run before docker build; apt-get on alpine fails the build and :check shows what is missing), :hint, :check, :undo, :solution (not asked in a script), :state's lesson part, :next refused while unsolved, the finish, then :progress and :lessons. Progress goes to a scratch file (--progress), never to $HOME.
=== args
--echo --lessons ../../../lessons --progress @GEN@/shell-lesson-basics.progress -
=== stdin
:lessons
:lesson dockerfile-basics
FROM alpine
:hint
:check
:undo
FROM alpine:3.20
:next
RUN apt-get install -y curl
:check
:undo
:solution
RUN apk add --no-cache curl
:state
:next
CMD ['echo', 'hello']
:next
:undo
CMD ["echo", "hello"]
:next
docker run app
docker build -t app .
docker run app
docker history app
:next
:progress
:lessons
=== stdout
docksim> :lessons
Lessons (:lesson ID starts one, or goes on where you left it):
Dockerfile basics
  todo     dockerfile-basics    Dockerfile basics: FROM, RUN and CMD
  todo     cmd-vs-entrypoint    CMD vs ENTRYPOINT
  todo     exec-vs-shell-form   Exec form and shell form
  todo     entrypoint-scripts   Entrypoint scripts
docksim> :lesson dockerfile-basics
Lesson: Dockerfile basics: FROM, RUN and CMD
4 steps, about 10 minutes, beginner.

A Dockerfile is a list of instructions that `docker build` reads from top to
bottom to make an image. Some instructions change the image's files and leave
a new *layer* behind; the others only change the image's configuration. In
this lesson you write three lines and then see the difference with
`docker history`.

Type Dockerfile lines at the prompt: each one is added to your Dockerfile.
While you work, docksim checks your Dockerfile by building it as the image
`app` behind the scenes; `:state` shows what it found and `:goal` shows the
step's checklist.

Step 1/4: Start from a base image
Every image starts from another image. Start yours from Alpine Linux 3.20, a
small distribution:

  FROM alpine:3.20

The base image brings its files and its configuration, including a default
command: alpine's is `/bin/sh`.

Goal:
  [ ] your image is built FROM alpine:3.20
  [ ] it has alpine's default command, ["/bin/sh"] ...
  [ ] ... inherited from the base image, not set by your Dockerfile
step 1/4 | :hint  :goal  :undo  :reset  :help
docksim> FROM alpine
| line 1: FROM: a new stage from alpine (build time, no layer)
  [ ] your image is built FROM alpine:3.20
  [x] it has alpine's default command, ["/bin/sh"] ...
  [x] ... inherited from the base image, not set by your Dockerfile
  tip: Without a tag, `FROM alpine` means alpine:latest, which moves whenever
       a new Alpine is released. Pin the version with a tag: FROM alpine:3.20.
step 1/4 | :hint  :goal  :undo  :reset  :help
docksim> :hint
Hint 1/2: The instruction that names the base image comes first in almost
          every Dockerfile.
docksim> :check
Checking step 1/4: Start from a base image
  [ ] your image is built FROM alpine:3.20 (found: alpine:latest)
  [x] it has alpine's default command, ["/bin/sh"] ...
  [x] ... inherited from the base image, not set by your Dockerfile
  tip: Without a tag, `FROM alpine` means alpine:latest, which moves whenever
       a new Alpine is released. Pin the version with a tag: FROM alpine:3.20.
2 of 3 done: :hint gives a hint, :goal shows the task.
docksim> :undo
undone: FROM alpine
  [ ] your image is built FROM alpine:3.20
  [ ] it has alpine's default command, ["/bin/sh"] ...
  [ ] ... inherited from the base image, not set by your Dockerfile
step 1/4 | :hint  :goal  :undo  :reset  :help
docksim> FROM alpine:3.20
| line 1: FROM: a new stage from alpine:3.20 (build time, no layer)
  [x] your image is built FROM alpine:3.20
  [x] it has alpine's default command, ["/bin/sh"] ...
  [x] ... inherited from the base image, not set by your Dockerfile
Well done: step 1/4 is solved.
Type :next for step 2/4: RUN adds a layer.
step 1/4 | :next  :goal  :undo  :reset  :help
docksim> :next
Step 2/4: RUN adds a layer
RUN runs a command while the image is being built, and saves the files it
changed as a new layer of the image. Install curl with Alpine's package
manager:

  RUN apk add --no-cache curl

The command runs during `docker build`, never when a container starts:
containers get the files it left behind.

Goal:
  [ ] your Dockerfile has a RUN instruction
  [ ] it added a layer to the image
step 2/4 | :hint  :goal  :undo  :reset  :help
docksim> RUN apt-get install -y curl
| line 2: RUN: shell form, runs ["/bin/sh", "-c", "apt-get install -y curl"] (build time, new layer)
  [x] your Dockerfile has a RUN instruction
  [ ] it added a layer to the image
step 2/4 | :hint  :goal  :undo  :reset  :help
docksim> :check
Checking step 2/4: RUN adds a layer
  [x] your Dockerfile has a RUN instruction
  [ ] it added a layer to the image (found: nothing)
1 of 2 done: :hint gives a hint, :goal shows the task.
docksim> :undo
undone: RUN apt-get install -y curl
  [ ] your Dockerfile has a RUN instruction
  [ ] it added a layer to the image
step 2/4 | :hint  :goal  :undo  :reset  :help
docksim> :solution
| Show the solution of step 2/4? Your progress will say so. [y/N] yes (not asked: no terminal)
The solution of step 2/4 (type it):
  RUN apk add --no-cache curl
docksim> RUN apk add --no-cache curl
| line 2: RUN: shell form, runs ["/bin/sh", "-c", "apk add --no-cache curl"] (build time, new layer)
  [x] your Dockerfile has a RUN instruction
  [x] it added a layer to the image
Well done: step 2/4 is solved.
Type :next for step 3/4: CMD adds no layer.
step 2/4 | :next  :goal  :undo  :reset  :help
docksim> :state
Dockerfile: 2 lines (:dockerfile shows it)
Build context (docker build .): empty (:file NAME adds a file)
Images: none yet (docker build makes one; docker run IMAGE pulls a known one)
Containers: none (docker run IMAGE makes one)
Undo: 1 step (:undo), 0 to redo (:redo)
Lesson dockerfile-basics, step 2/4: what its checks read (image app)
# image 'app': the current Dockerfile, built
image.base = alpine:3.20
image.workdir missing
image.user missing
image.env.PATH = /usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
image.exposed missing
image.entrypoint missing
image.entrypoint.form = none
image.cmd = ["/bin/sh"]
image.cmd.form = exec
image.cmd.inherited = true
image.layers = ["RUN"]
image.empty-layers = []
dockerfile.instructions = ["FROM", "RUN"]
dockerfile.notes = []
# no docker run yet
docksim> :next
Step 3/4: CMD adds no layer
CMD records the command a container runs when it starts. During the build it
runs nothing: it only writes the command into the image's configuration, so it
adds no layer. Make every container print `hello`, with CMD in exec form (a
JSON list: the program, then its arguments):

  CMD ["echo", "hello"]

Your CMD replaces the one inherited from alpine.

Goal:
  [ ] docker run app runs echo hello
  [ ] CMD's history row is an empty layer: it only changed the configuration
  [ ] and the command is now yours, not alpine's
step 3/4 | :hint  :goal  :undo  :reset  :help
docksim> CMD ['echo', 'hello']
| line 3: CMD: not valid JSON, so shell form, default command ["/bin/sh", "-c", "['echo', 'hello']"] (container start, no layer)
  [ ] docker run app runs echo hello
  [x] CMD's history row is an empty layer: it only changed the configuration
  [x] and the command is now yours, not alpine's
  tip: That list is not valid JSON (JSON needs double quotes), so Docker took
       the whole line as a shell command. Write CMD ["echo", "hello"].
step 3/4 | :hint  :goal  :undo  :reset  :help
docksim> :next
docksim> :undo
undone: CMD ['echo', 'hello']
  [ ] docker run app runs echo hello
  [ ] CMD's history row is an empty layer: it only changed the configuration
  [ ] and the command is now yours, not alpine's
step 3/4 | :hint  :goal  :undo  :reset  :help
docksim> CMD ["echo", "hello"]
| line 3: CMD: exec form, default command ["echo", "hello"] (container start, no layer)
  [x] docker run app runs echo hello
  [x] CMD's history row is an empty layer: it only changed the configuration
  [x] and the command is now yours, not alpine's
Well done: step 3/4 is solved.
Type :next for step 4/4: Build it, run it, read its history.
step 3/4 | :next  :goal  :undo  :reset  :help
docksim> :next
Step 4/4: Build it, run it, read its history
Now build the image yourself and start a container from it:

  docker build -t app .
  docker run app

Then list the image's history, newest row first:

  docker history app

The CMD row is 0B: it only changed the configuration. The RUN row is a layer:
the files apk added. The rows below came with alpine:3.20. `:state` shows the
same split as image.layers and image.empty-layers.

Goal:
  [ ] your last docker run printed hello
  [ ] and exited with status 0
step 4/4 | :hint  :goal  :undo  :reset  :help
docksim> docker run app
| why:
|   1. docksim never downloads images: 'app' is neither a known official image nor one built in this session. docksim knows these images: alpine, busybox, debian, golang, httpd, mysql, nginx, node, postgres, python, redis, ruby, ubuntu
  [ ] your last docker run printed hello
  [ ] and exited with status 0
  tip: docker run found no image called app. Build it first: docker build -t
       app .
step 4/4 | :hint  :goal  :undo  :reset  :help
docksim> docker build -t app .
| why:
|   1. (line 3) CMD in exec form is stored as ["echo", "hello"], exactly as written (no shell, no variable expansion).
  [ ] your last docker run printed hello
  [ ] and exited with status 0
step 4/4 | :hint  :goal  :undo  :reset  :help
docksim> docker run app
| PID 1: ["echo", "hello"]
|   as a command line: echo hello
|   ["echo", "hello"] from the image CMD
hello
| exit code 0
  [x] your last docker run printed hello
  [x] and exited with status 0
Well done: step 4/4 is solved.
Type :next to finish the lesson.
step 4/4 | :next  :goal  :undo  :reset  :help
docksim> docker history app
| why:
|   1. Rows with a size come from instructions that change files (RUN, COPY, ADD, WORKDIR): they are layers. CMD, ENV, EXPOSE and the other metadata instructions add a row of 0B: they only change the image's configuration.
|   2. docksim's sizes count the bytes of the files it simulates. Programs that RUN installs (apt-get, apk, pip...) are stand-ins without their real files, so on a real engine those layers are megabytes larger.
IMAGE          CREATED         CREATED BY                                      SIZE      COMMENT
59bbdf9f0a92   3 seconds ago   CMD ["echo" "hello"]                            0B        buildkit.dockerfile.v0
<missing>      3 seconds ago   RUN /bin/sh -c apk add --no-cache curl # bui…   63B       buildkit.dockerfile.v0
<missing>      9 days ago      /bin/sh -c #(nop)  CMD ["/bin/sh"]              0B        
<missing>      9 days ago      /bin/sh -c #(nop) ADD file:d3dfed77bb64d7d29…   8.31MB    
docksim> :next
Lesson complete: Dockerfile basics: FROM, RUN and CMD (4 of 4 steps).

FROM picks the base image, RUN changes files at build time and leaves a layer,
and CMD only records the default command: a 0B row in `docker history`, run
when a container starts, never during the build.

Next: :lesson cmd-vs-entrypoint (CMD vs ENTRYPOINT).
You are back in the sandbox: the session stays as it is and every line works.
docksim> :progress
Your lesson progress, saved in @GEN@/shell-lesson-basics.progress:
  done     dockerfile-basics    4/4 steps, 1 hint, 1 solution seen
:progress export prints the file; :progress reset [LESSON] forgets (it asks).
docksim> :lessons
Lessons (:lesson ID starts one, or goes on where you left it):
Dockerfile basics
  done     dockerfile-basics    Dockerfile basics: FROM, RUN and CMD
  todo     cmd-vs-entrypoint    CMD vs ENTRYPOINT
  todo     exec-vs-shell-form   Exec form and shell form
  todo     entrypoint-scripts   Entrypoint scripts
=== stderr
docksim: :next: step 3/4 is not solved yet (:check shows what is missing, :hint helps)
Unable to find image 'app:latest' locally
docker: Error response from daemon: pull access denied for app, repository does not exist or may require 'docker login'

Run 'docker run --help' for more information
#0 building with "default" instance using docker driver

#1 [internal] load build definition from Dockerfile
#1 transferring dockerfile: 67B done
#1 DONE 0.0s

#2 [internal] load metadata for docker.io/library/alpine:3.20
#2 DONE 0.0s

#3 [internal] load .dockerignore
#3 transferring context: 2B done
#3 DONE 0.0s

#4 [1/2] FROM docker.io/library/alpine:3.20
#4 DONE 0.0s

#5 [2/2] RUN apk add --no-cache curl
#5 0.100 fetch https://dl-cdn.alpinelinux.org/alpine/v3.20/main/x86_64/APKINDEX.tar.gz
#5 0.178 fetch https://dl-cdn.alpinelinux.org/alpine/v3.20/community/x86_64/APKINDEX.tar.gz
#5 0.261 (1/3) Installing libcurl4 (1.0-r0)
#5 0.296 (2/3) Installing ca-certificates (1.0-r0)
#5 0.338 (3/3) Installing curl (8.14.1-r0)
#5 0.372 OK: 11 MiB in 16 packages
#5 DONE 0.0s

#6 exporting to image
#6 exporting layers done
#6 writing image sha256:59bbdf9f0a921329a4faa1511ed82d881ef2e28e2f0382d5409648fe0dbeda24 done
#6 naming to docker.io/library/app:latest done
#6 DONE 0.0s
=== exit
1
