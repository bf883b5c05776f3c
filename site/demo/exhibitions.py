"""The three exhibitions of the demo museum: one in the galleries, two online only.

Captions are written per exhibition, not copied from the object record, because the
same cup says something different in "Silver for the table" than in a guild story.
"""

from museum_site.demo.records import ChapterRecord, ExhibitionRecord, Text

MASTERS = ExhibitionRecord(
    slug=Text("van-eyck-tot-rubens", "from-van-eyck-to-rubens", "de-van-eyck-a-rubens"),
    title=Text(
        "Van Van Eyck tot Rubens. Meesters aan de Leie",
        "From Van Eyck to Rubens. Masters on the Leie",
        "De Van Eyck à Rubens. Maîtres au bord de la Lys",
    ),
    intro=Text(
        "Twee eeuwen schilderkunst uit de Zuidelijke Nederlanden, van het devotiepaneel tot "
        "de olieverfschets: de hoogtepunten van onze collectie, na restauratie opnieuw samen.",
        "Two centuries of painting from the Southern Netherlands, from the devotional panel "
        "to the oil sketch: the highlights of our collection, together again after "
        "conservation.",
        "Deux siècles de peinture des Pays-Bas méridionaux, du panneau de dévotion à "
        "l'esquisse à l'huile : les fleurons de notre collection, à nouveau réunis après "
        "restauration.",
    ),
    hero="MAL.1904.001",
    format="physical",
    starts_in_days=-60,
    ends_in_days=120,
    venue=Text(
        "Zalen 1–4, hoofdgebouw", "Rooms 1–4, main building", "Salles 1–4, bâtiment principal"
    ),
    chapters=(
        ChapterRecord(
            Text("De Vlaamse primitieven", "The Flemish Primitives", "Les primitifs flamands"),
            Text(
                "<p>Olieverf in dunne, doorschijnende lagen: het licht lijkt van binnenuit te "
                "komen.</p>",
                "<p>Oil paint in thin, translucent layers: the light seems to come from "
                "within.</p>",
                "<p>La peinture à l'huile en couches fines et translucides : la lumière semble venir "
                "de l'intérieur.</p>",
            ),
            (
                (
                    "MAL.1904.001",
                    Text(
                        "Na twee jaar restauratie.",
                        "After two years of conservation.",
                        "Après deux ans de restauration.",
                    ),
                ),
                (
                    "MAL.1940.005",
                    Text("Goud voor de hemel.", "Gold for heaven.", "De l'or pour le ciel."),
                ),
                (
                    "MAL.1911.004",
                    Text(
                        "Een portret als relikwie.",
                        "A portrait as a relic.",
                        "Un portrait comme une relique.",
                    ),
                ),
                (
                    "MAL.1923.010",
                    Text(
                        "De helft van een tweeluik.",
                        "Half of a diptych.",
                        "La moitié d'un diptyque.",
                    ),
                ),
                (
                    "MAL.1952.002",
                    Text("Gentse schenkers.", "Ghent donors.", "Des donateurs gantois."),
                ),
            ),
        ),
        ChapterRecord(
            Text(
                "De zestiende eeuw: markt en verbeelding",
                "The sixteenth century: market and imagination",
                "Le XVIe siècle : marché et imagination",
            ),
            Text(
                "<p>Antwerpen wordt de grootste kunstmarkt van Europa; schilders werken voor "
                "kopers die ze nooit ontmoeten.</p>",
                "<p>Antwerp becomes Europe's largest art market; painters work for buyers they "
                "never meet.</p>",
                "<p>Anvers devient le plus grand marché de l'art d'Europe ; les peintres travaillent "
                "pour des acheteurs qu'ils ne rencontreront jamais.</p>",
            ),
            (
                (
                    "MAL.1978.003",
                    Text(
                        "Een variant voor de vrije markt.",
                        "A variant for the open market.",
                        "Une variante pour le marché libre.",
                    ),
                ),
                (
                    "MAL.1936.002",
                    Text(
                        "Monsters verkochten goed.",
                        "Monsters sold well.",
                        "Les monstres se vendaient bien.",
                    ),
                ),
                (
                    "MAL.1931.007",
                    Text(
                        "Bruegel, keer op keer.",
                        "Bruegel, again and again.",
                        "Bruegel, encore et encore.",
                    ),
                ),
                (
                    "MAL.1912.003",
                    Text("Feest op het platteland.", "A country feast.", "Une fête au village."),
                ),
            ),
        ),
        ChapterRecord(
            Text("Barok in Antwerpen", "Baroque in Antwerp", "Le baroque à Anvers"),
            Text(
                "<p>Rubens en zijn werkplaats bepalen de smaak; Van Dyck en Clara Peeters "
                "vinden elk een eigen weg.</p>",
                "<p>Rubens and his workshop set the taste; Van Dyck and Clara Peeters each find "
                "their own way.</p>",
                "<p>Rubens et son atelier donnent le ton ; Van Dyck et Clara Peeters trouvent chacun "
                "leur propre voie.</p>",
            ),
            (
                (
                    "MAL.1965.001",
                    Text(
                        "Snel, dun en zeker.",
                        "Fast, thin and sure.",
                        "Vite, en couches minces, d'une main sûre.",
                    ),
                ),
                (
                    "MAL.1987.005",
                    Text("Een Gentse schepen.", "A Ghent alderman.", "Un échevin gantois."),
                ),
                (
                    "MAL.2004.002",
                    Text(
                        "Zoek het zelfportret.",
                        "Find the self-portrait.",
                        "Cherchez l'autoportrait.",
                    ),
                ),
                (
                    "MAL.1999.011",
                    Text(
                        "Een onmogelijk boeket.", "An impossible bouquet.", "Un bouquet impossible."
                    ),
                ),
            ),
        ),
    ),
    related_stories=("restauratie-madonna", "durer-in-gent", "bruegel-op-het-ijs"),
)

TABLE = ExhibitionRecord(
    slug=Text(
        "de-tafel-van-een-gentse-koopman",
        "a-ghent-merchants-table",
        "la-table-d-un-marchand-gantois",
    ),
    title=Text(
        "Zilver, glas en porselein. De tafel van een Gentse koopman",
        "Silver, glass and porcelain. A Ghent merchant's table",
        "Argenterie, verre et porcelaine. La table d'un marchand gantois",
    ),
    intro=Text(
        "Een online tentoonstelling over eten, drinken en pronken in Gent, van de roemer tot "
        "de koffiekan.",
        "An online exhibition about eating, drinking and showing off in Ghent, from the "
        "roemer to the coffee pot.",
        "Une exposition en ligne sur le manger, le boire et le paraître à Gand, du roemer à "
        "la cafetière.",
    ),
    hero="MAL.1921.041",
    format="online",
    starts_in_days=30,
    chapters=(
        ChapterRecord(
            Text("Drinken", "Drinking", "Boire"),
            Text(
                "<p>Wijn, bier en later koffie en thee: elke drank kreeg zijn eigen vorm.</p>",
                "<p>Wine, beer and later coffee and tea: every drink got its own shape.</p>",
                "<p>Vin, bière, puis café et thé : chaque boisson a reçu sa propre forme.</p>",
            ),
            (
                (
                    "MAL.1911.030",
                    Text(
                        "Noppen voor vette vingers.",
                        "Prunts for greasy fingers.",
                        "Des pastilles pour les doigts gras.",
                    ),
                ),
                (
                    "MAL.1921.040",
                    Text(
                        "Een beker voor de gildemaaltijd.",
                        "A cup for the guild dinner.",
                        "Une coupe pour le banquet de la guilde.",
                    ),
                ),
                (
                    "MAL.1921.041",
                    Text(
                        "Om te tonen, niet om te drinken.",
                        "For show, not for drinking.",
                        "Pour être vue, non pour boire.",
                    ),
                ),
            ),
        ),
        ChapterRecord(
            Text("Schenken", "Pouring", "Verser"),
            Text(
                "<p>Handen wassen aan tafel, koffie uit een zilveren kan: de tafel werd een "
                "toneel.</p>",
                "<p>Washing hands at table, coffee from a silver pot: the table became a "
                "stage.</p>",
                "<p>Se laver les mains à table, servir le café d'une cafetière en argent : la table "
                "devint une scène.</p>",
            ),
            (
                (
                    "MAL.1966.018",
                    Text(
                        "Water voor de handen.", "Water for the hands.", "De l'eau pour les mains."
                    ),
                ),
                (
                    "MAL.1984.007",
                    Text(
                        "Koffie wordt gewoon.",
                        "Coffee becomes ordinary.",
                        "Le café entre dans les mœurs.",
                    ),
                ),
                ("MAL.1950.032", Text("Thee uit China.", "Tea from China.", "Du thé de Chine.")),
            ),
        ),
        ChapterRecord(
            Text("Pronken", "Showing off", "Paraître"),
            Text(
                "<p>Porselein op de schouw zei meer over de eigenaar dan over het eten.</p>",
                "<p>Porcelain on the mantelpiece said more about the owner than about the "
                "food.</p>",
                "<p>La porcelaine sur la cheminée en disait plus sur son propriétaire que sur le "
                "repas.</p>",
            ),
            (
                (
                    "MAL.1950.031",
                    Text(
                        "Kraak, naar de schepen.",
                        "Kraak, after the ships.",
                        "Kraak, du nom des navires.",
                    ),
                ),
                (
                    "MAL.1968.004",
                    Text(
                        "Een wapen uit Kanton.",
                        "Arms from Canton.",
                        "Des armoiries venues de Canton.",
                    ),
                ),
                (
                    "MAL.1975.020",
                    Text("Te duur voor Delft.", "Too dear for Delft.", "Trop cher pour Delft."),
                ),
                (
                    "MAL.1927.014",
                    Text(
                        "Licht op de tafel.", "Light on the table.", "De la lumière sur la table."
                    ),
                ),
            ),
        ),
    ),
    related_stories=(
        "zilver-voor-de-gilden",
        "porselein-aan-de-leie",
        "clara-peeters-en-de-roemer",
    ),
)

DEVOTION = ExhibitionRecord(
    slug=Text("draad-en-devotie", "thread-and-devotion", "fil-et-devotion"),
    title=Text("Draad en devotie", "Thread and devotion", "Fil et dévotion"),
    intro=Text(
        "Wandtapijten, kerkgewaden en beelden: een online tentoonstelling over wat kerken en "
        "kastelen in Vlaanderen bestelden.",
        "Tapestries, vestments and sculpture: an online exhibition about what churches and "
        "castles in Flanders commissioned.",
        "Tapisseries, vêtements liturgiques et sculptures : une exposition en ligne sur ce "
        "que les églises et les châteaux de Flandre commandaient.",
    ),
    hero="MAL.1903.001",
    format="online",
    chapters=(
        ChapterRecord(
            Text("Geweven", "Woven", "Tissage"),
            Text(
                "<p>Brussel en Oudenaarde weefden voor heel Europa.</p>",
                "<p>Brussels and Oudenaarde wove for the whole of Europe.</p>",
                "<p>Bruxelles et Audenarde tissaient pour toute l'Europe.</p>",
            ),
            (
                (
                    "MAL.1903.001",
                    Text(
                        "Groen voor een kasteel.", "Green for a castle.", "Du vert pour un château."
                    ),
                ),
                (
                    "MAL.1938.006",
                    Text("Goud voor een vorst.", "Gold for a prince.", "De l'or pour un prince."),
                ),
                (
                    "MAL.1946.010",
                    Text("Zijde uit Italië.", "Silk from Italy.", "De la soie d'Italie."),
                ),
            ),
        ),
        ChapterRecord(
            Text("Voor het altaar", "For the altar", "Pour l'autel"),
            Text(
                "<p>Gewaden, kelken en beelden maakten de liturgie zichtbaar.</p>",
                "<p>Vestments, chalices and sculpture made the liturgy visible.</p>",
                "<p>Vêtements liturgiques, calices et sculptures rendaient la liturgie visible.</p>",
            ),
            (
                (
                    "MAL.1963.002",
                    Text(
                        "Or nué: goud onder zijde.",
                        "Or nué: gold under silk.",
                        "Or nué : l'or sous la soie.",
                    ),
                ),
                (
                    "MAL.1930.009",
                    Text("Een kanunnik schenkt.", "A canon's gift.", "Le don d'un chanoine."),
                ),
                (
                    "MAL.1960.011",
                    Text(
                        "Uit één tand gesneden.",
                        "Carved from one tusk.",
                        "Sculpté dans une seule défense.",
                    ),
                ),
                (
                    "MAL.1958.009",
                    Text(
                        "Terug uit de Franse tijd.",
                        "Back from the French period.",
                        "De retour après le régime français.",
                    ),
                ),
            ),
        ),
    ),
    related_stories=("wandtapijten", "een-dag-in-het-depot"),
)

EXHIBITIONS: tuple[ExhibitionRecord, ...] = (MASTERS, TABLE, DEVOTION)
FEATURED = MASTERS
