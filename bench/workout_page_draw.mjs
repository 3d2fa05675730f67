#!/usr/bin/env node
// The workout page of `pelo serve` in Chromium: loads /workouts/<id> RUNS times (a fresh browser
// context and page each time, viewport 1200x900, the ids in turn), waits for the page's
// `window.peloWorkout.ready === true` and collects what the page measured itself with
// performance.now(): parse_ms (JSON.parse of the embedded data), draw_ms (data parsed to the
// main chart's first draw), total_ms (page script start to every view drawn). Prints their
// median and max, the page's HTML size and the points of the main chart (charts.trace.data).
//
//   node bench/workout_page_draw.mjs URL ID[,ID...] [--runs 10] [--identity] [--idle-ms N] [--json]
//
// --identity asks for the page uncompressed (Accept-Encoding: identity), where Chromium would
// ask for gzip, deflate, br or zstd (pelo serve sends every answer uncompressed either way; the
// printed encoding shows it).
// --idle-ms N opens about:blank first and lets the new page's renderer idle N ms before the
// workout page is loaded (a page that arrives within milliseconds of its renderer's start draws
// while the renderer is still starting).
// URL is the dashboard's, e.g. http://127.0.0.1:8765 (bench/workout_page_draw.sh starts one).
// Drives Debian's /usr/bin/chromium (PELO_CHROMIUM to override) with web/node_modules'
// Playwright; never a browser Playwright downloads.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { chromium } = createRequire(join(root, 'web', 'package.json'))('@playwright/test');

function usage(message) {
  console.error(`workout_page_draw: ${message}\n` +
    'usage: node bench/workout_page_draw.mjs URL ID[,ID...] [--runs 10] [--identity] ' +
    '[--idle-ms N] [--json]');
  process.exit(2);
}

const args = process.argv.slice(2);
let runs = 10;
let json = false;
let identity = false;
let idleMs = 0;
const positional = [];
for (let i = 0; i < args.length; ++i) {
  if (args[i] === '--runs') runs = Number(args[++i]);
  else if (args[i] === '--json') json = true;
  else if (args[i] === '--identity') identity = true;
  else if (args[i] === '--idle-ms') idleMs = Number(args[++i]);
  else positional.push(args[i]);
}
if (positional.length !== 2) usage('needs URL and ids');
const base = positional[0].replace(/\/$/, '');
const ids = positional[1].split(',').filter((s) => s);
if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(base)) usage('URL: http://127.0.0.1:PORT');
if (!ids.length || !(runs >= 1) || !(idleMs >= 0)) usage('needs ids, --runs >= 1, --idle-ms >= 0');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const max = (xs) => Math.max(...xs);

const browser = await chromium.launch({
  executablePath: process.env.PELO_CHROMIUM || '/usr/bin/chromium',
  headless: true,
});
const version = browser.version();
const loads = [];
try {
  for (let r = 0; r < runs; ++r) {
    const id = ids[r % ids.length];
    const context = await browser.newContext({
      viewport: { width: 1200, height: 900 },
      extraHTTPHeaders: identity ? { 'accept-encoding': 'identity' } : {},
    });
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    // Only the dashboard itself: anything else would be a page that is not self-contained.
    await page.route('**/*', (route) =>
      route.request().url().startsWith(base + '/') ? route.continue() : route.abort());
    if (idleMs > 0) {
      await page.goto('about:blank');
      await page.waitForTimeout(idleMs);
    }
    const response = await page.goto(`${base}/workouts/${id}`);
    if (!response || response.status() !== 200) {
      throw new Error(`GET /workouts/${id}: ${response ? response.status() : 'no response'}`);
    }
    const html = await response.body();
    const sizes = await response.request().sizes();
    await page.waitForFunction(() => window.peloWorkout && window.peloWorkout.ready === true,
      null, { timeout: 60000 });
    const seen = await page.evaluate(() => {
      const w = window.peloWorkout;
      const data = (w.charts && w.charts.trace && w.charts.trace.data) || [];
      const nav = performance.getEntriesByType('navigation')[0];
      let points = 0;
      for (let s = 1; s < data.length; ++s) {
        for (const v of data[s]) if (v !== null && v !== undefined) ++points;
      }
      return {
        timings: w.timings,
        errors: w.errors || [],
        channels: Math.max(0, data.length - 1),
        x_points: data.length ? data[0].length : 0,
        points,
        response_end_ms: nav ? nav.responseEnd : null,
        dom_interactive_ms: nav ? nav.domInteractive : null,
      };
    });
    loads.push({
      id,
      html_bytes: html.length,
      transfer_bytes: sizes.responseBodySize,
      content_encoding: (await response.allHeaders())['content-encoding'] || 'identity',
      ...seen,
      console_errors: errors,
    });
    await context.close();
  }
} finally {
  await browser.close();
}

const pick = (key) => loads.map((l) => l.timings[key]);
const summary = {
  chromium: version,
  runs,
  ids: ids.length,
  identity,
  idle_ms: idleMs,
  html_bytes_max: max(loads.map((l) => l.html_bytes)),
  transfer_bytes_max: max(loads.map((l) => l.transfer_bytes)),
  content_encoding: loads[0].content_encoding,
  channels: loads[0].channels,
  x_points: loads[0].x_points,
  points: loads[0].points,
  errors: loads.reduce((n, l) => n + l.errors.length + l.console_errors.length, 0),
};
for (const key of ['parse_ms', 'draw_ms', 'total_ms']) {
  summary[key] = { median: median(pick(key)), max: max(pick(key)), first: pick(key)[0] };
}
for (const key of ['response_end_ms', 'dom_interactive_ms']) {
  const xs = loads.map((l) => l[key]);
  summary[key] = { median: median(xs), max: max(xs) };
}

if (json) {
  console.log(JSON.stringify({ summary, loads }));
} else {
  for (const [i, l] of loads.entries()) {
    const t = l.timings;
    console.log(`load ${i + 1} (${l.id}): parse ${t.parse_ms.toFixed(1)} ms, ` +
      `draw ${t.draw_ms.toFixed(1)} ms, total ${t.total_ms.toFixed(1)} ms; ` +
      `HTML ${l.html_bytes} bytes received at ${l.response_end_ms.toFixed(0)} ms` +
      (l.errors.length + l.console_errors.length
        ? `; errors: ${[...l.errors, ...l.console_errors].join(' | ')}` : ''));
  }
  const f = (k) => `${summary[k].median.toFixed(1)} / ${summary[k].max.toFixed(1)}`;
  console.log(`Chromium ${summary.chromium}, ${runs} loads, median / max ms: ` +
    `parse ${f('parse_ms')}, draw ${f('draw_ms')}, total ${f('total_ms')}`);
  console.log(`page: ${summary.html_bytes_max} bytes of HTML, ${summary.transfer_bytes_max} sent ` +
    `(${summary.content_encoding}), received at ${f('response_end_ms')} ms; ` +
    `main chart: ${summary.channels} channels, ${summary.x_points} x values, ` +
    `${summary.points} points; errors ${summary.errors}`);
}
if (summary.errors) process.exitCode = 1;
