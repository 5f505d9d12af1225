// citeproc-js behind a pipe: the build's Python sends one JSON request per line on stdin and
// reads one JSON answer per line on stdout. The process lives as long as the build's pipe.
//
// Request:  {"locales": "<dir of locales-*.xml>", "locale": "en-US",
//            "styles": [{"path": "<style.csl>", "mode": "note" | "bibliography"}, ...],
//            "items": [<CSL-JSON item>, ...]}
// Answer:   {"results": [[<html per style>, ...] per item]}  or  {"error": "<message>"}
//
// Each item is formatted alone (its own registry), as a reader who cites one document sees
// it: no disambiguation against other items, no "———" for a repeated author.
"use strict";
const fs = require("fs");
const path = require("path");
const readline = require("readline");
const CSL = require("citeproc");

const texts = new Map();
function read(file) {
  if (!texts.has(file)) texts.set(file, fs.readFileSync(file, "utf8"));
  return texts.get(file);
}

let current = {};
let localesDir = "";
const sys = {
  retrieveLocale: (lang) => {
    const file = path.join(localesDir, `locales-${lang}.xml`);
    return fs.existsSync(file) ? read(file) : read(path.join(localesDir, "locales-en-US.xml"));
  },
  retrieveItem: (id) => current[id],
};

const engines = new Map();
function engine(stylePath, locale) {
  const key = `${stylePath}\u0000${locale}`;
  if (!engines.has(key)) {
    engines.set(key, new CSL.Engine(sys, read(stylePath), locale, true));
  }
  return engines.get(key);
}

function format(request) {
  localesDir = request.locales;
  return request.items.map((item) => {
    current = { [item.id]: item };
    return request.styles.map((style) => {
      const citeproc = engine(style.path, request.locale);
      citeproc.updateItems([item.id]);
      if (style.mode === "note") {
        return citeproc.makeCitationCluster([{ id: item.id }]);
      }
      const [, entries] = citeproc.makeBibliography();
      return entries.join("").trim();
    });
  });
}

const lines = readline.createInterface({ input: process.stdin, terminal: false });
lines.on("line", (line) => {
  let answer;
  try {
    answer = { results: format(JSON.parse(line)) };
  } catch (error) {
    answer = { error: String((error && error.stack) || error) };
  }
  process.stdout.write(JSON.stringify(answer) + "\n");
});
