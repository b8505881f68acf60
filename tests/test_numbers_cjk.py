"""The number check on Chinese and Japanese: the multipliers 万, 亿, 千, 百 and 兆 after digits,
full-width digits and decimal points, Japanese era years, Han numerals before a counter, and
months written with 月."""

from __future__ import annotations

import pytest

from align.checks import check_alignment
from align.checks.numbers import mentions
from align.checks.pairs import document_text, pairs_alignment


def number_findings(pairs, languages=None, encoder=None) -> list[list[tuple[str, str]]]:
    """The number findings of each link of `pairs`, checked as a file of pairs."""
    record = (pairs_alignment(pairs) if languages is None
              else pairs_alignment(pairs, languages=languages))
    record = check_alignment(record, encoder, source_text=document_text(record.source),
                             translation_text=document_text(record.translation))
    return [[(f.severity, f.reason) for f in link.findings if f.kind == "number"]
            for link in record.links]


def numbers(text: str) -> list[tuple[str, set[float]]]:
    """Each mention of `text` as written, with the numbers it may be."""
    return [(m.text, {v for v in m.values if isinstance(v, float)}) for m in mentions(text)]


# -- multipliers after digits -----------------------------------------------------------------


@pytest.mark.parametrize(("text", "written", "value"), [
    ("公司新增客户3.5万家。", "3.5万", 35_000),
    ("净利润达到1.6亿元。", "1.6亿", 160_000_000),
    ("总投资约8,000万元。", "8,000万", 80_000_000),
    ("累计服务企业超过28万家。", "28万", 280_000),
    ("延床面積は２万３千平方メートルです。", "２万３千", 23_000),
    ("総投資額は約45億円です。", "45億", 4_500_000_000),
    ("年間120万個生産する。", "120万", 1_200_000),
    ("约3千人。", "3千", 3_000),
    ("共5百人。", "5百", 500),
    ("预算为1亿2000万元。", "1亿2000万", 120_000_000),
    ("规模达3千万元。", "3千万", 30_000_000),
    ("债务为1万亿元。", "1万亿", 1_000_000_000_000),
    ("売上高は2兆円。", "2兆", 2_000_000_000_000),
])
def test_a_multiplier_after_digits_multiplies_them(text, written, value):
    assert numbers(text) == [(written, {value})]


@pytest.mark.parametrize(("source", "translation"), [
    ("公司新增客户3.5万家。", "The company added 35,000 new customers."),
    ("总投资约8,000万元。", "Total investment was about RMB 80 million."),
    ("净利润达到1.6亿元。", "Net profit came to RMB 160 million."),
    ("营业收入12.8亿元。", "Revenue reached RMB 1.28 billion."),
    ("营业收入在13亿至14亿元之间。", "Revenue of between RMB 1.3 billion and RMB 1.4 billion."),
    ("总投资额约45億円。", "The total investment is about 4.5 billion yen."),
    ("延床面積は２万３千平方メートル。", "Its floor area is 23,000 square meters."),
    ("員工约1万人。", "About 10,000 employees."),
    # The other way, and into French and German magnitudes.
    ("Net profit came to RMB 160 million.", "净利润达到1.6亿元。"),
    ("Le bénéfice atteint 160 millions de yuans.", "净利润达到1.6亿元。"),
    ("Der Umsatz betrug 1,28 Milliarden Yuan.", "营业收入12.8亿元。"),
])
def test_a_number_with_a_multiplier_matches_its_value_written_otherwise(source, translation):
    assert number_findings([(source, translation)]) == [[]]


@pytest.mark.parametrize(("source", "translation", "reason"), [
    ("公司新增客户3.5万家。", "The company added 3,500 new customers.",
     "number 3.5万 in the source is 3,500 in the translation"),
    ("总投资约8,000万元。", "Total investment was about RMB 8 million.",
     "number 8,000万 in the source is 8 million in the translation"),
    # Ten times too much: 亿 is a hundred million.
    ("营业收入12.8亿元。", "Revenue reached RMB 12.8 billion.",
     "number 12.8亿 in the source is 12.8 billion in the translation"),
    ("総投資額は約45億円。", "The total investment is about 450 million yen.",
     "number 45億 in the source is 450 million in the translation"),
])
def test_a_number_with_a_multiplier_read_without_it_is_changed(source, translation, reason):
    assert number_findings([(source, translation)]) == [[("major", reason)]]


# -- currencies written after the number ------------------------------------------------------

@pytest.mark.parametrize(("source", "translation"), [
    ("收入为500万美元。", "Revenue was USD 5 million."),
    ("总投资约8,000万元人民币。", "Total investment is about RMB 80 million."),
    ("価格は3,000円です。", "The price is 3,000 yen."),
    ("가격은 3,000원입니다.", "The price is 3,000 won."),
    ("票价为20欧元。", "Tickets cost €20."),
])
def test_a_cjk_currency_matches_its_name_in_another_language(source, translation):
    assert number_findings([(source, translation)]) == [[]]


@pytest.mark.parametrize(("source", "translation", "reason"), [
    # The sentence goes on after the currency, with no space: 円です, 美元的.
    ("価格は3,000円です。", "The price is 3,000 dollars.",
     "3,000円 in the source is 3,000 dollars in the translation: another currency"),
    ("收入为500万美元的公司。", "A company with revenue of 5 million euros.",
     "500万美元 in the source is 5 million euros in the translation: another currency"),
])
def test_a_cjk_currency_changed_is_another_currency(source, translation, reason):
    assert number_findings([(source, translation)]) == [[("major", reason)]]


# -- full-width digits --------------------------------------------------------------------


def test_full_width_digits_and_decimal_point_are_one_number_quoted_as_written():
    assert numbers("研发投入为２．３亿元。") == [("２．３亿", {230_000_000})]
    assert numbers("約３．５キロ") == [("３．５", {3.5})]
    assert number_findings([("本季度研发投入为２．３亿元。",
                             "R&D spending for the quarter was RMB 230 million.")]) == [[]]
    assert number_findings([("本季度研发投入为２．３亿元。",
                             "R&D spending for the quarter was RMB 23 million.")]) == [[
        ("major", "number ２．３亿 in the source is 23 million in the translation")]]


# -- Japanese era years -------------------------------------------------------------------


@pytest.mark.parametrize(("era", "year"), [
    ("令和6年", 2024), ("令和元年", 2019), ("平成31年", 2019), ("平成元年", 1989),
    ("昭和64年", 1989), ("昭和20年", 1945),
])
def test_a_japanese_era_year_is_its_gregorian_year(era, year):
    assert number_findings([(f"{era}3月15日", f"March 15, {year}")]) == [[]]


def test_a_japanese_era_year_against_another_year_is_changed():
    assert number_findings([("令和6年3月15日", "March 15, 2023")]) == [[
        ("major", "number 令和6年 in the source is 2023 in the translation")]]


# -- months written with 月 -----------------------------------------------------------------


def test_a_month_written_with_digits_and_yue_is_a_month():
    english = "It will be done by June 30, 2024."
    assert number_findings([("将于2024年6月30日前完成。", english)]) == [[]]
    assert number_findings([(english, "将于2024年3月30日前完成。")]) == [
        [("major", "month June in the source is 3月 in the translation")]]


# -- Han numerals -------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "written", "value"), [
    ("签署了为期五年的合作协议。", "五", 5),
    ("公司未来三年不计划发行新股。", "三", 3),
    ("贡献首次超过三成。", "三成", 30),
    ("共有二十五人。", "二十五", 25),
    ("一百零五个", "一百零五", 105),
    ("两千万元", "两千万", 20_000_000),
    ("三万五千家", "三万五千", 35_000),
])
def test_han_numerals_before_a_counter_are_read(text, written, value):
    assert numbers(text) == [(written, {value})]


@pytest.mark.parametrize("text", [
    "一些客户", "两者一样", "我们一起去", "万一下雨", "千万不要迟到", "去百货公司", "十分重要",
    "一定会来", "二酸化炭素の排出量", "一緒に行く",
])
def test_han_numerals_that_are_words_are_no_numbers(text):
    assert numbers(text) == []


def test_tenths_written_with_cheng_are_a_percentage():
    assert number_findings([("海外市场的贡献首次超过三成。",
                             "Overseas markets contributed more than 30% of revenue.")]) == [[]]


def test_a_han_numeral_changed_is_reported(default_encoder):
    findings = number_findings(
        [("与此同时，公司与新加坡国立大学签署了为期五年的合作协议。",
          "At the same time, the company signed a three-year cooperation agreement with the "
          "National University of Singapore.")], ("zh", "en"), default_encoder)
    assert [reason for link in findings for _, reason in link] == [
        "number 五 (5) in the source is three (3) in the translation"]


@pytest.mark.parametrize(("text", "expected"), [
    # 千 and 兆 before a unit are kilo and mega, not multipliers.
    ("重5千克。", [("5", {5})]),
    ("装机容量5兆瓦。", [("5", {5})]),
    # Two numerals side by side are a range: three or four years.
    ("过去三四年里", []),
    ("五六十人", []),
    # A year written digit by digit, and an era year in Han numerals.
    ("一九三六年", [("一九三六", {1936})]),
    ("令和六年", [("令和六年", {2024, 6})]),
])
def test_han_units_ranges_and_years(text, expected):
    assert numbers(text) == expected


def test_a_magnitude_word_multiplies_the_digits_before_it():
    assert number_findings([("Il a reçu 2 millions d'euros.", "He received 2,000,000 euros."),
                            ("Total investment was RMB 80 million.", "总投资约8,000万元。")]) == [
        [], []]


def test_march_after_a_word_that_dates_is_a_month_and_may_of_a_name_is_none():
    assert numbers("At the end of March, the company") == [("March", {3})]
    assert numbers("Theresa May said so.") == []
    assert number_findings([("截至3月底，研发人员共计4,200人。",
                             "At the end of March, the company employed 4,200 R&D staff.")]) == [
        []]


def test_a_number_joined_to_what_it_counts_is_read():
    assert numbers("a three-year cooperation agreement") == [("three", {3})]
    assert numbers("two-thirds of them") == []


def test_double_is_the_counterpart_of_two_times():
    assert number_findings([("同社は生産能力を現在の２倍に引き上げる方針を示しました。",
                             "The company announced a plan to double its production "
                             "capacity.")]) == [[]]


@pytest.mark.parametrize(("text", "expected"), [
    # Words joined to a number that merely end like ordinals are what it counts.
    ("a three-month contract", [("three", {3})]),
    ("a three-second delay", [("three", {3})]),
    ("a ten-second delay", [("ten", {10})]),
    ("a five-pound note", [("five", {5})]),
    ("a two-length lead", [("two", {2})]),
    # Fractions, in English, French, German and Spanish, are no count.
    ("two-thirds of them", []),
    ("three-quarters of them", []),
    ("a three-fifths majority", []),
    ("les trois-quarts du temps", []),
    ("les deux-tiers des voix", []),
    ("mit Zwei-Drittel-Mehrheit", []),
    ("dos-tercios del total", []),
    # An ordinal of tens and units is no count of tens: the 32nd president.
    ("the thirty-second president", []),
    # Nor a number joined by "and" or "et" to another: one number, no count of its first.
    ("the six-and-twentieth edition", []),
    ("four-and-twenty blackbirds", []),
    ("la trente-et-unième fois", []),
])
def test_a_fraction_word_is_exact(text, expected):
    assert numbers(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # 千 before a unit is kilo in Han numerals too: five kilograms, fifteen kilometres.
    ("重五千克。", [("五", {5})]),
    ("全长十五千米。", [("十五", {15})]),
    ("装机容量三兆瓦。", [("三", {3})]),
    # ... and a multiplier elsewhere.
    ("共五千人。", [("五千", {5000})]),
])
def test_a_unit_prefix_after_han_numerals_is_no_multiplier(text, expected):
    assert numbers(text) == expected


@pytest.mark.parametrize(("source", "translation"), [
    # An era year and the day of its date both match: Reiwa 2 is 2020, the 2nd the day.
    ("令和2年5月2日に設立された。", "It was founded on May 2, 2020."),
    ("令和元年5月1日に施行された。", "It came into force on 1 May 2019."),
    ("平成3年3月3日", "March 3, 1991"),
    # A year glossed in the other calendar is one year.
    ("2024年（令和6年）に設立された。", "It was founded in 2024."),
    ("令和6年（2024年）に設立された。", "It was founded in 2024."),
    ("2024年第3四半期の売上高は1万2千5百円。",
     "Sales in the third quarter of 2024 were 12,500 yen."),
])
def test_an_era_year_next_to_other_numbers_is_read_once(source, translation):
    assert number_findings([(source, translation)], ("ja", "en")) == [[]]


@pytest.mark.parametrize(("source", "translation"), [
    # 元年 is the first year of an era: its year must match the year, and the day or month 1
    # the day or month, not 元年 read as 1.
    ("令和元年5月1日に即位した。", "He ascended the throne on May 1, 2019."),
    ("令和元年10月1日に消費税率が10%に引き上げられた。",
     "On October 1, 2019, the consumption tax rate was raised to 10%."),
    ("平成元年4月1日に消費税が導入された。",
     "The consumption tax was introduced on April 1, 1989."),
    ("平成元年1月8日に改元された。", "The era changed on January 8, 1989."),
    ("令和元年5月に即位した。", "He ascended the throne in May 2019."),
])
def test_the_first_year_of_an_era_beside_a_day_or_month_one_is_its_year(source, translation):
    assert number_findings([(source, translation)], ("ja", "en")) == [[]]


def test_the_first_year_of_an_era_against_another_year_is_changed():
    assert number_findings([("令和元年5月1日に即位した。",
                             "He ascended the throne on May 1, 2020.")], ("ja", "en")) == [[
        ("major", "number 令和元年 in the source is 2020 in the translation")]]


# -- Korean multipliers ---------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("가격은 3만 원입니다.", [("3만", {30_000})]),
    # Korean groups a number by 만 and 억, with a space between the groups.
    ("회사는 1억 2천만 원을 투자했다.", [("1억 2천만", {120_000_000})]),
    ("인구는 5천만 명이다.", [("5천만", {50_000_000})]),
    ("매출은 3조 5천억 원이다.", [("3조 5천억", {3_500_000_000_000})]),
    ("3백만 명", [("3백만", {3_000_000})]),
    # 조 after 제 and digits is an article of a law, 만큼 "as much as".
    ("제3조에 따라", [("3", {3})]),
    ("10만큼 크다", [("10", {10})]),
])
def test_a_korean_multiplier_after_digits_multiplies_them(text, expected):
    assert numbers(text) == expected


@pytest.mark.parametrize(("source", "translation"), [
    ("가격은 3만 원입니다.", "The price is 30,000 won."),
    ("회사는 1억 2천만 원을 투자했다.", "The company invested 120 million won."),
    ("The company invested 120 million won.", "회사는 1억 2천만 원을 투자했다."),
])
def test_a_korean_number_with_a_multiplier_matches_its_value(source, translation):
    assert number_findings([(source, translation)], ("ko", "en") if "원" in source
                           else ("en", "ko")) == [[]]


def test_a_korean_number_read_without_its_multiplier_is_changed():
    assert number_findings([("가격은 3만 원입니다.", "The price is 3,000 won.")],
                           ("ko", "en")) == [[
        ("major", "number 3만 in the source is 3,000 in the translation")]]


def test_the_first_year_of_an_era_in_the_translation_against_another_year_is_changed():
    assert number_findings([("He ascended the throne on May 1, 2020.",
                             "令和元年5月1日に即位した。")], ("en", "ja")) == [[
        ("major", "number 2020 in the source is 令和元年 in the translation")]]


def test_an_old_style_compound_ordinal_is_no_count_of_its_first_number(default_encoder):
    # Gold pair (The Last of the Mohicans): six-and-twentieth is the 26th.
    assert number_findings([(
        "' Tis the six-and-twentieth edition , promulgated at Boston , Anno Domini 1744 .",
        "C' est la vingt-sixième édition , publiée à Boston , anno Domini 1744 .")],
        ("en", "fr"), default_encoder) == [[]]


def test_a_link_of_a_thousand_copies_of_one_number_is_checked():
    # A table row read as one sentence: moving the copies' counterparts along is a path as
    # long as the row, which a recursive search could not follow.
    found = number_findings([(" ".join(["1936"] * 991), " ".join(["1936"] * 990))])
    assert len(found) == 1
