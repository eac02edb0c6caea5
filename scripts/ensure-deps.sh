#!/bin/sh
# Make sure the build dependencies are present; install the missing ones
# with the system package manager when we can (root, or sudo without a
# password), otherwise stop with one message naming the packages.
#
#   scripts/ensure-deps.sh          what `make run` and `make test` need
#   scripts/ensure-deps.sh check    ... plus valgrind, for `make check`
set -u
missing=""
if [ "${1-}" = check ]; then
    command -v valgrind >/dev/null 2>&1 || missing="$missing valgrind"
fi
command -v pkg-config >/dev/null 2>&1 || missing="$missing pkg-config"
if command -v pkg-config >/dev/null 2>&1; then
    pkg-config --exists readline 2>/dev/null || missing="$missing libreadline-dev"
    pkg-config --exists cmocka 2>/dev/null || missing="$missing libcmocka-dev"
else
    missing="$missing libreadline-dev libcmocka-dev"
fi
command -v cc >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1 || missing="$missing gcc"
command -v make >/dev/null 2>&1 || missing="$missing make"
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
    sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo -n"
else
    echo "docksim: missing build dependencies:$missing" >&2
    echo "docksim: install them with: sudo apt-get install -y$missing" >&2
    exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "docksim: missing build dependencies:$missing (no apt-get here; install them with your package manager)" >&2
    exit 1
fi
echo "docksim: installing build dependencies:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086
if ! $sudo apt-get install -y -q $missing >&2; then
    $sudo apt-get update -q >&2 && $sudo apt-get install -y -q $missing >&2 || {
        echo "docksim: could not install:$missing" >&2
        exit 1
    }
fi
exit 0
