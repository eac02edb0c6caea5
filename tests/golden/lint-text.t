docksim lint prints what `docker build --check` prints on stdout: the count,
then each warning (rule, URL, message, the snippet with >>> on its lines),
sorted by line. Every stage is checked; the file's directory is the context,
so its .dockerignore makes CopyIgnoredFile fire. Warnings alone exit 0.
=== args
lint lint/Dockerfile
=== stdout
Check complete, 4 warnings have been found!

WARNING: FromAsCasing - https://docs.docker.com/go/dockerfile/rule/from-as-casing/
'as' and 'FROM' keywords' casing do not match
lint/Dockerfile:3
--------------------
   1 |     # syntax=docker/dockerfile:1
   2 |     ARG BASE=alpine
   3 | >>> FROM ${BASE} as build
   4 |     COPY notes.md app.py /src/
   5 |     RUN echo building \
--------------------

WARNING: CopyIgnoredFile - https://docs.docker.com/go/dockerfile/rule/copy-ignored-file/
Attempting to Copy file "notes.md" that is excluded by .dockerignore
lint/Dockerfile:4
--------------------
   2 |     ARG BASE=alpine
   3 |     FROM ${BASE} as build
   4 | >>> COPY notes.md app.py /src/
   5 |     RUN echo building \
   6 |         && touch /src/out
--------------------

WARNING: LegacyKeyValueFormat - https://docs.docker.com/go/dockerfile/rule/legacy-key-value-format/
"ENV key=value" should be used instead of legacy "ENV key value" format
lint/Dockerfile:9
--------------------
   7 |     
   8 |     FROM alpine
   9 | >>> ENV MODE production
  10 |     COPY --from=build /src/out /app/out
  11 |     CMD /app/out --mode $MODE
--------------------

WARNING: JSONArgsRecommended - https://docs.docker.com/go/dockerfile/rule/json-args-recommended/
JSON arguments recommended for CMD to prevent unintended behavior related to OS signals
lint/Dockerfile:11
--------------------
   9 |     ENV MODE production
  10 |     COPY --from=build /src/out /app/out
  11 | >>> CMD /app/out --mode $MODE
  12 |     
--------------------
=== stderr
=== exit
0
