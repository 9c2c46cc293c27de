#!/usr/bin/env bash
# The source texts' claim, measured: Post-LN Transformers need a learning-rate warmup, Pre-LN ones train
# without it. Four runs of the demo's model and data for the same number of updates: {Post-LN, Pre-LN} x
# {the Transformer rule with 200 warmup updates, the same peak rate from the first update decaying as
# 1/sqrt(step)}, then one report that overlays them. Usage, from the repository root:
#   tools/experiments/warmup-and-norm.sh [OUT_DIR] [STEPS]     (defaults: runs/warmup-and-norm, 600)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-runs/warmup-and-norm}
steps=${2:-600}
dotnet build -c Release src/Ramp.Cli >/dev/null
ramp() { dotnet src/Ramp.Cli/bin/Release/net10.0/Ramp.Cli.dll "$@"; }

# The demo's noam(d_model=128, warmup_steps=200, factor=0.3) peaks at 0.3 * 128^-0.5 * 200^-0.5 = 0.001875 at
# step 199 and then falls as 1/sqrt(step); inverse_sqrt(timescale=200) times that peak starts at it and falls
# the same way, 1/sqrt(1 + step/200), so the two differ only in the warmup.
warmup=(--schedule "noam(d_model=128, warmup_steps=200, factor=0.3)")
none=(--schedule "inverse_sqrt(timescale=200)" --optimizer.lr 0.001875)
common=(--minutes 0 --training.steps "$steps" --training.eval_interval 100 --training.checkpoint_interval "$steps"
        --evaluation.bleu_sentences 150 --evaluation.samples 2)

mkdir -p "$out"
for norm in post pre; do
  for kind in warmup none; do
    run="$out/$norm-ln-$kind"
    if [ -e "$run/config.json" ]; then
      echo "$run exists; skipped"
      continue
    fi
    schedule="$kind[@]"
    ramp demo --run "$run" --model.norm "$norm" "${!schedule}" "${common[@]}" | grep -E "^(run|step [0-9]+  val|demo:)"
  done
done
ramp report "$out"/post-ln-warmup "$out"/post-ln-none "$out"/pre-ln-warmup "$out"/pre-ln-none -o "$out/report.html"
