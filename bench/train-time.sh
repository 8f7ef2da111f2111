#!/usr/bin/env bash
# Training time vs the Python peers (issue 10 item 4). In a prepared, featurized copy of the repository
# (./build.sh Featurize done), runs the default ./build.sh Train --force ROUNDS times (timed), Evaluate, and the
# quality benchmark's baselines (bench/quality/baselines.py: sklearn HistGradientBoosting + logistic/ridge + XGBoost)
# on the same train/test rows, and prints one line per round: train seconds, the metric, the peers' combined fit time.
# Logs: REPO_COPY/.nuke/temp/train-time*.log. Compare builds by alternating copies in one run (main, branch, main, ...).
# Usage: bench/train-time.sh REPO_COPY LABEL TASK [ROUNDS]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$1" && pwd)"; LABEL="$2"; TASK="$3"; ROUNDS="${4:-1}"
case "$TASK" in binary) metric=auc ;; multiclass) metric=macro_f1 ;; *) metric=r2 ;; esac
json() { /usr/bin/python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))" "$@"; }
cd "$REPO"
log=.nuke/temp/train-time.log; eval_log=.nuke/temp/train-time-eval.log; mkdir -p .nuke/temp
key=$(awk '/^data:/{s=1;next} /^[^ #]/{s=0} s && $1=="key:"{print $2}' params.yaml | tr -d '"')
drop=(); [[ -n "$key" && "$key" != "none" ]] && drop=(--drop "$key")
for r in $(seq "$ROUNDS"); do
  start=$(date +%s.%N)
  ./build.sh Train --force > "$log" 2>&1 || { tail -20 "$log"; exit 1; }
  train_s=$(/usr/bin/python3 -c "print(round($(date +%s.%N) - $start, 1))")
  ./build.sh Evaluate > "$eval_log" 2>&1 || { tail -20 "$eval_log"; exit 1; }
  peers=$(/usr/bin/python3 "$HERE/quality/baselines.py" data/features/train.csv data/features/test.csv "$LABEL" "$TASK" "${drop[@]}")
  fit=$(echo "$peers" | /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); print(round(sum(v['fit_seconds'] for v in d.values()), 2), round(max(v['value'] for v in d.values()), 4))")
  echo "round $r: train_s $train_s $metric $(json metrics.json "round(d['$metric'], 4)") best $(json models/model.json "d.get('trainer')") peers_fit_s/best ${fit} load $(cut -d' ' -f1 /proc/loadavg)"
done
