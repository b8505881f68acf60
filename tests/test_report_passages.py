"""The terminal report shows a passage left out or added as one block (no model needed)."""

from __future__ import annotations

from rich.console import Console

from align.checks import worst_first
from align.checks.pairs import pairs_alignment
from align.checks.report import passages, print_report
from align.record import Finding, Span


def _whole(record, side: str, k: int) -> Span:
    sentence = getattr(record, side).sentences[k]
    return Span(side, sentence.start, sentence.end, sentence.text)


def _record(pairs, findings):
    """A record of `pairs` with `findings`: {link: [(kind, severity)]}, each finding
    spanning its link's only sentence."""
    record = pairs_alignment(pairs)
    for i, found in findings.items():
        link = record.links[i]
        side, k = ("source", link.source[0]) if link.source else ("translation",
                                                                   link.translation[0])
        link.findings = [Finding(kind, severity, f"{kind} of link {i + 1}",
                                 [_whole(record, side, k)]) for kind, severity in found]
    return record


def _report(pairs, findings) -> str:
    """The printed report of `_record(pairs, findings)`."""
    record = _record(pairs, findings)
    console = Console(record=True, width=200, highlight=False)
    print_report(record, console)
    return console.export_text()


PAIRS = [("Un.", "One."), ("Deux.", ""), ("Trois.", ""), ("Quatre.", ""), ("Cinq.", ""),
         ("Six.", "Six."), ("", "Added one."), ("", "Added two."), ("Sept.", "Seven.")]


def test_consecutive_sentences_left_out_are_one_passage():
    text = _report(PAIRS, {1: [("omission", "minor")], 2: [("omission", "major")],
                           3: [("omission", "major")], 4: [("omission", "info")]})
    assert ("MAJOR omission · links 2–5: 4 source sentences with no counterpart in the "
            "translation: a passage left out (4 findings: 2 major, 1 minor, 1 info)") in text
    assert "source:      Deux. … Cinq." in text
    # Said once, not once a link.
    assert "omission of link" not in text


def test_passages_map_each_link_of_a_passage_to_its_links():
    """Public, so that the page (`align.render.html`) shows the passages the report does."""
    record = _record(PAIRS, {1: [("omission", "minor")], 2: [("omission", "major")],
                             3: [("omission", "major")], 4: [("omission", "info")],
                             6: [("addition", "major")], 7: [("addition", "major")]})
    assert passages(record, worst_first(record)) == dict.fromkeys([1, 2, 3, 4], [1, 2, 3, 4])
    # Only the findings given count: without link 1's, links 2 to 4 still make a passage.
    assert passages(record, [item for item in worst_first(record) if item[0] != 1]) == (
        dict.fromkeys([2, 3, 4], [2, 3, 4]))


def test_two_sentences_added_stay_findings_of_their_own():
    """Fewer than three links: each is reported as it is."""
    text = _report(PAIRS, {6: [("addition", "major")], 7: [("addition", "major")]})
    assert "addition of link 7" in text and "addition of link 8" in text
    assert "a passage added" not in text


def test_a_link_with_another_finding_breaks_the_passage():
    """The name finding of link 3 must be seen: links 2 and 4 to 5 are too short a run."""
    text = _report(PAIRS, {1: [("omission", "major")], 2: [("omission", "major"),
                                                            ("name", "minor")],
                           3: [("omission", "major")], 4: [("omission", "major")]})
    assert "a passage left out" not in text
    assert "name of link 3" in text


def test_the_summary_line_writes_large_counts_with_thousands_separated():
    """As the page does: one function (`align.render.base.counted`) counts for both."""
    text = _report([(f"Phrase {i}.", f"Sentence {i}.") for i in range(1300)], {})
    assert text.startswith("1,300 links, agreement")
