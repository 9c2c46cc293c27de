#!/usr/bin/env bash
# Ramp against PyTorch 1.13 on the same training step, in one run: configurations (a) encoder-decoder 3+3,
# d_model 256, batch 32 x 32 tokens a side, and (b) decoder-only 6 layers, d_model 128, 32 x 64 tokens
# (bench/vs_pytorch.py and bench/Ramp.Benchmarks/Training/TrainingStepSetup.cs define both the same way).
# Each side runs WARMUP steps, then STEPS timed steps, and reports the median. PyTorch is given its best
# setting: single-threaded OpenBLAS (OPENBLAS_NUM_THREADS=1, so BLAS threads do not fight torch's), torch
# threads 1 and 2 both measured and the faster kept. Ramp runs with its defaults (all cores).
# The machine is shared, so the whole set runs ROUNDS times (PyTorch and Ramp alternating within a round,
# so that both sample the same stretches of load) and each setting keeps its best median.
# Prints per configuration ms per step, tokens per second and peak resident memory of both, and as the last
# line "speedup: X.XX", the smaller of Ramp's two speed ratios (PyTorch ms / Ramp ms).
# Usage (repository root): bench/vs-pytorch.sh   Environment: STEPS (default 20), WARMUP (default 5), ROUNDS (default 2)
set -euo pipefail
cd "$(dirname "$0")/.."
steps=${STEPS:-20}
warmup=${WARMUP:-5}
rounds=${ROUNDS:-2}
python=/usr/bin/python3

dotnet build bench/Ramp.Benchmarks -c Release -nologo -v quiet > /dev/null
ramp="bench/Ramp.Benchmarks/bin/Release/net10.0/Ramp.Benchmarks.dll"
results=$(mktemp)
trap 'rm -f "$results"' EXIT

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $rounds rounds of $steps timed steps after $warmup warm-up steps"
for _ in $(seq "$rounds"); do
  for config in a b; do
    for threads in 1 2; do
      OPENBLAS_NUM_THREADS=1 "$python" bench/vs_pytorch.py --config "$config" --threads "$threads" --steps "$steps" --warmup "$warmup" | tee -a "$results"
    done
    dotnet "$ramp" train-step --config "$config" --steps "$steps" --warmup "$warmup" | tee -a "$results"
  done
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

awk '
  function field(name,   i, pair) { for (i = 1; i <= NF; i++) { split($i, pair, "="); if (pair[1] == name) return pair[2] } }
  $1 == "pytorch" { c = field("config"); ms = field("ms_per_step") + 0
                    if (!(c in torch) || ms < torch[c]) { torch[c] = ms; torchThreads[c] = field("threads"); torchTokens[c] = field("tokens_per_second"); torchPeak[c] = field("peak_rss_mb") } }
  $1 == "ramp"    { c = field("config"); ms = field("ms_per_step") + 0
                    if (!(c in ramp) || ms < ramp[c]) { ramp[c] = ms; rampThreads[c] = field("threads"); rampTokens[c] = field("tokens_per_second"); rampPeak[c] = field("peak_rss_mb") } }
  END {
    print ""
    printf "%-7s %-26s %12s %14s %14s\n", "config", "", "ms/step", "tokens/s", "peak RSS MB"
    speedup = -1
    for (c = 97; c <= 98; c++) {
      k = sprintf("%c", c)
      printf "%-7s %-26s %12.1f %14d %14d\n", k, "PyTorch (torch threads " torchThreads[k] ")", torch[k], torchTokens[k], torchPeak[k]
      printf "%-7s %-26s %12.1f %14d %14d\n", k, "Ramp (threads " rampThreads[k] ")", ramp[k], rampTokens[k], rampPeak[k]
      ratio = torch[k] / ramp[k]
      printf "%-7s %-26s %12.2f\n", k, "Ramp speed / PyTorch", ratio
      if (speedup < 0 || ratio < speedup) speedup = ratio
    }
    printf "speedup: %.2f\n", speedup
  }' "$results"
