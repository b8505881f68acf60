"""Findings already reviewed and accepted (``align check --baseline FILE``).

A translation project's CI fails on findings at ``--fail-on``; once a reviewer has
looked at a finding and judged it right (a free rendering, a name the translation
rightly drops), it should stop failing the build without silencing its whole kind.
A baseline is one of two files:

- any alignment record written by align (``-o accepted.json``): every finding it holds
  is accepted.  Delete a finding from the file to make it count again.  A run with a
  baseline keeps the findings it set aside in its record (each link's ``accepted``), so
  that its record, once reviewed, is the next baseline as it stands;
- the accepted findings alone, as the HTML page saves them (``NAME.accepted.json``, its
  *Save accepted* button), where a reviewer marks each finding accepted or not::

    {"format": "align-baseline", "format_version": 1,
     "signature": "align 0.1.0|model:…",
     "accepted": [{"kind": "number",
                   "source": "Delete 3 files?", "translation": "Supprimer 4 fichiers ?",
                   "spans": [{"side": "source", "text": "3"},
                             {"side": "translation", "text": "4"}]}]}

  ``signature`` is the signature string of the record the page showed, for a person to
  read (not compared); each item of ``accepted`` is one finding: its kind, the texts of
  both sides of its link (the link's sentences joined by a space; empty for a side with
  none) and the texts of its spans (``side`` ``"source"`` or ``"translation"``), which are
  exactly what identifies a finding below.  Anything else is an `InputError` naming the
  problem.

Either way, the same finding in a later run is set aside.

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
from typing import Any

from align.errors import InputError
from align.record import Alignment, finding_key, link_texts
from align.record import FindingKey as Key
from align.record import normal_text as _normal

__all__ = ["FORMAT_NAME", "FORMAT_VERSION", "Key", "apply_baseline", "finding_key",
           "read_baseline"]

#: The ``format`` and ``format_version`` of a file of accepted findings (the page's).
FORMAT_NAME = "align-baseline"
FORMAT_VERSION = 1

_HINT = ("expected an alignment record (-o NAME.json) or the accepted findings the HTML page "
         "saves (NAME.accepted.json)")
_SIDES = ("source", "translation")


def read_baseline(path: str | Path) -> Counter[Key]:
    """The accepted findings of the baseline at `path`: an alignment record, or the
    accepted findings alone (``"format": "align-baseline"``, as the HTML page saves them)."""
    from align.outputs import read_json, record_from_json

    data = read_json(path, _HINT)
    if isinstance(data, dict) and data.get("format") == FORMAT_NAME:
        return Counter(_accepted_keys(data, path))
    record = record_from_json(data, path, _HINT)
    # A record written by a run that had a baseline holds what that one accepted too: it
    # can be the next baseline as it stands.
    return Counter(finding_key(record, i, f) for i, link in enumerate(record.links)
                   for f in link.findings + link.accepted)


def _accepted_keys(data: dict[str, Any], path: str | Path) -> list[Key]:
    """The key of each finding of a file of accepted findings, as `finding_key` makes it."""
    def damaged(problem: str) -> InputError:
        return InputError(f"{path} is a damaged baseline: {problem}")

    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise damaged(f"its format version {version!r} is not a number")
    if version > FORMAT_VERSION:
        raise InputError(f"{path}: baseline format version {version} is newer than this program "
                         f"understands ({FORMAT_VERSION}); upgrade align")
    accepted = data.get("accepted")
    if not isinstance(accepted, list):
        raise damaged("'accepted' is not a list")
    keys = []
    for number, item in enumerate(accepted, 1):
        where = f"accepted finding {number}"
        if not isinstance(item, dict):
            raise damaged(f"{where} is not an object")
        kind = item.get("kind")
        if not isinstance(kind, str) or not kind:
            raise damaged(f"{where}: 'kind' is not a name")
        texts = []
        for side in _SIDES:
            text = item.get(side)
            if not isinstance(text, str):
                raise damaged(f"{where}: '{side}' is not a text (the link's {side} text)")
            texts.append(_normal(text))
        spans = item.get("spans")
        if not isinstance(spans, list):
            raise damaged(f"{where}: 'spans' is not a list")
        pairs = []
        for count, span in enumerate(spans, 1):
            side = span.get("side") if isinstance(span, dict) else None
            text = span.get("text") if isinstance(span, dict) else None
            if side not in _SIDES:
                raise damaged(f"{where}: span {count}: 'side' is {side!r}, not 'source' or "
                              "'translation'")
            if not isinstance(text, str):
                raise damaged(f"{where}: span {count}: 'text' is not a text")
            pairs.append((side, _normal(text)))
        keys.append((kind, texts[0], texts[1], tuple(sorted(pairs))))
    return keys


def apply_baseline(alignment: Alignment, accepted: Counter[Key], name: str = "") -> int:
    """Set aside the findings of `alignment` that `accepted` holds (into each link's
    ``accepted``, out of its ``findings``); return how many.

    The record's signature notes the baseline (`name`) and the count, so that a report
    says what it set aside."""
    left = Counter(accepted)
    dropped = 0
    for i, link in enumerate(alignment.links):
        if not link.findings:
            continue
        kept = []
        texts = link_texts(alignment, link)  # once a link, not once a finding
        for finding in link.findings:
            key = finding_key(alignment, i, finding, texts)
            if left[key] > 0:
                left[key] -= 1
                dropped += 1
                link.accepted.append(finding)
            else:
                kept.append(finding)
        link.findings = kept
    alignment.signature["baseline"] = {"file": name, "accepted": dropped}
    return dropped
