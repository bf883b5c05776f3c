/**
 * The current room's hotspots as a list of buttons beside the 360° view: everything the
 * canvas offers, usable with a keyboard and a screen reader. A navigation hotspot moves
 * to its room; an information hotspot opens a panel with what it points at and a real
 * link into the site's own localised routes (object, story, exhibition), or out to a
 * website. All texts are rendered by React as text: nothing from the API becomes HTML.
 */
import { useEffect, useRef, type KeyboardEvent } from "react";
import { Link } from "react-router-dom";
import { ResponsiveImage } from "../../components/ResponsiveImage";
import { pathFor, useLang, useStrings } from "../../i18n";
import { TOUR_STRINGS } from "./tourStrings";
import { hotspotKind, safeExternalUrl, sceneLink, type HotspotData } from "./tourTypes";

const PANEL_ID = "tour-hotspot-panel";

export function hotspotButtonId(index: number): string {
  return `tour-hotspot-${index}`;
}

type Props = {
  hotspots: readonly HotspotData[];
  openIndex: number | null;
  onNavigate: (index: number) => void;
  onOpen: (index: number) => void;
  onClose: () => void;
};

export function HotspotList({ hotspots, openIndex, onNavigate, onOpen, onClose }: Props) {
  const S = useStrings(TOUR_STRINGS);
  const open = openIndex !== null ? hotspots[openIndex] : undefined;
  return (
    <section className="tour-hotspots" aria-labelledby="tour-hotspots-heading">
      <h2 id="tour-hotspots-heading" className="tour__subheading">
        {S.hotspots}
      </h2>
      <p className="meta" id="tour-hotspots-help">
        {S.hotspotsHelp}
      </p>
      {hotspots.length ? (
        <ul className="plain-list tour-hotspots__list" aria-describedby="tour-hotspots-help">
          {hotspots.map((hotspot, index) => {
            const link = sceneLink(hotspot);
            const kind = hotspotKind(hotspot);
            const expanded = openIndex === index;
            return (
              <li key={`${index}-${hotspot.label}`}>
                {link ? (
                  <button
                    id={hotspotButtonId(index)}
                    type="button"
                    className="tour-hotspot tour-hotspot--scene"
                    data-scene-key={link.sceneKey}
                    onClick={() => onNavigate(index)}
                  >
                    <span className="tour-hotspot__icon" aria-hidden="true">
                      →
                    </span>
                    <span>
                      <span className="visually-hidden">{S.goTo}: </span>
                      <span className="tour-hotspot__label">{hotspot.label}</span>
                    </span>
                  </button>
                ) : (
                  <button
                    id={hotspotButtonId(index)}
                    type="button"
                    className="tour-hotspot"
                    aria-expanded={expanded}
                    aria-controls={expanded ? PANEL_ID : undefined}
                    onClick={() => (expanded ? onClose() : onOpen(index))}
                  >
                    <span className="tour-hotspot__icon" aria-hidden="true">
                      i
                    </span>
                    <span>
                      <span className="tour-hotspot__kind">{S.kinds[kind]}</span>
                      <span className="tour-hotspot__label">{hotspot.label}</span>
                    </span>
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        <p>{S.noHotspots}</p>
      )}
      {open && openIndex !== null && !sceneLink(open) ? (
        <HotspotPanel key={openIndex} hotspot={open} index={openIndex} onClose={onClose} />
      ) : null}
    </section>
  );
}

function HotspotPanel({ hotspot, index, onClose }: { hotspot: HotspotData; index: number; onClose: () => void }) {
  const S = useStrings(TOUR_STRINGS);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus({ preventScroll: false });
  }, []);
  const close = () => {
    onClose();
    // The list stays; focus goes back to the hotspot that opened the panel.
    requestAnimationFrame(() => document.getElementById(hotspotButtonId(index))?.focus());
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.stopPropagation();
      close();
    }
  };
  return (
    <section id={PANEL_ID} className="tour-panel" aria-labelledby="tour-panel-heading" onKeyDown={onKeyDown}>
      <p className="eyebrow">{S.kinds[hotspotKind(hotspot)]}</p>
      <h3 id="tour-panel-heading" ref={heading} tabIndex={-1}>
        {hotspot.label}
      </h3>
      <HotspotTarget hotspot={hotspot} />
      <button type="button" className="button button--secondary tour-panel__close" onClick={close}>
        {S.close}
      </button>
    </section>
  );
}

function HotspotTarget({ hotspot }: { hotspot: HotspotData }) {
  const S = useStrings(TOUR_STRINGS);
  const lang = useLang();
  const target = hotspot.target;
  switch (target?.__typename) {
    case "CollectionObject": {
      const image = target.images[0];
      const makers = target.makers.map((maker) => maker.label).join(", ");
      return (
        <>
          {image ? (
            <ResponsiveImage className="tour-panel__thumb" rendition={image.thumbnail} sizes="8rem" alt={image.alt} />
          ) : null}
          <p className="meta">{[makers, target.dateText, target.inventoryNumber].filter(Boolean).join(" · ")}</p>
          <p>
            <Link to={pathFor(lang, "collection", target.inventoryNumber)}>
              {S.open.object}
              <span className="visually-hidden">: {target.title}</span>
            </Link>
          </p>
        </>
      );
    }
    case "Story":
    case "Exhibition": {
      const area = target.__typename === "Story" ? "stories" : "exhibitions";
      return (
        <>
          {target.intro ? <p>{target.intro}</p> : null}
          <p>
            <Link to={pathFor(lang, area, target.slug)}>
              {target.__typename === "Story" ? S.open.story : S.open.exhibition}
              <span className="visually-hidden">: {target.title}</span>
            </Link>
          </p>
        </>
      );
    }
    case "Image":
      return (
        <figure className="tour-panel__figure">
          <ResponsiveImage rendition={target.full} sizes="(min-width: 60rem) 24rem, 100vw" alt={target.alt} />
          <figcaption className="meta">{target.title}</figcaption>
        </figure>
      );
    case "MediaFile": {
      const url = safeExternalUrl(target.url);
      return url ? (
        <p>
          <a href={url}>
            {S.open.media}: {target.title}
          </a>
        </p>
      ) : (
        <p>{S.unavailable}</p>
      );
    }
    case "ExternalLink": {
      const url = safeExternalUrl(target.url);
      return url ? (
        <p>
          <a href={url} rel="noopener noreferrer">
            {S.open.url}
            <span className="visually-hidden"> ({S.externalLink})</span>
          </a>{" "}
          <span className="meta">{new URL(url).host}</span>
        </p>
      ) : (
        <p>{S.unavailable}</p>
      );
    }
    default:
      return <p>{S.unavailable}</p>;
  }
}
