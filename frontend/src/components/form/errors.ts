/**
 * Payload errors (`errors { field code message }`) shown in the visitor's language: the
 * message is chosen by code (and, for INVALID, by field), the server's own English
 * message is the fallback. `byField` groups them for the form fields they belong to.
 */

export type PayloadError = { field?: string | null; code: string; message?: string | null };

/** A dictionary with a message per error code (and per field for INVALID), and `unknown`. */
export type ErrorStrings = { errors: Record<string, string> };

export function errorText(strings: ErrorStrings, error: PayloadError): string {
  // A field in a section ("shipping.postalCode") is worded as the field itself.
  const field = error.field?.split(".").pop();
  if (error.code === "INVALID" && field && strings.errors[field]) return strings.errors[field];
  if (error.code === "NOT_FOUND" && field === "promoCode") return strings.errors.promoCode;
  return strings.errors[error.code] ?? error.message ?? strings.errors.unknown;
}

/** Errors keyed by field (`null` field under "form"), as messages ready to show. */
export function byField(strings: ErrorStrings, errors: readonly PayloadError[]): Record<string, string> {
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
