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


#: Holidays, feasts and the named days and periods of the year, which each language names
#: its own way ("Christmas" is «Natal», «Noël», «Weihnachten»), as it does countries and
#: months.  Each line one feast, in English, French, German, Spanish, Italian, Portuguese,
#: Dutch (an indented line continues the line before it); a word may stand in several lines
#: ("Monday" of "Easter Monday" and "Whit Monday").
HOLIDAYS = _lines("""
christmas xmas noel weihnachten weihnachtstag navidad natale natal kerstmis kerst kerstdag
christmas veille-de-noel reveillon heiligabend nochebuena vigilia-di-natale consoada
    kerstavond
boxing stephanstag stefanstag san-esteban santo-stefano tweede-kerstdag
new-year nouvel-an jour-de-l'an neujahr neujahrstag ano-nuevo capodanno ano-novo nieuwjaar
    nieuwjaarsdag
new-year saint-sylvestre reveillon silvester nochevieja san-silvestro oudejaarsavond oudjaar
epiphany epiphanie rois dreikonigstag epifania reyes befana reis driekoningen
candlemas chandeleur lichtmess candelaria candelora lichtmis
carnival carnaval karneval fasching fastnacht carnevale
shrove-tuesday mardi-gras fastnachtsdienstag martes-de-carnaval martedi-grasso
    terca-feira-de-carnaval vastenavond
ash-wednesday mercredi-des-cendres aschermittwoch miercoles-de-ceniza mercoledi-delle-ceneri
    quarta-feira-de-cinzas aswoensdag
lent careme fastenzeit cuaresma quaresima quaresma vasten vastentijd
palm-sunday rameaux palmsonntag domingo-de-ramos domenica-delle-palme palmzondag
holy-week semaine-sainte karwoche semana-santa settimana-santa goede-week stille-week
maundy-thursday jeudi-saint grundonnerstag jueves-santo giovedi-santo quinta-feira-santa
    witte-donderdag
good-friday vendredi-saint karfreitag viernes-santo venerdi-santo sexta-feira-santa
    goede-vrijdag
holy-saturday samedi-saint karsamstag sabado-santo sabato-santo sabado-de-aleluia
    stille-zaterdag
easter easter-sunday easter-monday paques ostern ostersonntag ostermontag pascua pasqua
    pasquetta pascoa pasen paaszondag paasmaandag
ascension himmelfahrt auffahrt ascensione ascensao hemelvaart hemelvaartsdag
pentecost whitsun whitsunday whit-monday pentecote pfingsten pfingstmontag pentecostes
    pentecoste pinksteren pinkstermaandag
corpus-christi fete-dieu fronleichnam corpus-domini sacramentsdag
assumption assomption himmelfahrt asuncion assunzione assunta ferragosto assuncao
    tenhemelopneming
all-saints toussaint allerheiligen todos-los-santos ognissanti tutti-i-santi todos-os-santos
all-souls jour-des-morts allerseelen dia-de-difuntos dia-de-muertos giorno-dei-morti finados
    allerzielen
advent avent adviento avvento advento
immaculate-conception immaculee-conception empfangnis inmaculada-concepcion
    immacolata-concezione imaculada-conceicao onbevlekte-ontvangenis
valentine saint-valentin valentinstag san-valentin san-valentino valentijnsdag
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
eu ue eg
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
