import { describe, expect, it } from "vitest";
import { SHOP_STRINGS } from "../../../components/shop/strings";
import { readiness } from "./readiness";

const s = SHOP_STRINGS.en;

describe("whether a checkout can be paid", () => {
  it("is ready when the server lists no problems", () => {
    expect(readiness({ problems: [] }, s)).toEqual({ ready: true, reasons: [] });
  });

  it("is not ready when the server says the delivery method is gone, even if one is still shown", () => {
    // A museum switched the chosen method off: only the server knows; the checkout still names it.
    const checkout = {
      deliveryMethod: { id: "1", name: "bpost", kind: "SHIPPING" },
      problems: [{ field: "deliveryMethodId", code: "SHIPPING_METHOD_NOT_SET", message: "Choose a delivery method." }],
    };
    expect(readiness(checkout, s)).toEqual({ ready: false, reasons: [s.errors.SHIPPING_METHOD_NOT_SET] });
  });

  it("words every problem in the visitor's language, each once", () => {
    const problems = [
      { field: "email", code: "EMAIL_NOT_SET", message: "Enter an e-mail address." },
      { field: "billingAddress", code: "BILLING_ADDRESS_NOT_SET", message: "Enter a billing address." },
      { field: "shippingAddress", code: "BILLING_ADDRESS_NOT_SET", message: "Enter a billing address." },
    ];
    expect(readiness({ problems }, SHOP_STRINGS.nl)).toEqual({
      ready: false,
      reasons: [SHOP_STRINGS.nl.errors.EMAIL_NOT_SET, SHOP_STRINGS.nl.errors.BILLING_ADDRESS_NOT_SET],
    });
  });

  it("falls back to the server's message for a code it does not know", () => {
    const problems = [{ field: null, code: "SOMETHING_NEW", message: "Not yet." }];
    expect(readiness({ problems }, s)).toEqual({ ready: false, reasons: ["Not yet."] });
  });
});
