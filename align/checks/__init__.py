"""Checks that find where a translation diverges from its source.

`check_alignment` runs every check module over an `Alignment` and fills each
link's ``divergence`` (a calibrated score, 0 = faithful, 1 = unrelated; see
`align.checks.divergence`) and ``findings``.  Each family of finding lives in a
sibling module behind the protocol of `align.checks.base`; adding one means
adding a module and its name to `CHECKS`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from types import ModuleType

import numpy as np

from align.checks import (
    coverage,
    divergence,
    glossary,
    length,
    meaning_shift,
    mechanical,
    names,
    numbers,
    placeholders,
    rules,
    shortcuts,
    untranslated,
)
from align.checks.base import CheckContext
from align.checks.glossary import Glossary, Termbase, glossary_terms, read_glossary
from align.checks.rules import Rule, read_rules
from align.embedding_cache import TokenVectorCache, open_cache
from align.encoders.base import keeping_word_tokens
from align.errors import UsageError
from align.record import FINDING_KINDS, SEVERITIES, Alignment, Finding

__all__ = [
    "CHECKS",
    "check_alignment",
    "fails",
    "glossary_terms",
    "read_glossary",
    "read_rules",
    "require_kinds",
    "severity_rank",
    "summarise",
    "worst_first",
]

#: Every check, in the order their findings are listed within a link of equal severity.
CHECKS: tuple[ModuleType, ...] = (
    coverage,
    meaning_shift,
    numbers,
    names,
    untranslated,
    glossary,
    length,
    mechanical,
    placeholders,
    shortcuts,
    rules,
)


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity) if severity in SEVERITIES else 0


def check_alignment(
    alignment: Alignment,
    encoder=None,
    *,
    source_vectors: np.ndarray | None = None,
    translation_vectors: np.ndarray | None = None,
    glossary: Sequence[tuple[str, str]] | Termbase | Glossary | None = None,
    rules: Sequence[Rule] = (),
    ignore: Collection[str] = (),
    source_text: str | None = None,
    translation_text: str | None = None,
    cache: bool | TokenVectorCache = True,
) -> Alignment:
    """Fill ``divergence`` and ``findings`` of every link of `alignment` and return it.

    `encoder` (an `align.encoders` encoder) enables the model-based parts: the
    calibrated divergence, word-level highlighting, partial omissions and additions.
    Without it, the divergence falls back to what the rules see.  `source_vectors`
    and `translation_vectors`, when given, are the aligner's L2-normalised sentence
    embeddings (rows = sentences) and are reused instead of embedding again.
    Findings of a kind in `ignore` are dropped.  With `cache` (the default, or a
    `TokenVectorCache` to use), the word aligner's token vectors are read from and kept
    in the on-disk token cache, and sentences embedded here use the embedding cache;
    cache problems are added to the record's warnings.
    """
    require_kinds(ignore)
    if (encoder is not None and source_vectors is None and translation_vectors is None
            and alignment.made_by_aligner()):
        # A saved alignment checked again: its links are measured as the run that aligned
        # them measured them, a link of several sentences by the sum of its sentences'
        # vectors (a file of pairs has one text per link instead, embedded as it is).
        from align.embedding_cache import embed

        src, tgt = alignment.source.texts(), alignment.translation.texts()
        both = embed(encoder, src + tgt, cache=bool(cache))
        source_vectors, translation_vectors = both[: len(src)], both[len(src):]
    tokens = open_cache(cache if encoder else False, TokenVectorCache)
    with keeping_word_tokens(encoder), tokens as store:
        ctx = CheckContext(
            alignment=alignment,
            encoder=encoder,
            source_vectors=source_vectors,
            translation_vectors=translation_vectors,
            source_text=source_text,
            translation_text=translation_text,
            cache=bool(cache),
            token_cache=store,
            rules=tuple(rules),
        )
        if glossary:  # a termbase's two languages are those of the texts
            ctx.glossary = glossary_terms(glossary, ctx.source_language,
                                          ctx.translation_language)
        _check(alignment, ctx=ctx, ignore=ignore)
        if store is not None:
            store.flush()
            alignment.warnings += [n for n in store.notices if n not in alignment.warnings]
    return alignment


def _check(alignment: Alignment, ctx: CheckContext, ignore: Collection[str]) -> Alignment:
    scores = divergence.score(ctx)
    found: list[list[Finding]] = [[] for _ in alignment.links]
    for check in CHECKS:
        if set(check.KINDS) <= set(ignore):
            continue
        for i, finding in check.run(ctx):
            if finding.kind not in ignore:
                found[i].append(finding)
    for link, findings, value in zip(alignment.links, found, scores, strict=True):
        link.divergence = round(divergence.adjust(value, findings), 4)
        link.findings = sorted(findings, key=lambda f: -severity_rank(f.severity))
        link.accepted = []  # what an earlier baseline set aside is found again, or not
    if not alignment.made_by_aligner():
        # Pairs a file gave have no aligner's score: their similarity on the document's own
        # scale stands in (0 = as unrelated sentences, 1 = as its typical pair), so that the
        # score column of every view means the same as for aligned text.
        for link, score in zip(alignment.links, divergence.link_scores(ctx), strict=True):
            link.score = score
    return alignment


def worst_first(alignment: Alignment) -> list[tuple[int, Finding]]:
    """All findings with their link index, most severe first, then most divergent link first."""

    def key(item: tuple[int, Finding]):
        i, finding = item
        return (-severity_rank(finding.severity), -(alignment.links[i].divergence or 0.0), i)

    return sorted(alignment.findings(), key=key)


def fails(alignment: Alignment, fail_on: str) -> bool:
    """Whether any finding is of kind `fail_on`, at or above severity `fail_on`, or, for
    ``KIND:SEVERITY`` (``length:major``), of that kind at or above that severity."""
    kind, _, severity = fail_on.partition(":")
    if not severity and kind in SEVERITIES:
        kind, severity = "", kind
    if kind and kind not in finding_kinds() or severity and severity not in SEVERITIES:
        raise UsageError(
            f"--fail-on {fail_on!r} is neither a severity ({', '.join(SEVERITIES)}), "
            f"a finding kind ({', '.join(finding_kinds())}) nor KIND:SEVERITY"
        )
    floor = severity_rank(severity) if severity else 0
    return any((not kind or f.kind == kind) and severity_rank(f.severity) >= floor
               for _, f in alignment.findings())


def agreement(alignment: Alignment) -> float:
    """How much of the text is faithfully translated, in [0, 1] (`Alignment.agreement`)."""
    return alignment.agreement()


def finding_kinds() -> tuple[str, ...]:
    """Every kind a finding may have: the built-in ones (`FINDING_KINDS`), then those of
    checks a project added to `CHECKS`."""
    added = [kind for check in CHECKS for kind in check.KINDS if kind not in FINDING_KINDS]
    return FINDING_KINDS + tuple(dict.fromkeys(added))


def require_kinds(ignore: Collection[str]) -> None:
    """`UsageError` unless every kind in `ignore` is a finding kind (`finding_kinds`):
    what `check_alignment` refuses, said before any work
    (`align.pipeline.require_usable`) in the same words."""
    kinds = finding_kinds()
    unknown = set(ignore) - set(kinds)
    if unknown:
        raise UsageError(
            f"unknown finding kind {sorted(unknown)[0]!r}; choose from {', '.join(kinds)}"
        )


def summarise(alignment: Alignment) -> dict:
    """Counts of findings by kind and severity, and the overall agreement score."""
    findings = [f for _, f in alignment.findings()]
    by_kind = Counter(f.kind for f in findings)
    # Built-in kinds in their order, then any other (a project's own check).
    kinds = (*FINDING_KINDS, *sorted(set(by_kind) - set(FINDING_KINDS)))
    by_severity = Counter(f.severity for f in findings)
    divergences = [l.divergence for l in alignment.links if l.divergence is not None]
    return {
        "links": len(alignment.links),
        "findings": len(findings),
        "by_kind": {k: by_kind[k] for k in kinds if by_kind[k]},
        "by_severity": {s: by_severity[s] for s in reversed(SEVERITIES) if by_severity[s]},
        "agreement": round(agreement(alignment), 4),
        "divergent_links": sum(d >= divergence.THRESHOLD for d in divergences),
        "divergence_threshold": divergence.THRESHOLD,
    }
