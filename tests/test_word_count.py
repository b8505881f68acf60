"""Word counts for severities: scripts written without spaces count by their letters."""
import re
import unicodedata

import pytest

from align import language
from align.checks.base import COMBINING_MARKS, UNICODE_VERSION, word_count, word_weight, words


def test_spaced_scripts_count_their_words():
    assert word_count("The company has no plans.") == 5
    assert word_count("Les travailleurs d'Espagne") == 3
    # Korean writes spaces between its phrases: each is a word.
    assert word_count("회사는 계획이 없습니다") == 3


def test_a_chinese_sentence_is_more_than_one_word():
    # 17 Han letters around two numbers, one regex word: half its letters, rounded up.
    assert word_count("应收账款周转天数由去年的85天缩短至72天。") == 9
    # Kana count as Han do: 予定はありません is eight letters.
    assert word_count("予定はありません") == 4
    # A lone Han letter is still a word.
    assert word_count("是") == 1


def test_thai_counts_a_word_per_four_characters():
    # ภาษาไทย ("Thai language") is seven characters, two words by hand: ภาษา ไทย.
    assert word_count("ภาษาไทย") == 2
    # ผมไม่ชอบกาแฟ ("I don't like coffee") is four words by hand, ผม ไม่ ชอบ กาแฟ, in
    # twelve characters: a word per four characters counts three.  It undercounts on
    # purpose, as two letters a Han word does: a count too high would grow severities.
    assert word_count("ผมไม่ชอบกาแฟ") == 3


def test_a_word_keeps_its_combining_marks():
    # Devanagari vowel signs are combining marks, which \w leaves out: हिन्दी was cut into
    # three words (ह न द) and भाषा into two (भ ष).
    assert [w.text for w in words("हिन्दी भाषा")] == ["हिन्दी", "भाषा"]
    # Text in decomposed form (NFD) keeps its accented words whole.
    decomposed = unicodedata.normalize("NFD", "café été")
    assert [w.text for w in words(decomposed)] == [
        unicodedata.normalize("NFD", "café"), unicodedata.normalize("NFD", "été")]
    assert word_count(decomposed) == 2


def test_a_token_counts_without_filling_the_words_cache():
    # The checks count word by word; the cache of `words` is for the link texts they re-read.
    words.cache_clear()
    assert word_weight("应收账款周转天数") == 4  # eight Han letters
    assert word_weight("ภาษาไทย") == 2  # seven Thai characters
    assert word_weight("travailleurs") == 1
    assert words.cache_info().currsize == 0
    # A text counts as the sum of its words' weights.
    assert word_count("Les 应收账款周转天数 ภาษาไทย") == 1 + 4 + 2


def test_latin_words_and_words_with_marks_are_cut_alike():
    samples = ["Les travailleurs d'Espagne", "safe-conduct workers’ l’homme", "x_y a-b-c",
               unicodedata.normalize("NFD", "café-été naïve"), "हिन्दी भाषा", "ภาษาไทย ๑๒",
               "Élan—vital 3.14 don't", "ā̃-b á'́"]
    expected = [["Les", "travailleurs", "d'Espagne"], ["safe-conduct", "workers’", "l’homme"],
                ["x", "y", "a-b-c"],
                [unicodedata.normalize("NFD", "café-été"), unicodedata.normalize("NFD", "naïve")],
                ["हिन्दी", "भाषा"], ["ภาษาไทย", "๑๒"], ["Élan", "vital", "3", "14", "don't"],
                ["ā̃-b", "á"]]
    assert [[w.text for w in words(s)] for s in samples] == expected


#: The written-out tables (`COMBINING_MARKS`, `language.caseless_script`'s ranges) are of
#: one Unicode version; a Python of another gives other categories for new characters.
same_unicode = pytest.mark.skipif(
    unicodedata.unidata_version != UNICODE_VERSION,
    reason=f"the tables were written from Unicode {UNICODE_VERSION}, "
           f"this Python has {unicodedata.unidata_version}")


@same_unicode
def test_the_combining_marks_are_those_of_the_running_python():
    marks = re.compile(f"[{COMBINING_MARKS}]")
    for code in (*range(0x20000), *range(0xE0000, 0xE1000)):
        char = chr(code)
        is_mark = unicodedata.category(char) in ("Mn", "Mc", "Me")
        assert (marks.fullmatch(char) is not None) == is_mark, hex(code)


@same_unicode
def test_the_caseless_scripts_are_those_of_the_running_python():
    # A letter without case belongs to the script its Unicode name starts with.
    for code in range(0x110000):
        char = chr(code)
        script = None
        if char.isalpha() and not char.islower() and not char.isupper():
            script = unicodedata.name(char, "").split(" ", 1)[0]
            if script not in language.CASELESS_SCRIPT_LANGUAGES:
                script = None
        assert language.caseless_script(char) == script, hex(code)
