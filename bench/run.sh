#!/bin/sh
# Parser benchmark (see bench/README.md). From the repository root:
#
#   bench/run.sh build/bench/bench_parse ../shared/corpus [REPS]
#
# 1. Picks the corpus Dockerfiles (CORPUS/buildkit-parser/*/Dockerfile) that
#    can be pasted one after another: each must parse without error on its
#    own (bench_parse --check: layers 1-3), must not start with a parser
#    directive (it would be a plain comment further down), and must give
#    the same AST twice when pasted after itself with a newline between
#    (this rejects a file ending inside a continuation, which would swallow
#    the next file's first line).
# 2. Writes bench/out/1mb.Dockerfile and bench/out/10mb.Dockerfile (at
#    least 1 and 10 MiB): whole rounds of those files, each copy followed by
#    a newline; checks that both parse without error (exit 1 otherwise).
# 3. Runs bench_parse once per size and layer (a fresh process each, so
#    the peak RSS is that run's own; REPS timed runs, default 7, and three
#    times as many for the short 1 MiB runs) and prints a table and
#    PASS/FAIL for the targets: >= 100 MB/s; peak RSS <= 3x the input,
#    counting the RSS above the program's own (base) so the input buffer
#    and the parse result; 10MB/1MB time ratio <= 11. Targets are
#    reported, not enforced: exit 0 if the benchmark ran.
set -u
LC_ALL=C
export LC_ALL

if [ $# -lt 2 ]; then
    echo "usage: $0 PATH/TO/bench_parse CORPUS_DIR [REPS]" >&2
    exit 2
fi
bin=$1
corpus=$2
reps=${3:-7}
if [ ! -x "$bin" ]; then
    echo "bench: $bin is not an executable (run make bench)" >&2
    exit 2
fi
if [ ! -d "$corpus/buildkit-parser" ]; then
    echo "bench: no $corpus/buildkit-parser directory" >&2
    exit 2
fi
out=$(dirname "$0")/out
mkdir -p "$out" || exit 2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM HUP

die() {
    echo "bench: $*" >&2
    exit 1
}

# 1. the usable corpus files, as one round
round=$tmp/round
: >"$round"
used=0
skipped=
for f in "$corpus"/buildkit-parser/*/Dockerfile; do
    name=${f%/Dockerfile}
    name=${name##*/}
    if head -n 1 "$f" |
        grep -Eq '^[[:space:]]*#[[:space:]]*[A-Za-z][A-Za-z0-9]*[[:space:]]*='; then
        skipped="$skipped $name(directive)"
        continue
    fi
    if ! "$bin" --check "$f" >"$tmp/one" 2>/dev/null; then
        skipped="$skipped $name(error)"
        continue
    fi
    { cat "$f"; echo; cat "$f"; echo; } >"$tmp/two.Dockerfile"
    cat "$tmp/one" "$tmp/one" >"$tmp/one2"
    if ! "$bin" --check "$tmp/two.Dockerfile" >"$tmp/two" 2>/dev/null ||
        ! cmp -s "$tmp/one2" "$tmp/two"; then
        skipped="$skipped $name(not-pastable)"
        continue
    fi
    { cat "$f"; echo; } >>"$round"
    used=$((used + 1))
done
[ "$used" -gt 0 ] || die "no usable Dockerfile in $corpus/buildkit-parser"
round_bytes=$(wc -c <"$round")
echo "corpus: $used Dockerfiles used ($round_bytes bytes a round); skipped:${skipped:- none}"

# 2. the inputs
make_input() { # FILE MIB
    target=$(($2 * 1048576))
    n=$(((target + round_bytes - 1) / round_bytes))
    i=0
    while [ $i -lt $n ]; do
        cat "$round"
        i=$((i + 1))
    done >"$1"
    "$bin" --check "$1" >/dev/null 2>"$tmp/err" ||
        die "$1 does not parse (a corpus file interacts with the next one?):
$(head -n 5 "$tmp/err")"
}
make_input "$out/1mb.Dockerfile" 1
make_input "$out/10mb.Dockerfile" 10

# 3. the runs: one line "size layer bytes median_s mb_s peak_kb base_kb" each
: >"$tmp/results"
keep=glibc.malloc.trim_threshold=4000000000:glibc.malloc.mmap_threshold=4000000000
for size in 1mb 10mb; do
    n=$reps
    [ $size = 1mb ] && n=$((reps * 3)) # short runs: more of them
    for layer in ast all; do
        line=$("$bin" --layer=$layer --reps="$n" "$out/$size.Dockerfile") ||
            die "bench_parse failed on $size ($layer)"
        # the same with glibc keeping freed memory: no page faults after
        # the warm-up run (only the warm column; not a target)
        warm=$(GLIBC_TUNABLES=$keep "$bin" --layer=$layer --reps="$n" \
            "$out/$size.Dockerfile") || die "bench_parse failed on $size ($layer)"
        warm=${warm#*mb_s=}
        printf '%s %s warm_mb_s=%s\n' "$size" "$line" "${warm%% *}" >>"$tmp/results"
    done
done

awk '
    function val(key,   i, kv) {
        for (i = 2; i <= NF; i++) {
            split($i, kv, "=")
            if (kv[1] == key) return kv[2]
        }
        return ""
    }
    {
        k = $1 " " val("layer")
        bytes[k] = val("bytes"); t[k] = val("median_s"); nrep[k] = val("reps")
        mbs[k] = val("mb_s"); peak[k] = val("peak_rss_kb"); warm[k] = val("warm_mb_s")
        base[k] = val("base_rss_kb"); order[++n] = k
    }
    END {
        printf "\n%-5s %-5s %8s %5s %10s %7s %7s %8s %8s %7s\n", "size",
            "layer", "input MB", "runs", "median ms", "MB/s", "warm", "peak MB",
            "base MB", "net/in"
        for (i = 1; i <= n; i++) {
            k = order[i]; split(k, p, " ")
            ratio[k] = (peak[k] - base[k]) * 1024 / bytes[k]
            printf "%-5s %-5s %8.2f %5d %10.2f %7.1f %7.1f %8.1f %8.1f %6.2fx\n",
                p[1], p[2], bytes[k] / 1048576, nrep[k], t[k] * 1000, mbs[k],
                warm[k], peak[k] / 1024, base[k] / 1024, ratio[k]
        }
        print "MB = 2^20 bytes; warm = MB/s when glibc keeps freed memory (no page"
        print "faults after the warm-up run); peak = ru_maxrss of the process; base ="
        print "before it read the input; net/in = (peak - base) / input, input included."
        size_ratio = bytes["10mb ast"] / bytes["1mb ast"]
        printf "\n10MB/1MB: input %.2fx, median time ast %.2fx, all %.2fx\n",
            size_ratio, t["10mb ast"] / t["1mb ast"], t["10mb all"] / t["1mb all"]

        print "\ntargets:"
        for (i = 1; i <= n; i++) {
            k = order[i]
            printf "  %-4s %-22s %-9s %7.1f MB/s\n",
                (mbs[k] >= 100 ? "PASS" : "FAIL"), "throughput >= 100 MB/s", k, mbs[k]
        }
        for (i = 1; i <= n; i++) {
            k = order[i]
            printf "  %-4s %-22s %-9s %7.2fx\n",
                (ratio[k] <= 3 ? "PASS" : "FAIL"), "memory <= 3x input", k, ratio[k]
        }
        split("ast all", ls, " ")
        for (j = 1; j <= 2; j++) {
            r = t["10mb " ls[j]] / t["1mb " ls[j]]
            printf "  %-4s %-22s %-9s %7.2fx\n",
                (r <= 11 ? "PASS" : "FAIL"), "10MB/1MB time <= 11x", ls[j], r
        }
    }' "$tmp/results"
exit 0
