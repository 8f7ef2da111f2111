#!/usr/bin/env bash
# A search of 24 trials as Slurm job arrays (one per successive-halving rung) on both nodes versus on one node, in the
# same run: a fresh clone of HEAD (the build compiled once and copied), Featurize locally, then
# `./build.sh Train --trial-executor slurm --set train.budget=24 --force` twice: tasks pinned to n1 (--nodelist=n1),
# then free to use n1 and n2. Train itself runs in this process; only its trials are jobs.
# Needs SLURM_CONF (e.g. from `bash .ci/slurm.sh`). Prints both wall times, the ratio and where the trials ran.
#   BUILD_FROM=DIR reuses DIR's compiled build (as bench/slurm-train.sh does).
set -euo pipefail
: "${SLURM_CONF:?export SLURM_CONF=<slurm.conf> (bash .ci/slurm.sh prints PIPELINE_TEST_SLURM_CONF)}"
SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d /tmp/slurm-trials-bench-XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

source "$SRC/bench/lib/clone-head.sh"
clone_head "$SRC" "$WORK/repo"
cd "$WORK/repo"
./build.sh Featurize >"$WORK/featurize.log" 2>&1 || { tail -30 "$WORK/featurize.log"; exit 1; }

now() { date +%s%N; }
search() { ./build.sh Train --force --trial-executor slurm --set train.budget=24 "$@" >"$WORK/train.log" 2>&1 || { tail -30 "$WORK/train.log"; exit 1; }; }
t0=$(now); search --slurm-args "--nodelist=n1 --no-requeue"; t1=$(now)
one=$(tail -n +2 reports/trials.csv | awk -F, '{print $(NF-1)}' | sort | uniq -c | paste -sd' '); cp models/model.zip "$WORK/one.zip"
t2=$(now); search; t3=$(now)
two=$(tail -n +2 reports/trials.csv | awk -F, '{print $(NF-1)}' | sort | uniq -c | paste -sd' ')
cmp -s "$WORK/one.zip" models/model.zip && same=yes || same=no
awk -v a="$((t1 - t0))" -v b="$((t3 - t2))" -v one="$one" -v two="$two" -v same="$same" 'BEGIN {
  printf "Train, 24 trials (rungs of 24, 8 and 3 trials, each a job array): one node %.1f s, two nodes %.1f s, ratio two/one %.2f; model.zip byte-identical: %s\ntrials per node: one-node run [%s], two-node run [%s]\n", a / 1e9, b / 1e9, b / a, same, one, two }'
