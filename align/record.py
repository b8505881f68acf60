"""The alignment record: the one data structure that flows through every stage.

Reading and segmentation produce two `Side`s; the aligner adds `Link`s; the
checks add `Finding`s and divergence scores to links; every renderer (terminal,
HTML, TSV, TMX, Moses, JSON) reads an `Alignment` and nothing else.  The JSON
file written by ``-o x.json`` is `Alignment.to_dict()` and can be read back with
`Alignment.from_dict()` so that any view can be rendered again without
recomputation.  The format is documented in ``docs/format.md``; bump
`FORMAT_VERSION` on any incompatible change.
"""

from __future__ import annotations

import copy
import math
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from functools import cache
from typing import Any, Literal

from align.errors import RecordError

FORMAT_NAME = "align/alignment"
FORMAT_VERSION = 1

SideName = Literal["source", "translation"]

#: Severities in increasing order; ``--fail-on`` compares by this order.
SEVERITIES: tuple[str, ...] = ("info", "minor", "major", "critical")

#: The kinds of finding the checks produce (``Finding.kind``).
FINDING_KINDS: tuple[str, ...] = (
    "omission",  # source material with no counterpart in the translation
    "addition",  # translation material with no counterpart in the source
    "meaning-shift",  # aligned and similar in form, different in meaning
    "number",  # a number, date, percentage or amount differs
    "name",  # a proper name present on one side only
    "untranslated",  # target text identical to the source or in the source language
    "mechanical",  # doubled words, unbalanced quotes, punctuation, inconsistencies
    "length",  # length far from the document's own ratio
    "glossary",  # a glossary term not translated as required
    "rule",  # a rule of the project's own rules file (--rules)
    "timing",  # a subtitle line shown while another cue of the source is
)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _lone_surrogate(value: Any) -> str | None:
    """Where `value` (a string, or lists and objects of them as JSON holds them) has a lone
    surrogate, which JSON's ``"\\ud800"`` can write but no UTF-8 file can hold: ``"U+D800
    at character 4"``; None if it has none (a pair, an emoji, is one character once read)."""
    if isinstance(value, str):
        found = _SURROGATE.search(value)
        return f"U+{ord(found.group()):04X} at character {found.start() + 1}" if found else None
    items = [*value.keys(), *value.values()] if isinstance(value, dict) else (
        value if isinstance(value, list | tuple) else ())
    return next(filter(None, map(_lone_surrogate, items)), None)


@dataclass
class Sentence:
    """One segment of a document, a span of its decoded text.

    ``text == document_text[start:end]`` always holds: nothing is normalised away.
    """

    text: str
    start: int
    end: int
    paragraph: int


@dataclass
class Cue:
    """A cue of the subtitle file a side was read from (`align.subtitles`): where its text
    is in the side, which cue of its file it is, and when it is on screen."""

    #: The side's paragraph where the cue's text begins (0-based, as sentences count them);
    #: the cue holds that paragraph's sentences and those of the paragraphs after it, up to
    #: the next cue's.
    paragraph: int
    #: Its position among the file's cues, from 1 (cues with no text counted): SubRip and
    #: WebVTT cues in order; ASS/SSA, its line among the ``[Events]`` section's Dialogue and
    #: Comment lines, as a subtitle editor numbers its rows.
    number: int
    #: When it is shown and hidden, in seconds from the start.
    start: float
    end: float
    #: What the file calls it: a SubRip cue's number, a WebVTT cue's identifier, as written;
    #: None where it has none (ASS/SSA, a WebVTT cue without an identifier).
    id: str | None = None


@dataclass
class Side:
    """One document of the pair, segmented."""

    sentences: list[Sentence]
    name: str = ""
    path: str | None = None
    language: str | None = None
    encoding: str | None = None
    #: Number of paragraphs; each sentence's ``paragraph`` is below it.  Left at 0 for
    #: sentences that have paragraphs (a side built by hand), it is counted from them.
    paragraphs: int = 0
    #: A side read from a subtitle file: its cues, in order, each tied to the paragraph its
    #: text begins (`Cue`); None for any other side.
    cues: list[Cue] | None = None

    def __post_init__(self) -> None:
        numbers = [getattr(s, "paragraph", None) for s in self.sentences] if isinstance(
            self.sentences, list) else []
        if self.paragraphs == 0 and numbers and all(_is_int(n) and n >= 0 for n in numbers):
            self.paragraphs = max(numbers) + 1

    def texts(self) -> list[str]:
        return [s.text for s in self.sentences]

    def cue(self, k: int) -> Cue | None:
        """The cue that holds sentence `k`: the last cue that begins at or before its
        paragraph (None before the first cue, or for a side with no cues)."""
        if not self.cues:
            return None
        at = bisect_right(self.cues, self.sentences[k].paragraph, key=lambda c: c.paragraph)
        return self.cues[at - 1] if at else None


@dataclass
class Span:
    """A stretch of one side, as character offsets into that side's decoded text."""

    side: SideName
    start: int
    end: int
    text: str = ""


@dataclass
class Finding:
    """One thing a check noticed about a link."""

    kind: str
    severity: str
    reason: str
    spans: list[Span] = field(default_factory=list)


#: The keys of a link's `origin` that count from 1: the line of a TSV, CSV, Moses or PO
#: file, the row of a workbook's first sheet, the ``<tu>`` of a TMX file and the unit
#: (``<trans-unit>``, ``<unit>``) of an XLIFF file among all of the file's, the segment of
#: a unit that holds several among the unit's; and those that name: a TMX unit's ``tuid``,
#: an XLIFF unit's ``id``.
ORIGIN_NUMBERS = ("line", "row", "tu", "unit", "segment")
ORIGIN_NAMES = ("tuid", "id")


def origin_label(link: Link) -> str:
    """Where a link of a file of pairs is in its file, for a person: ``line 14``, ``tu 3,
    tuid "greeting"``, ``unit 4, segment 2``; the names (`ORIGIN_NAMES`) only where the
    link has no `Link.key`, which is made of them and is shown beside it.  "" for a link
    with no origin."""
    parts = []
    for name, value in (link.origin or {}).items():
        if name in ORIGIN_NAMES:
            if not link.key:
                parts.append(f'{name} "{value}"')
        else:
            parts.append(f"{name} {value}")
    return ", ".join(parts)


def cue_time(seconds: float, precise: bool = False) -> str:
    """A time of a subtitle file as a subtitle editor shows it (Aegisub, ASS files):
    ``0:01:02``, or with `precise` its milliseconds too, ``0:01:02.500``."""
    millis = round(max(seconds, 0.0) * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    shown = f"{hours}:{minutes:02d}:{millis // 1000:02d}"
    return f"{shown}.{millis % 1000:03d}" if precise else shown


def cue_name(cues: Sequence[Cue]) -> str:
    """How a person finds `cues` (consecutive cues of one file) in their file: ``cue 28``,
    ``cues 12–13``, by the number the file writes (SubRip), else by their position, with
    a WebVTT identifier that is not a number quoted (``cue 4 "intro"``)."""
    def number(cue: Cue) -> str:
        return cue.id if cue.id is not None and cue.id.isdigit() else str(cue.number)

    first, last = number(cues[0]), number(cues[-1])
    named = f"cue {first}" if first == last else f"cues {first}–{last}"
    ids = [c.id for c in (cues[0], cues[-1]) if c.id is not None and not c.id.isdigit()]
    return named + "".join(f' "{i}"' for i in dict.fromkeys(ids))


def link_cues(alignment: Alignment, links: Sequence[Link], side: SideName) -> list[Cue]:
    """The cues of `side` (read from a subtitle file) that hold the sentences of `links`,
    in order, each once; [] for a side with no cues."""
    held = alignment.side(side)
    if not held.cues:
        return []
    found = (held.cue(k) for link in links for k in getattr(link, side))
    return list({id(c): c for c in found if c is not None}.values())


def link_place(alignment: Alignment, link: Link) -> str:
    """Where `link` is in the files it was read from, for a person: its place in a file of
    pairs (`origin_label`: ``line 14``) and its cues in subtitle files (`cue_label`:
    ``cue 28, 0:01:26``), "" where neither says."""
    return ", ".join(filter(None, (origin_label(link), cue_label(alignment, [link]))))


def cue_label(alignment: Alignment, links: Sequence[Link]) -> str:
    """Where `links` are in the subtitle files their sides were read from, for a person:
    ``cue 28, 0:01:02`` (the source's cue and when it is shown, or the translation's
    where the source has none), ``source cue 21, 0:01:04; translation cue 20, 0:01:01``
    where the two sides' cues differ, in number or in time; "" where neither side has
    cues."""
    said = []
    for side in ("source", "translation"):
        cues = link_cues(alignment, links, side)
        if cues:
            said.append((side, cue_name(cues), cue_time(cues[0].start)))
    if len(said) == 2 and said[0][1:] == said[1][1:]:
        said = said[:1]
    if len(said) == 1:
        return f"{said[0][1]}, {said[0][2]}"
    return "; ".join(f"{side} {name}, {time}" for side, name, time in said)


#: What identifies a finding across runs (`finding_key`): its kind, the texts of both sides
#: of its link, and its spans' ``(side, text)``, sorted; every text whitespace-normalised.
FindingKey = tuple[str, str, str, tuple[tuple[str, str], ...]]


def normal_text(text: str) -> str:
    """`text` with its runs of whitespace as one space and none at the ends: the texts a
    baseline compares (`finding_key`)."""
    return " ".join(text.split())


def severity_rank(severity: str) -> int:
    """The rank of `severity` in `SEVERITIES` (0 for one it does not name)."""
    return SEVERITIES.index(severity) if severity in SEVERITIES else 0


#: From this divergence on a link is called divergent (`align.checks.divergence` scores
#: it; the views and the report say so).
DIVERGENCE_THRESHOLD = 0.5


@dataclass
class Link:
    """A monotone alignment link: 0-based sentence indices on each side (either may be empty)."""

    source: list[int]
    translation: list[int]
    #: Similarity of the two sides in [0, 1] (1 = the model sees them as equivalent).
    score: float = 0.0
    #: Calibrated divergence in [0, 1]: 0 = faithful, 1 = unrelated; None before checking.
    divergence: float | None = None
    findings: list[Finding] = field(default_factory=list)
    #: Already aligned input only: the translation's state as its file marks it when that
    #: is not "translated", e.g. ``"fuzzy"`` (PO) or ``"needs-translation"`` (XLIFF).
    state: str | None = None
    #: Already aligned input only: the most the translation may hold, as its file sets it
    #: (XLIFF ``maxwidth``, ``maxbytes``, ``slr:sizeRestriction`` …):
    #: ``{"limit": 30, "unit": "characters" | "bytes", "length": 42}``, where ``length`` is
    #: the translation's own, inline codes left out.
    max_length: dict[str, Any] | None = None
    #: Already aligned input only: the string's identifier in its file, where it has one
    #: (an XLIFF unit's ``id``, with ``#`` and the segment's; a TMX ``tuid``; a PO
    #: message's context, else where the program uses it, ``src/main.c:42``).
    key: str | None = None
    #: Findings a baseline set aside (``check --baseline``): reviewed and accepted, not
    #: reported or counted, but kept, so that this record can be the next run's baseline.
    accepted: list[Finding] = field(default_factory=list)
    #: Already aligned input only: where the pair is in its file, so that a user can find
    #: it there (`ORIGIN_NUMBERS`, `ORIGIN_NAMES`): ``{"line": 14}`` (TSV, CSV, Moses, PO),
    #: ``{"row": 5}`` (XLSX), ``{"tu": 3, "tuid": "greeting"}`` (TMX), ``{"unit": 4,
    #: "id": "intro", "segment": 2}`` (XLIFF).
    origin: dict[str, Any] | None = None

    @property
    def kind(self) -> str:
        """The link type as aligners write it, e.g. ``"1-2"`` or ``"0-1"``."""
        return f"{len(self.source)}-{len(self.translation)}"


@dataclass
class Alignment:
    """A source, its translation, and the links between their sentences."""

    source: Side
    translation: Side
    links: list[Link]
    #: Who made this and how: tool version, model id and checksum, settings.
    signature: dict[str, Any] = field(default_factory=dict)
    #: Seconds spent in each stage.
    timings: dict[str, float] = field(default_factory=dict)
    #: Human-readable warnings raised while reading, segmenting or aligning.
    warnings: list[str] = field(default_factory=list)
    created: str = ""
    #: For the alignment map: for each source sentence i, ``[j, similarity]`` pairs for
    #: the translation sentences near the chosen path (a band, not the full matrix).
    neighbourhood: list[list[list[float]]] = field(default_factory=list)

    def side(self, name: SideName) -> Side:
        return self.source if name == "source" else self.translation

    def made_by_aligner(self) -> bool:
        """Whether the links are the aligner's (not pairs a file gave, whose scores the checks
        fill in)."""
        return bool(self.signature.get("alignment")) and self.signature.get("input") != "pairs"

    def findings(self) -> list[tuple[int, Finding]]:
        """All findings with the index of their link, in link order."""
        return [(i, f) for i, link in enumerate(self.links) for f in link.findings]

    def failing(self, gates: Sequence[str]) -> list[tuple[int, Finding]]:
        """The findings that reach any of `gates`, with their link index: a gate is a
        severity (that one or worse), a finding kind, or ``KIND:SEVERITY`` (that kind at
        that severity or worse), as ``align check --fail-on`` takes them.  A gate is not
        checked here (`align.checks.require_gates` does): a kind is matched by name."""
        floors = []
        for gate in gates:
            kind, _, severity = gate.partition(":")
            if not severity and kind in SEVERITIES:
                kind, severity = "", kind
            floors.append((kind, severity_rank(severity) if severity else 0))
        return [(i, f) for i, f in self.findings()
                if any((not kind or f.kind == kind) and severity_rank(f.severity) >= floor
                       for kind, floor in floors)]

    def verdict(self) -> dict[str, Any] | None:
        """How a check with gates ended, where the record was checked with them (its
        signature's ``checks`` ``fail_on``, as ``align check --fail-on`` sets them):
        ``fail_on``, ``failing`` (how many findings reach them) and ``verdict``,
        ``"fail"`` if any does, else ``"pass"``; None without gates."""
        gates = (self.signature.get("checks") or {}).get("fail_on") or []
        if not gates:
            return None
        failing = len(self.failing(gates))
        return {"fail_on": list(gates), "failing": failing,
                "verdict": "fail" if failing else "pass"}

    def agreement(self) -> float:
        """How much of the text is faithfully translated, in [0, 1]: the mean of
        ``1 - divergence`` over links, each weighted by its number of characters (links
        the checks did not score left out); before the checks have run, ``1 - score``
        stands in for the divergence.  The report and every view show this one figure.
        A record edited into one no view could show (a link naming a sentence that is not
        there) is a `UsageError` that says what is wrong (`problem`), as `write` says it."""
        checked = any(link.divergence is not None for link in self.links)
        total = weighted = 0.0
        try:
            for link in self.links:
                if min(link.source + link.translation, default=0) < 0:
                    raise IndexError  # sentence -1 would be the last one: measured wrongly
                size = sum(len(self.source.sentences[k].text) for k in link.source) + sum(
                    len(self.translation.sentences[k].text) for k in link.translation)
                value = link.divergence if checked else 1.0 - link.score
                if size == 0 or value is None:
                    continue
                if math.isnan(value):
                    raise ValueError  # min and max would take it for 1.0
                total += size
                weighted += size * (1.0 - min(1.0, max(0.0, value)))
        except (IndexError, TypeError, ValueError):
            problem = self.problem()
            if not problem:
                raise
            from align.errors import UsageError

            raise UsageError(f"this record's agreement cannot be measured: {problem}") from None
        return weighted / total if total else 1.0

    # -- serialisation -------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        body = _plain(self)
        for name in ("source", "translation"):
            side = body[name]
            if side["cues"] is None:  # only a side read from a subtitle file has cues
                del side["cues"]
            for cue in side.get("cues", []):
                if cue["id"] is None:
                    del cue["id"]
        for link in body["links"]:
            for key in ("state", "max_length", "key", "origin"):  # where a file of pairs sets one
                if link[key] is None:
                    del link[key]
            if not link["accepted"]:  # only where a baseline set findings aside
                del link["accepted"]
        return {"format": FORMAT_NAME, "format_version": FORMAT_VERSION, **body}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Alignment:
        """The record `data` (`to_dict`, or its JSON read back) holds; `RecordError` (an
        `InputError` and a `ValueError`) says why it is not one, or not one every view could
        show (`problem`).  ``summary`` is derived from the links, and ignored here."""
        if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
            raise RecordError("not an alignment record (missing 'format': 'align/alignment')")
        version = data.get("format_version")
        if not _is_int(version):
            raise RecordError(f"damaged alignment record: format_version {version!r} is not a "
                             f"whole number (this program reads {FORMAT_VERSION})")
        if version > FORMAT_VERSION:
            raise RecordError(
                f"alignment record format version {version!r} is newer than this "
                f"program understands ({FORMAT_VERSION}); upgrade align"
            )

        def fields(d: Any, what: str, made: type, required: tuple[str, ...],
                   optional: tuple[str, ...] | None = ()) -> dict[str, Any]:
            # A field missing, unknown or of the wrong shape is said by name, not left
            # to fail as a Python error in the dataclass (or later, in a view).
            if not isinstance(d, dict):
                raise RecordError(f"damaged alignment record: {what} is {type(d).__name__}, "
                                 f"not an object ({made.__name__})")
            missing = [k for k in required if k not in d]
            if missing:
                raise RecordError(f"damaged alignment record: {what} has no field {missing[0]!r}")
            # optional None: other fields are ignored (a link's or a finding's, as ever).
            unknown = [k for k in d if optional is not None and k not in required + optional]
            if unknown:
                raise RecordError(f"damaged alignment record: {what} has an unknown field "
                                 f"{unknown[0]!r}")
            return d

        def listed(d: Any, what: str) -> list[Any]:
            if not isinstance(d, list):
                raise RecordError(f"damaged alignment record: {what} is {type(d).__name__}, "
                                 "not a list")
            return d

        def side(d: Any, name: str) -> Side:
            d = fields(d, f"the {name}", Side, (),
                       ("sentences", "name", "path", "language", "encoding", "paragraphs",
                        "cues"))
            sentences = [Sentence(**fields(s, f"{name} sentence {k + 1}", Sentence,
                                           ("text", "start", "end", "paragraph")))
                         for k, s in enumerate(listed(d.get("sentences", []),
                                                      f"the {name}'s sentences"))]
            cues = None if d.get("cues") is None else [
                Cue(**fields(c, f"{name} cue {k + 1}", Cue, ("paragraph", "number", "start",
                                                             "end"), ("id",)))
                for k, c in enumerate(listed(d["cues"], f"the {name}'s cues"))]
            rest = {k: v for k, v in d.items() if k not in ("sentences", "cues")}
            return Side(sentences=sentences, cues=cues, **rest)

        def finding(d: Any, where: str) -> Finding:
            d = fields(d, f"{where}: a finding", Finding, ("kind", "severity", "reason"), None)
            return Finding(
                kind=d["kind"],
                severity=d["severity"],
                reason=d["reason"],
                spans=[Span(**fields(s, f"{where}: a span", Span, ("side", "start", "end"),
                                     ("text",)))
                       for s in listed(d.get("spans", []), f"{where}: a finding's spans")],
            )

        links = []
        for number, l in enumerate(listed(data.get("links", []), "its links"), 1):
            where = f"link {number}"
            l = fields(l, where, Link, ("source", "translation"), None)
            links.append(Link(
                source=listed(l["source"], f"{where}'s source"),
                translation=listed(l["translation"], f"{where}'s translation"),
                score=l.get("score", 0.0),
                divergence=l.get("divergence"),
                findings=[finding(f, where) for f in listed(l.get("findings", []),
                                                            f"{where}'s findings")],
                accepted=[finding(f, where) for f in listed(l.get("accepted", []),
                                                            f"{where}'s accepted")],
                state=l.get("state"),
                max_length=l.get("max_length"),
                key=l.get("key"),
                origin=l.get("origin"),
            ))
        for name in ("source", "translation"):
            if name not in data:
                raise RecordError(f"damaged alignment record: no field {name!r}")
        record = cls(
            source=side(data["source"], "source"),
            translation=side(data["translation"], "translation"),
            links=links,
            signature=data.get("signature", {}),
            timings=data.get("timings", {}),
            warnings=data.get("warnings", []),
            created=data.get("created", ""),
            neighbourhood=data.get("neighbourhood", []),
        )
        problem = record.problem()
        if problem:
            raise RecordError(f"damaged alignment record: {problem}")
        return record

    def problem(self) -> str | None:
        """What makes this record unusable (a hand-edited or damaged file), or None.

        Every view and check indexes sentences through the links and compares severities
        and scores: a record that breaks these rules would fail deep inside one of them.
        The types are checked too (a hand edit that makes the signature a string, a
        language a number): every view reads them as format.md says they are.

        Links and sentences are numbered from 1, as the views number their rows
        (``link 2``, ``source sentence 3``: the third); where a message quotes the
        sentence numbers a link holds, or a paragraph number, it quotes them as the record
        writes them, from 0, and says so (``link 2 names source sentence 9; the source has
        2 sentences (0 to 1)``)."""
        shape = self._shape_problem()
        if shape:
            return shape
        for name in ("source", "translation"):
            end = 0
            side = self.side(name)
            for k, sentence in enumerate(side.sentences):
                if not (isinstance(sentence.text, str) and _is_int(sentence.start)
                        and _is_int(sentence.end)):
                    return f"{name} sentence {k + 1} has no text or no offsets"
                if sentence.start < end or sentence.end - sentence.start != len(sentence.text):
                    return (f"{name} sentence {k + 1}: its offsets {sentence.start}–"
                            f"{sentence.end} do not fit its text or follow the one before")
                if not (_is_int(sentence.paragraph)
                        and 0 <= sentence.paragraph < side.paragraphs):
                    # The views break rows and count lines by paragraph.
                    return (f"{name} sentence {k + 1}: paragraph {sentence.paragraph!r} is not "
                            f"one of the side's {side.paragraphs} (0 to {side.paragraphs - 1})")
                end = sentence.end
        last = {"source": -1, "translation": -1}
        for number, link in enumerate(self.links, 1):
            for name in ("source", "translation"):
                indices = link.source if name == "source" else link.translation
                count = len(self.side(name).sentences)
                for k in indices:
                    if not _is_int(k) or not 0 <= k < count:
                        held = ("no sentences" if not count else "1 sentence (0)"
                                if count == 1 else f"{count} sentences (0 to {count - 1})")
                        return f"link {number} names {name} sentence {k!r}; the {name} has {held}"
                    if k <= last[name]:
                        return (f"link {number}: {name} sentence {k} does not follow sentence "
                                f"{last[name]}; links take the sentences in order, each in one "
                                "link (numbered from 0 in the links)")
                    last[name] = k
            for label, value in (("score", link.score), ("divergence", link.divergence)):
                if not (value is None and label == "divergence") and not (
                        _is_number(value) and math.isfinite(value)):
                    return f"link {number}: {label} {value!r} is not a number"
                if value is not None and not 0 <= value <= 1:
                    # Both are in [0, 1] (format.md): the views draw them as shares.
                    return f"link {number}: {label} {value!r} is not between 0 and 1"
            for finding in link.findings + link.accepted:
                if finding.severity not in SEVERITIES:
                    return (f"link {number}: severity {finding.severity!r} is not one of "
                            f"{', '.join(SEVERITIES)}")
                if not isinstance(finding.kind, str) or not finding.kind:
                    # A kind of its own is fine: a project may add a check of its own.
                    return f"link {number}: finding kind {finding.kind!r} is not a name"
                for span in finding.spans:
                    length = self.side(span.side).sentences[-1].end if (
                        span.side in ("source", "translation")
                        and self.side(span.side).sentences) else 0
                    if span.side not in ("source", "translation") or not (
                            _is_int(span.start) and _is_int(span.end)
                            and 0 <= span.start <= span.end <= length):
                        return (f"link {number}: a {finding.kind} finding's span "
                                f"{span.side!r} {span.start!r}–{span.end!r} is not in the text")
        for name in ("source", "translation"):
            # Every sentence is in a link (format.md): one left out would vanish from
            # every view and escape every check.  Indices in range and increasing, as
            # checked above, cover the side exactly when there are as many.
            count = len(self.side(name).sentences)
            held = {k for link in self.links
                    for k in (link.source if name == "source" else link.translation)}
            if len(held) != count:
                missing = min(set(range(count)) - held)
                return (f"{name} sentence {missing + 1} is in no link (no link names "
                        f"{missing}, its number in the links); the links hold {len(held)} of "
                        f"the {count} {name} sentences, and every sentence must be in one")
        return self._surrogate_problem()

    def _shape_problem(self) -> str | None:
        """What in the record is not of the type format.md gives it, or None."""
        def kind(value: Any) -> str:
            return type(value).__name__

        for name in ("source", "translation"):
            side = self.side(name)
            if not isinstance(side, Side):
                return f"the {name} is {kind(side)}, not a side"
            if not isinstance(side.sentences, list) or not all(
                    isinstance(s, Sentence) for s in side.sentences):
                return f"the {name}'s sentences are not a list of sentences"
            if not isinstance(side.name, str):
                return f"the {name}'s name {side.name!r} is not a string"
            for label in ("path", "language", "encoding"):
                value = getattr(side, label)
                if value is not None and not isinstance(value, str):
                    return f"the {name}'s {label} {value!r} is not a string (or null)"
            if not _is_int(side.paragraphs) or side.paragraphs < 0:
                return f"the {name}'s paragraphs {side.paragraphs!r} is not a count"
            cues = _cues_problem(side)
            if cues:
                return f"the {name}'s {cues}"
        if not isinstance(self.links, list) or not all(isinstance(l, Link) for l in self.links):
            return "its links are not a list of links"
        for number, link in enumerate(self.links, 1):
            for label in ("source", "translation"):
                if not isinstance(getattr(link, label), list):
                    return (f"link {number}: its {label} {getattr(link, label)!r} is not a list "
                            "of sentence numbers")
            for label in ("state", "key"):
                value = getattr(link, label)
                if value is not None and not isinstance(value, str):
                    return f"link {number}: its {label} {value!r} is not a string"
            if link.max_length is not None and not isinstance(link.max_length, dict):
                return f"link {number}: its max_length {link.max_length!r} is not an object"
            origin = _origin_problem(link.origin)
            if origin:
                return f"link {number}: its origin {link.origin!r} {origin}"
            for label in ("findings", "accepted"):
                found = getattr(link, label)
                if not isinstance(found, list) or not all(isinstance(f, Finding) for f in found):
                    return f"link {number}: its {label} are not a list of findings"
                for finding in found:
                    if not isinstance(finding.reason, str):
                        return f"link {number}: a finding's reason {finding.reason!r} is not text"
                    if not isinstance(finding.spans, list) or not all(
                            isinstance(s, Span) and isinstance(s.text, str)
                            for s in finding.spans):
                        return f"link {number}: a finding's spans are not a list of spans"
        return self._top_level_problem()

    def _top_level_problem(self) -> str | None:
        """The signature, timings, warnings, date and neighbourhood, as the views read them."""
        signature = self.signature
        if not isinstance(signature, dict):
            return f"its signature {signature!r} is not an object"
        for key, value in signature.items():
            if not isinstance(key, str):
                return f"its signature has a key {key!r} that is not a string"
            if key in ("string", "input", "tool", "version") and not isinstance(value, str):
                return f"its signature's {key} {value!r} is not a string"
            if (key in ("segmentation", "alignment", "baseline", "checks")
                    and not isinstance(value, dict)):
                return f"its signature's {key} {value!r} is not an object"
        for key in ("ignore", "fail_on"):  # the summary's verdict reads the gates
            value = (signature.get("checks") or {}).get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                return f"its signature's checks {key} {value!r} is not a list of strings"
        for gate in (signature.get("checks") or {}).get("fail_on", []):
            kind, colon, severity = gate.partition(":")
            # A kind may be a project's own check's; a severity must be one of ours.
            if not kind or colon and severity not in SEVERITIES:
                return (f"its signature's checks fail_on {gate!r} is no gate: a severity, "
                        "a finding kind or KIND:SEVERITY")
        for where, holder in (("signature", signature), ("signature's checked",
                                                        signature.get("checked", {}))):
            if not isinstance(holder, dict):
                return f"its {where} {holder!r} is not an object"
            model = holder.get("model")
            if model is None:
                continue
            if not isinstance(model, dict):
                return f"its {where} model {model!r} is not an object (id, checksum, backend …)"
            for key in ("id", "signature", "backend", "checksum"):
                if model.get(key) is not None and not isinstance(model[key], str):
                    return f"its {where} model's {key} {model[key]!r} is not a string"
        if not isinstance(self.timings, dict) or not all(
                isinstance(k, str) and _is_number(v)
                for k, v in self.timings.items()):
            return f"its timings {self.timings!r} are not seconds by stage name"
        if not isinstance(self.warnings, list) or not all(
                isinstance(w, str) for w in self.warnings):
            return f"its warnings {self.warnings!r} are not a list of strings"
        if not isinstance(self.created, str):
            return f"its created {self.created!r} is not a date string (or \"\")"
        rows = self.neighbourhood
        if not isinstance(rows, list) or not all(
                isinstance(row, list) and all(
                    isinstance(pair, list | tuple) and len(pair) == 2 and _is_int(pair[0])
                    and _is_number(pair[1])
                    for pair in row)
                for row in rows):
            return "its neighbourhood is not a list of [j, similarity] lists"
        return None

    def _surrogate_problem(self) -> str | None:
        """A lone surrogate anywhere in the record (a hand edit that wrote ``"\\ud800"``):
        the JSON, TSV and Moses outputs cannot write it, the record itself included."""
        remedy = "no file can hold it; replace it (with U+FFFD, say) or remove it"
        for name in ("source", "translation"):
            side = self.side(name)
            held_by = {k: number for number, link in enumerate(self.links, 1)
                       for k in (link.source if name == "source" else link.translation)}
            for k, sentence in enumerate(side.sentences):
                where = _lone_surrogate(sentence.text)
                if where:
                    link = f" (in link {held_by[k]})" if k in held_by else ""
                    return (f"{name} sentence {k + 1}{link} holds a lone surrogate, {where}: "
                            f"{remedy}")
            for field_name in ("name", "path", "language", "encoding"):
                where = _lone_surrogate(getattr(side, field_name))
                if where:
                    return f"the {name}'s {field_name} holds a lone surrogate, {where}: {remedy}"
            for k, cue in enumerate(side.cues or (), 1):
                where = _lone_surrogate(cue.id)
                if where:
                    return f"the {name}'s cue {k}'s id holds a lone surrogate, {where}: {remedy}"
        for number, link in enumerate(self.links, 1):
            parts = [("key", link.key), ("state", link.state), ("max_length", link.max_length),
                     ("origin", link.origin)]
            for finding in link.findings + link.accepted:
                parts += [("finding kind", finding.kind),
                          (f"{finding.kind} finding's reason", finding.reason),
                          (f"{finding.kind} finding's span", [s.text for s in finding.spans])]
            for label, value in parts:
                where = _lone_surrogate(value)
                if where:
                    return f"link {number}: its {label} holds a lone surrogate, {where}: {remedy}"
        for label, value in (("signature", self.signature), ("timings", self.timings),
                             ("warnings", self.warnings), ("created", self.created)):
            where = _lone_surrogate(value)
            if where:
                return f"its {label} holds a lone surrogate, {where}: {remedy}"
        return None


def _cues_problem(side: Side) -> str | None:
    """What makes a side's `Side.cues` unusable, or None: a list of cues, each in one of the
    side's paragraphs, in order, numbered from 1, its times seconds."""
    if side.cues is None:
        return None
    if not isinstance(side.cues, list) or not all(isinstance(c, Cue) for c in side.cues):
        return "cues are not a list of cues"
    paragraph = -1
    for k, cue in enumerate(side.cues, 1):
        if not (_is_int(cue.paragraph) and paragraph <= cue.paragraph < side.paragraphs):
            # The paragraphs are numbered from 0, as the record writes them.
            return (f"cue {k}: paragraph {cue.paragraph!r} is not one of the side's "
                    f"{side.paragraphs} (0 to {side.paragraphs - 1}) at or after the cue "
                    "before")
        paragraph = cue.paragraph
        if not (_is_int(cue.number) and cue.number >= 1):
            return f"cue {k}: number {cue.number!r} is not a number from 1"
        if cue.id is not None and not isinstance(cue.id, str):
            return f"cue {k}: id {cue.id!r} is not a string (or null)"
        if not all(_is_number(t) and math.isfinite(t) and t >= 0 for t in (cue.start, cue.end)):
            return f"cue {k}: its times {cue.start!r}–{cue.end!r} are not seconds"
    return None


def _origin_problem(origin: Any) -> str | None:
    """What makes a link's `origin` unusable, or None: it must be an object whose numbers
    (`ORIGIN_NUMBERS`) count from 1 and whose names (`ORIGIN_NAMES`) are strings; a key
    this version does not know may be a number or a string."""
    if origin is None:
        return None
    if not isinstance(origin, dict):
        return "is not an object"
    for name, value in origin.items():
        number = _is_int(value) and value >= 1
        if name in ORIGIN_NUMBERS and not number:
            return f"has {name!r} {value!r}, which is not a number from 1"
        if name in ORIGIN_NAMES and not isinstance(value, str):
            return f"has {name!r} {value!r}, which is not a string"
        if not (number or isinstance(value, str)):
            return f"has {name!r} {value!r}, which is not a number from 1 or a string"
    return None


def link_texts(alignment: Alignment, link: Link) -> tuple[str, str]:
    """The texts of both sides of `link` as `finding_key` compares them: its sentences
    joined by a space, whitespace-normalised (empty for a side with none)."""
    return (normal_text(" ".join(alignment.source.sentences[k].text for k in link.source)),
            normal_text(" ".join(alignment.translation.sentences[k].text
                                 for k in link.translation)))


def finding_key(alignment: Alignment, i: int, finding: Finding,
                texts: tuple[str, str] | None = None) -> FindingKey:
    """What identifies finding `finding` of link `i` across runs (``check --baseline``, the
    HTML page's marks): its kind, both texts of its link and its spans' texts, whitespace
    aside.  `texts`: the link's `link_texts`, where the caller has them already."""
    source, translation = texts if texts is not None else link_texts(alignment,
                                                                     alignment.links[i])
    spans = tuple(sorted((s.side, normal_text(s.text)) for s in finding.spans))
    return (finding.kind, source, translation, spans)


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


_ATOMS = (str, int, float, bool, type(None))


def _plain(value: Any) -> Any:
    """`value` as `dataclasses.asdict` gives it (dataclasses as dicts, containers rebuilt),
    without its deep copy of every string and number: a record of 4,000 sentences was
    0.3 s of `asdict` in every run that writes one."""
    if isinstance(value, _ATOMS):
        return value
    if hasattr(type(value), "__dataclass_fields__"):
        return {name: _plain(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    if isinstance(value, tuple) and hasattr(value, "_fields"):  # a named tuple
        return type(value)(*[_plain(v) for v in value])
    if isinstance(value, list | tuple | set | frozenset):
        return type(value)(_plain(v) for v in value)
    return copy.deepcopy(value)
