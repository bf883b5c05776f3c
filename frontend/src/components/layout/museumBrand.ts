/**
 * The host's museum's brand as CSS custom properties over theme.css's defaults. Written
 * as a `<style>` the server renders with the page, so the first paint already has the
 * museum's colours and type (set after hydration, the text would reflow once the page
 * was shown). Only values of the expected shape are written: the colours are the
 * API's `#rrggbb`, the typeface one of the named stacks.
 */

/** The font stacks a museum may choose (Museum.typeface), each led by the site's own
 * self-hosted face of its kind where there is one, so every visitor sees the same type
 * (Iowan Old Style or Charter exist on few systems; elsewhere the text fell to Times). */
export const TYPEFACES: Record<string, string> = {
  OLD_STYLE: '"Source Serif 4 Variable", "Iowan Old Style", "Palatino Linotype", Georgia, serif',
  TRANSITIONAL: 'Charter, "Bitstream Charter", "Source Serif 4 Variable", Cambria, serif',
  GROTESQUE: '"Helvetica Neue", Helvetica, Arial, "Source Sans 3 Variable", sans-serif',
  HUMANIST: '"Source Sans 3 Variable", Seravek, "Gill Sans Nova", Calibri, sans-serif',
};

const COLOUR = /^#[0-9a-fA-F]{6}$/;

export type Branding = { primaryColour: string; accentColour: string; typeface: string };

export function brandCss(branding: Branding | null | undefined): string {
  if (!branding) return "";
  const properties = [
    COLOUR.test(branding.primaryColour) ? `--brand:${branding.primaryColour}` : null,
    COLOUR.test(branding.accentColour) ? `--accent:${branding.accentColour}` : null,
    TYPEFACES[branding.typeface] ? `--font-body:${TYPEFACES[branding.typeface]}` : null,
  ].filter(Boolean);
  return properties.length ? `:root{${properties.join(";")}}` : "";
}
