/**
 * Payload errors (`errors { field code message }`) shown in the visitor's language: the
 * message is chosen by code (and, for INVALID, by field), the server's own English
 * message is the fallback. `byField` groups them for the form fields they belong to.
 */
import type { ShopStrings } from "./strings";

export type PayloadError = { field?: string | null; code: string; message?: string | null };

export function errorText(strings: Pick<ShopStrings, "errors">, error: PayloadError): string {
  if (error.code === "INVALID" && error.field && strings.errors[error.field]) return strings.errors[error.field];
  if (error.code === "NOT_FOUND" && error.field === "promoCode") return strings.errors.promoCode;
  return strings.errors[error.code] ?? error.message ?? strings.errors.unknown;
}

/** Errors keyed by field (`null` field under "form"), as messages ready to show. */
export function byField(strings: Pick<ShopStrings, "errors">, errors: readonly PayloadError[]): Record<string, string> {
  const found: Record<string, string> = {};
  for (const error of errors) {
    const key = error.field ?? "form";
    found[key] = found[key] ? `${found[key]} ${errorText(strings, error)}` : errorText(strings, error);
  }
  return found;
}

/**
 * After a failed submit: move focus to the first field with an error (or the form's
 * error message). The error is rendered by React after this is called, so look for it on
 * the next frames.
 */
export function focusFirstError(form: HTMLElement | null, frames = 30): void {
  if (!form) return;
  window.requestAnimationFrame(() => {
    const target = form.querySelector<HTMLElement>("[aria-invalid='true'], .form-error[tabindex]");
    if (target) target.focus();
    else if (frames > 0) focusFirstError(form, frames - 1);
  });
}
