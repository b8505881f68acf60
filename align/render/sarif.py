"""``.sarif``: the findings as a SARIF 2.1.0 log, for GitHub code scanning and other CI tools.

One run of one tool, ``align``: a rule (``reportingDescriptor``) per finding kind, a result
per finding of the record's links, at the place of its file it concerns, so that a CI job
(``github/codeql-action/upload-sarif``) shows each finding as an annotation on the right
file and line.  The layout is documented in ``docs/format.md``.

Where a result is:

- its file: the translation's (the side's ``path``; relative to the current directory
  where it lies under it, else a ``file:`` URI), the source's for a finding whose spans
  are all on the source side (an omission, a name the translation lacks);
- its region: the finding's first span on that side (else the link's sentences there),
  as ``charOffset`` and ``charLength``, and as lines and columns where they can be known:
  the file at the side's path is read and decoded as `align.reading` decodes it, and only
  if its text holds the record's sentences at their offsets (a plain-text file, unchanged)
  are lines counted in it, and the offsets made the file's (its CRLF line endings
  counted);
- for strings read from a file of pairs, the line of the file the pair is on (its
  ``origin``: a TSV, CSV, Moses or PO file), else no region, the origin in the result's
  ``properties``; for resource files paired by key, the key as a logical location.

Nothing here depends on the time or the machine but the files read and the current
directory: the same record gives the same bytes.
"""

from __future__ import annotations

import bisect
import codecs
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from align.record import Alignment, Finding, Link, Side, Span, normal_text
from align.render.base import counted, link_text

EXTENSIONS: tuple[str, ...] = (".sarif",)

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = ("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
                "sarif-schema-2.1.0.json")

#: A finding's severity → the result's level.
LEVELS = {"critical": "error", "major": "error", "minor": "warning", "info": "note"}

#: The key of a result's ``partialFingerprints``: a hash of what makes the finding the same
#: finding in another run, wherever its line moves (`_fingerprint`).
FINGERPRINT = "alignFindingHash/v1"

#: How many characters of each side's text a result's message quotes.
QUOTED = 80

#: Each built-in kind's short and full description (``docs/checks.md``, "Findings").
DESCRIPTIONS: dict[str, tuple[str, str]] = {
    "omission": (
        "Source text left out of the translation",
        "A source sentence with no counterpart in the translation, or a run of source words "
        "with none inside a link."),
    "addition": (
        "Text added in the translation",
        "A translation sentence with no counterpart in the source, or a run of translation "
        "words with none inside a link."),
    "meaning-shift": (
        "Meaning changed in the translation",
        "An answer reversed, a negation on one side only, a word rendered by its opposite, "
        "or a link whose two sides each carry much the other lacks."),
    "number": (
        "Number changed or missing",
        "A number (digits, dates, times, amounts, versions, spelled or Roman numbers) or a "
        "code of capitals and digits changed, present on one side only, or more often on "
        "one side."),
    "name": (
        "Name missing or replaced",
        "A capitalised name absent from the other side, or replaced there by another."),
    "untranslated": (
        "Text left untranslated",
        "A translation identical to its source or reading as the source language; in a "
        "file of pairs, also an empty translation or one its file marks as not done."),
    "mechanical": (
        "Defect of form",
        "Doubled words, brackets and quotes, punctuation, inconsistent translations and "
        "spellings, spaces, line breaks, placeholders and tags, addresses, paths, shortcuts "
        "and code."),
    "length": (
        "Length out of proportion",
        "A length ratio far from the document's own, or a translation over the length "
        "limit its file sets."),
    "glossary": (
        "Glossary term not translated as required",
        "A glossary term whose required translation is missing, or a term a termbase marks "
        "deprecated."),
    "rule": (
        "Project rule broken",
        "A rule of the project's own rules file (--rules) broken."),
}


def render(alignment: Alignment, path: Path) -> dict[Path, bytes]:
    return {path: (json.dumps(sarif_log(alignment), ensure_ascii=False, indent=1)
                   + "\n").encode("utf-8")}


def written_summary(alignment: Alignment) -> str:
    """What ``wrote x.sarif`` adds: the results, and the accepted ones among them."""
    found = sum(len(link.findings) for link in alignment.links)
    accepted = sum(len(link.accepted) for link in alignment.links)
    return counted(found + accepted, "result") + (
        f", {accepted} of them suppressed as accepted in the baseline" if accepted else "")


def sarif_log(alignment: Alignment) -> dict[str, Any]:
    """The SARIF log of `alignment`, as a JSON object."""
    kinds = _kinds(alignment)
    index = {kind: k for k, kind in enumerate(kinds)}
    places = _Places(alignment)
    seen: dict[str, int] = {}
    results = []
    for number, link in enumerate(alignment.links):
        for finding, accepted in [(f, False) for f in link.findings] + [
                (f, True) for f in link.accepted]:
            results.append(_result(alignment, number, link, finding, accepted, index, places,
                                   seen))
    signature = alignment.signature or {}
    # The findings are those of the last check: a record checked again says its version.
    checked = signature.get("checked") if isinstance(signature.get("checked"), dict) else {}
    version = checked.get("version") or signature.get("version") or _version()
    properties: dict[str, Any] = {"signature": signature.get("string")}
    baseline = signature.get("baseline")
    if isinstance(baseline, dict):
        properties["baseline"] = baseline
    run = {
        "tool": {"driver": {
            "name": "align",
            "version": str(version),
            "rules": [_rule(kind) for kind in kinds],
        }},
        # The record's offsets and the columns here count code points, not UTF-16 units.
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": properties,
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def _version() -> str:
    from align import __version__

    return __version__


def _kinds(alignment: Alignment) -> list[str]:
    """Every kind a finding may have (`align.checks.finding_kinds`), then any other the
    record holds (a project's own check), each once."""
    from align.checks import finding_kinds

    found = [f.kind for link in alignment.links for f in (*link.findings, *link.accepted)]
    return list(dict.fromkeys([*finding_kinds(), *sorted(set(found))]))


def _rule(kind: str) -> dict[str, Any]:
    short, full = DESCRIPTIONS.get(kind, (f"Finding of kind {kind}",
                                          f"A finding of kind {kind}: a project's own check."))
    return {
        "id": kind,
        "name": "".join(part.capitalize() for part in re.split(r"[^0-9A-Za-z]+", kind))
        or "Finding",
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "defaultConfiguration": {"level": "warning"},
        "properties": {"tags": ["translation"]},
    }


def _result(alignment: Alignment, number: int, link: Link, finding: Finding, accepted: bool,
            index: dict[str, int], places: _Places, seen: dict[str, int]) -> dict[str, Any]:
    source = link_text(alignment.source, link.source)
    translation = link_text(alignment.translation, link.translation)
    message = (f"{finding.reason} (source: {_quoted(source)}; "
               f"translation: {_quoted(translation)})")
    side = _located_side(link, finding)
    spans = [s for s in finding.spans if s.side == side]
    first = min(spans, key=lambda s: (s.start, s.end)) if spans else None
    location = places.location(link, side, first)
    result: dict[str, Any] = {
        "ruleId": finding.kind,
        "ruleIndex": index[finding.kind],
        "level": LEVELS.get(finding.severity, "warning"),
        "message": {"text": message},
        "locations": [location],
    }
    others = [s for s in sorted(finding.spans, key=lambda s: (s.side != side, s.start, s.end))
              if s is not first]
    related = []
    for span in others:
        place = places.location(link, span.side, span, with_logical=False)
        related.append({"id": len(related) + 1, **place,
                        "message": {"text": f"{span.side}: {_quoted(span.text)}"}})
    if related:
        result["relatedLocations"] = related
    fingerprint = _fingerprint(alignment, link, finding)
    seen[fingerprint] = seen.get(fingerprint, 0) + 1
    result["partialFingerprints"] = {FINGERPRINT: f"{fingerprint}:{seen[fingerprint]}"}
    properties: dict[str, Any] = {"link": number + 1, "linkType": link.kind,
                                  "severity": finding.severity,
                                  "divergence": link.divergence, "score": link.score}
    for name in ("key", "state", "origin"):
        value = getattr(link, name)
        if value:
            properties[name] = value
    result["properties"] = properties
    if accepted:
        baseline = (alignment.signature or {}).get("baseline") or {}
        where = baseline.get("file") if isinstance(baseline, dict) else None
        result["suppressions"] = [{
            "kind": "external", "status": "accepted",
            "justification": "accepted in a baseline" + (f" ({where})" if where else ""),
        }]
    return result


def _located_side(link: Link, finding: Finding) -> str:
    """The side a finding is shown on: the translation's, unless its spans are all on the
    source side, or it has none and the link has no translation sentence."""
    sides = {span.side for span in finding.spans}
    if "translation" in sides:
        return "translation"
    if sides or not link.translation:
        return "source"
    return "translation"


def _quoted(text: str) -> str:
    if not text:
        return "(none)"
    text = " ".join(text.split())
    return '"' + (text if len(text) <= QUOTED else text[:QUOTED - 1].rstrip() + "…") + '"'


#: Link numbers in a reason ("translated differently in link 12", "links 11–13"), which
#: change when a link is added above and are left out of the fingerprint.
_LINK_NUMBERS = re.compile(r"\b(links?) \d+(?:\s*[–-]\s*\d+)?")


def _fingerprint(alignment: Alignment, link: Link, finding: Finding) -> str:
    """A stable hash of the finding's kind, its reason (its link numbers left out) and both
    texts of its link, each whitespace-normalised: the same in a later run wherever the
    link has moved."""
    texts = [finding.kind, normal_text(_LINK_NUMBERS.sub(r"\1", finding.reason)),
             normal_text(" ".join(alignment.source.sentences[k].text for k in link.source)),
             normal_text(" ".join(alignment.translation.sentences[k].text
                                  for k in link.translation))]
    return hashlib.sha256("\0".join(texts).encode("utf-8")).hexdigest()[:32]


# -- where a result is -----------------------------------------------------------------


@dataclass
class _Text:
    """A side's file as read: its text as the record's offsets count it (`normalised`,
    after `lead` characters the pipeline drops), where its lines begin, and where its CRLF
    endings were (as positions in the normalised text), to give offsets in the file."""

    normalised: str
    lead: int
    line_starts: list[int]
    crlf: list[int]

    def line_column(self, at: int) -> tuple[int, int]:
        """1-based line and column of the record's offset `at`."""
        at += self.lead
        line = bisect.bisect_right(self.line_starts, at)
        return line, at - self.line_starts[line - 1] + 1

    def file_offset(self, at: int) -> int:
        """The offset in the file's characters of the record's offset `at`."""
        at += self.lead
        return at + bisect.bisect_left(self.crlf, at)


class _Places:
    """Locations in the record's files, each file read once."""

    def __init__(self, alignment: Alignment) -> None:
        self.alignment = alignment
        self.pairs = (alignment.signature or {}).get("input") == "pairs"
        self._texts: dict[str, _Text | None] = {}

    def file(self, side_name: str) -> str:
        side = self.alignment.side(side_name)
        path = side.path or side.name or side_name
        if self.pairs and side.path and side.path.lower().endswith((".src.txt", ".tgt.txt")):
            from align.render.moses import output_files

            # A Moses pair: the record names one file, each side has its own.
            path = str(output_files(Path(side.path))[side_name == "translation"])
        return path

    def location(self, link: Link, side_name: str, span: Span | None,
                 with_logical: bool = True) -> dict[str, Any]:
        side = self.alignment.side(side_name)
        physical: dict[str, Any] = {"artifactLocation": {"uri": file_uri(self.file(side_name))}}
        location: dict[str, Any] = {"physicalLocation": physical}
        if self.pairs:
            line = (link.origin or {}).get("line")
            if isinstance(line, int) and line >= 1:
                physical["region"] = {"startLine": line}
            if link.key and with_logical:
                location["logicalLocations"] = [{"name": link.key,
                                                 "fullyQualifiedName": link.key,
                                                 "kind": "resource"}]
            return location
        extent = _extent(side_name, side, link, span)
        if extent is not None:
            physical["region"] = self._region(side_name, side, *extent)
        return location

    def _region(self, side_name: str, side: Side, start: int, end: int) -> dict[str, Any]:
        text = self._text(side_name, side)
        if text is None:
            return {"charOffset": start, "charLength": end - start}
        line, column = text.line_column(start)
        if end > start:
            end_line, last = text.line_column(end - 1)
            end_column = last + 1
        else:
            end_line, end_column = line, column
        offset = text.file_offset(start)
        return {"startLine": line, "startColumn": column, "endLine": end_line,
                "endColumn": end_column, "charOffset": offset,
                "charLength": text.file_offset(end) - offset}

    def _text(self, side_name: str, side: Side) -> _Text | None:
        if side_name not in self._texts:
            self._texts[side_name] = _read(side)
        return self._texts[side_name]


def _extent(side_name: str, side: Side, link: Link,
            span: Span | None) -> tuple[int, int] | None:
    """The offsets a result points at on a side: `span`'s, else the link's sentences'."""
    if span is not None:
        return span.start, span.end
    indices = link.translation if side_name == "translation" else link.source
    if not indices:
        return None
    return side.sentences[indices[0]].start, side.sentences[indices[-1]].end


def _read(side: Side) -> _Text | None:
    """`side`'s file as `align.reading` decodes a plain-text file, if it is one and holds
    the record's sentences at their offsets; None otherwise (no path, no such file, a Word
    document, PDF, web page or subtitle file, or a file changed since)."""
    from align.errors import InputError
    from align.reading import decode_text, normalise_line_endings, normalise_text

    if not side.path or not side.encoding or not side.sentences:
        return None
    try:
        codecs.lookup(side.encoding)  # "docx", "pdf", "html" …: text read from markup
        data = Path(side.path).read_bytes()
        raw, _ = decode_text(data, side.path, [])
    except (LookupError, OSError, InputError, UnicodeError, ValueError):
        return None
    lines = normalise_line_endings(raw)
    text = normalise_text(raw)  # as `pipeline.align_files` reads it
    lead = len(lines) - len(text)
    if any(text[s.start:s.end] != s.text for s in side.sentences):
        return None
    starts = [0] + [k + 1 for k, c in enumerate(lines) if c == "\n"]
    crlf, dropped = [], 0
    position = raw.find("\r\n")
    while position >= 0:
        crlf.append(position - dropped)
        dropped += 1
        position = raw.find("\r\n", position + 2)
    return _Text(lines, lead, starts, crlf)


def file_uri(path: str) -> str:
    """`path` as a SARIF artifact URI: relative, with forward slashes, where it lies under
    the current directory (or was given relative), else an absolute ``file:`` URI;
    characters a URI cannot hold percent-encoded."""
    given = Path(path)
    if not given.is_absolute() and ".." in given.parts:
        # ``../project/fr.txt`` given from a sibling folder: the file under the current
        # directory that it names, if it is one.
        given = Path(os.path.normpath(Path.cwd() / given))
    if given.is_absolute():
        cwd = Path.cwd()
        for base, target in ((cwd, given), (cwd.resolve(), given.resolve())):
            try:
                given = target.relative_to(base)
                break
            except ValueError:
                continue
        else:
            return given.as_uri()
    return quote(given.as_posix().replace(os.sep, "/"), safe="/")
