/**
 * Strings of the privacy self-service (data export and erasure by e-mailed link) and the
 * newsletter (sign-up, confirmation, unsubscription) in nl, en and fr. Error messages
 * are the shop's (components/form/errors.ts chooses by code) plus the codes of
 * DataRequestError and NewsletterError; a token's INVALID has its own wording.
 */
import { defineStrings } from "../../i18n";
import { SHOP_STRINGS } from "../shop/strings";

const nl = {
  requestTitle: "Uw gegevens opvragen of wissen",
  requestIntro:
    "Vraag een kopie van de gegevens die we onder uw e-mailadres bewaren (bestellingen, winkelmandjes, nieuwsbrief, account), of vraag ze te wissen. U hebt geen account nodig: we sturen een link naar dat adres, zodat alleen wie die mailbox leest hem kan gebruiken.",
  kindLegend: "Wat wilt u?",
  kindExport: "Een kopie van mijn gegevens (downloaden)",
  kindErasure: "Mijn gegevens wissen",
  email: "E-mailadres",
  sendLink: "Stuur mij de link",
  sent: (email: string) =>
    `Als we gegevens bewaren onder ${email}, is er een e-mail met een link naar dat adres onderweg. De link werkt 24 uur. Geen e-mail ontvangen? Kijk ook bij uw spam; komt er niets, dan bewaren we niets onder dat adres.`,
  askAgain: "Vraag een nieuwe link",
  accountHint: "Hebt u een account? Dan kunt u uw gegevens ook downloaden of wissen in uw account.",
  exportTitle: "Uw gegevens",
  fetching: "Uw gegevens worden opgehaald…",
  download: "Download mijn gegevens (JSON)",
  downloadHelp: "Een bestand met alles wat we onder uw e-mailadres bewaren, leesbaar voor mens en machine.",
  summary: "Wat we bewaren",
  profileEmail: "E-mailadres",
  account: "Account",
  accountSince: (date: string) => `ja, sinds ${date}`,
  noAccount: "geen",
  orders: "Bestellingen",
  noOrders: "geen",
  order: (number: string, date: string, total: string) => `${number}, ${date}, ${total}`,
  checkouts: (count: number) => (count === 1 ? "1 open winkelmandje" : `${count} open winkelmandjes`),
  addresses: (count: number) => (count === 1 ? "1 opgeslagen adres" : `${count} opgeslagen adressen`),
  consents: (count: number) => (count === 1 ? "1 vastgelegde cookiekeuze" : `${count} vastgelegde cookiekeuzes`),
  newsletter: "Nieuwsbrief",
  newsletterStatus: {
    PENDING: "aangevraagd, niet bevestigd",
    CONFIRMED: "ingeschreven",
    UNSUBSCRIBED: "uitgeschreven",
  } as Record<string, string>,
  noNewsletter: "niet ingeschreven",
  erasureTitle: "Uw gegevens wissen",
  erasureWhat: "Wat er gebeurt als u bevestigt:",
  erasureItems: [
    "Uw naam, e-mailadres, telefoonnummer en adressen worden gewist; een account onder dit adres wordt gesloten.",
    "Open winkelmandjes en een inschrijving op de nieuwsbrief worden verwijderd.",
    "Bestellingen en facturen blijven bewaard zolang de wet dat vraagt (facturen tien jaar), zonder uw naam of e-mailadres: alleen het nummer, de producten en de bedragen blijven voor de boekhouding.",
  ],
  erasureFinal: "Dit kan niet ongedaan worden gemaakt.",
  confirmErasure: "Wis mijn gegevens definitief",
  erased: "Uw gegevens zijn gewist.",
  erasedOrders: (count: number) =>
    count === 1
      ? "1 bestelling is geanonimiseerd (de factuur blijft bewaard)."
      : `${count} bestellingen zijn geanonimiseerd (de facturen blijven bewaard).`,
  linkInvalid: "Deze link is ongeldig of werd al gebruikt.",
  linkExpired: "Deze link is verlopen.",
  // Newsletter
  newsletterTitle: "Nieuwsbrief",
  newsletterIntro: "Nieuws over tentoonstellingen en activiteiten, ongeveer één keer per maand.",
  newsletterConsent: "Ja, stuur mij de nieuwsbrief. Ik kan mij altijd uitschrijven.",
  newsletterPolicy: "Hoe we met uw gegevens omgaan: zie ons",
  privacyPolicy: "privacybeleid",
  subscribe: "Inschrijven",
  consentRequired: "Vink het vakje aan om in te stemmen.",
  subscribed: (email: string) =>
    `Bijna klaar: bevestig uw inschrijving met de link die we naar ${email} stuurden.`,
  confirming: "Uw inschrijving wordt bevestigd…",
  confirmed: (email: string) => `Dank u: ${email} ontvangt voortaan onze nieuwsbrief.`,
  signUpAgain: "Schrijf u opnieuw in met het formulier onderaan deze pagina.",
  unsubscribeTitle: "Uitschrijven voor de nieuwsbrief",
  unsubscribeText: "Klik op de knop en u ontvangt onze nieuwsbrief niet meer.",
  unsubscribe: "Uitschrijven",
  unsubscribed: (email: string) => `${email} ontvangt onze nieuwsbrief niet meer.`,
  nothingHeld: "We bewaren niets meer voor dit adres; u ontvangt geen nieuwsbrief.",
  errors: {
    ...SHOP_STRINGS.nl.errors,
    EXPIRED: "Deze link is verlopen.",
    STAFF_ACCOUNT: "Dit adres hoort bij een medewerkersaccount; vraag het aan een beheerder.",
    PRIVACY_POLICY_MISSING: "De nieuwsbrief is nog niet beschikbaar in deze taal.",
    token: "Deze link is ongeldig of werd al gebruikt.",
  } as Record<string, string>,
};

type PrivacyStrings = typeof nl;

const en: PrivacyStrings = {
  requestTitle: "Get or erase your data",
  requestIntro:
    "Ask for a copy of the data we hold under your e-mail address (orders, shopping carts, newsletter, account), or ask us to erase it. You need no account: we send a link to that address, so only whoever reads that mailbox can use it.",
  kindLegend: "What would you like?",
  kindExport: "A copy of my data (download)",
  kindErasure: "Erase my data",
  email: "E-mail address",
  sendLink: "Send me the link",
  sent: (email: string) =>
    `If we hold data under ${email}, an e-mail with a link is on its way to that address. The link works for 24 hours. No e-mail? Check your spam folder too; if nothing comes, we hold nothing under that address.`,
  askAgain: "Ask for a new link",
  accountHint: "Do you have an account? Then you can also download or delete your data in your account.",
  exportTitle: "Your data",
  fetching: "Fetching your data…",
  download: "Download my data (JSON)",
  downloadHelp: "One file with everything we hold under your e-mail address, readable by people and machines.",
  summary: "What we hold",
  profileEmail: "E-mail address",
  account: "Account",
  accountSince: (date: string) => `yes, since ${date}`,
  noAccount: "none",
  orders: "Orders",
  noOrders: "none",
  order: (number: string, date: string, total: string) => `${number}, ${date}, ${total}`,
  checkouts: (count: number) => (count === 1 ? "1 open shopping cart" : `${count} open shopping carts`),
  addresses: (count: number) => (count === 1 ? "1 saved address" : `${count} saved addresses`),
  consents: (count: number) => (count === 1 ? "1 recorded cookie choice" : `${count} recorded cookie choices`),
  newsletter: "Newsletter",
  newsletterStatus: {
    PENDING: "requested, not confirmed",
    CONFIRMED: "subscribed",
    UNSUBSCRIBED: "unsubscribed",
  },
  noNewsletter: "not subscribed",
  erasureTitle: "Erase your data",
  erasureWhat: "What happens when you confirm:",
  erasureItems: [
    "Your name, e-mail address, phone number and addresses are erased; an account under this address is closed.",
    "Open shopping carts and a newsletter subscription are deleted.",
    "Orders and invoices are kept for as long as the law requires (invoices for ten years), without your name or e-mail address: only the number, the products and the amounts stay, for the accounts.",
  ],
  erasureFinal: "This cannot be undone.",
  confirmErasure: "Erase my data for good",
  erased: "Your data has been erased.",
  erasedOrders: (count: number) =>
    count === 1
      ? "1 order was anonymised (its invoice is kept)."
      : `${count} orders were anonymised (their invoices are kept).`,
  linkInvalid: "This link is not valid, or was already used.",
  linkExpired: "This link has expired.",
  newsletterTitle: "Newsletter",
  newsletterIntro: "News about exhibitions and events, about once a month.",
  newsletterConsent: "Yes, send me the newsletter. I can unsubscribe at any time.",
  newsletterPolicy: "How we handle your data: see our",
  privacyPolicy: "privacy policy",
  subscribe: "Subscribe",
  consentRequired: "Tick the box to agree.",
  subscribed: (email: string) => `Almost done: confirm your subscription with the link we sent to ${email}.`,
  confirming: "Confirming your subscription…",
  confirmed: (email: string) => `Thank you: ${email} now receives our newsletter.`,
  signUpAgain: "Sign up again with the form at the bottom of this page.",
  unsubscribeTitle: "Unsubscribe from the newsletter",
  unsubscribeText: "Press the button and you will no longer receive our newsletter.",
  unsubscribe: "Unsubscribe",
  unsubscribed: (email: string) => `${email} will no longer receive our newsletter.`,
  nothingHeld: "We hold nothing for this address any more; you will receive no newsletter.",
  errors: {
    ...SHOP_STRINGS.en.errors,
    EXPIRED: "This link has expired.",
    STAFF_ACCOUNT: "This address belongs to a staff account; ask an administrator.",
    PRIVACY_POLICY_MISSING: "The newsletter is not available in this language yet.",
    token: "This link is not valid, or was already used.",
  },
};

const fr: PrivacyStrings = {
  requestTitle: "Obtenir ou effacer vos données",
  requestIntro:
    "Demandez une copie des données que nous conservons sous votre adresse e-mail (commandes, paniers, lettre d'information, compte), ou demandez leur effacement. Aucun compte n'est nécessaire : nous envoyons un lien à cette adresse, que seule la personne qui lit cette boîte peut utiliser.",
  kindLegend: "Que souhaitez-vous ?",
  kindExport: "Une copie de mes données (téléchargement)",
  kindErasure: "Effacer mes données",
  email: "Adresse e-mail",
  sendLink: "Envoyez-moi le lien",
  sent: (email: string) =>
    `Si nous conservons des données sous ${email}, un e-mail avec un lien est en route vers cette adresse. Le lien est valable 24 heures. Pas d'e-mail ? Vérifiez aussi vos indésirables ; si rien n'arrive, nous ne conservons rien sous cette adresse.`,
  askAgain: "Demander un nouveau lien",
  accountHint: "Vous avez un compte ? Vous pouvez aussi télécharger ou supprimer vos données dans votre compte.",
  exportTitle: "Vos données",
  fetching: "Récupération de vos données…",
  download: "Télécharger mes données (JSON)",
  downloadHelp: "Un fichier avec tout ce que nous conservons sous votre adresse e-mail, lisible par les personnes et les machines.",
  summary: "Ce que nous conservons",
  profileEmail: "Adresse e-mail",
  account: "Compte",
  accountSince: (date: string) => `oui, depuis le ${date}`,
  noAccount: "aucun",
  orders: "Commandes",
  noOrders: "aucune",
  order: (number: string, date: string, total: string) => `${number}, ${date}, ${total}`,
  checkouts: (count: number) => (count === 1 ? "1 panier ouvert" : `${count} paniers ouverts`),
  addresses: (count: number) => (count === 1 ? "1 adresse enregistrée" : `${count} adresses enregistrées`),
  consents: (count: number) => (count === 1 ? "1 choix de cookies enregistré" : `${count} choix de cookies enregistrés`),
  newsletter: "Lettre d'information",
  newsletterStatus: {
    PENDING: "demandée, non confirmée",
    CONFIRMED: "inscrit·e",
    UNSUBSCRIBED: "désinscrit·e",
  },
  noNewsletter: "pas inscrit·e",
  erasureTitle: "Effacer vos données",
  erasureWhat: "Ce qui se passe quand vous confirmez :",
  erasureItems: [
    "Votre nom, votre adresse e-mail, votre téléphone et vos adresses sont effacés ; un compte sous cette adresse est fermé.",
    "Les paniers ouverts et une inscription à la lettre d'information sont supprimés.",
    "Les commandes et les factures sont conservées aussi longtemps que la loi l'exige (dix ans pour les factures), sans votre nom ni votre adresse e-mail : seuls le numéro, les produits et les montants restent, pour la comptabilité.",
  ],
  erasureFinal: "Cette action est définitive.",
  confirmErasure: "Effacer mes données définitivement",
  erased: "Vos données ont été effacées.",
  erasedOrders: (count: number) =>
    count === 1
      ? "1 commande a été anonymisée (sa facture est conservée)."
      : `${count} commandes ont été anonymisées (leurs factures sont conservées).`,
  linkInvalid: "Ce lien n'est pas valable ou a déjà été utilisé.",
  linkExpired: "Ce lien a expiré.",
  newsletterTitle: "Lettre d'information",
  newsletterIntro: "Des nouvelles des expositions et des activités, environ une fois par mois.",
  newsletterConsent: "Oui, envoyez-moi la lettre d'information. Je peux me désinscrire à tout moment.",
  newsletterPolicy: "Comment nous traitons vos données : voir notre",
  privacyPolicy: "politique de confidentialité",
  subscribe: "S'inscrire",
  consentRequired: "Cochez la case pour donner votre accord.",
  subscribed: (email: string) => `Presque fini : confirmez votre inscription avec le lien envoyé à ${email}.`,
  confirming: "Confirmation de votre inscription…",
  confirmed: (email: string) => `Merci : ${email} reçoit désormais notre lettre d'information.`,
  signUpAgain: "Réinscrivez-vous avec le formulaire en bas de cette page.",
  unsubscribeTitle: "Se désinscrire de la lettre d'information",
  unsubscribeText: "Appuyez sur le bouton et vous ne recevrez plus notre lettre d'information.",
  unsubscribe: "Se désinscrire",
  unsubscribed: (email: string) => `${email} ne recevra plus notre lettre d'information.`,
  nothingHeld: "Nous ne conservons plus rien pour cette adresse ; vous ne recevrez aucune lettre.",
  errors: {
    ...SHOP_STRINGS.fr.errors,
    EXPIRED: "Ce lien a expiré.",
    STAFF_ACCOUNT: "Cette adresse appartient à un compte du personnel ; adressez-vous à un administrateur.",
    PRIVACY_POLICY_MISSING: "La lettre d'information n'est pas encore disponible dans cette langue.",
    token: "Ce lien n'est pas valable ou a déjà été utilisé.",
  },
};

export const PRIVACY_STRINGS = defineStrings({ nl, en, fr });
export type { PrivacyStrings };
