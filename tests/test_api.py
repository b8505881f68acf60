"""The Python API as the docs present it: what `align` exports, checks of one's own, and
the same results from Python as from the command line."""

from __future__ import annotations

import types
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

import align
from align.record import Finding

# A sentence whose translation is left out ("Il faisait très froid ce jour-là.") joins its
# neighbour in a 2-1 link: a link the run measures by the sum of its sentences' vectors.
FRENCH = ("Le 3 mars 2021, Marie est arrivée à Lyon avec 25 valises.\n\n"
          "Elle n'avait pas faim. Son frère Paul l'attendait à la gare depuis deux heures.\n"
          "Il faisait très froid ce jour-là. Ils sont rentrés à pied.\n")
# A translation with a changed number, a reversed negation and a swapped name too.
ENGLISH = ("On March 3, 2021, Marie arrived in Lyon with 35 suitcases.\n\n"
           "She was hungry. Her brother Peter had been waiting for her at the station for "
           "two hours.\nThey walked home.\n")


def test_the_documented_api_is_exported():
    for name in ("align_files", "align_texts", "align_sides", "check", "check_strings", "load",
                 "write"):
        assert callable(getattr(align, name)), name
    assert set(align.__all__) >= {"check_strings", "align_sides"}


def _exclaiming_check() -> types.ModuleType:
    """A check of a project's own, as docs/checks.md "Adding a check" describes one."""
    module = types.ModuleType("exclaiming")
    module.KINDS = ("exclamation",)

    def run(ctx):
        return [(i, Finding("exclamation", "minor", "the translation exclaims", []))
                for i, source, translation in ctx.paired()
                if "!" in translation.text and "!" not in source.text]

    module.run = run
    return module


def test_a_check_of_ones_own_is_counted_ignored_and_gated_like_the_built_in_ones(
        monkeypatch, default_encoder):
    from align import checks
    from align.checks.pairs import pairs_alignment

    monkeypatch.setattr(checks, "CHECKS", (*checks.CHECKS, _exclaiming_check()))
    pairs = [("Il est parti.", "He left!"), ("Elle est restée.", "She stayed.")]
    record = checks.check_alignment(pairs_alignment(pairs), default_encoder)
    assert [f.kind for f in record.links[0].findings if f.kind == "exclamation"] == [
        "exclamation"]
    assert checks.summarise(record)["by_kind"]["exclamation"] == 1
    assert checks.fails(record, "exclamation") and not checks.fails(record, "number")
    quiet = checks.check_alignment(pairs_alignment(pairs), default_encoder,
                                   ignore=["exclamation"])
    assert not [f for l in quiet.links for f in l.findings if f.kind == "exclamation"]


def test_a_saved_alignment_checked_from_python_finds_what_the_run_found(tmp_path,
                                                                         default_encoder):
    from align.checks import check_alignment

    run = align.align_texts(FRENCH, ENGLISH)
    assert any(len(l.source) > 1 for l in run.links)  # the joined link the test is about
    saved = tmp_path / "run.json"
    align.write(run, saved)

    def said(record):
        return [(l.source, l.translation, l.divergence, sorted(f.kind for f in l.findings))
                for l in record.links]

    # The function docs/checks.md names measures the links as the run did (the sum of a
    # joined link's sentence vectors, not the joined text embedded again), as align.check.
    assert said(check_alignment(align.load(saved), default_encoder)) == said(run)
    assert said(align.check(align.load(saved))) == said(run)


def test_a_record_of_pairs_checked_from_python_takes_that_checks_signature(tmp_path):
    from align.checks.pairs import read_pairs

    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("Bonjour.\tHello.\nMerci beaucoup.\tThank you very much.\n", "utf-8")
    record = align.check(read_pairs(pairs))
    # As `align check --pairs` writes it: what checked the pairs, since nothing else made
    # their links.
    assert record.signature["input"] == "pairs"
    assert record.signature["model"]["id"] and record.signature["version"] == align.__version__


def test_a_glossary_file_may_be_given_by_its_path(tmp_path, default_encoder):
    from align.checks import check_alignment
    from align.checks.pairs import pairs_alignment

    terms = tmp_path / "terms.tsv"
    terms.write_text("syndicat\tunion\n", "utf-8")
    pairs = [("Le syndicat a voté la grève.", "The trade association voted to strike.")]
    record = check_alignment(pairs_alignment(pairs, languages=("fr", "en")), default_encoder,
                             glossary=str(terms))
    assert [f.kind for f in record.links[0].findings if f.kind == "glossary"] == ["glossary"]


def test_threads_sharing_the_encoder_take_turns(default_encoder):
    texts = [f"Phrase numéro {k} : le train part à {k} heures." for k in range(40)]
    alone = default_encoder.encode(texts)
    with ThreadPoolExecutor(4) as pool:
        together = list(pool.map(default_encoder.encode, [texts] * 4))
    for vectors in together:
        assert np.allclose(vectors, alone, atol=1e-5)


if __name__ == "__main__":  # pragma: no cover
    pytest.main([__file__])


def test_a_missing_passage_is_named_even_where_the_aligner_joins_its_end_to_a_link(tmp_path):
    """The English letter without its paragraphs 5-9 (the French sentences 7-15, checked
    by hand against the full alignment, each of which is one of its links).  The aligner
    leaves four of them unaligned and joins the rest to the link after the gap; the checks
    find those to have no counterpart, and the warning names the whole run."""
    import re
    from pathlib import Path

    letter = Path(__file__).resolve().parents[1] / "texts" / "serge-nin-1936"
    paragraphs = (letter / "en.txt").read_text(encoding="utf-8").split("\n\n")
    assert len(paragraphs) == 10
    cut = tmp_path / "en-cut.txt"
    cut.write_text("\n\n".join(paragraphs[:4] + paragraphs[9:]), encoding="utf-8")
    record = align.align_files(letter / "fr-retranslation.txt", cut)
    runs = [tuple(map(int, m.groups())) for w in record.warnings
            if (m := re.match(r"source sentences (\d+)–(\d+) .* no counterpart", w))]
    assert len(runs) == 1, record.warnings
    [(first, last)] = runs
    assert 7 <= first and last <= 15 and last - first + 1 >= 5
