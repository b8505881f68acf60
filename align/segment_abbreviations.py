"""Words that end with a full stop without ending a sentence.

A full stop after one of these, followed by a capital, is not a sentence boundary.
Single letters (initials, ``p.``, ``M.``) and dotted groups (``e.g.``, ``U.S.``) are
recognised by shape in `align.segment`, so they are not listed here.  ``etc.`` is
deliberately absent: followed by a capital it almost always ends a sentence.
"""

from __future__ import annotations

import re

#: Matched exactly as written, and with a capital first letter (at a sentence start).
LOWERCASE = frozenset(
    """
    cf vs viz approx ca al ibid op cit loc ch ed eds pp
    av bd boul env ex éd édit trad coll réf hab suiv sq sqq
    c.-à-d ms mss anon resp
    vgl bzw usw evtl ggf inkl ca zit hrsg
    pág págs sig dott
    """.split()
)

#: Matched exactly as written (titles, units and labels that are only abbreviations
#: with a capital; their lower-case forms are ordinary words such as "no" or "mm").
CASE_SENSITIVE = frozenset(
    """
    Mr Mrs Ms Messrs Mssrs Dr Drs Prof Profs St Sts Ste Mt Ft Jr Sr Snr Jnr Esq Rev Hon
    Gen Col Capt Cpt Lt Sgt Maj Cmdr Adm Gov Sen Rep Pres Supt Insp
    Co Corp Inc Ltd Bros
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    Ave Blvd Rd
    MM Mme Mmes Mlle Mlles Mgr Me Pr Cie Vve Dre
    Th Ch Ph Wm Chas Geo Jas Jos Thos
    J.-C Hr Fr Frl Sra Srta Sres Dña Ud Uds Sig Sigg Dott
    """.split()
)

#: Labels of a number: abbreviations only before one (``No. 5``, ``Nos. 3 and 4``,
#: ``Nr. 12``, ``vol. XII``, ``art. 5``, ``fig. 2``, ``max. 10``).  Before a word they
#: end a sentence as the words they also are do: English and Spanish "No.", German
#: "Art.", French "vol.", English "chap." and "fig.", the name "Max."  The first four
#: are matched as `CASE_SENSITIVE` is, the others as `LOWERCASE`.
NUMBER_LABELS_CASE_SENSITIVE = frozenset("No Nos Nr Nº".split())
NUMBER_LABELS = frozenset("art vol vols fig figs chap min max".split())

#: A number after a label: digits, or a Roman numeral (but the pronoun of "No. I am").
_NUMBER = re.compile(r"[(\[#]?(?:\d|[IVXLCDM]+(?![^\W\d_])(?<!\bI(?=\s+[a-z])))")

#: One language's own abbreviations, by primary language subtag, matched as `LOWERCASE`
#: is (a word written in lower case here also matches with a capital first letter, and
#: one with a capital only as written).  They count in that language, and in any text
#: whose language is not given; not elsewhere, where the same letters can be a word that
#: ends a sentence (the Tab key in English, Polish "dr." beside "Dr." everywhere).
BY_LANGUAGE: dict[str, frozenset[str]] = {
    language: frozenset(words.split()) for language, words in {
        "de": "Dipl Dipl.-Ing Dipl.-Kfm Ing Tab Abb Kap",
        # EE. UU.: only the first half, so that "a los EE. UU. Luego" ends after UU.
        "es": "EE Lic Licda Profa Dra Ing",
        # sous la dir. de: German "dir" (to you) ends sentences.
        "fr": "dir",
        "pl": "np ul dr prof św inż mgr ks",
        "ru": "проф ул тов акад доц",
        "uk": "проф вул акад доц",
        "tr": "örn",
        "hi": "डॉ",
        "el": "Δρ Καθ",
    }.items()
}
_ANY_LANGUAGE = frozenset().union(*BY_LANGUAGE.values())


def is_abbreviation(word: str, language: str | None = None, following: str = "") -> bool:
    """Whether ``word`` (without its final stop) is a listed abbreviation, in ``language``
    (a primary subtag; None: in any language), before ``following`` (the text after the
    stop and the blanks after it: a label of a number, `NUMBER_LABELS`, is one only
    before a number)."""
    own = _ANY_LANGUAGE if language is None else BY_LANGUAGE.get(language, frozenset())
    if word in CASE_SENSITIVE or word in LOWERCASE or word in own:
        return True
    lowered = word[:1].lower() + word[1:]
    if word[:1].isupper() and (lowered in LOWERCASE or lowered in own):
        return True
    label = word in NUMBER_LABELS_CASE_SENSITIVE or word in NUMBER_LABELS or (
        word[:1].isupper() and lowered in NUMBER_LABELS)
    return label and _NUMBER.match(following) is not None
