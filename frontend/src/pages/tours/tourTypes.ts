/** Shapes of the tour query's answer, named for what they are on the page. */
import type { TourDetailQuery, TourHotspotFieldsFragment } from "./tours.generated";
import type { HotspotKind } from "./tourStrings";

export type TourData = NonNullable<TourDetailQuery["tour"]>;
export type SceneData = TourData["scenes"][number];
export type FloorPlanData = TourData["floorPlans"][number];
export type StopData = TourData["stops"][number];
export type HotspotData = TourHotspotFieldsFragment;
export type SceneLinkTarget = Extract<NonNullable<HotspotData["target"]>, { __typename: "SceneLink" }>;

const KINDS: readonly HotspotKind[] = ["scene", "object", "story", "exhibition", "image", "media", "url"];

/** The hotspot's kind as the UI names it ("url" for anything the API adds later). */
export function hotspotKind(hotspot: HotspotData): HotspotKind {
  return (KINDS as readonly string[]).includes(hotspot.kind) ? (hotspot.kind as HotspotKind) : "url";
}

/** The scene a navigation hotspot leads to, or null for an information hotspot. */
export function sceneLink(hotspot: HotspotData): SceneLinkTarget | null {
  return hotspot.target?.__typename === "SceneLink" ? hotspot.target : null;
}

/** Only web and mail links leave the site: anything else (javascript:, data:) is dropped. */
export function safeExternalUrl(url: string): string | null {
  try {
    const parsed = new URL(url, window.location.href);
    return ["http:", "https:", "mailto:"].includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}
