"""Small word lists the rule-based checks share: function words, months, number words.

Kept deliberately short: each list holds the words that are frequent and
unambiguous enough to decide something on their own.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Frequent function words that identify a language (and that names are never made of).
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the of and to in is was that it he she for with as his her on be at by had have "
        "not this but from they you which were are or an my me we him would there their "
        "what so if all been will who when no one do said could them than into out then "
        "i a".split()
    ),
    "fr": frozenset(
        "le la les de des du et est un une que qui dans pour pas sur au aux il elle ne se "
        "ce cette son sa ses avec par plus mais nous vous ils elles était été être je tu "
        "me te lui leur y en on ou où mon ma mes ton ta tes donc car comme".split()
    ),
    "de": frozenset(
        "der die das und ist nicht ein eine einen dem den des zu mit sich auf für von im "
        "ich er sie es wir ihr war wird sind auch als aber wie noch nach bei aus wenn so "
        "hat haben nur oder über dass daß".split()
    ),
    "es": frozenset(
        "el la los las de del y que en un una es por con para no se su sus al lo como más "
        "pero le ya o este esta fue ha muy yo también".split()
    ),
    "it": frozenset(
        "il lo la i gli le di del della che e è un una per non con si da al alla sono ma "
        "come più anche questo questa ho ha".split()
    ),
    "pt": frozenset(
        "o a os as de do da dos das e que em um uma para com não se por mais na no ao "
        "como mas foi ele ela é são".split()
    ),
    "nl": frozenset(
        "de het een en van in is dat op te zijn met voor niet aan er maar ook als bij "
        "door om dan wat ze hij zij wij ik".split()
    ),
}


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    decomposed = unicodedata.normalize("NFKD", c.casefold())
    plain = "".join(x for x in decomposed if not unicodedata.combining(x))
    return plain[:1] or c


#: The music notes that subtitles open and close a song's line or a sound's description with
#: (``♪ Hey, hey ♪``, ``♪ Soft piano music ♪``).
MUSIC_NOTES = "♪♫♬"


@lru_cache(maxsize=1 << 17)
def fold(text: str) -> str:
    """Lower case without accents (``Andrés`` → ``andres``), one character for one, so that
    offsets into the folded text are offsets into `text`.

    Cached: the checks fold the same words many times over."""
    if text.isascii():
        return text.lower()
    return "".join(map(_fold_char, text)).replace("’", "'")


MONTHS: dict[str, int] = {}
#: The Polish, Russian and Ukrainian months in the locative, in which they say when ("в
#: июле", "у липні", "w lipcu").
_LOCATIVE_MONTHS = (
    "styczniu lutym marcu kwietniu maju czerwcu lipcu sierpniu wrześniu październiku "
    "listopadzie grudniu",
    "январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре",
    "січні лютому березні квітні травні червні липні серпні вересні жовтні листопаді "
    "грудні",
)
LOCATIVE_MONTHS = frozenset(fold(word) for words in _LOCATIVE_MONTHS for word in words.split())
for _lang_months in (
    "january february march april may june july august september october november december",
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "januar februar märz april mai juni juli august september oktober november dezember",
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
    "dicembre",
    "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "januari februari maart april mei juni juli augustus september oktober november december",
    # Polish, Russian, Ukrainian and Greek write a date's month in the genitive ("3 maja",
    # "3 мая", "3 Μαΐου"): both forms.
    "styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik "
    "listopad grudzień",
    "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października "
    "listopada grudnia",
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь",
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "січень лютий березень квітень травень червень липень серпень вересень жовтень "
    "листопад грудень",
    "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада "
    "грудня",
    # ... and the locative, in which they say when ("в июле", "у липні", "w lipcu").
    *_LOCATIVE_MONTHS,
    "ιανουάριος φεβρουάριος μάρτιος απρίλιος μάιος ιούνιος ιούλιος αύγουστος σεπτέμβριος "
    "οκτώβριος νοέμβριος δεκέμβριος",
    "ιανουαρίου φεβρουαρίου μαρτίου απριλίου μαΐου ιουνίου ιουλίου αυγούστου σεπτεμβρίου "
    "οκτωβρίου νοεμβρίου δεκεμβρίου",
    "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık",
):
    for _number, _name in enumerate(_lang_months.split(), start=1):
        MONTHS.setdefault(fold(_name), _number)
MONTHS.update({"jan": 1, "feb": 2, "aug": 8, "oct": 10, "nov": 11, "dec": 12})
#: Months written short (« 5 janv. », *Jan. 5*, „3. Okt.“, « 2 de ago. »), folded; those
#: that are words too ("ago", "mar", "jun") are months only next to a number
#: (`AMBIGUOUS_MONTHS`).  Not French « sept. », which is the number seven as well.
MONTHS.update({
    "janv": 1, "fevr": 2, "avr": 4, "juil": 7, "juill": 7,  # French (oct, nov, déc above)
    "apr": 4, "jun": 6, "jul": 7, "sep": 9, "mar": 3,  # English
    "mrz": 3, "okt": 10, "dez": 12,  # German (Jan., Feb., Apr., Aug., Sep., Nov. above)
    "ene": 1, "abr": 4, "ago": 8, "dic": 12,  # Spanish, Portuguese, Italian
    "mrt": 3, "mei": 5,  # Dutch
})
#: "may" and "mars" are frequent words too: a month only next to a number.
AMBIGUOUS_MONTHS = frozenset(fold(word) for word in (
    "may", "mars", "march", "mai",
    # ... and words of other languages: Polish "luty" (fierce), Turkish "ocak" (hearth),
    # "nisan" (engagement), "ekim" (sowing), "aralık" (interval), "mart", "kasım" (a name).
    "luty", "ocak", "mart", "nisan", "ekim", "kasım", "aralık",
    # ... and Portuguese "março", "marco" once folded, as the name Marco is.
    "março",
    # ... and Polish "maj", the French "MAJ" (mise à jour) and "Maj" (the Shift key);
    # "maja", "jan", the names Maja and Jan; "marca", a brand in Spanish, Italian and
    # Portuguese; "mayo", mayonnaise.
    "maj", "maja", "jan", "marca", "mayo",
    # ... and locatives that are other words too: Polish "lutym" (fierce), "maju" (Maja
    # called), Ukrainian "лютому" (fierce), "травні" (digestive), "грудні" (of the chest).
    "lutym", "maju", "лютому", "травні", "грудні",
    # ... and the months written short that are words: English "ago", "mar"; "jun", "jul"
    # (names), Spanish "ene" (the letter n), Dutch "mei" (Maja), "avr", "abr", "dic", "sep".
    "ago", "mar", "jun", "jul", "ene", "mei", "avr", "abr", "dic", "sep", "mrt", "apr"))

#: The Russian, Ukrainian and Polish magnitude words and their abbreviations, by factor, in
#: the cases a number puts them in (``3,5 млрд``, ``2 миллиона``, ``15 тысяч``, ``2,5
#: miliarda``, ``12 tysięcy``), written as they are (the accusative ``тысячу`` too; not the
#: other cases, nor Russian ``миллионы``, which follow no number).
SLAVIC_MAGNITUDES = {
    10**3: "тыс тысяча тысячи тысяч тысячу тис тисяча тисячі тисяч тисячу tys tysiąc tysiąca "
           "tysiące tysięcy",
    10**6: "млн миллион миллиона миллионов мільйон мільйона мільйони мільйонів mln "
           "milion miliona miliony milionów",
    10**9: "млрд миллиард миллиарда миллиардов мільярд мільярда мільярди мільярдів "
           "mld miliard miliarda miliardy miliardów",
    10**12: "трлн триллион триллиона триллионов трильйон трильйона трильйони "
            "трильйонів bilion biliona biliony bilionów",
}

#: Spelled numbers (folded), used only as counterparts of digits on the other side.
NUMBER_WORDS: dict[str, int] = {}
for _lang_numbers in (
    # English, French, German, Spanish, Italian: 1-20, tens, hundred, thousand, million
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty",
    "un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze "
    "seize dix-sept dix-huit dix-neuf vingt",
    "eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn "
    "fünfzehn sechzehn siebzehn achtzehn neunzehn zwanzig",
    "uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince "
    "dieciséis diecisiete dieciocho diecinueve veinte",
    "uno due tre quattro cinque sei sette otto nove dieci undici dodici tredici quattordici "
    "quindici sedici diciassette diciotto diciannove venti",
):
    for _number, _name in enumerate(_lang_numbers.split(), start=1):
        NUMBER_WORDS.setdefault(fold(_name), _number)
for _tens in (
    "thirty forty fifty sixty seventy eighty ninety",
    "trente quarante cinquante soixante septante huitante nonante",
    "dreissig vierzig fünfzig sechzig siebzig achtzig neunzig",
    "treinta cuarenta cincuenta sesenta setenta ochenta noventa",
    "trenta quaranta cinquanta sessanta settanta ottanta novanta",
):
    for _number, _name in enumerate(_tens.split(), start=3):
        NUMBER_WORDS.setdefault(fold(_name), _number * 10)
NUMBER_WORDS.update(
    {
        "une": 1,
        "ein": 1,
        "eine": 1,
        "una": 1,
        "dreißig": 30,
        "fourty": 40,
        "hundred": 100,
        "cent": 100,
        "cents": 100,
        "hundert": 100,
        "cien": 100,
        "ciento": 100,
        "cento": 100,
        "thousand": 1000,
        "mille": 1000,
        "tausend": 1000,
        "mil": 1000,
        "million": 1_000_000,
        "millions": 1_000_000,
        "millionen": 1_000_000,
        "millones": 1_000_000,
        "milioni": 1_000_000,
        "dozen": 12,
        "douzaine": 12,
        "dutzend": 12,
        "half": 0.5,
        "demi": 0.5,
        "demie": 0.5,
        "moitie": 0.5,
    }
)
# Russian, Ukrainian and Polish, with the case forms a number takes after a preposition or
# a verb ("двух друзей", "п'яти днів", "pięciu dni").  Left out: Russian "семью" (also
# "family"), "сорока" (a magpie), "раз" (a time, as in "once"), Polish "jeden" (German
# "every").  Polish "sto" is also Italian "(I) am": a counterpart only, like "cent".
for _number, _names in enumerate((
    "один одна одно одну одного одной одному "
    "одне однієї одній jedna jedno jednego jednej jednemu",
    "два две двух двум двумя дві двох двом двома dwa dwie dwóch dwu dwoma dwom dwiema",
    "три трёх трём тремя трьох трьом трьома trzy trzech trzem trzema",
    "четыре четырёх четырём четырьмя чотири чотирьох чотирьом cztery czterech czterem",
    "пять пяти пятью п'ять п’ять п'яти п’яти pięć pięciu",
    "шесть шести шестью шість sześć sześciu",
    "семь семи сім siedem siedmiu",
    "восемь восьми восемью вісім osiem ośmiu",
    "девять девяти девятью дев'ять дев’ять дев'яти дев’яти dziewięć dziewięciu",
    "десять десяти десятью dziesięć dziesięciu",
    "одиннадцать одиннадцати одинадцять jedenaście jedenastu",
    "двенадцать двенадцати дванадцять dwanaście dwunastu",
    "тринадцать тринадцати тринадцять trzynaście trzynastu",
    "четырнадцать четырнадцати чотирнадцять czternaście czternastu",
    "пятнадцать пятнадцати п'ятнадцять п’ятнадцять piętnaście piętnastu",
    "шестнадцать шестнадцати шістнадцять szesnaście szesnastu",
    "семнадцать семнадцати сімнадцять siedemnaście siedemnastu",
    "восемнадцать восемнадцати вісімнадцять osiemnaście osiemnastu",
    "девятнадцать девятнадцати дев'ятнадцять дев’ятнадцять dziewiętnaście dziewiętnastu",
    "двадцать двадцати двадцять dwadzieścia dwudziestu",
), start=1):
    for _name in _names.split():
        NUMBER_WORDS.setdefault(fold(_name), _number)
for _number, _names in enumerate((
    "тридцать тридцати тридцять trzydzieści trzydziestu",
    "сорок czterdzieści czterdziestu",
    "пятьдесят пятидесяти п'ятдесят п’ятдесят pięćdziesiąt pięćdziesięciu",
    "шестьдесят шестидесяти шістдесят sześćdziesiąt sześćdziesięciu",
    "семьдесят семидесяти сімдесят siedemdziesiąt siedemdziesięciu",
    "восемьдесят восьмидесяти вісімдесят osiemdziesiąt osiemdziesięciu",
    "девяносто девяноста дев'яносто дев’яносто dziewięćdziesiąt dziewięćdziesięciu",
), start=3):
    for _name in _names.split():
        NUMBER_WORDS.setdefault(fold(_name), _number * 10)
for _number, _names in enumerate((
    "двести двухсот двісті двохсот dwieście dwustu",
    "триста трёхсот трьохсот trzysta trzystu",
    "четыреста четырёхсот чотириста чотирьохсот czterysta czterystu",
    "пятьсот пятисот п'ятсот п’ятсот pięćset pięciuset",
    "шестьсот шестисот шістсот sześćset sześciuset",
    "семьсот семисот сімсот siedemset siedmiuset",
    "восемьсот восьмисот вісімсот osiemset ośmiuset",
    "девятьсот девятисот дев'ятсот дев’ятсот dziewięćset dziewięciuset",
), start=2):
    for _name in _names.split():
        NUMBER_WORDS.setdefault(fold(_name), _number * 100)
for _name in "сто ста sto stu".split():
    NUMBER_WORDS.setdefault(_name, 100)
# The Slavic words of a thousand and a million, not their abbreviations (``тыс``, ``млн``).
for _factor in (1000, 1_000_000):
    for _name in SLAVIC_MAGNITUDES[_factor].split():
        if len(_name) > 3:
            NUMBER_WORDS.setdefault(fold(_name), _factor)
# Ordinals are numbers too ("2nd edition" = "deuxième édition" = "zweite Auflage"):
# English, French (cardinal + "ième"), German (with its endings).  "second" and
# "seconde" are left out: they are also units of time.
for _number, _name in enumerate(
    "first _ third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
    "twentieth".split(), start=1):
    NUMBER_WORDS.setdefault(_name, _number)
for _number, _name in enumerate("thirtieth fortieth fiftieth sixtieth seventieth "
                                "eightieth ninetieth".split(), start=3):
    NUMBER_WORDS.setdefault(_name, _number * 10)
NUMBER_WORDS.update({"hundredth": 100, "thousandth": 1000, "premier": 1, "premiere": 1,
                     "premiers": 1, "premieres": 1, "unieme": 1, "centieme": 100,
                     "millieme": 1000})
for _number, _name in enumerate(
    "_ deuxieme troisieme quatrieme cinquieme sixieme septieme huitieme neuvieme dixieme "
    "onzieme douzieme treizieme quatorzieme quinzieme seizieme dix-septieme dix-huitieme "
    "dix-neuvieme vingtieme".split(), start=1):
    NUMBER_WORDS.setdefault(_name, _number)
for _number, _name in enumerate("trentieme quarantieme cinquantieme soixantieme".split(),
                                start=3):
    NUMBER_WORDS.setdefault(_name, _number * 10)
for _number, _stem in enumerate(
    "erst zweit dritt viert fünft sechst siebt _ neunt zehnt elft zwölft".split(),
    start=1):
    for _ending in ("e", "er", "en", "em", "es"):
        NUMBER_WORDS.setdefault(_stem + _ending, _number)
# ... past twelve, as centuries are named ("im neunzehnten Jahrhundert"); "zwanzigst",
# "dreißigst" take an "s".
for _number, _stem in enumerate(
    "dreizehnt vierzehnt fünfzehnt sechzehnt siebzehnt achtzehnt neunzehnt".split(),
    start=13):
    for _ending in ("e", "er", "en", "em", "es"):
        NUMBER_WORDS.setdefault(_stem + _ending, _number)
for _number, _stem in ((20, "zwanzigst"), (30, "dreißigst"), (100, "hundertst")):
    for _ending in ("e", "er", "en", "em", "es"):
        NUMBER_WORDS.setdefault(_stem + _ending, _number)
# ("achte", "achten", "Achter" are as often a verb or an eight-oared boat: left out.)
for _name in [k for k in NUMBER_WORDS if k.startswith("_")]:
    del NUMBER_WORDS[_name]
NUMBER_WORDS = {fold(k): v for k, v in NUMBER_WORDS.items()}

_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def roman_value(token: str) -> int | None:
    """The value of an upper-case Roman numeral (``III`` → 3), None if `token` is not one."""
    if not token or not token.isupper() or any(c not in "IVXLCDM" for c in token):
        return None
    values = [_ROMAN_VALUES[c] for c in token.lower()]
    total = sum(-v if k + 1 < len(values) and v < values[k + 1] else v
                for k, v in enumerate(values))
    return total if total > 0 else None


#: Serbo-Croatian (Croatian, Bosnian, Serbian in either script): the particle, the
#: negative pronouns of both standards ("nitko", "niko"; "nigdje", "nigde"), and (in
#: `_FUSED`) the fused negative forms of "to be", "will" and "to have" ("nisam", "neće",
#: "nema": there is no) and of the imperative "nemoj" (don't).
_SERBO_CROATIAN = (
    "ne ni niti nikad nikada nitko niko nikoga nikome nikim ništa ničega ničemu ničim "
    "nigdje nigde nikamo nikuda nijedan nijedna nijedno nijednog nijednoj nikakav nikakva "
    "nikakvo nikakve nikakvi nikakvih nikakvog nipošto bez")
_SERBO_CROATIAN_FUSED = (
    "nisam nisi nije nismo niste nisu neću nećeš neće nećemo nećete nemam nemaš nema nemamo "
    "nemate nemaju nemoj nemojte nemojmo")
_SERBIAN_CYRILLIC = (
    "не ни нити никад никада нико никога никоме ником ништа ничега ничему ничим нигде "
    "нигдје никуда ниједан ниједна ниједно никакав никаква никакво никакве никакви без")
_SERBIAN_CYRILLIC_FUSED = (
    "нисам ниси није нисмо нисте нису нећу нећеш неће нећемо нећете немам немаш нема "
    "немамо немате немају немој немојте")
#: Danish, with the Norwegian spellings ("aldri", "uten"): `align.language` reads Norwegian
#: as Danish.
_DANO_NORWEGIAN = ("ikke ikkje aldrig aldri ingen inga intet inget inkje ingenting ingensteds "
                   "ingenstad uden uten hverken verken")
#: The negations fused with the verb they negate, one word for both ("nije": is not,
#: "nemam": I have not, "няма": there is not, "nincs", "n-am"), per language (a negation
#: joined to a pronoun, Romanian "nu-mi", is one word with it too).  The word aligner
#: pairs such a word with the other side's verb (or pronoun) as readily when that side
#: drops the negation as when it keeps it: the pair says nothing of the negation
#: (`align.checks.meaning_shift`).  English's own ("cannot", "isn't") are read with their
#: verb there.
_FUSED = {
    "cs": "nejsem nejsi nejsme nejste nejsou",
    "sk": "niet",
    "hr": _SERBO_CROATIAN_FUSED,
    "bs": f"{_SERBO_CROATIAN_FUSED} {_SERBIAN_CYRILLIC_FUSED}",
    "sr": f"{_SERBO_CROATIAN_FUSED} {_SERBIAN_CYRILLIC_FUSED}",
    # "ni" is "is not"; "nimam" has not, "nočem" will not.
    "sl": "ni nisem nisi nisva nista nismo niste niso nimam nimaš nima nimava nimata nimamo "
          "nimate nimajo nočem nočeš noče nočemo nočete nočejo",
    # "няма": "there is no", and the future's "will not"; "недей": don't.
    "bg": "няма нямам нямаш нямаме нямате нямат нямаше недей недейте",
    "mk": "нема немам немаш немаме немате немаат немаше немој немојте",
    "uk": "немає нема",
    "be": "няма",
    # "nu-mi", "n-am": a negation joined to the pronoun or verb after it.
    "ro": "n-am n-ai n-a n-au n-ați n-are n-aveam n-avea n-aveau n-aș n-ar n-o nu-i nu-mi "
          "nu-ți nu-l nu-și nu-s nu-o",
    "hu": "nincs nincsen nincsenek sincs sincsen sincsenek",
}
FUSED_NEGATIONS = {language: frozenset(map(fold, listed.split()))
                   for language, listed in _FUSED.items()}
#: The words that negate, per language (folded when built: no accents, lower case, a
#: Greek final sigma as any other), those of `_FUSED` included.  Czech and Slovak negate
#: a verb by its prefix ("nevím"), which `align.checks.meaning_shift` reads; their lists
#: hold the separate words, and the negated "to be" of Czech, whose "nej-" is otherwise a
#: superlative's.  Turkish has none: it negates a verb by a suffix ("bilmiyorum"), and its
#: separate words ("değil", "yok", "hiç") are in a quarter of the system's Turkish
#: translations of English strings that negate.
NEGATIONS = {language: frozenset(map(fold, f"{listed} {_FUSED.get(language, '')}".split()))
             for language, listed in {
    "en": "not never no nothing nobody none neither nor nowhere without cannot",
    "fr": "non pas jamais rien aucun aucune sans ni nullement guere",
    "de": "nicht nie niemals nichts niemand kein keine keinen keinem keiner keines "
          "ohne weder nirgends nirgendwo",
    "es": "no nunca nada nadie ningun ninguna ningunos sin ni jamas tampoco",
    "it": "non mai niente nulla nessuno nessuna senza ne",
    "pt": "nao nunca nada ninguem nenhum nenhuma sem nem jamais",
    "nl": "niet nooit niets niemand geen zonder noch nergens",
    "ru": "не нет ни никогда ничего ничто никто нигде никакой никакая никакое "
          "никакие без нельзя",
    # Not "no" (well), nor "nie-" as a prefix ("nieznany": unknown, as "unknown").
    "pl": "nie nigdy nic niczego niczym niczemu nikt nikogo nikomu nikim nigdzie donikąd "
          "znikąd żaden żadna żadne żadnego żadnej żadnych żadnym żadnemu żadną żadni "
          "bez ani",
    "cs": "ne nikdo nikoho nikomu nikým nic ničeho ničemu ničím nikdy nikde nikam odnikud "
          "nijak nijaký nikoli nikoliv žádný žádná žádné žádného žádnou žádných žádnému "
          "žádným žádní bez ani ne-li",
    "sk": "nie nikto nikoho nikomu nikým nič ničoho ničomu ničím nikdy nikde nikam "
          "odnikiaľ nijaký nijaká nijaké nijako žiadny žiadna žiadne žiadneho žiadnej "
          "žiadnu žiadnych žiadnym žiadnemu žiadni bez ani",
    "hr": _SERBO_CROATIAN,
    "bs": f"{_SERBO_CROATIAN} {_SERBIAN_CYRILLIC}",
    "sr": f"{_SERBO_CROATIAN} {_SERBIAN_CYRILLIC}",
    "sl": "ne niti nikoli nihče nikogar nikomur nikomer ničesar nič ničemur ničimer nikjer "
          "nikamor noben nobena nobeno nobenega nobene nobenih nobenim nikakor brez",
    # Not "ни", which is "us" in Bulgarian and Macedonian ("Той ни каза"); "нито … нито"
    # is "neither … nor".
    "bg": "не никога нищо никой никоя никое никои никого никому никакъв никаква никакво "
          "никакви никъде нито без",
    "mk": "не никогаш ништо никој никоја никое никои никого никому никаков никаква никакво "
          "никакви никаде ниту без",
    "uk": "не ні ані ніколи нічого ніщо ніхто нікого нікому ніким ніде нікуди "
          "ніякий ніяка ніяке ніякі жоден жодна жодне жодні жодного жодної без",
    "be": "не ні ані ніколі нічога нішто ніхто нікога нікому нікім нідзе нікуды ніякі "
          "ніякая ніякае ніякага жадзен жадная жаднае без",
    # "δε" is "δεν" before a consonant; "μη", "μην" negate the subjunctive and the
    # imperative; "τίποτα", "κανείς", "ποτέ", "πουθενά" are also "anything", "anyone",
    # "ever", "anywhere" in a question, as French "jamais", "rien" are.
    "el": "δεν δε μην μη όχι ούτε μήτε ουδέ ουδέποτε τίποτα τίποτε κανείς κανένας κανένα "
          "κανέναν κανενός καμία καμιά καμίας ποτέ πουθενά χωρίς δίχως",
    "ro": "nu nici niciodată nimic nimeni nimănui nicăieri niciun nicio niciunul niciuna "
          "niciunui niciunei nicidecum fără",
    "hu": "nem ne sem se soha sohasem sose "
          "sosem semmi semmit semmire semmiről semmiben semmibe semmivel semmiért semmiből "
          "semmilyen semmiféle semmiképp semmiképpen senki senkit senkinek senkivel senkiről "
          "senkitől senkihez sehol sehova sehová sehonnan nélkül",
    "sv": "inte icke ej aldrig ingen inget inga ingenting ingenstans utan varken",
    "da": _DANO_NORWEGIAN,
    "nb": _DANO_NORWEGIAN, "nn": _DANO_NORWEGIAN, "no": _DANO_NORWEGIAN,
    # Not "cap" ("cap a": towards), "gens", "pas" (a step), which a "no" goes with anyway.
    "ca": "no mai res ningú enlloc tampoc sense ni",
}.items()}
#: Words of some language's list that are frequent words of another, which negate nothing
#: there (as counted in the system's translations of English strings and in the
#: development texts): Catalan "sense" (without) is English "sense", "res" (nothing) the
#: "res" (resolution) of English and French, Romanian "nu" the Swedish and Danish "nu"
#: (now), "fără" once folded the Catalan "farà" (will do), Hungarian "se" the pronoun of
#: the Romance and South Slavic languages, Swedish "utan" (without) the Hungarian "után"
#: (after), "ej" the Spanish "ej." (e.g.), Slovenian "nočeš" the French "noces".
_NOT_EVERYWHERE = frozenset(map(fold, "sense res nu fără se utan ej nočeš".split()))
#: Every list at once, but for `_NOT_EVERYWHERE`: the negation words of a side whose
#: language is not known, and those the word aligner keeps from joining a word that does
#: not negate.
NEGATION_WORDS = frozenset().union(*NEGATIONS.values()) - _NOT_EVERYWHERE


# -- plural forms: what CLDR says of each language's cardinal categories, which the
# resource reader (forms a translation needs) and the placeholder check (forms that hold
# one number alone) both read.

#: The plural forms (CLDR's cardinal categories) each language's strings need, those
#: marked ``?`` used only for numbers a count rarely is (French "many" for a million,
#: Czech "many" for fractions; Android and iOS fall back to "other" there).  A language
#: not listed has "one" and "other".
PLURAL_FORMS = {code: forms.split() for codes, forms in (
    ("id ja km ko lo ms my th vi zh", "other"),
    ("be pl ru uk", "one few many other"),
    ("cs lt sk", "one few many? other"),
    ("ca es fr it pt", "one many? other"),
    ("bs hr ro sr", "one few other"),
    ("lv", "zero one other"),
    ("he", "one two other"),
    ("sl", "one two few other"),
    ("ga mt", "one two few many other"),
    ("ar cy", "zero one two few many other"),
) for code in codes.split()}
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")


def plural_categories(language: str | None) -> tuple[tuple[str, ...] | None, frozenset[str]]:
    """The plural forms a language's strings need, in CLDR's order (None for a language
    not known), and those it may leave out."""
    if language is None:
        return None, frozenset()
    forms = PLURAL_FORMS.get(language, ["one", "other"])
    return (tuple(f for f in forms if not f.endswith("?")),
            frozenset(f[:-1] for f in forms if f.endswith("?")))


#: The languages whose CLDR plural category ``one`` holds the number 1 alone (English
#: ``one``: 1; not French or Portuguese, whose ``one`` is 0 and 1, nor Russian,
#: Ukrainian, Croatian or Lithuanian, whose ``one`` is also 21, 31 …).
ONE_IS_ONE = frozenset(
    "af ast az bg ca cs da de el en eo es et eu fi fo fy gl hu it ka kk ky lb ml mn mr nb "
    "ne nl nn no pl ps rm ro sk so sq sv sw ta te tk tr ug ur uz".split())
#: The CLDR plural categories that hold one number alone, by language: a plural form
#: written for it may leave the number out (Arabic ``zero`` "لا توجد صور", ``one``
#: "صورة واحدة", ``two`` "صورتان").
SINGLE_NUMBER_FORMS: dict[str, frozenset[str]] = {
    **{language: frozenset({"one"}) for language in ONE_IS_ONE},
    "ar": frozenset({"zero", "one", "two"}),
    "cy": frozenset({"zero", "one", "two", "few", "many"}),
    "he": frozenset({"one", "two"}), "iw": frozenset({"one", "two"}),
    "ga": frozenset({"one", "two"}), "mt": frozenset({"one", "two"}),
    "se": frozenset({"one", "two"}), "iu": frozenset({"one", "two"}),
}


# -- keyboards

#: The keys of a keyboard, as English, French, German, Spanish, Italian, Portuguese and
#: Dutch keyboards and manuals name them: each modifier's names, by the key they name ...
KEYBOARD_MODIFIERS = {
    "ctrl": "Ctrl Ctrl. Control Ctl Strg Contrôle Controle ⌃",
    "shift": "Shift Maj Umschalt Umschalttaste Umsch Mayús Mayus Maiusc ⇧",
    "alt": "Alt AltGr Option Opt Wahltaste ⌥",
    "cmd": "Cmd Command Befehl Commande Comando ⌘",
    "win": "Win Windows Super ⊞",
    "fn": "Fn",
}
#: ... and each other named key's.  The shortcut check reads keys by them, the name check
#: knows them for no names.
KEYBOARD_KEYS = {
    "enter": "Enter Return Entrée Entree Eingabe Eingabetaste Intro Invio ↵ ⏎",
    "esc": "Esc Escape Échap Echap Échappement",
    "tab": "Tab Tabulation Tabulator Tabulación Tabulazione ⇥",
    "space": "Space Spacebar Espace Leertaste Espacio Spazio Spatie Espaço",
    "delete": "Delete Del Suppr Entf Supr Canc Excluir ⌦",
    "backspace": "Backspace Rücktaste Retroceso ⌫",
    "home": "Home Pos1 Début Debut Inicio Origine",
    "end": "End Fin Ende Fine",
    "pgup": "PgUp PageUp BildAuf RePág RePag",
    "pgdn": "PgDn PgDown PageDown BildAb AvPág AvPag",
    "insert": "Insert Ins Inser Einfg Insertar",
    "up": "Up ↑ Haut Oben Arriba",
    "down": "Down ↓ Bas Unten Abajo",
    "left": "Left ← Gauche Links Izquierda Sinistra",
    "right": "Right → Droite Rechts Derecha Destra",
}

#: Units of measure as languages write them after a number or a placeholder (``5 MB`` =
#: ``5 Mo``, ``{0} KB`` = ``{0} Ko``, ``%s GHz``), case as written: sizes in bytes (French
#: octets: ``o``, ``Ko``, ``Mo``, ``Go``, ``To``), bits and rates, frequencies, and the
#: lengths of screens and type.  No unit is a name, though ``Go``, ``To`` and ``Mo`` are
#: words or names elsewhere; the name check reads those as units beside a number only.
UNITS = frozenset("""
    B o KB Ko kB ko Kb kb KiB Kio MB Mo Mb MiB Mio GB Go Gb GiB Gio TB To Tb TiB Tio PB Po PiB
    byte bytes Byte Bytes octet octets Octet Octets bit bits Bit Bits Kbit kbit Mbit Gbit
    bps kbps Kbps Mbps Gbps kbit/s Mbit/s Gbit/s Hz kHz KHz MHz GHz THz
    px pt pts dp dip sp em rem dpi ppi PPI DPI fps FPS ms
""".split())


# -- opposites ----------------------------------------------------------------------------


def _opposite_entries(words: str) -> tuple[frozenset[str], tuple[str, ...]]:
    listed = words.split()
    return (frozenset(w for w in listed if not w.endswith("*")),
            tuple(w[:-1] for w in listed if w.endswith("*")))


#: Words of opposite sense, by concept: (concept, its opposite, {language: words}).  A word
#: ending in ``*`` stands for every word it begins (folded, ``après`` as ``apres``); the
#: others are matched whole.  Only words that say one thing whatever the context, and in
#: the languages whose words are listed: `fall` is also autumn, `fermer` is listed form by
#: form since `fermier` and `fermement` are no closing (and `ouvrir` since `ouvrier` is no
#: opening, `perdre` since Spanish `perdón` is no loss), `compra*` is not `comprender`,
#: `vend*` not `vendredi` (`_NOT_OPPOSITES`).  `align.checks.meaning_shift`
#: reports a word the word aligner pairs with a word of the opposite concept.
_OPPOSITE_PAIRS: tuple[tuple[str, str, dict[str, str], dict[str, str]], ...] = (
    ("before", "after",
     {"en": "before beforehand", "fr": "avant auparavant", "de": "bevor vorher zuvor",
      "es": "antes", "pt": "antes"},
     {"en": "after afterwards afterward", "fr": "apres", "de": "nachdem nachher",
      "es": "despues", "it": "dopo", "pt": "depois"}),
    ("increase", "decrease",
     {"en": "increas* rise rises rising risen grew grow grows growing",
      "fr": "augment* hausse hausser* haussa* accru* accroi*",
      "de": "erhoh* gestiegen stieg steigt steigen zunahm zugenommen",
      "es": "aument* crec*", "it": "aument* cresc*", "pt": "aument* cresc*"},
     {"en": "decreas* declin* fell falls falling fallen dropped dropping shrank shrink* "
            "reduc*",
      "fr": "diminu* baiss* redui* reduction*",
      "de": "gesunken sank sinkt sinken verringer* abnahm abgenommen",
      "es": "disminu* reduc* reduj*", "it": "diminu* riduz* ridott* ridur*",
      "pt": "diminu* reduz* reduc*"}),
    ("open", "close",
     {"en": "open opens opened opening",
      "fr": "ouvrir ouvre ouvres ouvrent ouvrait ouvraient ouvrit ouvrirent ouvrez ouvrons "
            "ouvrant ouvrira ouvriront ouvert* ouverture*",
      "de": "offn* geoffnet", "es": "abrir abre abren abrio abierto abierta abiertos",
      "it": "aprire apre aprono apri aperto aperta aperti", "pt": "abrir abre aberto aberta"},
     {"en": "closes closed closing shut shuts",
      "fr": "fermer ferme fermes fermee fermees fermait fermaient ferma fermerent fermez "
            "fermons fermant fermera fermeront fermeture*",
      "de": "schliesen schliest schliese schliessen schliesst geschlossen schlossen",
      "es": "cerra* cerro cerre cierr*", "it": "chiud* chius*", "pt": "fecha* fecho fechou"}),
    ("accept", "refuse",
     {"en": "accept*", "fr": "accept*", "de": "akzeptier* annehm* angenommen",
      "es": "acept*", "it": "accett*", "pt": "aceit*"},
     {"en": "refus* reject* declin*",
      "fr": "refus* rejet rejeter rejette rejettent rejetait rejeta rejete rejetee rejetes "
            "rejetees decliner declina declinait declinerent",
      "de": "ablehn* abgelehnt verweiger*", "es": "rechaz*", "it": "rifiut* respin*",
      "pt": "recus* rejeit*"}),
    ("win", "lose",
     {"en": "win wins winning won", "fr": "gagn* remport*", "de": "gewinn* gewann gewonnen",
      "es": "ganar gana ganan gano ganaron",
      "it": "vincere vince vincono vinse vinsero vinto vinta",
      "pt": "vencer vence vencem venceu venceram vencido vencida"},
     {"en": "lose loses losing lost",
      "fr": "perdre perd perds perdent perdait perdaient perdit perdirent perdu perdue perdus "
            "perdues perdant perdons perdez perdra perdront",
      "de": "verlier* verlor*",
      "es": "perder pierde pierden perdio perdieron perdido perdida perdia",
      "it": "perdere perde perdeva perse persero perso persa persi perduto perduta",
      "pt": "perder perde perdem perdeu perderam perdido perdida"}),
    ("buy", "sell",
     {"en": "buy buys buying bought", "fr": "achet* achat*",
      "de": "kaufen kauft kaufte kauften kaufe gekauft",
      "es": "compra* compro", "it": "compra* compro", "pt": "compra* compro comprou"},
     {"en": "sell sells selling sold", "fr": "vend*", "de": "verkauf*", "es": "vend*",
      "it": "vend*", "pt": "vend*"}),
    ("allow", "forbid",
     {"en": "allow allows allowed allowing permit permits permitted permitting",
      "fr": "autoris* permet*",
      "de": "erlaub*", "es": "permit*", "it": "permess* permett*", "pt": "permit*"},
     {"en": "forbid* forbade prohibit* banned", "fr": "interdi*",
      "de": "verbot* verbiet* untersag*", "es": "prohib*", "it": "proib* vieta*",
      "pt": "proib*"}),
    ("true", "false",
     {"en": "true", "fr": "vrai vraie vrais vraies", "de": "wahr", "es": "verdadero verdadera",
      "it": "vero vera veri vere", "pt": "verdadeiro verdadeira"},
     {"en": "false", "fr": "faux fausse fausses", "de": "falsch falsche falscher falsches",
      "es": "falso falsa", "it": "falso falsa falsi false", "pt": "falso falsa"}),
)
#: Words that the stems above begin but that are of no such sense.
_NOT_OPPOSITES = frozenset("vendredi vendredis vendange vendanges vendeen vendetta vendette "
                           "vendemmia vendimia vendaval vendaje offnung declinaison fechadura "
                           "fechaduras".split())
#: Two words that make an idiom of another sense: *before long* (soon), *after all*,
#: « après tout », « avant tout » (above all).
_OPPOSITE_IDIOMS = frozenset({("before", "long"), ("after", "all"), ("apres", "tout"),
                              ("avant", "tout")})
#: Words that restrict what a sentence says, by language, as a negation turns it round:
#: with one, the opposite word may say the same (*only allowed outside* = « interdit à
#: l'intérieur », *open every day except Monday* = « fermé le lundi », *far from true* =
#: « faux », *left open* = « on avait oublié de fermer »).  Stems end in ``*``.
_RESTRICTIVE = {
    "en": "only except excepting until till unless far forgot forget forgets forgotten "
          "neglected",
    "fr": "seulement sauf excepte hormis jusqu* loin oubli*",
    "de": "nur ausser auser bis fern vergess* vergas* versaum*",
    "es": "solo solamente excepto salvo hasta lejos olvid*",
    "it": "solo soltanto tranne eccetto fino lontano dimentic*",
    "pt": "so apenas exceto salvo ate longe esquec*",
}
_RESTRICTIVE_ENTRIES = {language: _opposite_entries(words)
                        for language, words in _RESTRICTIVE.items()}
#: The elided words French and Italian join to the next with an apostrophe.
_ELIDED = re.compile(r"^(?:l|d|s|n|qu|j|m|t|c|lorsqu|puisqu|jusqu|un|dell|all|nell|sull)'")




#: concept → (its opposite, {language: (whole words, stems)}).
OPPOSITES: dict[str, tuple[str, dict[str, tuple[frozenset[str], tuple[str, ...]]]]] = {}
for _a, _b, _a_words, _b_words in _OPPOSITE_PAIRS:
    OPPOSITES[_a] = (_b, {lang: _opposite_entries(w) for lang, w in _a_words.items()})
    OPPOSITES[_b] = (_a, {lang: _opposite_entries(w) for lang, w in _b_words.items()})


def _listed(key: str, by_language: dict, language: str | None) -> bool:
    entries = [by_language[language]] if language in by_language else (
        [] if language else list(by_language.values()))
    return any(key in whole or key.startswith(stems) for whole, stems in entries)


def opposite_concepts(word: str, language: str | None, following: str = "") -> frozenset[str]:
    """The concepts of `OPPOSITES` that `word` says in `language` (any listed language's
    where it is not known); `following`, the next word, may make an idiom of it."""
    concepts = _concepts(word, language)
    if concepts and (_ELIDED.sub("", fold(word)), fold(following)) in _OPPOSITE_IDIOMS:
        return frozenset()
    return concepts


@lru_cache(maxsize=1 << 16)
def _concepts(word: str, language: str | None) -> frozenset[str]:
    # Cached: every word of every link is asked about.
    key = _ELIDED.sub("", fold(word))  # « s'ouvrit », « l'achat »
    # A compound says something else: `après-midi`, `avant-garde`, `gagne-pain`.
    if key in _NOT_OPPOSITES or "-" in key:
        return frozenset()
    return frozenset(concept for concept, (_, by_language) in OPPOSITES.items()
                     if _listed(key, by_language, language))


@lru_cache(maxsize=1 << 16)
def restricts(word: str, language: str | None) -> bool:
    """Whether `word` restricts what its sentence says (`_RESTRICTIVE`; and French « ne »,
    which with « que » restricts as it negates with « pas »: « n'était permise qu'à partir
    de midi »)."""
    key = fold(word)
    if language in (None, "fr") and (key == "ne" or key.startswith("n'")):
        return True
    return any(_listed(k, _RESTRICTIVE_ENTRIES, language)
               for k in (key, _ELIDED.sub("", key).rstrip("'")))


# -- currencies and units of measure -------------------------------------------------------

#: Currencies and units of measure as languages write them beside a number, by the quantity
#: they name.  ``_`` stands for a space (``pour_cent``); a word written in lower case is also
#: read capitalised and in capitals (*Dollars*, ``EUROS``).  *Pounds* and ``livres`` weigh or
#: pay, and are one quantity either way; ``¥`` is yen or yuan.  Chinese, Japanese and Korean
#: write theirs after the number, with no space and the sentence going on (``500万美元的``,
#: ``3,000円です``).  Only words that name a unit
#: wherever they stand beside a number are listed: not ``l`` nor ``h`` (``20 h 30`` is a
#: time), not ``г`` (``1936 г.`` is a year), not ``mille`` (a thousand), not the words of
#: another language that may follow a year (Spanish *mi*, *ha*, French *mes*, *ton*,
#: Italian *ora*: ``En 1936 mes parents``).
_MEASURES = {
    # Currencies.
    "dollar": "$ US$ C$ A$ NZ$ HK$ USD CAD AUD NZD HKD dollar dollars dólar dólares dollaro "
              "dollari доллар доллара долларов δολάριο δολάρια dolar dolara dolarów "
              "美元 美金 港元 港币 ドル 달러",
    "euro": "€ EUR euro euros евро ευρώ 欧元 歐元 ユーロ 유로",
    "pound": "£ GBP pound pounds livre livres Pfund libra libras sterlina sterline sterling lb "
             "lbs фунт фунта фунтов 英镑 英鎊 ポンド 파운드",
    "franc": "CHF SFr FF franc francs Franken franco francos franchi франк франка франков "
             "法郎 フラン",
    "mark": "DM mark marks Reichsmark marco marcos",
    "yen": "¥ JPY yen yens 円 日元 日圓 엔",
    "yuan": "¥ CNY RMB yuan renminbi 元 人民币 人民幣 圆 块 위안",
    "won": "₩ KRW won 원 韩元 韓元 ウォン",
    "rouble": "₽ RUB rouble roubles ruble rubles Rubel rublo rublos rubli рубль рубля рублей "
              "卢布 ルーブル",
    "peseta": "peseta pesetas",
    "lira": "₺ TRY lira lire liras",
    "peso": "MXN ARS peso pesos",
    "rupee": "₹ INR rupee rupees roupie roupies Rupie Rupien rupia rupias 卢比 ルピー",
    "real": "R$ BRL reais",
    "crown": "SEK NOK DKK CZK Kč crown crowns couronne couronnes Krone Kronen corona coronas "
             "krona kronor krone kroner",
    "zloty": "PLN zł zloty zlotys złoty złotych",
    "forint": "HUF forint forints",
    "guilder": "NLG guilder guilders florin florins Gulden",
    "hundredth": "cent cents centime centimes céntimo céntimos centavo centavos centesimo "
                 "centesimi penny pence sou sous Rappen Pfennig Pfennige kopeck kopecks "
                 "копейка копейки копеек",
    # Shares.
    "percent": "% percent per_cent pour_cent pourcent Prozent por_ciento per_cento percento "
               "por_cento процент процента процентов",
    "permille": "‰ pour_mille Promille",
    # Lengths, areas, volumes, weights, temperatures.
    "kilometre": "km kilomètre kilomètres kilometre kilometres kilometer kilometers Kilometer "
                 "Kilometern kilómetro kilómetros chilometro chilometri quilômetro quilômetros "
                 "quilómetro quilómetros км",
    "metre": "m mètre mètres metre metres meter meters Meter Metern metro metros metri метр "
             "метра метров",
    "centimetre": "cm centimètre centimètres centimetre centimetres centimeter centimeters "
                  "Zentimeter centímetro centímetros centimetro centimetri см",
    "millimetre": "mm millimètre millimètres millimetre millimetres millimeter millimeters "
                  "Millimeter milímetro milímetros millimetro millimetri мм",
    "mile": "mile miles milles Meile Meilen milla millas miglio miglia milha milhas миля "
            "мили миль",
    "league": "lieue lieues league leagues legua leguas lega leghe légua léguas",
    "foot": "ft foot feet pied pieds Fuß Fuss pie pies piede piedi pé pés фут фута футов",
    "inch": "inch inches pouce pouces Zoll pulgada pulgadas pollice pollici polegada "
            "polegadas дюйм дюйма дюймов",
    "yard": "yd yard yards yarda yardas iarda iarde jarda jardas",
    "hectare": "hectare hectares Hektar hectárea hectáreas ettaro ettari гектар гектаров",
    "acre": "acre acres acri",
    "litre": "litre litres liter liters Liter Litern litro litros litri литр литра литров",
    "gallon": "gallon gallons Gallone Gallonen galón galones gallone galloni galão galões",
    "kilogram": "kg kilo kilos kilogramme kilogrammes kilogram kilograms Kilogramm kilogramo "
                "kilogramos chilo chilogrammo chilogrammi quilo quilos кг",
    "gram": "g gramme grammes gram grams Gramm gramo gramos grammo grammi grama gramas",
    "tonne": "tonne tonnes tons Tonne Tonnen tonelada toneladas tonnellata tonnellate "
             "тонна тонны тонн",
    "celsius": "°C ℃ Celsius",
    "fahrenheit": "°F ℉ Fahrenheit",
    # Units of time.
    "second": "sec second seconds seconde secondes Sekunde Sekunden segundo segundos "
              "secondo secondi",
    "minute": "min minute minutes Minute Minuten minuto minutos minuti",
    "hour": "hour hours heure heures Stunde Stunden hora horas ore o'clock o’clock Uhr",
    "day": "day days jour jours journée journées Tag Tage Tagen día días giorno giorni dia "
           "dias",
    "week": "week weeks semaine semaines Woche Wochen semana semanas settimana settimane",
    "month": "month months mois Monat Monate Monaten meses mese mesi mês",
    "year": "year years an ans année années Jahr Jahre Jahren año años anno anni ano anos",
    "century": "century centuries siècle siècles Jahrhundert Jahrhunderte siglo siglos secolo "
               "secoli século séculos",
}
#: A degree is one of temperature or of angle, whichever the other side says.
_DEGREES = "° degré degrés degree degrees Grad grado grados gradi grau graus градус градуса "\
           "градусов"
#: The currencies of `_MEASURES`: a reason says "another currency" between two of them.
CURRENCIES = frozenset(("dollar euro pound franc mark yen yuan won rouble peseta lira peso rupee "
                        "real crown zloty forint guilder hundredth").split())


def _measure_forms() -> dict[str, frozenset[str]]:
    forms: dict[str, set[str]] = {}
    for units, written in (*_MEASURES.items(), ("celsius fahrenheit angle", _DEGREES)):
        for form in written.split():
            form = form.replace("_", " ")
            variants = {form}
            if form.islower() and len(form) > 3:
                variants |= {form[:1].upper() + form[1:], form.upper()}
            for variant in variants:
                forms.setdefault(variant, set()).update(units.split())
    return {form: frozenset(units) for form, units in forms.items()}


#: Each written form of a currency or unit, and the quantities it may name.
MEASURES: dict[str, frozenset[str]] = _measure_forms()
#: The currencies written before a number (``$20``, ``US$ 5``, ``CHF 20``, ``€ 500``).
CURRENCIES_BEFORE = frozenset(
    form for form, units in MEASURES.items()
    if units <= CURRENCIES and (not form.isalpha() or len(form) <= 3 and form.isupper()))
#: Words between a number and the currency it counts: ``20 millions de dollars``, ``5 Mio.
#: Euro``, ``2 bn dollars``, ``3 mil dólares``, ``5m dollars`` (a magnitude only where a
#: currency or unit follows: ``5 m`` alone is metres).
MAGNITUDES = frozenset("""
    million millions milliard milliards billion billions trillion trillions thousand thousands
    millier milliers Million Millionen Milliarde Milliarden Mio Mill Mrd Mia Md Mds millón millones
    milione milioni miliardo miliardi milhão milhões bilhão bilhões mil k K bn mn m M
""".split()) | frozenset(" ".join(SLAVIC_MAGNITUDES.values()).split())


#: Prepositions, by language, in lower case with their accents (French « à », not « a »,
#: has; Spanish « de », not « dé », give): words that no verb renders.  Not those that are
#: also a common verb's form (« entre »: enter, enters).
PREPOSITIONS = {language: frozenset(listed.split()) for language, listed in {
    "en": "about above across after against along among around at before behind below "
          "beneath beside between beyond by during except for from in inside into near of "
          "off on onto over since through throughout to toward towards under until unto up "
          "upon via with within without",
    "fr": "à après avant avec chez contre dans de depuis derrière dès devant en envers "
          "hormis jusqu'à jusqu'au jusqu'aux malgré par parmi pendant pour sans selon sous "
          "sur vers",
    "de": "ab an auf aus außer bei bis durch für gegen hinter in mit nach neben ohne seit "
          "über um unter von vor während wegen zu zwischen",
    "es": "a ante bajo con contra de desde durante en hacia hasta mediante para por según "
          "sin sobre tras",
    "it": "a con di durante fino fra in per senza sopra sotto su tra verso",
    "pt": "a ante após até com contra de desde durante em para perante por sem sob sobre",
    "nl": "aan achter bij binnen boven buiten door in met na naar naast om onder op over "
          "per sinds tegen tijdens tot tussen uit van voor zonder",
}.items()}


def is_preposition(word: str, language: str | None) -> bool:
    """Whether `word` is a preposition of `language` (of any listed language where it is
    not known): `PREPOSITIONS`."""
    key = word.lower().replace("’", "'")
    listed = [PREPOSITIONS[language]] if language in PREPOSITIONS else (
        [] if language else list(PREPOSITIONS.values()))
    return any(key in entries for entries in listed)


#: The words for "without" (folded), a preposition whose phrase may be left out whole.
WITHOUT_WORDS = frozenset(map(fold, (
    "without ohne sans sin senza sem zonder utan uden uten bez без brez χωρίς δίχως fără "
    "nélkül sense").split()))

#: "Only with" (folded), by language: what "not … without" says ("may not keep pets
#: without consent" = „darf Haustiere nur mit Zustimmung halten“).
ONLY_WITH = {language: re.compile(rf"(?<!\w)(?:{pattern})(?!\w)") for language, pattern in {
    "en": r"only with", "de": r"nur mit", "fr": r"(?:seulement|uniquement) avec",
    "es": r"(?:solo|solamente|unicamente) con", "it": r"(?:solo|soltanto|solamente) con",
    "pt": r"(?:so|apenas|somente) com", "nl": r"alleen met",
}.items()}


#: "Only when" (folded), by language: what "not … until" says ("Do not connect the cable
#: until the software asks" = „Schließen Sie das Kabel erst an, wenn die Software …“,
#: « seulement quand », « solo cuando »).  German « erst » with its « wenn », « als »,
#: « nachdem » later in the sentence (alone it is also "first", "only just").
ONLY_WHEN = {language: re.compile(rf"(?<!\w)(?:{pattern})(?!\w)") for language, pattern in {
    "en": r"only (?:when|once|after)",
    "de": r"erst(?: dann)?(?!\w)[^.;:!?]{0,60}?(?<!\w)(?:wenn|als|nachdem)",
    "fr": r"(?:seulement|uniquement) (?:quand|lorsqu\w*|apres|une fois)|que (?:quand|lorsqu\w*)",
    "es": r"(?:solo|solamente|unicamente) (?:cuando|despues)",
    "it": r"(?:solo|soltanto|solamente) (?:quando|dopo)",
    "pt": r"(?:so|apenas|somente) (?:quando|depois)",
    "nl": r"pas (?:als|wanneer|nadat)",
}.items()}
#: The words for "until" (folded), by language, which a negation before them in their
#: clause makes "only when" ("do not … until", « ne … pas avant »).  Not German « bis »,
#: « bevor » nor Spanish « hasta »: as conjunctions they follow a comma, outside the
#: negation's clause, and in its clause they are the preposition, where the negation is
#: the statement's (« Ich kann nicht bis morgen warten »); nor the prepositions « fino »,
#: « até », « tot » for the same reason.
UNTIL_WORDS = {language: frozenset(listed.split()) for language, listed in {
    "en": "until till", "fr": "avant", "it": "finche", "nl": "voordat",
}.items()}


# -- bounds ---------------------------------------------------------------------------------

#: The verbs of exceeding ("upper") and of falling below ("lower"), and the comparatives that
#: say the same with their "than", by language (folded; ``*`` ends a stem): negated, they set
#: a bound, not a denial ("shall not exceed EUR 5,000": at most EUR 5,000; "must not be less
#: than", « ne peut être inférieure à », „darf nicht unterschreiten“: at least).  A
#: comparative is its word and the next ("less than", « moins de », « plus d'une »); French
#: « plus » only after « pas » (`align.checks.meaning_shift`), since after « ne » alone it
#: completes the negation (« n'a plus de dettes »: no longer).  Spanish and Italian
#: « superar », « superare » by their forms (not « superficie »); « supérieur », « superior »,
#: « superiore » bound as « superar » does.
_BOUND_VERBS = {
    "upper": {
        "en": "exceed* surpass* outnumber* above",
        "de": "uberschreit* uberschritt* ubersteig* uberstieg* ubertreff* ubertrifft "
              "ubertraf* ubertroffen",
        "fr": "depass* exced* excede* outrepass* superieur*",
        "es": "exced* sobrepas* rebas* supera* supere* supero superior*",
        "it": "ecced* oltrepass* supera* superi* supero",
        "pt": "exced* ultrapass* supera* supere* supero superior*",
        "nl": "overschrijd* overschreden overstijg* overstegen",
    },
    "lower": {
        "en": "below undercut*",
        "de": "unterschreit* unterschritt*",
        "fr": "inferieur*",
        "es": "inferior*",
        "it": "inferior*",
        "pt": "inferior*",
        "nl": "onderschrijd* onderschreden",
    },
}
#: The English comparatives of each bound, and those of a time ("no later than": a
#: deadline), after which "no", "not" and "than" bound rather than negate ("no more than"
#: a mathematician: only).
_EN_COMPARATIVES = {"upper": "more greater higher larger longer",
                    "lower": "less fewer lower smaller shorter"}
NEGATED_COMPARATIVES = frozenset(
    " ".join((*_EN_COMPARATIVES.values(), "later earlier sooner")).split())
_EN_UPPER, _EN_LOWER = ("|".join(_EN_COMPARATIVES[bound].split()) for bound in ("upper", "lower"))
_BOUND_COMPARATIVES = {
    "upper": {
        "en": f"{_EN_UPPER} than",
        "de": "mehr|hoher|groser|grosser|langer als",
        "fr": "plus de|que",
        "es": "mas de|que", "it": "piu di|che", "pt": "mais de|que",
        "nl": "meer|hoger|groter|langer dan",
    },
    "lower": {
        "en": f"{_EN_LOWER} than",
        "de": "weniger|niedriger|kleiner|kurzer als",
        "fr": "moins de|que", "es": "menos de|que", "it": "meno di|che", "pt": "menos de|que",
        "nl": "minder|lager|kleiner|korter dan",
    },
}
#: The words that state a bound outright, as a pattern over folded text, by language:
#: "at most", « höchstens », « au plus », « como máximo », « al massimo », and "at least",
#: « mindestens », « au moins », « como mínimo », « almeno »; a German compound of
#: « Höchst- », « Mindest- » (« Höchstbetrag »).  None that negates in its language
#: (« nicht mehr als »): that side negates too.  English "no more than", "not less than"
#: negate nothing there (`align.checks.meaning_shift`), so are bound words.
_BOUND_WORDS = {
    "upper": {
        "en": rf"at most|no(?:t)? (?:{_EN_UPPER}) than",
        "de": r"hochstens|hochst\w*",
        "fr": r"(?:tout )?au plus|au maximum|dans la limite de",
        "es": r"como maximo|a lo sumo|como mucho",
        "it": r"al massimo|al piu",
        "pt": r"no maximo|quando muito",
        "nl": r"hoogstens|ten hoogste",
    },
    "lower": {
        "en": rf"at least|no(?:t)? (?:{_EN_LOWER}) than",
        "de": r"mindestens|wenigstens|mindest\w*",
        "fr": r"au moins|au minimum|pour le moins",
        "es": r"como minimo|al menos|por lo menos",
        "it": r"almeno|come minimo|quanto meno",
        "pt": r"no minimo|pelo menos|ao menos",
        "nl": r"minstens|ten minste|tenminste",
    },
}
#: ... and those that state it only beside an amount, being also a preposition of time or
#: place or an adjective: "up to EUR 5,000", « hasta 5.000 EUR », « 5 000 EUR maximum », but
#: "up to the roof", « hasta mayo » (until May), « el máximo respeto » (the utmost).
_BOUND_WORDS_BY_AN_AMOUNT = {
    "upper": {
        "en": r"(?:a|the) maximum(?: of)?|maximum|up to",
        "de": r"maximal\w*|max|bis zu",
        "fr": r"maximum|maximal\w*|jusqu'(?:a|au|aux)",
        "es": r"maximo|hasta",
        "it": r"massimo|fino a\w*",
        "pt": r"maximo|ate",
        "nl": r"maximaal|maximum",
    },
    "lower": {
        "en": r"(?:a|the) minimum(?: of)?|minimum",
        "de": r"minimal\w*",
        "fr": r"minimum|minimal\w*",
        "es": r"minimo",
        "it": r"minimo",
        "pt": r"minimo",
        "nl": r"minimaal|minimum",
    },
}
#: How many words from an amount `_BOUND_WORDS_BY_AN_AMOUNT` may stand ("up to a total of
#: EUR 5,000", « 5 000 EUR au total maximum »).
_AMOUNT_REACH = 4


def _comparatives(listed: str) -> frozenset[tuple[str, str]]:
    words_, thans = listed.split()
    return frozenset((w, t) for w in words_.split("|") for t in thans.split("|"))


#: The bounds, "upper" and "lower", each the opposite of the other.
BOUND_OPPOSITE = {"upper": "lower", "lower": "upper"}
#: bound → {language: (whole words, stems)}: the verbs and words that a negation turns into
#: that bound.
BOUND_VERBS = {bound: {language: _opposite_entries(listed)
                       for language, listed in by_language.items()}
               for bound, by_language in _BOUND_VERBS.items()}
#: bound → {language: (word, than)}.
BOUND_COMPARATIVES = {bound: {language: _comparatives(listed)
                              for language, listed in by_language.items()}
                      for bound, by_language in _BOUND_COMPARATIVES.items()}
#: bound → {language: pattern over folded text}.
BOUND_WORDS = {bound: {language: re.compile(rf"(?<!\w)(?:{pattern})(?!\w)")
                       for language, pattern in by_language.items()}
               for bound, by_language in _BOUND_WORDS.items()}
BOUND_WORDS_BY_AN_AMOUNT = {bound: {language: re.compile(rf"(?<!\w)(?:{pattern})(?!\w)")
                                    for language, pattern in by_language.items()}
                            for bound, by_language in _BOUND_WORDS_BY_AN_AMOUNT.items()}
#: ... in Chinese, Japanese and Korean, over the raw text (folding strips the voicing marks
#: of kana and decomposes Hangul) and without word boundaries, which they do not write:
#: « 最多 », « 以内 », « まで », « 최대 », and « 至少 », « 少なくとも », « 최소 »; « 以上 »,
#: « 以下 », « 이상 », « 이하 » only after a number (« 5000欧元以上 »): alone they are also
#: "the above", "the following", "strange"; so « まで », « 까지 », also "until" (« 5月まで »
#: has its number, though: a date).
_UNSPACED_BOUND_WORDS = {
    "upper": {"zh": r"最多|至多|最高|上限|以内|封顶|\d[^\s\d。，、]{0,3}以下",
              "ja": r"最大|最高|上限|以内|\d[^\s\d。、]{0,4}(?:まで|以下)",
              "ko": r"최대|최고|이내|\d[^\s\d.,]{0,3}\s?(?:까지|이하)"},
    "lower": {"zh": r"至少|最少|最低|下限|\d[^\s\d。，、]{0,3}以上",
              "ja": r"少なくとも|最低|下限|\d[^\s\d。、]{0,4}以上",
              "ko": r"최소|최저|적어도|\d[^\s\d.,]{0,3}\s?이상"},
}
UNSPACED_BOUND_WORDS = {bound: {language: re.compile(pattern)
                                for language, pattern in by_language.items()}
                        for bound, by_language in _UNSPACED_BOUND_WORDS.items()}
#: The verbs of exceeding and falling below that a Chinese negation precedes (« 不超过 »,
#: « 不得低于 »: shall not exceed, shall not be below), or whose stem a Japanese or Korean
#: negation follows (« 超えない », « 下回らない », « 초과하지 않는다 »).
_UNSPACED_BOUND_VERBS = {
    "upper": {"zh": r"得?(?:超过|超出|高于|多于|大于)", "ja": r"(?:超え|超過し|上回ら|上回り)$",
              "ko": r"(?:초과하지|넘지)\s*$"},
    "lower": {"zh": r"得?(?:低于|少于|小于)", "ja": r"(?:下回ら|下回り|割ら|割り込ま)$",
              "ko": r"(?:미달하지|밑돌지)\s*$"},
}
UNSPACED_BOUND_VERBS = {bound: {language: re.compile(pattern)
                                for language, pattern in by_language.items()}
                        for bound, by_language in _UNSPACED_BOUND_VERBS.items()}


#: The words of `_BOUND_VERBS` that are no verbs: prepositions and adjectives, which bound
#: where negated ("not above EUR 5,000") but state no exceeding un-negated ("as set out
#: above", « el Tribunal Superior »).
_BOUND_NOT_VERBS = ("above", "below", "superior", "superieur", "inferior", "inferieur")


def bound_verb(word: str, following: str, language: str | None,
               verbs_only: bool = False) -> tuple[str, int] | None:
    """The bound ("upper", "lower") that a negation of `word` (followed by `following`)
    sets in `language` (any listed language's where it is not known), and how many words
    say it: ("upper", 1) for "exceed", ("lower", 2) for "less" before "than"; None for any
    other word, and with `verbs_only` for a preposition or an adjective ("above")."""
    key, after = fold(word), fold(following).replace("’", "'")
    if after.startswith(("d'", "qu'")):
        after = after[:after.index("'")] + "e"  # « plus d'une heure », « più d'uno »
    for bound in BOUND_VERBS:
        if verbs_only and key.startswith(_BOUND_NOT_VERBS):
            pass
        elif _listed(key, BOUND_VERBS[bound], language):
            return bound, 1
        pairs = BOUND_COMPARATIVES[bound]
        candidates = [pairs[language]] if language in pairs else (
            [] if language else list(pairs.values()))
        if any((key, after) in listed for listed in candidates):
            return bound, 2
    return None


@lru_cache(maxsize=1 << 12)
def bound_words(text: str, bound: str, language: str | None) -> tuple[tuple[int, int], ...]:
    """The (start, end) of each word of `text` that states `bound` outright in `language`
    ("at most", « höchstens », « au moins », « 最多 »; every listed language's where it is
    not known); one that is also a preposition or an adjective ("up to", « hasta »,
    « まで », "maximum") only beside a number.  Cached: the instruction test asks it of
    every word the aligner pairs with a modal."""
    found = set()
    for patterns, raw, by_an_amount in ((BOUND_WORDS[bound], False, False),
                                        (BOUND_WORDS_BY_AN_AMOUNT[bound], False, True),
                                        (UNSPACED_BOUND_WORDS[bound], True, False)):
        chosen = [patterns[language]] if language in patterns else (
            [] if language else list(patterns.values()))
        searched = text if raw else fold(text)
        found.update(m.span() for pattern in chosen for m in pattern.finditer(searched)
                     if not by_an_amount or _beside_an_amount(searched, *m.span()))
    return tuple(sorted(found))


_WORD = re.compile(r"[^\W_]+(?:[.,'’][^\W_]+)*")


def _beside_an_amount(text: str, start: int, end: int) -> bool:
    """Whether a number stands within `_AMOUNT_REACH` words of `text` before `start` or
    after `end`: digits, or a number word above one (« un », "ein" are also articles)."""
    near = (_WORD.findall(text[:start])[-_AMOUNT_REACH:]
            + _WORD.findall(text[end:])[:_AMOUNT_REACH])
    return any(any(c.isdigit() for c in w) or NUMBER_WORDS.get(fold(w), 0) > 1 for w in near)


def unspaced_bound(text: str, start: int, end: int, language: str
                   ) -> tuple[str, int, int] | None:
    """The bound that the Chinese, Japanese or Korean negation at `start`:`end` of `text`
    sets (`UNSPACED_BOUND_VERBS`: the Chinese verb after it, the Japanese or Korean stem
    before it), with the (start, end) of the negation and its verb (« 不得低于 »); None
    where it negates no verb of exceeding or falling below."""
    for bound, patterns in UNSPACED_BOUND_VERBS.items():
        pattern = patterns.get(language)
        if pattern is None:
            continue
        if language == "zh":
            if m := pattern.match(text, end):
                return bound, start, m.end()
        elif m := pattern.search(text[max(0, start - 8):start]):
            return bound, max(0, start - 8) + m.start(), end
    return None
