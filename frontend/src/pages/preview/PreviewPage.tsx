/**
 * `/preview?content_type=…&token=…`: where Wagtail's preview pane points
 * (settings PREVIEW_CLIENT_URL). Renders the draft through the API's preview token with
 * the same view as the published page, in the draft's language, under a banner saying
 * it is a draft. Never indexed (robots.txt), and the token is never stored.
 */
import { useCallback, useEffect, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { SiteLayout } from "../../components/layout/SiteLayout";
import { Loading } from "../../components/QueryState";
import { isLang, preferredLang, useT, type Lang } from "../../i18n";
import { PreviewInvalid } from "./PreviewInvalid";
import { PreviewLocaleContext } from "./previewLocale";
import { PREVIEWERS, type PreviewView } from "./previewers";

function Banner() {
  const t = useT();
  return (
    <p className="preview-banner" role="note">
      {t.previewBanner}
    </p>
  );
}

export default function PreviewPage() {
  const [params] = useSearchParams();
  const contentType = (params.get("content_type") ?? "").toLowerCase();
  const token = params.get("token") ?? "";
  const [lang, setLang] = useState<Lang>(preferredLang());
  const [View, setView] = useState<PreviewView | null>(null);
  const [unknown, setUnknown] = useState(false);
  const onLocale = useCallback((locale: string) => {
    if (isLang(locale)) setLang(locale);
  }, []);

  useEffect(() => {
    const load = PREVIEWERS[contentType];
    if (!load || !token) {
      setUnknown(true);
      return;
    }
    let live = true;
    load().then((view) => live && setView(() => view));
    return () => {
      live = false;
    };
  }, [contentType, token]);

  useEffect(() => {
    const meta = document.createElement("meta");
    meta.name = "robots";
    meta.content = "noindex";
    document.head.append(meta);
    return () => meta.remove();
  }, []);

  return (
    <PreviewLocaleContext.Provider value={onLocale}>
      <SiteLayout lang={lang}>
        <Banner />
        {unknown ? <PreviewInvalid /> : View ? <View previewToken={token} /> : <Loading />}
      </SiteLayout>
    </PreviewLocaleContext.Provider>
  );
}
