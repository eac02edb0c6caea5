docksim lessons check on a lessons directory: the index's entries in
order (a missing file is reported at its index line), each lesson's
validation problems (a step solved at its start, a [try] firing the wrong
rule or solving the step, a line the lesson does not allow, a solution
that does not pass), and a lesson file the index forgets. Warnings are
counted, not shown.
=== args
lessons check --dir lessons
=== stdout
lessons/index:6: lesson 'not-written' has no file lessons/en/not-written.lesson
lessons/en/fails-checks.lesson:14: step 'already-done' is already solved when it starts (after [setup]), so it teaches nothing: its goal needs a check the start state fails
lessons/en/fails-checks.lesson:35: try 'fires-other-rule': expected feedback rule 2 (line 32), but rule 1 (line 30) fires
lessons/en/fails-checks.lesson:41: try 'solves-it': its input solves step 'wrong-solution', so no feedback would show
lessons/en/fails-checks.lesson:28: solution of step 'wrong-solution': `RUN` is not part of this lesson (this lesson uses FROM, CMD, ENTRYPOINT and docker run)
lessons/en/fails-checks.lesson:25: step 'wrong-solution': the solution does not pass the check 'docker run app runs echo bye' (got ["echo", "by"])
lessons/en/stray.lesson: not listed in lessons/index (add its id to a track)
lessons: 2 warnings not shown (--warnings shows them)
lessons: 4 checked, 3 failed
=== stderr
=== exit
1
