unknown and ambiguous : commands, and shell words typed without the colon: one sentence each, the session goes on
=== args
-
=== stdin
:hlep
:re
:s
:zzz
exit
help
:d
=== stdout
The Dockerfile is empty: type an instruction such as FROM alpine.
=== stderr
docksim: unknown command ':hlep' (did you mean :help?); :help lists the commands
docksim: ':re' is ambiguous: it could be :redo or :reset
docksim: ':s' is ambiguous: it could be :solution, :sandbox, :state, :save or :set
docksim: unknown command ':zzz'; :help lists the commands
docksim: 'exit' is not a Dockerfile instruction or a docker command; docksim's own commands start with ':' (did you mean :quit?)
docksim: 'help' is not a Dockerfile instruction or a docker command; docksim's own commands start with ':' (did you mean :help?)
=== exit
1
