"""Glossary terms whose required translation is missing.

A glossary is a TSV file, one ``source term<TAB>required translation`` per line;
blank lines and lines starting with ``#`` are skipped.  A source term listed on
several lines accepts any of its translations.  Matching forgives case, accents
and a short inflectional ending (``worker`` matches ``workers``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from align.checks.base import CheckContext
from align.checks.lexicon import fold
from align.errors import InputError
from align.record import Finding

KINDS = ("glossary",)


def read_glossary(path: str | Path) -> list[tuple[str, str]]:
    """The ``(source term, required translation)`` pairs of a glossary TSV file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(
            f"glossary {path} does not exist; give a TSV file of term<TAB>translation"
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read glossary {path} ({error}); give a UTF-8 TSV file") from None
    pairs = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 2 or not fields[0].strip() or not fields[1].strip():
            raise InputError(
                f"glossary {path}, line {number}: expected 'source term<TAB>translation'"
            )
        pairs.append((fields[0].strip(), fields[1].strip()))
    return pairs


def _pattern(term: str) -> re.Pattern[str]:
    parts = [re.escape(p) for p in fold(term).split()]
    # Up to three letters of inflection on each word: plural, gender, case endings.
    return re.compile(r"(?<!\w)" + r"\w{0,3}\s+".join(parts) + r"\w{0,3}(?!\w)")


def _compile(glossary: Sequence[tuple[str, str]]):
    accepted: dict[str, list[str]] = defaultdict(list)
    for term, translation in glossary:
        accepted[term].append(translation)
    return [
        (term, _pattern(term), translations, [_pattern(t) for t in translations])
        for term, translations in accepted.items()
    ]


def run(ctx: CheckContext) -> list[tuple[int, Finding]]:
    if not ctx.glossary:
        return []
    entries = _compile(ctx.glossary)
    out: list[tuple[int, Finding]] = []
    for i in range(len(ctx.alignment.links)):
        source, translation = ctx.sources[i], ctx.translations[i]
        if not source or not translation:
            continue
        folded_source, folded_translation = fold(source.text), fold(translation.text)
        for term, source_pattern, translations, patterns in entries:
            hit = source_pattern.search(folded_source)
            if hit is None or any(p.search(folded_translation) for p in patterns):
                continue
            wanted = " or ".join(f"'{t}'" for t in translations)
            out.append((i, Finding(
                "glossary", "minor",
                f"glossary: '{term}' should be translated as {wanted}",
                [ctx.span(source, hit.start(), hit.end())] + ctx.whole(translation),
            )))
    return out
