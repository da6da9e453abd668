// Copies the front-end runtime files from node_modules into wwwroot/lib (generated, never committed).
// Run by `npm run build` (after the Sass step), which FrontEnd.targets runs during `dotnet build`.
//
//   wwwroot/lib/govuk/govuk-frontend.min.js   GOV.UK Frontend ES module (exports initAll, createAll, ...)
//   wwwroot/lib/moj/moj-frontend.min.js       MOJ Frontend ES module, self-contained (exports initAll, ...)
//   wwwroot/lib/accessible-autocomplete/accessible-autocomplete.min.js
//                                             GOV.UK's accessible-autocomplete, a UMD bundle that defines
//                                             self.accessibleAutocomplete (site.js imports it where needed;
//                                             its CSS is compiled into app.css by Styles/app.scss)
//   wwwroot/lib/govuk/assets/images/          images referenced by app.css (MOJ Frontend icons)
//
// Not copied, on purpose:
//   - fonts: this portal does not use GDS Transport (see Styles/app.scss);
//   - crown and GOV.UK/MOJ brand images (favicons, crest, app icons, logotypes, Open Graph
//     images) and GOV.UK's manifest.json, which only lists those icons: this portal is not a
//     GOV.UK service and must not show the crown.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const nodeModules = path.join(root, "node_modules");
const lib = path.join(root, "wwwroot", "lib");

const govukDist = path.join(nodeModules, "govuk-frontend", "dist", "govuk");
const mojDist = path.join(nodeModules, "@ministryofjustice", "frontend", "moj");
const autocompleteDist = path.join(nodeModules, "accessible-autocomplete", "dist");

// Brand images that must never be served (matched on the file name).
const brandImage = /(crown|crest|favicon|govuk-icon|apple-touch-icon|logotype|opengraph)/i;

function assetFilter(source) {
  const name = path.basename(source);
  if (fs.statSync(source).isDirectory()) {
    return name !== "fonts";
  }
  return name !== "manifest.json" && !brandImage.test(name);
}

function copyFile(from, to) {
  if (!fs.existsSync(from)) {
    throw new Error(`copy-assets: missing ${path.relative(root, from)} (run npm ci?)`);
  }
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.cpSync(from, to);
}

function copyDir(from, to) {
  if (!fs.existsSync(from)) {
    throw new Error(`copy-assets: missing ${path.relative(root, from)} (run npm ci?)`);
  }
  fs.cpSync(from, to, { recursive: true, filter: assetFilter });
}

// Start clean so files dropped by a package upgrade do not linger (app.css is left alone).
for (const dir of ["govuk", "moj", "accessible-autocomplete"]) {
  fs.rmSync(path.join(lib, dir), { recursive: true, force: true });
}

// JavaScript (ES modules) and their source maps.
for (const file of ["govuk-frontend.min.js", "govuk-frontend.min.js.map"]) {
  copyFile(path.join(govukDist, file), path.join(lib, "govuk", file));
}
for (const file of ["moj-frontend.min.js", "moj-frontend.min.js.map"]) {
  copyFile(path.join(mojDist, file), path.join(lib, "moj", file));
}
for (const file of ["accessible-autocomplete.min.js", "accessible-autocomplete.min.js.map"]) {
  copyFile(path.join(autocompleteDist, file), path.join(lib, "accessible-autocomplete", file));
}

// Images. Both libraries' images resolve under /lib/govuk/assets/images/ (app.scss sets
// $moj-assets-path, which MOJ Frontend passes on to GOV.UK Frontend).
const assets = path.join(lib, "govuk", "assets");
copyDir(path.join(govukDist, "assets"), assets);
copyDir(path.join(mojDist, "assets"), assets);

// Fail the build if app.css refers to an image that was not copied.
const css = fs.readFileSync(path.join(lib, "app.css"), "utf8");
const missing = [...css.matchAll(/url\(["']?\/lib\/([^"')]+)["']?\)/g)]
  .map((m) => m[1])
  .filter((file) => !fs.existsSync(path.join(lib, file)))
  .filter((file) => !brandImage.test(path.basename(file))); // e.g. the GOV.UK footer crest: never used
if (missing.length > 0) {
  throw new Error(`copy-assets: app.css refers to files not copied: ${[...new Set(missing)].join(", ")}`);
}

console.log(`copy-assets: wrote ${path.relative(root, lib)}/{govuk,moj,accessible-autocomplete}`);
