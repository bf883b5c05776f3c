/**
 * Renders a StreamField body: one component per member of the `ContentBlock` union
 * (site/blocks.py). An unknown block type (a newer API) is skipped, never an error.
 */
import { useConsent, useConsentState } from "../../consent/ConsentProvider";
import { useT } from "../../i18n";
import { ObjectCard } from "../ObjectCard";
import { ResponsiveImage } from "../ResponsiveImage";
import { RichText } from "../RichText";
import type { ContentBlockFieldsFragment } from "./ContentBlocks.generated";

type Block<T extends ContentBlockFieldsFragment["__typename"]> = Extract<ContentBlockFieldsFragment, { __typename: T }>;

function Figure({ block }: { block: Block<"ImageSection"> }) {
  return (
    <figure className="block block--image">
      <ResponsiveImage rendition={block.rendition} alt={block.alt} sizes="(min-width: 48rem) 46rem, 100vw" />
      {block.caption || block.credit ? (
        <figcaption>
          {block.caption} {block.credit ? <span className="credit">{block.credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}

function Quote({ block }: { block: Block<"QuoteSection"> }) {
  return (
    <figure className="block block--quote">
      <blockquote>
        <p>{block.text}</p>
      </blockquote>
      {block.attribution || block.source ? (
        <figcaption>
          {block.attribution}
          {block.attribution && block.source ? ", " : null}
          {block.source ? <cite>{block.source}</cite> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}

function Gallery({ block }: { block: Block<"GallerySection"> }) {
  return (
    <section className="block block--gallery" aria-label={block.title || undefined}>
      {block.title ? <h2>{block.title}</h2> : null}
      <ul className="gallery">
        {block.items.map((item, index) => (
          <li key={index}>
            <figure>
              <a href={item.full.url} className="gallery__link">
                <ResponsiveImage
                  rendition={item.rendition}
                  alt={item.alt}
                  sizes="(min-width: 48rem) 22rem, 50vw"
                />
              </a>
              {item.caption || item.credit ? (
                <figcaption>
                  {item.caption} {item.credit ? <span className="credit">{item.credit}</span> : null}
                </figcaption>
              ) : null}
            </figure>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The host's embeddable player, for the hosts we know; null for others (linked instead). */
export function embedUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname.replace(/^www\./, "");
    if (host === "youtube.com" && parsed.searchParams.get("v")) {
      return `https://www.youtube-nocookie.com/embed/${parsed.searchParams.get("v")}`;
    }
    if (host === "youtu.be") return `https://www.youtube-nocookie.com/embed${parsed.pathname}`;
    if (host === "vimeo.com" && /^\/\d+$/.test(parsed.pathname)) {
      return `https://player.vimeo.com/video${parsed.pathname}?dnt=1`;
    }
  } catch {
    return null;
  }
  return null;
}

function Transcript({ text }: { text: string }) {
  const t = useT();
  if (!text) return null;
  return (
    <details className="transcript">
      <summary>{t.transcript}</summary>
      <p className="preserve-lines">{text}</p>
    </details>
  );
}

/**
 * A video lives at its host. Its player is a third party, so it is embedded only after
 * the visitor allowed marketing cookies; before that the poster links to the host.
 */
function Video({ block }: { block: Block<"VideoSection"> }) {
  const t = useT();
  const allowed = useConsent("MARKETING");
  const { openSettings } = useConsentState();
  const embed = embedUrl(block.url);
  return (
    <figure className="block block--video">
      {embed && allowed ? (
        <div className="video-frame">
          <iframe src={embed} title={block.title} loading="lazy" allow="fullscreen; picture-in-picture" />
        </div>
      ) : (
        <div className="video-placeholder">
          {block.poster ? (
            <ResponsiveImage rendition={block.poster.rendition} alt="" sizes="(min-width: 48rem) 46rem, 100vw" />
          ) : null}
          <p className="video-placeholder__actions">
            <a className="button" href={block.url} rel="noopener noreferrer" target="_blank">
              {t.watchVideo}: {block.title} <span className="visually-hidden">({t.videoExternal})</span>
            </a>
            {embed ? (
              <button type="button" className="button--link" onClick={openSettings}>
                {t.cookieSettings}
              </button>
            ) : null}
          </p>
        </div>
      )}
      <figcaption>{block.title}</figcaption>
      <Transcript text={block.transcript} />
    </figure>
  );
}

function Audio({ block }: { block: Block<"AudioSection"> }) {
  return (
    <figure className="block block--audio">
      <figcaption>{block.title}</figcaption>
      <audio controls preload="none" src={block.url}>
        <a href={block.url}>{block.title}</a>
      </audio>
      <Transcript text={block.transcript} />
    </figure>
  );
}

function ObjectBlock({ block }: { block: Block<"CollectionObjectSection"> }) {
  return (
    <div className="block block--object">
      <ObjectCard object={block.collectionObject} caption={block.caption} />
    </div>
  );
}

export function ContentBlocks({ blocks }: { blocks: readonly ContentBlockFieldsFragment[] }) {
  return (
    <div className="content-blocks">
      {blocks.map((block, index) => {
        switch (block.__typename) {
          case "RichTextSection":
            return <RichText key={block.id} html={block.html} className="prose block block--text" />;
          case "ImageSection":
            return <Figure key={block.id} block={block} />;
          case "QuoteSection":
            return <Quote key={block.id} block={block} />;
          case "GallerySection":
            return <Gallery key={block.id} block={block} />;
          case "VideoSection":
            return <Video key={block.id} block={block} />;
          case "AudioSection":
            return <Audio key={block.id} block={block} />;
          case "CollectionObjectSection":
            return <ObjectBlock key={block.id} block={block} />;
          default:
            return <span key={index} hidden />;
        }
      })}
    </div>
  );
}
