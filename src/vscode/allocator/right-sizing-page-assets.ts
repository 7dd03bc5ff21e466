// The right-sizing page's style and script, apart from its markup. The layout is meant to read at
// ~700 px (an editor beside the open sidebar): under the breakpoint the Replicas and History columns
// fold into each row's second line; the charts always sit on a line of their own below the numbers,
// as wide as the page allows. The script sorts (state kept across redraws, as is the scroll
// position), a click on a row asks the extension to reveal its workload in the Explorer, and "Use
// VPA's" asks it for the cluster VPA's requests of that row.

export const PAGE_STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 12px 24px; }
h2 { font-weight: 600; margin: 12px 0 4px; }
.status, .hint, .sub, figcaption, .axis, .time { color: var(--vscode-descriptionForeground); }
.actions { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
button { font: inherit; color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 4px 10px; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
table { border-collapse: separate; border-spacing: 0; width: 100%; font-variant-numeric: tabular-nums; }
thead { position: sticky; top: 0; z-index: 1; background: var(--vscode-editor-background); }
th { font-weight: 600; white-space: nowrap; padding: 4px 8px; text-align: right; border-bottom: 1px solid var(--vscode-panel-border); }
th.group { text-align: center; border-bottom: none; padding-bottom: 0; }
th[data-column] { cursor: pointer; user-select: none; }
th[data-column]:hover { color: var(--vscode-textLink-foreground); }
th[aria-sort="ascending"]::after { content: " ▲"; } th[aria-sort="descending"]::after { content: " ▼"; }
th.name, td.name { text-align: left; }
td { padding: 4px 8px; text-align: right; vertical-align: top; white-space: nowrap; }
td.name { white-space: normal; min-width: 12em; }
tbody.entry tr.numbers { cursor: pointer; }
tbody.entry.gone tr.numbers { cursor: default; }
tbody.entry:hover { background: var(--vscode-list-hoverBackground); }
tbody.entry.revealed { background: var(--vscode-list-inactiveSelectionBackground); }
tbody.entry tr.charts td { border-bottom: 1px solid var(--vscode-panel-border); padding-top: 0; }
button.reveal { background: none; color: var(--vscode-textLink-foreground); padding: 0; font-weight: 600; text-align: left; }
button.reveal:hover { background: none; text-decoration: underline; }
button.use-vpa { padding: 1px 6px; margin-left: 4px; font-size: 0.9em; }
.sub { display: block; font-size: 0.9em; }
.narrow { display: none; }
.claim { color: var(--vscode-charts-orange); }
div.charts { display: flex; flex-wrap: wrap; gap: 4px 24px; }
figure.chart { flex: 1 1 280px; min-width: 0; margin: 0; text-align: left; }
figcaption { font-size: 0.9em; margin-bottom: 2px; }
.key { color: var(--vscode-charts-orange); }
.plot { position: relative; padding-left: 52px; }
.plot svg { display: block; overflow: visible; }
.plot svg.usage-chart { color: var(--vscode-charts-blue); background: var(--vscode-editorWidget-background); }
.plot svg.usage-chart .target { stroke: var(--vscode-charts-orange); }
.plot svg.usage-chart .divider { stroke: var(--vscode-foreground); stroke-opacity: 0.15; }
.plot svg.usage-chart .bands rect:hover { fill: var(--vscode-foreground); fill-opacity: 0.12; }
.axis { position: absolute; left: 0; width: 46px; text-align: right; font-size: 0.85em; line-height: 1; }
.axis.high { top: 0; } .axis.low { top: calc(56px - 1em); }
.time { display: block; font-size: 0.85em; fill: currentColor; }
@media (max-width: 760px) {
  .wide { display: none; }
  .narrow { display: inline; }
  td, th { padding: 3px 5px; }
  td.name { min-width: 9em; }
}
`;

export const PAGE_SCRIPT = `
const vscode = acquireVsCodeApi();
const table = document.getElementById('report');
const state = Object.assign({ column: '6', descending: true, scrollY: 0 }, vscode.getState());
function save(patch) {
  Object.assign(state, patch);
  vscode.setState(state);
}
function sortBy(column, descending) {
  const th = table.querySelector('th[data-column="' + column + '"]');
  if (th === null) return;
  const numeric = th.dataset.numeric === 'true';
  const value = (entry) => entry.dataset['v' + column] || '';
  const entries = [...table.tBodies].sort((a, b) => {
    const order = numeric ? Number(value(a)) - Number(value(b)) : value(a).localeCompare(value(b));
    return descending ? -order : order;
  });
  table.append(...entries);
  table.querySelectorAll('th[aria-sort]').forEach((other) => other.removeAttribute('aria-sort'));
  th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
  save({ column, descending });
}
table.querySelectorAll('th[data-column]').forEach((th) => {
  const toggle = () => sortBy(th.dataset.column, th.getAttribute('aria-sort') === 'ascending');
  th.addEventListener('click', toggle);
  th.addEventListener('keydown', (event) => { if (event.key === 'Enter' || event.key === ' ') toggle(); });
});
table.addEventListener('click', (event) => {
  const row = event.target.closest('tr.numbers');
  const entry = row === null ? null : row.parentElement;
  if (entry !== null && event.target.closest('button.use-vpa') !== null) {
    vscode.postMessage({ type: 'useVpa', namespace: entry.dataset.namespace, workload: entry.dataset.name, container: entry.dataset.container });
    return;
  }
  if (entry === null || !entry.dataset.kind) return;
  table.querySelectorAll('tbody.revealed').forEach((other) => other.classList.remove('revealed'));
  entry.classList.add('revealed');
  vscode.postMessage({ type: 'reveal', namespace: entry.dataset.namespace, kind: entry.dataset.kind, name: entry.dataset.name });
});
document.getElementById('export').addEventListener('click', () => vscode.postMessage({ type: 'exportCsv' }));
let scrollTimer;
window.addEventListener('scroll', () => {
  clearTimeout(scrollTimer);
  scrollTimer = setTimeout(() => save({ scrollY: window.scrollY }), 100);
});
sortBy(state.column, state.descending);
window.scrollTo(0, state.scrollY);
`;
