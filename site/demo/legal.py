"""The demo museum's legal pages: privacy policy, terms of sale, imprint, cookie policy.

Plausible texts for a Belgian museum with a webshop, written so the consent records in
the shop can point at a real policy version ("2026-1"). They are demo content, not
legal advice; the enterprise number is a placeholder of zeros on purpose.
"""

import datetime

from museum_site.demo.records import LegalRecord, Text

CONTACT = "privacy@museumaandeleie.example"

PRIVACY = LegalRecord(
    kind="privacy",
    slug=Text("privacybeleid", "privacy-policy", "politique-de-confidentialite"),
    title=Text("Privacybeleid", "Privacy policy", "Politique de confidentialité"),
    version="2026-1",
    date=datetime.date(2026, 1, 1),
    body=Text(
        "<p>Museum aan de Leie vzw, Leiekaai 12, 9000 Gent, is verantwoordelijk voor de "
        "verwerking van je persoonsgegevens.</p>"
        "<h2>Welke gegevens</h2><ul><li>Bestellingen in de webshop: naam, adres, "
        "e-mailadres en betaalgegevens.</li><li>Nieuwsbrief: je e-mailadres en je "
        "toestemming.</li><li>Websitebezoek: cookies, alleen met je toestemming, behalve de "
        "strikt noodzakelijke.</li></ul>"
        "<h2>Waarom</h2><p>Om je bestelling uit te voeren (overeenkomst), om onze "
        "boekhouding te voeren (wettelijke plicht) en om je nieuws te sturen (toestemming).</p>"
        "<h2>Hoe lang</h2><p>Facturen bewaren we tien jaar, zoals de wet vraagt. Andere "
        "gegevens wissen of anonimiseren we zodra we ze niet meer nodig hebben.</p>"
        "<h2>Je rechten</h2><p>Je kunt je gegevens inzien, verbeteren, laten wissen of "
        f'meenemen. Schrijf naar <a href="mailto:{CONTACT}">{CONTACT}</a>. Je kunt ook '
        "klacht indienen bij de Gegevensbeschermingsautoriteit.</p>",
        "<p>Museum aan de Leie vzw, Leiekaai 12, 9000 Ghent, Belgium, is responsible for "
        "processing your personal data.</p>"
        "<h2>What we collect</h2><ul><li>Webshop orders: name, address, e-mail address and "
        "payment details.</li><li>Newsletter: your e-mail address and your consent.</li>"
        "<li>Website visits: cookies, only with your consent, except strictly necessary "
        "ones.</li></ul>"
        "<h2>Why</h2><p>To fulfil your order (contract), to keep our accounts (legal "
        "obligation) and to send you news (consent).</p>"
        "<h2>How long</h2><p>We keep invoices for ten years, as the law requires. Other data "
        "is erased or anonymised as soon as we no longer need it.</p>"
        "<h2>Your rights</h2><p>You may access, correct, erase or take away your data. Write "
        f'to <a href="mailto:{CONTACT}">{CONTACT}</a>. You may also complain to the Belgian '
        "Data Protection Authority.</p>",
        "<p>Museum aan de Leie asbl, Leiekaai 12, 9000 Gand, Belgique, est responsable du "
        "traitement de vos données personnelles.</p>"
        "<h2>Ce que nous collectons</h2><ul><li>Commandes dans la boutique : nom, adresse, "
        "adresse e-mail et données de paiement.</li><li>Lettre d’information : votre adresse "
        "e-mail et votre consentement.</li><li>Visites du site : des cookies, uniquement avec "
        "votre consentement, sauf ceux qui sont strictement nécessaires.</li></ul>"
        "<h2>Pourquoi</h2><p>Pour exécuter votre commande (contrat), pour tenir notre "
        "comptabilité (obligation légale) et pour vous envoyer nos nouvelles "
        "(consentement).</p>"
        "<h2>Combien de temps</h2><p>Nous conservons les factures dix ans, comme la loi "
        "l’exige. Les autres données sont effacées ou anonymisées dès que nous n’en avons plus "
        "besoin.</p>"
        "<h2>Vos droits</h2><p>Vous pouvez consulter, corriger, effacer ou emporter vos "
        f'données. Écrivez à <a href="mailto:{CONTACT}">{CONTACT}</a>. Vous pouvez aussi '
        "porter plainte auprès de l’Autorité de protection des données.</p>",
    ),
)

TERMS_OF_SALE = LegalRecord(
    kind="terms-of-sale",
    slug=Text("verkoopvoorwaarden", "terms-of-sale", "conditions-de-vente"),
    title=Text("Algemene verkoopvoorwaarden", "Terms of sale", "Conditions générales de vente"),
    date=datetime.date(2026, 1, 1),
    body=Text(
        "<h2>Prijzen</h2><p>Alle prijzen in de webshop zijn in euro, inclusief btw.</p>"
        "<h2>Levering</h2><p>We leveren in België binnen vijf werkdagen. Tickets krijg je "
        "meteen per e-mail.</p>"
        "<h2>Herroepingsrecht</h2><p>Je mag een bestelling binnen veertien dagen na ontvangst "
        "zonder opgave van reden terugsturen. Tickets voor een bepaalde datum vallen niet "
        "onder het herroepingsrecht.</p>"
        "<h2>Geschillen</h2><p>Op deze voorwaarden is het Belgisch recht van toepassing.</p>",
        "<h2>Prices</h2><p>All webshop prices are in euros, including VAT.</p>"
        "<h2>Delivery</h2><p>We deliver within Belgium in five working days. Tickets are sent "
        "by e-mail straight away.</p>"
        "<h2>Right of withdrawal</h2><p>You may return an order within fourteen days of "
        "receipt without giving a reason. Tickets for a specific date are exempt from the "
        "right of withdrawal.</p>"
        "<h2>Disputes</h2><p>These terms are governed by Belgian law.</p>",
        "<h2>Prix</h2><p>Tous les prix de la boutique sont en euros, TVA comprise.</p>"
        "<h2>Livraison</h2><p>Nous livrons en Belgique en cinq jours ouvrables. Les billets "
        "vous sont envoyés aussitôt par e-mail.</p>"
        "<h2>Droit de rétractation</h2><p>Vous pouvez renvoyer une commande dans les quatorze "
        "jours suivant sa réception sans donner de motif. Les billets pour une date précise "
        "sont exclus du droit de rétractation.</p>"
        "<h2>Litiges</h2><p>Ces conditions sont régies par le droit belge.</p>",
    ),
)

IMPRINT = LegalRecord(
    kind="imprint",
    slug=Text("colofon", "imprint", "mentions-legales"),
    title=Text("Colofon", "Imprint", "Mentions légales"),
    date=datetime.date(2026, 1, 1),
    body=Text(
        "<p>Museum aan de Leie vzw<br>Leiekaai 12, 9000 Gent<br>Ondernemingsnummer "
        "0000.000.000</p><h2>Beeldmateriaal</h2><p>Alle afbeeldingen op deze website zijn "
        "voor de demo gegenereerd en vrij van rechten (CC0).</p>",
        "<p>Museum aan de Leie vzw<br>Leiekaai 12, 9000 Ghent, Belgium<br>Enterprise number "
        "0000.000.000</p><h2>Images</h2><p>All images on this website were generated for the "
        "demo and are free of rights (CC0).</p>",
        "<p>Museum aan de Leie asbl<br>Leiekaai 12, 9000 Gand, Belgique<br>Numéro "
        "d’entreprise 0000.000.000</p><h2>Images</h2><p>Toutes les images de ce site ont été "
        "générées pour la démo et sont libres de droits (CC0).</p>",
    ),
)

COOKIE_POLICY = LegalRecord(
    kind="cookie-policy",
    slug=Text("cookiebeleid", "cookie-policy", "politique-de-cookies"),
    title=Text("Cookiebeleid", "Cookie policy", "Politique en matière de cookies"),
    date=datetime.date(2026, 1, 1),
    body=Text(
        "<h2>Noodzakelijke cookies</h2><p>Voor je winkelmandje en je aanmelding. Deze "
        "plaatsen we altijd.</p><h2>Statistiek</h2><p>Alleen met je toestemming, om te zien "
        "welke verhalen gelezen worden.</p><h2>Je keuze wijzigen</h2><p>Je kunt je "
        "toestemming altijd intrekken via de cookie-instellingen onderaan elke pagina.</p>",
        "<h2>Necessary cookies</h2><p>For your basket and your login. We always set "
        "these.</p><h2>Statistics</h2><p>Only with your consent, to see which stories are "
        "read.</p><h2>Changing your choice</h2><p>You can withdraw your consent at any time "
        "through the cookie settings at the bottom of every page.</p>",
        "<h2>Cookies nécessaires</h2><p>Pour votre panier et votre connexion. Nous les "
        "plaçons toujours.</p><h2>Statistiques</h2><p>Uniquement avec votre consentement, pour "
        "voir quelles histoires sont lues.</p><h2>Modifier votre choix</h2><p>Vous pouvez "
        "retirer votre consentement à tout moment via les paramètres des cookies en bas de "
        "chaque page.</p>",
    ),
)

LEGAL_PAGES: tuple[LegalRecord, ...] = (PRIVACY, TERMS_OF_SALE, IMPRINT, COOKIE_POLICY)
