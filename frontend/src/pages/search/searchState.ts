/**
 * The search lives in the URL (`?q=zilver&kind=OBJECT&material=30&century=17`), so a
 * result list can be bookmarked, shared and reached with the back button.
 */
import type { QueryRule, SearchKind } from "../../graphql/schema-types";
import { pathFor, type Lang } from "../../i18n";

export const KINDS: SearchKind[] = ["STORY", "EXHIBITION", "OBJECT", "TOUR", "PRODUCT"];
export const RULES: QueryRule[] = ["CENTURY", "MAX_PRICE", "PRODUCTS"];

export type SearchState = {
  q: string;
  kinds: SearchKind[];
  makers: string[];
  materials: string[];
  objectTypes: string[];
  centuries: number[];
  /** Rules of query understanding the visitor undid: their words are searched as words. */
  skipRules: QueryRule[];
};

export function readSearch(params: URLSearchParams): SearchState {
  return {
    q: params.get("q") ?? "",
    kinds: params.getAll("kind").filter((kind): kind is SearchKind => (KINDS as string[]).includes(kind)),
    makers: params.getAll("maker"),
    materials: params.getAll("material"),
    objectTypes: params.getAll("type"),
    centuries: params
      .getAll("century")
      .map(Number)
      .filter((value) => Number.isInteger(value)),
    skipRules: params.getAll("literal").filter((rule): rule is QueryRule => (RULES as string[]).includes(rule)),
  };
}

export function writeSearch(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const kind of state.kinds) params.append("kind", kind);
  for (const maker of state.makers) params.append("maker", maker);
  for (const material of state.materials) params.append("material", material);
  for (const objectType of state.objectTypes) params.append("type", objectType);
  for (const century of state.centuries) params.append("century", String(century));
  for (const rule of state.skipRules) params.append("literal", rule);
  return params;
}

export function toggle<T>(values: T[], value: T): T[] {
  return values.includes(value) ? values.filter((candidate) => candidate !== value) : [...values, value];
}

/** Where a search result or suggestion lives on this site. */
export function resultPath(lang: Lang, kind: SearchKind, slug: string, sceneKey?: string | null): string {
  switch (kind) {
    case "STORY":
      return pathFor(lang, "stories", slug);
    case "EXHIBITION":
      return pathFor(lang, "exhibitions", slug);
    case "OBJECT":
      return pathFor(lang, "collection", slug);
    case "TOUR":
      return pathFor(lang, "tours", slug) + (sceneKey ? `?scene=${encodeURIComponent(sceneKey)}` : "");
    case "PRODUCT":
      return pathFor(lang, "shop", slug);
  }
}
