#!/usr/bin/env node
// Fills web/src/report.html the way `pelo report` does, so the page can be opened (and tested)
// under its real Content-Security-Policy without building the C++ side.
//
//   node web/tools/preview.mjs DATA.json [out.html]
//
// DATA.json is a report's data document, e.g. `curl -o data.json http://127.0.0.1:8765/api/report`
// with `pelo serve` running.
//
// Each placeholder is replaced once, verbatim (split/join: no `$&` patterns as with
// String.replace); the data with every `<` written as \u003c; the licences HTML-escaped; the CSP
// allows exactly the two inline scripts by their SHA-256.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataPath = process.argv[2];
if (!dataPath) {
  console.error('usage: node web/tools/preview.mjs DATA.json [out.html] (DATA.json: /api/report of pelo serve)');
  process.exit(2);
}
const outPath = process.argv[3] || '/tmp/pelo-report-preview.html';

const read = (p) => readFileSync(p, 'utf8');
const template = read(join(web, 'src/report.html'));
const uplotJs = read(join(web, 'node_modules/uplot/dist/uPlot.iife.min.js'));
const uplotCss = read(join(web, 'node_modules/uplot/dist/uPlot.min.css'));
const reportJs = read(join(web, 'src/report.js'));
const reportCss = read(join(web, 'src/report.css'));
const licences = read(join(web, 'node_modules/uplot/LICENSE'));

// Re-serialised so the page sees what nlohmann::json would write (compact), `<` escaped.
const data = JSON.stringify(JSON.parse(read(dataPath))).replace(/</g, '\\u003c');
const escapeHtml = (s) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const sha = (s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
const csp = `default-src 'none'; script-src ${sha(uplotJs)} ${sha(reportJs)}; ` +
  `style-src 'unsafe-inline'; img-src data:`;

for (const [name, text] of [['uPlot JS', uplotJs], ['report.js', reportJs]]) {
  if (/<\/script/i.test(text) || text.includes('<!--')) throw new Error(`${name} would end its <script> early`);
}

const fills = {
  '@PELO_CSP@': csp,
  '@PELO_UPLOT_CSS@': uplotCss,
  '@PELO_REPORT_CSS@': reportCss,
  '@PELO_LICENCES@': escapeHtml(licences),
  '@PELO_DATA@': data,
  '@PELO_UPLOT_JS@': uplotJs,
  '@PELO_REPORT_JS@': reportJs,
};
// Split the template at every placeholder first, so no filled text is searched again.
const names = Object.keys(fills);
const parts = template.split(new RegExp(`(${names.join('|')})`));
const seen = Object.fromEntries(names.map((n) => [n, 0]));
const html = parts.map((p) => (p in fills ? (seen[p]++, fills[p]) : p)).join('');
for (const n of names) {
  if (seen[n] !== 1) throw new Error(`template has ${n} ${seen[n]} times, expected once`);
}
writeFileSync(outPath, html);
console.log(`${outPath}: ${html.length} bytes (report.js ${reportJs.length}, report.css ${reportCss.length})`);
