import { describe, expect, it } from "vitest";
import { INITIAL, MAX_SCALE, clampView, pan, zoomAt } from "./zoomMath";

describe("zoomable image", () => {
  it("never zooms out past the whole image nor in past the maximum", () => {
    expect(zoomAt(INITIAL, 0.5, 0, 0, 800, 600).scale).toBe(1);
    let view = INITIAL;
    for (let i = 0; i < 20; i += 1) view = zoomAt(view, 2, 0, 0, 800, 600);
    expect(view.scale).toBe(MAX_SCALE);
  });

  it("keeps the point under the pointer in place", () => {
    const view = zoomAt(INITIAL, 2, 100, 50, 800, 600);
    // The image point that was at (100, 50) is at ((100 - x) / scale) before and after.
    expect((100 - view.x) / view.scale).toBeCloseTo(100);
    expect((50 - view.y) / view.scale).toBeCloseTo(50);
  });

  it("cannot pan the image off the viewport", () => {
    const zoomed = clampView({ scale: 2, x: 0, y: 0 }, 800, 600);
    expect(pan(zoomed, 10_000, -10_000, 800, 600)).toEqual({ scale: 2, x: 400, y: -300 });
    expect(pan(INITIAL, 50, 50, 800, 600)).toEqual(INITIAL);
  });
});
