/**
 * A collection object: its image(s), deep-zoomable through IIIF, and catalogue data. Makers and materials
 * link to the search filtered by that term. Reached from an exhibition, it offers the
 * way back to it (router state set by the exhibition's object cards).
 */
import { useQuery } from "@apollo/client";
import { useState } from "react";
import { Link, useLocation, useParams } from "react-router-dom";
import { PageTitle } from "../../components/PageTitle";
import { LoadError, Loading } from "../../components/QueryState";
import { RichText } from "../../components/RichText";
import { useDocumentMeta } from "../../components/useDocumentMeta";
import { DeepZoomImage } from "../../components/zoom/DeepZoomImage";
import type { RightsStatement } from "../../graphql/schema-types";
import { pathFor, textLang, useLang, useT } from "../../i18n";
import NotFoundPage from "../errors/NotFoundPage";
import { CollectionObjectDetailDocument } from "./collection.generated";

const RIGHTS: Record<RightsStatement, { label: string; url?: string }> = {
  PUBLIC_DOMAIN: { label: "Public Domain", url: "https://creativecommons.org/publicdomain/mark/1.0/" },
  CC0: { label: "CC0 1.0", url: "https://creativecommons.org/publicdomain/zero/1.0/" },
  CC_BY: { label: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" },
  CC_BY_SA: { label: "CC BY-SA 4.0", url: "https://creativecommons.org/licenses/by-sa/4.0/" },
  IN_COPYRIGHT: { label: "In Copyright", url: "https://rightsstatements.org/vocab/InC/1.0/" },
  UNKNOWN: { label: "—" },
};

export type ObjectContext = { from?: { label: string; path: string } };

export default function CollectionObjectPage() {
  const t = useT();
  const lang = useLang();
  const { inventoryNumber = "" } = useParams();
  const location = useLocation();
  const context = (location.state as ObjectContext | null)?.from;
  const [shown, setShown] = useState(0);
  const { data, loading, error, refetch } = useQuery(CollectionObjectDetailDocument, {
    variables: { inventoryNumber, locale: lang },
  });
  const object = data?.collectionObject;
  const description = object?.description.replace(/<[^>]+>/g, " ").trim();
  useDocumentMeta(object?.title, description);
  if (!data && loading) return <Loading />;
  if (error && !object) return <LoadError error={error} retry={() => refetch()} />;
  if (!object) return <NotFoundPage />;
  const image = object.images[shown] ?? object.images[0];
  const rights = RIGHTS[object.rights];
  const searchTerm = (facet: "maker" | "material", id: string) =>
    `${pathFor(lang, "search")}?${new URLSearchParams({ [facet]: id })}`;
  return (
    <article className="page object" data-page="object" lang={textLang(object.locale, lang)}>
      {context ? (
        <p className="breadcrumb">
          <Link to={context.path}>← {context.label}</Link>
        </p>
      ) : null}
      <div className="object__layout">
        <div className="object__media">
          {image ? (
            <DeepZoomImage
              key={image.full.url}
              rendition={image.full}
              serviceUrl={image.iiifImageServiceUrl}
              label={image.alt || object.title}
            />
          ) : null}
          {object.images.length > 1 ? (
            <ul className="object__thumbnails plain-list">
              {object.images.map((candidate, index) => (
                <li key={candidate.thumbnail.url}>
                  <button
                    type="button"
                    className="thumbnail-button"
                    aria-pressed={index === shown}
                    aria-label={t.imageOf(index + 1, object.images.length)}
                    onClick={() => setShown(index)}
                  >
                    <img src={candidate.thumbnail.url} width={80} height={80} alt="" loading="lazy" />
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          {image?.image.credit ? <p className="meta">{image.image.credit}</p> : null}
        </div>
        <div className="object__text">
          <PageTitle>{object.title}</PageTitle>
          <p className="meta">
            {[object.makers.map((maker) => maker.label).join(", "), object.dateText].filter(Boolean).join(", ")}
          </p>
          {object.description ? <RichText html={object.description} /> : null}
          <dl className="facts">
            {object.makers.length ? (
              <>
                <dt>{object.makers.length > 1 ? t.makers : t.maker}</dt>
                <dd>
                  {object.makers.map((maker, index) => (
                    <span key={maker.id}>
                      {index ? ", " : null}
                      <Link to={searchTerm("maker", maker.id)}>{maker.label}</Link>
                    </span>
                  ))}
                </dd>
              </>
            ) : null}
            {object.dateText ? (
              <>
                <dt>{t.date}</dt>
                <dd>{object.dateText}</dd>
              </>
            ) : null}
            {object.materials.length ? (
              <>
                <dt>{object.materials.length > 1 ? t.materials : t.material}</dt>
                <dd>
                  {object.materials.map((material, index) => (
                    <span key={material.id}>
                      {index ? ", " : null}
                      <Link to={searchTerm("material", material.id)}>{material.label}</Link>
                    </span>
                  ))}
                </dd>
              </>
            ) : null}
            {object.dimensions ? (
              <>
                <dt>{t.dimensions}</dt>
                <dd>{object.dimensions}</dd>
              </>
            ) : null}
            <dt>{t.inventoryNumber}</dt>
            <dd>{object.inventoryNumber}</dd>
            {object.creditLine ? (
              <>
                <dt>{t.creditLine}</dt>
                <dd>{object.creditLine}</dd>
              </>
            ) : null}
            <dt>{t.rights}</dt>
            <dd>{rights.url ? <a href={rights.url}>{rights.label}</a> : rights.label}</dd>
          </dl>
        </div>
      </div>
    </article>
  );
}
