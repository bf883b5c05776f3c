/**
 * Whether this browser can draw the 360° view. Photo Sphere Viewer 5 renders with
 * three.js, which needs WebGL 2; without it (old devices, WebGL switched off by policy)
 * the tour page shows its text fallback instead of an error inside an empty canvas.
 */
let cached: boolean | null = null;

export function webglAvailable(): boolean {
  if (cached !== null) return cached;
  try {
    const canvas = document.createElement("canvas");
    cached = Boolean(canvas.getContext("webgl2"));
  } catch {
    cached = false;
  }
  return cached;
}
