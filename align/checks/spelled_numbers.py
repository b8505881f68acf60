"""Spelled numbers of Portuguese and Italian, beside those of `align.checks.lexicon`.

Portuguese joins the words of a number with « e » (``vinte e três``, ``cento e vinte e
cinco``), as the number check already reads; it needs only its words, in the European and
the Brazilian spelling (``dezanove``, ``dezenove``).  Italian writes a number as one word,
dropping the last vowel of the tens before « uno » and « otto » (``ventuno``, ``ventotto``,
``centoventitré``, ``duemila``): `italian_compound` splits it into its words.
"""

from __future__ import annotations

from functools import lru_cache

from align.checks.lexicon import NUMBER_WORDS, fold

#: Portuguese number words (folded) that `NUMBER_WORDS` lacks or reads otherwise.
PORTUGUESE_NUMBER_WORDS: dict[str, int] = {}
for _number, _names in enumerate((
    "um uma", "dois duas", "três", "quatro", "cinco", "seis", "sete", "oito", "nove", "dez",
    "onze", "doze", "treze", "catorze quatorze", "quinze", "dezasseis dezesseis",
    "dezassete dezessete", "dezoito", "dezanove dezenove", "vinte",
), start=1):
    for _name in _names.split():
        PORTUGUESE_NUMBER_WORDS[fold(_name)] = _number
for _number, _name in enumerate(
        "trinta quarenta cinquenta sessenta setenta oitenta noventa".split(), start=3):
    PORTUGUESE_NUMBER_WORDS[_name] = _number * 10
for _number, _names in enumerate((
    "duzentos duzentas", "trezentos trezentas", "quatrocentos quatrocentas",
    "quinhentos quinhentas", "seiscentos seiscentas", "setecentos setecentas",
    "oitocentos oitocentas", "novecentos novecentas",
), start=2):
    for _name in _names.split():
        PORTUGUESE_NUMBER_WORDS[_name] = _number * 100
PORTUGUESE_NUMBER_WORDS.update({"cem": 100, "cento": 100, "mil": 1000, "milhao": 1_000_000,
                                "milhoes": 1_000_000})

#: The words an Italian number is written with, folded (``tré`` is ``tre``), and the tens
#: without their last vowel (``vent``, ``trent``), as written before ``uno`` and ``otto``.
ITALIAN_PIECES: dict[str, int] = {}
for _number, _name in enumerate(
        "uno due tre quattro cinque sei sette otto nove dieci undici dodici tredici "
        "quattordici quindici sedici diciassette diciotto diciannove".split(), start=1):
    ITALIAN_PIECES[_name] = _number
for _number, _name in enumerate(
        "venti trenta quaranta cinquanta sessanta settanta ottanta novanta".split(), start=2):
    ITALIAN_PIECES[_name] = ITALIAN_PIECES[_name[:-1]] = _number * 10
ITALIAN_PIECES.update({"cento": 100, "cent": 100, "mille": 1000, "mila": 1000})


@lru_cache(maxsize=1 << 16)
def italian_compound(key: str) -> tuple[int, ...] | None:
    """The values of the Italian number words the folded word `key` is made of, at least
    two, each smaller than the one before or multiplying it (``ventitre`` → 20, 3;
    ``duemila`` → 2, 1000); None if it is no such number.  ``mila`` only multiplies
    (``duemila``), ``mille`` only stands first (``milledue``)."""
    if len(key) < 6:
        return None
    values = _italian_segment(key)
    if values is None or len(values) < 2:
        return None
    return values


def _italian_segment(rest: str, last: int | None = None) -> tuple[int, ...] | None:
    if not rest:
        return ()
    for size in range(min(len(rest), 11), 2, -1):
        head = rest[:size]
        value = ITALIAN_PIECES.get(head)
        if value is None or not _follows(head, value, last):
            continue
        tail = _italian_segment(rest[size:], value)
        if tail is not None:
            return (value, *tail)
    return None


def _follows(word: str, value: int, last: int | None) -> bool:
    """Whether the Italian number word `word` (of `value`) may follow one of `last`."""
    if last is None:
        return word != "mila"
    if word == "mille":
        return False
    if word == "mila":
        return 1 < last < 1000
    if word in ("cento", "cent"):
        return last < 10 or last >= 1000
    return value < last


#: Number words of all these languages, `NUMBER_WORDS` first where they differ.
ALL_NUMBER_WORDS: dict[str, float] = {**PORTUGUESE_NUMBER_WORDS, **NUMBER_WORDS}
