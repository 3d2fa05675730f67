// pelo serve's page of one workout: its channels over time (power-zone bands, the FTP line and
// the class's segments behind them, drag to select a range and read its numbers), its power
// curve against the all-time curve, its time in zones and, outdoors, its GPS track. The data are
// `pelo stats ride ID --json` (member `workout`) and `pelo stats curve --json` (`curve_all_time`).
(function () {
  'use strict';

  const started = performance.now();
  const state = { ready: false, charts: { trace: null, curve: null, route: null }, errors: [], timings: null, selection: null };
  window.peloWorkout = state;
  const { $, el, add, arr, obj, num, str, fix, durTick, durLong, clock, empty, workoutHref } = window.pelo;
  const { place } = window.pelo.placer(state.charts);
  const run = window.pelo.runner(state, 'workout');

  const D = window.pelo.readData(state);
  const parsed = performance.now();
  let drawn = null;
  const W = obj(D.workout);
  const ride = obj(W.ride);
  const S = obj(W.samples);
  const t = arr(S.t_s);
  const linkBase = str(obj(D.links).workout);
  const ftp = num(W.ftp) && W.ftp > 0 ? W.ftp : null;

  // Every channel the ride has, in the order riders read them.
  const CHANNELS = [
    { key: 'output_w', label: 'Power', unit: 'W', color: '#3949ab', d: 0, scale: 'w', width: 1.5 },
    { key: 'heart_rate_bpm', label: 'Heart rate', unit: 'bpm', color: '#d32f2f', d: 0, scale: 'bpm' },
    { key: 'cadence_rpm', label: 'Cadence', unit: 'rpm', color: '#2e7d32', d: 0, scale: 'rpm' },
    { key: 'resistance_pct', label: 'Resistance', unit: '%', color: '#8d6e63', d: 0, scale: 'pct' },
    { key: 'speed_kph', label: 'Speed', unit: 'km/h', color: '#00838f', d: 1, scale: 'kph' },
    { key: 'incline_pct', label: 'Incline', unit: '%', color: '#6d4c41', d: 1, scale: 'incline' },
    { key: 'pace_min_per_km', label: 'Pace', unit: 'min/km', color: '#5e35b1', d: 2, scale: 'pace' },
    { key: 'altitude_m', label: 'Altitude', unit: 'm', color: '#757575', d: 0, scale: 'alt' },
    { key: 'stroke_rate_spm', label: 'Stroke rate', unit: 'spm', color: '#ef6c00', d: 0, scale: 'spm' },
    { key: 'split_pace_s_per_500m', label: 'Split', unit: 's/500 m', color: '#0277bd', d: 0, scale: 'split' },
  ].filter((c) => t.length > 0 && arr(S[c.key]).length === t.length && arr(S[c.key]).some(num));
  state.channels = CHANNELS.map((c) => c.key);

  // Power zones (analytics.md §2.10) as the page colours them, Z1..Z7.
  const ZONE_COLORS = ['#9e9e9e', '#1e88e5', '#43a047', '#fdd835', '#fb8c00', '#e53935', '#8e24aa'];
  const ZONE_NAMES = ['Active recovery', 'Endurance', 'Tempo', 'Threshold', 'VO2 max', 'Anaerobic', 'Neuromuscular'];
  const HR_COLORS = ['#90a4ae', '#64b5f6', '#81c784', '#ffb74d', '#e57373'];

  // ---- header and headline numbers -----------------------------------------------------------
  function header() {
    const title = str(W.title) || '(untitled)';
    $('title').textContent = title;
    document.title = title + ' · pelo';
    const parts = [];
    if (W.day) parts.push(str(W.day));
    if (W.date) parts.push('started ' + str(W.date).slice(11, 16) + ' UTC');
    if (W.instructor) parts.push(str(W.instructor));
    if (W.discipline) parts.push(str(W.discipline) + (W.is_outdoor ? ' (outdoor)' : ''));
    $('scope').textContent = parts.join(' · ');
  }
  function metric(key, label, value, text, unit) {
    const card = el('div', 'metric');
    const n = el('div', 'num');
    n.dataset.metric = key;
    n.dataset.value = num(value) ? String(value) : '';
    if (num(value)) add(n, text, unit ? ' ' : null, unit ? el('span', 'unit', unit) : null);
    else n.textContent = '—';
    add(card, el('div', 'label', label), n);
    return card;
  }
  function summary() {
    const box = $('metrics');
    const duration = num(ride.duration_s) ? ride.duration_s : W.duration_s;
    box.append(metric('duration_s', 'Duration', duration, durLong(duration)));
    const cards = [
      ['avg_power', 'Average power', 0, 'W'], ['np', 'Normalized power', 0, 'W'],
      ['if', 'Intensity factor', 2, ''], ['tss', 'TSS', 0, ''], ['kj', 'Work', 0, 'kJ'],
      ['avg_hr', 'Average HR', 0, 'bpm'], ['ef', 'Efficiency factor', 2, ''],
      ['distance_km', 'Distance', 2, 'km'],
    ];
    for (const [key, label, d, unit] of cards) {
      if (num(ride[key])) box.append(metric(key, label, ride[key], fix(ride[key], d), unit));
    }
    if (ftp) box.append(metric('ftp', 'FTP in effect', ftp, fix(ftp, 0), 'W'));
    if (!Object.keys(ride).length) {
      box.append(el('p', 'note', 'No ride metrics for this workout (no power, or not synced with metrics).'));
    }
  }

  // ---- channels over time --------------------------------------------------------------------
  // Mean of the numbers of `a` in [i0, i1]; `keep` picks which count (HR: above 0).
  function mean(a, i0, i1, keep) {
    let s = 0, n = 0;
    for (let i = i0; i <= i1; i++) if (num(a[i]) && (!keep || keep(a[i]))) { s += a[i]; n++; }
    return n ? s / n : null;
  }
  // Normalized power of samples i0..i1 every `dt` s (analytics.md §2.5: full 30-s windows only,
  // zeros and gaps as 0 W); null under 30 s.
  function normalizedPower(p, i0, i1, dt) {
    const w = Math.max(1, Math.round(30 / dt));
    const n = i1 - i0 + 1;
    if (n < w) return null;
    let sum = 0, acc = 0, count = 0;
    for (let i = i0; i <= i1; i++) {
      sum += num(p[i]) ? p[i] : 0;
      if (i - i0 >= w) sum -= num(p[i - w]) ? p[i - w] : 0;
      if (i - i0 >= w - 1) { const r = sum / w; acc += r * r * r * r; count++; }
    }
    return Math.pow(acc / count, 0.25);
  }
  const dt = (function () { // seconds per sample (every_n)
    if (t.length < 2) return 1;
    const d = [];
    for (let i = 1; i < Math.min(t.length, 200); i++) d.push(t[i] - t[i - 1]);
    d.sort((a, b) => a - b);
    return Math.max(1, d[Math.floor(d.length / 2)]);
  })();

  function selectionStats(i0, i1) {
    const col = (key) => arr(S[key]);
    return {
      from_s: t[i0], to_s: t[i1], duration_s: (i1 - i0 + 1) * dt,
      avg_power: CHANNELS.some((c) => c.key === 'output_w') ? mean(col('output_w'), i0, i1) : null,
      np: CHANNELS.some((c) => c.key === 'output_w') ? normalizedPower(col('output_w'), i0, i1, dt) : null,
      avg_hr: mean(col('heart_rate_bpm'), i0, i1, (v) => v > 0),
      avg_cadence: mean(col('cadence_rpm'), i0, i1),
    };
  }
  function showSelection(sel) {
    state.selection = sel;
    const box = $('selection-metrics');
    box.textContent = '';
    $('selection').hidden = !sel;
    $('zoom-in').disabled = !sel;
    if (!sel) return;
    add(box,
      metric('sel_range', 'From – to', sel.to_s, clock(sel.from_s) + ' – ' + clock(sel.to_s)),
      metric('sel_duration_s', 'Duration', sel.duration_s, durLong(sel.duration_s)),
      metric('sel_avg_power', 'Average power', sel.avg_power, fix(sel.avg_power, 0), 'W'),
      metric('sel_np', 'Normalized power', sel.np, fix(sel.np, 0), 'W'),
      metric('sel_avg_hr', 'Average HR', sel.avg_hr, fix(sel.avg_hr, 0), 'bpm'),
      metric('sel_avg_cadence', 'Average cadence', sel.avg_cadence, fix(sel.avg_cadence, 0), 'rpm'));
  }

  function trace() {
    const box = $('trace-chart');
    if (!CHANNELS.length) { box.append(empty('No samples stored for this workout.')); return; }
    const power = CHANNELS.find((c) => c.key === 'output_w');
    const zones = arr(W.power_zones).filter((z) => z && num(z.low_w));
    const segments = arr(W.segments).filter((s) => s && num(s.start_s) && num(s.length_s) && s.length_s > 0);
    const data = [t, ...CHANNELS.map((c) => S[c.key])];
    const right = CHANNELS.find((c, i) => i > 0 && c.key === 'heart_rate_bpm') || CHANNELS[1];
    const scales = { x: { time: false } };
    for (const c of CHANNELS) {
      let lo = Infinity, hi = -Infinity;
      for (const v of S[c.key]) if (num(v)) { if (v < lo) lo = v; if (v > hi) hi = v; }
      if (c.key === 'output_w' && ftp) hi = Math.max(hi, ftp * 1.1);
      const floor = c.key === 'heart_rate_bpm' || c.key === 'altitude_m' ? Math.max(0, lo - 10) : Math.min(0, lo);
      scales[c.scale] = { range: () => [floor, hi > floor ? hi * 1.06 : floor + 1] };
    }
    const readout = $('trace-readout');
    const hint = 'Hover for the values at a moment; drag across the chart to select a range.';
    readout.textContent = hint;
    const strip = 16 * devicePixelRatio; // the segments' strip along the top
    const u = place('trace', box, {
      height: 420,
      padding: [strip / devicePixelRatio + 6, 8, 0, 0],
      scales,
      axes: [
        { values: (u, sp) => sp.map(clock), label: 'elapsed' },
        { scale: CHANNELS[0].scale, label: CHANNELS[0].label + ' (' + CHANNELS[0].unit + ')', size: 55 },
        ...(right ? [{ scale: right.scale, side: 1, label: right.label + ' (' + right.unit + ')', size: 55, grid: { show: false } }] : []),
      ],
      series: [
        { label: 'elapsed', value: (u, v) => clock(v) },
        ...CHANNELS.map((c) => ({
          label: c.label, stroke: c.color, width: c.width || 1.1, scale: c.scale, points: { show: false },
          value: (u, v) => (num(v) ? v.toFixed(c.d) + ' ' + c.unit : '–'),
        })),
      ],
      cursor: { drag: { x: true, y: false, setScale: false } },
      hooks: {
        drawClear: [(u) => {
          const ctx = u.ctx, b = u.bbox;
          ctx.save();
          if (power && u.series[1].show) { // zone bands and the FTP line
            const ymax = u.scales[power.scale].max;
            for (const z of zones) {
              const hi = num(z.high_w) ? Math.min(z.high_w, ymax) : ymax;
              if (z.low_w >= hi) continue;
              const y1 = u.valToPos(hi, power.scale, true), y2 = u.valToPos(z.low_w, power.scale, true);
              ctx.fillStyle = ZONE_COLORS[(z.zone - 1) % 7] + '1f';
              ctx.fillRect(b.left, y1, b.width, y2 - y1);
            }
            if (ftp) {
              const y = Math.round(u.valToPos(ftp, power.scale, true));
              ctx.strokeStyle = '#37474f'; ctx.lineWidth = devicePixelRatio; ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
              ctx.beginPath(); ctx.moveTo(b.left, y); ctx.lineTo(b.left + b.width, y); ctx.stroke();
              ctx.setLineDash([]);
              ctx.fillStyle = '#37474f'; ctx.font = (11 * devicePixelRatio) + 'px sans-serif';
              ctx.fillText('FTP ' + Math.round(ftp) + ' W', b.left + 4 * devicePixelRatio, y - 4 * devicePixelRatio);
            }
          }
          // The class's segments: alternate shades along the top strip, named where they fit.
          ctx.font = (11 * devicePixelRatio) + 'px sans-serif';
          ctx.textBaseline = 'middle';
          segments.forEach((s, i) => {
            const x1 = Math.max(b.left, u.valToPos(s.start_s, 'x', true));
            const x2 = Math.min(b.left + b.width, u.valToPos(s.start_s + s.length_s, 'x', true));
            if (x2 <= x1) return;
            ctx.fillStyle = i % 2 ? 'rgba(96,125,139,0.30)' : 'rgba(96,125,139,0.16)';
            ctx.fillRect(x1, b.top - strip - 2 * devicePixelRatio, x2 - x1, strip);
            ctx.fillStyle = 'rgba(96,125,139,0.05)';
            if (i % 2) ctx.fillRect(x1, b.top, x2 - x1, b.height);
            const name = str(s.name);
            if (name && ctx.measureText(name).width + 6 * devicePixelRatio < x2 - x1) {
              ctx.fillStyle = '#37474f';
              ctx.fillText(name, x1 + 3 * devicePixelRatio, b.top - strip / 2 - 2 * devicePixelRatio);
            }
          });
          ctx.restore();
        }],
        draw: [() => { if (drawn == null) drawn = performance.now(); }],
        setCursor: [(u) => {
          const i = u.cursor.idx;
          readout.textContent = '';
          if (i == null) { readout.textContent = hint; return; }
          add(readout, el('strong', null, clock(t[i])));
          CHANNELS.forEach((c, k) => {
            if (!u.series[k + 1].show) return;
            const v = S[c.key][i];
            add(readout, ' · ' + c.label + ' ', el('strong', null, num(v) ? v.toFixed(c.d) + ' ' + c.unit : '–'));
          });
          const seg = segments.find((s) => t[i] >= s.start_s && t[i] < s.start_s + s.length_s);
          if (seg && seg.name) add(readout, ' · ', el('em', null, str(seg.name)));
        }],
        setSelect: [(u) => {
          if (u.select.width < 2) return;
          // A drag that reaches an end of the plot takes the samples up to that end.
          const right = u.select.left + u.select.width, plotWidth = u.bbox.width / devicePixelRatio;
          const i0 = u.select.left <= 2 && u.scales.x.min <= t[0] ? 0 : u.posToIdx(u.select.left);
          const i1 = right >= plotWidth - 2 && u.scales.x.max >= t[t.length - 1] ? t.length - 1 : u.posToIdx(right);
          showSelection(i1 > i0 ? selectionStats(i0, i1) : null);
        }],
        setSeries: [(u, i) => {
          if (i == null) return;
          const b = $('channels').querySelector('button[data-channel="' + CHANNELS[i - 1].key + '"]');
          if (b) b.setAttribute('aria-pressed', String(u.series[i].show));
        }],
      },
    }, data);

    const channels = $('channels');
    CHANNELS.forEach((c, k) => {
      const b = el('button', null, c.label);
      b.type = 'button';
      b.dataset.channel = c.key;
      b.setAttribute('aria-pressed', 'true');
      b.style.setProperty('--swatch', c.color);
      b.addEventListener('click', () => u.setSeries(k + 1, { show: !u.series[k + 1].show }));
      channels.append(b);
    });
    const zoomOut = () => { u.setScale('x', { min: t[0], max: t[t.length - 1] }); $('zoom-out').disabled = true; };
    $('zoom-in').addEventListener('click', () => {
      const s = state.selection;
      if (!s || s.to_s <= s.from_s) return;
      u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
      u.setScale('x', { min: s.from_s, max: s.to_s });
      $('zoom-out').disabled = false;
    });
    $('zoom-out').addEventListener('click', zoomOut);
    u.over.addEventListener('dblclick', zoomOut);

    // The class's segments as a list: choosing one selects its range.
    const list = $('segments');
    segments.forEach((s) => {
      const li = el('li');
      const b = el('button', 'link', str(s.name) || '(segment)');
      b.type = 'button';
      b.addEventListener('click', () => {
        const i0 = Math.max(0, t.findIndex((x) => x >= s.start_s));
        let i1 = t.findIndex((x) => x >= s.start_s + s.length_s);
        i1 = i1 < 0 ? t.length - 1 : Math.max(i0, i1 - 1);
        const left = u.valToPos(t[i0], 'x'), right = u.valToPos(t[i1], 'x');
        u.setSelect({ left, top: 0, width: Math.max(2, right - left), height: u.bbox.height / devicePixelRatio }, false);
        showSelection(selectionStats(i0, i1));
      });
      add(li, b, ' ' + clock(s.start_s) + ' – ' + clock(s.start_s + s.length_s) + ' (' + durLong(s.length_s) + ')');
      list.append(li);
    });
  }

  // ---- this ride's curve against the all-time curve --------------------------------------------
  const TICKS = [1, 5, 15, 30, 60, 120, 180, 300, 600, 1200, 1800, 3600, 7200, 10800];
  function curve() {
    const mine = arr(W.curve).filter((p) => p && num(p.duration_s) && p.duration_s > 0 && num(p.watts));
    const best = arr(D.curve_all_time).filter((p) => p && num(p.duration_s) && p.duration_s > 0 && num(p.watts));
    const box = $('curve-chart');
    if (!mine.length) { box.append(empty('This workout has no power curve (no power).')); return; }
    const maxD = mine[mine.length - 1].duration_s;
    const xs = [...new Set([...mine, ...best].map((p) => p.duration_s))].filter((d) => d <= maxD).sort((a, b) => a - b);
    const at = (points) => new Map(points.map((p) => [p.duration_s, p]));
    const m = at(mine), a = at(best);
    const readout = $('curve-readout');
    const u = place('curve', box, {
      height: 320,
      scales: { x: { time: false, distr: 3, log: 10, range: () => [xs[0], xs[xs.length - 1]] }, y: { range: (u, lo, hi) => [0, hi * 1.06] } },
      axes: [
        { splits: (u) => TICKS.filter((x) => x >= u.scales.x.min && x <= u.scales.x.max), filter: (u, sp) => sp, values: (u, sp) => sp.map(durTick), label: 'duration' },
        { label: 'watts', size: 55 },
      ],
      series: [
        { label: 'duration', value: (u, v) => durLong(v) },
        { label: 'This ride', stroke: '#3949ab', width: 2.5, spanGaps: true, value: (u, v) => (num(v) ? Math.round(v) + ' W' : '–') },
        { label: 'All time', stroke: '#9e9e9e', width: 2, dash: [6, 4], spanGaps: true, value: (u, v) => (num(v) ? Math.round(v) + ' W' : '–') },
      ],
      cursor: { drag: { x: false, y: false } },
      hooks: {
        setCursor: [(u) => {
          const i = u.cursor.idx;
          readout.textContent = '';
          if (i == null) return;
          const p = m.get(xs[i]), q = a.get(xs[i]);
          add(readout, el('strong', null, durLong(xs[i])));
          if (p) add(readout, ' · this ride ', el('strong', null, Math.round(p.watts) + ' W'));
          if (q) add(readout, ' · all time ', el('strong', null, Math.round(q.watts) + ' W'), ' on ' + (str(q.date) || '?'),
            q.workout_id === W.workout_id ? ' (this ride)' : '');
        }],
      },
    }, [xs, xs.map((x) => (m.get(x) ? m.get(x).watts : null)), xs.map((x) => (a.get(x) ? a.get(x).watts : null))]);
    window.pelo.onPointClick(u, (i) => {
      const q = a.get(xs[i]);
      const href = q && q.workout_id !== W.workout_id ? workoutHref(linkBase, q.workout_id) : null;
      if (href) window.location.href = href;
    });
  }

  // ---- time in zones -------------------------------------------------------------------------
  function zoneBars(title, kind, zones, colors, bounds) {
    const total = zones.reduce((s, z) => s + (num(z.seconds) ? z.seconds : 0), 0);
    const box = el('div', 'zone-set');
    box.dataset.kind = kind;
    box.append(el('h3', null, title));
    if (!zones.length || total <= 0) { box.append(empty('Not available for this workout.')); return box; }
    for (const z of zones) {
      const row = el('div', 'zone-row');
      row.dataset.zone = String(z.zone);
      row.dataset.seconds = num(z.seconds) ? String(z.seconds) : '';
      const bar = el('span', 'zone-bar');
      bar.style.width = (100 * (num(z.seconds) ? z.seconds : 0) / total).toFixed(2) + '%';
      bar.style.background = colors[(z.zone - 1) % colors.length];
      const track = el('span', 'zone-track');
      track.append(bar);
      add(row, el('span', 'zone-name', 'Z' + z.zone + ' ' + bounds(z)), track,
        el('span', 'zone-time', durLong(z.seconds) + (num(z.seconds) ? ' · ' + (100 * z.seconds / total).toFixed(0) + '%' : '')));
      box.append(row);
    }
    return box;
  }
  function zones() {
    const range = (lo, hi, unit) => (num(lo) ? Math.round(lo) : '?') + (num(hi) ? '–' + Math.round(hi) : '+') + ' ' + unit;
    $('zone-bars').append(
      zoneBars('Power zones', 'power', arr(W.power_zones).filter((z) => z && num(z.zone)), ZONE_COLORS,
        (z) => ZONE_NAMES[z.zone - 1] + ' · ' + range(z.low_w, z.high_w, 'W')),
      zoneBars('Heart-rate zones', 'heart_rate', arr(W.heart_rate_zones).filter((z) => z && num(z.zone)), HR_COLORS,
        (z) => range(z.low_bpm, z.high_bpm, 'bpm')));
  }

  // ---- GPS track -----------------------------------------------------------------------------
  function route() {
    const g = obj(W.gps);
    const lat = arr(g.latitude), lon = arr(g.longitude), gt = arr(g.t_s);
    const pts = [];
    for (let i = 0; i < Math.min(lat.length, lon.length); i++) if (num(lat[i]) && num(lon[i])) pts.push([lon[i], lat[i], gt[i]]);
    if (pts.length < 2) return;
    $('route').hidden = false;
    const canvas = $('route-canvas');
    const dpr = devicePixelRatio || 1;
    const cssW = Math.max(280, canvas.parentNode.clientWidth || 800), cssH = Math.round(Math.min(cssW * 0.6, 440));
    canvas.style.width = cssW + 'px';
    canvas.style.height = cssH + 'px';
    canvas.width = Math.round(cssW * dpr);
    canvas.height = Math.round(cssH * dpr);
    // Equirectangular: east-west distances shrink with the cosine of the latitude.
    const k = Math.cos((pts.reduce((s, p) => s + p[1], 0) / pts.length) * Math.PI / 180);
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    for (const p of pts) { const x = p[0] * k; x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, p[1]); y1 = Math.max(y1, p[1]); }
    const pad = 16 * dpr;
    const s = Math.min((canvas.width - 2 * pad) / Math.max(x1 - x0, 1e-9), (canvas.height - 2 * pad) / Math.max(y1 - y0, 1e-9));
    const ox = (canvas.width - (x1 - x0) * s) / 2, oy = (canvas.height - (y1 - y0) * s) / 2;
    const pos = (p) => [ox + (p[0] * k - x0) * s, canvas.height - (oy + (p[1] - y0) * s)];
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#f6f7f9';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.strokeStyle = '#e6550d'; ctx.lineWidth = 3 * dpr; ctx.lineJoin = 'round'; ctx.lineCap = 'round';
    ctx.beginPath();
    pts.forEach((p, i) => { const [x, y] = pos(p); if (i) ctx.lineTo(x, y); else ctx.moveTo(x, y); });
    ctx.stroke();
    const dot = (p, color) => { const [x, y] = pos(p); ctx.fillStyle = color; ctx.beginPath(); ctx.arc(x, y, 5 * dpr, 0, 2 * Math.PI); ctx.fill(); };
    dot(pts[0], '#2e7d32');
    dot(pts[pts.length - 1], '#c62828');
    state.charts.route = { points: pts.length, color: '#e6550d', canvas };
    const km = num(ride.distance_km) ? ' · ' + ride.distance_km.toFixed(2) + ' km' : '';
    $('route-readout').textContent = pts.length + ' GPS points' + km + ' · start green, finish red';
  }

  run('header', 'summary', header);
  run('summary', 'summary', summary);
  const charts = typeof uPlot === 'function';
  if (!charts) {
    state.errors.push('uPlot is missing');
    console.error('pelo workout: the chart library did not load');
  } else {
    run('trace', 'trace', trace);
  }
  // The main chart draws first (uPlot paints in a microtask); the views below it a task later.
  setTimeout(() => {
    if (charts) run('curve', 'curve', curve);
    run('zones', 'zones', zones);
    run('route', 'route', route);
    setTimeout(() => {
      const now = performance.now();
      state.timings = {
        parse_ms: parsed - started,
        draw_ms: drawn == null ? null : drawn - parsed,
        total_ms: now - started,
      };
      state.ready = true;
      document.documentElement.dataset.ready = 'true';
    }, 0);
  }, 0);
})();
