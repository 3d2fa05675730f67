// `pelo report` on the demo database, opened from file:// in Chromium with every request but
// the page's own refused: it must draw every view from its own data, make no request, log no
// error, and show the numbers the CLI's --json prints for the same database (ADR 0022).
const { test, expect } = require('@playwright/test');
const { seriesPixels } = require('./chart-pixels');
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const pelo = process.env.PELO_BIN;
const out = process.env.PELO_BROWSER_OUT || path.join(__dirname, '..', 'test-results');

let dir;
let reportUrl;
const cli = {};

function run(args) {
  return execFileSync(pelo, args, {
    cwd: dir,
    env: { ...process.env, HOME: dir, XDG_CONFIG_HOME: path.join(dir, 'config'),
           XDG_DATA_HOME: path.join(dir, 'data') },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function stats(...args) {
  return JSON.parse(run(['stats', ...args, '--db', 'pelo-demo.db', '--json']));
}

test.beforeAll(async ({ browser }) => {
  if (!pelo) throw new Error('PELO_BIN is not set (run through ctest: pelo_browser_test)');
  console.log(`browser: Chromium ${browser.version()}`);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pelo-browser-'));
  run(['demo']);
  run(['report', '--db', 'pelo-demo.db', '-o', 'report.html']);
  reportUrl = 'file://' + path.join(dir, 'report.html');
  cli.rides = stats('rides');
  cli.curve = stats('curve');
  cli.fitness = stats('fitness');
  cli.ftp = stats('ftp');
  fs.mkdirSync(out, { recursive: true });
});

test.afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

// Opens the report with every request other than the file itself refused; returns the page
// and what it asked for and logged.
async function openReport(page) {
  const seen = { requests: [], errors: [] };
  page.on('console', (m) => { if (m.type() === 'error') seen.errors.push(m.text()); });
  page.on('pageerror', (e) => seen.errors.push(String(e)));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === reportUrl) return route.continue();
    seen.requests.push(url);
    return route.abort();
  });
  await page.goto(reportUrl);
  await page.waitForFunction(() => window.peloReport && window.peloReport.ready === true);
  return seen;
}

test('the report draws offline, asks for nothing and logs no error', async ({ page }) => {
  const seen = await openReport(page);
  expect(seen.errors).toEqual([]);
  expect(seen.requests).toEqual([]);
  for (const name of ['curve', 'fitness', 'ftp', 'zones']) {
    const series = await seriesPixels(page, 'peloReport', name);
    expect(series.length, `${name} has series`).toBeGreaterThan(0);
    for (const s of series.filter((x) => x.show && x.points > 0)) {
      expect(s.pixels, `${name}: pixels of series "${s.label}"`).toBeGreaterThan(20);
    }
  }
  await page.screenshot({ path: path.join(out, 'report.png'), fullPage: true });
});

test('each chart has as many points as the --json rows behind it', async ({ page }) => {
  await openReport(page);
  const lengths = await page.evaluate(() => {
    const c = window.peloReport.charts;
    return { curve: c.curve.data[0].length, fitness: c.fitness.data[0].length };
  });
  expect(lengths.curve).toBe(cli.curve.length);
  expect(lengths.fitness).toBe(cli.fitness.length);
});

test('the headline shows the numbers the CLI prints', async ({ page }) => {
  await openReport(page);
  const metric = async (name) => {
    const el = page.locator(`[data-metric="${name}"]`).first();
    await expect(el).toBeVisible();
    return { value: Number(await el.getAttribute('data-value')), text: await el.innerText() };
  };
  const ftp = await metric('ftp');
  expect(ftp.value).toBe(cli.ftp.current.ftp);
  expect(ftp.text).toContain(String(Math.round(cli.ftp.current.ftp)));

  const today = cli.fitness[cli.fitness.length - 1];
  for (const key of ['ctl', 'atl', 'tsb']) {
    const shown = await metric(key);
    expect(shown.value, key).toBe(today[key]);
    expect(shown.text, key).toContain(Math.abs(today[key]).toFixed(1));
  }

  const best = Math.max(...cli.rides.map((r) => r.mmp_1200s ?? -Infinity));
  const best20 = await metric('best_20min');
  expect(best20.value).toBe(best);
  expect(best20.text).toContain(String(Math.round(best)));
});

test("a ride's row shows its NP, IF and TSS", async ({ page }) => {
  await openReport(page);
  const ride = cli.rides.find((r) => r.np != null && r.tss != null);
  const row = page.locator(`[id="ride-${ride.workout_id}"]`);
  await expect(row).toHaveCount(1);
  const text = await row.innerText();
  expect(text).toContain(String(Math.round(ride.np)));
  expect(text).toContain(ride.if.toFixed(2));
  expect(text).toContain(String(Math.round(ride.tss)));
});

test('hovering a chart shows its values and dragging zooms it', async ({ page }) => {
  await openReport(page);
  const over = page.locator('[data-chart="fitness"] .u-over').first();
  await over.scrollIntoViewIfNeeded();
  const box = await over.boundingBox();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  const hovered = await page.evaluate(() => window.peloReport.charts.fitness.cursor.idx);
  expect(hovered).not.toBeNull();
  const legend = await page.locator('[data-chart="fitness"] .u-legend .u-value').allInnerTexts();
  expect(legend.some((v) => /\d/.test(v)), `legend values: ${legend}`).toBe(true);

  const before = await page.evaluate(() => {
    const x = window.peloReport.charts.fitness.scales.x;
    return [x.min, x.max];
  });
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5, { steps: 5 });
  await page.mouse.up();
  const after = await page.evaluate(() => {
    const x = window.peloReport.charts.fitness.scales.x;
    return [x.min, x.max];
  });
  expect(after[1] - after[0]).toBeLessThan((before[1] - before[0]) * 0.5);
});
