#!/usr/bin/env bash
# Default `./build.sh Train` on the Slurm cluster versus in this process, in the same run: two fresh clones of HEAD
# (the build compiled once and copied, as on a login node), a local-folder DVC remote the jobs return outputs through.
# Needs SLURM_CONF (e.g. from `bash .ci/slurm.sh`). Prints both wall times, the ratio and where each target ran.
# Usage: bench/slurm-train.sh [TARGET]   (default Train)
#   BUILD_FROM=DIR reuses DIR's compiled build (build/bin/_build and its .nuke/temp/build.stamp) when its sources are
#   those of HEAD (build.sh compares the stamp), instead of compiling once more (default: this checkout).
set -euo pipefail
TARGET="${1:-Train}"
: "${SLURM_CONF:?export SLURM_CONF=<slurm.conf> (bash .ci/slurm.sh prints PIPELINE_TEST_SLURM_CONF)}"
SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d /tmp/slurm-train-bench-XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

source "$SRC/bench/lib/clone-head.sh"
clone_head "$SRC" "$WORK/local"
(cd "$WORK/local" && ./build.sh --help >/dev/null)   # compiles the build once (unless the copied one is current)
cp -a "$WORK/local" "$WORK/slurm"
mkdir -p "$WORK/remote"
(cd "$WORK/slurm" && git config user.name bench && git config user.email bench@example.com \
  && printf '[core]\n    remote = storage\n['"'"'remote "storage"'"'"']\n    url = %s\n' "$WORK/remote" > .dvc/config \
  && git commit -qam "bench: local-folder remote")

now() { date +%s%N; }
t0=$(now); (cd "$WORK/local" && ./build.sh "$TARGET" >"$WORK/local.log" 2>&1); t1=$(now)
(cd "$WORK/slurm" && ./build.sh "$TARGET" --executor slurm >"$WORK/slurm.log" 2>&1) || { tail -30 "$WORK/slurm.log"; exit 1; }; t2=$(now)
cmp -s "$WORK/local/models/model.zip" "$WORK/slurm/models/model.zip" && same=yes || same=no
placed=$(grep -o '"target": "[A-Za-z]*"\|"node": "[a-z0-9]*"' "$WORK/slurm/.nuke/temp/run.json" | sed 's/.*: "\(.*\)"/\1/' | paste -sd' ')
awk -v l="$((t1 - t0))" -v s="$((t2 - t1))" -v t="$TARGET" -v same="$same" -v placed="$placed" 'BEGIN {
  printf "%s from a fresh clone: local %.1f s, slurm %.1f s, ratio %.2f; model.zip byte-identical: %s\nplacement: %s\n", t, l / 1e9, s / 1e9, s / l, same, placed }'
