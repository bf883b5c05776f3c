"""Stories about silver, porcelain, tapestries and the museum behind the scenes.

`NEW_ACQUISITION` is deliberately never published: the demo needs one draft so editors
and frontend developers can see how drafts and previews behave.
"""

import datetime

from museum_site.demo.records import (
    Audio,
    Figure,
    Gallery,
    ObjectCard,
    Picture,
    Prose,
    Quote,
    StoryRecord,
    Text,
    Video,
)
from museum_site.demo.stories_paintings import VIDEO_HOST

DEPOT = Picture(
    "Depot aan de Leie, rek 14",
    "room-depot",
    Text(
        "Hoge rekken met verpakte kunstwerken in een museumdepot.",
        "Tall racks of wrapped works of art in a museum store.",
        "De hauts rayonnages d'œuvres emballées dans une réserve de musée.",
    ),
)
GALLERY_ROOM = Picture(
    "Zaal 3, hoofdgebouw",
    "room-gallery",
    Text(
        "Museumzaal met schilderijen aan rode wanden en een bank in het midden.",
        "Museum gallery with paintings on red walls and a bench in the middle.",
        "Salle de musée avec des tableaux sur des murs rouges et un banc au centre.",
    ),
)

GUILD_SILVER = StoryRecord(
    slug=Text("zilver-voor-de-gilden", "silver-for-the-guilds", "l-argent-des-guildes"),
    title=Text("Zilver voor de gilden", "Silver for the guilds", "L'argenterie des guildes"),
    intro=Text(
        "Bekers, bokalen en een koningsbreuk: het zilver van de Gentse schuttersgilden "
        "vertelt wie er in de stad de toon zette.",
        "Cups, covered cups and a king's collar: the silver of the Ghent archers' guilds tells "
        "who set the tone in the city.",
        "Gobelets, coupes couvertes et collier du roi : l'argenterie des guildes "
        "d'archers gantoises raconte qui donnait le ton dans la ville.",
    ),
    hero="MAL.1909.022",
    author="Jan Claeys",
    date=datetime.date(2025, 10, 2),
    tags=(Text("zilver", "silver", "argenterie"), Text("gilden", "guilds", "guildes")),
    body=(
        Prose(
            Text(
                "<p>Wie bij de Sint-Jorisgilde of de Sint-Sebastiaansgilde hoorde, hoorde bij "
                "de stad. Elk jaar werd op de vogel geschoten; de winnaar werd koning.</p>"
                "<h2>Een kroniek in zilver</h2><p>Elke koning hing een zilveren schildje aan de "
                "breuk. Zo groeide de ketting mee met de geschiedenis van de gilde.</p>",
                "<p>Belonging to the Guild of Saint George or Saint Sebastian meant belonging "
                "to the city. Each year they shot at the bird; the winner became king.</p>"
                "<h2>A chronicle in silver</h2><p>Every king hung a silver plaque on the "
                "collar. The chain grew with the history of the guild.</p>",
                "<p>Appartenir à la guilde de Saint-Georges ou de Saint-Sébastien, "
                "c'était appartenir à la ville. Chaque année, on tirait à l'oiseau ; le "
                "vainqueur devenait roi.</p><h2>Une chronique en argent</h2><p>Chaque roi "
                "accrochait une plaquette d'argent au collier. La chaîne grandissait avec "
                "l'histoire de la guilde.</p>",
            )
        ),
        ObjectCard(
            "MAL.1909.022",
            Text(
                "De koningsbreuk telt 41 schildjes.",
                "The collar carries 41 plaques.",
                "Le collier porte 41 plaquettes.",
            ),
        ),
        Gallery(
            Text("Het gildezilver", "The guild silver", "L'argenterie de la guilde"),
            ("MAL.1921.040", "MAL.1921.041", "MAL.1930.009"),
        ),
        Quote(
            Text(
                "Het zilver was het geheugen van de gilde, en haar spaarpot.",
                "The silver was the guild's memory, and its savings.",
                "L'argenterie était la mémoire de la guilde, et sa tirelire.",
            ),
            "Jan Claeys",
            Text(
                "Conservator toegepaste kunst",
                "Curator of applied arts",
                "Conservateur des arts appliqués",
            ),
        ),
    ),
    languages=("nl", "en", "fr"),
)

PORCELAIN = StoryRecord(
    slug=Text("porselein-aan-de-leie", "porcelain-on-the-lys", "porcelaine-sur-la-lys"),
    title=Text("Porselein aan de Leie", "Porcelain on the Leie", "Porcelaine sur la Lys"),
    intro=Text(
        "Van Jingdezhen naar Gent: hoe Chinees porselein op Vlaamse tafels en schilderijen "
        "belandde.",
        "From Jingdezhen to Ghent: how Chinese porcelain reached Flemish tables and paintings.",
        "De Jingdezhen à Gand : comment la porcelaine chinoise arriva sur les "
        "tables et dans les tableaux flamands.",
    ),
    hero="MAL.1968.004",
    author="Amina El Idrissi",
    date=datetime.date(2025, 9, 15),
    tags=(Text("porselein", "porcelain", "porcelaine"), Text("handel", "trade", "commerce")),
    body=(
        Prose(
            Text(
                "<p>Kraakporselein dankt zijn naam aan de Portugese kraken, de schepen die het "
                "naar Europa brachten. Rond 1600 stond het al op Antwerpse stillevens.</p>"
                "<h2>Een wapen uit Kanton</h2><p>Rijke families lieten hun wapen op "
                "porselein schilderen. Een tekening reisde naar China; het servies kwam jaren "
                "later terug.</p>",
                "<p>Kraak porcelain owes its name to the Portuguese carracks that carried it to "
                "Europe. By 1600 it already appeared in Antwerp still lifes.</p>"
                "<h2>Arms from Canton</h2><p>Wealthy families had their arms painted on "
                "porcelain. A drawing travelled to China; the service came back years "
                "later.</p>",
                "<p>La porcelaine kraak doit son nom aux caraques portugaises qui "
                "l'apportaient en Europe. Vers 1600, elle figurait déjà dans les natures "
                "mortes anversoises.</p><h2>Des armoiries de Canton</h2><p>Les familles "
                "aisées faisaient peindre leurs armoiries sur la porcelaine. Un dessin "
                "partait pour la Chine ; le service revenait des années plus tard.</p>",
            )
        ),
        Gallery(
            Text("Blauw en wit", "Blue and white", "Bleu et blanc"),
            ("MAL.1950.031", "MAL.1950.032", "MAL.1975.020"),
        ),
        ObjectCard(
            "MAL.1968.004",
            Text(
                "Het wapen is nog niet thuisgebracht.",
                "The arms are not yet identified.",
                "Les armoiries ne sont pas encore identifiées.",
            ),
        ),
        Video(
            VIDEO_HOST + "porselein-aan-de-leie",
            Text(
                "Hoe herken je kraakporselein?",
                "How to recognise kraak porcelain",
                "Comment reconnaître la porcelaine kraak",
            ),
            Text(
                "Amina El Idrissi draait een kom om en wijst op de vakverdeling, het dunne "
                "scherf en de zandkorrels op de voetring.",
                "Amina El Idrissi turns a bowl over and points out the panels, the thin body "
                "and the grit on the foot ring.",
                "Amina El Idrissi retourne un bol et montre les compartiments, la pâte "
                "fine et les grains de sable sur l'anneau du pied.",
            ),
            poster="MAL.1950.031",
        ),
    ),
    languages=("nl", "en", "fr"),
)

TAPESTRIES = StoryRecord(
    slug=Text("wandtapijten", "tapestries", "tapisseries"),
    title=Text(
        "Geweven in Oudenaarde en Brussel",
        "Woven in Oudenaarde and Brussels",
        "Tissé à Audenarde et à Bruxelles",
    ),
    intro=Text(
        "Twee wandtapijten, twee steden, twee markten: een verdure voor een kasteel en een "
        "triomf voor een vorst.",
        "Two tapestries, two cities, two markets: a verdure for a castle and a triumph for a "
        "prince.",
        "Deux tapisseries, deux villes, deux marchés : une verdure pour un château et un "
        "triomphe pour un prince.",
    ),
    hero="MAL.1938.006",
    author="Jan Claeys",
    date=datetime.date(2025, 8, 28),
    tags=(Text("textiel", "textiles", "textiles"), Text("wandtapijt", "tapestry", "tapisserie")),
    body=(
        Prose(
            Text(
                "<p>Een wandtapijt was warmte, decor en bezit in één: het kon mee als de "
                "eigenaar verhuisde.</p><h2>Twee steden</h2><p>Brussel weefde met goud- en "
                "zilverdraad voor vorsten; Oudenaarde leverde groene verdures in grote "
                "aantallen.</p>",
                "<p>A tapestry was warmth, decoration and property in one: it travelled with "
                "its owner.</p><h2>Two cities</h2><p>Brussels wove with gold and silver thread "
                "for princes; Oudenaarde supplied green verdures in large numbers.</p>",
                "<p>Une tapisserie était à la fois chaleur, décor et bien : elle suivait son "
                "propriétaire.</p><h2>Deux villes</h2><p>Bruxelles tissait avec des fils d'or "
                "et d'argent pour les princes ; Audenarde fournissait des verdures en grand "
                "nombre.</p>",
            )
        ),
        ObjectCard(
            "MAL.1903.001",
            Text(
                "Een verdure uit Oudenaarde.",
                "A verdure from Oudenaarde.",
                "Une verdure d'Audenarde.",
            ),
        ),
        Figure(
            GALLERY_ROOM,
            Text(
                "De wandtapijten hangen in zaal 3, in gedempt licht.",
                "The tapestries hang in room 3, in subdued light.",
                "Les tapisseries sont exposées en salle 3, sous une lumière tamisée.",
            ),
        ),
        Quote(
            Text(
                "Licht is voor textiel wat tijd is voor ons: het gaat maar één kant op.",
                "Light is to textiles what time is to us: it only goes one way.",
                "La lumière est aux textiles ce que le temps est pour nous : elle ne va que "
                "dans un sens.",
            ),
            "Jan Claeys",
        ),
    ),
    languages=("nl", "en", "fr"),
)

BEHIND_THE_SCENES = StoryRecord(
    slug=Text("een-dag-in-het-depot", "a-day-in-the-store", "une-journee-en-reserve"),
    title=Text("Een dag in het depot", "A day in the store", "Une journée en réserve"),
    intro=Text(
        "Negentig procent van de collectie hangt niet in de zalen. Een rondleiding langs de "
        "rekken.",
        "Ninety per cent of the collection is not on display. A tour of the racks.",
        "Quatre-vingt-dix pour cent de la collection n'est pas exposée. Visite des rayonnages.",
    ),
    hero=DEPOT,
    author="Pieter-Jan Van Damme",
    date=datetime.date(2025, 7, 1),
    tags=(
        Text("achter de schermen", "behind the scenes", "coulisses"),
        Text("depot", "store", "réserve"),
    ),
    body=(
        Prose(
            Text(
                "<p>Het depot ligt onder het museum, op 19 graden en 50 procent "
                "luchtvochtigheid. Elk object heeft een vaste plaats en een nummer.</p>"
                "<h2>Het nummer is alles</h2><p>Het inventarisnummer staat op het object, in "
                "het register en in de database: zo vinden we alles terug.</p>",
                "<p>The store lies beneath the museum, at 19 degrees and 50 per cent relative "
                "humidity. Every object has a fixed place and a number.</p>"
                "<h2>The number is everything</h2><p>The inventory number is on the object, in "
                "the register and in the database: that is how we find everything again.</p>",
                "<p>La réserve se trouve sous le musée, à 19 degrés et 50 pour cent "
                "d'humidité relative. Chaque objet a une place fixe et un "
                "numéro.</p><h2>Tout tient au numéro</h2><p>Le numéro d'inventaire figure "
                "sur l'objet, dans le registre et dans la base de données : c'est ainsi "
                "que nous retrouvons tout.</p>",
            )
        ),
        Figure(
            DEPOT,
            Text(
                "Rek 14: verpakte panelen.",
                "Rack 14: wrapped panels.",
                "Rayonnage 14 : panneaux emballés.",
            ),
        ),
        Video(
            VIDEO_HOST + "depot-rondleiding",
            Text("Rondleiding door het depot", "A tour of the store", "Visite de la réserve"),
            Text(
                "Pieter-Jan Van Damme opent een rek, trekt handschoenen aan en toont een "
                "vijzel uit 1568 met zijn inventarisnummer.",
                "Pieter-Jan Van Damme opens a rack, puts on gloves and shows a mortar from 1568 "
                "with its inventory number.",
                "Pieter-Jan Van Damme ouvre un rayonnage, enfile des gants et montre un "
                "mortier de 1568 avec son numéro d'inventaire.",
            ),
            poster=DEPOT,
        ),
        ObjectCard(
            "MAL.1927.013",
            Text(
                "De vijzel uit de video.", "The mortar from the video.", "Le mortier de la vidéo."
            ),
        ),
        Audio(
            Text("Geluid van het depot", "The sound of the store", "Le son de la réserve"),
            Text(
                "Je hoort de klimaatinstallatie zoemen en een rek dat op rails openschuift.",
                "You hear the climate system humming and a rack sliding open on its rails.",
                "Vous entendez ronronner la climatisation et un rayonnage glisser sur ses rails.",
            ),
        ),
    ),
    languages=("nl", "en", "fr"),
)

NEW_ACQUISITION = StoryRecord(
    slug=Text(
        "nieuwe-aanwinst-ivoren-christus",
        "new-acquisition-ivory-christ",
        "nouvelle-acquisition-christ-en-ivoire",
    ),
    title=Text(
        "Nieuwe aanwinst: een ivoren Christus",
        "New acquisition: an ivory Christ",
        "Nouvelle acquisition : un Christ en ivoire",
    ),
    intro=Text(
        "Nog in voorbereiding: de tekst verschijnt zodra de herkomst is nagegaan.",
        "In preparation: the text will appear once the provenance has been checked.",
        "En préparation : le texte paraîtra une fois la provenance vérifiée.",
    ),
    hero="MAL.1960.011",
    author="Jan Claeys",
    date=datetime.date(2026, 4, 1),
    tags=(Text("aanwinsten", "acquisitions", "acquisitions"),),
    body=(
        Prose(Text("<p>Concepttekst.</p>", "<p>Draft text.</p>", "<p>Texte provisoire.</p>")),
        ObjectCard("MAL.1960.011", Text("Werktitel.", "Working title.", "Titre provisoire.")),
    ),
    languages=("nl",),
    publish=False,
)

DECORATIVE_ARTS_STORIES = (GUILD_SILVER, PORCELAIN, TAPESTRIES, BEHIND_THE_SCENES)
