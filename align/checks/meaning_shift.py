"""Meaning shifts: two sides that match in form but not in meaning.

Two signals:

- **negation**: one side negates and the other does not (``ne … pas``, ``not``,
  ``nicht``, ``never``, ``sans`` …; "Nothing's", "Nobody'll" negate by the word the English
  clitic is written onto, `_without_clitic`), in a link whose two sides are related at all
  (divergence below `UNRELATED`): a negation the word aligner finds no counterpart
  for turns the sentence around; one it pairs with a word of the other side is a
  rewording (``difficult`` for ``can't``) and only *info*, unless it is one word with
  the verb it negates (``cannot`` paired with « peut », Croatian ``nije`` with "is") and
  the other side negates nothing: the verb is rendered, not the negation, or it is a
  negative pronoun, determiner or adverb paired with its opposite universal ("Niemand"
  with "Everyone", `_opposite_universals`).  A "without" whose whole phrase the other
  side leaves out ("without notice") is reported as that phrase omitted
  (`_dropped_without_phrase`).  The negation words are highlighted, with the words of
  the other side that stand in their place and that the word aligner leaves unmatched
  (`_in_its_place`), or the universal that renders them.  A negation without counterpart
  that is a prohibition's ("Do not unplug", « Ne pas débrancher », `prohibitions`; "shall
  not", « darf … nicht », `modal_prohibitions`) whose verb or modal the aligner pairs with
  the other side's positive instruction ("Débranchez", "shall engage") may tell the reader
  to do the forbidden thing: named, minor (`_forbidden_rendered`).  A negated verb of
  exceeding or falling below ("shall not exceed", „darf nicht unterschreiten“, « 不得超过 »)
  sets a bound, which the other side may state with a word of its own (« höchstens »,
  "at least"): no negation lost; against the opposite bound, named (`_bounds`).
  Not every negation turns its sentence round (`polarity`): a litotes affirms ("ne
  tarda pas", "did not fail to"), a negative yes-no question invites agreement ("Ne
  venais-je pas … ?"), an indirect one after a verb of looking hedges ("voir si je ne la
  retrouverai pas": whether I can find it), and a word of negative sense may carry the
  negation the other side spells out ("j'ignorais" for "I didn't know"), as may a word
  negated by its prefix ("unsaved" for « non enregistrées », « impossible de » for "could
  not");
- **different content**: a link the divergence score calls nearly unrelated
  (≥ `UNRELATED`) although nothing is missing from it as a whole.

A link whose translation copies its source (`align.checks.length.copied_links`) is left to
the untranslated check: the translation language's negations do not read the source
language's words.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import numpy as np

from align.checks.base import CheckContext, LinkText, Word, words
from align.checks.length import copied_links
from align.checks.lexicon import (
    BOUND_OPPOSITE,
    FUSED_NEGATIONS,
    NEGATED_COMPARATIVES,
    NEGATION_WORDS,
    NEGATIONS,
    NUMBER_WORDS,
    ONLY_WHEN,
    ONLY_WITH,
    OPPOSITES,
    UNTIL_WORDS,
    WITHOUT_WORDS,
    bound_verb,
    bound_words,
    fold,
    is_preposition,
    opposite_concepts,
    restricts,
    unspaced_bound,
)
from align.checks.placeholders import icu_branches_lost
from align.checks.words import WordAlignment, is_content
from align.language import (
    DENSE_LETTER,
    HAN_OR_KANA,
    HANGUL,
    KANA,
    detect_language,
    primary_language,
)
from align.record import Finding, SideName, Span

#: "omission", "addition": a phrase opened by "without" that the other side lacks whole
#: (`_dropped_without_phrase`).
KINDS = ("meaning-shift", "omission", "addition")

#: Divergence from which a link with no other explanation is reported as saying something else.
UNRELATED = 0.9
#: ... when at least this share of the content words of each side has no counterpart.
UNRELATED_SHARE = 0.4
#: A link's similarity on its document's scale (0 = unrelated sentences, 1 = a typical link)
#: below which it is as far from a translation as unrelated sentences are.  On the
#: development documents the links below it that carry many weakly paired words say
#: something else (a verse rewritten, a sentence misaligned); between it and 0.35, as many
#: are free renderings of a short exclamation ("What! what!" as « Comment, comment ! »).
UNRELATED_SIMILARITY = 0.15


def negations(text: str, language: str | None) -> list[Word]:
    """The words of `text` that negate, one per negation (``ne … pas`` counts once)."""
    return list(_negations(text, language))


@lru_cache(maxsize=1 << 14)
def _negations(text: str, language: str | None) -> tuple[Word, ...]:
    # Cached: the word-alignment cascade and this check read the same link texts.
    unspaced = _unspaced_language(text, language)
    if unspaced:
        return _unspaced_negations(text, unspaced)
    vocabulary = NEGATIONS.get(language or "", NEGATION_WORDS)
    found: list[tuple[int, Word]] = []
    particles: list[tuple[int, Word]] = []
    ne_at: list[int] = []
    muted: list[int] = []
    tokens = words(text)
    doubtless = _doubt_idioms(tokens)
    for k, w in enumerate(tokens):
        if language in (None, "en"):
            w = _without_clitic(w, vocabulary)  # "Nothing's changed", "shouldn't've"
        key = fold(w.text)
        after = fold(tokens[k + 1].text) if k + 1 < len(tokens) else ""
        before = fold(tokens[k - 1].text) if k else ""
        if (key, after) in _IDIOMS and not _punctuated(text, tokens, k + 1) or (
                before, key) in _IDIOMS_AFTER or k in doubtless:
            continue  # "sans doute", "not only", "n'est-ce pas": no negation of content
        if key == "pas" and after == "seulement" and any(
                fold(t.text) in _NOT_ONLY_CONTINUED for t in tokens[k + 2:]):
            muted.append(k)  # "n'étaient pas seulement …, elles furent aussi": not only
            continue
        if language in (None, "fr") and key == "point" and _bare_point(text, tokens, k, ne_at):
            found.append((k, w))  # "c'est point tant la chose": "ne" left out, as spoken
            continue
        lower = tokens[k - 1].text.lower().replace("’", "'") if k else ""
        if key == "pas" and (lower in _BEFORE_THE_NOUN_PAS or lower.startswith(
                ("d'", "qu'")) and lower.split("'")[-1] in _BEFORE_THE_NOUN_PAS
                or before[:1].isdigit() or before in NUMBER_WORDS):
            continue  # "d'un pas rapide", "sur ses pas", "à vingt pas": steps, not a negation
        if key in ("no", "not") and after in NEGATED_COMPARATIVES and k + 2 < len(tokens) and fold(
                tokens[k + 2].text) == "than":
            continue  # "no more than a mathematician": only; "no later than": a bound
        if key in WITHOUT_WORDS and (after in _DELAY or after in _DELAY_QUALIFIERS and (
                k + 2 < len(tokens) and fold(tokens[k + 2].text) in _DELAY)):
            continue  # "without undue delay", « sans délai »: promptly, a manner
        if key == "non" and after == "plus" and (found or particles):
            continue  # "ni moi non plus": one negation
        if key == "no" and _NUMERO.match(text, w.end) and (w.text[0] == "N" or text[
                w.end:w.end + 1] == "."):
            continue  # "No. 33, Rue Dunôt", "No 5": the numero sign, not a negation
        if language == "it" and w.text.lower() == "ne":
            continue  # "non ne ho mai parlato": the pronoun; "né" (nor) has its accent
        if key == _ROMANCE_NOT.get(language or "") and _romance_expletive(
                text, tokens, k, language):
            continue  # "finché non scatta": until it clicks
        if language in (None, "en") and (
            key.endswith("n't") or key == "t" and before.endswith("n") and "'" in text[
                tokens[k - 1].end : w.start]
        ):
            if not _tag_question(text, tokens, k):
                found.append((k, w))  # "don't", and "don 't" as tokenised corpora write it
        elif language in (None, "fr") and (key == "ne" or key.startswith("n'") or (
                key == "n" and text[w.end:w.end + 1] in "'’")):  # "n' osa", tokenised
            ne_at.append(k)
            if key != "n'importe" and not (key == "n" and after == "importe") and (
                    _negative_subject(text, tokens, k) or _negates_alone(tokens[k:k + 6])
            ) and not _expletive(text, tokens, k):
                particles.append((k, w))
        elif key in vocabulary or _prefix_negates(text, tokens, k, language):
            found.append((k, w))
    # Literary French may negate with "ne" alone ("je ne sais", "il n'osa plus"): a
    # particle counts when no negation word stands with it in its clause (up to five
    # words before it, "rien de tout cela ne pouvait", or six after, before the next
    # particle); "ne … pas" is counted once, by its "pas".
    for k, w in particles:
        start = max([k - _PARTICLE_REACH_BEFORE] + [j for j in ne_at if j < k])
        stop = min([k + _PARTICLE_REACH_AFTER] + [j for j in ne_at if j > k])
        if not any(start < f < stop and f != k for f, _ in found) and not any(
                start < f < stop for f in muted):
            found.append((k, w))
    # "neither … nor", "ni … ni", "ne … point … ni", "not … nor": a "nor" or "ni" that
    # follows a negation of its clause continues it, so each side counts such a chain
    # once however the language spells it ("n'ont point de caste ni de race" against
    # "there is neither caste nor rank").
    # French, Spanish and Italian negate once with several negative words in a clause
    # ("sans rien dire", "je n'ai jamais rien vu": without a word, I never saw anything),
    # as do Portuguese, the Slavic languages, Greek, Romanian, Hungarian and Catalan ("Nikt
    # nic nie wie"): a word of `_CONCORD` (or a Czech or Slovak verb negated by its prefix)
    # close after another negation, with no clause between, is part of it.  English counts
    # each ("never … nothing" is rare and emphatic).
    # A chain of them is measured from word to word, not from its first: "Non ha mai detto
    # niente a nessuno" is one negation (he never said anything to anyone).
    concord = _CONCORD.get(language or "", frozenset())
    correlatives = _CORRELATIVES | _ROMANCE_CORRELATIVES.get(language or "", frozenset())
    counted: list[tuple[int, Word]] = []
    last = -1  # the position of the last negative word of the chain
    for k, w in sorted(found, key=lambda item: item[0]):
        key = fold(w.text)
        if key in correlatives and any(k - j <= _CHAIN_REACH for j, _ in counted):
            last = k
            continue
        joins = key in concord or _prefix_negates(text, tokens, k, language)
        if joins and counted and k - last <= _CONCORD_REACH and not any(
                _clause_break(text, tokens, j, language or "") for j in range(last + 1, k + 1)):
            last = k
            continue
        counted.append((k, w))
        last = k
    return tuple(w for _, w in counted)


#: An English verb or possessive written onto the word before it: "'s" (is, has, and the
#: possessive), "'ll" (will), "'d" (would, had), "'ve" (have), "'re" (are).
_ENGLISH_CLITIC = re.compile(r"['’](?:s|ll|d|ve|re)$", re.IGNORECASE)


def _without_clitic(word: Word, vocabulary: frozenset[str]) -> Word:
    """`word` without the English clitic it ends with where what it is written onto negates
    (`vocabulary`, or a fused "n't"): "Nothing's changed" negates by its "Nothing",
    "Nobody'll know", "nobody's fault", "You shouldn't've": the clitic is the verb (or
    the possessive), not part of the negation, which is shown without it.  Not "no": "the
    no's" are a noun, the answer named, not a negation."""
    clitic = _ENGLISH_CLITIC.search(word.text)
    if clitic is None:
        return word
    host = word.text[: clitic.start()]
    key = fold(host)
    if key != "no" and (key in vocabulary or key.endswith("n't")):
        return Word(host, word.start, word.start + len(host))
    return word


#: Japanese, Chinese and Korean negate by a piece of a word (Japanese and Chinese write no
#: spaces at all): the pieces that negate, as patterns over the raw text (folding would
#: strip the voicing marks of kana and decompose Hangul).  Japanese: polite ``ません``
#: (``できません``, ``見つかりませんでした``), plain ``ない`` and ``なかった`` (and ``無い``,
#: ``無かった`` in kanji), ``ず`` after
#: the a-row stem of a verb (``見つからず``, ``保存せず``), ``ないで`` counted by its ``ない``;
#: Chinese: ``不``, ``没(有)``, ``无``, ``未``, ``勿``, ``非`` (``并非``: is not, ``非法``:
#: illegal); not ``别`` (``特别``, ``别人``, ``区别``) nor ``莫`` (``莫斯科``), which
#: negate as imperatives only and make other words far more often; Korean: ``않``
#: (``-지 않다``), ``못``, ``없`` (``수 없다``: cannot), ``아니``, and ``안`` of a prohibition
#: (``-면 안 된다``, ``-서는 안 됩니다``, ``-서도 안 돼요``: must not; not ``이것도 안 되면``,
#: if this does not work either).
_UNSPACED_NEGATIONS = {
    "ja": re.compile(r"ません|なかった|(?<![少危汚幼切])ない|無(?:い|かった)|せず|"
                     r"(?:[かがさざただなばらわ]|(?<=[\u4e00-\u9fff])ま)ず(?![つかっ])"),
    "zh": re.compile(r"没有|[不没无未勿非]"),
    "ko": re.compile(r"않|못|없|아니|(?:(?<=면 )|(?<=서는 )|(?<=서도 ))안(?= ?[되된될됨됩돼됐])"),
}
#: ... and the phrases in which they do not negate: Japanese "must" (``しなければなりません``,
#: ``しないといけない``: two negations that affirm), "may" (``かもしれません``), "sorry"
#: (``すみません``), "no more than" (``にすぎません``), "only" (``しかありません``);
#: Chinese "not only" (``不仅``, ``不但``), "but" (``不过``), "no matter" (``不管``,
#: ``不论``, ``无论``), "soon" (``不久``), "constantly" (``不断``), "many" (``不少``), "not
#: bad" (``不错``: good), "must" (``不得不``), "future" (``未来``) and the yes-no
#: question of a verb and its negation (``是不是``, ``能不能``, ``有没有``), "very"
#: (``非常``), "Africa" (``非洲``, ``南非``, ``北非``), "not only" (``非但``), "unless"
#: (``除非``) and "nothing but" (``无非``; not ``是非``, right and wrong, which ``是非法``,
#: is illegal, writes as well); Korean "not only" (``뿐만 아니라``) and "must"
#: (``-지 않으면 안 된다``).
_UNSPACED_IDIOMS = {
    "ja": re.compile(r"(?:な|ね)(?:ければ|くては|いと)(?:なり|なら|いけ|だめ|ダメ)[^\s。、]*|"
                     r"しれ(?:ません|ない)|すみません|すいません|(?:すぎ|過ぎ)(?:ません|ない)|"
                     r"しか[^\s。、]{0,6}?(?:ません|ない)"),
    "zh": re.compile(r"不[仅但过管论久断少错]|不得不|无论|未来|(\w)(?:不|没有?)\1"
                     r"|非[常洲但]|[除无南北]非"),
    # Korean "must": ``-지 않으면 안 되다``, two negations that affirm, as Japanese
    # ``しなければなりません`` does.
    "ko": re.compile(r"뿐(?:만)?\s*아니|않으면\s*안(?= ?[되된될됨됩돼됐])"),
}




def _unspaced_language(text: str, language: str | None) -> str | None:
    """``ja``, ``zh`` or ``ko`` where `text` is in one of them (by its script where the
    language is not known), else None."""
    base = (language or "").split("-")[0].split("_")[0].lower()
    if base in _UNSPACED_NEGATIONS:
        return base
    if language is not None:
        return None
    if KANA.search(text):
        return "ja"
    if HANGUL.search(text):
        return "ko"
    if HAN_OR_KANA.search(text):
        return "zh"
    return None


def _unspaced_negations(text: str, language: str) -> tuple[Word, ...]:
    """The negating pieces of words of `text` in `language` (`_UNSPACED_NEGATIONS`), each a
    `Word` of its own offsets, outside the phrases where they do not negate."""
    idioms = [m.span() for m in _UNSPACED_IDIOMS[language].finditer(text)]
    found: list[Word] = []
    for m in _UNSPACED_NEGATIONS[language].finditer(text):
        if any(a <= m.start() < b for a, b in idioms):
            continue
        found.append(Word(m.group(), m.start(), m.end()))
    return tuple(found)


#: The words for "without" ("bez", "χωρίς", "fără", "nélkül", "sense"), which negate on
#: their own, never as a part of a negation before them.
_WITHOUT = frozenset(map(fold, "bez без brez χωρίς δίχως fără nélkül sense".split()))
#: Negative words that join a negation before them in the same clause (negative concord):
#: in the Slavic languages, Greek, Romanian, Hungarian and Catalan every negative word of
#: the clause, the particle too ("Nikt nic nie wie", "Κανείς δεν ξέρει τίποτα", "Senki
#: sem tud semmit", "Ningú no sap res": nobody knows anything).
_CONCORD = {language: frozenset(map(fold, words_.split())) for language, words_ in {
    "fr": "rien jamais personne aucun aucune nul nulle guere nullement",
    "es": "nada nunca nadie ningun ninguna jamas tampoco",
    "it": "niente nulla mai nessuno nessuna",
    "pt": "nada nunca ninguem nenhum nenhuma jamais",
    "ru": "не ничего ничто никогда никто нигде никакой никакая никакое никакие ни",
}.items()} | {language: NEGATIONS[language] - _WITHOUT for language in
              "pl cs sk hr bs sr sl bg mk uk be el ro hu ca".split()}
_CONCORD_REACH = 4
#: Words that open a new clause, whose negation is its own, in those languages ("y" is
#: Spanish "and", but a French pronoun: "sans y rien changer" is one negation).  Not the
#: "da", "да" of Bulgarian and Macedonian, nor the "să" of Romanian, which stand for an
#: infinitive ("Не искам да ям нищо": I don't want to eat anything); Croatian, Bosnian
#: and Serbian "da" opens a clause of its own as often ("Nisam znao da neće doći").
_SERBO_CROATIAN_OPENERS = (
    "i a ali da koji koja koje kojeg kojem kojoj koju ili jer kad kada ako nego te gdje "
    "gde и а али да који која које којег ком или јер кад када ако него те где гдје")
_CLAUSE_OPENER_WORDS = {
    "fr": "qui que qu et mais ou car si quand lorsque parce puisque dont",
    "es": "que y o pero porque cuando si",
    "it": "che e o ma perche quando se",
    "pt": "que e ou mas porque quando se",
    "ru": "и а но что или который которая которое которые если когда потому",
    "pl": "i a ale że który która które którzy którego której którym lub albo czy bo gdy "
          "kiedy jeśli jeżeli ponieważ więc lecz oraz gdzie",
    "cs": "a ale že který která které kteří kterého kterou kterým nebo protože když jestli "
          "jestliže pokud aby však kde",
    "sk": "a ale že ktorý ktorá ktoré ktorí ktorého ktorej ktorú alebo pretože keď ak aby "
          "lebo kde",
    "hr": _SERBO_CROATIAN_OPENERS, "bs": _SERBO_CROATIAN_OPENERS,
    "sr": _SERBO_CROATIAN_OPENERS,
    "sl": "in a ali ki ker ko če da pa toda vendar kateri katera katero kjer",
    "bg": "и а но че който която което които или ако когато защото където",
    "mk": "и а но дека кој која кое кои или ако кога затоа каде",
    "uk": "і й та а але що який яка яке які або якщо коли бо де",
    "be": "і й ды а але што які якая якое якія або калі бо дзе",
    "el": "και αλλά ότι που αν όταν γιατί επειδή ενώ οποίος οποία οποίο οποίοι",
    "ro": "și dar că care sau dacă când iar ci deoarece unde",
    "hu": "és de hogy ha mert amikor aki ami amely amit akit vagy pedig ahol míg",
    "ca": "que i o però perquè quan si on",
}
_CLAUSE_OPENERS = {language: frozenset(map(fold, words_.split()))
                   for language, words_ in _CLAUSE_OPENER_WORDS.items()}

#: A Latin letter with an accent or a stroke ("é", "ł", "ș"), which fold may keep.
_LATIN_ACCENTED = re.compile("[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")
#: ... those written with accents, by their folded spelling ("ze" for "że"); not one whose
#: folded spelling is itself an opener as written (Bulgarian "които", who, to which
#: "който" folds).
_ACCENTED_OPENERS = {language: frozenset(fold(w) for w in words_.split()
                                         if fold(w) != w and fold(w) not in words_.split())
                     for language, words_ in _CLAUSE_OPENER_WORDS.items()}

#: Czech and Slovak negate a verb (and many adjectives) by its prefix "ne-" ("nevím": I
#: don't know, "nemůže", "neplatný": invalid), by their lower-case spelling ("ně-" is
#: "někdo": someone): the pattern of such a word, and the words that merely begin so, by
#: language: "nebo" (or), "než" (than), Czech superlatives in "nej-" ("nejsem", I am not,
#: is in the list), "nech-" (let), "nes-" (carry), "neskôr" (later), "nejaký" (some),
#: "neho", "nemu" (him), "Nemecko", "neděle" (Sunday), "nebezpečí" (danger), "nemoc"
#: (illness), loans ("neutrální", "negativní", "new").
_NEGATING_PREFIX = {
    "cs": (re.compile(r"ne\w{2,}(?:-li)?"), re.compile(
        r"ne(?:bo|boť|boli|ž|žli|j\w*|ch(?:ť|at|ávat|al[aoiy]?|án[aoiy]?|ám|áš|á|áme|áte|ají"
        r"|ej|ejte|te|ávám|ává|ával[aoiy]?|ávají)?|s(?:t|u|eš|e|eme|ete|ou|l[aoiy]?|en[aoiy]?"
        r"|oucí\w*)|b(?:e|es\w*|i)|děl(?:e|i|ní\w*)|dávn\w*|přítel\w*|přátel\w*|věst\w*"
        r"|teř\w*|het|ht\w*|rv\w*|utr\w*|on\w*|g\w*|ktar\w*|topýr\w*|ptun\w*|rez\w*|t|tto"
        r"|w\w*|xt|smysl\w*|ustál\w*|smírn\w*|obyčejn\w*|zbytn\w*|návi\w*|bezpeč\w*|moc\w*"
        r"|dostat(?:ek|ku|kem|ky|ků|kům)|hod(?:a|y|ě|u|ou|ám|ách|ami)?)")),
    "sk": (re.compile(r"ne\w{2,}"), re.compile(
        r"ne(?:ž|žli|jak\w*|ho|mu|ch(?:ať|aj|ajte|al[aoi]?|ám|áš|á|áme|áte|ajú|ávať|áva"
        r"|ával[aoi]?|ávajú)?|s(?:iem|ieš|ie|ieme|iete|ú|úc\w*)|sk[oô]r\w*|dávn\w*|deľ\w*"
        r"|b(?:o|a|i|ies|esk\w*)|m(?:e?c|čin)\w*|priateľ\w*|vest\w*|rv\w*|utr\w*|on\w*|g\w*"
        r"|ktár\w*|topier\w*|t|tto|w\w*|xt|zmys\w*|ustál\w*|smiern\w*|návi\w*|bezpeč\w*"
        r"|moc\w*|dostat(?:ok|ku|kom|ky|kov)|hod(?:a|y|e|u|ou|ám|ách|ami)?)")),
}
#: What may stand before the first word of a sentence: a capitalised "Ne…" elsewhere is a
#: name ("Neruda", "Nevada").
_SENTENCE_START = ".!?…:;\"„“”«»‹›—–-("


def _prefix_negates(text: str, tokens, k: int, language: str | None) -> bool:
    """Whether ``tokens[k]`` negates by its prefix in `language` (`_NEGATING_PREFIX`)."""
    if language not in _NEGATING_PREFIX:
        return False
    word = tokens[k].text
    if word[:1].isupper() and not word.isupper() and k and text[
            : tokens[k].start].rstrip()[-1:] not in _SENTENCE_START:
        return False
    return _prefixed(word, language)


def _prefixed(word: str, language: str | None) -> bool:
    """Whether `word` has the shape of a word negated by its prefix in `language`."""
    rule = _NEGATING_PREFIX.get(language or "")
    lower = word.lower()
    return rule is not None and bool(rule[0].fullmatch(lower)) and not rule[1].fullmatch(lower)


def _clause_break(text: str, tokens, k: int, language: str) -> bool:
    """Whether a new clause begins at ``tokens[k]``: punctuation before it, or a word
    that opens a clause (an elided ``qu'`` included), but not one whose accent makes it
    another word (`_ACCENTED_NOT_OPENERS`), nor a "se" after a negation or a clitic, which
    is the pronoun ("não se queixa", "non se ne parla"), not "if"."""
    between = text[tokens[k - 1].end : tokens[k].start]
    if any(c in ",;:.!?()«»\"—–" for c in between):
        return True
    key = fold(tokens[k].text)
    if tokens[k].text.lower() in _ACCENTED_NOT_OPENERS or key == "se" and k and fold(
            tokens[k - 1].text) in NEGATIONS.get(language, frozenset()) | _ROMANCE_CLITICS.get(
            language, frozenset()):
        return False
    openers = _CLAUSE_OPENERS.get(language, frozenset())
    if key not in openers and key.split("'")[0] not in openers:
        return False
    # In a text that writes accents, a word written without those of the opener it folds
    # to is another word: Polish, Czech, Slovak "ze" (with, of) is no "że", "že" (that),
    # Romanian "ca" (as) no "că".  One with accents the opener lacks may be it ("perché",
    # "où"), and a text written without any ("si" for Romanian "și") is read as before.
    plain = key == tokens[k].text.lower()
    return not (plain and key in _ACCENTED_OPENERS.get(language, frozenset()) and (
        _LATIN_ACCENTED.search(text) or fold(text) != text.lower()))


#: Words that fold to a word opening a clause but are others: Italian "è", Portuguese "é"
#: (is; "e" is "and"), Italian "sé" (oneself; "se" is "if").
_ACCENTED_NOT_OPENERS = frozenset("è é sé".split())


#: Words that join a second negated item to a first ("nor", French and Spanish "ni", and
#: "ani", "niti", "нито", "ниту", "ні", "ούτε", "nici" of "neither … nor"), and Swedish
#: "utan" after a negation, "but" ("inte röd utan blå": not red but blue).
_CORRELATIVES = frozenset(map(fold, "nor ni ani niti нити нито ниту ні ані ούτε μήτε nici "
                                    "utan".split()))
#: ... and Italian "né" (the pronoun "ne" is left out before), Portuguese "nem": "Non
#: voglio né pane né vino", "Não quero nem pão nem vinho".
_ROMANCE_CORRELATIVES = {"it": frozenset(("ne",)), "pt": frozenset(("nem",))}
#: ... when the negation they continue is at most this many words before them.
_CHAIN_REACH = 8


#: Italian and Spanish put an expletive negation, which negates nothing, after "until",
#: "unless", "before" and a comparative's "than", as French puts "ne": "finché non scatta"
#: (until it clicks), "a meno che non piova" (unless it rains), "prima che … non",
#: "più facile di quanto non sembri" (easier than it seems), "hasta que no llegue" (until
#: it comes).  The words that end before it (folded), its subject between at most.
_ROMANCE_EXPLETIVE_AFTER = {
    "it": (("finche",), ("meno", "che"), ("prima", "che"), ("di", "quanto")),
    "es": (("hasta", "que"),),
}
#: ... and how far before it they may end ("finché il LED non lampeggia").
_ROMANCE_EXPLETIVE_REACH = 4


def _romance_expletive(text: str, tokens, k: int, language: str | None) -> bool:
    """Whether the Italian, Spanish or Portuguese "non", "no", "não" of ``tokens[k]``
    negates nothing: an expletive one (`_ROMANCE_EXPLETIVE_AFTER`), in its clause, or that of
    "a no ser que", "a não ser que" (unless)."""
    keys = [fold(t.text) for t in tokens[max(0, k - _ROMANCE_EXPLETIVE_REACH):k + 3]]
    at = min(k, _ROMANCE_EXPLETIVE_REACH)
    if keys[at - 1:at] == ["a"] and keys[at + 1:at + 3] == ["ser", "que"]:
        return True
    for q in range(at - 1, -1, -1):
        if any(keys[max(0, q + 1 - len(p)):q + 1] == list(p)
               for p in _ROMANCE_EXPLETIVE_AFTER.get(language or "", ())):
            return True
        # Only the first after it: "Finché non lo vedo non ci credo" (until I see it, I
        # don't believe it) negates with its second "non".
        if keys[q] == _ROMANCE_NOT.get(language or "") or _clause_break(
                text, tokens, k - at + q, language or ""):
            return False
    return False


#: What follows "No" as the numero sign: a point or not, then a number ("No. 33", "No 5").
_NUMERO = re.compile(r"\s?\.?\s?\d")
#: A negation word shares its clause with a "ne" fewer than this many words before it
#: ("rien de tout cela ne") or after it ("ne le lui a jamais dit").
_PARTICLE_REACH_BEFORE = 6
_PARTICLE_REACH_AFTER = 7


#: Negation words that do not negate in these phrases: "sans doute", "no doubt"
#: (probably), "sans cesse", "sans fin", "sans repos" … (constantly), "cela va sans dire",
#: "sans contredit" (of course), "sans cela" (otherwise), "not only … but", "nothing
#: but", "rien que" (only).
_IDIOMS = frozenset({
    ("sans", "doute"), ("sans", "cesse"), ("sans", "dire"), ("sans", "contredit"),
    ("sans", "cela"), ("rien", "que"), ("no", "doubt"), ("not", "only"), ("nothing", "but"),
    ("non", "seulement"), ("nicht", "nur"), ("non", "solo"),  # not only
    # "Without end": adverbs of English ("endlessly", "ceaselessly") as often as not.
    ("sans", "fin"), ("sans", "repos"), ("sans", "relache"), ("sans", "arret"),
    ("sans", "treve"),
    # Two negations that cancel ("not without attendants": with them): neither counts.
    ("not", "without"), ("non", "sans"),
})
#: "Without delay" in the languages of `NEGATIONS` says how (promptly, German
#: « unverzüglich »), not that something is not done: a word for "without"
#: (`align.checks.lexicon.WITHOUT_WORDS`), the word for "delay" (folded) and the
#: qualifiers that may stand between ("without undue delay", « ohne schuldhaftes Zögern »,
#: « sans aucun délai »).
_DELAY = frozenset("delay delai retard verzug zogern demora dilacion indugio ritardo "
                   "atraso vertraging uitstel".split())
_DELAY_QUALIFIERS = frozenset(
    "undue unnecessary further any aucun schuldhaftes schuldhaftem unnotiges unnotigen "
    "unnotige".split())
#: Words whose later presence makes "pas seulement" "not only … (but) also" ("n'étaient pas
#: seulement les meilleures, elles furent aussi …"); without one it may be the older "not
#: even" ("il n'avait pas seulement un sou"), which negates.
_NOT_ONLY_CONTINUED = frozenset("mais aussi encore egalement surtout".split())
#: Words that may stand between "sans", "without", "no" and "doute", "doubt" in the idiom
#: ("sans aucun doute", "sans nul doute", "sans le moindre doute", "without a doubt",
#: "without the shadow of a doubt"): no negation there either.
_DOUBT_INTENSIFIERS = frozenset(
    "aucun nul le un moindre ombre d de a any all the least slightest shadow of".split())
#: ("beyond doubt", « hors de doute » negate nothing, but their "doubt" has no negative
#: sense either.)
_DOUBT_NEGATIONS = frozenset(("sans", "without", "no", "beyond", "hors"))
_DOUBT_WORDS = frozenset(("doute", "doubt"))


def _punctuated(text: str, tokens, k: int) -> bool:
    """Whether punctuation stands between ``tokens[k - 1]`` and ``tokens[k]``: "gar nicht,
    nur eine Wand" is no "nicht nur" (not only)."""
    return k < len(tokens) and any(
        c in ",;:.!?()«»\"“”—–" for c in text[tokens[k - 1].end : tokens[k].start])


def _doubt_idioms(tokens) -> set[int]:
    """The positions of the negation words, and of the words after them, in "sans (aucun)
    doute", "sans nul doute", "without (a) doubt", "no doubt" (certainly, probably): the
    negation of doubt affirms, and "doute" is no word of negative sense there."""
    found: set[int] = set()
    for k, t in enumerate(tokens):
        if fold(t.text) not in _DOUBT_NEGATIONS:
            continue
        j = k + 1
        while j < len(tokens) and j - k <= 4 and fold(tokens[j].text) in _DOUBT_INTENSIFIERS:
            j += 1
        if j < len(tokens) and fold(tokens[j].text) in _DOUBT_WORDS:
            found.update(range(k, j + 1))
    return found


#: French verb forms after which a bare "point" negates, "ne" left out as speech and
#: dialect leave it ("c'est point tant la chose", "j'ai point", "y a point", "il sait
#: point"): forms of être, avoir and a few common verbs, after their subject pronoun or
#: joined to an elided one.  After anything else "point" is the noun ("le point", "à
#: point", "un point de côté").
_BARE_POINT_VERBS = frozenset(
    "est etait sera serait fut sont etaient a avait aura aurait ai avais as "
    "sais sait savait veux veut voulait peux peut pouvait faut fallait vois voit va vais "
    "crois croit".split())
_SUBJECT_PRONOUNS = frozenset("je j tu t il i elle on ils elles y ca ce c".split())


def _bare_point(text: str, tokens, k: int, ne_at: list[int]) -> bool:
    """Whether the "point" of ``tokens[k]`` negates without a "ne" ("c'est point")."""
    if not k or any(k - j <= _PARTICLE_REACH_AFTER for j in ne_at):
        return False  # "ne … point": the particle counts it
    if _clause_break(text, tokens, k, "fr"):
        return False
    previous = fold(tokens[k - 1].text)
    if "'" in previous:  # "c'est", "j'ai", "j'l'ai", "m'faut", "t'as"
        head, verb = previous.rsplit("'", 1)
        return verb in _BARE_POINT_VERBS and head.split("'")[0] in _BEFORE_BARE_VERB
    if previous not in _BARE_POINT_VERBS or k < 2 or _clause_break(text, tokens, k - 1, "fr"):
        return False
    # "il est point", "je le sais point", "j'en ai point"
    return fold(tokens[k - 2].text).split("'")[0] in _BEFORE_BARE_VERB


#: What makes a lone "ne" expletive in the clause it stands in: a "que" just before it
#: after one of these words ("avant qu'il ne puisse", "à moins qu'on ne sache", "de peur
#: qu'on ne pût", "de crainte que", "je crains qu'il ne sache"), or after a comparative a
#: few words before the "que" ("plus habile qu'on ne saurait le dire", "autre que je ne
#: pouvais le croire").
_EXPLETIVE_BEFORE_QUE = ("avant", "moins", "peur", "crainte", "crain", "craign", "redout")
_COMPARATIVES = frozenset("plus moins mieux pis pire meilleur meilleure meilleurs meilleures "
                          "autre autres autrement davantage plutot".split())


def _expletive(text: str, tokens, k: int) -> bool:
    """Whether the French particle ``tokens[k]`` is the expletive "ne", which negates
    nothing: after "avant que", "à moins que", "de peur que", "craindre que" or a
    comparative's "que", with only its subject between ("qu'il ne", "que la chose ne")."""
    for q in range(k - 1, max(-1, k - 4), -1):
        key = fold(tokens[q].text)
        if key in ("que", "qu") or key.startswith("qu'"):
            break
        if _clause_break(text, tokens, q, "fr"):
            return False  # the particle's clause begins after any "que"
    else:
        return False
    if not q:
        return False
    if fold(tokens[q - 1].text).split("'")[-1].startswith(_EXPLETIVE_BEFORE_QUE):
        return True
    for j in range(q - 1, max(-1, q - 5), -1):
        if fold(tokens[j].text).split("'")[-1] in _COMPARATIVES:
            return True
        if _clause_break(text, tokens, j, "fr"):
            break
    return False


#: The same, keyed by the word before: "n'est-ce pas", "non pas" (one negation),
#: "not without", "non sans".
_IDIOMS_AFTER = frozenset({
    ("n'est-ce", "pas"), ("est-ce", "pas"), ("non", "pas"), ("not", "without"),
    ("non", "sans"),
})
#: Words after which "pas" is the noun (a step): "d'un pas", "à pas lents", "ses pas".
#: In lower case but with their accents: the verb "a" of "il n'y a pas" negates, the
#: preposition "à" of "à pas lents" does not.
_BEFORE_THE_NOUN_PAS = frozenset(
    "un le les des du de d à au aux ce ces son sa ses mon mes ton tes leur leurs notre "
    "nos votre vos quelques premier premiers grands petits cent mille".split())
_TAG_PRONOUNS = frozenset("i you he she it we they there one".split())


def _tag_question(text: str, tokens, k: int) -> bool:
    """Whether the "n't" of ``tokens[k]`` ends a tag question ("…, isn't it?", "…, don't
    you?"), which asks for agreement and negates nothing."""
    if k + 1 >= len(tokens) or fold(tokens[k + 1].text) not in _TAG_PRONOUNS:
        return False
    return text[tokens[k + 1].end :].lstrip().startswith("?")


#: Literary French negates with "ne" alone before these verbs only (savoir, pouvoir,
#: oser, cesser: "je ne sais", "il n'osait"); elsewhere a lone "ne" is expletive ("avant
#: qu'il ne parte", "plus qu'on ne croit") or restrictive ("ne … que": only).
_ALONE_VERBS = ("sai", "sav", "sau", "sach", "sut", "sus", "peu", "pou", "pu", "os", "cess")
_OBJECT_PRONOUNS = frozenset("le la les l lui leur me m te t se s nous vous y en".split())
#: What may stand just before the verb of a bare "point" (`_bare_point`).
_BEFORE_BARE_VERB = _SUBJECT_PRONOUNS | _OBJECT_PRONOUNS
#: Words that complete "ne" into a negation but also have other senses ("un point", "plus").
_PARTNERS = frozenset("point plus personne nul nulle".split())
#: ... and those of them that negate as the subject before it ("Personne n'a protesté").
_SUBJECTS = frozenset("personne nul nulle".split())


#: Words before "personne" that make it a noun ("une personne", "en personne": a person,
#: in person), and how far before "ne" its subject may stand ("Personne sur le quai ne
#: fit signe", "Nul d'entre eux n'osa").
_PERSON_NOUN = frozenset("une la l cette chaque toute quelque en seule autre telle "
                         "aucune premiere derniere".split())
_SUBJECT_REACH = 5


def _negative_subject(text: str, tokens, k: int) -> bool:
    """Whether the French particle ``tokens[k]`` has "personne" or "nul" for its subject:
    just before it, or a few words before it in the same clause."""
    for j in range(k - 1, max(-1, k - 1 - _SUBJECT_REACH), -1):
        if fold(tokens[j].text) in _SUBJECTS:
            before = fold(tokens[j - 1].text).split("'")[0] if j else ""
            return before not in _PERSON_NOUN
        if _clause_break(text, tokens, j, "fr"):
            return False  # the subject of another clause
    return False


def _negates_alone(tokens) -> bool:
    """Whether the French particle ``tokens[0]`` ("ne", "n'…") negates without a word of
    the negation list: before one of the literary verbs, or with ``point``, ``plus`` …"""
    first = fold(tokens[0].text)
    verb = first[2:] if first.startswith("n'") and len(first) > 2 else None
    rest = [fold(t.text) for t in tokens[1:]]
    if any(w in _PARTNERS for w in rest):
        return True
    if verb is None:
        # "ne le savait": the verb follows the object pronouns ("l'a" is read as "a").
        rest = [w for w in rest if w not in _OBJECT_PRONOUNS]
        verb = rest[0].split("'")[-1] if rest else ""
    return verb.startswith(_ALONE_VERBS)


#: A negation word aligned only this weakly has no real counterpart: the word aligner
#: pairs every word it can, and "pas" ends up with "come" in "ne viendra pas" / "will come".
WEAK_PAIR = 0.45


#: Negations that only ever negate ("pas", "not"), unlike "jamais" or "rien", which also
#: mean "ever" and "anything" ("Qui a jamais vu … ?").
_ONLY_NEGATING = frozenset("pas point not nicht non no".split())
#: English words that resemble a negation to the word aligner without negating: the
#: negative-polarity words ("to see if she could have been changed for *any* of them").
_NEGATIVE_POLARITY = {"en": frozenset("any anything anybody anyone ever either yet".split())}


def _only_negating(word: Word) -> bool:
    key = fold(word.text)
    return key in _ONLY_NEGATING or key.endswith("n't") or key == "t" or key.startswith("kein")


def _negation_like(word: Word, language: str | None) -> bool:
    """Whether `word` looks like a negation of its language ("nothing", "any") to the
    word aligner, whether or not it negates where it stands ("nothing but" = only)."""
    key = fold(word.text)
    return key in NEGATIONS.get(language or "", frozenset()) or key in _NEGATIVE_POLARITY.get(
        language or "", frozenset())


def _paired_with_a_function_word(wa, side: str, negating: list[Word],
                                 other_language: str | None, other_raw: list[Word]) -> bool:
    """Whether the word aligner pairs a negation of `negating` that only negates ("nicht",
    "not", "pas") with a function word of the other side (an article, a preposition) that
    neither negates nor resembles a negation (`other_raw`, its negations in
    `other_language`; not French « ne », a negation's other half): "nicht" with "the".
    Alone this tells little ("can't" with « de » where « difficile » renders it), but it is
    no rewording where the other side states what this one forbids (`_forbidden_rendered`)."""
    own, other = wa.words_of(side), wa.words_of("translation" if side == "source" else "source")
    k = 0 if side == "source" else 1
    for pair in wa.pairs:
        word, partner = own[pair[k]], other[pair[1 - k]]
        key = fold(partner.text)
        if (any(_only_negating(n) and word.start < n.end and word.end > n.start
                for n in negating)
                and not is_content(partner) and not _negation_like(partner, other_language)
                and key != "ne" and not key.startswith("n'")
                and not any(partner.start < n.end and partner.end > n.start
                            for n in other_raw)):
            return True
    return False


def _unmatched(wa, side: str, negating: list[Word], other_negating: list[Word],
               spoken_for: list[Word] = (), other_raw: list[Word] = (),
               other_language: str | None = None) -> bool:
    """Whether a negation word of `side` has no counterpart on the other side.

    It has none when the word aligner leaves it unaligned or pairs it only weakly, when
    it pairs it with a negation of the other side that a litotes or a negative question
    takes up (`spoken_for`: "could not fail to" affirms, so a "pas" paired with its
    "not" has no counterpart), when a negation that only negates ("pas", not "jamais")
    is paired with a word that only resembles a negation on the other side, which does
    not negate at all (`other_raw`, its negations in `other_language`, is empty):
    `_negation_like` "any", or the "nothing" of "nothing but" (= only), and
    also when it is merely similar to a negation of the other side that the aligner
    pairs with another word: against "not", "ne … pas" pairs "not" with one of its two
    words, and a second, added "pas" resembles that same "not"."""
    own, other = wa.words_of(side), wa.words_of("translation" if side == "source" else "source")
    k = 0 if side == "source" else 1
    loose = set(wa.unaligned(side))
    partner: dict[int, int] = {}
    for pair in wa.pairs:
        if wa.similarity[pair[0], pair[1]] < WEAK_PAIR:
            loose.add(own[pair[k]])
        else:
            partner[pair[k]] = pair[1 - k]
    claimed = set(partner.values())
    sim = wa.similarity if k == 0 else wa.similarity.T

    def overlaps(word: Word, spans: list[Word]) -> bool:
        return any(word.start < n.end and word.end > n.start for n in spans)

    for n in negating:
        mine = [i for i, w in enumerate(own) if overlaps(w, [n])]
        if any(own[i] in loose for i in mine):
            return True
        if any(i in partner and overlaps(other[partner[i]], list(spoken_for)) for i in mine):
            return True
        if _only_negating(n) and not other_raw and any(
                i in partner and _negation_like(other[partner[i]], other_language)
                for i in mine):
            return True
        if mine and not any(i in partner for i in mine) and sim.size:
            best = int(np.argmax(sim[mine[0]]))
            holder = next((a for a, b in partner.items() if b == best), None)
            if (holder is not None and any(abs(holder - i) == 1 for i in mine)
                    and not _negation_like(other[best], other_language)
                    and not fold(other[best].text).startswith("n'")
                    and not overlaps(other[best], other_negating)):
                # Unpaired, and nearest to the word its own neighbour renders ("pas"
                # beside « n'est », both nearest to "is"): its likeness is the verb's,
                # not a rendering of the negation.
                return True
            if best in claimed and overlaps(other[best], other_negating) or overlaps(
                    other[best], list(spoken_for)):
                return True
    return False


#: Prefixes that negate the word they begin ("impossible", "irrégulier", "unfair").
_NEGATIVE_PREFIXES = ("non", "dis", "des", "mal", "un", "in", "im", "il", "ir")
#: The rest of such a word is at least this long ("possible" in "impossible") ...
_AFFIX_BASE = 5


#: Suffixes that negate the word they end ("worthless" = "sans valeur", "endlessly" =
#: "sans fin", German "wertlos" = "sans valeur"), and the words they do not negate in.
_NEGATIVE_SUFFIXES = ("lessness", "lessly", "less", "losigkeit", "losen", "loser", "loses",
                      "lose", "los")
_NOT_NEGATIVE_SUFFIXED = frozenset(
    "less unless bless blessed nevertheless nonetheless regardless los lose loser losen "
    "schloss schlos".split())


#: Compounds in English *-free* and German *-frei* say "without" what their first part
#: names ("BPA-free" = « sans BPA », "bleifrei" = "senza piombo"), a part of three letters
#: or more: not "befreien" (to set free), "unfrei" (not free).
_FREE_COMPOUND = re.compile(r"\w{3,}-?(?:free|frei(?:e|en|er|es|em)?)")


def suffix_negations(text: str) -> list[Word]:
    """The words of `text` that negate by a suffix: *-less*, *-free* (English), *-los*,
    *-frei* (German)."""
    found = []
    for w in words(text):
        key = fold(w.text)
        if key in _NOT_NEGATIVE_SUFFIXED or len(key) < 6:
            continue
        if key.endswith(_NEGATIVE_SUFFIXES) or _FREE_COMPOUND.fullmatch(key):
            found.append(w)
    return found


def affix_negations(text: str, other: str) -> list[Word]:
    """The words of `text` that negate by a prefix whose base stands in `other`.

    "Impossible !" against "Ce n'est pas possible !", "incapable" against "not capable":
    the same negation, which the other side spells with a negation word.  The base must
    begin a word of the other side no more than three letters longer than it (at least
    five letters, and three fifths of the base shared: "irrégulier" against "regular"),
    so cognates only; "unhappy" against "pas heureux" is left to the word aligner."""
    others = {fold(w.text) for w in words(other)}
    found = []
    for w in words(text):
        key = fold(w.text)
        for prefix in _NEGATIVE_PREFIXES:
            base = key[len(prefix):]
            if not key.startswith(prefix) or len(base) < _AFFIX_BASE:
                continue
            need = max(_AFFIX_BASE, round(0.6 * len(base)))
            if any(o[:need] == base[:need] and len(o) <= len(base) + 3
                   and not o.startswith(prefix) for o in others):
                found.append(w)
                break
    return found


#: A word negated by its prefix resembles a negation of the other side that renders its
#: prefix at least this much (default model: "unread" and "non" 0.63, "impossible" and
#: "not" 0.65-0.70, "unable" and "pas" 0.72; "improve" and "pas" 0.42, "discover" and
#: "pas" 0.33, "important" and "pas" 0.28) ...
RENDERED_PREFIX = 0.55
#: ... and its base is at least this long ("read" in "unread"; not "til" in "until").
_RENDERED_BASE = 4


def _negative_prefix(text: str, base: int) -> str | None:
    """The negative prefix that `text` begins with, before a base of `base` letters or
    more ("l'inconnu" is read as "inconnu")."""
    key = fold(text).split("'")[-1]
    return next((p for p in _NEGATIVE_PREFIXES
                 if key.startswith(p) and len(key) - len(p) >= base), None)


def rendered_negations(wa, side: str, other_negating: list[Word]) -> list[Word]:
    """The words of `side` negated by a prefix that the other side renders by one of its
    negations (`other_negating`) and the word beside it: "unsaved" for « non
    enregistrées », "unread" for « non lus », « impossible de trouver » for "could not be
    found", "unable to" for « ne peut pas », "ungespeichert" for "not saved".

    The word aligner's similarities decide, not its pairs (which take "non" or "lus" for
    "unread" by a hundredth): the word most like the prefixed one is the negation or
    stands beside it, and the prefixed word resembles the negation itself
    (`RENDERED_PREFIX`).  Where the word most like it begins with the same prefix, the
    other side has the same word ("important", « immédiatement » for "immediately"),
    whose prefix negates nothing."""
    if wa is None or not other_negating or not wa.similarity.size:
        return []
    own = wa.words_of(side)
    other = wa.words_of("translation" if side == "source" else "source")
    sim = wa.similarity if side == "source" else wa.similarity.T
    # Only a word that is the negation ("non", "n't"), not one that holds it among much else
    # (a Japanese "接続されていません" is one word to the aligner, and like everything).
    negating = [j for j, o in enumerate(other)
                if any(o.start < n.end and o.end > n.start and len(o.text) <= len(n.text) + 3
                       for n in other_negating)]
    found: list[Word] = []
    for k, w in enumerate(own):
        prefix = _negative_prefix(w.text, _RENDERED_BASE)
        if prefix is None:
            continue
        best = int(np.argmax(sim[k]))
        if fold(other[best].text).split("'")[-1].startswith(prefix):
            continue
        if any(abs(best - j) <= 1 and sim[k, j] >= RENDERED_PREFIX for j in negating):
            found.append(w)
    return found


#: Adjectives of French and English negated by a prefix, recognised by their shape where
#: the other side has neither their base nor a negation like them: in-, im- (before b, m,
#: p), il- (before l), ir- (before r) and English un- before an adjective in -able, -ible or
#: -uble ("irréversible", "introuvable", "illisible", "impossible", "unavailable",
#: "unable"), and English un- before a participle ("unsaved", "unknown").
_PREFIXED_ADJECTIVE = re.compile(
    r"(?:ir(?=r)|il(?=l)|im(?=[bmp])|in(?=[^bmplr]))\w{2,}[aiu]bles?|un(?!der)\w{3,}"
    r"(?:[aiu]ble|ed|wn)|unable")
#: ... and the words of that shape whose prefix negates nothing ("imprimable": printable,
#: "inflammable"), or that say the opposite of their parts ("invaluable").
_NOT_PREFIX_NEGATED = frozenset(
    "imprimable imprimables importable importables imposable imposables inflammable "
    "inflammables installable installables interchangeable interchangeables indexable "
    "indexables injectable injectables inhalable inscriptible inscriptibles inclinable "
    "inserable inserables integrable imputable invocable impressionnable impressionable "
    "insertable invaluable unified united untied unlimited".split())
#: French and English words negated by a prefix of other shapes, frequent in the strings
#: of a program ("inconnu", "unknown", "invalide").
_PREFIX_NEGATED = frozenset(
    "inconnu inconnue inconnus inconnues inattendu inattendue inattendus inattendues "
    "invalide invalides incorrect incorrecte incorrects incorrectes incomplet incomplete "
    "incomplets incompletes inactif inactive inactifs inactives illimite illimitee "
    "illimites illimitees indefini indefinie indefinis indefinies inexistant inexistante "
    "inexistants inexistantes impaye impayee impayes impayees invalid inactive illegal "
    "illegale illegaux illegales unlimited".split())


def prefixed_negations(text: str, language: str | None, other: str = "") -> list[Word]:
    """The words of `text` that negate by a prefix by their shape alone, in French and
    English (`_PREFIXED_ADJECTIVE`, `_PREFIX_NEGATED`): "irréversible" renders "cannot be
    undone", "introuvable" "could not be found", though neither side has the other's base.
    A word the `other` side writes too renders nothing of it ("impossible" against "pas
    impossible")."""
    if language not in (None, "fr", "en"):
        return []
    others = {fold(w.text).split("'")[-1] for w in words(other)}
    found = []
    for w in words(text):
        key = fold(w.text).split("'")[-1]  # "l'inconnu"
        if key in _NOT_PREFIX_NEGATED or key in others:
            continue
        if key in _PREFIX_NEGATED or _PREFIXED_ADJECTIVE.fullmatch(key) and (
                language != "fr" or not key.startswith("un")):
            found.append(w)
    return found


#: An English negation fused with its auxiliary ("cannot", "can't", "isn't"), by its
#: auxiliary's verb, and the forms of that verb in other languages (folded): a negation so
#: fused that the word aligner pairs with a form of the same verb on a side that negates
#: nothing is rendered as its verb only ("cannot" with « peut », "isn't" with « est »).
_FUSED_AUXILIARY = {
    "ca": "can", "could": "can", "is": "be", "are": "be",
    "was": "be", "were": "be", "ai": "be", "has": "have", "have": "have", "had": "have",
    "must": "must", "should": "must", "need": "must", "wo": "will", "would": "will",
}
_VERB_FORMS = {
    "fr": {
        "can": "peux peut peuvent pouvons pouvez pouvait pouvaient pourra pourrait "
               "pourront pourrez pourras pourrons pu pouvoir puisse puissent",
        "be": "est es suis sommes etes sont etait etaient ete etre sera seront serait fut",
        "have": "a as ai avons avez ont avait avaient aura auront avoir eu",
        "must": "dois doit doivent devez devons devait devrait devriez devrais faut",
    },
    "de": {
        "can": "kann kannst konnen konnt konnte konnten konntest durfen darf",
        "be": "ist bin bist sind seid war waren warst sein gewesen",
        "have": "hat habe hast haben habt hatte hatten",
        "must": "muss musst mussen musste mussten soll sollte sollen",
        "will": "wird werde wirst werden wurde wurden",
    },
    "es": {
        "can": "puede puedes pueden puedo podemos pudo podia podian podra podria poder",
        "be": "es son soy somos eres esta estan estoy era eran fue ser estar",
        "have": "ha han he has hemos habia habian haber",
        "must": "debe deben debes debia deberia",
    },
    "it": {
        "can": "puo posso possono puoi possiamo potete poteva potrebbe potere",
        "be": "e sono era erano sei essere stato",
        "have": "ha hanno ho hai aveva",
        "must": "deve devono devi dovrebbe",
    },
    "pt": {
        "can": "pode podem posso podemos podia poderia",
        "be": "e sao esta estao era foi ser",
        "have": "tem tinha",
        "must": "deve devem",
    },
}
_VERB_FORMS_SETS = {lang: {verb: frozenset(forms.split()) for verb, forms in table.items()}
                    for lang, table in _VERB_FORMS.items()}


def _fused_verb(word: Word) -> str | None:
    """The verb of the auxiliary an English negation is fused with ("cannot": can)."""
    key = fold(word.text)
    if key == "cannot":
        return "can"
    return _FUSED_AUXILIARY.get(key[:-3]) if key.endswith("n't") else None


def _paired_with_its_verb(wa, side: str, negating: list[Word],
                          other_language: str | None) -> bool:
    """Whether a negation of `negating` fused with its auxiliary ("cannot", "isn't") is
    paired by the word aligner with a form of that auxiliary's verb on the other side,
    in `other_language` ("cannot" with « peut »): the verb is rendered, not the negation."""
    forms = _VERB_FORMS_SETS.get(other_language or "")
    if not forms:
        return False
    own, other = wa.words_of(side), wa.words_of("translation" if side == "source" else "source")
    k = 0 if side == "source" else 1
    for n in negating:
        verb = _fused_verb(n)
        if verb not in forms:
            continue
        for pair in wa.pairs:
            if own[pair[k]].start == n.start and wa.similarity[pair[0], pair[1]] >= WEAK_PAIR:
                partner = fold(other[pair[1 - k]].text).split("'")[-1]
                if partner in forms[verb]:
                    return True
    return False


def _fused(word: Word, language: str | None, text: str = "") -> bool:
    """Whether the negation `word` of `text` is one word with what it negates, in a language
    other than English: a listed form (`align.checks.lexicon.FUSED_NEGATIONS`: "nije", is
    not; "nemam", I have not), a Czech or Slovak word negated by its prefix ("nevím",
    "nebol"), or a piece of a Japanese, Chinese or Korean word that negates a verb
    (`_negates_a_verb`: ``不会``, ``ません``), which the word aligner pairs whole with
    whatever renders the rest of that word."""
    return (fold(word.text) in FUSED_NEGATIONS.get(language or "", ())
            or _prefixed(word.text, language)
            or DENSE_LETTER.search(word.text) is not None
            and _negates_a_verb(text, word))


#: The Chinese modals, auxiliaries and copula that ``不``, ``没`` or ``未`` negate as a verb
#: (``不会``: will not, ``不能``, ``不得``: shall not, ``不应``, ``不可``, ``不是``: is not,
#: ``未能``: failed to, ``未曾``: never); before other characters they mostly make a word of
#: ordinary vocabulary (``不动产``: real estate, ``不良``: defective, ``未成年人``: minors,
#: ``未定``: to be determined), as ``无`` does (``无人机``: drone, ``无线``: wireless).
_ZH_NEGATED_VERBS = frozenset("会能得要应该可是准许必需用愿敢肯曾")
#: The Japanese pieces that negate only a verb: polite ``ません``, past ``なかった``, ``ないで``
#: and ``ず``/``せず`` after a verb's stem; plain ``ない`` also ends adjectives of ordinary
#: vocabulary (``つまらない``: boring, ``少ない``: few), and ``無い`` is one.
_JA_VERB_NEGATION = re.compile(r"ません|なかった|せず|ず|ない(?=で)")
#: Korean ``않`` (``-지 않다``) and ``못`` negate a verb; ``없`` only as a predicate
#: (``없다``, ``없습니다``, ``없었다``: there is not, ``수 없다``: cannot), not in an adverb
#: (``끊임없이``: constantly, ``상관없이``: regardless, ``틀림없이``: certainly); ``아니`` as
#: the copula's (``아니다``, ``아니었다``); ``안`` of a prohibition (``안 된다``).
_KO_VERB_NEGATION = re.compile(r"않|못|없(?=[다습어었으])|아니(?=[다었])|안(?= ?[되된될됨됩돼됐])")


def _negates_a_verb(text: str, word: Word) -> bool:
    """Whether the Chinese, Japanese or Korean negation `word` of `text` negates a verb
    rather than make a word of ordinary vocabulary (`_ZH_NEGATED_VERBS`,
    `_JA_VERB_NEGATION`, `_KO_VERB_NEGATION`): turned into an affirmation, only the first
    reverses its sentence as a European negation does."""
    piece = word.text
    if KANA.search(piece):
        return _JA_VERB_NEGATION.match(text, word.start) is not None
    if HANGUL.search(piece):
        return _KO_VERB_NEGATION.match(text, word.start) is not None
    # Chinese: ``没有`` (has not, did not) and ``勿`` (do not) negate a verb wherever.
    return piece in ("没有", "勿") or piece in ("不", "没", "未") and (
        text[word.end:word.end + 1] in _ZH_NEGATED_VERBS)


#: A negation and the prefixed word it negates ("pas impossible") are at most this many
#: words apart ("not at all impossible").
_DOUBLE_REACH = 3


def double_negations(text: str, other: str,
                     found: list[Word]) -> tuple[list[Word], list[Word]]:
    """The negations of `found` that remain when those that negate a word negated by its
    prefix, whose base stands in `other`, are taken out, and the prefixed words they
    negate.  "Ce n'est pas impossible" says "It is possible", a litotes: neither of its
    two negations counts, and "impossible" cannot then stand for the "not" of "It is not
    possible"."""
    if not found:
        return found, []
    at = {w.start: n for n, w in enumerate(words(text))}
    prefixed = [w for w in affix_negations(text, other) if w.start in at]
    kept: list[Word] = []
    negated: list[Word] = []
    for w in found:
        word = next((p for p in prefixed if p not in negated and w.start in at
                     and 0 < at[p.start] - at[w.start] <= _DOUBLE_REACH), None)
        if word is None:
            kept.append(w)
        else:
            negated.append(word)
    return kept, negated


#: Words whose sense is negative (to fail, to cease, to forget, to lack, hardly), by the
#: folded beginnings of their forms.  Negated, they affirm ("ne tarda pas à" = soon, "did
#: not fail to" = did, "n'empêcha pas" = nevertheless: litotes); on a side that does not
#: negate, they may carry the other side's negation ("j'ignorais" = "I didn't know",
#: "vous renoncerez à" = "do not").  Languages of the development data, and the verbs of
#: forbidding and refraining, which state what a negated modal forbids ("is prohibited
#: from disclosing", « s'interdit de », « se abstendrá de », „ist untersagt“ for "shall not
#: disclose"), in the languages whose modal prohibitions are read (`modal_prohibitions`).
_NEGATIVE_SENSE = {
    "en": ("fail", "ceas", "hesitat", "forget", "forgot", "refus", "deni", "deny", "doubt",
           "lack", "mistak", "prevent", "avoid", "refrain", "hardly", "scarcely", "barely",
           "ignor", "overlook", "neglect", "omit", "missed", "missing", "despair",
           "prohibit", "forbid", "forbad"),
    "fr": ("tarda", "tarde", "tardai", "tardi", "tardè", "tarderent", "manqu", "empech",
           "cess", "hesit", "oubli", "refus", "ignor", "renonc", "tromp", "dout", "evit",
           "interdi", "neglig", "omett", "nier", "nia", "niai", "nie", "desesper",
           "absten", "abstien", "abstin"),
    "de": ("versaum", "zoger", "verfehl", "unterlass", "vergess", "vergass", "zweifel",
           "verweiger", "leugn", "fehl", "kaum", "verhinder", "vermeid", "aufhor", "umhin",
           "untersag", "verbot", "verbiet", "unzulassig"),
    "es": ("prohib", "absten", "abstien", "abstuv"),
    "it": ("vietat", "vieta", "vieti", "proib", "asten", "asterr", "astien"),
    "pt": ("proib", "absten", "abster", "abstem", "abstev"),
}
#: ... all of them, for a side whose language is not known.
_ANY_NEGATIVE_SENSE = tuple(dict.fromkeys(
    stem for stems in _NEGATIVE_SENSE.values() for stem in stems))
#: ... and words with those beginnings that are not of that sense.
_NOT_NEGATIVE_SENSE = frozenset(
    "tardif tardive tardifs tardives tardivement cessation nielle niece nieces "
    "doubtless fehler fehlern fehlers forgetful tromperie".split())
#: Words that forms of "help" need shortly before them, and a gerund after, to mean
#: "refrain from" ("could not help laughing"; "I can't help it" negates).
_HELP_AFTER = re.compile(r"\b(?:cannot|can't|couldn't|(?:can|could|couldn) (?:not|t))\b")


def _refrains(tokens, k: int) -> bool:
    """Whether the "help" of ``tokens[k]`` means "refrain from": "could not help laughing"."""
    before = " ".join(fold(t.text) for t in tokens[max(k - 3, 0):k])
    after = fold(tokens[k + 1].text) if k + 1 < len(tokens) else ""
    return bool(_HELP_AFTER.search(before)) and (after.endswith("ing") or after == "but")


def negative_sense(text: str, language: str | None) -> list[Word]:
    """The words of `text` whose sense is negative (`_NEGATIVE_SENSE`; those of every
    language it knows where the language is not known, as for `negations`)."""
    stems = _NEGATIVE_SENSE.get(language or "") if language else _ANY_NEGATIVE_SENSE
    if not stems:
        return []
    found = []
    tokens = words(text)
    doubtless = _doubt_idioms(tokens)
    negating = {w.start for w in negations(text, language)} if language is None else set()
    english, french = language in (None, "en"), language in (None, "fr")
    for k, w in enumerate(tokens):
        key = fold(w.text).split("'")[-1]  # "n'empêcha", "l'oubli"
        if _small_quantity(tokens, k, key, language):
            found.append(w)
            continue
        if key in _NOT_NEGATIVE_SENSE or len(key) < 4 and key not in ("nie", "nia", "miss"):
            continue
        if k in doubtless or w.start in negating:
            continue  # "sans aucun doute", "no doubt": certainly; German "nie" (never)
        if key.startswith(stems) or english and (
                key.startswith("help") and _refrains(tokens, k)
                or key in ("miss", "misses") and w.text.islower()):  # not "Miss Smith"
            if french and key.startswith("empech") and k and fold(
                    tokens[k - 1].text).rstrip("'").split("'")[-1] == "en":
                continue  # "il ne peut s'en empêcher": he can't help it (it negates)
            if french and key.startswith("ni") and key not in (
                    "nie", "nia", "niai", "niais", "niait", "nier", "niez", "nient", "nierent"):
                continue  # "nid", "niveau", "nièce": only forms of "nier"
            found.append(w)
    return found


#: Words of a small quantity, by language: a negated quantity renders them ("little" for
#: « pas grand », "few" for "not many", « peu » for "not much", `_small_quantity`).
_SMALL_QUANTITY = {
    "en": frozenset(("little", "few")),
    "fr": frozenset(("peu",)),
    "de": frozenset(("wenig", "wenige", "wenigen", "weniges")),
    "es": frozenset(("poco", "poca", "pocos", "pocas")),
}
#: ... not after these, where they mean some ("a little", « un peu », "ein wenig") or small
#: ("the little girl", "his little house"), or in « à peu près », « peu à peu », « sous
#: peu », « depuis peu » (nearly, little by little, soon, lately).
_NOT_SMALL_AFTER = frozenset(
    "a an the this that these those my your his her its our their one's some any "
    "un une le la les l ce cet cette ces mon ma mes ton ta tes son sa ses notre nos votre vos "
    "leur leurs a sous depuis ein eine einen einem einer der die das den dem des "
    "uno una el los las unos unas".split())


def _small_quantity(tokens, k: int, key: str, language: str | None) -> bool:
    """Whether ``tokens[k]`` (folded `key`) names a small quantity (`_SMALL_QUANTITY`):
    of negative sense, as "hardly" is, it may carry the other side's negated quantity."""
    if language is None:
        if not any(key in words for words in _SMALL_QUANTITY.values()):
            return False
    elif key not in _SMALL_QUANTITY.get(language, ()):
        return False
    if k and tokens[k].text[0].isupper():
        return False  # "Little John", a name or a title, within a sentence
    before = fold(tokens[k - 1].text).split("'")[-1] if k else ""
    after = fold(tokens[k + 1].text) if k + 1 < len(tokens) else ""
    return before not in _NOT_SMALL_AFTER and not (key == "peu" and after == "a")


#: Words between a negation and the word it negates that do not count for the distance:
#: pronouns, "to", "à" (folded "a"), "de", and modal verbs ("ne pouvait manquer", "could
#: not fail").
_LITOTES_SKIP = frozenset(
    "le la les l lui leur me m te t se s nous vous y en il elle on je tu ils elles "
    "a de d to be can could would will shall should might may must es er sie sich ihm ihn "
    "konnte konnten kann konnen wird wurde "
    # The auxiliaries of compound tenses: "should not have failed", "had not been
    # forgotten", "pour ne pas avoir oublié", "n'a jamais été oublié".
    "have has had been being avoir etre ete eu".split())
_LITOTES_MODAL = ("pouv", "peu", "pu", "sau", "sav", "sai", "dev", "doi", "voul")


def _litotes(text: str, language: str | None, negating: list[Word],
             negative: list[Word]) -> tuple[list[Word], list[Word]]:
    """`negating` and `negative` without the pairs that cancel: a negation that negates a
    word of negative sense says something affirmative ("did not fail", "never ceased",
    "could not help laughing", "ne pouvait manquer de", "pour ne pas oublier").

    The word of negative sense follows the negation, with nothing between but pronouns,
    "to", "de" and modal verbs; or it comes just before it where the language puts the
    verb there: between French "ne" and "pas" ("ne tarda pas", "n'empêcha pas", "n'hésita
    plus"), before English "no longer" and archaic "not" ("hesitated no longer", "doubted
    not"), before German "nicht" ("versäumte er nicht")."""
    if not negating or not negative:
        return negating, negative
    tokens = words(text)
    index = {w.start: k for k, w in enumerate(tokens)}
    keys = [fold(t.text) for t in tokens]

    def skipped(j: int) -> bool:
        key = keys[j].rstrip("'").split("'")[-1]  # "s'", "qu'il"
        return key in _LITOTES_SKIP or language in (None, "fr") and key.startswith(
            _LITOTES_MODAL)

    def cancels(kn: int, ks: int) -> bool:
        if keys[ks] in _LITOTES_ONLY and keys[kn] not in _QUANTIFIER_NEGATIONS:
            return False
        if any(_clause_break(text, tokens, j, language or "")
               for j in range(min(kn, ks) + 1, max(kn, ks) + 1)):
            return False
        if ks > kn:  # after the negation
            return all(skipped(j) for j in range(kn + 1, ks))
        # Before it: the verb the language puts there.
        if any(not skipped(j) for j in range(ks + 1, kn)):
            return False
        # (Where the language is not known, as French or as English.)
        if language in (None, "fr") and any(keys[j] in ("ne", "n") or keys[j].startswith("n'")
                                            for j in range(max(ks - 3, 0), ks + 1)):
            return True
        if language in (None, "en"):
            after = keys[kn + 1] if kn + 1 < len(keys) else ""
            if keys[kn] == "not" or keys[kn] == "no" and after in ("longer", "more"):
                return True
        return language == "de"

    left_neg, left_sense = list(negating), list(negative)
    for n in negating:
        kn = index.get(n.start)
        for w in left_sense:
            ks = index.get(w.start)
            if kn is not None and ks is not None and ks != kn and cancels(kn, ks):
                left_neg.remove(n)
                left_sense.remove(w)
                break
    return left_neg, left_sense


#: A pronoun after its verb, as French asks questions ("venais-je", "sont-ils", "venais -je"
#: as tokenised corpora write it).
_INVERTED = re.compile(r"-(?:t-)?(?:je|tu|il|elle|on|nous|vous|ils|elles|ce)\s*$", re.IGNORECASE)
_AUXILIARIES = frozenset("am is are was were do does did have has had will would shall "
                         "should can could may might must".split())
_LEAD_INS = frozenset("oh and but so well".split())
_FRENCH_LEAD_INS = frozenset("et mais oh ah eh".split())
#: Words that open a question asking what, why or how, by language: such a question
#: negates as a statement does.  Kept apart because they collide across languages
#: (German "was" is English "was"), and compared with their accents because French
#: "où" (where) folds to "ou" (or).
_QUESTION_WORDS = {
    "fr": frozenset("pourquoi comment quand où qui que quoi quel quelle quels quelles "
                    "combien lequel".split()),
    "en": frozenset("why how when where who what which whom whose".split()),
    "de": frozenset("warum wie wann wo wer was welche welcher welches wieso weshalb "
                    "wozu woher wohin".split()),
}
#: For a language the sets do not know: all of them but "was", which opens an English
#: question with its verb ("Was he not there?") as often as a German one with "what".
_ANY_QUESTION_WORDS = frozenset().union(*_QUESTION_WORDS.values()) - {"was"}
#: First words of a German clause that is not a question opening with its verb.
_GERMAN_NOT_VERBS = frozenset(
    "der die das den dem des ein eine einen einem einer ich du er sie es wir ihr man "
    "und aber oder denn doch ja nein dann da so auch nur noch".split())


def _negative_question(text: str, tokens, k: int, language: str | None) -> bool:
    """Whether the negation ``tokens[k]`` asks a negative question ("Ne venais-je pas de
    … ?", "Won't I tell mama?", "Had I not …?"), which invites agreement with the
    affirmative and is as often translated by one: it does not turn the sentence round."""
    mark = re.search(r"[.?!]", text[tokens[k].end :])
    mark = mark.group() if mark else ""
    # Where the clause of the negation begins, and whether a question word opens it:
    # "Pourquoi ne pouvais-je jamais plaire ?" asks why, and negates.
    start = k
    while start > 0 and not _clause_break(text, tokens, start, ""):
        start -= 1
    opening = {t.text.lower().replace("’", "'").split("'")[0] for t in tokens[start:k]}
    if opening & _QUESTION_WORDS.get(language or "", _ANY_QUESTION_WORDS):
        return False
    if mark == "?" and _declarative_question(text, tokens, start, k, language):
        return True
    if language in (None, "fr") and mark == "?" and k:
        if _INVERTED.search(text[tokens[k - 2].end if k >= 2 else 0 : tokens[k].start]):
            return True
    if language in (None, "fr") and mark != "!":
        particle = _inverted_particle(text, tokens, k)
        # With its question mark, or without it where "ne" opens the clause (after "et",
        # "mais" at most): "Et ne voyez-vous pas aussi que … ." asks as well, while "Aussi
        # ne put-il pas", "Peut-être ne viendra-t-il pas" are statements.
        if particle is not None and (mark == "?" or _opens_clause(text, tokens, particle,
                                                                   _FRENCH_LEAD_INS)):
            return True
    if language == "de" and mark == "?":
        # A question that opens with its verb ("Sollten sich die Franzosen nicht lieber …?").
        return fold(tokens[start].text) not in _GERMAN_NOT_VERBS
    if language not in (None, "en"):
        return False
    key = fold(tokens[k].text)
    if (key.endswith("n't") or key == "t" and k) and mark in ("?", "!"):
        # The auxiliary opens its clause and a pronoun follows: "Won't I", "isn't it".
        aux = k if key.endswith("n't") else k - 1
        opens = aux == 0 or _clause_break(text, tokens, aux, "") or fold(
            tokens[aux - 1].text) in _LEAD_INS
        return opens and k + 1 < len(tokens) and fold(tokens[k + 1].text) in _TAG_PRONOUNS
    if key not in ("not", "never") or mark == "!":
        return False
    if k >= 2 and fold(tokens[k - 1].text) in _TAG_PRONOUNS:
        # "Was he not there?", "would it never be my fate …?"; with "do", which has no
        # other reason to come before its subject, also without the question mark: "And do
        # you not see also, that … ."
        aux = fold(tokens[k - 2].text)
        return aux in _AUXILIARIES and _opens_clause(text, tokens, k - 2, _LEAD_INS) and (
            mark == "?" or aux in ("do", "does", "did"))
    # The subject after the negation: "But could not the cavity be detected?", where the
    # auxiliary opens the sentence, not a clause after a comma ("This beast, friend, is not
    # of home raising, … or perhaps from the little island … ?").
    if mark != "?" or k < 1 or fold(tokens[k - 1].text) not in _AUXILIARIES:
        return False
    aux = k - 1
    if aux and fold(tokens[aux - 1].text) in _LEAD_INS:
        aux -= 1
    return aux == 0 or _punctuated(text, tokens, aux) and not text[
        tokens[aux - 1].end : tokens[aux].start].strip() == ","


def _declarative_question(text: str, tokens, start: int, k: int,
                          language: str | None) -> bool:
    """Whether the negation ``tokens[k]``, in the clause that ``tokens[start]`` opens, is
    that of a statement asked as a question, its subject pronoun opening it: "You did not
    take to pieces all the chairs?", "You don't know him?", « Tu ne viens pas ? ». Like the
    inverted question, it asks for confirmation, and is as often translated by an
    affirmative question (« Avez-vous démonté toutes les chaises ? »).  The question mark
    must close the negation's own clause: "He did not come, did he?" states, and asks
    after a comma."""
    end = text.find("?", tokens[k].end)
    if end < 0 or re.search(r"[,;:—–]", text[tokens[k].end : end]):
        return False
    keys = [fold(t.text) for t in tokens[start : k + 1]]
    if len(keys) > 2 and keys[0] in _LEAD_INS | _FRENCH_LEAD_INS:
        keys = keys[1:]  # "And you did not …?", « Et tu ne viens pas ? »
    if len(keys) < 2 and language not in _SLAVIC_SUBJECTS:
        return False  # the negated verb opens it only where the pronoun may be left out
    subject, negation = keys[0], keys[-1]
    if language in (None, "en") and subject in _TAG_PRONOUNS:
        # "you did not", "you never", "you don't", "you do n't" (tokenised corpora)
        between = keys[1:-1]
        if negation in ("not", "never", "n't"):
            return between == [] and negation == "never" or len(between) == 1 and (
                between[0] in _AUXILIARIES)
        return negation.endswith("n't") and not between
    if language in (None, "fr") and subject.split("'")[0] in _FRENCH_SUBJECTS:
        # « tu ne viens pas », « vous n'avez pas », « je ne le vois pas »: "ne" after the
        # subject, the verb and its pronouns before the negation.
        particle = keys[1]
        return (particle == "ne" or particle.startswith("n'")) and len(keys) <= 6
    if language in _SLAVIC_SUBJECTS and negation not in _WITHOUT:
        # « Ты опять не спал? », "Ty nie spałeś?", "Вы ничего не знаете?": the subject
        # pronoun, a word or two (an adverb, an object) and the negation; or the negated
        # verb opening the question, its pronoun left out as these languages leave it
        # ("Nie spałeś?", "Nevíš?").
        while len(keys) > 1 and keys[0] in _SLAVIC_LEAD_INS:
            keys = keys[1:]  # "А ты не …?", "Czy nie spałeś?", "Разве ты не знаешь?"
        subject = keys[0]
        if any(key in _SLAVIC_QUESTION_WORDS for key in keys):
            return False  # "Ты почему не спал?": asks why, and negates
        if subject in _SLAVIC_SUBJECTS[language]:
            return len(keys) <= 2 + _SLAVIC_SUBJECT_REACH
        return len(keys) == 1 and (negation in _SLAVIC_PARTICLES or _prefixed(
            tokens[k].text, language))
    return False


#: Slavic subject pronouns (folded), by language, as `_declarative_question` reads them;
#: the words that may come before them; and how many words may stand between a pronoun
#: and its negation.
_SLAVIC_SUBJECTS = {language: frozenset(map(fold, words_.split())) for language, words_ in {
    "ru": "я ты он она оно мы вы они",
    "uk": "я ти він вона воно ми ви вони",
    "be": "я ты ён яна яно мы вы яны",
    "pl": "ja ty on ona ono my wy oni one pan pani",
    "cs": "já ty on ona ono my vy oni ony",
    "sk": "ja ty on ona ono my vy oni ony",
    "hr": "ja ti on ona ono mi vi oni one ја ти он она оно ми ви они оне",
    "sl": "jaz ti on ona ono mi vi oni one",
    "bg": "аз ти той тя то ние вие те",
    "mk": "јас ти тој таа тоа ние вие тие",
}.items()}
_SLAVIC_SUBJECTS["bs"] = _SLAVIC_SUBJECTS["sr"] = _SLAVIC_SUBJECTS["hr"]
_SLAVIC_LEAD_INS = frozenset(map(fold, "а и но і але a i ale czy чи разве неужели хіба "
                                        "невже".split()))
#: ... and the words asking what, why or how, which make it negate as a statement does.
_SLAVIC_QUESTION_WORDS = frozenset(map(fold, (
    "почему зачем отчего как когда где куда откуда кто что сколько какой чому навіщо як "
    "коли де куди звідки хто що скільки який dlaczego czemu jak kiedy gdzie dokąd skąd kto "
    "co ile jaki proč jak kdy kde kam odkud kdo co kolik jaký prečo kedy kto čo koľko "
    "zašto kako kada gdje gde kamo tko ko što šta koliko зашто како када где ко шта "
    "защо кога къде кой какво колко").split()))
_SLAVIC_SUBJECT_REACH = 2
#: The particles that negate a verb, opening a question whose pronoun is left out.
_SLAVIC_PARTICLES = frozenset(map(fold, "не nie ne ні".split()))


#: French subject pronouns, as `_declarative_question` reads them ("j'" folded to "j").
_FRENCH_SUBJECTS = frozenset("je j tu il elle on nous vous ils elles ca cela".split())


def _inverted_particle(text: str, tokens, k: int) -> int | None:
    """The position of the French "ne" of the negation ``tokens[k]`` where its verb comes
    before its subject pronoun, as French asks: "Ne serai-je point" (the particle itself),
    "n'irai-je jamais", "Ne sentirai-je donc jamais", "ne le voyez-vous pas"."""
    for p in range(k, max(-1, k - 4), -1):
        if p < k and _clause_break(text, tokens, p + 1, ""):
            return None
        key = fold(tokens[p].text)
        if key == "ne" or key.startswith("n'"):
            verbs = tokens[p:p + 3] if p == k else tokens[p:k]
            for v in verbs:
                if _INVERTED.search(v.text):
                    return p
                if v is not tokens[p] and fold(v.text) not in _OBJECT_PRONOUNS:
                    break  # the verb, not inverted: "ne vient-il" has the pronoun on it
            return None
    return None


def _opens_clause(text: str, tokens, k: int, lead_ins: frozenset[str]) -> bool:
    """Whether ``tokens[k]`` opens its clause, after one of `lead_ins` at most ("And do
    you not see", "Et ne voyez-vous pas")."""
    if k == 0 or _clause_break(text, tokens, k, ""):
        return True
    return fold(tokens[k - 1].text) in lead_ins and (
        k == 1 or _clause_break(text, tokens, k - 1, ""))


#: Verbs of looking, listening, trying and asking, before the "si", "if" or "whether" of
#: an indirect question whose "ne … pas" or "not" hedges rather than negates: "écouter si
#: on ne marchait pas" (whether footsteps were coming), "voir si je ne la retrouverai pas"
#: (whether I can find it), "to see if I can't find it".  French by the folded beginnings
#: of their forms, English by its forms.
_LOOKING_FR = ("voir", "vois", "voit", "voy", "verr", "regard", "ecout", "cherch", "guett",
               "epi", "examin", "essay", "demand", "verifi", "observ")
_LOOKING_EN = frozenset(
    "see sees saw seen seeing look looks looked looking listen listens listened listening "
    "try tries tried trying ask asks asked asking wonder wonders wondered wondering "
    "ascertain ascertained check checked examine examined inquire inquired enquire "
    "enquired".split())
#: What follows a French "si" that opens a clause rather than "so" before an adjective
#: ("si on ne marchait pas", not "une demande si pressante ne …"): a subject pronoun or
#: a determiner (or a name, in capitals).
_SI_SUBJECTS = frozenset(
    "je j tu il elle on nous vous ils elles ce c ca cela quelqu quelqu'un le la les l un "
    "une des du mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs cet cette "
    "ces".split())
_WHETHER = frozenset(("si", "s'il", "s'ils", "if", "whether"))
#: ... the negation standing at most this many words after that "si".
_WHETHER_REACH = 8


def _indirect_question(text: str, tokens, k: int, language: str | None) -> bool:
    """Whether the negation ``tokens[k]`` ("pas", "not", "n't" or a lone "ne") stands in an
    indirect yes-no question after a verb of looking, trying or asking, in its clause: "pour
    voir si je ne la retrouverai pas", "écouter si on ne marchait pas", "see if he won't
    come"; such a "ne … pas" asks whether, as the question it reports would."""
    key = fold(tokens[k].text)
    if not (_only_negating(tokens[k]) or key in ("ne", "n") or key.startswith("n'")):
        return False
    for j in range(k - 1, max(0, k - 1 - _WHETHER_REACH), -1):
        whether = fold(tokens[j].text)
        if whether in _WHETHER:
            if _clause_break(text, tokens, j, ""):
                return False  # "Regarde, si tu ne viens pas …": a condition
            verb = fold(tokens[j - 1].text).split("'")[-1]
            if whether in ("if", "whether"):
                return language in (None, "en") and verb in _LOOKING_EN
            subject = tokens[j + 1].text if j + 1 < k else ""
            return language in (None, "fr") and verb.startswith(_LOOKING_FR) and (
                whether != "si" or subject[:1].isupper()
                or fold(subject).split("'")[0] in _SI_SUBJECTS)
        if _clause_break(text, tokens, j, language or "") or whether in (
                "que", "qui", "that", "who", "which"):
            return False
    return False


def _polar(text: str, language: str | None, negating: list[Word]) -> list[Word]:
    """`negating` without the negations of negative questions, direct or indirect."""
    if not negating:
        return negating
    tokens = words(text)
    index = {w.start: k for k, w in enumerate(tokens)}
    hedged = _hedging(text, language, negating)
    return [n for n in negating
            if n not in hedged and ((k := index.get(n.start)) is None
                                    or not _negative_question(text, tokens, k, language))]


def _asked(text: str, language: str | None, negating: list[Word]) -> list[Word]:
    """The negations of `negating` that ask a negative question (`_negative_question`)."""
    if not negating:
        return []
    tokens = words(text)
    index = {w.start: k for k, w in enumerate(tokens)}
    return [n for n in negating if (k := index.get(n.start)) is not None
            and _negative_question(text, tokens, k, language)]


def _in_yes_no_question(text: str, language: str | None, negation: Word) -> bool:
    """Whether `negation` stands in a clause that its question mark closes and no question
    word opens, as far as `language` is known ("¿No dormiste?", "Du hast nicht geschlafen?";
    not "Why did you not come?", nor "He did not come, did he?")."""
    end = re.search(r"[.?!]", text[negation.end :])
    if end is None or end.group() != "?" or re.search(
            r"[,;:—–]", text[negation.end : negation.end + end.start()]):
        return False
    tokens = words(text)
    k = next((j for j, t in enumerate(tokens) if t.start == negation.start), None)
    if k is None:
        return False
    start = k
    while start > 0 and not _clause_break(text, tokens, start, ""):
        start -= 1
    opening = {t.text.lower().replace("’", "'").split("'")[0] for t in tokens[start:k]}
    return not opening & _QUESTION_WORDS.get(language or "", _ANY_QUESTION_WORDS)


def _hedging(text: str, language: str | None, negating: list[Word]) -> list[Word]:
    """The negations of `negating` that stand in an indirect question (`_indirect_question`)."""
    tokens = words(text)
    index = {w.start: k for k, w in enumerate(tokens)}
    return [n for n in negating
            if (k := index.get(n.start)) is not None
            and _indirect_question(text, tokens, k, language)]


class Polarity(NamedTuple):
    """What negates in one side of a link."""

    #: Every negation (`negations`).
    negations: list[Word]
    #: Those that turn the sentence round: not the negations of a negative question
    #: ("Ne venais-je pas … ?") nor of a litotes ("ne tarda pas", "did not fail").
    reversing: list[Word]
    #: Words of negative sense that no negation took up ("j'ignorais").
    negative_sense: list[Word]


#: Words of negative sense that do not carry a negation on their own ("I will miss her" is
#: no "she is not affected"), and that a negation makes affirm only where it is a negative
#: quantifier: "so that none might be missed" (all were seen), "nothing was missed"; "she
#: should not miss such a companion" negates.
_LITOTES_ONLY = frozenset(("miss", "misses", "missed", "missing"))
_QUANTIFIER_NEGATIONS = frozenset(("none", "nothing", "no", "nobody"))


def polarity(text: str, language: str | None) -> Polarity:
    found = negations(text, language)
    reversing, sense = _litotes(text, language, _polar(text, language, found),
                                negative_sense(text, language))
    return Polarity(found, reversing, [w for w in sense if fold(w.text) not in _LITOTES_ONLY])


def negation_counts_differ(ctx: CheckContext, i: int) -> bool:
    """Whether one side of link `i` negates more often than the other."""
    left = negations(ctx.sources[i].text, ctx.source_language)
    right = negations(ctx.translations[i].text, ctx.translation_language)
    return len(left) != len(right)


#: Negative pronouns, determiners and adverbs of quantity (folded): "nobody", "nothing",
#: "none", "no", "never", "nowhere" and theirs in each language (`_opposite_universals`).
_NEGATIVE_QUANTIFIERS = {language: frozenset(map(fold, words_.split())) for language, words_ in {
    "en": "nobody nothing none no never nowhere neither",
    "de": "niemand nichts kein keine keinen keinem keiner keines nie niemals nirgends "
          "nirgendwo",
    "fr": "personne rien aucun aucune nul nulle jamais",
    "es": "nadie nada ningun ninguno ninguna ningunos ningunas nunca jamas",
    "it": "nessuno nessuna niente nulla mai",
    "pt": "ninguem nada nenhum nenhuma nunca jamais",
    "nl": "niemand niets geen nooit nergens",
    "ro": "nimeni nimic niciun nicio niciunul niciuna niciodată nicăieri",
    "pl": "nikt nic niczego nikogo żaden żadna żadne nigdy nigdzie",
    "cs": "nikdo nic nikoho ničeho žádný žádná žádné nikdy nikde",
    "hr": "nitko niko ništa nikad nikada nijedan nigdje",
    "ru": "никто ничего ничто никогда нигде никакой",
    "uk": "ніхто нічого ніщо ніколи ніде жоден жодна жодне жодного ніякий",
    "be": "ніхто нічога ніколі нідзе ніводзін",
    "bg": "никой нищо никога никъде нито",
    "sl": "nihče nič nikoli nikjer noben nobena nobeno",
}.items()}
#: Their opposite universals (folded): "everyone", "everything", "all", "always",
#: "everywhere", and "both" against "neither"; of a phrase, its first word ("Tout" of «
#: tout le monde », "todo" of "todo el mundo", "toată" of "toată lumea"), which
#: `_UNIVERSAL_PHRASE` extends to the phrase.
_UNIVERSALS = {language: frozenset(map(fold, words_.split())) for language, words_ in {
    "en": "everyone everybody everything all every each always everywhere both",
    "de": "alle alles allen aller jeder jede jedes jeden jedem jedermann immer überall "
          "beide beiden",
    "fr": "tout tous toute toutes chacun chacune chaque toujours partout",
    "es": "todo todos toda todas cada siempre ambos ambas",
    "it": "tutti tutto tutta tutte ognuno ognuna ogni sempre ovunque dappertutto "
          "entrambi entrambe",
    "pt": "todo todos toda todas tudo cada sempre ambos ambas",
    "nl": "iedereen alles alle elk elke altijd overal beide beiden",
    "ro": "toți toate tot toată totul fiecare mereu întotdeauna amândoi amândouă",
    "pl": "wszyscy wszystko wszystkie każdy każda każde zawsze wszędzie obie oba obaj obu",
    "cs": "všichni všechno vše všechny každý každá každé vždy všude oba obě",
    "hr": "svi sve svatko svako svaki uvijek uvek svugdje oba obje obadva",
    "ru": "все всё всегда каждый везде оба обе обоих обеих",
    "uk": "всі усі все усе завжди кожен кожна кожне скрізь всюди обидва обидві",
    "be": "усе ўсе заўсёды кожны паўсюль абодва абедзве",
    "bg": "всички всичко винаги всеки навсякъде двете двамата",
    "sl": "vsi vse vsak vsaka vsako vedno povsod oba obe",
}.items()}
for _same, _as in (("bs", "hr"), ("sr", "hr"), ("sk", "cs")):
    _NEGATIVE_QUANTIFIERS[_same], _UNIVERSALS[_same] = (_NEGATIVE_QUANTIFIERS[_as],
                                                        _UNIVERSALS[_as])
#: A language without lists, or none: every language's, but "no" (Spanish, Italian,
#: Portuguese "not") and "alle" (Italian "to the").
_ANY_NEGATIVE_QUANTIFIER = frozenset().union(*_NEGATIVE_QUANTIFIERS.values()) - {"no"}
_ANY_UNIVERSAL = frozenset().union(*_UNIVERSALS.values()) - {"alle"}
#: A universal of several words, from its first: « tout le monde », "todo el mundo", "todo
#: mundo", "toda a gente", "toată lumea".
_UNIVERSAL_PHRASE = re.compile(
    r"(?i)(?:tout\s+le\s+monde|todo\s+el\s+mundo|todo\s+(?:o\s+)?mundo|toda\s+a\s+gente"
    r"|toată\s+lumea)\b")


#: Words after a negative determiner that make it a bound or a comparison, which a
#: universal renders faithfully: "I can do no more" as « c'est tout ce que je peux faire »,
#: « aucune autre langue » as "exceed all other language" (folded).
_COMPARING = frozenset(map(fold, (
    "more less other others longer better autre autres plus moins mehr weniger andere "
    "anderen anderer anderes mas menos otro otra otros otras altro altra altri altre piu "
    "meno mais outro outra outros outras meer minder").split()))
_NEXT_WORD = re.compile(r"[\s'’]*(\w+)")


def _opposite_universals(wa: WordAlignment, side: SideName, extra: list[Word],
                         language: str | None, other_language: str | None, text: str
                         ) -> list[tuple[Word, Word]]:
    """(negation, universal) for each negative pronoun, determiner or adverb of `extra`
    (`_NEGATIVE_QUANTIFIERS`: "Niemand", "nothing", "nadie", "rien") that the word aligner
    pairs with its opposite universal on the other side (`_UNIVERSALS`: "Everyone",
    "Alles", "Todos", « Tout »): the meaning reversed, as by a negated verb dropped, not a
    negation reworded.  Not one before a word of comparison (`_COMPARING`: "no more", «
    aucune autre »), a bound a universal says as well; `text` is `side`'s."""
    negative = _NEGATIVE_QUANTIFIERS.get(language or "", _ANY_NEGATIVE_QUANTIFIER)
    universal = _UNIVERSALS.get(other_language or "", _ANY_UNIVERSAL)
    own = wa.words_of(side)
    other = wa.words_of("translation" if side == "source" else "source")
    k = 0 if side == "source" else 1
    found: list[tuple[Word, Word]] = []
    for pair in wa.pairs:
        word, partner = own[pair[k]], other[pair[1 - k]]
        for n in extra:
            following = _NEXT_WORD.match(text, n.end)
            if (word.start < n.end and word.end > n.start and fold(n.text) in negative
                    and fold(partner.text) in universal
                    and not (following and fold(following.group(1)) in _COMPARING)):
                found.append((n, partner))
    return found


#: Prohibitions: an instruction not to do something ("Do not unplug the device", « Ne pas
#: débrancher », "Nicht berühren", "Ziehen Sie nicht den Stecker", "No desenchufe", "Non
#: toccare", "Não toque").  Rendered as the positive instruction, the reader is told to do
#: the forbidden thing: a negation dropped there is major, not minor (`_forbidden_rendered`).
#: They are read at the start of a sentence or a clause (`_CLAUSE_BREAK`), after quotes,
#: a bullet, a number or a label (`_LEAD`: "Warning:", « Attention – »), a coordinator or
#: "please" (`_LEAD_WORDS`).
_CLAUSE_BREAK = re.compile(r"[.!?…:;,]+[\"'“”»›’)\]]*\s+|\s[-–—]+\s+|\n")
_LEAD = re.compile(
    r"[\s\"'“”„«»‹›‘’(\[*•·‣◦▪►➤→>#\-–—]*(?:(?:\d{1,3}|[A-Za-z])[.)]\s+)?"
    r"(?:(?i:warning|caution|danger|important|note|notice|attention|avertissement|remarque"
    r"|mise en garde|achtung|vorsicht|warnung|gefahr|hinweis|wichtig|advertencia|precaución"
    r"|atención|peligro|aviso|nota|avvertenza|attenzione|pericolo|avviso|atenção|cuidado"
    r"|perigo)\s*[:!.–—-]?\s+)?[\s\"'“”„«»‹›‘’]*")
#: Words that may open a prohibition's clause (folded): a coordinator ("and do not"), which
#: makes it a clause, not a sentence, and "please", which does not.
_LEAD_WORDS = {
    "en": ("and but or so", "please"), "fr": ("et mais ou", "veuillez"),
    "de": ("und aber oder", "bitte"), "es": ("y pero o", "por favor"),
    "it": ("e ma o", "per favore"), "pt": ("e mas ou", "por favor"),
}
_COORDINATORS = {lang: frozenset(c.split()) for lang, (c, _) in _LEAD_WORDS.items()}
_PLEASE = {lang: tuple(p.split()) for lang, (_, p) in _LEAD_WORDS.items()}
#: English: the words after "Do not", "Don't", "Never" that are no base verb (folded).
_EN_NOT_VERBS = frozenset(
    "i you he she it we they one this that these those the a an am is are was were been "
    "being has had have do does did will would shall should can could may might must mind "
    "again so too only yet ever more once before quite in at all any even".split())
_EN_PARTICIPLE = re.compile(r"(?:[^e]ed|ing)$")
_EN_ING_VERBS = frozenset("bring sing ring fling sling swing sting string wring".split())
#: French object pronouns between « ne » and the verb (folded), elided ones included.
_FR_PRONOUNS = frozenset("le la les lui leur me te se nous vous y en".split())
_FR_ELIDED = ("l'", "m'", "t'", "s'")
#: German: the negations of an instruction, and the finite verbs that make a clause opened by
#: « Nicht » a statement ("Nicht die Männer haben gegessen": it was not the men).
_DE_NEGATIONS = frozenset("nicht nie niemals kein keine keinen keinem keiner keines".split())
_DE_FINITE = frozenset(
    "ist sind war waren bin bist wird werden wurde wurden hat haben hatte hatten habe kann "
    "konnen konnte konnten muss mussen musste mussten soll sollen sollte sollten will wollen "
    "wollte wollten darf durfen durfte durften mag mogen mochte mochten gibt gab".split())
_DE_SUBJECTS = frozenset("ich du er sie es wir ihr man".split())
#: Spanish, Italian and Portuguese negate with one word before the verb, its clitics between.
_ROMANCE_NOT = {"es": "no", "it": "non", "pt": "nao"}
_ROMANCE_CLITICS = {
    "es": frozenset("lo la los las le les me te se nos os".split()),
    "it": frozenset("lo la li le gli ne mi ti ci vi si".split()),
    "pt": frozenset("o a os as lhe lhes me te se nos vos".split()),
}
#: Spanish and Portuguese leave the subject out, so "No sabe" (he does not know) reads as a
#: subjunctive "No toque" (do not touch) would: not the imperfect, and not these frequent
#: statements (folded).
_ROMANCE_STATEMENTS = {
    "es": frozenset(
        "sabe saben sabes puede pueden puedes quiere quieren quieres tiene tienen tienes debe "
        "deben debes hace hacen haces dice dicen dices viene vienen vienes parece parecen "
        "cree creen importa importan pasa pasan queda quedan gusta gustan esta estan estas "
        "eres son solo sino obstante mas basta bastan cabe existe existen conoce conocen "
        "entiende entienden sirve sirven vale valen falta faltan necesita necesitan habla "
        "hablan ocurre sucede cuenta cuesta obstante siempre menos nada nadie nunca".split()),
    "pt": frozenset(
        "sabe sabem pode podem quer querem tem deve devem faz fazem diz dizem parece parecem "
        "importa gosta gostam esta estao existe existem conhece conhecem entende entendem "
        "basta vale valem falta faltam precisa precisam consegue conseguem acredita acha "
        "apenas somente so mais menos obstante sempre nada ninguem nunca adianta fala falam "
        "acontece".split()),
}


def _clause_starts(text: str) -> list[tuple[int, bool]]:
    """(offset, whether it opens a sentence) of each sentence and clause of `text`."""
    starts = [(0, True)]
    for m in _CLAUSE_BREAK.finditer(text):
        starts.append((m.end(), not re.match(r"[,;]", m.group())))
    return starts


def _clause_heads(text: str, language: str | None) -> list[tuple[int, bool, int]]:
    """(first word, whether it opens a sentence, index after its last word) of each
    sentence and clause of `text`, its first word the one after any quotes, bullet, number
    or label (`_LEAD`) and any coordinator or "please" (`_LEAD_WORDS`) of `language`."""
    tokens = words(text)
    at = {w.start: k for k, w in enumerate(tokens)}
    keys = [fold(w.text) for w in tokens]
    coordinators = _COORDINATORS.get(language or "", frozenset())
    please = _PLEASE.get(language or "", ())
    heads = []
    for offset, sentence in _clause_starts(text):
        k = at.get(_LEAD.match(text, offset).end())
        while k is not None and k < len(tokens):  # "and", "please"
            if please and tuple(keys[k:k + len(please)]) == please:
                k += len(please)
            elif keys[k] in coordinators:
                k, sentence = k + 1, False
            else:
                break
        if k is not None and k < len(tokens):
            heads.append((k, sentence, _clause_end(text, tokens, k)))
    return heads


def prohibitions(text: str, language: str | None) -> list[tuple[Word, Word, int]]:
    """(negation, verb, start) of each prohibition of `text` in `language` (English, French,
    German, Spanish, Italian, Portuguese): an instruction not to do something, at the start
    of a sentence or a clause, its negation word as `negations` reads it, the verb it
    forbids and where the prohibition begins."""
    base = primary_language(language) or ""
    if base not in _PROHIBITION:
        return []
    tokens = words(text)
    keys = [fold(w.text) for w in tokens]
    found = []
    for k, sentence, stop in _clause_heads(text, base):
        if text[tokens[stop - 1].end:].lstrip(" \"'”»’)").startswith("?"):
            continue  # a question ("Haben Sie nicht …?"), not an instruction
        hit = _PROHIBITION[base](tokens, keys, k, stop, sentence)
        if hit is None:
            continue
        prohibition = (tokens[hit[0]], tokens[hit[1]], tokens[k].start)
        if prohibition not in found:  # "1. Do not": one clause read from two starts
            found.append(prohibition)
    return found


def _instructs(text: str, language: str | None, word: Word) -> bool:
    """Whether `word` of `text` stands where the verb of an instruction does: first in its
    sentence or clause (`_clause_heads`: "Débranchez l'appareil", "please unplug", "Ziehen
    Sie"), or, in German, last (« Die Oberfläche berühren »)."""
    tokens = words(text)
    base = primary_language(language) or ""
    for k, _, stop in _clause_heads(text, base):
        if tokens[k].start == word.start or base == "de" and (
                tokens[stop - 1].start == word.start and word.text.islower()):
            return True
    return False


def _clause_end(text: str, tokens, k: int) -> int:
    """The index after the last word of the clause that word `k` begins."""
    j = k + 1
    while j < len(tokens) and not re.search(r"[,;:.!?…()]", text[tokens[j - 1].end:
                                                                tokens[j].start]):
        j += 1
    return j


def _english(tokens, keys, k, stop, sentence):
    def verb(j):
        return (j < stop and keys[j].isalpha() and keys[j] not in _EN_NOT_VERBS
                and (not _EN_PARTICIPLE.search(keys[j]) or keys[j] in _EN_ING_VERBS))
    if keys[k] == "do" and k + 1 < stop and keys[k + 1] == "not" and verb(k + 2):
        return k + 1, k + 2
    if keys[k] == "don't" and verb(k + 1):
        return k, k + 1
    if keys[k] == "don" and k + 1 < stop and keys[k + 1] in ("t", "'t") and verb(k + 2):
        return k + 1, k + 2  # "don 't", as tokenised corpora write it
    if keys[k] == "never" and sentence and verb(k + 1):
        return k, k + 1
    return None


def _french(tokens, keys, k, stop, sentence):
    def imperative(j):
        key = keys[j].split("'")[-1] if keys[j].startswith(_FR_ELIDED + ("n'",)) else keys[j]
        return key.isalpha() and (key.endswith(("ez", "ons")) or sentence and (
            key.endswith(("e", "s")) and not key.endswith("ais") or key == "va"))
    j = k + 1
    if keys[k] == "ne" and j < stop and keys[j] in ("pas", "jamais"):  # « Ne pas débrancher »
        neg = j
        j += 1
        while j < stop and keys[j] in _FR_PRONOUNS:
            j += 1
        if j < stop and keys[j].split("'")[-1].endswith(("er", "ir", "re", "oir")):
            return neg, j
        return None
    if keys[k] == "ne":
        while j < stop and keys[j] in _FR_PRONOUNS:
            j += 1
    elif keys[k].startswith("n'"):
        if keys[k][2:] not in ("y", "en"):  # « N'utilisez pas »: the verb is that word
            j = k
    else:
        return None
    if j + 1 < stop and imperative(j) and keys[j + 1] in ("pas", "jamais"):
        return j + 1, j
    return None


def _german(tokens, keys, k, stop, sentence):
    if keys[k] in _DE_NEGATIONS and stop - k <= 10:  # « Nicht berühren », « Keine … stecken »
        last = stop - 1
        if (last > k and tokens[last].text.islower() and keys[last].endswith(("en", "rn", "ln"))
                and not any(keys[j] in _DE_FINITE or keys[j] in _DE_SUBJECTS
                            for j in range(k + 1, last))):
            return k, last
        return None
    # "Ziehen Sie nicht den Stecker", "Berühren Sie das Gerät niemals"
    if (k + 1 < stop and tokens[k + 1].text == "Sie" and keys[k].isalpha()
            and keys[k].endswith("n") and keys[k] not in _DE_FINITE):
        neg = next((j for j in range(k + 2, stop) if keys[j] in _DE_NEGATIONS), None)
        if neg is not None:
            return neg, k
    return None


def _romance(language):
    def read(tokens, keys, k, stop, sentence):
        if keys[k] != _ROMANCE_NOT[language]:
            return None
        j = k + 1
        while j < stop and keys[j] in _ROMANCE_CLITICS[language]:
            j += 1
        if j >= stop or not keys[j].isalpha() or len(keys[j]) < 3:
            return None
        key = keys[j]
        if language == "it":
            ok = key.endswith(("are", "ere", "ire", "rre", "ate", "ete", "ite"))
        else:
            ok = key not in _ROMANCE_STATEMENTS[language] and key.endswith(
                ("ar", "er", "ir", "e", "es", "en", "em", "a", "as", "an", "am")
            ) and not key.endswith(("aba", "abas", "aban", "ava", "avas", "avam", "ia", "ias",
                                    "ian", "iam"))
        return (k, j) if ok and key != "por" else None
    return read


_PROHIBITION = {"en": _english, "fr": _french, "de": _german, "es": _romance("es"),
                "it": _romance("it"), "pt": _romance("pt")}

#: The modal verbs that forbid when negated, as contracts, terms and rules state a
#: prohibition (folded): "shall not", "must not", "may not", « ne doit pas », « ne peut
#: pas », « darf … nicht », « soll keine », « no debe », « non deve », « não pode ».  Not
#: German « muss nicht » (need not) nor English "need not", which lift an obligation.
_FORBIDDING_MODALS = {language: frozenset(map(fold, listed.split())) for language, listed in {
    "en": "shall must may",
    "fr": "doit doivent devez devons peut peuvent pouvez pouvons",
    "de": "darf dürfen darfst dürft soll sollen sollst sollt",
    "es": "debe deben debes puede pueden puedes",
    "it": "deve devono devi può possono puoi",
    "pt": "deve devem deves pode podem podes",
}.items()}
#: English modals written as one word with their negation ("mustn't", "shan't").
_EN_FUSED_MODALS = frozenset(("mustn't", "shan't", "mayn't"))
#: Subjects after which "may not" says what is possible, not what is allowed.
_EN_IMPERSONAL = frozenset("it there this that which".split())


def modal_prohibitions(text: str, language: str | None) -> list[tuple[Word, Word, Word | None]]:
    """(negation, modal, verb) of each prohibition of `text` stated with a negated modal of
    `language` (`_FORBIDDING_MODALS`): "shall not engage", « ne doit pas céder », « darf
    … nicht … einsetzen » (the negation anywhere in the modal's clause, since German puts
    its objects between), « no debe ceder »; the verb is the one forbidden, where it is
    read (None where the modal stands alone: "must not be")."""
    base = primary_language(language) or ""
    modals = _FORBIDDING_MODALS.get(base)
    if not modals:
        return []
    tokens = words(text)
    keys = [fold(w.text) for w in tokens]
    found = []
    for k, key in enumerate(keys):
        negation = verb = None
        if base == "en" and (key in modals or key in _EN_FUSED_MODALS):
            if key == "may" and k and keys[k - 1] in _EN_IMPERSONAL:
                continue  # "it may not rain": a possibility, not a permission refused
            j = k if key in _EN_FUSED_MODALS else k + 1
            if j == k or j < len(keys) and keys[j] in ("not", "never"):
                negation = tokens[j]
                if (j + 1 < len(keys) and keys[j + 1].isalpha()
                        and keys[j + 1] not in _EN_NOT_VERBS):
                    verb = tokens[j + 1]
        elif base == "fr" and key in modals and k and keys[k - 1] == "ne":
            if k + 1 < len(keys) and keys[k + 1] in ("pas", "jamais", "aucunement"):
                negation = tokens[k + 1]
                j = k + 2
                while j < len(keys) and keys[j] in _FR_PRONOUNS:
                    j += 1
                if j < len(keys) and keys[j].split("'")[-1].endswith(("er", "ir", "re", "oir")):
                    verb = tokens[j]
        elif base == "de" and key in modals:
            start = k
            while start and not re.search(r"[,;:.!?…()]", text[tokens[start - 1].end:
                                                                tokens[start].start]):
                start -= 1
            stop = _clause_end(text, tokens, k)
            negation = next((tokens[j] for j in range(start, stop)
                             if keys[j] in _DE_NEGATIONS), None)
            # The infinitive ends the clause, or stands just before the modal that does
            # ("… nicht einsetzen darf").
            last = stop - 1 if stop - 1 != k else k - 1
            if last > start and tokens[last].text.islower() and keys[last].endswith(
                    ("en", "rn", "ln")):
                verb = tokens[last]
        elif key in modals and k and keys[k - 1] == _ROMANCE_NOT.get(base):
            negation = tokens[k - 1]
            if k + 1 < len(keys) and keys[k + 1].endswith(("ar", "er", "ir", "are", "ere",
                                                           "ire", "rre")):
                verb = tokens[k + 1]
        if negation is not None:
            found.append((negation, tokens[k], verb))
    return found


def _stated(text: str, first: Word, second: Word) -> str:
    """Words `first` and `second` of `text` as a finding quotes them: the words between
    when they stand side by side ("shall not"; « ne doit pas », its « ne » before them
    too), else the two with an ellipsis («darf … nicht»)."""
    a, b = sorted((first, second), key=lambda w: w.start)
    start = a.start
    before = words(text[:a.start])
    if before and fold(before[-1].text) == "ne":
        start = before[-1].start
    if not words(text[a.end:b.start]):
        return text[start:b.end]
    return f"{text[start:a.end]} … {b.text}"


def _forbidden_rendered(wa: WordAlignment, side: SideName, extra: list[Word], text: str,
                        language: str | None, other_text: str, other_language: str | None,
                        other_negations: list[Word]) -> tuple[str, Word] | None:
    """(the prohibition, the word that renders its verb) where a negation of `extra` is that
    of a prohibition of `side` (`prohibitions`, `text` its text) whose verb the word aligner
    pairs with a word of the other side (`other_text`, in `other_language`) that stands
    where an instruction's verb does (`_instructs`) and that no negation of its clause
    (`other_negations`) negates: the other side tells the reader to do what this one
    forbids."""
    own, other = wa.words_of(side), wa.words_of("translation" if side == "source" else "source")
    k = 0 if side == "source" else 1
    # A "without" of the other side negates its own phrase, not the verb ("Débranchez
    # sans attendre", "shall engage … without consent").
    other_negations = [n for n in other_negations if fold(n.text) not in WITHOUT_WORDS]
    for negation, modal, verb in modal_prohibitions(text, language):
        if not any(n.start == negation.start for n in extra):
            continue
        # The modal, and the verb it forbids, whose partners state what the other side
        # commands instead ("shall engage" for « darf … nicht … einsetzen »), in whatever
        # place its sentence puts them.
        partners = {}
        for pair in wa.pairs:
            word, partner = own[pair[k]], other[pair[1 - k]]
            for role, target in (("modal", modal), ("verb", verb)):
                if (target is not None and word.start < target.end and word.end > target.start
                        and _may_instruct(partner, other_language, other_text)):
                    partners.setdefault(role, partner)
        rendering = partners.get("modal") or partners.get("verb")
        if rendering is None or any(_same_clause(other_text, rendering, n)
                                    for n in other_negations):
            continue
        if {"modal", "verb"} <= partners.keys():
            a, b = sorted((partners["modal"], partners["verb"]), key=lambda w: w.start)
            if a != b and not words(other_text[a.end:b.start]):
                rendering = Word(other_text[a.start:b.end], a.start, b.end)
        return _stated(text, modal, negation), rendering
    for negation, verb, start in prohibitions(text, language):
        if not any(n.start == negation.start for n in extra):
            continue
        # The verb, and English "do", which the aligner may pair with the imperative instead
        # ("Do" with « Débranchez »).
        mine = {i for i, w in enumerate(own) if w.start < verb.end and w.end > verb.start
                or start <= w.start < negation.start and fold(w.text) == "do"}
        for pair in wa.pairs:
            if pair[k] not in mine:
                continue
            partner = other[pair[1 - k]]
            if _may_instruct(partner, other_language, other_text) and _instructs(
                    other_text, other_language, partner) and not any(
                    _same_clause(other_text, partner, n) for n in other_negations):
                return text[start:max(negation.end, verb.end)], partner
    return None


def _may_instruct(word: Word, language: str | None, text: str = "") -> bool:
    """Whether `word` of `text`, of `language`, may be the verb or the modal of an
    instruction: not a preposition nor another function word (« jusqu'à », « hasta »
    paired with "shall" state no command), nor a word of a bound (« höchstens »,
    « au plus »: `align.checks.lexicon.bound_words`), which renders a negated verb of
    exceeding; an auxiliary is one too ("wird"), whose verb then renders it."""
    return is_content(word) and not is_preposition(word.text, language) and not any(
        a < word.end and word.start < b for bound in BOUND_OPPOSITE
        for a, b in bound_words(text, bound, language))


#: How many words a verb of exceeding may stand from the negation that bounds it ("must not
#: be less than", „darf 5.000 EUR nicht überschreiten“, "does not in any case exceed").
_BOUND_REACH = 4
#: The French negations after which « plus de » is a comparative that bounds (« ne contient
#: pas plus de 50 litres »: at most); after « ne » alone « plus » is the negation's other
#: half (« n'a plus de dettes »: no longer).
_PLUS_BOUNDED = frozenset(("pas", "point", "jamais"))


class _Bounds(NamedTuple):
    """What the negations of one side bound, against the other side (`_bounds`)."""

    #: The negations whose bound the other side states in its own words ("shall not
    #: exceed" against « höchstens »): a bound rendered, no negation lost.
    rendered: list[Word]
    #: (negation, what it bounds quoted, the other side's word of the opposite bound, its
    #: offsets): "shall not exceed" against « mindestens ».
    reversed: list[tuple[Word, str, Word]]


def _bounds(text: str, language: str | None, negating: list[Word], other_text: str,
            other_language: str | None, other_negating: list[Word]) -> _Bounds:
    """The negations of `negating` that negate a verb of exceeding or falling below, or a
    comparative (`align.checks.lexicon.bound_verb`: "shall not exceed", "must not be less
    than", „nicht unterschreiten“, « ne peut être inférieure à »), and so set a bound,
    which the other side (`other_text`, its negations `other_negating`) may state with a
    word of its own ("at most", « höchstens », « au plus », « como máximo », "at least",
    « mindestens », « au moins »): each such word renders one negation, unless the other
    side also says the opposite bound, or states a verb of the same bound un-negated
    (« überschreitet »: exceeds), which turn the bound round."""
    rendered: list[Word] = []
    turned: list[tuple[Word, str, Word]] = []
    if not negating:
        return _Bounds(rendered, turned)
    tokens = words(text)
    index = {w.start: k for k, w in enumerate(tokens)}
    other_tokens = words(other_text)
    used: dict[str, int] = {}
    # Whether a negation is a piece of a word is read from the word, not from its side's
    # language: a text in one script may quote another ("shall not exceed" in a Chinese
    # side, whose words are then any listed language's).
    side_unspaced = _unspaced_language(text, language)
    spaced_language = None if side_unspaced else language
    for negation in negating:
        k = index.get(negation.start)
        if DENSE_LETTER.search(negation.text):
            # A piece of a word: its verb is the characters around it (« 不超过 »).
            found = unspaced_bound(text, negation.start, negation.end, side_unspaced
                                   or _unspaced_language(negation.text, None))
            if found is not None:
                bound, start, stop = found
                _bound_against(negation, text[start:stop], bound, other_text,
                               other_language, other_tokens, other_negating, used, rendered,
                               turned)
            continue
        if k is None:
            continue
        near = sorted(range(max(0, k - _BOUND_REACH), min(len(tokens), k + _BOUND_REACH + 1)),
                      key=lambda j: (abs(j - k), j))
        found = next(((j, said) for j in near if j != k and (said := bound_verb(
            tokens[j].text, tokens[j + 1].text if j + 1 < len(tokens) else "",
            spaced_language))
            and _same_clause(text, negation, tokens[j])
            and (fold(tokens[j].text) != "plus" or fold(negation.text) in _PLUS_BOUNDED)),
            None)
        if found is None:
            continue
        j, (bound, size) = found
        # Quoted whole where it is short ("not be less than", "nicht überschreiten").
        first, last = sorted((negation, tokens[j + size - 1]), key=lambda w: w.start)
        phrase = (text[first.start:last.end] if len(words(text[first.start:last.end]))
                  <= _BOUND_REACH else _stated(text, negation, tokens[j]))
        _bound_against(negation, phrase, bound, other_text, other_language, other_tokens,
                       other_negating, used, rendered, turned)
    return _Bounds(rendered, turned)


def _bound_against(negation: Word, phrase: str, bound: str, other_text: str,
                   other_language: str | None, other_tokens, other_negating: list[Word],
                   used: dict[str, int], rendered: list[Word],
                   turned: list[tuple[Word, str, Word]]) -> None:
    """Adds `negation`, which sets `bound` (quoted as `phrase`), to `rendered` where the
    other side states that bound (each of its words once: `used` counts them by bound),
    whatever other bound it states, and no verb of that bound un-negated; to `turned`, with
    the word, where that side states the opposite bound only."""
    stated = bound_words(other_text, bound, other_language)
    opposite = bound_words(other_text, BOUND_OPPOSITE[bound], other_language)
    # A comparative inside a word that states the bound ("more than" of "not more than",
    # whose "not" negates nothing) asserts no exceeding.
    asserted = any((bound_verb(w.text, other_tokens[q + 1].text if q + 1 < len(
        other_tokens) else "", other_language, verbs_only=True) or ("",))[0] == bound
        and not any(
        _same_clause(other_text, n, w) for n in other_negating)
        and not any(a <= w.start < b for a, b in stated)
        for q, w in enumerate(other_tokens))
    # Each bound is read against the words of its own direction: a sentence may state both
    # (« mindestens ein Jahr und höchstens fünf Jahre »).
    if len(stated) > used.get(bound, 0) and not asserted:
        used[bound] = used.get(bound, 0) + 1
        rendered.append(negation)
    elif opposite and not stated:
        a, b = opposite[0]
        turned.append((negation, phrase, Word(other_text[a:b], a, b)))



def _not_without(text: str, negating: list[Word], other_text: str,
                 other_language: str | None) -> list[Word]:
    """`negating` without each negation and "without" of one clause ("may not keep pets
    without consent") that an "only with" of the other side renders (`ONLY_WITH`: „nur
    mit“), one pair for each."""
    patterns = [ONLY_WITH[other_language]] if other_language in ONLY_WITH else (
        [] if other_language else list(ONLY_WITH.values()))
    count = sum(len(p.findall(fold(other_text))) for p in patterns)
    kept = list(negating)
    for _ in range(count):
        pair = next(((n, w) for w in kept if fold(w.text) in WITHOUT_WORDS for n in kept
                     if n is not w and n.start < w.start and fold(n.text) not in WITHOUT_WORDS
                     and _same_clause(text, n, w)), None)
        if pair is None:
            break
        kept = [w for w in kept if w not in pair]
    return kept


def _not_until(text: str, language: str | None, negating: list[Word], other_text: str,
               other_language: str | None) -> list[Word]:
    """`negating` without each negation before an "until" of its clause ("Do not connect
    the cable until", `UNTIL_WORDS`) that an "only when" of the other side renders
    (`ONLY_WHEN`: „erst an, wenn“, « seulement quand »), one for each."""
    patterns = [ONLY_WHEN[other_language]] if other_language in ONLY_WHEN else (
        [] if other_language else list(ONLY_WHEN.values()))
    count = sum(len(p.findall(fold(other_text))) for p in patterns)
    if not count:
        return list(negating)
    until = UNTIL_WORDS.get(primary_language(language) or "") if language else None
    untils = [w for w in words(text)
              if fold(w.text) in (until if until is not None else _ANY_UNTIL)]
    kept = list(negating)
    for _ in range(count):
        negation = next((n for n in kept for w in untils
                         if n.start < w.start and _same_clause(text, n, w)), None)
        if negation is None:
            break
        kept.remove(negation)
    return kept


#: How many characters either side of a negation are compared with those of the same word
#: on the other side, to tell which of several it is (`_written_on_the_other_side`).
_KEPT_CONTEXT = 16


def _common_length(a: str, b: str) -> int:
    """How many characters `a` and `b` share from their start."""
    return next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y),
                min(len(a), len(b)))


def _written_on_the_other_side(text: str, language: str | None, negating: list[Word],
                               other_text: str, other_negating: list[Word],
                               other_unspaced: bool) -> list[Word]:
    """The negations of `negating` (of `text`, in `language`) that `other_text` writes too,
    as the same word, case and accents aside: a quotation, a name or a title kept in the
    other language on purpose (Gorky said to me: «Это не революция»), whose negation is
    there, though the other side's language does not read it.  The other side is read as
    `language` is (so "No. 5" is no Spanish "no" there); each of its negations so read that
    is not one of its own (`other_negating`) stands for one negation of the same word, the
    one whose surroundings it shares most (of «Он не пришёл. … «Это не революция»» against
    "He came. … «Это не революция»", the second).  Not where both sides write without
    spaces (`other_unspaced`): each reads its own pieces of words, and Chinese 不 is a
    part of many a Japanese word."""
    if not negating or other_unspaced and _unspaced_language(text, language):
        return []
    folded, other_folded = fold(text), fold(other_text)
    unpaired = list(negating)
    for m in _negations(other_text, language):
        if any(m.start < o.end and m.end > o.start for o in other_negating):
            continue  # already counted on its side
        key = other_folded[m.start:m.end]
        same = [w for w in unpaired if folded[w.start:w.end] == key]
        if not same:
            continue

        def shared(w: Word, m=m) -> int:
            before = _common_length(folded[max(0, w.start - _KEPT_CONTEXT):w.start][::-1],
                                    other_folded[max(0, m.start - _KEPT_CONTEXT):
                                                 m.start][::-1])
            return before + _common_length(folded[w.end:w.end + _KEPT_CONTEXT],
                                           other_folded[m.end:m.end + _KEPT_CONTEXT])

        unpaired.remove(max(same, key=shared))  # the first of equals
    return [w for w in negating if w not in unpaired]


def _same_clause(text: str, a: Word, b: Word) -> bool:
    """Whether words `a` and `b` of `text` stand within six words in one clause."""
    lo, hi = sorted((a, b), key=lambda w: w.start)
    between = text[lo.end:hi.start]
    return not re.search(r"[,;:.!?…]", between) and len(words(between)) <= 6


#: The "until" words of every language, for a side whose language is not known.
_ANY_UNTIL = frozenset().union(*UNTIL_WORDS.values())


@lru_cache(maxsize=1 << 12)
def _line_language(text: str, language: str | None) -> str | None:
    """The language of the line `text` where it is told apart from its side's `language`
    (`align.language.detect_language`), else `language`."""
    found = detect_language(text) if language else None
    return found if found and found != primary_language(language) else language


def _negation(ctx: CheckContext, i: int, divergence: float) -> Finding | None:
    if divergence >= UNRELATED:
        return None
    source, translation = ctx.sources[i], ctx.translations[i]
    src_lang, tgt_lang = ctx.source_language, ctx.translation_language
    source_negates = bool(_negations(source.text, src_lang))
    if not source_negates and not _negations(translation.text, tgt_lang):
        return None  # nothing negates: words of negative sense alone cannot differ here
    # A file of pairs may mix languages (a line into English among lines into German): a
    # side that seems not to negate is read in the language of its line too.  Only that
    # side: a line's language, told from a few words, may be wrong (Serbian as Russian),
    # and a negation read in the side's own language is not to be lost.  A document, one
    # language a side, is not read line by line (the identifier is slow on short lines).
    if ctx.pairs_input and not source_negates:
        src_lang = _line_language(source.text, src_lang)
    elif ctx.pairs_input and not _negations(translation.text, tgt_lang):
        tgt_lang = _line_language(translation.text, tgt_lang)
    raw_left, left, left_sense = polarity(source.text, src_lang)
    raw_right, right, right_sense = polarity(translation.text, tgt_lang)
    # A negation the other side writes too, as the same word (a quotation, a name or a
    # title kept in the source language), has its counterpart there, whatever that side's
    # language reads: neither side counts it.
    kept_left = _written_on_the_other_side(
        source.text, src_lang, raw_left, translation.text, raw_right,
        _unspaced_language(translation.text, tgt_lang) is not None)
    kept_right = _written_on_the_other_side(
        translation.text, tgt_lang, raw_right, source.text, raw_left,
        _unspaced_language(source.text, src_lang) is not None)
    raw_left, left = ([w for w in found if w not in kept_left] for found in (raw_left, left))
    raw_right, right = ([w for w in found if w not in kept_right]
                        for found in (raw_right, right))
    # A negative yes-no question excused on one side ("Ты не спал?") is rendered by the
    # negation of the other side's yes-no question, whether or not that side's language is
    # read for one ("Du hast nicht geschlafen?", "¿No dormiste?"): as many of those as the
    # side asks beyond the other side's own count on neither side.
    asked_left = len(_asked(source.text, src_lang, raw_left))
    asked_right = len(_asked(translation.text, tgt_lang, raw_right))
    for unread, text, language, found in (
            (asked_left - asked_right, translation.text, tgt_lang, right),
            (asked_right - asked_left, source.text, src_lang, left)):
        if unread > 0:
            for w in [w for w in found if _in_yes_no_question(text, language, w)][:unread]:
                found.remove(w)
    # A negated verb of exceeding that the other side renders by its bound ("shall not
    # exceed" as « beträgt höchstens ») negates nothing the translation lost.
    left_bounds = _bounds(source.text, src_lang, raw_left, translation.text, tgt_lang,
                          raw_right)
    right_bounds = _bounds(translation.text, tgt_lang, raw_right, source.text, src_lang,
                           raw_left)
    raw_left, left = ([w for w in found if w not in left_bounds.rendered]
                      for found in (raw_left, left))
    raw_right, right = ([w for w in found if w not in right_bounds.rendered]
                        for found in (raw_right, right))
    # "not … without" rendered by "only with" („nur mit“): neither negation is lost.
    for found in (raw_left, left):
        found[:] = _not_without(source.text, found, translation.text, tgt_lang)
    for found in (raw_right, right):
        found[:] = _not_without(translation.text, found, source.text, src_lang)
    # "not … until" rendered by "only when" (« erst … wenn »): no negation lost.
    for found in (raw_left, left):
        found[:] = _not_until(source.text, src_lang, found, translation.text, tgt_lang)
    for found in (raw_right, right):
        found[:] = _not_until(translation.text, tgt_lang, found, source.text, src_lang)
    # A negation of a word negated by its prefix affirms ("pas impossible").
    left, left_negated = double_negations(source.text, translation.text, left)
    right, right_negated = double_negations(translation.text, source.text, right)
    # The words of an ICU branch the translation drops (``=0 {No comments}``) are a missing
    # branch, which the placeholder check reports, not a negation lost.
    lost = icu_branches_lost(source.text, translation.text)
    if lost:
        left = [w for w in left if not any(a <= w.start < b for a, b in lost)]
    # The side with fewer negation words may negate by a prefix instead ("impossible"
    # for "not possible", as the base shows; "unsaved" for « non enregistrées »,
    # « impossible de » for "could not", as the word aligner sees), a suffix
    # ("worthless") or a word of negative sense ("j'ignorais"); words of negative sense
    # on both sides translate each other ("empêcher" for "prevent"), so only those
    # beyond the other side's count can stand for a negation.
    extra_left = left_sense[len(right_sense):]
    extra_right = right_sense[len(left_sense):]
    # The word alignment, made now where the sides negate as often as each other but not
    # as often turn round (a negative question, a litotes or an indirect question on one
    # side only), which `negation_counts_differ` did not ask for.
    wa = ctx.word_alignments[i] if len(left) == len(right) else ctx.word_alignment(i)
    if len(left) < len(right):
        affixed = [w for w in dict.fromkeys(affix_negations(source.text, translation.text)
                                            + rendered_negations(wa, "source", right)
                                            + prefixed_negations(source.text, src_lang,
                                                                 translation.text))
                   if w not in left_negated]
        left += (affixed + suffix_negations(source.text) + extra_left)[: len(right) - len(left)]
    elif len(right) < len(left):
        affixed = [w for w in dict.fromkeys(affix_negations(translation.text, source.text)
                                            + rendered_negations(wa, "translation", left)
                                            + prefixed_negations(translation.text, tgt_lang,
                                                                 source.text))
                   if w not in right_negated]
        right += (affixed + suffix_negations(translation.text)
                  + extra_right)[: len(left) - len(right)]
    if len(left) == len(right):
        return None
    more, fewer, where = (source, translation, "source") if len(left) > len(right) else (
        translation, source, "translation")
    extra = left if where == "source" else right
    spans: list[Span] = [ctx.span(more, w.start, w.end) for w in extra]
    if wa is not None:
        link_side: LinkText = fewer
        spans += [ctx.span(link_side, w.start, w.end) for w in _in_its_place(wa, where, extra)]
    shown = ", ".join(dict.fromkeys(w.text for w in extra))
    other_name = "translation" if where == "source" else "source"
    fewer_count = min(len(left), len(right))
    # Where both sides negate, "where the other does not" would be false: give the counts.
    reason = (f"the {where} negates ({shown}) where the {other_name} does not"
              if fewer_count == 0 else
              f"the {where} negates {len(extra)} times ({shown}), the {other_name} "
              f"{'once' if fewer_count == 1 else f'{fewer_count} times'}")
    if wa is None:
        # No word evidence.  One side affirms, the other negates: a reversal; different
        # counts of negations on both sides are mostly rephrasing ("not unlike", "ne … que").
        severity = "minor" if min(len(left), len(right)) == 0 else "info"
    else:
        # An extra negation the word aligner leaves without a counterpart is a reversal,
        # even where the other side negates something else; one it pairs is rephrased
        # ("difficult" for "can’t").
        other_negations = right if where == "source" else left
        other_raw = raw_right if where == "source" else raw_left
        other_language = tgt_lang if where == "source" else src_lang
        other_text = translation.text if where == "source" else source.text
        # A negation paired with one of an indirect question on the other side ("to see if
        # it had not dropped" for « si … ne s'en était pas échappée ») renders it: such a
        # negation hedges on both sides, and is merely not recognised as hedging on this one.
        hedged = _hedging(other_text, other_language, other_raw)
        taken_up = [w for w in other_raw if w not in other_negations and w not in hedged]
        # A negation fused with its auxiliary ("cannot", "isn't") that the word aligner
        # pairs with that verb on a side that negates nothing ("cannot" with « peut ») has
        # its verb rendered, not its negation: as much a reversal as an unpaired one.  So
        # has a negation of another language fused with its verb ("nije": is not; Czech
        # "nevím"), which the aligner pairs with the verb of a side that negates nothing
        # whatever word it pairs it with ("nije" with "is", or with "was").
        language = src_lang if where == "source" else tgt_lang
        unmatched = _unmatched(wa, where, extra, other_negations, taken_up, other_raw,
                               other_language)
        severity = "minor" if unmatched or not other_raw and (
            _paired_with_its_verb(wa, where, extra, other_language)
            or any(_fused(n, language, more.text) for n in extra)) else "info"
        # A negative pronoun, determiner or adverb paired with its opposite universal
        # ("Niemand" with "Everyone", "rien" with "everything") is named, the universal
        # shown.  Info still: it reverses the sentence ("Niemand hat den Bericht gelesen." as
        # *Everyone has read the report.*) as often as it renders it with the predicate's
        # opposite ("Nichts ist unmöglich." as *Everything is possible.*, "Er kommt nie
        # pünktlich." as *He is always late.*), whose words the aligner pairs as strongly.
        opposites = [] if unmatched else _opposite_universals(
            wa, where, extra, language, other_language, more.text)
        if opposites:
            # The universal is shown in place of the unmatched words around it.
            spans = [sp for sp in spans if sp.side == where]
            rendered = []
            for negation, universal in opposites:
                phrase = _UNIVERSAL_PHRASE.match(fewer.text, universal.start)
                stop = phrase.end() if phrase else universal.end
                spans.append(ctx.span(fewer, universal.start, stop))
                rendered.append(f"«{negation.text}» is rendered by its opposite "
                                f"«{fewer.text[universal.start:stop]}»")
            reason += ": " + "; ".join(rendered)
        # A prohibition ("Do not unplug") whose verb the other side gives as an instruction
        # ("Débranchez") is named, the instruction highlighted.  Minor still: the instruction
        # may be the forbidden verb's (« Débranchez ») or its opposite's, which renders the
        # prohibition faithfully (*Do not lose your receipt.* as « Conservez votre reçu. »),
        # and neither the word aligner nor the sentence vectors tell the two apart.
        # A prohibition's negation paired only with a function word of the other side,
        # which states the forbidden thing ("nicht" with "the" in "shall engage … without
        # consent"), is no rewording either.
        # A bound turned round ("shall not exceed" as « beträgt mindestens ») is named as
        # such: it is no prohibition rendered as an instruction.
        turned = [t for t in (left_bounds if where == "source" else right_bounds).reversed
                  if t[0] in extra]
        if turned:
            severity = "minor"
            _, phrase, said = turned[0]
            reason += (f": «{phrase}» sets a bound, and the {other_name} gives «{said.text}», "
                       "the opposite bound")
            spans.append(ctx.span(fewer, said.start, said.end))
        spare = severity != "minor" and _paired_with_a_function_word(
            wa, where, extra, other_language, other_raw)
        # A modal prohibition's negation beyond the count of a side that negates too is read
        # whatever the aligner pairs it with: „darf … nicht ohne Zustimmung abtreten“ as
        # "may assign … without consent" keeps only the "without", and permits what the
        # source forbids.
        spare = spare or fewer_count > 0 and any(
            negation in extra for negation, _, _ in modal_prohibitions(more.text, language))
        forbidden = None if severity != "minor" and not spare or opposites or turned else (
            _forbidden_rendered(wa, where, extra, more.text, language, other_text,
                                other_language, other_raw))
        if forbidden is not None:
            severity = "minor"
            phrase, partner = forbidden
            reason += (f": «{phrase}» is a prohibition, and the {other_name} gives "
                       f"«{partner.text}» as an instruction")
            spans.append(ctx.span(fewer, partner.start, partner.end))
        if unmatched and not fewer_count:
            dropped = _dropped_without_phrase(wa, where, extra, more.text)
            if dropped is not None:
                start, stop = dropped
                phrase = more.text[start:stop]
                # The source's phrase is left out; the translation's, added.
                return Finding("omission" if where == "source" else "addition", "minor",
                               f"the {where}'s phrase «{phrase}» has no counterpart in the "
                               f"{other_name}", [ctx.span(more, start, stop)])
    return Finding("meaning-shift", severity, reason, spans)


#: How many words after "without" its phrase may hold.
_WITHOUT_REACH = 6
_PUNCTUATION = re.compile(r"[,;:.!?()\[\]«»“”\"—–]")


def _dropped_without_phrase(wa: WordAlignment, side: SideName, extra: list[Word],
                            text: str) -> tuple[int, int] | None:
    """(start, end) of a phrase of `side` opened by "without" ("sans", "ohne", "sin" …)
    that the other side leaves out whole: the only extra negation is that word, and the
    words after it, up to a punctuation mark or the first word the aligner pairs (at most
    `_WITHOUT_REACH`; `text` is `side`'s), hold a content word without a counterpart
    ("without notice", "ohne seine Frau").  Not where its object is rendered ("without
    paying" as « en payant »): a negation dropped."""
    if len(extra) != 1 or fold(extra[0].text) not in WITHOUT_WORDS:
        return None
    own = wa.words_of(side)
    k = next((j for j, w in enumerate(own) if w.start == extra[0].start), None)
    if k is None:
        return None
    column = 0 if side == "source" else 1
    paired = {pair[column] for pair in wa.pairs}
    aligned = wa.aligned(side)
    last = k
    for j in range(k + 1, min(len(own), k + 1 + _WITHOUT_REACH)):
        if j in paired or _PUNCTUATION.search(text, own[j - 1].end, own[j].start):
            break
        last = j
    if not any(is_content(own[j]) and not aligned[j] for j in range(k + 1, last + 1)):
        return None
    return own[k].start, own[last].end


def _in_its_place(wa: WordAlignment, side: SideName, negations: list[Word]) -> list[Word]:
    """The words of the other side that stand where `negations` of `side` would be rendered
    and that the word aligner leaves unmatched: between the partners of the nearest paired
    words before and after each negation (« démonté » where *did not take to pieces* has no
    negation).  A reader sees where the negation went, not every unmatched word of a long
    sentence."""
    other: SideName = "translation" if side == "source" else "source"
    mine, theirs = (0, 1) if side == "source" else (1, 0)
    partners: dict[int, list[int]] = {}
    for pair in wa.pairs:
        partners.setdefault(pair[mine], []).append(pair[theirs])
    own_words, other_words = wa.words_of(side), wa.words_of(other)
    unmatched = ~wa.aligned(other)
    shown: set[int] = set()
    for negation in negations:
        k = next((j for j, w in enumerate(own_words) if w.start == negation.start), None)
        if k is None:
            continue
        before = next((partners[j] for j in range(k - 1, -1, -1) if j in partners), [-1])
        after = next((partners[j] for j in range(k + 1, len(own_words)) if j in partners),
                     [len(other_words)])
        shown.update(j for j in range(max(before) + 1, min(after)) if unmatched[j])
    return [other_words[j] for j in sorted(shown)]


def _far(ctx: CheckContext, i: int) -> bool:
    """Whether the sentence vectors put link `i` as far from a translation as unrelated
    sentences are (`UNRELATED_SIMILARITY`): evidence enough, short of the divergence's
    `UNRELATED`, that the link may say something else, which `_unrelated` then asks of its
    words.  The divergence weighs the length too, which tells little in a short document
    (`align.checks.length`): «Le musée est fermé pendant tout l'hiver.» for *The first
    parcel was damaged.*, in a document of ten links, is 0.88 divergent."""
    from align.checks.divergence import similarities

    similarity = similarities(ctx)[i]
    return similarity is not None and similarity < UNRELATED_SIMILARITY


def _unrelated(ctx: CheckContext, i: int) -> bool:
    """Whether both sides of link `i` carry much the other lacks (one side within the other
    is an omission): at least `UNRELATED_SHARE` of the content words of each without a
    counterpart, while the sentence vectors do not call the link as alike as a typical one
    of its document (a faithful sentence split in two may leave many words unpaired).

    Where the sentence vectors put the link as far from a translation as unrelated
    sentences are (`UNRELATED_SIMILARITY`), a word paired below the document's strong similarity
    (`WordAlignment.strong`) counts as having none: the aligner still pairs each word with
    whatever is least unlike it (`premier` with `Paris`, `endommagé` with `in`, in «Le
    premier était endommagé.» against "The weather is lovely in Paris today.")."""
    from align.checks.coverage import STRAY_CLAUSE
    from align.checks.divergence import similarities
    from align.checks.words import is_content

    wa = ctx.word_alignments[i]
    if wa is None:
        return True
    similarity = similarities(ctx)[i]
    if similarity is not None and similarity >= STRAY_CLAUSE:
        return False
    far = similarity is not None and similarity < UNRELATED_SIMILARITY

    def unmatched_share(side) -> float:
        matched = wa.best(side) >= wa.strong if far else wa.aligned(side)
        content = [ok for w, ok in zip(wa.words_of(side), matched, strict=True)
                   if is_content(w)]
        return (len(content) - sum(content)) / len(content) if content else 0.0

    return min(unmatched_share("source"), unmatched_share("translation")) >= UNRELATED_SHARE


#: Answers standing alone ("— Oui.", "No, sir."), folded.  Not "si" (French "if", and
#: Spanish's "if" once accents are folded), nor words that open a sentence as often as they
#: answer.
_YES = frozenset("yes yeah oui ja jawohl sim ναι да так tak evet".split())
_NO = frozenset("no nope non nein nao não όχι οχι нет ні nie hayir hayır".split())


def _answer(link_side: LinkText) -> Word | None:
    """The yes or no that opens `link_side` as an answer of its own: the first word,
    after dashes and quotes, followed by punctuation or nothing ("Non, monsieur." but not
    "No one came", nor Spanish "No entiendo")."""
    tokens = words(link_side.text)
    if not tokens:
        return None
    first = tokens[0]
    before = link_side.text[: first.start]
    after = link_side.text[first.end :].lstrip()
    if any(c.isalnum() for c in before) or after[:1] not in ("", ",", ".", "!", "?", "…", ";"):
        return None
    return first if fold(first.text) in _YES | _NO else None


def _reversed_answer(ctx: CheckContext, i: int) -> Finding | None:
    """A yes rendered as a no, or the reverse: what a reader of dialogue least forgives,
    and what the negation count misses ("— Oui." against "No." is one negation word on one
    side, no more than "— Tu mens." against "You're not telling the truth.")."""
    source, translation = ctx.sources[i], ctx.translations[i]
    a, b = _answer(source), _answer(translation)
    if a is None or b is None or (fold(a.text) in _YES) == (fold(b.text) in _YES):
        return None
    return Finding("meaning-shift", "minor",
                   f"the answer is reversed: «{a.text}» in the source, «{b.text}» in the "
                   "translation",
                   [ctx.span(source, a.start, a.end), ctx.span(translation, b.start, b.end)])


#: Word similarities this close are a tie, which the word aligner breaks by order.
_TIE = 0.02


def _opposite_words(ctx: CheckContext, i: int):
    """The words of each side of link `i` that say a concept of `OPPOSITES`, with their
    concepts; None where a side has none, or negates or restricts what it says."""
    source, translation = ctx.sources[i], ctx.translations[i]
    sides = []
    for link_side, language in ((source, ctx.source_language),
                                (translation, ctx.translation_language)):
        tokens = words(link_side.text)
        said = [(w, c) for k, w in enumerate(tokens) if (c := opposite_concepts(
            w.text, language, tokens[k + 1].text if k + 1 < len(tokens) else ""))]
        if not said or _negations(link_side.text, language) or any(
                restricts(w.text, language) for w in tokens):
            return None
        sides.append(said)
    return sides[0], sides[1]


def _opposite(ctx: CheckContext, i: int) -> Finding | None:
    """A word rendered by its opposite (`align.checks.lexicon.OPPOSITES`): «avant» as
    *after*, «augmenté» as *fell*, as far as the lists go.  The model reads opposites as
    alike, so the word aligner pairs them as it pairs a word and its translation, or leaves
    the source word alone where the other is as similar to it as to the word it was given
    (`same_place`); each side saying only one of the two, and
    neither negating nor restricting (*not before noon* is *after noon*, *only allowed
    outside* is « interdit à l'intérieur »), the pair says the opposite, however far apart
    the sentence vectors put the link.  A sentence turned round (*Brazil won against
    France* as « La France a perdu face au Brésil ») says the same with opposites too, and
    is reported all the same: minor, for a reader to judge."""
    found = _opposite_words(ctx, i)
    if found is None:
        return None
    left, right = found
    source, translation = ctx.sources[i], ctx.translations[i]
    said_left = frozenset().union(*(c for _, c in left))
    said_right = frozenset().union(*(c for _, c in right))
    wa = ctx.word_alignment(i)
    if wa is None:
        return None
    source_index = {w.start: k for k, w in enumerate(wa.source_words)}
    translation_index = {w.start: k for k, w in enumerate(wa.translation_words)}
    paired = set(map(tuple, wa.pairs))
    partner = {kt: ks for ks, kt in paired}
    unpaired = set(range(len(wa.source_words))) - {ks for ks, _ in paired}

    def same_place(a: Word, b: Word) -> bool:
        """Whether the aligner pairs `a` and `b`, or leaves `a` alone while `b` is as
        similar to it as to its partner (it may give a verb's place to its auxiliary:
        «ont» with *fell*, «augmenté» alone, both 0.499 to *fell*)."""
        ks, kt = source_index.get(a.start), translation_index.get(b.start)
        if ks is None or kt is None:
            return False
        return (ks, kt) in paired or ks in unpaired and (
            kt not in partner
            or wa.similarity[ks, kt] >= wa.similarity[partner[kt], kt] - _TIE)

    for a, concepts in left:
        for b, theirs in right:
            for concept in concepts:
                opposite = OPPOSITES[concept][0]
                if (opposite in theirs and concept not in said_right
                        and opposite not in said_left and same_place(a, b)):
                    return Finding(
                        "meaning-shift", "minor",
                        f"«{a.text}» in the source is rendered by its opposite «{b.text}» "
                        f"({concept} against {opposite})",
                        [ctx.span(source, a.start, a.end),
                         ctx.span(translation, b.start, b.end)],
                    )
    return None


def run(ctx: CheckContext) -> list[tuple[int, Finding]]:
    out: list[tuple[int, Finding]] = []
    scores = ctx.notes.get("divergence") or [0.0] * len(ctx.alignment.links)
    # A translation that copies its source was not translated (`align.checks.untranslated`
    # reports it): its words are the source language's, which the translation language's
    # negations do not read ("not" in a French side).
    copied = copied_links(ctx)
    # The links where opposites may meet are word-aligned together: their token vectors
    # fetched in one call, not one per link.
    with ctx.holding_tokens():
        ctx.align_words([i for i, _, _ in ctx.paired()
                         if i not in copied and _opposite_words(ctx, i) is not None])
    for i in range(len(ctx.alignment.links)):
        if not ctx.sources[i] or not ctx.translations[i] or i in copied:
            continue
        finding = (_reversed_answer(ctx, i) or _negation(ctx, i, scores[i])
                   or _opposite(ctx, i))
        if finding is not None:
            out.append((i, finding))
        elif (scores[i] >= UNRELATED or _far(ctx, i)) and _unrelated(ctx, i):
            wa = ctx.word_alignments[i]
            spans = ctx.whole(ctx.sources[i]) + ctx.whole(ctx.translations[i])
            if wa is not None and (wa.unaligned("source") or wa.unaligned("translation")):
                spans = [ctx.span(ctx.sources[i], w.start, w.end) for w in wa.unaligned("source")]
                spans += [
                    ctx.span(ctx.translations[i], w.start, w.end)
                    for w in wa.unaligned("translation")
                ]
            out.append((i, Finding(
                "meaning-shift", "minor",
                f"the two sides seem to say different things (divergence {scores[i]:.2f})",
                spans,
            )))
    return out
