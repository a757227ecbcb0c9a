/**
 * The report page's style sheet and script, inlined into every page: the page is one file that
 * opens offline. The script is plain ES2017 (no build step, no framework) and reads the chart data
 * from the page's JSON blob; everything else the page shows is in the HTML already.
 */

export const PAGE_CSS = `
:root { --ink: #1d2330; --muted: #5b6475; --line: #d9dde5; --bg: #ffffff; --band: #f4f6f9; --bad: #b3261e; --bad-bg: #fde8e6; --accent: #1f5fbf; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 14px; color: var(--ink); background: var(--bg); }
body { margin: 0; }
header.page, main { max-width: 1240px; margin: 0 auto; padding: 0 20px; }
header.page { padding-top: 18px; padding-bottom: 8px; border-bottom: 1px solid var(--line); }
header.page h1 { margin: 0 0 4px; font-size: 22px; }
header.page p { margin: 0; color: var(--muted); }
nav.sections { margin-top: 8px; }
nav.sections a { margin-right: 14px; color: var(--accent); text-decoration: none; }
h2 { font-size: 18px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 15px; margin: 16px 0 6px; }
p.note { color: var(--muted); margin: 4px 0 10px; }
.figures { display: flex; flex-wrap: wrap; gap: 10px; margin: 0; }
.figures div { border: 1px solid var(--line); border-radius: 4px; padding: 8px 14px; min-width: 120px; background: var(--band); }
.figures dt { color: var(--muted); font-size: 12px; }
.figures dd { margin: 2px 0 0; font-size: 20px; font-weight: bold; }
.columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 16px; align-items: start; }
.columns .wide { grid-column: span 2; }
.columns th[scope="row"] { background: none; font-size: inherit; font-weight: normal; color: var(--muted); width: 30%; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: var(--band); font-size: 12px; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
th button { font: inherit; font-weight: bold; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; text-align: inherit; }
th button::after { content: " \\2195"; color: var(--muted); }
th[aria-sort="ascending"] button::after { content: " \\2191"; color: var(--ink); }
th[aria-sort="descending"] button::after { content: " \\2193"; color: var(--ink); }
td.sentence { font-size: 12px; color: #333a48; max-width: 420px; }
td.sentence mark { background: #fff1b8; }
.flag { display: inline-block; font-size: 11px; border: 1px solid var(--line); border-radius: 3px; padding: 0 4px; margin: 0 2px 2px 0; background: var(--band); white-space: nowrap; }
tr.inconsistent td { background: var(--bad-bg); }
.bad { color: var(--bad); font-weight: bold; white-space: nowrap; }
.good { color: #2e6b30; white-space: nowrap; }
figure.chart { margin: 8px 0 16px; }
figure.chart .canvas { position: relative; width: 100%; }
figure.chart figcaption { color: var(--muted); font-size: 12px; }
article.brief { border-top: 1px solid var(--line); padding: 6px 0 10px; }
article.brief .meta { color: var(--muted); font-size: 12px; margin: 0 0 6px; }
article.brief .error { color: var(--bad); }
details.warnings { font-size: 12px; color: #6a4b00; margin: 4px 0; }
details.warnings summary { cursor: pointer; }
ul.warnings { margin: 4px 0; }
footer { max-width: 1240px; margin: 20px auto; padding: 8px 20px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); }
@media print {
  nav.sections, th button::after { display: none; }
  h2 { break-after: avoid; }
  tr, article.brief, figure.chart { break-inside: avoid; }
  html { font-size: 11px; }
}
`;

export const PAGE_SCRIPT = `
(function () {
  'use strict';
  var collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

  function sortBy(table, th, col) {
    var headers = table.tHead.rows[0].cells;
    var dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
    for (var h = 0; h < headers.length; h++) headers[h].removeAttribute('aria-sort');
    th.setAttribute('aria-sort', dir);
    var numeric = th.getAttribute('data-type') === 'number';
    var body = table.tBodies[0];
    var keyed = Array.prototype.map.call(body.rows, function (row, i) {
      var cell = row.cells[col];
      var raw = cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent;
      return { row: row, i: i, key: numeric ? parseFloat(raw) : raw.trim() };
    });
    var sign = dir === 'ascending' ? 1 : -1;
    keyed.sort(function (a, b) {
      var c;
      if (numeric) {
        var an = isNaN(a.key), bn = isNaN(b.key);
        // Cells without a number go last in either direction.
        if (an || bn) return an === bn ? a.i - b.i : an ? 1 : -1;
        c = a.key - b.key;
      } else c = collator.compare(a.key, b.key);
      return c * sign || a.i - b.i;
    });
    var fragment = document.createDocumentFragment();
    keyed.forEach(function (k) { fragment.appendChild(k.row); });
    body.appendChild(fragment);
  }

  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
      var button = th.querySelector('button');
      if (button) button.addEventListener('click', function () { sortBy(table, th, col); });
    });
  });

  var blob = document.getElementById('precis-report-data');
  if (!blob || typeof Chart === 'undefined') return;
  var data = JSON.parse(blob.textContent);
  Chart.defaults.animation = false;
  Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
  Chart.defaults.color = '#1d2330';

  var currencyCanvas = document.getElementById('chart-currencies');
  if (currencyCanvas && data.currencies.length > 0) {
    new Chart(currencyCanvas, {
      type: 'bar',
      data: {
        labels: data.currencies.map(function (c) { return c.currency; }),
        datasets: [{ label: 'amounts', data: data.currencies.map(function (c) { return c.amounts; }), backgroundColor: '#1f5fbf' }]
      },
      options: { responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }

  data.pairGroups.forEach(function (group, g) {
    var canvas = document.getElementById('chart-pairs-' + g);
    if (!canvas) return;
    var point = function (values, style, color, radius, label, rotation) {
      return { label: label, data: values, showLine: false, pointStyle: style, pointRadius: radius, pointHoverRadius: radius + 2,
        pointRotation: rotation || 0, borderColor: color, backgroundColor: color, pointBorderWidth: 2 };
    };
    var hasValue = function (dataset) { return dataset.data.some(function (v) { return v !== null; }); };
    new Chart(canvas, {
      type: 'line',
      data: {
        labels: group.labels,
        datasets: [
          point(group.rate, 'circle', '#1f5fbf', 6, 'implied rate (consistent)'),
          point(group.inconsistentRate, 'triangle', '#b3261e', 9, 'implied rate (INCONSISTENT)'),
          point(group.consensus, 'line', '#1d2330', 10, 'article consensus', 90),
          point(group.reference, 'rectRot', '#2e8b57', 7, 'reference rate')
        ].filter(hasValue)
      },
      options: {
        indexAxis: 'y', responsive: true, maintainAspectRatio: false,
        plugins: { legend: { position: 'top', labels: { usePointStyle: true } } },
        scales: {
          x: { title: { display: true, text: group.quote + ' per ' + group.base } },
          y: { ticks: { autoSkip: false, color: function (c) { return group.inconsistent[c.index] ? '#b3261e' : '#1d2330'; } } }
        }
      }
    });
  });
})();
`;
