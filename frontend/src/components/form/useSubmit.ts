/**
 * The one submit handler every form shares (shop, checkout, account, privacy,
 * newsletter): mark the form busy, run the mutation, show its payload errors next to
 * their fields (focus on the first), and run `then` only when there were none. A thrown
 * error (network, server) or an answer without a payload is the form's "something went
 * wrong".
 */
import { useRef, useState, type FormEvent } from "react";
import { useStrings } from "../../i18n";
import { SHOP_STRINGS } from "../shop/strings";
import { byField, focusFirstError, type ErrorStrings, type PayloadError } from "./errors";

/** The payload's errors; null or undefined when the answer had no payload. */
export type Errors = readonly PayloadError[] | null | undefined;

/**
 * What a submit ends with, as messages by field: the payload's errors worded in the
 * visitor's language (none: an empty record), or the form's "something went wrong" when
 * the mutation threw or answered no payload. The hook below shows it; it is pure so it
 * is tested without a browser.
 */
export async function submitted(strings: ErrorStrings, run: () => Promise<Errors>): Promise<Record<string, string>> {
  try {
    const found = await run();
    return found ? byField(strings, found) : { form: strings.errors.unknown };
  } catch {
    return { form: strings.errors.unknown };
  }
}

export function useSubmit(strings?: ErrorStrings) {
  const shop = useStrings(SHOP_STRINGS);
  const s = strings ?? shop;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  /** Show these messages by field (none: clear them) and focus the first; true when there were none. */
  function show(next: Record<string, string>): boolean {
    setErrors(next);
    if (Object.keys(next).length) focusFirstError(form.current);
    return Object.keys(next).length === 0;
  }

  /** Run a mutation outside a form's submit (a radio that saves at once); true when it went through. */
  async function attempt(run: () => Promise<Errors>, then?: () => unknown): Promise<boolean> {
    setBusy(true);
    try {
      const ok = show(await submitted(s, run));
      if (ok) await then?.();
      return ok;
    } catch {
      return show({ form: s.errors.unknown }) && false;
    } finally {
      setBusy(false);
    }
  }

  /** An onSubmit handler: `run` answers the payload's errors, `then` follows a success. */
  function submit(run: () => Promise<Errors>, then?: () => unknown) {
    return async (event: FormEvent) => {
      event.preventDefault();
      await attempt(run, then);
    };
  }

  return { errors, setErrors, show, busy, form, submit, attempt };
}

/** Payload errors with their field under `section` ("shipping.postalCode"): two address forms in one. */
export function inSection(section: string, errors: Errors): Errors {
  return errors?.map((error) => ({ ...error, field: error.field ? `${section}.${error.field}` : null }));
}

/** The errors of one section, keyed by their own field again ("form" stays "form"). */
export function ofSection(section: string, errors: Record<string, string>): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    if (key.startsWith(`${section}.`)) found[key.slice(section.length + 1)] = message;
  }
  return found;
}
