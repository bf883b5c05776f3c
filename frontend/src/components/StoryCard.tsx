/** A story as a card in lists (home, stories, related stories). */
import { Link } from "react-router-dom";
import { pathFor, useLang } from "../i18n";
import type { StoryCardFieldsFragment } from "../pages/stories/stories.generated";
import { formatDate } from "../i18n/format";
import { ResponsiveImage } from "./ResponsiveImage";

export function StoryCard({ story, headingLevel = 3 }: { story: StoryCardFieldsFragment; headingLevel?: 2 | 3 }) {
  const lang = useLang();
  const Heading = `h${headingLevel}` as const;
  return (
    <article className="card">
      {story.hero ? (
        <ResponsiveImage
          className="card__image"
          rendition={story.hero.rendition}
          alt=""
          sizes="(min-width: 64rem) 24rem, (min-width: 40rem) 45vw, 100vw"
        />
      ) : null}
      <div className="card__body">
        <Heading className="card__title">
          <Link className="card__link" to={pathFor(lang, "stories", story.slug)}>
            {story.title}
          </Link>
        </Heading>
        <p className="meta">
          <time dateTime={story.date}>{formatDate(lang, story.date)}</time>
        </p>
        <p className="card__text">{story.intro}</p>
      </div>
    </article>
  );
}
