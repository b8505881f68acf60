"""Peak memory and wall time of `align run` on novel-sized pairs (1, 5 and 10 MB).

    python benchmarks/bench_large.py                 # 1, 5 and 10 MB
    python benchmarks/bench_large.py 1 5             # only these sizes (MB)
    python benchmarks/bench_large.py --check 1       # keep the checks (default: --no-check)
    python benchmarks/bench_large.py --keep DIR 1    # keep the pair and the outputs in DIR

Each pair is built from the literary pairs in ../shared/data (French original,
English translation) repeated until the French side reaches the size asked for.
Every copy is varied: its number is written before each sentence's final
punctuation on both sides, so that no sentence repeats and every one of them is
embedded (``embed`` embeds each distinct string once).  Without the data a
generated pair is used instead.

Each size runs as its own ``python -m align run SRC TGT --no-cache -o out.json
-o out.html`` subprocess; its peak resident memory comes from ``os.wait4``
(``ru_maxrss`` of that child only), its wall time from the clock around it, and
the stage timings from the record's ``timings``.  ``--no-cache`` so that every
run pays for its embeddings (and the user's cache is not filled with
throw-away vectors).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LITERARY = ROOT.parent / "shared" / "data" / "literary-pairs"
MB = 1_000_000

#: French original → English translation, both one paragraph per line once read.
PAIRS = (
    ("maupassant_parure.fr.txt", "maupassant_parure.en.txt"),
    ("maupassant_ficelle.fr.txt", "maupassant_ficelle.en.txt"),
    ("maupassant_deuxamis.fr.txt", "maupassant_deuxamis.en.txt"),
    ("maupassant_clair2.fr.txt", "maupassant_clair2.en.txt"),
    ("poe_la_lettre_volee.fr.txt", "poe_the_purloined_letter.en.txt"),
)
#: The last character of a sentence: the copy number goes before it.
_SENTENCE_END = re.compile(r"([.!?])(?=\s|$)")


def _paragraphs(text: str) -> list[str]:
    """Paragraphs of either layout (one per line, or separated by blank lines)."""
    if "\n\n" in text:
        return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]
    return [line.strip() for line in text.splitlines() if line.strip()]


def _chapters() -> list[tuple[list[str], list[str]]]:
    if LITERARY.is_dir():
        chapters = []
        for fr, en in PAIRS:
            src = _paragraphs((LITERARY / fr).read_text(encoding="utf-8"))
            tgt = _paragraphs((LITERARY / en).read_text(encoding="utf-8"))
            chapters.append((src, tgt))
        return chapters
    # No data: a generated "novel" whose sentences differ by their numbers.
    src = [f"Le voyageur numéro {i} arriva à la gare. Il attendit longtemps sous la pluie."
           for i in range(200)]
    tgt = [f"Traveller number {i} reached the station. He waited a long time in the rain."
           for i in range(200)]
    return [(src, tgt)]


def build_pair(folder: Path, megabytes: float) -> tuple[Path, Path]:
    """Write ``src.fr.txt`` and ``tgt.en.txt``; the French side has about `megabytes` MB."""
    chapters = _chapters()
    target = int(megabytes * MB)
    src_path = folder / f"novel-{megabytes:g}mb.fr.txt"
    tgt_path = folder / f"novel-{megabytes:g}mb.en.txt"
    size = 0
    copy = 0
    with open(src_path, "w", encoding="utf-8") as src, open(tgt_path, "w", encoding="utf-8") as tgt:
        while size < target:
            fr, en = chapters[copy % len(chapters)]
            mark = f" {copy + 1}"
            src_text = f"Chapitre {copy + 1}\n\n" + "\n\n".join(
                _SENTENCE_END.sub(mark + r"\1", p) for p in fr) + "\n\n"
            tgt_text = f"Chapter {copy + 1}\n\n" + "\n\n".join(
                _SENTENCE_END.sub(mark + r"\1", p) for p in en) + "\n\n"
            src.write(src_text)
            tgt.write(tgt_text)
            size += len(src_text.encode("utf-8"))
            copy += 1
    return src_path, tgt_path


def run_one(src: Path, tgt: Path, out: Path, check: bool) -> dict:
    command = [sys.executable, "-m", "align", "run", str(src), str(tgt), "--no-cache",
               "--quiet", "--force", "-o", str(out / "out.json"), "-o", str(out / "out.html")]
    if not check:
        command.append("--no-check")
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"align run failed with exit code {process.returncode}: {command}")
    record = json.loads((out / "out.json").read_text(encoding="utf-8"))
    return {
        "command": " ".join(command[1:]),
        "src_mb": src.stat().st_size / MB,
        "tgt_mb": tgt.stat().st_size / MB,
        "src_sentences": len(record["source"]["sentences"]),
        "tgt_sentences": len(record["translation"]["sentences"]),
        "links": len(record["links"]),
        "peak_rss_mib": usage.ru_maxrss / 1024,  # kilobytes on Linux
        "wall_s": wall,
        "timings": record["timings"],
        "json_mb": (out / "out.json").stat().st_size / MB,
        "neighbourhood_mb": len(json.dumps(record["neighbourhood"])) / MB,
        "html_mb": (out / "out.html").stat().st_size / MB,
        "warnings": len(record["warnings"]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=float, default=[1, 5, 10],
                        help="sizes of the French side in MB")
    parser.add_argument("--check", action="store_true", help="run the checks too")
    parser.add_argument("--keep", type=Path, help="build the pairs and write outputs here")
    args = parser.parse_args()
    print(f"data: {'literary pairs, varied copies' if LITERARY.is_dir() else 'generated'}; "
          f"checks {'on' if args.check else 'off (--no-check)'}")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        base.mkdir(parents=True, exist_ok=True)
        for megabytes in args.sizes:
            folder = base / f"{megabytes:g}mb"
            folder.mkdir(exist_ok=True)
            src, tgt = build_pair(folder, megabytes)
            row = run_one(src, tgt, folder, args.check)
            rows.append(row)
            print(json.dumps(row), flush=True)
    print()
    print("| FR + EN size (MB) | sentences (FR + EN) | links | peak RSS (MiB) | wall (s) "
          "| stages (s) | JSON / of which neighbourhood / HTML (MB) |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        stages = ", ".join(f"{k} {v:.1f}" for k, v in r["timings"].items())
        print(f"| {r['src_mb']:.1f} + {r['tgt_mb']:.1f} | {r['src_sentences']:,} + "
              f"{r['tgt_sentences']:,} | {r['links']:,} | {r['peak_rss_mib']:,.0f} "
              f"| {r['wall_s']:.0f} | {stages} | {r['json_mb']:.1f} / "
              f"{r['neighbourhood_mb']:.1f} / {r['html_mb']:.1f} |")


if __name__ == "__main__":
    main()
