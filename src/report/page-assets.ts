/**
 * The report's inline stylesheet and script. Both are constants (nothing from the image goes in
 * them), so the page's Content-Security-Policy can allow exactly these two by hash: a script
 * smuggled in through a file name would not run even if escaping ever failed.
 */

export const PAGE_CSS = `
:root { --fg: #1d2433; --muted: #5c6577; --line: #d9dee8; --base: #8a94a8; --user: #2f6fd6; --waste: #c81e1e; --bg: #fff; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1120px; padding: 24px 20px 48px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 22px; margin: 0 0 4px; word-break: break-all; }
h2 { font-size: 17px; margin: 32px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.meta, .muted, .note, .omitted, footer { color: var(--muted); }
.omitted { font-style: italic; }
code, .path, .cmd, .field { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12px; }
.path { word-break: break-all; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 10px; margin: 16px 0 0; padding: 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; margin: 0; }
.card dt { color: var(--muted); font-size: 12px; }
.card dd { margin: 2px 0 0; font-size: 18px; font-weight: 600; }
.card dd small { font-size: 12px; font-weight: 400; color: var(--muted); }
.card.warn dd { color: var(--waste); }
svg { width: 100%; height: auto; display: block; }
.layer-chart text { font-size: 12px; fill: var(--fg); }
.layer-chart .cmd { font-family: ui-monospace, Menlo, Consolas, monospace; }
.layer-chart .size { fill: var(--muted); }
.bar-base { fill: var(--base); }
.bar-user { fill: var(--user); }
.layer:hover .bar, .layer.hl .bar { opacity: 0.75; }
.boundary { stroke: var(--muted); stroke-dasharray: 4 3; }
.boundary-label { font-size: 11px; fill: var(--muted); }
.legend { display: flex; gap: 16px; font-size: 12px; color: var(--muted); margin: 4px 0; flex-wrap: wrap; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; vertical-align: -2px; margin-right: 4px; }
.swatch.base { background: var(--base); } .swatch.user { background: var(--user); }
.swatch.waste { background: repeating-linear-gradient(45deg, var(--waste) 0 3px, #fff 3px 6px); }
.swatch.other { background: #ccc; }
.treemap rect { stroke: #fff; stroke-width: 0.6; }
.treemap .tm-dir > rect:first-of-type { stroke: #fff; stroke-width: 1.2; }
.treemap .wasted > rect:first-of-type { stroke: var(--waste); stroke-width: 1.5; }
.treemap .hatch { pointer-events: none; stroke: none; }
.treemap text { font-size: 11px; fill: #111; pointer-events: none; }
.treemap text.size { fill: #333; font-size: 10px; }
.treemap g.tm:hover > rect:first-of-type { stroke: #000; stroke-width: 1.5; }
.info { min-height: 1.5em; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; word-break: break-all; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); }
th { font-size: 12px; color: var(--muted); font-weight: 600; white-space: nowrap; }
.js th { cursor: pointer; user-select: none; }
.js th[aria-sort=ascending]::after { content: " ▲"; } .js th[aria-sort=descending]::after { content: " ▼"; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.msg { white-space: pre-wrap; }
.sev { display: inline-block; min-width: 58px; text-align: center; border-radius: 3px; padding: 0 6px; font-size: 12px; font-weight: 600; color: #fff; }
.sev-error { background: #c81e1e; } .sev-warning { background: #c26a00; } .sev-info { background: #2f6fd6; } .sev-style { background: #6b7280; }
.aliases { color: var(--muted); font-size: 12px; }
.counts span { margin-right: 12px; }
.tooltip { position: fixed; z-index: 10; pointer-events: none; background: #1d2433; color: #fff; font-size: 12px; padding: 4px 8px; border-radius: 4px; max-width: 520px; white-space: pre-wrap; word-break: break-all; }
`;

/**
 * Progressive enhancement only: sortable tables, a hover tooltip for chart and treemap, and
 * `data-rendered` on <body> once everything ran (headless tests check it). Image text reaches
 * the DOM through textContent, never innerHTML.
 */
export const PAGE_JS = `
(function () {
  'use strict';
  document.documentElement.classList.add('js');
  function key(row, i) {
    var cell = row.cells[i];
    if (!cell) return '';
    var v = cell.getAttribute('data-sort');
    return v === null ? cell.textContent.trim().toLowerCase() : v;
  }
  function sortBy(table, th, i) {
    var numeric = th.getAttribute('data-type') === 'number';
    var dir = th.getAttribute('aria-sort') === 'descending' ? 1 : -1;
    var ths = table.tHead.rows[0].cells;
    for (var k = 0; k < ths.length; k++) ths[k].removeAttribute('aria-sort');
    th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a, i), y = key(b, i);
      var c = numeric ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
      return c * dir;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
      th.tabIndex = 0;
      th.addEventListener('click', function () { sortBy(table, th, i); });
      th.addEventListener('keydown', function (e) { if (e.key === 'Enter') sortBy(table, th, i); });
    });
  });

  var tip = document.createElement('div');
  tip.className = 'tooltip';
  tip.hidden = true;
  document.body.appendChild(tip);
  function describe(g) {
    var text = g.getAttribute('data-path') + '  ' + g.getAttribute('data-size');
    var wasted = Number(g.getAttribute('data-wasted') || 0);
    if (wasted > 0) text += '  (' + g.getAttribute('data-wasted-size') + ' reclaimable)';
    return text;
  }
  Array.prototype.forEach.call(document.querySelectorAll('svg.treemap, svg.layer-chart'), function (svg) {
    var info = document.getElementById(svg.getAttribute('data-info'));
    svg.addEventListener('mousemove', function (e) {
      var g = e.target.closest && e.target.closest('[data-path]');
      if (!g) { tip.hidden = true; return; }
      tip.textContent = describe(g);
      if (info) info.textContent = tip.textContent;
      tip.hidden = false;
      tip.style.left = Math.min(e.clientX + 12, window.innerWidth - 540) + 'px';
      tip.style.top = (e.clientY + 14) + 'px';
    });
    svg.addEventListener('mouseleave', function () { tip.hidden = true; });
  });

  document.body.setAttribute('data-bars', String(document.querySelectorAll('#layer-chart .bar').length));
  document.body.setAttribute('data-rendered', 'true');
})();
`;
