/**
 * Rich text from the API. The server sanitises it (site/graphql/rich_text.py) before it
 * is ever answered, which is why inserting it as HTML is safe here.
 */
export function RichText({ html, className = "prose" }: { html: string; className?: string }) {
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
