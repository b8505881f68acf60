"""How well the divergence score and the checks find real and planted divergences.

    python benchmarks/bench_divergence.py              # every figure
    python benchmarks/bench_divergence.py sconf        # human judgements only
    python benchmarks/bench_divergence.py synthetic    # planted divergences only
    python benchmarks/bench_divergence.py synthetic --false   # and list the false new findings
    python benchmarks/bench_divergence.py letter       # the reference letter
    python benchmarks/bench_divergence.py fit          # refit the score's weights

1. **sconf** (600 English–French pairs, two human judgements each): ROC-AUC of the
   divergence score, and of plain cosine with the same model, for "not judged *sure*
   by both annotators" against "judged *sure* by both"; precision, recall and F1 at
   the default threshold; word-level precision, recall and F1 of the highlighted
   words (spans of omission, addition and meaning-shift findings) against the words
   either annotator marked untranslated, over the pairs both judged *partial*
   (punctuation tokens left out).
2. **synthetic**: documents rebuilt from the development gold alignments (one
   sentence per line) with planted defects, run through the whole pipeline
   (`align.align_texts`): a deleted sentence and a dropped clause (→ omission), an
   inserted sentence from another book (→ addition), a changed number, a swapped
   name, a negated verb (→ meaning-shift; its elided ``n'`` written with the document's
   own apostrophe).  A finding at *minor* or above counts; it is
   right when its link holds a planted defect of its kind, or when it is a name or
   number finding about a word the planting removed or inserted (a dropped clause
   or an inserted sentence can carry a name).  *Strict* precision counts every other
   finding as false; *new* precision only those the unmodified document does not
   already have (on the same source sentences, or about the same words of unchanged
   sentences).  A second copy of each document gets
   source sentences left in place of their translation (→ untranslated) and doubled
   words (→ mechanical), reported apart.
3. **letter**: the findings on the reference letter and its retranslation.
4. **fit**: the logistic weights of `align.checks.divergence`, fitted on synthetic
   divergences made from the gold alignments (never on the sconf judgements), every
   pair word-aligned.

Skips cleanly when ``../shared/data`` is absent.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))

from align.checks import check_alignment, divergence  # noqa: E402
from align.checks.base import CheckContext, link_text  # noqa: E402
from align.checks.pairs import document_text, pairs_alignment  # noqa: E402
from align.record import SEVERITIES, Alignment  # noqa: E402

HIGHLIGHT_KINDS = ("omission", "addition", "meaning-shift")


# -- data ----------------------------------------------------------------------------------


def read_sconf(path: Path) -> list[dict]:
    lines = path.read_text(encoding="utf-8").split("\n")
    items = []
    for i in range(0, len(lines) - 4, 5):
        judgements = []
        for line in lines[i + 3 : i + 5]:
            body = line.split(":", 1)[1].strip()
            label = body.split(";")[0].strip()
            marked: tuple[set[int], set[int]] = (set(), set())
            if label == "partial":
                fields = body.split(";")
                marked = tuple(set(map(int, f.split(":")[1].split())) for f in fields[1:3])
            judgements.append((label, marked))
        items.append(
            {"source": lines[i + 1], "translation": lines[i + 2], "judgements": judgements}
        )
    return items


def read_gold(folder: Path) -> list[tuple[str, list[str], list[str], list[tuple[list, list]]]]:
    """(name, source lines, translation lines, gold links) of every document in `folder`."""
    docs = []
    for gold in sorted(folder.glob("*.gold")) + sorted(folder.glob("*.defr")):
        if gold.suffix == ".defr":
            src, tgt = gold.with_suffix(".de"), gold.with_suffix(".fr")
        else:
            src, tgt = gold.with_suffix(".en"), gold.with_suffix(".fr")
        links = []
        for line in gold.read_text(encoding="utf-8").split("\n"):
            if ":" in line:
                a, b = line.split(":")
                links.append((eval_list(a), eval_list(b)))
        src_lines = src.read_text(encoding="utf-8").rstrip("\n").split("\n")
        tgt_lines = tgt.read_text(encoding="utf-8").rstrip("\n").split("\n")
        docs.append((gold.stem, src_lines, tgt_lines, links))
    return docs


def eval_list(text: str) -> list[int]:
    return [int(x) for x in re.findall(r"\d+", text)]


def all_gold() -> list:
    return read_gold(DATA / "transread-en-fr-dev") + read_gold(DATA / "textberg-de-fr-dev")


# -- metrics -------------------------------------------------------------------------------


def roc_auc(scores, labels) -> float:
    from scipy.stats import rankdata

    scores, labels = np.asarray(scores, float), np.asarray(labels, bool)
    ranks = rankdata(scores)
    pos, neg = labels.sum(), (~labels).sum()
    return float((ranks[labels].sum() - pos * (pos + 1) / 2) / (pos * neg))


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def load_encoder():
    from align.encoders import load_encoder as load

    return load()


# -- 1. sconf ------------------------------------------------------------------------------


def _token_indices(text: str, spans: list[tuple[int, int]]) -> set[int]:
    found, offset = set(), 0
    for k, token in enumerate(text.split(" ")):
        if any(s < offset + len(token) and e > offset for s, e in spans):
            found.add(k)
        offset += len(token) + 1
    return found


def _word_tokens(text: str) -> set[int]:
    return {k for k, t in enumerate(text.split(" ")) if any(c.isalnum() for c in t)}


def bench_sconf(encoder) -> dict:
    items = read_sconf(DATA / "sconf-en-fr-dev" / "3000-3599.txt")
    record = pairs_alignment([(d["source"], d["translation"]) for d in items])
    started = time.perf_counter()
    check_alignment(record, encoder, source_text=document_text(record.source),
                    translation_text=document_text(record.translation))
    seconds = time.perf_counter() - started
    divergent = np.array([not all(j[0] == "sure" for j in d["judgements"]) for d in items])
    scores = np.array([l.divergence for l in record.links])
    src = encoder.encode([d["source"] for d in items])
    tgt = encoder.encode([d["translation"] for d in items])
    cosine = np.einsum("ij,ij->i", src, tgt)
    flagged = scores >= divergence.THRESHOLD
    tp = int((flagged & divergent).sum())
    p, r, f = prf(tp, int((flagged & ~divergent).sum()), int((~flagged & divergent).sum()))

    wtp = wfp = wfn = 0
    for d, link in zip(items, record.links, strict=True):
        if not all(j[0] == "partial" for j in d["judgements"]):
            continue
        for side, key, k in (("source", "source", 0), ("translation", "translation", 1)):
            text = d[key]
            base = record.side(side).sentences[(link.source if k == 0 else link.translation)[0]]
            spans = [(s.start - base.start, s.end - base.start)
                     for f in link.findings if f.kind in HIGHLIGHT_KINDS
                     for s in f.spans if s.side == side]
            words = _word_tokens(text)
            predicted = _token_indices(text, spans) & words
            gold = set().union(*(j[1][k] for j in d["judgements"])) & words
            wtp += len(predicted & gold)
            wfp += len(predicted - gold)
            wfn += len(gold - predicted)
    wp, wr, wf = prf(wtp, wfp, wfn)
    result = {
        "pairs": len(items),
        "divergent": int(divergent.sum()),
        "auc_divergence": roc_auc(scores, divergent),
        "auc_cosine": roc_auc(-cosine, divergent),
        "threshold": divergence.THRESHOLD,
        "precision": p, "recall": r, "f1": f,
        "word_precision": wp, "word_recall": wr, "word_f1": wf,
        "check_seconds": seconds,
    }
    print(f"sconf-en-fr-dev: {len(items)} pairs, {divergent.sum()} not judged sure by both")
    print(f"  ROC-AUC divergence {result['auc_divergence']:.3f}   plain cosine "
          f"{result['auc_cosine']:.3f}   ({encoder.id})")
    print(f"  at threshold {divergence.THRESHOLD}: P {p:.3f} R {r:.3f} F1 {f:.3f}")
    print(f"  highlighted words, partial pairs: P {wp:.3f} R {wr:.3f} F1 {wf:.3f}")
    print(f"  checks took {seconds:.1f} s")
    return result


# -- 4. calibration data and fit -----------------------------------------------------------

_CLAUSE = re.compile(r"(?<=[,;:])\s+")


def drop_clause(text: str, rng: random.Random) -> str | None:
    """`text` without one of its clauses of at least four words (None if it has none)."""
    parts = _CLAUSE.split(text)
    if len(parts) < 2:
        return None
    candidates = [k for k, p in enumerate(parts) if len(p.split()) >= 4]
    if not candidates:
        return None
    k = rng.choice(candidates)
    rest = parts[:k] + parts[k + 1 :]
    if len(" ".join(rest).split()) < 3:
        return None
    return " ".join(rest)


def calibration_pairs(seed: int = 0, per_doc: int = 120) -> list[tuple[str, str, int]]:
    """Faithful gold pairs (0) and synthetic divergent pairs (1) from the gold alignments."""
    rng = random.Random(seed)
    out = []
    for _, src, tgt, links in all_gold():
        ones = [(src[a[0]], tgt[b[0]]) for a, b in links if len(a) == 1 and len(b) == 1]
        ones = [(s, t) for s, t in ones if len(s.split()) >= 3 and len(t.split()) >= 3]
        rng.shuffle(ones)
        chosen = ones[:per_doc]
        for k, (s, t) in enumerate(chosen):
            out.append((s, t, 0))
            roll = rng.random()
            other = ones[(k + rng.randint(5, max(6, len(ones) - 5))) % len(ones)]
            if roll < 0.2:
                out.append((s, other[1], 1))  # unrelated
            elif roll < 0.4:
                dropped = drop_clause(t, rng)
                if dropped:
                    out.append((s, dropped, 1))  # clause missing from the translation
            elif roll < 0.5:
                dropped = drop_clause(s, rng)
                if dropped:
                    out.append((dropped, t, 1))  # clause added by the translation
            elif roll < 0.6:
                out.append((s, t + " " + other[1], 1))  # sentence added
            elif roll < 0.7:
                out.append((s + " " + other[0], t, 1))  # sentence missing
    return out


def fit(encoder) -> tuple[float, ...]:
    from scipy.optimize import minimize

    pairs = calibration_pairs()
    record = pairs_alignment([(s, t) for s, t, _ in pairs])
    ctx = CheckContext(record, encoder)
    # Every pair word-aligned: which links `may_diverge` leaves out depends on the very
    # weights being fitted, and their unaligned share would read 0.
    ctx.may_diverge = [True] * len(record.links)
    feats = divergence.features(ctx)
    keep = [k for k, f in enumerate(feats) if f is not None]
    x = np.array([feats[k] for k in keep])
    y = np.array([pairs[k][2] for k in keep], float)
    design = np.c_[np.ones(len(x)), 1 - x[:, 0], x[:, 1], x[:, 2]]
    weight = np.where(y == 1, 0.5 / y.mean(), 0.5 / (1 - y.mean()))  # balanced classes

    def loss(w):
        z = design @ w
        return float(np.sum(weight * (np.logaddexp(0, z) - y * z)) + 0.01 * w[1:] @ w[1:])

    w = minimize(loss, np.array(divergence.WEIGHTS, float)).x
    z = design @ w
    print(f"fit on {len(y)} synthetic pairs ({int(y.sum())} divergent): "
          f"WEIGHTS = ({', '.join(f'{v:.2f}' for v in w)})  training AUC {roc_auc(z, y):.3f}")
    return tuple(w)


# -- 2. planted defects --------------------------------------------------------------------

_NUMBER = re.compile(r"(?<![\d.,])\d+(?![\d])")
_NAME = re.compile(r"(?<=[a-zà-ÿ,;] )[A-Z][a-zà-ÿ]{2,}")
_FRENCH_VERBS = {
    "est": "n'est pas", "était": "n'était pas", "a": "n'a pas", "avait": "n'avait pas",
    "sont": "ne sont pas", "étaient": "n'étaient pas", "fut": "ne fut pas",
    "peut": "ne peut pas", "pouvait": "ne pouvait pas", "va": "ne va pas",
    "faut": "ne faut pas", "fallait": "ne fallait pas", "sait": "ne sait pas",
}


def negate_french(text: str, apostrophe: str = "'") -> str | None:
    """`text` with one verb negated, its elided ``n'`` written with `apostrophe` (the
    document's own, so that the planting adds no second defect of typography)."""
    tokens = text.split(" ")
    for k, token in enumerate(tokens[1:], start=1):
        if token in _FRENCH_VERBS and tokens[k - 1].lower() in {
            "il", "elle", "on", "ce", "c'", "cela", "ils", "elles", "qui", "ça"
        }:
            if tokens[k - 1].lower() == "c'":
                return None
            negated = _FRENCH_VERBS[token].replace("'", apostrophe)
            return " ".join(tokens[:k] + [negated] + tokens[k + 1 :])
    return None


#: The defects planted together in one copy of each document, and (a second copy) the
#: mechanical ones, measured apart so that adding them changed none of the first figures.
CONTENT_DEFECTS = {"delete": 3, "clause": 3, "insert": 3, "number": 3, "name": 3, "negate": 3}
COPY_DEFECTS = {"untranslated": 3, "doubled": 3}


def double_word(text: str, rng: random.Random) -> str | None:
    """`text` with one of its words of four letters or more written twice."""
    tokens = text.split(" ")
    candidates = [k for k, t in enumerate(tokens) if len(t) >= 4 and t.isalpha()]
    if not candidates:
        return None
    k = rng.choice(candidates)
    return " ".join(tokens[: k + 1] + [tokens[k]] + tokens[k + 1 :])


def names_and_apostrophe(src: list[str], tgt: list[str]) -> tuple[list[str], str]:
    """The translation's names a planted swap may use (capitalised there at least twice,
    never in lower case, and in the source too), and its usual in-word apostrophe."""
    lower = {w for line in tgt for w in line.split() if w[:1].islower()}
    source_words = {w for line in src for w in line.split()}
    counted = Counter(m.group() for line in tgt for m in _NAME.finditer(line))
    names = [n for n, c in counted.items()
             if c >= 2 and n.lower() not in lower and n in source_words]
    curly = sum(len(re.findall(r"\w’\w", line)) for line in tgt)
    apostrophe = "’" if curly > sum(len(re.findall(r"\w'\w", line)) for line in tgt) else "'"
    return names, apostrophe


def plant(doc, rng: random.Random, foreign: list[str], wanted: dict[str, int] | None = None):
    """A copy of the document with defects planted in distinct, spaced 1-1 links.

    Returns (source lines, translation lines, planted: list of (kind, source line,
    translation line, original translation, changed text: what the planting removed
    or inserted), genuine: source lines of gold null links, inserted lines, original
    translation lines)."""
    _, src, tgt, links = doc
    src, tgt = list(src), list(tgt)
    ones = [(a[0], b[0]) for a, b in links if len(a) == 1 and len(b) == 1]
    name_list, apostrophe = names_and_apostrophe(src, tgt)
    rng.shuffle(ones)
    used: set[int] = set()
    planted: list[tuple[str, int, int | None, str]] = []
    edits: dict[int, str | None] = {}
    inserts: dict[int, str] = {}

    def free(i: int) -> bool:
        return all(abs(i - u) > 3 for u in used)

    wanted = dict(wanted or CONTENT_DEFECTS)
    for i, j in ones:
        if not free(i) or len(src[i].split()) < 4:
            continue
        t = tgt[j]
        for kind in ("number", "name", "negate", "clause", "delete", "insert", "untranslated",
                     "doubled"):
            if kind not in wanted:
                continue
            if wanted[kind] == 0:
                continue
            new = None
            if kind == "number":
                nums = [m for m in _NUMBER.finditer(t) if m.group() in src[i]]
                if nums:
                    m = rng.choice(nums)
                    value = str(int(m.group()) + rng.choice([1, 2, 3, 10, 20]))
                    new = t[: m.start()] + value + t[m.end() :]
            elif kind == "name":
                found = [m for m in _NAME.finditer(t) if m.group() in src[i]]
                if found and name_list:
                    m = rng.choice(found)
                    others = [n for n in name_list if n not in src[i] and n not in t]
                    if others:
                        new = t[: m.start()] + rng.choice(others) + t[m.end() :]
            elif kind == "negate":
                new = negate_french(t, apostrophe)
            elif kind == "clause":
                new = drop_clause(t, rng)
            elif kind == "delete":
                new = ""
            elif kind == "insert":
                inserts[j] = rng.choice(foreign)
                new = t
            elif kind == "untranslated":
                new = src[i]  # the source sentence left in place of its translation
            elif kind == "doubled":
                new = double_word(t, rng)
            if new is None:
                continue
            edits[j] = new
            if kind == "insert":
                changed = inserts[j]
            else:
                kept = set(new.split())
                changed = " ".join(w for w in t.split() if w not in kept)
            planted.append((kind, i, j, t, changed))
            used.add(i)
            wanted[kind] -= 1
            break
    out_tgt = []
    for j, line in enumerate(tgt):
        new = edits.get(j, line)
        if new != "":
            out_tgt.append(new)
        if j in inserts:
            out_tgt.append(inserts[j])
    genuine = {a[0] for a, b in links if a and not b} | {
        ("t", b[0]) for a, b in links if b and not a
    }
    return src, out_tgt, planted, genuine, inserts, tgt


_EXPECTED = {"delete": "omission", "clause": "omission", "insert": "addition",
             "number": "number", "name": "name", "negate": "meaning-shift",
             "untranslated": "untranslated", "doubled": "mechanical"}


def _about_change(finding, here: list[tuple[str, str]]) -> bool:
    """Whether a name or number finding is about a word the planting removed or inserted.

    A source name reported missing from a translation whose planted cut took a name
    with it is about the cut even when the two are not spelt alike: the cut may have
    taken the name's translation (``Dormouse`` = ``le Loir``)."""
    if finding.kind not in ("name", "number"):
        return False
    from align.checks.names import _counterpart, _key

    changed = {_key(w) for _, text in here for w in re.findall(r"\w+", text)}
    if any(_counterpart(_key(w), changed)
           for span in finding.spans for w in re.findall(r"\w+", span.text)):
        return True
    cut_a_name = any(kind in ("clause", "delete") and _NAME.search(text) for kind, text in here)
    return (finding.kind == "name" and cut_a_name
            and all(span.side == "source" for span in finding.spans))


def _link_texts(record: Alignment, link) -> tuple[str, str]:
    """The source and translation text of `link`, as the checks read them."""
    return (link_text(record, "source", link.source).text,
            link_text(record, "translation", link.translation).text)


def _said(finding) -> tuple:
    """What a finding says, and about which words."""
    return (finding.kind, finding.reason, tuple(span.text for span in finding.spans))


def _word_keys(record: Alignment, finding) -> set[tuple]:
    """The words a finding highlights, each as (side, its sentence's text, offset in the
    sentence, word): the same in the unmodified and the planted document wherever the
    planting left the sentence as it was, though link boundaries and offsets moved."""
    keys = set()
    for span in finding.spans:
        for sentence in record.side(span.side).sentences:
            if sentence.end <= span.start or sentence.start >= span.end:
                continue
            text = sentence.text
            for m in re.finditer(r"\w+", text):
                at = sentence.start + m.start()
                if span.start <= at < span.end:
                    keys.add((span.side, text, m.start(), m.group()))
    return keys


def _already_there(finding, link, record: Alignment, clean: dict) -> bool:
    """Whether the unmodified document already reports this finding: one of its kind at the
    same source sentences, one that says the same about the same words, or findings of its
    kind that highlight at least half of the words it highlights, in the same sentences."""
    if (tuple(link.source), finding.kind) in clean["at"] or _said(finding) in clean["at"]:
        return True
    keys = _word_keys(record, finding)
    return bool(keys) and len(keys & clean["words"].get(finding.kind, set())) >= len(keys) / 2


def _counted(finding) -> bool:
    return SEVERITIES.index(finding.severity) >= SEVERITIES.index("minor")


def bench_synthetic(encoder, seeds=(1, 2), show_false: bool = False) -> dict:
    """Recall per planted defect; precision per finding kind, two ways: *strict* counts
    every finding not on a planted defect as false (including the real divergences of
    these published translations); *new* counts only findings the unmodified document
    does not already have (what planting changed): at the same source sentences, saying
    the same about the same words, or highlighting mostly words its findings of the kind
    highlight in the same unchanged sentences (a defect planted nearby moves a link's
    boundary, and the run of unmatched words of an old finding grows or shrinks by a
    word).

    The content defects are planted together in one copy of each document; the
    untranslated sentences and doubled words in a second copy, reported apart."""
    import align

    docs = all_gold()
    clean: dict[int, dict] = {}
    unmodified: Counter[str] = Counter()
    for d, (_, src, tgt, _) in enumerate(docs):
        record = align.align_texts("\n".join(src), "\n".join(tgt), split="lines")
        # A finding is already there when the unmodified document has one of its kind at
        # the same source sentences, or one that says the same about the same words (same
        # kind, reason and highlighted text): planting a defect nearby can move a link's
        # boundary and carry an old finding into a link of other sentences.
        found = [(l, f) for l in record.links for f in l.findings if _counted(f)]
        words: dict[str, set[tuple]] = defaultdict(set)
        for _, f in found:
            words[f.kind] |= _word_keys(record, f)
        clean[d] = {"at": {(tuple(l.source), f.kind) for l, f in found}
                    | {_said(f) for _, f in found}, "words": words}
        unmodified.update(f.kind for l in record.links for f in l.findings if _counted(f))
    result = {}
    for title, wanted, offset, kinds in (
        ("synthetic (defects planted in the gold documents, whole pipeline, findings ≥ minor):",
         CONTENT_DEFECTS, 0, ("omission", "addition", "number", "name", "meaning-shift",
                              "untranslated", "mechanical", "length")),
        ("synthetic, second copy (source sentences left untranslated, doubled words):",
         COPY_DEFECTS, 50, ("untranslated", "mechanical")),
    ):
        print(title)
        result.update(_synthetic_suite(docs, clean, seeds, wanted, offset, kinds, show_false))
    # What a reader of these published translations is shown before any planting: their
    # real divergences and the checks' false alarms together.
    print("  findings ≥ minor on the five unmodified documents: "
          + ", ".join(f"{k} {unmodified[k]}" for k in sorted(unmodified))
          + f" (total {sum(unmodified.values())})")
    result.update({f"unmodified_{k}": v for k, v in unmodified.items()})
    return result


def _synthetic_suite(docs, clean, seeds, wanted: dict[str, int], offset: int,
                     kinds: tuple[str, ...], show_false: bool) -> dict:
    """Plant `wanted` in every document for each seed (the random generator seeded with
    ``seed * 100 + offset + document``), run the pipeline, print recall and precision."""
    import align

    strict_found: Counter[str] = Counter()
    new_found: Counter[str] = Counter()
    right: Counter[str] = Counter()
    recall: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    false_new: list[tuple] = []
    missed: list[tuple] = []
    for seed in seeds:
        for d, doc in enumerate(docs):
            foreign = [line for e, other in enumerate(docs) if e != d for line in other[2]
                       if len(line.split()) >= 8]
            rng = random.Random(seed * 100 + offset + d)
            src, tgt, planted, _, inserts, _ = plant(doc, rng, foreign, wanted)
            record = align.align_texts("\n".join(src), "\n".join(tgt), split="lines")
            hits: set[int] = set()
            holders: dict[int, list] = defaultdict(list)
            for link in record.links:
                # Sentences are stored without the line's surrounding spaces.
                t_texts = {record.translation.sentences[j].text.strip() for j in link.translation}
                held = [
                    k for k, (kind, i, j, _, _) in enumerate(planted)
                    if (kind == "insert" and inserts[j].strip() in t_texts)
                    or (kind != "insert" and i in link.source)
                ]
                for k in held:
                    holders[k].append(link)
                here = [(planted[k][0], planted[k][4]) for k in held]
                expected = {_EXPECTED[kind] for kind, _ in here}
                for f in (f for f in link.findings if _counted(f)):
                    strict_found[f.kind] += 1
                    if f.kind in expected or _about_change(f, here):
                        right[f.kind] += 1
                        new_found[f.kind] += 1
                        hits |= {k for k in held if _EXPECTED[planted[k][0]] == f.kind}
                    elif not _already_there(f, link, record, clean[d]):
                        new_found[f.kind] += 1
                        if show_false:
                            false_new.append((docs[d][0], seed, f, link, record))
            for k, (kind, *_) in enumerate(planted):
                recall[kind][0] += k in hits
                recall[kind][1] += 1
                if show_false and k not in hits:
                    missed.append((docs[d][0], seed, planted[k], holders[k], record))
    result = {}
    for kind in wanted:
        hit, total = recall[kind]
        result[f"recall_{kind}"] = hit / total if total else float("nan")
        print(f"  recall {kind:12s} → {_EXPECTED[kind]:13s} {hit:3d}/{total:<3d} = "
              f"{hit / total if total else 0:.3f}")
    suffix = "" if wanted is CONTENT_DEFECTS else "_copy"
    for kind in kinds:
        ok = right[kind]
        n_new, n_all = new_found[kind], strict_found[kind]
        result[f"precision_new_{kind}{suffix}"] = ok / n_new if n_new else float("nan")
        result[f"precision_strict_{kind}{suffix}"] = ok / n_all if n_all else float("nan")
        print(f"  precision {kind:13s} new {ok:3d}/{n_new:<3d} = "
              f"{ok / n_new if n_new else float('nan'):.3f}   strict {ok:3d}/{n_all:<4d} = "
              f"{ok / n_all if n_all else float('nan'):.3f}")
    others = {k: n for k, n in sorted(new_found.items()) if k not in kinds}
    if others:
        # Findings of kinds nothing was planted for: all false, caused by the planting.
        print("  new findings of other kinds (all false): "
              + ", ".join(f"{k} {n}" for k, n in others.items()))
        result.update({f"false_new_{k}{suffix}": n for k, n in others.items()})
    if show_false:
        print("  false new findings (kind, document, seed, reason, both sides):")
        for name, seed, f, link, record in sorted(false_new, key=lambda x: x[2].kind):
            src, tgt = _link_texts(record, link)
            print(f"  - {f.kind} {f.severity} [{name} seed {seed}] {f.reason}\n"
                  f"      S: {src[:300]}\n      T: {tgt[:300]}")
        print("  planted defects not found (kind, document, seed, what changed, its links):")
        for name, seed, (kind, _, _, original, changed), links, record in missed:
            print(f"  - {kind} [{name} seed {seed}] changed: {changed[:200]!r}\n"
                  f"      original translation: {original[:200]}")
            for link in links:
                src, tgt = _link_texts(record, link)
                found = "; ".join(f"{f.severity} {f.kind}: {f.reason}" for f in link.findings)
                print(f"      link {link.source}:{link.translation} divergence "
                      f"{link.divergence}\n        S: {src[:200]}\n        T: {tgt[:200]}\n"
                      f"        findings: {found[:300] or 'none'}")
    return result


# -- 3. the letter -------------------------------------------------------------------------


def bench_letter() -> None:
    import align

    folder = ROOT / "texts" / "serge-nin-1936"
    texts = sorted(folder.glob("*.txt"))
    if len(texts) < 2:
        print(f"letter: {folder} holds no pair of texts; skipped")
        return
    english = folder / "en.txt"
    other = next(t for t in texts if t != english)
    record: Alignment = align.align_files(other, english)
    print(f"letter: {other.name} → {english.name}, {len(record.links)} links")
    from align.checks import summarise, worst_first

    print(f"  {summarise(record)}")
    for k, f in worst_first(record):
        if f.severity != "info":
            print(f"  link {k + 1} {f.severity} {f.kind}: {f.reason}")


MODES = ("sconf", "synthetic", "letter", "fit")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modes", nargs="*", metavar="MODE",
                        help=f"what to measure: {', '.join(MODES)} (default: all but fit)")
    parser.add_argument("--false", action="store_true",
                        help="with synthetic: list the false new findings")
    args = parser.parse_args(argv)
    unknown = [mode for mode in args.modes if mode not in MODES]
    if unknown:
        parser.error(f"unknown mode {', '.join(map(repr, unknown))}: choose from "
                     f"{', '.join(MODES)}")
    if not DATA.is_dir():
        print(f"development data not found at {DATA}; nothing to measure")
        return
    show_false = args.false
    wanted = set(args.modes) or {"sconf", "synthetic", "letter"}
    encoder = load_encoder() if wanted & {"sconf", "synthetic", "fit"} else None
    if "fit" in wanted:
        fit(encoder)
    if "sconf" in wanted:
        bench_sconf(encoder)
    if "synthetic" in wanted:
        bench_synthetic(encoder, show_false=show_false)
    if "letter" in wanted:
        bench_letter()


if __name__ == "__main__":
    main(sys.argv[1:])
