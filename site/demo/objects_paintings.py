"""Paintings in the demo museum: Flemish primitives to the Baroque.

The attributions are the cautious ones a real catalogue would print ("workshop of",
"follower of"): the museum is fictional, its pictures are not lost masterpieces, but the
makers they are linked to are real authority records.
"""

from museum_site.demo.records import ObjectRecord, Text

OAK_PANEL = ("oil-paint", "oak", "panel")
CANVAS = ("oil-paint", "canvas")
SCHOLTE = Text(
    "Schenking van de familie Scholte-De Vos, 1904",
    "Gift of the Scholte-De Vos family, 1904",
    "Don de la famille Scholte-De Vos, 1904",
)
FRIENDS = Text(
    "Aankoop met steun van de Vrienden van het Museum aan de Leie",
    "Purchased with the support of the Friends of the Museum aan de Leie",
    "Achat avec le soutien des Amis du Musée de la Lys",
)
FLEMISH = Text(
    "Aankoop met steun van de Vlaamse Gemeenschap",
    "Purchased with support of the Flemish Community",
    "Achat avec le soutien de la Communauté flamande",
)

PAINTINGS = (
    ObjectRecord(
        "MAL.1904.001",
        "painting-religious",
        title=Text(
            "Madonna in een kerkinterieur",
            "Madonna in a church interior",
            "La Vierge dans une église",
        ),
        description=Text(
            "<p>Klein devotiepaneel naar een compositie van <b>Jan van Eyck</b>. De kopiist "
            "nam de lichtval door de kerkramen nauwgezet over, maar vereenvoudigde het koor.</p>",
            "<p>Small devotional panel after a composition by <b>Jan van Eyck</b>. The copyist "
            "kept the light falling through the church windows but simplified the choir.</p>",
            "<p>Petit panneau de dévotion d'après une composition de <b>Jan van Eyck</b>. Le "
            "copiste a gardé la lumière des fenêtres de l'église mais simplifié le chœur.</p>",
        ),
        alt=Text(
            "Maria in een blauwe mantel met het kind op de arm, in een hoge gotische kerk.",
            "Mary in a blue cloak holding the child, standing in a tall Gothic church.",
            "Marie en manteau bleu portant l'enfant, debout dans une haute église gothique.",
        ),
        date=Text("ca. 1450–1470", "c. 1450–1470", "vers 1450–1470"),
        years=(1450, 1470),
        dimensions="32 × 14 cm",
        credit=SCHOLTE,
        makers=("jan-van-eyck",),
        materials=OAK_PANEL,
        periods=("early-netherlandish",),
    ),
    ObjectRecord(
        "MAL.1911.004",
        "painting-portrait",
        title=Text(
            "Portret van een man met rode kaproen",
            "Portrait of a man in a red chaperon",
            "Portrait d'un homme au chaperon rouge",
        ),
        description=Text(
            "<p>Werkplaats van <b>Rogier van der Weyden</b>. De handen rusten op een "
            "geschilderde lijst, een vondst die de werkplaats vaak herhaalde.</p>",
            "<p>Workshop of <b>Rogier van der Weyden</b>. The hands rest on a painted frame, "
            "a device the workshop repeated often.</p>",
            "<p>Atelier de <b>Rogier van der Weyden</b>. Les mains reposent sur un cadre peint, "
            "un procédé que l'atelier a souvent repris.</p>",
        ),
        alt=Text(
            "Borstbeeld van een man met een rode hoofddoek tegen een donkere achtergrond.",
            "Half-length man wearing a red headdress against a dark background.",
            "Homme en buste, coiffé d'un chaperon rouge, sur un fond sombre.",
        ),
        date=Text("ca. 1460", "c. 1460", "vers 1460"),
        years=(1455, 1465),
        dimensions="37 × 27 cm",
        credit=Text(
            "Legaat Emile Vanderhaeghen, 1911",
            "Bequest of Emile Vanderhaeghen, 1911",
            "Legs Emile Vanderhaeghen, 1911",
        ),
        makers=("rogier-van-der-weyden",),
        materials=OAK_PANEL,
        periods=("early-netherlandish",),
    ),
    ObjectRecord(
        "MAL.1952.002",
        "triptych",
        title=Text(
            "Drieluik met de aanbidding der koningen",
            "Triptych with the Adoration of the Magi",
            "Triptyque de l'Adoration des Mages",
        ),
        description=Text(
            "<p>Kring van <b>Hugo van der Goes</b>. Op de zijluiken knielen de schenkers, een "
            "Gentse lakenkoopman en zijn vrouw, met hun patroonheiligen.</p>",
            "<p>Circle of <b>Hugo van der Goes</b>. On the wings kneel the donors, a Ghent cloth "
            "merchant and his wife, with their patron saints.</p>",
            "<p>Entourage de <b>Hugo van der Goes</b>. Sur les volets sont agenouillés les "
            "donateurs, un marchand de drap gantois et son épouse, avec leurs saints patrons.</p>",
        ),
        alt=Text(
            "Drieluik: in het midden de drie koningen bij Maria, op de luiken knielende schenkers.",
            "Triptych: the three kings before Mary in the centre, kneeling donors on the wings.",
            "Triptyque : au centre, les trois rois devant Marie ; sur les volets, des donateurs "
            "agenouillés.",
        ),
        date=Text("ca. 1480–1490", "c. 1480–1490", "vers 1480–1490"),
        years=(1480, 1490),
        dimensions="86 × 142 cm",
        credit=FRIENDS,
        makers=("hugo-van-der-goes",),
        materials=OAK_PANEL,
        periods=("early-netherlandish",),
    ),
    ObjectRecord(
        "MAL.1923.010",
        "painting-portrait",
        title=Text(
            "Portret van een jonge vrouw", "Portrait of a young woman", "Portrait d'une jeune femme"
        ),
        description=Text(
            "<p>Toegeschreven aan <b>Hans Memling</b>. Het landschap achter de sitter loopt "
            "door in een verloren tweede paneel: dit was de rechterhelft van een tweeluik.</p>",
            "<p>Attributed to <b>Hans Memling</b>. The landscape behind the sitter continued on "
            "a lost second panel: this was the right half of a diptych.</p>",
            "<p>Attribué à <b>Hans Memling</b>. Le paysage derrière le modèle se poursuivait sur "
            "un second panneau, aujourd'hui perdu : c'était la moitié droite d'un diptyque.</p>",
        ),
        alt=Text(
            "Jonge vrouw met een witte kap en gevouwen handen voor een venster op een landschap.",
            "Young woman in a white headdress with folded hands before a window onto a landscape.",
            "Jeune femme coiffée d'un bonnet blanc, les mains jointes, devant une fenêtre ouverte "
            "sur un paysage.",
        ),
        date=Text("ca. 1480–1485", "c. 1480–1485", "vers 1480–1485"),
        years=(1480, 1485),
        dimensions="44 × 32 cm",
        credit=Text("Aankoop, 1923", "Purchased, 1923", "Achat, 1923"),
        makers=("hans-memling",),
        materials=OAK_PANEL,
        periods=("early-netherlandish",),
    ),
    ObjectRecord(
        "MAL.1978.003",
        "painting-religious",
        title=Text(
            "Rust op de vlucht naar Egypte",
            "Rest on the Flight into Egypt",
            "Le Repos pendant la fuite en Égypte",
        ),
        description=Text(
            "<p>Werkplaats van <b>Gerard David</b>. Een van de vele varianten die in Brugge "
            "voor de open markt werden geschilderd.</p>",
            "<p>Workshop of <b>Gerard David</b>. One of many variants painted in Bruges for the "
            "open market.</p>",
            "<p>Atelier de <b>Gérard David</b>. L'une des nombreuses variantes peintes à Bruges "
            "pour le marché libre.</p>",
        ),
        alt=Text(
            "Maria zit met het kind in een bosrijk landschap; Jozef plukt noten op de achtergrond.",
            "Mary sits with the child in a wooded landscape; Joseph gathers nuts behind them.",
            "Marie est assise avec l'enfant dans un paysage boisé ; à l'arrière-plan, Joseph "
            "cueille des noix.",
        ),
        date=Text("ca. 1510–1520", "c. 1510–1520", "vers 1510–1520"),
        years=(1510, 1520),
        dimensions="45 × 39 cm",
        credit=FLEMISH,
        makers=("gerard-david",),
        materials=OAK_PANEL,
        periods=("early-netherlandish",),
    ),
    ObjectRecord(
        "MAL.1936.002",
        "painting-religious",
        title=Text(
            "De heilige Hiëronymus in gebed", "Saint Jerome at prayer", "Saint Jérôme en prière"
        ),
        description=Text(
            "<p>Navolger van <b>Jheronimus Bosch</b>. Tussen de rotsen loeren de kleine "
            "monsters die kopers in Antwerpen bij Bosch zochten.</p>",
            "<p>Follower of <b>Hieronymus Bosch</b>. Among the rocks lurk the small monsters "
            "that buyers in Antwerp looked for in Bosch.</p>",
            "<p>Suiveur de <b>Jérôme Bosch</b>. Entre les rochers guettent les petits monstres "
            "que les acheteurs anversois recherchaient chez Bosch.</p>",
        ),
        alt=Text(
            "Een knielende heilige in een rotslandschap vol vreemde kleine wezens.",
            "A kneeling saint in a rocky landscape full of strange small creatures.",
            "Un saint agenouillé dans un paysage rocheux peuplé d'étranges petites créatures.",
        ),
        date=Text("ca. 1530–1550", "c. 1530–1550", "vers 1530–1550"),
        years=(1530, 1550),
        dimensions="51 × 38 cm",
        credit=SCHOLTE,
        makers=("hieronymus-bosch",),
        materials=OAK_PANEL,
        periods=(
            "early-netherlandish",
            "renaissance",
        ),
    ),
    ObjectRecord(
        "MAL.1972.006",
        "painting-portrait",
        title=Text(
            "Portret van een man met een gebedenboek",
            "Portrait of a man with a prayer book",
            "Portrait d'homme au livre de prières",
        ),
        description=Text(
            "<p>Kring van <b>Petrus Christus</b>. De sitter zit in een hoek van een kamer, een "
            "ruimtelijke opstelling die Christus als een van de eersten in Brugge gebruikte.</p>",
            "<p>Circle of <b>Petrus Christus</b>. The sitter is placed in the corner of a room, "
            "a spatial setting Christus was among the first in Bruges to use.</p>",
            "<p>Entourage de <b>Petrus Christus</b>. Le modèle est placé dans l'angle "
            "d'une pièce, un cadre spatial que Christus fut parmi les premiers à "
            "Bruges à employer.</p>",
        ),
        alt=Text(
            "Man in een zwart wambuis met een open boek, in de hoek van een kamer.",
            "Man in a black doublet holding an open book, in the corner of a room.",
            "Homme en pourpoint noir tenant un livre ouvert, dans l'angle d'une pièce.",
        ),
        date=Text("ca. 1460–1470", "c. 1460–1470", "vers 1460–1470"),
        years=(1460, 1470),
        dimensions="29 × 21 cm",
        credit=Text("Aankoop, 1972", "Purchased, 1972", "Achat, 1972"),
        makers=("petrus-christus",),
        materials=OAK_PANEL,
        periods=("early-netherlandish",),
    ),
    ObjectRecord(
        "MAL.1940.005",
        "painting-religious",
        title=Text(
            "Paneel met de Annunciatie", "Panel with the Annunciation", "Panneau de l'Annonciation"
        ),
        description=Text(
            "<p>Navolger van de <b>Meester van Flémalle</b>. De gouden achtergrond is "
            "in bladgoud aangebracht, de figuren in tempera en olie.</p>",
            "<p>Follower of the <b>Master of Flémalle</b>. The gold ground is laid in gold leaf, "
            "the figures in tempera and oil.</p>",
            "<p>Suiveur du <b>Maître de Flémalle</b>. Le fond d'or est posé à la feuille d'or, "
            "les figures sont peintes à la détrempe et à l'huile.</p>",
        ),
        alt=Text(
            "De engel Gabriël knielt voor Maria tegen een gouden achtergrond.",
            "The angel Gabriel kneels before Mary against a gold ground.",
            "L'ange Gabriel agenouillé devant Marie, sur un fond d'or.",
        ),
        date=Text("ca. 1440–1450", "c. 1440–1450", "vers 1440–1450"),
        years=(1440, 1450),
        dimensions="58 × 36 cm",
        credit=Text(
            "In bruikleen van de Kerkfabriek Sint-Jacob, Gent",
            "On loan from the church council of Saint James, Ghent",
            "Prêt de la fabrique d'église Saint-Jacques, Gand",
        ),
        makers=("master-of-flemalle",),
        materials=("tempera", "oil-paint", "gold-leaf", "oak"),
        periods=(
            "early-netherlandish",
            "gothic",
        ),
    ),
    ObjectRecord(
        "MAL.1931.007",
        "painting-winter",
        title=Text(
            "Winterlandschap met schaatsers",
            "Winter landscape with skaters",
            "Paysage d'hiver avec patineurs",
        ),
        description=Text(
            "<p>Navolger van <b>Pieter Bruegel de Oude</b>, naar diens <i>Winterlandschap "
            "met vogelknip</i>. Talloze kopieën vonden hun weg naar Vlaamse interieurs.</p>",
            "<p>Follower of <b>Pieter Bruegel the Elder</b>, after his <i>Winter landscape with "
            "a bird trap</i>. Countless copies found their way into Flemish homes.</p>",
            "<p>Suiveur de <b>Pieter Bruegel l'Ancien</b>, d'après son <i>Paysage d'hiver avec "
            "trappe aux oiseaux</i>. D'innombrables copies ont trouvé place dans les intérieurs "
            "flamands.</p>",
        ),
        alt=Text(
            "Besneeuwd dorp met schaatsers op een bevroren rivier en kale bomen.",
            "Snow-covered village with skaters on a frozen river and bare trees.",
            "Village enneigé, avec des patineurs sur une rivière gelée et des arbres dénudés.",
        ),
        date=Text("ca. 1600–1620", "c. 1600–1620", "vers 1600–1620"),
        years=(1600, 1620),
        dimensions="38 × 56 cm",
        credit=Text(
            "Schenking van Marie Goethals, 1931",
            "Gift of Marie Goethals, 1931",
            "Don de Marie Goethals, 1931",
        ),
        makers=("pieter-bruegel",),
        materials=OAK_PANEL,
        periods=("baroque",),
    ),
    ObjectRecord(
        "MAL.1912.003",
        "painting-company",
        title=Text("Boerenbruiloft", "Peasant wedding", "Noce paysanne"),
        description=Text(
            "<p>Naar <b>Pieter Bruegel de Oude</b>. De bruid zit onder een groen doek; de "
            "bruidegom is, zoals bij Bruegel, niet met zekerheid aan te wijzen.</p>",
            "<p>After <b>Pieter Bruegel the Elder</b>. The bride sits beneath a green cloth; as "
            "in Bruegel, the groom cannot be identified with certainty.</p>",
            "<p>D'après <b>Pieter Bruegel l'Ancien</b>. La mariée est assise sous un drap vert ; "
            "comme chez Bruegel, le marié ne peut être désigné avec certitude.</p>",
        ),
        alt=Text(
            "Feestende boeren aan een lange tafel in een schuur; iemand heft een kan.",
            "Peasants feasting at a long table in a barn; one raises a jug.",
            "Des paysans festoient à une longue table dans une grange ; l'un d'eux lève une "
            "cruche.",
        ),
        date=Text("ca. 1610–1630", "c. 1610–1630", "vers 1610–1630"),
        years=(1610, 1630),
        dimensions="74 × 104 cm",
        credit=SCHOLTE,
        makers=("pieter-bruegel",),
        materials=OAK_PANEL,
        periods=("baroque",),
    ),
    ObjectRecord(
        "MAL.1965.001",
        "painting-sketch",
        title=Text(
            "Olieverfschets voor een Kruisafneming",
            "Oil sketch for a Descent from the Cross",
            "Esquisse à l'huile pour une Descente de croix",
        ),
        description=Text(
            "<p><b>Peter Paul Rubens</b> schilderde zulke schetsen snel en dun, als voorbeeld "
            "voor zijn assistenten. De grijsbruine imprimatura blijft overal zichtbaar.</p>",
            "<p><b>Peter Paul Rubens</b> painted sketches like this quickly and thinly, as models "
            "for his assistants. The grey-brown priming shows through everywhere.</p>",
            "<p><b>Pierre Paul Rubens</b> peignait ce genre d'esquisses vite et en couches "
            "minces, comme modèles pour ses assistants. L'imprimature gris-brun transparaît "
            "partout.</p>",
        ),
        alt=Text(
            "Losse, snelle penseelstreken van figuren die een lichaam van een kruis laten zakken.",
            "Loose, quick brushstrokes of figures lowering a body from a cross.",
            "Touches de pinceau libres et rapides : des figures descendent un corps de la croix.",
        ),
        date=Text("ca. 1611–1612", "c. 1611–1612", "vers 1611–1612"),
        years=(1611, 1612),
        dimensions="44 × 31 cm",
        credit=Text(
            "Aankoop met steun van de Koning Boudewijnstichting, 1965",
            "Purchased with the support of the King Baudouin Foundation, 1965",
            "Achat avec le soutien de la Fondation Roi Baudouin, 1965",
        ),
        makers=("rubens",),
        materials=OAK_PANEL,
        periods=("baroque",),
    ),
    ObjectRecord(
        "MAL.1987.005",
        "painting-portrait",
        title=Text(
            "Portret van een Gentse schepen",
            "Portrait of a Ghent alderman",
            "Portrait d'un échevin gantois",
        ),
        description=Text(
            "<p><b>Antoon van Dyck</b> schilderde de schepen kort na zijn terugkeer uit Italië. "
            "De witte molensteenkraag was toen in Gent al wat ouderwets.</p>",
            "<p><b>Anthony van Dyck</b> painted the alderman shortly after his return from Italy. "
            "The white millstone ruff was by then a little old-fashioned in Ghent.</p>",
            "<p><b>Antoine van Dyck</b> a peint l'échevin peu après son retour d'Italie. La "
            "fraise blanche en meule de moulin était alors déjà un peu démodée à Gand.</p>",
        ),
        alt=Text(
            "Man in zwart met een grote witte kraag en een gouden ketting.",
            "Man in black with a large white ruff and a gold chain.",
            "Homme vêtu de noir, avec une grande fraise blanche et une chaîne d'or.",
        ),
        date=Text("ca. 1628–1632", "c. 1628–1632", "vers 1628–1632"),
        years=(1628, 1632),
        dimensions="116 × 92 cm",
        credit=FLEMISH,
        makers=("van-dyck",),
        materials=CANVAS,
        periods=("baroque",),
    ),
    ObjectRecord(
        "MAL.2004.002",
        "painting-still-life",
        title=Text(
            "Stilleven met kazen, brood en een roemer",
            "Still life with cheeses, bread and a roemer",
            "Nature morte aux fromages, au pain et au roemer",
        ),
        description=Text(
            "<p><b>Clara Peeters</b> schilderde zichzelf klein weerspiegeld in de bolle roemer. "
            "Het mes met haar naam op het heft is een tweede signatuur.</p>",
            "<p><b>Clara Peeters</b> painted a tiny reflection of herself in the roemer. The knife "
            "with her name on the handle is a second signature.</p>",
            "<p><b>Clara Peeters</b> s'est peinte en un minuscule reflet sur le roemer. Le "
            "couteau portant son nom sur le manche est une seconde signature.</p>",
        ),
        alt=Text(
            "Tafel met kazen op een tinnen bord, brood, een mes en een groene roemer met wijn.",
            "Table with cheeses on a pewter plate, bread, a knife and a green roemer of wine.",
            "Table avec des fromages sur une assiette d'étain, du pain, un couteau et un roemer "
            "vert rempli de vin.",
        ),
        date=Text("ca. 1612–1615", "c. 1612–1615", "vers 1612–1615"),
        years=(1612, 1615),
        dimensions="35 × 49 cm",
        credit=FRIENDS,
        makers=("clara-peeters",),
        materials=OAK_PANEL,
        periods=("baroque",),
    ),
    ObjectRecord(
        "MAL.1999.011",
        "painting-flowers",
        title=Text(
            "Bloemstuk in een glazen vaas",
            "Flowers in a glass vase",
            "Bouquet de fleurs dans un vase de verre",
        ),
        description=Text(
            "<p>Antwerpse meester, anoniem. Tulpen, rozen en een iris die nooit tegelijk "
            "bloeiden: het boeket is samengesteld uit studies over meerdere seizoenen.</p>",
            "<p>Antwerp master, anonymous. Tulips, roses and an iris that never bloomed at the "
            "same time: the bouquet was composed from studies made over several seasons.</p>",
            "<p>Maître anversois anonyme. Des tulipes, des roses et un iris qui ne fleurissent "
            "jamais en même temps : le bouquet est composé d'études faites au fil de plusieurs "
            "saisons.</p>",
        ),
        alt=Text(
            "Weelderig boeket van rode, witte en gele bloemen in een glazen vaas op een tafel.",
            "Lavish bouquet of red, white and yellow flowers in a glass vase on a table.",
            "Bouquet opulent de fleurs rouges, blanches et jaunes dans un vase de verre posé sur "
            "une table.",
        ),
        date=Text("ca. 1620–1640", "c. 1620–1640", "vers 1620–1640"),
        years=(1620, 1640),
        dimensions="52 × 38 cm",
        credit=Text(
            "Legaat Jeanne Van Acker, 1999",
            "Bequest of Jeanne Van Acker, 1999",
            "Legs Jeanne Van Acker, 1999",
        ),
        materials=("oil-paint", "copper"),
        periods=("baroque",),
    ),
    ObjectRecord(
        "MAL.1958.004",
        "painting-landscape",
        title=Text(
            "Gezicht op Gent vanaf de Leie",
            "View of Ghent from the Leie",
            "Vue de Gand depuis la Lys",
        ),
        description=Text(
            "<p>Gentse meester, anoniem. Het stadsgezicht toont de torens van Sint-Baafs en het "
            "Belfort boven de kaaien, met schepen die graan lossen.</p>",
            "<p>Ghent master, anonymous. The view shows the towers of Saint Bavo's and the "
            "Belfry above the quays, with boats unloading grain.</p>",
            "<p>Maître gantois anonyme. La vue montre les tours de Saint-Bavon et du "
            "beffroi au-dessus des quais, où des bateaux déchargent du grain.</p>",
        ),
        alt=Text(
            "Rivierlandschap met een stad aan de horizon, torens en een zonnige lucht.",
            "River landscape with a town on the horizon, towers and a sunny sky.",
            "Paysage fluvial avec une ville à l'horizon, des tours et un ciel ensoleillé.",
        ),
        date=Text("ca. 1650–1670", "c. 1650–1670", "vers 1650–1670"),
        years=(1650, 1670),
        dimensions="64 × 96 cm",
        credit=Text("Aankoop, 1958", "Purchased, 1958", "Achat, 1958"),
        materials=CANVAS,
        periods=("baroque",),
    ),
    ObjectRecord(
        "MAL.1993.001",
        "painting-company",
        title=Text("Vrolijk gezelschap", "Merry company", "Joyeuse compagnie"),
        description=Text(
            "<p>Kring van <b>Frans Hals</b>. De losse toets en de lachende gezichten volgen "
            "Hals, maar de compositie is stijver dan bij de meester zelf.</p>",
            "<p>Circle of <b>Frans Hals</b>. The loose touch and laughing faces follow Hals, "
            "but the composition is stiffer than in the master's own work.</p>",
            "<p>Entourage de <b>Frans Hals</b>. La touche libre et les visages rieurs "
            "suivent Hals, mais la composition est plus raide que dans l'œuvre du "
            "maître lui-même.</p>",
        ),
        alt=Text(
            "Lachende mannen en vrouwen rond een tafel; een man heft zijn glas.",
            "Laughing men and women around a table; a man raises his glass.",
            "Hommes et femmes riant autour d'une table ; un homme lève son verre.",
        ),
        date=Text("ca. 1625–1630", "c. 1625–1630", "vers 1625–1630"),
        years=(1625, 1630),
        dimensions="81 × 112 cm",
        credit=Text(
            "Schenking van Paul en Lea Mertens, 1993",
            "Gift of Paul and Lea Mertens, 1993",
            "Don de Paul et Lea Mertens, 1993",
        ),
        makers=("frans-hals",),
        materials=CANVAS,
        periods=(
            "golden-age",
            "baroque",
        ),
    ),
)
