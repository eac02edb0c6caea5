# syntax=docker/dockerfile:1
ARG BASE=debian:12
ARG VERSION
FROM ${BASE} AS build
WORKDIR /src
COPY --chown=1000:1000 --chmod=644 go.mod go.sum ./
RUN --mount=type=cache,target=/root/.cache \
    make build
RUN <<EOF
set -e
echo "building $VERSION"
EOF
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN ls | wc -l

FROM build AS test
RUN make test
CMD make watch

FROM scratch
COPY --from=build /src/app /app
COPY ["a file", "/dst/"]
ENV PATH=/app:$PATH
EXPOSE 8080/tcp
HEALTHCHECK --interval=30s CMD ["/app", "health"]
ENTRYPOINT ["/app"]
CMD ["serve"]
