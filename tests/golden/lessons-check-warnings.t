--warnings shows the warnings; they never fail the check.
=== args
lessons check --warnings lessons/en/good.lesson
=== stdout
lessons/en/good.lesson:25: warning: feedback rule 2 of step 'greet' has no [try] that fires it
lessons: 1 checked, 0 failed
=== stderr
=== exit
0
