/**
 * The 360° view of a tour: Photo Sphere Viewer 5 with the cubemap-tiles adapter, the
 * virtual-tour plugin (scenes and their navigation links) and the markers plugin (the
 * information hotspots). This module is the only one that imports the viewer, and the
 * tour page loads it with `React.lazy`, so three.js and PSV are one chunk fetched on the
 * tour route only, after the page's text is already there.
 *
 * The page owns the state (which scene, which stop); this component follows it through
 * `request` and reports what the visitor did in the canvas (`onSceneChange` when a link
 * was clicked there, `onHotspot` when a marker was). Keyboard: the view is one tab stop;
 * while it has focus the arrow keys look around and Page Up/Down zoom (PSV's keyboard
 * control, switched on only then, so arrows never hijack the rest of the page).
 *
 * Below the view, a control bar of real buttons with names in the page's language (PSV's
 * own navbar is reduced to the caption: its zoom slider and move arrows were nine
 * unnamed keyboard stops): zoom out and in, automatic rotation, the phone's motion
 * sensors (only where the device has them; iOS asks for permission on the first press,
 * which is why it is a button) and full screen. A compass in the view's corner shows
 * where the visitor looks.
 *
 * Automatic rotation: on the tour's first scene only, from when the view opens until the
 * visitor moves it (drag, keys, a list, the guide), then never again by itself.
 *
 * With reduced motion the viewer never animates: scene changes cut (no fade, no rotation
 * towards the link), stops jump to their view, there is no inertia and no automatic
 * rotation (the visitor can still switch it on with its button).
 */
import { AutorotatePlugin } from "@photo-sphere-viewer/autorotate-plugin";
import { CompassPlugin } from "@photo-sphere-viewer/compass-plugin";
import { Viewer, EquirectangularAdapter, type AdapterConstructor } from "@photo-sphere-viewer/core";
import { GyroscopePlugin } from "@photo-sphere-viewer/gyroscope-plugin";
import { CubemapTilesAdapter } from "@photo-sphere-viewer/cubemap-tiles-adapter";
import { MarkersPlugin } from "@photo-sphere-viewer/markers-plugin";
import {
  VirtualTourPlugin,
  type VirtualTourLink,
  type VirtualTourNode,
} from "@photo-sphere-viewer/virtual-tour-plugin";
import "@photo-sphere-viewer/compass-plugin/index.css";
import "@photo-sphere-viewer/core/index.css";
import "@photo-sphere-viewer/markers-plugin/index.css";
import "@photo-sphere-viewer/virtual-tour-plugin/index.css";
import { useEffect, useRef, useState } from "react";
import { nodePanorama, radians, type Direction, type PsvNodeJson, type PsvTourJson } from "./psvConfig";

/** Where the page wants the viewer: a scene, optionally a view in it (degrees). */
export type ViewRequest = {
  sceneKey: string;
  view?: { yaw: number; pitch: number; fov?: number };
  /** Changes with every request, so asking for the same stop twice still moves. */
  seq: number;
};

export type TourViewerProps = {
  config: PsvTourJson;
  startSceneKey: string;
  request: ViewRequest | null;
  reducedMotion: boolean;
  label: string;
  describedBy: string;
  lang: Record<string, string>;
  /** The control bar's button names. */
  controls: ViewerControlNames;
  /** The accessible name of a link arrow in the canvas, from the scene it leads to. */
  linkLabel: (sceneKey: string) => string;
  /** Take focus once mounted (the visitor just asked for the view with a button that is now gone). */
  autoFocus?: boolean;
  onSceneChange: (sceneKey: string) => void;
  onHotspot: (markerId: string) => void;
  onFail: (error: unknown) => void;
};

export type ViewerControlNames = {
  bar: string;
  zoomOut: string;
  zoomIn: string;
  rotate: string;
  motion: string;
  motionRefused: string;
  fullscreen: string;
};

/** The viewer, reachable from the page for tests and debugging (`element.photoSphereViewer`). */
type ViewerHost = HTMLDivElement & { photoSphereViewer?: Viewer };

export default function TourViewer(props: TourViewerProps) {
  const { config, startSceneKey, request, reducedMotion, label, describedBy } = props;
  const hostRef = useRef<ViewerHost>(null);
  const canvasRef = useRef<HTMLDivElement>(null);
  const viewerRef = useRef<Viewer | null>(null);
  const [rotating, setRotating] = useState(false);
  const [motionSupported, setMotionSupported] = useState(false);
  const [motionOn, setMotionOn] = useState(false);
  const [motionRefused, setMotionRefused] = useState(false);
  // Callbacks and preferences change without rebuilding the viewer.
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const container = canvasRef.current;
    if (!container) return undefined;
    const nodes = config.nodes.map((node) => ({ ...node, panorama: nodePanorama(config, node) })) as VirtualTourNode[];
    const { adapter, nodes: _nodes, ...tour } = config;
    let viewer: Viewer;
    try {
      viewer = new Viewer({
        container,
        adapter: (adapter === "cubemap-tiles" ? CubemapTilesAdapter : EquirectangularAdapter) as AdapterConstructor,
        navbar: ["caption"],
        lang: latest.current.lang,
        keyboard: "fullscreen",
        moveInertia: !latest.current.reducedMotion,
        mousewheelCtrlKey: true,
        touchmoveTwoFingers: false,
        loadingTxt: latest.current.lang.loading,
        plugins: [
          MarkersPlugin,
          [AutorotatePlugin, { autostartDelay: null, autostartOnIdle: false, autorotateSpeed: "1.5rpm" }],
          [CompassPlugin, { size: "88px", position: "top right", navigation: false, className: "tour-compass" }],
          [GyroscopePlugin, { touchmove: true, absolutePosition: false }],
          [
            VirtualTourPlugin,
            {
              ...tour,
              nodes,
              startNodeId: startSceneKey,
              preload: true,
              arrowStyle: {
                size: { width: 80, height: 80 },
                element: (link: VirtualTourLink) =>
                  arrowButton(latest.current.linkLabel(link.nodeId), () => {
                    // Enter or Space on a focused arrow: the button leaves with its
                    // room, so focus stays on the view.
                    hostRef.current?.focus();
                    viewer
                      .getPlugin<VirtualTourPlugin>(VirtualTourPlugin)
                      .setCurrentNode(link.nodeId, undefined, link)
                      .catch(() => undefined);
                  }),
              },
              transitionOptions: (toNode: VirtualTourNode, _from?: VirtualTourNode, fromLink?: { data?: unknown }) => {
                const data = toNode.data as PsvNodeJson["data"];
                const arrival = (fromLink?.data as { arrivePosition?: Direction } | undefined)?.arrivePosition;
                return {
                  rotateTo: arrival ?? data.initialPosition,
                  zoomTo: zoomFor(viewer, data.initialHorizontalFov),
                  ...motion(latest.current.reducedMotion),
                };
              },
            },
          ],
        ],
      });
    } catch (error) {
      latest.current.onFail(error);
      return undefined;
    }
    viewerRef.current = viewer;
    // PSV makes its caption a keyboard stop with no role; it is text (the room's title,
    // also the page's heading), so it leaves the tab order.
    container.querySelectorAll<HTMLElement>(".psv-navbar [tabindex]").forEach((element) => {
      element.removeAttribute("tabindex");
    });
    if (hostRef.current) hostRef.current.photoSphereViewer = viewer;
    const tourPlugin = viewer.getPlugin<VirtualTourPlugin>(VirtualTourPlugin);
    const markers = viewer.getPlugin<MarkersPlugin>(MarkersPlugin);
    tourPlugin.addEventListener("node-changed", ({ node }) => {
      hostRef.current?.setAttribute("data-node", node.id);
      latest.current.onSceneChange(node.id);
    });
    markers.addEventListener("select-marker", ({ marker }) => latest.current.onHotspot(marker.id));
    const autorotate = viewer.getPlugin<AutorotatePlugin>(AutorotatePlugin);
    autorotate.addEventListener("autorotate", ({ autorotateEnabled }) => {
      hostRef.current?.setAttribute("data-autorotate", autorotateEnabled ? "on" : "off");
      setRotating(autorotateEnabled);
    });
    const firstScene = config.startNodeId ?? config.nodes[0].id;
    viewer.addEventListener(
      "ready",
      () => {
        if (startSceneKey === firstScene && !latest.current.reducedMotion) autorotate.start();
      },
      { once: true },
    );
    const gyroscope = viewer.getPlugin<GyroscopePlugin>(GyroscopePlugin);
    gyroscope.addEventListener("gyroscope-updated", ({ gyroscopeEnabled }) => setMotionOn(gyroscopeEnabled));
    let alive = true;
    gyroscope
      .isSupported()
      .then((supported) => alive && setMotionSupported(supported))
      .catch(() => undefined);
    viewer.addEventListener("panorama-error", ({ error }) => latest.current.onFail(error));
    return () => {
      alive = false;
      viewerRef.current = null;
      if (hostRef.current) delete hostRef.current.photoSphereViewer;
      viewer.destroy();
    };
  }, [config, startSceneKey]);

  useEffect(() => {
    if (latest.current.autoFocus) hostRef.current?.focus();
  }, []);

  // Follow the page: another scene, or another view in this one.
  useEffect(() => {
    const viewer = viewerRef.current;
    if (!viewer || !request) return;
    viewer.getPlugin<AutorotatePlugin>(AutorotatePlugin).stop(); // the visitor chose where to look
    const tourPlugin = viewer.getPlugin<VirtualTourPlugin>(VirtualTourPlugin);
    const node = config.nodes.find((candidate) => candidate.id === request.sceneKey);
    if (!node) return;
    const rotateTo = request.view
      ? { yaw: radians(request.view.yaw), pitch: radians(request.view.pitch) }
      : node.data.initialPosition;
    const zoomTo = zoomFor(viewer, request.view?.fov ?? node.data.initialHorizontalFov);
    const current = tourPlugin.getCurrentNode()?.id;
    if (current !== request.sceneKey) {
      tourPlugin
        .setCurrentNode(request.sceneKey, { rotateTo, zoomTo, ...motion(latest.current.reducedMotion) })
        .catch(() => undefined); // superseded by a later request
    } else if (request.view) {
      if (latest.current.reducedMotion) {
        viewer.rotate(rotateTo);
        viewer.zoom(zoomTo);
      } else {
        viewer.animate({ ...rotateTo, zoom: zoomTo, speed: "6rpm" });
      }
    }
  }, [request, config]);

  useEffect(() => {
    viewerRef.current?.setOption("moveInertia", !reducedMotion);
  }, [reducedMotion]);

  const viewer = () => viewerRef.current;
  const zoomBy = (step: number) => {
    const current = viewer();
    if (!current) return;
    current.getPlugin<AutorotatePlugin>(AutorotatePlugin).stop();
    current.zoom(Math.min(100, Math.max(0, current.getZoomLevel() + step)));
  };
  const toggleMotion = () => {
    const gyroscope = viewer()?.getPlugin<GyroscopePlugin>(GyroscopePlugin);
    if (!gyroscope) return;
    if (gyroscope.isEnabled()) {
      gyroscope.stop();
      return;
    }
    setMotionRefused(false);
    // On iOS this press is what lets the page ask for the motion sensors.
    gyroscope.start().catch(() => setMotionRefused(true));
  };
  const names = props.controls;
  return (
    <div className="tour-viewer__frame">
    <div
      ref={hostRef}
      className="tour-viewer"
      role="application"
      aria-label={label}
      aria-describedby={describedBy}
      tabIndex={0}
      data-motion={reducedMotion ? "reduced" : "full"}
      onFocus={() => viewerRef.current?.startKeyboardControl()}
      onBlur={(event) => {
        const viewer = viewerRef.current;
        if (!viewer || event.currentTarget.contains(event.relatedTarget as Node | null)) return;
        if (!viewer.isFullscreenEnabled()) viewer.stopKeyboardControl();
      }}
    >
      <div ref={canvasRef} className="tour-viewer__canvas" />
    </div>
    <div className="tour-controls" role="toolbar" aria-label={names.bar}>
      <button type="button" className="tour-controls__button" onClick={() => zoomBy(-20)}>
        <span aria-hidden="true" className="tour-controls__icon">−</span>
        {names.zoomOut}
      </button>
      <button type="button" className="tour-controls__button" onClick={() => zoomBy(20)}>
        <span aria-hidden="true" className="tour-controls__icon">+</span>
        {names.zoomIn}
      </button>
      <button
        type="button"
        className="tour-controls__button"
        aria-pressed={rotating}
        onClick={() => viewer()?.getPlugin<AutorotatePlugin>(AutorotatePlugin).toggle()}
      >
        <span aria-hidden="true" className="tour-controls__icon">⟳</span>
        {names.rotate}
      </button>
      {motionSupported ? (
        <button type="button" className="tour-controls__button" aria-pressed={motionOn} onClick={toggleMotion}>
          <span aria-hidden="true" className="tour-controls__icon">◎</span>
          {names.motion}
        </button>
      ) : null}
      <button type="button" className="tour-controls__button" onClick={() => viewer()?.toggleFullscreen()}>
        <span aria-hidden="true" className="tour-controls__icon">⛶</span>
        {names.fullscreen}
      </button>
      <p className="tour-controls__note" role="status">
        {motionRefused ? names.motionRefused : ""}
      </p>
    </div>
    </div>
  );
}

const SVG = "http://www.w3.org/2000/svg";

/**
 * A link arrow as PSV draws it (a button with a chevron in a ring), plus what PSV's own
 * lacks: an accessible name and a keyboard. Built with DOM calls, not HTML strings.
 */
function arrowButton(label: string, activate: () => void): HTMLButtonElement {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "psv-virtual-tour-arrow";
  button.setAttribute("aria-label", label);
  const icon = document.createElementNS(SVG, "svg");
  icon.setAttribute("viewBox", "0 0 100 100");
  icon.setAttribute("aria-hidden", "true");
  const ring = document.createElementNS(SVG, "circle");
  ring.setAttribute("cx", "50");
  ring.setAttribute("cy", "50");
  ring.setAttribute("r", "41");
  ring.setAttribute("fill", "none");
  ring.setAttribute("stroke", "currentColor");
  ring.setAttribute("stroke-width", "7");
  const chevron = document.createElementNS(SVG, "path");
  chevron.setAttribute("d", "M30 58 L50 38 L70 58");
  chevron.setAttribute("fill", "none");
  chevron.setAttribute("stroke", "currentColor");
  chevron.setAttribute("stroke-width", "8");
  chevron.setAttribute("stroke-linecap", "round");
  chevron.setAttribute("stroke-linejoin", "round");
  icon.append(ring, chevron);
  button.append(icon);
  button.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      event.stopPropagation();
      activate();
    }
  });
  return button;
}

/** PSV's transition options: a cut with reduced motion, PSV's own fade otherwise. */
function motion(reduced: boolean) {
  return reduced
    ? ({ effect: "none", rotation: false, showLoader: false } as const)
    : ({ effect: "fade", rotation: true, showLoader: true, speed: "20rpm" } as const);
}

/** PSV's zoom level for a horizontal field of view in degrees (the model's unit). */
function zoomFor(viewer: Viewer, horizontalFov: number): number {
  return viewer.dataHelper.fovToZoomLevel(viewer.dataHelper.hFovToVFov(horizontalFov));
}
