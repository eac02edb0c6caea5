--lessons names a directory that does not exist: the shell still works, and every lesson command that needs the lessons says where it looked (exit status 1); :progress export needs no lessons.
=== args
--echo --lessons nowhere --progress @GEN@/shell-lesson-no-lessons.progress -
=== stdin
:lessons
:lesson dockerfile-basics
:progress
:progress export
=== stdout
docksim> :lessons
docksim> :lesson dockerfile-basics
docksim> :progress
docksim> :progress export
# docksim progress, format 1. Safe to copy between machines.
=== stderr
docksim: :lessons: cannot read the lessons in nowhere: cannot read the index: No such file or directory
docksim: :lesson: cannot read the lessons in nowhere: cannot read the index: No such file or directory
docksim: :progress: cannot read the lessons in nowhere: cannot read the index: No such file or directory
=== exit
1
