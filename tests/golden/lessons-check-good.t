A lesson that passes: only the counts; its warning (an untested
feedback rule) is counted but not shown. Exit 0.
=== args
lessons check lessons/en/good.lesson
=== stdout
lessons: 1 warning not shown (--warnings shows them)
lessons: 1 checked, 0 failed
=== stderr
=== exit
0
