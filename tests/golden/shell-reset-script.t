:reset asks first; a script has nobody to ask, so it says so and answers yes; :undo brings everything back
=== args
-
=== stdin
FROM alpine
:reset
:dockerfile
:undo
:dockerfile
=== stdout
| line 1: FROM: a new stage from alpine (build time, no layer)
| Reset everything (Dockerfile, files, images, containers)? [y/N] yes (not asked: no terminal)
Everything is back to the start: empty Dockerfile, no files, images or containers (:undo brings it back).
The Dockerfile is empty: type an instruction such as FROM alpine.
undone: :reset
   1  FROM alpine
=== stderr
=== exit
0
