The shell plays the lesson exec-vs-shell-form to its end: shell form runs /bin/sh -c, single quotes silently become shell form, exec form runs the program itself, and a shell-form ENTRYPOINT ignores run arguments (docker run app bye prints hi). Wrong turns get their tips (exec form where the step wants shell form, unquoted JSON words, exec-form ENTRYPOINT); :check shows what each check found.
=== args
--echo --lessons ../../../lessons --progress @GEN@/shell-lesson-exec-shell.progress -
=== stdin
:lesson exec-vs-shell-form
CMD ["echo", "hello"]
:check
:undo
CMD echo hello
:next
CMD ['echo', 'hello']
:next
CMD [echo, hello]
:hint
CMD ["echo", "hello"]
:next
ENTRYPOINT ["echo", "hi"]
:undo
ENTRYPOINT echo hi
docker build -t app .
docker run app bye
:next
:lessons
=== stdout
docksim> :lesson exec-vs-shell-form
Lesson: Exec form and shell form
4 steps, about 10 minutes, beginner.
It builds on cmd-vs-entrypoint, which you have not done yet (:lesson cmd-vs-entrypoint).

CMD and ENTRYPOINT (and RUN) can be written two ways. Exec form is a JSON
list, `CMD ["echo", "hello"]`: Docker runs that program directly. Shell form
is plain text, `CMD echo hello`: Docker hands the text to `/bin/sh -c`, so the
container's first process, PID 1, is a shell.

docksim builds your Dockerfile as the image `app` to check each step; `:state`
shows what it stored.

Step 1/4: Shell form runs a shell
Write a CMD in shell form, the way you would type the command in a terminal:

  CMD echo hello

Docker does not run echo directly. It stores ["/bin/sh", "-c", "echo hello"],
so PID 1 is the shell, which then runs echo.

Goal:
  [ ] the image stores CMD in shell form
  [ ] docker run app runs /bin/sh -c "echo hello"
  [ ] so PID 1 is a shell
step 1/4 | :hint  :goal  :undo  :reset  :help
docksim> CMD ["echo", "hello"]
| line 2: CMD: exec form, default command ["echo", "hello"] (container start, no layer)
  [ ] the image stores CMD in shell form
  [ ] docker run app runs /bin/sh -c "echo hello"
  [ ] so PID 1 is a shell
step 1/4 | :hint  :goal  :undo  :reset  :help
docksim> :check
Checking step 1/4: Shell form runs a shell
  [ ] the image stores CMD in shell form (found: exec)
  [ ] docker run app runs /bin/sh -c "echo hello" (found: ["echo", "hello"])
  [ ] so PID 1 is a shell (found: false)
0 of 3 done: :hint gives a hint, :goal shows the task.
docksim> :undo
undone: CMD ["echo", "hello"]
  [ ] the image stores CMD in shell form
  [ ] docker run app runs /bin/sh -c "echo hello"
  [ ] so PID 1 is a shell
step 1/4 | :hint  :goal  :undo  :reset  :help
docksim> CMD echo hello
| line 2: CMD: shell form, default command ["/bin/sh", "-c", "echo hello"] (container start, no layer)
  [x] the image stores CMD in shell form
  [x] docker run app runs /bin/sh -c "echo hello"
  [x] so PID 1 is a shell
Well done: step 1/4 is solved.
Type :next for step 2/4: Single quotes are not JSON.
step 1/4 | :next  :goal  :undo  :reset  :help
docksim> :next
Step 2/4: Single quotes are not JSON
Exec form must be valid JSON, and JSON strings take double quotes. Type this
CMD with single quotes, a common mistake:

  CMD ['echo', 'hello']

The build does not fail, and nothing says the JSON is wrong: Docker silently
takes the whole line as shell form. PID 1 is /bin/sh, asked to run the text
`['echo', 'hello']`, brackets and all.

Goal:
  [ ] docksim noticed it (explanation parse.invalid-json-is-shell-form)
  [ ] docker run app runs /bin/sh -c "['echo', 'hello']"
step 2/4 | :hint  :goal  :undo  :reset  :help
docksim> CMD ['echo', 'hello']
| line 3: CMD: not valid JSON, so shell form, default command ["/bin/sh", "-c", "['echo', 'hello']"] (container start, no layer)
  [x] docksim noticed it (explanation parse.invalid-json-is-shell-form)
  [x] docker run app runs /bin/sh -c "['echo', 'hello']"
Well done: step 2/4 is solved.
Type :next for step 3/4: Exec form runs the program itself.
step 2/4 | :next  :goal  :undo  :reset  :help
docksim> :next
Step 3/4: Exec form runs the program itself
Now write it correctly, a JSON list with double quotes:

  CMD ["echo", "hello"]

Docker stores the list exactly as written and runs echo as PID 1, with no
shell in between (and so no shell features such as $VARIABLES).

Goal:
  [ ] the image stores CMD in exec form
  [ ] PID 1 is echo itself, not a shell
  [ ] it prints hello
step 3/4 | :hint  :goal  :undo  :reset  :help
docksim> CMD [echo, hello]
| line 4: CMD: not valid JSON, so shell form, default command ["/bin/sh", "-c", "[echo, hello]"] (container start, no layer)
  [ ] the image stores CMD in exec form
  [ ] PID 1 is echo itself, not a shell
  [ ] it prints hello
  tip: That CMD is still shell form. Exec form needs valid JSON: double quotes
       around every word, commas between them: CMD ["echo", "hello"].
step 3/4 | :hint  :goal  :undo  :reset  :help
docksim> :hint
Hint 1/1: Double quotes around every word, commas between them, brackets
          around the list.
docksim> CMD ["echo", "hello"]
| line 5: CMD: exec form, default command ["echo", "hello"] (container start, no layer)
  [x] the image stores CMD in exec form
  [x] PID 1 is echo itself, not a shell
  [x] it prints hello
Well done: step 3/4 is solved.
Type :next for step 4/4: Shell-form ENTRYPOINT ignores arguments.
step 3/4 | :next  :goal  :undo  :reset  :help
docksim> :next
Step 4/4: Shell-form ENTRYPOINT ignores arguments
ENTRYPOINT has the same two forms, with a bigger trap. Add a shell-form
ENTRYPOINT:

  ENTRYPOINT echo hi

Docker still appends CMD, or the words after the image name, to ENTRYPOINT.
But they land after the -c string, where the shell sees them only as $0, $1,
... and `echo hi` never reads them: compare `docker run app` with
`docker run app bye`.

Goal:
  [ ] ENTRYPOINT is in shell form
  [ ] docker run app bye: the shell ignores bye
  [ ] docker run app: the shell ignores your CMD too
step 4/4 | :hint  :goal  :undo  :reset  :help
docksim> ENTRYPOINT ["echo", "hi"]
| line 6: ENTRYPOINT: exec form, CMD and run arguments are appended; program ["echo", "hi"] (container start, no layer)
| warning (docksim's own, not a BuildKit check): docksim/cmd-repeats-entrypoint: the CMD repeats the ENTRYPOINT's program, so the container runs `echo hi echo hello`; with this ENTRYPOINT the CMD should hold only the arguments: CMD ["hello"] (:help docksim/cmd-repeats-entrypoint)
  [ ] ENTRYPOINT is in shell form
  [ ] docker run app bye: the shell ignores bye
  [ ] docker run app: the shell ignores your CMD too
  tip: That ENTRYPOINT is exec form, which does take arguments. For this step,
       write it as plain text: ENTRYPOINT echo hi.
step 4/4 | :hint  :goal  :undo  :reset  :help
docksim> :undo
undone: ENTRYPOINT ["echo", "hi"]
  [ ] ENTRYPOINT is in shell form
  [ ] docker run app bye: the shell ignores bye
  [ ] docker run app: the shell ignores your CMD too
step 4/4 | :hint  :goal  :undo  :reset  :help
docksim> ENTRYPOINT echo hi
| line 6: ENTRYPOINT: shell form, CMD and run arguments never reach it; program ["/bin/sh", "-c", "echo hi"] (container start, no layer)
| warning (docksim's own, not a BuildKit check): docksim/shell-entrypoint-drops-cmd: the CMD of line 5 never reaches the shell-form ENTRYPOINT of line 6: the container runs ["/bin/sh", "-c", "echo hi", "echo", "hello"], where the CMD's words are only $0, $1... of a shell that never uses them; write the ENTRYPOINT in exec form (:help docksim/shell-entrypoint-drops-cmd)
  [x] ENTRYPOINT is in shell form
  [x] docker run app bye: the shell ignores bye
  [x] docker run app: the shell ignores your CMD too
Well done: step 4/4 is solved.
The cure is exec form: with ENTRYPOINT ["echo", "hi"], `docker run app bye`
runs echo hi bye.
Type :next to finish the lesson.
step 4/4 | :next  :goal  :undo  :reset  :help
docksim> docker build -t app .
| why:
|   1. (line 2) CMD in shell form is stored as ["/bin/sh", "-c", "echo hello"]: the text is handed to the shell, which becomes the container's first process.
|   2. (line 3) CMD ['echo', 'hello'] looks like exec form but is not valid JSON (JSON needs double quotes around every word), so it is shell form: the whole text, brackets and all, goes to the shell. No error, no warning about the JSON itself.
|   3. (line 3) CMD in shell form is stored as ["/bin/sh", "-c", "['echo', 'hello']"]: the text is handed to the shell, which becomes the container's first process.
|   4. (line 4) CMD [echo, hello] looks like exec form but is not valid JSON (JSON needs double quotes around every word), so it is shell form: the whole text, brackets and all, goes to the shell. No error, no warning about the JSON itself.
|   5. (line 4) CMD in shell form is stored as ["/bin/sh", "-c", "[echo, hello]"]: the text is handed to the shell, which becomes the container's first process.
|   6. (line 5) CMD in exec form is stored as ["echo", "hello"], exactly as written (no shell, no variable expansion).
|   7. (line 6) ENTRYPOINT in shell form is stored as ["/bin/sh", "-c", "echo hi"]. CMD and docker run arguments are still appended, but they land after the -c string, where the shell sees them only as $0, $1, ... so they are effectively ignored.
  [x] ENTRYPOINT is in shell form
  [x] docker run app bye: the shell ignores bye
  [x] docker run app: the shell ignores your CMD too
step 4/4 | :next  :goal  :undo  :reset  :help
docksim> docker run app bye
| PID 1: ["/bin/sh", "-c", "echo hi", "bye"]
|   as a command line: /bin/sh -c 'echo hi' bye
|   ["/bin/sh", "-c", "echo hi"] from the image ENTRYPOINT
|   ["bye"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's CMD and are appended to its ENTRYPOINT ["/bin/sh", "-c", "echo hi"].
|   2. After `sh -c '...'` the extra words (bye...) do not become part of the command: the shell sets them as $0, $1, ... and this command string never uses them, so they have no effect.
hi
| exit code 0
  [x] ENTRYPOINT is in shell form
  [x] docker run app bye: the shell ignores bye
  [x] docker run app: the shell ignores your CMD too
step 4/4 | :next  :goal  :undo  :reset  :help
docksim> :next
Lesson complete: Exec form and shell form (4 of 4 steps).

Exec form (a JSON list) runs your program as PID 1, with CMD and run arguments
appended. Shell form runs /bin/sh -c "text": PID 1 is a shell, and for
ENTRYPOINT every appended word is ignored. Invalid JSON, such as single
quotes, silently becomes shell form. Prefer exec form.

Next: :lesson entrypoint-scripts (Entrypoint scripts).
You are back in the sandbox: the session stays as it is and every line works.
docksim> :lessons
Lessons (:lesson ID starts one, or goes on where you left it):
Dockerfile basics
  todo     dockerfile-basics    Dockerfile basics: FROM, RUN and CMD
  todo     cmd-vs-entrypoint    CMD vs ENTRYPOINT
  done     exec-vs-shell-form   Exec form and shell form
  todo     entrypoint-scripts   Entrypoint scripts
=== stderr
#0 building with "default" instance using docker driver

#1 [internal] load build definition from Dockerfile
#1 transferring dockerfile: 113B done
#1 WARN: JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals (line 2)
#1 WARN: JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals (line 3)
#1 WARN: MultipleInstructionsDisallowed: Multiple CMD instructions should not be used in the same stage because only the last one will be used (line 2)
#1 WARN: JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals (line 4)
#1 WARN: MultipleInstructionsDisallowed: Multiple CMD instructions should not be used in the same stage because only the last one will be used (line 3)
#1 WARN: MultipleInstructionsDisallowed: Multiple CMD instructions should not be used in the same stage because only the last one will be used (line 4)
#1 WARN: JSONArgsRecommended: JSON arguments recommended for ENTRYPOINT to prevent unintended behavior related to OS signals (line 6)
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
#5 writing image sha256:87872499e08f6f6bdeb29c0a595bdfddc7f93bdfa3f3fbb18becbb6274cffb31 done
#5 naming to docker.io/library/app:latest done
#5 DONE 0.0s

 [33m7 warnings found (use docker --debug to expand):
[0m - JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals (line 2)
 - JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals (line 3)
 - MultipleInstructionsDisallowed: Multiple CMD instructions should not be used in the same stage because only the last one will be used (line 2)
 - JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals (line 4)
 - MultipleInstructionsDisallowed: Multiple CMD instructions should not be used in the same stage because only the last one will be used (line 3)
 - MultipleInstructionsDisallowed: Multiple CMD instructions should not be used in the same stage because only the last one will be used (line 4)
 - JSONArgsRecommended: JSON arguments recommended for ENTRYPOINT to prevent unintended behavior related to OS signals (line 6)
=== exit
0
