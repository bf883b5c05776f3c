/**
 * Whether the checkout can be paid, as the server says it (`Checkout.problems`, the same
 * errors `checkoutPaymentCreate` would answer): the frontend does not re-derive it from
 * the fields it sees, which would miss what only the server knows (a delivery method
 * the museum switched off, a basket emptied by expiry).
 */
import { errorText, type ErrorStrings, type PayloadError } from "../../../components/form/errors";

export type Readiness = { ready: boolean; reasons: string[] };

/** Ready when the server lists no problem; otherwise each problem worded for the visitor, once. */
export function readiness(checkout: { problems: readonly PayloadError[] }, strings: ErrorStrings): Readiness {
  const reasons = [...new Set(checkout.problems.map((problem) => errorText(strings, problem)))];
  return { ready: checkout.problems.length === 0, reasons };
}
