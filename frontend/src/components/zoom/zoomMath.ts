/**
 * The arithmetic of the zoomable image, kept apart from React so it is unit tested:
 * scale limits, zooming around a point, and keeping the image covering the viewport.
 */
export const MIN_SCALE = 1;
export const MAX_SCALE = 6;
export const STEP = 1.5;

export type View = { scale: number; x: number; y: number };
export const INITIAL: View = { scale: 1, x: 0, y: 0 };

/** Keep the image covering the viewport: no panning past its edges. */
export function clampView(view: View, width: number, height: number): View {
  const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, view.scale));
  const maxX = ((scale - 1) * width) / 2;
  const maxY = ((scale - 1) * height) / 2;
  return {
    scale,
    x: Math.min(maxX, Math.max(-maxX, view.x)),
    y: Math.min(maxY, Math.max(-maxY, view.y)),
  };
}

/**
 * Zoom by `factor` keeping the point (px, py), measured from the viewport's centre,
 * where it is on screen — the point under the mouse or between two fingers.
 */
export function zoomAt(view: View, factor: number, px: number, py: number, width: number, height: number): View {
  const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, view.scale * factor));
  const ratio = scale / view.scale;
  return clampView({ scale, x: px - (px - view.x) * ratio, y: py - (py - view.y) * ratio }, width, height);
}

/** Move by (dx, dy) screen pixels. */
export function pan(view: View, dx: number, dy: number, width: number, height: number): View {
  return clampView({ ...view, x: view.x + dx, y: view.y + dy }, width, height);
}
