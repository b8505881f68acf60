"""Spelled numbers of Portuguese and Italian, beside those of `align.checks.lexicon`, and
English clock times in words.

Portuguese joins the words of a number with « e » (``vinte e três``, ``cento e vinte e
cinco``), as the number check already reads; it needs only its words, in the European and
the Brazilian spelling (``dezanove``, ``dezenove``).  Italian writes a number as one word,
dropping the last vowel of the tens before « uno » and « otto » (``ventuno``, ``ventotto``,
``centoventitré``, ``duemila``): `italian_compound` splits it into its words.

English clock times in words (*half past five*, *a quarter to six*, *at five thirty*,
*noon*) are read as the times they name on either clock (`english_clock_times`), as
subtitles in French, Spanish, German and Italian write them ``17 h 30``.
"""

from __future__ import annotations

import re
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


#: English clock times in words, read as the times they name (`english_clock_times`).
_HOURS = {w: n for n, w in enumerate(
    "one two three four five six seven eight nine ten eleven twelve".split(), start=1)}
_UNITS = "one two three four five six seven eight nine".split()
_MINUTES = {w: n for n, w in enumerate(
    [*_UNITS, *"ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen "
     "nineteen".split()], start=1)}
for _number, _tens in enumerate("twenty thirty forty fifty".split(), start=2):
    _MINUTES[_tens] = _number * 10
    for _unit, _name in enumerate(_UNITS, start=1):
        _MINUTES[f"{_tens}-{_name}"] = _number * 10 + _unit
_HOUR = "(?P<hour>" + "|".join(sorted(_HOURS, key=len, reverse=True)) + ")"
_MINUTE = ("(?:twenty|thirty|forty|fifty)(?:[-‐ ](?:" + "|".join(_UNITS) + "))?|"
           + "|".join(sorted((w for w in _MINUTES if "-" not in w and _MINUTES[w] < 20),
                             key=len, reverse=True)))
#: a.m. or p.m. after a time, or o'clock.
_HALF_OF_DAY = r"(?:\s?(?P<half>[ap])\.?\s?m\b\.?|\s?o['’]clock\b)?"
#: *half past five*, *a quarter to six*, *twenty to six*, *ten minutes past nine*.
_RELATIVE_TIME = re.compile(
    rf"(?<![\w-])(?:(?P<quarter>(?:a\s+)?quarter)|(?P<halfhour>half)"
    rf"|(?P<count>{_MINUTE})(?P<minutes>\s+minutes?)?)"
    rf"\s+(?P<relation>past|after|to|till|til|before)\s+{_HOUR}(?![\w-]){_HALF_OF_DAY}",
    re.IGNORECASE)
#: *five thirty*, *seven forty-five*, *six oh five*.
_HOUR_MINUTES = re.compile(
    rf"(?<![\w-]){_HOUR}\s+(?P<oh>oh[\s-]+)?(?P<count>{_MINUTE})(?![\w-]){_HALF_OF_DAY}",
    re.IGNORECASE)
#: *noon*, *midday*, *midnight*, maybe after *twelve*.
_NOON = re.compile(r"(?<![\w-])(?:(?:twelve|12)\s+)?(?P<word>noon|midday|midnight)(?![\w-])",
                   re.IGNORECASE)
#: Words after which *five thirty* is a time (*at five thirty*, *it's five thirty*), not
#: two numbers (*five twenty dollar bills*); *is*, *was* only after *it* or *time*.
_BEFORE_TIME = frozenset(
    "at by until till til since around about before after it's 's nearly almost "
    "approximately".split())
#: Words a clock time may be followed by, where *five to ten* is no range (*five to ten
#: years*, *five to ten people*).
_AFTER_TIME = frozenset(
    "in at on tonight tomorrow today yesterday this sharp exactly precisely and or but then "
    "when so every to until till".split())


def _words_before(text: str, start: int) -> list[str]:
    """The two words before `start`, folded, the nearest last (*it's* one word)."""
    return [fold(w).replace("’", "'") for w in re.findall(r"[\w'’]+", text[:start])[-2:]]


def _said_as_time(text: str, start: int, *more: str) -> bool:
    """Whether the words before `start` make what follows a time: *at*, *until*, *it's*,
    *it is*, *the time was* … (`_BEFORE_TIME`), or one of `more`."""
    before = _words_before(text, start)
    if not before:
        return False
    if before[-1] in ("is", "was"):
        return len(before) == 2 and before[0] in ("it", "time")
    return before[-1] in _BEFORE_TIME or before[-1] in more


def _word_after(text: str, end: int) -> str | None:
    """The word right after `end`, or None where a stop or the end of the text comes first."""
    found = re.match(r"[ \t\u00a0]*([^\W\d_]+)", text[end:])
    return fold(found.group(1)) if found else None


def _minutes_value(words: str) -> int:
    return _MINUTES["-".join(re.split(r"[-‐\s]+", words.lower()))]


def english_clock_times(text: str) -> list[tuple[int, int, frozenset[tuple[int, int]]]]:
    """The clock times `text` writes in English words, as ``(start, end, times)``, each time
    ``(hour, minutes)`` on the 24-hour clock: *half past five* is 5:30 or 17:30 (subtitles in
    French, Spanish, German, Italian write ``17 h 30``), *half past five p.m.* 17:30 only,
    *a quarter to one* 0:45 or 12:45, *five thirty* (after *at*, *until*, *it's* …, or with
    a.m. or p.m.) 5:30 or 17:30, *noon* 12:00, *midnight* 0:00.  Not *from five to ten*,
    *five to ten years* (a range), nor *five twenty dollar bills*."""
    found: list[tuple[int, int, frozenset[tuple[int, int]]]] = []
    for m in _RELATIVE_TIME.finditer(text):
        relation = m.group("relation").lower()
        before = relation in ("to", "till", "til", "before")
        if m.group("quarter"):
            minutes = 15
        elif m.group("halfhour"):
            if relation != "past":
                continue
            minutes = 30
        else:
            minutes = _minutes_value(m.group("count"))
            if minutes >= (30 if before else 31):
                continue
            # A bare number before "to" may be a range or a score ("five to ten years",
            # "from five to ten", "they won five to two"): a time only in fives, said as
            # one (*at*, *it's*), with nothing counted after.
            if not m.group("minutes") and relation != "past" and (
                    minutes not in (5, 10, 20, 25) or relation == "before"
                    or not _said_as_time(text, m.start())
                    or not m.group("half") and _word_after(text, m.end()) not in (
                        None, *_AFTER_TIME)):
                continue
        hour = _HOURS[m.group("hour").lower()]
        if before:
            hour, minutes = hour - 1, 60 - minutes
        found.append((m.start(), m.end(), _either_half(hour, minutes, m.group("half"))))
    for m in _HOUR_MINUTES.finditer(text):
        if any(a < m.end() and m.start() < b for a, b, _ in found):
            continue
        minutes = _minutes_value(m.group("count"))
        if m.group("oh") and minutes >= 10 or not m.group("oh") and minutes < 10:
            continue
        # Two numbers unless a word of the clock comes before or a.m., p.m. after.
        if not m.group("half") and (
                not _said_as_time(text, m.start(), "from", "to")
                or _word_after(text, m.end()) not in (None, *_AFTER_TIME)):
            continue
        found.append((m.start(), m.end(),
                      _either_half(_HOURS[m.group("hour").lower()], minutes, m.group("half"))))
    for m in _NOON.finditer(text):
        if any(a < m.end() and m.start() < b for a, b, _ in found):
            continue  # the "noon" of "a quarter past twelve noon"
        hour = 0 if m.group("word").lower() == "midnight" else 12
        found.append((m.start(), m.end(), frozenset({(hour, 0)})))
    return sorted(found)


def _either_half(hour: int, minutes: int, half: str | None) -> frozenset[tuple[int, int]]:
    """The times `hour` (1 to 12, or 0) and `minutes` name: in the half of the day `half`
    (``a``, ``p``) says, else in either."""
    hour %= 12
    if half:
        return frozenset({(hour + (12 if half.lower() == "p" else 0), minutes)})
    return frozenset({(hour, minutes), (hour + 12, minutes)})
