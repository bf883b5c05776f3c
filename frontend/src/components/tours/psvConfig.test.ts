import { describe, expect, it } from "vitest";
import { hotspotIndexOfMarker, nodePanorama, parseViewerConfig, type PsvTourJson } from "./psvConfig";

const FACES = { front: "f", back: "b", left: "l", right: "r", top: "u", bottom: "d" } as const;

function tour(adapter: PsvTourJson["adapter"]): PsvTourJson {
  return {
    adapter,
    positionMode: "manual",
    renderMode: "2d",
    startNodeId: "hall",
    nodes: [
      {
        id: "hall",
        name: "Hall &amp; stairs",
        caption: "Hall &amp; stairs",
        description: "",
        panorama:
          adapter === "cubemap-tiles"
            ? {
                levels: [
                  { faceSize: 512, nbTiles: 1 },
                  { faceSize: 1024, nbTiles: 2 },
                ],
                baseUrl: { front: "f.jpg", back: "b.jpg", left: "l.jpg", right: "r.jpg", top: "u.jpg", bottom: "d.jpg" },
                flipTopBottom: true,
                tileUrlTemplates: ["/t/1/{face}{row}_{col}.jpg", "/t/2/{face}{row}_{col}.jpg"],
                faceLetters: FACES,
              }
            : "/media/hall.jpg",
        links: [],
        markers: [],
        data: { scene: "hall", initialPosition: { yaw: 0, pitch: 0 }, initialHorizontalFov: 90, northOffset: 0 },
      },
    ],
  };
}

describe("the Photo Sphere Viewer config from the API", () => {
  it("turns the tile URL templates into the adapter's tileUrl, one template per level", () => {
    const panorama = nodePanorama(tour("cubemap-tiles"), tour("cubemap-tiles").nodes[0]) as {
      tileUrl: (face: string, col: number, row: number, level: number) => string;
      levels: unknown[];
      flipTopBottom: boolean;
    };
    expect(panorama.tileUrl("top", 1, 0, 1)).toBe("/t/2/u0_1.jpg");
    expect(panorama.tileUrl("front", 0, 0, 0)).toBe("/t/1/f0_0.jpg");
    expect(panorama.levels).toHaveLength(2);
    expect(panorama.flipTopBottom).toBe(true);
    expect(panorama).not.toHaveProperty("tileUrlTemplates");
  });

  it("passes an equirectangular panorama through as its URL", () => {
    const config = tour("equirectangular");
    expect(nodePanorama(config, config.nodes[0])).toBe("/media/hall.jpg");
  });

  it("refuses what is not a tour config", () => {
    expect(parseViewerConfig(JSON.stringify(tour("cubemap-tiles")))?.startNodeId).toBe("hall");
    expect(parseViewerConfig("{")).toBeNull();
    expect(parseViewerConfig(JSON.stringify({ adapter: "cubemap-tiles", nodes: [] }))).toBeNull();
    expect(parseViewerConfig(JSON.stringify({ ...tour("cubemap-tiles"), adapter: "marzipano" }))).toBeNull();
    expect(parseViewerConfig(null)).toBeNull();
  });

  it("finds a marker's hotspot by the API's `<scene>-<index>` id, only in its own scene", () => {
    expect(hotspotIndexOfMarker("inkomhal-3", "inkomhal")).toBe(3);
    expect(hotspotIndexOfMarker("zaal-2-10", "zaal-2")).toBe(10);
    expect(hotspotIndexOfMarker("zaal-2-10", "zaal")).toBeNull();
    expect(hotspotIndexOfMarker("inkomhal-x", "inkomhal")).toBeNull();
  });
});
