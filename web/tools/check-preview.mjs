#!/usr/bin/env node
// Opens a filled report (web/tools/preview.mjs) in Debian's chromium with every other request
// aborted, fails on any console error, page error or request, and screenshots each section.
//
//   node web/tools/check-preview.mjs [page.html] [screenshot-prefix]
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(join(dirname(fileURLToPath(import.meta.url)), '../package.json'));
const { chromium } = require('@playwright/test');

const page_ = process.argv[2] || '/tmp/pelo-report-preview.html';
const prefix = process.argv[3] || '/tmp/pelo-report';
const url = 'file://' + page_;

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const problems = [];
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.route('**/*', (route) => {
    if (route.request().url() === url) return route.continue();
    problems.push(`request: ${route.request().url()}`);
    return route.abort();
  });
  await page.goto(url);
  await page.waitForFunction(() => window.peloReport && window.peloReport.ready, null, { timeout: 10000 });
  const facts = await page.evaluate(() => {
    const d = JSON.parse(document.getElementById('pelo-data').textContent);
    const charts = Object.fromEntries(Object.entries(window.peloReport.charts)
      .map(([k, u]) => [k, u ? u.data.map((s) => s.length) : null]));
    const metrics = [...document.querySelectorAll('[data-metric]')].map((e) => `${e.dataset.metric}=${e.dataset.value} "${e.textContent}"`);
    return {
      charts, metrics, errors: window.peloReport.errors, rideUtcOffsetS: window.peloReport.rideUtcOffsetS,
      rows: document.querySelectorAll('#rides-body tr').length, rides: (d.rides || []).length,
      fitness: (d.fitness || []).length, changes: ((d.ftp || {}).changes || []).length,
      calendarDays: document.querySelectorAll('.day[data-date]').length,
      empties: [...document.querySelectorAll('.empty:not([hidden])')].map((e) => e.textContent),
    };
  });
  console.log(JSON.stringify(facts, null, 1));
  for (const id of ['overview', 'curve', 'fitness', 'ftp', 'zones', 'drivers', 'rides']) {
    await page.locator('#' + id).screenshot({ path: `${prefix}-${id}.png` });
  }
  // interactions: hover each chart and screenshot its section with the readout
  for (const name of ['curve', 'fitness', 'ftp', 'zones']) {
    const box = page.locator(`[data-chart="${name}"] .u-over`);
    if (!(await box.count())) continue;
    await page.locator('#' + name).scrollIntoViewIfNeeded();
    const b = await box.boundingBox();
    await page.mouse.move(b.x + b.width * 0.62, b.y + b.height * 0.5, { steps: 4 });
    await page.locator('#' + name).screenshot({ path: `${prefix}-${name}-hover.png` });
  }
  if (await page.locator('[data-chart="curve"] .u-over').count()) {
    await page.locator('#curve').scrollIntoViewIfNeeded();
    const b = await page.locator('[data-chart="curve"] .u-over').boundingBox();
    await page.mouse.click(b.x + b.width * 0.8, b.y + b.height * 0.5);
    console.log('curve click highlights:', await page.locator('#rides-body tr.hl').evaluateAll((r) => r.map((x) => x.id)));
  }
  if (facts.rides) {
    await page.locator('#rides-head th[data-key="tss"] button').click();
    const tss = await page.$$eval('#rides-body tr td:nth-child(8)', (t) => t.slice(0, 3).map((x) => x.textContent));
    console.log('sorted by TSS (desc):', tss.join(', '));
    const day = page.locator('.day[data-date].l2, .day[data-date].l3').last();
    if (await day.count()) {
      await day.click();
      console.log('calendar click:', await page.locator('#rides-filter-text').textContent(), 'rows', await page.locator('#rides-body tr').count());
      await page.locator('#rides').screenshot({ path: `${prefix}-rides-filtered.png` });
      await page.locator('#rides-show-all').click();
    }
  }
  if (await page.locator('#curve-controls:not([hidden]) button[data-units="wkg"]').count()) {
    await page.locator('button[data-units="wkg"]').click();
    await page.locator('#curve').screenshot({ path: `${prefix}-curve-wkg.png` });
  }
  await page.locator('button[data-period="month"]').click();
  await page.locator('button[data-kind="hr"]').click();
  await page.locator('#zones').screenshot({ path: `${prefix}-zones-month-hr.png` });
  await page.setViewportSize({ width: 800, height: 900 });
  await page.waitForTimeout(200);
  const widths = await page.evaluate(() => Object.fromEntries(Object.entries(window.peloReport.charts)
    .filter(([, u]) => u).map(([k, u]) => [k, u.width])));
  console.log('chart widths at 800 px:', JSON.stringify(widths));
  await page.screenshot({ path: `${prefix}-full.png`, fullPage: true });
} finally {
  await browser.close();
}
if (problems.length) {
  console.error('PROBLEMS:\n' + problems.join('\n'));
  process.exit(1);
}
console.log('ok: no console errors, page errors or requests');
