"""Guessing the language of a text, without a model download.

Three signals:

* the script: Cyrillic, Greek, Arabic, Hebrew, CJK, Hangul, Thai, Devanagari ... name
  the language (or its most likely one) outright;
* for Latin-script text, a language identifier, py3langid (character n-grams of 139
  languages, its model inside its wheel), when it is sure of its answer;
* function words: each language has a profile of its most frequent short words
  (articles, pronouns, prepositions, auxiliaries).  A word counts for every language
  whose profile holds it, divided among the reference profiles holding it, so that words
  shared by several languages ("de", "a", "in") weigh less than distinctive ones ("the",
  "und", "les").  They confirm an answer the identifier is less sure of, and decide for a
  text partly in another script.

`language_scores` gives every candidate's share of the evidence of the script and the
function words; `detect_language` gives the best language, or None when the text is too
short or the evidence too even.

Language codes given by the user or by a file are BCP 47 tags that may name a region
(``fr-FR``, ``fr_FR``, ``pt-BR``): `language_tag` writes them the standard way for the
record, and `primary_language` gives what every language-dependent rule reads (``fr``).
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections import Counter

#: Most frequent function words per language (lower case): the reference profiles, with
#: whose weights the untranslated check's thresholds were measured.
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

#: Function words of the languages added since, which the identifier tells: "hr" stands for
#: Croatian, Bosnian and Serbian written in Latin script (their words and the checks' tables
#: are the same), "nb" and "nn" for Norwegian Bokmål and Nynorsk.
_ADDED_PROFILES: dict[str, str] = {
    "hu": """a az és hogy nem is egy van meg de ez azt ezt már csak még mint vagy ha volt
        kell lehet lesz nincs sem fel ki be el le után előtt között alatt nélkül szerint
        miatt mert amely amelyek ami amit aki akik ahol amikor én te ő mi ti ők ön önök
        ezek azok nagyon minden mindig itt ott most pedig hanem vannak lett ezzel azzal
        erre arra egyik sok""",
    "sk": """a v na je sa že s z do to o ako ale i k by pre sú bol bolo bola jeho jej však
        ktorý ktorá ktoré tiež len už po pri od nie sme ste som si má mal môže alebo ani
        keď ak čo tak aj tento táto toto tieto ich ho mu tu tam ešte veľmi bez pod nad
        medzi podľa kde prečo so zo vo ku""",
    "sl": """in je v na se da za z ki so pa ne tudi bi s o po iz pri ali kot še že ga jih
        jo mu ji jim to ta te ti tem tega kaj kdo kje kako zakaj ker če ko sem si smo ste
        bil bila bilo bo bodo biti lahko mora samo le zelo vse vsi njegov njen njihov moj
        svoj od do med brez pod nad proti glede kateri katera katero nič ni""",
    "hr": """i je u da se na za su od s sa a ne to koji koja koje kao iz o po ili ali što šta
        bi će sam si smo ste biti bio bila bilo nije nisu jer kada kad ako još već samo
        vrlo jako sve svi njegov njezin njen njihov moj tvoj svoj ga mu ih im joj ju taj ta
        ovaj ova ovo može mora treba kako gdje gde zašto kroz prema između bez pod nad do uz
        kod nakon prije pre nešto ništa ni niti li""",
    "fi": """ja on ei että se oli hän ovat mutta tai kun jos niin myös kuin ole olla olen
        olet tämä tämän tätä nämä joka jotka mikä mitä kanssa mukaan vain jo vielä sekä eli
        koska sitten nyt kaikki minä sinä me te he sen sitä siitä siihen hänen heidän minun
        sinun meidän ne en et eivät voi voidaan pitää ennen jälkeen yli ilman kautta vai
        kuten jotta vaan""",
    "et": """ja on ei et see oli ta ka kui mis aga või ning siis ole olla oma seda selle need
        nende mida kes kus kuidas miks veel juba nii väga kõik mina ma sina sa meie teie
        nemad nad tema pole saab peab võib ainult ilma koos pärast enne üle vastu järgi kuni
        sest kuigi ehk olid olnud oleks""",
    "lt": """ir yra kad ne su į iš o bet kaip tai jis ji jie jos aš tu mes jūs buvo bus būti
        nėra kuris kuri kurie kurios šis ši tas ta to tos jo jų mano tavo savo ar arba nes
        jei jeigu kai dar jau tik labai visi viskas apie prie per po nuo iki be už dėl tarp
        pagal taip gali galima reikia turi""",
    "lv": """un ir ka ar no uz par nav bet kā tas tā to tie tās es tu viņš viņa mēs jūs viņi
        bija būs būt kas kur kad kāpēc vai jo ja arī vēl jau tikai ļoti visi viss pie pēc
        līdz bez pa pār starp šis šī šo savu savs tiek tika var nevar ko kam kuru kurš
        kura""",
    "nb": """og i er det som på til av for med en et ei den de ikke jeg du han hun vi dere
        seg sin sitt sine har hadde var vært blir ble kan kunne skal skulle vil ville må fra
        etter om når hva hvordan hvor hvis eller men også bare nå her der denne dette disse
        mer mye mange ingen noe noen alle over under mellom uten mot hos ved enn så da meg
        deg""",
    "nn": """og i er det som på til av for med ein eit ei den dei ikkje eg du han ho vi me de
        seg sin sitt sine har hadde var vore blir vert vart kan kunne skal skulle vil ville
        må frå etter om når kva korleis kvar viss dersom eller men òg også berre no her der
        denne dette desse meir mykje mange ingen noko nokon alle over under mellom utan mot
        hjå ved enn så då meg deg""",
    "is": """og að í á er sem til við um það ekki var með fyrir af en eða hann hún þeir þær
        þau ég þú þið sig sér hefur hafa verður verið vera eru voru þetta þessi þessu þess
        frá eftir þegar ef hvað hvernig hver hvar einnig líka mjög nú þá þar hér upp út inn
        yfir undir milli gegn án skal getur má mun of""",
    "ga": """an na agus is ar le go i ag a do don den sa ó faoi níl tá bhí ní nach mar seo
        sin é í siad sé sí mé tú muid sibh chun trí leis nó ach nuair má dá cé cad conas
        freisin fós anois ansin atá bhfuil raibh bheith dtí as idir gan thar in""",
    "cy": """y yr a ac i o yn ar am gan mae ei eu ein eich fy dy ddim nid na nad bod wedi
        roedd oedd yw ydy hyn hwn hon hynny gyda neu ond pan os fel mewn at dros drwy heb
        rhwng wrth sydd fod hefyd cael gael fe fi ti chi nhw ni iddo iddi hi
        i' o' a' r w n""",
    "eu": """eta da ez du bat ere dira zen dute edo baina hau hori hura honek ni zu gu zuek
        haiek bere beren nire zure gure baita baino bezala nola zer non noiz oso gabe arte
        ezin behar dago daude izan egin ditu dituzte zuen nahi dela duen duten dituen hala
        beste guztiak ala ba""",
    "gl": """o a os as de do da dos das e que en no na nos nas un unha unhas uns por para con
        non se ao á aos ás é foi máis pero mais como xa moi tamén isto iso este esta ese esa
        seu súa seus súas ou polo pola cando entre sen sobre ata desde ter ser está son hai
        eu ti el ela eles elas lle lles me te porque onde cal outro outra todo toda todos
        nin aínda agora despois antes""",
    "sq": """të e në i dhe një me për nga që është së u ka se nuk do më ne si por ishte janë
        kjo ky ai ajo ata ato unë ti ju mund duhet tij saj tyre edhe ose pa deri pas para
        mbi nën te tek kur ku çfarë kush cili cila shumë gjithë këtë këto atë kanë jam jeni
        qe ndaj sepse nëse apo as""",
    "id": """yang dan di ini itu dengan untuk tidak dari dalam akan pada ke ada atau juga
        adalah oleh sebagai saya anda kami kita mereka dia ia tersebut bisa dapat sudah
        telah belum harus karena jika kalau tetapi tapi lebih sangat semua hanya masih bahwa
        seperti saat ketika setelah sebelum antara para bukan apa siapa bagaimana mana saja
        mau lagi""",
    "ms": """yang dan di ini itu dengan untuk tidak dari dalam akan pada ke ada atau juga
        adalah ialah oleh sebagai saya anda kami kita mereka dia ia tersebut boleh dapat
        sudah telah belum harus kerana jika kalau tetapi lebih sangat semua hanya masih
        bahawa seperti semasa apabila selepas sebelum antara para bukan apa siapa bagaimana
        mana sahaja mahu lagi kepada tak""",
    "vi": """của và là các những có không được cho với này một trong để đã người khi từ thì
        cũng như đến vào ra lại nhưng hoặc nếu bị sẽ đang tôi bạn nó chúng họ ở theo về sau
        trước rất nhiều mà đó nào gì ai đây vì hay""",
    "tl": """ang ng sa na at mga ay ito hindi ko mo niya siya ka ako kami tayo sila kayo nila
        namin natin ninyo para kung may mayroon wala din rin lang lamang pa ba po nang kay
        si sina iyon iyan dito doon ngunit pero dahil kapag o upang ni nito ano sino saan
        bakit paano""",
    "af": """die en van is in het nie te wat op vir met dat om was as sy hy ek jy ons hulle
        word kan sal moet aan by uit of maar ook nog na tot oor deur hierdie daardie al baie
        meer net so toe waar wanneer dit daar hier geen niks wees gaan kon sou wil n""",
}

_WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(w.split()) for lang, w in (_PROFILES | _ADDED_PROFILES).items()
}
#: Each word's weight per language: 1 / (1 + the number of other reference profiles that
#: hold it).  Among the reference profiles this divides a shared word among them; an added
#: profile divides it with them only, not with the other added ones, so that adding a
#: language changes no other language's score.
_WEIGHTS: dict[str, list[tuple[str, float]]] = {}
for _lang, _words in _WORDS.items():
    for _w in _words:
        _others = sum(_w in _WORDS[ref] for ref in _PROFILES if ref != _lang)
        _WEIGHTS.setdefault(_w, []).append((_lang, 1.0 / (1 + _others)))

#: Kana: hiragana, katakana, their phonetic extensions and half-width forms, Japanese's own
#: letters.
KANA_LETTERS = "\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f"
#: Han letters: the unified ideographs, their extensions (A in the basic plane, B to H in
#: planes 2 and 3) and the compatibility ideographs.
HAN_LETTERS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
#: Letters of the scripts written without spaces between words whose letters a word count
#: reads one by one (Han, kana), as a character class body: `align.segment.CJK_LETTERS`.
UNSPACED_LETTERS = KANA_LETTERS + HAN_LETTERS
#: Hangul syllables, which say in one character what alphabets say in several, though
#: Korean puts spaces between its phrases.
HANGUL_SYLLABLES = "\uac00-\ud7af"
KANA = re.compile(f"[{KANA_LETTERS}]")
HAN_OR_KANA = re.compile(f"[{UNSPACED_LETTERS}]")
HANGUL = re.compile(f"[{HANGUL_SYLLABLES}]")
#: A letter that says in one character what alphabets say in several (Han, kana, Hangul):
#: the scripts whose text is no evidence of a length ratio near 1, and whose negations are
#: pieces of words.
DENSE_LETTER = re.compile(f"[{UNSPACED_LETTERS}{HANGUL_SYLLABLES}]")
#: Thai and Lao characters, vowel signs and tone marks included.
THAI_OR_LAO = re.compile("[\u0e00-\u0eff]")
#: Scripts written without spaces between words, and their characters to a word, for the
#: severities that count words: a run of them is a single regex word however long.  Chinese
#: words run to 1.5-2 characters, and Japanese with its kana endings longer: two.  Thai
#: words ran to 3-4.3 characters (three sentences segmented by hand): four, Lao likewise.
#: Rounding up, these undercount: a count too high would grow severities.  Khmer and Myanmar,
#: unspaced too, are not here for want of a measure: a run between spaces (a phrase) counts
#: one word, too few.  Tibetan needs nothing: its tsheg (``་``), punctuation, parts its
#: syllables, and a syllable counted as a word is near the truth.
CHARACTERS_PER_WORD: tuple[tuple[re.Pattern[str], int], ...] = (
    (HAN_OR_KANA, 2),
    (THAI_OR_LAO, 4),
)

#: Scripts without letter case besides Han and kana (Unicode's name of each, the first word
#: of its letters' names), and the languages (primary subtags) that write each: a word of one
#: is running text or a name, which no capital tells apart, and a language missing here
#: writes none of them (English, Russian).
CASELESS_SCRIPT_LANGUAGES: dict[str, frozenset[str]] = {
    "HANGUL": frozenset({"ko"}),
    "ARABIC": frozenset({"ar", "fa", "ur", "ps", "ckb", "ku", "sd", "ug", "ks", "prs", "pnb"}),
    "HEBREW": frozenset({"he", "iw", "yi", "lad"}),
    "THAI": frozenset({"th"}),
    "LAO": frozenset({"lo"}),
    "DEVANAGARI": frozenset({"hi", "mr", "ne", "sa", "kok", "mai", "bho", "new", "doi"}),
    "BENGALI": frozenset({"bn", "as", "mni"}),
    "GURMUKHI": frozenset({"pa"}),
    "GUJARATI": frozenset({"gu"}),
    "ORIYA": frozenset({"or"}),
    "TAMIL": frozenset({"ta"}),
    "TELUGU": frozenset({"te"}),
    "KANNADA": frozenset({"kn"}),
    "MALAYALAM": frozenset({"ml"}),
    "SINHALA": frozenset({"si"}),
    "ETHIOPIC": frozenset({"am", "ti", "gez"}),
    "KHMER": frozenset({"km"}),
    "MYANMAR": frozenset({"my"}),
    "TIBETAN": frozenset({"bo", "dz"}),
    "SYRIAC": frozenset({"syr"}),
    "THAANA": frozenset({"dv"}),
}
#: Code point ranges ``(first, last, script)`` that hold the letters without case of each
#: of `CASELESS_SCRIPT_LANGUAGES` and no other letter without case: read from the letters'
#: Unicode names once (Unicode 14), since the name of every letter of a text cost 0.3 s per
#: 600,000 characters.  tests/test_word_count.py checks them against the running Python.
_CASELESS_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x05D0, 0x05F2, "HEBREW"),
    (0x0620, 0x06FF, "ARABIC"),
    (0x0710, 0x074F, "SYRIAC"),
    (0x0750, 0x077F, "ARABIC"),
    (0x0780, 0x07B1, "THAANA"),
    (0x0860, 0x086A, "SYRIAC"),
    (0x0870, 0x08C9, "ARABIC"),
    (0x0904, 0x097F, "DEVANAGARI"),
    (0x0980, 0x09FC, "BENGALI"),
    (0x0A05, 0x0A74, "GURMUKHI"),
    (0x0A85, 0x0AF9, "GUJARATI"),
    (0x0B05, 0x0B71, "ORIYA"),
    (0x0B83, 0x0BD0, "TAMIL"),
    (0x0C05, 0x0C61, "TELUGU"),
    (0x0C80, 0x0CF2, "KANNADA"),
    (0x0D04, 0x0D7F, "MALAYALAM"),
    (0x0D85, 0x0DC6, "SINHALA"),
    (0x0E01, 0x0E46, "THAI"),
    (0x0E81, 0x0EDF, "LAO"),
    (0x0F00, 0x0F8C, "TIBETAN"),
    (0x1000, 0x108E, "MYANMAR"),
    (0x1100, 0x11FF, "HANGUL"),
    (0x1200, 0x138F, "ETHIOPIC"),
    (0x1780, 0x17DC, "KHMER"),
    (0x2D80, 0x2DDE, "ETHIOPIC"),
    (0x3131, 0x318E, "HANGUL"),
    (0xA8F2, 0xA8FE, "DEVANAGARI"),
    (0xA960, 0xA97C, "HANGUL"),
    (0xA9E0, 0xA9FE, "MYANMAR"),
    (0xAA60, 0xAA7F, "MYANMAR"),
    (0xAB01, 0xAB2E, "ETHIOPIC"),
    (0xAC00, 0xD7FB, "HANGUL"),
    (0xFB1D, 0xFB4F, "HEBREW"),
    (0xFB50, 0xFEFC, "ARABIC"),
    (0x1E7E0, 0x1E7FE, "ETHIOPIC"),
    (0x1EE00, 0x1EEBB, "ARABIC"),
)
_CASELESS_STARTS = [first for first, _, _ in _CASELESS_RANGES]
_CASELESS_RANGE = re.compile(
    "[" + "".join(f"{chr(first)}-{chr(last)}" for first, last, _ in _CASELESS_RANGES) + "]")


def caseless_script(char: str) -> str | None:
    """The script of `char` (a `CASELESS_SCRIPT_LANGUAGES` key) if it is a letter without case
    of one of them, else None (Han and kana, and ``º`` in ``1º``, a letter without case too)."""
    if not char.isalpha() or char.islower() or char.isupper():
        return None
    i = bisect_right(_CASELESS_STARTS, ord(char)) - 1
    return _CASELESS_RANGES[i][2] if i >= 0 and ord(char) <= _CASELESS_RANGES[i][1] else None


def first_caseless_script(text: str) -> str | None:
    """The script of the first letter of `text` that `caseless_script` finds one for."""
    for match in _CASELESS_RANGE.finditer(text):
        if script := caseless_script(match.group()):
            return script
    return None


#: Scripts that identify a language (or its most likely one) by themselves.
_SCRIPTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ja", KANA),  # Japanese even amid kanji
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
#: The best Latin-script language by function words must hold at least this share of the
#: words ...
MIN_SHARE = 0.08
#: ... and beat the second by this factor.
MIN_MARGIN = 1.3
#: The identifier's probability for its answer, at least, for the answer to stand alone;
#: below it, the function words must name the same language.  Measured on gettext strings
#: of three to eight words in 38 Latin-script languages (docs/segmentation.md): right 84 %,
#: wrong 1-4 %; with no threshold, 92 % and 8 %.
MIN_PROBABILITY = 0.5
#: A text of this many words or more whose function words are this share of its words
#: and this many times the next language's is that language without asking the
#: identifier: running prose has some 0.3-0.4 of one language's and 0.02-0.04 of the
#: next (the development texts, the literary pairs, the reference letter).
DECISIVE_WORDS, DECISIVE_SHARE, DECISIVE_MARGIN = 200, 0.2, 5.0
#: A script that names its language holding at least this share of a text's letters, but
#: not half of them: the function words decide alone, as they did before the identifier
#: (a Russian manual page left half in English).
MIXED_SCRIPT_SHARE = 0.1
#: The identifier's languages read as one: Bosnian and Serbian (in Latin script, here) as
#: Croatian, whose function words and tables they share and from which the identifier does
#: not tell them apart; Norwegian as Bokmål.
_SAME_LANGUAGE = {"bs": "hr", "sr": "hr", "no": "nb"}
#: The languages detection names, of those with a profile: not Albanian yet, whose "në"
#: (in) folds to the "ne" that negates in Czech, Slovenian and Croatian, and which the
#: meaning-shift check, having no Albanian negation list, reads as a negation (on 600 of
#: the system's gettext strings, 133 findings with the language named, 65 without).
_NAMED = frozenset(_WORDS) - {"sq"}


def language_scores(text: str) -> dict[str, float]:
    """Each candidate language's share of the evidence, between 0 and 1, best first.

    For a script that names its language, the score is the share of the text's letters
    written in it.  For Latin-script languages it is the share of the text's words
    that are that language's function words (a shared word divided among the reference
    profiles that hold it), scaled by the share of letters that are Latin.  An empty dict
    means no evidence.
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
    """The ISO 639-1 code of ``text``'s language, or None if too short or unsure.

    A script that names its language decides when it holds half the letters or more.
    Otherwise the identifier decides, if it is sure enough (`MIN_PROBABILITY`) or the
    function words name the same language.  It names only languages with a profile: any
    other (a Latin-script language without one, a script's language in a text mostly in
    Latin letters) gives None."""
    scores = language_scores(text)
    scripts = [(lang, score) for lang, score in scores.items() if lang not in _WORDS]
    if scripts:
        best, share = scripts[0]
        if share >= 0.5:
            return best
        if share >= MIXED_SCRIPT_SHARE:
            return _by_function_words(text, scores)
    n_words = len(_WORD.findall(text))
    if n_words < MIN_WORDS:
        return None
    ranked = list(scores.items())[:2]
    if (n_words >= DECISIVE_WORDS and ranked and ranked[0][0] in _NAMED
            and ranked[0][1] >= DECISIVE_SHARE
            and ranked[0][1] >= DECISIVE_MARGIN * (ranked[1][1] if len(ranked) > 1 else 0.0)):
        # Prose whose function words leave no doubt (a third of its words are one
        # language's, ten times the next one's): the identifier, which costs 0.5 s to
        # load in every process, would only agree.
        return ranked[0][0]
    language, probability = _identify(text)
    if language not in _NAMED:
        return None
    if probability >= MIN_PROBABILITY or language == _by_function_words(text, scores):
        return language
    return None


def _by_function_words(text: str, scores: dict[str, float]) -> str | None:
    """The language whose function words are the most of `text`'s words, if they are
    enough of them and clearly more than the next language's."""
    ranked = list(scores.items())
    if not ranked or ranked[0][0] not in _NAMED or len(_WORD.findall(text)) < MIN_WORDS:
        return None
    best, score = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    return best if score >= MIN_SHARE and score >= MIN_MARGIN * second else None


@functools.cache
def _identifier():
    """py3langid's identifier, its probabilities normalised (loaded on first use: 0.4 s)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identifier_probabilities(text: str) -> dict[str, float]:
    """The identifier's probability for each language of `text`, most probable first, the
    languages read as one (`_SAME_LANGUAGE`) adding theirs together.  Its character
    n-grams know a language's content words ("rimasti", "casa"), which no function-word
    profile holds."""
    probabilities: Counter[str] = Counter()
    for language, probability in _identifier().rank(text):
        probabilities[_SAME_LANGUAGE.get(language, language)] += probability
    return dict(probabilities.most_common())


def _identify(text: str) -> tuple[str, float]:
    """The identifier's most probable language for `text` and its probability."""
    return next(iter(identifier_probabilities(text).items()))


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


#: Languages by their names, in English and in the language itself (and a few in French,
#: German and Spanish), as the columns of a glossary or an export are headed.
LANGUAGE_NAMES: dict[str, str] = {
    name: code
    for code, names in {
        "en": "english anglais englisch inglés ingles inglese inglês engels angielski "
              "английский 英语 英語",
        "fr": "french français francais französisch francés frances francese francês frans "
              "francuski французский 法语 フランス語",
        "de": "german deutsch allemand alemán aleman tedesco alemão duits niemiecki немецкий "
              "德语 ドイツ語",
        "es": "spanish español espanol espagnol spanisch spagnolo espanhol spaans hiszpański "
              "испанский 西班牙语 スペイン語",
        "it": "italian italiano italien italienisch italiaans włoski итальянский 意大利语",
        "pt": "portuguese português portugues portugais portugiesisch portugués portoghese "
              "portugees portugalski португальский",
        "nl": "dutch nederlands néerlandais niederländisch neerlandés olandese holenderski",
        "pl": "polish polski polonais polnisch polaco polacco польский",
        "ru": "russian русский russe russisch ruso russo rosyjski",
        "uk": "ukrainian українська ukrainien ukrainisch ucraniano",
        "ja": "japanese 日本語 japonais japanisch japonés japones giapponese",
        "zh": "chinese 中文 汉语 漢語 chinois chinesisch chino cinese",
        "ko": "korean 한국어 coréen koreanisch coreano",
        "ar": "arabic العربية arabe arabisch árabe",
        "he": "hebrew עברית hébreu hebräisch hebreo",
        "tr": "turkish türkçe turc türkisch turco",
        "el": "greek ελληνικά grec griechisch griego",
        "sv": "swedish svenska suédois schwedisch sueco",
        "da": "danish dansk danois dänisch danés",
        "nb": "norwegian norsk bokmål norvégien norwegisch noruego",
        "fi": "finnish suomi finnois finnisch finés",
        "cs": "czech čeština tchèque tschechisch checo",
        "sk": "slovak slovenčina slovaque slowakisch",
        "hu": "hungarian magyar hongrois ungarisch húngaro",
        "ro": "romanian română roumain rumänisch rumano",
        "bg": "bulgarian български bulgare bulgarisch",
        "hr": "croatian hrvatski croate kroatisch",
        "sr": "serbian српски srpski serbe serbisch",
        "sl": "slovenian slovene slovenščina slovène slowenisch",
        "et": "estonian eesti estonien estnisch",
        "lv": "latvian latviešu letton lettisch",
        "lt": "lithuanian lietuvių lituanien litauisch",
        "ca": "catalan català catalán katalanisch",
        "vi": "vietnamese vietnamien vietnamesisch",
        "th": "thai ไทย thaï",
        "id": "indonesian indonésien indonesisch",
        "hi": "hindi हिन्दी हिंदी",
        "fa": "persian farsi فارسی persan persisch",
    }.items()
    for name in names.split()
}

def require_language_code(code: str, option: str) -> None:
    """Raise `UsageError` (naming `option`) unless `code` starts with a primary language
    subtag of 2 or 3 letters (BCP 47: ``fr``, ``yue``, ``fr-FR``): a language's name
    (``french``) is no code, and read as one it would segment with no language's rules.
    A name align knows is answered with its code."""
    from align.errors import UsageError

    primary = re.split(r"[-_]", code.strip(), maxsplit=1)[0]
    if re.fullmatch(r"[A-Za-z]{2,3}", primary):
        return
    known = LANGUAGE_NAMES.get(code.strip().lower())
    advice = (f"give {known}" if known else
              "give a code of 2 or 3 letters, such as fr, or fr-FR with a region")
    raise UsageError(f"{option} {code!r} is not a language code: {advice}")


def english_name(code: str | None) -> str | None:
    """The English name of a language (``German`` for ``de``, ``de-AT``), from
    `LANGUAGE_NAMES`, where each language's English name comes first; None if it has none."""
    wanted = primary_language(code)
    name = next((name for name, c in LANGUAGE_NAMES.items() if c == wanted), None)
    return name.capitalize() if name else None


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
