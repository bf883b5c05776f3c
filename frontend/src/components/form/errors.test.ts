import { describe, expect, it } from "vitest";
import { byField, errorText } from "./errors";
import { SHOP_STRINGS } from "../shop/strings";

describe("payload errors in the visitor's language", () => {
  it("words an error by its code, whatever language the server answered in", () => {
    const error = { field: "quantity", code: "INSUFFICIENT_STOCK", message: "Only 3 left." };
    expect(errorText(SHOP_STRINGS.nl, error)).toBe("Er zijn niet zoveel stuks op voorraad.");
    expect(errorText(SHOP_STRINGS.fr, error)).toBe("Il n’y en a pas autant en stock.");
  });

  it("says which field is invalid when the field has its own wording", () => {
    const error = { field: "postalCode", code: "INVALID", message: "Enter a postal code like 1000." };
    expect(errorText(SHOP_STRINGS.en, error)).toBe("This postcode is not valid for the chosen country.");
  });

  it("falls back to the server's message for a code it does not know", () => {
    expect(errorText(SHOP_STRINGS.en, { field: null, code: "SOMETHING_NEW", message: "Server says no." })).toBe(
      "Server says no.",
    );
  });

  it("groups errors by field, those without a field under 'form'", () => {
    const found = byField(SHOP_STRINGS.en, [
      { field: "email", code: "REQUIRED", message: "" },
      { field: null, code: "NO_LINES", message: "" },
      { field: "email", code: "INVALID", message: "" },
    ]);
    expect(found).toEqual({
      email: "This field is required. Enter a valid e-mail address.",
      form: "Your cart is empty.",
    });
  });
});
