/**
 * Cookie consent: what the visitor allowed, and the only gate through which anything
 * non-essential may load. Until the visitor answers, every optional category is refused
 * and `useConsent("MARKETING")` is false, so no third-party embed, analytics or font
 * is ever requested before consent.
 *
 * Answers are recorded with the `consentUpdate` mutation (time, categories, version of
 * the privacy policy shown) and kept in localStorage with the anonymous consent id; a
 * newer privacy policy (`isCurrentPolicy: false`) asks the visitor again.
 */
import { useApolloClient, useMutation, useQuery } from "@apollo/client";
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { ConsentCategory } from "../graphql/schema-types";
import { useLang, type Lang } from "../i18n";
import { PrivacyPolicyVersionsDocument, StoredConsentDocument, UpdateConsentDocument } from "./consent.generated";
import { readConsent, writeConsent, type StoredConsent } from "./storage";

type ConsentState = {
  /** The recorded answer, or null before the visitor chose. */
  consent: StoredConsent | null;
  /** Whether the banner / settings dialog is open. */
  open: boolean;
  openSettings: () => void;
  close: () => void;
  /** Record the categories granted (NECESSARY is always added by the server). */
  save: (categories: ConsentCategory[]) => Promise<boolean>;
  saving: boolean;
  error: boolean;
};

const ConsentContext = createContext<ConsentState | null>(null);

/** The policy the visitor is shown: their language's, else English, else Dutch. */
export function policyLocale(lang: Lang, available: readonly string[]): string | null {
  for (const candidate of [lang, "en", "nl"]) if (available.includes(candidate)) return candidate;
  return available[0] ?? null;
}

export function ConsentProvider({ children }: { children: ReactNode }) {
  const lang = useLang();
  // Read after the first render, not during it: the server (which cannot know) rendered
  // the page without the banner, and the browser's first render must match it.
  const [consent, setConsent] = useState<StoredConsent | null>(null);
  const [open, setOpen] = useState<boolean>(false);
  useEffect(() => {
    const stored = readConsent();
    setConsent(stored);
    if (stored === null) setOpen(true);
  }, []);
  const [error, setError] = useState(false);
  const client = useApolloClient();
  const stored = useQuery(StoredConsentDocument, {
    variables: { consentId: consent?.consentId ?? "" },
    skip: !consent,
    fetchPolicy: "network-only",
  });
  const [update, { loading: saving }] = useMutation(UpdateConsentDocument);

  // Ask again when the privacy policy changed since the visitor answered.
  useEffect(() => {
    if (stored.data?.consent && !stored.data.consent.isCurrentPolicy) setOpen(true);
  }, [stored.data]);

  const save = useCallback(
    async (categories: ConsentCategory[]) => {
      setError(false);
      // Fetched when the visitor answers, not on every page load: nothing to render.
      const policies = await client.query({ query: PrivacyPolicyVersionsDocument }).catch(() => null);
      const pages = policies?.data.pages ?? [];
      const versions = new Map<string, string>();
      for (const page of pages) if (page.__typename === "PrivacyPolicy") versions.set(page.locale, page.version);
      const locale = policyLocale(lang, [...versions.keys()]) ?? lang;
      try {
        const result = await update({
          variables: {
            input: {
              consentId: consent?.consentId,
              categories,
              locale,
              policyVersion: versions.get(locale),
            },
          },
        });
        const payload = result.data?.consentUpdate;
        if (!payload?.consent || payload.errors.length) {
          setError(true);
          return false;
        }
        const value: StoredConsent = {
          consentId: payload.consent.consentId,
          categories: payload.consent.categories,
          policyVersion: payload.consent.policyVersion,
          givenAt: payload.consent.givenAt,
        };
        writeConsent(value);
        setConsent(value);
        setOpen(false);
        return true;
      } catch {
        setError(true);
        return false;
      }
    },
    [client, consent, lang, update],
  );

  const value = useMemo<ConsentState>(
    () => ({
      consent,
      open,
      openSettings: () => setOpen(true),
      close: () => setOpen(false),
      save,
      saving,
      error,
    }),
    [consent, open, save, saving, error],
  );
  return <ConsentContext.Provider value={value}>{children}</ConsentContext.Provider>;
}

export function useConsentState(): ConsentState {
  const state = useContext(ConsentContext);
  if (!state) throw new Error("useConsentState outside ConsentProvider");
  return state;
}

/** Whether the visitor allowed `category`; false until they answered. */
export function useConsent(category: ConsentCategory): boolean {
  const { consent } = useConsentState();
  return category === "NECESSARY" || Boolean(consent?.categories.includes(category));
}
