# Generates reduce_lr_on_plateau.json: PyTorch's ReduceLROnPlateau on seeded random metric streams, for
# Ramp's torch.ReduceLROnPlateau tests. Run with PyTorch installed: python3 reduce_lr_on_plateau.py
# Harness A, as PyTorch's own tests: after update k, scheduler.step(metric[k]), then read the lrs,
# so lrs[k] is the rate of update k + 1 (Ramp's Rate(k + 1)).
import json
import random

import torch

CONFIGS = [
    dict(mode="min", factor=0.5, patience=2, threshold=1e-4, threshold_mode="rel", cooldown=0, min_lr=0.0, eps=1e-8),
    dict(mode="min", factor=0.1, patience=0, threshold=0.0, threshold_mode="abs", cooldown=0, min_lr=0.0, eps=1e-8),
    dict(mode="max", factor=0.3, patience=3, threshold=0.05, threshold_mode="rel", cooldown=2, min_lr=[1e-3, 2e-2], eps=1e-8),
    dict(mode="max", factor=0.7, patience=1, threshold=0.01, threshold_mode="abs", cooldown=3, min_lr=1e-4, eps=1e-3),
    dict(mode="min", factor=0.2, patience=4, threshold=0.1, threshold_mode="rel", cooldown=1, min_lr=[0.0, 0.1], eps=0.0),
]
BASE_LRS = [0.05, 0.5]
STEPS = 80


def metrics(seed):
    rng = random.Random(seed)
    value = 10.0
    stream = []
    for _ in range(STEPS):
        # A noisy walk that improves, stalls and worsens in turns, so every branch of the rule is taken.
        phase = rng.random()
        value += rng.gauss(-0.3 if phase < 0.4 else (0.0 if phase < 0.8 else 0.4), 0.2)
        stream.append(round(value, 6))
    return stream


def run(config, stream):
    weights = [torch.nn.Parameter(torch.zeros(1)), torch.nn.Parameter(torch.zeros(1))]
    optimizer = torch.optim.SGD([{"params": [weights[0]], "lr": BASE_LRS[0]}, {"params": [weights[1]], "lr": BASE_LRS[1]}], lr=BASE_LRS[0])
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, **config)
    lrs = []
    for value in stream:
        optimizer.step()
        scheduler.step(value)
        lrs.append([group["lr"] for group in optimizer.param_groups])
    return lrs


cases = []
for index, config in enumerate(CONFIGS):
    stream = metrics(1000 + index)
    cases.append({"config": config, "metrics": stream, "lrs": run(config, stream)})

with open("reduce_lr_on_plateau.json", "w") as out:
    json.dump({"source": f"torch.optim.lr_scheduler.ReduceLROnPlateau, PyTorch {torch.__version__}", "base_lrs": BASE_LRS, "cases": cases}, out, indent=1)
