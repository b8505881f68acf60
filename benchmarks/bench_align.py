"""Alignment benchmarks: accuracy on the dev gold, speed against the embedding floor,
and the search alone at 20,000 × 20,000 sentences.

    python benchmarks/bench_align.py              # everything
    python benchmarks/bench_align.py accuracy     # or: literary, baselines, short, speed, scale

Accuracy and speed read ../shared/data (skipped when absent).  Figures are printed;
ratios are measured in one run because these machines are noisy.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"


DEV_SETS = (
    ("Text+Berg dev de→fr", "textberg-de-fr-dev", False),
    ("TransRead dev en→fr", "transread-en-fr-dev", False),
    ("TransRead dev fr→en", "transread-en-fr-dev", True),
)


def accuracy() -> None:
    from align.encoders import auto_backend
    from align.evaluate import evaluate_paths

    if not DATA.is_dir():
        print("accuracy: skipped (../shared/data not found)")
        return
    default = auto_backend()
    backends = ("fp32", "openvino", "int8")
    # Every backend on every set, once: the default's run is one of them.
    runs = {(name, b): evaluate_paths([DATA / folder], backend=b, reverse=reverse)
            for name, folder, reverse in DEV_SETS for b in dict.fromkeys((default, *backends))}
    print(f"## Accuracy (default model and settings, --split lines; backend {default})")
    print(f"{'set':<34} {'strict P':>8} {'R':>6} {'F1':>6}   {'lax P':>6} {'R':>6} {'F1':>6}")
    for name, _, _ in DEV_SETS:
        t = runs[name, default]["total"]
        print(f"{name:<34} {t['strict_precision']:8.3f} {t['strict_recall']:6.3f} "
              f"{t['strict_f1']:6.3f}   {t['lax_precision']:6.3f} {t['lax_recall']:6.3f} "
              f"{t['lax_f1']:6.3f}")
    print()
    print(f"## Each backend against plain float32 (strict F1; auto is {default} here)")
    for name, _, _ in DEV_SETS:
        f1 = {b: runs[name, b]["total"]["strict_f1"] for b in backends}
        # How many of fp32's links each backend does not predict: F1 moves by whole links.
        links = {b: {(d["name"], json.dumps(link)) for d in runs[name, b]["documents"]
                     for link in d["links"]} for b in backends}
        print(f"{name:<24} fp32 {f1['fp32']:.3f} ({len(links['fp32'])} links)   "
              + "   ".join(f"{b} {f1[b]:.3f} ({f1[b] - f1['fp32']:+.3f}; "
                         f"{len(links['fp32'] - links[b])} links differ)"
                         for b in backends[1:]))
    print()


def literary() -> None:
    """The literary pairs (French-original stories aligned French→English, and Poe
    English→French) against their hand-checked gold (`benchmarks/gold/literary/`)."""
    from align.evaluate import evaluate_paths, find_eval_pairs

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from literary import write_triples

    try:
        import galechurch
    except ImportError:  # the baseline line is left out
        galechurch = None

    pairs = DATA / "literary-pairs"
    if not pairs.is_dir():
        print("literary: skipped (../shared/data/literary-pairs not found)")
        return
    print("## Literary pairs against the hand-checked gold (default model and settings)")
    with tempfile.TemporaryDirectory() as tmp:
        folders = write_triples(pairs, Path(tmp))
        for lang, reverse, label in (("fr", False, "Maupassant fr→en (the originals first)"),
                                     ("fr", True, "Maupassant en→fr (--reverse)"),
                                     ("en", False, "Poe en→fr")):
            result = evaluate_paths([folders[lang]], source_ext=lang, reverse=reverse)
            for doc in result["documents"]:
                print(f"  {doc['name']:<32} strict F1 {doc['strict_f1']:.3f}   "
                      f"lax F1 {doc['lax_f1']:.3f}")
            t = result["total"]
            print(f"{label:<40} strict P {t['strict_precision']:.3f} R "
                  f"{t['strict_recall']:.3f} F1 {t['strict_f1']:.3f}   lax F1 {t['lax_f1']:.3f}")
            if galechurch is not None:
                gc = gale_church(galechurch, find_eval_pairs(folders[lang], source_ext=lang),
                                 reverse)
                print(f"{'':<40} Gale-Church (lengths only) strict F1 {gc['strict_f1']:.3f}   "
                      f"lax F1 {gc['lax_f1']:.3f}")
    print()


def gale_church(galechurch: Any, pairs: list[Any], reverse: bool) -> dict[str, Any]:
    """Gale and Church's alignment of each pre-split pair, scored as `align eval` scores."""
    from align.evaluate import Score, _read_lines, parse_links

    total = Score()
    for pair in pairs:
        # One sentence per line, read as `align eval` reads them.
        source, translation = ([s.text for s in _read_lines(path).sentences]
                               for path in (pair.source, pair.translation))
        gold = parse_links(pair.gold.read_text(encoding="utf-8"), str(pair.gold))
        if reverse:
            source, translation = translation, source
            gold = [(t, s) for s, t in gold]
        found = galechurch.align(source, translation).to_pharaoh_lines()
        total.add(gold, parse_links("\n".join(found)))
    return total.as_dict()


def baselines() -> None:
    """Gale and Church's length-based aligner (the `galechurch` package, a port of their
    `align` program with its published parameters), the model at the core of hunalign,
    and so of LF Aligner, when they are given no dictionary: against the default, on the
    same dev sets, with the same scorer, in one run."""
    from align.evaluate import evaluate_paths, find_eval_pairs

    if not DATA.is_dir():
        print("baselines: skipped (../shared/data not found)")
        return
    try:
        import galechurch
    except ImportError:
        print("baselines: skipped (pip install galechurch)")
        return
    print("## Gale-Church (lengths only) against the default: strict / lax F1")
    for name, folder, reverse in DEV_SETS:
        started = time.perf_counter()
        gc = gale_church(galechurch, find_eval_pairs(DATA / folder), reverse)
        gc_seconds = time.perf_counter() - started
        started = time.perf_counter()
        ours = evaluate_paths([DATA / folder], reverse=reverse)["total"]
        ours_seconds = time.perf_counter() - started
        print(f"{name:<22} Gale-Church {gc['strict_f1']:.3f} / {gc['lax_f1']:.3f} "
              f"({gc_seconds:.2f} s)   align {ours['strict_f1']:.3f} / {ours['lax_f1']:.3f} "
              f"({ours_seconds:.1f} s, sentence vectors from the cache when there)")
    print()


def _speed_pair(folder: Path, lines: int | None = None) -> tuple[Path, Path, int, int]:
    """One long parallel pair from every dev text: pre-split gold texts and the
    literary pairs (one paragraph per line), French on one side; the first `lines`
    lines of each side when given."""
    src_lines: list[str] = []
    tgt_lines: list[str] = []
    for gold_dir, src_ext, tgt_ext in (("transread-en-fr-dev", ".fr", ".en"),
                                       ("textberg-de-fr-dev", ".fr", ".de")):
        for src in sorted((DATA / gold_dir).glob(f"*{src_ext}")):
            tgt = src.with_suffix(tgt_ext)
            src_lines += src.read_text(encoding="utf-8").splitlines()
            tgt_lines += tgt.read_text(encoding="utf-8").splitlines()
    literary = DATA / "literary-pairs"
    for fr in sorted(literary.glob("*.fr.txt")):
        stem = fr.name.split(".fr.txt")[0]
        en = next(literary.glob(stem.split("_")[0] + "_*.en.txt"), None)
        if stem.startswith("poe"):
            en = literary / "poe_the_purloined_letter.en.txt"
        elif en is not None:
            en = literary / (stem + ".en.txt")
        if en is None or not en.exists():
            continue
        src_lines += [p for p in fr.read_text(encoding="utf-8").splitlines() if p.strip()]
        tgt_lines += [" ".join(p.split("\n")) for p in
                      en.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    if lines is not None:
        src_lines, tgt_lines = src_lines[:lines], tgt_lines[:lines]
    src_path, tgt_path = folder / "pair.fr.txt", folder / "pair.xx.txt"
    src_path.write_text("\n".join(src_lines) + "\n", encoding="utf-8")
    tgt_path.write_text("\n".join(tgt_lines) + "\n", encoding="utf-8")
    return src_path, tgt_path, len(src_lines), len(tgt_lines)


def speed() -> None:
    if not DATA.is_dir():
        print("speed: skipped (../shared/data not found)")
        return
    print("## Speed: `align run --no-cache` end to end against the embedding floor")
    # The whole development pair, then its first 1,650 lines a side (about 4,000
    # sentences), where the fixed costs (start-up, model load) weigh more.
    for lines in (None, 1650):
        _speed_once(lines)


def _speed_once(lines: int | None) -> None:
    from align.pipeline import load_encoder
    from align.segment import segment

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        src, tgt, _, _ = _speed_pair(folder, lines)
        sentences = [s.text for p in (src, tgt)
                     for s in segment(p.read_text(encoding="utf-8")).sentences]
        encoder = load_encoder()
        encoder.encode(sentences[:64])  # warm up threads and kernels
        started = time.perf_counter()
        encoder.encode(sentences)
        floor = time.perf_counter() - started

        runs = {}
        for label, extra in (
            ("align run --no-cache --no-check", ["--no-cache", "--no-check"]),
            ("align run --no-cache (with the checks)", ["--no-cache"]),
            # A re-run on unchanged texts, as a project's CI makes: the first run fills
            # the embedding and token vector caches (untimed), the second is timed.
            ("align run, caches warm (with the checks)", None),
        ):
            out = folder / "out.json"
            command = [sys.executable, "-m", "align", "run", str(src), str(tgt),
                       "-o", str(out), "--quiet", "--force", *(extra or [])]
            if extra is None:
                subprocess.run(command, check=True)
            started = time.perf_counter()
            subprocess.run(command, check=True)
            elapsed = time.perf_counter() - started
            record = json.loads(out.read_text(encoding="utf-8"))
            # The record cannot time its own writing: write it again, in process.
            from align.pipeline import load, write

            loaded = load(out)
            clock = time.perf_counter()
            write(loaded, folder / "again.json", force=True)
            runs[label] = (elapsed, record["timings"], time.perf_counter() - clock)
        n_src = len(record["source"]["sentences"])
        n_tgt = len(record["translation"]["sentences"])
    chars = sum(len(s) for s in sentences)
    print(f"pair: {n_src} + {n_tgt} = {n_src + n_tgt} sentences, {chars:,} characters")
    print(f"floor (each sentence embedded once, same encoder, in-process): {floor:.1f} s "
          f"({len(sentences) / floor:.0f} sentences/s, {chars / floor:,.0f} chars/s)")
    for label, (total, timings, writing) in runs.items():
        print(f"{label}, whole process: {total:.1f} s = {total / floor:.2f} × floor")
        rest = total - sum(timings.values())
        print("   stages: " + ", ".join(f"{k} {v:.2f} s" for k, v in timings.items())
              + f"; writing the JSON record {writing:.2f} s (timed again in process); "
              f"the rest, with interpreter start-up, imports and writing, {rest:.2f} s")
    print()


SCALE_CHILD = r"""
import sys, time
import numpy as np
from align.aligner import align_sentences, AlignSettings


def peak_mib():
    # This process's own high-water mark: ru_maxrss would carry over the parent's
    # peak through fork, which a parent that embedded text first has large.
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024


n = m = int(sys.argv[1]); d = 64
rng = np.random.default_rng(0)
src = rng.normal(size=(n, d)).astype(np.float32)
src /= np.linalg.norm(src, axis=1, keepdims=True)
# A structured translation: each target is its source plus noise, with some
# sentences merged, dropped and inserted so that every link type occurs.
tgt = src + rng.normal(scale=0.4, size=src.shape).astype(np.float32)
for k in range(0, n - 1, 97):
    tgt[k] = tgt[k] + tgt[k + 1]
tgt = np.delete(tgt, np.arange(1, n - 1, 97), axis=0)
tgt = np.insert(tgt, np.arange(5, len(tgt), 211), rng.normal(size=(1, d)), axis=0)
tgt /= np.linalg.norm(tgt, axis=1, keepdims=True)
src_len = rng.integers(20, 200, size=n); tgt_len = rng.integers(20, 200, size=len(tgt))
align_sentences(src[:200], tgt[:200], src_len[:200], tgt_len[:200])  # compile kernels
base = peak_mib()
started = time.perf_counter()
result = align_sentences(src, tgt, src_len, tgt_len)
elapsed = time.perf_counter() - started
peak = peak_mib()
print(f"{n} x {len(tgt)}: {elapsed:.2f} s, {len(result.links)} links, "
      f"peak RSS {peak:.0f} MiB (before the search {base:.0f} MiB)")
"""


def scale() -> None:
    print("## Search alone on synthetic structured embeddings (coarse-to-fine band)")
    for n in (5_000, 10_000, 20_000):
        subprocess.run([sys.executable, "-c", SCALE_CHILD, str(n)], check=True)
    print()


def _short_windows(links: list[Any], size: int) -> list[tuple[list[Any], list[int], list[int]]]:
    """Consecutive runs of `size` gold links whose sentences no other link touches, with the
    source and translation lines they span (a line of no link inside is kept: the gold
    leaves it unaligned)."""
    windows = []
    for start in range(0, len(links) - size + 1, size):
        window = links[start:start + size]
        src = [i for link in window for i in link[0]]
        tgt = [j for link in window for j in link[1]]
        if not src or not tgt:
            continue
        src_span = set(range(min(src), max(src) + 1))
        tgt_span = set(range(min(tgt), max(tgt) + 1))
        others = links[:start] + links[start + size:]
        if any(src_span.intersection(a) or tgt_span.intersection(b) for a, b in others):
            continue
        windows.append((window, sorted(src_span), sorted(tgt_span)))
    return windows


def short() -> None:
    """Short texts, as a translator aligns a letter or a page: runs of 3, 6 and 12
    consecutive gold links cut from the development documents, each aligned as a text of
    its own (at most 40 per document and size), scored against its piece of the gold."""
    import align
    from align.evaluate import Score, parse_links

    if not DATA.is_dir():
        print("short: skipped (../shared/data not found)")
        return
    sets = (("Text+Berg dev de→fr", "textberg-de-fr-dev", ".de", ".fr", 200),
            ("TransRead dev en→fr", "transread-en-fr-dev", ".en", ".fr", 40))
    print("## Short texts cut from the dev gold (each piece aligned on its own, --split lines)")
    for name, folder, source_ext, target_ext, most in sets:
        for size in (3, 6, 12):
            scored, pieces = Score(), 0
            for gold in sorted(p for p in (DATA / folder).iterdir()
                               if p.suffix not in (source_ext, target_ext, "")):
                stem = gold.with_suffix("")
                source = stem.with_suffix(source_ext).read_text("utf-8").split("\n")
                target = stem.with_suffix(target_ext).read_text("utf-8").split("\n")
                links = sorted(parse_links(gold.read_text("utf-8")),
                               key=lambda link: min(link[0] or link[1]))
                for window, src, tgt in _short_windows(links, size)[:most]:
                    record = align.align_texts("\n".join(source[i] for i in src),
                                               "\n".join(target[j] for j in tgt),
                                               split="lines", check=False)
                    piece_gold = [(tuple(i - src[0] for i in a), tuple(j - tgt[0] for j in b))
                                  for a, b in window]
                    scored.add(piece_gold, [(tuple(link.source), tuple(link.translation))
                                            for link in record.links])
                    pieces += 1
            total = scored.as_dict()
            print(f"{name:<22} {size:>2} links  {pieces:>4} pieces   strict F1 "
                  f"{total['strict_f1']:.3f}   lax F1 {total['lax_f1']:.3f}")
    print()


MODES = ("accuracy", "literary", "baselines", "short", "speed", "scale")


def main() -> None:
    parser = argparse.ArgumentParser(description=" ".join(__doc__.split("\n\n")[0].split()))
    parser.add_argument("modes", nargs="*", metavar="MODE",
                        help=f"what to measure: {', '.join(MODES)} (default: all)")
    args = parser.parse_args()
    unknown = [mode for mode in args.modes if mode not in MODES]
    if unknown:
        parser.error(f"unknown mode {', '.join(map(repr, unknown))}: choose from "
                     f"{', '.join(MODES)}")
    wanted = set(args.modes) or set(MODES)
    if "accuracy" in wanted:
        accuracy()
    if "literary" in wanted:
        literary()
    if "baselines" in wanted:
        baselines()
    if "short" in wanted:
        short()
    if "speed" in wanted:
        speed()
    if "scale" in wanted:
        scale()
    print(f"(peak RSS of this process: "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB)")


if __name__ == "__main__":
    main()
