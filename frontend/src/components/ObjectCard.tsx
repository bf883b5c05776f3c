/** A collection object as a card linking to its page (used in bodies, chapters and search). */
import { Link } from "react-router-dom";
import type { ObjectCardFieldsFragment } from "./blocks/ContentBlocks.generated";
import { pathFor, useLang } from "../i18n";
import { ResponsiveImage } from "./ResponsiveImage";

export function ObjectCard({
  object,
  caption,
  headingLevel = 3,
  from,
}: {
  object: ObjectCardFieldsFragment;
  caption?: string;
  headingLevel?: 2 | 3 | 4;
  /** Where the visitor came from (an exhibition): the object page links back to it. */
  from?: { label: string; path: string };
}) {
  const lang = useLang();
  const image = object.images[0];
  const Heading = `h${headingLevel}` as const;
  const makers = object.makers.map((maker) => maker.label).join(", ");
  return (
    <article className="card card--object">
      {image ? (
        <ResponsiveImage
          className="card__image"
          rendition={image.rendition}
          alt=""
          sizes="(min-width: 64rem) 22rem, (min-width: 40rem) 45vw, 100vw"
        />
      ) : null}
      <div className="card__body">
        <Heading className="card__title">
          <Link
            to={pathFor(lang, "collection", object.inventoryNumber)}
            state={from ? { from } : undefined}
            className="card__link"
          >
            {object.title}
          </Link>
        </Heading>
        <p className="meta">{[makers, object.dateText].filter(Boolean).join(", ")}</p>
        {caption ? <p className="card__caption">{caption}</p> : null}
      </div>
    </article>
  );
}
