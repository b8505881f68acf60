"""Checks that find where a translation diverges from its source.

`check_alignment` runs every check module over an `Alignment` and fills each
link's ``divergence`` (a calibrated score, 0 = faithful, 1 = unrelated; see
`align.checks.divergence`) and ``findings``.  Each family of finding lives in a
sibling module behind the protocol of `align.checks.base`; adding one means
adding a module and its name to `CHECKS`.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from types import ModuleType
from typing import Any

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
    timing,
    untranslated,
)
from align.checks.base import CheckContext
from align.checks.glossary import Glossary, Termbase, glossary_terms, read_glossary
from align.checks.rules import Rule, read_rules
from align.embedding_cache import TokenVectorCache, open_cache
from align.encoders.base import keeping_word_tokens
from align.errors import UsageError
from align.record import FINDING_KINDS, SEVERITIES, Alignment, Finding, severity_rank

__all__ = [
    "CHECKS",
    "check_alignment",
    "fails",
    "glossary_terms",
    "read_glossary",
    "read_rules",
    "require_gates",
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
    timing,
    rules,
)


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
    fail_on: Sequence[str] = (),
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
    cache problems are added to the record's warnings.  The signature's ``checks`` says
    what decided the findings besides the model (`settings_signature`), with `fail_on`,
    the gates (``major``, ``number``, ``length:major``) that `summarise` gives a verdict
    by.
    """
    ignore, fail_on = gate_list(ignore, "ignore"), gate_list(fail_on, "fail_on")
    require_kinds(ignore)
    require_gates(fail_on)
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
        alignment.warnings += [w for w in ctx.warnings if w not in alignment.warnings]
        alignment.signature["checks"] = settings_signature(ctx.glossary, rules, ignore,
                                                           fail_on)
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
    require_gates([fail_on])
    return bool(alignment.failing([fail_on]))


def gate_list(values: str | Collection[str] | None, name: str) -> tuple[str, ...]:
    """Finding kinds (`ignore`) or gates (`fail_on`) as a tuple: one given as a str is one,
    a set is sorted (so that the signature says it the same in every run); a mapping is
    refused (`UsageError`).  A str may list several, comma-separated (``"number,name"``),
    and a kind or severity is matched in any case (``Major``), each named as the record
    names it (`canonical_names`)."""
    if values is None:
        return ()
    if isinstance(values, str):
        return canonical_names([values])
    if isinstance(values, Mapping):
        raise UsageError(f"{name} must be a str or a list of them, not a "
                         f"{type(values).__name__}")
    if isinstance(values, set | frozenset):
        return tuple(sorted(canonical_names(values), key=str))
    return canonical_names(values)


def canonical_names(values: Iterable[Any]) -> tuple[Any, ...]:
    """`values` with each comma-separated list split (``"number, name"``, as
    ``--fail-on number,name`` gives it) and each severity and finding kind, alone or in
    ``KIND:SEVERITY``, named as `SEVERITIES` and `finding_kinds` name it, whatever its case
    (``Major`` is ``major``).  A name neither knows is kept as given, for
    `require_gates` or `require_kinds` to refuse; a value not a str, for its caller."""
    known = {name.lower(): name for name in (*SEVERITIES, *finding_kinds())}

    def canonical(name: str) -> str:
        return known.get(name.strip().lower(), name.strip())

    names: list[Any] = []
    for value in values:
        if not isinstance(value, str):
            names.append(value)
            continue
        for part in [p for p in value.split(",") if p.strip()] or [value]:
            kind, colon, severity = part.partition(":")
            names.append(canonical(kind) + (colon + canonical(severity) if colon else ""))
    return tuple(names)


def require_gates(gates: Collection[str], option: str = "fail_on") -> None:
    """`UsageError` unless each of `gates` is a severity, a finding kind
    (`finding_kinds`) or ``KIND:SEVERITY``: what `fails` and `check_alignment` refuse,
    said before any work (`align.pipeline.require_usable`) in the same words, the
    parameter named as `option` (``--fail-on`` on the command line)."""
    kinds = finding_kinds()
    for gate in gates:
        kind, colon, severity = gate.partition(":") if isinstance(gate, str) else ("", "", "")
        if isinstance(gate, str) and (
                (not colon and (gate in SEVERITIES or gate in kinds))
                or (colon and kind in kinds and severity in SEVERITIES)):
            continue
        raise UsageError(
            f"{option} takes a severity ({', '.join(SEVERITIES)}), a finding kind "
            f"({', '.join(kinds)}) or KIND:SEVERITY (length:major), not {gate!r}"
        )


def settings_signature(glossary: Glossary | Sequence[tuple[str, str]] | None,
                       rules: Sequence[Rule], ignore: Collection[str],
                       fail_on: Sequence[str]) -> dict:
    """What decided a record's findings besides the model, for its signature's
    ``checks``: the kinds left out (`ignore`), the gates of its verdict (`fail_on`), and of
    a glossary and of the project's rules how many there are and a digest of them
    (``sha256:`` and 12 hex digits, as the model's), so that two records can be told
    checked alike or not; a glossary or rules absent are left out."""
    settings: dict = {"ignore": sorted(ignore), "fail_on": list(dict.fromkeys(fail_on))}
    terms = glossary_terms(glossary or (), None, None)  # pairs or a `Glossary`, as read
    # Sorted: the same terms in another order check alike.
    required = sorted(list(pair) for pair in terms.required)
    forbidden = sorted(list(pair) for pair in terms.forbidden)
    if required or forbidden:
        settings["glossary"] = {"required": len(required), "forbidden": len(forbidden),
                                "digest": _digest([required, forbidden])}
    if rules:
        written = [[r.source.pattern if r.source is not None else None,
                    r.source.flags if r.source is not None else 0,
                    r.translation, r.forbidden, r.message, r.severity] for r in rules]
        settings["rules"] = {"rules": len(written), "digest": _digest(written)}
    return settings


def _digest(value: list) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


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
    """Counts of findings by kind and severity, and the overall agreement score; where the
    record was checked with gates (its signature's ``checks`` ``fail_on``, as ``align
    check --fail-on`` sets them), ``fail_on``, how many findings reach them (``failing``)
    and the ``verdict``: ``"fail"`` if any does, else ``"pass"``."""
    findings = [f for _, f in alignment.findings()]
    by_kind = Counter(f.kind for f in findings)
    # Built-in kinds in their order, then any other (a project's own check).
    kinds = (*FINDING_KINDS, *sorted(set(by_kind) - set(FINDING_KINDS)))
    by_severity = Counter(f.severity for f in findings)
    divergences = [l.divergence for l in alignment.links if l.divergence is not None]
    summary = {
        "links": len(alignment.links),
        "findings": len(findings),
        "by_kind": {k: by_kind[k] for k in kinds if by_kind[k]},
        "by_severity": {s: by_severity[s] for s in reversed(SEVERITIES) if by_severity[s]},
        "agreement": round(agreement(alignment), 4),
        "divergent_links": sum(d >= divergence.THRESHOLD for d in divergences),
        "divergence_threshold": divergence.THRESHOLD,
    }
    summary.update(alignment.verdict() or {})
    return summary
