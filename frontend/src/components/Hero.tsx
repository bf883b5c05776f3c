/**
 * A page's hero image (stories, exhibitions). A painting must not lose its edges to a
 * banner crop: the 2:1 banner (cropped around the focal point) is used only where the
 * editor set a focal point; any other image is shown whole, letterboxed in a band no
 * taller than most of the screen. Both come with widths up to 2400 px for 2× screens.
 */
import type { CSSProperties } from "react";
import type { HeroFieldsFragment } from "../graphql/fragments.generated";
import { ResponsiveImage } from "./ResponsiveImage";

const SIZES = "(min-width: 76rem) 76rem, 100vw";

export function Hero({ hero }: { hero: HeroFieldsFragment }) {
  if (hero.image.focalPoint) {
    return <ResponsiveImage className="hero" rendition={hero.rendition} sizes={SIZES} priority />;
  }
  // The whole image's width is known before it loads (its proportions, capped by the
  // band's height), so the text under it does not move when it arrives (CLS).
  const ratio = { "--hero-ratio": hero.whole.width / hero.whole.height } as CSSProperties;
  return (
    <div className="hero hero--whole">
      <ResponsiveImage className="hero__image" rendition={hero.whole} sizes={SIZES} priority style={ratio} />
    </div>
  );
}
