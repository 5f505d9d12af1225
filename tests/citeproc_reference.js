// The tests' own citeproc-js run, written apart from the edition's engine
// (edition/citeproc_engine.js): each item alone in the engine's registry (updateItems replaces
// it), as a reader's Zotero formats a single item. Reads one JSON request on stdin:
//   {"locales": "<dir>", "locale": "en-US", "style": "<file.csl>", "mode": "note"|"bibliography",
//    "items": [<CSL-JSON>, ...]}
// and writes a JSON list of the HTML of each item.
"use strict";
const fs = require("fs");
const path = require("path");
const CSL = require("citeproc");

const request = JSON.parse(fs.readFileSync(0, "utf8"));
const style = fs.readFileSync(request.style, "utf8");
let current = null;
const engine = new CSL.Engine(
  {
    retrieveLocale: (lang) => {
      const file = path.join(request.locales, `locales-${lang}.xml`);
      return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
    },
    retrieveItem: (id) => (current && id === current.id ? current : undefined),
  },
  style,
  request.locale,
  true,
);
const out = request.items.map((item) => {
  current = item;
  engine.updateItems([item.id]);
  if (request.mode === "note") {
    return engine.makeCitationCluster([{ id: item.id }]);
  }
  return engine.makeBibliography()[1].join("");
});
process.stdout.write(JSON.stringify(out));
