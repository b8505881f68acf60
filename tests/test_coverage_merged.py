"""Omissions and additions hidden in merged links and in dense scripts, with the real model:
a list item left out, which the aligner joins to the item before it, and whole Chinese
sentences, which the severities must count by their letters."""

from __future__ import annotations

import align
from align.checks import coverage, divergence
from align.checks.base import CheckContext, words
from align.checks.pairs import document_text, pairs_alignment
from align.record import Link

#: A licence agreement (a reviewer's Markdown pair), its list of uses ending in item (c).
AGREEMENT_EN = """# Licence Agreement

## Article 1 Definitions

1.1 In this Agreement, “Licensed Software” means the software described in Schedule A.

1.2 “Effective Date” means 1 January 2025.

## Article 2 Grant of Licence

2.1 The Licensor grants the Licensee a non-exclusive licence to use the Licensed Software.

2.2 The Licensee shall not sublicense the Licensed Software.

2.3 The licence covers the following uses:

(a) installation on up to 50 workstations;

(b) use by employees of the Licensee;

(c) one backup copy.

## Article 3 Fees

3.1 The Licensee shall pay a licence fee of €1,250,000.00 within 30 days of the Effective Date.[^1]

3.2 Late payments shall bear interest at 8.5% per annum.

| Instalment | Due date | Amount |
|---|---|---|
| First | 31 March 2025 | €625,000.00 |
| Second | 30 June 2025 | €625,000.00 |

## Article 4 Term

4.1 This Agreement shall remain in force until 31 December 2029, unless terminated earlier \
in accordance with Article 5.

4.2 Article 3.2 shall survive termination.

[^1]: Payment shall be made to the account designated by Orion Systems Ltd.
"""
AGREEMENT_FR = """# Contrat de licence

## Article 1 Définitions

1.1 Dans le présent Contrat, le « Logiciel sous licence » désigne le logiciel décrit à \
l'Annexe A.

1.2 La « Date d'entrée en vigueur » désigne le 1er janvier 2025.

## Article 2 Octroi de la licence

2.1 Le Concédant accorde au Licencié une licence non exclusive d'utilisation du Logiciel \
sous licence.

2.2 Le Licencié ne doit pas concéder de sous-licence sur le Logiciel sous licence.

2.3 La licence couvre les utilisations suivantes :

(a) l'installation sur 50 postes de travail au maximum ;

(b) l'utilisation par les salariés du Licencié ;

(c) une copie de sauvegarde.

## Article 3 Redevances

3.1 Le Licencié paie une redevance de licence de 1 250 000,00 € dans les 30 jours suivant \
la Date d'entrée en vigueur.[^1]

3.2 Les retards de paiement portent intérêt au taux de 8,5 % par an.

| Échéance | Date d'échéance | Montant |
|---|---|---|
| Première | 31 mars 2025 | 625 000,00 € |
| Deuxième | 30 juin 2025 | 625 000,00 € |

## Article 4 Durée

4.1 Le présent Contrat reste en vigueur jusqu'au 31 décembre 2029, sauf résiliation \
anticipée conformément à l'Article 5.

4.2 L'Article 3.2 survit à la résiliation.

[^1]: Le paiement est effectué sur le compte désigné par Orion Systems Ltd.
"""

#: A German service contract's list of services, each item a paragraph ending in a
#: semicolon (as a Word list reads), and its English with the third item left out.
SERVICES_DE = """(3) Die Leistungen umfassen insbesondere:

die Überwachung der Systeme an Werktagen von 7:00 bis 19:00 Uhr;

die Einspielung von Sicherheitsaktualisierungen innerhalb von 5 Werktagen;

die monatliche Datensicherung;

die Schulung von bis zu 12 Mitarbeitern des Auftraggebers pro Jahr.
"""
SERVICES_EN_SHORT = """(3) The Services include in particular:

monitoring the systems on working days from 7:00 a.m. to 7:00 p.m.;

installing security updates within 5 working days;

training up to 12 of the Client's employees per year.
"""

#: A quarterly results release (a reviewer's pair), in English and Chinese.
RESULTS_EN = """Huachen Technology Announces Results for the First Quarter of 2024

R&D spending for the quarter was RMB 230 million, or 18% of revenue. The company filed 156 \
new patent applications, 97 of them for inventions.

On the product side, the company officially launched Xinghe, its next-generation cloud \
storage platform, in February. About 12,000 users signed up in the first month, far \
exceeding expectations.

Chief Financial Officer Li Xiaomei said that net cash flow from operating activities was RMB \
310 million. Days sales outstanding fell from 85 days last year to 72 days. The company will \
not undertake any large-scale acquisitions this year.

Founded in 2008 and headquartered in Shenzhen, Huachen Technology has about 10,000 employees \
worldwide. Its shares are listed on the Shenzhen Stock Exchange under the stock code 300888.
"""
RESULTS_ZH = """华辰科技发布2024年第一季度业绩公告

本季度研发投入为2.3亿元，占营业收入的18%。公司新申请专利156项，其中发明专利97项。

在产品方面，公司于2月正式推出新一代云存储平台“星河”。首月签约用户约1.2万户，远超预期。

首席财务官李晓梅介绍，公司经营活动现金流净额为3.1亿元。应收账款周转天数由去年的85天缩短至72天。\
公司不会在本年度进行大规模并购。

华辰科技成立于2008年，总部位于深圳，在全球拥有员工约1万人。公司股票在深圳证券交易所上市，股票代码为300888。
"""
ADDED_ZH = "这一成绩创下了行业纪录。"
OMITTED_ZH = "应收账款周转天数由去年的85天缩短至72天。"


def _whole(record, kind: str) -> list[tuple[str, str]]:
    """(severity, text) of each `kind` finding that reports whole text with no
    counterpart, its span's text."""
    side = record.source if kind == "omission" else record.translation
    return [(f.severity, " ".join(s.text for s in side.sentences
                                  if f.spans[0].start <= s.start and s.end <= f.spans[0].end))
            for link in record.links for f in link.findings
            if f.kind == kind and "text with no counterpart" in f.reason]


def _serious(record) -> list[str]:
    return [f.reason for link in record.links for f in link.findings
            if f.kind in ("omission", "addition") and f.severity != "info"]


def test_a_list_item_left_out_and_joined_to_the_item_before_is_a_major_omission(
        default_encoder):
    translation = AGREEMENT_FR.replace("(c) une copie de sauvegarde.\n\n", "")
    record = align.align_texts(AGREEMENT_EN, translation)
    # The aligner joins (b) and (c) against (b) alone; (c) is four words, two of content.
    assert any(len(link.source) == 2 for link in record.links)
    assert ("major", "(c) one backup copy.") in _whole(record, "omission")


def test_the_faithful_agreement_has_no_omission_or_addition(default_encoder):
    record = align.align_texts(AGREEMENT_EN, AGREEMENT_FR)
    assert _serious(record) == []


def test_a_short_list_item_ending_in_a_semicolon_left_out_is_major(default_encoder):
    record = align.align_texts(SERVICES_DE, SERVICES_EN_SHORT)
    assert ("major", "die monatliche Datensicherung;") in _whole(record, "omission")


def test_a_chinese_sentence_added_is_a_major_addition(default_encoder):
    translation = RESULTS_ZH.replace("远超预期。", "远超预期。" + ADDED_ZH)
    record = align.align_texts(RESULTS_EN, translation)
    assert ("major", ADDED_ZH) in _whole(record, "addition")


def test_a_chinese_sentence_left_out_is_a_major_omission(default_encoder):
    english = RESULTS_EN.replace("Days sales outstanding fell from 85 days last year to 72 days. ",
                                 "")
    record = align.align_texts(RESULTS_ZH, english)
    assert ("major", OMITTED_ZH) in _whole(record, "omission")


def test_the_faithful_results_release_has_no_whole_sentence_missing(default_encoder):
    for source, translation in ((RESULTS_EN, RESULTS_ZH), (RESULTS_ZH, RESULTS_EN)):
        record = align.align_texts(source, translation)
        assert _whole(record, "omission") == _whole(record, "addition") == []


#: The release's sentences paired one to one (English, Chinese).
RESULTS_PAIRS = [
    ("Huachen Technology Announces Results for the First Quarter of 2024",
     "华辰科技发布2024年第一季度业绩公告"),
    ("R&D spending for the quarter was RMB 230 million, or 18% of revenue.",
     "本季度研发投入为2.3亿元，占营业收入的18%。"),
    ("The company filed 156 new patent applications, 97 of them for inventions.",
     "公司新申请专利156项，其中发明专利97项。"),
    ("On the product side, the company officially launched Xinghe, its next-generation cloud "
     "storage platform, in February.", "在产品方面，公司于2月正式推出新一代云存储平台“星河”。"),
    ("About 12,000 users signed up in the first month, far exceeding expectations.",
     "首月签约用户约1.2万户，远超预期。"),
    ("Chief Financial Officer Li Xiaomei said that net cash flow from operating activities was "
     "RMB 310 million.", "首席财务官李晓梅介绍，公司经营活动现金流净额为3.1亿元。"),
    ("Days sales outstanding fell from 85 days last year to 72 days.", OMITTED_ZH),
    ("The company will not undertake any large-scale acquisitions this year.",
     "公司不会在本年度进行大规模并购。"),
    ("Founded in 2008 and headquartered in Shenzhen, Huachen Technology has about 10,000 "
     "employees worldwide.", "华辰科技成立于2008年，总部位于深圳，在全球拥有员工约1万人。"),
    ("Its shares are listed on the Shenzhen Stock Exchange under the stock code 300888.",
     "公司股票在深圳证券交易所上市，股票代码为300888。"),
]
#: "The company plans to open three new offices in Europe next year.": said nowhere.
UNSAID_ZH = "公司计划明年在欧洲开设三个新办事处。"


def _joined_addition(encoder, added: str | None) -> list[tuple[int, str, str]]:
    """The whole additions of the release's pairs, with `added` (if given) joined to the
    users link's translation, as the aligner joins an added sentence to its neighbour."""
    pairs = list(RESULTS_PAIRS) + ([("", added)] if added else [])
    record = pairs_alignment(pairs)
    if added:
        record.links[4] = Link([4], [4, len(RESULTS_PAIRS)])
        del record.links[len(RESULTS_PAIRS)]
    ctx = CheckContext(alignment=record, encoder=encoder, cache=False,
                       source_text=document_text(record.source),
                       translation_text=document_text(record.translation))
    divergence.score(ctx)
    return [(i, f.severity, f.reason) for i, f in coverage.run(ctx)
            if f.kind == "addition" and "text with no counterpart" in f.reason]


def test_a_chinese_sentence_joined_to_its_neighbours_link_is_a_major_addition(default_encoder):
    found = _joined_addition(default_encoder, UNSAID_ZH)
    assert [(i, severity) for i, severity, _ in found] == [(4, "major")]
    assert UNSAID_ZH in found[0][2]
    assert _joined_addition(default_encoder, None) == []


def test_a_chinese_sentence_all_unmatched_is_an_unmatched_sentence():
    # One regex word of 17 letters: 9 words for the severities, all in the unmatched run,
    # as many as an English sentence of nine words left out.
    text = "公司计划明年在欧洲开设三个新办事处。"
    ws = words(text)
    assert coverage._unmatched_sentences([(0, len(text))], [(0, len(ws) - 1)], ws) == [0]
    # A Chinese sentence of three letters is not: it counts two words, under the four.
    assert coverage._unmatched_sentences([(0, 4)], [(0, 0)], words("是这样。")) == []
