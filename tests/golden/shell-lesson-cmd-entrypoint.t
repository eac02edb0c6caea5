The shell plays the lesson cmd-vs-entrypoint, which follows a popular blog post about CMD and ENTRYPOINT, to its end: the post says `docker run my-image "Welcome"` prints Welcome; here `docker run greeter Welcome` fails with exit status 127 (run arguments replace the whole CMD), and that wrong turn is the step's goal. Wrong turns on the way get their tips (shell-form CMD, docker run before docker build, naming echo, shell-form ENTRYPOINT after :reset, echo in CMD, --entrypoint "echo Bye", arguments appended to ENTRYPOINT); :intro, :hint, :check with what each check found, :reset of one step, :undo, :solution, and :progress export at the end.
=== args
--echo --lessons ../../../lessons --progress @GEN@/shell-lesson-cmd-entrypoint.progress -
=== stdin
:lesson cmd-vs-entrypoint
:intro
CMD echo "Hello, World!"
:undo
CMD ["echo", "Hello, World!"]
:next
docker run greeter Welcome
:hint
docker build -t greeter .
docker run greeter echo Welcome
docker run greeter Welcome
:check
:next
ENTRYPOINT echo "Hello, World!"
:reset
ENTRYPOINT ["echo", "Hello, World!"]
:next
CMD ["echo", "everyone"]
:undo
:solution
CMD ["everyone"]
:next
docker build -t greeter .
docker run --entrypoint "echo Bye" greeter
docker run greeter Bye
docker run --entrypoint echo greeter Bye
:next
:progress export
=== stdout
docksim> :lesson cmd-vs-entrypoint
Lesson: CMD vs ENTRYPOINT
5 steps, about 15 minutes, beginner.
It builds on dockerfile-basics, which you have not done yet (:lesson dockerfile-basics).

Every container starts one process. Two Dockerfile instructions decide which
one: `ENTRYPOINT` names the program, `CMD` supplies default arguments (or the
whole command when there is no ENTRYPOINT). Words typed after the image name
in `docker run` replace CMD, and are appended to ENTRYPOINT;
`docker run --entrypoint` replaces ENTRYPOINT itself.

This lesson follows the examples of a popular blog post about CMD and
ENTRYPOINT, and shows where real Docker disagrees with it. The image is called
greeter: docksim builds your Dockerfile under that name to check each step,
and you build it yourself with `docker build -t greeter .` before you run it,
as with real Docker.

Step 1/5: A default command
The post's first example: make `docker run greeter` print `Hello, World!`. Use
CMD in exec form, a JSON list with the program first, then its arguments.

Goal:
  [ ] docker run greeter runs echo with the argument Hello, World!
  [ ] and prints Hello, World!
step 1/5 | :hint  :goal  :undo  :reset  :help
docksim> :intro
Lesson: CMD vs ENTRYPOINT

Every container starts one process. Two Dockerfile instructions decide which
one: `ENTRYPOINT` names the program, `CMD` supplies default arguments (or the
whole command when there is no ENTRYPOINT). Words typed after the image name
in `docker run` replace CMD, and are appended to ENTRYPOINT;
`docker run --entrypoint` replaces ENTRYPOINT itself.

This lesson follows the examples of a popular blog post about CMD and
ENTRYPOINT, and shows where real Docker disagrees with it. The image is called
greeter: docksim builds your Dockerfile under that name to check each step,
and you build it yourself with `docker build -t greeter .` before you run it,
as with real Docker.

You are on step 1/5: A default command (:goal shows it).
docksim> CMD echo "Hello, World!"
| line 2: CMD: shell form, default command ["/bin/sh", "-c", "echo \"Hello, World!\""] (container start, no layer)
  [ ] docker run greeter runs echo with the argument Hello, World!
  [x] and prints Hello, World!
  tip: That CMD is shell form: Docker runs it as /bin/sh -c "...", so PID 1 is
       the shell, not echo. Write it as a JSON list.
step 1/5 | :hint  :goal  :undo  :reset  :help
docksim> :undo
undone: CMD echo "Hello, World!"
  [ ] docker run greeter runs echo with the argument Hello, World!
  [ ] and prints Hello, World!
step 1/5 | :hint  :goal  :undo  :reset  :help
docksim> CMD ["echo", "Hello, World!"]
| line 2: CMD: exec form, default command ["echo", "Hello, World!"] (container start, no layer)
  [x] docker run greeter runs echo with the argument Hello, World!
  [x] and prints Hello, World!
Well done: step 1/5 is solved.
Type :next for step 2/5: Arguments replace CMD, program and all.
step 1/5 | :next  :goal  :undo  :reset  :help
docksim> :next
Step 2/5: Arguments replace CMD, program and all
The post says `docker run my-image "Welcome"` prints Welcome. Build your image
and try it:

  docker build -t greeter .
  docker run greeter Welcome

Words after the image name replace the *whole* CMD, program included. Docker
tries to start a program called Welcome, finds none in $PATH, and the
container never starts: the docker command fails with status 127. It prints
Welcome only if you name a program too: `docker run greeter echo Welcome`.

Goal:
  [ ] your last docker run asked for the command ["Welcome"] ...
  [ ] ... and failed with status 127: there is no program called Welcome
  [x] while docker run greeter echo Welcome does print Welcome
step 2/5 | :hint  :goal  :undo  :reset  :help
docksim> docker run greeter Welcome
| why:
|   1. docksim never downloads images: 'greeter' is neither a known official image nor one built in this session. docksim knows these images: alpine, busybox, debian, golang, httpd, mysql, nginx, node, postgres, python, redis, ruby, ubuntu
  [ ] your last docker run asked for the command ["Welcome"] ...
  [ ] ... and failed with status 127: there is no program called Welcome
  [x] while docker run greeter echo Welcome does print Welcome
  tip: docker run found no image called greeter. Build it first: docker build
       -t greeter .
step 2/5 | :hint  :goal  :undo  :reset  :help
docksim> :hint
Hint 1/1: Build first (docker build -t greeter .), then run the image with one
          word after its name.
docksim> docker build -t greeter .
| why:
|   1. (line 2) CMD in exec form is stored as ["echo", "Hello, World!"], exactly as written (no shell, no variable expansion).
  [ ] your last docker run asked for the command ["Welcome"] ...
  [ ] ... and failed with status 127: there is no program called Welcome
  [x] while docker run greeter echo Welcome does print Welcome
step 2/5 | :hint  :goal  :undo  :reset  :help
docksim> docker run greeter echo Welcome
| PID 1: ["echo", "Welcome"]
|   as a command line: echo Welcome
|   ["echo", "Welcome"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's whole CMD ["echo", "Hello, World!"]; the first word is the program to run.
Welcome
| exit code 0
  [ ] your last docker run asked for the command ["Welcome"] ...
  [ ] ... and failed with status 127: there is no program called Welcome
  [x] while docker run greeter echo Welcome does print Welcome
  tip: That prints Welcome because you named a program, echo. Now try the
       post's version, with only Welcome after the image name.
step 2/5 | :hint  :goal  :undo  :reset  :help
docksim> docker run greeter Welcome
| PID 1: ["Welcome"]
|   as a command line: Welcome
|   ["Welcome"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's whole CMD ["echo", "Hello, World!"]; the first word is the program to run.
|   2. PID 1 would be "Welcome", but no executable with that name is in the container's $PATH. The process never starts: 127 is the docker CLI's own exit code, read from the error text, and the container stays in the Created state.
| exit code 127
  [x] your last docker run asked for the command ["Welcome"] ...
  [x] ... and failed with status 127: there is no program called Welcome
  [x] while docker run greeter echo Welcome does print Welcome
Well done: step 2/5 is solved.
Type :next for step 3/5: ENTRYPOINT: arguments are appended.
step 2/5 | :next  :goal  :undo  :reset  :help
docksim> :check
Checking step 2/5: Arguments replace CMD, program and all
  [x] your last docker run asked for the command ["Welcome"] ...
  [x] ... and failed with status 127: there is no program called Welcome
  [x] while docker run greeter echo Welcome does print Welcome
Well done: step 2/5 is solved.
Type :next for step 3/5: ENTRYPOINT: arguments are appended.
docksim> :next
Step 3/5: ENTRYPOINT: arguments are appended
The post's ENTRYPOINT example: with ENTRYPOINT ["echo", "Hello, World!"],
`docker run greeter Welcome` prints `Hello, World! Welcome`: the run arguments
are appended to ENTRYPOINT. Add that ENTRYPOINT and keep your CMD.

Goal:
  [ ] docker run greeter Welcome runs echo "Hello, World!" Welcome
  [ ] and prints Hello, World! Welcome
  [ ] ENTRYPOINT is in exec form
step 3/5 | :hint  :goal  :undo  :reset  :help
docksim> ENTRYPOINT echo "Hello, World!"
| line 3: ENTRYPOINT: shell form, CMD and run arguments never reach it; program ["/bin/sh", "-c", "echo \"Hello, World!... (container start, no layer)
| warning (docksim's own, not a BuildKit check): docksim/shell-entrypoint-drops-cmd: the CMD of line 2 never reaches the shell-form ENTRYPOINT of line 3: the container runs ["/bin/sh", "-c", "echo \"Hello, World!\"", "echo", "Hello, World!"], where the CMD's words are only $0, $1... of a shell that never uses them; write the ENTRYPOINT in exec form (:help docksim/shell-entrypoint-drops-cmd)
  [ ] docker run greeter Welcome runs echo "Hello, World!" Welcome
  [ ] and prints Hello, World! Welcome
  [ ] ENTRYPOINT is in exec form
  tip: Shell-form ENTRYPOINT runs as /bin/sh -c "...", and the shell ignores
       every word after that string: Welcome would be lost. Use the JSON list
       form.
step 3/5 | :hint  :goal  :undo  :reset  :help
docksim> :reset
| Start step 3/5 again, from where it began? [y/N] yes (not asked: no terminal)
Step 3/5 starts again: the session is back to where the step began (:undo brings your work back).
  [ ] docker run greeter Welcome runs echo "Hello, World!" Welcome
  [ ] and prints Hello, World! Welcome
  [ ] ENTRYPOINT is in exec form
  tip: There is no ENTRYPOINT yet, so run arguments still replace the whole
       command. Add ENTRYPOINT ["echo", "Hello, World!"].
step 3/5 | :hint  :goal  :undo  :reset  :help
docksim> ENTRYPOINT ["echo", "Hello, World!"]
| line 3: ENTRYPOINT: exec form, CMD and run arguments are appended; program ["echo", "Hello, World!"] (container start, no layer)
| warning (docksim's own, not a BuildKit check): docksim/cmd-repeats-entrypoint: the CMD repeats the ENTRYPOINT's program, so the container runs `echo 'Hello, World!' echo 'Hello, World!'`; with this ENTRYPOINT the CMD should hold only the arguments: CMD ["Hello, World!"] (:help docksim/cmd-repeats-entrypoint)
  [x] docker run greeter Welcome runs echo "Hello, World!" Welcome
  [x] and prints Hello, World! Welcome
  [x] ENTRYPOINT is in exec form
Well done: step 3/5 is solved.
Now try plain `docker run greeter` (build first): it prints
`Hello, World! echo Hello, World!`. Your CMD is still there, and with an
ENTRYPOINT, CMD becomes its default arguments. The next step fixes that.
Type :next for step 4/5: CMD as ENTRYPOINT's default arguments.
step 3/5 | :next  :goal  :undo  :reset  :help
docksim> :next
Step 4/5: CMD as ENTRYPOINT's default arguments
With an ENTRYPOINT, CMD only supplies default arguments, appended after it:
plain `docker run greeter` now runs
`echo "Hello, World!" echo "Hello, World!"`. Make it print
`Hello, World! everyone`, while `docker run greeter Welcome` still prints
`Hello, World! Welcome`.

Only the last CMD counts; BuildKit even warns about the earlier one
(MultipleInstructionsDisallowed).

Goal:
  [ ] docker run greeter runs echo "Hello, World!" everyone
  [x] docker run greeter Welcome still runs echo "Hello, World!" Welcome
  [ ] only the last CMD counts (BuildKit warns about the earlier one)
step 4/5 | :hint  :goal  :undo  :reset  :help
docksim> CMD ["echo", "everyone"]
| line 4: CMD: exec form, default command ["echo", "everyone"] (container start, no layer)
| warning (docksim's own, not a BuildKit check): docksim/cmd-repeats-entrypoint: the CMD repeats the ENTRYPOINT's program, so the container runs `echo 'Hello, World!' echo everyone`; with this ENTRYPOINT the CMD should hold only the arguments: CMD ["everyone"] (:help docksim/cmd-repeats-entrypoint)
  [ ] docker run greeter runs echo "Hello, World!" everyone
  [x] docker run greeter Welcome still runs echo "Hello, World!" Welcome
  [x] only the last CMD counts (BuildKit warns about the earlier one)
  tip: ENTRYPOINT already starts echo. A CMD that names echo again makes echo
       print the word "echo". Keep only the default argument in CMD.
step 4/5 | :hint  :goal  :undo  :reset  :help
docksim> :undo
undone: CMD ["echo", "everyone"]
  [ ] docker run greeter runs echo "Hello, World!" everyone
  [x] docker run greeter Welcome still runs echo "Hello, World!" Welcome
  [ ] only the last CMD counts (BuildKit warns about the earlier one)
step 4/5 | :hint  :goal  :undo  :reset  :help
docksim> :solution
| Show the solution of step 4/5? Your progress will say so. [y/N] yes (not asked: no terminal)
The solution of step 4/5 (type it):
  CMD ["everyone"]
docksim> CMD ["everyone"]
| line 4: CMD: exec form, default command ["everyone"] (container start, no layer)
  [x] docker run greeter runs echo "Hello, World!" everyone
  [x] docker run greeter Welcome still runs echo "Hello, World!" Welcome
  [x] only the last CMD counts (BuildKit warns about the earlier one)
Well done: step 4/5 is solved.
Type :next for step 5/5: --entrypoint replaces ENTRYPOINT.
step 4/5 | :next  :goal  :undo  :reset  :help
docksim> :next
Step 5/5: --entrypoint replaces ENTRYPOINT
The post says ENTRYPOINT is never overwritten. It is:
`docker run --entrypoint PROGRAM` replaces it, for that one container. Build
your image, then, without changing the Dockerfile, run it so that it prints
just `Bye`.

Goal:
  [ ] your last docker run executed ["echo", "Bye"]
  [ ] it printed Bye
  [x] the image still has its ENTRYPOINT
step 5/5 | :hint  :goal  :undo  :reset  :help
docksim> docker build -t greeter .
| why:
|   1. (line 2) CMD in exec form is stored as ["echo", "Hello, World!"], exactly as written (no shell, no variable expansion).
|   2. (line 4) CMD in exec form is stored as ["everyone"], exactly as written (no shell, no variable expansion).
  [ ] your last docker run executed ["echo", "Bye"]
  [ ] it printed Bye
  [x] the image still has its ENTRYPOINT
step 5/5 | :hint  :goal  :undo  :reset  :help
docksim> docker run --entrypoint "echo Bye" greeter
| PID 1: ["echo Bye"]
|   as a command line: 'echo Bye'
|   ["echo Bye"] from the docker run --entrypoint
| why:
|   1. docker run --entrypoint replaces the image's ENTRYPOINT and also drops its CMD ["everyone"]: with --entrypoint, only the words after the image name are passed as arguments.
|   2. PID 1 would be "echo Bye", but no executable with that name is in the container's $PATH. The process never starts: 127 is the docker CLI's own exit code, read from the error text, and the container stays in the Created state.
| exit code 127
  [ ] your last docker run executed ["echo", "Bye"]
  [ ] it printed Bye
  [x] the image still has its ENTRYPOINT
  tip: --entrypoint takes one word and never splits it on spaces, so Docker
       looked for a program called "echo Bye". Give the program after
       --entrypoint and its arguments after the image name.
step 5/5 | :hint  :goal  :undo  :reset  :help
docksim> docker run greeter Bye
| PID 1: ["echo", "Hello, World!", "Bye"]
|   as a command line: echo 'Hello, World!' Bye
|   ["echo", "Hello, World!"] from the image ENTRYPOINT
|   ["Bye"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's CMD and are appended to its ENTRYPOINT ["echo", "Hello, World!"].
Hello, World! Bye
| exit code 0
  [ ] your last docker run executed ["echo", "Bye"]
  [ ] it printed Bye
  [x] the image still has its ENTRYPOINT
  tip: Words after the image name are appended to ENTRYPOINT. To replace
       ENTRYPOINT itself, use docker run --entrypoint.
step 5/5 | :hint  :goal  :undo  :reset  :help
docksim> docker run --entrypoint echo greeter Bye
| PID 1: ["echo", "Bye"]
|   as a command line: echo Bye
|   ["echo"] from the docker run --entrypoint
|   ["Bye"] from the docker run arguments
| why:
|   1. docker run --entrypoint replaces the image's ENTRYPOINT (as one word, never split on spaces).
Bye
| exit code 0
  [x] your last docker run executed ["echo", "Bye"]
  [x] it printed Bye
  [x] the image still has its ENTRYPOINT
Well done: step 5/5 is solved.
--entrypoint also drops the image's CMD: `everyone` was not passed to echo,
only the words after the image name were.
Type :next to finish the lesson.
step 5/5 | :next  :goal  :undo  :reset  :help
docksim> :next
Lesson complete: CMD vs ENTRYPOINT (5 of 5 steps).

ENTRYPOINT is the program, CMD its default arguments. Words after the image
name replace CMD (the whole command when there is no ENTRYPOINT:
`docker run greeter Welcome` then fails with 127, it does not print Welcome).
`docker run --entrypoint` replaces ENTRYPOINT for one container, and drops CMD
too. Prefer exec form for both.

Next: :lesson exec-vs-shell-form (Exec form and shell form).
You are back in the sandbox: the session stays as it is and every line works.
docksim> :progress export
# docksim progress, format 1. Safe to copy between machines.
current cmd-vs-entrypoint
done cmd-vs-entrypoint@1 default-greeting hints=0
done cmd-vs-entrypoint@1 args-replace-cmd hints=1
done cmd-vs-entrypoint@1 entrypoint-appends hints=0
done cmd-vs-entrypoint@1 cmd-default-args hints=0 solution-shown
done cmd-vs-entrypoint@1 override-entrypoint hints=0
=== stderr
Unable to find image 'greeter:latest' locally
docker: Error response from daemon: pull access denied for greeter, repository does not exist or may require 'docker login'

Run 'docker run --help' for more information
#0 building with "default" instance using docker driver

#1 [internal] load build definition from Dockerfile
#1 transferring dockerfile: 47B done
#1 DONE 0.0s

#2 [internal] load metadata for docker.io/library/alpine:3.20
#2 DONE 0.0s

#3 [internal] load .dockerignore
#3 transferring context: 2B done
#3 DONE 0.0s

#4 [1/1] FROM docker.io/library/alpine:3.20
#4 DONE 0.0s

#5 exporting to image
#5 exporting layers done
#5 writing image sha256:95935863c07be622a6ff08f7eb8cc3510526405dcf45ee70c40a6a8ab01af892 done
#5 naming to docker.io/library/greeter:latest done
#5 DONE 0.0s
docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "Welcome": executable file not found in $PATH: unknown

Run 'docker run --help' for more information
#0 building with "default" instance using docker driver

#1 [internal] load build definition from Dockerfile
#1 transferring dockerfile: 101B done
#1 WARN: MultipleInstructionsDisallowed: Multiple CMD instructions should not be used in the same stage because only the last one will be used (line 2)
#1 DONE 0.0s

#2 [internal] load metadata for docker.io/library/alpine:3.20
#2 DONE 0.0s

#3 [internal] load .dockerignore
#3 transferring context: 2B done
#3 DONE 0.0s

#4 [1/1] FROM docker.io/library/alpine:3.20
#4 DONE 0.0s

#5 exporting to image
#5 exporting layers done
#5 writing image sha256:5d6741a3084fe4c30b224654e670c193fdfff2f51d773b471e290667cf8345a9 done
#5 naming to docker.io/library/greeter:latest done
#5 DONE 0.0s

 [33m1 warning found (use docker --debug to expand):
[0m - MultipleInstructionsDisallowed: Multiple CMD instructions should not be used in the same stage because only the last one will be used (line 2)
docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "echo Bye": executable file not found in $PATH: unknown

Run 'docker run --help' for more information
=== exit
1
