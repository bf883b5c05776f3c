"""Drawings, prints and sculpture in the demo museum.

Prints are real editions (Dürer's Erasmus, Bruegel's Big Fish): a museum holds one
impression of many, so presenting them as this museum's holdings is plausible.
"""

from museum_site.demo.records import ObjectRecord, Text

PRINT_ROOM = Text(
    "Verworven met het prentenkabinet van Jozef Lammens, 1961",
    "Acquired with the print room of Jozef Lammens, 1961",
    "Acquis avec le cabinet d'estampes de Jozef Lammens, 1961",
)
DANCKAERT = Text(
    "Legaat Hélène Danckaert, 1948",
    "Bequest of Hélène Danckaert, 1948",
    "Legs Hélène Danckaert, 1948",
)

WORKS_ON_PAPER = (
    ObjectRecord(
        "MAL.1948.012",
        "drawing-hands",
        title=Text("Studie van twee handen", "Study of two hands", "Étude de deux mains"),
        description=Text(
            "<p>Navolger van <b>Albrecht Dürer</b>. Een tekenaar oefende hier op Dürers "
            "handstudies, die na diens reis door de Nederlanden in 1520–1521 rondgingen.</p>",
            "<p>Follower of <b>Albrecht Dürer</b>. A draughtsman practised on Dürer's studies of "
            "hands, which circulated after his journey through the Low Countries in 1520–1521.</p>",
            "<p>Suiveur d'<b>Albrecht Dürer</b>. Un dessinateur s'exerce ici sur les études de "
            "mains de Dürer, diffusées après son voyage aux Pays-Bas en 1520–1521.</p>",
        ),
        alt=Text(
            "Tekening in inkt van twee handen, licht gearceerd op vergeeld papier.",
            "Ink drawing of two hands, lightly hatched on yellowed paper.",
            "Dessin à l'encre de deux mains, légèrement hachuré sur papier jauni.",
        ),
        date=Text("ca. 1525–1550", "c. 1525–1550", "vers 1525–1550"),
        years=(1525, 1550),
        dimensions="29 × 20 cm",
        credit=DANCKAERT,
        makers=("albrecht-durer",),
        materials=("ink", "paper"),
        periods=("renaissance",),
    ),
    ObjectRecord(
        "MAL.1948.013",
        "drawing-red-chalk",
        title=Text(
            "Studie van een vrouwenhoofd", "Study of a woman's head", "Étude de tête de femme"
        ),
        description=Text(
            "<p><b>Antoon van Dyck</b> tekende het hoofd naar het leven, met enkele snelle "
            "lijnen voor de schouders. Het keert terug in een verloren altaarstuk.</p>",
            "<p><b>Anthony van Dyck</b> drew the head from life, with a few quick lines for the "
            "shoulders. It reappears in a lost altarpiece.</p>",
            "<p><b>Antoine van Dyck</b> a dessiné la tête d'après nature, avec "
            "quelques traits rapides pour les épaules. Elle réapparaît dans un "
            "retable perdu.</p>",
        ),
        alt=Text(
            "Roodkrijttekening van het hoofd van een vrouw die over haar schouder kijkt.",
            "Red chalk drawing of a woman's head looking over her shoulder.",
            "Dessin à la sanguine d'une tête de femme regardant par-dessus son épaule.",
        ),
        date=Text("ca. 1618–1620", "c. 1618–1620", "vers 1618–1620"),
        years=(1618, 1620),
        dimensions="24 × 18 cm",
        credit=DANCKAERT,
        makers=("van-dyck",),
        materials=("red-chalk", "paper"),
        periods=("baroque",),
    ),
    ObjectRecord(
        "MAL.1982.004",
        "drawing-red-chalk",
        title=Text(
            "Studie voor een knielende apostel",
            "Study for a kneeling apostle",
            "Étude pour un apôtre agenouillé",
        ),
        description=Text(
            "<p><b>Peter Paul Rubens</b> zette de figuur op in zwart krijt en verhoogde de "
            "gezichtspartij met rood krijt, zoals hij in Italië had geleerd.</p>",
            "<p><b>Peter Paul Rubens</b> set up the figure in black chalk and heightened the face "
            "with red chalk, as he had learned in Italy.</p>",
            "<p><b>Pierre Paul Rubens</b> a mis la figure en place à la pierre noire "
            "et rehaussé le visage de sanguine, comme il l'avait appris en "
            "Italie.</p>",
        ),
        alt=Text(
            "Krijttekening van een bebaarde man die knielt met uitgestrekte armen.",
            "Chalk drawing of a bearded man kneeling with outstretched arms.",
            "Dessin à la pierre d'un homme barbu agenouillé, les bras tendus.",
        ),
        date=Text("ca. 1609–1610", "c. 1609–1610", "vers 1609–1610"),
        years=(1609, 1610),
        dimensions="38 × 27 cm",
        credit=Text("Aankoop, 1982", "Purchased, 1982", "Achat, 1982"),
        makers=("rubens",),
        materials=("chalk", "red-chalk", "paper"),
        periods=("baroque",),
    ),
    ObjectRecord(
        "MAL.1955.021",
        "drawing-landscape",
        title=Text(
            "Heuvellandschap met rivierdal",
            "Hilly landscape with a river valley",
            "Paysage vallonné avec une vallée fluviale",
        ),
        description=Text(
            "<p>Kring van <b>Pieter Bruegel de Oude</b>. Het wijde uitzicht volgt de "
            "Alpenlandschappen die Bruegel na zijn Italiaanse reis tekende.</p>",
            "<p>Circle of <b>Pieter Bruegel the Elder</b>. The wide view follows the Alpine "
            "landscapes Bruegel drew after his Italian journey.</p>",
            "<p>Entourage de <b>Pieter Bruegel l'Ancien</b>. La vue large suit les "
            "paysages alpins que Bruegel dessina après son voyage en Italie.</p>",
        ),
        alt=Text(
            "Pentekening van een rivier die door heuvels slingert, met een dorp en bomen.",
            "Pen drawing of a river winding through hills, with a village and trees.",
            "Dessin à la plume d'une rivière serpentant entre des collines, avec un "
            "village et des arbres.",
        ),
        date=Text("ca. 1555–1560", "c. 1555–1560", "vers 1555–1560"),
        years=(1555, 1560),
        dimensions="23 × 34 cm",
        credit=Text("Aankoop, 1955", "Purchased, 1955", "Achat, 1955"),
        makers=("pieter-bruegel",),
        materials=("ink", "paper"),
        periods=("renaissance",),
    ),
    ObjectRecord(
        "MAL.1961.030",
        "print-portrait",
        title=Text("Erasmus van Rotterdam", "Erasmus of Rotterdam", "Érasme de Rotterdam"),
        description=Text(
            "<p>Gravure van <b>Albrecht Dürer</b>. Dürer tekende Erasmus in 1520 in Antwerpen; "
            "de prent volgde pas zes jaar later, en Erasmus vond zich er niet in gelijken.</p>",
            "<p>Engraving by <b>Albrecht Dürer</b>. Dürer drew Erasmus in Antwerp in 1520; the "
            "print only followed six years later, and Erasmus thought it a poor likeness.</p>",
            "<p>Gravure d'<b>Albrecht Dürer</b>. Dürer dessina Érasme à Anvers en 1520 ; la "
            "gravure ne suivit que six ans plus tard, et Érasme ne s'y trouva guère ressemblant.</p>",
        ),
        alt=Text(
            "Gravure van een geleerde met baret die schrijft aan een lessenaar, naast een tablet "
            "met Latijnse tekst.",
            "Engraving of a scholar in a cap writing at a desk, beside a tablet with Latin text.",
            "Gravure d'un savant coiffé d'un bonnet écrivant à un pupitre, près d'une tablette "
            "portant un texte latin.",
        ),
        date=Text("1526", "1526", "1526"),
        years=(1526, 1526),
        dimensions="25 × 19 cm",
        credit=PRINT_ROOM,
        makers=("albrecht-durer",),
        materials=("printing-ink", "paper"),
        periods=("renaissance",),
    ),
    ObjectRecord(
        "MAL.1961.031",
        "print-fish",
        title=Text(
            "De grote vissen eten de kleine",
            "Big fish eat little fish",
            "Les gros poissons mangent les petits",
        ),
        description=Text(
            "<p>Gravure door Pieter van der Heyden naar een ontwerp van <b>Pieter Bruegel de "
            "Oude</b>, uitgegeven door Hieronymus Cock in Antwerpen.</p>",
            "<p>Engraving by Pieter van der Heyden after a design by <b>Pieter Bruegel the "
            "Elder</b>, published by Hieronymus Cock in Antwerp.</p>",
            "<p>Gravure de Pieter van der Heyden d'après un dessin de <b>Pieter "
            "Bruegel l'Ancien</b>, éditée par Jérôme Cock à Anvers.</p>",
        ),
        alt=Text(
            "Prent van een enorme gestrande vis waaruit kleinere vissen stromen.",
            "Print of a huge stranded fish with smaller fish spilling out of it.",
            "Estampe d'un énorme poisson échoué dont s'échappent des poissons plus petits.",
        ),
        date=Text("1557", "1557", "1557"),
        years=(1557, 1557),
        dimensions="23 × 30 cm",
        credit=PRINT_ROOM,
        makers=("pieter-bruegel",),
        materials=("printing-ink", "paper"),
        periods=("renaissance",),
    ),
    ObjectRecord(
        "MAL.1970.015",
        "print-portrait",
        title=Text(
            "Zelfportret, leunend op een stenen vensterbank",
            "Self-portrait leaning on a stone sill",
            "Autoportrait appuyé sur un rebord de pierre",
        ),
        description=Text(
            "<p>Ets van <b>Rembrandt</b>. De houding ontleende hij aan portretten van Titiaan "
            "en Rafaël die hij in 1639 op een Amsterdamse veiling zag.</p>",
            "<p>Etching by <b>Rembrandt</b>. He borrowed the pose from portraits by Titian and "
            "Raphael he saw at an Amsterdam auction in 1639.</p>",
            "<p>Eau-forte de <b>Rembrandt</b>. Il emprunta la pose à des portraits de "
            "Titien et de Raphaël vus lors d'une vente aux enchères à Amsterdam en "
            "1639.</p>",
        ),
        alt=Text(
            "Ets van een man met baret die met zijn arm op een stenen rand leunt.",
            "Etching of a man in a beret resting his arm on a stone ledge.",
            "Eau-forte d'un homme au béret appuyant le bras sur un rebord de pierre.",
        ),
        date=Text("1639", "1639", "1639"),
        years=(1639, 1639),
        dimensions="21 × 16 cm",
        credit=PRINT_ROOM,
        makers=("rembrandt",),
        materials=("printing-ink", "paper"),
        periods=(
            "golden-age",
            "baroque",
        ),
    ),
)

SCULPTURE = (
    ObjectRecord(
        "MAL.1958.009",
        "marble-bust",
        title=Text(
            "Buste van een Gentse bisschop",
            "Bust of a bishop of Ghent",
            "Buste d'un évêque de Gand",
        ),
        description=Text(
            "<p>Zuid-Nederlandse beeldhouwer, anoniem. De buste stond tot 1797 in de kapittelzaal "
            "van Sint-Baafs en werd tijdens de Franse tijd verkocht.</p>",
            "<p>Southern Netherlandish sculptor, anonymous. The bust stood in the chapter house "
            "of Saint Bavo's until 1797 and was sold during the French period.</p>",
            "<p>Sculpteur des Pays-Bas méridionaux, anonyme. Le buste se trouvait jusqu'en 1797 "
            "dans la salle capitulaire de Saint-Bavon et fut vendu sous le régime français.</p>",
        ),
        alt=Text(
            "Witmarmeren buste van een man met kalotje en een mantel met brede plooien.",
            "White marble bust of a man in a skullcap and a broadly folded cloak.",
            "Buste en marbre blanc d'un homme coiffé d'une calotte, dans un manteau aux larges "
            "plis.",
        ),
        date=Text("ca. 1680–1690", "c. 1680–1690", "vers 1680–1690"),
        years=(1680, 1690),
        dimensions="74 × 58 × 32 cm",
        credit=Text("Aankoop, 1958", "Purchased, 1958", "Achat, 1958"),
        materials=("marble",),
        periods=("baroque",),
    ),
    ObjectRecord(
        "MAL.1960.011",
        "ivory-crucifix",
        title=Text("Christus aan het kruis", "Christ on the cross", "Christ en croix"),
        description=Text(
            "<p>Mechelse werkplaats. Het corpus is uit één olifantstand gesneden; de armen zijn "
            "apart gemaakt en met pennen bevestigd op een houten kruis.</p>",
            "<p>Mechelen workshop. The body is carved from a single elephant tusk; the arms were "
            "made separately and pinned to a wooden cross.</p>",
            "<p>Atelier malinois. Le corps est sculpté dans une seule défense d'éléphant ; les "
            "bras, faits à part, sont chevillés sur une croix en bois.</p>",
        ),
        alt=Text(
            "Ivoren Christusfiguur op een donker houten kruis, met een zilveren voet.",
            "Ivory figure of Christ on a dark wooden cross, with a silver base.",
            "Christ en ivoire sur une croix en bois sombre, avec un pied en argent.",
        ),
        date=Text("ca. 1650–1700", "c. 1650–1700", "vers 1650–1700"),
        years=(1650, 1700),
        dimensions="62 × 34 cm",
        credit=Text(
            "Schenking van de zusters Augustinessen, 1960",
            "Gift of the Augustinian sisters, 1960",
            "Don des sœurs augustines, 1960",
        ),
        materials=("ivory", "wood", "silver"),
        periods=("baroque",),
    ),
)
