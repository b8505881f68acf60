"""align's checks against a mechanical QA checker, on the same bilingual pairs.

    python benchmarks/bench_qa.py [--seeds 3] [--false]

QA checkers such as Okapi CheckMate and Xbench check a bilingual file pair by pair
with mechanical rules.  Neither runs here (CheckMate is a Java application that
its project distributes outside the package registries, Xbench a Windows program),
so the checker measured is **pofilter**, from translate-toolkit (PyPI): the
open-source mechanical checker of the same family, whose checks those of Pootle and
Weblate grew from.  It runs its 42 standard checks (``StandardChecker``) on each pair.

The pairs: every one-to-one link of the development gold alignments (four
English–French novels, one German–French yearbook), one document at a time, as
``align check --pairs DOC.tsv`` reads them (`align.checks.pairs.read_pairs`, then
`align.check`).  In each of `--seeds` copies, about one pair in seven gets
one planted change:

* defects: a number changed, a word written twice, the source left in place of
  the translation, the final punctuation mark changed, a closing bracket dropped,
  a clause dropped (omission), a sentence of another book appended (addition), a
  name swapped for another name of the book, a verb negated (meaning shift);
* and a change that is **not** a defect: a number of four digits or more written
  as French writes it (``7 312 m`` for ``7312 m``, with a no-break space), which a
  checker should let pass.

A planted defect is found when the tool reports, on its pair, a finding of the
matching kind: for align its finding kind (for the mechanical ones, the doubled
word, final-mark or unbalanced-bracket finding; a length anomaly counts for
omissions and additions), for pofilter its checks ``numbers``, ``doublewords``,
``unchanged``, ``endpunc``, ``brackets``, ``short``/``long``/``sentencecount``;
pofilter has no check that could see a swapped name or a negation.  align is
counted three times: every finding it reports (``info`` and up, as pofilter reports
every failure), the findings of severity ``minor`` and up, and those of ``major`` and
up (what ``align check`` fails on by default).

Precision counts, per kind, the findings on pairs planted with a defect of that
kind against all findings of the kind in the planted copies: the real divergences
of these published translations count as false for both tools.  The same pairs
unmodified give each tool's false alarms per 1,000 pairs.

Skips cleanly when ``../shared/data`` or translate-toolkit is absent
(``pip install -e ".[test]"`` installs it).
"""

from __future__ import annotations

import argparse
import math
import random
import re
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCHMARKS))
sys.path.insert(0, str(BENCHMARKS.parent))

from bench_divergence import (  # noqa: E402
    _NAME,
    _NUMBER,
    DATA,
    all_gold,
    double_word,
    drop_clause,
    names_and_apostrophe,
    negate_french,
)

#: Planted change -> the finding kind that reports it (None: not a defect).
EXPECTED = {
    "number": "number", "doubled": "doubled word", "untranslated": "untranslated",
    "punctuation": "final mark", "bracket": "brackets", "clause": "omission",
    "append": "addition", "name": "name", "negate": "meaning shift", "regroup": None,
}
KINDS = ("number", "doubled word", "untranslated", "final mark", "brackets", "omission",
         "addition", "name", "meaning shift")
#: pofilter's checks, by the kind of finding they report.
POFILTER_KINDS = {
    "numbers": ("number",), "doublewords": ("doubled word",), "unchanged": ("untranslated",),
    "endpunc": ("final mark",), "brackets": ("brackets",), "short": ("omission",),
    "long": ("addition",), "sentencecount": ("omission", "addition"),
}
#: Share of a document's pairs that get each planted change.
SHARE = 0.015
_QUANTITY = re.compile(
    r"(?<![\d.,])(\d{4,})(?= (?:m|km|mètres|francs|fr|Fr)\b)|(?<![\d.,\s])(\d{5,})(?!\d)")


def _align_kinds(finding) -> tuple[str, ...]:
    if finding.kind == "mechanical":
        if finding.reason.startswith("doubled word"):
            return ("doubled word",)
        if re.match(r"the source ends (with \S+|without a final mark) but", finding.reason):
            return ("final mark",)
        if finding.reason.startswith("unbalanced brackets"):
            return ("brackets",)
        return ("mechanical, other",)
    if finding.kind == "length":
        return ("omission", "addition")
    return ({"meaning-shift": "meaning shift"}.get(finding.kind, finding.kind),)


def _plant(kind: str, s: str, t: str, rng: random.Random, names: list[str],
           foreign: list[str], apostrophe: str) -> str | None:
    """The translation `t` of source `s` with `kind` planted (None if it cannot be)."""
    if kind == "number":
        nums = [m for m in _NUMBER.finditer(t) if m.group() in s]
        if nums:
            m = rng.choice(nums)
            return t[: m.start()] + str(int(m.group()) + rng.choice([1, 2, 3, 10, 20])) + (
                t[m.end() :])
    elif kind == "regroup":
        found = [m for m in _QUANTITY.finditer(t) if (m.group(1) or m.group(2)) in s]
        if found:
            m = rng.choice(found)
            digits = m.group()
            grouped = f"{int(digits):,}".replace(",", "\u00a0")
            return t[: m.start()] + grouped + t[m.end() :]
    elif kind == "doubled":
        doubled = double_word(t, rng)
        # French writes "vous vous" and "nous nous" on purpose (reflexive verbs).
        return None if doubled is None or re.search(r"\b(\w+) \1\b", t) or re.search(
            r"\b([nv]ous) \1\b", doubled, re.I) else doubled
    elif kind == "untranslated":
        return s if s != t else None
    elif kind == "punctuation":
        end = len(t.rstrip())
        if t[end - 1 : end] in (".", "?", "!") and s.rstrip()[-1:] == t[end - 1]:
            return t[: end - 1] + rng.choice([m for m in ".?!" if m != t[end - 1]]) + t[end:]
    elif kind == "bracket":
        if t.count("(") == t.count(")") > 0 and s.count("(") == s.count(")") > 0:
            k = t.rindex(")")
            return t[:k].rstrip(" ") + " " + t[k + 1 :].lstrip(" ") if 0 < k < len(t) - 1 else (
                t[:k] + t[k + 1 :])
    elif kind == "clause":
        return drop_clause(t, rng)
    elif kind == "append":
        end = len(t.rstrip())  # the yearbook's lines end with a space: keep it at the end
        return f"{t[:end]} {rng.choice(foreign).strip()}{t[end:]}"
    elif kind == "name":
        found = [m for m in _NAME.finditer(t) if m.group() in s]
        others = [n for n in names if n not in s and n not in t]
        if found and others:
            m = rng.choice(found)
            return t[: m.start()] + rng.choice(others) + t[m.end() :]
    elif kind == "negate":
        return negate_french(t, apostrophe)
    return None


def document_pairs(doc) -> list[tuple[str, str]]:
    _, src, tgt, links = doc
    return [(src[a[0]], tgt[b[0]]) for a, b in links if len(a) == 1 and len(b) == 1]


def plant(doc, pairs: list[tuple[str, str]], rng: random.Random, foreign: list[str]):
    """A copy of `pairs` with changes planted in distinct, non-adjacent pairs; returns
    (pairs, {pair index: planted kind})."""
    _, src, tgt, _ = doc
    names, apostrophe = names_and_apostrophe(src, tgt)
    out = list(pairs)
    planted: dict[int, str] = {}
    order = list(range(len(pairs)))
    want = max(1, math.ceil(SHARE * len(pairs)))
    for kind in EXPECTED:
        rng.shuffle(order)
        done = 0
        for i in order:
            if done == want:
                break
            if any(abs(i - k) <= 1 for k in planted):
                continue
            changed = _plant(kind, *pairs[i], rng, names, foreign, apostrophe)
            if changed is not None and changed != pairs[i][1]:
                out[i] = (pairs[i][0], changed)
                planted[i] = kind
                done += 1
    return out, planted


def run_align(pairs: list[tuple[str, str]], folder: Path) -> list[list]:
    """align's findings on each pair: [(kinds, severity index, reason), ...] per pair."""
    import align
    from align.checks.pairs import read_pairs
    from align.record import SEVERITIES

    path = folder / "pairs.tsv"
    path.write_text("".join(f"{s}\t{t}\n" for s, t in pairs), encoding="utf-8")
    record = align.check(read_pairs(path))
    assert len(record.links) == len(pairs)
    return [[(_align_kinds(f), SEVERITIES.index(f.severity),
              f"{f.severity} {f.kind}: {f.reason}") for f in link.findings]
            for link in record.links]


def run_pofilter(pairs: list[tuple[str, str]], target_language: str) -> list[list]:
    from translate.filters import checks
    from translate.storage.pypo import pounit

    checker = checks.StandardChecker(checks.CheckerConfig(targetlanguage=target_language))
    out = []
    for s, t in pairs:
        unit = pounit(s)
        unit.target = t
        failures = checker.run_filters(unit)
        out.append([(POFILTER_KINDS.get(name, (f"other: {name}",)), 0, f"{name}: {why}")
                    for name, why in failures.items()])
    return out


TOOLS = ("pofilter", "align, all findings", "align, minor and up", "align, major and up")


MINOR, MAJOR = 1, 2  # indices into align.record.SEVERITIES (info, minor, major, critical)


def _per_tool(found_align: list[list], found_pofilter: list[list]) -> dict[str, list[set]]:
    """Per tool, the set of kinds reported on each pair."""
    return {
        "pofilter": [{k for kinds, _, _ in f for k in kinds} for f in found_pofilter],
        "align, all findings": [{k for kinds, _, _ in f for k in kinds} for f in found_align],
        "align, minor and up": [{k for kinds, severity, _ in f if severity >= MINOR
                                 for k in kinds} for f in found_align],
        "align, major and up": [{k for kinds, severity, _ in f if severity >= MAJOR
                                 for k in kinds} for f in found_align],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--false", action="store_true",
                        help="list the planted defects pofilter and align (minor and up) missed")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"development data not found at {DATA}; nothing to measure")
        return
    try:
        import translate.filters.checks  # noqa: F401
    except ImportError:
        print("skipped: translate-toolkit is not installed (pip install translate-toolkit)")
        return
    from importlib.metadata import version

    docs = all_gold()
    recall: dict[str, dict[str, list[int]]] = {t: defaultdict(lambda: [0, 0]) for t in TOOLS}
    right: dict[str, Counter] = {t: Counter() for t in TOOLS}
    reported: dict[str, Counter] = {t: Counter() for t in TOOLS}
    alarms: dict[str, Counter] = {t: Counter() for t in TOOLS}
    regrouped: dict[str, int] = Counter()
    n_regrouped = 0
    n_planted = 0
    unmodified_pairs = 0
    missed: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for d, doc in enumerate(docs):
            pairs = document_pairs(doc)
            unmodified_pairs += len(pairs)
            for tool, per_pair in _per_tool(run_align(pairs, folder),
                                            run_pofilter(pairs, "fr")).items():
                for kinds in per_pair:
                    alarms[tool].update(kinds)
            foreign = [line for e, other in enumerate(docs) if e != d for line in other[2]
                       if len(line.split()) >= 8]
            for seed in range(1, args.seeds + 1):
                planted_pairs, planted = plant(doc, pairs, random.Random(seed * 100 + d),
                                               foreign)
                found_align = run_align(planted_pairs, folder)
                found_pofilter = run_pofilter(planted_pairs, "fr")
                per_tool = _per_tool(found_align, found_pofilter)
                n_planted += len(planted)
                for i, kind in planted.items():
                    expected = EXPECTED[kind]
                    if expected is None:
                        n_regrouped += 1
                    for tool in TOOLS:
                        kinds = per_tool[tool][i]
                        if expected is None:
                            regrouped[tool] += "number" in kinds
                            continue
                        recall[tool][kind][0] += expected in kinds
                        recall[tool][kind][1] += 1
                        if args.false and expected not in kinds and tool in (
                                "pofilter", "align, minor and up"):
                            raw = found_pofilter[i] if tool == "pofilter" else found_align[i]
                            missed.append(f"  - {tool} missed {kind} [{doc[0]} seed {seed}]: "
                                          f"{[r for _, _, r in raw]}\n"
                                          f"      S: {planted_pairs[i][0][:160]}\n"
                                          f"      T: {planted_pairs[i][1][:160]}")
                for tool in TOOLS:
                    for i, kinds in enumerate(per_tool[tool]):
                        reported[tool].update(kinds)
                        expected = EXPECTED.get(planted.get(i, ""))
                        if expected in kinds:
                            right[tool][expected] += 1
    print(f"QA checks on {unmodified_pairs} gold one-to-one pairs of {len(docs)} documents, "
          f"{args.seeds} planted copies, {n_planted / args.seeds:.0f} changes planted in each; "
          f"pofilter = translate-toolkit {version('translate-toolkit')} StandardChecker")
    print("  recall (planted defects whose pair gets a finding of the matching kind):")
    print(f"    {'planted':13s} " + "  ".join(f"{t:>20s}" for t in TOOLS))
    for kind, expected in EXPECTED.items():
        if expected is None:
            continue
        cells = []
        for tool in TOOLS:
            hit, total = recall[tool][kind]
            cells.append(f"{hit:3d}/{total:<3d} = {hit / total if total else 0:.2f}")
        print(f"    {kind:13s} " + "  ".join(f"{c:>20s}" for c in cells))
    print("  numbers written the French way (7\u00a0312 for 7312, not a defect), "
          "reported as a number mismatch: "
          + ", ".join(f"{t} {regrouped[t]}/{n_regrouped}" for t in TOOLS))
    print("  precision (findings on pairs planted with their kind / all findings of the kind):")
    for kind in KINDS:
        cells = []
        for tool in TOOLS:
            ok, n = right[tool][kind], reported[tool][kind]
            cells.append(f"{ok:3d}/{n:<4d} = {ok / n:.2f}" if n else "no such check"
                         if tool == "pofilter" else "   0/0")
        print(f"    {kind:13s} " + "  ".join(f"{c:>20s}" for c in cells))
    print(f"  false alarms per 1,000 unmodified pairs ({unmodified_pairs} pairs), by kind:")
    for tool in TOOLS:
        total = sum(alarms[tool].values())
        shown = ", ".join(f"{k} {1000 * n / unmodified_pairs:.0f}"
                          for k, n in alarms[tool].most_common())
        print(f"    {tool}: {1000 * total / unmodified_pairs:.0f} in all ({shown or 'none'})")
    if args.false:
        print("  planted defects missed:")
        print("\n".join(missed))


if __name__ == "__main__":
    main()
