"""Score predicted sentence links against gold links (``align eval``).

Gold files hold one link per line, ``[i, j]:[k]`` with 0-based sentence (line)
numbers, source side first; an empty side (``[]:[k]``) is an insertion or a
deletion.  Within a side the numbers increase, and no sentence is in two links; a
side may skip a sentence (``[250]:[291, 293]``), links may cross, and a sentence may
be in no link, as in the published Text+Berg gold.

Scoring follows Sennrich & Volk (2011) as implemented for the published Vecalign and
Bertalign figures, so numbers are comparable:

* a predicted link is *strict*-correct if it equals a gold link exactly, and
  *lax*-correct if it shares a source sentence with some gold link and a target
  sentence with that source sentence's gold counterparts;
* precision is over all predicted links (insertions and deletions included);
  recall is over the gold links non-empty on both sides, matched against the
  non-empty predicted ones;
* counts are pooled over all documents of a set before dividing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from align.errors import InputError, UsageError

LinkPair = tuple[tuple[int, ...], tuple[int, ...]]

# Signed numbers match, so that a negative one is named as such rather than as a
# malformed line.
_LINE = re.compile(r"^\s*\[([-\d,\s]*)\]\s*:\s*\[([-\d,\s]*)\]\s*$")
_SIDES = ("source", "translation")


def parse_links(
    text: str,
    name: str = "gold",
    *,
    line_counts: tuple[int, int] | None = None,
    files: tuple[str, str] = ("the source", "the translation"),
) -> list[LinkPair]:
    """Read ``[i, j]:[k]`` lines; blank lines are skipped.

    Raise `InputError`, naming `name` and the line, for a line that is not a link, a
    negative number, the numbers of a side not in increasing order, or a sentence
    already in another link; given `line_counts` (of the source and the translation,
    called `files` in the message), also for a number past the end of its file.
    """
    links: list[LinkPair] = []
    linked_on: tuple[dict[int, int], dict[int, int]] = ({}, {})
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{name}, line {number}"
        match = _LINE.match(line)
        sides = [_side_numbers(part) for part in match.groups()] if match else [None]
        if None in sides:
            raise InputError(f"{where}: expected a link like [0, 1]:[2], got {line!r}")
        for side, numbers, linked, file, count in zip(
            _SIDES, sides, linked_on, files, line_counts or (None, None), strict=True
        ):
            if any(i < 0 for i in numbers):
                raise InputError(f"{where}: {line.strip()} has a negative line number; "
                                 "lines are numbered from 0")
            if list(numbers) != sorted(set(numbers)):
                raise InputError(f"{where}: the {side} lines of {line.strip()} must be in "
                                 "increasing order, each once")
            if count is not None and numbers and numbers[-1] >= count:
                raise InputError(f"{where}: {line.strip()} refers to {side} line "
                                 f"{numbers[-1]}, but {file} has {count} lines (numbered "
                                 "from 0)")
            for i in numbers:
                if i in linked:
                    raise InputError(f"{where}: {side} line {i} is already in the link on "
                                     f"line {linked[i]}; a sentence belongs to one link at most")
                linked[i] = number
        links.append((sides[0], sides[1]))
    return links


def _side_numbers(side: str) -> tuple[int, ...] | None:
    """The numbers of one side of a link (``"1, 2"``), None if one is not a number (``1-2``)."""
    try:
        return tuple(int(x) for x in side.replace(",", " ").split())
    except ValueError:
        return None


def format_links(links: Iterable[LinkPair]) -> str:
    return "".join(f"[{', '.join(map(str, s))}]:[{', '.join(map(str, t))}]\n" for s, t in links)


@dataclass
class Counts:
    """True and false positives, strict and lax, summed over documents."""

    tp_strict: int = 0
    fp_strict: int = 0
    tp_lax: int = 0
    fp_lax: int = 0

    def __iadd__(self, other: Counts) -> Counts:
        self.tp_strict += other.tp_strict
        self.fp_strict += other.fp_strict
        self.tp_lax += other.tp_lax
        self.fp_lax += other.fp_lax
        return self


def _precision_counts(gold: Sequence[LinkPair], test: Sequence[LinkPair]) -> Counts:
    gold_set = {(tuple(s), tuple(t)) for s, t in gold if s or t}
    test_set = {(tuple(s), tuple(t)) for s, t in test if s or t}
    gold_targets: dict[int, set[int]] = defaultdict(set)
    for src, tgt in gold_set:
        for i in src:
            gold_targets[i].update(tgt)
    counts = Counts()
    for src, tgt in test_set:
        if (src, tgt) in gold_set:
            counts.tp_strict += 1
            counts.tp_lax += 1
            continue
        counts.fp_strict += 1
        reachable = set().union(*(gold_targets[i] for i in src)) if src else set()
        if reachable.intersection(tgt):
            counts.tp_lax += 1
        else:
            counts.fp_lax += 1
    return counts


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    """Pooled strict and lax precision, recall and F1 over one or more documents."""

    precision_counts: Counts = field(default_factory=Counts)
    recall_counts: Counts = field(default_factory=Counts)
    documents: int = 0

    def add(self, gold: Sequence[LinkPair], test: Sequence[LinkPair]) -> None:
        self.precision_counts += _precision_counts(gold, test)
        both_gold = [(s, t) for s, t in gold if s and t]
        both_test = [(s, t) for s, t in test if s and t]
        # Recall is precision with the roles swapped, ignoring insertions/deletions.
        self.recall_counts += _precision_counts(both_test, both_gold)
        self.documents += 1

    def as_dict(self) -> dict[str, float | int]:
        pc, rc = self.precision_counts, self.recall_counts
        p_strict = _ratio(pc.tp_strict, pc.tp_strict + pc.fp_strict)
        p_lax = _ratio(pc.tp_lax, pc.tp_lax + pc.fp_lax)
        r_strict = _ratio(rc.tp_strict, rc.tp_strict + rc.fp_strict)
        r_lax = _ratio(rc.tp_lax, rc.tp_lax + rc.fp_lax)
        return {
            "documents": self.documents,
            "strict_precision": p_strict,
            "strict_recall": r_strict,
            "strict_f1": _f1(p_strict, r_strict),
            "lax_precision": p_lax,
            "lax_recall": r_lax,
            "lax_f1": _f1(p_lax, r_lax),
        }


def score(gold: Sequence[LinkPair], test: Sequence[LinkPair]) -> dict[str, float | int]:
    """Score one document."""
    result = Score()
    result.add(gold, test)
    return result.as_dict()


@dataclass
class EvalPair:
    """One document of an evaluation set: two pre-split files and their gold links."""

    name: str
    source: Path
    translation: Path
    gold: Path
    #: Whether which file is the source was guessed (the first alphabetically: no
    #: ``--source-ext`` and no language order in the gold file's name).
    guessed: bool = False


def find_eval_pairs(
    folder: Path, source_ext: str | None = None, translation_ext: str | None = None
) -> list[EvalPair]:
    """Find ``NAME.<src>``, ``NAME.<tgt>`` and gold files in a folder.

    Gold files are recognised by their content's first line (``[..]:[..]``) and
    their base name; the two other files of the same base name are the texts.
    Which is the source is given by the extensions (``--source-ext``), else by the
    order of the two language codes in the gold file's extension (``dev.defr`` →
    ``.de`` then ``.fr``) or in a ``_EN-FR`` name suffix, else alphabetically.
    """
    pairs: list[EvalPair] = []
    files = sorted(p for p in folder.iterdir() if p.is_file())
    by_stem: dict[str, list[Path]] = defaultdict(list)
    for p in files:
        by_stem[p.stem].append(p)
    for stem, group in by_stem.items():
        gold = [p for p in group if _looks_like_gold(p)]
        texts = [p for p in group if p not in gold and p.suffix.lower() not in {".md", ".txt"}]
        if len(gold) != 1 or len(texts) != 2:
            continue
        pair = _order_texts(gold[0], texts, source_ext, translation_ext)
        pairs.append(EvalPair(stem, pair[0], pair[1], gold[0], guessed=pair[2]))
    return pairs


def _looks_like_gold(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8") as handle:
            first = handle.readline()
    except (OSError, UnicodeDecodeError):
        return False
    return bool(_LINE.match(first))


def _order_texts(
    gold: Path, texts: list[Path], source_ext: str | None, translation_ext: str | None
) -> tuple[Path, Path, bool]:
    """The source and the translation among `texts`, and whether the order was guessed
    (alphabetical, nothing saying which is which)."""
    exts = {p.suffix.lstrip(".").lower(): p for p in texts}
    if source_ext and source_ext.lstrip(".").lower() in exts:
        src = exts[source_ext.lstrip(".").lower()]
        return src, next(p for p in texts if p is not src), False
    if translation_ext and translation_ext.lstrip(".").lower() in exts:
        tgt = exts[translation_ext.lstrip(".").lower()]
        return next(p for p in texts if p is not tgt), tgt, False
    hint = gold.suffix.lstrip(".").lower()
    name_hint = re.search(r"_([A-Za-z]{2})-([A-Za-z]{2})$", gold.stem)
    if name_hint:
        hint = (name_hint.group(1) + name_hint.group(2)).lower()
    for a in exts:
        for b in exts:
            if a != b and hint == a + b:
                return exts[a], exts[b], False
    first, second = sorted(texts)
    return first, second, True


def evaluate_paths(
    paths: Sequence[Path],
    *,
    model: str | None = None,
    cache: bool = True,
    reverse: bool = False,
    source_ext: str | None = None,
    settings: object | None = None,
    reporter: object | None = None,
    backend: str = "auto",
) -> dict:
    """Align and score every document named by `paths` (see ``align eval --help``).

    Returns ``{"documents": [per-document scores and predicted links], "total": pooled
    scores, "signature": ...}``; a document's ``links`` are ``[[source lines],
    [translation lines]]`` as aligned (sides swapped under `reverse`).
    """
    from align import pipeline
    from align.aligner import AlignSettings

    pairs = _pairs_from(paths, source_ext)
    if not pairs:
        raise InputError("no evaluation documents found: give SOURCE TRANSLATION GOLD, or a "
                         "folder holding NAME.<lang1>, NAME.<lang2> and a gold file")
    # Every document is read and its gold checked before the model loads: a bad gold
    # file fails in a second, not after the documents before it are aligned.
    sides_and_gold = [_read_pair(pair) for pair in pairs]
    options = pipeline.Options(model=model, split="lines", cache=cache, check=False,
                               settings=settings or AlignSettings(), backend=backend)
    encoder = pipeline.load_encoder(model, backend)
    total = Score()
    documents = []
    signature: dict = {}
    for pair, (source, translation, gold) in zip(pairs, sides_and_gold, strict=True):
        if reverse:
            source, translation = translation, source
            gold = [(t, s) for s, t in gold]
        record, _, _ = pipeline.align_sides(source, translation, encoder, options,
                                            reporter or pipeline.Reporter())
        signature = record.signature
        test = [(tuple(link.source), tuple(link.translation)) for link in record.links]
        total.add(gold, test)
        # The predicted links themselves, so that two runs (models, backends, settings)
        # can be compared link by link and their errors read.
        documents.append({"name": pair.name, **score(gold, test),
                          "links": [[list(s), list(t)] for s, t in test]})
    return {"documents": documents, "total": total.as_dict(), "signature": signature,
            "reverse": reverse}


def _pairs_from(paths: Sequence[Path], source_ext: str | None) -> list[EvalPair]:
    paths = [Path(p) for p in paths]
    if len(paths) == 3 and not any(p.is_dir() for p in paths):
        # A missing one of the three is named when it is read.
        return [EvalPair(paths[0].stem, paths[0], paths[1], paths[2])]
    pairs: list[EvalPair] = []
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: no such file or folder: check the path")
        if not path.is_dir():
            # The files exist; how many were given is what is wrong: a usage error.
            raise UsageError(f"{path}: give three files (SOURCE TRANSLATION GOLD) or folders")
        pairs.extend(find_eval_pairs(path, source_ext))
    return pairs


def _read_pair(pair: EvalPair):
    """The two sides of `pair` as `Side`s and its gold links, checked against them."""
    from align.reading import read_document

    source, translation = _read_lines(pair.source), _read_lines(pair.translation)
    text = read_document(pair.gold).text
    counts = (len(source.sentences), len(translation.sentences))
    try:
        gold = parse_links(text, str(pair.gold), line_counts=counts,
                           files=(str(pair.source), str(pair.translation)))
    except InputError as error:
        if not pair.guessed:
            raise
        parse_links(text, str(pair.gold))  # wrong whatever the order: said as it is
        # Only a line number past the end of a file: the order guessed may be wrong.
        taken = (f"{pair.source.name} as the source, the first alphabetically (neither "
                 f"--source-ext nor the gold file's name says which)")
        try:
            parse_links(text, str(pair.gold), line_counts=counts[::-1])
        except InputError:
            # Wrong in the other order too: no --source-ext would mend it.
            raise InputError(f"{error}; align took {taken}, and the gold fits "
                             f"{pair.translation.name} as the source no better") from None
        raise InputError(f"{error}; align took {taken}, but the gold fits only "
                         f"{pair.translation.name} as the source: give --source-ext "
                         f"{pair.translation.suffix.lstrip('.')}") from None
    return source, translation, gold


def _read_lines(path: Path):
    """A pre-split file as a `Side`: line k is sentence k, whatever it holds."""
    from align.reading import read_document
    from align.record import Sentence, Side

    text = read_document(path).text
    sentences, offset = [], 0
    for line in text.split("\n"):
        sentences.append(Sentence(line, offset, offset + len(line), 0))
        offset += len(line) + 1
    if sentences and sentences[-1].text == "" and text.endswith("\n"):
        sentences.pop()
    return Side(sentences, path.name, str(path), None, None, 1)
