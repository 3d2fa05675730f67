// What the browser specs share: how many pixels of each series' colour a chart's canvas holds.
// For each series of window[global].charts[chart] (a uPlot): its number of points and how many pixels of its
// colour the chart's canvas holds (axes and grid are other colours).
async function seriesPixels(page, global, chart) {
  return page.evaluate(([global, name]) => {
    const u = window[global].charts[name];
    const ctx = u.ctx;
    const { width, height } = ctx.canvas;
    const pixels = ctx.getImageData(0, 0, width, height).data;
    const probe = document.createElement('canvas').getContext('2d');
    // [r, g, b] of a CSS colour (hex, or rgba() for a translucent fill).
    const rgb = (color) => {
      probe.fillStyle = '#000';
      probe.fillStyle = color;
      const c = probe.fillStyle;
      if (c[0] === '#') return [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
      const m = c.match(/rgba?\((\d+),\s*(\d+),\s*(\d+)/);
      return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
    };
    return u.series.slice(1).map((s, i) => {
      const stroke = typeof s._stroke === 'string' ? s._stroke : s.stroke;
      const fill = typeof s._fill === 'string' ? s._fill : s.fill;
      const colors = [stroke, fill].filter((c) => typeof c === 'string').map(rgb).filter(Boolean);
      let count = 0;
      for (let p = 0; p < pixels.length; p += 4) {
        if (pixels[p + 3] < 16) continue;
        for (const [r, g, b] of colors) {
          if (Math.abs(pixels[p] - r) + Math.abs(pixels[p + 1] - g) + Math.abs(pixels[p + 2] - b) < 40) {
            count++;
            break;
          }
        }
      }
      return { label: s.label, show: s.show, points: u.data[i + 1].filter((v) => v != null).length,
               pixels: count };
    });
  }, [global, chart]);
}


module.exports = { seriesPixels };
