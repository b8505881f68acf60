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
texts its spans point at are the same, typography aside (`typographic`: apostrophes,
quotes, spaces, dashes, Unicode composition; not letter case).  Links are not matched
by number, so that a sentence added or removed elsewhere in the document does not undo
the baseline; and not by the reason's wording, which may say more in a later version.
A finding that occurs in several identical links is accepted as many times as the
baseline holds it.

A finding about tokens (`TOKEN_KINDS`, each of its spans a few words of its link, not a
whole side: a number, a name, a placeholder) is also the same when its link was reworded
a little: same kind, same span texts (the tokens it is about, which its reason quotes),
and each side of its link close to the accepted one (`CLOSE`, difflib's ratio of the
words of the `typographic` texts).  The others need their link's texts unchanged: a
rewording may be what they are about (a shift of meaning, a glossary term in a sentence,
an added sentence).  On a link of unchanged texts, an omission, an addition or a meaning
shift (`MEASURED_KINDS`) is the same as an accepted one of its kind even where its spans
differ, as long as they share a word (`_same_link_matches`): the words it highlights are
those the word aligner leaves without a counterpart on the document's own scale, and an
entry added elsewhere may move them on a pair nobody touched.

A record as baseline also says which document it was written for; `apply_baseline`
notes in the signature (``"warnings"``) a baseline whose languages or file names are not
the run's: a French baseline applied to the Spanish translation accepts nothing, or the
wrong things, in silence otherwise.
"""

from __future__ import annotations

import difflib
from collections import Counter
from pathlib import Path
from typing import Any

from align.errors import InputError
from align.reading import typographic
from align.record import Alignment, finding_key, link_texts
from align.record import FindingKey as Key
from align.record import normal_text as _normal

__all__ = ["CLOSE", "FORMAT_NAME", "FORMAT_VERSION", "TOKEN_KINDS", "Accepted", "Key",
           "apply_baseline", "finding_key", "read_baseline", "typographic"]

#: The ``format`` and ``format_version`` of a file of accepted findings (the page's).
FORMAT_NAME = "align-baseline"
FORMAT_VERSION = 1

_HINT = ("expected an alignment record (-o NAME.json) or the accepted findings the HTML page "
         "saves (NAME.accepted.json)")
_SIDES = ("source", "translation")

#: The kinds whose findings are about a few tokens of their link (a number, a name; a
#: placeholder or a doubled word is ``mechanical``): accepted in a link reworded a little.
TOKEN_KINDS = frozenset({"number", "name", "mechanical"})
#: The kinds whose spans are the words the word aligner leaves without a counterpart, which
#: the document's own scale of similarity decides (`_same_link_matches`).
MEASURED_KINDS = frozenset({"omission", "addition", "meaning-shift"})
#: How close (difflib's ratio, 0 to 1) each side of a reworded link must stay.
CLOSE = 0.8

def _typographic_key(key: Key) -> Key:
    kind, source, translation, spans = key
    return (kind, typographic(source), typographic(translation),
            tuple(sorted((side, typographic(text)) for side, text in spans)))


class Accepted(Counter):
    """The accepted findings of a baseline (`read_baseline`), their keys `typographic`;
    `document`: for a record, the languages and file names of its two sides, to say a
    baseline that is not the run's (`apply_baseline`); None for the page's file."""

    document: dict[str, tuple[str | None, str]] | None = None


def read_baseline(path: str | Path) -> Accepted:
    """The accepted findings of the baseline at `path`: an alignment record, or the
    accepted findings alone (``"format": "align-baseline"``, as the HTML page saves them)."""
    from align.outputs import read_json, record_from_json

    if not Path(path).exists():
        raise InputError(f"baseline {path} does not exist; give the record of an earlier "
                         "check (-o NAME.json) or the accepted findings the HTML page saves "
                         "(NAME.accepted.json)")
    data = read_json(path, _HINT)
    if isinstance(data, dict) and data.get("format") == FORMAT_NAME:
        return Accepted(map(_typographic_key, _accepted_keys(data, path)))
    record = record_from_json(data, path, _HINT)
    # A record written by a run that had a baseline holds what that one accepted too: it
    # can be the next baseline as it stands.
    accepted = Accepted(_typographic_key(finding_key(record, i, f))
                        for i, link in enumerate(record.links)
                        for f in link.findings + link.accepted)
    accepted.document = _document(record)
    return accepted


def _document(alignment: Alignment) -> dict[str, tuple[str | None, str]]:
    return {side: (getattr(alignment, side).language, getattr(alignment, side).name)
            for side in _SIDES}


def _differences(accepted: Counter[Key], alignment: Alignment) -> list[str]:
    """What of the document a baseline record was written for is not the run's: its
    languages and file names, where both are known."""
    theirs = getattr(accepted, "document", None)
    if not theirs:
        return []
    ours = _document(alignment)
    said = []
    for side in _SIDES:
        for what, was, now in (("language", theirs[side][0], ours[side][0]),
                               ("file", theirs[side][1], ours[side][1])):
            # Languages by their primary subtag, as the checks read them (fr-FR is fr).
            same = (was.split("-")[0].lower() == now.split("-")[0].lower()
                    if what == "language" and was and now else was == now)
            if was and now and not same:
                said.append(f"{side} {what} {was}, not {now}")
    return said


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

    A finding is set aside by the same key, typography aside; one about tokens
    (`TOKEN_KINDS`) that no key matches, by an accepted finding left over of the same kind
    and span texts whose link's two sides are each `CLOSE` to its own (the closest first).
    Each accepted finding sets aside one finding.

    The record's signature notes the baseline (`name`) and the count, so that a report
    says what it set aside; and, as ``"warnings"``, the languages and file names in which
    a baseline record differs from the run (`Accepted.document`)."""
    left: Counter[Key] = Counter()
    for k, n in accepted.items():  # two keys may differ only in typography: their counts add
        left[_typographic_key(k)] += n
    dropped = 0
    unmatched = []  # (link, finding, its typographic key): for the close match
    for i, link in enumerate(alignment.links):
        if not link.findings:
            continue
        kept = []
        texts = link_texts(alignment, link)  # once a link, not once a finding
        for finding in link.findings:
            key = _typographic_key(finding_key(alignment, i, finding, texts))
            if left[key] > 0:
                left[key] -= 1
                dropped += 1
                link.accepted.append(finding)
            else:
                kept.append(finding)
                unmatched.append((link, finding, key))
        link.findings = kept
    about_tokens = [u for u in unmatched if u[1].kind in TOKEN_KINDS and _about_tokens(u[2])]
    closely = _close_matches(about_tokens, left)
    for link, finding in closely:
        link.findings.remove(finding)
        link.accepted.append(finding)
        dropped += 1
    taken = {id(finding) for _, finding in closely}
    for link, finding in _same_link_matches(
            [u for u in unmatched if id(u[1]) not in taken and u[1].kind in MEASURED_KINDS],
            left):
        link.findings.remove(finding)
        link.accepted.append(finding)
        dropped += 1
    alignment.signature["baseline"] = {"file": name, "accepted": dropped}
    differences = _differences(accepted, alignment)
    if differences:
        alignment.signature["baseline"]["warnings"] = [
            f"the baseline {name + ' ' if name else ''}was written for another document: "
            f"{'; '.join(differences)}: its findings may not be this run's"]
    return dropped


def _same_link_matches(unmatched: list, left: Counter[Key]) -> list:
    """The (link, finding) of `unmatched` that an accepted finding of `left` not used yet
    sets aside because it is of the same kind on a link of the same texts, only its spans
    differing: the same finding measured again.  The words a finding highlights, and
    whether a borderline one is made at all, depend on the whole document (its typical
    link, its word similarities), so an entry added elsewhere in a file of pairs can move
    them («boîte» becoming «boîte de») on a pair nobody touched.  Its spans must share a
    word with the accepted one's on the same side, those sharing the most first: a
    finding about other words of the link is another finding."""
    candidates: dict[tuple, list[Key]] = {}
    for k, n in left.items():
        if n > 0:
            candidates.setdefault(k[:3], []).append(k)
    pairs = []
    for number, (_, _, key) in enumerate(unmatched):
        words = {(side, w) for side, text in key[3] for w in text.split()}
        for other in candidates.get(key[:3], ()):
            shared = len(words & {(side, w) for side, text in other[3] for w in text.split()})
            if shared:  # the same words, some of them: not another finding of the kind
                pairs.append((-shared, number, other))
    return _assigned(pairs, unmatched, left)


def _about_tokens(key: Key) -> bool:
    """Whether the finding of `key` points at words of its link, not at a whole side."""
    _, source, translation, spans = key
    whole = {"source": source, "translation": translation}
    return bool(spans) and all(text and text != whole[side] for side, text in spans)


def _close_matches(unmatched: list, left: Counter[Key]) -> list:
    """The (link, finding) of `unmatched` that an accepted finding of `left` not used yet
    sets aside by closeness: same kind and spans, each side `CLOSE`; the closest pairs
    first, each accepted finding used as many times as `left` holds it."""
    # Candidates by kind and spans, so that a finding is compared only with those it
    # could match; and the cheap bounds of difflib first (`_Close`).
    candidates: dict[tuple, list[Key]] = {}
    for k, n in left.items():
        if n > 0 and k[0] in TOKEN_KINDS:
            candidates.setdefault((k[0], k[3]), []).append(k)
    pairs = []
    waiting: dict[tuple, list[int]] = {}
    for number, (_, _, key) in enumerate(unmatched):
        waiting.setdefault((key[0], key[3]), []).append(number)
    for group, numbers in waiting.items():
        for other in candidates.get(group, ()):
            # One matcher per accepted side, its words indexed once (difflib indexes its
            # second sequence), the findings' sides compared to it in turn.
            sides = [_Close(other[1]), _Close(other[2])]
            for number in numbers:
                key = unmatched[number][2]
                ratio = sides[0].ratio(key[1])
                if ratio >= CLOSE:
                    ratio = min(ratio, sides[1].ratio(key[2]))
                if ratio >= CLOSE:
                    pairs.append((-ratio, number, other))
    return _assigned(pairs, unmatched, left)


def _assigned(pairs: list[tuple[float, int, Key]], unmatched: list,
              left: Counter[Key]) -> list:
    """The (link, finding) of `unmatched` matched by `pairs` (``(rank, number in unmatched,
    accepted key)``), best rank first: each finding once, each accepted key as many times
    as `left` holds it (and taken out of `left`)."""
    matched, taken = [], set()
    for _, number, other in sorted(pairs):
        if number in taken or left[other] <= 0:
            continue
        taken.add(number)
        left[other] -= 1
        matched.append(unmatched[number][:2])
    return matched


class _Close:
    """How close texts are to `text`: difflib's ratio over their words, the cheap bounds
    first (the lengths, then the words, already too far apart)."""

    def __init__(self, text: str):
        self.text = text
        self.matcher = difflib.SequenceMatcher(None, autojunk=False)
        self.matcher.set_seq2(text.split())

    def ratio(self, text: str) -> float:
        if text == self.text:
            return 1.0
        self.matcher.set_seq1(text.split())
        if self.matcher.real_quick_ratio() < CLOSE or self.matcher.quick_ratio() < CLOSE:
            return 0.0
        return self.matcher.ratio()
