check=error=true turns the warnings into BuildKit's error: the warnings on
stdout, a blank line, then ERROR on stderr (a lint violation has no
location, so no snippet); exit 1.
=== args
lint -
=== stdin
# check=error=true
FROM alpine as base
LABEL version 1.0
=== stdout
Check complete, 2 warnings have been found!

WARNING: FromAsCasing - https://docs.docker.com/go/dockerfile/rule/from-as-casing/
'as' and 'FROM' keywords' casing do not match
Dockerfile:2
--------------------
   1 |     # check=error=true
   2 | >>> FROM alpine as base
   3 |     LABEL version 1.0
   4 |     
--------------------

WARNING: LegacyKeyValueFormat - https://docs.docker.com/go/dockerfile/rule/legacy-key-value-format/
"LABEL key=value" should be used instead of legacy "LABEL key value" format
Dockerfile:3
--------------------
   1 |     # check=error=true
   2 |     FROM alpine as base
   3 | >>> LABEL version 1.0
   4 |     
--------------------

=== stderr
ERROR: lint violation found for rules: FromAsCasing, LegacyKeyValueFormat

=== exit
1
