"""Tapestries and liturgical textiles in the demo museum.

Flanders wove for all of Europe; Oudenaarde and Brussels are the two centres a Ghent
museum would plausibly hold, and both are named in the descriptions for search.
"""

from museum_site.demo.records import ObjectRecord, Text

TEXTILES = (
    ObjectRecord(
        "MAL.1903.001",
        "tapestry",
        title=Text(
            "Verdure met jachttafereel",
            "Verdure with a hunting scene",
            "Verdure avec une scène de chasse",
        ),
        description=Text(
            "<p>Oudenaarde, ca. 1550–1575. Oudenaardse wevers werkten sneller en goedkoper dan "
            "Brussel; hun groene <i>verdures</i> hingen in kastelen van Spanje tot Zweden.</p>",
            "<p>Oudenaarde, c. 1550–1575. Oudenaarde weavers worked faster and cheaper than "
            "Brussels; their green <i>verdures</i> hung in castles from Spain to Sweden.</p>",
            "<p>Audenarde, vers 1550–1575. Les lissiers d'Audenarde travaillaient plus vite et "
            "moins cher qu'à Bruxelles ; leurs <i>verdures</i> ornaient des châteaux de "
            "l'Espagne à la Suède.</p>",
        ),
        alt=Text(
            "Wandtapijt vol grote groene bladeren met een rode boord.",
            "Tapestry full of large green leaves with a red border.",
            "Tapisserie couverte de grandes feuilles vertes avec une bordure rouge.",
        ),
        date=Text("ca. 1550–1575", "c. 1550–1575", "vers 1550–1575"),
        years=(1550, 1575),
        dimensions="310 × 420 cm",
        credit=Text("Aankoop, 1903", "Purchased, 1903", "Achat, 1903"),
        materials=("wool", "silk"),
        periods=("renaissance",),
    ),
    ObjectRecord(
        "MAL.1938.006",
        "tapestry",
        title=Text("De triomf van de Deugd", "The Triumph of Virtue", "Le Triomphe de la Vertu"),
        description=Text(
            "<p>Brussel, ca. 1525–1535. Uit een reeks van zes; de goud- en zilverdraad in de "
            "gewaden verraadt een opdrachtgever uit de hoogste adel.</p>",
            "<p>Brussels, c. 1525–1535. From a set of six; the gold and silver thread in the "
            "robes betrays a patron from the highest nobility.</p>",
            "<p>Bruxelles, vers 1525–1535. L'une des six pièces d'une tenture ; les fils d'or et "
            "d'argent des vêtements trahissent un commanditaire de la plus haute noblesse.</p>",
        ),
        alt=Text(
            "Groot wandtapijt met een optocht van figuren in rijke gewaden, omlijst door bloemen.",
            "Large tapestry with a procession of figures in rich robes, framed by flowers.",
            "Grande tapisserie montrant un cortège de figures en riches vêtements, dans un "
            "encadrement de fleurs.",
        ),
        date=Text("ca. 1525–1535", "c. 1525–1535", "vers 1525–1535"),
        years=(1525, 1535),
        dimensions="350 × 460 cm",
        credit=Text(
            "Schenking van baron Louis de Kerchove, 1938",
            "Gift of Baron Louis de Kerchove, 1938",
            "Don du baron Louis de Kerchove, 1938",
        ),
        materials=("wool", "silk", "gold"),
        periods=("renaissance",),
    ),
    ObjectRecord(
        "MAL.1946.010",
        "damask",
        title=Text(
            "Fragment van zijden damast", "Fragment of silk damask", "Fragment de damas de soie"
        ),
        description=Text(
            "<p>Italië, zeventiende eeuw. Het granaatappelmotief werd in Gent gebruikt voor "
            "wandbekleding en voor de voering van kazuifels.</p>",
            "<p>Italy, seventeenth century. The pomegranate pattern was used in Ghent for wall "
            "hangings and to line chasubles.</p>",
            "<p>Italie, XVIIe siècle. À Gand, le motif à la grenade servait aux tentures murales "
            "et à la doublure des chasubles.</p>",
        ),
        alt=Text(
            "Rode zijde met een herhalend patroon van ruiten en ronde vruchten.",
            "Red silk with a repeating pattern of lozenges and round fruits.",
            "Soie rouge à motif répété de losanges et de fruits ronds.",
        ),
        date=Text("ca. 1620–1680", "c. 1620–1680", "vers 1620–1680"),
        years=(1620, 1680),
        dimensions="62 × 54 cm",
        credit=Text("Aankoop, 1946", "Purchased, 1946", "Achat, 1946"),
        materials=("silk",),
        periods=("baroque",),
    ),
    ObjectRecord(
        "MAL.1963.002",
        "chasuble",
        title=Text(
            "Kazuifel met geborduurde heiligen",
            "Chasuble with embroidered saints",
            "Chasuble aux saints brodés",
        ),
        description=Text(
            "<p>Zuidelijke Nederlanden, ca. 1520–1530. De kruisbalk op de rug is in "
            "<i>or nué</i> geborduurd: gouddraad, overspannen met gekleurde zijde.</p>",
            "<p>Southern Netherlands, c. 1520–1530. The orphrey cross on the back is embroidered "
            "in <i>or nué</i>: gold thread couched with coloured silk.</p>",
            "<p>Pays-Bas méridionaux, vers 1520–1530. La croix d'orfroi du dos est brodée en "
            "<i>or nué</i> : des fils d'or couchés sous des soies de couleur.</p>",
        ),
        alt=Text(
            "Goudkleurig misgewaad met een band van kleine geborduurde figuren.",
            "Gold-coloured vestment with a band of small embroidered figures.",
            "Vêtement liturgique doré orné d'une bande de petites figures brodées.",
        ),
        date=Text("ca. 1520–1530", "c. 1520–1530", "vers 1520–1530"),
        years=(1520, 1530),
        dimensions="112 × 70 cm",
        credit=Text(
            "In bruikleen van de Sint-Michielsparochie, Gent",
            "On loan from the parish of Saint Michael, Ghent",
            "Prêt de la paroisse Saint-Michel, Gand",
        ),
        materials=("silk", "gold"),
        periods=("renaissance",),
    ),
)
