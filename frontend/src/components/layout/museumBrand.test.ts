import { describe, expect, it } from "vitest";
import { brandCss, TYPEFACES } from "./museumBrand";

describe("brandCss", () => {
  it("writes the museum's colours and typeface as custom properties", () => {
    expect(brandCss({ primaryColour: "#112233", accentColour: "#aabbcc", typeface: "HUMANIST" })).toBe(
      `:root{--brand:#112233;--accent:#aabbcc;--font-body:${TYPEFACES.HUMANIST}}`,
    );
  });
  it("writes nothing that is not of the expected shape", () => {
    const css = brandCss({ primaryColour: "red}</style><script>", accentColour: "#12345", typeface: "COMIC" });
    expect(css).toBe("");
    expect(brandCss(null)).toBe("");
  });
});
