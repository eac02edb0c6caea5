A lessons directory without an index: one failed item.
=== args
lessons check --dir nowhere
=== stdout
nowhere/index: cannot read the index: No such file or directory
lessons: 1 checked, 1 failed
=== stderr
=== exit
1
