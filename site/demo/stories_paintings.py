"""Stories about the painting and print collection.

Each story uses several block types, so that a frontend built against the demo meets
every StreamField block it must render. The Dürer quotation is from his diary of the
journey to the Netherlands (Ghent, April 1521), translated here.
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

VIDEO_HOST = "https://video.museumaandeleie.example/w/"

STUDIO = Picture(
    "Restauratieatelier, januari 2026",
    "room-studio",
    Text(
        "Een schildersezel met een paneel onder een lamp in het restauratieatelier.",
        "An easel holding a panel under a lamp in the conservation studio.",
        "Un chevalet portant un panneau sous une lampe dans l'atelier de restauration.",
    ),
)

RESTORATION = StoryRecord(
    slug=Text("restauratie-madonna", "restoring-the-madonna", "restauration-madone"),
    title=Text(
        "Een Madonna onder de loep",
        "A Madonna under the microscope",
        "Une Madone sous la loupe",
    ),
    intro=Text(
        "Twee jaar lang werkte ons atelier aan de Madonna in een kerkinterieur. Wat vonden "
        "we onder het vergeelde vernis?",
        "For two years our studio worked on the Madonna in a church interior. What did we "
        "find beneath the yellowed varnish?",
        "Pendant deux ans, notre atelier a restauré la Madone dans une église. Qu'avons-nous "
        "trouvé sous le vernis jauni ?",
    ),
    hero=STUDIO,
    author="Sofie De Wilde",
    date=datetime.date(2026, 2, 3),
    tags=(
        Text("restauratie", "conservation", "restauration"),
        Text("Vlaamse primitieven", "Flemish Primitives", "primitifs flamands"),
    ),
    body=(
        Prose(
            Text(
                "<p>Het paneel kwam in 1904 in het museum, met een dikke laag vernis uit de "
                "negentiende eeuw. Het blauw van Maria's mantel was groen geworden.</p>"
                "<h2>Wat het vernis verborg</h2><p>Onder de microscoop zagen we dat de "
                "kopiist de ramen van de kerk nauwkeurig volgde, maar het koor vereenvoudigde. "
                "Infraroodopnamen tonen een ondertekening die nog dichter bij Van Eyck staat.</p>",
                "<p>The panel came to the museum in 1904, under a thick nineteenth-century "
                "varnish. The blue of Mary's cloak had turned green.</p>"
                "<h2>What the varnish hid</h2><p>Under the microscope we saw that the copyist "
                "followed the church windows closely but simplified the choir. Infrared images "
                "show an underdrawing even closer to Van Eyck.</p>",
                "<p>Le panneau est entré au musée en 1904, sous un épais vernis du XIXe siècle. "
                "Le bleu du manteau de Marie était devenu vert.</p>"
                "<h2>Ce que cachait le vernis</h2><p>Au microscope, nous avons vu que le copiste "
                "suivait fidèlement les fenêtres de l'église mais simplifiait le chœur. "
                "L'infrarouge révèle un dessin sous-jacent encore plus proche de Van Eyck.</p>",
            )
        ),
        ObjectCard(
            "MAL.1904.001",
            Text(
                "Na de restauratie: het blauw is weer blauw.",
                "After conservation: the blue is blue again.",
                "Après la restauration : le bleu est redevenu bleu.",
            ),
        ),
        Quote(
            Text(
                "Je verwijdert niets wat de schilder heeft gewild. Je haalt alleen weg wat de "
                "tijd erbij heeft gedaan.",
                "You remove nothing the painter intended. You only take away what time added.",
                "On n'enlève rien de ce que le peintre a voulu. On retire seulement ce que le "
                "temps a ajouté.",
            ),
            "Sofie De Wilde",
            Text("Conservator schilderkunst", "Paintings conservator", "Restauratrice"),
        ),
        Figure(
            STUDIO,
            Text(
                "Het paneel in het atelier, halverwege de vernisafname.",
                "The panel in the studio, halfway through removing the varnish.",
                "Le panneau à l'atelier, à mi-chemin de l'allègement du vernis.",
            ),
        ),
        Video(
            VIDEO_HOST + "madonna-restauratie",
            Text(
                "Twee jaar restauratie in vier minuten",
                "Two years of conservation in four minutes",
                "Deux ans de restauration en quatre minutes",
            ),
            Text(
                "Beelden van het atelier: een wattenstaafje rolt over het vernis, dat geel "
                "afkomt. Sofie De Wilde vertelt hoe ze de oplosmiddelen kiest.",
                "Footage from the studio: a swab rolls over the varnish, which comes away "
                "yellow. Sofie De Wilde explains how she chooses the solvents.",
                "Images de l'atelier : un coton roule sur le vernis, qui part jaune. Sofie De "
                "Wilde explique comment elle choisit les solvants.",
            ),
            poster=STUDIO,
        ),
        Audio(
            Text(
                "Audiogids: de Madonna in een kerkinterieur",
                "Audio guide: the Madonna in a church interior",
                "Audioguide : la Madone dans une église",
            ),
            Text(
                "Kijk naar de ramen links boven Maria. Het licht valt van links, zoals in de "
                "kerk waar het paneel ooit hing.",
                "Look at the windows above Mary on the left. The light falls from the left, as "
                "in the church where the panel once hung.",
                "Regardez les fenêtres à gauche au-dessus de Marie. La lumière vient de la "
                "gauche, comme dans l'église où le panneau était accroché.",
            ),
        ),
    ),
    languages=("nl", "en", "fr"),
)

DURER = StoryRecord(
    slug=Text("durer-in-gent", "durer-in-ghent", "durer-a-gand"),
    title=Text("Dürer in Gent, 1521", "Dürer in Ghent, 1521", "Dürer à Gand, 1521"),
    intro=Text(
        "In april 1521 bezocht Albrecht Dürer Gent. Hij zag het Lam Gods, tekende de leeuwen "
        "en noteerde alles in zijn dagboek.",
        "In April 1521 Albrecht Dürer visited Ghent. He saw the Ghent Altarpiece, drew the "
        "lions and noted everything in his diary.",
        "En avril 1521, Albrecht Dürer visita Gand. Il vit l'Agneau mystique, dessina les "
        "lions et nota tout dans son journal.",
    ),
    hero="MAL.1961.030",
    author="Pieter-Jan Van Damme",
    date=datetime.date(2026, 1, 20),
    tags=(Text("prenten", "prints", "estampes"), Text("Gent", "Ghent", "Gand")),
    body=(
        Prose(
            Text(
                "<p>Dürer reisde met zijn vrouw Agnes door de Nederlanden om zijn lijfrente bij "
                "de nieuwe keizer te laten bevestigen. Onderweg verkocht en ruilde hij prenten, "
                "en hield hij een nauwkeurig dagboek bij.</p><h2>Het paneel van Johannes</h2>"
                "<p>In Gent klom hij op de toren van Sint-Baafs en bekeek hij het altaarstuk "
                "van de gebroeders Van Eyck.</p>",
                "<p>Dürer travelled through the Low Countries with his wife Agnes to have his "
                "pension confirmed by the new emperor. On the way he sold and swapped prints, "
                "and kept a careful diary.</p><h2>Johannes' panel</h2><p>In Ghent he climbed "
                "the tower of Saint Bavo's and looked at the altarpiece by the Van Eyck "
                "brothers.</p>",
                "<p>Dürer parcourut les Pays-Bas avec sa femme Agnes pour faire confirmer sa "
                "pension par le nouvel empereur. En chemin, il vendit et échangea des estampes, "
                "et tint un journal minutieux.</p><h2>Le panneau de Johannes</h2><p>À Gand, il "
                "monta à la tour de Saint-Bavon et contempla le retable des frères Van Eyck.</p>",
            )
        ),
        Quote(
            Text(
                "Daarna zag ik het paneel van Johannes; dat is een uiterst kostbaar, zeer "
                "verstandig schilderij, en vooral Eva, Maria en God de Vader zijn zeer goed.",
                "Then I saw Johannes' panel; it is a most precious, deeply considered painting, "
                "and the Eve, the Mary and God the Father are especially good.",
                "Ensuite je vis le panneau de Johannes ; c'est une peinture très précieuse et "
                "très réfléchie, et surtout Ève, Marie et Dieu le Père sont très bons.",
            ),
            "Albrecht Dürer",
            Text(
                "Dagboek van de reis naar de Nederlanden, 1521",
                "Diary of the journey to the Netherlands, 1521",
                "Journal du voyage aux Pays-Bas, 1521",
            ),
        ),
        ObjectCard(
            "MAL.1961.030",
            Text(
                "Dürer tekende Erasmus in Antwerpen; de gravure volgde in 1526.",
                "Dürer drew Erasmus in Antwerp; the engraving followed in 1526.",
                "Dürer dessina Érasme à Anvers ; la gravure suivit en 1526.",
            ),
        ),
        Gallery(
            Text("Dürer en zijn navolgers", "Dürer and his followers", "Dürer et ses suiveurs"),
            ("MAL.1961.030", "MAL.1948.012"),
        ),
    ),
    languages=("nl", "en", "fr"),
)

BRUEGEL = StoryRecord(
    slug=Text("bruegel-op-het-ijs", "bruegel-on-the-ice", "bruegel-sur-la-glace"),
    title=Text("Bruegel op het ijs", "Bruegel on the ice", "Bruegel sur la glace"),
    intro=Text(
        "Waarom hangen er zoveel winterlandschappen 'naar Bruegel' in Vlaamse musea? Een "
        "verhaal over kopieën, vraag en aanbod.",
        "Why do so many Flemish museums own winter landscapes 'after Bruegel'? A story of "
        "copies, supply and demand.",
        "Pourquoi tant de musées flamands possèdent-ils des paysages d'hiver « "
        "d'après Bruegel » ? Une histoire de copies, d'offre et de demande.",
    ),
    hero="MAL.1931.007",
    author="Amina El Idrissi",
    date=datetime.date(2025, 12, 12),
    tags=(Text("Bruegel", "Bruegel", "Bruegel"), Text("landschap", "landscape", "paysage")),
    body=(
        Prose(
            Text(
                "<p>Pieter Bruegel de Oude schilderde in 1565 een klein winterlandschap met "
                "schaatsers en een vogelknip. Zijn zoon en diens werkplaats maakten er tientallen "
                "versies van.</p><h2>Een beeld dat verkocht</h2><p>Kopers wilden 'een Bruegel' "
                "aan de muur. De werkplaats leverde, met kleine verschillen in elke versie.</p>",
                "<p>In 1565 Pieter Bruegel the Elder painted a small winter landscape with "
                "skaters and a bird trap. His son and his son's workshop made dozens of "
                "versions.</p><h2>A picture that sold</h2><p>Buyers wanted 'a Bruegel' on the "
                "wall. The workshop delivered, with small differences in every version.</p>",
                "<p>En 1565, Pieter Bruegel l'Ancien peignit un petit paysage d'hiver "
                "avec des patineurs et une trappe aux oiseaux. Son fils et l'atelier de "
                "celui-ci en firent des dizaines de versions.</p><h2>Une image qui se "
                "vendait</h2><p>Les acheteurs voulaient « un Bruegel » au mur. L'atelier "
                "livrait, avec de petites différences dans chaque version.</p>",
            )
        ),
        ObjectCard(
            "MAL.1931.007",
            Text(
                "Let op de vogelknip rechts.",
                "Look for the bird trap on the right.",
                "Cherchez la trappe aux oiseaux à droite.",
            ),
        ),
        Gallery(
            Text("Bruegel op papier", "Bruegel on paper", "Bruegel sur papier"),
            ("MAL.1955.021", "MAL.1961.031"),
        ),
        Audio(
            Text(
                "Audiogids: winterlandschap",
                "Audio guide: winter landscape",
                "Audioguide : paysage d'hiver",
            ),
            Text(
                "Hoor je het ijs? Tel de schaatsers: in onze versie zijn het er drie meer dan "
                "bij Bruegel zelf.",
                "Can you hear the ice? Count the skaters: our version has three more than "
                "Bruegel's own.",
                "Entendez-vous la glace ? Comptez les patineurs : notre version en compte "
                "trois de plus que celle de Bruegel lui-même.",
            ),
        ),
    ),
    languages=("nl", "en", "fr"),
)

PEETERS = StoryRecord(
    slug=Text(
        "clara-peeters-en-de-roemer", "clara-peeters-and-the-roemer", "clara-peeters-et-le-roemer"
    ),
    title=Text(
        "Clara Peeters en de roemer", "Clara Peeters and the roemer", "Clara Peeters et le roemer"
    ),
    intro=Text(
        "Een geschilderd glas en een echt glas naast elkaar: wat vertelt een stilleven over de "
        "Antwerpse tafel rond 1612?",
        "A painted glass and a real one side by side: what does a still life tell us about the "
        "Antwerp table around 1612?",
        "Un verre peint et un vrai verre côte à côte : que nous apprend une "
        "nature morte sur la table anversoise vers 1612 ?",
    ),
    hero="MAL.2004.002",
    author="Sofie De Wilde",
    date=datetime.date(2025, 11, 4),
    tags=(Text("stilleven", "still life", "nature morte"), Text("glas", "glass", "verre")),
    body=(
        Prose(
            Text(
                "<p>Clara Peeters is een van de weinige vrouwen die in Antwerpen als schilder "
                "naam maakten. In de bolle roemer schilderde ze een piepklein zelfportret.</p>"
                "<h2>Het echte glas</h2><p>Onze roemer uit dezelfde eeuw heeft dezelfde "
                "noppen op de stam: ze hielden het glas vast in vette vingers.</p>",
                "<p>Clara Peeters is one of the few women who made a name as a painter in "
                "Antwerp. In the round roemer she painted a tiny self-portrait.</p>"
                "<h2>The real glass</h2><p>Our roemer from the same century has the same "
                "prunts on the stem: they kept the glass steady in greasy fingers.</p>",
                "<p>Clara Peeters est l'une des rares femmes à s'être fait un nom comme "
                "peintre à Anvers. Dans le roemer bombé, elle a peint un minuscule "
                "autoportrait.</p><h2>Le vrai verre</h2><p>Notre roemer du même siècle "
                "porte les mêmes pastilles sur la tige : elles assuraient la prise du "
                "verre entre des doigts gras.</p>",
            )
        ),
        ObjectCard(
            "MAL.2004.002",
            Text(
                "Zoek het zelfportret in het glas.",
                "Find the self-portrait in the glass.",
                "Trouvez l'autoportrait dans le verre.",
            ),
        ),
        ObjectCard(
            "MAL.1911.030",
            Text(
                "De roemer uit onze collectie.",
                "The roemer from our collection.",
                "Le roemer de notre collection.",
            ),
        ),
        Quote(
            Text(
                "Ze schildert niet alleen kaas. Ze schildert zichzelf die naar de kaas kijkt.",
                "She does not just paint cheese. She paints herself looking at the cheese.",
                "Elle ne peint pas seulement du fromage. Elle se peint en train de "
                "regarder le fromage.",
            ),
            "Amina El Idrissi",
            Text("Conservator oude kunst", "Curator of early art", "Conservatrice de l'art ancien"),
        ),
    ),
    languages=("nl", "en", "fr"),
)

PAINTING_STORIES = (RESTORATION, DURER, BRUEGEL, PEETERS)
