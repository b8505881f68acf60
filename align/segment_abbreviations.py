"""Words that end with a full stop without ending a sentence.

A full stop after one of these, followed by a capital, is not a sentence boundary.
Single letters (initials, ``p.``, ``M.``) and dotted groups (``e.g.``, ``U.S.``) are
recognised by shape in `align.segment`, so they are not listed here.  ``etc.`` and
German ``usw.`` (and so on) are deliberately absent: followed by a capital they almost
always end a sentence.
"""

from __future__ import annotations

import re

#: Matched exactly as written, and with a capital first letter (at a sentence start).
LOWERCASE = frozenset(
    """
    cf vs viz approx ca al ibid op cit loc ch ed eds pp
    av bd boul env ex éd édit trad coll réf hab suiv sq sqq
    c.-à-d ms mss anon resp
    vgl bzw evtl ggf inkl ca zit hrsg aufl ausg anm
    janv févr avr juil déc
    pág págs sig dott cfr
    """.split()
)

#: Matched exactly as written (titles, units and labels that are only abbreviations
#: with a capital; their lower-case forms are ordinary words such as "no" or "mm").
CASE_SENSITIVE = frozenset(
    """
    Mr Mrs Ms Messrs Mssrs Dr Drs Prof Profs St Sts Ste Mt Ft Jr Sr Snr Jnr Esq Rev Hon
    Gen Col Capt Cpt Lt Sgt Maj Cmdr Adm Gov Sen Rep Pres Supt Insp
    Co Corp Inc Ltd Bros
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Okt Dez
    Ave Blvd Rd
    MM Mme Mmes Mlle Mlles Mgr Me Pr Cie Vve Dre
    Th Ch Ph Wm Chas Geo Jas Jos Thos
    J.-C Hr Fr Frl Sra Srta Sres Dña Ud Uds Sig Sigg Dott
    """.split()
)

#: Labels of a number: abbreviations only before one (``No. 5``, ``Nos. 3 and 4``,
#: ``Nr. 12``, ``vol. XII``, ``art. 5``, ``fig. 2``, ``max. 10``).  Before a word they
#: end a sentence as the words they also are do: English and Spanish "No.", German
#: "Art.", French "vol.", English "chap." and "fig.", the name "Max."  Those of
#: `NUMBER_LABELS_CASE_SENSITIVE` are matched as `CASE_SENSITIVE` is: capitalised only,
#: the way they are written as labels, since in lower case they are everyday words
#: (Spanish "no", French "sec", "cap", "par").  (Before a number the segmenter lets every
#: short lower-case word go on anyway: `align.segment._unlisted_label`.)  The others
#: are matched as `LOWERCASE` is; "ref." stays among them, written in lower case as a
#: label (ref. 12) and seldom a word ending a sentence.
NUMBER_LABELS_CASE_SENSITIVE = frozenset(
    "No Nos Nr Nº Abs Jg Sec Secs Cap Par Tab Num".split())
NUMBER_LABELS = frozenset(
    "art vol vols fig figs chap min max nos pg para paras eq eqs ref refs "
    "tel ziff pag pagg núm doc docs".split())
#: Labels written in lower case in one language, matched as `BY_LANGUAGE` is (in that
#: language and when none is given): Italian cap. 3 (capitolo), par. 2 (paragrafo),
#: tab. 4 (tabella), num. 5; Spanish and Portuguese cap. 3 (capítulo); Polish tab. 4
#: (tabela); English no. 5 and sec. 3, written so as often as capitalised.
NUMBER_LABELS_BY_LANGUAGE: dict[str, frozenset[str]] = {
    language: frozenset(words.split()) for language, words in {
        "it": "cap par tab num", "es": "cap", "pt": "cap", "pl": "tab", "en": "no sec",
    }.items()
}
#: The labels that count in each language, and (None) in any: made once, as the segmenter
#: asks at nearly every full stop.
_LABELS: dict[str | None, frozenset[str]] = {
    None: NUMBER_LABELS.union(*NUMBER_LABELS_BY_LANGUAGE.values()),
    **{language: NUMBER_LABELS | own for language, own in NUMBER_LABELS_BY_LANGUAGE.items()},
}

#: Abbreviations that close the phrase they belong to, coming after what they qualify: a
#: company's form (Acme Inc., Dupont et Cie), a name's suffix (Jr., Esq.), a citation's end
#: (et al., op. cit., ibid., p. 12 sqq.), a month after its day (5 Jan.), an amount's
#: unit (5 Mrd.).  Before a capitalised sentence opener (`SENTENCE_OPENERS`) (The, We, Le,
#: Die), they end a sentence (`align.segment`); before a name they go on (Acme Inc. Smith:
#: an abbreviation is followed by a name more often than a sentence begins with one).
#: Dotted groups close a phrase too (a.m., U.S., S.A.), but for `INTRODUCTORY`.  Titles
#: (Mr., Dr.) and labels (No., vol.) come before what they qualify and never end one.
PHRASE_FINAL = frozenset(
    """
    Inc Ltd Co Corp Bros Jr Jnr Esq Cie al cit ibid sq sqq suiv Mio Mrd Tsd
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Okt Dez janv févr avr juil déc
    """.split()
)
#: Dotted groups (lower-cased) that introduce what follows (e.g. The Times, N.B. The
#: door, a.k.a. The Butcher, Dutch o.a. De Vries, "among others"), and so never end a
#: sentence: English a.k.a., French p.ex. (par exemple), German z.Zt. (zur Zeit), z.Hd.
#: (zu Händen), Dutch o.a. (onder andere), d.w.z. (dat wil zeggen), m.a.w. (met andere
#: woorden).  (Undotted ones that do the same, bzw., vgl., are listed abbreviations that
#: close no phrase: `LOWERCASE`.)
INTRODUCTORY = frozenset(
    "e.g i.e z.b d.h n.b p.s u.a o.ä s.o s.u v.a z.t u.u d.i i.d.r p.ej v.gr т.е т.к "
    "a.k.a p.ex z.zt z.hd o.a d.w.z m.a.w".split())
#: The abbreviations of a time of day, lower-cased and without blanks: ante and post
#: meridiem, written a.m., A.M., and (Spanish, the Academy's spelling) a. m.  After a
#: number they close the phrase, and end a sentence before any capitalised word but one
#: that goes on with a time (`goes_on_after_time`): "6 p.m. Please", "6 p.m. Monday".
TIME_OF_DAY = frozenset({"a.m", "p.m"})
#: Capitalised words that go on after a time of day (lower case): days and months, and
#: their abbreviations, the words of time zones' names (Eastern Time, Central European
#: Summer Time, Greenwich Mean Time), and the first words of feasts (11 a.m. Good Friday,
#: 6 p.m. Christmas Eve).  A zone written in capitals (EST, GMT, UTC) or in initials (U.S.
#: time) goes on by its shape, and so does a place before "time" (New York time).
AFTER_TIME = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday
    mon tue tues wed thu thur thurs fri sat sun
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    eastern central mountain pacific atlantic alaska alaskan hawaii hawaiian greenwich
    coordinated universal european western british standard daylight summer mean local
    christmas easter good new whit whitsun pentecost thanksgiving halloween boxing
    independence memorial labor labour veterans presidents
    """.split()
)
#: A capitalised word going on after a time: an acronym of capitals (EST, GMT, UTC+2,
#: CEST), or up to three capitalised words before "time" (New York time, Paris time).
_ZONE_ACRONYM = re.compile(r"(?:[A-Z]{2,5}|(?:[A-Z]\.){2,3})(?![^\W\d_])")
_PLACE_TIME = re.compile(r"(?:[A-Z][^\W\d_]*[ \u00a0]+){1,3}time\b")
_CAPITALISED_WORD = re.compile(r"[^\W\d_]+")


def goes_on_after_time(following: str) -> bool:
    """Whether ``following``, the text after a time of day's stop and its blanks (and
    opening brackets and quotes), goes on with the time (`AFTER_TIME`, a zone, a place's
    time, English I: "By 5 p.m. I was tired"), rather than beginning a new sentence."""
    if _ZONE_ACRONYM.match(following) or _PLACE_TIME.match(following):
        return True
    word = _CAPITALISED_WORD.match(following)
    return word is not None and (word.group() == "I" or word.group().lower() in AFTER_TIME)


#: Academic titles before which a doctor's faculty goes on (Dr. med., Dr. rer. nat.,
#: Prof. Dr. phil., Mag. rer. soc. oec.): a faculty (`FACULTIES`) and a stop after one of
#: these, or after another faculty after one, is part of the title.
ACADEMIC_TITLES = frozenset("Dr Dres Prof Mag".split())
#: The abbreviated faculties of German, Austrian and Swiss doctorates and master's degrees
#: (Dr. med., Dr. rer. nat., Dr. phil. habil., Dr. med. dent., Mag. rer. soc. oec., Dr. sc.
#: techn., Dr. agr.).  Only these: after a title elsewhere a short word is a word ("I saw
#: the Dr. today. Mary came.").
FACULTIES = frozenset(
    """
    med phil rer nat jur iur oec soc theol dent vet habil pol techn sc agr pharm paed publ
    math hum biol chem mont troph silv forest ing
    """.split()
)

#: Abbreviations of street words, which in another language's text still stand before a
#: street's name and number (``in Kraków, ul. Długa 15``): Polish ulica, Russian улица,
#: Ukrainian вулиця, Romanian strada.  Only these: another language's abbreviation that
#: is no street word is a word there (French "dir.", German "Ich danke dir. Bis 5 Uhr").
ADDRESS = frozenset("ul ул вул str".split())

#: A number after a label: digits, or a Roman numeral (but the pronoun of "No. I am").
_NUMBER = re.compile(r"[(\[#]?(?:\d|[IVXLCDM]+(?![^\W\d_])(?<!\bI(?=\s+[a-z])))")

#: One language's own abbreviations, by primary language subtag, matched as `LOWERCASE`
#: is (a word written in lower case here also matches with a capital first letter, and
#: one with a capital only as written).  They count in that language, and in any text
#: whose language is not given; not elsewhere, where the same letters can be a word that
#: ends a sentence (the Tab key in English, Polish "dr." beside "Dr." everywhere).
BY_LANGUAGE: dict[str, frozenset[str]] = {
    language: frozenset(words.split()) for language, words in {
        # Mio. and Mrd. (Millionen, Milliarden) stand before a currency: 1,2 Mrd. Euro.
        # rd. (rund) and zzgl. (zuzüglich) stand before a number; Dok. (Dokument) before a
        # label (Dok. Nr. 5); not "mind." (mindestens),
        # the English "mind." that ends a sentence.
        "de": "Dipl Dipl.-Ing Dipl.-Kfm Ing Tab Abb Kap Dok Mio Mrd Tsd Hrn Fa rd zzgl",
        # EE. UU.: only the first half, so that "a los EE. UU. Luego" ends after UU.
        "es": "EE Lic Licda Profa Dra Ing",
        # sous la dir. de: German "dir" (to you) ends sentences.
        "fr": "dir",
        # de heer, mevrouw (Mevr., Mw.), meester, ingenieur, doctorandus, bijvoorbeeld,
        # nummer, bladzijde (page); not "ir." (ingenieur), Spanish "ir" (to go).
        "nl": "dhr mevr mw mr ing drs bijv nr blz",
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
    before a number; a street word of another language, `ADDRESS`, ``ul.``, only before
    a street and its number, ``Długa 15``)."""
    own = _ANY_LANGUAGE if language is None else BY_LANGUAGE.get(language, frozenset())
    if word in CASE_SENSITIVE or word in LOWERCASE or word in own:
        return True
    lowered = word[:1].lower() + word[1:]
    if word[:1].isupper() and (lowered in LOWERCASE or lowered in own):
        return True
    if word.lower() in ADDRESS and _before_address(following):
        return True  # "in Kraków, ul. Długa 15": a street in an English text
    labels = _LABELS.get(language, NUMBER_LABELS)
    label = word in NUMBER_LABELS_CASE_SENSITIVE or word in labels or (
        word[:1].isupper() and lowered in labels)
    return label and _NUMBER.match(following) is not None


#: Phrase-final abbreviations that close a phrase only after a given word: "al." is "et
#: al." only after "et" (elsewhere Polish "al." is aleja, an avenue before its name:
#: "przy al. Na Skarpie 5").
_CLOSES_AFTER = {"al": "et"}


def closes_phrase(word: str, before: str = "") -> bool:
    """Whether the abbreviation ``word`` (without its final stop) closes the phrase it
    belongs to, and so may end a sentence (`PHRASE_FINAL`): listed, written as listed or
    with a capital first letter (Ibid., Cit.); ``al`` only after ``et`` (``before``, the
    word before it)."""
    lowered = word[:1].lower() + word[1:]
    if lowered in _CLOSES_AFTER and before.lower() != _CLOSES_AFTER[lowered]:
        return False
    return word in PHRASE_FINAL or lowered in PHRASE_FINAL


#: Per language, the closed-class words that begin sentences and not names (lower case):
#: articles, personal pronouns, demonstratives, possessives, common conjunctions and
#: prepositions (German also its sentence adverbs: Dann, Danach, Deshalb, Außerdem).  After
#: a phrase-final abbreviation, or (German) a number that would otherwise be read as an
#: ordinal, one of these, capitalised, begins a new sentence (`opens_sentence`).  Not the
#: modal verbs, months, ordinals and verbs of the detection profiles (Will, May, First,
#: Said: names or content words in capitals), nor English I, capitalised everywhere, nor
#: the particles that begin surnames (de, da, van, del, von: De Gaulle, da Silva) but where
#: one is the language's article (Dutch de).
SENTENCE_OPENERS: dict[str, frozenset[str]] = {
    language: frozenset(words.split()) for language, words in {
        "en": """the a an this that these those he she it we they you his her its our their
            my your there here and but or so yet nor if when while as because although
            though in on at for from with by to of after before since during under over
            into about without between among through what who which where why how""",
        "fr": """le la les l' un une des du ce cet cette ces il elle ils elles on nous vous je
            j' tu c' ça cela ceci et mais ou donc car puis si quand lorsque lorsqu' comme
            dans en à au aux pour par sur avec sans sous chez depuis après avant pendant
            selon entre vers mon ma mes son sa ses leur leurs notre nos votre vos qui que
            qu' quel quelle où""",
        "de": """der die das den dem des ein eine einen einem einer eines er sie es wir ihr
            ich man und aber oder denn doch in im an am auf aus bei mit nach vor zu zum zur
            für über unter durch gegen ohne um seit während dieser diese dieses diesem
            diesen wenn als weil dass daß ob wie wo was wer sein seine mein meine unser
            unsere dann danach davor dabei dadurch dafür dagegen daher damit darauf daraus
            darin darum davon dazu deshalb deswegen trotzdem dennoch außerdem zudem jedoch
            also somit sonst zunächst anschließend hier dort jetzt nun heute""",
        "es": """el la los las lo un una unos unas él ella ellos ellas nosotros vosotros
            usted ustedes yo este esta estos estas ese esa esos esas eso esto y pero o si
            cuando como en con por para sin desde durante entre hacia según sobre tras mi
            su sus nuestro nuestra""",
        "it": """il lo la i gli le l' un uno una un' egli ella lui lei noi voi loro io
            questo questa questi queste quello quella e ma o se quando come in con per su
            tra fra dopo prima nel nella mio mia suo sua""",
        "pt": """o a os as um uma uns umas ele ela eles elas nós eu você este esta estes
            estas esse essa isso isto aquele aquela e mas ou se quando como em no na nos
            nas com por para sem sobre entre após meu minha seu sua""",
        "nl": """de het een 't hij zij ze wij we jij je u ik dit dat deze die en maar of want
            als toen in op aan bij met voor na naar door uit over onder tussen zonder
            sinds tijdens mijn zijn haar ons onze hun""",
        "sv": """den det de en ett han hon vi ni jag du denna detta dessa och men eller för
            att om när i på med av till från efter under""",
        "da": """den det de en et han hun vi i jeg du denne dette disse og men eller for at
            om når på med af til fra efter under""",
        "nb": """den det de en et ei han hun vi dere jeg du denne dette disse og men eller
            for at om når i på med av til fra etter under""",
        "pl": """ten ta to te ci on ona ono oni one my wy ja ty i a ale lub oraz że gdy
            kiedy jeśli w we na z ze do od po przez przy dla za pod nad o u""",
        "ro": """un o el ea ei ele noi voi eu acest această aceste acești acel acea și dar
            sau ci că când dacă în la cu pe din pentru prin după""",
        "ca": """el la els les l' un una uns unes ell ella ells elles nosaltres vosaltres jo
            aquest aquesta aquests aquestes i però o si quan com en amb per sense des
            entre sobre""",
        "cs": """ten ta to ti ty on ona ono oni my vy já a ale i nebo že když jestli v ve
            na s se z ze do od po při pro o u k ke""",
        "tr": "bu şu o bir ben sen biz siz onlar ve ama fakat çünkü eğer",
    }.items()
}
#: Without a language, or for one not listed: the openers of every listed language but
#: "i", which is English I (and, in Italian, Polish, Czech, Swedish, a word too short to
#: tell from it).
_ANY_OPENER = frozenset().union(*SENTENCE_OPENERS.values()) - {"i"}


def opens_sentence(word: str, language: str | None = None) -> bool:
    """Whether ``word`` (lower-cased, an elision's apostrophe kept: ``l'``) is a word that
    begins sentences and no name in ``language`` (`SENTENCE_OPENERS`; None or a language
    not listed: any listed language's but "i")."""
    return word in SENTENCE_OPENERS.get(language or "", _ANY_OPENER)


def _before_address(following: str) -> bool:
    """Whether ``following`` begins as the rest of an address: a name of one to three
    capitalised words, then a number (``Długa 15``, ``Ленина 5``).  After a street word
    of another language (``ul.``, ``ул.``), that is a street, not a new sentence; a name
    alone is not enough ("ul. Then …").  (A street named by a date, ``ul. 3 Maja 15``,
    goes on without it: a short lower-case word before a number is no sentence's end,
    `align.segment._unlisted_label`.)"""
    words = following.split()
    for i, word in enumerate(words[:4]):
        if word[:1].isdigit():
            return i > 0
        if not word[:1].isupper():
            return False
    return False
