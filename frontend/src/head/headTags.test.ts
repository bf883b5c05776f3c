import { describe, expect, it } from "vitest";
import { headHtml, headTags } from "./headTags";
import type { PageMetaFieldsFragment } from "./pageMeta.generated";

const story: PageMetaFieldsFragment = {
  __typename: "PageMeta",
  status: 200,
  lang: "en",
  title: "Bruegel on the ice",
  fullTitle: "Bruegel on the ice — Museum",
  description: "Why so many winter landscapes?",
  canonical: "https://museum.example/en/stories/bruegel",
  noindex: false,
  ogType: "article",
  ogLocale: "en_GB",
  siteName: "Museum",
  alternates: [
    { __typename: "PageMetaAlternate", hreflang: "nl", href: "https://museum.example/nl/verhalen/bruegel" },
    { __typename: "PageMetaAlternate", hreflang: "en", href: "https://museum.example/en/stories/bruegel" },
  ],
  image: { __typename: "PageMetaImage", url: "https://museum.example/media/a.jpg", width: 1200, height: 630, alt: "Ice" },
  jsonLd: ['{"@type":"Article","name":"</script><script>alert(1)</script>"}'],
};

describe("headTags", () => {
  it("writes the title, Open Graph with the locale alternates and a large card", () => {
    const { title, tags } = headTags(story);
    expect(title).toBe("Bruegel on the ice — Museum");
    const props = tags.map((tag) => tag.attrs.property ?? tag.attrs.name ?? tag.attrs.rel);
    expect(props).toContain("og:image");
    expect(tags.find((tag) => tag.attrs.name === "twitter:card")?.attrs.content).toBe("summary_large_image");
    expect(tags.filter((tag) => tag.attrs.property === "og:locale:alternate").map((t) => t.attrs.content)).toEqual([
      "nl_BE",
    ]);
  });

  it("uses the page's own title where the API has none", () => {
    const { title } = headTags({ ...story, title: null, fullTitle: null }, { title: "Search" });
    expect(title).toBe("Search — Museum");
  });

  it("cannot be broken out of by a title or JSON-LD", () => {
    const { title, tags } = headTags({ ...story, fullTitle: '</title><script>x</script>' });
    const html = headHtml(title, tags);
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("</title><script>");
  });
});
