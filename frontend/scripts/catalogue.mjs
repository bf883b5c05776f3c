/**
 * Prints the interface's string catalogues as JSON, `{ "nl": [...], "en": [...], "fr":
 * [...] }`: every text of src/i18n/strings.ts and of the areas' own dictionaries
 * (`defineStrings`), flattened. A message made by a function (`results(count)`) gives
 * its fixed parts. Used by the browser test that looks for English on French pages.
 *
 *   node scripts/catalogue.mjs > catalogue.json
 */
import { build } from "esbuild";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CATALOGUES = {
  STRINGS: "./src/i18n/strings",
  SHOP_STRINGS: "./src/components/shop/strings",
  TOUR_STRINGS: "./src/pages/tours/tourStrings",
  PRIVACY_STRINGS: "./src/components/privacy/strings",
  GROUP_STRINGS: "./src/components/groups/strings",
};
const entry = Object.entries(CATALOGUES)
  .map(([name, path]) => `export { ${name} } from ${JSON.stringify(path)};`)
  .join("\n");
const bundled = await build({
  stdin: { contents: entry, resolveDir: root, loader: "ts" },
  bundle: true,
  format: "esm",
  platform: "node",
  jsx: "automatic",
  write: false,
  logLevel: "error",
});
const code = bundled.outputFiles[0].text;
const catalogues = await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`);

const HOLE = "\u0001";
function texts(value, out) {
  if (typeof value === "string") out.push(value);
  else if (typeof value === "function") {
    let made;
    try {
      made = value(HOLE, HOLE, HOLE, HOLE);
    } catch {
      made = "";
    }
    if (typeof made === "string") out.push(...made.split(HOLE));
  } else if (Array.isArray(value)) value.forEach((item) => texts(item, out));
  else if (value && typeof value === "object") Object.values(value).forEach((item) => texts(item, out));
  return out;
}

const result = {};
for (const lang of ["nl", "en", "fr"]) {
  const out = [];
  for (const name of Object.keys(CATALOGUES)) texts(catalogues[name][lang], out);
  result[lang] = [...new Set(out.map((text) => text.trim()).filter(Boolean))];
}
process.stdout.write(JSON.stringify(result));
