/**
 * The frame of every page: skip link, header with the main navigation and the language
 * switch, the `main` landmark, the footer with the museum's details and legal links, and
 * the newsletter sign-up, and the consent banner. The navigation lists only areas that have a route in routes.tsx,
 * so the shop and tours appear in it as soon as their pages are added.
 */
import { useQuery } from "@apollo/client";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Link, NavLink, Outlet, ScrollRestoration, useLocation, useNavigationType } from "react-router-dom";
import { ConsentBanner } from "../../consent/ConsentBanner";
import { ConsentProvider, useConsentState } from "../../consent/ConsentProvider";
import {
  AlternatesProvider,
  LangProvider,
  pathFor,
  useLang,
  useStrings,
  useT,
  type Area,
  type Lang,
} from "../../i18n";
import { PAGE_ROUTES } from "../../routes";
import { NewsletterSignup } from "../privacy/NewsletterSignup";
import { PRIVACY_STRINGS } from "../privacy/strings";
import { requestTitleFocus } from "../PageTitle";
import { CartBadge } from "../shop/CartBadge";
import { LanguageSwitch } from "./LanguageSwitch";
import { brandCss } from "./museumBrand";
import { SiteChromeDocument } from "./SiteChrome.generated";

const NAV_AREAS = ["exhibitions", "collection", "stories", "tours", "tickets", "shop", "search"] as const;

function hasIndexRoute(area: Area): boolean {
  return PAGE_ROUTES.some((route) => route.area === area && route.path === "");
}

/**
 * Up to 64rem (phones, tablets upright) the header is one compact row (the museum and a
 * Menu button) and the navigation with the language switch opens under it; from 64rem
 * the museum and the language switch share a row with the navigation under them, and
 * the button is hidden. The menu closes when the visitor goes to another page.
 */
function Header() {
  const t = useT();
  const lang = useLang();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  useEffect(() => setOpen(false), [location.pathname]);
  const cartRoute = hasIndexRoute("cart");
  // The museum's name in this language, as editors keep it (the footer's query, cached).
  const chrome = useQuery(SiteChromeDocument, { variables: { locale: lang } }).data;
  const museumName = chrome?.museumDetails?.museumName ?? chrome?.museum.name;
  const logo = chrome?.museum.branding.logo?.rendition.url ?? "/logo.svg";
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to={pathFor(lang, "home")} className="brand">
          <img src={logo} alt="" width="40" height="40" className="brand__logo" />
          <span className="brand__name">{museumName ?? t.siteName}</span>
        </Link>
        <button
          type="button"
          className="menu-button"
          aria-expanded={open}
          aria-controls="site-menu"
          onClick={() => setOpen(!open)}
        >
          <span className="menu-button__icon" aria-hidden="true" />
          {t.menu}
        </button>
        <div id="site-menu" className={`site-menu${open ? " site-menu--open" : ""}`}>
          <nav className="main-nav" aria-label={t.mainNavigation}>
            <ul>
              {NAV_AREAS.filter(hasIndexRoute).map((area) => (
                <li key={area}>
                  <NavLink to={pathFor(lang, area)}>{t[area]}</NavLink>
                </li>
              ))}
              {cartRoute ? (
                <li>
                  <NavLink to={pathFor(lang, "cart")}>
                    {t.cart}
                    <CartBadge />
                  </NavLink>
                </li>
              ) : null}
              {PAGE_ROUTES.some((route) => route.area === "account") ? (
                <li>
                  <NavLink to={pathFor(lang, "account")}>{t.account}</NavLink>
                </li>
              ) : null}
            </ul>
          </nav>
          <LanguageSwitch />
        </div>
      </div>
    </header>
  );
}

function Footer() {
  const t = useT();
  const p = useStrings(PRIVACY_STRINGS);
  const lang = useLang();
  const { data } = useQuery(SiteChromeDocument, { variables: { locale: lang } });
  const { openSettings } = useConsentState();
  const details = data?.museumDetails;
  const contact = data?.setting?.__typename === "MuseumSettings" ? data.setting : null;
  const legal = (data?.legalPages ?? []).filter(
    (page): page is Extract<typeof page, { __typename: "LegalPage" }> =>
      page.__typename === "LegalPage" && page.locale === lang,
  );
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        {details ? (
          <section aria-labelledby="footer-visit">
            <h2 id="footer-visit" className="site-footer__heading">
              {details.museumName}
            </h2>
            <p className="preserve-lines">{details.address}</p>
            <p className="preserve-lines">{details.openingHours}</p>
            <p>
              <Link to={pathFor(lang, "tickets")}>{t.tickets}</Link>
              <br />
              <Link to={pathFor(lang, "groups")}>{t.groups}</Link>
            </p>
            {contact ? (
              <p>
                <a href={`mailto:${contact.contactEmail}`}>{contact.contactEmail}</a>
                <br />
                <a href={`tel:${contact.phone.replace(/\s+/g, "")}`}>{contact.phone}</a>
              </p>
            ) : null}
          </section>
        ) : null}
        <nav aria-labelledby="footer-legal">
          <h2 id="footer-legal" className="site-footer__heading">
            {t.footerLegal}
          </h2>
          <ul className="plain-list">
            <li>
              <Link to={pathFor(lang, "privacy")}>{t.privacy}</Link>
            </li>
            <li>
              <Link to={pathFor(lang, "privacy", "request")}>{p.requestTitle}</Link>
            </li>
            {legal.map((page) => (
              <li key={page.id}>
                <Link to={`/${lang}/${page.slug}`}>{page.title}</Link>
              </li>
            ))}
            <li>
              <button type="button" className="button--link" onClick={openSettings}>
                {t.cookieSettings}
              </button>
            </li>
          </ul>
        </nav>
        <NewsletterSignup />
      </div>
    </footer>
  );
}

/** The host's museum's brand (museumBrand.ts), rendered with the page on the server. */
function MuseumBrand() {
  const lang = useLang();
  const branding = useQuery(SiteChromeDocument, { variables: { locale: lang } }).data?.museum.branding;
  const css = brandCss(branding);
  // As raw text: React would escape the font names' quotes, which CSS does not decode.
  // brandCss writes only checked colours and fixed stacks.
  return css ? <style dangerouslySetInnerHTML={{ __html: css }} /> : null;
}

/** Moves focus to the new page's title after a navigation (not on the first load). */
function useRouteFocus() {
  const location = useLocation();
  const navigationType = useNavigationType();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (navigationType !== "REPLACE") requestTitleFocus();
  }, [location.pathname, navigationType]);
}

function Frame({ children }: { children?: ReactNode }) {
  const t = useT();
  const lang = useLang();
  useRouteFocus();
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <ConsentProvider>
      <MuseumBrand />
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <Header />
      <main id="main" tabIndex={-1}>
        {children ?? <Outlet />}
      </main>
      <Footer />
      <ConsentBanner />
      <ScrollRestoration />
    </ConsentProvider>
  );
}

export function SiteLayout({ lang, children }: { lang: Lang; children?: ReactNode }) {
  return (
    <LangProvider lang={lang}>
      <AlternatesProvider>
        <Frame>{children}</Frame>
      </AlternatesProvider>
    </LangProvider>
  );
}
