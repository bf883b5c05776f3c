"""What the demo museum shop sells: records only, loaded by shop/demo.py.

Replicas and prints point at demo collection objects by inventory number, so the API's
`reproduces` leads from the product to the object. Books are at 6% VAT, everything else
at 21% (the e-book too is at 6%: Belgium applies the reduced rate to e-books since 2022).
Stock numbers are chosen to show the shop's states: one variant with 3 units left, one
product sold out (listed, but not for sale) and one product still a draft (not listed).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Words:
    """The same text in Dutch, English and French (French falls back to English)."""

    nl: str
    en: str
    fr: str = ""

    def get(self, language: str) -> str:
        return getattr(self, language, "") or self.en


@dataclass(frozen=True)
class VariantRecord:
    sku: str
    price: str
    # A size such as "50 × 70 cm" reads the same in every language; an edition is
    # written in each (Words), as the product's own text is.
    size: str | Words = ""
    edition: str | Words = ""
    stock: int = 25
    weight_grams: int = 300
    digital: bool = False

    @property
    def gross_price(self) -> Decimal:
        return Decimal(self.price)

    def label_fields(self) -> dict[str, str]:
        """ProductVariant's size_nl … edition_fr; a plain string is Dutch only (the
        other languages fall back to it)."""
        fields = {}
        for name, value in (("size", self.size), ("edition", self.edition)):
            for language in ("nl", "en", "fr"):
                if isinstance(value, Words):
                    fields[f"{name}_{language}"] = getattr(value, language, "") or ""
                else:
                    fields[f"{name}_{language}"] = value if language == "nl" else ""
        return fields


@dataclass(frozen=True)
class Cover:
    """A product shot drawn with Pillow: a shape in two colours with a short caption."""

    shape: str  # book, poster, bag, mug, scarf, cards, ebook
    colour: tuple[int, int, int]
    accent: tuple[int, int, int]
    caption: str  # Pillow's built-in font: ASCII only (no dashes), "\n" for lines


@dataclass(frozen=True)
class ProductRecord:
    slug: Words
    title: Words
    intro: Words
    description: Words
    category: str
    variants: tuple[VariantRecord, ...]
    vat_rate: int = 21
    reproduces: str = ""  # inventory number of the demo object
    cover: Cover | None = None  # drawn when the product has no object image to show
    live: bool = True
    languages: tuple[str, ...] = field(default=("nl", "en", "fr"))


@dataclass(frozen=True)
class CategoryRecord:
    slug: str
    name: Words


CATEGORIES = (
    CategoryRecord("replicas", Words("Replica's", "Replicas", "Répliques")),
    CategoryRecord("boeken", Words("Boeken", "Books", "Livres")),
    CategoryRecord("prenten", Words("Prenten en affiches", "Prints and posters", "Affiches")),
    CategoryRecord("souvenirs", Words("Souvenirs", "Souvenirs", "Souvenirs")),
)

INDEX_SLUG = Words("winkel", "shop", "boutique")
INDEX_TITLE = Words("Museumwinkel", "Museum shop", "Boutique du musée")
INDEX_INTRO = Words(
    "Replica's uit de collectie, boeken en prenten: wat u koopt, steunt het museum.",
    "Replicas from the collection, books and prints: what you buy supports the museum.",
    "Répliques de la collection, livres et affiches : vos achats soutiennent le musée.",
)

INK = (40, 36, 32)
PAPER = (244, 238, 226)

PRODUCTS: tuple[ProductRecord, ...] = (
    # --- replicas -----------------------------------------------------------------
    ProductRecord(
        slug=Words("replica-roemer", "replica-roemer", "replique-roemer"),
        title=Words("Replica roemer", "Replica roemer", "Réplique de roemer"),
        intro=Words(
            "Mondgeblazen groen glas naar de roemer uit het stilleven met kazen.",
            "Mouth-blown green glass after the roemer in the still life with cheeses.",
            "Verre vert soufflé à la bouche, d'après le roemer de la nature morte.",
        ),
        description=Words(
            "<p>Geblazen in een glasblazerij in Wallonië, met de bramen op de stam zoals op "
            "het origineel. Vaatwasbestendig.</p>",
            "<p>Blown in a Walloon glassworks, with the prunts on the stem as on the "
            "original. Dishwasher safe.</p>",
            "<p>Soufflé dans une verrerie wallonne, avec les pastilles sur la tige "
            "comme sur l'original. Va au lave-vaisselle.</p>",
        ),
        category="replicas",
        reproduces="MAL.1911.030",
        variants=(VariantRecord("REP-ROEMER", "39.00", weight_grams=600, stock=18),),
    ),
    ProductRecord(
        slug=Words("replica-gildebeker", "replica-guild-cup", "replique-gobelet-de-guilde"),
        title=Words(
            "Drinkbeker van de Sint-Jorisgilde",
            "Drinking cup of the Guild of Saint George",
            "Gobelet de la guilde de Saint-Georges",
        ),
        intro=Words(
            "De beker van de schuttersgilde, in tin of verzilverd.",
            "The archers' guild cup, in pewter or silver-plated.",
            "Le gobelet de la guilde des archers, en étain ou argenté.",
        ),
        description=Words(
            "<p>Afgegoten van het origineel in de zilverkamer. De verzilverde uitvoering is "
            "genummerd en verschijnt in een oplage van 50.</p>",
            "<p>Cast from the original in the silver room. The silver-plated edition is "
            "numbered, in an edition of 50.</p>",
            "<p>Moulé sur l'original de la salle de l'argenterie. L'édition argentée "
            "est numérotée, tirée à 50 exemplaires.</p>",
        ),
        category="replicas",
        reproduces="MAL.1921.040",
        variants=(
            VariantRecord(
                "REP-GILDEBEKER-TIN",
                "59.00",
                edition=Words("Tin", "Pewter", "Étain"),
                weight_grams=450,
            ),
            VariantRecord(
                "REP-GILDEBEKER-ZILVER",
                "149.00",
                edition=Words(
                    "Verzilverd, genummerd", "Silver-plated, numbered", "Argenté, numéroté"
                ),
                weight_grams=450,
                stock=3,  # the low-stock variant: three numbered cups left
            ),
        ),
    ),
    ProductRecord(
        slug=Words("replica-kraakkom", "replica-kraak-bowl", "replique-bol-kraak"),
        title=Words("Kom van kraakporselein", "Kraak porcelain bowl", "Bol en porcelaine kraak"),
        intro=Words(
            "Blauw-wit porselein naar de kom uit de verzameling aziatica.",
            "Blue-and-white porcelain after the bowl in the Asian collection.",
            "Porcelaine bleu et blanc d'après le bol de la collection asiatique.",
        ),
        description=Words(
            "<p>Met de hand beschilderd; elke kom is een beetje anders.</p>",
            "<p>Painted by hand; every bowl is a little different.</p>",
            "<p>Peint à la main ; chaque bol est un peu différent.</p>",
        ),
        category="replicas",
        reproduces="MAL.1950.031",
        variants=(
            VariantRecord("REP-KRAAK-S", "29.00", size="Ø 14 cm", weight_grams=400),
            VariantRecord("REP-KRAAK-L", "49.00", size="Ø 22 cm", weight_grams=900, stock=8),
        ),
    ),
    ProductRecord(
        slug=Words("replica-delftse-vaas", "replica-delft-vase", "replique-vase-de-delft"),
        title=Words("Vaas met blauw bladwerk", "Vase with blue foliage", "Vase au feuillage bleu"),
        intro=Words(
            "Delfts blauw, op ware grootte.",
            "Delft blue, life-size.",
            "Bleu de Delft, grandeur nature.",
        ),
        description=Words(
            "<p>Gemaakt in Delft naar het origineel uit de late zeventiende eeuw.</p>",
            "<p>Made in Delft after the late seventeenth-century original.</p>",
            "<p>Fabriqué à Delft d'après l'original de la fin du XVIIe siècle.</p>",
        ),
        category="replicas",
        reproduces="MAL.1975.020",
        variants=(VariantRecord("REP-DELFT-VAAS", "85.00", weight_grams=1400, stock=6),),
    ),
    ProductRecord(
        slug=Words("replica-buste-bisschop", "replica-bishop-bust", "replique-buste-eveque"),
        title=Words(
            "Buste van een Gentse bisschop (gips)",
            "Bust of a bishop of Ghent (plaster)",
            "Buste d'un évêque de Gand (plâtre)",
        ),
        intro=Words(
            "Uitverkocht: een nieuwe reeks wordt gegoten.",
            "Sold out: a new series is being cast.",
            "Épuisé : une nouvelle série est en cours de moulage.",
        ),
        description=Words(
            "<p>Gipsafgietsel van de marmeren buste, op halve grootte.</p>",
            "<p>Plaster cast of the marble bust, at half size.</p>",
            "<p>Moulage en plâtre du buste en marbre, à mi-grandeur.</p>",
        ),
        category="replicas",
        reproduces="MAL.1958.009",
        variants=(VariantRecord("REP-BUSTE", "120.00", weight_grams=3500, stock=0),),
    ),
    # --- books (6% VAT) ---------------------------------------------------------------
    ProductRecord(
        slug=Words("catalogus-van-eyck-tot-rubens", "catalogue-van-eyck-to-rubens"),
        title=Words(
            "Van Van Eyck tot Rubens – catalogus",
            "From Van Eyck to Rubens – catalogue",
            "De Van Eyck à Rubens – catalogue",
        ),
        intro=Words(
            "De catalogus van de tentoonstelling: 240 bladzijden, 180 afbeeldingen.",
            "The exhibition catalogue: 240 pages, 180 illustrations.",
            "Le catalogue de l'exposition : 240 pages, 180 illustrations.",
        ),
        description=Words(
            "<p>Met essays van de conservatoren over de Vlaamse primitieven, het zilver van "
            "de gilden en de prentkunst.</p>",
            "<p>With essays by the curators on the Flemish Primitives, guild silver and "
            "printmaking.</p>",
            "<p>Avec des essais des conservateurs sur les primitifs flamands, "
            "l'argenterie des guildes et la gravure.</p>",
        ),
        category="boeken",
        vat_rate=6,
        cover=Cover("book", (122, 30, 36), (196, 160, 82), "Van Eyck\ntot\nRubens"),
        variants=(
            VariantRecord(
                "BOEK-CAT-NL",
                "39.95",
                edition=Words("Nederlands, hardcover", "Dutch, hardcover", "Néerlandais, relié"),
                weight_grams=1600,
            ),
            VariantRecord(
                "BOEK-CAT-EN",
                "39.95",
                edition=Words("Engels, hardcover", "English, hardcover", "Anglais, relié"),
                weight_grams=1600,
            ),
            VariantRecord(
                "BOEK-CAT-FR",
                "34.95",
                edition=Words("Frans, paperback", "French, paperback", "Français, broché"),
                weight_grams=1300,
            ),
        ),
    ),
    ProductRecord(
        slug=Words("ebook-van-eyck-tot-rubens", "ebook-van-eyck-to-rubens"),
        title=Words(
            "Van Van Eyck tot Rubens – e-book",
            "From Van Eyck to Rubens – e-book",
            "De Van Eyck à Rubens – livre numérique",
        ),
        intro=Words(
            "De catalogus als PDF, meteen te downloaden.",
            "The catalogue as a PDF, to download at once.",
            "Le catalogue en PDF, à télécharger immédiatement.",
        ),
        description=Words(
            "<p>Na betaling krijgt u een downloadlink die een week geldig is.</p>",
            "<p>After payment you get a download link that is valid for a week.</p>",
            "<p>Après paiement, vous recevez un lien de téléchargement valable une semaine.</p>",
        ),
        category="boeken",
        vat_rate=6,
        cover=Cover("ebook", (122, 30, 36), (196, 160, 82), "PDF"),
        variants=(VariantRecord("EBOOK-CAT", "14.95", digital=True, weight_grams=0),),
    ),
    ProductRecord(
        slug=Words("zilver-van-de-gilden", "guild-silver", "argenterie-des-guildes"),
        title=Words(
            "Zilver van de Gentse gilden",
            "Silver of the Ghent guilds",
            "L'argenterie des guildes gantoises",
        ),
        intro=Words(
            "Bekers, kelken en koningsbreuken, van dichtbij gefotografeerd.",
            "Cups, chalices and king's collars, photographed up close.",
            "Gobelets, calices et colliers de roi, photographiés de près.",
        ),
        description=Words(
            "<p>Een rijk geïllustreerd boek over de edelsmeedkunst in Gent.</p>",
            "<p>A richly illustrated book on goldsmiths' work in Ghent.</p>",
            "<p>Un livre richement illustré sur l'orfèvrerie gantoise.</p>",
        ),
        category="boeken",
        vat_rate=6,
        cover=Cover("book", (38, 52, 84), (200, 202, 206), "Zilver"),
        variants=(VariantRecord("BOEK-ZILVER", "29.50", weight_grams=900),),
    ),
    ProductRecord(
        slug=Words("zoek-de-hond", "find-the-dog", "trouve-le-chien"),
        title=Words(
            "Zoek de hond in het museum",
            "Find the dog in the museum",
            "Trouve le chien dans le musée",
        ),
        intro=Words(
            "Een kijkboek voor kinderen vanaf 4 jaar.",
            "A picture book for children from 4.",
            "Un livre d'images pour les enfants dès 4 ans.",
        ),
        description=Words(
            "<p>Op elk schilderij verstopt zich een hond. Vind jij ze allemaal?</p>",
            "<p>A dog hides in every painting. Can you find them all?</p>",
            "<p>Un chien se cache dans chaque tableau. Les trouveras-tu tous ?</p>",
        ),
        category="boeken",
        vat_rate=6,
        cover=Cover("book", (236, 180, 60), (40, 90, 150), "Woef!"),
        variants=(VariantRecord("BOEK-HOND", "14.95", weight_grams=450, stock=40),),
    ),
    # --- prints and posters ----------------------------------------------------------
    ProductRecord(
        slug=Words("affiche-winterlandschap", "poster-winter-landscape", "affiche-paysage-hiver"),
        title=Words(
            "Affiche Winterlandschap met schaatsers",
            "Poster Winter landscape with skaters",
            "Affiche Paysage d'hiver avec patineurs",
        ),
        intro=Words(
            "Op zwaar mat papier, in twee formaten.",
            "On heavy matt paper, in two sizes.",
            "Sur papier mat épais, en deux formats.",
        ),
        description=Words(
            "<p>Gedrukt in België op FSC-papier van 250 g/m².</p>",
            "<p>Printed in Belgium on 250 gsm FSC paper.</p>",
            "<p>Imprimé en Belgique sur papier FSC de 250 g/m².</p>",
        ),
        category="prenten",
        reproduces="MAL.1931.007",
        variants=(
            VariantRecord("AFF-WINTER-30X40", "19.00", size="30 × 40 cm", weight_grams=200),
            VariantRecord("AFF-WINTER-50X70", "29.00", size="50 × 70 cm", weight_grams=350),
        ),
    ),
    ProductRecord(
        slug=Words("prent-grote-vissen", "print-big-fish", "estampe-gros-poissons"),
        title=Words(
            "De grote vissen eten de kleine – prent",
            "Big fish eat little fish – print",
            "Les gros poissons mangent les petits – estampe",
        ),
        intro=Words(
            "Facsimile van de gravure, op Zerkall-papier.",
            "Facsimile of the engraving, on Zerkall paper.",
            "Fac-similé de la gravure, sur papier Zerkall.",
        ),
        description=Words(
            "<p>Op ware grootte gedrukt; klaar om in te lijsten.</p>",
            "<p>Printed at full size; ready to frame.</p>",
            "<p>Imprimé en grandeur réelle ; prêt à encadrer.</p>",
        ),
        category="prenten",
        reproduces="MAL.1961.031",
        variants=(
            VariantRecord("PRENT-VISSEN-A3", "24.00", size="A3", weight_grams=150),
            VariantRecord("PRENT-VISSEN-A2", "34.00", size="A2", weight_grams=250),
        ),
    ),
    ProductRecord(
        slug=Words("affiche-bloemstuk", "poster-flowers", "affiche-bouquet"),
        title=Words(
            "Affiche Bloemstuk in een glazen vaas",
            "Poster Flowers in a glass vase",
            "Affiche Bouquet dans un vase en verre",
        ),
        intro=Words(
            "Het bloemstuk van de collectie, 50 × 70 cm.",
            "The collection's flower piece, 50 × 70 cm.",
            "Le bouquet de la collection, 50 × 70 cm.",
        ),
        description=Words(
            "<p>Gedrukt in België op FSC-papier van 250 g/m².</p>",
            "<p>Printed in Belgium on 250 gsm FSC paper.</p>",
            "<p>Imprimé en Belgique sur papier FSC de 250 g/m².</p>",
        ),
        category="prenten",
        reproduces="MAL.1999.011",
        variants=(VariantRecord("AFF-BLOEM-50X70", "29.00", size="50 × 70 cm", weight_grams=350),),
    ),
    # --- souvenirs ----------------------------------------------------------------------
    ProductRecord(
        slug=Words("draagtas-damast", "tote-bag-damask", "sac-damas"),
        title=Words("Draagtas met damastpatroon", "Tote bag with damask pattern", "Sac damassé"),
        intro=Words(
            "Stevig katoen met het patroon van het zijden damast.",
            "Sturdy cotton with the pattern of the silk damask.",
            "Coton robuste au motif du damas de soie.",
        ),
        description=Words(
            "<p>Biologisch katoen, 38 × 42 cm, lange hengsels.</p>",
            "<p>Organic cotton, 38 × 42 cm, long handles.</p>",
            "<p>Coton biologique, 38 × 42 cm, longues anses.</p>",
        ),
        category="souvenirs",
        reproduces="MAL.1946.010",
        cover=Cover("bag", (210, 196, 170), (122, 30, 36), "Damast"),
        variants=(VariantRecord("TAS-DAMAST", "16.00", weight_grams=180, stock=60),),
    ),
    ProductRecord(
        slug=Words("zijden-sjaal-verdure", "silk-scarf-verdure", "foulard-verdure"),
        title=Words(
            "Zijden sjaal Verdure",
            "Silk scarf Verdure",
            "Foulard en soie Verdure",
        ),
        intro=Words(
            "Het bladwerk van het wandtapijt, op zijde gedrukt.",
            "The tapestry's foliage, printed on silk.",
            "Le feuillage de la tapisserie, imprimé sur soie.",
        ),
        description=Words(
            "<p>Honderd procent zijde, met de hand omgezoomd.</p>",
            "<p>One hundred per cent silk, hand-rolled hems.</p>",
            "<p>Cent pour cent soie, ourlets roulottés à la main.</p>",
        ),
        category="souvenirs",
        reproduces="MAL.1903.001",
        variants=(
            VariantRecord("SJAAL-VERDURE-90", "65.00", size="90 × 90 cm", weight_grams=120),
            VariantRecord("SJAAL-VERDURE-180", "85.00", size="180 × 45 cm", weight_grams=120),
        ),
    ),
    ProductRecord(
        slug=Words("postkaarten-collectie", "postcards-collection", "cartes-postales"),
        title=Words(
            "Twaalf postkaarten uit de collectie",
            "Twelve postcards from the collection",
            "Douze cartes postales de la collection",
        ),
        intro=Words(
            "Van de primitieven tot het stilleven, in een kartonnen doosje.",
            "From the Primitives to the still life, in a cardboard box.",
            "Des primitifs à la nature morte, dans une boîte en carton.",
        ),
        description=Words(
            "<p>Twaalf kaarten, A6.</p>", "<p>Twelve cards, A6.</p>", "<p>Douze cartes, A6.</p>"
        ),
        category="souvenirs",
        cover=Cover("cards", (90, 120, 90), PAPER, "12"),
        variants=(VariantRecord("KAART-SET-12", "12.00", weight_grams=150, stock=80),),
    ),
    ProductRecord(
        slug=Words("mok-museum", "mug-museum", "tasse-musee"),
        title=Words("Mok Museum aan de Leie", "Mug Museum aan de Leie", "Tasse Museum aan de Leie"),
        intro=Words(
            "Het graanpakhuis aan de Leie, op een mok van 30 cl.",
            "The grain warehouse on the Leie, on a 30 cl mug.",
            "L'entrepôt à grains sur la Lys, sur une tasse de 30 cl.",
        ),
        description=Words(
            "<p>Aardewerk, vaatwasbestendig.</p>",
            "<p>Earthenware, dishwasher safe.</p>",
            "<p>Faïence, va au lave-vaisselle.</p>",
        ),
        category="souvenirs",
        cover=Cover("mug", (245, 245, 240), (38, 66, 140), "MAL"),
        variants=(VariantRecord("MOK-MUSEUM", "12.50", weight_grams=380, stock=30),),
    ),
    # --- not for sale yet: a draft, never listed ------------------------------------------
    ProductRecord(
        slug=Words("kerstkaarten-2026", "christmas-cards-2026"),
        title=Words("Kerstkaarten 2026", "Christmas cards 2026", "Cartes de Noël 2026"),
        intro=Words(
            "Nog in voorbereiding.",
            "Still in preparation.",
            "Encore en préparation.",
        ),
        description=Words(
            "<p>Tien kaarten met enveloppen.</p>",
            "<p>Ten cards with envelopes.</p>",
            "<p>Dix cartes avec enveloppes.</p>",
        ),
        category="souvenirs",
        cover=Cover("cards", (150, 30, 40), (255, 255, 255), "2026"),
        variants=(VariantRecord("KERST-2026", "9.50", weight_grams=200, stock=100),),
        live=False,
        languages=("nl",),
    ),
)

SOLD_OUT_SKUS = ("REP-BUSTE",)
LOW_STOCK_SKU = "REP-GILDEBEKER-ZILVER"
DRAFT_SLUG = "kerstkaarten-2026"
VOUCHER_CODE = "MUSEUM10"


@dataclass(frozen=True)
class DeliveryRecord:
    name: Words
    kind: str  # "shipping" or "pickup"
    zone: str = ""
    price: str = "0.00"
    free_above: str | None = None
    max_weight_grams: int | None = None
    sort_order: int = 0


DELIVERY = (
    DeliveryRecord(
        Words("Afhalen aan de museumbalie", "Pick up at the museum desk", "Retrait à l'accueil"),
        "pickup",
        sort_order=0,
    ),
    DeliveryRecord(
        Words("bpost – België", "bpost – Belgium", "bpost – Belgique"),
        "shipping",
        zone="BE",
        price="6.50",
        free_above="60.00",
        max_weight_grams=30000,
        sort_order=1,
    ),
    DeliveryRecord(
        Words("bpost – Europese Unie", "bpost – European Union", "bpost – Union européenne"),
        "shipping",
        zone="EU",
        price="14.50",
        free_above="120.00",
        max_weight_grams=30000,
        sort_order=2,
    ),
    DeliveryRecord(
        Words("bpost – wereldwijd", "bpost – worldwide", "bpost – monde"),
        "shipping",
        zone="WORLD",
        price="29.00",
        max_weight_grams=20000,
        sort_order=3,
    ),
)
