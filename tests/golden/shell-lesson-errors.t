Lesson commands that cannot do what they are asked say why, one line each on stderr (exit status 1): no lesson running, an unknown lesson id (with a "did you mean"), bad arguments, :next before the step is solved, :prev at the first step. In a lesson, lines outside its allow: list are refused and change nothing; :undo stops where the step began; :sandbox leaves the lesson and keeps the session, where every line works; :lesson alone goes on with the lesson left; :progress reset asks (a script answers yes) and forgets. Also :help lessons.
=== args
--echo --lessons ../../../lessons --progress @GEN@/shell-lesson-errors.progress -
=== stdin
:goal
:hint
:next
:lesson cmd-vs-entrypont
:lesson no-such-lesson
:lessons all
:progress bogus
:progress reset
:help lessons
:lesson cmd-vs-entrypoint
RUN echo hi
docker ps
:next
:prev
:undo
:reset
:sandbox
RUN echo hi
:sandbox
:lesson
:progress
:progress reset cmd-vs-entrypoint
:progress export
=== stdout
docksim> :goal
docksim> :hint
docksim> :next
docksim> :lesson cmd-vs-entrypont
docksim> :lesson no-such-lesson
docksim> :lessons all
docksim> :progress bogus
docksim> :progress reset
Nothing is recorded yet.
docksim> :help lessons
:lessons
  the lessons, and what you have done in each

Each lesson is marked todo, done, or updated (it changed since you
did it: redo it?). :lesson ID starts one.

Lessons

Lessons teach Docker one step at a time. Each step gives a task and a
checklist; docksim ticks it off ([x] done, [ ] not yet) after every
line that changes something, and says so when it recognises a
mistake. Start with the first one:

  :lesson dockerfile-basics

  :lessons        the lessons, and what you have done in each
  :lesson [ID]    start one, or go on where you left it
  :goal, :intro   the step's task and checklist; the lesson's introduction
  :check          check now, with what each check found
  :hint           the next hint; :solution shows the answer (asks)
  :next, :prev    the next step (once solved), the step before
  :undo, :reset   take back the last input; start the step again
  :sandbox        leave the lesson and keep the session
  :progress       what you have done (export, reset)

In a lesson, only the lines it teaches work. Progress is saved in
$XDG_STATE_HOME/docksim/progress (docksim --progress FILE elsewhere).
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
docksim> RUN echo hi
docksim> docker ps
docksim> :next
docksim> :prev
docksim> :undo
Nothing to undo in this step.
docksim> :reset
| Start step 1/5 again, from where it began? [y/N] yes (not asked: no terminal)
Step 1/5 starts again: the session is back to where the step began (:undo brings your work back).
  [ ] docker run greeter runs echo with the argument Hello, World!
  [ ] and prints Hello, World!
step 1/5 | :hint  :goal  :undo  :reset  :help
docksim> :sandbox
Left the lesson cmd-vs-entrypoint at step 1/5; :lesson cmd-vs-entrypoint goes on from there.
You are in the sandbox: the session stays as it is and every line works.
docksim> RUN echo hi
| line 2: RUN: shell form, runs ["/bin/sh", "-c", "echo hi"] (build time, new layer)
docksim> :sandbox
You are in the sandbox already: every line works (:lessons lists the lessons).
docksim> :lesson
Lesson: CMD vs ENTRYPOINT
5 steps, about 15 minutes, beginner.
It builds on dockerfile-basics, which you have not done yet (:lesson dockerfile-basics).
The lesson starts from a fresh session: what you typed before is gone.

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
docksim> :progress
Your lesson progress, saved in @GEN@/shell-lesson-errors.progress:
  nothing done yet
You are doing cmd-vs-entrypoint, step 1/5.
:progress export prints the file; :progress reset [LESSON] forgets (it asks).
docksim> :progress reset cmd-vs-entrypoint
| Forget your progress in cmd-vs-entrypoint? [y/N] yes (not asked: no terminal)
Forgot your progress in cmd-vs-entrypoint.
docksim> :progress export
# docksim progress, format 1. Safe to copy between machines.
current cmd-vs-entrypoint default-greeting
=== stderr
docksim: :goal: no lesson is running (:lessons lists them, :lesson ID starts one)
docksim: :hint: no lesson is running (:lessons lists them, :lesson ID starts one)
docksim: :next: no lesson is running (:lessons lists them, :lesson ID starts one)
docksim: no lesson 'cmd-vs-entrypont' (did you mean cmd-vs-entrypoint?); :lessons lists them
docksim: no lesson 'no-such-lesson'; :lessons lists them
docksim: usage: :lessons (then :lesson ID)
docksim: usage: :progress [export | reset [LESSON]]
docksim: `RUN` is not part of this lesson (this lesson uses FROM, CMD, ENTRYPOINT, docker build, docker run, docker history, docker images, docker inspect and docker image inspect); nothing changed (:sandbox leaves the lesson, and then every line works)
docksim: `docker ps` is not part of this lesson (this lesson uses FROM, CMD, ENTRYPOINT, docker build, docker run, docker history, docker images, docker inspect and docker image inspect); nothing changed (:sandbox leaves the lesson, and then every line works)
docksim: :next: step 1/5 is not solved yet (:check shows what is missing, :hint helps)
docksim: :prev: step 1/5 is the first step (:intro shows the introduction)
=== exit
1
