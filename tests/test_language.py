from __future__ import annotations

from pathlib import Path

import pytest

from align.language import detect_language, language_scores
from align.segment import segment

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Nevertheless, I hope to obtain them shortly.", "en"),
        ("This serves as their letter of introduction.", "en"),
        ("The cat sat on the mat and looked at me.", "en"),
        ("J’espère néanmoins les obtenir sous peu.", "fr"),
        ("Le chat est sur la table.", "fr"),
        ("La présente leur tient lieu de lettre d’introduction.", "fr"),
        ("Der Hund läuft schnell über die Straße.", "de"),
        ("Ich habe keine Zeit, weil ich arbeiten muss.", "de"),
        ("Das ist nicht so einfach.", "de"),
        ("El perro corre por la calle con su dueño.", "es"),
        ("Il cane corre per la strada con il suo padrone.", "it"),
        ("O cão corre pela rua com o seu dono.", "pt"),
        ("De hond loopt over de straat met zijn baas.", "nl"),
        ("Привет, как дела? Это короткий текст.", "ru"),
        ("Привіт, як справи? Це їжак.", "uk"),
        ("Καλημέρα σας, τι κάνετε;", "el"),
        ("我爱你。你好吗？", "zh"),
        ("私は学生です。", "ja"),
        ("안녕하세요. 반갑습니다.", "ko"),
        ("مرحبا بكم في هذا النص.", "ar"),
        ("שלום עולם, מה שלומך?", "he"),
    ],
)
def test_detects_the_language_of_a_sentence(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize("text", ["", "   ", "1936", "OK.", "Victor Serge 1936", "—…!"])
def test_too_little_evidence_gives_none(text):
    assert detect_language(text) is None


def test_scores_rank_the_text_language_first_and_stay_in_range():
    scores = language_scores("Si nous acceptons la responsabilité morale des mesures prises")
    assert next(iter(scores)) == "fr"
    assert all(0.0 <= v <= 1.0 for v in scores.values())
    assert scores["fr"] > 3 * scores.get("en", 0.0)
    assert language_scores("") == {}


def test_untranslated_sentence_scores_as_source_language():
    # What the untranslated check asks: is this "French" sentence in fact English?
    scores = language_scores("It is my opinion that we should notify the anarchists.")
    assert scores["en"] > 2 * scores.get("fr", 0.0)


def test_reference_letter_languages():
    folder = REPO / "texts" / "serge-nin-1936"
    assert detect_language((folder / "en.txt").read_text(encoding="utf-8")) == "en"
    assert detect_language((folder / "fr-retranslation.txt").read_text(encoding="utf-8")) == "fr"


@pytest.mark.skipif(not SHARED.is_dir(), reason="development data (../shared/data) is absent")
def test_sentences_of_eight_words_or_more_in_literary_pairs():
    right = total = 0
    for path in sorted((SHARED / "literary-pairs").glob("*.txt")):
        expected = "fr" if path.name.endswith(".fr.txt") or "lettre" in path.name else "en"
        for s in segment(path.read_text(encoding="utf-8")).sentences:
            if len(s.text.split()) >= 8:
                total += 1
                right += detect_language(s.text) == expected
    # Wrong answers here are mostly quotations in the other language (Poe quotes French).
    assert right / total >= 0.97
