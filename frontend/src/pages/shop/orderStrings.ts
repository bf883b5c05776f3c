/** The guest order page's strings in nl, en and fr (the rest comes from SHOP_STRINGS). */
import { defineStrings } from "../../i18n";

const nl = {
  title: "Uw bestelling",
  intro: "Dit is uw bestelling zoals het museum ze kent. Bewaar de link uit de e-mail: wie hem heeft, ziet deze pagina.",
  notFound: "Deze link is niet (meer) geldig. Open de link uit uw bevestigingsmail opnieuw, of neem contact op met het museum.",
  ordered: "Besteld op",
  lines: "Wat u bestelde",
  total: "Totaal (incl. btw)",
  refunded: "Terugbetaald",
  invoices: "Facturen",
  invoiceKinds: { INVOICE: "Factuur", CREDIT_NOTE: "Creditnota" } as Record<string, string>,
  invoiceOf: (kind: string, number: string) => `${kind} ${number} (pdf)`,
};

type Strings = typeof nl;

const en: Strings = {
  title: "Your order",
  intro: "This is your order as the museum knows it. Keep the link from the e-mail: whoever has it sees this page.",
  notFound: "This link is not valid (any more). Open the link in your confirmation e-mail again, or contact the museum.",
  ordered: "Ordered on",
  lines: "What you ordered",
  total: "Total (incl. VAT)",
  refunded: "Refunded",
  invoices: "Invoices",
  invoiceKinds: { INVOICE: "Invoice", CREDIT_NOTE: "Credit note" },
  invoiceOf: (kind, number) => `${kind} ${number} (PDF)`,
};

const fr: Strings = {
  title: "Votre commande",
  intro: "Voici votre commande telle que le musée la connaît. Gardez le lien de l’e-mail : quiconque l’a voit cette page.",
  notFound: "Ce lien n’est pas (ou plus) valable. Rouvrez le lien de votre e-mail de confirmation, ou contactez le musée.",
  ordered: "Commandé le",
  lines: "Ce que vous avez commandé",
  total: "Total (TVA comprise)",
  refunded: "Remboursé",
  invoices: "Factures",
  invoiceKinds: { INVOICE: "Facture", CREDIT_NOTE: "Note de crédit" },
  invoiceOf: (kind, number) => `${kind} ${number} (PDF)`,
};

export const ORDER_PAGE_STRINGS = defineStrings({ nl, en, fr });
