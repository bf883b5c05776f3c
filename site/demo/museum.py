"""The demo museum itself: its name, address, home page and section titles, in nl/en/fr.

Museum aan de Leie is fictional. Its domain uses the reserved `.example` top-level
domain so that no demo link or e-mail address can reach a real organisation.
"""

from museum_site.demo.records import Text

NAME = "Museum aan de Leie"

NAMES = Text(NAME, "Museum on the Leie", "Musée de la Lys")

CONTACT = {
    "contact_email": "info@museumaandeleie.example",
    "phone": "+32 9 000 12 34",
}

# The museum as a seller (invoices, e-mails) and its look in the reference frontend. The
# VAT number is made up: BE0 followed by nine digits that belong to no company we know of.
RECORD = {
    "name": NAME,
    "legal_name": "vzw Museum aan de Leie",
    "vat_number": "BE0999000112",
    "street_address": "Leiekaai 12",
    "postal_code": "9000",
    "city": "Gent",
    "country": "BE",
    "email": CONTACT["contact_email"],
    "phone": CONTACT["phone"],
    "primary_colour": "#1d3b36",
    "accent_colour": "#9c4a1a",
    "typeface": "old-style",
    "opening_hours": "Tuesday to Sunday 10:00–18:00, Thursday until 22:00",
}

DETAILS = {
    "museum_name": NAMES,
    "address": Text(
        "Leiekaai 12\n9000 Gent\nBelgië",
        "Leiekaai 12\n9000 Ghent\nBelgium",
        "Leiekaai 12\n9000 Gand\nBelgique",
    ),
    "opening_hours": Text(
        "dinsdag tot zondag 10–18 uur\ndonderdag tot 22 uur\n"
        "gesloten op maandag, 25 december en 1 januari",
        "Tuesday to Sunday 10 am – 6 pm\nThursday until 10 pm\n"
        "closed on Mondays, 25 December and 1 January",
        "du mardi au dimanche de 10 h à 18 h\nle jeudi jusqu'à 22 h\n"
        "fermé le lundi, le 25 décembre et le 1er janvier",
    ),
    "accessibility": Text(
        "Alle zalen zijn drempelvrij bereikbaar, met een lift naar elke verdieping. "
        "Rolstoelen lenen is gratis aan het onthaal; assistentiehonden zijn welkom.",
        "Every gallery has step-free access, with a lift to each floor. Wheelchairs can be "
        "borrowed free of charge at the front desk; assistance dogs are welcome.",
        "Toutes les salles sont accessibles de plain-pied, avec un ascenseur à chaque étage. "
        "Des fauteuils roulants sont prêtés gratuitement à l'accueil ; les chiens "
        "d'assistance sont les bienvenus.",
    ),
}

HOME_TITLE = NAMES
HOME_INTRO = Text(
    "Kunst en geschiedenis van Gent en Vlaanderen, van de Vlaamse primitieven tot het "
    "zilver van de gilden, in een voormalig graanpakhuis aan de Leie.",
    "Art and history of Ghent and Flanders, from the Flemish Primitives to the silver of the "
    "guilds, in a former grain warehouse on the Leie.",
    "Art et histoire de Gand et de la Flandre, des primitifs flamands à l'orfèvrerie des "
    "guildes, dans un ancien entrepôt à grains au bord de la Lys.",
)

STORY_INDEX = {
    "slug": Text("verhalen", "stories", "histoires"),
    "title": Text("Verhalen", "Stories", "Histoires"),
    "intro": Text(
        "Achter elk object zit een verhaal. Onze conservatoren vertellen ze.",
        "Behind every object there is a story. Our curators tell them.",
        "Derrière chaque objet se cache une histoire. Nos conservateurs la racontent.",
    ),
}

EXHIBITION_INDEX = {
    "slug": Text("tentoonstellingen", "exhibitions", "expositions"),
    "title": Text("Tentoonstellingen", "Exhibitions", "Expositions"),
    "intro": Text(
        "In het museum en online.",
        "In the museum and online.",
        "Au musée et en ligne.",
    ),
}
