/**
 * One virtual tour: the 360° view (Photo Sphere Viewer, its own lazily loaded chunk),
 * the current room's heading, description and hotspots, the guided sequence, the list
 * of rooms and the floor plan. Everything the canvas does can be done from the lists, so
 * the tour works with a keyboard, a screen reader, or without WebGL at all.
 *
 * The page owns the state: which room (also in the URL as `?scene=`, which search results
 * link to), which stop of the guide, which hotspot's panel is open. Room changes are
 * announced in a polite live region. Focus: a hotspot that led to another room is gone
 * after the move, so focus goes to the new room's heading; the room list, the floor plan
 * and the guide's buttons stay where they are, so focus stays on them.
 */
import { useQuery } from "@apollo/client";
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useParams, useSearchParams } from "react-router-dom";
import { PageTitle } from "../../components/PageTitle";
import { LoadError, Loading } from "../../components/QueryState";
import { ResponsiveImage } from "../../components/ResponsiveImage";
import { hotspotIndexOfMarker, parseViewerConfig } from "../../components/tours/psvConfig";
import type { ViewRequest } from "../../components/tours/TourViewer";
import { useReducedMotion } from "../../components/tours/useReducedMotion";
import { webglAvailable } from "../../components/tours/webgl";
import { useDocumentMeta } from "../../components/useDocumentMeta";
import { textLang, useAlternates, useLang, useStrings } from "../../i18n";
import NotFoundPage from "../errors/NotFoundPage";
import { PreviewInvalid } from "../preview/PreviewInvalid";
import { usePreviewLocale } from "../preview/previewLocale";
import { GuidedTour } from "./GuidedTour";
import { HotspotList } from "./HotspotList";
import { FloorPlan, SceneList } from "./SceneNavigation";
import { TOUR_STRINGS } from "./tourStrings";
import { TourDetailDocument } from "./tours.generated";
import { sceneLink, type TourData } from "./tourTypes";

// The viewer (three.js + PSV, ~190 kB compressed) is fetched when the visitor starts the
// 360° view, or as soon as they point at or focus the start button.
const loadViewer = () => import("../../components/tours/TourViewer");
const TourViewer = lazy(loadViewer);

type Source = "viewer" | "list" | "hotspot" | "stop";

export function TourView({ slug, previewToken }: { slug?: string; previewToken?: string }) {
  const lang = useLang();
  const { data, loading, error, refetch } = useQuery(TourDetailDocument, {
    variables: { slug, locale: lang, previewToken },
    fetchPolicy: previewToken ? "no-cache" : "cache-first",
  });
  const tour = data?.tour;
  useAlternates("tours", previewToken ? null : tour?.translations);
  useDocumentMeta(tour?.title, tour?.searchDescription || tour?.intro);
  usePreviewLocale(previewToken ? tour?.locale : null);
  if (!data && loading) return <Loading />;
  if (previewToken && !tour) return <PreviewInvalid />;
  if (error && !tour) return <LoadError error={error} retry={() => refetch()} />;
  if (!tour || !tour.scenes.length) return <NotFoundPage />;
  return <Tour key={tour.id ?? tour.slug} tour={tour} />;
}

export default function TourPage() {
  const { slug } = useParams();
  return <TourView key={slug} slug={slug} />;
}

function Tour({ tour }: { tour: TourData }) {
  const S = useStrings(TOUR_STRINGS);
  const lang = useLang();
  const scenes = tour.scenes;
  const [params, setParams] = useSearchParams();
  const requestedKey = params.get("scene");
  const [startKey] = useState(() =>
    scenes.some((scene) => scene.key === requestedKey) ? (requestedKey as string) : scenes[0].key,
  );
  const [sceneKey, setSceneKey] = useState(startKey);
  const currentKey = useRef(startKey);
  const [request, setRequest] = useState<ViewRequest | null>(null);
  const requests = useRef(0);
  const [openHotspot, setOpenHotspot] = useState<number | null>(null);
  const [stopIndex, setStopIndex] = useState<number | null>(null);
  const [stopMoves, setStopMoves] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const announcements = useRef(0);
  const [viewerFailed, setViewerFailed] = useState(false);
  // The room the 360° view opened in; null until the visitor starts it (a poster till then).
  const [viewerStart, setViewerStart] = useState<string | null>(null);
  // Assumed on the server and while hydrating (the server's HTML shows the poster), then
  // checked: the first render in the browser must draw what the server drew.
  const [webgl, setWebgl] = useState(true);
  useEffect(() => setWebgl(webglAvailable()), []);
  const reducedMotion = useReducedMotion();
  const config = useMemo(() => parseViewerConfig(tour.viewerConfig), [tour.viewerConfig]);
  const heading = useRef<HTMLHeadingElement>(null);
  const focusHeading = useRef(false);

  const scene = scenes.find((candidate) => candidate.key === sceneKey) ?? scenes[0];
  const sceneNumber = scenes.indexOf(scene) + 1;

  const announce = useCallback((text: string) => {
    // The same words twice in a row are still announced: vary them invisibly.
    announcements.current += 1;
    setAnnouncement(announcements.current % 2 ? text : `${text}\u00a0`);
  }, []);

  const goToScene = useCallback(
    (key: string, from: Source, view?: ViewRequest["view"]) => {
      const target = scenes.find((candidate) => candidate.key === key);
      if (!target) return;
      if (from !== "viewer") {
        requests.current += 1;
        setRequest({ sceneKey: key, view, seq: requests.current });
      }
      if (currentKey.current === key) return;
      currentKey.current = key;
      setSceneKey(key);
      setOpenHotspot(null);
      announce(S.nowIn(target.title));
      if (from === "hotspot") focusHeading.current = true;
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          next.set("scene", key);
          return next;
        },
        { replace: true, preventScrollReset: true },
      );
    },
    [scenes, S, announce, setParams],
  );

  // A link to another room of this tour (e.g. a search result) while the tour is open.
  useEffect(() => {
    if (requestedKey && requestedKey !== currentKey.current) goToScene(requestedKey, "list");
  }, [requestedKey, goToScene]);

  useEffect(() => {
    if (focusHeading.current) {
      focusHeading.current = false;
      heading.current?.focus();
    }
  }, [sceneKey]);

  const followHotspot = (index: number) => {
    const link = sceneLink(scene.hotspots[index]);
    if (!link) return;
    const target = scenes.find((candidate) => candidate.key === link.sceneKey);
    const view =
      target && (link.yaw != null || link.pitch != null)
        ? { yaw: link.yaw ?? target.initialYaw, pitch: link.pitch ?? target.initialPitch }
        : undefined;
    goToScene(link.sceneKey, "hotspot", view);
  };

  const goToStop = (index: number) => {
    const stop = tour.stops[index];
    if (!stop) return;
    setStopIndex(index);
    setStopMoves((moves) => moves + 1);
    goToScene(stop.sceneKey, "stop", { yaw: stop.yaw, pitch: stop.pitch, fov: stop.fov });
    const title = scenes.find((candidate) => candidate.key === stop.sceneKey)?.title ?? "";
    announce(`${S.stopOf(index + 1, tour.stops.length)}: ${title}`);
  };

  // A playing guide stays at each stop for its dwell time, then goes on; after the last
  // stop's time it stops playing. Every move (also previous/next by hand) restarts the clock.
  useEffect(() => {
    if (!playing || stopIndex === null) return undefined;
    const stop = tour.stops[stopIndex];
    if (!stop) return undefined;
    const timer = window.setTimeout(() => {
      if (stopIndex + 1 < tour.stops.length) goToStop(stopIndex + 1);
      else setPlaying(false);
    }, stop.dwellSeconds * 1000);
    return () => window.clearTimeout(timer);
    // goToStop is recreated every render; the clock restarts only on a move.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [playing, stopIndex, stopMoves]);

  const playGuide = () => {
    setPlaying(true);
    if (stopIndex === null || stopIndex === tour.stops.length - 1) goToStop(0);
  };

  const onViewerScene = useCallback((key: string) => goToScene(key, "viewer"), [goToScene]);
  const onViewerHotspot = useCallback((markerId: string) => {
    const index = hotspotIndexOfMarker(markerId, currentKey.current);
    if (index !== null) setOpenHotspot(index);
  }, []);
  const linkLabel = useCallback(
    (key: string) => `${S.goTo}: ${scenes.find((candidate) => candidate.key === key)?.title ?? key}`,
    [S, scenes],
  );
  const onViewerFail = useCallback((error: unknown) => {
    console.error(error);
    setViewerFailed(true);
  }, []);

  const startViewer = () => {
    setRequest(null); // the view opens on the current room as it is
    setViewerStart(currentKey.current);
  };

  const showViewer = webgl && config !== null && !viewerFailed;
  return (
    <article className="page tour" data-page="tour" lang={textLang(tour.locale, lang)}>
      <header className="page-header">
        <PageTitle>{tour.title}</PageTitle>
        {tour.intro ? <p className="lead">{tour.intro}</p> : null}
      </header>
      <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
      <div className="tour__layout">
        <section className="tour__stage" aria-labelledby="tour-scene-heading">
          <div className="tour__scene-heading">
            <h2 id="tour-scene-heading" ref={heading} tabIndex={-1} data-scene-key={scene.key}>
              {scene.title}
            </h2>
            <p className="meta">{S.sceneOf(sceneNumber, scenes.length)}</p>
          </div>
          {showViewer && config && viewerStart ? (
            <Suspense fallback={<ViewerPlaceholder text={S.viewerLoading} />}>
              <TourViewer
                config={config}
                startSceneKey={viewerStart}
                request={request}
                reducedMotion={reducedMotion}
                label={S.viewerLabel(scene.title)}
                describedBy="tour-viewer-help"
                lang={S.psv}
                controls={S.controls}
                linkLabel={linkLabel}
                autoFocus
                onSceneChange={onViewerScene}
                onHotspot={onViewerHotspot}
                onFail={onViewerFail}
              />
            </Suspense>
          ) : (
            // The room's still image, the same element with or without a viewer to start
            // (the server draws it before the browser knows about WebGL): it does not move
            // or load again when the browser finds out (CLS, LCP).
            <div className="tour-viewer tour-viewer--poster">
              <ResponsiveImage
                className="tour-viewer__poster"
                rendition={scene.panorama.full}
                sizes="(min-width: 60rem) 48rem, 100vw"
                alt=""
                priority
              />
              {showViewer ? (
                <button
                  type="button"
                  className="button tour-viewer__start"
                  onClick={startViewer}
                  onPointerEnter={() => void loadViewer()}
                  onFocus={() => void loadViewer()}
                >
                  {S.startViewer}
                </button>
              ) : null}
            </div>
          )}
          {showViewer ? (
            <p id="tour-viewer-help" className="meta tour__help">
              {S.viewerHelp}
            </p>
          ) : (
            <p className="tour-fallback__message">{webgl && config ? S.viewerFailed : S.noWebgl}</p>
          )}
          <h3 className="visually-hidden">{S.description}</h3>
          <p className="tour__description">{scene.description}</p>
          {scene.audio ? (
            <div className="tour__scene-audio">
              <audio key={scene.audio.url} controls preload="none" src={scene.audio.url} aria-label={S.sceneAudio} />
              {scene.audioTranscript ? (
                <details>
                  <summary>{S.transcript}</summary>
                  <p className="preserve-lines">{scene.audioTranscript}</p>
                </details>
              ) : null}
            </div>
          ) : null}
        </section>
        <div className="tour__side">
          <HotspotList
            key={scene.key}
            hotspots={scene.hotspots}
            openIndex={openHotspot}
            onNavigate={followHotspot}
            onOpen={setOpenHotspot}
            onClose={() => setOpenHotspot(null)}
          />
          <GuidedTour
            stops={tour.stops}
            scenes={scenes}
            index={stopIndex}
            moves={stopMoves}
            onGo={goToStop}
            playing={playing}
            onPlay={playGuide}
            onPause={() => setPlaying(false)}
          />
        </div>
      </div>
      <div className="tour__ways">
        <SceneList scenes={scenes} currentKey={scene.key} onChoose={(key) => goToScene(key, "list")} />
        <FloorPlan
          plans={tour.floorPlans}
          scenes={scenes}
          currentKey={scene.key}
          onChoose={(key) => goToScene(key, "list")}
        />
      </div>
    </article>
  );
}

function ViewerPlaceholder({ text }: { text: string }) {
  return (
    <div className="tour-viewer tour-viewer--placeholder">
      <p>{text}</p>
    </div>
  );
}
