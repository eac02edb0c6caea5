An instruction error (layer 3): prefixed, with a suggestion in the input's case
=== args
parse -
=== stdin
FROM x
FORM y
=== stdout
=== stderr
<stdin>:2: error: dockerfile parse error on line 2: unknown instruction: FORM (did you mean FROM?)
=== exit
1
