"""The untranslated check on Chinese and Japanese: a sentence of Han or kana letters is one
regex word, but as many words as an English sentence of its length when severities count
them (`align.checks.base.word_count`)."""

from __future__ import annotations

from align.checks import check_alignment
from align.checks.pairs import pairs_alignment

CHINESE = "公司未来三年不计划发行新股。"
JAPANESE = "佐藤社長は「地域の皆様のご協力に心より感謝申し上げます」と述べました。"


def untranslated(pairs, languages) -> list[list[tuple[str, str]]]:
    """Each pair's untranslated findings, as (severity, reason)."""
    record = pairs_alignment(pairs, languages=languages)
    check_alignment(record)
    return [[(f.severity, f.reason) for f in link.findings if f.kind == "untranslated"]
            for link in record.links]


def test_a_chinese_or_japanese_sentence_copied_into_english_is_major():
    """Thirteen Han letters are seven words, more than the four that make a copied English
    sentence major; a Han place name of two letters is one word, as "Paris" is."""
    found = untranslated([(CHINESE, CHINESE), ("东京", "东京"), ("王建国", "王建国")],
                         ("zh", "en"))
    assert found == [[("major", "the translation is identical to the source")],
                     [("info", "the translation is identical to the source")],
                     [("minor", "the translation is identical to the source")]]
    found = untranslated([(JAPANESE, JAPANESE)], ("ja", "en"))
    assert found == [[("major", "the translation is identical to the source")]]


def test_han_letters_copied_into_a_language_that_writes_them_are_no_copy_by_themselves():
    """A Chinese name is written the same in a Japanese translation."""
    assert untranslated([("王建国", "王建国")], ("zh", "ja")) == [
        [("info", "the translation is identical to the source")]]


def test_a_chinese_or_japanese_passage_left_in_an_english_translation_is_major():
    # One word changed: not a copy, but the translation is still Chinese.
    found = untranslated([(CHINESE, "公司未来三年不打算发行新股。")], ("zh", "en"))
    assert found == [[("major", "the translation reads as zh, the source language")]]
    # The verb's ending changed (述べた): the rest repeats the source.
    found = untranslated([(JAPANESE, JAPANESE.replace("述べました", "述べた"))], ("ja", "en"))
    assert found == [[("major", "the translation repeats the source text")]]


def test_a_faithful_english_translation_with_a_name_in_han_is_not_untranslated():
    found = untranslated([
        ("董事长王建国表示，今年开局良好。",
         "Chairman Wang Jianguo (王建国) said the year had got off to a good start."),
        ("公司于2月推出云存储平台“星河”。",
         "In February the company launched Xinghe (星河), its cloud storage platform."),
    ], ("zh", "en"))
    assert found == [[], []]


def untranslated_spans(pairs, languages) -> list[list[tuple[str, str, list[str]]]]:
    """Each pair's untranslated findings, as (severity, reason, the translation text each
    span covers)."""
    record = pairs_alignment(pairs, languages=languages)
    check_alignment(record)
    return [[(f.severity, f.reason, [s.text for s in f.spans if s.side == "translation"])
             for f in link.findings if f.kind == "untranslated"] for link in record.links]


def test_a_sentence_left_in_the_source_language_beside_its_translated_neighbour():
    """A link whose translation holds a sentence left as the source wrote it, the rest
    translated: the finding is that sentence's, not the link's."""
    english = "Management cautioned that exchange rate fluctuations may affect margins."
    found = untranslated_spans([(
        english[:-1] + ", and the company has no plans to issue new shares.",
        english + "公司未来三年不计划发行新股。",
    )], ("en", "zh"))
    assert found == [[("major", "a sentence of the translation repeats the source text",
                       [english])]]
    announced = "The company also announced a plan to double its production capacity."
    found = untranslated_spans([(
        JAPANESE + "また、同社は生産能力を現在の２倍に引き上げる方針を示しました。",
        JAPANESE + " " + announced,
    )], ("ja", "en"))
    assert found == [[("major", "a sentence of the translation repeats the source text",
                       [JAPANESE])]]


def test_a_link_of_translated_sentences_has_no_passage_left_untranslated():
    assert untranslated_spans([("He said OK. Then he left.", "Il a dit OK. Puis il est parti.")],
                              ("en", "fr")) == [[]]
    assert untranslated_spans([(
        "公司未来三年不计划发行新股，并将继续加大研发投入。",
        "The company has no plans to issue shares. It will keep raising R&D spending.",
    )], ("zh", "en")) == [[]]


#: Sentences of scripts without letter case, which the lower-case rule cannot read: Korean,
#: Arabic, Hebrew, Hindi (8, 10, 9 and 14 words), and Thai, written without spaces (14 words:
#: บริษัท ไม่ มี แผน ที่ จะ ออก หุ้น ใหม่ ใน อีก สาม ปี ข้างหน้า).
CASELESS = {
    "ko": "회사는 향후 삼 년간 신주를 발행할 계획이 없다.",
    "ar": "لا تخطط الشركة لإصدار أسهم جديدة في السنوات الثلاث المقبلة.",
    "he": "החברה אינה מתכננת להנפיק מניות חדשות בשלוש השנים הקרובות.",
    "hi": "कंपनी की अगले तीन वर्षों में नए शेयर जारी करने की कोई योजना नहीं है।",
    "th": "บริษัทไม่มีแผนที่จะออกหุ้นใหม่ในอีกสามปีข้างหน้า",
}
IDENTICAL = "the translation is identical to the source"


def test_a_sentence_of_a_caseless_script_copied_into_a_latin_script_translation_is_major():
    """Its words are running text, as Han is, since English and French do not write them."""
    for language, sentence in CASELESS.items():
        for target in ("en", "fr"):
            assert untranslated([(sentence, sentence)], (language, target)) == [
                [("major", IDENTICAL)]], (language, target)


def test_a_name_of_a_caseless_script_copied_alone_is_info():
    """A name runs to three words at most: Seoul's Gangnam district, a Korean name,
    Mohammed bin Salman, David Ben-Gurion, Somchai Jaidee (สมชาย ใจดี), Narendra Modi."""
    names = {"ko": ["서울특별시 강남구", "김민준"], "ar": ["محمد بن سلمان"],
             "he": ["דוד בן גוריון"], "th": ["สมชาย ใจดี"], "hi": ["नरेंद्र मोदी"]}
    for language, copied in names.items():
        assert untranslated([(name, name) for name in copied], (language, "en")) == [
            [("info", IDENTICAL)]] * len(copied), language


def test_a_caseless_script_copied_into_a_language_that_writes_it_is_no_copy_by_itself():
    """Persian writes the Arabic script, Marathi Devanagari: what tells the words of a
    language from names there is not the script."""
    assert untranslated([(CASELESS["ar"], CASELESS["ar"])], ("ar", "fa")) == [
        [("info", IDENTICAL)]]
    assert untranslated([(CASELESS["hi"], CASELESS["hi"])], ("hi", "mr")) == [
        [("info", IDENTICAL)]]


def test_a_caseless_sentence_left_in_an_english_translation_is_major():
    found = untranslated([(CASELESS["ko"], CASELESS["ko"].replace("없다", "없습니다"))],
                         ("ko", "en"))
    assert found == [[("major", "the translation repeats the source text")]]
    found = untranslated([(CASELESS["he"], CASELESS["he"].replace("הקרובות", "הבאות"))],
                         ("he", "en"))
    assert found == [[("major", "the translation repeats the source text")]]


def test_a_faithful_english_translation_with_names_in_a_caseless_script_is_not_untranslated():
    """The Korean words are names and an address, kept beside their English form."""
    assert untranslated([(
        "김민준 대표는 서울특별시 강남구 테헤란로에 새 사무실을 열었다.",
        "CEO Kim Min-jun (김민준) opened a new office at 서울특별시 강남구 테헤란로 152, Seoul.",
    )], ("ko", "en")) == [[]]
    assert untranslated([(
        "قال محمد بن سلمان إن الشركة ستفتتح مكتبا جديدا.",
        "Mohammed bin Salman (محمد بن سلمان) said the company would open a new office.",
    )], ("ar", "en")) == [[]]
