#!/usr/bin/env bash
# Quality benchmark (issue 10 item 3): the pipeline's default budget against the best of scikit-learn
# HistGradientBoosting, logistic/ridge regression and XGBoost, on the same train/test split, on public tables that
# Debian's R data packages ship. For each table it runs, in a scratch copy of the repository,
#   ./build.sh Init --data <table> --label <label> --task <task>   (nothing else is set)
#   ./build.sh Featurize; ./build.sh Train (timed); ./build.sh Evaluate
# reads metrics.json, then fits the baselines on the train.csv/test.csv that Featurize wrote (the same rows) and
# appends a row to results.tsv: dataset, task, metric, pipeline, each baseline, best baseline, gap, times.
#
# Needs: apt-get install python3-sklearn python3-xgboost python3-pandas r-base-core r-cran-mlbench r-cran-modeldata
# Usage: bench/quality/run.sh [--rev REV | --repo COPY] [--out DIR] [dataset ...]
#   default: every dataset, a fresh copy of REV=HEAD under DIR=/tmp/quality-bench; --repo reuses a prepared copy
#   (its build/bin/_build already compiled) and names the results after it.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
REV=HEAD
OUT=/tmp/quality-bench
REPO=
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rev) REV="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --repo) REPO="$(cd "$2" && pwd)"; shift 2 ;;
    *) break ;;
  esac
done

# name label task
ALL="pima diabetes binary
credit Status binary
attrition Attrition binary
vehicle Class multiclass
glass Type multiclass
boston medv regression
ames Sale_Price regression"
# NOTE: one line of names, space-separated: the match below looks for " name ".
WANT="${*:-$(echo "$ALL" | cut -d' ' -f1 | tr '\n' ' ')}"

mkdir -p "$OUT/tables"
[[ -f "$OUT/tables/ames.csv" ]] || Rscript "$HERE/export.R" "$OUT/tables" >/dev/null

if [[ -z "$REPO" ]]; then
  REPO="$OUT/repo-$(git -C "$ROOT" rev-parse --short "$REV")"
  [[ -d "$REPO" ]] || { mkdir -p "$REPO"; git -C "$ROOT" archive "$REV" | tar -x -C "$REPO"; }
fi
[[ -f "$REPO/params.yaml.orig" ]] || cp "$REPO/params.yaml" "$REPO/params.yaml.orig"
RESULTS="$OUT/results-$(basename "$REPO").tsv"
[[ -f "$RESULTS" ]] || printf 'dataset\ttask\tmetric\tpipeline\thist_gradient_boosting\tlinear\txgboost\tbest_baseline\tgap\ttrain_s\tbaselines_fit_s\tbest_trainer\n' > "$RESULTS"

now() { date +%s.%N; }
json() { /usr/bin/python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))" "$@"; }

echo "$ALL" | while read -r name label task; do
  [[ " $WANT " == *" $name "* ]] || continue
  cd "$REPO"
  rm -rf data/raw data/validated data/features data/quarantine data/schema.yaml data/external models metrics.json reports dvc.lock
  cp params.yaml.orig params.yaml
  mkdir -p data/external && cp "$OUT/tables/$name.csv" data/external/
  log="$OUT/$name-$(basename "$REPO").log"
  ./build.sh Init --data "data/external/$name.csv" --label "$label" --task "$task" > "$log" 2>&1
  ./build.sh Featurize >> "$log" 2>&1
  start=$(now)
  ./build.sh Train >> "$log" 2>&1
  train_s=$(/usr/bin/python3 -c "print($(now) - $start)")
  ./build.sh Evaluate >> "$log" 2>&1
  case "$task" in binary) metric=auc ;; multiclass) metric=macro_f1 ;; *) metric=r2 ;; esac
  pipeline=$(json metrics.json "d['$metric']")
  trainer=$(json models/model.json "d.get('trainer') or d.get('Trainer')" 2>/dev/null || echo "?")
  key=$(awk '/^data:/{s=1;next} /^[^ #]/{s=0} s && $1=="key:"{print $2}' params.yaml | tr -d '"')
  drop=()
  [[ -n "$key" && "$key" != "none" ]] && drop=(--drop "$key")
  /usr/bin/python3 "$HERE/baselines.py" data/features/train.csv data/features/test.csv "$label" "$task" "${drop[@]}" > "$OUT/$name-baselines-$(basename "$REPO").json"
  b="$OUT/$name-baselines-$(basename "$REPO").json"
  hgb=$(json "$b" "d['hist_gradient_boosting']['value']")
  lin=$(json "$b" "d['linear']['value']")
  xgb=$(json "$b" "d['xgboost']['value']")
  best=$(json "$b" "max(v['value'] for v in d.values())")
  fit=$(json "$b" "round(sum(v['fit_seconds'] for v in d.values()), 2)")
  gap=$(/usr/bin/python3 -c "print(round($pipeline - $best, 4))")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%.1f\t%s\t%s\n' "$name" "$task" "$metric" "$pipeline" "$hgb" "$lin" "$xgb" "$best" "$gap" "$train_s" "$fit" "$trainer" | tee -a "$RESULTS"
done
echo "results: $RESULTS"
