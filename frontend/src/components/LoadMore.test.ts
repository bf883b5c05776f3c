import { describe, expect, it } from "vitest";
import { appendPage } from "./LoadMore";

describe("load more", () => {
  it("appends the next page's nodes and takes its page info and counts", () => {
    const previous = {
      other: "kept",
      stories: { totalCount: 3, nodes: [{ id: "1" }, { id: "2" }], pageInfo: { hasNextPage: true, endCursor: "b" } },
    };
    const next = {
      other: "ignored",
      stories: { totalCount: 3, nodes: [{ id: "3" }], pageInfo: { hasNextPage: false, endCursor: "c" } },
    };
    expect(appendPage<"stories", typeof previous>("stories")(previous, { fetchMoreResult: next })).toEqual({
      other: "kept",
      stories: { totalCount: 3, nodes: [{ id: "1" }, { id: "2" }, { id: "3" }], pageInfo: { hasNextPage: false, endCursor: "c" } },
    });
  });
});
