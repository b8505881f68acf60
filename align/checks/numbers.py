"""Numbers, dates, percentages and amounts that differ between the two sides of a link.

Every number is read into the set of values it can mean, so that the French and
English conventions meet: ``1 000,5`` and ``1,000.5`` are both 1000.5; ``1,500``
is 1500 or 1.5 and matches either.  Month names count as the month's number
(``13 août 1936`` = ``August 13, 1936`` = ``13/08/1936``); a date written with points is
day first (``01.10.2024`` is October 1, not *January 10*, `_compatible`).  Spelled numbers
(``twenty-five``, ``vingt-cinq``, ``vinte e três``, ``ventitré``,
`align.checks.spelled_numbers`) and Roman numerals (``camp III``) are read too, as
counterparts of a number on the other side: they are never flagged missing or added,
because translators freely write ``deux`` for ``a couple`` and ``I`` is also a pronoun.
A spelled number is reported changed only where the word aligner pairs it with a number
of the other side and both count exactly (``quatre cents francs`` against ``five hundred
francs``; not ``mille fois merci`` against ``thanks a million``, `_spelled_changes`).
A spelled number said more often on one side than on the other (*twenty … twenty*
against ``veinte … treinta``) has its spare copies compared (`_spare_copies`).  A clock
time is one mention read on the 24-hour clock
(``7.30 p.m.`` = ``19h30`` = ``19:30`` = ``19.30 Uhr``, `_time`), and one written in
English words too (*half past five* = ``17 h 30`` = ``5:30``, *noon* = ``12 Uhr``,
`_spelled_time`); it, or a pair
written as one number, matches its parts written apart (``午後7時30分``), and
``1936-37`` matches ``1936-1937``: two digits stand for a year only where written as one
(`_written_as_year`), so ``25 dollars`` against ``2025 dollars`` is a changed number.  An
ordinal in digits (``2º``, ``2e``, ``2. Stock``) also matches the ordinals that are other
words too (``second``, ``segundo``, `_ORDINAL_WORDS`).  A version or an identifier
(``2.4.1``, ``10.2.3.4``, and ``Python 3.10``, ``==2.4``) is compared whole, as written
(`_versions`): ``3.10`` is not ``3.1`` there, and ``2.4.1`` against ``2.5.1`` is not ``2.4``
against ``2.5``.  Raised digits are numbers (an exponent: ``x²``; a unit's ``m²`` and
digits written low, ``H₂O``, only as counterparts).  A number kept while its currency or
unit changed (``20 dollars`` as *20 euros*, ``12 km`` as *12 miles*) is reported too
(`_unit_findings`).  A code is the same with its letters in another language's order
(``2014/53/EU``, French ``2014/53/UE``, `_reordered`).  A word of magnitude multiplies the
digits before it (``160 million`` is also 160,000,000, ``3,5 млрд`` 3,500,000,000,
`_magnified`), and a number with one is compared by its products: ``3,5 Milliarden`` is not
*3.5 million*, nor a bare *3.5* (a magnitude said once for a range, ``3 to 5 million``, is
its first number's too, `_ranges_magnified`); as Chinese and Japanese multipliers do
(``1.6亿``, ``3.5万``, ``２万３千``, `_cjk_mentions`), with full-width digits,
Japanese era years (``令和6年`` = 2024), months (``6月``) and Han numerals before a counter
(``五年``, ``三成`` = 30 %).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from align.checks.base import CheckContext, LinkText, Word, words
from align.checks.lexicon import (
    AMBIGUOUS_MONTHS,
    CURRENCIES,
    CURRENCIES_BEFORE,
    LOCATIVE_MONTHS,
    MAGNITUDES,
    MEASURES,
    MONTHS,
    SLAVIC_MAGNITUDES,
    fold,
    roman_value,
)
from align.checks.name_equivalents import ABBREVIATIONS
from align.checks.placeholders import blank_markup, readable_links
from align.checks.shortcuts import shortcuts
from align.checks.spelled_numbers import ALL_NUMBER_WORDS, english_clock_times, italian_compound
from align.language import HANGUL_SYLLABLES, UNSPACED_LETTERS, english_name
from align.record import Finding, SideName

KINDS = ("number",)

_GROUP_SEPARATOR = "[ \u00a0\u202f\u2009']"
#: What may stand between a month's name and the day or year beside it.
_DATE_JOINER = re.compile(r"[\s.,]{0,3}|\s+(?:de|del|di|of)\s+")
#: ... and between a day before it and the month, an ordinal's ending first ("1st of May",
#: "1er mai", "2º de mayo", "1.º de mayo").
_DAY_JOINER = re.compile(rf"(?:st|nd|rd|th|er|re|e|ème|ᵉ|\.?[ºª])?(?:{_DATE_JOINER.pattern})")
NUMBER = re.compile(
    r"(?<!\d[.,])(?<!\d)"
    rf"(?:\d{{1,3}}(?:(?:{_GROUP_SEPARATOR}|[.,])\d{{3}}(?![\d]))+(?:[.,]\d+)?"
    r"|\d+(?:[.,]\d+)?)"
    r"(?![\d])"
)
_CONNECTORS = frozenset({"et", "and", "und", "y", "e"})
#: Number words that continue a number only after a connector: Portuguese says « vinte e
#: um », and the German « um » (around) follows any number (« die drei um den Tisch »).
_AFTER_CONNECTOR_ONLY = frozenset({"um", "uma"})
#: Day, month and year written with points: "3.12.2024", "03.12.24".
_DOTTED_DATE = re.compile(r"(?<![\d.,])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![\d]|[.,]\d)")
#: Two days of one month before its name: "1/14 janvier", "14/27 juin" (Old and New Style).
_DAY_PAIR = re.compile(r"(?<![\d./])(?P<first>\d{1,2})/(?P<second>\d{1,2})[ \u00a0]+"
                       r"(?P<month>[^\W\d_]+)")
#: A number of three or more parts joined by points ("2.4.1", "10.2.3.4", "192.168.1.1"):
#: a version or an identifier, unless it is a date or a thousands grouping ("1.000.000").
_DOTTED_RUN = re.compile(r"(?<![\d.,])\d+(?:\.\d+){2,}(?![\d]|[.,]\d)")
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
#: A number of two parts or more after what makes it a version: a word ("version 3.10",
#: "Python 3.10", "v3.10") or a requirement ("==2.4", ">=1.20", "~=3.8").
_VERSION = re.compile(
    r"(?:(?<![^\W\d_])(?i:versions?|versión|versiones|versione|versioni|versão|versões|versie"
    r"|wersj[aięe]|версии|версия|версию|έκδοση|sürüm|sürümü|release|python|java|php|perl"
    r"|ruby|node(?:\.?js)?|django|ios|ipados|macos|android|ubuntu|debian|fedora|kernel"
    r"|linux|gcc|clang|tls)[ \u00a0]+(?i:v\.?)?"
    r"|(?<![^\W\d_])[vV]\.?|(?:[=!~<>]=|~>)[ \u00a0]?)"
    r"(?P<version>\d+(?:\.\d+)+)(?![\d]|[.,]\d)"
)


@dataclass
class Mention:
    values: frozenset
    start: int
    end: int
    text: str
    #: Flagged when unmatched (digits and months); spelled numbers only serve as counterparts.
    flaggable: bool = True
    #: The values of its parts where the other side may write them apart (a clock time's
    #: hour and minutes: ``7.30 p.m.`` is 午後7時30分); None: the numbers of its text.
    parts: tuple[frozenset, ...] | None = None
    #: What a reason calls it: "number", "month" (a month's name), or "version" (compared
    #: whole, `_version`).
    what: str = "number"
    #: Written in words (``quatre cents``, ``Achttausender``), not digits nor Roman.
    spelled: bool = False
    #: Two digits written as a year (``'37``, ``1936-37``, ``the 30s``, `_written_as_year`):
    #: they match the four-digit years that end in them.
    year: bool = False
    #: A year of an era (``令和元年``, 2019 or 1 as written): a counterpart taken after the
    #: others, as its year as written is no day nor month (*May 1, 2019*).
    era: bool = False
    #: The magnitude word after it (``3,5 млрд``, ``160 million``), or said once after the
    #: range it begins (``3 to 5 million``): compared by its products (`_compatible`).
    magnitude: Magnitude | None = None
    #: Its field in a date written with points, day first (``01.10.2024``): "day", "month"
    #: or "year", with the span of the whole date.
    date_field: str | None = None
    date: tuple[int, int] | None = None
    #: The end of the words that say an hour's half of the day (``6 a.m.``, ``6 heures du
    #: soir``): a changed hour is quoted with them.
    clock_end: int | None = None


def _as_float(digits: str) -> float:
    return float(digits) if digits else 0.0


def _version(text: str) -> tuple[str, str]:
    """The value of a version: its parts as written, trailing ``.0`` parts aside (``2.0`` is
    ``2``, while ``3.10`` is not ``3.1``)."""
    return ("version", re.sub(r"(?:\.0+)+$", "", text))


def _versions(text: str) -> list[Mention]:
    """The versions and identifiers of `text`: a number after what makes it a version
    (`_VERSION`), and one of three parts or more that is no date and no thousands grouping
    (`_DOTTED_RUN`).  Compared whole: ``2.4.1`` is not ``2.4.0``, nor ``2.5.1``."""
    found = [(m.start("version"), m.end("version")) for m in _VERSION.finditer(text)]
    for m in _DOTTED_RUN.finditer(text):
        if any(a <= m.start() < b for a, b in found):
            continue
        date = _DOTTED_DATE.fullmatch(m.group())
        if date and 1 <= int(date.group(1)) <= 31 and 1 <= int(date.group(2)) <= 12:
            continue  # 13.08.1936
        if not _THOUSANDS.fullmatch(m.group()):  # 1.000.000
            found.append((m.start(), m.end()))
    return [Mention(frozenset({_version(text[a:b])}), a, b, text[a:b], parts=(), what="version")
            for a, b in found]


def readings(text: str) -> set[float]:
    """Every value the written number `text` can stand for under French, English or German use."""
    plain = re.sub(_GROUP_SEPARATOR, "", text)
    has_comma, has_dot = "," in plain, "." in plain
    if has_comma and has_dot:
        decimal = "," if plain.rfind(",") > plain.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        return {float(plain.replace(thousands, "").replace(decimal, "."))}
    if not (has_comma or has_dot):
        return {float(plain)}
    separator = "," if has_comma else "."
    parts = plain.split(separator)
    values = set()
    if all(len(p) == 3 for p in parts[1:]):
        values.add(float("".join(parts)))
    if len(parts) == 2:
        values.add(float(parts[0] + "." + parts[1]))
    return values or {float(plain.replace(separator, ""))}


def _spelled_value(parts: list[str]) -> float | None:
    values = [ALL_NUMBER_WORDS.get(part) for part in parts]
    return None if None in values else _total(values)


def _total(values: list[float]) -> float:
    """The number its words' values make: ``[2, 1000, 3, 100, 20]`` is 2320."""
    total, current = 0.0, 0.0
    for v in values:
        if v == 100:
            current = (current or 1) * 100
        elif v >= 1000:
            total += (current or 1) * v
            current = 0
        elif v == 20 and current in (4.0,):  # quatre-vingt(s)
            current *= 20
        else:
            current += v
    return total + current


#: Terminal colour and cursor codes (``ESC[31m``) that text copied from a terminal carries.
_CONTROL_SEQUENCE = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")


#: Full-width digits and percent sign (``２``, ``％``), as Chinese and Japanese write them,
#: read as ASCII: one character each, so that offsets hold.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９％", "0123456789%")
#: ... and the full-width marks between digits (``２．３``, ``１０：３０``); a comma only before
#: three digits, grouping them (``１，０００``): else it is the Chinese comma of a list.
_FULL_WIDTH_MARK = re.compile(r"(?<=\d)(?:[．：／](?=\d)|，(?=\d{3}(?!\d)))")
_HALF_WIDTH_MARK = str.maketrans("．：／，", ".:/,")


def _half_width(text: str) -> str:
    """`text` with its full-width digits and their marks in ASCII, offsets kept."""
    text = text.translate(_FULL_WIDTH)
    return _FULL_WIDTH_MARK.sub(lambda m: m.group().translate(_HALF_WIDTH_MARK), text)


#: Words that multiply the number before them, folded (``160 million``, ``1,28 Milliarden``,
#: ``3 mil millones``): the number is also their product, as Chinese and Japanese write it
#: with 万 and 亿 (``1.6亿`` is *160 million*).  A billion is a thousand millions in English
#: and a million millions in French, German and Spanish: either.
_MAGNITUDE_FACTORS: dict[str, tuple[int, ...]] = {
    **dict.fromkeys(
        "thousand thousands tausend millier milliers mila mil".split(), (10**3,)),
    **dict.fromkeys(
        "million millions millionen mio mill millon millones milione milioni milhao milhoes "
        "mln mn".split(), (10**6,)),
    **dict.fromkeys(
        "milliard milliards milliarde milliarden mrd mia md mds miliardo miliardi bn bilhao "
        "bilhoes".split(), (10**9,)),
    "mil millones": (10**9,),
    **dict.fromkeys("billion billions billionen".split(), (10**9, 10**12)),
    **dict.fromkeys("billon billones biliao bilioes".split(), (10**12,)),
    **dict.fromkeys("trillion trillions".split(), (10**12, 10**18)),
}
#: ... and Russian, Ukrainian and Polish (`SLAVIC_MAGNITUDES`).
_MAGNITUDE_FACTORS |= {fold(word): (factor,) for factor, written in SLAVIC_MAGNITUDES.items()
                       for word in written.split()}
_MAGNITUDE_AFTER = re.compile(
    r"[ \u00a0\u202f-]?(?P<word>(?i:mil[ \u00a0]+millones|millón|milhão|milhões|bilhão|bilhões"
    r"|billón|bilião|biliões|" + "|".join(sorted(
        {*_MAGNITUDE_FACTORS, *" ".join(SLAVIC_MAGNITUDES.values()).split()},
        key=len, reverse=True))
    + r"))(?![^\W_])")
#: A magnitude written short and glued to the number, before a currency or after one:
#: ``5m dollars``, ``$5M``, ``€50k`` (``5 m`` alone is metres, `_UNIT_AFTER`).
_GLUED_MAGNITUDES = {"k": 10**3, "m": 10**6}
_GLUED_MAGNITUDE = re.compile(r"[kKmM](?![^\W_])")
#: Abbreviations of a magnitude that are other words too: French ``15 mn`` is minutes,
#: Polish ``10 mil`` miles (Spanish ``3 mil`` is 3,000); German ``250 Mill.`` and Swiss
#: ``3 Mia.`` (millions, milliards) are an English *mill* and the Italian *mia* (mine).
_UNCERTAIN_MAGNITUDES = frozenset({"mn", "mil", "mill", "mia"})
#: The plural of a magnitude word, which a number before it may not multiply: a year before
#: it (``By 2030 millions of people``, ``В 2020 тысячи людей``, ``Seit 2015 Millionen``) is
#: no 2030 millions; but before a currency or a unit it is (Spanish ``1500 millones de
#: euros`` is 1.5 billion euros).
_PLURAL_MAGNITUDES = frozenset(fold(word) for word in (
    "thousands milliers millions millionen millones milioni milhoes milliards milliarden "
    "miliardi billions billionen billones trillions тысячи тисячі tysiące мільйони miliony "
    "мільярди miliardy трильйони biliony").split())
_YEAR_BEFORE_PLURAL = re.compile(r"1\d{3}|20\d{2}|2100")
#: A number after a magnitude word, whose word it is not (``2020 millions 5``).
_DIGIT_AFTER = re.compile(r"[ \u00a0\u202f]*\d")
#: What stands between the first number of a range and the second, whose magnitude is said
#: once for both: "3 to 5 million", « de 3 à 5 millions », "от 3 до 5 млрд", "$3–$5 billion".
_RANGE_TO = re.compile(
    r"\s*(?:-|–|—|to|and|or|à|a|et|ou|bis|und|oder|y|o|e|до|и|или|по|і|та|або|i|lub|do)"
    r"\s*(?:[$€£¥]|[A-Z]{3}[ \u00a0]?)?", re.IGNORECASE)
#: English names its magnitudes, so a reason glosses only the others' (``3,5 млрд (3.5
#: billion)``).
_ENGLISH_MAGNITUDES = frozenset(
    "thousand thousands million millions billion billions trillion trillions bn mn".split())
_MAGNITUDE_NAMES = {10**3: "thousand", 10**6: "million", 10**9: "billion", 10**12: "trillion"}


def _product(value: float, factor: int) -> float:
    """`value` times `factor`, exact for what the digits write (2.3 × 10⁸ is 230,000,000)."""
    return float(Decimal(repr(value)) * factor)


@dataclass
class Magnitude:
    """What the magnitude word after a number makes of it (`_magnified`)."""
    #: The number's values multiplied by it: 3,5 млрд is 3,500,000,000.
    products: frozenset
    #: Where the word ends, for a reason to quote it.
    end: int
    factors: tuple[int, ...]
    #: Whether the word may as well not multiply it (`_UNCERTAIN_MAGNITUDES`), so that the
    #: number also matches its bare value.
    uncertain: bool = False
    #: The word as written, for the first number of a range, which says it once after the
    #: second (``3`` in ``de 3 à 5 millions``); else empty.
    word: str = ""


def _magnitude(number: re.Match, text: str) -> tuple[tuple[int, ...], int, bool] | None:
    """The factors of the magnitude word after the number `number` (``160 million``,
    ``3,5 млрд``, ``5m dollars``), with where the word ends and whether it may as well not
    multiply the number (`_UNCERTAIN_MAGNITUDES`, `_YEAR_BEFORE_PLURAL`); None if it has
    none."""
    after = _MAGNITUDE_AFTER.match(text, number.end())
    if after is not None:
        word = " ".join(fold(after.group("word")).split())
        uncertain = word in _UNCERTAIN_MAGNITUDES or (
            word in _PLURAL_MAGNITUDES and _YEAR_BEFORE_PLURAL.fullmatch(number.group()) is not None
            and _DIGIT_AFTER.match(text, after.end()) is None
            and _UNIT_AFTER.match(text, number.end()) is None)
        return _MAGNITUDE_FACTORS[word], after.end(), uncertain
    unit = _UNIT_AFTER.match(text, number.end())
    glued = unit and _GLUED_MAGNITUDES.get(fold(unit.group("magnitude") or ""))
    if glued and unit.start("magnitude") == number.end():
        # ``10m`` with no currency may be ten metres as well as ten million.
        currency = _UNIT_BEFORE.search(text, max(0, number.start() - 8), number.start())
        return (glued,), unit.end("magnitude"), currency is None
    # ... or after a currency (``$5M``, ``€50k``); with none, maybe (``10m users``).
    glued = _GLUED_MAGNITUDE.match(text, number.end())
    if glued:
        currency = _UNIT_BEFORE.search(text, max(0, number.start() - 8), number.start())
        return (_GLUED_MAGNITUDES[fold(glued.group())],), glued.end(), currency is None
    return None


def _magnified(number: re.Match, text: str) -> tuple[set[float], Magnitude | None]:
    """The values of the number `number` (`readings`), and their products by the magnitude
    word after it, if any (``160 million`` is 160 and 160,000,000), with that magnitude."""
    values = readings(number.group())
    found = _magnitude(number, text)
    if found is None:
        return values, None
    factors, end, uncertain = found
    products = frozenset(_product(v, f) for v in values for f in factors)
    return values | products, Magnitude(products, end, factors, uncertain)


def _ranges_magnified(digits: list[Mention], text: str) -> list[Mention]:
    """`digits`, the first number of a range whose magnitude is said once after its second
    (``3 to 5 million``, ``от 3 до 5 млрд``) given that magnitude too; not a year before a
    smaller number (``2019 — 5 млн``: in 2019, 5 million)."""
    for first, second in zip(digits, digits[1:], strict=False):
        magnitude = second.magnitude
        if (first.magnitude is None and magnitude is not None
                and _RANGE_TO.fullmatch(text, first.end, second.start)
                and not (_YEAR.fullmatch(first.text) and 1000 <= float(first.text) < 3000
                         and max(readings(second.text)) < 1000)):
            products = frozenset(_product(v, f) for v in readings(first.text)
                                 for f in magnitude.factors)
            first.values = first.values | products
            word = text[second.end:magnitude.end].strip(" \u00a0\u202f-")
            first.magnitude = Magnitude(products, first.end, magnitude.factors, word=word)
    return digits


def _magnitude_quote(m: Mention, text: str) -> str:
    """The number `m` with its magnitude word as a reason quotes it, glossed in English where
    the word is another language's (``3,5 млрд (3.5 billion)``)."""
    magnitude = m.magnitude
    if magnitude is None or magnitude.uncertain and magnitude.end - m.end == 1:
        # A letter glued to the number with no currency (``--max-size=5M``, ``10m``) may be a
        # unit's (mega, metres): quoted as written, not glossed as a million.
        return m.text
    values = readings(m.text)
    if magnitude.end <= m.end:
        # The first number of a range, its magnitude said after the second: with it, as
        # English names it (``3 (3 million)`` for « de 3 à 5 millions »), or as written if
        # it is either of two.
        if not magnitude.word:
            return m.text
        name = (_MAGNITUDE_NAMES.get(magnitude.factors[0])
                if len(magnitude.factors) == 1 and len(values) == 1 else None)
        if name is None:  # an English billion, which is either
            return f"{m.text} ({m.text} {magnitude.word})"
        return f"{m.text} ({Decimal(repr(values.pop())).normalize():f} {name})"
    said = text[m.start:magnitude.end]
    word = fold(text[m.end:magnitude.end].strip(" \u00a0\u202f-"))
    if word in _ENGLISH_MAGNITUDES or len(magnitude.factors) > 1 or len(values) > 1 or (
            magnitude.factors[0] not in _MAGNITUDE_NAMES):
        return said
    value = Decimal(repr(values.pop())).normalize()
    return f"{said} ({value:f} {_MAGNITUDE_NAMES[magnitude.factors[0]]})"


#: Han numerals: the digits, the units of a number's places, and its multipliers.
_HAN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
               "六": 6, "七": 7, "八": 8, "九": 9}
_HAN_PLACES = {"十": 10, "百": 100, "千": 1000}
_HAN_MULTIPLIERS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "兆": 10**12}
_HAN_VALUES = {**_HAN_DIGITS, **_HAN_PLACES, **_HAN_MULTIPLIERS}
#: What may make a text hold a Chinese or Japanese number.
_CJK_NUMBER_CHAR = re.compile("[\u3007\u4e00-\u9fff]")
#: Korean writes the Han multipliers in Hangul after digits (``3만``, ``1억 2천만``), 만 10⁴, 억
#: 10⁸, 조 10¹², 천 10³ and 백 10²; read as those (`_cjk_value`).
_HANGUL_MULTIPLIERS = str.maketrans("만억조천백", "万亿兆千百")
#: A Hangul multiplier after digits: not 만큼 (*as much as*), nor 조 after 제, an article
#: of a law (``제3조``).
_HANGUL_MULTIPLIER = r"(?:만(?!큼)|[억천백]|(?<!제\d)(?<!제\d\d)(?<!제\d\d\d)조)"
#: 千 and 兆 before a unit are its prefix, kilo and mega (``5千克`` is 5 kg, ``5兆瓦`` 5 MW),
#: not multipliers of the number.
_PREFIX = r"(?!克|米|瓦|卡|焦|帕|赫|伏|欧|升|字节|比特|位元)"
_MULTIPLIER = rf"(?:[百万萬亿億]|[千兆]{_PREFIX}|{_HANGUL_MULTIPLIER})"
#: Digits as Chinese and Japanese write them, a comma grouping thousands, a point decimals.
_CJK_DIGITS = r"\d+(?:,\d{3})*(?:\.\d+)?"
#: Digits with multipliers: ``3.5万``, ``8,000万``, ``２万３千``, ``1亿2000万``, ``1万2000``;
#: Korean spaces its groups after 만, 억 and 조 (``1억 2천만``).
_MULTIPLIED = re.compile(
    rf"(?<![\d.,]){_CJK_DIGITS}{_MULTIPLIER}+(?:(?:(?<=[만억조]) )?{_CJK_DIGITS}{_MULTIPLIER}+)*"
    r"(?:\d+(?![\d.,]))?")
#: What may make a text hold a number with multipliers, Korean included.
_MULTIPLIED_NUMBER = re.compile(rf"[\u3007\u4e00-\u9fff]|\d{_HANGUL_MULTIPLIER}")
#: A year of a Japanese era: ``令和6年`` is 2024, ``令和元年`` (its first year) 2019.
_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925, "大正": 1911, "明治": 1867}
_ERA_YEAR = re.compile(
    r"(?P<era>令和|平成|昭和|大正|明治)[ \u3000]?(?P<year>元|\d{1,2}|[一二三四五六七八九十]{1,3})"
    r"[ \u3000]?年")
#: A year in digits glossing an era year, after it (``令和6年（2024年）``) or before it
#: (``2024年（令和6年）``).
_GLOSS_AFTER = re.compile(
    r"[ \u3000]*[(（][ \u3000]*(?P<year>\d{4})[ \u3000]*年?[ \u3000]*[)）]")
_GLOSS_BEFORE = re.compile(r"(?<![\d.,])(?P<year>\d{4})[ \u3000]*年?[ \u3000]*[(（][ \u3000]*$")
_GLOSS_CLOSE = re.compile(r"[ \u3000]*[)）]")
#: A month: ``6月`` (a number of months is ``6个月``, ``6か月``).
_MONTH_OF = re.compile(r"(?<![\d.,])(?P<number>\d{1,2}|[一二三四五六七八九十]{1,3})[ \u3000]?月")
#: Tenths (成, Japanese 割): ``三成``, ``3割`` are 30 %; not 成 beginning a word (成员, 成为,
#: 成本, 成果 …).
_TENTHS = r"(?:成|割)(?![员員为為立功本果绩績交长長熟就])"
_PERCENT_TENTHS = re.compile(rf"(?<![\d.,])(?P<number>\d+(?:\.\d+)?){_TENTHS}")
#: A run of Han numerals, and the counters and units after which it is a number (``五年``,
#: ``三个``, ``二十五人``); not the words a numeral begins (一些, 一样, 一起, 十分, 二酸化).
_HAN_RUN = re.compile(f"[{''.join(_HAN_VALUES)}]+")
_COUNTER = re.compile(
    rf"(?P<tenths>{_TENTHS})|(?:%|年|月|日|天|号|號|个|個|人|名|位|家|户|戶|次|回|倍|元|円|圆|圓"
    r"|块|塊|岁|歲|歳|项|項|件|种|種|台|条|條|张|張|本|册|冊|周|週|小时|小時|時間|分钟|分鐘"
    r"|秒|米|公里|公斤|吨|噸|层|層|届|屆|期|篇|章|节|節|款|座|所|间|間|辆|輛|架|艘|头|頭|匹"
    r"|只|隻|枚|杯|ヶ月|か月|カ月|ヵ月|つ)")


def _cjk_value(written: str) -> float | None:
    """The number `written` in Han numerals or digits with multipliers: ``3.5万`` 35,000,
    ``两千万`` 20,000,000, ``一百零五`` 105, ``1万亿`` 10¹², ``二〇二四`` 2024; None for
    two digits side by side that are a range (``三四年``, three or four years; ``五六十``).
    Korean multipliers too: ``1억 2천만`` is 120,000,000."""
    written = written.translate(_HANGUL_MULTIPLIERS).replace(" ", "")
    if all(c in _HAN_DIGITS for c in written):
        # Digit by digit, as a year is written (二〇二四, 一九三六): three or more.
        if len(written) == 1:
            return float(_HAN_DIGITS[written])
        if len(written) < 3:
            return None
        return float("".join(str(_HAN_DIGITS[c]) for c in written))
    total, section, largest = Decimal(0), Decimal(0), 0
    number: Decimal | None = None
    previous = ""
    for token in re.findall(rf"{_CJK_DIGITS}|.", written):
        if token in _HAN_DIGITS:
            if previous in _HAN_DIGITS and previous not in "〇零":
                return None
            number = Decimal(_HAN_DIGITS[token])
        elif token in _HAN_PLACES:
            section += (1 if number is None else number) * _HAN_PLACES[token]
            number = None
        elif token in _HAN_MULTIPLIERS:
            factor = _HAN_MULTIPLIERS[token]
            value = section + (number or 0)
            if factor > largest:  # 1万亿: a multiplier of all before it
                total = (total + (value or (0 if total else 1))) * factor
                largest = factor
            else:  # 1亿2000万: a part of it
                total += value * factor
            section, number = Decimal(0), None
        else:
            number = Decimal(token.replace(",", ""))
        previous = token
    return float(total + section + (number or 0))


def _cjk_mentions(text: str) -> list[Mention]:
    """The Chinese and Japanese numbers of `text` (`mentions`): digits with multipliers
    (``3.5万`` is 35,000, ``1.6亿`` 160,000,000), Japanese era years (``令和6年`` is 2024, or
    6 as written; with its year in digits beside it, ``令和6年（2024年）``, one), months
    (``6月``, as its name is), tenths as a percentage (``三成``, ``3割`` are 30) and Han
    numerals where written as a number: before a counter or a unit (``五年``,
    ``三个``, ``两千万元``), or a run of them with its places (``三十``, ``二〇二四``).  Han
    numerals count only as counterparts, as spelled numbers do: ``一`` begins many words."""
    found: list[Mention] = []

    def take(mention: Mention) -> None:
        nonlocal text
        found.append(mention)
        text = text[: mention.start] + " " * (mention.end - mention.start) + text[mention.end:]

    for m in list(_ERA_YEAR.finditer(text)):
        year = 1 if m.group("year") == "元" else _cjk_value(m.group("year"))
        if year:
            western = _ERAS[m.group("era")] + year
            # The year glossed in the other calendar, ``2024年（令和6年）`` or ``令和6年
            # （2024年）``, is one year written twice: one mention.
            gloss = _GLOSS_AFTER.match(text, m.end())
            before = _GLOSS_BEFORE.search(text, max(0, m.start() - 24), m.start())
            closing = _GLOSS_CLOSE.match(text, m.end())
            start, end = m.start(), m.end()
            if gloss and float(gloss.group("year")) == western:
                end = gloss.end()
            elif before and closing and float(before.group("year")) == western:
                start, end = before.start(), closing.end()
            take(Mention(frozenset({float(western), float(year)}), start, end,
                            text[start:end], era=True))
    for m in list(_MULTIPLIED.finditer(text)):
        take(Mention(frozenset({_cjk_value(m.group())}), m.start(), m.end(), m.group()))
    for m in list(_PERCENT_TENTHS.finditer(text)):
        take(Mention(frozenset({_product(float(m.group("number")), 10)}), m.start(),
                        m.end(), m.group()))
    for m in list(_MONTH_OF.finditer(text)):
        month = _cjk_value(m.group("number"))
        if month is not None and 1 <= month <= 12 and month.is_integer():
            # A month in Han numerals (三月) is a counterpart only, as Han numerals are.
            take(Mention(frozenset({("month", int(month)), month}), m.start(), m.end(),
                            m.group(), flaggable=m.group("number").isdigit(), what="month"))
    for m in list(_HAN_RUN.finditer(text)):
        run, end = m.group(), m.end()
        # 千 and 兆 before a unit are its prefix, as after digits: 五千克 is 5 kg.
        unit = run[-1] in "千兆" and not re.match(_PREFIX, text[end:])
        if unit:
            run, end = run[:-1], end - 1
        if not run or run[0] not in _HAN_DIGITS and run[0] != "十":
            continue  # 万一, 千万 (by all means), 百货: words
        value = _cjk_value(run)
        if value is None:
            continue
        counter = None if unit else _COUNTER.match(text, end)
        if not unit and counter is None and not (len(run) >= 2 and (
                not _HAN_DIGITS.keys() >= set(run) or "〇" in run or "零" in run)):
            continue  # 一些, 一样, 十分: words
        if counter is not None and counter.group("tenths"):
            value, end = _product(value, 10), counter.end()
        found.append(Mention(frozenset({value}), m.start(), end, text[m.start():end],
                             flaggable=False, spelled=True))
    return found


def mentions(text: str) -> list[Mention]:
    """The numbers of `text`: digits, month names and spelled numbers, in order."""
    if "\x1b" in text:  # blank out control sequences, keeping offsets
        text = _CONTROL_SEQUENCE.sub(lambda m: " " * len(m.group()), text)
    # The digits of a placeholder, tag or address ("%1$s", "{0}", "<h1>", ".../2024/...")
    # are no numbers of the text: `align.checks.placeholders` compares those whole.
    text = blank_markup(text)
    # A keyboard shortcut is compared by its keys (`align.checks.shortcuts`): ``Maj+F5``
    # holds no month (Polish "maj") and no 5.
    for start, end, _ in shortcuts(text):
        text = text[:start] + " " * (end - start) + text[end:]
    # Chinese and Japanese write digits and their marks full-width (``２．３``): read as
    # ASCII, offsets kept, and quoted as written (below).
    written = text
    text = _half_width(text)
    full_width = text != written
    # A version is compared whole ("2.4.1", "Python 3.10"), before dates and decimals read
    # its parts; blanked, offsets kept.
    found = _versions(text)
    for m in found:
        text = text[: m.start] + " " * (m.end - m.start) + text[m.end:]
    # Chinese and Japanese numbers: digits with their multipliers (``3.5万`` is 35,000),
    # era years (``令和6年`` is 2024), months (``6月``) and Han numerals before a counter
    # (``五年``); blanked likewise, so that no other reading takes their digits.
    if _MULTIPLIED_NUMBER.search(text):
        cjk = _cjk_mentions(text)
        found += cjk
        for m in cjk:
            text = text[: m.start] + " " * (m.end - m.start) + text[m.end:]
    # A date written with points ("03.12.2024", German and Swiss use) is its day, month and
    # year, as "12/03/2024" is, not the decimal 3.12 followed by a year.
    dates = [m for m in _DOTTED_DATE.finditer(text)
             if 1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(2)) <= 12]
    found += [Mention(frozenset({float(m.group(k))}), m.start(k), m.end(k), m.group(k),
                      year=k == 3 and len(m.group(k)) == 2, date_field=field,
                      date=(m.start(), m.end()))
              for m in dates for k, field in ((1, "day"), (2, "month"), (3, "year"))]
    for m in dates:  # blanked, offsets kept, so that no other reading takes them
        text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    # A clock time is one mention, its hour and minutes read together (``7.30 p.m.`` =
    # ``19h30`` = ``19:30``), and blanked likewise.
    # ``1.28 billion`` is no time.
    times = [(m, t) for m in _TIME.finditer(text)
             if (t := _time(m)) is not None and not _MAGNITUDE_AFTER.match(text, m.end())]
    found += [t for _, t in times]
    for m, _ in times:
        text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    # ... and one written in English words (*half past five* = ``17 h 30``, *noon* =
    # ``12 Uhr``), a counterpart only, as spelled numbers are.
    for start, end, clock in english_clock_times(text):
        found.append(_spelled_time(text[start:end], start, clock))
        text = text[:start] + " " * (end - start) + text[end:]
    # A number is also the version it writes ("3.10" without "version" against "Python
    # 3.10"; "3,10", as French writes a decimal, too); not an hour said with its half of the
    # day (``6 p.m.`` is 18 h, no ``6 a.m.``).
    digits = []
    for m in NUMBER.finditer(text):
        hours = _clock_hours(m, text)
        values, magnitude = (hours, None) if hours else _magnified(m, text)
        clock_end = _clock_end(m, text) if hours else None
        version = {_version(m.group().replace(",", "."))} if clock_end is None else set()
        digits.append(Mention(frozenset({*values, *version, *_ordinal(m, text)}),
                              m.start(), m.end(), m.group(), year=_written_as_year(m, text),
                              magnitude=magnitude, clock_end=clock_end))
    # Two days before a month's name (``1/14 janvier``, a date Old and New Style; ``14/27
    # juin``): days, neither of them that month as ``12/01`` writes it.
    days = {pair.start(k) for pair in _DAY_PAIR.finditer(text)
            if fold(pair.group("month")) in MONTHS for k in ("first", "second")}
    for m in digits:
        if m.start in days:
            m.date_field = "day"
    found += _ranges_magnified(digits, text)
    found += _superscripts(text)
    if not _FRACTION_CHARS.isdisjoint(text):
        found = _with_fractions(found, text)
    digit_spans = [(m.start, m.end) for m in found]
    tokens = words(text)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        key = fold(token.text)
        roman = roman_value(token.text) or _roman_ordinal(token.text)
        if roman is not None:
            # "camp III" for "Lager 3": a counterpart, flagged only where written as a
            # number (`_roman_is_number`: "Louis XIV", "chapitre II", "XXe siècle").
            # ... and an ordinal: World War II is « la Seconde Guerre mondiale ».
            found.append(Mention(frozenset({float(roman), ("ordinal", roman)}), token.start,
                                 token.end, token.text,
                                 flaggable=_roman_is_number(tokens, i, text)))
            i += 1
            continue
        multiple = _MULTIPLES.get(key)
        if multiple is not None:
            # *double* for ``２倍``, « triple » for *three times*: a counterpart, never
            # flagged nor reported (*a double room*).
            found.append(Mention(frozenset({float(multiple)}), token.start, token.end,
                                 token.text, flaggable=False))
            i += 1
            continue
        month = MONTHS.get(key)
        if month is not None:
            # Next to a number, or joined to it by "de" as Portuguese and Spanish dates
            # write it ("3 de março de 1936").
            near_digit = any(
                _DATE_JOINER.fullmatch(text[token.end:s]) if s >= token.end
                else _DAY_JOINER.fullmatch(text[e:token.start]) if e <= token.start else False
                for s, e in digit_spans)
            # Or after a spelled day: "le trois mars", "le premier mai"; not the English
            # verbs, which follow any number ("if one may judge", "the two march on").
            near_digit = near_digit or i > 0 and key not in ("may", "march") and (
                _number_pieces(tokens[i - 1].text) is not None
                or fold(tokens[i - 1].text) in _FIRST_OF_MONTH) and bool(
                _DATE_JOINER.fullmatch(text[tokens[i - 1].end:token.start]))
            # English *March* and *May* as names after a word that dates (*at the end of
            # March*, *in May*), where the verbs are not written so (*Theresa May* is not).
            near_digit = near_digit or i > 0 and key in ("may", "march") and (
                token.text[:1].isupper() and fold(tokens[i - 1].text) in _BEFORE_MONTH)
            # A Slavic month in the locative that is an adjective too (Polish "lutym",
            # Ukrainian "лютому", "грудні") after the preposition that says when ("w lutym",
            # "у грудні").
            # Only a locative: English "we mar", "we jan" are no Polish "we".
            near_digit = near_digit or i > 0 and fold(tokens[i - 1].text) in _IN_MONTH and (
                key in LOCATIVE_MONTHS and _blank(text, tokens[i - 1].end, token.start))
            # A month that is a number word too ("dez", Portuguese ten) is the month beside a
            # number or written short as German writes it ("Dez.").
            short = token.text[:1].isupper() and text.startswith(".", token.end)
            if (key not in AMBIGUOUS_MONTHS and key not in ALL_NUMBER_WORDS) or near_digit or (
                    short and key in ALL_NUMBER_WORDS):
                found.append(Mention(frozenset({("month", month), float(month)}),
                                     token.start, token.end, token.text, what="month"))
                i += 1
                continue
            if key not in ALL_NUMBER_WORDS:
                i += 1
                continue
            # Else a number word ("dez", Portuguese ten and the German December), read below.
        ordinal = _ORDINAL_WORDS.get(key)
        if ordinal is not None:
            # "second", "segundo": an ordinal only against one in digits ("2º", "2."), as
            # they are units of time too.
            found.append(Mention(frozenset({("ordinal", ordinal)}), token.start, token.end,
                                 token.text, flaggable=False, spelled=True))
            i += 1
            continue
        compound = _german_compound(key)
        if compound is not None:
            # A whole number in one word: it does not join the words around it ("ein
            # Siebentausender" is one peak of 7000 m).
            found.append(Mention(frozenset({_spelled_value(list(compound))}), token.start,
                                 token.end, token.text, flaggable=False, spelled=True))
            i += 1
            continue
        italian = italian_compound(key)
        if italian is not None:
            # Italian writes a number in one word too ("ventitré", "duemila"); not a
            # century named by its hundreds ("il Novecento", the twentieth century).
            if not (token.text[:1].isupper() and len(italian) == 2 and italian[1] == 100):
                found.append(Mention(frozenset({_total(list(italian))}), token.start,
                                     token.end, token.text, flaggable=False, spelled=True))
            i += 1
            continue
        lead = _leading_number(token.text)
        if lead is not None:
            # *a three-year agreement*: the number of a word joined to what it counts.
            found.append(Mention(frozenset({_spelled_value(lead[1])}), token.start,
                                 token.start + lead[0], token.text[:lead[0]], flaggable=False,
                                 spelled=True))
            i += 1
            continue
        # A run of number words, maybe hyphenated or joined by "et"/"and": one spelled number,
        # as far as the words can make one ("vingt et un", "two thousand three hundred"; not
        # "nine and ten", "un troisième", nor across a comma: "of one, five hundred").
        j, parts = i, []
        while j < len(tokens):
            pieces = _number_pieces(tokens[j].text)
            if pieces is not None and (not parts or (
                    _blank(text, tokens[j - 1].end, tokens[j].start)
                    and (pieces[0] not in _AFTER_CONNECTOR_ONLY
                         or fold(tokens[j - 1].text) in _CONNECTORS)
                    and _continues(parts[-1], pieces[0]))):
                parts.extend(pieces)
                j += 1
            elif parts and fold(tokens[j].text) in _CONNECTORS and j + 1 < len(tokens) and (
                _number_pieces(tokens[j + 1].text) is not None
                and _blank(text, tokens[j - 1].end, tokens[j + 1].start, tokens[j])
                and _continues(parts[-1], _number_pieces(tokens[j + 1].text)[0])
            ):
                j += 1
            else:
                break
        if parts:
            value = _spelled_value(parts)
            if value is not None:
                # An hour, as in digits: *five o'clock* may be 5 or 17, *five p.m.* is 17.
                hours = _hours(int(value), text, tokens[i].start,
                                tokens[j - 1].end) if value.is_integer() else ()
                found.append(Mention(frozenset(hours or {value}), tokens[i].start,
                                     tokens[j - 1].end,
                                     text[tokens[i].start:tokens[j - 1].end], flaggable=False,
                                     spelled=True))
            i = j
        else:
            i += 1
    found.sort(key=lambda m: m.start)
    if full_width:
        for m in found:  # as written: ``２．３亿``, not ``2.3亿``
            m.text = written[m.start:m.end]
    return found


#: Digits written raised: an exponent (``x²``), a unit's power (``m²``), a footnote's mark;
#: and written low (``H₂O``).
_SUPERSCRIPT = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_SUBSCRIPT = re.compile("[₀₁₂₃₄₅₆₇₈₉]+")
_RAISED_OR_LOW_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉", "01234567890123456789")
#: A unit of length before its power: ``m²``, ``km²``, ``cm³``, ``ft²``.
_UNIT_POWERED = re.compile(r"(?<![^\W\d_])(?:[kcdm]?m|ft|in|yd|mi)$")


def _superscripts(text: str) -> list[Mention]:
    """The numbers written raised or low.  An exponent counts as its digits; a footnote's
    mark (raised after a word or a stop: ``POUM.¹``), a unit's power and digits written low
    only as counterparts: pages number notes their own way, the other side writes ``m2`` or
    *square metres*, ``H₂O`` as often *H2O* or *water*."""
    found = []
    for pattern in (_SUPERSCRIPT, _SUBSCRIPT):
        for m in pattern.finditer(text):
            flaggable = (pattern is _SUPERSCRIPT
                         and not _UNIT_POWERED.search(text, max(0, m.start() - 3), m.start())
                         and _raised_as_exponent(text, m.start()))
            found.append(Mention(frozenset({float(m.group().translate(_RAISED_OR_LOW_DIGITS))}),
                                 m.start(), m.end(), m.group(), flaggable=flaggable, parts=()))
    return found


def _blank(text: str, start: int, end: int, connector=None) -> bool:
    """Whether only spaces and dashes (and `connector`, a word) stand in ``text[start:end]``."""
    gap = text[start:end]
    if connector is not None:
        gap = text[start:connector.start] + " " + text[connector.end:end]
    return not gap.strip(" \t\n\u00a0\u202f-\u2010")


def _continues(last: str, following: str) -> bool:
    """Whether the number word `following` continues a spelled number whose last word is
    `last`: a multiplier (``hundred``, ``mille``), or a smaller part (``twenty one``,
    ``cent deux``, ``mille et une``), or French ``quatre vingts``."""
    a, b = ALL_NUMBER_WORDS[last], ALL_NUMBER_WORDS[following]
    return b >= 100 or b < a or (a == 4 and b == 20)


@lru_cache(maxsize=1 << 16)
def _number_pieces(word: str) -> tuple[str, ...] | None:
    """The number words a word is made of (``vingt-deux`` → vingt, deux), or None."""
    pieces = tuple(re.split(r"[-‐]", fold(word)))
    return pieces if all(p in ALL_NUMBER_WORDS for p in pieces) else None


#: Words after a number joined to it that make a fraction of it (*two-thirds*, *one-half*,
#: *trois-quarts*, *Zwei-Drittel*, *dos-tercios*); listed, as *month*, *second*, *pound* and
#: *length* end like them and are what the number counts (*a three-month contract*).
_FRACTION_WORDS = frozenset(fold(w) for w in (
    "half halves third thirds quarter quarters fourth fourths fifth fifths sixth sixths "
    "seventh sevenths eighth eighths ninth ninths tenth tenths eleventh elevenths twelfth "
    "twelfths twentieth twentieths hundredth hundredths thousandth thousandths "
    "millionth millionths "
    "demi demie demis demies tiers quart quarts cinquième cinquièmes sixième sixièmes "
    "septième septièmes huitième huitièmes neuvième neuvièmes dixième dixièmes centième "
    "centièmes millième millièmes "
    "halb halbe Drittel Dritteln Viertel Vierteln Fünftel Fünfteln Sechstel Siebtel Achtel "
    "Neuntel Zehntel Zehnteln Hundertstel Tausendstel "
    "medio media medios medias tercio tercios cuarto cuartos quinto quintos sexto sextos "
    "séptimo séptimos octavo octavos noveno novenos décimo décimos centésimo centésimos "
    "milésimo milésimos terzo terzi quarto quarti quinti sesto sesti decimo decimi terço "
    "terços").split())
#: English ordinals that end a compound ordinal after tens (*thirty-second*, the 32nd) and are
#: no number word of their own (`ALL_NUMBER_WORDS`: *second* is a unit of time too).
_ORDINAL_ENDINGS = frozenset({"second"})


@lru_cache(maxsize=1 << 16)
def _leading_number(word: str) -> tuple[int, list[str]] | None:
    """The length and the number words of the spelled number that begins the hyphenated
    `word`, joined to what it counts (*three-year*, *twenty-five-year-old*: ``(11, ["twenty",
    "five"])``); None if it begins with none, is one (`_number_pieces`), makes a fraction
    (*two-thirds*) or joins another number (*six-and-twentieth*)."""
    pieces = re.split(r"([-‐])", word)
    if len(pieces) < 3 or _number_pieces(word) is not None:
        return None
    numbers: list[str] = []
    for piece in pieces[::2]:
        key = fold(piece)
        if key not in ALL_NUMBER_WORDS or numbers and not _continues(numbers[-1], key):
            break
        numbers.append(key)
    rest = pieces[2 * len(numbers)]
    # *six-and-twentieth*, *four-and-twenty*, *trente-et-unième*: a number joined to another
    # by "and" is one number, no count of its first.
    if not numbers or fold(rest) in _FRACTION_WORDS | _CONNECTORS or not rest.isalpha():
        return None
    if fold(rest) in _ORDINAL_ENDINGS and ALL_NUMBER_WORDS[numbers[-1]] in range(20, 100, 10):
        return None  # *thirty-second*: the 32nd, no count of 30
    return len("".join(pieces[:2 * len(numbers) - 1])), numbers


#: German writes numbers as one word ("dreihundertfünfzig", "einundzwanzig") and makes
#: nouns of them ("Achttausender", a peak of over 8000 m; "Siebentausendern").
_GERMAN_NUMBER_WORDS = frozenset(fold(w) for w in (
    "ein eins eine zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn "
    "vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn zwanzig dreissig dreißig vierzig "
    "fünfzig sechzig siebzig achtzig neunzig hundert tausend").split())
_GERMAN_ENDINGS = ("", "er", "ern", "ers", "s")
#: ... and adverbs and adjectives of how many times ("dreimal", "zehnfach"), made of one
#: number word or more.
_GERMAN_TIMES = ("mal", "fach", "fache", "fachen", "facher", "faches")


@lru_cache(maxsize=1 << 16)
def _german_compound(key: str) -> tuple[str, ...] | None:
    """`key` split into at least two German number words (``und`` between them dropped),
    allowing a noun ending, or into one or more before ``mal`` or ``fach`` (``dreimal``,
    ``zehnfach``); None if it is not such a compound."""
    for ending in _GERMAN_TIMES:
        if key.endswith(ending) and len(key) > len(ending) + 2:
            pieces = _segment(key[: -len(ending)])
            if pieces:
                return pieces
    if len(key) < 7:
        return None
    for ending in _GERMAN_ENDINGS:
        if ending and not key.endswith(ending):
            continue
        stem = key[: len(key) - len(ending)]
        pieces = _segment(stem)
        if pieces is not None and len(pieces) >= 2:
            return pieces
    return None


def _segment(stem: str) -> tuple[str, ...] | None:
    """`stem` as a sequence of German number words and ``und`` (longest words first)."""
    if not stem:
        return ()
    for size in range(min(len(stem), 9), 2, -1):
        head = stem[:size]
        if head in _GERMAN_NUMBER_WORDS or head == "und":
            rest = _segment(stem[size:])
            if rest is not None:
                return rest if head == "und" else (head, *rest)
    return None


#: What follows the hour of a clock time: ``15 h 30``, ``15h``, ``20 Uhr`` (the 24-hour
#: clock), ``3:30``, ``3 o'clock`` (either clock), ``3 pm``, ``3:30 a.m.``.
_CLOCK_24 = re.compile(r"\s?(?:h(?:\d{2})?|heures?|Uhr)\b", re.IGNORECASE)
_CLOCK_12 = re.compile(r"(?::\d{2}(?!\d))?\s?(?:([ap])\.?\s?m\b\.?|o['’]clock\b)?",
                       re.IGNORECASE)


#: The words after an hour that say its half of the day (``6 heures du soir``, ``6 Uhr
#: abends``, ``6 часов вечера``, *6 in the morning*), maybe after the word of the clock
#: (`_CLOCK_24`, Russian ``час``, ``часа``, ``часов``): afternoon and evening, or morning.
#: Not the night, which is either (« 2 heures de la nuit », « 11 часов ночи »).
_HALF_OF_DAY = re.compile(
    r"(?P<clock>\s?(?:h|heures?|Uhr)\b|\s+час(?:а|ов)?\b|\s?o['’]clock\b)?[ \u00a0]+(?:"
    r"(?P<late>du\s+soir|de\s+l['’]apr[eè]s-midi|abends|nachmittags|nachm\.|вечера"
    r"|in\s+the\s+(?:evening|afternoon)|de\s+la\s+tarde|di\s+sera|del\s+pomeriggio)"
    r"|(?P<early>du\s+matin|morgens|vormittags|vorm\.|утра|in\s+the\s+morning"
    r"|de\s+la\s+mañana|di\s+mattina|del\s+mattino))(?![^\W\d_])"
    # ... and those that say it only after the word of the clock: ``2 часа дня`` (``2 дня``
    # is two days), ``6 Uhr früh``.
    r"|(?:\s?Uhr\s+(?P<early_after_clock>früh)|\s+час(?:а|ов)?\s+(?P<late_after_clock>дня))"
    r"(?![^\W\d_])",
    re.IGNORECASE)


#: A preposition of time right before a number, which makes it an hour that a half-of-day
#: word may place (*at 6 in the evening*, ``в 8 вечера``); without it or a word of the clock
#: the number only counts (« 2 le soir » may be two pills, ``2 вечера`` two evenings).
_TIME_PREPOSITION = re.compile(
    r"(?<![^\W_])(?:at|à|um|в|о|об|o|a\s+las?|alle|all['’])[ \u00a0]+$", re.IGNORECASE)
#: A half-of-day word before such a preposition and its hour (``nachmittags um 3``, *in the
#: afternoon at 3*, « le soir à 8 heures »): afternoon and evening, or morning.
_HALF_OF_DAY_BEFORE = re.compile(
    r"(?<![^\W_])(?:(?P<late>abends|nachmittags|in\s+the\s+(?:evening|afternoon)|le\s+soir"
    r"|l['’]apr[eè]s-midi|вечером|днём|днем|por\s+la\s+tarde|di\s+sera|nel\s+pomeriggio)"
    r"|(?P<early>morgens|vormittags|in\s+the\s+morning|le\s+matin|утром|por\s+la\s+mañana"
    r"|di\s+mattina))[ \u00a0,]+(?:at|à|um|в|a\s+las?|alle|all['’])[ \u00a0]+$",
    re.IGNORECASE)


def _half_of_day(text: str, start: int, end: int) -> re.Match | None:
    """The half-of-day words said with the number from `start` to `end` (`_HALF_OF_DAY`)
    if it is an hour: a word of the clock after it or a preposition of time before it
    (`_TIME_PREPOSITION`), or said before both (`_HALF_OF_DAY_BEFORE`); else None."""
    said = _HALF_OF_DAY.match(text, end)
    if said is not None and (
            said.group("clock") or said.group("early_after_clock")
            or said.group("late_after_clock")
            or _TIME_PREPOSITION.search(text, max(0, start - 8), start)):
        return said
    return _HALF_OF_DAY_BEFORE.search(text, max(0, start - 40), start)


def _clock_end(number: re.Match, text: str) -> int | None:
    """The end of the words that say the half of the day of the hour `number` (``6 a.m.``,
    ``6 heures du soir``), quoted with it; None if there are none."""
    said = _half_of_day(text, number.start(), number.end())
    if said is None or said.re is not _HALF_OF_DAY:  # none, or said before the number
        said = _CLOCK_12.match(text, number.end())
        if said is None or not said.group(1):
            return None
    return said.end()


def _clock_hours(match: re.Match, text: str) -> set[float]:
    """The values of a number that is the hour of a clock time, which translations move
    between the 24- and the 12-hour clock: ``3 pm`` is 15, ``15 h`` is 15, and ``3:30``
    or ``3 o'clock`` may be 3 or 15.  Empty if the number is not an hour."""
    if not match.group().isdigit():
        return set()
    return _hours(int(match.group()), text, match.start(), match.end())


def _hours(hour: int, text: str, start: int, end: int) -> set[float]:
    """The values of the number `hour`, written in digits or words from `start` to `end`, if
    a word of the clock follows it or a half-of-day word places it (`_clock_hours`,
    `_half_of_day`); else empty."""
    if hour > 24:
        return set()
    said = _half_of_day(text, start, end)
    if said is not None and hour <= 12:
        # On a 12-hour clock, as *a.m.* and *p.m.* say: 6 heures du soir is 18 h.
        late = said.group("late") or said.groupdict().get("late_after_clock")
        return {float(hour % 12 + (12 if late else 0))}
    if _CLOCK_24.match(text, end):
        return {float(hour)}
    clock = _CLOCK_12.match(text, end)
    half = clock.group(1)
    if half:
        # No half of the day follows an hour past 12: German « sechzehn am Tisch » is
        # sixteen *at the* table.
        return {float(hour % 12 + (12 if half.lower() == "p" else 0))} if hour <= 12 else set()
    if clock.group().strip():
        return {float(hour), float(hour + 12)} if hour < 12 else {float(hour)}
    return set()


#: A clock time of hours and minutes: ``19:30``, ``7.30``, ``19h30``, ``19 h 30``, maybe with
#: the half of the day (``7.30 p.m.``, ``7:30 pm``, ``7.30 p. m.``, Greek ``7.30 μ.μ.``) or
#: the word of the 24-hour clock (``19.30 Uhr``, ``19.30 h``).
_TIME = re.compile(
    r"(?<![\d.,:])(?P<hour>\d{1,2})(?:(?P<sep>[:.])|\s?[hH]\s?)(?P<minute>[0-5]\d)"
    r"(?![\d]|[.,:]\d)"
    r"(?:\s?(?:(?P<half>[aApP])(?:\.\s?[mM]\b\.?|[mM]\b)|(?P<greek>[μπ])\.\s?μ\b\.?)"
    r"|(?P<clock24>\s?(?:h|Uhr|heures?)\b))?"
)


def _time(match: re.Match) -> Mention | None:
    """The clock time `match` holds, as ``("time", hour, minutes)`` values on the 24-hour
    clock: ``7.30 p.m.``, ``19h30`` and ``19.30 Uhr`` are (19, 30) only, and ``7:30`` or
    ``7.30`` either half of the day.  A time written with a point and nothing to say it is
    a time (``19.30``) may also be a decimal; a time on the hour (``15:00``) is also the
    hour (``3 pm``).  None if the numbers cannot be a time (``31.45``)."""
    hour, minute = int(match.group("hour")), int(match.group("minute"))
    half = match.group("half") or match.group("greek")
    if hour > 24 or (half and not 1 <= hour <= 12):
        return None
    if half:
        hours = {hour % 12 + (12 if half.lower() in "pμ" else 0)}
    elif match.group("sep") is None or match.group("clock24") or not 1 <= hour < 12:
        hours = {hour}
    else:
        hours = {hour, hour + 12}
    values: set = {("time", h % 24, minute) for h in hours}
    if match.group("sep") == "." and not (half or match.group("clock24")):
        # Maybe a decimal (a price of 7.00 is no 19 h).
        values |= readings(f"{hour}.{match.group('minute')}")
    elif minute == 0:
        values |= {float(h) for h in hours}
    text = match.group().rstrip()
    return Mention(frozenset(values), match.start(), match.start() + len(text), text,
                   parts=(frozenset({float(hour), *map(float, hours)}),
                          frozenset({float(minute)})))


def _spelled_time(text: str, start: int, clock: frozenset[tuple[int, int]]) -> Mention:
    """A clock time written in words (`english_clock_times`), with the values a time in
    digits has (`_time`): ``("time", hour, minutes)``, and the hour where on the hour
    (*noon* is ``12 Uhr``, *midnight* ``0 h`` or ``24 h``)."""
    values: set = {("time", hour, minutes) for hour, minutes in clock}
    values |= {float(hour) for hour, minutes in clock if minutes == 0}
    if (0, 0) in clock:
        values.add(24.0)
    return Mention(frozenset(values), start, start + len(text), text, flaggable=False,
                   parts=(), spelled=True)


#: Words of how many times (folded): *double* is ``２倍``, ``2x``, « deux fois ».
_MULTIPLES = {"double": 2, "twice": 2, "triple": 3, "treble": 3, "quadruple": 4,
              "doble": 2, "doppelt": 2, "doppio": 2, "doppia": 2, "triplo": 3, "dobro": 2}
#: English words after which *March* and *May* are months.
_BEFORE_MONTH = frozenset(
    "in of since until till by early late mid from through during before after last next "
    "this each every".split())
#: The Slavic prepositions before a month in the locative: *in* (« в июле », « у липні »,
#: « w lipcu »).
_IN_MONTH = frozenset({"в", "во", "у", "w", "we"})
#: The words that write the first day of a month ("le premier mai", "el primero de mayo").
_FIRST_OF_MONTH = frozenset({"premier", "1er", "primero", "primo", "first"})


#: Ordinal endings of a Roman numeral: French (``XIXe siècle``, ``Ier``, ``IIᵉ``) and Russian
#: and Ukrainian (``XX-й``, ``XIX-го``, ``XX-м``).
_ROMAN_ORDINAL = re.compile(r"([IVXLCDM]+)(?:e|è|ème|eme|er|re|ᵉ|ᵉʳ|-[а-яіїє]{1,3})")
#: The words before a Roman numeral that numbers a book's part or one of a series
#: (``chapitre II``, ``Band IV``, ``том III``, ``vol. I``), folded.
_NUMBERED_PARTS = frozenset(fold(w) for w in (
    "chapter chapters chapitre chapitres kapitel capitolo capitulo capítulo rozdział rozdzial "
    "глава главе главы главу розділ volume volumes vol tome tomes t band bände bd том тома "
    "томе part parts partie parties teil teile часть части частина book books livre livres "
    "buch libro księga ksiega книга книги act acts acte actes akt akte atto acto действие "
    "дія scene scenes scène scènes szene scena escena сцена явление article articles art "
    "artikel articolo artículo статья статьи стаття canto cantos chant chants песнь ch chap "
    "section sections série series serie psalm psaume psalms sura annex annexe anhang "
    "appendix appendice приложение").split())
#: The words after a Roman numeral that names a century (``XX siècle``, ``XIX век``), folded.
_CENTURY_WORDS = frozenset(fold(w) for w in (
    "siècle siècles century centuries jahrhundert jahrhunderts jahrhunderte jahrhunderten "
    "век века веке веком столетие столетия століття сторіччя secolo secoli siglo siglos "
    "século séculos wiek wieku wieków wiekach století stoleti eeuw århundrede århundradet "
    "sekel").split())
#: Punctuation or the end of the text right after a word.
_STOP_AFTER = re.compile(r"[ \u00a0]*(?:[.,;:!?)\]»”]|$)")
#: The highest regnal number read after a name: Pope John XXIII, Louis XVIII; past it the
#: capitals after a name are an initialism (``Washington DC``).
_HIGHEST_REGNAL = 39


def _roman_is_number(tokens: list[Word], i: int, text: str) -> bool:
    """Whether the Roman numeral `tokens[i]` is written as a number, so flagged when changed:
    with an ordinal ending (``XXe``, ``XX-й``), before a century (``XX siècle``, German
    ``XIX. Jahrhundert``), after a word that numbers a book's parts (``chapitre II``), or
    after a name as a regnal number (``Louis XIV``, ``Pie X``, ``Николай II``).  Else it is a
    counterpart only: ``I`` is also the pronoun (so after a name always, and after a book's
    part only as a heading writes it, *Chapter I*, or before a stop, *chapter I.*), ``MM.``
    Messieurs, ``CV``, ``DC`` words."""
    token = tokens[i]
    if _roman_ordinal(token.text) is not None:
        return True
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if after is not None and fold(after.text) in _CENTURY_WORDS and (
            _blank(text, token.end, after.start) or text[token.end:after.start].strip() == "."):
        return True
    if i == 0:
        return False
    before = tokens[i - 1]
    gap = text[before.end:token.start]
    if fold(before.text) in _NUMBERED_PARTS and gap.strip() in ("", "."):
        # Not the pronoun (*the book I read*): "I" numbers a part after a heading's capital
        # (*Chapter I*) or before a stop (*in chapter I.*).
        return token.text != "I" or before.text[:1].isupper() or (
            _STOP_AFTER.match(text, token.end) is not None)
    value = roman_value(token.text)
    # A regnal number: after a capitalised name, up to `_HIGHEST_REGNAL` (so of the letters
    # I, V and X: ``M.`` is Monsieur, ``C.`` an initial), no initial itself (``V. Nabokov``).
    if not (gap.strip() == "" and before.text[:1].isupper() and before.text[1:2].islower()
            and value is not None and value <= _HIGHEST_REGNAL
            and not (len(token.text) == 1 and text.startswith(".", token.end)
                     and text[token.end + 1:token.end + 3].strip()[:1].isupper())):
        return False
    # Not "I", the pronoun after a name as often (*In Paris I met him*): a regnal "I" is
    # compared where the word aligner pairs it with the other side's number
    # (`_roman_counterpart`).
    return token.text != "I"


def _roman_ordinal(token: str) -> int | None:
    """``XIXe`` → 19.  One letter only for I, V and X: ``Le``, ``De``, ``Ce`` are words."""
    m = _ROMAN_ORDINAL.fullmatch(token)
    if m is None or (len(m.group(1)) == 1 and m.group(1) not in "IVX"):
        return None
    return roman_value(m.group(1))


#: What writes two digits as a year: an elision before them (``'37``, ``’68``); a
#: four-digit year and a dash or a slash before them (``1936-37``, ``1936/37``); a month,
#: with or without its day, before them (``3.5.56`` is read as a date apart; ``12/03/24``,
#: ``3 mai 56``, ``mai 68``).
_YEAR_BEFORE = re.compile(
    r"(?:(?<![\w'’‘])['’‘]"
    r"|(?<![\d.,])\d{4}[ \u00a0]?[-–—/][ \u00a0]?"
    r"|(?<![\d/])\d{1,2}/\d{1,2}/"
    r"|(?:(?<!\d)\d{1,2}\.?[ \u00a0]+|(?<![^\W\d_]))(?P<month>[^\W\d_]+)\.?,?[ \u00a0]+)$")
#: A decade: ``the 30s``, ``the 30's``, German ``30er Jahre``, ``30er-Jahre``.
_DECADE_AFTER = re.compile(r"(?:['’]?s|er)(?![^\W\d_])")
#: Before a decade: French ``années 30``, Italian ``anni 30``, Spanish ``años 30`` ...
_DECADE_BEFORE = re.compile(
    r"(?<![^\W\d_])(?i:années|annees|anni|años|anos|jaren)[ \u00a0]+$")


def _written_as_year(number: re.Match, text: str) -> bool:
    """Whether the two digits `number` are written as a year: elided (``'68``), the
    second year of a range (``1936-37``), a date's year (``12/03/24``, ``3 mai 56``), or
    a decade (``the 30s``, ``années 30``, ``30er Jahre``).  Two digits alone are a number:
    ``25 dollars`` is not ``2025 dollars``."""
    digits = number.group()
    if len(digits) != 2 or not digits.isdigit():
        return False
    before = text[max(0, number.start() - 24):number.start()]
    written = _YEAR_BEFORE.search(before)
    if written is not None and (written.group("month") is None
                                or fold(written.group("month")) in MONTHS):
        return True
    return digits.endswith("0") and bool(
        _DECADE_AFTER.match(text, number.end()) or _DECADE_BEFORE.search(before))


#: What follows the digits of an ordinal: French ``1er``, ``1re``, ``2e``, ``2ème``,
#: ``2ᵉ``, ``2nd``; English ``2nd``, ``3rd``, ``4th``; Spanish, Portuguese and Italian
#: ``2º``, ``2ª``, ``2.º``; and German ``2.`` before a word (``2. Stock``).
_ORDINAL_AFTER = re.compile(
    r"(?:st|nd|rd|th|er|re|ère|ere|e|es|ème|eme|èmes|emes|è|ᵉ|ᵉʳ|ʳᵉ|d|de|nde|ndes"
    r"|\.?[ºª])(?![^\W\d_])"
    r"|\.(?=[ \u00a0]+[^\W\d_])", re.IGNORECASE)


def _ordinal(number: re.Match, text: str) -> set[tuple[str, int]]:
    """``{("ordinal", n)}`` where the whole number `number` is written as an ordinal
    (``2º``, ``2e``, ``2nd``, ``2. Stock``), the value of `_ORDINAL_WORDS`; else empty."""
    if not number.group().isdigit() or not _ORDINAL_AFTER.match(text, number.end()):
        return set()
    return {("ordinal", int(number.group()))}


#: Ordinals that read as such only against an ordinal in digits: English ``second`` and
#: French ``seconde`` are units of time too (so not in `ALL_NUMBER_WORDS`); Spanish, Italian
#: and Portuguese ordinals are also nouns and names (``cuarto`` a room, ``prima`` a cousin);
#: Russian, Ukrainian and Polish ones in the nominative (``Вторая мировая война``, World War
#: II), Ukrainian ``друга`` a friend too.
_ORDINAL_WORDS = {fold(w): n for n, written in enumerate((
    "primero primera primer primeros primeras primo prima primi primeiro primeira "
    "первый первая первое перший перша перше pierwszy pierwsza pierwsze",
    "second seconde secondes segundo segunda segundos segundas secondo seconda secondi "
    "второй вторая второе другий друга друге drugi druga drugie",
    "tercero tercera tercer terzo terza terceiro terceira третий третья третье третій третя "
    "третє trzeci trzecia trzecie",
    "cuarto cuarta quarto quarta четвёртый четвёртая четвёртое",
    "quinto quinta пятый пятая пятое",
    "sexto sexta sesto sesta шестой шестая шестое",
    "séptimo séptima settimo settima sétimo sétima седьмой седьмая седьмое",
    "octavo octava ottavo ottava oitavo oitava восьмой восьмая восьмое",
    "noveno novena nono nona девятый девятая девятое",
    "décimo décima decimo decima десятый десятая десятое",
), start=1) for w in written.split() if fold(w) not in ALL_NUMBER_WORDS}

_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}
_FRACTION_CHARS = frozenset(_FRACTIONS)
#: A year as `_compatible` reads one beside its two-digit form: four plain digits.
_YEAR = re.compile(r"\d{4}")


def _with_fractions(found: list[Mention], text: str) -> list[Mention]:
    """``1 ½`` and ``1½`` read as 1.5 (``1,50`` on the other side), a lone ``½`` as 0.5."""
    out = []
    for k, char in enumerate(text):
        if char not in _FRACTIONS:
            continue
        whole = next((m for m in found if 0 <= k - m.end <= 1 and text[m.end:k].isspace()
                      or m.end == k), None)
        if whole is not None:
            found.remove(whole)
            values = frozenset(v + _FRACTIONS[char] for v in whole.values
                               if isinstance(v, float))
            out.append(Mention(values, whole.start, k + 1, text[whole.start:k + 1]))
        else:
            out.append(Mention(frozenset({_FRACTIONS[char]}), k, k + 1, char))
    return sorted(found + out, key=lambda m: m.start)


def _compatible(a: Mention, b: Mention) -> bool:
    if "month" in (a.what, b.what) and (a.spelled or b.spelled):
        # A month is its number in a date written in digits (``12/03``), never a number
        # written in words: ``trois colis le 12 mars`` has no three in March.
        return False
    if a.date_field and b.date_field and a.date_field != b.date_field:
        # Two dates written with points: the day is the day, the month the month
        # (01.10.2024 is no 10.01.2024).
        return False
    if "day" in (a.date_field, b.date_field) and "month" in (a.what, b.what):
        # The day of 01.10.2024 is no January (the month of 01.10.2024 may be October).
        return False
    if a.magnitude is not None or b.magnitude is not None:
        # 3,5 млрд is 3,500,000,000: against a magnitude too, or that value written whole,
        # not against 3.5 million nor a bare 3.5 (*15 тысяч человек*, *15 people*), but
        # against a word that only counts (``trois`` before ``millions`` understood).
        if a.magnitude is not None and b.magnitude is not None:
            return bool(a.magnitude.products & b.magnitude.products)
        big, plain = (a, b) if a.magnitude is not None else (b, a)
        return bool(big.magnitude.products & plain.values) or (
            (not plain.flaggable or big.magnitude.uncertain)
            and bool(big.values & plain.values))
    if a.values & b.values:
        return True
    # "1936-37" against "1936-1937": a two-digit number written as a year stands for the
    # years that end in it, written as four plain digits ("2,500" or "2 500" is no year:
    # its "00" is no match); "25 dollars" is not "2025 dollars".
    for x in (v for v in a.values if isinstance(v, float)):
        for y in (v for v in b.values if isinstance(v, float)):
            lo, hi = min(x, y), max(x, y)
            short, year = (b, a) if x > y else (a, b)
            if (lo < 100 and 1000 <= hi < 3000 and hi % 100 == lo and lo == int(lo)
                    and short.year and _YEAR.fullmatch(year.text)):
                return True
    return False


def unmatched(source: list[Mention], translation: list[Mention]) -> tuple[list, list]:
    """The mentions of each side left without a counterpart on the other (digits first)."""
    used = [False] * len(translation)
    left: list[Mention] = []
    # An era year last, and last taken: the 1 of 令和元年5月1日 against *May 1, 2020* is the
    # day, and the era year the one changed.
    order = sorted(range(len(source)), key=lambda k: (not source[k].flaggable, source[k].era))
    matched_source = [False] * len(source)
    owner: dict[int, int] = {}
    for k in order:
        a = source[k]
        candidates = [j for j, b in enumerate(translation) if not used[j] and _compatible(a, b)]
        if candidates:
            best = min(candidates, key=lambda j: (not translation[j].flaggable,
                                                  translation[j].era, j))
            used[best] = True
            matched_source[k] = True
            owner[best] = k

    def rematched(k: int) -> bool:
        """Whether source `k` takes a counterpart, its holders moving to others (a path
        of moves, searched depth first with a stack: a link of a thousand copies of one
        number would be deeper than Python's recursion)."""
        seen: set[int] = set()
        moves: list[tuple[int, int]] = []  # (source, counterpart) along the path
        frames = [(k, iter(range(len(translation))))]
        while frames:
            holder, candidates = frames[-1]
            for j in candidates:
                if j in seen or not _compatible(source[holder], translation[j]):
                    continue
                seen.add(j)
                moves.append((holder, j))
                if j not in owner:
                    for mover, taken in moves:
                        owner[taken] = mover
                    return True
                frames.append((owner[j], iter(range(len(translation)))))
                break
            else:
                frames.pop()
                if moves and frames:
                    moves.pop()
        return False

    # The first counterpart taken may be the only one of a mention further on: 令和2年
    # (2020, or 2 as written) takes the day of *May 2, 2020* from the 2 of 5月2日 unless it
    # moves to 2020.
    for k in order:
        if not matched_source[k] and source[k].flaggable and rematched(k):
            matched_source[k] = True
            used = [j in owner for j in range(len(translation))]
    left = [m for k, m in enumerate(source) if not matched_source[k] and m.flaggable]
    right = [m for j, m in enumerate(translation) if not used[j] and m.flaggable]
    # A spelled counterpart is weak evidence ("un" is also an article): a digit it
    # matched is left unmatched again when the other side has more digits unmatched
    # than this side ("1." against "3. … un officier" is 1 changed to 3).
    for this, theirs, mine, other, mine_used in (
        (left, right, source, translation, matched_source),
        (right, left, translation, source, used),
    ):
        spare = len(theirs) - len(this)
        if spare > 0:
            this += _spelled_only(mine, other, mine_used)[:spare]
            this.sort(key=lambda m: m.start)
    return _split_times(left, right)


def _spelled_only(mine: list[Mention], other: list[Mention], used: list[bool]) -> list[Mention]:
    """The matched digits of `mine` whose only compatible mentions in `other` are spelled.
    A Roman numeral of two letters or more is written as a number, not spelled, where its
    context leaves it a counterpart only (`Lager III` as « camp III »); a single letter may be
    a word (the pronoun *I*)."""
    return [
        m for m, matched in zip(mine, used, strict=True)
        if m.flaggable and matched and not any(
            (b.flaggable or _written_roman(b)) and _compatible(m, b) for b in other)
    ]


def _roman(m: Mention) -> int | None:
    """The value of `m` if it is a Roman numeral, ordinal endings included (``XXe``)."""
    return roman_value(m.text) or _roman_ordinal(m.text)


def _written_roman(m: Mention) -> bool:
    return len(m.text) >= 2 and _roman(m) is not None


def _parts(m: Mention) -> list[frozenset]:
    """The values each part of `m` may have (`Mention.parts`, or the numbers of its text)."""
    if m.parts is not None:
        return list(m.parts)
    return [frozenset({float(p)}) for p in re.split(r"[.,:]", m.text) if p.isdigit()]


def _split_times(left: list[Mention], right: list[Mention]) -> tuple[list, list]:
    """``7.30 p.m.`` (a time, or a range "1954/55"-like pair) against ``午後7時30分``: match
    the unmatched mention whose separated parts are each unmatched on the other side."""
    for this, other in ((left, right), (right, left)):
        for m in list(this):
            parts = _parts(m)
            if len(parts) < 2 or m not in this:
                continue
            partners = []
            for values in parts:
                partner = next((o for o in other if o not in partners and values & o.values),
                               None)
                if partner is None:
                    break
                partners.append(partner)
            else:
                this.remove(m)
                for partner in partners:
                    other.remove(partner)
    return left, right


#: The decimal mark of languages whose convention is known (the other mark groups
#: thousands): English writes ``1,500.5``; French, German, Spanish … ``1.500,5`` (French
#: groups with a space, and reads a point as a grouping too).
_DECIMAL_MARK = {"en": ".", **dict.fromkeys(
    ("fr", "de", "es", "it", "pt", "nl", "pl", "cs", "ru", "tr", "el"), ",")}
#: Languages whose countries write either mark (Spanish: a comma in Spain and most of
#: South America, a point in Mexico and Central America): their side's convention is the
#: comma only where its own numbers show one (``4,7 %``, ``1.234,5``), else unknown.
_EITHER_MARK = frozenset({"es"})
_DECIMAL_COMMA_SHOWN = re.compile(r"\d\.\d{3},\d|(?<![\d.,])\d+,\d{1,2}(?![\d,.])")


def _read_as(written: str, decimal: str) -> float | None:
    """The value of `written`, a number with one kind of mark (``1.500``, ``4,7``), under the
    convention whose decimal mark is `decimal`: the other mark groups thousands, three
    digits each.  None where it reads as no number there (``4,7`` in English)."""
    mark = "," if "," in written else "."
    parts = written.split(mark)
    if mark == decimal:
        return float(written.replace(mark, ".")) if len(parts) == 2 else None
    return float("".join(parts)) if all(len(p) == 3 for p in parts[1:]) else None


def _as_written(value: float, decimal: str) -> str:
    """`value` as the convention whose decimal mark is `decimal` writes it."""
    text = f"{value:,.10f}".rstrip("0").rstrip(".")
    return text.translate(str.maketrans(",.", ".,")) if decimal == "," else text


def _side_decimal_mark(ctx: CheckContext, side: SideName) -> str | None:
    """The decimal mark of `side`'s language (`_DECIMAL_MARK`), if known for the side."""
    language = ctx.language(side)
    if language not in _EITHER_MARK:
        return _DECIMAL_MARK.get(language)
    key = f"decimal comma shown: {side}"
    if key not in ctx.notes:
        texts = ctx.sources if side == "source" else ctx.translations
        ctx.notes[key] = any(_DECIMAL_COMMA_SHOWN.search(t.text) for t in texts if t)
    return "," if ctx.notes[key] else None


def _convention_findings(ctx: CheckContext, source: LinkText, translation: LinkText,
                         mine: list[Mention], theirs: list[Mention]) -> list[Finding]:
    """A number of the source written the same in the translation, where the translation's
    language reads it otherwise (both conventions known, `_DECIMAL_MARK`): ``1.500 Euro``
    left as *1.500 euros*, which English reads as 1.5; a decimal comma left in a language
    of decimal points (``4,7 %`` as *4,7%*, no number there).  Not a number the
    translation's convention does not read at all but with a point (``3.5``: a section
    number as often), nor a version, a time or a date (other mentions)."""
    marks = _side_decimal_mark(ctx, "source"), _side_decimal_mark(ctx, "translation")
    if None in marks or marks[0] == marks[1]:
        return []
    # Only a quantity (a percentage, an amount, a measure: `_unit`), whose value a reader
    # takes from its marks; not coordinates, page or article numbers, sizes listed with a
    # comma (``36,38``), which are read as written.
    plain = {m.text: m for m in mine if m.what == "number" and m.parts is None
             and not m.spelled and re.fullmatch(r"\d+(?:[.,]\d+)+", m.text)
             and len(set(re.sub(r"\d", "", m.text))) == 1
             and _unit(source.text, m) is not None}
    out = []
    for b in theirs:
        a = plain.get(b.text)
        if a is None or b.what != "number" or b.parts is not None:
            continue
        meant, read = _read_as(a.text, marks[0]), _read_as(b.text, marks[1])
        if meant is None or read == meant or read is None and "," not in b.text:
            continue
        language = english_name(ctx.language("translation"))
        if read is None:
            how = (f"is no number in {language} ({b.text.replace(',', '')}, or a list)")
        else:
            how = f"reads as {_as_written(read, marks[1])} in {language}"
        out.append(Finding(
            "number", "minor",
            f"number {b.text} in the translation {how}; the source's {a.text} is "
            f"{_as_written(meant, marks[1])}",
            [ctx.span(source, a.start, a.end), ctx.span(translation, b.start, b.end)]))
    return out


#: The quantities of `align.checks.lexicon.MEASURES` that are units of time.
_TIME_QUANTITIES = frozenset(
    "second minute hour day week fortnight month year century decade".split())


def _one_sided_severity(m: Mention, text: str) -> str:
    """Minor; a lone digit info, as it is often spelled, ordinal or Roman on the other side
    ("3" = "third"), unless a percent sign, a currency or a measure makes it a quantity
    (``9 %``, ``5 €``, ``5 km``), which translations keep in digits (not a unit of time,
    which they count as freely as the number: ``3 hours`` as « une heure »)."""
    if sum(c.isdigit() for c in m.text) >= 2 or _exponent(m, text):
        return "minor"
    if m.text == "1":
        return "info"  # an article renders it: ``1 €`` as *a euro*, ``1 km`` as *a kilometre*
    unit = _unit(text, m)
    return "minor" if unit is not None and unit[0].isdisjoint(_TIME_QUANTITIES) else "info"


#: What an exponent is raised after: a letter alone, a digit or a bracket (``x²``, ``10³``,
#: ``(a+b)²``), not a word or a stop, as a footnote's mark is.
_EXPONENT_BEFORE = re.compile(r"(?:(?<![^\W\d_])[^\W\d_]|[\d)])$")


def _raised_as_exponent(text: str, start: int) -> bool:
    """Whether a raised number at `start` of `text` follows what an exponent is raised
    after (`_EXPONENT_BEFORE`), not what a footnote's mark is."""
    return bool(_EXPONENT_BEFORE.search(text[max(0, start - 2):start]))


def _exponent(m: Mention, text: str) -> bool:
    """Whether `m` is an exponent: raised (`_raised_as_exponent`)."""
    return bool(_SUPERSCRIPT.fullmatch(m.text)) and _raised_as_exponent(text, m.start)


def _near(mention: Mention, neighbours: list[list[Mention]]) -> bool:
    return any(_compatible(mention, other) for group in neighbours for other in group)


#: A code of capitals and digits: a product or part number, a model ("AB-1234X", "MP3",
#: "COVID-19", "H2O"; "ISO 9001" is a number).  Translations keep codes as they are.  A
#: point ends a code: "S.66" (Seite 66) is an abbreviation and a number.
_CODE = re.compile(
    r"(?<![\w\-/.])[A-Z0-9](?:[A-Z0-9]|[\-_/](?=[A-Z0-9]))*[A-Z0-9](?!\w)(?![\-/.]\w)")
#: Digits with a unit, an ordinal or a clock ("5MB", "2ND", "10H30"), not codes.
_NOT_A_CODE = re.compile(
    r"\d+(?:[.,]\d+)?(?:ST|ND|RD|TH|ER|RE|E|EME|H\d*|[KMGT]?B|KM|CM|MM|KG|AM|PM)", re.IGNORECASE)


def codes(text: str) -> list[tuple[int, int, str]]:
    """The codes of capitals and digits in `text`: ``(start, end, code)``."""
    found = []
    for m in _CODE.finditer(blank_markup(text)):
        code = m.group()
        if (any(c.isdigit() for c in code) and any(c.isalpha() for c in code)
                and not _NOT_A_CODE.fullmatch(code)):
            found.append((m.start(), m.end(), code))
    return found


@lru_cache(maxsize=1 << 12)
def _code_pattern(code: str) -> re.Pattern:
    # Its runs of letters and digits, in any case, apart or joined by a space or a dash:
    # "K2" is also "K 2", "COVID-19" "covid-19".
    runs = re.findall(r"[A-Za-z]+|\d+", code)
    return re.compile(r"(?<![\w])" + r"[\s\-_/]?".join(runs) + r"(?![\w])", re.IGNORECASE)


def _writes(text: str, code: str) -> bool:
    """Whether `text` writes `code`, spacing, dashes and case aside."""
    return _code_pattern(code).search(text) is not None


def _reordered(code: str, other: str) -> bool:
    """Whether two codes are one with their letters as each language writes an abbreviation:
    the same digits, and each run of letters the same or a listed abbreviation of the same
    name (``2014/53/EU`` is French ``2014/53/UE``, `name_equivalents.ABBREVIATIONS`)."""
    letters = [fold(run) for run in re.findall(r"[^\W\d_]+", code)]
    others = [fold(run) for run in re.findall(r"[^\W\d_]+", other)]
    return (re.findall(r"\d+", code) == re.findall(r"\d+", other)
            and len(letters) == len(others)
            and all(a == b or any(a in line and b in line for line in _ABBREVIATION_LINES)
                    for a, b in zip(letters, others, strict=True)))


#: Each line of `name_equivalents.ABBREVIATIONS`: the abbreviations of one name.
_ABBREVIATION_LINES = tuple(frozenset(line.split()) for line in ABBREVIATIONS)


def _code_findings(ctx: CheckContext, source: LinkText,
                   translation: LinkText) -> list[Finding]:
    """A code of one side that the other side does not write (case aside), where the
    digits it holds are all there (otherwise the changed number is reported already):
    ``AB-1234X`` against ``AB-1234Y``."""
    lost = [c for c in codes(source.text) if not _writes(translation.text, c[2])]
    added = [c for c in codes(translation.text) if not _writes(source.text, c[2])]

    def digits_kept(code: str, other: str) -> bool:
        # Whole runs of digits: "5M" against "50M" changed its number, which is said.
        return all(re.search(rf"(?<!\d){d}(?!\d)", other)
                   for d in re.findall(r"\d+", code))

    lost = [c for c in lost if digits_kept(c[2], translation.text)]
    added = [c for c in added if digits_kept(c[2], source.text)]
    for a in list(lost):
        b = next((b for b in added if _reordered(a[2], b[2])), None)
        if b is not None:
            lost.remove(a)
            added.remove(b)
    out = []
    for a, b in zip(lost, added, strict=False):
        out.append(Finding(
            "number", "major", f"code {a[2]} in the source is {b[2]} in the translation",
            [ctx.span(source, a[0], a[1]), ctx.span(translation, b[0], b[1])]))
    for a in lost[len(added):]:
        out.append(Finding("number", "minor", f"code {a[2]} in the source is missing from the "
                           "translation", [ctx.span(source, a[0], a[1])]))
    for b in added[len(lost):]:
        out.append(Finding("number", "minor", f"code {b[2]} in the translation is not in the "
                           "source", [ctx.span(translation, b[0], b[1])]))
    return out


def _alternation(forms) -> str:
    """A regular expression for any of `forms`, longest first, a space as any run of spaces."""
    return "|".join(re.escape(f).replace(r"\ ", r"[ \u00a0]+")
                    for f in sorted(forms, key=len, reverse=True))


_SPACE = "[ \u00a0\u202f]*"
#: The currency or unit after a number, past a magnitude (``20 millions de dollars``,
#: ``5 Mio. Euro``, ``2 bn dollars``, ``12 km``, ``30 °C``, ``15 pour cent``).
_UNIT_AFTER = re.compile(
    rf"{_SPACE}(?:(?P<magnitude>{_alternation(MAGNITUDES)})(?![^\W_])\.?{_SPACE}"
    rf"(?:(?:de|of|di|del|von)(?![^\W_]){_SPACE}|d['’])?)?"
    rf"(?P<unit>{_alternation(MEASURES)})(?:(?<=[{UNSPACED_LETTERS}{HANGUL_SYLLABLES}])|(?![^\W_]))")
#: The currency before a number (``$20``, ``US$ 5``, ``CHF 20``, ``€ 500``), not the end of
#: a word (``R$`` is no ``$``).
_UNIT_BEFORE = re.compile(rf"(?<![^\W_])(?P<unit>{_alternation(CURRENCIES_BEFORE)}){_SPACE}$")


def _unit(text: str, m: Mention) -> tuple[frozenset[str], int, int] | None:
    """The currency or unit written beside the number `m` as the quantities it may name
    (`align.checks.lexicon.MEASURES`), with the span of the number and the unit together;
    None if it has none, or is no plain number (a time, a date's month, a version, a Roman
    numeral), or a spelled one below 2 (``un franc`` may be *a pound* as a manner of
    speaking)."""
    if m.what != "number" or m.parts is not None:
        return None
    if not m.flaggable and not (
            m.spelled and min((v for v in m.values if isinstance(v, float)), default=0) >= 2):
        return None
    before = _UNIT_BEFORE.search(text, max(0, m.start - 8), m.start)
    if before:
        return MEASURES[before.group("unit")], before.start(), m.end
    after = _UNIT_AFTER.match(text, m.end)
    if after:
        return MEASURES[after.group("unit")], m.start, after.end()
    return None


def _unit_findings(ctx: CheckContext, source: LinkText, translation: LinkText,
                   mine: list[Mention], theirs: list[Mention]) -> list[Finding]:
    """A number kept while its currency or unit changed (``20 dollars`` as *20 euros*,
    ``12 km`` as *12 miles*, ``3 ans`` as *3 months*): where every number of the translation
    that matches it is written with a unit, and none with one that may name the same
    quantity.  A number with no unit on one side is left alone: the currency said once
    (``500 dollars, puis 300``), or a unit understood."""
    units = {id(m): _unit(source.text, m) for m in mine}
    if not any(units.values()):  # most links: no number of the source has a unit
        return []
    units |= {id(m): _unit(translation.text, m) for m in theirs}
    # Each number of the translation answers one of the source: first those with a unit
    # that may name the same quantity, then those with none, then the others, so that in
    # "3 km in 3 hours" / « 3 km en une heure » the hours do not take the kilometres'
    # three.
    left = [a for a in mine if units[id(a)] is not None]
    free = list(theirs)
    for fits in (lambda u, v: v is not None and bool(u[0] & v[0]), lambda u, v: v is None):
        for a in list(left):
            b = next((b for b in free if _compatible(a, b)
                      and fits(units[id(a)], units[id(b)])), None)
            if b is not None:
                left.remove(a)
                free.remove(b)
    out: list[Finding] = []
    for a in left:
        b = next((b for b in free if _compatible(a, b)), None)
        if b is None:
            continue
        free.remove(b)
        unit, b_unit = units[id(a)], units[id(b)]
        said = [source.text[unit[1]:unit[2]], translation.text[b_unit[1]:b_unit[2]]]
        what = "currency" if unit[0] <= CURRENCIES and b_unit[0] <= CURRENCIES else "unit"
        out.append(Finding(
            "number", "major",
            f"{said[0]} in the source is {said[1]} in the translation: another {what}",
            [ctx.span(source, unit[1], unit[2]), ctx.span(translation, b_unit[1], b_unit[2])],
        ))
    return out


#: Number words that are ordinary words of another language (English *once*, French *très*,
#: *dos* (back), Italian *due*, German *sei* (be), *elf*, the English coin *cent*, English
#: *doze*, the German *Dez.*; *Otto*, a name, *Sète*, a town): reported only in a text of
#: a language that counts with them.
_NUMBER_ONLY_IN = {
    "once": {"es"}, "tres": {"es", "pt"}, "dos": {"es"}, "doze": {"pt"}, "dez": {"pt"},
    "sete": {"pt"}, "mil": {"es", "pt"}, "due": {"it"},
    "tre": {"it"}, "sei": {"it"}, "otto": {"it"}, "venti": {"it"}, "elf": {"de"},
    "cent": {"fr"}, "cents": {"fr"}, "sto": {"pl", "cs", "sk"},
}
#: Numbers that count roughly (``a dozen``, ``une douzaine``): never reported changed.
_APPROXIMATE = frozenset({"dozen", "douzaine", "dutzend"})
#: Between two numbers of a rough range: ``deux ou trois``, ``two or three``, ``5 à 6``.
_RANGE = re.compile(r"\s*(?:ou|or|à|a|to|oder|bis|o|y|-|–)\s*", re.IGNORECASE)
#: What follows a number before the noun it counts: ``cinq cents de rente``, ``dozens of``.
_BEFORE_NOUN = frozenset({"de", "d", "of", "di", "von"})
#: Units of time, whose conversions are no change (``huit jours`` = *a week*, ``quinze
#: jours`` = *two weeks*, ``une heure`` = *sixty minutes*).
_TIME_UNITS = {fold(w): unit for unit, written in {
    "day": "jour jours journée journées day days Tag Tage Tagen día días giorno giorni",
    "week": "semaine semaines week weeks Woche Wochen semana semanas settimana settimane",
    "fortnight": "quinzaine fortnight fortnights",
    "month": "mois month months Monat Monate Monaten mes meses mese mesi",
    "year": "an ans année années year years Jahr Jahre Jahren año años anno anni",
    "hour": "heure heures hour hours Stunde Stunden hora horas ora ore",
    "minute": "minute minutes Minute Minuten minuto minutos minuti",
    "second": "seconde secondes second seconds Sekunde Sekunden segundo segundos secondi",
}.items() for w in written.split()}
#: Nouns that count by groups: *two pair of hands* is ``quatre mains``.
_GROUPS = frozenset(fold(w) for w in
                    "pair pairs paire paires couple couples Paar Paare brace score scores".split())


#: The words that make a number an hour of the clock (``dix-sept heures``, ``17 Uhr``,
#: *five o'clock*), not a count of hours (*five hours*).
_CLOCK_WORDS = frozenset(fold(w) for w in "heure heures h Uhr o'clock oclock ore horas".split())


def _hour_of_day(a: Mention, b: Mention, source: str, translation: str) -> bool:
    """Whether two numbers are an hour of the day: one followed by a word of the clock, the
    other by the same or by nothing that it counts (*at five.*); *five children* and
    ``dix-sept enfants`` are no hours."""
    nouns = [fold(w.text) if w else "" for w in (_counted(source, a), _counted(translation, b))]
    clock = [noun in _CLOCK_WORDS for noun in nouns]
    return any(clock) and all(c or not noun for c, noun in zip(clock, nouns, strict=True))


def _counted(text: str, m: Mention) -> Word | None:
    """The word a number counts: the one after it (``francs``), past ``de``, ``of``."""
    after = [w for w in words(text) if w.start >= m.end][:2]
    if after and fold(after[0].text) in _BEFORE_NOUN:
        after = after[1:]
    return after[0] if after else None


#: The units of time a Chinese or Japanese counter counts (五年, 三个月, 十天, 两周).
_CJK_TIME_COUNTER = re.compile(
    r"(?P<year>年)|(?P<month>(?:个|個|ヶ|か|カ|ヵ)月)|(?P<day>天|日)|(?P<week>周|週|星期)"
    r"|(?P<hour>小时|小時|時間)|(?P<minute>分钟|分鐘|分間)|(?P<second>秒)")


def _time_counted(text: str, m: Mention) -> str | None:
    """The unit of time (`_TIME_UNITS`) the number `m` counts: a Chinese or Japanese counter
    after it (五年), the word it is joined to (*three-year*), or the word after it (*three
    years*); None if it counts none."""
    counter = _CJK_TIME_COUNTER.match(text, m.end)
    if counter is not None:
        return counter.lastgroup
    joined = re.match(r"[-‐]([^\W\d_]+)", text[m.end:])
    if joined is not None:
        return _TIME_UNITS.get(fold(joined.group(1)))
    noun = _counted(text, m)
    return _TIME_UNITS.get(fold(noun.text)) if noun is not None else None


def _reportable(m: Mention, side: list[Mention], text: str, language: str | None,
                round_alone: bool = False) -> bool:
    """Whether a mention left unmatched may be reported as changed against another: a number
    in digits, or a spelled number of 2 or more that counts exactly.  Not ``un``, ``one``,
    ``a`` (articles as often), ``half``; not a round number alone (``mille fois`` and *a
    hundred times*, *thanks a million*: a manner of speaking); not ``a dozen``; not one of a
    range (``deux ou trois``, *two or three*); not a word that is a number of another language
    only (English *once*, French *très*).  With `round_alone`, a round number alone is
    reportable too (``сто рублей``, against *two hundred roubles*)."""
    floats = [v for v in m.values if isinstance(v, float)]
    if m.what not in ("number", "month") or not floats:
        return False
    if not m.spelled:
        return m.flaggable
    # German and Italian write a number as one word ("dreihundertfünfzig", "viermal",
    # "centoventi"): its pieces, and their values.
    pieces = [q for w in words(m.text) for p in re.split(r"[-‐]", fold(w.text))
              for q in ((p,) if p in ALL_NUMBER_WORDS else _german_compound(p) or ())
              if q in ALL_NUMBER_WORDS]
    piece_values = [ALL_NUMBER_WORDS[p] for p in pieces] + [
        v for w in words(m.text) for v in italian_compound(fold(w.text)) or ()] + [
        _HAN_VALUES[c] for c in m.text if c in _HAN_VALUES]  # 五年, 两千万
    if (min(floats) < 2 or (not round_alone and all(v >= 100 for v in piece_values))
            or _APPROXIMATE.intersection(pieces)):
        return False
    if len(pieces) == 1 and pieces[0] in _NUMBER_ONLY_IN and (
            language not in _NUMBER_ONLY_IN[pieces[0]]):
        return False
    return not any(
        (o.end <= m.start and _RANGE.fullmatch(text[o.end:m.start]))
        or (m.end <= o.start and _RANGE.fullmatch(text[m.end:o.start]))
        for o in side if o is not m)


def _another_reading(a: Mention, b: Mention, source: str, translation: str) -> bool:
    """Whether two numbers the word aligner pairs may say the same in other words: one the
    other's thousands or hundreds (``trente-six mille`` and *thirty-six*, the *thousand* left
    understood), counting in other units of time (``quinze jours``, *two weeks*) or by groups
    (*their two pair of hands*, ``quatre mains``), or the hour on the other clock (*at five*,
    ``um 17 Uhr``: English says the hour of a 12-hour day, French and German a 24-hour one)."""
    for x in (v for v in a.values if isinstance(v, float)):
        for y in (v for v in b.values if isinstance(v, float)):
            lo, hi = min(x, y), max(x, y)
            if lo and hi / lo in (100, 1000, 1_000_000):
                return True
            if (1 <= lo <= 12 and hi - lo == 12 and lo == int(lo)  # 5 and 17, 12 and 24
                    and _hour_of_day(a, b, source, translation)):
                return True
    nouns = [fold(w.text) if w else "" for w in (_counted(source, a), _counted(translation, b))]
    if _GROUPS.intersection(nouns):
        return True
    units = [_time_counted(source, a), _time_counted(translation, b)]
    return None not in units and units[0] != units[1]


def _spelled_changes(ctx: CheckContext, i: int, source: LinkText, translation: LinkText,
                     mine: list[Mention], theirs: list[Mention], left: list[Mention],
                     right: list[Mention]) -> list[tuple[Mention, Mention, str]]:
    """Changed numbers of which one or both are spelled (``quatre cents`` against *five
    hundred*, ``dix`` against ``12``): each side's number left without a counterpart on
    the other, counted as copies (*twenty … twenty* against ``veinte … treinta`` leaves one
    *twenty*, `_spare_copies`), both `_reportable`, and the word aligner pairing them.  Major
    where it also pairs the nouns they count (``francs`` and *francs*), else minor.  (`left`,
    `right`: the digits left unmatched; those reported here are taken out of them.)"""
    if ctx.encoder is None:
        return []
    languages = ctx.language("source"), ctx.language("translation")
    candidates = []
    spare: dict[int, int] = {}
    round_alone: set[int] = set()
    for side, other, unmatched_digits, text, language in (
            (mine, theirs, left, source.text, languages[0]),
            (theirs, mine, right, translation.text, languages[1])):
        for m in side:
            if m.spelled or _roman_counterpart(m):
                spare[id(m)] = _spare_copies(m, side, other)
        unpaired = [m for m in side
                    if m in unmatched_digits or id(m) in spare and spare[id(m)] > 0]
        candidates.append([m for m in unpaired
                           if _reportable(m, side, text, language) or _roman_counterpart(m)])
        round_alone.update(id(m) for m in unpaired if m not in candidates[-1]
                           and _reportable(m, side, text, language, round_alone=True))
        candidates[-1] += [m for m in unpaired if id(m) in round_alone]
    # A round number alone (``сто``, *a hundred*, ``mille``) is a manner of speaking as
    # often (*a hundred times*, ``mille fois``): compared only with a number that counts
    # exactly, and only where both count the nouns the aligner pairs (below).
    pairs = [(a, b) for a in candidates[0] for b in candidates[1]
             if (a.spelled or b.spelled or _roman_counterpart(a) or _roman_counterpart(b))
             and not (id(a) in round_alone and id(b) in round_alone)
             and not _another_reading(a, b, source.text, translation.text)]
    if not pairs:
        return []
    wa = ctx.word_alignment(i)
    if wa is None:
        return []

    def paired(a: Word | Mention, b: Word | Mention) -> bool:
        # Words that overlap them: Chinese and Japanese words run on past a numeral
        # (为期五年的合作协议 is one word).
        return any(a.start < wa.source_words[s].end and wa.source_words[s].start < a.end
                   and b.start < wa.translation_words[t].end
                   and wa.translation_words[t].start < b.end for s, t in wa.pairs)

    def times(a: Mention, b: Mention) -> bool:
        """Whether one of `a` (source) and `b` (translation) is a German number of times
        (``viermal``) that the aligner pairs with the word the other counts (*three
        times*: « mal » is *times*)."""
        nouns = _counted(source.text, a), _counted(translation.text, b)
        return (nouns[0] is not None and fold(b.text).endswith(_GERMAN_TIMES)
                and paired(nouns[0], b)) or (
            nouns[1] is not None and fold(a.text).endswith(_GERMAN_TIMES)
            and paired(a, nouns[1]))

    def spent(m: Mention, side: list[Mention]) -> bool:
        """Whether as many copies of the spelled `m` as its side has spare are reported."""
        return id(m) in spare and sum(id(o) in taken and _compatible(m, o)
                                 for o in side) >= spare[id(m)]

    def same_time_unspaced(a: Mention, b: Mention) -> bool:
        """Whether `a` and `b` count the same unit of time (五年 against *three-year*) and
        one is Chinese or Japanese, whose run of Han letters the word aligner takes as one
        word (为期五年的合作协议), pairing none of its numerals."""
        units = _time_counted(source.text, a), _time_counted(translation.text, b)
        return None not in units and units[0] == units[1] and any(
            _CJK_NUMBER_CHAR.match(text, m.end)
            for text, m in ((source.text, a), (translation.text, b)))

    out: list[tuple[Mention, Mention, str]] = []
    taken: set[int] = set()
    for a, b in pairs:
        if id(a) in taken or id(b) in taken or spent(a, mine) or spent(b, theirs):
            continue
        same_time = same_time_unspaced(a, b)
        nouns = _counted(source.text, a), _counted(translation.text, b)
        # Or a Roman numeral and the number that count nouns the aligner pairs (``XXe
        # siècle``, *nineteenth century*): it leaves the Roman letters unpaired as often.
        counts_same = not (a.spelled and b.spelled) and any(
            _roman(m) for m in (a, b)) and (
            None not in nouns and paired(*nouns))
        if not (same_time or paired(a, b) or times(a, b) or counts_same):
            continue
        if (_roman_counterpart(a) or _roman_counterpart(b)) and not paired(a, b):
            continue  # "I" the pronoun, paired with its own word, is no changed "II"
        # A Roman numeral the aligner pairs with a number is a regnal number or a chapter
        # changed (*Guillaume II*, *Wilhelm I*), whatever follows it.
        roman_paired = paired(a, b) and any(roman_value(m.text) for m in (a, b))
        strong = same_time or counts_same or roman_paired or None not in nouns and (
            fold(nouns[0].text) == fold(nouns[1].text) or paired(*nouns))
        if not strong and (id(a) in round_alone or id(b) in round_alone):
            continue
        taken |= {id(a), id(b)}
        out.append((a, b, "major" if strong else "minor"))
        for m, digits in ((a, left), (b, right)):
            if m in digits:
                digits.remove(m)
    return out


def _roman_counterpart(m: Mention) -> bool:
    """Whether `m` is a Roman numeral read as a counterpart only (`_roman_is_number`: every
    ``I`` after a name, *Nicholas I abdicated*, ``CV``, ``MM.``): a candidate for a missing
    number, as a spelled one is, reported where the word aligner leaves it unpaired."""
    return not m.flaggable and not m.spelled and m.what == "number" and (
        roman_value(m.text) is not None)


def _spare_copies(m: Mention, side: list[Mention], other: list[Mention]) -> int:
    """How many more times `side` says the number `m` than `other` does: a spelled number
    said twice (*twenty euros? … twenty euros*) and once on the other side (``veinte …
    treinta``) has one copy without a counterpart, which may be the changed one."""
    return (sum(_compatible(m, o) for o in side)
            - sum(_compatible(m, o) for o in other))


def _said(m: Mention) -> str:
    """A mention as a reason quotes it: a spelled number with its value (``quatre cents
    (400)``)."""
    if not m.spelled:
        return m.text
    # The hour as written where it may be either (*five o'clock*: 5 or 17).
    value = min(v for v in m.values if isinstance(v, float))
    return f"{m.text} ({value:g})"


def run(ctx: CheckContext) -> list[tuple[int, Finding]]:
    out: list[tuple[int, Finding]] = []
    # The pieces of a code block cut at max_chars read as blanks, as whole blocks do.
    sources, translations = readable_links(ctx, "source"), readable_links(ctx, "translation")
    cache: dict[tuple[str, int], list[Mention]] = {}

    def of(side: list[LinkText], name: str, i: int) -> list[Mention]:
        key = (name, i)
        if key not in cache:
            cache[key] = mentions(side[i].text) if 0 <= i < len(side) else []
        return cache[key]

    for i in range(len(ctx.alignment.links)):
        if not sources[i] or not translations[i]:
            continue
        out += [(i, f) for f in _code_findings(ctx, sources[i], translations[i])]
        mine, theirs = of(sources, "s", i), of(translations, "t", i)
        out += [(i, f) for f in _unit_findings(ctx, sources[i], translations[i], mine, theirs)]
        out += [(i, f) for f in _convention_findings(ctx, sources[i], translations[i], mine,
                                                     theirs)]
        left, right = unmatched(mine, theirs)
        if not left and not right and not (
                mine and theirs and any(m.spelled for m in (*mine, *theirs))):
            continue

        # Left without a counterpart in a neighbouring link too: the sentence boundary
        # moved, not the number.  (A neighbour that has the number on both sides, like
        # the next item of a numbered list, does not excuse it.)
        around = [unmatched(of(sources, "s", i + d), of(translations, "t", i + d))
                  for d in (-1, 1)]
        left = [m for m in left if not _near(m, [other for _, other in around])]
        right = [m for m in right if not _near(m, [own for own, _ in around])]
        # A spelled number changed (``quatre cents`` against *five hundred*): only where
        # the word aligner pairs the two (`_spelled_changes`).
        for a, b, severity in _spelled_changes(ctx, i, sources[i], translations[i], mine,
                                               theirs, left, right):
            out.append((i, Finding(
                "number", severity,
                f"number {_said(a)} in the source is {_said(b)} in the translation",
                [ctx.span(sources[i], a.start, a.end), ctx.span(translations[i], b.start, b.end)],
            )))
        said_dates: set[str] = set()
        for a, b in zip(left, right, strict=False):
            # Said as what they are: "month mars … is May", "version 2.1 … is 2.2", "date
            # 01.10.2024 … is January 10, 2024"; a number with its magnitude ("3,5 млрд").
            what = ("version" if "version" in (a.what, b.what)
                    else "date" if a.date or b.date
                    else a.what if a.what == b.what else "number")
            quoted = [_quote(m, side, link.text, what == "date")
                      for m, side, link in ((a, mine, sources[i]), (b, theirs, translations[i]))]
            reason = f"{what} {quoted[0][0]} in the source is {quoted[1][0]} in the translation"
            if reason in said_dates:  # 03.12.2024 against 12.03.2024: one date changed
                continue
            if what == "date":
                said_dates.add(reason)
            out.append((i, Finding(
                "number", "major", reason,
                [ctx.span(sources[i], *quoted[0][1]), ctx.span(translations[i], *quoted[1][1])],
            )))
        # The same number more often on one side than on the other, by two copies or more
        # (written alike or not: 5 and 5,0): one finding pointing at every extra copy.
        repeated: list[tuple[str, Mention, Finding]] = []
        for m, side, own, other, link_side in (
            *((a, "source", mine, theirs, sources[i]) for a in left[len(right):]),
            *((b, "translation", theirs, mine, translations[i]) for b in right[len(left):]),
        ):
            span = ctx.span(link_side, m.start, m.end)
            same = next((f for s, n, f in repeated if s == side and n.values == m.values), None)
            if same is not None:
                same.spans.append(span)
                continue
            finding = Finding("number", _one_sided_severity(m, link_side.text),
                              _one_sided_reason(m, side, own, other), [span])
            repeated.append((side, m, finding))
            out.append((i, finding))
    return out


def _quote(m: Mention, side: list[Mention], text: str, date: bool) -> tuple[str, tuple[int, int]]:
    """What a reason quotes for `m` of `side` (in `text`), with its span: a number with its
    magnitude word (`_magnitude_quote`); in a changed date, the whole date: written with
    points (``01.10.2024``), or a month's name with the day and year beside it (``January
    10, 2024``, ``1 октября 2024``)."""
    if not date:
        if m.clock_end is not None:
            return text[m.start:m.clock_end], (m.start, m.clock_end)
        end = max(m.end, m.magnitude.end) if m.magnitude is not None else m.end
        return _magnitude_quote(m, text), (m.start, end)
    if m.date is not None:
        return text[m.date[0]:m.date[1]], m.date
    start, end = m.start, m.end
    if m.what == "month":
        # A day or a year beside the month: one or two digits, or four.
        parts = sorted((o for o in side if o.text.isdigit() and len(o.text) in (1, 2, 4)),
                       key=lambda o: o.start)
        for o in reversed(parts):
            if o.end <= start and _DAY_JOINER.fullmatch(text, o.end, start):
                start = o.start
        for o in parts:
            if o.start >= end and _DATE_JOINER.fullmatch(text, end, o.start):
                end = o.end
    return text[start:end], (start, end)


def _one_sided_reason(m: Mention, side: str, own: list[Mention], other: list[Mention]) -> str:
    """Why `m` of `side` has no counterpart: absent from the other side, or there fewer
    times (a sentence repeated, or a number said twice where the other side says it once:
    "is not in the source" would be false).  Counted by value: ``5`` and ``5,0`` are one
    number said twice."""
    # Only digits of the same value count: a spelled counterpart ("un", also an article)
    # is weak evidence, and a two-digit year is not its century's year written again; nor
    # a number it may not stand for (the day of ``1/14 janvier`` is no January).
    there = sum(o.flaggable and bool(m.values & o.values) and _compatible(m, o) for o in other)
    if not there:
        return (f"{m.what} {m.text} in the source is missing from the translation"
                if side == "source" else f"{m.what} {m.text} in the translation is not in the "
                "source")
    here = sum(o.flaggable and bool(m.values & o.values) and _compatible(m, o) for o in own)
    other_side = "translation" if side == "source" else "source"
    return (f"{m.what} {m.text} occurs {_times(here)} in the {side}, "
            f"{_times(there)} in the {other_side}")


def _times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")
