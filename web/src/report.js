// pelo report: draws the views of the one-file report from the JSON data document in the page.
// Runs under a CSP without eval or inline handlers: listeners via addEventListener only, and
// every string from the data goes in through textContent (titles are written by strangers).
(function () {
  'use strict';

  const report = { ready: false, charts: { curve: null, fitness: null, ftp: null, zones: null }, errors: [] };
  window.peloReport = report;

  const { $, el, add, arr, obj, num, str, DAY, dayTs, dayStr, fix, signed, durTick, durLong,
    empty, utcDate, workoutHref } = window.pelo;
  const { place, unplace } = window.pelo.placer(report.charts);
  const run = window.pelo.runner(report, 'report');

  // `pelo stats fitness`'s words for a TSB (insights::FormWord), and a class for the colour.
  function formWord(tsb) {
    if (tsb > 25) return ['very fresh (losing fitness)', 'form-very-fresh'];
    if (tsb > 5) return ['fresh', 'form-fresh'];
    if (tsb >= -10) return ['neutral', 'form-neutral'];
    if (tsb >= -30) return ['training hard (productive fatigue)', 'form-hard'];
    return ['very fatigued', 'form-fatigued'];
  }

  // ---- the data ------------------------------------------------------------------------------
  const D = window.pelo.readData(report);
  const rides = arr(D.rides).filter((r) => r && typeof r === 'object');
  const fitness = arr(D.fitness).filter((f) => f && dayTs(f.date) != null);
  const ftp = obj(D.ftp);
  const athlete = obj(D.athlete);
  const weight = num(athlete.weight_kg) && athlete.weight_kg > 0 ? athlete.weight_kg : null;
  const range = obj(D.range);
  const lastFitness = fitness.length ? fitness[fitness.length - 1].date : null;
  const today = dayTs(D.today) != null ? str(D.today).slice(0, 10)
    : lastFitness || dayStr(Math.floor(Date.now() / 1000 / DAY) * DAY);
  const todayTs = dayTs(today);
  const ridesById = new Map(rides.map((r) => [str(r.workout_id), r]));
  // On the dashboard, each ride has a page: the chart points and table rows link there.
  const linkBase = str(obj(D.links).workout);

  // A ride's local day (`pelo stats rides`' `day`): the day of the fitness, curve and FTP
  // views and of the calendar; its `date` is the UTC start.
  const rideDay = (r) => str(r.day).slice(0, 10);

  // ---- header --------------------------------------------------------------------------------
  function header() {
    const parts = ['Today ' + today];
    if (range.since || range.until) {
      parts.push('rides ' + (range.since ? 'from ' + range.since : '') +
        (range.since && range.until ? ' ' : '') + (range.until ? 'until ' + range.until : ''));
    }
    parts.push(rides.length + (rides.length === 1 ? ' workout' : ' workouts'));
    if (weight) parts.push(weight + ' kg');
    $('scope').textContent = parts.join(' · ');
    if (linkBase) { // served by pelo serve: its other page
      const a = el('a', null, 'All workouts');
      a.href = linkBase.replace(/\/$/, '');
      document.querySelector('header.top nav').append(a);
    }
  }

  // ---- overview ------------------------------------------------------------------------------
  function metric(key, label, value, text, unit, sub, cls) {
    const card = el('div', 'metric' + (cls ? ' ' + cls : ''));
    const n = el('div', 'num');
    n.dataset.metric = key;
    n.dataset.value = num(value) ? String(value) : '';
    if (num(value)) add(n, text, unit ? ' ' : null, unit ? el('span', 'unit', unit) : null);
    else n.textContent = '—';
    add(card, el('div', 'label', label), n, sub ? el('div', 'sub', sub) : null);
    $('metrics').append(card);
  }
  function fitnessOn(day) {
    let row = null;
    for (const f of fitness) if (f.date <= day) row = f;
    return row;
  }
  function overview() {
    const changes = arr(ftp.changes);
    const cur = obj(ftp.current);
    const first = changes.find((c) => c && c.kind !== 'estimated');
    let sub = num(cur.ftp) ? cur.kind + ' on ' + cur.date : 'No FTP stored yet';
    if (num(cur.ftp) && first && num(first.ftp) && first.date !== cur.date) {
      sub += ', ' + signed(cur.ftp - first.ftp, 0) + ' W since ' + first.date;
    }
    metric('ftp', 'FTP now', cur.ftp, fix(cur.ftp, 0), 'W', sub);

    const e = obj(ftp.eftp42);
    metric('eftp42', 'eFTP42', e.watts, fix(e.watts, 0), 'W', num(e.watts)
      ? '0.95 × best 20 min of 42 days; set ' + e.age_days + ' days ago' + (e.stale ? ' (stale: no hard 20 minutes lately)' : '')
      : 'No 20-minute effort in the last 42 days');
    const t = ftp.eftp42_trend_w_per_week;
    metric('eftp42_trend', 'eFTP42 trend', t, signed(t, 1), 'W/week', num(t)
      ? 'over the last ' + ftp.trend_weeks + ' weeks (Theil-Sen)' : 'Too little history for a trend');

    const f = fitnessOn(today);
    const fw = f && num(f.tsb) ? formWord(f.tsb) : null;
    metric('tsb', 'Form (TSB)', f && f.tsb, signed(f && f.tsb, 1), null,
      fw ? fw[0] + (f.date !== today ? ' (on ' + f.date + ')' : '') : 'No training load yet', fw && fw[1]);
    metric('ctl', 'Fitness (CTL)', f && f.ctl, fix(f && f.ctl, 1), null, f ? '42-day load' : 'No training load yet');
    metric('atl', 'Fatigue (ATL)', f && f.atl, fix(f && f.atl, 1), null, f ? '7-day load' : 'No training load yet');

    const from = dayStr(todayTs - 27 * DAY);
    const recent = rides.filter((r) => { const d = rideDay(r); return d >= from && d <= today; });
    const secs = recent.reduce((s, r) => s + (num(r.duration_s) ? r.duration_s : 0), 0);
    const tss = recent.reduce((s, r) => s + (num(r.tss) ? r.tss : 0), 0);
    const what = recent.length + (recent.length === 1 ? ' workout' : ' workouts') + ', ' + from + ' to ' + today;
    metric('hours_28d', 'Last 4 weeks', secs / 3600, fix(secs / 3600, 1), 'h', what);
    metric('tss_28d', 'Load, last 4 weeks', tss, fix(tss, 0), 'TSS', what);

    let best = null;
    for (const r of rides) if (num(r.mmp_1200s) && (!best || r.mmp_1200s > best.mmp_1200s)) best = r;
    metric('best_20min', 'Best 20 min', best && best.mmp_1200s, fix(best && best.mmp_1200s, 0), 'W', best
      ? 'on ' + rideDay(best) + (weight ? ' · ' + (best.mmp_1200s / weight).toFixed(2) + ' W/kg' : '') + ' · ' + str(best.title)
      : 'No rides with power yet');
  }

  // ---- calendar ------------------------------------------------------------------------------
  function calendar() {
    const box = $('calendar');
    if (!fitness.length && !rides.length) {
      box.append(empty('No training load yet: no rides with power.'));
      return;
    }
    const load = new Map(fitness.map((f) => [f.date, f.load]));
    const count = new Map();
    for (const r of rides) { const d = rideDay(r); count.set(d, (count.get(d) || 0) + 1); }
    const start = todayTs - 364 * DAY;
    const wd = (new Date(start * 1000).getUTCDay() + 6) % 7; // Monday = 0
    const first = start - wd * DAY;
    const grid = el('div', 'cal-grid');
    grid.setAttribute('role', 'grid');
    grid.setAttribute('aria-label', 'Daily training load (TSS), one column per week');
    add(grid, el('div', 'wd'));
    for (const w of ['Mon', '', 'Wed', '', 'Fri', '', 'Sun']) add(grid, el('div', 'wd', w));
    const hasFirst = (col) => { // the column holds the 1st of a month
      for (let i = 0; i < 7; i++) { const t = col + i * DAY; if (t >= start && t <= todayTs && new Date(t * 1000).getUTCDate() === 1) return t; }
      return null;
    };
    const month = (t) => new Date(t * 1000).toLocaleString('en', { month: 'short', timeZone: 'UTC' });
    for (let col = first; col <= todayTs; col += 7 * DAY) {
      let t = hasFirst(col);
      if (t == null && col === first && hasFirst(col + 7 * DAY) == null && hasFirst(col + 14 * DAY) == null) t = start;
      grid.append(el('div', 'mo', t == null ? '' : month(t)));
      for (let i = 0; i < 7; i++) {
        const t = col + i * DAY;
        const cell = el('div', 'day');
        if (t < start || t > todayTs) { cell.className = 'day none'; cell.style.visibility = 'hidden'; grid.append(cell); continue; }
        const d = dayStr(t);
        const v = num(load.get(d)) ? load.get(d) : 0;
        const n = count.get(d) || 0;
        cell.className = 'day l' + (v <= 0 ? 0 : v < 30 ? 1 : v < 60 ? 2 : v < 100 ? 3 : 4);
        cell.dataset.date = d;
        cell.dataset.tss = String(v);
        cell.setAttribute('role', 'gridcell');
        cell.title = d + ': ' + (v > 0 ? 'TSS ' + v.toFixed(0) : 'no training load') +
          (n ? ' · ' + n + (n === 1 ? ' workout' : ' workouts') : '');
        if (n) cell.tabIndex = 0;
        grid.append(cell);
      }
    }
    const pick = (e) => {
      const c = e.target.closest && e.target.closest('.day[data-date]');
      if (!c) return;
      for (const s of grid.querySelectorAll('.day.sel')) s.classList.remove('sel');
      c.classList.add('sel');
      filterRides(c.dataset.date, true);
    };
    grid.addEventListener('click', pick);
    grid.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); pick(e); } });
    const key = el('div', 'cal-key');
    add(key, 'TSS per day: 0 ', el('span', 'day l0'), el('span', 'day l1'), el('span', 'day l2'),
      el('span', 'day l3'), el('span', 'day l4'), ' 100+ · click a day for its workouts');
    add(box, grid, key);
  }

  // ---- power-duration curve ------------------------------------------------------------------
  const TICKS = [1, 5, 15, 30, 60, 120, 180, 300, 600, 1200, 1800, 3600, 7200, 10800];
  function curve() {
    const c = obj(D.curve);
    let rangeLabel = 'Range';
    if (range.since || range.until) {
      rangeLabel = range.since && range.until ? range.since + ' to ' + range.until
        : range.since ? 'Since ' + range.since : 'Until ' + range.until;
    }
    const sets = [
      { key: 'all_time', label: 'All time', stroke: '#1f5fbf', dash: null, width: 2.5 },
      { key: 'last_90_days', label: 'Last 90 days', stroke: '#e6550d', dash: [6, 4], width: 2 },
      { key: 'range', label: rangeLabel, stroke: '#2e7d32', dash: null, width: 2 },
    ].filter((s) => arr(c[s.key]).length);
    const box = $('curve-chart');
    if (!sets.length) { box.append(empty('No rides with power yet.')); return; }
    const xs = [...new Set(sets.flatMap((s) => arr(c[s.key]).map((p) => p && p.duration_s)).filter((d) => num(d) && d > 0))].sort((a, b) => a - b);
    for (const s of sets) s.at = new Map(arr(c[s.key]).filter((p) => p && num(p.duration_s)).map((p) => [p.duration_s, p]));
    const readout = $('curve-readout');
    const hint = 'Hover the curve for the ride that set each best; click to find it in the rides table.';
    readout.textContent = hint;

    let units = 'w';
    function draw() {
      const k = units === 'wkg' ? weight : 1;
      const fmt = (v) => (v == null ? '–' : units === 'wkg' ? (v / k).toFixed(2) + ' W/kg' : Math.round(v) + ' W');
      const data = [xs, ...sets.map((s) => xs.map((x) => { const p = s.at.get(x); return p && num(p.watts) ? p.watts / k : null; }))];
      let ymax = 0;
      for (const s of data.slice(1)) for (const v of s) if (v != null && v > ymax) ymax = v;
      const u = place('curve', box, {
        height: 380,
        scales: { x: { time: false, distr: 3, log: 10, range: () => [xs[0], xs[xs.length - 1]] }, y: { range: () => [0, ymax > 0 ? ymax * 1.08 : 1] } },
        axes: [
          { splits: (u) => TICKS.filter((t) => t >= u.scales.x.min && t <= u.scales.x.max), filter: (u, sp) => sp,
            values: (u, sp) => sp.map(durTick), label: 'duration' },
          { label: units === 'wkg' ? 'W/kg' : 'watts', size: 55, values: (u, sp) => sp.map((v) => (units === 'wkg' ? v.toFixed(1) : v)) },
        ],
        series: [
          { label: 'duration', value: (u, v) => durLong(v) },
          ...sets.map((s) => ({
            label: s.label, stroke: s.stroke, width: s.width, dash: s.dash || undefined, spanGaps: true,
            value: (u, v) => (v == null ? '–' : units === 'wkg' ? v.toFixed(2) + ' W/kg' : Math.round(v) + ' W'),
          })),
        ],
        cursor: { drag: { x: false, y: false } },
        hooks: {
          setCursor: [(u) => {
            const i = u.cursor.idx;
            readout.textContent = '';
            if (i == null) { readout.textContent = hint; return; }
            add(readout, el('strong', null, durLong(xs[i])));
            for (const s of sets) {
              const p = s.at.get(xs[i]);
              if (!p || !num(p.watts)) continue;
              const r = ridesById.get(str(p.workout_id));
              add(readout, ' · ' + s.label + ': ', el('strong', null, fmt(p.watts)),
                ' on ' + (str(p.date) || '?') + (r ? ', ' : ''), r ? el('em', null, str(r.title)) : null,
                p.resolution_limited ? ' (limited by the ride’s sample rate)' : '');
            }
          }],
        },
      }, data);
      window.pelo.onPointClick(u, (i) => {
        const p = sets[0].at.get(xs[i]);
        if (p) showRide(str(p.workout_id));
      });
    }
    draw();
    const controls = $('curve-controls');
    if (weight) {
      controls.hidden = false;
      controls.addEventListener('click', (e) => {
        const b = e.target.closest('button[data-units]');
        if (!b || b.dataset.units === units) return;
        units = b.dataset.units;
        for (const x of controls.querySelectorAll('button')) x.setAttribute('aria-pressed', String(x === b));
        draw();
      });
    }
  }

  // ---- fitness (PMC) -------------------------------------------------------------------------
  const BANDS = [ // TSB bands with `pelo stats fitness`'s words
    { lo: 25, hi: Infinity, fill: 'rgba(255,179,0,0.13)', text: 'above +25 very fresh (losing fitness)' },
    { lo: 5, hi: 25, fill: 'rgba(33,150,243,0.10)', text: '+5 to +25 fresh' },
    { lo: -10, hi: 5, fill: 'rgba(140,140,140,0.08)', text: '−10 to +5 neutral' },
    { lo: -30, hi: -10, fill: 'rgba(67,160,71,0.15)', text: '−30 to −10 training hard (productive fatigue; intervals.icu’s “optimal”)' },
    { lo: -Infinity, hi: -30, fill: 'rgba(229,57,53,0.12)', text: 'below −30 very fatigued' },
  ];
  function fitnessChart() {
    const box = $('fitness-chart');
    if (!fitness.length) { box.append(empty('No rides with a training load (TSS) yet.')); return; }
    const col = (k) => fitness.map((f) => (num(f[k]) ? f[k] : null));
    const data = [fitness.map((f) => dayTs(f.date)), col('load'), col('ctl'), col('atl'), col('tsb')];
    let ymax = 0, tmin = 0, tmax = 0;
    for (let i = 1; i <= 3; i++) for (const v of data[i]) if (v != null && v > ymax) ymax = v;
    for (const v of data[4]) if (v != null) { tmin = Math.min(tmin, v); tmax = Math.max(tmax, v); }
    const lo = Math.min(-35, tmin * 1.1), hi = Math.max(30, tmax * 1.1);
    // Two panels in one plot: load, CTL and ATL in the upper 56%, TSB and its bands below.
    const FORM = 0.38, GAP = 0.06;
    const top = Math.max(10, ymax * 1.08);
    const bottom = -top * (FORM + GAP) / (1 - FORM - GAP);
    place('fitness', box, {
      height: 440,
      tzDate: utcDate,
      scales: { x: { time: true, range: (u, a, b) => (data[0][data[0].length - 1] - data[0][0] < 7 * DAY ? [data[0][0] - 3 * DAY, data[0][data[0].length - 1] + 3 * DAY] : [a, b]) }, y: { range: () => [bottom, top] }, tsb: { range: () => [lo, lo + (hi - lo) / FORM] } },
      axes: [{},
        { label: 'TSS · CTL · ATL', size: 50, filter: (u, sp) => sp.map((v) => (v >= 0 ? v : null)) },
        { scale: 'tsb', side: 1, label: 'TSB (form)', size: 50, filter: (u, sp) => sp.map((v) => (v <= hi ? v : null)),
          values: (u, sp) => sp.map((v) => (v == null ? '' : signed(v, 0))) }],
      series: [
        { label: 'day', value: (u, v) => (v == null ? '–' : dayStr(v)) },
        { label: 'TSS', stroke: 'rgba(110,110,120,0.75)', fill: 'rgba(110,110,120,0.35)', width: 0, paths: uPlot.paths.bars({ size: [0.7, 8] }), points: { show: false }, value: (u, v) => fix(v, 0) },
        { label: 'Fitness (CTL)', stroke: '#1f5fbf', width: 2.2, value: (u, v) => fix(v, 1) },
        { label: 'Fatigue (ATL)', stroke: '#c2185b', width: 1.4, value: (u, v) => fix(v, 1) },
        { label: 'Form (TSB)', stroke: '#e69f00', width: 1.6, scale: 'tsb', value: (u, v) => signed(v, 1) },
      ],
      hooks: {
        drawClear: [(u) => {
          const ctx = u.ctx, b = u.bbox;
          ctx.save();
          for (const band of BANDS) {
            const y1 = Math.max(b.top, Math.min(b.top + b.height, u.valToPos(Math.min(band.hi, hi), 'tsb', true)));
            const y2 = Math.max(b.top, Math.min(b.top + b.height, u.valToPos(Math.max(band.lo, lo), 'tsb', true)));
            ctx.fillStyle = band.fill;
            ctx.fillRect(b.left, y1, b.width, y2 - y1);
          }
          ctx.restore();
        }],
        draw: [(u) => {
          if (todayTs == null || todayTs >= u.scales.x.max || todayTs <= u.scales.x.min) return;
          const ctx = u.ctx, b = u.bbox, x = Math.round(u.valToPos(todayTs, 'x', true));
          ctx.save();
          ctx.strokeStyle = '#555'; ctx.setLineDash([4, 4]); ctx.lineWidth = 1;
          ctx.beginPath(); ctx.moveTo(x, b.top); ctx.lineTo(x, b.top + b.height); ctx.stroke();
          ctx.fillStyle = '#555'; ctx.font = (11 * devicePixelRatio) + 'px sans-serif';
          ctx.fillText('today', x + 4, b.top + 12 * devicePixelRatio);
          ctx.restore();
        }],
      },
    }, data);
    window.pelo.onPointClick(report.charts.fitness, (i) => filterRides(dayStr(data[0][i]), true));
    const p = $('fitness-bands');
    add(p, 'Form bands: ');
    BANDS.forEach((b, i) => {
      const sw = el('span', 'swatch');
      sw.style.background = b.fill.replace(/[\d.]+\)$/, '0.45)');
      add(p, i ? ' · ' : null, sw, b.text);
    });
  }

  // ---- FTP history ---------------------------------------------------------------------------
  function ftpChart() {
    const box = $('ftp-chart'), summary = $('ftp-summary');
    const changes = arr(ftp.changes).filter((c) => c && dayTs(c.date) != null && num(c.ftp));
    if (!changes.length) {
      box.append(empty('No FTP stored yet: no rides with an FTP, FTP test or 20-minute effort.'));
    } else {
      let inEffect = null;
      const xs = [], eff = [], est = [], test = [], set = [];
      for (const c of changes) {
        if (c.kind !== 'estimated') inEffect = c.ftp;
        xs.push(dayTs(c.date));
        eff.push(inEffect);
        est.push(c.kind === 'estimated' ? c.ftp : null);
        test.push(c.kind === 'test' ? c.ftp : null);
        set.push(c.kind === 'set' ? c.ftp : null);
      }
      const end = Math.max(xs[xs.length - 1], todayTs || 0);
      const readout = el('p', 'readout');
      const u = place('ftp', box, {
        height: 320,
        tzDate: utcDate,
        scales: { x: { time: true, range: () => [xs[0] - 10 * DAY, end + 10 * DAY] } },
        axes: [{}, { label: 'watts', size: 50 }],
        series: [
          { label: 'day', value: (u, v) => (v == null ? '–' : dayStr(v)) },
          { label: 'FTP in effect', stroke: '#1f5fbf', width: 2.2, paths: uPlot.paths.stepped({ align: 1 }), points: { show: false }, spanGaps: true, value: (u, v) => (v == null ? '–' : fix(v, 0) + ' W') },
          { label: 'eFTP estimate', stroke: '#7b8794', fill: '#7b8794', paths: () => null, points: { show: true, size: 6, fill: '#7b8794', stroke: '#7b8794' }, value: (u, v) => (v == null ? '–' : fix(v, 0) + ' W') },
          { label: 'FTP test', stroke: '#d81b60', paths: () => null, points: { show: true, size: 11, width: 2.5, fill: '#fff', stroke: '#d81b60' }, value: (u, v) => (v == null ? '–' : fix(v, 0) + ' W') },
          { label: 'FTP set', stroke: '#1f5fbf', paths: () => null, points: { show: true, size: 8, fill: '#1f5fbf', stroke: '#1f5fbf' }, value: (u, v) => (v == null ? '–' : fix(v, 0) + ' W') },
        ],
        hooks: {
          draw: [(u) => { // the FTP in effect runs on to today
            const last = eff[eff.length - 1];
            if (last == null || end <= xs[xs.length - 1]) return;
            const ctx = u.ctx;
            ctx.save();
            ctx.strokeStyle = '#1f5fbf'; ctx.lineWidth = 2.2 * devicePixelRatio;
            const y = u.valToPos(last, 'y', true);
            ctx.beginPath(); ctx.moveTo(u.valToPos(xs[xs.length - 1], 'x', true), y); ctx.lineTo(u.valToPos(end, 'x', true), y); ctx.stroke();
            ctx.restore();
          }],
          setCursor: [(u) => {
            const i = u.cursor.idx;
            readout.textContent = '';
            if (i == null) return;
            const c = changes[i];
            add(readout, c.date + ' · ' + c.kind + ' ', el('strong', null, fix(c.ftp, 0) + ' W'),
              num(c.previous) ? ' (' + signed(c.ftp - c.previous, 0) + ')' : '', ' · ', el('em', null, str(c.title)));
          }],
        },
      }, [xs, eff, est, test, set]);
      box.append(readout);
      // A test or an estimate links to the ride it came from.
      window.pelo.onPointClick(u, (i) => { if (changes[i].workout_id) showRide(str(changes[i].workout_id)); });
    }
    // The CLI's summary lines (pelo stats ftp).
    const cur = obj(ftp.current);
    const first = changes.find((c) => c.kind !== 'estimated');
    if (num(cur.ftp)) {
      let s = 'Current FTP: ' + fix(cur.ftp, 0) + ' W (' + cur.kind + ' on ' + cur.date + ')';
      if (first && first.date !== cur.date) s += ', ' + signed(cur.ftp - first.ftp, 0) + ' W since ' + first.date;
      summary.append(el('p', null, s));
    }
    const e = obj(ftp.eftp42);
    if (num(e.watts)) {
      summary.append(el('p', null, 'eFTP42 (0.95 x best 20 min of the last 42 days): ' + fix(e.watts, 0) + ' W, set ' +
        e.age_days + ' days ago' + (e.stale ? ' (stale: no hard 20 minutes lately)' : '')));
    }
    const t = ftp.eftp42_trend_w_per_week;
    if (num(t)) {
      const word = Math.abs(t) < 0.5 ? 'flat' : t > 0 ? 'rising' : 'falling';
      summary.append(el('p', null, 'eFTP42 trend: ' + signed(t, 1) + ' W/week over the last ' + ftp.trend_weeks +
        ' weeks (Theil-Sen): ' + word + '.'));
    }
  }

  // ---- time in zones -------------------------------------------------------------------------
  const ZONES = {
    power: { prefix: 'pz', colors: ['#8fb8de', '#4caf50', '#fdd835', '#fb8c00', '#e53935', '#ad1457', '#6a1b9a'],
      names: ['Z1 active recovery', 'Z2 endurance', 'Z3 tempo', 'Z4 threshold', 'Z5 VO2 max', 'Z6 anaerobic', 'Z7 neuromuscular'] },
    hr: { prefix: 'hrz', colors: ['#90a4ae', '#66bb6a', '#fdd835', '#fb8c00', '#e53935'],
      names: ['Z1', 'Z2', 'Z3', 'Z4', 'Z5'] },
  };
  function zones() {
    const z = obj(D.zones);
    const box = $('zones-chart'), readout = $('zones-readout');
    const state = { period: 'week', kind: 'power' };
    const section = $('zones');
    const legend = el('div', 'zone-legend');
    box.after(legend);
    function draw() {
      const rows = arr(z[state.period]).filter((r) => r && dayTs(r[state.period]) != null);
      const zs = ZONES[state.kind];
      const n = zs.names.length;
      const hours = (r, i) => (num(r[zs.prefix + (i + 1) + '_s']) ? r[zs.prefix + (i + 1) + '_s'] / 3600 : 0);
      legend.textContent = '';
      readout.textContent = '';
      const any = rows.some((r) => zs.names.some((_, i) => hours(r, i) > 0));
      if (!rows.length || !any) {
        unplace('zones', box, !rows.length ? 'No rides yet.' : state.kind === 'hr'
          ? 'No time in heart-rate zones: no rides with a heart-rate monitor.' : 'No rides with power yet.');
        return;
      }
      const xs = rows.map((r) => dayTs(r[state.period]));
      const cum = []; // cum[i][j] = hours in zones 1..i+1 of row j
      for (let i = 0; i < n; i++) cum.push(rows.map((r, j) => (i ? cum[i - 1][j] : 0) + hours(r, i)));
      let ymax = 0;
      for (const v of cum[n - 1]) ymax = Math.max(ymax, v);
      const half = (state.period === 'week' ? 7 : 30) * DAY * 0.6;
      // Bars from 0 to each cumulative sum, the highest zone first so each lower one paints over it.
      const order = [...Array(n).keys()].reverse();
      place('zones', box, {
        height: 340,
        tzDate: utcDate,
        legend: { show: false },
        scales: { x: { time: true, range: () => [xs[0] - half, xs[xs.length - 1] + half] }, y: { range: () => [0, Math.max(0.5, ymax * 1.08)] } },
        axes: [{}, { label: 'hours', size: 50 }],
        series: [{}, ...order.map((i) => ({
          label: zs.names[i], stroke: zs.colors[i], fill: zs.colors[i], width: 0,
          paths: uPlot.paths.bars({ size: [0.8, 60] }), points: { show: false },
        }))],
        cursor: { drag: { x: false, y: false }, points: { show: false } },
        hooks: {
          setCursor: [(u) => {
            const j = u.cursor.idx;
            readout.textContent = '';
            if (j == null) return;
            const r = rows[j];
            add(readout, el('strong', null, (state.period === 'week' ? 'Week of ' : 'Month of ') + r[state.period]),
              ': ' + (num(r.workouts) ? r.workouts : 0) + ' workouts, ' + fix(r.hours, 1) + ' h, TSS ' + fix(r.tss, 0) + ' · ' +
              zs.names.map((nm, i) => nm.split(' ')[0] + ' ' + hours(r, i).toFixed(1) + ' h').join(' · '));
          }],
        },
      }, [xs, ...order.map((i) => cum[i])]);
      zs.names.forEach((nm, i) => {
        const sw = el('span', 'swatch');
        sw.style.background = zs.colors[i];
        add(legend, add(el('span'), sw, nm));
      });
    }
    draw();
    section.querySelector('.controls').addEventListener('click', (e) => {
      const b = e.target.closest('button');
      if (!b) return;
      const k = b.dataset.period ? 'period' : b.dataset.kind ? 'kind' : null;
      if (!k || state[k] === b.dataset[k]) return;
      state[k] = b.dataset[k];
      for (const x of b.parentNode.querySelectorAll('button')) x.setAttribute('aria-pressed', String(x === b));
      draw();
    });
  }

  // ---- drivers -------------------------------------------------------------------------------
  function drivers() {
    const box = $('drivers-chart');
    const d = D.drivers;
    if (!d || typeof d !== 'object') { box.append(empty('No drivers analysis in this report.')); return; }
    if (d.error != null) { box.append(empty(str(d.error) || String(d.error))); return; }
    const factors = arr(d.factors).filter((f) => f && typeof f === 'object');
    const outcome = str(d.outcome) || 'eFTP42';
    const intro = el('div', 'intro');
    add(intro, el('p', null, 'What went with later gains in ' + outcome + ' (your best 20 minutes of the last 6 weeks x 0.95): ' +
      d.weeks + ' weeks cut into ' + d.blocks + ' ' + d.block_weeks + '-week blocks with an outcome change, ' +
      d.valid_blocks + ' followed by a benchmark effort.'),
    el('p', null, 'These are associations in your own history, not proof of cause.'));
    const top = factors.find((f) => f.feature === d.top_driver);
    intro.append(el('p', null, top ? 'Top driver: ' + (str(top.phrase) || str(top.feature)) + '.'
      : 'No factor stands out yet: every interval is too wide (insufficient data).'));
    box.append(intro);
    if (!factors.length) { box.append(empty('No factors could be computed.')); return; }

    const pct = (v) => ((Math.max(-1, Math.min(1, v)) + 1) / 2) * 100;
    const axis = el('div', 'axis-labels');
    const ticks = el('div', 'ticks');
    for (const t of ['−1', '−0.5', '0 (rho)', '+0.5', '+1']) ticks.append(el('span', null, t));
    add(axis, el('span', null, 'factor'), ticks, el('span', null, 'rho [95% CI]'));
    box.append(axis);
    for (const f of factors) {
      const row = el('div', 'factor' + (f.insufficient ? ' insufficient' : ''));
      row.dataset.feature = str(f.feature);
      const ci = arr(f.ci95);
      const rhoText = num(f.rho) ? signed(f.rho, 2) + (ci.length === 2 && num(ci[0]) && num(ci[1]) ? ' [' + signed(ci[0], 2) + ', ' + signed(ci[1], 2) + ']' : '') : '';
      const name = el('div', 'name', (str(f.phrase) || str(f.feature)) + (f.insufficient ? ' (insufficient)' : ''));
      const track = el('div', 'track');
      if (num(f.rho)) {
        const bar = el('div', 'bar ' + (f.rho >= 0 ? 'pos' : 'neg'));
        bar.style.left = Math.min(pct(0), pct(f.rho)) + '%';
        bar.style.width = Math.abs(pct(f.rho) - pct(0)) + '%';
        track.append(bar);
      }
      if (ci.length === 2 && num(ci[0]) && num(ci[1])) {
        const w = el('div', 'whisker');
        w.style.left = pct(Math.min(ci[0], ci[1])) + '%';
        w.style.width = Math.abs(pct(ci[1]) - pct(ci[0])) + '%';
        track.append(w);
      }
      track.title = rhoText ? 'rho ' + rhoText : 'no rho';
      add(row, name, track, el('div', 'rho', rhoText), el('p', 'sentence', str(f.sentence)));
      box.append(row);
    }

    const more = el('div', 'more');
    const pe = obj(d.partial_effects);
    if (arr(pe.effects).length) {
      more.append(el('p', null, 'With the other factors held fixed (' + pe.blocks + ' blocks' + (pe.ridge ? ', ridge' : '') +
        (num(pe.r2) ? ', R² ' + pe.r2.toFixed(2) : '') + (pe.insufficient ? '; insufficient data' : '') + '):'));
      const ul = el('ul');
      for (const e of arr(pe.effects)) if (e && e.sentence) ul.append(el('li', null, str(e.sentence)));
      more.append(ul);
    }
    const tr = obj(d.trend);
    if (num(tr.theil_sen_w_per_week)) {
      more.append(el('p', null, 'Trend: ' + outcome + ' ' + signed(tr.theil_sen_w_per_week, 2) + ' W/week over ' + tr.weeks +
        ' weeks (Theil-Sen; OLS ' + signed(num(tr.ols_w_per_week) ? tr.ols_w_per_week : 0, 2) + ')' +
        (tr.insufficient ? ', too short a span to call' : '')));
    }
    const ir = obj(d.impulse_response), fit = obj(ir.fit);
    if (num(fit.p0) || str(ir.note)) {
      let s = 'Fitness-fatigue model (Banister, FTP tests as performance): ';
      if (num(fit.p0)) s += 'FTP ≈ ' + fit.p0.toFixed(0) + ' + ' + fix(fit.k1, 3) + '·fitness − ' + fix(fit.k2, 3) + '·fatigue over ' + ir.tests + ' tests (R² ' + fix(fit.r2, 2) + ')';
      if (str(ir.note)) s += (num(fit.p0) ? '. ' : '') + ir.note;
      more.append(el('p', null, s));
      const k1 = obj(obj(ir.components).k1);
      const parts = [['z1_z2', 'easy (Z1-Z2)'], ['z3_z4', 'tempo/threshold (Z3-Z4)'], ['z5_z7', 'hard (Z5-Z7)']]
        .filter(([k]) => num(obj(k1[k]).k1))
        .map(([k, nm]) => { const c = obj(k1[k]), ci = arr(c.ci95); return nm + ' ' + c.k1.toFixed(3) + (ci.length === 2 ? ' [' + fix(ci[0], 3) + ', ' + fix(ci[1], 3) + ']' : ''); });
      if (parts.length) more.append(el('p', null, 'FTP gain per TSS by intensity: ' + parts.join('; ')));
    }
    const pitfalls = arr(d.pitfalls).concat(arr(d.caveats)).map((p) => (typeof p === 'string' ? p : str(obj(p).message))).filter(Boolean);
    const cav = el('div', 'caveats');
    cav.append(el('h3', null, 'Caveats'));
    if (pitfalls.length) {
      const ul = el('ul');
      for (const p of pitfalls) ul.append(el('li', null, p));
      cav.append(ul);
    } else {
      cav.append(el('p', 'note', 'No caveats flagged for this history. The factors are associations, not proof of cause.'));
    }
    add(box, more, cav);
  }

  // ---- rides table ---------------------------------------------------------------------------
  const COLS = [
    { key: 'date', label: 'date (UTC)', text: (r) => str(r.date).slice(0, 16) },
    { key: 'discipline', label: 'discipline' },
    { key: 'title', label: 'title', cls: 'title' },
    { key: 'duration_s', label: 'min', n: true, text: (r) => (num(r.duration_s) ? (r.duration_s / 60).toFixed(0) : '') },
    { key: 'avg_power', label: 'avg W', n: true, d: 0 },
    { key: 'np', label: 'NP', n: true, d: 0 },
    { key: 'if', label: 'IF', n: true, d: 2 },
    { key: 'tss', label: 'TSS', n: true, d: 0 },
    { key: 'kj', label: 'kJ', n: true, d: 0 },
    { key: 'ftp', label: 'FTP', n: true, d: 0 },
  ];
  const table = { key: 'date', dir: -1, day: null, highlight: null };
  function ridesTable() {
    const head = $('rides-head');
    if (!rides.length) {
      $('rides-table').parentNode.hidden = true;
      const e = $('rides-empty');
      e.hidden = false;
      e.textContent = 'No rides yet: run `pelo sync` first.';
      return;
    }
    window.pelo.sortableHead(head, COLS, table, (c) => c.n, renderRides);
    $('rides-show-all').addEventListener('click', () => filterRides(null, false));
    renderRides();
  }
  function renderRides() {
    const c = COLS.find((x) => x.key === table.key);
    for (const th of $('rides-head').children) {
      th.setAttribute('aria-sort', th.dataset.key === table.key ? (table.dir > 0 ? 'ascending' : 'descending') : 'none');
    }
    let rows = rides.map((r, i) => [r, i]);
    if (table.day) rows = rows.filter(([r]) => rideDay(r) === table.day);
    window.pelo.sortRows(rows, c, table.dir);
    const body = document.createDocumentFragment();
    for (const [r] of rows) {
      const tr = el('tr');
      tr.id = 'ride-' + str(r.workout_id);
      if (table.day || table.highlight === r.workout_id) tr.className = 'hl';
      for (const col of COLS) {
        const v = r[col.key];
        const text = col.text ? col.text(r) : col.n ? (num(v) ? v.toFixed(col.d) : '') : str(v);
        const td = el('td', col.n ? 'n' : col.cls || null, col.key === 'title' ? null : text);
        const href = col.key === 'title' ? workoutHref(linkBase, r.workout_id) : null;
        if (href) { const a = el('a', null, text); a.href = href; td.append(a); } else if (col.key === 'title') td.textContent = text;
        if (col.n && num(v)) td.dataset.value = String(v);
        tr.append(td);
      }
      body.append(tr);
    }
    $('rides-body').replaceChildren(body);
    const f = $('rides-filter');
    f.hidden = !table.day;
    if (table.day) {
      $('rides-filter-text').textContent = rows.length
        ? rows.length + (rows.length === 1 ? ' workout' : ' workouts') + ' on ' + table.day + ' (your local day).'
        : 'No workouts on ' + table.day + '.';
    }
  }
  function filterRides(day, scroll) {
    if (!rides.length) return;
    table.day = day;
    table.highlight = null;
    renderRides();
    if (scroll) $('rides').scrollIntoView({ block: 'start' });
  }
  function showRide(id) {
    const href = workoutHref(linkBase, id);
    if (href) { window.location.href = href; return; }
    if (!ridesById.has(id)) return;
    table.day = null;
    table.highlight = id;
    renderRides();
    const row = document.getElementById('ride-' + id);
    if (row) row.scrollIntoView({ block: 'center' });
  }

  // ---- draw everything -----------------------------------------------------------------------
  run('header', 'overview', header);
  run('overview', 'overview', overview);
  run('calendar', 'overview', calendar);
  run('rides', 'rides', ridesTable);
  if (typeof uPlot !== 'function') {
    report.errors.push('uPlot is missing');
    console.error('pelo report: the chart library did not load');
  } else {
    run('curve', 'curve', curve);
    run('fitness', 'fitness', fitnessChart);
    run('ftp', 'ftp', ftpChart);
    run('zones', 'zones', zones);
  }
  run('drivers', 'drivers', drivers);
  window.pelo.ready(report);
})();
