/**
 * The API's `viewerConfig(format: PHOTO_SPHERE_VIEWER)` turned into the options Photo
 * Sphere Viewer 5 and its virtual-tour plugin take, as tours/viewers.py documents (and
 * tests/e2e/harness/photo-sphere-viewer.html proves): the JSON carries URL templates,
 * the cubemap-tiles adapter wants a `tileUrl` function. No runtime import of the viewer
 * here, so the page can read the config without downloading the viewer's chunk.
 *
 * Texts in the config (node names, captions, tooltips) are HTML-escaped by the API
 * because PSV inserts them as HTML; the page itself never renders them, it shows the
 * plain-text fields of the GraphQL answer through React.
 */

export type Direction = { yaw: number; pitch: number };

type TilesPanoramaJson = {
  levels: { faceSize: number; nbTiles: number }[];
  baseUrl: Record<CubeFace, string>;
  flipTopBottom: boolean;
  tileUrlTemplates: string[];
  faceLetters: Record<CubeFace, string>;
};

type CubeFace = "front" | "back" | "left" | "right" | "top" | "bottom";

export type PsvNodeJson = {
  id: string;
  name: string;
  caption: string;
  description: string;
  panorama: TilesPanoramaJson | string;
  links: { nodeId: string; position: Direction; data: { label: string; arrivePosition?: Direction } }[];
  markers: { id: string; position: Direction; data: { label: string; target?: unknown }; [option: string]: unknown }[];
  data: { scene: string; initialPosition: Direction; initialHorizontalFov: number; northOffset: number };
  /** A partial panorama's place in the whole sphere (the equirectangular adapter's
   * `panoData`), so it is shown at its real angle of view rather than stretched. */
  panoData?: {
    fullWidth: number;
    fullHeight: number;
    croppedWidth: number;
    croppedHeight: number;
    croppedX: number;
    croppedY: number;
  };
};

export type PsvTourJson = {
  adapter: "cubemap-tiles" | "equirectangular";
  positionMode: "manual";
  renderMode: "2d" | "3d";
  startNodeId?: string;
  nodes: PsvNodeJson[];
};

/** The tour's config, or null when the API sent something that is not one. */
export function parseViewerConfig(json: string | null | undefined): PsvTourJson | null {
  if (!json) return null;
  try {
    const config = JSON.parse(json) as Partial<PsvTourJson>;
    if (!Array.isArray(config.nodes) || config.nodes.length === 0) return null;
    if (config.adapter !== "cubemap-tiles" && config.adapter !== "equirectangular") return null;
    return config as PsvTourJson;
  } catch {
    return null;
  }
}

/** The cubemap-tiles adapter's tile function for one level's URL template. */
export function tileUrl(
  panorama: Pick<TilesPanoramaJson, "tileUrlTemplates" | "faceLetters">,
  face: CubeFace,
  col: number,
  row: number,
  level: number,
): string {
  return panorama.tileUrlTemplates[level]
    .replace("{face}", panorama.faceLetters[face])
    .replace("{row}", String(row))
    .replace("{col}", String(col));
}

/** A node's panorama as the adapter takes it (the tiles' templates become `tileUrl`). */
export function nodePanorama(config: PsvTourJson, node: PsvNodeJson): unknown {
  if (config.adapter !== "cubemap-tiles" || typeof node.panorama === "string") return node.panorama;
  const { tileUrlTemplates, faceLetters, ...panorama } = node.panorama;
  return {
    ...panorama,
    tileUrl: (face: CubeFace, col: number, row: number, level: number) =>
      tileUrl({ tileUrlTemplates, faceLetters }, face, col, row, level),
  };
}

/** Which hotspot of its scene a marker is: the API names them `<scene key>-<index>`. */
export function hotspotIndexOfMarker(markerId: string, sceneKey: string): number | null {
  const prefix = `${sceneKey}-`;
  if (!markerId.startsWith(prefix)) return null;
  const index = Number(markerId.slice(prefix.length));
  return Number.isInteger(index) && index >= 0 ? index : null;
}

export function radians(degrees: number): number {
  return (degrees * Math.PI) / 180;
}
