"""Findings already reviewed and accepted (``align check --baseline FILE``).

A translation project's CI fails on findings at ``--fail-on``; once a reviewer has
looked at a finding and judged it right (a free rendering, a name the translation
rightly drops), it should stop failing the build without silencing its whole kind.
A baseline is any alignment record written by align (``-o accepted.json``): every
finding it holds is accepted, and the same finding in a later run is set aside.
Delete a finding from the baseline file to make it count again.  A run with a baseline
keeps the findings it set aside in its record (each link's ``accepted``), so that its
record, once reviewed, is the next baseline as it stands.

A finding is "the same" when its kind, the texts of both sides of its link and the
texts its spans point at are the same, whitespace aside.  Links are not matched by
number, so that a sentence added or removed elsewhere in the document does not undo
the baseline; and not by the reason's wording, which may say more in a later version.
A finding that occurs in several identical links is accepted as many times as the
baseline holds it.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from align.record import Alignment, Finding

Key = tuple[str, str, str, tuple[tuple[str, str], ...]]


def _normal(text: str) -> str:
    return " ".join(text.split())


def _link_text(alignment: Alignment, side: str, indices: list[int]) -> str:
    sentences = alignment.side(side).sentences
    return _normal(" ".join(sentences[k].text for k in indices))


def finding_key(alignment: Alignment, i: int, finding: Finding) -> Key:
    """What identifies finding `finding` of link `i` across runs."""
    link = alignment.links[i]
    spans = tuple(sorted((s.side, _normal(s.text)) for s in finding.spans))
    return (finding.kind, _link_text(alignment, "source", link.source),
            _link_text(alignment, "translation", link.translation), spans)


def read_baseline(path: str | Path) -> Counter[Key]:
    """The accepted findings of the alignment record at `path`."""
    from align.outputs import load_record

    record = load_record(path)
    # A record written by a run that had a baseline holds what that one accepted too: it
    # can be the next baseline as it stands.
    return Counter(finding_key(record, i, f) for i, link in enumerate(record.links)
                   for f in link.findings + link.accepted)


def apply_baseline(alignment: Alignment, accepted: Counter[Key], name: str = "") -> int:
    """Set aside the findings of `alignment` that `accepted` holds (into each link's
    ``accepted``, out of its ``findings``); return how many.

    The record's signature notes the baseline (`name`) and the count, so that a report
    says what it set aside."""
    left = Counter(accepted)
    dropped = 0
    for i, link in enumerate(alignment.links):
        kept = []
        for finding in link.findings:
            key = finding_key(alignment, i, finding)
            if left[key] > 0:
                left[key] -= 1
                dropped += 1
                link.accepted.append(finding)
            else:
                kept.append(finding)
        link.findings = kept
    alignment.signature["baseline"] = {"file": name, "accepted": dropped}
    return dropped
