/**
 * OpenSeadragon on a IIIF Image API 3 service (its info.json), with our own named,
 * translated buttons instead of OpenSeadragon's unlabelled image buttons.
 *
 * Keyboard: the viewer takes focus when it opens and answers OpenSeadragon's keys
 * (+/= and − to zoom, the arrow keys or W A S D to move, Shift+arrows to zoom, 0 for the
 * whole image); Escape closes it. The zoom level, relative to the whole image, is
 * announced politely; it and the centre of the view are mirrored in `data-zoom` (two
 * decimals) and `data-center` for tests.
 */
import OpenSeadragon from "openseadragon";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useT } from "../../i18n";

const STEP = 1.5;

type Props = {
  serviceUrl: string;
  label: string;
  aspectRatio: string;
  onClose: () => void;
};

export default function DeepZoomViewer({ serviceUrl, label, aspectRatio, onClose }: Props) {
  const t = useT();
  const helpId = useId();
  const element = useRef<HTMLDivElement>(null);
  const viewer = useRef<OpenSeadragon.Viewer | null>(null);
  const [zoom, setZoom] = useState(1);
  const [center, setCenter] = useState("");
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");

  useEffect(() => {
    if (!element.current) return undefined;
    const instance = OpenSeadragon({
      element: element.current,
      tileSources: `${serviceUrl}/info.json`,
      showNavigationControl: false,
      visibilityRatio: 1,
      constrainDuringPan: true,
      maxZoomPixelRatio: 2,
      gestureSettingsMouse: { clickToZoom: false, dblClickToZoom: true },
    });
    viewer.current = instance;
    const canvas = instance.canvas as HTMLElement;
    canvas.setAttribute("role", "application");
    canvas.setAttribute("aria-roledescription", t.zoomLabel);
    canvas.setAttribute("aria-label", label);
    canvas.setAttribute("aria-describedby", helpId);
    instance.addHandler("open", () => {
      setState("ready");
      canvas.focus();
    });
    instance.addHandler("open-failed", () => setState("failed"));
    instance.addHandler("zoom", (event) => {
      const home = instance.viewport.getHomeZoom();
      if (event.zoom && home) setZoom(event.zoom / home);
    });
    instance.addHandler("pan", (event) => {
      if (event.center) setCenter(`${event.center.x.toFixed(3)},${event.center.y.toFixed(3)}`);
    });
    return () => {
      instance.destroy();
      viewer.current = null;
    };
  }, [serviceUrl, label, helpId, t.zoomLabel]);

  const zoomBy = (factor: number) => {
    const current = viewer.current;
    if (!current) return;
    current.viewport.zoomBy(factor);
    current.viewport.applyConstraints();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      onClose();
    }
  };

  const zoomedIn = zoom > 1.001;
  return (
    <div className="zoom" onKeyDown={onKeyDown}>
      <div
        ref={element}
        className="zoom__viewport deep-zoom"
        style={{ aspectRatio }}
        data-state={state}
        data-zoom={zoom.toFixed(2)}
        data-center={center}
      />
      {state === "failed" ? (
        <p className="meta" role="alert">
          {t.deepZoomFailed}
        </p>
      ) : null}
      <div className="zoom__controls">
        <button type="button" className="button button--secondary" onClick={() => zoomBy(STEP)} aria-label={t.zoomIn}>
          +
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => zoomBy(1 / STEP)}
          aria-label={t.zoomOut}
          disabled={!zoomedIn}
        >
          −
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => viewer.current?.viewport.goHome()}
          disabled={!zoomedIn}
        >
          {t.zoomReset}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t.deepZoomClose}
        </button>
        <span className="zoom__level" role="status" aria-live="polite">
          {Math.round(zoom * 100)}%
        </span>
      </div>
      <p id={helpId} className="meta">
        {t.zoomHelp}
      </p>
    </div>
  );
}
