import { describe, expect, it } from "vitest";
import { SHOP_STRINGS } from "../shop/strings";
import { inSection, ofSection, submitted } from "./useSubmit";

const s = SHOP_STRINGS.en;

describe("what a submit ends with", () => {
  it("is nothing to show when the payload has no errors", async () => {
    expect(await submitted(s, async () => [])).toEqual({});
  });

  it("words each payload error at its field, those without one at the form", async () => {
    const found = await submitted(s, async () => [
      { field: "email", code: "REQUIRED", message: "" },
      { field: null, code: "NO_LINES", message: "" },
    ]);
    expect(found.email).toBe("This field is required.");
    expect(Object.keys(found)).toEqual(["email", "form"]);
  });

  it("is the form's 'something went wrong' when there was no payload or the request failed", async () => {
    expect(await submitted(s, async () => null)).toEqual({ form: s.errors.unknown });
    expect(
      await submitted(s, async () => {
        throw new Error("Failed to fetch");
      }),
    ).toEqual({ form: s.errors.unknown });
  });
});

describe("two address forms in one submit", () => {
  it("keeps each form's errors apart and words them as the field itself", async () => {
    const found = await submitted(
      s,
      async () => inSection("shipping", [{ field: "postalCode", code: "INVALID", message: "" }, { field: null, code: "X", message: "No." }]),
    );
    expect(ofSection("shipping", found)).toEqual({ postalCode: "This postcode is not valid for the chosen country." });
    expect(ofSection("billing", found)).toEqual({});
    expect(found.form).toBe("No.");
  });
});
