// pelo serve's workouts list: every stored workout (`pelo workouts --json`), filtered in the page
// by title, discipline, instructor and local day. The filters live in the address's fragment
// (#q=...&discipline=...), so a reload or a shared link keeps them and the server sees none.
(function () {
  'use strict';

  const state = { ready: false, charts: {}, errors: [], shown: 0 };
  window.peloWorkouts = state;
  const { $, el, add, arr, obj, num, str, fix, durLong, workoutHref } = window.pelo;
  const run = window.pelo.runner(state, 'workouts');

  const D = window.pelo.readData(state);
  const workouts = arr(D.workouts).filter((w) => w && typeof w === 'object');
  const linkBase = str(obj(D.links).workout);

  const COLS = [
    { key: 'day', label: 'day' },
    { key: 'start_time', label: 'start (UTC)', text: (w) => str(w.start_time).slice(11, 16) },
    { key: 'discipline', label: 'discipline' },
    { key: 'title', label: 'title', cls: 'title' },
    { key: 'instructor', label: 'instructor' },
    { key: 'duration', label: 'duration', n: true, text: (w) => (num(w.duration) ? durLong(w.duration) : '') },
    { key: 'total_output', label: 'kJ', n: true, d: 0 },
    { key: 'average_output', label: 'avg W', n: true, d: 0 },
    { key: 'average_heart_rate', label: 'avg HR', n: true, d: 0 },
    { key: 'distance_km', label: 'km', n: true, d: 2 },
    { key: 'calories_kcal', label: 'kcal', n: true, d: 0 },
  ];
  const filters = ['q', 'discipline', 'instructor', 'since', 'until'];
  const sort = { key: 'day', dir: -1 };

  function options(id, values) {
    const select = $(id);
    for (const v of [...new Set(values.filter((x) => x))].sort((a, b) => a.localeCompare(b))) {
      const o = el('option', null, v);
      o.value = v;
      select.append(o);
    }
  }

  function current() {
    const f = {};
    for (const k of filters) f[k] = $('f-' + k).value.trim();
    return f;
  }
  function fromHash() {
    const p = new URLSearchParams(window.location.hash.slice(1));
    for (const k of filters) {
      const v = p.get(k) || '';
      const input = $('f-' + k);
      // A select keeps only a value it offers.
      if (input.tagName !== 'SELECT' || [...input.options].some((o) => o.value === v)) input.value = v;
    }
  }
  function toHash(f) {
    const p = new URLSearchParams();
    for (const k of filters) if (f[k]) p.set(k, f[k]);
    const hash = p.toString();
    history.replaceState(null, '', hash ? '#' + hash : window.location.pathname);
  }

  function matches(w, f) {
    if (f.q && !str(w.title).toLowerCase().includes(f.q.toLowerCase())) return false;
    if (f.discipline && str(w.discipline) !== f.discipline) return false;
    if (f.instructor && str(w.instructor) !== f.instructor) return false;
    const day = str(w.day);
    if (f.since && !(day && day >= f.since)) return false;
    if (f.until && !(day && day <= f.until)) return false;
    return true;
  }

  function render() {
    const f = current();
    toHash(f);
    const c = COLS.find((x) => x.key === sort.key);
    for (const th of $('workouts-head').children) {
      th.setAttribute('aria-sort', th.dataset.key === sort.key ? (sort.dir > 0 ? 'ascending' : 'descending') : 'none');
    }
    const rows = workouts.map((w, i) => [w, i]).filter(([w]) => matches(w, f));
    window.pelo.sortRows(rows, c, sort.dir);
    const body = document.createDocumentFragment();
    for (const [w] of rows) {
      const tr = el('tr');
      tr.id = 'workout-' + str(w.workout_id);
      for (const col of COLS) {
        const v = w[col.key];
        const text = col.text ? col.text(w) : col.n ? (num(v) ? v.toFixed(col.d) : '') : str(v);
        const td = el('td', col.n ? 'n' : col.cls || null);
        const href = col.key === 'title' ? workoutHref(linkBase, w.workout_id) : null;
        if (href) { const a = el('a', null, text || '(untitled)'); a.href = href; td.append(a); } else td.textContent = text;
        if (col.n && num(v)) td.dataset.value = String(v);
        tr.append(td);
      }
      body.append(tr);
    }
    $('workouts-body').replaceChildren(body);
    state.shown = rows.length;
    $('count').textContent = rows.length === workouts.length
      ? workouts.length + (workouts.length === 1 ? ' workout' : ' workouts')
      : rows.length + ' of ' + workouts.length + ' workouts';
    const none = $('workouts-empty');
    none.hidden = rows.length > 0;
    none.textContent = workouts.length ? 'No workout matches these filters.' : 'No workouts yet: run `pelo sync` first.';
  }

  function list() {
    // Numbers and days start with the largest, newest first.
    window.pelo.sortableHead($('workouts-head'), COLS, sort, (c) => c.n || c.key === 'day', render);
    options('f-discipline', workouts.map((w) => str(w.discipline)));
    options('f-instructor', workouts.map((w) => str(w.instructor)));
    fromHash();
    const form = $('filters');
    form.addEventListener('input', render);
    form.addEventListener('change', render);
    form.addEventListener('submit', (e) => e.preventDefault());
    form.addEventListener('reset', () => setTimeout(render, 0));
    window.addEventListener('hashchange', () => { fromHash(); render(); });
    render();
    const total = workouts.reduce((s, w) => s + (num(w.duration) ? w.duration : 0), 0);
    add($('scope'), 'Today ' + str(D.today) + ' · ' + workouts.length + ' workouts · ' + fix(total / 3600, 0) + ' h in all');
  }

  run('list', 'list', list);
  window.pelo.ready(state);
})();
