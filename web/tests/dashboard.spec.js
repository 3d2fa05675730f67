// `pelo serve` on the demo database, driven in Chromium: every page draws from its own data with
// no request to any other host and no error, shows the numbers the CLI's --json prints for the
// same database, and answers hover, drag and filters; the server refuses a foreign Host, a path
// outside its routes and bad parameters (ADR 0022). Serving while a sync writes is tested with
// real processes in tests/cli/cli_serve_sync_test.cc.
const { test, expect } = require('@playwright/test');
const { seriesPixels } = require('./chart-pixels');
const { execFileSync, spawn } = require('child_process');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');

const pelo = process.env.PELO_BIN;
const out = process.env.PELO_BROWSER_OUT || path.join(__dirname, '..', 'test-results');

let dir;
let server;
let base; // http://127.0.0.1:PORT
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
const json = (...args) => JSON.parse(run([...args, '--db', 'pelo-demo.db', '--json']));

// A GET (or another method) with the Host header given, not the one the URL implies.
function request(pathname, { host, method } = {}) {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: pathname, method: method || 'GET',
                               headers: { Host: host || url.host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test.beforeAll(async () => {
  if (!pelo) throw new Error('PELO_BIN is not set (run through ctest: pelo_browser_test)');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pelo-dashboard-'));
  run(['demo']);
  cli.workouts = json('workouts');
  cli.rides = json('stats', 'rides');
  // A cycling ride with power, heart rate and segments; an outdoor session with a GPS track.
  cli.rideId = cli.rides.find((r) => r.discipline === 'cycling' && r.np != null && r.avg_hr != null).workout_id;
  cli.ride = json('stats', 'ride', cli.rideId);
  const outdoor = cli.workouts.map((w) => w.workout_id).find((id) => json('stats', 'ride', id).gps);
  cli.outdoorId = outdoor;
  server = spawn(pelo, ['serve', '--db', 'pelo-demo.db', '--port', '0'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  base = await new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error('pelo serve did not start: ' + text)), 20000);
    server.stdout.on('data', (c) => {
      text += c;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(text);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    server.on('exit', (code) => reject(new Error('pelo serve exited ' + code + ': ' + text)));
  });
  fs.mkdirSync(out, { recursive: true });
});

test.afterAll(() => {
  if (server) server.kill('SIGTERM');
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

// Opens `pathname` with every request to another address refused; returns what the page asked
// for and logged once its script says it is ready.
async function open(page, pathname, global) {
  const seen = { foreign: [], requests: [], errors: [] };
  page.on('console', (m) => { if (m.type() === 'error') seen.errors.push(m.text()); });
  page.on('pageerror', (e) => seen.errors.push(String(e)));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    seen.requests.push(url);
    if (url.startsWith(base + '/')) return route.continue();
    seen.foreign.push(url);
    return route.abort();
  });
  await page.goto(base + pathname);
  await page.waitForFunction((g) => window[g] && window[g].ready === true, global);
  return seen;
}

test('every page draws, asks no other host and logs no error', async ({ page }) => {
  const pages = [
    ['/', 'peloReport', 'dashboard-overview', ['curve', 'fitness', 'ftp', 'zones']],
    ['/workouts', 'peloWorkouts', 'dashboard-workouts', []],
    ['/workouts/' + cli.rideId, 'peloWorkout', 'dashboard-workout-ride', ['trace', 'curve']],
    ['/workouts/' + cli.outdoorId, 'peloWorkout', 'dashboard-workout-outdoor', ['trace']],
  ];
  for (const [pathname, global, shot, charts] of pages) {
    const seen = await open(page, pathname, global);
    expect(seen.errors, pathname).toEqual([]);
    expect(seen.foreign, pathname).toEqual([]);
    expect(seen.requests, pathname).toEqual([base + pathname]); // everything is in the page
    expect(await page.evaluate((g) => window[g].errors, global), pathname).toEqual([]);
    for (const name of charts) {
      const series = await seriesPixels(page, global, name);
      expect(series.length, `${pathname} ${name} has series`).toBeGreaterThan(0);
      for (const s of series.filter((x) => x.show && x.points > 0)) {
        expect(s.pixels, `${pathname} ${name}: pixels of series "${s.label}"`).toBeGreaterThan(20);
      }
    }
    await page.screenshot({ path: path.join(out, shot + '.png'), fullPage: true });
    await page.unrouteAll();
    page.removeAllListeners('console');
    page.removeAllListeners('pageerror');
  }
});

test('the workouts list filters as the CLI selects', async ({ page }) => {
  await open(page, '/workouts', 'peloWorkouts');
  const shown = () => page.locator('#workouts-body tr').count();
  expect(await shown()).toBe(cli.workouts.length);

  await page.selectOption('#f-discipline', 'cycling');
  expect(await shown()).toBe(cli.workouts.filter((w) => w.discipline === 'cycling').length);

  await page.fill('#f-q', 'power zone');
  const pz = cli.workouts.filter((w) => w.discipline === 'cycling' && w.title.toLowerCase().includes('power zone'));
  expect(pz.length).toBeGreaterThan(0);
  expect(await shown()).toBe(pz.length);

  await page.click('#f-reset');
  await expect(page.locator('#workouts-body tr')).toHaveCount(cli.workouts.length);
  const instructor = cli.workouts[0].instructor;
  await page.selectOption('#f-instructor', instructor);
  expect(await shown()).toBe(cli.workouts.filter((w) => w.instructor === instructor).length);

  // Days are the rider's local days, as `pelo workouts --since --until` takes them.
  await page.click('#f-reset');
  const days = cli.workouts.map((w) => w.day).sort();
  const since = days[Math.floor(days.length * 0.25)], until = days[Math.floor(days.length * 0.5)];
  await page.fill('#f-since', since);
  await page.fill('#f-until', until);
  const selected = JSON.parse(run(['workouts', '--since', since, '--until', until, '--db', 'pelo-demo.db', '--json']));
  expect(selected.length).toBeGreaterThan(0);
  await expect(page.locator('#workouts-body tr')).toHaveCount(selected.length);
  // The filters are in the address: a reload keeps them.
  await page.reload();
  await page.waitForFunction(() => window.peloWorkouts && window.peloWorkouts.ready === true);
  await expect(page.locator('#workouts-body tr')).toHaveCount(selected.length);

  // A title leads to the workout's page.
  const first = selected[0];
  await page.locator(`[id="workout-${first.workout_id}"] a`).click();
  await page.waitForFunction(() => window.peloWorkout && window.peloWorkout.ready === true);
  expect(page.url()).toBe(base + '/workouts/' + first.workout_id);
});

test("a workout's page shows the numbers the CLI prints", async ({ page }) => {
  await open(page, '/workouts/' + cli.rideId, 'peloWorkout');
  const r = cli.ride.ride;
  for (const key of ['np', 'if', 'tss', 'avg_power', 'kj', 'avg_hr']) {
    const el = page.locator(`#metrics [data-metric="${key}"]`);
    expect(Number(await el.getAttribute('data-value')), key).toBe(r[key]);
  }
  expect(await page.locator('#metrics [data-metric="np"]').innerText()).toContain(String(Math.round(r.np)));
  expect(await page.locator('#metrics [data-metric="if"]').innerText()).toContain(r.if.toFixed(2));
  // The chart holds every sample of every channel.
  const drawn = await page.evaluate(() => {
    const u = window.peloWorkout.charts.trace;
    return { x: u.data[0].length, series: u.series.slice(1).map((s, i) => [s.label, u.data[i + 1].filter((v) => v != null).length]) };
  });
  const samples = cli.ride.samples;
  expect(drawn.x).toBe(samples.t_s.length);
  const channels = await page.evaluate(() => window.peloWorkout.channels);
  channels.forEach((key, i) => expect(drawn.series[i][1], key).toBe(samples[key].filter((v) => v != null).length));
  expect(channels).toEqual(expect.arrayContaining(['output_w', 'heart_rate_bpm', 'cadence_rpm']));
  // Time in zones: the stored seconds of each zone.
  for (const z of cli.ride.power_zones) {
    const row = page.locator(`[data-kind="power"] [data-zone="${z.zone}"]`);
    expect(Number(await row.getAttribute('data-seconds')), 'Z' + z.zone).toBe(z.seconds);
  }
  // The ride's curve against the all-time curve.
  const curve = await page.evaluate(() => window.peloWorkout.charts.curve.data[1].filter((v) => v != null).length);
  expect(curve).toBe(cli.ride.curve.length);
});

test('hover shows the values, a drag selects a range and its numbers, zoom narrows the chart', async ({ page }) => {
  await open(page, '/workouts/' + cli.rideId, 'peloWorkout');
  const over = page.locator('[data-chart="trace"] .u-over').first();
  await over.scrollIntoViewIfNeeded();
  const box = await over.boundingBox();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await expect(page.locator('#trace-readout')).toContainText(' W');
  const legend = await page.locator('[data-chart="trace"] .u-legend .u-value').allInnerTexts();
  expect(legend.some((v) => /\d/.test(v)), `legend values: ${legend}`).toBe(true);

  // The whole ride (a drag past both ends): its average and normalized power are those sync
  // stored.
  await page.mouse.move(box.x + 2, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width + 30, box.y + box.height * 0.5, { steps: 8 });
  await page.mouse.up();
  await expect(page.locator('#selection')).toBeVisible();
  const whole = await page.evaluate(() => window.peloWorkout.selection);
  expect(whole.duration_s).toBe(cli.ride.ride.duration_s);
  expect(Math.abs(whole.avg_power - cli.ride.ride.avg_power)).toBeLessThan(0.01);
  expect(Math.abs(whole.np - cli.ride.ride.np)).toBeLessThan(0.01);

  // A part of it, then zoomed to.
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5, { steps: 5 });
  await page.mouse.up();
  const part = await page.evaluate(() => window.peloWorkout.selection);
  expect(part.duration_s).toBeLessThan(whole.duration_s * 0.4);
  expect(part.duration_s).toBeGreaterThan(whole.duration_s * 0.2);
  for (const key of ['sel_duration_s', 'sel_avg_power', 'sel_np', 'sel_avg_hr', 'sel_avg_cadence']) {
    expect(await page.locator(`[data-metric="${key}"]`).getAttribute('data-value'), key).not.toBe('');
  }
  await page.click('#zoom-in');
  const zoomed = await page.evaluate(() => { const x = window.peloWorkout.charts.trace.scales.x; return [x.min, x.max]; });
  expect(zoomed).toEqual([part.from_s, part.to_s]);
  await page.click('#zoom-out');
  const all = await page.evaluate(() => { const x = window.peloWorkout.charts.trace.scales.x; return [x.min, x.max]; });
  expect(all).toEqual([cli.ride.samples.t_s[0], cli.ride.samples.t_s[cli.ride.samples.t_s.length - 1]]);

  // Each channel can be hidden.
  await page.click('#channels button[data-channel="heart_rate_bpm"]');
  await expect(page.locator('#channels button[data-channel="heart_rate_bpm"]')).toHaveAttribute('aria-pressed', 'false');
  const shown = await page.evaluate(() => window.peloWorkout.charts.trace.series.map((s) => s.show));
  expect(shown[1 + (await page.evaluate(() => window.peloWorkout.channels.indexOf('heart_rate_bpm')))]).toBe(false);
});

test('an outdoor session draws its GPS track', async ({ page }) => {
  await open(page, '/workouts/' + cli.outdoorId, 'peloWorkout');
  await expect(page.locator('#route')).toBeVisible();
  const track = await page.evaluate(() => {
    const r = window.peloWorkout.charts.route;
    const ctx = r.canvas.getContext('2d');
    const d = ctx.getImageData(0, 0, r.canvas.width, r.canvas.height).data;
    let n = 0;
    for (let p = 0; p < d.length; p += 4) if (Math.abs(d[p] - 0xe6) + Math.abs(d[p + 1] - 0x55) + Math.abs(d[p + 2] - 0x0d) < 30) n++;
    return { points: r.points, pixels: n };
  });
  const gps = cli.ride && json('stats', 'ride', cli.outdoorId).gps;
  expect(track.points).toBe(gps.latitude.length);
  expect(track.pixels).toBeGreaterThan(200);
});

test("the report's rides table links to each workout's page", async ({ page }) => {
  await open(page, '/', 'peloReport');
  const link = page.locator(`[id="ride-${cli.rideId}"] a`);
  await expect(link).toHaveAttribute('href', '/workouts/' + cli.rideId);
  await link.click();
  await page.waitForFunction(() => window.peloWorkout && window.peloWorkout.ready === true);
  await expect(page.locator('#title')).toHaveText(cli.ride.title);
});

test('the JSON endpoint of a workout is `pelo stats ride --json`', async () => {
  const res = await request('/api/workouts/' + cli.rideId);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toContain('application/json');
  expect(JSON.parse(res.body)).toEqual(cli.ride);
});

test('the server refuses a foreign Host, paths outside its routes and bad parameters', async () => {
  const url = new URL(base);
  const rebound = await request('/', { host: 'attacker.example:' + url.port });
  expect(rebound.status).toBe(403);
  expect(rebound.body).not.toContain('pelo-data');
  for (const p of ['/../../../../etc/passwd', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/workouts/..%2f..%2f..%2fetc%2fpasswd',
    '/workouts/../../etc/passwd', '/api/workouts/%2e%2e', '/workouts/NOT-AN-ID', '/workouts/' + 'f'.repeat(32),
    '/pelo-demo.db', '/assets/../pelo-demo.db']) {
    const res = await request(p);
    expect([400, 404], p).toContain(res.status);
    expect(res.body, p).not.toContain('root:');
    expect(res.body, p).not.toContain('SQLite format');
  }
  const cases = [
    ['/api/rides?since=2026-13-40', 'since'], ['/api/curve?until=yesterday', 'until'],
    ['/api/zones?by=year', 'by'], ['/api/workouts?limit=-1', 'limit'],
    ['/api/workouts/' + cli.rideId + '?samples=all', 'samples'], ['/workouts?x=1', 'x'],
  ];
  for (const [p, name] of cases) {
    const res = await request(p);
    expect(res.status, p).toBe(400);
    expect(JSON.parse(res.body).error, p).toContain(name);
  }
  const post = await request('/api/rides', { method: 'POST' });
  expect(post.status).toBe(405);
});
