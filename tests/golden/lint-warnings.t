Layer-3 build checks and NoEmptyContinuation: warnings only, exit 0.
NoEmptyContinuation comes first (BuildKit runs it before instructions.Parse)
and is reported at the instruction's last line.
=== args
parse --dump -
=== stdin
FROM alpine AS Build
FROM alpine as base
MAINTAINER me <me@example.com>
RUN apk add \

    curl
=== stdout
(from "alpine" "AS" "Build")
(from "alpine" "as" "base")
(maintainer "me <me@example.com>")
(run "apk add     curl")
=== stderr
<stdin>:6: warning: NoEmptyContinuation: Empty continuation line
<stdin>:1: warning: StageNameCasing: Stage name 'Build' should be lowercase
<stdin>:2: warning: FromAsCasing: 'as' and 'FROM' keywords' casing do not match
<stdin>:3: warning: MaintainerDeprecated: Maintainer instruction is deprecated in favor of using label
=== exit
0
