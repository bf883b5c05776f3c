/**
 * The consent banner: shown until the visitor answers, and again from the footer's
 * "Cookie settings". Not modal (the page stays usable) but placed first in the focus
 * order after the skip link when it opens from the footer. Refusing is as easy as
 * accepting: both are one button.
 */
import { useEffect, useId, useRef, useState } from "react";
import { Link } from "react-router-dom";
import type { ConsentCategory } from "../graphql/schema-types";
import { pathFor, useLang, useT } from "../i18n";
import { useConsentState } from "./ConsentProvider";
import { ALL_CATEGORIES, OPTIONAL_CATEGORIES } from "./storage";

export function ConsentBanner() {
  const t = useT();
  const lang = useLang();
  const { consent, open, close, save, saving, error } = useConsentState();
  const [customising, setCustomising] = useState(false);
  const [chosen, setChosen] = useState<ConsentCategory[]>(consent?.categories ?? ["NECESSARY"]);
  const [announcement, setAnnouncement] = useState("");
  const headingId = useId();
  const ref = useRef<HTMLElement>(null);
  const wasOpen = useRef(open);

  useEffect(() => {
    if (open && !wasOpen.current) {
      // Opened from the footer: take the visitor to it.
      setChosen(consent?.categories ?? ["NECESSARY"]);
      ref.current?.focus();
    }
    wasOpen.current = open;
  }, [open, consent]);

  const answer = async (categories: ConsentCategory[], message: string) => {
    if (await save(categories)) {
      setCustomising(false);
      setAnnouncement(message);
    }
  };

  return (
    <>
      <div className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
      {open ? (
        <section ref={ref} className="consent" aria-labelledby={headingId} tabIndex={-1} data-testid="consent-banner">
          <div className="consent__inner">
            <h2 id={headingId} className="consent__title">
              {t.consentTitle}
            </h2>
            <p>
              {t.consentIntro} <Link to={pathFor(lang, "privacy")}>{t.consentReadPolicy}</Link>
            </p>
            {customising ? (
              <fieldset className="consent__categories">
                <legend className="visually-hidden">{t.consentCustomise}</legend>
                {ALL_CATEGORIES.map((category) => {
                  const [label, description] = t.consentCategories[category as keyof typeof t.consentCategories];
                  const necessary = category === "NECESSARY";
                  return (
                    <label key={category} className="consent__category">
                      <input
                        type="checkbox"
                        name={category}
                        checked={necessary || chosen.includes(category)}
                        disabled={necessary}
                        onChange={(event) =>
                          setChosen((current) =>
                            event.target.checked ? [...current, category] : current.filter((c) => c !== category),
                          )
                        }
                      />
                      <span>
                        <strong>{label}</strong> <span className="consent__description">{description}</span>
                      </span>
                    </label>
                  );
                })}
              </fieldset>
            ) : null}
            {error ? (
              <p className="consent__error" role="alert">
                {t.consentError}
              </p>
            ) : null}
            <div className="consent__actions">
              <button
                type="button"
                className="button button--secondary"
                disabled={saving}
                onClick={() => answer(["NECESSARY"], consent ? t.consentWithdrawn : t.consentSaved)}
              >
                {consent && consent.categories.length > 1 ? t.consentWithdraw : t.consentNecessaryOnly}
              </button>
              {customising ? (
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={saving}
                  onClick={() => answer(chosen, t.consentSaved)}
                >
                  {t.consentSave}
                </button>
              ) : (
                <button
                  type="button"
                  className="button button--secondary"
                  aria-expanded={false}
                  onClick={() => setCustomising(true)}
                >
                  {t.consentCustomise}
                </button>
              )}
              <button
                type="button"
                className="button"
                disabled={saving}
                onClick={() => answer([...OPTIONAL_CATEGORIES], t.consentSaved)}
              >
                {t.consentAcceptAll}
              </button>
              {consent ? (
                <button type="button" className="button button--link" onClick={close}>
                  {t.close}
                </button>
              ) : null}
            </div>
          </div>
        </section>
      ) : null}
    </>
  );
}
