/**
 * The visitor's consent as this browser keeps it. Stored in localStorage, which is itself
 * "strictly necessary" storage (it records the answer); the server keeps the proof
 * (time, policy version, categories) under the anonymous consent id.
 */
import type { ConsentCategory } from "../graphql/schema-types";

export const OPTIONAL_CATEGORIES = ["PREFERENCES", "ANALYTICS", "MARKETING"] as const satisfies readonly ConsentCategory[];
export const ALL_CATEGORIES: readonly ConsentCategory[] = ["NECESSARY", ...OPTIONAL_CATEGORIES];

export type StoredConsent = {
  consentId: string;
  categories: ConsentCategory[];
  policyVersion: string;
  givenAt: string;
};

const KEY = "vitrine.consent";

export function readConsent(): StoredConsent | null {
  try {
    const raw = window.localStorage.getItem(KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as StoredConsent;
    return typeof value.consentId === "string" && Array.isArray(value.categories) ? value : null;
  } catch {
    return null;
  }
}

export function writeConsent(value: StoredConsent): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(value));
  } catch {
    // Private browsing with storage disabled: the banner will ask again next visit.
  }
}
