"""Proper names present on one side of a link and absent from the other.

A name is a capitalised word that is not at the start of a sentence, is never
written in lower case elsewhere on its side, and is not a function word (the
start of a sentence counts only when the same word is a name elsewhere, or when the
lists know it as a name and a name follows it: ``María Jesús López, directora…``).
German capitalises every noun, so a German side contributes no names of its own
(its text still serves as the counterpart of the other side's names).

Names are read as they are written across languages: an elided article is split
off (``l'Italie`` holds the name ``Italie``), hyphenated names are read in their
parts (``Champs-Élysées`` = ``Champs Elysees``), and titles, contractions, the
words of software interfaces and the keys of a keyboard (``Prefect``, ``I'll``, ``Tap
Share`` = ``Appuyez sur Partager``, ``Press Esc`` = ``Appuyez sur Échap``) are not
names.  Markup is no text: tags, placeholders and Markdown code are read as blanks, so
``<p>Welcome</p>`` starts with its word, and a step of a menu path
(``File > Export``), a table cell (``| Meaning |``), a Markdown heading (``# Getting
started``, and after its section number: ``## 3.4 Legacy``), a ``+`` list item and a
link's text (``[Troubleshooting guide](…)``) start anew, and so does the text after a
footnote's mark (``[2] Historians disagree``, ``grew.[2] Its port``) and a subtitle's line
after a music note (``♪ Soft piano music ♪``), as after a speaker's dash; a Markdown heading in
Title Case (``# The Rise of the Cities``) capitalises its words as a sentence its first.
Words in capitals that make a phrase (``DRINK ME``, ``BUVEZ-MOI``) are no acronyms, and a
capitalised word hyphenated to a function word in lower case (``Jack-in-the-box``,
``Tenez-vous``) is a word.

A name has a counterpart when the other side (or a neighbouring link, where a moved
sentence boundary may have put it) holds the same word forgiving accents, case and small
spelling differences (``Andrés`` = ``Andres``, ``Tchaikovsky`` = ``Tchaïkovski``), written
in one word or two (``BlackTooth`` = ``Black Tooth``), a word sharing most of its stem
(``Stalinist`` = ``stalinien``), the name with a case ending (Polish ``Lizbony`` =
``Lisbon``, Turkish ``Lizbon'a``, Russian ``Анны`` = ``Anna``), a Slavic name of Latin
script as Cyrillic writes it (``Wałęsa`` = ``Валенсой``, ``Lech`` = ``Лехом``, ``Andrzej`` =
``Анджея``), a listed name in a case (Polish ``Lwowie`` = ``Lviv``), or a listed translation
(``Spain`` = ``Espagne`` = ``Spanien``, ``North`` = ``septentrional``, ``Friday`` =
``Παρασκευή``; a feast, ``Christmas`` = ``Natal``, ``Christmas Day`` too; an abbreviation,
``EU`` = ``UE``, ``NATO`` = ``OTAN``: `align.checks.name_equivalents`), in the Polish and
Czech cases the rules do not reach (``Niemiec``, ``Włoszech``, ``Hiszpanii``,
``Španělsku``) or transliterated with a case ending (``Испании``); but two names the lists
know as names of two things are never spellings of one (``Francis`` and ``France``). A
full stop after an initial or an abbreviation does not end a sentence
(``C. Auguste Dupin``, ``St. Germain``).  Names alike but for their last letter, each a
vowel (``Herrera`` and ``Herrero``, ``Anna`` and a Spanish ``Anne``), are two names, listed or not,
and a rendering of one as the other is no choice: the ending makes another name, unless a
language declines names by it or writes an ``e`` for others' endings (French ``Pise``).

A name the word aligner pairs with a word its own side does not read as a name was
translated (``the Hatter`` = ``le Chapelier``, where the French also writes ``un
chapelier``), unless that word only stands for the name: a pronoun or an article
(``Morissot`` paired with ``une``, or with the ``l’`` of ``l’envahit``). But a capitalised
word whose side cannot tell whether it is a name (one starting its sentence and written
nowhere else, or a noun of a German side that follows no determiner: ``in München``, not
``die Regierung``) translates the name only if it reads as its translation: the same name,
a listed translation, a word its side writes in lower case elsewhere, or one the model
reads as the name's translation (`TRANSLATION_MATCH`; never for a listed name); a name used
as a noun after an article (``the Hatter``, ``du Gouvernement``) may be translated by any
such word (``der Hutmacher``), and a name of several words by a German noun
(``Himmelsgebirge`` = ``Monts Célestes``). Otherwise, where the name is the word closest to
it, it was put in the name's place: the name is replaced (``Heinrich Schulz`` → ``Heinrich
Wagner``, ``Вера накрыла…`` → ``Nina laid…``).

A name missing on one side is *replaced* (major) by the one missing on the other when each
side misses one (unless the word aligner pairs one of them, by itself, with a word
translating it and not with the other; counting, where several are missing, only those not
translated), or, when several are still missing, by the one the word aligner puts in its
place, closest to it; other missing names are reported one-sided. A rendering used in
several links is a choice, counted word by word (``Cheshire`` → ``Grimaçon``). Two
capitalised words that the model reads, alone and in lower case, as a word and its
translation (``Policy`` = ``Politique``, ``Terms`` = ``Conditions``: `TRANSLATION_MATCH`)
may be a translated term rather than a name replaced: they are reported as such, minor,
unless either is a name the lists know (``Germany`` for ``France``, ``Montreal`` for
``Toronto`` stay major, though the model reads them as alike). Units after a number or a
placeholder (``%s GB`` = ``%s Go``) are no names.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from difflib import SequenceMatcher
from functools import lru_cache

import numpy as np
from anyascii import anyascii

from align.checks.base import CheckContext, LinkText, Word, quote, words
from align.checks.lexicon import (
    FUNCTION_WORDS,
    KEYBOARD_KEYS,
    KEYBOARD_MODIFIERS,
    MONTHS,
    MUSIC_NOTES,
    UNITS,
    fold,
)
from align.checks.name_equivalents import (
    ABBREVIATIONS,
    FEAST_WORDS,
    HOLIDAYS,
    LEGAL_ABBREVIATIONS,
    LEGAL_FORMS,
    LEGAL_STRUCTURE,
)
from align.checks.placeholders import blank_markup, readable_links, readable_sentences
from align.checks.words import WordAlignment
from align.record import Finding, SideName
from align.segment_abbreviations import is_abbreviation

KINDS = ("name",)

#: Names that translate: each line is one name in English, French, German, Spanish, Italian …
#: (and for the main countries and cities, Russian and Greek as transliterated: Франция is
#: ``frantsiya``; Polish and Czech in their cases, where the stem changes or the case ending
#: is too long for `_inflected`: ``Niemiec``, ``Włoszech``, ``Hiszpanii``, ``Španělsku``).
_TRANSLATED = """
spain espagne spanien espana spagna spanish espagnol espagnole espagnols espagnoles spanisch
france frankreich francia french frenchman frenchmen francais francaise franzosisch
germany allemagne deutschland alemania germania german allemand allemande allemands deutsch
england angleterre inglaterra inghilterra english englishman englishmen anglais anglaise englisch
britain bretagne grossbritannien british britannique britanniques britisch
russia russie russland rusia russian russe russes russisch
italy italie italien italia italian italienne italienisch
switzerland suisse schweiz suiza svizzera swiss schweizer
austria autriche osterreich austrian autrichien
belgium belgique belgien belgian belge
netherlands pays-bas niederlande holland hollande dutch hollandais neerlandais
portugal portuguese portugais
greece grece griechenland greek grec grecque
poland pologne polen polish polonais
america amerique amerika american americain americaine americains amerikanisch
mexico mexique mexiko
morocco maroc marokko marruecos marocco marrocos
china chine chinese chinois
japan japon japanese japonais
egypt egypte agypten
sweden suede schweden swedish suedois
norway norvege norwegen
denmark danemark danish danois
scotland ecosse schottland scottish scotch ecossais
ireland irlande irish irlandais
europe europa european europeen europeenne europeens
africa afrique afrika
asia asie asien
london londres londra
vienna vienne wien viena
munich munchen munique myunkhen
geneva geneve genf ginebra ginevra genebra genewa zheneva
venice venise venedig venecia venezia veneza wenecja venetsiya
moscow moscou moskau moscu mosca moscovo
brussels bruxelles brussel bruselas bruxelas bruksela bryussel
lisbon lisbonne lissabon lisboa lisbona lizbona
athens athenes athen atenas atene ateny
cologne koln colonia kolonia
florence florenz firenze florencia florenca florencja
naples napoli neapel napoles neapol
rome rom roma
soviet sovietique sovietiques sowjetisch
monday lundi montag lunes lunedi segunda maandag poniedzialek pazartesi ponedelnik deytera
tuesday mardi dienstag martes martedi terca dinsdag wtorek sali vtornik triti
wednesday mercredi mittwoch miercoles mercoledi quarta woensdag sroda carsamba sreda tetarti
thursday jeudi donnerstag jueves giovedi quinta donderdag czwartek persembe chetverg pempti
friday vendredi freitag viernes venerdi sexta vrijdag piatek cuma pyatnitsa paraskeyi
saturday samedi samstag sabado sabato zaterdag sobota cumartesi subbota savvato
sunday dimanche sonntag domingo domenica zondag niedziela pazar voskresene kyriaki
god dieu gott dios dio
north nord norden northern septentrional septentrionale nordlich
south sud suden southern meridional meridionale sudlich
east est osten eastern oriental orientale ostlich
west ouest westen western occidental occidentale westlich
heaven ciel paradis himmel
united-states etats-unis vereinigte-staaten estados-unidos stati-uniti eeuu usa
united-kingdom royaume-uni vereinigtes-konigreich reino-unido regno-unito
new-zealand nouvelle-zelande neuseeland nueva-zelanda nuova-zelanda
white-house maison-blanche weisses-haus casa-blanca casa-bianca
red-cross croix-rouge rotes-kreuz cruz-roja croce-rossa
black-sea mer-noire schwarzes-meer mar-negro mar-nero
mediterranean mediterranee mittelmeer mediterraneo
atlantic atlantique atlantik atlantico
pacific pacifique pazifik pacifico
baltic baltique ostsee baltico
alps alpes alpen alpi
pyrenees pyreneen pirineos pirenei
vatican vatikan vaticano
thames tamise themse tamesis tamigi
rhine rhin rhein rin reno
danube donau danubio
tiber tibre tevere
nile nil nilo
montreal monreal
quebec quebeque kvebek
berlin berlino
hamburg hambourg hamburgo amburgo
frankfurt francfort francoforte
strasbourg strassburg estrasburgo strasburgo strasburg
cracow cracovie krakau cracovia krakow
lviv lwow lvov lemberg leopol leopoli leopolis
cloth-hall sukiennice tuchhallen
stockholm estocolmo stoccolma sztokholm
barcelona barcelone
dublin dublino
bruges brugge brujas
ghent gand gent gante
warsaw varsovie warschau varsovia varsavia
prague prag praga
lyons lyon lione
marseilles marseille marsella marsiglia marselha marsylia
dunkirk dunkerque dunkirchen
aachen aix-la-chapelle
mainz mayence magonza
basel bale basilea basileia bazylea
zurich zurigo zurique zurych
lucerne luzern lucerna
berne bern berna
milan mailand milano milao mediolan
turin turino torino turim turyn
genoa genes genua genova
seville seville sevilla siviglia sevilha sewilla
saragossa saragosse zaragoza
antwerp anvers antwerpen amberes anversa antuerpia antwerpia
the-hague la-haye den-haag la-haya l'aia haia haga gaaga
copenhagen copenhague kopenhagen copenhague copenaghen copenhaga kopenhaga
edinburgh edimbourg edimburgo edynburg
canterbury cantorbery
dover douvres
nuremberg nurnberg norimberga
danzig dantzig gdansk
beijing peking pekin pechino pequim
cairo le-caire kairo il-cairo
algiers alger algier argel algeri
havana la-havane havanna la-habana l'avana
petersburg petersbourg
kiev kiew kyiv
bucharest bucarest bukarest bucareste bukareszt
belgrade belgrad belgrado
jerusalem jerusalen gerusalemme
hungary hongrie ungarn hungria ungheria
france frantsiya gallia
germany germaniya germania
spain ispaniya ispania
italy italiya italia
russia rossiya rosia
england angliya agglia
greece gretsiya ellada elladas
poland polsha polonia
china kitay kina
moscow moskva moscha
paris parizh parisi parigi
rome rim romi
athens afiny athina
warsaw varshava varsovia
vienna vena vienni
spain hiszpania hiszpanii hiszpanie hiszpanio spanelsko spanelska spanelsku spanelskem
germany niemcy niemiec niemcom niemcami niemczech nemecko nemecka nemecku nemeckem
italy wlochy wloch wlochom wlochami wloszech
england anglia anglii anglie anglio
russia rosja rosji rosje rosjo rusko ruska rusku ruskem
austria rakousko rakouska rakousku rakouskem
switzerland szwajcaria szwajcarii szwajcarie svycarsko svycarska svycarsku
netherlands holandia holandii holandie nizozemsko nizozemska nizozemsku
greece grecja grecji grecje recko recka recku
poland polska polski polsce polske polsko polsku
sweden szwecja szwecji szwecje svedsko svedska svedsku
hungary wegry wegier wegrom wegrzech madarsko madarska madarsku
china chiny chin chinach chinom cina ciny
japan japonia japonii japonie japonsko japonska japonsku
america ameryka ameryki ameryce ameryke
london londyn londynu londynie londyne londyna
paris paryz paryza paryzu paryzem pariz parize
vienna wieden wiednia wiedniu viden vidne vidni
munich monachium mnichov mnichova mnichove
rome rzym rzymu rzymie rima rime
moscow moskwa moskwy moskwie moskve moskvy
prague praga pragi pradze prage praha prahy praze prahu
warsaw warszawa warszawy warszawie varsava varsavy varsave
geneva genewa genewy genewie genewe
venice wenecja wenecji wenecje
copenhagen kopenhaga kopenhagi kopenhadze kopenhage
basel bazylea bazylei bazylee
brussels bruksela brukseli bruksele
florence florencja florencji florencje
naples neapol neapolu neapolem
milan mediolan mediolanu mediolanie
zurich zurych zurychu
edinburgh edynburg edynburga edynburgu
antwerp antwerpia antwerpii antwerpie
cologne kolonia kolonii kolonie
athens ateny aten atenach
the-hague haga hagi hadze hage
beijing pekin pekinu pekinie
turin turyn turynu turynie
bucharest bukareszt bukaresztu bukareszcie
seville sewilla sewilli sewille
marseilles marsylia marsylii marsylie
cracow krakow krakowa krakowie
stockholm sztokholm sztokholmu sztokholmie
"""
#: First names that translate (``John`` is ``Jean``): a translator may also render one by
#: another first name of the story's language (*Bill* as « Jacques »), a choice.
_TRANSLATED_FIRST_NAMES = """
john jean johann johannes juan giovanni jan ioann
paul paolo pablo paulo pawel pavel
peter pierre petrus pedro pietro
william guillaume wilhelm guillermo guglielmo
james jacques jakob jaime diego giacomo
henry henri heinrich enrique enrico
charles karl carlos carlo
george georges georg jorge giorgio
michael michel miguel michele
stephen etienne stefan esteban stefano
joseph josef jose giuseppe
francis francois franz francisco francesco
lewis louis ludwig luis luigi
anthony antoine anton antonio
andrew andre andreas andres andrea
matthew matthieu matthias mateo matteo
philip philippe philipp felipe filippo
alexander alexandre alejandro alessandro
frederick frederic friedrich federico
edward edouard eduard eduardo edoardo
lawrence laurent lorenz lorenzo
nicholas nicolas nikolaus nicolas niccolo
gregory gregoire gregor gregorio
mark marc markus marcos marco
luke luc lukas lucas luca
hugh hugues hugo ugo
mary marie maria
jane jeanne johanna juana giovanna
catherine katharina catalina caterina
elizabeth elisabeth isabel elisabetta
margaret marguerite margarete margarita margherita
anne anna ana
"""
_EQUIVALENT: dict[str, frozenset[str]] = {}
#: What each listed word names: the first name of each line it stands in (``moskwie`` and
#: ``moskva`` both name ``moscow``; ``noel`` names ``christmas``, ``francis`` ``francis``).
_NAMES_OF: dict[str, frozenset[str]] = {}


def _list_equivalents(names: list[frozenset[str]], named: str) -> None:
    """Make each name of `names` (the keys of its words) a counterpart of the others, all
    naming the thing `named`.

    The words of one name are not counterparts of each other ("Bas" is not a second "Pays"),
    only of the other names of the line; nor are those of names sharing the word, in
    languages that write a name alike but for one word ("Año" of Spanish "Año Nuevo" is
    not a second "Ano" of Portuguese "Ano Novo")."""
    for name in names:
        for w in name:
            others = frozenset().union(*(n for n in names if w not in n))
            _EQUIVALENT[w] = _EQUIVALENT.get(w, frozenset()) | others | {w}
            _NAMES_OF[w] = _NAMES_OF.get(w, frozenset()) | {named}


for _line in (*_TRANSLATED.strip().splitlines(), *_TRANSLATED_FIRST_NAMES.strip().splitlines(),
              *HOLIDAYS):
    # Plurals too: "Saturdays" is "le samedi", "les Français" the French.  A name of
    # several words is listed with hyphens and read in its words, as names are read
    # ("Pays-Bas" is "Pays" and "Bas", each a counterpart of "Netherlands").
    _list_equivalents([
        frozenset(p + ending for p in re.split(r"[-']", w) for ending in ("", "s")
                  if len(p) > 2 and all(p not in f for f in FUNCTION_WORDS.values()))
        for w in _line.split()], _line.split()[0])
#: The keys of the listed first names, their plurals too (`_listed_otherwise`).
_FIRST_NAME_KEYS = frozenset(w + ending for w in _TRANSLATED_FIRST_NAMES.split()
                             for ending in ("", "s"))
#: ``US``, ``U.S.``: the United States in two letters, which the list's function words leave
#: out (the pronoun *us*), as a counterpart of its other names (``EE. UU.``).
for _w in _EQUIVALENT["usa"]:
    _EQUIVALENT[_w] = _EQUIVALENT[_w] | {"us"}
for _line in ABBREVIATIONS:
    # Read as written, however short and though a function word ("EU" = "UE", "UN" = "ONU"),
    # with their plurals ("NGOs").
    _list_equivalents([frozenset((w, w + "s")) for w in _line.split()], _line.split()[0])

#: Titles and forms of address translate freely; they are not names, nor are the words of a
#: legal text's structure (`LEGAL_STRUCTURE`: "§ 3" as "Section 3"), but those that are
#: such words only before a number (`LEGAL_ABBREVIATIONS`, `_legal_part`).
_TITLES = frozenset(
    "mr mrs ms miss misses messrs sir madam lady lord dr st monsieur madame mademoiselle m "
    "mme mlle mlles mmes mm sr sra srta sres dra sig sigra sigg dott "
    "herr frau fraulein senor senora signor signora don dona captain capitaine colonel "
    "general king queen prince princess roi reine princesse duke duc count comte chapter "
    "duchess duchesse countess comtesse baron baronne marquis marquise emperor empereur "
    "prefect prefet minister ministre president professor professeur doctor docteur "
    "governor gouverneur bishop eveque pope pape abbe saint sainte sankt "
    "chapitre kapitel ok oh ah eh dear cher chere lieber liebe querido querida caro cara "
    # Kinship as a form of address ("Father William" = "le Père Guillaume", "Uncle Tom").
    "father pere vater mother mere mutter brother frere bruder sister soeur schwester "
    "uncle oncle onkel aunt tante"
    .split()
) | (LEGAL_STRUCTURE - LEGAL_ABBREVIATIONS)

#: A number after a word, through its full stop ("Art. 5", "Abs 2", "Ziff. 3a").
_NUMBER_AFTER = re.compile(r"\.?[ \t\u00a0]*\d")


def _legal_part(text: str, word: Word) -> bool:
    """Whether `word` of `text` is a word of a legal text's structure that is one only
    before a number (`LEGAL_ABBREVIATIONS`): "Art. 5", not "Art Garfunkel"."""
    return (_key(word.text) in LEGAL_ABBREVIATIONS
            and _NUMBER_AFTER.match(text, word.end) is not None)

#: Words of software interfaces: labels, menus and buttons, which software strings capitalise
#: ("Tap Share", "Open Settings and choose Privacy", "File > Export") and translate ("Appuyez
#: sur Partager").  They are not names, whatever their capital: the word aligner cannot tell
#: them from names (it pairs "Share" with "Partager" less closely, 0.60, than "Munich" with a
#: swapped "Berlin", 0.63).  One line per term, in English, French, German, Spanish, Italian;
#: the plural in "s" is read too ("Downloads", "Paramètres").
_INTERFACE = """
share partager partage teilen compartir condividi
settings parametre reglage einstellung configuracion ajuste impostazione
preference einstellung preferencia preferenza
option optionen opcion opzione
privacy confidentialite datenschutz privacidad riservatezza
security securite sicherheit seguridad sicurezza
account compte konto cuenta
profile profil perfil profilo
file fichier datei archivo
folder dossier ordner carpeta cartella
document dokument documento
edit modifier edition bearbeiten editar modifica
view affichage ansicht vista visualizza
help aide hilfe ayuda aiuto guida
tools outil werkzeug extras herramienta strumenti
window fenetre fenster ventana finestra
format formato
insert inserer einfugen insertar inserisci
export exporter exportieren exportar esporta
import importer importieren importar importa
save enregistrer sauvegarder speichern guardar salva salvare
open ouvrir offnen abrir apri
close fermer schliessen cerrar chiudi
print imprimer drucken imprimir stampa
delete supprimer loschen eliminar borrar elimina
remove retirer entfernen quitar rimuovi
cancel annuler abbrechen cancelar annulla
apply appliquer anwenden aplicar applica
done termine fertig listo fatto
next suivant weiter siguiente avanti
back retour zuruck atras indietro
previous precedent anterior precedente
continue continuer fortfahren continuar continua
skip ignorer uberspringen omitir salta
finish terminer beenden finalizar
send envoyer senden enviar invia
submit soumettre absenden
search rechercher recherche suche suchen buscar cerca
copy copier kopieren copiar copia
paste coller pegar incolla
cut couper ausschneiden cortar taglia
undo retablir ruckgangig deshacer
redo wiederholen rehacer ripeti
new nouveau nouvelle neu nuevo nueva nuovo nuova
add ajouter hinzufugen anadir aggiungi
create creer erstellen crear crea
rename renommer umbenennen renombrar rinomina
select selectionner auswahlen seleccionar seleziona
home accueil startseite inicio
start demarrer starten iniciar avvia
stop arreter anhalten detener interrompi
pause pausa
play lecture abspielen reproducir riproduci
download telecharger telechargement herunterladen descargar descarga scarica
upload importer hochladen subir carica
update actualiser aktualisieren aktualisierung actualizar aggiorna aggiornamento
install installer installieren instalar installa
login connexion anmelden anmeldung acceso accedi
logout deconnexion abmelden esci
register inscription registrieren registrarse registrati
name nom nombre nome
password passwort contrasena
username
email mail courriel
warning avertissement warnung advertencia avviso attention achtung atencion attenzione
error erreur fehler errore
information informationen informacion informazioni
note remarque hinweis nota
tip astuce tipp consejo suggerimento
welcome bienvenue willkommen bienvenido bienvenida benvenuto benvenuta
notification benachrichtigung notificacion notifica notifiche
message nachricht mensaje messaggio messaggi
contacts contact kontakt contacto contatto contatti
photo foto fotos
camera appareil kamera camara fotocamera
gallery galerie galeria galleria
library bibliotheque bibliothek biblioteca
favorite favori favorit favorito preferito preferiti
history historique verlauf historial cronologia
bookmark signet lesezeichen marcador segnalibro
display affichage anzeige pantalla schermo
screen ecran bildschirm
language langue sprache idioma lingua
theme design tema
dark sombre dunkel oscuro scuro
mode modus modo
advanced avance erweitert avanzado avanzate
storage stockage speicher almacenamiento archiviazione
network reseau netzwerk rete
battery batterie akku bateria batteria
location localisation standort ubicacion posizione
sync synchroniser synchronisation synchronisieren sincronizar sincronizza
refresh actualiser
menu
tab onglet registerkarte pestana scheda
filter filtrer filtro
sort trier sortieren ordenar ordina
move deplacer verschieben mover sposta
archive archiver archivieren archivar archivia
trash corbeille papierkorb papelera cestino
inbox boite posteingang bandeja
draft brouillon entwurf borrador bozza
reply repondre antworten responder rispondi
forward transferer weiterleiten reenviar inoltra
attach joindre anhangen adjuntar allega
confirm confirmer bestatigen confirmar conferma
accept accepter akzeptieren aceptar accetta
decline refuser ablehnen rechazar rifiuta
allow autoriser erlauben permitir consenti
enable activer aktivieren activar attiva
disable desactiver deaktivieren desactivar disattiva
retry reessayer erneut reintentar riprova
exit quitter verlassen salir
report signaler melden denunciar segnala
feedback commentaires
support assistance soporte supporto
details detail detalles dettagli
summary resume zusammenfassung resumen riepilogo
overview apercu ubersicht
dashboard
status statut stato
title titre titel titulo titolo
description beschreibung descripcion descrizione
size taille grosse tamano dimensione
cart panier warenkorb carrito carrello
checkout paiement kasse pago cassa
payment zahlung pagamento
order commande bestellung pedido ordine
shipping livraison versand envio spedizione
address adresse direccion indirizzo
phone telephone telefon telefono
keyboard clavier tastatur teclado tastiera
device appareil gerat dispositivo
application anwendung aplicacion applicazione app
user utilisateur benutzer usuario utente
permission autorisation berechtigung permiso autorizzazione
calendar calendrier kalender calendario
reminder rappel erinnerung recordatorio promemoria
alarm alarme wecker alarma sveglia
music musique musik musica
video
notes
courrier
desktop schreibtisch escritorio scrivania
recent recents zuletzt reciente recenti
layer calque ebene capa livello
zoom
bold gras fett negrita grassetto
italic italique kursiv cursiva corsivo
underline souligne unterstrichen subrayado sottolineato
font police schriftart fuente carattere
color couleur farbe colore
image bild imagen immagine
table tableau tabelle tabla tabella
link lien enlace collegamento
comment commentaire kommentar comentario commento
preview vorschau anteprima
properties proprietes eigenschaften propiedades proprieta
show afficher anzeigen mostrar mostra
hide masquer ausblenden ocultar nascondi
lock verrouiller sperren bloquear blocca
unlock deverrouiller entsperren desbloquear sblocca
volume lautstarke volumen
brightness luminosite helligkeit brillo luminosita
accessibility accessibilite bedienungshilfen accesibilidad accessibilita
backup sauvegarde sicherung
restore restaurer wiederherstellen restaurar ripristina
reset reinitialiser zurucksetzen restablecer reimposta
clear effacer loschen borrar cancella
"""
#: (Not "Windows", capitalised far more often the operating system, a name, than the plural of
#: a menu's "Window": "Install it on Windows" for "sur Linux" is a name replaced.)
_INTERFACE_TERMS = frozenset(
    term + ending for term in _INTERFACE.split() for ending in ("", "s")) - {"windows"}
#: The keys of a keyboard, as English, French, German, Spanish, Italian, Portuguese and Dutch
#: keyboards and manuals name them (the lexicon's, which the shortcut check reads too):
#: capitalised and translated ("Press
#: Esc" = "Appuyez sur Échap", "Shift" = "Maj" = "Umschalt" = "Mayús" = "Maiusc"), they are
#: no names, as the words of interfaces are none.  (The shortcuts they make, "Ctrl+Maj+P",
#: are compared by `align.checks.shortcuts`.)
_KEY_NAMES = frozenset(
    fold(name) for table in (KEYBOARD_MODIFIERS, KEYBOARD_KEYS)
    for key, names in table.items() if key not in ("up", "down", "left", "right", "win")
    for name in names.split()) | {"win"}  # not the arrows' words, Windows nor Super
#: A key named in two words (in folded text), whose words are read as a key only together,
#: since they are words or names alone ("Jimmy Page"): "Page Up" = "Bild auf" = "Re Pág" =
#: "Pag su" = "Pg Suiv", "Retour arrière", "Barra espaciadora", "Flèche haut".
_KEY_PHRASE = re.compile(
    r"(?<!\w)(?:(?:page|pg|bild|re|av|pag)[ .\-]*(?:up|down|dn|auf|ab|pag|su|giu|suiv|prec)"
    r"|retour[ \-]arriere|barra[ \-](?:espaciadora|spaziatrice|de[ \-]espaco)"
    r"|(?:up|down|left|right)[ \-]arrow|fleche[ \-](?:haut|bas|gauche|droite))(?!\w)")
_KEY_PHRASE_WORDS = frozenset(
    "page pg bild re av pag up down dn auf ab su giu suiv prec retour arriere barra "
    "espaciadora spaziatrice espaco left right arrow fleche haut bas gauche droite".split())
_ALL_FUNCTION_WORDS = frozenset().union(*FUNCTION_WORDS.values())
_ROMAN = re.compile(r"^[IVXLCDM]+$")
_QUOTES_AND_DASHES = "\"'“”‘’«»„‹›—–-"


#: An elided article or pronoun before a word ("l'Amérique", "d'Andrés", "dell'Italia"):
#: the name is the rest of the word.
_ELISION = re.compile(r"^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu|dell|nell|all|dall|sull)"
                      r"['’](?=[^\W\d_])", re.IGNORECASE)


_HYPHEN = re.compile(r"[-‐]")
_SPLIT_MARKS = re.compile(r"[-‐'’]")


#: A menu accelerator: ``&`` or ``_`` before the letter it underlines, at the start of a
#: string or after a space (``&Quit``, ``Save &As``, ``_Save``), not an entity (``&amp;``)
#: nor the ``_`` that opens an emphasis closed later (``_Monsieur_``, as etexts write
#: italics).
_ACCELERATOR = re.compile(r"(?:(?<=\s)|^)(?:&(?![^\W\d_]+;)|_(?![^_]*_))(?=[^\W\d_])")
#: What `_unmarked` writes where a label or a branch of text begins: a mark that
#: `_sentence_initial` reads as the end of what comes before, as a menu path's arrow.
_OPENS = "→"
#: Markdown that opens a text of its own: the ``#`` of a heading and the ``+`` of a list
#: item at the start of a line (``-``, ``*`` and ``1.`` already open one), and the bracket
#: that opens a link's text (``[Getting started](start.md)``).
_MARKDOWN_OPENS = re.compile(r"^[ \t]{0,3}(?:#{1,6}|\+)(?=[ \t])|\[(?=[^\[\]\n]*\]\()",
                             re.MULTILINE)
#: A Markdown heading's section number (``## 3.4 Legacy``, ``# 3.``, ``## IV.``, ``## A.``),
#: after which the heading's text begins as a sentence does: its first word is no name by
#: its position.  (A roman numeral or a letter only with its full stop: ``## I Was There``.)
_HEADING_NUMBER = re.compile(
    r"^[ \t]{0,3}#{1,6}[ \t]+(?:\d+(?:\.\d+)*\.?|[IVXLCDM]+\.|[A-Z]\.)[ \t]+(?=\S)",
    re.MULTILINE)
#: A line opened by a paragraph's number (``(1)``, ``(a)``, ``1.1``) or by a legal text's
#: part and its number (``Section 2``, ``§ 3``, ``## Article 3``: `LEGAL_STRUCTURE`), after
#: which its text begins as a sentence does: ``(1) Amendments…``, ``Section 2 Commencement
#: and Term``, ``## Article 3 Fees``.  (Not a chapter's: ``## Chapter 3.4 Legacy`` may
#: title a chapter by a name.)
_NUMBERED_OPENING = re.compile(
    r"^[ \t]{0,3}(?:#{1,6}[ \t]+)?(?:(?P<part>§|[^\W\d_]+\.?)[ \t]*\d+[a-z]?(?:\.\d+)*\.?"
    r"|\(\d{1,3}[a-z]?\)|\([a-z]\)|\d+(?:\.\d+)+\.?)[ \t→]+(?=[^\W\d_])", re.MULTILINE)


@lru_cache(maxsize=1 << 12)
def _numbered_openings(text: str) -> tuple[re.Match, ...]:
    """The numbers that open lines of `text` (`_NUMBERED_OPENING`).  Cached: every
    capitalised word of a link asks whether its link is a numbered heading."""
    return tuple(m for m in _NUMBERED_OPENING.finditer(text) if m.group("part") in (None, "§")
                 or fold(m.group("part").rstrip(".")) in LEGAL_STRUCTURE)


#: The separator row of a Markdown or ASCII table (``|---|:--:|``, ``+-----+=====+``).
_TABLE_RULE = re.compile(r"^[ \t]*[|+]?(?:[ \t]*:?[-=]{3,}:?[ \t]*[|+])+[ \t]*:?[-=]*:?[ \t]*$",
                         re.MULTILINE)


@lru_cache(maxsize=1 << 14)
def _unmarked(text: str) -> str:
    """`text` with its tags, placeholders and addresses blanked out, offsets kept: markup is
    not text, so its words (``span``, ``class``) are no words of the side, and a word right
    after an opening tag that starts the text (``<p>Welcome</p>``) starts the text.

    A word right after a menu accelerator (``&Quit``, ``Save &As``) begins a label, and a
    word right after the brace that opens a branch of an ICU message (``{Wybrano # plik}``)
    begins the text of that branch: both are marked as such (`_OPENS`), and so are a
    Markdown heading's text, after its section number too (`_HEADING_NUMBER`), a ``+``
    list item's and a link's (`_MARKDOWN_OPENS`), and a line's after a paragraph's number or a
    legal text's part (`_NUMBERED_OPENING`); a table's separator row is blank."""
    blanked = blank_markup(text)
    numbered = _numbered_openings(text)
    if not any(c in text for c in "&_{#+[-=") and not numbered:
        return blanked
    chars = list(blanked)
    for m in numbered:
        if blanked[m.start():m.end()].strip():  # not in code
            chars[m.end() - 1] = _OPENS  # the blank before the text's first word
    for m in _ACCELERATOR.finditer(text):
        chars[m.start()] = _OPENS
    for m in _MARKDOWN_OPENS.finditer(text):
        if blanked[m.end() - 1] != " ":  # not in code
            chars[m.end() - 1] = _OPENS
    for m in _HEADING_NUMBER.finditer(text):
        if blanked[m.start():m.end()].strip():  # not in code
            chars[m.end() - 1] = _OPENS  # the blank before the heading's first word
    for m in _TABLE_RULE.finditer(blanked):
        chars[m.start():m.end()] = " " * (m.end() - m.start())
    if "{" in text:
        for start, stop in _braces(text):
            inner = blanked[start + 1 : stop]
            if blanked[start] == " " and inner.strip():
                # A branch whose text shows once the syntax is blanked ({# file} of
                # "{count, plural, one {# file}}"), not a placeholder ("{name}").
                chars[start] = _OPENS
    return "".join(chars)


def _braces(text: str) -> list[tuple[int, int]]:
    """The offsets of each opening brace of `text` and of the brace that closes it."""
    found, stack = [], []
    for k, c in enumerate(text):
        if c == "{":
            stack.append(k)
        elif c == "}" and stack:
            found.append((stack.pop(), k))
    return found


#: An abbreviation of capitals with points, Spanish plurals of doubled letters: ``EE. UU.``,
#: ``EE.UU.`` (Estados Unidos), ``FF. AA.``, ``CC. OO.``: one word, its letters joined
#: (``EEUU``).
_DOTTED_ABBREVIATION = re.compile(
    r"(?<![^\W\d_])(?:([A-Z])\1\.[ \u00a0]?){2,}(?![^\W\d_])")
#: Initials written together (``U.S.``, ``U.S.A.``), read joined (``us``) as the counterpart
#: of a name only: ``J.R.R. Tolkien`` is no name ``JRR`` on its side.
_INITIALS_TOGETHER = re.compile(r"(?<![^\W\d_])(?:[A-Z]\.){2,}(?![^\W\d_])")


def _joined_abbreviations(text: str, ws: tuple[Word, ...]) -> tuple[Word, ...]:
    """`ws` with the letters of each abbreviation of `_DOTTED_ABBREVIATION` one word."""
    spans = [(m.start(), m.end()) for m in _DOTTED_ABBREVIATION.finditer(text)]
    if not spans:
        return ws
    out = []
    for w in ws:
        span = next(((a, b) for a, b in spans if a <= w.start < b), None)
        if span is None:
            out.append(w)
        elif w.start == span[0]:
            letters = "".join(c for c in text[span[0]:span[1]] if c.isalpha())
            written = text[span[0]:span[1]].rstrip()
            out.append(Word(letters, span[0], span[0] + len(written)))
    return tuple(out)


@lru_cache(maxsize=1 << 14)
def _words(text: str) -> tuple[Word, ...]:
    """The words of `text` as names are written: markup left out, an elided article or
    pronoun split off, hyphenated words in their parts ("Champs-Élysées" is "Champs
    Elysees" elsewhere), and a Spanish abbreviation of doubled capitals one word (``EE.
    UU.``: `_DOTTED_ABBREVIATION`)."""
    text = _unmarked(text)
    if "." in text:
        return _joined_abbreviations(text, _split_words(text))
    return _split_words(text)


def _split_words(text: str) -> tuple[Word, ...]:
    if not _SPLIT_MARKS.search(text):
        return words(text)
    out = []
    for w in words(text):
        if not _SPLIT_MARKS.search(w.text):
            out.append(w)
            continue
        m = _ELISION.match(w.text)
        start = w.start + (m.end() if m else 0)
        for part in _HYPHEN.split(text[start : w.end]):
            if part:
                out.append(Word(part, start, start + len(part)))
            start += len(part) + 1
    return tuple(out)


#: Turkish case endings, which a name takes after an apostrophe (``Lizbon'a``, ``Anna'nın``,
#: ``Costa'yla``), folded and written in ASCII as `_key` reads them.
_TURKISH_ENDINGS = frozenset(
    "a e ya ye na ne i u yi yu in un nin nun da de ta te dan den tan ten nda nde ndan nden "
    "la le yla yle ca ce daki deki taki teki".split())
_TURKISH_ENDING = re.compile(r"([a-z]{2,})'([a-zçğışöü]{1,4})")
#: Greek writes b, d and g of other languages with two letters (``Μπεργκ`` is Berg,
#: ``Ντίσελντορφ`` Düsseldorf), which a letter-by-letter transliteration keeps apart.
_GREEK_DIGRAPHS = re.compile(r"^μπ|^ντ|^γκ|γκ$")
_GREEK_SOUNDS = {"μπ": "b", "ντ": "d", "γκ": "g"}


@lru_cache(maxsize=1 << 16)
def _key(word: str) -> str:
    """Folded form without a possessive or a Turkish case ending: ``Andrés’s`` →
    ``andres``, ``Lizbon'a`` → ``lizbon``; a word of another script transliterated into
    Latin letters (``Троцкий`` → ``trotskiy``, ``Μπεργκ`` → ``berg``)."""
    key = fold(word)
    for ending in ("'s", "'"):
        if key.endswith(ending):
            key = key[: -len(ending)]
    turkish = _TURKISH_ENDING.fullmatch(key)
    if turkish and anyascii(turkish.group(2)) in _TURKISH_ENDINGS:
        key = turkish.group(1)
    if not key.isascii():
        key = _GREEK_DIGRAPHS.sub(lambda m: _GREEK_SOUNDS[m.group()], key)
        latin = anyascii(key).lower()
        if latin != key and latin.isascii():
            _TRANSLITERATED.add(latin)
            key = latin
    return key


#: Keys transliterated from another script, compared more loosely (`_sounds_alike`).
_TRANSLITERATED: set[str] = set()

#: The months of `align.checks.lexicon.MONTHS`, in the keys names are compared by (other
#: scripts transliterated: Greek «3 Μαΐου» is ``maiou``), which languages that capitalise
#: them write as no name, with Greek's accusative («τον Μάιο»: the number check leaves it
#: out, since "in May" beside it is not read as a month); but for ``marco``, Portuguese
#: «março» folded, which is the name Marco far more often than a month, and Polish «maja»
#: and Spanish «mayo», which their languages write in lower case: Maja, Mayo are names.
_MONTH_KEYS = frozenset(_key(month) for month in (*MONTHS, *"""
    Ιανουάριο Φεβρουάριο Μάρτιο Απρίλιο Μάιο Ιούνιο Ιούλιο Αύγουστο Σεπτέμβριο Οκτώβριο
    Νοέμβριο Δεκέμβριο""".split())) - {"marco", "maja", "mayo"}
#: Honorifics, ranks and forms of address of letters and dispatches, with the possessives
#: that open them («Votre Excellence», "Your Excellency's", «Ihre Majestät», «Ваше
#: Величество», "His Royal Highness", «S.A.I.» as "H.I.H."), sovereigns' titles («l'Impératrice»
#: as "the Empress", «Царь» as "the Tsar") and clergy's ("the Rev. Fr." for «le R. P.», "Pope"
#: for «Papież», «Papst», «Папа»), and ranks before a name ("Privy Councillor" for «Geh.
#: Rat»): titles, which translate freely (`_TITLES`), written as their texts write them and
#: read in the keys names are compared by (Russian transliterated).  Not the possessives
#: that are names too ("Seine", "Eure").  Ranks: those a name may hold as well
#: (`_title_in_name`: Steffi Graf, the Crown Court).
_RANKS = frozenset(_key(title) for title in """
    votre vos your ihre euer ваше ваш
    majesty majesté majestät maestà majestad majestade величество
    excellency excellence exzellenz eccellenza excelencia excelência превосходительство
    highness altesse hoheit altezza alteza высочество royal royale imperial impériale
    königlich königl kaiserlich kaiserl eminence éminence eminenz eminenza eminencia
    lordship ladyship sire monseigneur mgr monsignor monsignore сиятельство
    emperor empereur empress impératrice kaiser kaiserin imperator imperatrix император
    императрица tsar czar tsarina tsaritsa царь царица государь государыня
    zar zarin king könig король королева князь княгиня граф графиня кронпринц
    archduke archiduc erzherzog herzog herzogin fürst fürstin graf gräfin freiherr
    crown kronprinz reverend révérend rev fr councillor counsellor privy rat geheimrat hofrat
    господин госпожа
    papa papież papst папа
    """.split()) - _TITLES
_TITLES |= _RANKS
#: Of the ranks, the adjectives that open a name of an institution (the Crown Court, the
#: Royal Navy, Privy Council).
_TITLE_ADJECTIVES = frozenset(_key(title) for title in """
    crown royal royale imperial impériale königlich königl kaiserlich kaiserl privy
    """.split())
#: Possessives of forms of address that are names too («Eure Exzellenz»), kept out of
#: `_TITLES`: before a title they are no first name.
_NAME_POSSESSIVES = frozenset(("eure", "seine"))
#: The word just before a position and just after one, joined to it by blanks only.
_WORD_THEN_BLANK = re.compile(r"([^\W\d_][^\W_]*)[ \t]+$")
_BLANK_THEN_WORD = re.compile(r"[ \t]+([^\W\d_][^\W_]*)")


def _title_in_name(text: str, word: Word) -> bool:
    """Whether a rank of `_TITLES` (`_RANKS`) is part of a name in `text`, not a title: a
    title stands before a name or alone (the Kaiser, Kaiser Wilhelm, Your Excellency), but a
    rank right after a capitalised word that is no title (a first name: Steffi Graf, Werner
    Herzog) or after a form of address (Frau Graf, Mrs Kaiser) is a surname, and an
    adjective of rank before a capitalised word that is no title (the Crown Court; not
    the Crown Prince, His Royal Highness) opens the name of an institution."""
    key = _key(word.text)
    if key not in _RANKS:
        return False
    before = _WORD_THEN_BLANK.search(text, max(0, word.start - 40), word.start)
    if before is not None and _capitalised(before.group(1)):
        prior = _key(before.group(1))
        if prior in _PERSON_TITLES or prior not in _TITLES and prior not in _ALL_FUNCTION_WORDS \
                and prior not in _NAME_POSSESSIVES:
            return True
    after = _BLANK_THEN_WORD.match(text, word.end)
    return (key in _TITLE_ADJECTIVES and after is not None and _capitalised(after.group(1))
            and _key(after.group(1)) not in _TITLES)


#: Spellings of one sound that transliterations and languages choose between.  Greek
#: writes the b of long-borrowed names with β, read v (Λισαβόνα Lisbon, Βερολίνο Berlin).
_SPELLINGS = (("ph", "f"), ("zh", "j"), ("dj", "j"), ("kh", "h"), ("ck", "k"), ("x", "ks"),
              ("q", "k"), ("w", "v"), ("b", "v"))


@lru_cache(maxsize=1 << 16)
def _skeleton(key: str) -> str:
    """The consonants of `key`, spelled one way: ``barcelona`` and ``barselone`` (Барселоне)
    are both ``vrsln``, ``serge`` and ``serzh`` (Серж) both ``srj``."""
    key = re.sub(r"c(?=[eiy])", "s", key)
    key = re.sub(r"g(?=[eiy])", "j", key)
    for spelling, sound in _SPELLINGS:
        key = key.replace(spelling, sound)
    key = key.replace("c", "k")
    consonants = re.sub(r"[aeiouyh'\-]", "", key)
    return re.sub(r"(.)\1+", r"\1", consonants)


#: Letters of Slavic languages of Latin script, as a Cyrillic spelling of their sound reads
#: transliterated: Polish ``rz``, ``cz``, ``sz`` are ж, ч, ш (``Andrzej`` is Анджей,
#: ``andzhei``), the ``ch`` of Polish, Czech and German is х (``Lech`` is Лех, ``lekh``),
#: ``c`` is ц (``Szczecin`` is Щецин, ``shchetsin``) and ``j`` is й (``Wajda`` is Вайда,
#: ``vaida``).  (``ł`` is read ``l``, as keys fold it.)
_SLAVIC_LETTERS = {"rz": "zh", "cz": "ch", "sz": "sh", "ch": "kh", "c": "ts", "j": "i"}
_SLAVIC_LETTER = re.compile("|".join(_SLAVIC_LETTERS))
#: The ``n`` or ``m`` by which Russian and Ukrainian write a Polish nasal vowel (``ę``,
#: ``ą``) before a consonant: ``Wałęsa`` is Валенса, ``Dąbrowski`` Домбровский, while the
#: Polish key and the English spelling write the vowel alone (``walesa``, ``dabrowski``).
_NASAL = re.compile(r"(?<=[aeiouy])[nm](?=[^aeiouy'\W])")


@lru_cache(maxsize=1 << 16)
def _slavic_readings(key: str) -> frozenset[str]:
    """`key` as it is, and as a Slavic name of Latin script reads against its Cyrillic
    spelling: its letters read as the Cyrillic ones (`_SLAVIC_LETTERS`) and a nasal vowel's
    ``n`` or ``m`` left out (`_NASAL`)."""
    lettered = _SLAVIC_LETTER.sub(lambda m: _SLAVIC_LETTERS[m.group()], key)
    return frozenset((key, lettered, _NASAL.sub("", key), _NASAL.sub("", lettered)))


@lru_cache(maxsize=1 << 16)
def _sounds_alike(a: str, b: str) -> bool:
    """Whether two keys, one transliterated from another script, write the same name: the
    same consonants (``mexico`` = ``meksiku``), or one the other with a case ending (Russian
    ``ninom`` = ``nin``, ``anny`` (Анны) = ``anna``), either read as a Slavic name of
    Latin script is written in Cyrillic (`_slavic_readings`: ``Wałęsa``, ``walesa``, is
    Валенсой, ``valensoi``; ``Lech`` is Лехом, ``lekhom``)."""
    return any(_sound_alike(x, y) for x in _slavic_readings(a) for y in _slavic_readings(b))


def _sound_alike(a: str, b: str) -> bool:
    """`_sounds_alike` for two keys as they are read."""
    if _i_declined(a, b) or _i_declined(b, a):
        return True
    if min(len(a), len(b)) >= 3 and (a.startswith(b) or b.startswith(a)) and abs(
            len(a) - len(b)) <= 3:
        return True
    stem_a, stem_b = a.rstrip("aeiouy"), b.rstrip("aeiouy")
    if len(stem_a) >= 3 and stem_a == stem_b:
        return True  # the same stem, with other vowel endings
    sa, sb = _skeleton(a), _skeleton(b)
    if min(len(sa), len(sb)) < 2:
        return False
    return sa == sb or (min(len(sa), len(sb)) >= 3 and (sa.startswith(sb) or sb.startswith(sa)))


#: The case endings of a Russian, Ukrainian or Belarusian name in -й after a vowel, read
#: transliterated in place of its ``i``: genitive -я, dative -ю, instrumental -ем, prepositional
#: -е (Андрей, ``andrei``: Андрея ``andreya``, Андрею, Андреем ``andreem``, Андрее).
_I_DECLENSION = ("ya", "yu", "em", "e")


def _i_declined(base: str, form: str) -> bool:
    """Whether `form` is the name `base`, ending in a vowel and ``i`` (й), in one of its cases
    (`_I_DECLENSION`): ``andzheem`` (Анджеем) of ``andzhei`` (Анджей, Polish ``Andrzej``)."""
    return (len(base) >= 4 and base[-1] == "i" and base[-2] in "aeiou"
            and any(form == base[:-1] + ending for ending in _I_DECLENSION))


def _abbreviated(text: str, stop: int, language: str | None) -> bool:
    """Whether the full stop at `stop` ends an initial (``C. Auguste Dupin``, not the
    pronoun of "so did I.") or a listed abbreviation (``St. Germain``, ``Mme. Loisel``;
    `align.segment_abbreviations`, in `language`): it ends no sentence."""
    start = stop
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    word = text[start:stop]
    if len(word) == 1:
        return word.isupper() and word != "I"
    return bool(word) and is_abbreviation(word, language)


#: The mark of a footnote: a number or a letter in brackets, or superscript digits, which a
#: note's text begins with (``[2] Historians disagree``) and a sentence may end with
#: (``grew.[2] Its port``): the word after it begins a sentence where the mark's place does.
_FOOTNOTE_MARK = re.compile(r"(?:\[(?:\d{1,3}|[a-z*†‡])\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)$")
_FOOTNOTE_MARK_ENDS = "]¹²³⁴⁵⁶⁷⁸⁹⁰"


def _sentence_initial(text: str, start: int, lines_open: bool = False,
                      language: str | None = None) -> bool:
    """Whether the word at `start` opens a sentence, a quotation, a line of dialogue or a
    step of a menu path ("File > Export", "Settings → Privacy"); tags and placeholders
    are passed over as if blank (`_unmarked`).  With `lines_open` (a program's strings,
    where a line break ends a message: "Could not connect\nCheck your network"), the word
    after a line break opens one too; in running text a line break is only wrapping.
    A full stop after an initial or an abbreviation (`_abbreviated`) ends no sentence."""
    text = _unmarked(text)
    i = start - 1
    if i >= 1 and text[i] in "'’" and text[i - 1].isalpha():
        # After an elided article ("l'Italie"): whether the article opens the sentence.
        i -= 1
        while i >= 0 and text[i].isalpha():
            i -= 1
    # Opening punctuation is seen through: Spanish ``¿`` and ``¡`` (``¿Quién…?``, ``Llegó.
    # ¿Quién…?``), brackets, and quotes and dashes, which also open a quotation themselves.
    while i >= 0 and (text[i].isspace() or text[i] in "([{*_¿¡"):
        if lines_open and text[i] == "\n":
            return True
        i -= 1
        if i >= 0 and text[i] in _FOOTNOTE_MARK_ENDS and (
                mark := _FOOTNOTE_MARK.search(text, max(0, i - 5), i + 1)):
            i = mark.start() - 1  # a note's mark stands between what ends and what begins
    if i >= 0 and text[i] == "." and _abbreviated(text, i, language):
        return False
    # "1." of a numbered paragraph and a sentence end look alike: both start a sentence.
    # A ">" left once tags are blanked separates the steps of a menu path, as "→" does,
    # and a "|" the cells of a table; a music note opens a subtitle's sung or described
    # line ("♪ Soft piano music ♪"), as a dash opens a speaker's.
    return i < 0 or text[i] in ".!?…:;>→|" or text[i] in _QUOTES_AND_DASHES + MUSIC_NOTES


#: A Markdown heading's line (``# Chapter 3: The Rise of the Cities``), as written or with its
#: last ``#`` marked as what opens a text (`_unmarked`).
_MARKDOWN_HEADING = re.compile(r"[ \t]{0,3}#{0,5}[#→][ \t]")


@lru_cache(maxsize=1 << 12)
def _title_case_heading(line: str) -> bool:
    """Whether `line` is a Markdown heading in Title Case, whose capitals say nothing of
    names: every word of meaning after its first is capitalised, two of them at least
    (``The Rise of the Cities``; not ``Installing Windows``, whose capital may be a name)."""
    if not _MARKDOWN_HEADING.match(line) and not any(
            m.group("part") is not None for m in _numbered_openings(line)):
        return False  # neither a Markdown heading nor a part's (``Section 2 Term and Fees``)
    meaning = [w.text for w in words(line)[1:] if w.text[:1].isalpha()
               and fold(w.text) not in _ALL_FUNCTION_WORDS]
    return len(meaning) >= 2 and all(w[:1].isupper() for w in meaning)


def _capital_says_nothing(text: str, start: int, lines_open: bool = False,
                          language: str | None = None) -> bool:
    """Whether the capital of the word at `start` is owed to its place, not to a name: it
    opens a sentence (`_sentence_initial`) or stands in a Title-Case heading
    (`_title_case_heading`)."""
    return (_sentence_initial(text, start, lines_open, language)
            or _in_title_case_heading(text, start, language))


def _in_title_case_heading(text: str, start: int, language: str | None) -> bool:
    """Whether the word at `start` stands in a Title-Case Markdown heading
    (`_title_case_heading`)."""
    # Title Case is an English habit: a French or German heading's capitals after its first
    # word are names ("# L'essor de Lyon et de Rome").
    if language not in (None, "en") or (
            "#" not in text and _OPENS not in text and not _numbered_openings(text)):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    return _title_case_heading(text[line_start : line_end if line_end >= 0 else len(text)])


#: Pronouns and forms of address that a language capitalises out of courtesy (folded):
#: Polish ``Ty``, ``Ciebie``, ``Twój``, ``Pan``, ``Pani``, ``Państwo``; German ``Sie``,
#: ``Ihr``, ``Ihnen``, ``Du``, ``Dein``; Spanish ``Ud.``, ``Vds.``.
_COURTESY = {
    "pl": frozenset(
        "ty ciebie cie tobie ci toba twoj twoja twoje twojego twojej twojemu twoim twoja "
        "twoich twoimi twa twe wy was wam wami wasz wasza wasze waszego waszej waszym "
        "waszych pan pana panu panem panie pani pania panstwo panstwa panstwu panstwem "
        "panow panie paniom".split()),
    "de": frozenset(
        "sie ihr ihre ihren ihrem ihrer ihres ihnen du dich dir dein deine deinen deinem "
        "deiner deines euch euer eure".split()),
    # Spanish *usted* abbreviated, always capitalised (``¿Puede Ud. firmar?``).
    "es": frozenset("ud uds vd vds".split()),
}


def _capitalised(word: str) -> bool:
    return word[0].isupper() and len(word) >= 2


class _Lexicon:
    """Which capitalised words of one side are names: never in lower case on that side."""

    def __init__(self, texts: list[str], lines_open: bool = False,
                 language: str | None = None):
        self.lines_open = lines_open
        self.language = language
        self.lower: Counter[str] = Counter()
        self.middle: Counter[str] = Counter()
        # How often a capitalised word follows an article or a determiner ("this Agreement");
        # an abbreviation in capitals is a name after one too ("the USA", «las FF. AA.»).
        self.determined: Counter[str] = Counter()
        for text in texts:
            for w in _words(text):
                key = _key(w.text)
                if not _capitalised(w.text):
                    self.lower[key] += 1
                elif not (_capital_says_nothing(text, w.start, lines_open, language)
                          or _compound_head(text, w)):
                    self.middle[key] += 1
                    if not w.text.isupper() and _after_determiner(text, w.start, language,
                                                                  lines_open):
                        self.determined[key] += 1

    def names(self) -> set[str]:
        """The keys this side writes as names."""
        return {k for k in self.middle if self.lower[k] == 0 and k not in _ALL_FUNCTION_WORDS
                and k not in _INTERFACE_TERMS and k not in _KEY_NAMES
                and k not in _UNAMBIGUOUS_UNIT_KEYS}

    def nouns(self) -> set[str]:
        """The names (keys) this side writes after an article or a determiner at least half
        the times it writes them: nouns it uses as names, a contract's defined terms ("this
        Agreement", "the Licensor", «le Concédant») or a tale's characters ("the Hatter"),
        which a translation renders by its own nouns.  A name the lists know ("the Thames")
        stays a name."""
        return {k for k in self.names()
                if 2 * self.determined[k] >= self.middle[k] and k not in _EQUIVALENT}

    def is_name(self, text: str, word: Word, opening: bool = False) -> bool:
        """Whether `word` of `text` is a name; with `opening`, whether it is one if it opens
        a name of several words (a name the lists know: "María Jesús López", see `names`)."""
        if not _capitalised(word.text) or _ROMAN.match(word.text):
            return False
        if word.text.isupper() and (len(word.text) > 6 or _in_capitals_phrase(text, word)):
            return False  # a word in capitals ("DRINKING", "DRINK ME"), not an acronym
        if _unit(text, word) or _compound_head(text, word):
            return False
        key = _key(word.text)
        if (key in _ALL_FUNCTION_WORDS or key in _TITLES and not _title_in_name(text, word)
                or key in _INTERFACE_TERMS
                or key in _KEY_NAMES or key in _MONTH_KEYS or not key[0].isalpha()
                or _legal_part(text, word)):
            return False
        if key in _KEY_PHRASE_WORDS and _in_key_phrase(text, word):
            return False  # "Page Up", "Re Pág": a key
        if re.split(r"['’]", key)[0] in _ALL_FUNCTION_WORDS:
            return False  # a contraction ("I'll", "We'd")
        if key in _COURTESY.get(self.language or "", ()):
            return False  # "Ciebie", "Pani", "Sie": a pronoun capitalised out of courtesy
        if _in_company_name(text, word):
            return True  # "Brenner AG", "Orion Systems Ltd": a company's name
        if self.lower[key] > 0:
            return False
        if not _sentence_initial(text, word.start, self.lines_open, self.language):
            if not _in_title_case_heading(text, word.start, self.language):
                return True
            opening = True  # in a Title-Case heading, a name the lists know is one
        return self.middle[key] > 0 or opening and key in _EQUIVALENT


#: The word just before a position, and just after one, joined to it by a blank or a hyphen.
_WORD_THEN_JOIN = re.compile(r"([^\W\d_]+)[ \t‐-]+$")
_JOIN_THEN_WORD = re.compile(r"[ \t‐-]+([^\W\d_]+)")


def _in_capitals_phrase(text: str, word: Word) -> bool:
    """Whether `word`, in capitals, makes a phrase with the word in capitals beside it: a
    function word (``DRINK ME``) or a word joined to it by a hyphen (``BUVEZ-MOI``), which
    acronyms never make."""
    before = _WORD_THEN_JOIN.search(text, max(0, word.start - 30), word.start)
    after = _JOIN_THEN_WORD.match(text, word.end)
    return any(m is not None and len(m.group(1)) >= 2 and m.group(1).isupper() and (
        fold(m.group(1)) in _ALL_FUNCTION_WORDS or "-" in m.group() or "‐" in m.group())
        for m in (before, after))


#: The parts of a hyphenated word after its first (``-in-the-box`` of ``Jack-in-the-box``).
_HYPHENATED_TAIL = re.compile(r"(?:[-‐][^\W\d_]+)+")


def _compound_head(text: str, word: Word) -> bool:
    """Whether `word` begins a hyphenated word whose next part is a function word and whose
    other parts are all in lower case (``Jack-in-the-box``, French ``Tenez-vous``, a verb
    and its pronoun): a word, whatever its capital.  (``Saint-Germain-des-Prés`` and
    ``Stratford-upon-Avon`` stay names: a part after is capitalised.)"""
    tail = _HYPHENATED_TAIL.match(text, word.end)
    if tail is None:
        return False
    parts = re.split(r"[-‐]", tail.group())[1:]
    # A verb and its pronoun have one part after it, a phrase made a word three or more;
    # two (``Paris-sur-mer``, ``Marie-la-douce``) make a place's or a person's name.
    return (fold(parts[0]) in _ALL_FUNCTION_WORDS and all(p.islower() for p in parts)
            and len(parts) != 2)


class _KnownNames(_Lexicon):
    """A side whose capitals say nothing (German): a name is a word known as a name."""

    def __init__(self, known: set[str]):
        self.known = known

    def names(self) -> set[str]:
        return set(self.known)

    def nouns(self) -> set[str]:
        return set()

    def is_name(self, text: str, word: Word, opening: bool = False) -> bool:
        key = _key(word.text)
        return _capitalised(word.text) and (key in self.known or _in_company_name(text, word))


#: The capitalised words of a company's name up to its legal form, right after a word
#: (``Brenner AG``, ``Orion Systems Ltd``, ``Huachen Technology Co., Ltd.``, ``Fiat S.p.A.``):
#: the form with or without its full stops.  A company's name holds four words at most
#: (the word and three more), so that a heading's capitals before it are not taken in.
_LEGAL_FORM_AFTER = re.compile(
    r"(?P<rest>(?:[ \t]+(?:&[ \t]+)?[A-Z][^\W_]*(?:[-'’][^\W_]+)*){0,3}?),?[ \t]+(?:"
    + "|".join("".join(re.escape(c) + r"\.?" for c in form)
               for form in sorted(LEGAL_FORMS, key=len, reverse=True))
    + r")(?![^\W_])")

#: The words that join a contract's parties or a heading's words to a company's name,
#: capitalised in a Title Case heading ("Agreement Between Orion Systems Ltd And …") and
#: never part of the name: besides the function words, the prepositions English, French,
#: German, Spanish, Italian, Portuguese and Dutch write between parties.
_NOT_IN_COMPANY_NAMES = _ALL_FUNCTION_WORDS | frozenset(
    "between among with by for from to versus vs entre avec par pour contre zwischen mit "
    "von fur gegen con por para contra tra fra per com tussen met door voor tegen".split())


def _before_legal_form(text: str, end: int) -> bool:
    """Whether the word ending at `end` belongs to a company's name, the capitalised words
    before its legal form (`LEGAL_FORMS`): a name, wherever it stands and whatever the word
    (``Brenner AG``, ``der Brenner AG``: no German common noun), which no language
    translates.  The name ends at a function word (`_NOT_IN_COMPANY_NAMES`): "Between"
    of ``Agreement Between Orion Systems Ltd`` is not part of it."""
    m = _LEGAL_FORM_AFTER.match(text, end)
    return m is not None and not any(
        _key(w.text) in _NOT_IN_COMPANY_NAMES for w in words(m.group("rest")))


def _in_company_name(text: str, word: Word) -> bool:
    """Whether `word` of `text` belongs to a company's name (`_before_legal_form`), not
    being a function word itself."""
    return (_key(word.text) not in _NOT_IN_COMPANY_NAMES
            and _before_legal_form(text, word.end))


def _company_names(text: str) -> dict[str, list[Word]]:
    """The companies' names of `text` by their legal form (folded, full stops left out): the
    capitalised words right before the form (`_before_legal_form`), up to a function word."""
    found: dict[str, list[Word]] = {}
    ws = words(text)
    for k, w in enumerate(ws):
        m = _LEGAL_FORM_AFTER.match(text, w.end)
        if (m is None or m.group("rest") or not w.text[:1].isupper()
                or not _in_company_name(text, w)):
            continue
        start = k
        while (start > 0 and text[ws[start - 1].end:ws[start].start].strip() == ""
               and ws[start - 1].text[:1].isupper() and _in_company_name(text, ws[start - 1])):
            start -= 1
        form = fold(text[m.end("rest"):m.end()].strip(" \t,").replace(".", ""))
        found[form] = ws[start:k + 1]
    return found


def _in_key_phrase(text: str, word: Word) -> bool:
    """Whether `word` is a word of a key named in two words (`_KEY_PHRASE`)."""
    return any(m.start() <= word.start and word.end <= m.end()
               for m in _KEY_PHRASE.finditer(fold(text), max(0, word.start - 12)))


#: A unit or currency written beside a number ("5 MB", "5 Mo", "3:45 PM", "CHF 20"):
#: capitals of up to four letters, or two letters ("Mo", "Hz").
_UNIT = re.compile(r"[A-Z]{2,4}|[A-Z][a-z]")
#: The units of `align.checks.lexicon.UNITS` that are no word nor name anywhere: two
#: capitals or more (``GB``, ``KiB``, ``MHz``), bits, rates and frequencies (``Kbit``,
#: ``Hz``).  ``Mo``, ``Go``, ``To`` are units only beside a number or a placeholder.
_UNAMBIGUOUS_UNITS = frozenset(
    u for u in UNITS if sum(c.isupper() for c in u) >= 2 or re.search(r"Hz|bit|bps|iB", u))
_UNAMBIGUOUS_UNIT_KEYS = frozenset(fold(u) for u in _UNAMBIGUOUS_UNITS)


def _unit(text: str, word: Word) -> bool:
    """Whether `word` is the unit of the number just before it, or the currency of the
    number just after it: units are translated (``MB`` = ``Mo``) and are not names."""
    if word.text in _UNAMBIGUOUS_UNITS:
        return True
    if not _UNIT.fullmatch(word.text):
        return False
    before = text[: word.start].rstrip()
    after = text[word.end :].lstrip()
    return before[-1:].isdigit() or (after[:1].isdigit() and word.text.isupper())


def _unit_after_placeholder(original: str, blanked: str, word: Word) -> bool:
    """Whether `word` is a unit (`align.checks.lexicon.UNITS`) right after a placeholder
    (``%s Go``, ``{0} Ko``, ``{0,number,#.##} Mo``): the number the program puts there.
    `blanked` is `original` with its markup blanked (`_unmarked`); a tag is no number."""
    if word.text not in UNITS:
        return False
    before = original[: word.start].rstrip()
    return bool(before) and blanked[len(before) - 1] == " " and before[-1] != ">"


def _heading(text: str, title_case: bool = True) -> bool:
    """Capitals or, with `title_case`, Title Case throughout ("CHAPTER IV The Rabbit Sends in
    a Little Bill")."""
    letters = "".join(filter(str.isalpha, text))
    # Upper-case letters are those that lower-casing changes (counted without a Python loop).
    if letters and sum(map(str.__ne__, letters, letters.lower())) > 0.5 * len(letters):
        return True
    if not title_case:
        return False
    # Titles and names the lists know are capitalised wherever they stand ("In Warsaw he met
    # President Volodymyr Zelensky.", "His Royal Highness the Crown Prince leaves tomorrow
    # for Strasbourg."): they make no Title Case.
    ws = [w.text for w in words(text)[1:] if len(w.text) > 3
          and (key := _key(w.text)) not in _TITLES and key not in _EQUIVALENT
          and key not in _MONTH_KEYS]
    return len(ws) >= 4 and sum(w[0].isupper() for w in ws) >= 0.7 * len(ws)


def names(text: str, lexicon: _Lexicon) -> list[list[Word]]:
    """The names of `text`, consecutive capitalised words grouped (``Pierre Boul``).  In a
    heading (`_heading`) only a company's name is one (`_before_legal_form`)."""
    original, text = text, _unmarked(text)
    # A heading's capitals say nothing, but its legal form still anchors a company's name
    # ("Agreement Between Orion Systems Ltd and…"); so does a clause's that reads like a
    # heading, most of its words capitalised (a German contract's parties, their streets and
    # cities: "zwischen der Müller Logistik GmbH, Hafenstraße 12, 20457 Hamburg").
    # German capitalises every noun: its capitalised words, however many, make no Title Case.
    heading = _heading(text, title_case=not isinstance(lexicon, _KnownNames))
    if heading and _LEGAL_FORM_AFTER.search(text) is None:
        return []
    groups: list[list[Word]] = []
    ws = _words(text)
    for k, w in enumerate(ws):
        if heading and not (_in_company_name(text, w) and lexicon.is_name(text, w)):
            continue
        # A sentence's first word is a name where it is one elsewhere, or where it is a name
        # the lists know opening a name of several words ("María Jesús López, directora…"):
        # not "Polish the silver", "Genes are…", whose next word is no name.
        if not (lexicon.is_name(text, w) or k + 1 < len(ws)
                and text[w.end : ws[k + 1].start].strip() == ""
                and lexicon.is_name(text, ws[k + 1]) and lexicon.is_name(text, w, opening=True)):
            continue
        if _unit_after_placeholder(original, text, w):
            continue
        if groups and text[groups[-1][-1].end : w.start].strip() == "":
            groups[-1].append(w)
        else:
            groups.append([w])
    return groups


def _same_name(key: str, word: str) -> bool:
    """Whether `word` writes the name `key` (cached: the same pairs recur across links)."""
    # (Whether either is transliterated is part of the question: "nine" of «Нине» is read
    # more loosely than the French "Nine".  `_key` records the keys it transliterates in
    # `_TRANSLITERATED` as it meets them, so the same key may be known as transliterated
    # only after its first use: both flags are part of the cache's key.)
    return _same_name_cached(key, word, key in _TRANSLITERATED, word in _TRANSLITERATED)


@lru_cache(maxsize=1 << 18)
def _same_name_cached(key: str, word: str, *_transliterated: bool) -> bool:
    return _counterpart(key, {word})


def _alike_through_list(key: str, word: str) -> bool:
    """Whether `word` and the name `key`, one of them transliterated from another script,
    write one name through a listed translation, whatever their initials: ``ispanii``
    (Испании) is ``ispaniya``, a translation of ``spain``."""
    return (word in _TRANSLITERATED and any(_sounds_alike(a, word)
                                            for a in _EQUIVALENT.get(key, ()))
            or key in _TRANSLITERATED and any(_sounds_alike(key, a)
                                              for a in _EQUIVALENT.get(word, ())))


#: The initials of the keys that may write a name of a given initial: a transliteration
#: may start with another letter for the same sound (``Costa`` is Кошта, ``koshta``;
#: ``Berlin`` Βερολίνο, ``verolino``; ``Zurich`` Цюрих, ``tsyurikh``; ``Jean`` Жан, ``zhan``).
_INITIALS = {"c": "ckqst", "k": "kcqh", "q": "qkc", "h": "hk", "f": "fp", "p": "pfb", "b": "bvp",
             "v": "vwb", "w": "wv", "j": "jyiz", "y": "yji", "i": "iyj", "z": "ztsj", "t": "tz",
             "s": "szc"}

#: Particles that a name may be written with, joined or apart ("Du Quesne", "Duquesne").
_PARTICLES = ("du", "de", "des", "la", "le", "van", "von", "der", "mac", "mc", "di", "da",
              "d'", "o'")


@lru_cache(maxsize=1 << 16)
def _spelled(key: str) -> str:
    """`key` with one spelling for the sound k and without a plural ending: ``turk`` and
    ``turcs`` (a Turk, les Turcs), ``pik`` and ``pic`` (Pik Lenin, Pic Lénine) agree."""
    key = re.sub(r"ck|qu|c(?![eiyh])", "k", key)
    return key[:-1] if len(key) > 4 and key.endswith("s") else key


def _written_alike(key: str, w: str) -> bool:
    """Whether two keys of Latin script write one name in two ways: spelled alike
    (`_spelled`), or the one the other with a particle joined to it (``duquesne``)."""
    if min(len(key), len(w)) >= 3 and _spelled(key) == _spelled(w):
        return True
    long, short = (key, w) if len(key) > len(w) else (w, key)
    return len(short) >= 4 and any(long == p + short for p in _PARTICLES)


def _counterpart(key: str, other: set[str]) -> bool:
    if key in other:
        return True
    for alias in _EQUIVALENT.get(key, ()):
        if alias in other:
            return True
    named = _NAMES_OF.get(key)
    for w in other:
        if named and (named_w := _NAMES_OF.get(w)) and named.isdisjoint(named_w):
            # Two names the lists know as names of two things are no spellings of one name,
            # however alike ("Francis" and "France").
            continue
        if _written_alike(key, w):
            return True
        if (key in _TRANSLITERATED or w in _TRANSLITERATED) and (
                any(_sounds_alike(k, w) for k in (key, *_EQUIVALENT.get(key, ())))
                or any(_sounds_alike(key, k) for k in _EQUIVALENT.get(w, ()))):
            return True  # "Мексику" is "Mexico"; "Франции" is "France" (listed: "frantsiya")
        if abs(len(w) - len(key)) > 4 or not _same_initial(w, key):
            continue
        prefix = len(_common_prefix(w, key))
        if prefix >= 4 and prefix >= 0.7 * min(len(w), len(key)):
            return True
        if min(len(w), len(key)) >= 4 and SequenceMatcher(None, w, key).ratio() >= 0.8:
            return True
        if _inflected(key, w):
            return True
        # The same consonants, spelled one way, of at least three: one name as two languages
        # write it ("Maroc" and "Morocco", "Peter" and "Pietro").
        if min(len(w), len(key)) >= 4 and len(sk := _skeleton(key)) >= 3 and sk == _skeleton(w):
            return True
    return False


#: Letters that languages write one name with in turn (Polish ``Lizbona`` for Lisbon:
#: z for s, and b and p, v and w likewise; `_spelled` has k for c).
_ONE_SOUND = str.maketrans("bzw", "psv")


@lru_cache(maxsize=1 << 16)
def _stems(key: str) -> frozenset[str]:
    """`key`, spelled one way (`_ONE_SOUND`), without a case ending of one or two letters:
    the stems it may be an inflected form of (at least four letters)."""
    spelled = _spelled(key).translate(_ONE_SOUND)
    return frozenset(spelled[: len(spelled) - n] for n in (0, 1, 2) if len(spelled) - n >= 4)


def _inflected(key: str, w: str) -> bool:
    """Whether two keys of Latin script write one name, one of them (or both) with a case
    ending and spelled with other letters for the same sounds: Polish ``Lizbony``,
    ``Lizbonie`` (of ``Lizbona``) = ``Lisbon``.  The stems must be the same, vowels
    included: ``Paris`` and ``Perez`` share their consonants, not their stem."""
    return _same_initial(key, w) and not _stems(key).isdisjoint(_stems(w))


def _same_initial(key: str, w: str) -> bool:
    """Whether two keys of Latin script begin with one letter, or with the ``w`` and the
    ``v`` that Polish and German write for one sound (``Wiktorem`` of ``Wiktor`` is
    ``Viktor``, ``Wołodymyr`` ``Volodymyr``)."""
    return key[:1] == w[:1] or {key[:1], w[:1]} == {"w", "v"}


#: Languages that decline a name in -a by its ending (Polish ``Anna``: ``Anny``, ``Annie``,
#: ``Annę``, ``Anną``; Czech and Slovak ``Anně``, ``Annu``, ``Annou``; Croatian, Serbian,
#: Bosnian and Slovenian ``Ane``, ``Ani``, ``Anu``, ``Anom``; Russian, Ukrainian and
#: Belarusian, read transliterated: Анне, ``anne``), and those endings (folded).
_DECLINING = frozenset("pl cs sk hr sr bs sl ru uk be".split())
_A_DECLENSION = ("y", "i", "ie", "e", "o", "u", "ou", "om")
#: The case endings of nouns of the languages that decline names (`_DECLINING`), folded:
#: singular (``Lwowa``, ``Lwowie``, ``Lwowem``, ``Lwowowi``; ``Marii``, ``Annou``) and plural
#: (``Sukiennicach``, ``Sukiennicami``, ``Sukiennicom``), and the endings of the nominative
#: they are read back to (``Lwów``, ``Maria``, ``Sukiennice``).
_CASE_ENDINGS = ("a", "u", "e", "ie", "y", "i", "o", "ou", "em", "om", "owi", "ach", "ami",
                 "ow")
_NOMINATIVE_ENDINGS = ("", "a", "e", "o", "y", "i")


@lru_cache(maxsize=1 << 16)
def _listed_nominatives(key: str) -> frozenset[str]:
    """The names the lists know (`_EQUIVALENT`) of which `key` may be a case, in a language
    that declines them (`_CASE_ENDINGS`): ``lwowie`` of ``lwow``, ``sukiennicach`` of
    ``sukiennice``.  A stem of four letters at least."""
    return frozenset(
        stem + nominative for ending in _CASE_ENDINGS if key.endswith(ending)
        and len(stem := key[: -len(ending)]) >= 4 for nominative in _NOMINATIVE_ENDINGS
        if stem + nominative != key and stem + nominative in _EQUIVALENT)


def _case_of_listed(key: str, word: str) -> bool:
    """Whether one of two keys is a case of a name the lists know (`_listed_nominatives`)
    and the other a listed translation of that name: Polish ``Lwowa``, ``Lwowie`` (of
    ``Lwów``) is ``Lviv``, ``Sukiennicach`` (of ``Sukiennice``) the ``Cloth Hall``; the lists
    hold a name's cases only where its stem changes (``Niemiec``, ``Włoszech``)."""
    return (any(word in _EQUIVALENT[name] for name in _listed_nominatives(key))
            or any(key in _EQUIVALENT[name] for name in _listed_nominatives(word)))


def _declined(base: str, form: str) -> bool:
    """Whether `form` is the name `base` (of four letters or more, in -a) with another case
    ending of a language that declines it (`_DECLINING`): ``annie`` of ``anna``.  Stems of
    three letters are too short for `_inflected`, which keeps ``Anna`` and ``Anne`` apart in
    other languages."""
    return (len(base) >= 4 and base.endswith("a") and form.startswith(base[:-1])
            and form[len(base) - 1:] in _A_DECLENSION)


#: Languages of Latin script that keep a name's last vowel in every case, so that two names
#: alike but for it are two names there: not those that decline names by an ending in its
#: place (`_DECLINING`, Croatian ``Herrere``, ``Ane`` of ``Herrera``, ``Ana``, Slovenian,
#: the Baltic languages …), nor those of other scripts, whose names are read
#: transliterated, with vowels a transliteration chooses.
_ENDINGS_KEPT = frozenset(
    "en fr nl de lb fy af da sv no nb nn es it pt ca gl oc eu id ms tl sw tr".split())
#: Languages that write an ``e`` for the last ``a`` or ``o`` of the names they take from
#: others: French ``Pise``, ``Toscane``, ``Australie``, ``Anne``, ``le Tasse``; English
#: ``Crete``; Dutch ``Toscane``, ``Australië``; German ``Athene``, ``Marie`` (Antoinette,
#: Italian ``Maria``), ``Lucie``; Danish, Norwegian and Swedish ``Sofie``, ``Marie``.
_E_FOR_OTHERS_ENDINGS = frozenset("fr en nl de lb fy af da no nb nn sv".split())
_VOWELS = "aeiou"


def _another_ending(key: str, language: str | None, other: str,
                    other_language: str | None) -> bool:
    """Whether the name `key`, of a side in `language`, and the name `other`, of a side in
    `other_language`, alike but for their last letter, each a vowel (``Herrera`` and
    ``Herrero``, ``Anna`` and a Spanish ``Anne``, ``Julio`` and ``Julia``), are two names:
    the ending makes another name, or the name of the other sex, and no spelling of a name
    changes it.
    Only where both languages keep a name's last vowel in every case (`_ENDINGS_KEPT`), and
    not for the ``e`` of a language that writes it for the endings of others' names
    (`_E_FOR_OTHERS_ENDINGS`: ``Pisa`` is French ``Pise``)."""
    if not (len(key) == len(other) >= 4 and key[:-1] == other[:-1] and key[-1] != other[-1]
            and key[-1] in _VOWELS and other[-1] in _VOWELS):
        return False
    if language not in _ENDINGS_KEPT or other_language not in _ENDINGS_KEPT:
        return False
    return not any(k.endswith("e") and lang in _E_FOR_OTHERS_ENDINGS
                   for k, lang in ((key, language), (other, other_language)))


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def _caseless(texts) -> bool:
    """Whether `texts` are written mostly in letters that have no case (Chinese, Japanese,
    Korean, Arabic …): a side that shows no names by their capitals."""
    cased = uncased = 0
    for text in texts:
        # Every ASCII letter has case: only the others are looked at one by one.
        without_case = sum(1 for c in _NON_ASCII.findall(text)
                           if c.isalpha() and not (c.isupper() or c.islower()))
        uncased += without_case
        cased += sum(map(str.isalpha, text)) - without_case
    return uncased > cased


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _in_group(word: Word, group: list[Word]) -> bool:
    return any(word.start < w.end and word.end > w.start for w in group)


#: Articles (folded) that make the name after them a noun used as a name ("the Duck",
#: "le Chapelier", "l'Aiglon"), which a translation may render by a common noun.
_ARTICLES = frozenset(
    "the a an le la les l un une der die das den dem des ein eine einen einem einer "
    "el los las il lo gli uno una het een".split())
_WORD_BEFORE = re.compile(r"([^\W\d_]+)(?:['’]|\s+)$")


def _after_article(text: str, start: int) -> bool:
    """Whether the word at `start` follows an article (``the Duck``, ``l'Aiglon``)."""
    m = _word_before(_unmarked(text), start, _WORD_BEFORE)
    return m is not None and fold(m.group(1)) in _ARTICLES


#: Articles and prepositions joined with one (folded): ``du Gouvernement``, ``au Panda``,
#: ``im Vorstand``, ``della Regione``.
_JOINED_ARTICLES = _ARTICLES | frozenset(
    "du au aux del al dello della delle degli dei nel nella nei ai alla allo dal dalla sul "
    "sulla im am zum zur vom beim ins ans".split())
#: Joined articles that are other words in another language (English "I am Heinrich")
#: or, capitalised, a name ("Al Gore"): articles only in their own language.
_JOINED_ARTICLES_OF = {"am": ("de",), "im": ("de",), "al": ("es", "it", "ca"),
                       "du": ("fr",)}  # German and Scandinavian "du": you
#: The word before a position, an elided one too (``l’Himalaya``, ``l' Himalaya``).
_WORD_JUST_BEFORE = re.compile(r"([^\W\d_]+)(?:['’]\s*|\s+)$")


def _word_before(text: str, start: int, pattern: re.Pattern = _WORD_JUST_BEFORE
                 ) -> re.Match | None:
    """`pattern` (the word before a position) ending at `start`, searched in the 200
    characters before it (a search from the text's start costs its length, for every name
    of a long link), or from the start when the word may begin earlier."""
    window = max(0, start - 200)
    found = pattern.search(text, window, start)
    if window and (found.start() == window if found is not None
                   else text[window:start].isspace()):
        found = pattern.search(text, 0, start)
    return found
#: German determiners (folded), whose noun is a common noun: articles, joined ones,
#: demonstratives and possessives, by their stems (``dies``, ``unser``: ``diesem``,
#: ``unserer``).
_GERMAN_DETERMINERS = frozenset(
    "der die das dem den des ein eine einen einem einer eines kein keine keinen keinem "
    "keiner keines im am zum zur vom beim ins ans".split())
_GERMAN_DETERMINER_STEMS = ("dies", "jen", "jed", "welch", "manch", "mein", "dein", "sein",
                            "ihr", "unser", "euer", "eur")
#: A German adjective declined before its noun (``dem östlichsten``, ``eine neue``).
_GERMAN_ADJECTIVE = re.compile(r"[a-zäöüß]+(?:e|en|er|em|es)")


def _name_after_article(text: str, start: int, language: str | None) -> bool:
    """Whether the name holding the word at `start` follows an article, joined with a
    preposition or not: the word, or the capitalised words before it (``the State Office``,
    ``du Gouvernement``)."""
    text = _unmarked(text)
    while (m := _word_before(text, start)) is not None:
        key = fold(m.group(1))
        own = _JOINED_ARTICLES_OF.get(key)
        # A side whose language is not known reads them all as articles: the reading
        # that excuses rather than accuses (a name after one may be a noun used as one).
        if key in _JOINED_ARTICLES and (own is None or language is None or language in own):
            return True
        if not m.group(1)[:1].isupper():
            return False
        start = m.start(1)
    return False


#: Articles and other determiners (in lower case, accents kept: French «à» is no article)
#: before a noun used as a name ("this Agreement", "each Party", «le Concédant», «au
#: Licencié»), by language: English, French, Spanish, Italian, Portuguese, Dutch.  Each
#: side reads its own language's: "La", "Le", "Der", "El" open a name in English ("to La
#: Bougive"), and Spanish «a» («Llama a Herrera») or Dutch «de» are prepositions elsewhere.
_DETERMINERS_OF = {
    "en": frozenset("the a an this these those each every either".split()),
    "fr": frozenset("le la les l un une ce cet cette ces chaque au aux".split()),
    "es": frozenset("el la los las un una este esta estos estas cada del al".split()),
    "it": frozenset("il lo la i gli l un uno una questo questa questi queste ogni del dello "
                    "della delle degli dei nel nella nei ai alla allo dal dalla sul sulla"
                    .split()),
    "pt": frozenset("o os as um uma este esta estes estas cada dos das".split()),
    "nl": frozenset("de het een deze dit elk elke".split()),
}
#: Where the language is unknown, those of every language but the words that are also
#: prepositions in another («a», «de»).
_DETERMINERS = frozenset().union(*_DETERMINERS_OF.values()) - {"a", "de"}


def _after_determiner(text: str, start: int, language: str | None,
                      lines_open: bool = False) -> bool:
    """Whether the name holding the word at `start` follows an article or another determiner
    of its language (`_DETERMINERS_OF`: "this Agreement", "each Contracting Party", «le
    Concédant»), through the capitalised words before it: a noun used as a name.  An
    article capitalised inside a sentence is part of the name («à La Bruyère», "in Los
    Angeles")."""
    plain = _unmarked(text)
    determiners = (_DETERMINERS if language is None
                   else _DETERMINERS_OF.get(language, frozenset()))
    while (m := _word_before(plain, start)) is not None:
        key = m.group(1).lower()
        if key in determiners and (m.group(1).islower() or _sentence_initial(
                text, m.start(1), lines_open, language)):
            return True
        if not m.group(1)[:1].isupper():
            return False
        start = m.start(1)
    return False


def _german_determiner(text: str, start: int) -> re.Match | None:
    """The determiner the German word at `start` follows, directly or through declined
    adjectives (``die Regierung``, ``dem östlichsten Achttausender``), as group 1 of a match
    on `_unmarked` `text`; None where it follows none."""
    text = _unmarked(text)
    while (m := _word_before(text, start)) is not None:
        word = m.group(1)
        key = fold(word)
        if key in _GERMAN_DETERMINERS or any(
                key.startswith(stem) and len(key) - len(stem) <= 2
                for stem in _GERMAN_DETERMINER_STEMS):
            return m
        if not _GERMAN_ADJECTIVE.fullmatch(word):
            return None
        start = m.start(1)
    return None


def _german_common_noun(text: str, start: int) -> bool:
    """Whether the German word at `start` follows a determiner (`_german_determiner`): a
    common noun, as names of persons and towns take none ("in München", "von Heinrich
    Schulz")."""
    return _german_determiner(text, start) is not None


def _german_nouns_own_determiner(text: str, start: int, lines_open: bool = False) -> bool:
    """Whether the German word at `start`, before a company's name, follows a determiner
    that cannot be the company's (`_german_determiner`): German writes every legal form
    feminine (``die AG``, ``der GmbH``, ``einer SE``), so a determiner that is no feminine
    singular (``des``, ``dem``, ``ein``, ``im``; ``Der`` opening its sentence, a subject's)
    is the word's own, a common noun followed by the name (``Der Zulieferer Continental
    AG``; not ``Die Brenner Software AG``, whose ``Die`` may be the company's)."""
    m = _german_determiner(text, start)
    if m is None:
        return False
    key = fold(m.group(1))
    if key == "der":
        return _sentence_initial(text, m.start(1), lines_open, "de")
    return key != "zur" and not key.endswith(("e", "er"))


def _stands_for(counterpart: str, noun: bool) -> bool:
    """Whether a word the aligner pairs with a name stands for the name rather than
    translating it: a function word (a pronoun, an article: ``une``) or, for a name
    that is no `noun` (not after an article), a word carrying an elided pronoun
    (``l’envahit``, "it overcame him", for "Morissot's heart sank"), which the aligner
    pairs with the name through its ``l’``."""
    key = fold(counterpart).strip("'’")
    if key in _ALL_FUNCTION_WORDS or (len(key) <= 1 and key.isascii()):
        return True  # (a letter of another script may be a word, or a syllable of one)
    return not noun and _ELISION.match(counterpart) is not None


def _translated(
    ctx: CheckContext, i: int, side: SideName, group: list[Word], other_names: set[str],
    in_place: Callable[[Word, Word], bool] | None = None,
) -> bool:
    """Whether the word aligner pairs a word of `group` with a word that is not a name.

    A counterpart is a name only if its side reads it as one (`other_names`): a capital
    alone does not say so ("the Hatter" is "le Chapelier", and the French text also
    writes "des chapeliers").  A counterpart that only stands for the name (`_stands_for`:
    a pronoun, an article) does not translate it, nor does one that `in_place` says is put
    in the name's place (given the name's word and the counterpart): a capitalised word
    whose side cannot tell whether it is a name, which does not read as the name's
    translation (`_put_in_place`)."""
    return any(counterpart is None for counterpart in _counterparts(
        ctx, i, side, group, other_names, in_place))


def _counterparts(
    ctx: CheckContext, i: int, side: SideName, group: list[Word], other_names: set[str],
    in_place: Callable[[Word, Word], bool] | None = None, alone: bool = False,
    nouns: set[str] | frozenset[str] = frozenset(),
) -> list[Word | None]:
    """The words the word aligner pairs with a word of `group` that `in_place` says are put
    in its place, and None for each one that translates it (see `_translated`); with
    `alone`, only those it pairs with the name itself, not with a compound holding it
    (``Karakorum-Kandidaten`` paired with «candidats»).  A name of `nouns`, which its side
    uses as a noun (`_Lexicon.nouns`), is one wherever it stands ("Service Agreement")."""
    alignment = ctx.word_alignment(i)
    if alignment is None:
        return []
    other_side: SideName = "translation" if side == "source" else "source"
    own = alignment.words_of(side)
    other = alignment.words_of(other_side)
    k = 0 if side == "source" else 1
    noun = _after_article(ctx.text(side)[i].text, group[0].start)
    named_noun = in_place is not None and (
        _name_after_article(ctx.text(side)[i].text, group[0].start, ctx.language(side))
        or all(_key(w.text) in nouns for w in group))
    # German joins in one noun what other languages write in several words
    # (``Himmelsgebirge`` = «Monts Célestes», ``Schwarzwald`` = «Forêt-Noire»): a German noun
    # paired with a name of several words translates it rather than taking its place.
    compounded = len(group) > 1 and ctx.language(other_side) == "de"
    longest = max(len(w.text) for w in group)
    found: list[Word | None] = []
    for pair in alignment.pairs:
        word = own[pair[k]]
        within = group[0].start <= word.start and word.end <= group[-1].end
        if _in_group(word, group) and (within or not alone):
            counterpart = other[pair[1 - k]]
            if _stands_for(counterpart.text, noun) and within:
                # (Only where the aligner's word is the name alone: the `ME` paired with
                # `BUVEZ-MOI` may translate its `MOI`.)
                continue
            if m := _ELISION.match(counterpart.text):
                # The word after an elided article ("L'écureuil" is "écureuil").
                counterpart = Word(counterpart.text[m.end():], counterpart.start + m.end(),
                                   counterpart.end)
            if counterpart.text[:1].isupper() and _key(counterpart.text) in other_names:
                continue  # a name of its side
            # A name used as a noun ("the Hatter", "the State Office") may be translated by
            # a noun, which a German side capitalises («der Hutmacher», «des Landesamts»).
            # And the name must be the word closest to it (the aligner's later rounds may
            # leave two words to each other in a long link: "Noé" of «l'arche de Noé» and a
            # "Haven" two clauses away, closest to «Newhaven»).
            # (A German noun joins the name's words only if it is longer than each of
            # them: ``Peter`` for ``John Smith`` takes its place.)
            joined = compounded and len(counterpart.text) > longest + 2
            if (in_place is not None and not named_noun and not joined
                    and counterpart.text[:1].isupper()
                    and _closest(alignment, pair, 1 - k) and in_place(word, counterpart)):
                found.append(counterpart)
            else:
                found.append(None)
    return found


def _closest(alignment: WordAlignment, pair: tuple[int, int], k: int) -> bool:
    """Whether, of an aligned `pair` (source, translation), the word of the other side is
    the most similar to its word `k` (0: the source's, 1: the translation's)."""
    similarity = alignment.similarity
    if similarity.size == 0:
        return False
    s, t = pair
    if k == 0:
        return int(similarity[s].argmax()) == t
    return int(similarity[:, t].argmax()) == s


def _put_in_place(found: list[Word | None]) -> Word | None:
    """Of the counterparts of a name (`_counterparts`), the word the word aligner puts in
    its place, where none of them translates it: a capitalised word whose side cannot tell
    whether it is a name ("Вера" starting its sentence, any German noun) and which does not
    read as the name's translation (`in_place`)."""
    if not found or any(w is None for w in found):
        return None
    return found[0]


#: The similarity of two capitalised words, embedded alone in lower case by the model, from
#: which they may translate each other: a Title-Case term and its translation (``policy``
#: and ``politique`` 0.93, ``terms`` and ``conditions`` 0.90, ``recovery`` and
#: ``récupération`` 0.93).  No threshold tells them from two names of one kind, which the
#: model also reads as alike (``munich`` and ``berlin`` 0.84, but ``germany`` and
#: ``france`` 0.892, ``windows`` and ``linux`` 0.907, ``monday`` and ``mardi`` 0.901): a
#: pair above it is reported at minor rather than major, as a possibly translated term,
#: and never where either word is a listed name (`_listed`).
TRANSLATION_MATCH = 0.885


def _listed(group: list[Word]) -> bool:
    """Whether a word of `group` is a name the lists know: a listed translation (a
    country, a city, a day, a language or nationality: `_TRANSLATED`; a first name:
    `_TRANSLATED_FIRST_NAMES`) or a month (`_MONTH_KEYS`).  The model reads two such names
    as alike as a word and its translation (``germany`` and ``france`` 0.892); a pair
    holding one is never taken for a translated term."""
    return any(_key(w.text) in _EQUIVALENT or _key(w.text) in _MONTH_KEYS for w in group)


def _listed_otherwise(a: str, b: str) -> bool:
    """Whether of two keys one is a name the lists know (`_EQUIVALENT`: a country, a city, a
    day …) and the other none of its listed forms: "strasbourg" for "metz", "lindon" for
    "londres".  Not a first name: a story's translator may name a character otherwise
    throughout (*Bill* as « Jacques », *Hannah* as « Anna »)."""
    return (a in _EQUIVALENT and a not in _FIRST_NAME_KEYS and b not in _EQUIVALENT[a]
            or b in _EQUIVALENT and b not in _FIRST_NAME_KEYS and a not in _EQUIVALENT[b])


def _alike_but_ending(a: str, b: str) -> bool:
    """Whether two keys differ only in their last letters, the shorter one but its last
    letter starting the other (``anna`` and ``anne``, ``nina`` and ``nine``): two names
    the model reads as one word, whatever it says of their meaning."""
    shorter = min(len(a), len(b))
    return shorter >= 2 and len(_common_prefix(a, b)) >= shorter - 1


def _in_its_place(ctx: CheckContext, i: int, a: list[Word], b: list[Word],
                  missing: list[list[Word]]) -> bool:
    """Whether the word aligner pairs source group `a` with translation group `b` of link
    `i`, and the word of the source closest to `b` is of a `missing` name (`a` or another):
    `b` is put in the place of `a`, as a counterpart put in a name's place must be closest
    to it (`_counterparts`).  In a long, loosely translated link the aligner's later rounds
    may leave two names to each other though the translation's stands for another word
    ("ses amis Woodhouse", where the source's friends are those of Mr. Weston, not the
    "Hartfield" left over); two names swapped side by side ("from Paris to Rome" → «de Lyon
    à Milan») may each be closest to the other's."""
    alignment = ctx.word_alignment(i)
    if alignment is None or alignment.similarity.size == 0:
        return False
    src, tgt = alignment.source_words, alignment.translation_words

    def of_a_missing_name(word: Word) -> bool:
        return any(_in_group(word, group) for group in missing)

    return any(_in_group(src[s], a) and _in_group(tgt[t], b)
               and of_a_missing_name(src[int(alignment.similarity[:, t].argmax())])
               for s, t in alignment.pairs)


def _joined(ws: list[Word], text: str, j: int, step: int) -> bool:
    """Whether word `j` of `ws` and the next one `step` away are joined by spaces only."""
    if not 0 <= j + step < len(ws):
        return False
    a, b = (ws[j + step], ws[j]) if step < 0 else (ws[j], ws[j + step])
    gap = text[a.end : b.start]
    return bool(gap) and gap.isspace()


def _capitals_run(ws: list[Word], text: str, k: int) -> set[int]:
    """The indices of the capitalised words of `ws` in a row with its word `k`, through one
    function word between two ("the Second Congress of Soviets", "Peter and Paul
    Fortress"; not "Herrn Brenner an die Niederlassung")."""
    found = {k}
    for step in (-1, 1):
        j = k
        while _joined(ws, text, j, step):
            if _capitalised(ws[j + step].text):
                j += step
            elif (_key(ws[j + step].text) in _ALL_FUNCTION_WORDS
                  and _joined(ws, text, j + step, step)
                  and _capitalised(ws[j + 2 * step].text)):
                j += 2 * step
            else:
                break
            found.add(j)
    return found


def _beside(ws: list[Word], text: str, k: int) -> set[int]:
    """The indices of the words of `ws` right beside its word `k`, joined to it by spaces:
    where a language writes the rest of a name in lower case («Временного правительства»,
    «Второй съезд Советов»; not «Politique de confidentialité», read as a term)."""
    return {k + step for step in (-1, 1) if _joined(ws, text, k, step)}


def _paired(ctx: CheckContext, i: int, a: list[Word], b: list[Word]) -> bool:
    """Whether the word aligner pairs a word of source group `a` with one of translation
    group `b` in link `i`."""
    alignment = ctx.word_alignment(i)
    if alignment is None:
        return False
    src, tgt = alignment.source_words, alignment.translation_words
    return any(_in_group(src[s], a) and _in_group(tgt[t], b) for s, t in alignment.pairs)


def run(ctx: CheckContext) -> list[tuple[int, Finding]]:
    lexicons: dict[SideName, _Lexicon | None] = {}
    # How many sentences of each side write each word (its vocabulary, with counts).
    written: dict[SideName, Counter[str]] = {}
    # The pieces of a code block cut at max_chars read as blanks, as whole blocks do.
    links = {side: readable_links(ctx, side) for side in ("source", "translation")}
    for side in ("source", "translation"):
        texts = readable_sentences(ctx, side)
        lexicons[side] = _Lexicon(texts, lines_open=ctx.pairs_input,
                                  language=ctx.language(side))
        written[side] = Counter(k for text in texts for k in {_key(w.text) for w in _words(text)})
    # Each side as it reads itself, before German gives way to the other side's names: which
    # words it writes in lower case, which it capitalises inside a sentence.
    read = dict(lexicons)  # a copy: a German side's lexicon is replaced below
    for side, other in (("source", "translation"), ("translation", "source")):
        if ctx.language(side) == "de" and ctx.language(other) != "de":
            # German capitalises every noun: its names are those the other side writes
            # as names.
            lexicons[side] = _KnownNames(lexicons[other].names())
        elif ctx.language(side) == "de":
            lexicons[side] = None
    # A language that declines names: "Annie", "Anny", "Annę" are "Anna" there.
    declining = bool({ctx.language("source"), ctx.language("translation")} & _DECLINING)

    def another_name(key: str, side: SideName, word: str, word_side: SideName) -> bool:
        """Whether the name `key` of `side` and the word `word` of `word_side`, which the
        loose reading takes for one name, are names alike but for their ending
        (`_another_ending`): ``Herrera`` is not written ``Herrero``."""
        return _another_ending(key, ctx.language(side), word, ctx.language(word_side))

    keys_cache: dict[tuple[str, int], list[str]] = {}

    def keys(side: SideName, i: int) -> list[str]:
        texts = links[side]
        if (side, i) not in keys_cache:
            keys_cache[(side, i)] = (
                [_key(w.text) for w in _words(texts[i].text)]
                + [fold(m.group()).replace(".", "")
                   for m in _INITIALS_TOGETHER.finditer(texts[i].text)]
                if 0 <= i < len(texts) else [])
        return keys_cache[(side, i)]

    joined_cache: dict[tuple[str, int], list[str]] = {}

    def joined_keys(side: SideName, i: int) -> list[str]:
        """Each two capitalised words in a row of link `i`'s `side` written as one word
        (spelled one way, `_spelled`): a name one side writes in one word and the other in
        two (``BlackTooth`` = ``Black Tooth``, ``Karakorum`` = ``Kara Korum``)."""
        if (side, i) not in joined_cache:
            texts = links[side]
            text = texts[i].text if 0 <= i < len(texts) else ""
            ws = _words(text)
            joined_cache[(side, i)] = [
                _spelled(_key(a.text) + _key(b.text)) for a, b in zip(ws, ws[1:], strict=False)
                if _capitalised(a.text) and _capitalised(b.text)
                and text[a.end : b.start].isspace()]
        return joined_cache[(side, i)]

    by_initial: dict[tuple[str, int, bool], tuple[dict[str, list[str]], Counter[str]]] = {}
    capitalised_keys: dict[tuple[str, int], list[str]] = {}

    counted: dict[tuple[str, int, str, bool], int] = {}

    def count(side: SideName, i: int, key: str, own: bool = False) -> int:
        """How many words of link `i`'s `side` write the name `key`: only words with its
        initial can be spelling variants of it; others count only as listed equivalents.
        On the name's `own` side only capitalised words count: "allés" is a spelling
        variant of nothing there, though it shares four letters with "Allemagne".
        (Counted once: a link's neighbours ask again for the names they share with it.)"""
        if (side, i, key, own) not in counted:
            counted[(side, i, key, own)] = _count(side, i, key, own)
        return counted[(side, i, key, own)]

    def _count(side: SideName, i: int, key: str, own: bool) -> int:
        if (side, i, own) not in by_initial:
            if own:
                texts = links[side]
                capitalised_keys[(side, i)] = [
                    _key(w.text) for w in (_words(texts[i].text) if 0 <= i < len(texts) else ())
                    if w.text[:1].isupper()]
            bag_keys = capitalised_keys[(side, i)] if own else keys(side, i)
            index: dict[str, list[str]] = {}
            for k in bag_keys:
                index.setdefault(k[:1], []).append(k)
            by_initial[(side, i, own)] = index, Counter(bag_keys)
        index, bag = by_initial[(side, i, own)]
        key_side: SideName = side if own else "source" if side == "translation" else "translation"
        found = sum(_same_name(key, k) and not another_name(key, key_side, k, side)
                    or declining and (_declined(key, k) or _declined(k, key)
                                      or _case_of_listed(key, k))
                    for initial in _INITIALS.get(key[:1], key[:1])
                    for k in index.get(initial, ()))
        if declining:
            # A case of a listed name, whose translation may begin with another letter
            # (``Sukiennicach`` is the ``Cloth Hall``).
            found += sum(_case_of_listed(key, k) for initial, ks in index.items()
                         if initial not in _INITIALS.get(key[:1], key[:1]) for k in ks)
        # A word of another script may write a listed translation of the name with a case
        # ending and another initial (Испании, ``ispanii``, is ``ispaniya``, Spain):
        # transliterated words of any initial are compared, with the lists.
        found += sum(_alike_through_list(key, k) for initial, ks in index.items()
                     if initial not in _INITIALS.get(key[:1], key[:1]) for k in ks
                     if k not in _EQUIVALENT.get(key, ()))
        if len(key) >= 4:
            # A particle joined on one side only ("du Quesne", "Duquesne").
            found += sum(bag[p + key] for p in _PARTICLES if p[:1] != key[:1]) + sum(
                bag[key[len(p):]] for p in _PARTICLES
                if key.startswith(p) and key[len(p):len(p) + 1] != key[:1]
                and len(key) - len(p) >= 4)
        aliases = _EQUIVALENT.get(key)
        if aliases:
            found += sum(bag[a] for a in aliases if a[:1] != key[:1])
        if not own:
            found += joined_keys(side, i).count(_spelled(key))
        return found

    def short(side: SideName, other: SideName, i: int, key: str) -> bool:
        """`key` is written more often on `side` than `other` has it, and no neighbouring
        link has it the other way round (a moved sentence boundary)."""
        if count(other, i, key) >= count(side, i, key, own=True):
            return False
        return not any(count(other, i + d, key) > count(side, i + d, key, own=True)
                       for d in (-1, 1))

    def common_word(side: SideName, i: int, word: Word, german: bool = False) -> bool:
        """Whether `word` of link `i` may be a common noun, whatever its capital: a
        sentence's first word, a word `side` also writes in lower case or a German noun
        after its own determiner (`_german_nouns_own_determiner`: "Der Zulieferer"); with
        `german`, a German noun after any determiner ("die Firma")."""
        lexicon, text = read[side], links[side][i].text
        if ctx.language(side) == "de" and (
                german and _german_common_noun(text, word.start)
                or _german_nouns_own_determiner(text, word.start,
                                                lexicon is not None and lexicon.lines_open)):
            return True
        return lexicon is not None and (
            lexicon.lower[_key(word.text)] > 0
            or _sentence_initial(text, word.start, lexicon.lines_open, lexicon.language))

    def leading_words(side: SideName, other: SideName, i: int) -> set[int]:
        """The starts of the words of `side`'s companies' names in link `i` that are no part
        of the name: compared from the legal form backwards with the other side's name of
        the same form, a leading word the other side lacks, before words it shares, that
        may be a common noun (`common_word`), where the other side has no word in its place
        ("die Firma Müller GmbH" as "Müller GmbH") or one that may be a common noun too
        ("Lieferant Brenner AG" as "Supplier Brenner AG"; not "die Brenner Software AG" as
        "Kessler Software AG", whose German side says nothing of the name)."""
        if lexicons[side] is None or _LEGAL_FORM_AFTER.search(links[side][i].text) is None:
            return set()
        others = _company_names(_unmarked(links[other][i].text))
        dropped = set()
        for form, own in _company_names(_unmarked(links[side][i].text)).items():
            theirs = others.get(form)
            if theirs is None:
                continue
            their_keys = {_key(w.text) for w in theirs}
            for t, word in enumerate(own[:-1]):
                at = len(theirs) - (len(own) - t)
                counterpart = theirs[at] if at >= 0 else None
                if (_key(word.text) in their_keys
                        or not all(_key(w.text) in their_keys for w in own[t + 1:])
                        or not common_word(side, i, word, german=counterpart is None)
                        or counterpart is not None and not common_word(other, i, counterpart)):
                    break
                dropped.add(word.start)
        return dropped

    named: dict[tuple[str, int], list[list[Word]]] = {}

    def names_of(side: SideName, i: int) -> list[list[Word]]:
        """The names of link `i`'s `side` as its lexicon reads them (`names`), read once
        for the missing names and the respelled ones."""
        if (side, i) not in named:
            lexicon = lexicons[side]
            named[(side, i)] = [] if lexicon is None else names(links[side][i].text, lexicon)
        return named[(side, i)]

    vectors: dict[str, np.ndarray] = {}

    def similar(a_text: str, b_text: str) -> float:
        """How alike the model reads two words alone, in lower case."""
        a_key, b_key = a_text.lower(), b_text.lower()
        missing = list(dict.fromkeys(k for k in (a_key, b_key) if k not in vectors))
        if missing:
            # Unit rows (their dot product is their cosine), kept in the embedding cache as
            # the run's sentences are: a re-run on unchanged texts asks the model nothing.
            from align.embedding_cache import embed

            vectors.update(zip(missing, embed(ctx.encoder, missing, cache=ctx.cache),
                               strict=True))
        return float(vectors[a_key] @ vectors[b_key])

    def in_name_of_common_words(side: SideName, other: SideName, i: int, word: Word) -> bool:
        """Whether the word aligner pairs the capitalised `word` of link `i`'s `side` with a
        capitalised word of `other` in one name of common words, one side capitalising its
        first word only (Russian, Polish, Czech: «Временное правительство», «Зимний дворец»,
        «Второй съезд Советов»), the other each (the Provisional Government, the Winter
        Palace, the Second Congress of Soviets): another capitalised word of one side's name
        (`_capitals_run`) is paired with a word of the other written in lower case right
        beside the first (`_beside`: Government and «правительства»).  The two names are
        then translated word by word, whatever the model reads of an adjective in one of its
        cases ("временного" and "provisional" 0.874).  Never for a listed name (Москвы is
        not "Kiev"), but one the model reads as the word's translation (`TRANSLATION_MATCH`:
        "Советов" and the listed "Soviets" 0.895), nor through a title ("сэр" and "Sir"
        make no name of "Bertie")."""
        alignment = ctx.word_alignment(i)
        if alignment is None:
            return False
        k = 0 if side == "source" else 1
        words_of = {s: alignment.words_of(s) for s in (side, other)}
        texts = {s: ctx.text(s)[i].text for s in (side, other)}

        def common(w: Word) -> bool:
            return _key(w.text) not in _ALL_FUNCTION_WORDS and _key(w.text) not in _TITLES

        for pair in alignment.pairs:
            p, q = pair[k], pair[1 - k]
            partner = words_of[other][q]
            if (not _in_group(words_of[side][p], [word]) or not _capitalised(partner.text)
                    or not common(partner) or _listed([word, partner]) and (
                        ctx.encoder is None
                        or similar(word.text, partner.text) < TRANSLATION_MATCH)):
                continue
            for cap_side, c, low_side, m in ((side, p, other, q), (other, q, side, p)):
                if ctx.language(cap_side) == "de":
                    continue  # German capitals are its nouns', not a name's
                if _heading(_unmarked(texts[cap_side])):
                    continue  # nor are a Title-Case heading's ("Sarkozy Meets Merkel")
                run = _capitals_run(words_of[cap_side], texts[cap_side], c)
                beside = _beside(words_of[low_side], texts[low_side], m)
                ci = 0 if cap_side == "source" else 1
                if any(pc != c and pc in run and pl != m and pl in beside
                       and _capitalised(words_of[cap_side][pc].text)
                       and words_of[low_side][pl].text[:1].islower()
                       and common(words_of[cap_side][pc]) and common(words_of[low_side][pl])
                       for pc, pl in ((two[ci], two[1 - ci]) for two in alignment.pairs)):
                    return True
        return False

    def missing(side: SideName, other: SideName, i: int) -> list[list[Word]]:
        if lexicons[side] is None:
            return []
        found = []
        leading = leading_words(side, other, i)
        for group in names_of(side, i):
            absent = [w for w in group if short(side, other, i, _key(w.text))
                      and w.start not in leading]
            absent = [w for w in absent if not in_name_of_common_words(side, other, i, w)]
            if any(_key(w.text) in _EQUIVALENT for w in group if w not in absent):
                # "Christmas Day" is «Natal», "Christmas Eve" «la veille de Noël».
                absent = [w for w in absent if _key(w.text) not in FEAST_WORDS]
            if len(absent) > 1 and _spelled("".join(keys_of(absent))) in {
                    _spelled(k) for k in keys(other, i)}:
                continue  # written in one word on the other side
            if absent:
                found.append(absent)
        return found

    def key_of(group: list[Word]) -> str:
        return " ".join(_key(w.text) for w in group)

    def keys_of(group: list[Word]) -> list[str]:
        return [_key(w.text) for w in group]

    per_link = []
    renderings: Counter[tuple[str, str]] = Counter()
    for i in range(len(ctx.alignment.links)):
        if not links["source"][i] or not links["translation"][i]:
            per_link.append(([], []))
            continue
        left, right = missing("source", "translation", i), missing("translation", "source", i)
        per_link.append((left, right))
        # Counted word by word: "Cheshire" is rendered "Grimaçon" where the source writes
        # "a Cheshire cat" and where it writes "Cheshire Puss".
        renderings.update((x, y) for a in left for b in right
                          for x in keys_of(a) for y in keys_of(b))

    def rare(side: SideName, key: str, times: int) -> bool:
        """Whether `side` writes the word `key` in at most a third as many sentences as
        `times`."""
        return 3 * written[side][key] <= times

    # A side mostly in letters without case (Chinese, Japanese …) is written in a script
    # without capitals, though it writes a unit or a brand in Latin ones ("500PB").
    caseless = {side: _caseless(ctx.alignment.side(side).texts())
                for side in ("source", "translation")}
    side_names = {side: lexicon.names() if lexicon is not None else set()
                  for side, lexicon in lexicons.items()}
    side_nouns = {side: lexicon.nouns() if lexicon is not None else set()
                  for side, lexicon in lexicons.items()}

    def used_as_noun(side: SideName, group: list[Word]) -> bool:
        """Whether `side` uses the name `group` as a noun (`_Lexicon.nouns`)."""
        return all(_key(w.text) in side_nouns[side] for w in group)

    def repeated(side: SideName, group: list[Word]) -> bool:
        """Whether `side` writes each word of the name `group` in two sentences at least (where
        it defines it too: "“Effective Date” means…"): a name written once after an
        article ("built by the Kessler yard") is no defined term."""
        return all(written[side][_key(w.text)] >= 2 for w in group)

    term_keys_cache: dict[tuple[str, int], set[str]] = {}

    def term_keys(side: SideName, i: int) -> set[str]:
        """The nouns `side` uses as names (`_Lexicon.nouns`) that link `i` writes."""
        if (side, i) not in term_keys_cache:
            link = links[side][i]
            term_keys_cache[(side, i)] = {
                _key(w.text) for w in (_words(link.text) if link else ())
                if w.text[:1].isupper()} & side_nouns[side]
        return term_keys_cache[(side, i)]

    def partner_left_out(side: SideName, other: SideName, i: int,
                         group: list[Word]) -> bool:
        """Whether the term `group` of link `i`'s `side` stands where `other` writes terms of
        its own, but not one it writes in every other link holding this term, two at least
        ("the Licensor" where «le Licencié», written elsewhere always with "the Licensee"):
        a party swapped, not a term rendered by a noun."""
        own = {_key(w.text) for w in group}
        elsewhere = [term_keys(other, j) for j in range(len(links[side]))
                     if j != i and own <= term_keys(side, j)]
        # Two links at least: in one, any term written beside it would seem its partner.
        partners = set.intersection(*elsewhere) if len(elsewhere) >= 2 else set()
        here = term_keys(other, i)
        return bool(partners) and bool(here) and not partners <= here

    def translate_each_other(i: int, a_text: str, b_text: str, a: list[Word],
                             b: list[Word]) -> bool:
        """Whether the source's `a` and the translation's `b`, which the word aligner puts
        in each other's place, may mean the same as words (`TRANSLATION_MATCH`): never
        where either is a listed name (`_listed`) or the two are alike but for their
        ending (`_alike_but_ending`)."""
        if (ctx.encoder is None or _listed(a) or _listed(b)
                or _alike_but_ending(key_of(a), key_of(b)) or not _paired(ctx, i, a, b)):
            return False
        return similar(a_text, b_text) >= TRANSLATION_MATCH

    def unsure(side: SideName, i: int, word: Word) -> bool:
        """Whether `side` cannot tell whether the capitalised `word` of link `i` is a name:
        any noun of a German side, a word starting its sentence that the side writes neither
        in lower case nor as a name elsewhere."""
        key = _key(word.text)
        if (not _capitalised(word.text) or key in _ALL_FUNCTION_WORDS
                or key in _TITLES and not _title_in_name(links[side][i].text, word)
                or key in _INTERFACE_TERMS or key in _KEY_NAMES or key in _MONTH_KEYS
                or _legal_part(links[side][i].text, word)):
            return False
        if ctx.language(side) == "de":
            text = links[side][i].text
            return (not _german_common_noun(text, word.start)
                    or _in_company_name(_unmarked(text), word))
        lexicon = read[side]
        return lexicon.lower[key] == 0 and _capital_says_nothing(
            links[side][i].text, word.start, lexicon.lines_open, lexicon.language)

    def reads_as(side: SideName, i: int, name: Word, word: Word) -> bool:
        """Whether `word`, of `side`, reads as the translation of the other side's `name`:
        the same name (accents, transliteration, case endings forgiven, or a listed
        translation), a word its side writes in lower case elsewhere (a common noun), or a
        word the model reads as its translation (`TRANSLATION_MATCH`), though never for a
        name the lists know (`_listed`: "Germany" for «Frankreich»)."""
        key, name_key = _key(word.text), _key(name.text)
        name_side: SideName = "source" if side == "translation" else "translation"
        if another_name(name_key, name_side, key, side):
            return False
        if (_same_name(name_key, key) or _same_name(key, name_key) or declining and (
                _declined(name_key, key) or _declined(key, name_key)
                or _case_of_listed(name_key, key))):
            return True
        if read[side].lower[key] > 0:
            return True
        if _listed([word]) or _listed([name]) or _alike_but_ending(key, name_key):
            return False
        return ctx.encoder is not None and similar(name.text, word.text) >= TRANSLATION_MATCH

    def in_place(other: SideName, i: int) -> Callable[[Word, Word], bool]:
        """Whether a word of `other` is put in the place of a name (see `_put_in_place`)."""
        return lambda name, word: unsure(other, i, word) and not reads_as(other, i, name, word)

    def translated_alone(i: int, side: SideName, group: list[Word]) -> bool:
        """Whether the word aligner pairs the name `group` itself (not a compound holding
        it) with a word that translates it (`_counterparts`)."""
        other: SideName = "translation" if side == "source" else "source"
        return any(w is None for w in _counterparts(
            ctx, i, side, group, side_names[other], in_place(other, i), alone=True,
            nouns=side_nouns[side]))

    out: list[tuple[int, Finding]] = []
    for i, (left, right) in enumerate(per_link):
        source, translation = ctx.sources[i], ctx.translations[i]
        counterparts: dict[int, list[Word | None]] = {}
        # A name the translation renders the same other way in several places ("Mary Ann"
        # as "Marianne") is a choice, not a slip, unless the translation also writes the
        # name as it is elsewhere: then the other rendering replaces it only here and there.
        # Written as it is in a few sentences only (a sentence left untranslated, "le Loir
        # (the Dormouse)"), against a rendering three times as frequent, it stays a choice.
        # A name alike but for its ending vowel ("Herrera" as "Herrero") renders nothing:
        # written so throughout, it is the same slip repeated.  Nor does a name the lists
        # know render another but as they list it (`_listed_otherwise`): "Metz" written
        # "Strasbourg" throughout is a place changed throughout.
        chosen = {(x, y) for a in left for b in right for x in keys_of(a) for y in keys_of(b)
                  if (times := renderings[(x, y)]) >= 2
                  and rare("translation", x, times) and rare("source", y, times)
                  and not another_name(x, "source", y, "translation")
                  and not _listed_otherwise(x, y)}
        left = [a for a in left if not any(c[0] in keys_of(a) for c in chosen)]
        right = [b for b in right if not any(c[1] in keys_of(b) for c in chosen)]

        def text_of(side_text: LinkText, group: list[Word]) -> str:
            return side_text.text[group[0].start : group[-1].end]

        def span(side_text: LinkText, group: list[Word]):
            return ctx.span(side_text, group[0].start, group[-1].end)

        def one_sided(group: list[Word], other: SideName, i: int) -> str:
            side: SideName = "source" if other == "translation" else "translation"
            # The name is used elsewhere on the other side: a pronoun here, not a loss.
            # A side in a script without capitals (Chinese, Japanese, Korean, Arabic …)
            # shows no names to compare with: a name seemingly missing there is a guess.
            # A noun used as a name, a defined term its side repeats ("the Client"), is
            # rendered by a noun; unless it stands where the other side writes another term
            # but not the one it writes wherever this one is: a party swapped.
            known = caseless[other] or (
                used_as_noun(side, group) and repeated(side, group)
                and not partner_left_out(side, other, i, group)) or any(
                _key(w.text) in written[other] or _key(w.text) in _EQUIVALENT for w in group)
            return "info" if known else "minor"

        # A name replaced by another: one name missing on each side (once the translated
        # ones are set aside), or, where several are, those the word aligner puts in each
        # other's place.  Names missing on both sides of a loosely translated passage are
        # otherwise unrelated to each other.  A name the word aligner pairs with a common
        # noun was translated ("the Duck" as "le canard"); a replaced name pairs with
        # another name.
        if len(left) == 1 and len(right) == 1 and (_paired(ctx, i, left[0], right[0]) or not (
                translated_alone(i, "source", left[0])
                or translated_alone(i, "translation", right[0]))):
            # One name missing on each side is a replacement even where the word aligner
            # pairs one with a common word through a compound ("Karakorum-Kandidaten"), or
            # pairs the two with each other, one of them with a common word besides.  But a
            # name the aligner pairs, by itself, with a word that translates it, and not with
            # the other name, was translated ("the arch girl" as "Alice", "Gipfel" as
            # «sommet»): the other name missing is unrelated to it.
            candidates, kept_left, kept_right = [(left[0], right[0])], [], []
        else:
            # (The counterparts of each name, once: they tell whether it is translated
            # (`_translated`) and the word put in its place (`_put_in_place`) below.)
            for group in left:
                counterparts[id(group)] = _counterparts(
                    ctx, i, "source", group, side_names["translation"],
                    in_place("translation", i), nouns=side_nouns["source"])
            for group in right:
                counterparts[id(group)] = _counterparts(
                    ctx, i, "translation", group, side_names["source"], in_place("source", i),
                    nouns=side_nouns["translation"])
            kept_left = [a for a in left if all(w is not None for w in counterparts[id(a)])]
            kept_right = [b for b in right if all(w is not None for w in counterparts[id(b)])]
            if len(kept_left) == 1 and len(kept_right) == 1:
                candidates = [(kept_left[0], kept_right[0])]
            else:
                candidates = []
                for a in left:
                    b = next((b for b in right if all(b is not r for _, r in candidates)
                              and _in_its_place(ctx, i, a, b, left)), None)
                    if b is not None:
                        candidates.append((a, b))
        # Two capitalised words that may translate each other ("Privacy Policy" =
        # "Politique de confidentialité", "our Terms" = "nos Conditions") may be a term
        # translated rather than a name replaced: minor, saying so, so that a gate on major
        # findings passes it while a reader still sees a swap of two names the lists do not
        # hold ("Windows" for "Linux", which the model reads as alike too).
        # So may a noun each side uses as a name, a contract's defined term ("the Licensor"
        # as «le Concédant»; not "the Kessler yard" as «le chantier Brenner», after an
        # article on one side only), where neither is a name the lists know, nor a name of a
        # side whose names are only those known (German, whose nouns and names of mountains,
        # rivers and regions all take articles: `_KnownNames` has no nouns used as names): a
        # name there is one.
        for a, b in candidates:
            a_text, b_text = text_of(source, a), text_of(translation, b)
            term = translate_each_other(i, a_text, b_text, a, b)
            noun = not term and used_as_noun("source", a) and used_as_noun(
                "translation", b) and not _listed(a) and not _listed(b)
            out.append((i, Finding(
                "name", "minor" if term or noun else "major",
                f"name {quote(a_text)} in the source is {quote(b_text)} in the translation"
                + (" (the model reads them as a word and its translation: a translated term?)"
                   if term else "")
                + (" (a noun its text uses as a name, after an article: a translated term?)"
                   if noun else ""),
                [span(source, a), span(translation, b)],
            )))
        rest_left = [a for a in kept_left if all(a is not r for r, _ in candidates)]
        rest_right = [b for b in kept_right if all(b is not r for _, r in candidates)]
        # A name left over that the word aligner pairs only with a word its side cannot
        # tell for a name, and which does not read as its translation, was replaced by that
        # word: "Heinrich Schulz" for "Heinrich Wagner" (German capitalises every noun),
        # «Вера накрыла…» for "Nina laid…" (a sentence's first word).
        taken: list[Word] = [w for a, b in candidates for w in (*a, *b)]
        extra: list[tuple[list[Word], list[Word]]] = []
        for group, side in [*((a, "source") for a in rest_left),
                            *((b, "translation") for b in rest_right)]:
            word = _put_in_place(counterparts[id(group)])
            if word is None or any(_in_group(word, [w]) for w in taken):
                continue
            taken.append(word)
            a, b = (group, [word]) if side == "source" else ([word], group)
            extra.append((a, b))
            out.append((i, Finding(
                "name", "major",
                f"name {quote(text_of(source, a))} in the source is "
                f"{quote(text_of(translation, b))} in the translation",
                [span(source, a), span(translation, b)],
            )))
        rest_left = [a for a in rest_left if all(a is not r for r, _ in extra)]
        rest_right = [b for b in rest_right if all(b is not r for _, r in extra)]
        for a in rest_left:
            out.append((i, Finding(
                "name", one_sided(a, "translation", i),
                f"name {quote(text_of(source, a))} in the source is not in the translation",
                [span(source, a)],
            )))
        for b in rest_right:
            out.append((i, Finding(
                "name", one_sided(b, "source", i),
                f"name {quote(text_of(translation, b))} in the translation is not in the source",
                [span(translation, b)],
            )))
    out += _respelled(ctx, links, lexicons, declining, names_of)
    return out


#: The severity of a name written otherwise on the other side (`_respelled`).
RESPELLED = "info"
#: Titles and forms of address before a person's name (folded, points left out).
_PERSON_TITLES = frozenset(
    "mr mrs ms miss sir dr prof professor doctor monsieur madame mademoiselle m mme mlle "
    "herr frau fraulein sr sra srta dra senor senora don dona sig sigra dott signor signora "
    "maitre".split())
#: The generic words of place names, which languages write each their own way (`Mount
#: Everest` as « Mont Everest »), folded.
_PLACE_WORDS = frozenset(
    "mount mountain mont monte montagne berg piz pizzo pico pic col colle lake lac lago see "
    "cape cap cabo capo river rio fort port porto bay baie bahia gulf golfe golfo isle ile "
    "isla island insel".split())


def _a_persons(word: Word, group, own_words, other_forms: list[frozenset[str]]) -> bool:
    """Whether `word` of a name (`group`, its words) names a person, whose name no language
    translates: after a title or form of address (`Frau Hoffmann`, `Dra. Villalobos`, `Dr.
    Hans-Jürgen Weißmüller`), or beside a word of the name that the other side writes alike
    (`Klaus Brandt` as *Klaus Brandl*).  A place (`Andalusia` as « Andalousie », `Mount
    Everest` as « Mont Everest »), which languages write each their own way, is neither."""
    if _key(word.text) in _PLACE_WORDS:
        return False
    if any(w is not word and any(_orthographic(w.text) & forms for forms in other_forms)
           for w in group):
        return True
    k = next((n for n, w in enumerate(own_words) if w.start == word.start), None)
    while k:
        k -= 1
        key = _key(own_words[k].text).replace(".", "")
        if key in _PERSON_TITLES:
            return True
        if not _capitalised(own_words[k].text):
            return False
    return False


@lru_cache(maxsize=1 << 16)
def _orthographic(word: str) -> frozenset[str]:
    """The keys `word` may be written with as a matter of spelling only: ``ß`` as ``ss``,
    ``ü`` as ``u`` or ``ue`` (``Müller`` = ``Mueller``), accents and case aside."""
    forms = {word.lower().replace("ß", "ss").replace("ẞ", "ss")}
    for umlaut, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue")):
        if umlaut in word.lower():
            forms |= {f.replace(umlaut, spelled) for f in forms}
    return frozenset(_key(f) for f in forms)


def _variant(word: str, other: str, declining: bool) -> bool:
    """Whether the word `other` writes the name `word` only approximately, as another
    spelling of it (``Hoffmann`` and ``Hofmann``, ``Weißmüller`` and ``Weismüller``,
    ``Villalobos`` and ``Villalba``), not as it is (spelling aside, `_orthographic`) nor as
    the same name by a rule of the languages: a name the lists know (``Lisbon`` is Turkish
    ``Lizbon``, Polish ``Lizbona``: `_EQUIVALENT`), an ending (``Goethes``,
    ``Berliner``: the one the start of the other), a particle or the spellings of one sound
    (`_written_alike`), a case of a declining language."""
    key, other_key = _key(word), _key(other)
    forms, other_forms = _orthographic(word), _orthographic(other)
    if forms & other_forms or not _same_name(key, other_key):
        return False
    if any(k in _EQUIVALENT or k in _MONTH_KEYS for k in (key, other_key, *forms, *other_forms)):
        return False  # a name the lists know, which each language writes its own way
    if any(b in _EQUIVALENT.get(a, ()) or a.startswith(b) or b.startswith(a)
           or _written_alike(a, b) for a in forms for b in other_forms):
        return False
    return not (declining and (_inflected(key, other_key) or _declined(key, other_key)
                               or _declined(other_key, key)))


def _respelled(ctx: CheckContext, links: dict[SideName, list[LinkText]],
               lexicons: dict[SideName, _Lexicon | None], declining: bool,
               names_of: Callable[[SideName, int], list[list[Word]]]
               ) -> list[tuple[int, Finding]]:
    """A person's name (`_a_persons`) that the other side of its link writes only
    approximately (`_variant`), both in Latin script, and nowhere as it is (spelling aside,
    `_orthographic`): ``Frau Hoffmann`` as *Mrs Hofmann*, ``Dra. Villalobos`` as *Dr
    Villalba*.  Read from the names
    of each side that reads its own (not German's, where every noun is capitalised), and
    said once for each pair of words.  A spelling used in two links or more is a choice
    (``Prussien`` as *Prussian*, ``Tolstoï`` as *Tolstoy*), as a rendering is
    (`run`), unless the translation also writes the name as it is."""
    out: list[tuple[int, Finding]] = []
    pairs: list[tuple[str, str]] = []
    for i in range(len(ctx.alignment.links)):
        texts = {side: links[side][i] for side in ("source", "translation")}
        if not texts["source"] or not texts["translation"]:
            continue
        said: set[tuple[int, int]] = set()
        for side, other in (("source", "translation"), ("translation", "source")):
            lexicon = lexicons[side]
            if lexicon is None or isinstance(lexicon, _KnownNames):
                continue
            own_words = _words(texts[side].text)
            other_words = _words(texts[other].text)
            other_keys = {_key(w.text) for w in other_words}
            other_forms = [_orthographic(w.text) for w in other_words]
            for group in names_of(side, i):
                for word in group:
                    key = _key(word.text)
                    if not key.isascii() or key in _TRANSLITERATED:
                        continue
                    forms = _orthographic(word.text)
                    if any(f & forms for f in other_forms) or (
                            _EQUIVALENT.get(key, frozenset()) & other_keys):
                        continue
                    found = next((w for w in other_words if _capitalised(w.text)
                                  and (k := _key(w.text)).isascii()
                                  and k not in _TRANSLITERATED
                                  and _variant(word.text, w.text, declining)
                                  and not _another_ending(key, ctx.language(side), k,
                                                          ctx.language(other))
                                  and not any(_orthographic(o.text) & _orthographic(w.text)
                                              for o in own_words)), None)
                    # A company's name (`_before_legal_form`) is its registered name,
                    # written alike in every language: written otherwise, it is another.
                    company = _before_legal_form(texts[side].text, group[-1].end) or any(
                        w.text.replace(".", "") in LEGAL_FORMS for w in group)
                    if found is None or not (
                            company or _a_persons(word, group, own_words, other_forms)):
                        continue
                    a, b = (word, found) if side == "source" else (found, word)
                    if (a.start, b.start) in said:
                        continue
                    said.add((a.start, b.start))
                    pairs.append((_key(a.text), _key(b.text)))
                    out.append((i, Finding(
                        "name", "major" if company else RESPELLED,
                        f"name {quote(a.text)} in the source is "
                        + ("" if company else "written ")
                        + f"{quote(b.text)} in the translation",
                        [ctx.span(texts["source"], a.start, a.end),
                         ctx.span(texts["translation"], b.start, b.end)])))
    times = Counter(pairs)
    if max(times.values(), default=0) < 2:
        return out
    written = {_key(w.text) for text in links["translation"] if text for w in _words(text.text)}
    return [found for found, pair in zip(out, pairs, strict=True)
            if times[pair] < 2 or pair[0] in written]
