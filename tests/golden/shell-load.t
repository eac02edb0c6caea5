unreadable :load files (missing, a directory) are one clear message each and change nothing; a good one replaces the Dockerfile, :undo brings the old one back
=== args
-
=== stdin
FROM alpine
:load no-such.Dockerfile
:load context
:dockerfile
:load multistage.Dockerfile
:dockerfile
:undo
:dockerfile
=== stdout
| line 1: FROM: a new stage from alpine (build time, no layer)
   1  FROM alpine
Loaded multistage.Dockerfile: 27 lines, 20 instructions (:dockerfile lists them; :undo takes them back).
   1  # syntax=docker/dockerfile:1
   2  ARG BASE=debian:12
   3  ARG VERSION
   4  FROM ${BASE} AS build
   5  WORKDIR /src
   6  COPY --chown=1000:1000 --chmod=644 go.mod go.sum ./
   7  RUN --mount=type=cache,target=/root/.cache \
   8      make build
   9  RUN <<EOF
  10  set -e
  11  echo "building $VERSION"
  12  EOF
  13  SHELL ["/bin/bash", "-o", "pipefail", "-c"]
  14  RUN ls | wc -l
  15  
  16  FROM build AS test
  17  RUN make test
  18  CMD make watch
  19  
  20  FROM scratch
  21  COPY --from=build /src/app /app
  22  COPY ["a file", "/dst/"]
  23  ENV PATH=/app:$PATH
  24  EXPOSE 8080/tcp
  25  HEALTHCHECK --interval=30s CMD ["/app", "health"]
  26  ENTRYPOINT ["/app"]
  27  CMD ["serve"]
undone: :load multistage.Dockerfile
   1  FROM alpine
=== stderr
docksim: :load: cannot read no-such.Dockerfile: No such file or directory; nothing changed
docksim: :load: context is a directory (give the Dockerfile itself, e.g. context/Dockerfile); nothing changed
=== exit
1
