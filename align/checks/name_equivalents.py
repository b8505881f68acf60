"""Tables of names that translate, read by `align.checks.names`.

Each line of a table is one name as English, French, German, Spanish, Italian, Portuguese
and Dutch write it (folded: no accents, lower case), in the format of the lists of
`align.checks.names`: a name of several words is written with hyphens and read in its
words, each a counterpart of the other names of its line.
"""

from __future__ import annotations

import re


def _lines(table: str) -> tuple[str, ...]:
    """The lines of `table`, an indented line continuing the line before it."""
    return tuple(re.sub(r"\n[ \t]+", " ", table).strip().splitlines())


#: Holidays and feasts, which each language names its own way ("Christmas" is «Natal»,
#: «Noël», «Weihnachten»), as it does countries and months: each line one feast, in
#: English, French, German, Spanish, Italian, Portuguese, Dutch.  Only names of one word
#: that are no common word: the words of a name of several are read one by one, and
#: "Year" of "New Year", "Good" of "Good Friday", "Assumption", "Advent" or "Lent" would
#: make a name of the same word in a heading ("Financial Year", "Key Assumptions").  Nor
#: the eves and the days after, which must not stand for the feast ("Heiligabend" is no
#: "Christmas Day", "Pasquetta" no "Easter Sunday").
HOLIDAYS = _lines("""
christmas xmas noel weihnachten navidad natale natal kerstmis kerst
easter paques ostern pascua pasqua pascoa pasen
pentecost whitsun whitsunday pentecote pfingsten pentecostes pentecoste pinksteren
epiphany epiphanie dreikonigstag epifania befana driekoningen
candlemas chandeleur lichtmess candelaria candelora lichtmis
carnival carnaval karneval fasching fastnacht carnevale
ascension himmelfahrt ascensione ascensao hemelvaart hemelvaartsdag
passover pessach pesach pesah pesaj
hanukkah chanukah hanoucca hanouka chanukka januca hanuca chanoeka
ramadan ramadao
""")

#: The words that make a day or an evening of a feast in English ("Christmas Day", "New
#: Year's Eve", "Boxing Day"), which other languages leave out («Natale», «Nochevieja»,
#: «Santo Stefano»): beside a feast's name, they are part of it.
FEAST_WORDS = frozenset("day eve".split())

#: Abbreviations of institutions, countries and terms, which each language writes with the
#: letters of its own words ("2014/53/EU" is «2014/53/UE», "NATO" «OTAN», "GDP" «PIB»): each
#: line one name, in English, French, German, Spanish, Italian, Portuguese, Dutch (``EE.
#: UU.`` read joined, ``eeuu``).  Unlike the names of the other lists, these are read
#: whatever their length and though they write a function word (``UN``, ``CE``, ``WHO``):
#: they are counterparts of each other, and a function word is never a name of its own side.
ABBREVIATIONS = _lines("""
eu ue
ec ce eg
eec cee ewg eeg
un onu uno vn
nato otan navo
usa us eua eeuu vs
ussr urss udssr sssr
who oms wgo
imf fmi iwf
ecb bce ezb
wto omc
oecd ocde ocse
ilo oit iao
ngo ong nro
ecj cjeu cjue eugh tjue cgue hvj
eea eee ewr
efta aele
ioc cio iok
gdp pib bip pil bbp
vat tva mwst iva btw
dna adn
aids sida
hiv vih
ufo ovni
""")

#: The words of a legal text's structure, which each language writes its own way ("§ 3
#: Abs. 1" is "Section 3 (1)", "Schedule A" «l'Annexe A»), folded, singular and plural: no
#: names, though contracts capitalise them.  English, French, German, Spanish, Italian,
#: Portuguese, Dutch.
LEGAL_STRUCTURE = frozenset("""
section sections subsection subsections article articles clause clauses schedule schedules
annex annexes annexe appendix appendices exhibit exhibits paragraph paragraphs recital
recitals paragraphe paragraphes alinea alineas considerant considerants
artikel artikels absatz absatze abs unterabsatz ziff ziffer ziffern anlage anlagen anhang
anhange art
articulo articulos clausula clausulas anexo anexos apartado apartados seccion secciones
articolo articoli clausola clausole allegato allegati
artigo artigos paragrafo paragrafos
lid leden bijlage bijlagen
""".split())

#: The words of `LEGAL_STRUCTURE` that are also names or other words ("Art Garfunkel", Dutch
#: «lid» a member): words of a legal text's structure only before a number ("Art. 5",
#: "Abs. 2", "Ziff. 3", "lid 1").
LEGAL_ABBREVIATIONS = frozenset("art abs lid ziff".split())

#: Companies' legal forms as written after the company's name ("Brenner AG", "Orion Systems
#: Ltd", "Fiat S.p.A."), full stops left out: the capitalised words before one are a name,
#: and a name no language translates.
LEGAL_FORMS = frozenset("""
AG GmbH KG KGaA OHG SE Ltd plc PLC Inc LLC LLP LP SA SAS SARL SpA SRL Srl BV NV Co Corp
AB Oy
""".split())
