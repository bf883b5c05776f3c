/**
 * The submit handler every form of the account and privacy pages shares: mark the form
 * busy, run the mutation, show its payload errors next to their fields (focus on the
 * first), and run `then` only when there were none. A thrown error (network, server)
 * or an answer without a payload is the form's "something went wrong".
 */
import { useRef, useState, type FormEvent } from "react";
import { useStrings } from "../../i18n";
import { byField, focusFirstError, type PayloadError } from "./errors";
import { SHOP_STRINGS, type ShopStrings } from "./strings";

/** The payload's errors; null or undefined when the answer had no payload. */
export type Errors = readonly PayloadError[] | null | undefined;

export function useSubmit(strings?: Pick<ShopStrings, "errors">) {
  const shop = useStrings(SHOP_STRINGS);
  const s = strings ?? shop;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  /** Show these errors (none: clear them); true when there were none. */
  function show(found: Errors): boolean {
    const next = found ? byField(s, found) : { form: s.errors.unknown };
    setErrors(next);
    if (Object.keys(next).length) focusFirstError(form.current);
    return Object.keys(next).length === 0;
  }

  /** An onSubmit handler: `run` answers the payload's errors, `then` follows a success. */
  function submit(run: () => Promise<Errors>, then?: () => unknown) {
    return async (event: FormEvent) => {
      event.preventDefault();
      setBusy(true);
      try {
        if (show(await run())) await then?.();
      } catch {
        show(null);
      } finally {
        setBusy(false);
      }
    };
  }

  return { errors, setErrors, show, busy, form, submit };
}
