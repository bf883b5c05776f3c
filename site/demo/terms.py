"""Authority terms of the demo museum: people, materials, places, periods and concepts.

Every identifier is a real record: people and places in Wikidata, materials, styles and
subject types in the Getty Art & Architecture Thesaurus. The alternative labels are the
spellings visitors and old inventories actually use ("Johannes de Eyck", "Memlinc"), so
that search can be tested against them.
"""

from museum_site.demo.records import TermRecord, Text

WD = "http://www.wikidata.org/entity/"
AAT = "http://vocab.getty.edu/aat/"


def _person(key: str, qid: str, label: Text, *alt: str, note: str = "") -> TermRecord:
    return TermRecord(key, "person", WD + qid, label, alt, note)


def _material(key: str, aat: str, label: Text, *alt: str) -> TermRecord:
    return TermRecord(key, "material", AAT + aat, label, alt)


PEOPLE = (
    _person(
        "jan-van-eyck",
        "Q102272",
        Text("Jan van Eyck", "Jan van Eyck", "Jan van Eyck"),
        "Johannes de Eyck",
        "Jan van Eijck",
        "Johannes van Eyck",
        note="Painter, active in Bruges; c. 1390-1441.",
    ),
    _person(
        "rogier-van-der-weyden",
        "Q68631",
        Text("Rogier van der Weyden", "Rogier van der Weyden", "Rogier de le Pasture"),
        "Rogier de le Pasture",
        "Roger van der Weyden",
        "Roger de la Pasture",
    ),
    _person(
        "hans-memling",
        "Q106851",
        Text("Hans Memling", "Hans Memling", "Hans Memling"),
        "Jan Memling",
        "Hans Memlinc",
        "Jan van Mimmelynghe",
    ),
    _person(
        "hugo-van-der-goes",
        "Q215251",
        Text("Hugo van der Goes", "Hugo van der Goes", "Hugo van der Goes"),
        "Hugo vander Goes",
        "Hugues van der Goes",
    ),
    _person(
        "joos-van-wassenhove",
        "Q515796",
        Text("Joos van Wassenhove", "Justus of Ghent", "Juste de Gand"),
        "Joos van Gent",
        "Justus van Gent",
        "Giusto da Guanto",
    ),
    _person(
        "gerard-david",
        "Q333380",
        Text("Gerard David", "Gerard David", "Gérard David"),
        "Gheeraert David",
    ),
    _person(
        "petrus-christus",
        "Q312616",
        Text("Petrus Christus", "Petrus Christus", "Petrus Christus"),
        "Pieter Christus",
    ),
    _person(
        "dirk-bouts",
        "Q313561",
        Text("Dirk Bouts", "Dieric Bouts", "Thierry Bouts"),
        "Dieric Bouts",
        "Dirck Bouts",
        "Thierry Bouts",
    ),
    _person(
        "master-of-flemalle",
        "Q653719",
        Text("Meester van Flémalle", "Master of Flémalle", "Maître de Flémalle"),
        "Meester van Merode",
        "Master of Merode",
    ),
    _person(
        "hieronymus-bosch",
        "Q130531",
        Text("Jheronimus Bosch", "Hieronymus Bosch", "Jérôme Bosch"),
        "Jeroen Bosch",
        "Jheronimus van Aken",
        "Hieronymus Bosch",
    ),
    _person(
        "pieter-bruegel",
        "Q43270",
        Text("Pieter Bruegel de Oude", "Pieter Bruegel the Elder", "Pieter Brueghel l'Ancien"),
        "Pieter Brueghel",
        "Boeren-Bruegel",
        "Peasant Bruegel",
        "Bruegel",
    ),
    _person(
        "albrecht-durer",
        "Q5580",
        Text("Albrecht Dürer", "Albrecht Dürer", "Albrecht Dürer"),
        "Albrecht Durer",
        "Albrecht Duerer",
        "Albertus Durerus",
    ),
    _person(
        "rubens",
        "Q5599",
        Text("Peter Paul Rubens", "Peter Paul Rubens", "Pierre Paul Rubens"),
        "Pieter Pauwel Rubens",
        "Petrus Paulus Rubens",
    ),
    _person(
        "van-dyck",
        "Q150679",
        Text("Antoon van Dyck", "Anthony van Dyck", "Antoine van Dyck"),
        "Anthonie van Dyck",
        "Antonie van Dijck",
        "Sir Anthony Vandyke",
    ),
    _person(
        "clara-peeters",
        "Q676163",
        Text("Clara Peeters", "Clara Peeters", "Clara Peeters"),
        "Clara Peters",
    ),
    _person(
        "frans-hals",
        "Q167654",
        Text("Frans Hals", "Frans Hals", "Frans Hals"),
        "Frans Hals de Oude",
    ),
    _person(
        "rembrandt",
        "Q5598",
        Text("Rembrandt van Rijn", "Rembrandt", "Rembrandt"),
        "Rembrandt Harmensz. van Rijn",
        "Rembrandt Harmenszoon van Rijn",
    ),
)

MATERIALS = (
    _material(
        "oil-paint",
        "300015050",
        Text("olieverf", "oil paint", "peinture à l'huile"),
        "olie",
        "oil",
    ),
    _material("panel", "300014657", Text("paneel", "panel", "panneau"), "paneel (drager)"),
    _material("oak", "300012264", Text("eikenhout", "oak", "chêne"), "eik", "oak wood"),
    _material("canvas", "300014078", Text("doek", "canvas", "toile"), "schilderdoek"),
    _material("tempera", "300015062", Text("tempera", "tempera", "tempera"), "eitempera"),
    _material(
        "gold-leaf",
        "300264831",
        Text("bladgoud", "gold leaf", "feuille d'or"),
        "goudblad",
        "verguldsel",
    ),
    _material("copper", "300011020", Text("koper", "copper", "cuivre"), "roodkoper"),
    _material("paper", "300014109", Text("papier", "paper", "papier")),
    _material("ink", "300015012", Text("inkt", "ink", "encre"), "bruine inkt"),
    _material(
        "printing-ink",
        "300187371",
        Text("drukinkt", "printing ink", "encre d'imprimerie"),
    ),
    _material("chalk", "300011727", Text("krijt", "chalk", "craie"), "zwart krijt"),
    _material(
        "red-chalk",
        "300080064",
        Text("rood krijt", "red chalk", "sanguine"),
        "sanguine",
        "roodkrijt",
    ),
    _material("silver", "300011029", Text("zilver", "silver", "argent")),
    _material("gold", "300011021", Text("goud", "gold", "or"), "gouddraad"),
    _material("bronze", "300010957", Text("brons", "bronze", "bronze"), "klokspijs"),
    _material("brass", "300010946", Text("messing", "brass", "laiton"), "geelkoper", "latoen"),
    _material("marble", "300011443", Text("marmer", "marble", "marbre")),
    _material("ivory", "300011857", Text("ivoor", "ivory", "ivoire")),
    _material("wood", "300011914", Text("hout", "wood", "bois")),
    _material("glass", "300010797", Text("glas", "glass", "verre"), "woudglas"),
    _material("porcelain", "300010662", Text("porselein", "porcelain", "porcelaine")),
    _material("wool", "300243430", Text("wol", "wool", "laine")),
    _material("silk", "300243428", Text("zijde", "silk", "soie")),
)

PLACES = (
    TermRecord(
        "ghent", "place", WD + "Q1296", Text("Gent", "Ghent", "Gand"), ("Gaunt", "Gandavum")
    ),
    TermRecord("antwerp", "place", WD + "Q12892", Text("Antwerpen", "Antwerp", "Anvers")),
    TermRecord("bruges", "place", WD + "Q12994", Text("Brugge", "Bruges", "Bruges")),
    TermRecord("brussels", "place", WD + "Q239", Text("Brussel", "Brussels", "Bruxelles")),
    TermRecord("mechelen", "place", WD + "Q162022", Text("Mechelen", "Mechelen", "Malines")),
    TermRecord("leuven", "place", WD + "Q118958", Text("Leuven", "Leuven", "Louvain")),
    TermRecord("flanders", "place", WD + "Q234", Text("Vlaanderen", "Flanders", "Flandre")),
    TermRecord(
        "southern-netherlands",
        "place",
        WD + "Q6581823",
        Text("Zuidelijke Nederlanden", "Southern Netherlands", "Pays-Bas méridionaux"),
        ("Spaanse Nederlanden", "Oostenrijkse Nederlanden"),
    ),
    TermRecord(
        "saint-bavo",
        "place",
        WD + "Q938154",
        Text("Sint-Baafskathedraal", "Saint Bavo's Cathedral", "Cathédrale Saint-Bavon"),
        ("Sint-Baafs", "Saint Bavo Cathedral"),
    ),
)

PERIODS = (
    TermRecord(
        "early-netherlandish",
        "period",
        WD + "Q443153",
        Text("Vlaamse primitieven", "Early Netherlandish painting", "Primitifs flamands"),
        ("Flemish Primitives", "Oudnederlandse schilderkunst"),
    ),
    TermRecord(
        "gothic",
        "period",
        AAT + "300020775",
        Text("gotiek", "Gothic", "gothique"),
        ("laatgotiek", "Late Gothic", "gothique tardif"),
    ),
    TermRecord(
        "renaissance",
        "period",
        AAT + "300021140",
        Text("renaissance", "Renaissance", "Renaissance"),
        ("Noordelijke renaissance", "Northern Renaissance", "Renaissance nordique"),
    ),
    TermRecord(
        "baroque",
        "period",
        AAT + "300021147",
        Text("barok", "Baroque", "baroque"),
        ("Vlaamse barok", "Flemish Baroque", "baroque flamand"),
    ),
    TermRecord(
        "golden-age",
        "period",
        WD + "Q661566",
        Text("Gouden Eeuw", "Dutch Golden Age", "Siècle d'or néerlandais"),
        ("Hollandse Gouden Eeuw", "Golden Age", "âge d'or néerlandais"),
    ),
    TermRecord(
        "rococo",
        "period",
        WD + "Q122960",
        Text("rococo", "Rococo", "rococo"),
        ("Lodewijk XV-stijl", "Louis XV style", "style Louis XV", "rocaille"),
    ),
)

CONCEPTS = (
    TermRecord(
        "portraits", "concept", AAT + "300015637", Text("portretten", "portraits", "portraits")
    ),
    TermRecord(
        "still-lifes",
        "concept",
        AAT + "300015638",
        Text("stillevens", "still lifes", "natures mortes"),
        ("stilleven", "pronkstilleven", "ontbijtje"),
    ),
    TermRecord(
        "landscapes",
        "concept",
        AAT + "300015636",
        Text("landschappen", "landscapes", "paysages"),
    ),
    TermRecord(
        "cityscapes",
        "concept",
        AAT + "300015571",
        Text("stadsgezichten", "cityscapes", "vues urbaines"),
        ("stadsgezicht", "townscape"),
    ),
    TermRecord(
        "genre",
        "concept",
        AAT + "300139140",
        Text("genrevoorstellingen", "genre scenes", "scènes de genre"),
        ("genrestuk", "genre"),
    ),
    TermRecord(
        "tapestries",
        "concept",
        AAT + "300205002",
        Text("wandtapijten", "tapestries", "tapisseries"),
        ("tapijt", "verdure", "arazzo"),
    ),
)

TERMS: tuple[TermRecord, ...] = (*PEOPLE, *MATERIALS, *PLACES, *PERIODS, *CONCEPTS)
