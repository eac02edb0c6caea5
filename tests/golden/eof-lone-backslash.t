A lone backslash line at EOF: empty instruction (spec 2.4, quirk 18).
Its dump is ("") : Node.Dump() trims the node text, so no space before "".
=== args
parse --dump -
=== stdin
FROM alpine
RUN echo hi
\
=== stdout
(from "alpine")
(run "echo hi")
("")
=== stderr
<stdin>:3: error: dockerfile parse error on line 3: unknown instruction: 
=== exit
1
