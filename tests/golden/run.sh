#!/bin/sh
# Golden transcript tests for the docksim CLI.
#
#   tests/golden/run.sh build/docksim [CASE...]
#   VALGRIND='valgrind -q --error-exitcode=99' tests/golden/run.sh build/docksim
#
# Run from the repository root. Each case is one file tests/golden/NAME.t
# (CASE arguments select cases by NAME; default: all). A case is a list of
# sections, each starting with a header line "=== NAME":
#
#   === args      docksim's arguments, split on blanks (no quoting); paths are
#                 relative to tests/golden/files, where docksim runs
#   === stdin     optional: docksim's standard input (else /dev/null)
#   === stdout    expected standard output
#   === stderr    expected standard error
#   === exit      expected exit status (a number)
#
# Lines before the first header are a free-form description (ignored).
#
# Newline rule: a section's text is its lines, each followed by "\n", so
# every line in a section, blank lines included, is part of it (do not put
# blank lines between sections for looks); a section with no lines is the
# empty text. A line of the text itself cannot start with "=== ".
#
# Header options (after the section name, for stdin/stdout/stderr):
#   noeol     the final "\n" is dropped (output not ending in a newline)
#   escaped   the text is read as printf's %b argument: \\ is a backslash,
#             \0ddd an octal byte (\0000 NUL, \0377 0xFF), \n \t \r as in C;
#             for bytes a text file should not hold (NUL, invalid UTF-8)
#
# Generated inputs: the token @GEN@ in args stands for a temporary
# directory holding inputs too big to commit (see gen_inputs below); in the
# actual output that directory's path is replaced by @GEN@ before comparing.
#
# $VALGRIND, if set, is a command prefix for docksim (e.g. valgrind with
# --error-exitcode=99); exit status 99 under it is always a failure.
#
# Prints each failing case's name and a unified diff, then exactly
# "golden: N passed, M failed"; exits 1 if any case failed (or 2 on bad
# usage). Needs only POSIX sh, awk, sed, diff.
set -u
LC_ALL=C
export LC_ALL

if [ $# -lt 1 ]; then
    echo "usage: $0 PATH/TO/docksim [CASE...]" >&2
    exit 2
fi
prog=$1
shift
case $prog in
/*) ;;
*) prog=$PWD/$prog ;;
esac
if [ ! -x "$prog" ]; then
    echo "golden: $prog is not an executable (run make first)" >&2
    exit 2
fi
VALGRIND=${VALGRIND-}

here=$(cd "$(dirname "$0")" && pwd) || exit 2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/golden.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM HUP
gen=$tmp/gen
mkdir "$gen" "$tmp/case" || exit 2

# Inputs generated at each run.
gen_inputs() {
    # One 70000-byte line (BuildKit's limit is 65535): "RUN " + 69996 "a".
    awk 'BEGIN { s = "aaaaaaaaaa"; while (length(s) < 69996) s = s s;
                 printf "RUN %s\n", substr(s, 1, 69996) }' \
        >"$gen/long-line.Dockerfile"
}
gen_inputs

# Split case file $1 into $tmp/case/{stdin,stdout,stderr} (stdin empty if
# absent) and print, one per line: "args WORDS...", "exit N" and
# "escaped SECTION" for each escaped section. Prints an error and returns 1
# if the case is malformed.
split_case() {
    awk -v dir="$tmp/case" '
        function flush() {
            if (sec == "") return
            if (sec == "args") {
                gsub(/[ \t\n]+/, " ", text); args = text
            } else if (sec == "exit") {
                gsub(/[ \t\n]+/, "", text); code = text
            } else {
                printf "%s", text > (dir "/" sec)
                close(dir "/" sec)
            }
        }
        /^=== / {
            flush()
            n = split(substr($0, 5), w, " ")
            sec = w[1]; noeol = 0
            if (sec !~ /^(args|stdin|stdout|stderr|exit)$/) {
                printf "bad section header: %s\n", $0 > "/dev/stderr"
                bad = 1
            }
            for (i = 2; i <= n; i++) {
                if (w[i] == "noeol" && sec !~ /^(args|exit)$/) {
                    noeol = 1
                } else if (w[i] == "escaped" && sec !~ /^(args|exit)$/) {
                    esc[sec] = 1
                } else {
                    printf "bad section option: %s\n", $0 > "/dev/stderr"
                    bad = 1
                }
            }
            if (seen[sec]++) {
                printf "section %s given twice\n", sec > "/dev/stderr"
                bad = 1
            }
            text = ""; first = 1
            next
        }
        sec == "" { next }
        {
            if (noeol && !first) text = text "\n"
            text = text $0 (noeol ? "" : "\n")
            first = 0
        }
        END {
            flush()
            if (!("args" in seen) || !("stdout" in seen) ||
                !("stderr" in seen) || !("exit" in seen)) {
                print "missing one of args, stdout, stderr, exit" > "/dev/stderr"
                bad = 1
            }
            if (code !~ /^[0-9]+$/) {
                print "the exit section must be one number" > "/dev/stderr"
                bad = 1
            }
            if (!("stdin" in seen)) printf "" > (dir "/stdin")
            print "args " args
            print "exit " code
            for (s in esc) print "escaped " s
            exit bad
        }' "$1"
}

# Unified diff of expected file $2 and actual file $3, labelled $1. Binary
# text (NUL bytes...) is compared as printed by sed's l command (octal
# escapes, long lines folded, $ at each line end).
show_diff() {
    if diff -u "$2" "$3" >"$tmp/diff" && [ ! -s "$tmp/diff" ]; then
        return
    fi
    if ! head -n 1 "$tmp/diff" | grep -q '^--- '; then
        echo "($1 holds binary data: lines shown by sed -n l)"
        sed -n l "$2" >"$tmp/l.exp"
        sed -n l "$3" >"$tmp/l.act"
        diff -u "$tmp/l.exp" "$tmp/l.act" >"$tmp/diff"
    fi
    sed "1s|.*|--- expected $1|;2s|.*|+++ actual $1|" "$tmp/diff"
}

passed=0
failed=0
fail() {
    failed=$((failed + 1))
    echo "FAIL: $name: $1"
}

if [ $# -gt 0 ]; then
    cases=
    for c in "$@"; do cases="$cases $here/$c.t"; done
else
    cases=$(ls "$here"/*.t 2>/dev/null)
fi

cd "$here/files" || exit 2
set -f
for t in $cases; do
    name=${t##*/}
    name=${name%.t}
    if [ ! -f "$t" ]; then
        fail "no such case ($t)"
        continue
    fi
    c=$tmp/case
    if ! meta=$(split_case "$t" 2>"$tmp/split.err"); then
        fail "malformed case: $(cat "$tmp/split.err")"
        continue
    fi
    args='' want_rc='' has_gen=''
    while read -r key val; do
        case $key in
        args) args=$val ;;
        exit) want_rc=$val ;;
        escaped)
            text=$(cat "$c/$val"; echo x) # keep trailing newlines
            printf '%b' "${text%x}" >"$c/$val"
            ;;
        esac
    done <<EOF
$meta
EOF
    case $args in
    *@GEN@*)
        has_gen=1
        args=$(printf '%s\n' "$args" | sed "s|@GEN@|$gen|g")
        ;;
    esac

    # shellcheck disable=SC2086 # word splitting of args and VALGRIND wanted
    $VALGRIND "$prog" $args <"$c/stdin" >"$c/out" 2>"$c/err"
    rc=$?
    if [ -n "$has_gen" ]; then
        # the generated directory's path reads @GEN@ in the expectations
        for f in out err; do
            sed "s|$gen|@GEN@|g" "$c/$f" >"$c/$f.tmp" && mv "$c/$f.tmp" "$c/$f"
        done
    fi

    ok=1
    if [ -n "$VALGRIND" ] && [ "$rc" -eq 99 ]; then
        echo "FAIL: $name: valgrind reported errors (exit 99)"
        ok=0
    elif [ "$rc" -ne "$want_rc" ]; then
        echo "FAIL: $name: exit status $rc, expected $want_rc"
        ok=0
    fi
    for s in stdout stderr; do
        a=$c/out
        [ $s = stderr ] && a=$c/err
        cmp -s "$c/$s" "$a" && continue
        [ $ok -eq 1 ] && echo "FAIL: $name: $s differs"
        ok=0
        show_diff $s "$c/$s" "$a"
    done
    if [ $ok -eq 1 ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
    fi
done

echo "golden: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
