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

A blank line (nothing but whitespace) of a pre-split file is no sentence: it is not
aligned, so no predicted link names it, and a gold link naming it has it left out; the
gold still numbers the lines of the file, blank ones included.  A file with stray blank
lines thus scores as the same file without them (renumbered), and each is said in a
warning.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

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
    gold_links: int = 0

    def add(self, gold: Sequence[LinkPair], test: Sequence[LinkPair]) -> None:
        self.precision_counts += _precision_counts(gold, test)
        self.gold_links += len({(tuple(s), tuple(t)) for s, t in gold if s or t})
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
            # What was divided: precision's numerators over all predicted links, recall's
            # over the gold links non-empty on both sides.
            "predicted_links": pc.tp_strict + pc.fp_strict,
            "strict_correct": pc.tp_strict,
            "lax_correct": pc.tp_lax,
            "gold_links": self.gold_links,
            "recall_gold_links": rc.tp_strict + rc.fp_strict,
            "strict_found": rc.tp_strict,
            "lax_found": rc.tp_lax,
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
    #: What said which file is the source: ``"as given"`` (three files),
    #: ``"--source-ext"``, ``"gold file name"`` or ``"first alphabetically"``.
    chosen_by: str = "as given"


@dataclass
class Skipped:
    """Files of a folder that share a name but are no complete document: not scored."""

    name: str
    files: list[Path]
    reason: str

    def as_dict(self) -> dict:
        return {"name": self.name, "files": [str(p) for p in self.files], "reason": self.reason}

    def message(self) -> str:
        return (f"{', '.join(str(p) for p in self.files)}: not scored: {self.reason}")


def find_eval_pairs(
    folder: Path, source_ext: str | None = None, translation_ext: str | None = None
) -> list[EvalPair]:
    """Find ``NAME.<src>``, ``NAME.<tgt>`` and gold files in a folder (the complete
    documents of `scan_eval_folder`)."""
    return scan_eval_folder(folder, source_ext, translation_ext)[0]


#: Extensions of files beside a set that are no text of it: notes, and what align writes
#: (an eval's scores, a record, its views), so that a run's output kept beside the data
#: leaves the next run's documents as they were.
_NOT_TEXTS = frozenset({".md", ".txt", ".json", ".html", ".htm", ".tsv", ".tmx", ".svg",
                        ".xlsx", ".csv", ".log", ".sarif"})


def scan_eval_folder(
    folder: Path, source_ext: str | None = None, translation_ext: str | None = None
) -> tuple[list[EvalPair], list[Skipped], list[Path]]:
    """The documents of a folder, the incomplete ones, and the files that are no part of one.

    Gold files are recognised by their content's first line (``[..]:[..]``) and
    their base name; the two other files of the same base name are the texts.
    Which is the source is given by the extensions (``--source-ext``), else by the
    order of the two language codes in the gold file's extension (``dev.defr`` →
    ``.de`` then ``.fr``) or in a ``_EN-FR`` name suffix, else alphabetically.

    A base name with a gold file but not two texts, or two texts or more but not one gold
    file, is an incomplete document (`Skipped`); a file alone of its name (``LICENSE``)
    and ``.md`` and ``.txt`` files are no part of a document (the third list, those alone
    of their name).  Raise `InputError` when `source_ext` is given and a document has no
    text of that extension.
    """
    pairs: list[EvalPair] = []
    skipped: list[Skipped] = []
    ignored: list[Path] = []
    files = sorted(p for p in folder.iterdir() if p.is_file())
    by_stem: dict[str, list[Path]] = defaultdict(list)
    for p in files:
        by_stem[p.stem].append(p)
    for stem, group in by_stem.items():
        gold = [p for p in group if _looks_like_gold(p)]
        texts = [p for p in group if p not in gold and p.suffix.lower() not in _NOT_TEXTS]
        if len(gold) == 1 and len(texts) == 2:
            source, translation, chosen_by = _order_texts(gold[0], texts, source_ext,
                                                          translation_ext)
            pairs.append(EvalPair(stem, source, translation, gold[0],
                                  guessed=chosen_by == "first alphabetically",
                                  chosen_by=chosen_by))
        elif not gold and len(texts) < 2:
            ignored.extend(texts)
        else:
            found = sorted(gold + texts)
            if not gold:
                reason = f"{len(texts)} texts but no gold file of their name"
            elif len(gold) > 1:
                reason = f"{len(gold)} gold files of one name: which one?"
            elif not texts:
                reason = "a gold file but no text of its name"
            elif len(texts) == 1:
                reason = "a gold file but only one text of its name"
            else:
                reason = f"a gold file and {len(texts)} texts of its name: which two?"
            skipped.append(Skipped(stem, found, reason))
    # A file alone of its name with the extension of a document's text (c.en beside a.en,
    # a.fr, a.gold) is one whose counterpart and gold are missing; LICENSE is not.
    used = {p.suffix.lower() for pair in pairs for p in (pair.source, pair.translation)}
    used |= {p.suffix.lower() for s in skipped for p in s.files}
    for path in [p for p in ignored if p.suffix and p.suffix.lower() in used]:
        ignored.remove(path)
        skipped.append(Skipped(path.stem, [path], "only one text: no other text and no gold "
                               "file of its name"))
    skipped.sort(key=lambda s: s.name)
    return pairs, skipped, ignored


def _looks_like_gold(path: Path) -> bool:
    """Whether `path`'s first line that is not blank is a link, as `parse_links` reads it
    (a byte-order mark and blank lines before it allowed)."""
    try:
        with path.open(encoding="utf-8-sig") as handle:
            for _, line in zip(range(50), handle, strict=False):
                if line.strip():
                    return bool(_LINE.match(line))
    except (OSError, UnicodeDecodeError):
        return False
    return False


def _order_texts(
    gold: Path, texts: list[Path], source_ext: str | None, translation_ext: str | None
) -> tuple[Path, Path, str]:
    """The source and the translation among `texts`, and what said which is which
    (``EvalPair.chosen_by``)."""
    exts = {p.suffix.lstrip(".").lower(): p for p in texts}
    if source_ext:
        wanted = source_ext.lstrip(".").lower()
        if wanted not in exts:
            # Not a guess by another rule: the user said which, and it is not there.
            first, second = sorted(texts)
            raise InputError(f"{gold.parent / (gold.stem + '.' + wanted)} does not exist: "
                             f"--source-ext {wanted} names the source files, but the texts of "
                             f"{gold.stem} are {first.name} and {second.name}")
        src = exts[wanted]
        return src, next(p for p in texts if p is not src), "--source-ext"
    if translation_ext and translation_ext.lstrip(".").lower() in exts:
        tgt = exts[translation_ext.lstrip(".").lower()]
        return next(p for p in texts if p is not tgt), tgt, "--source-ext"
    hint = gold.suffix.lstrip(".").lower()
    name_hint = re.search(r"_([A-Za-z]{2})-([A-Za-z]{2})$", gold.stem)
    if name_hint:
        hint = (name_hint.group(1) + name_hint.group(2)).lower()
    for a in exts:
        for b in exts:
            if a != b and hint == a + b:
                return exts[a], exts[b], "gold file name"
    first, second = sorted(texts)
    return first, second, "first alphabetically"


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
    warn: Callable[[str], None] | None = None,
) -> dict:
    """Align and score every document named by `paths` (see ``align eval --help``).

    Returns ``{"documents": [per-document scores and predicted links], "total": pooled
    scores, "signature": ..., "reverse": ..., "skipped": [incomplete documents of the
    folders, not scored], "ignored": [files of the folders in no document], "warnings":
    [...]}``; a document's ``links`` are ``[[source lines], [translation lines]]`` as
    aligned (sides swapped under `reverse`), numbered as the lines of the files.  Each
    warning is also given to `warn` as soon as it is known (the command prints them).
    """
    from align import pipeline
    from align.aligner import AlignSettings

    warnings: list[str] = []

    def said(message: str) -> None:
        warnings.append(message)
        if warn is not None:
            warn(message)

    pairs, skipped, ignored = _pairs_from(paths, source_ext)
    for incomplete in skipped:
        said(incomplete.message())
    if not pairs:
        raise InputError("no evaluation documents found: give SOURCE TRANSLATION GOLD, or a "
                         "folder holding NAME.<lang1>, NAME.<lang2> and a gold file"
                         + (f" ({len(skipped)} incomplete: {skipped[0].message()})"
                            if skipped else ""))
    # Every document is read and its gold checked before the model loads: a bad gold
    # file fails in a second, not after the documents before it are aligned.
    read = [_read_pair(pair) for pair in pairs]
    for one in read:
        for message in one.warnings:
            said(message)
    options = pipeline.Options(model=model, split="lines", cache=cache, check=False,
                               settings=settings or AlignSettings(), backend=backend)
    encoder = pipeline.load_encoder(model, backend)
    total = Score()
    documents = []
    signature: dict = {}
    for pair, one in zip(pairs, read, strict=True):
        source, translation, gold = one.source, one.translation, one.gold
        lines = (one.source_lines, one.translation_lines)
        if reverse:
            source, translation = translation, source
            gold = [(t, s) for s, t in gold]
            lines = lines[::-1]
        record, _, _ = pipeline.align_sides(source, translation, encoder, options,
                                            reporter or pipeline.Reporter())
        signature = record.signature
        # Sentence numbers back to the files' line numbers, which the gold counts.
        test = [(tuple(lines[0][i] for i in link.source),
                 tuple(lines[1][j] for j in link.translation)) for link in record.links]
        total.add(gold, test)
        scores = score(gold, test)
        doc_warnings = list(one.warnings)
        suspicion = _numbered_from_one(gold, test, scores["strict_f1"])
        if suspicion:
            message = f"{pair.gold}: {suspicion}"
            doc_warnings.append(message)
            said(message)
        # The predicted links themselves, so that two runs (models, backends, settings)
        # can be compared link by link and their errors read.
        documents.append({"name": pair.name, **scores,
                          "links": [[list(s), list(t)] for s, t in test],
                          "source": str(pair.source), "translation": str(pair.translation),
                          "gold": str(pair.gold), "source_chosen_by": pair.chosen_by,
                          "blank_lines": one.blank_lines, "warnings": doc_warnings})
    return {"documents": documents, "total": total.as_dict(), "signature": signature,
            "reverse": reverse, "skipped": [s.as_dict() for s in skipped],
            "ignored": [str(p) for p in ignored], "warnings": warnings}


def _numbered_from_one(gold: Sequence[LinkPair], test: Sequence[LinkPair],
                       strict_f1: float) -> str | None:
    """Why `gold` may be numbered from 1, or None: no gold link names line 0 on either side,
    and with every number one less the gold scores far better (strict F1 up by 0.2 or
    more) against the same predicted links."""
    if not gold or any(0 in s or 0 in t for s, t in gold):
        return None
    shifted = [(tuple(i - 1 for i in s), tuple(j - 1 for j in t)) for s, t in gold]
    better = score(shifted, test)["strict_f1"]
    if better < strict_f1 + 0.2:
        return None
    return (f"the gold may be numbered from 1 (align eval numbers lines from 0): no link "
            f"names line 0, and the links score strict F1 {strict_f1:.3f} as given but "
            f"{better:.3f} with every number one less")


class ReadPair(NamedTuple):
    """A document read for scoring: its non-blank lines as sentences, the gold (numbering
    the files' lines), the file line of each sentence, the blank lines and what to say."""

    source: object
    translation: object
    gold: list[LinkPair]
    source_lines: list[int]
    translation_lines: list[int]
    blank_lines: dict[str, list[int]]
    warnings: list[str]


def _pairs_from(paths: Sequence[Path], source_ext: str | None
                ) -> tuple[list[EvalPair], list[Skipped], list[Path]]:
    paths = [Path(p) for p in paths]
    if len(paths) == 3 and not any(p.is_dir() for p in paths):
        # A missing one of the three is named when it is read.  Three files say which is
        # the source by their order: a --source-ext naming another is a contradiction.
        if source_ext and paths[0].suffix.lstrip(".").lower() != source_ext.lstrip(
                ".").lower():
            raise UsageError(f"--source-ext {source_ext.lstrip('.')} names the source files "
                             f"of a folder; of three files the first is the source, here "
                             f"{paths[0].name}: give them in that order, or no --source-ext")
        return [EvalPair(paths[0].stem, paths[0], paths[1], paths[2])], [], []
    pairs: list[EvalPair] = []
    skipped: list[Skipped] = []
    ignored: list[Path] = []
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: no such file or folder: check the path")
        if not path.is_dir():
            # The files exist; how many were given is what is wrong: a usage error.
            raise UsageError(f"{path}: give three files (SOURCE TRANSLATION GOLD) or folders")
        found = scan_eval_folder(path, source_ext)
        pairs.extend(found[0])
        skipped.extend(found[1])
        ignored.extend(found[2])
    return pairs, skipped, ignored


def _read_pair(pair: EvalPair) -> ReadPair:
    """The two sides of `pair` (their non-blank lines) as `Side`s and its gold links,
    checked against the files' lines."""
    from align.reading import is_blank, read_document
    from align.record import Side

    sides = _read_lines(pair.source), _read_lines(pair.translation)
    text = read_document(pair.gold).text
    counts = (len(sides[0].sentences), len(sides[1].sentences))
    try:
        gold = parse_links(text, str(pair.gold), line_counts=counts,
                           files=(str(pair.source), str(pair.translation)))
    except InputError as error:
        plain = parse_links(text, str(pair.gold))  # wrong whatever the order: said as it is
        one_based = ("" if any(0 in s or 0 in t for s, t in plain) else
                     " (no link names line 0: is the gold numbered from 1? align eval "
                     "numbers lines from 0)")
        if not pair.guessed:
            raise InputError(f"{error}{one_based}") from None
        # Only a line number past the end of a file: the order guessed may be wrong.
        taken = (f"{pair.source.name} as the source, the first alphabetically (neither "
                 f"--source-ext nor the gold file's name says which)")
        try:
            parse_links(text, str(pair.gold), line_counts=counts[::-1])
        except InputError:
            # Wrong in the other order too: no --source-ext would mend it.
            raise InputError(f"{error}; align took {taken}, and the gold fits "
                             f"{pair.translation.name} as the source no better"
                             f"{one_based}") from None
        raise InputError(f"{error}; align took {taken}, but the gold fits only "
                         f"{pair.translation.name} as the source: give --source-ext "
                         f"{pair.translation.suffix.lstrip('.')}") from None
    warnings: list[str] = []
    if pair.guessed:
        try:
            parse_links(text, str(pair.gold), line_counts=counts[::-1])
        except InputError:
            pass  # the gold fits only the order taken: it says which is the source
        else:
            warnings.append(f"{pair.name}: took {pair.source.name} as the source, the first "
                            f"alphabetically (neither --source-ext nor the gold file's name "
                            f"says which, and the gold fits either order): give --source-ext "
                            f"to choose")
    # A blank line is no sentence: not aligned, and left out of the gold links naming it.
    # Blank as a text is (`align.reading.is_blank`): zero-width spaces and byte-order marks
    # alone hold no sentence either, and would be aligned as an invisible one.
    kept = [[k for k, s in enumerate(side.sentences) if not is_blank(s.text)]
            for side in sides]
    blank = [sorted(set(range(count)) - set(lines)) for count, lines in zip(counts, kept,
                                                                            strict=True)]
    for side_name, path, numbers in zip(_SIDES, (pair.source, pair.translation), blank,
                                        strict=True):
        if numbers:
            warnings.append(f"{path}: blank {_lines(numbers)} (numbered from 0, as the gold "
                            f"numbers them) left out: a blank line is no sentence, so no "
                            f"link names it; the {side_name} is scored as without them")
    if any(blank):
        gold, named = _without_blank(gold, blank, text)
        if named:
            where = ", ".join(str(n) for n in sorted(named)[:10])
            what = "; ".join(f"{side} line{'s' if len(ns) > 1 else ''} "
                             f"{', '.join(map(str, sorted(ns)))}"
                             for side, ns in zip(_SIDES, _named_blanks(named), strict=True)
                             if ns)
            links = "the links on lines" if len(named) > 1 else "the link on line"
            warnings.append(f"{pair.gold}: {links} {where}{' …' if len(named) > 10 else ''} "
                            f"name{'' if len(named) > 1 else 's'} blank lines "
                            f"({what}): left out of those links; was the gold made for "
                            f"another version of the files?")
    source, translation = (
        Side([side.sentences[k] for k in lines], side.name, side.path, None, None, 1)
        for side, lines in zip(sides, kept, strict=True))
    for side, path in ((source, pair.source), (translation, pair.translation)):
        if not side.sentences:
            raise InputError(f"{path}: every line is blank: nothing to align")
    return ReadPair(source, translation, gold, kept[0], kept[1],
                    {"source": blank[0], "translation": blank[1]}, warnings)


def _lines(numbers: list[int]) -> str:
    shown = ", ".join(map(str, numbers[:10]))
    more = f" … ({len(numbers)} in all)" if len(numbers) > 10 else ""
    return f"line{'s' if len(numbers) > 1 else ''} {shown}{more}"


def _without_blank(gold: list[LinkPair], blank: list[list[int]], text: str
                   ) -> tuple[list[LinkPair], dict[int, tuple[set[int], set[int]]]]:
    """`gold` without the blank lines, and the gold file's lines (1-based, as errors name
    them) whose links named one, with those blank lines of each side."""
    gold_lines = [n for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    blank_sets = set(blank[0]), set(blank[1])
    kept: list[LinkPair] = []
    named: dict[int, tuple[set[int], set[int]]] = {}
    for number, (s, t) in zip(gold_lines, gold, strict=True):
        hit = {i for i in s if i in blank_sets[0]}, {j for j in t if j in blank_sets[1]}
        if hit[0] or hit[1]:
            named[number] = hit
        s = tuple(i for i in s if i not in blank_sets[0])
        t = tuple(j for j in t if j not in blank_sets[1])
        if s or t:
            kept.append((s, t))
    return kept, named


def _named_blanks(named: dict[int, tuple[set[int], set[int]]]) -> tuple[set[int], set[int]]:
    return (set().union(*(s for s, _ in named.values())),
            set().union(*(t for _, t in named.values())))


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
