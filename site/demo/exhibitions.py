"""The three exhibitions of the demo museum: one in the galleries, two online only.

Captions are written per exhibition, not copied from the object record, because the
same cup says something different in "Silver for the table" than in a guild story.
"""

import datetime

from museum_site.demo.records import ChapterRecord, ExhibitionRecord, Text

MASTERS = ExhibitionRecord(
    slug=Text("van-eyck-tot-rubens", "from-van-eyck-to-rubens"),
    title=Text(
        "Van Van Eyck tot Rubens. Meesters aan de Leie",
        "From Van Eyck to Rubens. Masters on the Lys",
    ),
    intro=Text(
        "Twee eeuwen schilderkunst uit de Zuidelijke Nederlanden, van het devotiepaneel tot "
        "de olieverfschets: de hoogtepunten van onze collectie, na restauratie opnieuw samen.",
        "Two centuries of painting from the Southern Netherlands, from the devotional panel "
        "to the oil sketch: the highlights of our collection, together again after "
        "conservation.",
    ),
    hero="MAL.1904.001",
    format="physical",
    start_date=datetime.date(2026, 3, 14),
    end_date=datetime.date(2026, 8, 30),
    venue=Text("Zalen 1–4, hoofdgebouw", "Rooms 1–4, main building"),
    chapters=(
        ChapterRecord(
            Text("De Vlaamse primitieven", "The Flemish Primitives"),
            Text(
                "<p>Olieverf in dunne, doorschijnende lagen: het licht lijkt van binnenuit te "
                "komen.</p>",
                "<p>Oil paint in thin, translucent layers: the light seems to come from "
                "within.</p>",
            ),
            (
                (
                    "MAL.1904.001",
                    Text("Na twee jaar restauratie.", "After two years of conservation."),
                ),
                ("MAL.1940.005", Text("Goud voor de hemel.", "Gold for heaven.")),
                ("MAL.1911.004", Text("Een portret als relikwie.", "A portrait as a relic.")),
                ("MAL.1923.010", Text("De helft van een tweeluik.", "Half of a diptych.")),
                ("MAL.1952.002", Text("Gentse schenkers.", "Ghent donors.")),
            ),
        ),
        ChapterRecord(
            Text(
                "De zestiende eeuw: markt en verbeelding",
                "The sixteenth century: market and imagination",
            ),
            Text(
                "<p>Antwerpen wordt de grootste kunstmarkt van Europa; schilders werken voor "
                "kopers die ze nooit ontmoeten.</p>",
                "<p>Antwerp becomes Europe's largest art market; painters work for buyers they "
                "never meet.</p>",
            ),
            (
                (
                    "MAL.1978.003",
                    Text("Een variant voor de vrije markt.", "A variant for the open market."),
                ),
                ("MAL.1936.002", Text("Monsters verkochten goed.", "Monsters sold well.")),
                ("MAL.1931.007", Text("Bruegel, keer op keer.", "Bruegel, again and again.")),
                ("MAL.1912.003", Text("Feest op het platteland.", "A country feast.")),
            ),
        ),
        ChapterRecord(
            Text("Barok in Antwerpen", "Baroque in Antwerp"),
            Text(
                "<p>Rubens en zijn werkplaats bepalen de smaak; Van Dyck en Clara Peeters "
                "vinden elk een eigen weg.</p>",
                "<p>Rubens and his workshop set the taste; Van Dyck and Clara Peeters each find "
                "their own way.</p>",
            ),
            (
                ("MAL.1965.001", Text("Snel, dun en zeker.", "Fast, thin and sure.")),
                ("MAL.1987.005", Text("Een Gentse schepen.", "A Ghent alderman.")),
                ("MAL.2004.002", Text("Zoek het zelfportret.", "Find the self-portrait.")),
                ("MAL.1999.011", Text("Een onmogelijk boeket.", "An impossible bouquet.")),
            ),
        ),
    ),
    related_stories=("restauratie-madonna", "durer-in-gent", "bruegel-op-het-ijs"),
)

TABLE = ExhibitionRecord(
    slug=Text("de-tafel-van-een-gentse-koopman", "a-ghent-merchants-table"),
    title=Text(
        "Zilver, glas en porselein. De tafel van een Gentse koopman",
        "Silver, glass and porcelain. A Ghent merchant's table",
    ),
    intro=Text(
        "Een online tentoonstelling over eten, drinken en pronken in Gent, van de roemer tot "
        "de koffiekan.",
        "An online exhibition about eating, drinking and showing off in Ghent, from the "
        "roemer to the coffee pot.",
    ),
    hero="MAL.1921.041",
    format="online",
    chapters=(
        ChapterRecord(
            Text("Drinken", "Drinking"),
            Text(
                "<p>Wijn, bier en later koffie en thee: elke drank kreeg zijn eigen vorm.</p>",
                "<p>Wine, beer and later coffee and tea: every drink got its own shape.</p>",
            ),
            (
                ("MAL.1911.030", Text("Noppen voor vette vingers.", "Prunts for greasy fingers.")),
                (
                    "MAL.1921.040",
                    Text("Een beker voor de gildemaaltijd.", "A cup for the guild dinner."),
                ),
                (
                    "MAL.1921.041",
                    Text("Om te tonen, niet om te drinken.", "For show, not for drinking."),
                ),
            ),
        ),
        ChapterRecord(
            Text("Schenken", "Pouring"),
            Text(
                "<p>Handen wassen aan tafel, koffie uit een zilveren kan: de tafel werd een "
                "toneel.</p>",
                "<p>Washing hands at table, coffee from a silver pot: the table became a "
                "stage.</p>",
            ),
            (
                ("MAL.1966.018", Text("Water voor de handen.", "Water for the hands.")),
                ("MAL.1984.007", Text("Koffie wordt gewoon.", "Coffee becomes ordinary.")),
                ("MAL.1950.032", Text("Thee uit China.", "Tea from China.")),
            ),
        ),
        ChapterRecord(
            Text("Pronken", "Showing off"),
            Text(
                "<p>Porselein op de schouw zei meer over de eigenaar dan over het eten.</p>",
                "<p>Porcelain on the mantelpiece said more about the owner than about the "
                "food.</p>",
            ),
            (
                ("MAL.1950.031", Text("Kraak, naar de schepen.", "Kraak, after the ships.")),
                ("MAL.1968.004", Text("Een wapen uit Kanton.", "Arms from Canton.")),
                ("MAL.1975.020", Text("Te duur voor Delft.", "Too dear for Delft.")),
                ("MAL.1927.014", Text("Licht op de tafel.", "Light on the table.")),
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
    slug=Text("draad-en-devotie", "thread-and-devotion"),
    title=Text("Draad en devotie", "Thread and devotion"),
    intro=Text(
        "Wandtapijten, kerkgewaden en beelden: een online tentoonstelling over wat kerken en "
        "kastelen in Vlaanderen bestelden.",
        "Tapestries, vestments and sculpture: an online exhibition about what churches and "
        "castles in Flanders commissioned.",
    ),
    hero="MAL.1903.001",
    format="online",
    chapters=(
        ChapterRecord(
            Text("Geweven", "Woven"),
            Text(
                "<p>Brussel en Oudenaarde weefden voor heel Europa.</p>",
                "<p>Brussels and Oudenaarde wove for the whole of Europe.</p>",
            ),
            (
                ("MAL.1903.001", Text("Groen voor een kasteel.", "Green for a castle.")),
                ("MAL.1938.006", Text("Goud voor een vorst.", "Gold for a prince.")),
                ("MAL.1946.010", Text("Zijde uit Italië.", "Silk from Italy.")),
            ),
        ),
        ChapterRecord(
            Text("Voor het altaar", "For the altar"),
            Text(
                "<p>Gewaden, kelken en beelden maakten de liturgie zichtbaar.</p>",
                "<p>Vestments, chalices and sculpture made the liturgy visible.</p>",
            ),
            (
                ("MAL.1963.002", Text("Or nué: goud onder zijde.", "Or nué: gold under silk.")),
                ("MAL.1930.009", Text("Een kanunnik schenkt.", "A canon's gift.")),
                ("MAL.1960.011", Text("Uit één tand gesneden.", "Carved from one tusk.")),
                ("MAL.1958.009", Text("Terug uit de Franse tijd.", "Back from the French period.")),
            ),
        ),
    ),
    related_stories=("wandtapijten", "een-dag-in-het-depot"),
)

EXHIBITIONS: tuple[ExhibitionRecord, ...] = (MASTERS, TABLE, DEVOTION)
FEATURED = MASTERS
