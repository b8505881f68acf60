"""Guessing the language of a text, cheaply and without a model.

Two signals:

* the script: Cyrillic, Greek, Arabic, Hebrew, CJK, Hangul, Thai, Devanagari ... name
  the language (or its most likely one) outright;
* for Latin-script text, function words: each language has a profile of its most
  frequent short words (articles, pronouns, prepositions, auxiliaries).  A word
  counts for every language whose profile holds it, divided among them, so that
  words shared by several languages ("de", "a", "in") weigh less than distinctive
  ones ("the", "und", "les").

`language_scores` gives every candidate's share of the evidence; `detect_language`
gives the best one, or None when the text is too short or the evidence too even.

Language codes given by the user or by a file are BCP 47 tags that may name a region
(``fr-FR``, ``fr_FR``, ``pt-BR``): `language_tag` writes them the standard way for the
record, and `primary_language` gives what every language-dependent rule reads (``fr``).
"""

from __future__ import annotations

import re
from collections import Counter

#: Most frequent function words per language (lower case).
_PROFILES: dict[str, str] = {
    "en": """the of and to a in is was that it for on with as his he be by at are this
        had not but from or have an they which you were her she there would their we him
        been has when who will more no if out so said what up its about into than them can
        only other some could these two may then do first any my now such like our over
        me even most also after did many before must through where much your those should
        i us let yes said upon don' didn' doesn' isn' wasn' couldn' won' it' that' i' you'""",
    "fr": """le la les de des du un une et est que qui dans pour pas sur au aux ce cette
        ces il elle ils elles nous vous je tu on ne se sa son ses leur leurs avec mais
        ou par plus été être avait était sont ont fait comme tout tous bien aussi même
        y en où lui dont très sans sous encore quand alors après avant entre chez c'est
        à mon ma mes ton ta tes me te moi toi cela ça si ai avait eut fut peu rien
        dit oui non puis donc car là voilà notre votre nos vos quelque vers depuis
        contre selon lors toute toutes cet celui celle ceux peut
        l' d' qu' n' j' c' s' m' t' jusqu' lorsqu' puisqu'""",
    "de": """der die das und ist nicht ein eine einen dem den des zu mit sich auf für
        von im ich er sie es wir ihr auch als an nach wie wird werden war hat haben
        noch nur bei aus um so wenn aber oder dass daß durch über vor kann sind dieser
        diese mehr schon sein seine man hatte wurde mir mich einer eines zum zur
        unter hinter seit heute aller alle beide bis gegen ohne während zwischen sehr
        immer wieder dann doch hier dort wo was wer jetzt nun kein keine keinen""",
    "es": """el la los las de del que y en un una es por con para no se su sus al lo
        como más pero sus le ya o este esta fue ha muy también me sin sobre ser hay
        son entre cuando todo está hasta desde nos durante uno ni contra ese eso mi
        porque qué él ella ellos había era""",
    "it": """il lo la i gli le di del della dei delle che e è un una per non con si da
        in al alla nel nella sono ma come anche più se ha questo questa ci sul suo sua
        loro era essere stato tra fra dopo molto io lui lei noi voi ne quando perché
        degli dal dalla dell' all' dall' nell' sull' un' c'è""",
    "pt": """o a os as de do da dos das que e é um uma em no na nos nas para por com
        não se seu sua seus suas ao à mais mas como foi ele ela eles elas pelo pela
        ou são está também já eu isso este esta muito quando sem sobre entre tem
        até havia era ser""",
    "nl": """de het een en van in is dat op te zijn met voor niet aan er die als maar
        ook bij om door naar dan zijn heeft had was werd wordt nog wel uit over ik je
        hij zij we wij ze hem haar ons deze dit geen meer worden kan kunnen zou""",
    "sv": """och att det som en på är av för med till den har inte om ett men var jag
        så de sig från vid kan när hade eller efter under nu detta honom hon han vi
        ska skulle mot också bara""",
    "da": """og at det som en på er af for med til den har ikke om et men var jeg så
        de sig fra ved kan når havde eller efter under nu dette ham hun han vi skal
        skulle mod også kun""",
    "pl": """i w na z że do się nie to jest jak o a po co ale od przez za tak dla
        jego jej już był była było są być ten ta te tylko który która które może
        przy jednak także również""",
    "ro": """și în de la cu pe un o a al ale lui care este sunt nu se că mai din
        pentru prin fost ca sau dar această acest după fără între foarte""",
    "ca": """el la els les de del i que en un una per amb no es és al als com més
        però són ha va seu seva també aquest aquesta molt ja quan""",
    "cs": """a v se na je že s z do to o jako ale i k by pro jsou byl bylo byla jeho
        její však který která které také jen už po při od""",
    "tr": """ve bir bu da de için ile ne gibi daha çok olan olarak ama sonra kadar
        var ben sen o biz siz onlar değil mi ki şey en""",
}

_WORDS: dict[str, frozenset[str]] = {lang: frozenset(w.split()) for lang, w in _PROFILES.items()}
#: Each word's weight per language: 1 / (number of profiles that hold it).
_WEIGHTS: dict[str, list[tuple[str, float]]] = {}
for _lang, _words in _WORDS.items():
    for _w in _words:
        _WEIGHTS.setdefault(_w, []).append((_lang, 0.0))
_WEIGHTS = {w: [(lang, 1.0 / len(ls)) for lang, _ in ls] for w, ls in _WEIGHTS.items()}

#: Scripts that identify a language (or its most likely one) by themselves.
_SCRIPTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ja", re.compile("[\u3040-\u30ff]")),  # kana: Japanese even amid kanji
    ("ko", re.compile("[\uac00-\ud7af\u1100-\u11ff]")),
    ("zh", re.compile("[\u4e00-\u9fff\u3400-\u4dbf]")),
    ("ru", re.compile("[\u0400-\u04ff]")),
    ("el", re.compile("[\u0370-\u03ff\u1f00-\u1fff]")),
    ("ar", re.compile("[\u0600-\u06ff\u0750-\u077f]")),
    ("he", re.compile("[\u0590-\u05ff]")),
    ("hi", re.compile("[\u0900-\u097f]")),
    ("th", re.compile("[\u0e00-\u0e7f]")),
    ("hy", re.compile("[\u0530-\u058f]")),
    ("ka", re.compile("[\u10a0-\u10ff]")),
)
_UKRAINIAN = re.compile("[іїєґІЇЄҐ]")
_BELARUSIAN = re.compile("[ўЎ]")
#: Letters of Serbian Cyrillic that Russian does not write (Macedonian, told first by its
#: own, shares ј љ њ).
_SERBIAN = re.compile("[ђћџјљњЂЋЏЈЉЊ]")
_MACEDONIAN = re.compile("[ѓќѕЃЌЅ]")
#: Russian's own vowels, which Bulgarian does not write; Bulgarian writes ъ as a vowel.
_RUSSIAN_VOWELS = re.compile("[ыэЫЭ]")
_HARD_SIGN = re.compile("[ъЪ]")
_PERSIAN = re.compile("[پچژگ]")
#: Letters of Urdu that neither Arabic nor Persian writes.
_URDU = re.compile("[ٹڈڑںے]")
#: Marathi's ळ and its most frequent words, which Hindi does not use.
_MARATHI = re.compile(r"ळ|(?<![\u0900-\u097f])(?:आहे|आणि|नाही|आहेत)(?![\u0900-\u097f])")
_LETTER = re.compile(r"[^\W\d_]")
#: A word, keeping an elision's apostrophe with it: "l'", "qu'", "don'" + "t".
_WORD = re.compile(r"[^\W\d_]+['’]?")

#: Fewer Latin words than this: no guess.
MIN_WORDS = 3
#: The best Latin-script language must hold at least this share of the words ...
MIN_SHARE = 0.08
#: ... and beat the second by this factor.
MIN_MARGIN = 1.3


def language_scores(text: str) -> dict[str, float]:
    """Each candidate language's share of the evidence, between 0 and 1, best first.

    For a script that names its language, the score is the share of the text's letters
    written in it.  For Latin-script languages it is the share of the text's words
    that are that language's function words (shared words divided among languages),
    scaled by the share of letters that are Latin.  An empty dict means no evidence.
    """
    letters = len(_LETTER.findall(text))
    if not letters:
        return {}
    scores: dict[str, float] = {}
    script_letters = 0
    for lang, pattern in _SCRIPTS:
        n = len(pattern.findall(text))
        if n:
            script_letters += n
            scores[_refine(lang, text)] = n / letters
    if "ja" in scores and "zh" in scores:  # kanji in Japanese text
        scores["ja"] += scores.pop("zh")
    latin_share = max(0.0, 1.0 - script_letters / letters)
    if latin_share > 0:
        words = [w.replace("’", "'") for w in _WORD.findall(text.lower())]
        if words:
            counts: Counter[str] = Counter()
            for word in words:
                for lang, weight in _WEIGHTS.get(word, ()):
                    counts[lang] += weight
            for lang, hits in counts.items():
                scores[lang] = latin_share * hits / len(words)
    return dict(sorted(scores.items(), key=lambda kv: -kv[1]))


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of ``text``'s language, or None if too short or unsure."""
    scores = language_scores(text)
    if not scores:
        return None
    ranked = list(scores.items())
    best, score = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    if best in _PROFILES:
        if len(_WORD.findall(text)) < MIN_WORDS or score < MIN_SHARE:
            return None
        return best if score >= MIN_MARGIN * second else None
    return best if score >= 0.5 else None


#: What a language code may look like: a language subtag, then subtags joined by ``-``
#: (or ``_``, as locales write them: ``fr_FR``).
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*")


def language_tag(code: str) -> str | None:
    """``code`` as a BCP 47 tag in its usual case, or None if it is not shaped like one.

    ``fr_FR`` and ``FR-fr`` give ``fr-FR``, ``zh_hant_tw`` gives ``zh-Hant-TW``: the
    language lower case, a script title case, a region upper case, the rest (variants,
    and everything after a one-letter extension such as ``x-``) lower case."""
    code = code.strip()
    if not _LANGUAGE_TAG.fullmatch(code):
        return None
    language, *rest = code.replace("_", "-").split("-")
    subtags = [language.lower()]
    extension = False
    for subtag in rest:
        extension = extension or len(subtag) == 1
        if not extension and len(subtag) == 4 and subtag.isalpha():
            subtags.append(subtag.title())  # script: Hant, Latn, Cyrl
        elif not extension and (len(subtag) == 2 and subtag.isalpha() or len(subtag) == 3
                                and subtag.isdigit()):
            subtags.append(subtag.upper())  # region: FR, BR, 419
        else:
            subtags.append(subtag.lower())
    return "-".join(subtags)


def primary_language(tag: str | None) -> str | None:
    """The primary language subtag of ``tag``, lower case (``fr`` for ``fr-FR``, ``fr_FR``
    or ``FR``), or None: what the segmentation rules, the abbreviations and the checks
    compare, since a region changes none of them."""
    if not tag:
        return None
    return re.split(r"[-_\s]", tag.strip(), maxsplit=1)[0].lower() or None


def _refine(lang: str, text: str) -> str:
    """The language a script's letters and words point to among those sharing it: a
    record's language reaches the TMX's ``xml:lang``, where Bulgarian named Russian
    misfiles a translation memory."""
    if lang == "ru":
        if _BELARUSIAN.search(text):  # before Ukrainian: both write і
            return "be"
        if _UKRAINIAN.search(text):
            return "uk"
        if _MACEDONIAN.search(text):
            return "mk"
        if _SERBIAN.search(text):
            return "sr"
        if not _RUSSIAN_VOWELS.search(text) and len(_HARD_SIGN.findall(text)) >= 2:
            return "bg"
    if lang == "ar":
        if _URDU.search(text):
            return "ur"
        if _PERSIAN.search(text):
            return "fa"
    if lang == "hi" and _MARATHI.search(text):
        return "mr"
    return lang
