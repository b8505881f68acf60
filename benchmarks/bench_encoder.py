"""Speed and agreement of the default encoder against plain float32 sentence-transformers.

    python benchmarks/bench_encoder.py [--sentences 400] [--repeats 2]

Embeds real English and French sentences (TransRead, from ../shared/data) with

* ``st-fp32``: ``SentenceTransformer(folder).encode(texts, batch_size=32)``, the baseline;
* ``align-fp32``: ``load_encoder(backend="fp32")`` (PyTorch float32, length-sorted batches);
* ``align-openvino``: ``load_encoder(backend="openvino")`` (bfloat16 where the CPU has it);
* ``align-int8``: ``load_encoder(backend="int8")`` (OpenVINO, quantised with NNCF);

the default (``auto``) is one of the last two, named in the output;

and prints sentences/s and characters/s for each (best of `--repeats` runs,
interleaved so that a busy machine slows every backend alike), the CPU time per
sentence (less sensitive to other processes than wall time), the speed ratios to
the baseline, and the cosine between each backend's vectors and the baseline's.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "transread-en-fr-dev"
sys.path.insert(0, str(REPO))


def load_sentences(count: int) -> list[str]:
    texts = [
        line
        for path in sorted(DATA.glob("*.en")) + sorted(DATA.glob("*.fr"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    random.Random(0).shuffle(texts)
    return texts[:count]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=400)
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA} is absent")
        return

    from sentence_transformers import SentenceTransformer

    from align.encoders import auto_backend, load_encoder
    from align.models import ensure_default_model, quiet_libraries

    texts = load_sentences(args.sentences)
    chars = sum(len(t) for t in texts)
    folder = ensure_default_model(status=print)
    with quiet_libraries():
        baseline = SentenceTransformer(str(folder), device="cpu")
    fp32 = load_encoder(backend="fp32")
    openvino = load_encoder(backend="openvino")
    int8 = load_encoder(backend="int8")
    default = auto_backend()
    runs: dict[str, Callable[[list[str]], np.ndarray]] = {
        "st-fp32": lambda batch: baseline.encode(batch, batch_size=32),
        "align-fp32": lambda batch: fp32.encode(batch),
    }
    for name, encoder in (("openvino", openvino), ("int8", int8)):
        label = f"align-{name} ({encoder.signature['backend']})" + " *" * (name == default)
        runs[label] = encoder.encode
    wall = dict.fromkeys(runs, float("inf"))
    cpu = dict.fromkeys(runs, float("inf"))
    vectors: dict[str, np.ndarray] = {}
    for run in runs.values():  # warm-up: first calls pick kernels and fill caches
        run(texts[:64])
    for _ in range(args.repeats):
        for name, run in runs.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            vectors[name] = np.asarray(run(texts), dtype=np.float32)
            wall[name] = min(wall[name], time.perf_counter() - start)
            cpu[name] = min(cpu[name], time.process_time() - start_cpu)

    print(f"{len(texts)} sentences, {chars} characters (mean {chars / len(texts):.0f})")
    print(f"{'backend':36} {'sent/s':>8} {'chars/s':>9} {'cpu ms/sent':>12} {'x wall':>7} "
          f"{'x cpu':>6} {'cos mean':>9} {'cos min':>8}")  # fmt: skip
    reference = vectors["st-fp32"]
    for name in runs:
        cosines = (vectors[name] * reference).sum(axis=1)
        print(
            f"{name:36} {len(texts) / wall[name]:8.1f} {chars / wall[name]:9.0f} "
            f"{1000 * cpu[name] / len(texts):12.1f} {wall['st-fp32'] / wall[name]:7.2f} "
            f"{cpu['st-fp32'] / cpu[name]:6.2f} {cosines.mean():9.6f} {cosines.min():8.6f}"
        )
    print(f"* the default here (--backend auto = {default})")


if __name__ == "__main__":
    main()
