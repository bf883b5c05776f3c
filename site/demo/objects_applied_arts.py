"""Silver, metalwork, glass, porcelain and textiles in the demo museum.

Most applied art has no known maker in the authority file (silversmiths are known by
their marks, weavers by their town), so these objects carry materials but few makers.
"""

from museum_site.demo.records import ObjectRecord, Text

GUILDS = Text(
    "In bewaring gegeven door de Gentse schuttersgilden, 1909",
    "Deposited by the Ghent guilds of archers, 1909",
    "Mis en dépôt par les guildes d'archers gantoises, 1909",
)
CHINA = Text(
    "Verzameling Alfons en Rosa De Clercq, 1950",
    "Collection of Alfons and Rosa De Clercq, 1950",
    "Collection Alfons et Rosa De Clercq, 1950",
)

SILVER_AND_METAL = (
    ObjectRecord(
        "MAL.1921.040",
        "silver-cup",
        title=Text(
            "Drinkbeker van de Sint-Jorisgilde",
            "Drinking cup of the Guild of Saint George",
            "Coupe de la guilde de Saint-Georges",
        ),
        description=Text(
            "<p>Gent, 1654. De beker draagt de stadskeur, het jaarletter en het meesterteken van "
            "een nog niet geïdentificeerde zilversmid.</p>",
            "<p>Ghent, 1654. The cup bears the town mark, date letter and maker's mark of a "
            "silversmith not yet identified.</p>",
            "<p>Gand, 1654. La coupe porte le poinçon de la ville, la lettre-date et le poinçon "
            "de maître d'un orfèvre qui n'a pas encore été identifié.</p>",
        ),
        alt=Text(
            "Glanzende zilveren beker op een slanke voet tegen een grijze achtergrond.",
            "Gleaming silver cup on a slender stem against a grey background.",
            "Coupe en argent brillant sur un pied élancé, sur un fond gris.",
        ),
        date=Text("1654", "1654", "1654"),
        years=(1654, 1654),
        dimensions="18 × 11 cm",
        credit=GUILDS,
        materials=("silver",),
        periods=("baroque",),
    ),
    ObjectRecord(
        "MAL.1921.041",
        "gilt-cup",
        title=Text("Bokaal met deksel", "Covered cup", "Coupe couverte"),
        description=Text(
            "<p>Antwerpen, ca. 1600. Verguld zilver, gedreven met vruchtentrossen. Zulke bokalen "
            "werden geschonken bij het aantreden van een nieuwe deken.</p>",
            "<p>Antwerp, c. 1600. Silver gilt, chased with bunches of fruit. Cups like this were "
            "presented when a new dean took office.</p>",
            "<p>Anvers, vers 1600. Argent doré, repoussé de grappes de fruits. De telles coupes "
            "étaient offertes lors de l'entrée en fonction d'un nouveau doyen.</p>",
        ),
        alt=Text(
            "Vergulde bokaal met deksel en hoge voet, rijk versierd.",
            "Gilded covered cup on a tall foot, richly decorated.",
            "Coupe couverte dorée sur un haut pied, richement ornée.",
        ),
        date=Text("ca. 1600", "c. 1600", "vers 1600"),
        years=(1595, 1605),
        dimensions="38 × 13 cm",
        credit=GUILDS,
        materials=("silver", "gold"),
        periods=("renaissance",),
    ),
    ObjectRecord(
        "MAL.1930.009",
        "chalice",
        title=Text(
            "Miskelk met het wapen van de schenker",
            "Chalice with the donor's arms",
            "Calice aux armes du donateur",
        ),
        description=Text(
            "<p>Gent, 1632. Op de voet staan het wapen en de naam van de schenker, een "
            "kanunnik van Sint-Baafs.</p>",
            "<p>Ghent, 1632. The foot carries the arms and name of the donor, a canon of Saint "
            "Bavo's.</p>",
            "<p>Gand, 1632. Le pied porte les armoiries et le nom du donateur, un chanoine de "
            "Saint-Bavon.</p>",
        ),
        alt=Text(
            "Vergulde kelk met een brede cuppa en een geprofileerde stam.",
            "Gilded chalice with a wide cup and a moulded stem.",
            "Calice doré à large coupe et à tige moulurée.",
        ),
        date=Text("1632", "1632", "1632"),
        years=(1632, 1632),
        dimensions="24 × 15 cm",
        credit=Text(
            "In bruikleen van de Sint-Baafskathedraal",
            "On loan from Saint Bavo's Cathedral",
            "Prêt de la cathédrale Saint-Bavon",
        ),
        materials=("silver", "gold"),
        periods=("baroque",),
    ),
    ObjectRecord(
        "MAL.1966.018",
        "ewer",
        title=Text("Lampetkan", "Ewer", "Aiguière"),
        description=Text(
            "<p>Brussel, 1735. Hoort bij een lampetschotel die verloren ging; samen dienden ze "
            "om aan tafel de handen te wassen.</p>",
            "<p>Brussels, 1735. Belonged with a basin, now lost; together they were used to wash "
            "hands at table.</p>",
            "<p>Bruxelles, 1735. Elle allait de pair avec un bassin, aujourd'hui perdu ; "
            "ensemble, ils servaient à se laver les mains à table.</p>",
        ),
        alt=Text(
            "Zilveren schenkkan met een sierlijk oor en een brede tuit.",
            "Silver ewer with an elegant handle and a wide spout.",
            "Aiguière en argent avec une anse élégante et un large bec verseur.",
        ),
        date=Text("1735", "1735", "1735"),
        years=(1735, 1735),
        dimensions="27 × 19 cm",
        credit=Text("Aankoop, 1966", "Purchased, 1966", "Achat, 1966"),
        materials=("silver",),
        periods=("rococo",),
    ),
    ObjectRecord(
        "MAL.1984.007",
        "coffee-pot",
        title=Text("Koffiekan", "Coffee pot", "Cafetière"),
        description=Text(
            "<p>Gent, 1772. Het houten handvat houdt de hand koel: koffie werd in Gentse "
            "burgerhuizen pas in de achttiende eeuw een dagelijkse drank.</p>",
            "<p>Ghent, 1772. The wooden handle keeps the hand cool: coffee only became a daily "
            "drink in Ghent households in the eighteenth century.</p>",
            "<p>Gand, 1772. Le manche en bois garde la main au frais : dans les maisons "
            "bourgeoises de Gand, le café ne devint une boisson quotidienne qu'au XVIIIe "
            "siècle.</p>",
        ),
        alt=Text(
            "Peervormige zilveren koffiekan met een donker houten handvat.",
            "Pear-shaped silver coffee pot with a dark wooden handle.",
            "Cafetière piriforme en argent, avec un manche en bois sombre.",
        ),
        date=Text("1772", "1772", "1772"),
        years=(1772, 1772),
        dimensions="30 × 22 cm",
        credit=Text(
            "Schenking van Willy Bracke, 1984",
            "Gift of Willy Bracke, 1984",
            "Don de Willy Bracke, 1984",
        ),
        materials=("silver", "wood"),
        periods=("rococo",),
    ),
    ObjectRecord(
        "MAL.1909.022",
        "guild-chain",
        title=Text(
            "Koningsbreuk van de Sint-Sebastiaansgilde",
            "King's collar of the Guild of Saint Sebastian",
            "Collier du roi de la guilde de Saint-Sébastien",
        ),
        description=Text(
            "<p>Gent, zestiende tot achttiende eeuw. Elke schutterskoning voegde een zilveren "
            "schildje toe, zodat de breuk een kroniek van de gilde werd.</p>",
            "<p>Ghent, sixteenth to eighteenth century. Every shooting king added a silver "
            "plaque, so the collar became a chronicle of the guild.</p>",
            "<p>Gand, XVIe–XVIIIe siècle. Chaque roi du tir ajoutait une plaquette "
            "d'argent, si bien que le collier devint une chronique de la guilde.</p>",
        ),
        alt=Text(
            "Zilveren schakelketting met een groot schildvormig hangstuk.",
            "Silver chain of links with a large shield-shaped pendant.",
            "Chaîne d'argent à maillons avec un grand pendentif en forme d'écu.",
        ),
        date=Text("ca. 1550–1780", "c. 1550–1780", "vers 1550–1780"),
        years=(1550, 1780),
        dimensions="84 × 22 cm",
        credit=GUILDS,
        materials=("silver",),
        periods=(
            "renaissance",
            "baroque",
        ),
    ),
    ObjectRecord(
        "MAL.1927.013",
        "bronze-mortar",
        title=Text("Vijzel met jaartal 1568", "Mortar dated 1568", "Mortier daté de 1568"),
        description=Text(
            "<p>Mechelen, 1568. Mechelse klokgieters goten in hun vrije ovenruimte ook vijzels "
            "voor apothekers; het opschrift noemt de eerste eigenaar.</p>",
            "<p>Mechelen, 1568. Mechelen bell-founders also cast mortars for apothecaries; the "
            "inscription names the first owner.</p>",
            "<p>Malines, 1568. Les fondeurs de cloches malinois coulaient aussi des "
            "mortiers pour les apothicaires ; l'inscription nomme le premier "
            "propriétaire.</p>",
        ),
        alt=Text(
            "Bronzen vijzel met twee oren en twee sierbanden.",
            "Bronze mortar with two handles and two moulded bands.",
            "Mortier en bronze à deux anses et deux bandeaux moulurés.",
        ),
        date=Text("1568", "1568", "1568"),
        years=(1568, 1568),
        dimensions="14 × 17 cm",
        credit=Text("Aankoop, 1927", "Purchased, 1927", "Achat, 1927"),
        materials=("bronze",),
        periods=("renaissance",),
    ),
    ObjectRecord(
        "MAL.1927.014",
        "brass-candlestick",
        title=Text("Kandelaar", "Candlestick", "Chandelier"),
        description=Text(
            "<p>Zuidelijke Nederlanden, ca. 1500. Geelkoperen kandelaars als deze staan op "
            "talloze Vlaamse schilderijen, van huiskamers tot altaren.</p>",
            "<p>Southern Netherlands, c. 1500. Brass candlesticks like this appear in countless "
            "Flemish paintings, from living rooms to altars.</p>",
            "<p>Pays-Bas méridionaux, vers 1500. Des chandeliers en laiton comme celui-ci "
            "figurent sur d'innombrables tableaux flamands, des intérieurs domestiques aux "
            "autels.</p>",
        ),
        alt=Text(
            "Hoge messing kandelaar met ringen op de stam en een brede voet.",
            "Tall brass candlestick with rings on the stem and a wide foot.",
            "Haut chandelier en laiton, à la tige annelée et au large pied.",
        ),
        date=Text("ca. 1500", "c. 1500", "vers 1500"),
        years=(1490, 1510),
        dimensions="32 × 15 cm",
        credit=Text("Aankoop, 1927", "Purchased, 1927", "Achat, 1927"),
        materials=("brass",),
        periods=("gothic",),
    ),
)

GLASS_AND_PORCELAIN = (
    ObjectRecord(
        "MAL.1911.030",
        "roemer",
        title=Text("Roemer", "Roemer", "Roemer"),
        description=Text(
            "<p>Zuidelijke Nederlanden of Rijnland, zeventiende eeuw. Groen woudglas met "
            "braampunten op de stam, zodat het glas niet uit vette vingers glipte.</p>",
            "<p>Southern Netherlands or Rhineland, seventeenth century. Green forest glass with "
            "prunts on the stem, so it would not slip from greasy fingers.</p>",
            "<p>Pays-Bas méridionaux ou Rhénanie, XVIIe siècle. Verre forestier vert, la tige "
            "garnie de pastilles framboisées pour que le verre ne glisse pas des doigts gras.</p>",
        ),
        alt=Text(
            "Groen wijnglas met een bolle kelk en noppen op de holle stam.",
            "Green wine glass with a round bowl and prunts on the hollow stem.",
            "Verre à vin vert à coupe ronde, la tige creuse garnie de pastilles.",
        ),
        date=Text("ca. 1620–1680", "c. 1620–1680", "vers 1620–1680"),
        years=(1620, 1680),
        dimensions="20 × 11 cm",
        credit=Text("Aankoop, 1911", "Purchased, 1911", "Achat, 1911"),
        materials=("glass",),
        periods=("golden-age",),
    ),
    ObjectRecord(
        "MAL.1950.031",
        "kraak-bowl",
        title=Text("Kom van kraakporselein", "Kraak porcelain bowl", "Bol en porcelaine kraak"),
        description=Text(
            "<p>China, Jingdezhen, ca. 1600–1620. Kraakporselein kwam met Portugese en later "
            "Nederlandse schepen naar Europa en stond op Vlaamse stillevens.</p>",
            "<p>China, Jingdezhen, c. 1600–1620. Kraak porcelain reached Europe on Portuguese "
            "and later Dutch ships, and appears in Flemish still lifes.</p>",
            "<p>Chine, Jingdezhen, vers 1600–1620. La porcelaine kraak est arrivée en Europe sur "
            "des navires portugais, puis hollandais, et figure dans les natures mortes "
            "flamandes.</p>",
        ),
        alt=Text(
            "Witte kom met blauw geschilderde vakken rond de rand.",
            "White bowl with blue-painted panels around the rim.",
            "Bol blanc orné de compartiments peints en bleu autour du bord.",
        ),
        date=Text("ca. 1600–1620", "c. 1600–1620", "vers 1600–1620"),
        years=(1600, 1620),
        dimensions="10 × 21 cm",
        credit=CHINA,
        materials=("porcelain",),
        periods=("golden-age",),
    ),
    ObjectRecord(
        "MAL.1950.032",
        "teapot",
        title=Text(
            "Theepot met bloemranken", "Teapot with flowering scrolls", "Théière à rinceaux fleuris"
        ),
        description=Text(
            "<p>China, ca. 1720–1740. Exportporselein voor de Europese markt; de Oostendse "
            "Compagnie bracht zulke serviezen rechtstreeks naar de Zuidelijke Nederlanden.</p>",
            "<p>China, c. 1720–1740. Export porcelain for the European market; the Ostend "
            "Company shipped such services straight to the Southern Netherlands.</p>",
            "<p>Chine, vers 1720–1740. Porcelaine d'exportation pour le marché européen ; la "
            "Compagnie d'Ostende rapportait de tels services directement dans les Pays-Bas "
            "méridionaux.</p>",
        ),
        alt=Text(
            "Ronde witte theepot met blauwe bladranken, een tuit en een oor.",
            "Round white teapot with blue leafy scrolls, a spout and a handle.",
            "Théière ronde et blanche ornée de rinceaux feuillagés bleus, avec un bec et une anse.",
        ),
        date=Text("ca. 1720–1740", "c. 1720–1740", "vers 1720–1740"),
        years=(1720, 1740),
        dimensions="14 × 20 cm",
        credit=CHINA,
        materials=("porcelain",),
        periods=("rococo",),
    ),
    ObjectRecord(
        "MAL.1968.004",
        "plate",
        title=Text(
            "Wapenbord van een Gentse familie",
            "Armorial plate of a Ghent family",
            "Assiette armoriée d'une famille gantoise",
        ),
        description=Text(
            "<p>China voor de Europese markt, ca. 1730–1740. Het wapen werd als tekening naar "
            "Kanton gestuurd; twee jaar later kwam het servies terug.</p>",
            "<p>China for the European market, c. 1730–1740. The arms were sent to Canton as a "
            "drawing; two years later the service came back.</p>",
            "<p>Chine, pour le marché européen, vers 1730–1740. Les armoiries furent envoyées à "
            "Canton sous forme de dessin ; deux ans plus tard, le service revint.</p>",
        ),
        alt=Text(
            "Wit bord met een blauwe bladrand en in het midden een zwart-wit wapenschild.",
            "White plate with a blue leafy border and a black and white coat of arms in the middle.",
            "Assiette blanche à bordure de feuillages bleus, avec au centre des armoiries en noir "
            "et blanc.",
        ),
        date=Text("ca. 1730–1740", "c. 1730–1740", "vers 1730–1740"),
        years=(1730, 1740),
        dimensions="23 cm (diameter)",
        credit=Text("Aankoop, 1968", "Purchased, 1968", "Achat, 1968"),
        materials=("porcelain",),
        periods=("rococo",),
    ),
    ObjectRecord(
        "MAL.1975.020",
        "delft-vase",
        title=Text("Vaas met blauw bladwerk", "Vase with blue foliage", "Vase à feuillages bleus"),
        description=Text(
            "<p>China, Kangxi-periode, ca. 1680–1700. Delftse pottenbakkers imiteerden zulke "
            "vazen in aardewerk, omdat porselein voor velen onbetaalbaar bleef.</p>",
            "<p>China, Kangxi period, c. 1680–1700. Delft potters imitated vases like this in "
            "earthenware, as porcelain remained unaffordable for most.</p>",
            "<p>Chine, époque Kangxi, vers 1680–1700. Les potiers de Delft imitaient ce genre de "
            "vases en faïence, car la porcelaine restait hors de prix pour la plupart.</p>",
        ),
        alt=Text(
            "Hoge witte vaas met blauw geschilderde bladeren op een houten tafel.",
            "Tall white vase painted with blue leaves on a wooden table.",
            "Haut vase blanc peint de feuilles bleues, sur une table en bois.",
        ),
        date=Text("ca. 1680–1700", "c. 1680–1700", "vers 1680–1700"),
        years=(1680, 1700),
        dimensions="44 × 22 cm",
        credit=CHINA,
        materials=("porcelain",),
        periods=(
            "golden-age",
            "baroque",
        ),
    ),
)
