/**
 * The routes table: every page of the site is one entry here, one lazy import each, so
 * every page is its own chunk. Paths are relative to the area's localised segment (see
 * i18n/languages.ts `SEGMENTS`); the router mounts each entry under `/nl/…`, `/en/…` and
 * `/fr/…`. A page module's default export is its component.
 *
 * To add a page: create `src/pages/<area>/<Name>Page.tsx` and add one line below.
 */
import type { DocumentNode } from "graphql";
import type { ComponentType } from "react";
import type { Params } from "react-router-dom";
import type { Area, Lang } from "./i18n/languages";

type PageModule = { default: ComponentType };

/** The page's main query, fetched while its code downloads (same variables as the page uses). */
export type Prefetch = (
  params: Params,
  lang: Lang,
) => Promise<{ query: DocumentNode; variables: Record<string, unknown> }>;

export type PageRoute = {
  area: Area;
  /** Below the area segment: "" for the area's index, ":slug" for a detail page. */
  path: string;
  load: () => Promise<PageModule>;
  /** Optional: start the page's query in parallel with its chunk (imports only the documents). */
  prefetch?: Prefetch;
};

const documents = {
  home: () => import("./pages/home/home.generated"),
  stories: () => import("./pages/stories/stories.generated"),
  exhibitions: () => import("./pages/exhibitions/exhibitions.generated"),
  collection: () => import("./pages/collection/collection.generated"),
  shop: () => import("./pages/shop/shop.generated"),
};

export const PAGE_ROUTES: PageRoute[] = [
  {
    area: "home",
    path: "",
    load: () => import("./pages/home/HomePage"),
    prefetch: async (_, lang) => ({ query: (await documents.home()).HomeDocument, variables: { locale: lang } }),
  },

  {
    area: "stories",
    path: "",
    load: () => import("./pages/stories/StoryListPage"),
    prefetch: async (_, lang) => ({
      query: (await documents.stories()).StoryListDocument,
      variables: { locale: lang, first: 12 },
    }),
  },
  {
    area: "stories",
    path: ":slug",
    load: () => import("./pages/stories/StoryPage"),
    prefetch: async ({ slug }, lang) => ({
      query: (await documents.stories()).StoryDetailDocument,
      variables: { slug, locale: lang },
    }),
  },

  {
    area: "exhibitions",
    path: "",
    load: () => import("./pages/exhibitions/ExhibitionListPage"),
    prefetch: async (_, lang) => ({
      query: (await documents.exhibitions()).ExhibitionListDocument,
      variables: { locale: lang, first: 50 },
    }),
  },
  {
    area: "exhibitions",
    path: ":slug",
    load: () => import("./pages/exhibitions/ExhibitionPage"),
    prefetch: async ({ slug }, lang) => ({
      query: (await documents.exhibitions()).ExhibitionDetailDocument,
      variables: { slug, locale: lang },
    }),
  },

  {
    area: "collection",
    path: "",
    load: () => import("./pages/collection/CollectionListPage"),
    prefetch: async (_, lang) => ({
      query: (await documents.collection()).CollectionObjectListDocument,
      variables: { locale: lang, first: 12, maker: null, material: null },
    }),
  },
  {
    area: "collection",
    path: ":inventoryNumber",
    load: () => import("./pages/collection/CollectionObjectPage"),
    prefetch: async ({ inventoryNumber }, lang) => ({
      query: (await documents.collection()).CollectionObjectDetailDocument,
      variables: { inventoryNumber, locale: lang },
    }),
  },

  { area: "search", path: "", load: () => import("./pages/search/SearchPage") },

  { area: "privacy", path: "", load: () => import("./pages/legal/PrivacyPolicyPage") },
  // GDPR self-service and the newsletter's double opt-in; e-mailed links open these pages
  // (the server builds them from the same segments: shop/accounts/frontend_links.py).
  { area: "privacy", path: "request", load: () => import("./pages/privacy/DataRequestPage") },
  { area: "newsletter", path: "confirm", load: () => import("./pages/newsletter/NewsletterConfirmPage") },
  { area: "newsletter", path: "unsubscribe", load: () => import("./pages/newsletter/NewsletterUnsubscribePage") },

  // Group visits: the offers and the booking request, and a booking by its token.
  { area: "groups", path: "", load: () => import("./pages/groups/GroupVisitsPage") },
  { area: "groups", path: "booking", load: () => import("./pages/groups/GroupBookingPage") },

  // Timed admission: the museum's offers, a calendar of days and slots, into the cart.
  { area: "tickets", path: "", load: () => import("./pages/tickets/TicketsPage") },

  { area: "tours", path: "", load: () => import("./pages/tours/TourListPage") },
  { area: "tours", path: ":slug", load: () => import("./pages/tours/TourPage") },

  // Shop and customer accounts.
  { area: "shop", path: "", load: () => import("./pages/shop/ShopPage") },
  {
    area: "shop",
    path: ":slug",
    load: () => import("./pages/shop/ProductPage"),
    prefetch: async ({ slug }, lang) => ({
      query: (await documents.shop()).ShopProductDocument,
      variables: { slug, locale: lang },
    }),
  },
  { area: "cart", path: "", load: () => import("./pages/shop/CartPage") },
  { area: "checkout", path: "", load: () => import("./pages/shop/CheckoutPage") },
  // An order opened from the link of its e-mails, without an account (shop/services/order_emails.py).
  { area: "checkout", path: "order", load: () => import("./pages/shop/OrderPage") },
  { area: "account", path: "*", load: () => import("./pages/account/AccountPage") },

  // Legal pages (imprint, terms of sale, cookie policy) live at /<lang>/<their slug>.
  // Keep this entry last: an unknown slug renders the 404 page.
  { area: "home", path: ":slug", load: () => import("./pages/legal/LegalPage") },
];
