"""Translation text that was not translated: identical to the source, or in the source language.

Text the source itself writes in the translation's language (an English author quoting
a French line) is rightly kept as it is and not reported.

In strings that are already aligned (``--pairs``), an empty translation is a string not
translated yet, and a translation its file marks as not done (a fuzzy PO entry, an
XLIFF target in state ``needs-translation`` …) is reported with that state: translation
tools and gettext do not use such a translation as final."""

from __future__ import annotations

from align.checks.base import CheckContext, words
from align.checks.lexicon import fold
from align.checks.placeholders import blank_markup
from align.language import language_scores
from align.record import Finding

KINDS = ("untranslated",)


def _severity(n_words: int) -> str:
    # One word ("Paris", "OK") is often legitimately the same in both languages.
    return "major" if n_words >= 4 else "minor" if n_words >= 2 else "info"


def _quoted_in_target_language(text: str, source: str | None, target: str | None) -> bool:
    """Whether the source text is itself written in the translation's language (a
    quotation the author left untranslated), so that copying it is right."""
    if source is None or target is None or source == target or len(words(text)) < 4:
        return False
    scores = language_scores(text)
    return scores.get(target, 0.0) > 2 * scores.get(source, 0.0)


def _copied(text: str) -> str:
    """`text` as compared for a copy: case, spacing and apostrophes ignored, accents
    kept (``Préférences`` for ``Preferences`` is the French word, written by hand)."""
    return " ".join(text.lower().replace("’", "'").split())


#: XLIFF states that say a translation is still to be made, not only to be reviewed.
_NOT_TRANSLATED = frozenset({"new", "needs-translation", "initial"})


def _state_finding(ctx: CheckContext, i: int) -> Finding | None:
    """What the file of pairs says of link `i`'s translation, where it says it is not done."""
    state = ctx.alignment.links[i].state
    source, translation = ctx.sources[i], ctx.translations[i]
    if not source:
        return None
    if not translation:
        # An empty string left for later, not a sentence the aligner could not place.
        # A string of placeholders and digits ("%d", "{0}/{1}") reads the same untranslated.
        lettered = any(w.text[0].isalpha() for w in words(blank_markup(source.text)))
        return Finding("untranslated", "major" if lettered else "info",
                       "no translation", ctx.whole(source))
    if state is None:
        return None
    if state == "fuzzy":
        severity, reason = "minor", "the translation is marked fuzzy: gettext does not use it"
    elif state in _NOT_TRANSLATED:
        severity, reason = "minor", f"the translation is marked as not translated ({state})"
    else:
        severity, reason = "info", f"the translation is marked for review ({state})"
    return Finding("untranslated", severity, reason, ctx.whole(translation))


def run(ctx: CheckContext) -> list[tuple[int, Finding]]:
    out: list[tuple[int, Finding]] = []
    source_language, target_language = ctx.source_language, ctx.translation_language
    for i in range(len(ctx.alignment.links)):
        source, translation = ctx.sources[i], ctx.translations[i]
        if ctx.pairs_input:
            state = _state_finding(ctx, i)
            if state is not None:
                out.append((i, state))
        if not source or not translation:
            continue
        target_words = [w.text for w in words(translation.text) if w.text[0].isalpha()]
        if not target_words:
            continue
        # Names, numbers and titles stay the same in both languages; running text does not.
        common = sum(w[0].islower() for w in target_words)
        if _copied(source.text) == _copied(translation.text):
            if _quoted_in_target_language(source.text, source_language, target_language):
                continue  # Poe quotes Crébillon in French; Baudelaire rightly keeps it
            out.append((i, Finding(
                "untranslated", _severity(len(target_words)) if common >= 2 else "info",
                "the translation is identical to the source", ctx.whole(translation),
            )))
            continue
        if (
            source_language is None
            or target_language is None
            or source_language == target_language
            or len(target_words) < 4
            or common < 3
        ):
            continue
        scores = language_scores(translation.text)
        if scores.get(source_language, 0.0) > 2 * scores.get(target_language, 0.0):
            source_words = {fold(w.text) for w in words(source.text)}
            copied = sum(fold(w) in source_words for w in target_words) / len(target_words)
            reason = (
                "the translation repeats the source text"
                if copied >= 0.6
                else f"the translation reads as {source_language}, the source language"
            )
            out.append((i, Finding(
                "untranslated", _severity(len(target_words)), reason, ctx.whole(translation)
            )))
    return out
