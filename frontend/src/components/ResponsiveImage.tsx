/**
 * An image from one of the API's named rendition presets. Width and height are always
 * set (the browser reserves the space: no layout shift); `srcSet` comes from the API and
 * `sizes` from the layout slot, so a phone never downloads the desktop file. Images are
 * lazy unless they are the page's largest above-the-fold image (`priority`).
 */
import type { CSSProperties } from "react";
import type { RenditionFieldsFragment } from "../graphql/fragments.generated";
import { useServerRender } from "../head/serverContext";

type Props = {
  rendition: RenditionFieldsFragment;
  /** The `sizes` attribute: how wide the image is drawn in this slot. */
  sizes: string;
  /** The hero of the page: load at once, with high priority (LCP). */
  priority?: boolean;
  /** Overrides the API's alt text (e.g. "" when a caption beside it says the same). */
  alt?: string;
  className?: string;
  /** Inline style, e.g. `objectPosition` at the image's focal point. */
  style?: CSSProperties;
};

export function ResponsiveImage({ rendition, sizes, priority = false, alt, className, style }: Props) {
  // On the server the page's first priority image is preloaded from the head, with the
  // same srcset and sizes, so the browser starts it before it reaches the <img>.
  const server = useServerRender();
  if (server && priority && !server.preload) {
    server.preload = { url: rendition.url, srcSet: rendition.srcSet, sizes };
  }
  return (
    <img
      className={className}
      style={style}
      src={rendition.url}
      srcSet={rendition.srcSet || undefined}
      sizes={rendition.srcSet ? sizes : undefined}
      width={rendition.width}
      height={rendition.height}
      alt={alt ?? rendition.alt}
      loading={priority ? "eager" : "lazy"}
      decoding="async"
      // React 18 does not know the camel-cased prop; the attribute is what browsers read.
      {...{ fetchpriority: priority ? "high" : "auto" }}
    />
  );
}
