"""Silver, metalwork, glass, porcelain and textiles in the demo museum.

Most applied art has no known maker in the authority file (silversmiths are known by
their marks, weavers by their town), so these objects carry materials but few makers.
"""

from museum_site.demo.records import ObjectRecord, Text

GUILDS = Text(
    "In bewaring gegeven door de Gentse schuttersgilden, 1909",
    "Deposited by the Ghent guilds of archers, 1909",
)
CHINA = Text(
    "Verzameling Alfons en Rosa De Clercq, 1950", "Collection of Alfons and Rosa De Clercq, 1950"
)

SILVER_AND_METAL = (
    ObjectRecord(
        "MAL.1921.040",
        "silver-cup",
        title=Text(
            "Drinkbeker van de Sint-Jorisgilde", "Drinking cup of the Guild of Saint George"
        ),
        description=Text(
            "<p>Gent, 1654. De beker draagt de stadskeur, het jaarletter en het meesterteken van "
            "een nog niet geïdentificeerde zilversmid.</p>",
            "<p>Ghent, 1654. The cup bears the town mark, date letter and maker's mark of a "
            "silversmith not yet identified.</p>",
        ),
        alt=Text(
            "Glanzende zilveren beker op een slanke voet tegen een grijze achtergrond.",
            "Gleaming silver cup on a slender stem against a grey background.",
        ),
        date=Text("1654", "1654"),
        years=(1654, 1654),
        dimensions="18 × 11 cm",
        credit=GUILDS,
        materials=("silver",),
        periods=("baroque",),
    ),
    ObjectRecord(
        "MAL.1921.041",
        "gilt-cup",
        title=Text("Bokaal met deksel", "Covered cup"),
        description=Text(
            "<p>Antwerpen, ca. 1600. Verguld zilver, gedreven met vruchtentrossen. Zulke bokalen "
            "werden geschonken bij het aantreden van een nieuwe deken.</p>",
            "<p>Antwerp, c. 1600. Silver gilt, chased with bunches of fruit. Cups like this were "
            "presented when a new dean took office.</p>",
        ),
        alt=Text(
            "Vergulde bokaal met deksel en hoge voet, rijk versierd.",
            "Gilded covered cup on a tall foot, richly decorated.",
        ),
        date=Text("ca. 1600", "c. 1600"),
        years=(1595, 1605),
        dimensions="38 × 13 cm",
        credit=GUILDS,
        materials=("silver", "gold"),
        periods=("renaissance",),
    ),
    ObjectRecord(
        "MAL.1930.009",
        "chalice",
        title=Text("Miskelk met het wapen van de schenker", "Chalice with the donor's arms"),
        description=Text(
            "<p>Gent, 1632. Op de voet staan het wapen en de naam van de schenker, een "
            "kanunnik van Sint-Baafs.</p>",
            "<p>Ghent, 1632. The foot carries the arms and name of the donor, a canon of Saint "
            "Bavo's.</p>",
        ),
        alt=Text(
            "Vergulde kelk met een brede cuppa en een geprofileerde stam.",
            "Gilded chalice with a wide cup and a moulded stem.",
        ),
        date=Text("1632", "1632"),
        years=(1632, 1632),
        dimensions="24 × 15 cm",
        credit=Text(
            "In bruikleen van de Sint-Baafskathedraal", "On loan from Saint Bavo's Cathedral"
        ),
        materials=("silver", "gold"),
        periods=("baroque",),
    ),
    ObjectRecord(
        "MAL.1966.018",
        "ewer",
        title=Text("Lampetkan", "Ewer"),
        description=Text(
            "<p>Brussel, 1735. Hoort bij een lampetschotel die verloren ging; samen dienden ze "
            "om aan tafel de handen te wassen.</p>",
            "<p>Brussels, 1735. Belonged with a basin, now lost; together they were used to wash "
            "hands at table.</p>",
        ),
        alt=Text(
            "Zilveren schenkkan met een sierlijk oor en een brede tuit.",
            "Silver ewer with an elegant handle and a wide spout.",
        ),
        date=Text("1735", "1735"),
        years=(1735, 1735),
        dimensions="27 × 19 cm",
        credit=Text("Aankoop, 1966", "Purchased, 1966"),
        materials=("silver",),
        periods=("rococo",),
    ),
    ObjectRecord(
        "MAL.1984.007",
        "coffee-pot",
        title=Text("Koffiekan", "Coffee pot"),
        description=Text(
            "<p>Gent, 1772. Het houten handvat houdt de hand koel: koffie werd in Gentse "
            "burgerhuizen pas in de achttiende eeuw een dagelijkse drank.</p>",
            "<p>Ghent, 1772. The wooden handle keeps the hand cool: coffee only became a daily "
            "drink in Ghent households in the eighteenth century.</p>",
        ),
        alt=Text(
            "Peervormige zilveren koffiekan met een donker houten handvat.",
            "Pear-shaped silver coffee pot with a dark wooden handle.",
        ),
        date=Text("1772", "1772"),
        years=(1772, 1772),
        dimensions="30 × 22 cm",
        credit=Text("Schenking van Willy Bracke, 1984", "Gift of Willy Bracke, 1984"),
        materials=("silver", "wood"),
        periods=("rococo",),
    ),
    ObjectRecord(
        "MAL.1909.022",
        "guild-chain",
        title=Text(
            "Koningsbreuk van de Sint-Sebastiaansgilde",
            "King's collar of the Guild of Saint Sebastian",
        ),
        description=Text(
            "<p>Gent, zestiende tot achttiende eeuw. Elke schutterskoning voegde een zilveren "
            "schildje toe, zodat de breuk een kroniek van de gilde werd.</p>",
            "<p>Ghent, sixteenth to eighteenth century. Every shooting king added a silver "
            "plaque, so the collar became a chronicle of the guild.</p>",
        ),
        alt=Text(
            "Zilveren schakelketting met een groot schildvormig hangstuk.",
            "Silver chain of links with a large shield-shaped pendant.",
        ),
        date=Text("ca. 1550–1780", "c. 1550–1780"),
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
        title=Text("Vijzel met jaartal 1568", "Mortar dated 1568"),
        description=Text(
            "<p>Mechelen, 1568. Mechelse klokgieters goten in hun vrije ovenruimte ook vijzels "
            "voor apothekers; het opschrift noemt de eerste eigenaar.</p>",
            "<p>Mechelen, 1568. Mechelen bell-founders also cast mortars for apothecaries; the "
            "inscription names the first owner.</p>",
        ),
        alt=Text(
            "Bronzen vijzel met twee oren en twee sierbanden.",
            "Bronze mortar with two handles and two moulded bands.",
        ),
        date=Text("1568", "1568"),
        years=(1568, 1568),
        dimensions="14 × 17 cm",
        credit=Text("Aankoop, 1927", "Purchased, 1927"),
        materials=("bronze",),
        periods=("renaissance",),
    ),
    ObjectRecord(
        "MAL.1927.014",
        "brass-candlestick",
        title=Text("Kandelaar", "Candlestick"),
        description=Text(
            "<p>Zuidelijke Nederlanden, ca. 1500. Geelkoperen kandelaars als deze staan op "
            "talloze Vlaamse schilderijen, van huiskamers tot altaren.</p>",
            "<p>Southern Netherlands, c. 1500. Brass candlesticks like this appear in countless "
            "Flemish paintings, from living rooms to altars.</p>",
        ),
        alt=Text(
            "Hoge messing kandelaar met ringen op de stam en een brede voet.",
            "Tall brass candlestick with rings on the stem and a wide foot.",
        ),
        date=Text("ca. 1500", "c. 1500"),
        years=(1490, 1510),
        dimensions="32 × 15 cm",
        credit=Text("Aankoop, 1927", "Purchased, 1927"),
        materials=("brass",),
        periods=("gothic",),
    ),
)

GLASS_AND_PORCELAIN = (
    ObjectRecord(
        "MAL.1911.030",
        "roemer",
        title=Text("Roemer", "Roemer"),
        description=Text(
            "<p>Zuidelijke Nederlanden of Rijnland, zeventiende eeuw. Groen woudglas met "
            "braampunten op de stam, zodat het glas niet uit vette vingers glipte.</p>",
            "<p>Southern Netherlands or Rhineland, seventeenth century. Green forest glass with "
            "prunts on the stem, so it would not slip from greasy fingers.</p>",
        ),
        alt=Text(
            "Groen wijnglas met een bolle kelk en noppen op de holle stam.",
            "Green wine glass with a round bowl and prunts on the hollow stem.",
        ),
        date=Text("ca. 1620–1680", "c. 1620–1680"),
        years=(1620, 1680),
        dimensions="20 × 11 cm",
        credit=Text("Aankoop, 1911", "Purchased, 1911"),
        materials=("glass",),
        periods=("golden-age",),
    ),
    ObjectRecord(
        "MAL.1950.031",
        "kraak-bowl",
        title=Text("Kom van kraakporselein", "Kraak porcelain bowl"),
        description=Text(
            "<p>China, Jingdezhen, ca. 1600–1620. Kraakporselein kwam met Portugese en later "
            "Nederlandse schepen naar Europa en stond op Vlaamse stillevens.</p>",
            "<p>China, Jingdezhen, c. 1600–1620. Kraak porcelain reached Europe on Portuguese "
            "and later Dutch ships, and appears in Flemish still lifes.</p>",
        ),
        alt=Text(
            "Witte kom met blauw geschilderde vakken rond de rand.",
            "White bowl with blue-painted panels around the rim.",
        ),
        date=Text("ca. 1600–1620", "c. 1600–1620"),
        years=(1600, 1620),
        dimensions="10 × 21 cm",
        credit=CHINA,
        materials=("porcelain",),
        periods=("golden-age",),
    ),
    ObjectRecord(
        "MAL.1950.032",
        "teapot",
        title=Text("Theepot met bloemranken", "Teapot with flowering scrolls"),
        description=Text(
            "<p>China, ca. 1720–1740. Exportporselein voor de Europese markt; de Oostendse "
            "Compagnie bracht zulke serviezen rechtstreeks naar de Zuidelijke Nederlanden.</p>",
            "<p>China, c. 1720–1740. Export porcelain for the European market; the Ostend "
            "Company shipped such services straight to the Southern Netherlands.</p>",
        ),
        alt=Text(
            "Ronde witte theepot met blauwe bladranken, een tuit en een oor.",
            "Round white teapot with blue leafy scrolls, a spout and a handle.",
        ),
        date=Text("ca. 1720–1740", "c. 1720–1740"),
        years=(1720, 1740),
        dimensions="14 × 20 cm",
        credit=CHINA,
        materials=("porcelain",),
        periods=("rococo",),
    ),
    ObjectRecord(
        "MAL.1968.004",
        "plate",
        title=Text("Wapenbord van een Gentse familie", "Armorial plate of a Ghent family"),
        description=Text(
            "<p>China voor de Europese markt, ca. 1730–1740. Het wapen werd als tekening naar "
            "Kanton gestuurd; twee jaar later kwam het servies terug.</p>",
            "<p>China for the European market, c. 1730–1740. The arms were sent to Canton as a "
            "drawing; two years later the service came back.</p>",
        ),
        alt=Text(
            "Wit bord met een blauwe bladrand en in het midden een zwart-wit wapenschild.",
            "White plate with a blue leafy border and a black and white coat of arms in the middle.",
        ),
        date=Text("ca. 1730–1740", "c. 1730–1740"),
        years=(1730, 1740),
        dimensions="23 cm (diameter)",
        credit=Text("Aankoop, 1968", "Purchased, 1968"),
        materials=("porcelain",),
        periods=("rococo",),
    ),
    ObjectRecord(
        "MAL.1975.020",
        "delft-vase",
        title=Text("Vaas met blauw bladwerk", "Vase with blue foliage"),
        description=Text(
            "<p>China, Kangxi-periode, ca. 1680–1700. Delftse pottenbakkers imiteerden zulke "
            "vazen in aardewerk, omdat porselein voor velen onbetaalbaar bleef.</p>",
            "<p>China, Kangxi period, c. 1680–1700. Delft potters imitated vases like this in "
            "earthenware, as porcelain remained unaffordable for most.</p>",
        ),
        alt=Text(
            "Hoge witte vaas met blauw geschilderde bladeren op een houten tafel.",
            "Tall white vase painted with blue leaves on a wooden table.",
        ),
        date=Text("ca. 1680–1700", "c. 1680–1700"),
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
