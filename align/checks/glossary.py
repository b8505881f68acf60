"""Glossary terms whose required translation is missing, or translated by a forbidden term.

A glossary is a TSV file, one ``source term<TAB>required translation`` per line, or a CSV
file (``.csv``: comma, semicolon or tab, quoted as spreadsheets quote); blank lines, lines
starting with ``#`` and a first row naming the columns (``en,fr``; ``Source term``) are
skipped.  It is decoded as `align.reading`
decodes a text: UTF-8, UTF-16 with or without its mark, Windows-1252 ….  A source term
listed on several lines accepts any of its translations.  Matching forgives case, accents
and the inflection of each word by its language's endings (``worker`` matches
``workers``, ``journal`` matches ``journaux``), and is of whole words: ``log`` is not in
``Login``.

Or a TBX termbase (``.tbx``, ISO 30042, as terminology tools export them: TBX 2's
``<martif>`` with ``termEntry``/``langSet``/``tig``, or TBX 3's ``<tbx>`` with
``conceptEntry``/``langSec``/``termSec``).  Each concept's terms in the source
language are the source terms, its terms in the translation's language the
accepted translations, except those whose administrative status (or normative
authorisation) is *deprecated* or *superseded*: those are forbidden, and a
translation that uses one where the source has the concept is reported.  A termbase
holds many languages, so its two are chosen once the texts' languages are known.
"""

from __future__ import annotations

import csv
import io
import os
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from align.checks.base import CheckContext
from align.checks.lexicon import fold
from align.checks.pairs import column_heading
from align.errors import InputError
from align.markup import local_name as _local
from align.record import Finding

KINDS = ("glossary",)

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: Status values that take a term out of use (TBX ``administrativeStatus`` and the older
#: ``normativeAuthorization``, with or without TBX-Basic's ``-admn-sts`` suffix).
_FORBIDDEN_STATUS = ("deprecated", "superseded")


@dataclass(frozen=True)
class Term:
    text: str
    forbidden: bool = False


@dataclass(frozen=True)
class Termbase:
    """The concepts of a TBX file: for each, its terms by language (primary subtag)."""

    path: str
    concepts: tuple[dict[str, tuple[Term, ...]], ...]

    @property
    def languages(self) -> list[str]:
        return sorted({language for concept in self.concepts for language in concept})

    def resolve(self, source: str | None, translation: str | None) -> Glossary:
        """The required and forbidden translations from `source` into `translation`."""
        if source not in self.languages or translation not in self.languages:
            raise InputError(
                f"glossary {self.path} holds terms in {', '.join(self.languages) or 'no language'}"
                f", not in both languages of the texts ({source or '?'} → {translation or '?'})"
            )
        required: list[tuple[str, str]] = []
        forbidden: list[tuple[str, str]] = []
        for concept in self.concepts:
            for term in concept.get(source, ()):
                for target in concept.get(translation, ()):
                    (forbidden if target.forbidden else required).append((term.text, target.text))
        return Glossary(required, forbidden)


@dataclass(frozen=True)
class Glossary:
    """Terms as the check reads them: (source term, translation) pairs."""

    required: Sequence[tuple[str, str]] = ()
    forbidden: Sequence[tuple[str, str]] = ()


def read_glossary(path: str | Path) -> list[tuple[str, str]] | Termbase:
    """The ``(source term, required translation)`` pairs of a glossary TSV file, or the
    concepts of a TBX termbase (``.tbx``, or a file whose root is ``<martif>`` or ``<tbx>``),
    whose pairs depend on the texts' languages (`Termbase.resolve`)."""
    from align.reading import decode_text

    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        data = None  # a missing termbase is `_read_tbx`'s to name
    except OSError as error:
        raise InputError(f"cannot read glossary {path} ({error.strerror})") from None
    head = (data or b"")[:2048]
    if path.suffix.lower() == ".tbx" or b"<martif" in head or b"<tbx" in head:
        return _read_tbx(path)
    if data is None:
        raise InputError(
            f"glossary {path} does not exist; give a TSV file of term<TAB>translation or a "
            "TBX termbase"
        )
    # Decoded as a document is (a spreadsheet saves Windows-1252 or UTF-16): what the
    # decoder notes, a guessed code page, has no record to go to here.
    text, _ = decode_text(data, f"glossary {path}", [])
    delimiter = _csv_delimiter(text) if path.suffix.lower() == ".csv" else "\t"
    pairs = []
    rows = csv.reader(io.StringIO(text), delimiter=delimiter) if delimiter != "\t" else (
        line.split("\t") for line in text.splitlines())
    for number, fields in enumerate(rows, start=1):
        if delimiter != "\t":
            number = rows.line_num
        if not "".join(fields).strip() or fields[0].lstrip().startswith("#"):
            continue
        if not pairs and column_heading(fields)[0]:  # `en,fr`, `Source term;Target term`
            continue
        if len(fields) < 2 or not fields[0].strip() or not fields[1].strip():
            shown = "<TAB>" if delimiter == "\t" else delimiter
            raise InputError(
                f"glossary {path}, line {number}: expected 'source term{shown}translation'"
            )
        pairs.append((fields[0].strip(), fields[1].strip()))
    return pairs


def _csv_delimiter(text: str) -> str:
    """The delimiter of a CSV glossary: a comma, or the semicolon that spreadsheets write
    where the comma is the decimal separator, or a tab.  The one that splits every line
    into two fields, where one does (so that `salt, pepper;sel, poivre` is a pair of terms
    with commas, not three fields); else as `csv.Sniffer` reads the first lines."""
    lines = [line for line in text.splitlines()
             if line.strip() and not line.lstrip().startswith("#")][:200]
    two = [d for d in ",;\t" if lines and all(
        len(row) == 2 for row in csv.reader(lines, delimiter=d))]
    if len(two) == 1:
        return two[0]
    try:
        return csv.Sniffer().sniff("\n".join(lines[:50]), delimiters="".join(two) or ",;\t"
                                   ).delimiter
    except csv.Error:
        return (two or [max(",;\t", key=lambda d: sum(d in line for line in lines))])[0]


def _forbidden(container: ET.Element) -> bool:
    """Whether a TBX term's own notes say it is out of use."""
    for element in container.iter():
        name = _local(element.tag)
        kind = element.get("type", name) if name == "termNote" else name
        if kind in ("administrativeStatus", "normativeAuthorization"):
            value = (element.text or "").strip().lower()
            if value.startswith(_FORBIDDEN_STATUS):
                return True
    return False


def _read_tbx(path: Path) -> Termbase:
    try:
        root = ET.parse(path).getroot()
    except FileNotFoundError:
        raise InputError(f"glossary {path} does not exist") from None
    except (OSError, ET.ParseError) as error:
        raise InputError(f"glossary {path} is not well-formed TBX ({error})") from None
    concepts = []
    for entry in root.iter():
        if _local(entry.tag) not in ("termEntry", "conceptEntry"):
            continue
        terms: dict[str, list[Term]] = defaultdict(list)
        for section in entry:
            if _local(section.tag) not in ("langSet", "langSec"):
                continue
            code = section.get(_XML_LANG) or section.get("lang") or ""
            language = code.replace("_", "-").split("-")[0].lower()
            for container in section.iter():
                if _local(container.tag) not in ("tig", "ntig", "termSec"):
                    continue
                term = next((e for e in container.iter() if _local(e.tag) == "term"), None)
                text = " ".join("".join(term.itertext()).split()) if term is not None else ""
                if language and text:
                    terms[language].append(Term(text, _forbidden(container)))
        if len(terms) >= 2:
            concepts.append({language: tuple(ts) for language, ts in terms.items()})
    if not concepts:
        raise InputError(f"glossary {path} holds no concept with terms in two languages")
    return Termbase(str(path), tuple(concepts))


#: The endings a word takes in inflection, by language (folded: no accents), as
#: ``(end of the word replaced, what replaces it)``: plurals, gender, case endings.  A
#: closed list, so that ``log`` matches ``logs`` but not ``login``, nor ``tab`` ``table``.
_ENDINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (("", "s"), ("", "es"), ("", "'s"), ("", "s'"), ("y", "ies"), ("f", "ves"),
           ("fe", "ves")),
    "fr": (("", "s"), ("", "x"), ("", "e"), ("", "es"), ("al", "aux"), ("ail", "aux")),
    "de": (("", "s"), ("", "e"), ("", "n"), ("", "en"), ("", "er"), ("", "ern"), ("", "es"),
           ("", "ns"), ("", "ens")),
    "nl": (("", "s"), ("", "'s"), ("", "e"), ("", "en")),
    "es": (("", "s"), ("", "es"), ("z", "ces")),
    "pt": (("", "s"), ("", "es"), ("al", "ais"), ("ao", "oes"), ("m", "ns")),
    "it": (("o", "i"), ("a", "e"), ("e", "i")),
}
#: For a language without its own list (or not known): every list's endings but Italian's,
#: which swap one vowel for another and would make ``data`` ``date``.
_ANY_ENDINGS = tuple(dict.fromkeys(
    ending for language, endings in _ENDINGS.items() if language != "it" for ending in endings))


def _word_pattern(word: str, endings: tuple[tuple[str, str], ...]) -> str:
    forms = {re.escape(word)}
    for replaced, replacement in endings:
        # The stem keeps two letters at least: "a" is no "aux".
        if word.endswith(replaced) and len(word) - len(replaced) >= 2:
            forms.add(re.escape(word[:len(word) - len(replaced)] + replacement))
    return "(?:" + "|".join(sorted(forms, key=len, reverse=True)) + ")"


def _pattern(term: str, language: str | None = None) -> re.Pattern[str]:
    """The folded text of `term` in any of its inflections in `language`, as whole words.

    Each word may inflect, not only the last: adjectives agree in French, German, Spanish
    (``mouvement ouvrier``, ``mouvements ouvriers``)."""
    endings = _ENDINGS.get(language or "", _ANY_ENDINGS)
    parts = [_word_pattern(word, endings) for word in fold(term).split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)")


def _compile(glossary: Sequence[tuple[str, str]], source: str | None, translation: str | None):
    accepted: dict[str, list[str]] = defaultdict(list)
    for term, target in glossary:
        accepted[term].append(target)
    return [
        (term, _pattern(term, source), targets, [_pattern(t, translation) for t in targets])
        for term, targets in accepted.items()
    ]


def glossary_terms(glossary, source: str | None, translation: str | None) -> Glossary:
    """What `run` reads from a glossary as `read_glossary` gives it (TSV pairs or a
    termbase), for texts in languages `source` and `translation`."""
    if isinstance(glossary, Glossary):
        return glossary
    if isinstance(glossary, str | os.PathLike):  # a file, as `align check --glossary` takes
        glossary = read_glossary(glossary)
    if isinstance(glossary, Termbase):
        return glossary.resolve(source, translation)
    return Glossary(tuple(glossary or ()))


def run(ctx: CheckContext) -> list[tuple[int, Finding]]:
    terms = ctx.glossary
    if not isinstance(terms, Glossary):
        terms = Glossary(tuple(terms))
    if not terms.required and not terms.forbidden:
        return []
    languages = ctx.source_language, ctx.translation_language
    required = {term: (translations, patterns)
                for term, _, translations, patterns in _compile(terms.required, *languages)}
    banned = {term: (pattern, translations, patterns)
              for term, pattern, translations, patterns in _compile(terms.forbidden, *languages)}
    sources = {term: pattern for term, pattern, _, _ in _compile(terms.required, *languages)}
    sources.update({term: entry[0] for term, entry in banned.items()})
    out: list[tuple[int, Finding]] = []
    for i, source, translation in ctx.paired():
        folded_source, folded_translation = fold(source.text), fold(translation.text)
        for term, source_pattern in sources.items():
            hit = source_pattern.search(folded_source)
            if hit is None:
                continue
            wanted, accepted = required.get(term, ((), ()))
            where = [ctx.span(source, hit.start(), hit.end())]
            advice = " or ".join(f"'{t}'" for t in wanted)
            _, bad, bad_patterns = banned.get(term, (None, (), ()))
            used = [(t, m) for t, p in zip(bad, bad_patterns, strict=True)
                    if (m := p.search(folded_translation)) is not None]
            if used:  # the more precise finding: which forbidden term stands there
                t, m = used[0]
                out.append((i, Finding(
                    "glossary", "minor",
                    f"glossary: '{term}' is translated as '{t}', a term marked deprecated"
                    + (f"; use {advice}" if advice else ""),
                    where + [ctx.span(translation, m.start(), m.end())],
                )))
            elif wanted and not any(p.search(folded_translation) for p in accepted):
                out.append((i, Finding(
                    "glossary", "minor", f"glossary: '{term}' should be translated as {advice}",
                    where + ctx.whole(translation),
                )))
    return out
