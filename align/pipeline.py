"""The Python API: the whole pipeline, stage by stage, over one `Alignment` record.

    read → segment → embed → align → check → (render, in `align.render`)

The CLI's `run` and `check` call `align_files` (and `check_strings` for
strings already paired; `check` through `align.batch`, which checks several documents, two
folders' among them, from Python too: `align.check_folders`); `align_texts`, `check`,
`check_pairs`, `write` and `load` do from Python what `run`, `check` and `view` do from the
shell.  Example::

    import align
    record = align.align_files("texts/serge-nin-1936/fr-retranslation.txt",
                               "texts/serge-nin-1936/en.txt")
    for link in record.links:
        print(link.source, link.translation, round(link.score, 2))
    align.write(record, "letter.json", "letter.html")
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import threading
import time
from collections.abc import Callable, Collection, Mapping, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from align import __version__
from align.aligner import AlignSettings, align_sentences, warm_up
from align.encoders.base import keeping_word_tokens
from align.record import Alignment, Cue, Link, Sentence, Side, origin_label

#: Receives one-line status messages ("building the default model…").
Status = Callable[[str], None]


class Reporter:
    """Where the pipeline reports what it is doing; the default says nothing.

    The CLI passes one that draws rich status lines and progress bars on a terminal.
    """

    def status(self, message: str) -> None:  # noqa: B027 - optional hook
        pass

    def progress(self, description: str, total: int) -> Callable[[int], None]:
        return lambda k: None

    def done(self) -> None:  # noqa: B027 - optional hook
        pass


@dataclass
class Options:
    """Everything that decides the result of `align_texts` besides the two texts.

    Each value's type is checked here, once, and a wrong one is a `UsageError` naming the
    parameter (``max_chars``); the values themselves (a split mode, a backend, a language
    code, ``max_chars``' range) are checked where they are used, and by the same checks
    before any work (`require_usable`).  `model` may be a path;
    `settings` a dict of `AlignSettings` fields; `ignore` one kind as a str; `rules` the
    path of a rules file."""

    model: str | None = None
    backend: str = "auto"
    split: str = "auto"
    max_chars: int = 1000
    settings: AlignSettings = field(default_factory=AlignSettings)
    cache: bool = True
    check: bool = True
    #: (source term, required translation) pairs, or a termbase (`align.checks.read_glossary`).
    glossary: Any = None
    #: The project's own rules (`align.checks.read_rules`).
    rules: Sequence[Any] = ()
    ignore: Collection[str] = ()
    #: Gates of the record's verdict (`align.checks.summarise`): severities, finding kinds
    #: or ``KIND:SEVERITY``, as ``align check --fail-on`` takes them; one as a str.
    fail_on: Collection[str] = ()
    source_language: str | None = None
    translation_language: str | None = None

    def __post_init__(self) -> None:
        from align.errors import UsageError

        def refuse(name: str, wanted: str) -> UsageError:
            value = getattr(self, name)
            return UsageError(f"{name} must be {wanted}, not {value!r} "
                              f"({type(value).__name__})")

        if isinstance(self.model, os.PathLike):
            self.model = os.fspath(self.model)
        if self.model is not None and not isinstance(self.model, str):
            raise refuse("model", "a model name or the path of a model folder (None: the "
                         "default); to align with an encoder object, use align_sides")
        for name in ("backend", "split"):
            if not isinstance(getattr(self, name), str):
                raise refuse(name, "a str")
        if not isinstance(self.max_chars, int | np.integer) or isinstance(self.max_chars, bool):
            raise refuse("max_chars", "an int")
        self.max_chars = int(self.max_chars)
        if isinstance(self.settings, Mapping):
            unknown = set(self.settings) - set(AlignSettings.__dataclass_fields__)
            if unknown:
                raise UsageError(f"settings: {sorted(unknown)[0]!r} is not an AlignSettings "
                                 f"field; they are {', '.join(AlignSettings.__dataclass_fields__)}")
            self.settings = AlignSettings(**self.settings)
        if not isinstance(self.settings, AlignSettings):
            raise refuse("settings", "an AlignSettings (or a dict of its fields)")
        for name in ("cache", "check"):
            value = getattr(self, name)
            if not (isinstance(value, bool | int | np.bool_) and value in (0, 1)):
                raise refuse(name, "True or False")
            setattr(self, name, bool(value))
        if isinstance(self.rules, str | os.PathLike):
            from align.checks.rules import read_rules

            self.rules = read_rules(self.rules)
        try:
            self.rules = tuple(self.rules or ())
        except TypeError:
            raise refuse("rules", "the path of a rules file, or its rules "
                         "(align.checks.read_rules)") from None
        self._check_glossary(refuse)
        from align.checks import gate_list

        for name, wanted in (("ignore", "finding kinds (a str, or a list of them)"),
                             ("fail_on", "severities or finding kinds (a str, or a list of "
                              "them)")):
            try:
                value = gate_list(getattr(self, name), name)
            except (TypeError, UsageError):
                raise refuse(name, wanted) from None
            if not all(isinstance(kind, str) for kind in value):
                raise refuse(name, wanted)
            setattr(self, name, value)
        for name in ("source_language", "translation_language"):
            if getattr(self, name) is not None and not isinstance(getattr(self, name), str):
                raise refuse(name, "a language code such as fr or fr-FR (or None)")


    def _check_glossary(self, refuse: Any) -> None:
        """A glossary given as a path is read; pairs must be pairs of strings."""
        from align.checks.glossary import Termbase, read_glossary

        if self.glossary is None or isinstance(self.glossary, Termbase):
            return
        if isinstance(self.glossary, str | os.PathLike):
            self.glossary = read_glossary(self.glossary)
            return
        wanted = ("the path of a glossary, (source term, required translation) pairs of "
                  "strings, or a termbase (align.checks.read_glossary)")
        if isinstance(self.glossary, Mapping):  # {source term: required translation}
            self.glossary = list(self.glossary.items())
        try:
            pairs = [tuple(pair) for pair in self.glossary]
        except TypeError:
            raise refuse("glossary", wanted) from None
        if not all(len(pair) == 2 and all(isinstance(term, str) for term in pair)
                   for pair in pairs):
            raise refuse("glossary", wanted)
        self.glossary = pairs


#: Loaded encoders, by model (the default under its name) and backend (``auto`` resolved).
_encoders: dict[tuple[str, str], Any] = {}
#: Held while an encoder loads: a thread that wants one meanwhile waits for it.
_encoders_lock = threading.Lock()


def _encoder_key(model: str | None, backend: str) -> tuple[str, str]:
    from align import models

    if not models.is_default(model):
        return str(model), backend
    if backend == "auto":
        from align.encoders import auto_backend

        backend = auto_backend()
    return models.DEFAULT_MODEL, backend


def _backend_option(backend: str | None) -> str | None:
    """The `backend` option that runs the default model as an encoder signature's
    ``backend`` says (``openvino-int8-bf16`` → ``int8``); None for one it does not know."""
    if not backend:
        return None
    if backend.startswith("openvino-int8"):
        return "int8"
    if backend.startswith("openvino"):
        return "openvino"
    return "fp32" if backend in ("fp32", "torch") else None


def load_encoder(
    model: str | None = None,
    backend: str = "auto",
    status: Status | None = None,
    notices: list[str] | None = None,
):
    """The encoder for `model`, loaded once per process: threads that ask for it while it
    loads wait for that one load, and the default model is the same whether it is named
    (``multilingual-e5-small``) or not.

    A cached model found damaged is rebuilt; that is said in `status` and, if given,
    appended to `notices` (the record's warnings).
    """
    from align import models

    key = _encoder_key(model, backend)
    with _encoders_lock:
        if key not in _encoders:
            from align.encoders import load_encoder as _load
            from align.models import FAILED_CHECK

            def relay(message: str) -> None:
                if status:
                    status(message)
                if notices is not None and FAILED_CHECK in message:
                    notices.append(message)

            encoder = _load(model, status=relay, backend=backend)
            if models.is_default(model):
                # Under auto, a model that fell back to another backend is that backend's.
                loaded = _backend_option(dict(encoder.signature).get("backend")) or key[1]
                key = (key[0], loaded)
            _encoders[key] = encoder
        return _encoders[key]


def align_files(
    source: str | Path,
    translation: str | Path,
    options: Options | None = None,
    reporter: Reporter | None = None,
    **kwargs: Any,
) -> Alignment:
    """Read, segment, align and check two text files; keyword arguments set `Options`.

    Two resource files of a program (``en.json``, ``fr.json``: `align.checks.resources`)
    are paired by key instead."""
    from align.checks.resources import is_resource_pair, unpaired_resources
    from align.errors import InputError
    from align.reading import normalise_text, read_document

    _require_path(source, "source", "align_files")
    _require_path(translation, "translation", "align_files")
    options = _options(options, kwargs)
    require_usable(options)
    mismatch = unpaired_resources(Path(source), Path(translation))
    if mismatch:
        raise InputError(mismatch)
    if is_resource_pair(Path(source), Path(translation)):
        return _resource_pairs(Path(source), Path(translation), options, reporter or Reporter())
    started = time.perf_counter()
    src_doc = read_document(source)
    tgt_doc = read_document(translation)
    record = _align_read_texts(normalise_text(src_doc.text), normalise_text(tgt_doc.text),
                               options, reporter,
                               (Path(source).name, Path(translation).name),
                               src_doc.warnings + tgt_doc.warnings,
                               cues=(src_doc.cues, tgt_doc.cues))
    record.source.path, record.source.encoding = str(source), src_doc.encoding
    record.translation.path, record.translation.encoding = str(translation), tgt_doc.encoding
    reading = time.perf_counter() - started - sum(record.timings.values())
    record.timings = {"read": round(reading, 4), **record.timings}
    return record


def _resource_pairs(source: Path, translation: Path, options: Options,
                    reporter: Reporter) -> Alignment:
    """The strings of two resource files paired by key, checked as `options` say."""
    from align.checks.resources import read_resource_pairs

    clock = time.perf_counter()
    record = read_resource_pairs(source, translation)
    read = time.perf_counter() - clock
    if options.check:
        check_strings(record, options, reporter)
    record.timings = {"read": round(read, 4), **record.timings}
    return record


def check_strings(record: Alignment, options: Options | None = None,
                  reporter: Reporter | None = None, **kwargs: Any) -> Alignment:
    """Check a record of strings already paired (a file of pairs, two resource files), or
    a saved alignment record again as it stands (its links kept, its divergences and
    findings replaced), and return it: `record` itself is updated (`check` works on a
    copy).  The languages `options` names, if any, override those of the files; keyword
    arguments set `Options`.  Without a model, the one that measured the record checks it,
    as `check` says."""
    from align.checks import check_alignment

    options = _options(options, kwargs)
    _require_record(record, "check_strings")
    require_usable(options)
    reporter = reporter or Reporter()
    given = _given_languages(options)
    from align.language import detect_language

    # As `align_texts` says of a text: a language given that the strings do not look like
    # (French given as en) changes the findings without a word otherwise.
    names = (record.source.name or "the source", record.translation.name or "the translation")
    said = _expected_language_warnings(
        given, tuple(detect_language(" ".join(side.texts())[:20000]) if code else None
                     for code, side in zip(given, (record.source, record.translation),
                                           strict=True)),
        names, read="checked")
    for code, name, option in zip(given, names, _LANGUAGE_OPTIONS, strict=True):
        if code:  # what an earlier check read as the language given then no longer holds
            # (what the run that made the record segmented as it still does: its sentences
            # stay as they were split)
            record.warnings = [w for w in record.warnings
                               if not (w.startswith(f"{name} was given as ")
                                       and f"({option})" in w and ": checked as " in w)]
    record.source.language = given[0] or record.source.language
    record.translation.language = given[1] or record.translation.language
    from align.checks.base import side_language

    for side in (record.source, record.translation):
        # A file of pairs seldom names its languages (a TSV never does): the record says the
        # ones the checks read, detected, so that its views and TMX tag the texts.
        side.language = side.language or side_language(side)
    glossary = options.glossary
    if glossary:
        from align.checks import glossary_terms

        # A termbase's two languages are those of the strings: a mismatch fails before the
        # model loads, not after.
        glossary = glossary_terms(glossary, side_language(record.source),
                                  side_language(record.translation))
    clock = time.perf_counter()
    encoder, differs = _checking_encoder(record, options, reporter)
    timings = {"model": time.perf_counter() - clock}
    clock = time.perf_counter()
    reporter.status("checking")
    aligned = record.made_by_aligner()
    check_alignment(record, encoder, glossary=glossary, rules=options.rules,
                    ignore=options.ignore, cache=options.cache, fail_on=options.fail_on)
    for warning in [*said, differs]:
        if warning and warning not in record.warnings:
            record.warnings.append(warning)
    if not aligned:
        record.warnings += [w for w in _cut_pairs(record, encoder) if w not in record.warnings]
    timings["check"] = time.perf_counter() - clock
    record.signature.pop("baseline", None)  # the findings it set aside are gone
    if aligned:
        _mark_checked(record, encoder)
    else:
        record.signature = {**record.signature, **signature(encoder, options)}
    record.timings = {**record.timings, **{k: round(v, 4) for k, v in timings.items()}}
    reporter.done()
    return record


def _cut_pairs(record: Alignment, encoder: Any) -> list[str]:
    """A warning naming the pairs (links, from 1) of which a side is longer than the model
    reads: only its beginning was measured, so a sentence left out at its end goes
    unseen.  (Aligned text is warned of as it is embedded, in `align_sides`.)"""
    too_long = getattr(encoder, "too_long", None)
    if too_long is None:
        return []
    sides = (record.source, record.translation)
    cut = too_long([s.text for side in sides for s in side.sentences])
    if not cut:
        return []
    said = []
    for number, link in enumerate(record.links, 1):
        long = [name for name, side, indices in (("source", sides[0], link.source),
                                                  ("translation", sides[1], link.translation))
                if any(side.sentences[i].text in cut for i in indices)]
        if long:
            # Where the pair is in its file too: a header makes pair 80 line 81.
            where = origin_label(link)
            said.append(f"{number} ({', '.join(filter(None, [where, ' and '.join(long)]))})")
    shown = ", ".join(said[:10]) + (f" and {len(said) - 10} more" if len(said) > 10 else "")
    return [f"{'pair' if len(said) == 1 else 'pairs'} {shown} longer than the model's "
            f"{encoder.max_length} tokens: only the beginning of that side was measured; "
            "split such a pair into sentences to check all of it"]


def _checking_encoder(record: Alignment, options: Options,
                      reporter: Reporter) -> tuple[Any, str | None]:
    """The encoder that checks `record`, and a warning if it is not the one that measured
    the record's divergences.

    `options.model` if given; else the model and backend the record's signature names
    (``checked``, else ``model``) where that model is here (the default, a folder, a name
    in the local Hugging Face cache); else the default.  ``backend="auto"`` means the
    record's own backend."""
    from align import models
    from align.errors import ModelError

    named = dict((record.signature.get("checked") or record.signature).get("model") or {})
    if options.model is not None or not named.get("id"):
        return load_encoder(options.model, options.backend, reporter.status), None
    model_id = str(named["id"])
    model = None if models.is_default(model_id) else model_id
    backend = options.backend
    if backend == "auto" and model is None:
        backend = _backend_option(named.get("backend")) or "auto"
    said = f"{named.get('signature') or model_id} ({named.get('backend', '?')})"
    instead = ("checked with the default model instead: its divergences and findings may "
               "differ from those the record holds")
    problem = None
    if model is not None and models.resolve_model_path(model) is None:
        problem = f"the record was measured with {said}, which is not on this machine"
    else:
        try:
            encoder = load_encoder(model, backend, reporter.status)
        except ModelError as error:
            problem = f"the record was measured with {said}, which cannot be loaded here ({error})"
    if problem:
        return load_encoder(None, options.backend, reporter.status), f"{problem}; {instead}"
    now = dict(encoder.signature)
    same = now.get("signature") == named.get("signature") and (
        options.backend != "auto" or now.get("backend") == named.get("backend"))
    if same:
        return encoder, None
    return encoder, (f"the record was measured with {said}, checked here with "
                     f"{now.get('signature')} ({now.get('backend')}): its divergences may "
                     "differ slightly from those the record held")


def _require_record(record: Any, function: str) -> None:
    from align.errors import UsageError

    if isinstance(record, Alignment):
        from align.outputs import plain_numbers

        # A record built or edited by hand that no view could show (a link naming a
        # sentence that is not there) would fail deep inside a check: said as `write`
        # says it (numpy numbers count as the numbers they hold, as there).
        problem = plain_numbers(record).problem()
        if problem:
            raise UsageError(f"this record cannot be checked: {problem}")
        return
    hint = ("; align.load(path) reads a saved one" if isinstance(record, str | os.PathLike)
            else "; align.check_pairs(pairs) checks pairs of strings"
            if isinstance(record, list | tuple) else "")
    raise UsageError(f"{function} takes an alignment record (align.Alignment), not "
                     f"{type(record).__name__}{hint}")


def _read_text(text: Any, name: str, parameter: str) -> tuple[str, list[str]]:
    """A text to align and the warnings for its record, as a file of it is read
    (`align.reading.read_string`: its byte-order mark dropped, its line endings ``\n``, a
    lone surrogate U+FFFD), so that the same text gives the same offsets (format.md) and
    warnings from memory as from a file; refused, as the file would be, when nothing is
    left in it but whitespace, zero-width spaces and byte-order marks
    (`align.reading.is_blank`) or it is NUL characters.  Errors name the `parameter`
    that passed it, warnings the `name` the record gives its side."""
    from align.errors import InputError, UsageError
    from align.reading import is_blank, normalise_text, read_string

    if not isinstance(text, str):
        hint = ("; decode it first, or give the file to align_files, which detects its "
                "encoding" if isinstance(text, bytes | bytearray) else "")
        raise UsageError(f"{parameter} must be a str, not {type(text).__name__}{hint}")
    if is_blank(normalise_text(text)):
        blanks = " (only spaces, line breaks or invisible characters)" if normalise_text(
            text) else ""
        raise InputError(f"{parameter} is empty{blanks}: give the text to align")
    return read_string(text, name, parameter)


def _require_path(path: Any, name: str, function: str) -> None:
    from align.errors import UsageError

    if not isinstance(path, str | os.PathLike):
        raise UsageError(f"{function}: {name} must be the path of a file (a str or a Path), "
                         f"not {type(path).__name__}")


def require_usable(options: Options, *, model: bool = False) -> None:
    """Raise now what the run would refuse in `options` only once it reaches the value,
    after reading, aligning or loading the model, by the very checks that refuse it there,
    in the same words and with the same error: the split mode and ``max_chars``
    (`align.segment.require_segmentation`, `UsageError`), the backend
    (`align.encoders.require_backend`, `UsageError`), the finding kinds to ignore
    (`align.checks.require_kinds`, `UsageError`), the language codes (`UsageError`).

    With `model`, a model folder given by a path that does not exist (or a file) is a
    `ModelError` too (`align.models.require_available`); that looks at the path only,
    loads nothing and asks no network (a hub name is looked for when the model loads).
    Many documents are checked with it (`align.batch.check_documents`, and so
    `check_folders`), before the first is read; one document's run leaves the model to
    load where it is needed, so that what is wrong with the document, a termbase of other
    languages or a malformed baseline is said first."""
    from align import models
    from align.checks import require_gates, require_kinds
    from align.encoders import require_backend
    from align.segment import require_segmentation

    require_segmentation(options.split, options.max_chars)
    require_backend(options.backend)
    require_kinds(options.ignore)
    require_gates(options.fail_on)
    _given_languages(options)
    name = options.model
    if model and name is not None and not models.is_default(name) and (
            name.startswith((".", "/", "~")) or Path(name).expanduser().exists()):
        # A folder given by its path is looked for now; a hub name may need the network,
        # and is looked for when the model loads.
        models.require_available(name)


def _given_languages(options: Options) -> tuple[str | None, str | None]:
    """The languages `options` names, as BCP 47 tags (``fr_FR`` is ``fr-FR``): the record
    keeps region and all for the outputs, the rules read the primary subtag
    (`align.language.primary_language`)."""
    from align.errors import UsageError
    from align.language import language_tag, require_language_code

    given: list[str | None] = []
    # Named as Python passes them: the command line says its own flags first
    # (`align.cli._check_languages`).
    for code, option in ((options.source_language, "source_language"),
                         (options.translation_language, "translation_language")):
        if code:
            require_language_code(code, option)  # a language's name is no code: `french`
        tag = language_tag(code) if code else None
        if code and tag is None:
            raise UsageError(f"{option} {code!r} is not a language code: give one such as fr "
                             "or fr-FR")
        given.append(tag)
    return given[0], given[1]


def _mark_checked(record: Alignment, encoder: Any) -> None:
    """A saved alignment checked again: how its links were made stays as it was in its
    signature; what checked them now is said beside it."""
    record.signature["checked"] = {"tool": "align", "version": __version__,
                                   "model": dict(encoder.signature)}


def align_texts(
    source_text: str,
    translation_text: str,
    options: Options | None = None,
    reporter: Reporter | None = None,
    *,
    source_name: str = "source",
    translation_name: str = "translation",
    **kwargs: Any,
) -> Alignment:
    """Segment, align and check two texts already in memory; keyword arguments set
    `Options`.  An empty text (or one of whitespace alone) is an `InputError`, as an empty
    file is for `align_files`."""
    options = _options(options, kwargs)
    source_text, source_warnings = _read_text(source_text, source_name, "source_text")
    translation_text, translation_warnings = _read_text(translation_text, translation_name,
                                                        "translation_text")
    require_usable(options)
    return _align_read_texts(source_text, translation_text, options, reporter,
                             (source_name, translation_name),
                             source_warnings + translation_warnings)


def _align_read_texts(source_text: str, translation_text: str, options: Options,
                      reporter: Reporter | None, names: tuple[str, str],
                      warnings: list[str],
                      cues: tuple[list[Cue] | None, list[Cue] | None] = (None, None),
                      ) -> Alignment:
    """`align_texts` for texts read (a file's by `align.reading.read_document`, a string's
    by `_read_text`), `warnings` what reading them said, `cues` those of a side read from
    a subtitle file (`align.reading.Document.cues`), tied to the sides' paragraphs here
    so that the checks see them."""
    from align.language import detect_language, primary_language
    from align.segment import segment

    source_name, translation_name = names
    reporter = reporter or Reporter()
    timings: dict[str, float] = {}
    warnings = list(warnings)

    clock = time.perf_counter()
    given = _given_languages(options)
    detected = (detect_language(source_text[:20000]), detect_language(translation_text[:20000]))
    src_lang = given[0] or detected[0]
    tgt_lang = given[1] or detected[1]
    warnings += _expected_language_warnings(
        (given[0], given[1]), detected, (source_name, translation_name),
    )
    src_seg = segment(source_text, split=options.split, language=src_lang,
                      max_chars=options.max_chars, name=source_name)
    tgt_seg = segment(translation_text, split=options.split, language=tgt_lang,
                      max_chars=options.max_chars, name=translation_name)
    warnings += src_seg.warnings + tgt_seg.warnings
    source = Side(src_seg.sentences, source_name, None, src_lang, None, src_seg.paragraphs,
                  _side_cues(cues[0], source_text, src_seg.sentences))
    translation = Side(tgt_seg.sentences, translation_name, None, tgt_lang, None,
                       tgt_seg.paragraphs, _side_cues(cues[1], translation_text,
                                                      tgt_seg.sentences))
    warnings += _language_warnings(source, translation)
    glossary = options.glossary
    if options.check and glossary:
        from align.checks import glossary_terms

        # A termbase's two languages are those of the texts: a mismatch fails before the
        # model runs, not after.
        glossary = glossary_terms(glossary, primary_language(src_lang),
                                  primary_language(tgt_lang))
    timings["segment"] = time.perf_counter() - clock

    clock = time.perf_counter()
    encoder = load_encoder(options.model, options.backend, reporter.status, notices=warnings)
    timings["model"] = time.perf_counter() - clock
    # The search kernels load from numba's cache while the model embeds (its inference
    # runs outside Python); numba's compiler lock makes a search that starts first wait.
    warming = threading.Thread(target=warm_up, name="align-warm-up", daemon=True)
    warming.start()
    try:
        # The checks' word alignment reads token vectors the embedding pass can keep.
        with keeping_word_tokens(encoder) if options.check else nullcontext():
            record, src_vecs, tgt_vecs = align_sides(
                source, translation, encoder, options, reporter, timings
            )
            record.warnings[:0] = warnings
            record.warnings += _unrelated_warnings(record, src_vecs, tgt_vecs)
            if options.check:
                clock = time.perf_counter()
                from align.checks import check_alignment

                reporter.status("checking")
                check_alignment(
                    record, encoder,
                    source_vectors=src_vecs,
                    translation_vectors=tgt_vecs,
                    glossary=glossary, rules=options.rules, ignore=options.ignore,
                    source_text=source_text, translation_text=translation_text,
                    cache=options.cache, fail_on=options.fail_on,
                )
                timings["check"] = time.perf_counter() - clock
                from align.checks.coverage import stray_sentences

                before = _unmatched_regions(record.links, record.source, record.translation)
                after = _unmatched_regions(record.links, record.source, record.translation,
                                           stray_sentences(record))
                record.warnings = [w for w in record.warnings if w not in before] + after
    finally:
        warming.join()  # never left loading kernels while the interpreter shuts down
    record.timings = {k: round(v, 4) for k, v in timings.items()}
    reporter.done()
    return record


def _side_cues(cues: list[Cue] | None, text: str,
               sentences: list[Sentence]) -> list[Cue] | None:
    """A subtitle file's cues tied to the paragraphs its text was segmented into; None for
    a side read from another file."""
    if not cues:
        return None
    from align.subtitles import segmented_cues

    return segmented_cues(cues, text, sentences) or None


def align_sides(
    source: Side,
    translation: Side,
    encoder: Any,
    options: Options | None = None,
    reporter: Reporter | None = None,
    timings: dict[str, float] | None = None,
) -> tuple[Alignment, np.ndarray, np.ndarray]:
    """Embed and align two segmented sides (no checks).

    Returns the record and the sentence embeddings of each side (rows = sentences),
    which the checks reuse; they are not part of the record (large, model-specific).
    """
    from align.embedding_cache import embed
    from align.errors import UsageError
    from align.segment import continues_previous

    for name, side in (("source", source), ("translation", translation)):
        if not isinstance(side, Side):
            raise UsageError(f"align_sides: {name} must be an align.Side, not "
                             f"{type(side).__name__}")
    if not callable(getattr(encoder, "encode", None)) or not hasattr(encoder, "signature"):
        raise UsageError(f"align_sides: encoder must be an encoder "
                         f"(align.pipeline.load_encoder()), not {type(encoder).__name__}")
    options = _options(options, {})
    reporter = reporter or Reporter()
    timings = timings if timings is not None else {}
    clock = time.perf_counter()
    src_texts, tgt_texts = source.texts(), translation.texts()
    total = len(src_texts) + len(tgt_texts)
    advance = reporter.progress("embedding sentences", total)
    notices: list[str] = []
    vectors = embed(encoder, src_texts + tgt_texts, cache=options.cache, progress=advance,
                    notices=notices)
    # Only the beginning of an over-long sentence counts in its vector: say so rather
    # than align silently on part of the text (cached vectors included).
    too_long = getattr(encoder, "too_long", None)
    cut = too_long(src_texts + tgt_texts) if too_long else set()
    if cut:
        count = sum(t in cut for t in src_texts + tgt_texts)
        notices.append(
            f"{count} sentence(s) longer than the model's {encoder.max_length} tokens: only "
            "the beginning of each was embedded; a smaller --max-chars (max_chars= in "
            "Python) cuts long sentences before embedding"
        )
    src_vecs, tgt_vecs = vectors[: len(src_texts)], vectors[len(src_texts):]
    timings["embed"] = time.perf_counter() - clock

    joined_time = 0.0

    def embed_joined(spans: list[tuple[str, int, int]]) -> np.ndarray:
        nonlocal joined_time
        started = time.perf_counter()
        texts = [
            " ".join((src_texts if side == "source" else tgt_texts)[a:b]) for side, a, b in spans
        ]
        out = embed(encoder, texts, cache=options.cache, notices=notices,
                    progress=reporter.progress("embedding joined sentences", len(texts)))
        joined_time += time.perf_counter() - started
        return out

    clock = time.perf_counter()
    reporter.status("aligning")
    result = align_sentences(
        src_vecs, tgt_vecs,
        [len(t) for t in src_texts], [len(t) for t in tgt_texts],
        [s.paragraph for s in source.sentences], [s.paragraph for s in translation.sentences],
        settings=options.settings, embed_joined=embed_joined,
        src_continues=continues_previous(src_texts), tgt_continues=continues_previous(tgt_texts),
    )
    timings["align"] = time.perf_counter() - clock - joined_time
    timings["embed_joined"] = joined_time

    links = [Link(l.source, l.translation, round(l.score, 4)) for l in result.links]
    record = Alignment(
        source=source,
        translation=translation,
        links=links,
        signature=signature(encoder, options),
        warnings=notices + _unmatched_regions(links, source, translation),
        created=datetime.now(UTC).isoformat(timespec="seconds"),
        neighbourhood=result.neighbourhood,
    )
    if min(len(src_texts), len(tgt_texts)) == 1:
        _score_on_the_prior(record, src_vecs, tgt_vecs)
    return record, src_vecs, tgt_vecs


def _score_on_the_prior(record: Alignment, src_vecs: np.ndarray,
                        tgt_vecs: np.ndarray) -> None:
    """Score the links of `record` as the checks score a document too small for a scale of
    its own, where a side of one sentence gives it none.

    The aligner measures a link against the document's background, the mean similarity of
    a sentence with the other side's: with one sentence on that side the background is the
    link's own similarity, and every link scored 0, "as unrelated sentences", however good
    the translation (and agreement before the checks, which reads the scores, 0).  The
    checks' score of the same links (`align.checks.divergence.link_scores`: the model's
    typical and background cosines, as `check_pairs` scores its pairs) instead, so that 1
    is a typical translation pair, as format.md says (0 where a side is empty, as the
    aligner has it)."""
    from align.checks.base import CheckContext
    from align.checks.divergence import link_scores

    ctx = CheckContext(record, source_vectors=src_vecs, translation_vectors=tgt_vecs)
    for link, score in zip(record.links, link_scores(ctx), strict=True):
        link.score = score


def signature(encoder: Any, options: Options) -> dict[str, Any]:
    """Who made a record and how, so that it can be reproduced."""
    settings = options.settings.as_dict()
    digest = hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest()[:8]
    model = dict(encoder.signature)
    model_sig = model.get("signature") or f"{model.get('id')}@{model.get('checksum', '?')[:12]}"
    backend = model.get("backend", "?")
    return {
        "tool": "align",
        "version": __version__,
        "model": model,
        "segmentation": {"split": options.split, "max_chars": options.max_chars},
        "alignment": settings,
        "string": f"align {__version__}|model:{model_sig}|backend:{backend}"
        f"|split:{options.split}|align:{digest}",
    }


def _language_warnings(source: Side, translation: Side) -> list[str]:
    from align.language import primary_language

    if source.language and primary_language(source.language) == primary_language(
            translation.language):
        return [
            f"both sides look like the same language ({source.language}): is the translation "
            "really a translation?"
        ]
    warnings = []
    for side, option in zip((source, translation), _LANGUAGE_ARGUMENTS, strict=True):
        # A short text may not say; a long one that doesn't is worth knowing about,
        # since segmentation falls back to language-neutral rules.
        if side.language is None and len(side.sentences) >= 20:
            warnings.append(
                f"cannot tell which language {side.name} is in: segmented with "
                f"language-neutral rules; pass {option} if you know it"
            )
    return warnings


#: Where the median link of two texts lies, from the document's unrelated sentences (0) to
#: a typical translation (1), below which the texts look unrelated as a whole: less than
#: halfway, the point the checks read as closer to unrelated text than to a translation.
UNRELATED_BELOW = 0.5


def _unrelated_warnings(record: Alignment, src_vecs: np.ndarray,
                        tgt_vecs: np.ndarray) -> list[str]:
    """A warning when the two texts look unrelated as a whole (a mislabelled file): their
    median link is less than halfway (`UNRELATED_BELOW`) from the document's background,
    the mean similarity of its sentences that no link pairs, to a typical translation.

    The link scores and divergences cannot say it: each is placed on the document's own
    scale, whose typical link is the median one, so that two unrelated texts read as
    faithful as their best-matching links.  Here a link counts by the most similar of its
    sentence pairs (a link of several sentences, measured by their sum, is more similar to
    anything than each of them: unrelated texts are paired in such links), placed between
    the document's background and the model's known gap from background to a typical
    translation (`align.checks.divergence`'s prior, whose background a document of fewer
    than `MIN_LINKS` links takes, as the checks do).  Unrelated texts lie at 0.15–0.4 of
    it, faithful ones, free literary translations included, at 0.8 or more."""
    from align.checks.divergence import MIN_LINKS, PRIOR_BACKGROUND, PRIOR_TYPICAL

    paired = [link for link in record.links if link.source and link.translation]
    if not paired:
        return []
    src = src_vecs / np.maximum(np.linalg.norm(src_vecs, axis=1, keepdims=True), 1e-12)
    tgt = tgt_vecs / np.maximum(np.linalg.norm(tgt_vecs, axis=1, keepdims=True), 1e-12)
    best = [float((src[link.source] @ tgt[link.translation].T).max()) for link in paired]
    # Each sentence's link (-1 and -2: none), so that a sample of sentence pairs keeps those
    # no link pairs.
    src_link, tgt_link = np.full(len(src), -1), np.full(len(tgt), -2)
    for number, link in enumerate(record.links):
        src_link[link.source] = number
        tgt_link[link.translation] = number
    rng = np.random.default_rng(0)
    rows = rng.choice(len(src), size=min(300, len(src)), replace=False)
    cols = rng.choice(len(tgt), size=min(300, len(tgt)), replace=False)
    unrelated = src_link[rows][:, None] != tgt_link[cols][None, :]
    # As the checks measure: a document of a few links has too few sentences that do not
    # correspond (two on a topic resemble each other) for a background of its own.
    background = (float((src[rows] @ tgt[cols].T)[unrelated].mean())
                  if len(paired) >= MIN_LINKS and unrelated.any() else PRIOR_BACKGROUND)
    # The prior's gap as a share of what lies above the background: the model's, whatever
    # the document's background.
    gap = (PRIOR_TYPICAL - PRIOR_BACKGROUND) / (1.0 - PRIOR_BACKGROUND) * (1.0 - background)
    place = (float(np.median(best)) - background) / max(gap, 1e-6)
    if place >= UNRELATED_BELOW:
        return []
    return [f"the two texts look unrelated: their median link is {max(place, 0.0):.2f} on a "
            "scale where 0 is unrelated sentences and 1 a typical translation, and its "
            "findings say little: is the translation really a translation of the source?"]


#: The two languages' options as a warning names them.
_LANGUAGE_OPTIONS = ("--source-lang", "--translation-lang")
#: The same, and the arguments that give them from Python: the record's warnings are the
#: same whichever made it.
_LANGUAGE_ARGUMENTS = ("--source-lang (source_language= in Python)",
                       "--translation-lang (translation_language= in Python)")


def _expected_language_warnings(
    given: tuple[str | None, str | None],
    detected: tuple[str | None, str | None],
    names: tuple[str, str],
    *,
    read: str = "segmented",
) -> list[str]:
    """Say when a text does not look like the language the user said it is in (`read`:
    what was done with it as that language)."""
    warnings = []
    for option, expected, found, name in zip(_LANGUAGE_OPTIONS, given, detected, names,
                                             strict=True):
        if expected and found and _same_language(expected.lower().split("-")[0]) != \
                _same_language(found):
            warnings.append(
                f"{name} was given as {expected} ({option}) but looks like {found}: "
                f"{read} as {expected}; check the {'files' if read == 'segmented' else 'strings'}"
                " and the option"
            )
    return warnings


#: Codes detection cannot tell apart, each read as the one it returns: Croatian, Bosnian
#: and Serbian in Latin script are one written standard to it, and Norwegian Bokmål is
#: what it calls Norwegian.
_DETECTED_AS = {"bs": "hr", "sr": "hr", "no": "nb"}


def _same_language(code: str) -> str:
    return _DETECTED_AS.get(code, code)


def _unmatched_regions(links: list[Link], source: Side, translation: Side,
                       strays: dict[str, set[int]] | None = None) -> list[str]:
    """Warn about long runs of sentences with no counterpart (a missing chapter): the
    sentences of links with one side empty and, once the checks have run, the `strays`
    they found inside links (the aligner may attach the last sentences of a missing
    passage to the link after it)."""
    warnings = []
    for side_name, side in (("source", source), ("translation", translation)):
        loose = set((strays or {}).get(side_name, ()))
        for link in links:
            mine = link.source if side_name == "source" else link.translation
            other = link.translation if side_name == "source" else link.source
            if mine and not other:
                loose.update(mine)
        run: list[int] = []
        for k in [*sorted(loose), -2]:
            if run and k == run[-1] + 1:
                run.append(k)
                continue
            if len(run) >= 5:
                first, last = side.sentences[run[0]], side.sentences[run[-1]]
                # Numbered from 1 as the views number their rows ("#" of the terminal's
                # table, the HTML page's rows): the links that hold the run, to find it by.
                members = set(run)
                held = [n + 1 for n, link in enumerate(links) if not members.isdisjoint(
                    link.source if side_name == "source" else link.translation)]
                rows = (f"link #{held[0]}" if held[0] == held[-1]
                        else f"links #{held[0]}–{held[-1]}") if held else ""
                warnings.append(
                    f"{side_name} sentences {run[0] + 1}–{run[-1] + 1} ("
                    + (f"{rows}; " if rows else "")
                    + f"paragraphs {first.paragraph + 1}–{last.paragraph + 1}) have no "
                    f"counterpart in the {'translation' if side_name == 'source' else 'source'}"
                )
            run = [k]
    return warnings


def _options(options: Options | None, kwargs: dict[str, Any]) -> Options:
    from dataclasses import fields

    known = [f.name for f in fields(Options)]
    unknown = [name for name in kwargs if name not in known]
    if unknown:
        from align.errors import UsageError

        # Python's own TypeError would name Options.__init__, not the function called.
        raise UsageError(f"unknown option {unknown[0]!r}: the options are "
                         f"{', '.join(known)}")
    if options is None:
        return Options(**kwargs)
    if not isinstance(options, Options):
        from align.errors import UsageError

        raise UsageError(f"options must be an align.Options, not {type(options).__name__}; "
                         "or give its fields as keyword arguments")
    if kwargs:
        from dataclasses import replace

        return replace(options, **kwargs)
    return options


#: The keyword arguments of `check`: the options that concern checks, and a baseline.
_CHECK_OPTIONS = ("model", "backend", "glossary", "rules", "ignore", "cache", "fail_on",
                  "source_language", "translation_language", "baseline")


def check(
    record: Alignment,
    *,
    model: str | None = None,
    backend: str = "auto",
    glossary: Any = None,
    rules: Sequence[Any] = (),
    ignore: Collection[str] = (),
    cache: bool = True,
    baseline: str | Path | None = None,
    fail_on: Collection[str] = (),
    source_language: str | None = None,
    translation_language: str | None = None,
    **unknown: Any,
) -> Alignment:
    """A copy of `record` with the divergence checks run again (`record` itself is left as
    it was, so that two checks of it, with and without a glossary say, can be compared).

    A record read with `load` keeps its links, measured as the run that aligned it
    measured them; `signature["checked"]` says what checked them now.  Without `model`,
    the model and backend that measured the record check it (the signature's
    ``checked``, else its ``model``) where that model is here, else the default, with a
    warning that divergences may differ; `backend` other than ``auto`` chooses the
    default model's.  `cache=False` neither reads nor writes the embedding and token
    vector caches; the findings that the baseline at `baseline` holds (a record, or the
    accepted findings the HTML page saves) are set aside (`align.checks.baseline`);
    `fail_on`, gates as ``align check --fail-on`` takes them, gives the record's summary a
    verdict (`align.checks.summarise`); `source_language` and `translation_language` set
    the languages the checks read (a wrong one given to the run that made the record:
    its sentences stay as they were split), each said in the warnings where the text does
    not look like it, as `align_texts` says it.  Any other keyword is a `UsageError`, as
    for `align_files`."""
    from align.checks.baseline import apply_baseline, read_baseline

    if unknown:
        from align.errors import UsageError

        name = next(iter(unknown))
        taken = [p for p in _CHECK_OPTIONS if p != "baseline"]
        why = (" (it concerns aligning, which check does not do again)"
               if name in Options.__dataclass_fields__ else "")
        raise UsageError(f"unknown option {name!r} for check{why}: the options are "
                         f"{', '.join(taken)}, and baseline")
    _require_record(record, "check")
    accepted = read_baseline(baseline) if baseline is not None else None
    record = copy.deepcopy(record)
    # As `align check` does: a record of pairs takes this check's signature in full.
    check_strings(record, model=model, backend=backend, glossary=glossary, rules=rules,
                  ignore=ignore, cache=cache, fail_on=fail_on, source_language=source_language,
                  translation_language=translation_language)
    if accepted is not None:
        apply_baseline(record, accepted, str(baseline))
    return record


def check_pairs(
    pairs: Sequence[tuple[str, str]],
    options: Options | None = None,
    reporter: Reporter | None = None,
    **kwargs: Any,
) -> Alignment:
    """Check strings already paired, ``[(source, translation), ...]``, one link a pair, as
    ``align check --pairs`` checks a file of them; keyword arguments set `Options`
    (``source_language``, ``translation_language``, ``glossary``, ``ignore``, ...)."""
    from align.checks.pairs import Pair, pairs_alignment
    from align.errors import UsageError

    if isinstance(pairs, str | bytes | Path) or not isinstance(pairs, Sequence):
        raise UsageError(f"check_pairs takes a list of (source, translation) pairs of "
                         f"strings, not {type(pairs).__name__}")
    if not pairs:
        # As `align check --pairs` refuses a file that holds none: nothing checked is no
        # pass (a record of no links would read as agreement 1.0).
        raise UsageError("check_pairs: no pairs given: give at least one (source, "
                         "translation) pair")
    for number, pair in enumerate(pairs, 1):
        if not isinstance(pair, Pair) and not (
                isinstance(pair, Sequence) and len(pair) == 2
                and all(isinstance(text, str) for text in pair)):
            raise UsageError(f"check_pairs: pair {number} is not (source, translation), two "
                             f"strings: {pair!r}")
    return check_strings(pairs_alignment(pairs), options, reporter, **kwargs)


def write(record: Alignment, *paths: str | Path, force: bool = False) -> list[Path]:
    """Write `record` to each path, the format chosen by its extension."""
    from align.errors import UsageError
    from align.outputs import write_outputs

    if not isinstance(record, Alignment):
        hint = ("; Alignment.from_dict(d) makes one of its dict" if isinstance(record, dict)
                else "")
        raise UsageError(f"write takes an alignment record (align.Alignment), not "
                         f"{type(record).__name__}{hint}")
    if not paths:
        raise UsageError("write: give at least one path to write, e.g. write(record, "
                         "'out.json')")
    for path in paths:
        if not isinstance(path, str | os.PathLike):
            hint = ("; give the paths as separate arguments: write(record, *paths)"
                    if isinstance(path, list | tuple) else "")
            raise UsageError(f"write: each path must be a str or a Path, not "
                             f"{type(path).__name__}{hint}")
    return write_outputs(record, [Path(p) for p in paths], force=force)


def render_bytes(record: Alignment, ending: str) -> bytes:
    """`record` rendered in memory: the bytes `write` would write to a file whose name ends
    in `ending` (``"html"``, ``"json"``, ``"tmx"``, ``"tsv"``, ``"src.txt"``, ``"tgt.txt"``,
    ``"svg"``, ``"xlsx"``)."""
    from align.errors import UsageError
    from align.outputs import render_bytes as rendered

    if not isinstance(record, Alignment):
        raise UsageError(f"render_bytes takes an alignment record (align.Alignment), not "
                         f"{type(record).__name__}")
    return rendered(record, ending)


def loads(text: str | bytes) -> Alignment:
    """The record a JSON text holds, as `load` reads it from a file (`render` of
    ``"json"`` rendered by `render_bytes`, a request's body)."""
    from align.errors import UsageError
    from align.outputs import record_from_text

    if not isinstance(text, str | bytes | bytearray):
        raise UsageError(f"loads takes the text of a .json record (a str or bytes), not "
                         f"{type(text).__name__}; load(path) reads a file")
    return record_from_text(text)


def load(path: str | Path) -> Alignment:
    """Read an alignment record written as ``.json``."""
    from align.outputs import load_record

    _require_path(path, "path", "load")
    return load_record(path)
