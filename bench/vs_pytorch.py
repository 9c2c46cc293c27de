#!/usr/bin/python3
"""The PyTorch half of bench/vs-pytorch.sh: times training steps of the model Ramp trains, in PyTorch 1.13.

The model is the mirror module of tools/fixtures/model.py (the one the parity tests compare Ramp with), built
in the configurations of bench/Ramp.Benchmarks/Training/TrainingStepSetup.cs:
  a  encoder-decoder 3+3 layers, d_model 256, 4 heads, d_ff 1024, vocabularies 8000 + 8000, batch 32 x 32
     tokens each side
  b  decoder-only 6 layers, d_model 128, 4 heads, d_ff 512, vocabularies 8000 + 8000, batch 32 rows of 64
     tokens (32 source + 32 target; loss on the target half)
Post-LN, ReLU, tied embeddings, sinusoidal positions, dropout 0.1 (sublayers, embeddings, attention
weights), label smoothing 0.1, AdamW (lr 1e-4, weight decay 0.01 on matrices and embeddings) after
clip_grad_norm_(1.0): one step is zero_grad, forward, backward, clip, step, as in Ramp.

Usage: OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/vs_pytorch.py --config a --threads 1 [--steps 20] [--warmup 5]
Prints one line: the median milliseconds per step, tokens per second at that median, peak resident memory.
"""
import argparse
import importlib.util
import os
import resource
import statistics
import time

import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("model", os.path.join(HERE, "..", "tools", "fixtures", "model.py"))
model_module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(model_module)

COMMON = dict(norm="post", activation="relu", tied=True, positions="sinusoidal", heads=4, dropout=0.1,
              attention_dropout=0.1, source_vocabulary=8000, target_vocabulary=8000, max_positions=512)
CONFIGS = {
    "a": dict(COMMON, architecture="encoder_decoder", encoder_layers=3, decoder_layers=3, d_model=256, d_ff=1024),
    "b": dict(COMMON, architecture="decoder_only", encoder_layers=0, decoder_layers=6, d_model=128, d_ff=512),
}
BATCH, SIDE = 32, 32


def make_batch(vocabulary, generator):
    """Ramp's Batch layout: source + EOS, BOS + target, target + EOS; every row full length (no padding)."""
    source = torch.randint(4, vocabulary, (BATCH, SIDE - 1), generator=generator)
    target = torch.randint(4, vocabulary, (BATCH, SIDE - 1), generator=generator)
    eos = torch.full((BATCH, 1), model_module.EOS)
    bos = torch.full((BATCH, 1), model_module.BOS)
    return {
        "source_ids": torch.cat([source, eos], 1),
        "decoder_input_ids": torch.cat([bos, target], 1),
        "decoder_output_ids": torch.cat([target, eos], 1),
        "source_lengths": torch.full((BATCH,), SIDE),
        "target_lengths": torch.full((BATCH,), SIDE),
    }


def initialize(model, channels):
    """Ramp's initialization (Models/TransformerInitialization.cs): Xavier uniform projections, normal(0,
    d_model^-1/2) embeddings with a zero padding row, zero biases, unit norm gains."""
    with torch.no_grad():
        for name, p in model.named_parameters():
            if "embed" in name:
                p.normal_(0, channels ** -0.5)
                p[model_module.PAD].zero_()
            elif name.endswith("bias"):
                p.zero_()
            elif "norm" in name:
                p.fill_(1)
            else:
                torch.nn.init.xavier_uniform_(p)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="a", choices=sorted(CONFIGS))
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=5)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)

    config = CONFIGS[args.config]
    model = (model_module.EncoderDecoder if config["architecture"] == "encoder_decoder" else model_module.DecoderOnly)(config)
    initialize(model, config["d_model"])
    model.train()
    named = list(model.named_parameters())
    groups = [{"params": [p for n, p in named if model_module.decays(n)], "weight_decay": 0.01},
              {"params": [p for n, p in named if not model_module.decays(n)], "weight_decay": 0.0}]
    optimizer = torch.optim.AdamW(groups, lr=1e-4)
    batch = make_batch(config["target_vocabulary"], torch.Generator().manual_seed(3))
    labels = batch["decoder_output_ids"].reshape(-1)
    tokens = batch["source_ids"].numel() + batch["decoder_input_ids"].numel()

    def step():
        optimizer.zero_grad(set_to_none=True)
        logits = model(batch)
        loss = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), labels,
                               ignore_index=model_module.PAD, label_smoothing=0.1)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        return float(loss)

    for _ in range(args.warmup):
        step()
    times = []
    for _ in range(args.steps):
        start = time.perf_counter()
        loss = step()
        times.append((time.perf_counter() - start) * 1000)
    median = statistics.median(times)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"pytorch config={args.config} threads={args.threads} steps={args.steps} ms_per_step={median:.1f} "
          f"min_ms={min(times):.1f} tokens_per_second={tokens * 1000 / median:.0f} peak_rss_mb={peak:.0f} loss={loss:.4f}")


if __name__ == "__main__":
    main()
