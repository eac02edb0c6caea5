An instruction error (layer 3): prefixed, with a suggestion in the input's case
=== args
parse -
=== stdin
FROM x
FORM y
=== stdout
stage 0: FROM x
  1       FROM x
          build time: starts a build stage from a base image (its files and its
          configuration), scratch, or an earlier stage
=== stderr
<stdin>:2: error: dockerfile parse error on line 2: unknown instruction: FORM (did you mean FROM?)
=== exit
1
