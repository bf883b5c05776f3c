/**
 * Links to the same page in the other languages: the page's own translations when it
 * declared them (`useAlternates`), else the same area and path in that language.
 */
import { Link, useLocation } from "react-router-dom";
import {
  LANGUAGES,
  LANGUAGE_NAMES,
  parsePath,
  pathFor,
  useCurrentAlternates,
  useLang,
  useT,
  type Lang,
} from "../../i18n";

export function alternatePath(pathname: string, search: string, target: Lang): string {
  const parsed = parsePath(pathname);
  if (!parsed) return pathFor(target, "home");
  return pathFor(target, parsed.area, ...parsed.rest) + search;
}

export function LanguageSwitch() {
  const lang = useLang();
  const t = useT();
  const location = useLocation();
  const alternates = useCurrentAlternates();
  return (
    <nav className="language-switch" aria-label={t.chooseLanguage}>
      <ul>
        {LANGUAGES.map((target) => (
          <li key={target}>
            {target === lang ? (
              <span aria-current="true" className="language-switch__current">
                <abbr title={LANGUAGE_NAMES[target]}>{target.toUpperCase()}</abbr>
              </span>
            ) : (
              <Link
                to={alternates?.[target] ?? alternatePath(location.pathname, location.search, target)}
                lang={target}
                hrefLang={target}
              >
                {target.toUpperCase()}
                <span className="visually-hidden"> – {LANGUAGE_NAMES[target]}</span>
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
