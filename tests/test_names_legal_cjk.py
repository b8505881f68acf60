"""The name check on contracts and on texts in scripts without capitals: a contract's
defined terms and the words of its structure are no names, while a party renamed still is;
and against a Chinese or Japanese side an English name is only a guess."""

from __future__ import annotations

from align.checks import check_alignment
from align.checks import names as names_module
from align.checks.pairs import pairs_alignment


def name_findings(pairs, encoder, languages) -> dict[str, str]:
    """The name findings on `pairs`, reason → severity."""
    record = check_alignment(pairs_alignment(pairs, languages=languages), encoder)
    return {f.reason: f.severity for _, f in record.findings() if f.kind == "name"}


#: A German contract and its faithful English translation (§ rendered "Section", defined
#: terms capitalised in English only).
GERMAN_CONTRACT = [
    ("Dienstleistungsvertrag", "Service Agreement"),
    ("zwischen der Müller Logistik GmbH, Hamburg (nachfolgend „Auftraggeber“) und der "
     "Brenner Software AG, München (nachfolgend „Auftragnehmer“).",
     "between Müller Logistik GmbH, Hamburg (hereinafter the “Client”) and Brenner "
     "Software AG, Munich (hereinafter the “Contractor”)."),
    ("§ 1 Vertragsgegenstand", "Section 1 Subject Matter"),
    ("(2) Der Umfang der Leistungen ergibt sich aus der Leistungsbeschreibung in Anlage 1.",
     "(2) The scope of the Services is set out in the service description in Annex 1."),
    ("§ 2 Vertragsbeginn und Laufzeit", "Section 2 Commencement and Term"),
    ("(1) Dieser Vertrag tritt am 1. Januar 2025 in Kraft.",
     "(1) This Agreement shall enter into force on 1 January 2025."),
    ("(2) Im Übrigen ist die Haftung des Auftragnehmers je Schadensfall auf 25 % der "
     "jährlichen Vergütung nach § 3 Abs. 1 begrenzt.",
     "(2) In all other cases, the Contractor's liability per incident shall be limited to "
     "25% of the annual fee under Section 3 (1)."),
    ("(3) Eine Verletzung der Pflichten nach § 5 berechtigt den Auftraggeber zur fristlosen "
     "Kündigung.",
     "(3) A breach of the obligations under Section 5 shall entitle the Client to terminate "
     "without notice."),
    ("(1) Änderungen und Ergänzungen dieses Vertrages bedürfen der Schriftform.",
     "(1) Amendments and supplements to this Agreement must be made in writing."),
]

#: An English licence and its faithful French translation, headings in Title Case.
ENGLISH_LICENCE = [
    ("# Licence Agreement", "# Contrat de licence"),
    ("## Article 1 Definitions", "## Article 1 Définitions"),
    ("1.1 In this Agreement, “Licensed Software” means the software described in Schedule A.",
     "1.1 Dans le présent Contrat, le « Logiciel sous licence » désigne le logiciel décrit "
     "à l'Annexe A."),
    ("2.1 The Licensor grants the Licensee a non-exclusive licence to use the Licensed "
     "Software.",
     "2.1 Le Concédant accorde au Licencié une licence non exclusive d'utilisation du "
     "Logiciel sous licence."),
    ("## Article 3 Fees", "## Article 3 Redevances"),
    ("## Article 4 Term", "## Article 4 Durée"),
    ("4.2 Article 3.2 shall survive termination.", "4.2 L'Article 3.2 survit à la résiliation."),
]


def test_a_contracts_defined_terms_and_sections_are_no_names(default_encoder):
    """Neither the German nouns a translation capitalises as defined terms ("Anlage" as
    "Annex") nor "§" rendered "Section", "Abs." left out, are names."""
    found = name_findings(GERMAN_CONTRACT, default_encoder, ("de", "en"))
    assert {r: s for r, s in found.items() if s != "info"} == {}


def test_a_licences_defined_terms_and_title_case_headings_are_no_names(default_encoder):
    """"Schedule" is a word of the licence's structure, "Fees" and "Term" the first words of
    their headings; "the Licensor" and «le Concédant», nouns used as names, are at most a
    translated term to look at."""
    found = name_findings(ENGLISH_LICENCE, default_encoder, ("en", "fr"))
    assert [r for r, s in found.items() if s == "major"] == []
    assert [r for r in found if any(w in r for w in ("Schedule", "Fees", "Term"))] == []
    licensor = {r: s for r, s in found.items() if "Licensor" in r}
    assert licensor
    assert all(s == "minor" and "translated term" in r for r, s in licensor.items())


def test_a_party_renamed_after_an_article_before_its_legal_form_is_a_changed_name(
        default_encoder):
    """A German name after an article is read as a common noun, but not before a legal form:
    "der Brenner AG" names a company."""
    found = name_findings([
        ("Der Vertrag wird mit der Brenner AG geschlossen.",
         "The Agreement is concluded with Kessler AG."),
    ], default_encoder, ("de", "en"))
    assert [s for r, s in found.items() if "Brenner" in r and "Kessler" in r] == ["major"]


def test_another_name_in_a_company_name_is_a_changed_name(default_encoder):
    found = name_findings([
        *ENGLISH_LICENCE,
        ("Payment shall be made to the account designated by Orion Systems Ltd.",
         "Le paiement est effectué sur le compte désigné par Orton Systems Ltd."),
    ], default_encoder, ("en", "fr"))
    assert [s for r, s in found.items() if "Orion" in r and "Orton" in r] == ["major"]


def test_a_name_against_chinese_with_a_latin_unit_is_only_a_guess(default_encoder):
    """A Chinese side that writes a unit in Latin capitals ("500PB") is still written in a
    script without capitals: an English name it seems to lack is info."""
    found = name_findings([
        ("该平台单集群容量可达500PB。", "A single cluster of the platform can hold up to 500 PB."),
        # The Chinese leaves Singapore (新加坡) out: a name it lacks, or writes otherwise.
        ("公司将完成杭州研发中心的建设，并与国立大学签署了合作协议。",
         "The company will complete its Hangzhou R&D center and signed a cooperation "
         "agreement with the National University of Singapore."),
    ], default_encoder, ("zh", "en"))
    assert any("Singapore" in r for r in found)
    assert set(found.values()) == {"info"}


def test_a_persons_name_changed_in_a_contract_is_still_a_changed_name(default_encoder):
    """Defined terms and the words of the contract's structure excuse no person's name."""
    found = name_findings([
        *GERMAN_CONTRACT,
        ("(4) Der Vertrag wird von Herrn Brenner unterzeichnet.",
         "(4) The Agreement is signed by Mr Kessler."),
    ], default_encoder, ("de", "en"))
    assert [s for r, s in found.items() if "Brenner" in r and "Kessler" in r] == ["major"]


#: A German contract's parties clause, most of its longer words capitalised nouns and names
#: (the parties, their streets, their cities), and its faithful English translation.
PARTIES_CLAUSE = (
    "zwischen der Müller Logistik GmbH, Hafenstraße 12, 20457 Hamburg (nachfolgend "
    "„Auftraggeber“) und der Brenner Software AG, Leopoldstraße 50, 80802 München "
    "(nachfolgend „Auftragnehmer“).",
    "between Müller Logistik GmbH, Hafenstraße 12, 20457 Hamburg (hereinafter the “Client”) "
    "and Brenner Software AG, Leopoldstraße 50, 80802 Munich (hereinafter the “Contractor”).")


def test_a_party_renamed_in_a_clause_of_capitalised_words_is_a_changed_name(default_encoder):
    """A clause whose words are mostly capitalised reads like a heading, whose capitals say
    nothing; a company's name, anchored by its legal form, is a name there too."""
    source, translation = PARTIES_CLAUSE
    found = name_findings([
        *GERMAN_CONTRACT,
        (source, translation.replace("Brenner Software AG", "Berner Software AG")),
    ], default_encoder, ("de", "en"))
    assert [s for r, s in found.items() if "Brenner" in r and "Berner" in r] == ["major"]


def test_a_faithful_clause_of_capitalised_words_has_no_name_finding(default_encoder):
    found = name_findings([*GERMAN_CONTRACT, PARTIES_CLAUSE], default_encoder, ("de", "en"))
    assert {r: s for r, s in found.items() if s != "info"} == {}


def test_a_party_renamed_in_a_heading_is_a_changed_name(default_encoder):
    """A heading in Title Case names its parties: a company renamed there is another."""
    found = name_findings([
        *ENGLISH_LICENCE,
        ("Licence Agreement Between Orion Systems Ltd and Vega Data GmbH",
         "Contrat de licence entre Orton Systems Ltd et Vega Data GmbH"),
    ], default_encoder, ("en", "fr"))
    assert [s for r, s in found.items() if "Orion" in r and "Orton" in r] == ["major"]


def test_a_name_changed_in_a_german_sentence_of_many_nouns_is_a_changed_name(
        default_encoder):
    """German capitalises every noun: a sentence whose words are mostly capitalised is no
    Title-Case heading there, and the names it shares with the other side are still read."""
    found = name_findings([
        *GERMAN_CONTRACT,
        ("(4) Der Vertrag wird von Herrn Brenner unterzeichnet.",
         "(4) The Agreement is signed by Mr Brenner."),
        ("Die Lieferung der Ware erfolgt durch Herrn Brenner an die Niederlassung in Hamburg.",
         "The goods shall be delivered by Mr Kessler to the branch in Hamburg."),
    ], default_encoder, ("de", "en"))
    assert [s for r, s in found.items() if "Brenner" in r and "Kessler" in r] == ["major"]


def test_an_article_of_another_language_is_part_of_a_name(default_encoder):
    """On an English side "La" opens a name ("La Bougive", Poe's misspelling of La Bruyère),
    not an article: the name replaced is no defined term translated."""
    found = name_findings([
        ("Cette réponse de l'écolier enfonce de beaucoup toute la profondeur sophistique "
         "attribuée à La Rochefoucauld, à La Bruyère, à Machiavel et à Campanella.",
         "This response of the schoolboy lies at the bottom of all the spurious profundity "
         "which has been attributed to Rochefoucault, to La Bougive, to Machiavelli, and to "
         "Campanella."),
    ], default_encoder, ("fr", "en"))
    assert [s for r, s in found.items() if "Bruyère" in r and "Bougive" in r] == ["major"]


def test_a_german_name_after_an_article_is_no_translated_term(default_encoder):
    """German writes its mountains, rivers and regions after an article ("des Himalaya"):
    a known place the translation leaves out is still a name lost, not a term translated."""
    found = name_findings([
        ("Die Expedition erreichte den Fuss des Himalaya im März.",
         "L'expédition atteignit le pied de l'Himalaya en mars."),
        ("4. Die schweizerische Grossexpedition 1956 - von der SSAF sorgfältig vorbereitet "
         "und organisiert, von Albert Eggler mustergültig geleitet - wurde zu einer der "
         "erfolgreichsten Unternehmungen in der Geschichte des Himalaya.",
         "4. La grande expédition suisse de 1956, organisée et préparée avec soin par la "
         "Fondation suisse pour explorations alpines, dirigée magistralement par Albert "
         "Eggler, fut couronnée d'un succès que l'on peut qualifier d'exceptionnel."),
    ], default_encoder, ("de", "fr"))
    himalaya = {r: s for r, s in found.items() if "Himalaya" in r}
    assert himalaya
    assert all(s == "major" and "translated term" not in r for r, s in himalaya.items())


def english_names(text: str) -> list[str]:
    """The names an English side of `text` alone reads in `text`, each group joined."""
    lexicon = names_module._Lexicon([text], lines_open=True, language="en")
    return [" ".join(w.text for w in group) for group in names_module.names(text, lexicon)]


def test_a_companys_name_before_its_legal_form_stops_at_a_function_word():
    """"Between" opens no company's name: a heading names its parties, not its own title."""
    assert english_names("Licence Agreement Between Orion Systems Ltd and Vega Data GmbH") == [
        "Orion Systems", "Vega Data"]
    assert english_names("The fee is paid to Orion Systems Ltd by the Licensee.") == [
        "Orion Systems"]


def test_a_word_of_a_legal_texts_structure_is_one_only_before_a_number():
    """"Art. 5" is an article of a law; "Art Garfunkel" a singer."""
    assert english_names("The song was sung by Art Garfunkel in Paris.") == [
        "Art Garfunkel", "Paris"]
    assert english_names("The duty under Art. 5 and Abs. 2 binds Paul.") == ["Paul"]


def test_a_role_noun_before_a_companys_name_is_no_name(default_encoder):
    """A company's name is what both sides share before its legal form: a leading word one
    side writes (a sentence's first word, a German noun) and the other renders as a common
    word ("Lieferant" as "Supplier", «Firma» left out) is no name changed."""
    found = name_findings([
        ("Lieferant Brenner AG haftet nicht.", "Supplier Brenner AG is not liable."),
        ("Herstellerin Orion Systems Ltd garantiert die Qualität.",
         "Manufacturer Orion Systems Ltd guarantees the quality."),
        ("Tochterfirma Alpha Beta SA mit Sitz in Genf.",
         "Subsidiary Alpha Beta SA, based in Geneva."),
        ("Die Firma Müller GmbH liefert die Ware.", "Müller GmbH delivers the goods."),
    ], default_encoder, ("de", "en"))
    assert {r: s for r, s in found.items() if s != "info"} == {}


#: Faithful news: a German role noun after an article before a company's name ("Der
#: Zulieferer Continental AG"), rendered by an English one opening the sentence.
GERMAN_NEWS_ROLE_NOUNS = [
    ("Der Zulieferer Continental AG streicht weltweit 7.000 Stellen.",
     "Supplier Continental AG is cutting 7,000 jobs worldwide."),
    ("Das teilte das Unternehmen am Dienstag in Hannover mit.",
     "The company announced this on Tuesday in Hanover."),
    ("Der Pharmakonzern Bayer AG verlor unterdessen einen Prozess in den USA.",
     "Drugmaker Bayer AG meanwhile lost a trial in the US."),
    ("Der Autobauer Volkswagen AG erhöhte die Preise.", "Carmaker Volkswagen AG raised prices."),
    ("Der Versicherer Allianz SE meldete einen Gewinnanstieg.",
     "Insurer Allianz SE reported a rise in profit."),
    ("Der Chiphersteller Infineon AG erhöhte seine Prognose.",
     "Chipmaker Infineon AG raised its forecast."),
]


def test_a_german_role_noun_after_an_article_before_a_companys_name_is_no_name(
        default_encoder):
    """German capitalises every noun: one after an article before a company's name is a
    common noun, and so is the English word in its place opening its sentence, whichever
    side is the source."""
    found = name_findings(GERMAN_NEWS_ROLE_NOUNS, default_encoder, ("de", "en"))
    assert {r: s for r, s in found.items() if s != "info"} == {}
    found = name_findings([(b, a) for a, b in GERMAN_NEWS_ROLE_NOUNS], default_encoder,
                          ("en", "de"))
    assert {r: s for r, s in found.items() if s != "info"} == {}


def test_a_company_renamed_after_a_german_role_noun_is_a_changed_name(default_encoder):
    found = name_findings([
        ("Der Zulieferer Continental AG streicht Stellen.", "Supplier Bosch AG is cutting jobs."),
    ], default_encoder, ("de", "en"))
    assert [s for r, s in found.items() if "Continental" in r and "Bosch" in r] == ["major"]


def test_a_company_renamed_after_a_role_noun_is_a_changed_name(default_encoder):
    found = name_findings([
        ("Lieferant Brenner AG haftet nicht.", "Supplier Kessler AG is not liable."),
    ], default_encoder, ("de", "en"))
    assert [s for r, s in found.items() if "Brenner" in r and "Kessler" in r] == ["major"]
    # Only one side opens its sentence with the name: the other's is no common noun.
    found = name_findings([
        ("Die Brenner Software AG erbringt die Leistungen.",
         "Kessler Software AG shall provide the Services."),
    ], default_encoder, ("de", "en"))
    assert [s for r, s in found.items() if "Brenner" in r and "Kessler" in r] == ["major"]


def test_a_companys_name_in_a_heading_is_compared_without_the_headings_words(
        default_encoder):
    """A heading's words before a company's name, in capitals or Title Case and joined to it
    by a function word ("BETWEEN", "Of", «ENTRE»), are no part of the name."""
    for languages, pairs in (
            (("en", "de"), [
                ("LICENCE AGREEMENT BETWEEN ORION SYSTEMS LTD AND BRENNER AG",
                 "LIZENZVERTRAG ZWISCHEN ORION SYSTEMS LTD UND BRENNER AG"),
                ("## Services Provided By Orion Systems Ltd",
                 "## Leistungen der Orion Systems Ltd"),
                ("Annual Report Of Brenner AG", "Geschäftsbericht der Brenner AG")]),
            (("en", "fr"), [
                ("LICENCE AGREEMENT BETWEEN ORION SYSTEMS LTD AND BRENNER AG",
                 "CONTRAT DE LICENCE ENTRE ORION SYSTEMS LTD ET BRENNER AG"),
                ("## Services Provided By Orion Systems Ltd",
                 "## Services fournis par Orion Systems Ltd"),
                ("Annual Report Of Brenner AG", "Rapport annuel de Brenner AG")])):
        found = name_findings(pairs, default_encoder, languages)
        assert {r: s for r, s in found.items() if s != "info"} == {}


def test_a_name_once_after_an_article_renamed_is_a_changed_name(default_encoder):
    """"the Kessler yard" is a name after an article, not a defined term: where the other
    side writes its name after no article («le chantier Brenner»), it is another name."""
    found = name_findings([
        ("The boat sailed down the river at dawn.", "Le bateau descendit le fleuve à l'aube."),
        ("The ship was built by the Kessler yard.",
         "Le navire fut construit par le chantier Brenner."),
    ], default_encoder, ("en", "fr"))
    assert {r: s for r, s in found.items() if s != "info"} == {
        "name Kessler in the source is Brenner in the translation": "major"}


def test_a_party_swapped_in_a_licence_is_still_seen(default_encoder):
    """"the Licensor" rendered «le Licencié», the French term for the Licensee, is no
    defined term translated: the other party is named."""
    found = name_findings([
        ("This Agreement is made between the Licensor and the Licensee.",
         "Le présent Contrat est conclu entre le Concédant et le Licencié."),
        ("The Licensee shall pay the Licensor a royalty of 5%.",
         "Le Licencié versera au Concédant une redevance de 5 %."),
        ("The Licensor may terminate this Agreement on 30 days' notice.",
         "Le Licencié peut résilier le présent Contrat moyennant un préavis de 30 jours."),
    ], default_encoder, ("en", "fr"))
    assert {s for r, s in found.items() if "Licencié" in r} & {"minor", "major"}


def test_a_name_once_after_an_article_left_out_is_a_name_lost(default_encoder):
    """A name written once after an article is no defined term the other side renders by a
    noun of its own: left out, it is a name lost (minor), not a term (info)."""
    found = name_findings([
        ("The boat sailed down the river at dawn.", "Le bateau descendit le fleuve à l'aube."),
        ("The ship was built by the Kessler yard.", "Le navire fut construit au chantier."),
    ], default_encoder, ("en", "fr"))
    assert {r: s for r, s in found.items() if "Kessler" in r} == {
        "name Kessler in the source is not in the translation": "minor"}
