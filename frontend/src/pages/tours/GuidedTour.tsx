/**
 * The guided sequence: stop by stop, each moving the view to its room and direction,
 * with its narration as a transcript and its audio (native controls) when it has one.
 * The audio starts when the visitor moves to a stop (a click, so browsers allow it) and
 * never on page load. "Play" makes the guide go on by itself: each stop stays for its
 * `dwellSeconds`, then the next follows, until the last or until the visitor pauses (the
 * page keeps the clock). Previous/next stay focusable at the ends (`aria-disabled`) so
 * keyboard focus is never dropped on a disabled button.
 */
import { useEffect, useRef } from "react";
import { useStrings } from "../../i18n";
import { TOUR_STRINGS } from "./tourStrings";
import type { SceneData, StopData } from "./tourTypes";

type Props = {
  stops: readonly StopData[];
  scenes: readonly SceneData[];
  index: number | null;
  /** Changes each time the visitor moves to a stop (starts its audio). */
  moves: number;
  onGo: (index: number) => void;
  /** Whether the guide is going on by itself. */
  playing: boolean;
  onPlay: () => void;
  onPause: () => void;
};

export function GuidedTour({ stops, scenes, index, moves, onGo, playing, onPlay, onPause }: Props) {
  const S = useStrings(TOUR_STRINGS);
  const audio = useRef<HTMLAudioElement>(null);
  const position = useRef<HTMLParagraphElement>(null);
  const started = useRef(index !== null);
  const stop = index !== null ? stops[index] : undefined;

  // "Start the guide" disappears once pressed: focus goes to where the guide now is.
  useEffect(() => {
    if (index !== null && !started.current) position.current?.focus();
    started.current = index !== null;
  }, [index]);

  useEffect(() => {
    if (moves > 0) audio.current?.play().catch(() => undefined); // the browser may still refuse
  }, [moves]);

  if (!stops.length) return null;
  const sceneTitle = (key: string) => scenes.find((scene) => scene.key === key)?.title ?? key;
  const atStart = index === null || index === 0;
  const atEnd = index !== null && index === stops.length - 1;
  const playButton = (
    <button
      type="button"
      className="button button--secondary tour-guide__play"
      aria-pressed={playing}
      onClick={playing ? onPause : onPlay}
    >
      <span aria-hidden="true" className={playing ? "tour-guide__pause-icon" : "tour-guide__play-icon"} />
      {S.playGuide}
    </button>
  );
  return (
    <section className="tour-guide" aria-labelledby="tour-guide-heading">
      <h2 id="tour-guide-heading" className="tour__subheading">
        {S.guide}
      </h2>
      {!stop || index === null ? (
        <div className="actions">
          <button type="button" className="button" onClick={() => onGo(0)}>
            {S.startGuide}
          </button>
          {playButton}
        </div>
      ) : (
        <>
          <p className="meta" id="tour-guide-position" ref={position} tabIndex={-1}>
            {S.stopOf(index + 1, stops.length)} · {sceneTitle(stop.sceneKey)}
          </p>
          {stop.audio ? (
            <audio
              key={stop.audio.url}
              ref={audio}
              className="tour-guide__audio"
              controls
              preload="none"
              src={stop.audio.url}
              aria-label={S.stopAudio}
            />
          ) : null}
          <h3 className="tour-guide__transcript-heading">{S.transcript}</h3>
          <p className="tour-guide__transcript">{stop.narration}</p>
          <div className="actions">
            <button
              type="button"
              className="button button--secondary"
              aria-disabled={atStart}
              onClick={() => !atStart && onGo(index - 1)}
            >
              {S.previousStop}
            </button>
            {playButton}
            <button type="button" className="button" aria-disabled={atEnd} onClick={() => !atEnd && onGo(index + 1)}>
              {S.nextStop}
            </button>
          </div>
        </>
      )}
      <p className="meta tour-guide__play-help">{S.playHelp}</p>
    </section>
  );
}
