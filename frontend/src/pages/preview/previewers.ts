/**
 * Which view renders the draft of each page type in Wagtail's preview pane. The key is
 * the `content_type` query parameter Wagtail sends (`app_label.modelname`); the view gets
 * the preview token and renders exactly what the published page would.
 *
 * To make a page type previewable: add one line (its view takes `{ previewToken }`).
 */
import type { ComponentType } from "react";

export type PreviewView = ComponentType<{ previewToken: string }>;

export const PREVIEWERS: Record<string, () => Promise<PreviewView>> = {
  "museum_site.storypage": async () => {
    const { StoryView } = await import("../stories/StoryPage");
    return StoryView;
  },
  "museum_site.exhibitionpage": async () => {
    const { ExhibitionView } = await import("../exhibitions/ExhibitionPage");
    return ExhibitionView;
  },
  "museum_site.legalpage": async () => (await import("./LegalPreview")).default,
  "tours.tourpage": async () => (await import("../tours/TourPage")).TourView,
  // "shop.productpage": async () => (await import("../shop/ProductPage")).ProductView,
};
