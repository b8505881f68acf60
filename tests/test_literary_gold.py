"""The hand-checked gold of the literary pairs (`benchmarks/gold/literary/`): that it fits
the texts it refers to, and that the default alignment stays close to it."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from align.evaluate import evaluate_paths, parse_links

_spec = importlib.util.spec_from_file_location(
    "literary", Path(__file__).resolve().parents[1] / "benchmarks" / "literary.py")
literary = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(literary)


def test_there_is_gold_for_the_five_pairs():
    assert [path.stem for path in literary.gold_files()] == [
        "maupassant_clair2", "maupassant_deuxamis", "maupassant_ficelle", "maupassant_parure",
        "poe_the_purloined_letter"]


@pytest.mark.parametrize("path", literary.gold_files(), ids=lambda path: path.stem)
def test_the_gold_fits_its_texts(shared_data, path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    counts = []
    for side in ("source", "translation"):
        text = (shared_data / "literary-pairs" / gold[side]).read_text(encoding="utf-8")
        spans = gold[f"{side}_sentences"]
        # Sentences in order, apart, each with words in it, and nothing with words between.
        ends = [0] + [end for _, end in spans]
        for (start, end), previous_end in zip(spans, ends, strict=False):
            assert previous_end <= start < end <= len(text)
            assert text[start:end].strip() == text[start:end] != ""
            between = text[previous_end:start]
            assert not any(c.isalnum() for c in between), (side, start, between)
        assert not any(c.isalnum() for c in text[spans[-1][1]:])
        counts.append(len(spans))
    links = parse_links("\n".join(gold["links"]), path.name, line_counts=tuple(counts),
                        files=(gold["source"], gold["translation"]))
    # Every sentence of each side in exactly one link, in order.
    for side, count in enumerate(counts):
        assert [n for link in links for n in link[side]] == list(range(count))


def test_the_french_originals_align_as_the_gold_says(shared_data, tmp_path):
    folders = literary.write_triples(shared_data / "literary-pairs", tmp_path)
    total = evaluate_paths([folders["fr"]], source_ext="fr")["total"]
    assert total["documents"] == 4
    assert total["strict_f1"] >= 0.95  # 0.972 when the gold was made
    assert total["lax_f1"] >= 0.99


def _whole_sentence_findings(record, side: str) -> dict[str, str]:
    """Sentence text → severity of the findings saying a whole sentence of `side`, joined
    in a link with others, has no counterpart."""
    reason = {"source": "source text with no counterpart",
              "translation": "translation text with no counterpart"}[side]
    return {span.text: finding.severity for link in record.links for finding in link.findings
            if finding.reason.startswith(reason) for span in finding.spans}


def test_a_sentence_the_translation_leaves_out_stays_a_major_omission(shared_data):
    # «Et elle pleurait pendant des jours entiers, …» has no English (the gold's [15]:[]);
    # the aligner joins it to its neighbour, and the check finds it whole.
    pairs = shared_data / "literary-pairs"
    import align

    record = align.align_files(pairs / "maupassant_parure.fr.txt",
                               pairs / "maupassant_parure.en.txt")
    found = _whole_sentence_findings(record, "source")
    assert [severity for text, severity in found.items()
            if text.startswith("Et elle pleurait pendant des jours entiers")] == ["major"]
