"""The hand-checked gold alignments of the literary pairs (`benchmarks/gold/literary/`).

`../shared/data/literary-pairs` holds four Maupassant stories with their 1903 English
translations and Poe's *The Purloined Letter* with Baudelaire's French, without gold.
Each JSON file here names one pair's files and gives, for each side, its sentences as
character offsets into the file and the gold links between them (`[i, j]:[k]`, 0-based
sentence numbers, source first): no text of the stories is copied.  `write_triples`
writes what `align eval` reads: one sentence per line (its whitespace runs as single
spaces) and the gold file.
"""

from __future__ import annotations

import json
from pathlib import Path

GOLD = Path(__file__).resolve().parent / "gold" / "literary"


def gold_files() -> list[Path]:
    return sorted(GOLD.glob("*.json"))


def sentences(text: str, spans: list[list[int]]) -> list[str]:
    return [" ".join(text[start:end].split()) for start, end in spans]


def write_triples(data: Path, out: Path) -> dict[str, Path]:
    """Write each pair under `out/<source language>/` as NAME.<lang> files and NAME.gold;
    return the folders by source language (`fr`: the French originals, `en`: Poe)."""
    folders: dict[str, Path] = {}
    for path in gold_files():
        gold = json.loads(path.read_text(encoding="utf-8"))
        source_lang = gold["source"].rsplit(".", 2)[-2]
        translation_lang = gold["translation"].rsplit(".", 2)[-2]
        folder = folders.setdefault(source_lang, out / source_lang)
        folder.mkdir(parents=True, exist_ok=True)
        for side, lang in (("source", source_lang), ("translation", translation_lang)):
            text = (data / gold[side]).read_text(encoding="utf-8")
            lines = sentences(text, gold[f"{side}_sentences"])
            (folder / f"{path.stem}.{lang}").write_text("\n".join(lines) + "\n",
                                                        encoding="utf-8")
        (folder / f"{path.stem}.gold").write_text("\n".join(gold["links"]) + "\n",
                                                  encoding="utf-8")
    return folders
