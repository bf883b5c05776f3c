/**
 * An object's photograph with deep zoom: the page shows the rendition (sized by the
 * layout, fetched at once as the page's main image), and "Zoom in on details" swaps in an
 * OpenSeadragon viewer on the image's IIIF Image API service, which fetches only the
 * tiles of what is on screen, up to the full resolution the service gives.
 *
 * The viewer and OpenSeadragon are a separate chunk, loaded when the visitor asks for
 * them (fetched ahead on hover or focus of the button), so they cost the page nothing
 * until then. An image without a IIIF service stays a plain image.
 */
import { lazy, Suspense, useRef, useState } from "react";
import type { RenditionFieldsFragment } from "../../graphql/fragments.generated";
import { useT } from "../../i18n";

// Never in the server build: OpenSeadragon touches `document` when it loads, which
// would stop the page renderer (its build inlines lazy chunks); the server draws the
// closed state only, so Vite drops the import there (`import.meta.env.SSR`).
const loadViewer: () => Promise<typeof import("./DeepZoomViewer")> = import.meta.env.SSR
  ? () => new Promise<never>(() => {})
  : () => import("./DeepZoomViewer");
const DeepZoomViewer = lazy(loadViewer);

type Props = {
  rendition: RenditionFieldsFragment;
  /** The image's IIIF Image API service (no /info.json), or null. */
  serviceUrl: string | null | undefined;
  label: string;
};

export function DeepZoomImage({ rendition, serviceUrl, label }: Props) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const aspectRatio = `${rendition.width} / ${rendition.height}`;
  const picture = (
    <img
      src={rendition.url}
      srcSet={rendition.srcSet || undefined}
      sizes="(min-width: 60rem) 45vw, 100vw"
      width={rendition.width}
      height={rendition.height}
      alt={rendition.alt}
      decoding="async"
      {...{ fetchpriority: "high" }}
      className="zoom__image"
    />
  );
  if (open && serviceUrl) {
    return (
      <Suspense
        fallback={
          <div className="zoom">
            <div className="zoom__viewport" style={{ aspectRatio }} aria-busy="true">
              {picture}
            </div>
            <p className="meta" role="status">
              {t.deepZoomLoading}
            </p>
          </div>
        }
      >
        <DeepZoomViewer
          serviceUrl={serviceUrl}
          label={label}
          aspectRatio={aspectRatio}
          onClose={() => {
            setOpen(false);
            // Back where the visitor was: on the button that opened the viewer.
            requestAnimationFrame(() => opener.current?.focus());
          }}
        />
      </Suspense>
    );
  }
  return (
    <div className="zoom">
      <div className="zoom__viewport" style={{ aspectRatio }}>
        {picture}
      </div>
      {serviceUrl ? (
        <div className="zoom__controls">
          <button
            ref={opener}
            type="button"
            className="button button--secondary"
            onClick={() => setOpen(true)}
            onPointerEnter={() => void loadViewer()}
            onFocus={() => void loadViewer()}
          >
            {t.deepZoomOpen}
          </button>
        </div>
      ) : null}
    </div>
  );
}
