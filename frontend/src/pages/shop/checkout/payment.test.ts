import { describe, expect, it } from "vitest";
import { SHOP_STRINGS } from "../../../components/shop/strings";
import { payByCard, type CardPaymentSteps } from "./payment";

const s = SHOP_STRINGS.en;
type Order = { number: string };

/** Steps that answer as a card that is accepted at once; each test changes one. */
function steps(overrides: Partial<CardPaymentSteps<Order>> = {}): CardPaymentSteps<Order> & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async confirmCardSetup() {
      calls.push("setup");
      return { paymentMethodId: "pm_1" };
    },
    async createPayment(id) {
      calls.push(`pay ${id}`);
      return { errors: [], payment: { status: "succeeded", clientSecret: "pi_1_secret" } };
    },
    async authenticate(secret) {
      calls.push(`3ds ${secret}`);
      return { succeeded: true };
    },
    async complete() {
      calls.push("complete");
      return { errors: [], order: { number: "2026-0001" } };
    },
    ...overrides,
  };
}

describe("paying a checkout by card", () => {
  it("answers the order after setup, payment and completion, without 3-D Secure", async () => {
    const flow = steps();
    expect(await payByCard(flow, s)).toEqual({ ok: true, order: { number: "2026-0001" } });
    expect(flow.calls).toEqual(["setup", "pay pm_1", "complete"]);
  });

  it("runs 3-D Secure when the payment requires action, then completes", async () => {
    const flow = steps({
      async createPayment() {
        return { errors: [], payment: { status: "requires_action", clientSecret: "pi_2_secret" } };
      },
    });
    const result = await payByCard(flow, s);
    expect(result.ok).toBe(true);
    expect(flow.calls).toContain("complete");
  });

  it("stops at a declined card with Stripe's message and asks for a fresh setup", async () => {
    const flow = steps({
      async confirmCardSetup() {
        return { error: "Your card was declined." };
      },
    });
    expect(await payByCard(flow, s)).toEqual({ ok: false, message: "Your card was declined.", freshSetupNeeded: true });
    expect(flow.calls).toEqual([]);
  });

  it("words the server's refusal of the payment in the visitor's language", async () => {
    const flow = steps({
      async createPayment() {
        return { errors: [{ field: null, code: "SOMETHING_NEW", message: "Server says no." }], payment: null };
      },
    });
    expect(await payByCard(flow, s)).toEqual({ ok: false, message: "Server says no.", freshSetupNeeded: true });
  });

  it("does not complete when 3-D Secure fails", async () => {
    const flow = steps({
      async createPayment() {
        return { errors: [], payment: { status: "requires_action", clientSecret: "pi_3_secret" } };
      },
      async authenticate() {
        return { succeeded: false };
      },
    });
    expect(await payByCard(flow, s)).toEqual({ ok: false, message: s.paymentFailed, freshSetupNeeded: true });
    expect(flow.calls).not.toContain("complete");
  });

  it("does not ask to pay again when only completing failed", async () => {
    const flow = steps({
      async complete() {
        return { errors: [], order: null };
      },
    });
    expect(await payByCard(flow, s)).toEqual({ ok: false, message: s.paymentFailed, freshSetupNeeded: false });
  });

  it("answers 'something went wrong' when the network fails", async () => {
    const flow = steps({
      async createPayment() {
        throw new Error("Failed to fetch");
      },
    });
    expect(await payByCard(flow, s)).toEqual({ ok: false, message: s.errors.unknown, freshSetupNeeded: true });
  });
});
