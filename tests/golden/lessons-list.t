docksim lessons list: the index's tracks and lessons; a lesson that
cannot be read is marked, its problem goes to stderr, exit 1.
=== args
lessons list --dir lessons
=== stdout
demo: Golden fixtures
  good                   A lesson that passes (1 step, 2 min)
  fails-checks           A lesson that parses but fails its checks (2 steps)
  not-written            (cannot be read)
=== stderr
lessons/index:6: lesson 'not-written' has no file lessons/en/not-written.lesson
=== exit
1
