/**
 * A zoomable image without a library: CSS transforms on one <img>, driven by buttons,
 * the keyboard (+ − 0 and the arrow keys once the image has focus), the mouse wheel,
 * dragging and pinching. As the visitor zooms in, `sizes` grows so the browser fetches
 * the larger file from the rendition's `srcSet`. The zoom level is announced politely.
 */
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import type { RenditionFieldsFragment } from "../../graphql/fragments.generated";
import { useT } from "../../i18n";
import { INITIAL, STEP, pan, zoomAt, type View } from "./zoomMath";

const PAN_STEP = 60;

export function ZoomableImage({ rendition, label }: { rendition: RenditionFieldsFragment; label: string }) {
  const t = useT();
  const helpId = useId();
  const viewport = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<View>(INITIAL);
  const [width, setWidth] = useState(0);
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const pinch = useRef<number | null>(null);

  const size = useCallback(() => {
    const box = viewport.current?.getBoundingClientRect();
    return { w: box?.width ?? 1, h: box?.height ?? 1, left: box?.left ?? 0, top: box?.top ?? 0 };
  }, []);

  useEffect(() => {
    const element = viewport.current;
    if (!element) return undefined;
    const observer = new ResizeObserver(() => {
      setWidth((previous) => {
        // A new width invalidates the pan offsets: start again from the whole image.
        if (previous && previous !== element.clientWidth) setView(INITIAL);
        return element.clientWidth;
      });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // Wheel zoom needs a non-passive listener to keep the page from scrolling.
  useEffect(() => {
    const element = viewport.current;
    if (!element) return undefined;
    const onWheel = (event: WheelEvent) => {
      const { w, h, left, top } = size();
      const zoomingOut = event.deltaY > 0;
      setView((current) => {
        if (zoomingOut && current.scale === 1) return current;
        return zoomAt(current, zoomingOut ? 1 / 1.2 : 1.2, event.clientX - left - w / 2, event.clientY - top - h / 2, w, h);
      });
      event.preventDefault();
    };
    element.addEventListener("wheel", onWheel, { passive: false });
    return () => element.removeEventListener("wheel", onWheel);
  }, [size]);

  const zoomBy = (factor: number) => {
    const { w, h } = size();
    setView((current) => zoomAt(current, factor, 0, 0, w, h));
  };
  const move = (dx: number, dy: number) => {
    const { w, h } = size();
    setView((current) => pan(current, dx, dy, w, h));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const actions: Record<string, () => void> = {
      "+": () => zoomBy(STEP),
      "=": () => zoomBy(STEP),
      "-": () => zoomBy(1 / STEP),
      "0": () => setView(INITIAL),
      ArrowLeft: () => move(PAN_STEP, 0),
      ArrowRight: () => move(-PAN_STEP, 0),
      ArrowUp: () => move(0, PAN_STEP),
      ArrowDown: () => move(0, -PAN_STEP),
    };
    const action = actions[event.key];
    // Arrows scroll the page as usual until the image is zoomed in.
    if (!action || (event.key.startsWith("Arrow") && view.scale === 1)) return;
    event.preventDefault();
    action();
  };

  const onPointerDown = (event: PointerEvent) => {
    viewport.current?.setPointerCapture(event.pointerId);
    pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
  };
  const onPointerMove = (event: PointerEvent) => {
    const previous = pointers.current.get(event.pointerId);
    if (!previous) return;
    pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
    const points = [...pointers.current.values()];
    if (points.length === 2) {
      const distance = Math.hypot(points[0].x - points[1].x, points[0].y - points[1].y);
      if (pinch.current) {
        const { w, h, left, top } = size();
        const cx = (points[0].x + points[1].x) / 2 - left - w / 2;
        const cy = (points[0].y + points[1].y) / 2 - top - h / 2;
        setView((current) => zoomAt(current, distance / pinch.current!, cx, cy, w, h));
      }
      pinch.current = distance;
    } else if (view.scale > 1) {
      move(event.clientX - previous.x, event.clientY - previous.y);
    }
  };
  const onPointerUp = (event: PointerEvent) => {
    pointers.current.delete(event.pointerId);
    if (pointers.current.size < 2) pinch.current = null;
  };

  const percent = Math.round(view.scale * 100);
  return (
    <div className="zoom">
      <div
        ref={viewport}
        className="zoom__viewport"
        style={{ aspectRatio: `${rendition.width} / ${rendition.height}` }}
        tabIndex={0}
        role="group"
        aria-roledescription={t.zoomLabel}
        aria-label={label}
        aria-describedby={helpId}
        data-scale={view.scale.toFixed(2)}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onDoubleClick={() => zoomBy(STEP)}
      >
        <img
          src={rendition.url}
          srcSet={rendition.srcSet || undefined}
          // Unzoomed, the layout's width (known before any script ran); zoomed, the drawn width.
          sizes={view.scale > 1 && width ? `${Math.round(width * view.scale)}px` : "(min-width: 60rem) 45vw, 100vw"}
          width={rendition.width}
          height={rendition.height}
          alt={rendition.alt}
          draggable={false}
          decoding="async"
          {...{ fetchpriority: "high" }}
          className="zoom__image"
          style={{ transform: `translate(${view.x}px, ${view.y}px) scale(${view.scale})` }}
        />
      </div>
      <div className="zoom__controls">
        <button type="button" className="button button--secondary" onClick={() => zoomBy(STEP)} aria-label={t.zoomIn}>
          +
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => zoomBy(1 / STEP)}
          aria-label={t.zoomOut}
          disabled={view.scale <= 1}
        >
          −
        </button>
        <button type="button" className="button button--secondary" onClick={() => setView(INITIAL)} disabled={view.scale <= 1}>
          {t.zoomReset}
        </button>
        <span className="zoom__level" role="status" aria-live="polite">
          {percent}%
        </span>
      </div>
      <p id={helpId} className="meta">
        {t.zoomHelp}
      </p>
    </div>
  );
}
