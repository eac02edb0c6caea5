The readable listing: global ARGs, three stages, flags, a heredoc, SHELL
inherited by a stage built FROM an earlier one, exec vs shell form.
=== args
parse multistage.Dockerfile
=== stdout
global scope (ARGs before the first FROM: only FROM lines can use them)
  2       ARG BASE=debian:12
          build time: declares a build argument that --build-arg can set; it
          exists at build time only, not in the image
  3       ARG VERSION
          build time: declares a build argument that --build-arg can set; it
          exists at build time only, not in the image

stage 0 "build": FROM ${BASE}
  4       FROM ${BASE} AS build
          build time: starts a build stage from a base image (its files and its
          configuration), scratch, or an earlier stage
  5       WORKDIR /src
          build time, new layer: sets (and creates) the working directory for
          later instructions and for the container
  6       COPY --chown=1000:1000 --chmod=644 go.mod go.sum ./
          flags: --chown=1000:1000 --chmod=644
          build time, new layer: copies files from the build context (or
          another stage with --from) into the image, at build time, in a new
          layer
  7-8     RUN --mount=type=cache,target=/root/.cache     make build
          shell form (runs as /bin/sh -c "..."); flags: --mount=type=cache,target=/root/.cache
          build time, new layer: runs a command at build time and saves the
          resulting files as a new layer
  9-12    RUN <<EOF + heredoc EOF (2 lines)
          shell form (runs as /bin/sh -c "...")
          build time, new layer: runs a command at build time and saves the
          resulting files as a new layer
  13      SHELL ["/bin/bash", "-o", "pipefail", "-c"]
          exec form
          image metadata: sets the shell that later shell-form RUN, CMD and
          ENTRYPOINT are wrapped in
  14      RUN ls | wc -l
          shell form (runs as /bin/bash -o pipefail -c "...")
          build time, new layer: runs a command at build time and saves the
          resulting files as a new layer

stage 1 "test": FROM build
  16      FROM build AS test
          build time: starts a build stage from a base image (its files and its
          configuration), scratch, or an earlier stage
  17      RUN make test
          shell form (runs as /bin/bash -o pipefail -c "...")
          build time, new layer: runs a command at build time and saves the
          resulting files as a new layer
  18      CMD make watch
          shell form (runs as /bin/bash -o pipefail -c "...")
          image metadata, used when a container starts: records the default
          command (or the default arguments of ENTRYPOINT); nothing runs at
          build time, a container runs it at start unless docker run gives a
          command

stage 2: FROM scratch
  20      FROM scratch
          build time: starts a build stage from a base image (its files and its
          configuration), scratch, or an earlier stage
  21      COPY --from=build /src/app /app
          flags: --from=build
          build time, new layer: copies files from the build context (or
          another stage with --from) into the image, at build time, in a new
          layer
  22      COPY ["a file", "/dst/"]
          JSON form
          build time, new layer: copies files from the build context (or
          another stage with --from) into the image, at build time, in a new
          layer
  23      ENV PATH=/app:$PATH
          image metadata: sets environment variables for the rest of the build
          and in every container
  24      EXPOSE 8080/tcp
          image metadata: documents the ports the container listens on; it
          publishes nothing (that is docker run -p)
  25      HEALTHCHECK --interval=30s CMD ["/app", "health"]
          exec form (CMD); flags: --interval=30s
          image metadata, used when a container starts: records a command
          Docker runs inside the running container to check its health
  26      ENTRYPOINT ["/app"]
          exec form (runs the program directly, no shell)
          image metadata, used when a container starts: records the program
          every container runs at start; CMD or docker run arguments are
          appended to it (exec form only)
  27      CMD ["serve"]
          exec form (runs the program directly, no shell)
          image metadata, used when a container starts: records the default
          command (or the default arguments of ENTRYPOINT); nothing runs at
          build time, a container runs it at start unless docker run gives a
          command

multistage.Dockerfile: 20 instructions, 3 stages
=== stderr
=== exit
0
