A lessons directory given with --lessons (the fixtures of lessons-list.t): :lessons lists what it can read and says on stderr how many lessons cannot be read; a lesson whose file is missing cannot be started; a one-step lesson is played to its end, and :next names the next lesson of the track.
=== args
--echo --lessons lessons --progress @GEN@/shell-lesson-library.progress -
=== stdin
:lessons
:lesson not-written
:lesson good
CMD echo hello
CMD ["echo", "hello"]
:next
:lessons
=== stdout
docksim> :lessons
Lessons (:lesson ID starts one, or goes on where you left it):
Golden fixtures
  todo     good                 A lesson that passes
  todo     fails-checks         A lesson that parses but fails its checks
  ?        not-written          (cannot be read)
docksim> :lesson not-written
docksim> :lesson good
Lesson: A lesson that passes
1 step, about 2 minutes.

Step 1/1: Greet
Make `docker run app` print hello.

Goal:
  [ ] docker run app runs echo hello
step 1/1 | :hint  :goal  :undo  :reset  :help
docksim> CMD echo hello
| line 2: CMD: shell form, default command ["/bin/sh", "-c", "echo hello"] (container start, no layer)
  [ ] docker run app runs echo hello
  tip: Use exec form.
step 1/1 | :hint  :goal  :undo  :reset  :help
docksim> CMD ["echo", "hello"]
| line 3: CMD: exec form, default command ["echo", "hello"] (container start, no layer)
  [x] docker run app runs echo hello
Well done: step 1/1 is solved.
Type :next to finish the lesson.
step 1/1 | :next  :goal  :undo  :reset  :help
docksim> :next
Lesson complete: A lesson that passes (1 of 1 step).

Next: :lesson fails-checks (A lesson that parses but fails its checks).
You are back in the sandbox: the session stays as it is and every line works.
docksim> :lessons
Lessons (:lesson ID starts one, or goes on where you left it):
Golden fixtures
  done     good                 A lesson that passes
  todo     fails-checks         A lesson that parses but fails its checks
  ?        not-written          (cannot be read)
=== stderr
docksim: 1 lesson cannot be read (docksim lessons check --dir lessons says why)
docksim: lesson 'not-written' cannot be read (docksim lessons check --dir lessons says why)
docksim: 1 lesson cannot be read (docksim lessons check --dir lessons says why)
=== exit
1
