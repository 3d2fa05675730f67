// pelo's pages: what the report, the workouts list and the workout page share. Sets
// window.pelo; each page's script reads it. Runs under a CSP without eval or inline handlers:
// listeners via addEventListener only, and every string from the data goes in through
// textContent (titles and names are written by strangers).
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = String(text);
    return e;
  }
  function add(parent, ...kids) {
    for (const k of kids) if (k != null) parent.append(typeof k === 'string' ? document.createTextNode(k) : k);
    return parent;
  }
  const arr = (x) => (Array.isArray(x) ? x : []);
  const obj = (x) => (x && typeof x === 'object' && !Array.isArray(x) ? x : {});
  const num = (x) => typeof x === 'number' && isFinite(x);
  const str = (x) => (typeof x === 'string' ? x : '');

  const DAY = 86400;
  function dayTs(s) { // 'YYYY-MM-DD...' -> seconds at UTC midnight
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(str(s));
    return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) / 1000 : null;
  }
  const dayStr = (ts) => new Date(ts * 1000).toISOString().slice(0, 10);

  // Numbers as the CLI's tables print them.
  const fix = (v, d) => (num(v) ? v.toFixed(d) : '–');
  const signed = (v, d) => (num(v) ? (v < 0 || Object.is(v, -0) ? '' : '+') + v.toFixed(d) : '–');
  function durTick(s) {
    if (s < 60) return s + 's';
    if (s < 3600) return (s % 60 ? (s / 60).toFixed(1) : s / 60) + 'm';
    return (s % 3600 ? (s / 3600).toFixed(1) : s / 3600) + 'h';
  }
  function durLong(s) {
    if (!num(s)) return '–';
    s = Math.round(s);
    if (s < 60) return s + ' s';
    if (s < 3600) return Math.floor(s / 60) + ' min' + (s % 60 ? ' ' + (s % 60) + ' s' : '');
    const m = Math.round((s % 3600) / 60);
    return Math.floor(s / 3600) + ' h' + (m ? ' ' + m + ' min' : '');
  }
  // A clock of elapsed time: 4:05, 1:02:03.
  function clock(s) {
    if (!num(s)) return '–';
    s = Math.round(s);
    const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), x = s % 60;
    const two = (n) => (n < 10 ? '0' : '') + n;
    return h ? h + ':' + two(m) + ':' + two(x) : m + ':' + two(x);
  }
  function empty(text) { return el('p', 'empty', text); }
  function utcDate(ts) { return uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'); }
  function chartWidth(box) { return Math.max(280, box.clientWidth || 800); }

  // The data document of the page (<script id="pelo-data">), or {} after showing why not.
  function readData(state) {
    try {
      return obj(JSON.parse($('pelo-data').textContent));
    } catch (e) {
      const f = $('fatal');
      f.hidden = false;
      f.textContent = 'The page’s data could not be read (' + e.message + ').';
      state.error = f.textContent;
      return {};
    }
  }

  // Charts follow their container's width (window resize, print). `charts` is the page's
  // name -> uPlot map that the browser tests read.
  function placer(charts) {
    const sized = new Map(); // container -> {chart, height}
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver((entries) => {
      for (const e of entries) {
        const s = sized.get(e.target);
        if (!s) continue;
        const w = chartWidth(e.target);
        if (Math.abs(s.chart.width - w) > 1) s.chart.setSize({ width: w, height: s.height });
      }
    }) : null;
    // Printing lays the page out narrower than the screen: charts take a page's width meanwhile.
    window.addEventListener('beforeprint', () => {
      for (const s of sized.values()) s.chart.setSize({ width: Math.min(s.chart.width, 700), height: s.height });
    });
    window.addEventListener('afterprint', () => {
      for (const [box, s] of sized) s.chart.setSize({ width: chartWidth(box), height: s.height });
    });
    function place(name, box, opts, data) {
      const old = sized.get(box);
      if (old) { old.chart.destroy(); sized.delete(box); }
      box.textContent = '';
      opts.width = chartWidth(box);
      const u = new uPlot(opts, data, box);
      sized.set(box, { chart: u, height: opts.height });
      if (observer) observer.observe(box);
      charts[name] = u;
      return u;
    }
    function unplace(name, box, message) {
      const old = sized.get(box);
      if (old) { old.chart.destroy(); sized.delete(box); }
      charts[name] = null;
      box.textContent = '';
      box.append(empty(message));
    }
    return { place, unplace };
  }

  // Runs one view; a view that throws is named in state.errors and on the page, and the others
  // still draw.
  function runner(state, page) {
    return function run(name, section, fn) {
      try {
        fn();
      } catch (e) {
        state.errors.push(name + ': ' + e.message);
        console.error('pelo ' + page + ': the ' + name + ' view failed:', e);
        const s = $(section);
        if (s) s.append(empty('This view could not be drawn (' + e.message + ').'));
      }
    };
  }

  // uPlot paints in a microtask after construction; a task later everything has drawn.
  function ready(state) {
    setTimeout(() => { state.ready = true; document.documentElement.dataset.ready = 'true'; }, 0);
  }

  // Calls fn(index of the point under the cursor) on a click that was not the end of a drag.
  function onPointClick(u, fn) {
    let down = null;
    u.over.addEventListener('mousedown', (e) => { down = [e.clientX, e.clientY]; });
    u.over.addEventListener('click', (e) => {
      const moved = down && Math.hypot(e.clientX - down[0], e.clientY - down[1]) > 3;
      down = null;
      if (!moved && u.cursor.idx != null) fn(u.cursor.idx);
    });
  }

  // A table head of sortable columns ({key, label, n}) in `head`: a click sorts by a column, a
  // second click reverses it. `sort` is {key, dir}; a column starts descending when
  // `startsDescending(column)`; `onSort()` draws the table again.
  function sortableHead(head, cols, sort, startsDescending, onSort) {
    for (const c of cols) {
      const th = el('th', c.n ? 'n' : null);
      th.dataset.key = c.key;
      th.setAttribute('scope', 'col');
      th.append(el('button', null, c.label));
      head.append(th);
    }
    head.addEventListener('click', (e) => {
      const th = e.target.closest('th[data-key]');
      if (!th) return;
      const c = cols.find((x) => x.key === th.dataset.key);
      sort.dir = sort.key === c.key ? -sort.dir : startsDescending(c) ? -1 : 1;
      sort.key = c.key;
      onSort();
    });
  }

  // Sorts [item, index] pairs in place by column `col` ({key, n}) in direction `dir`: numbers
  // or text, empty cells last either way, ties in their original order.
  function sortRows(rows, col, dir) {
    rows.sort(([a, ia], [b, ib]) => {
      const x = a[col.key], y = b[col.key];
      const xn = x == null || x === '', yn = y == null || y === '';
      if (xn || yn) return xn && yn ? ia - ib : xn ? 1 : -1;
      const o = col.n ? x - y : String(x).localeCompare(String(y));
      return o ? o * dir : ia - ib;
    });
    return rows;
  }

  // A link to a workout's page on the dashboard (`base` from the data document), else null.
  function workoutHref(base, id) {
    return base && /^[0-9a-f]{1,64}$/.test(str(id)) ? base + id : null;
  }

  window.pelo = {
    $, el, add, arr, obj, num, str, DAY, dayTs, dayStr, fix, signed, durTick, durLong,
    clock, empty, utcDate, chartWidth, readData, placer, runner, ready, onPointClick, sortableHead,
    sortRows, workoutHref,
  };
})();
