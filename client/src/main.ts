// The entry point: finds the page's parts, builds the components on them and wires them to the
// view store and the command table. The only module that knows the page's ids.
import './styles.css';
import { api } from './api.ts';
import { installTokenPrompt } from './auth.ts';
import { Canvas } from './canvas.ts';
import { bindCommands } from './commands.ts';
import { ContextMenu } from './context-menu.ts';
import { CypherConsole } from './cypher-console.ts';
import { byId, h } from './dom.ts';
import { Explorer } from './explorer.ts';
import type { Elements } from '../../common/api.ts';
import { Reader } from './evidence/reader.ts';
import { Exporter } from './export.ts';
import { FilteredEmpty } from './filtered-empty.ts';
import { layoutNames, layoutTitles } from './layout-names.ts';
import { Legend } from './legend.ts';
import { MapView } from './map/map-view.ts';
import { Inspector } from './panel.ts';
import { Paths } from './paths.ts';
import { attachSearch } from './search.ts';
import { Status } from './status.ts';
import { Timeline } from './timeline/timeline.ts';
import { Actions } from './actions.ts';
import { explorerCommands, isTyping } from './explorer-commands.ts';
import { ViewChrome } from './view-chrome.ts';
import { wireDenseView } from './dense-view.ts';
import { whyNotDrawn } from './view/filter-reasons.ts';
import * as update from './view/updates.ts';

installTokenPrompt();

const status = new Status({ line: byId('status'), busy: byId('busy'), busyLabel: byId('busy-label') });
// Built before the canvas: the panel takes its height first, so the canvas starts at its own size.
const timeline = new Timeline(byId('timeline'), {
  setDates: (range, label) => explorer.store.update(label, (s) => update.setDates(s, range)),
  playingChanged: (playing) => filteredEmpty.render(explorer.current, explorer.state, playing),
});
const webgl = new URLSearchParams(window.location.search).get('webgl');
const canvas = new Canvas(byId('cy'), { webgl: webgl === 'on' || webgl === 'auto' ? webgl : 'off' });
const explorer = new Explorer(canvas);
explorer.notice = (message, kind) => status.say(message, kind);

const legend = new Legend(
  { labels: byId('label-filters'), types: byId('type-filters') },
  {
    setLabelShown: (label, shown) =>
      explorer.store.update(`${shown ? 'show' : 'hide'} ${label}`, (s) => update.setLabelShown(s, label, shown)),
    setTypeShown: (type, shown) =>
      explorer.store.update(`${shown ? 'show' : 'hide'} ${type}`, (s) => update.setTypeShown(s, type, shown)),
  },
);
const filteredEmpty = new FilteredEmpty(byId('filtered-empty'), {
  clear: (filter) => {
    if (filter === 'user') explorer.showHidden();
    else if (filter === 'labels') explorer.store.update('all labels', (s) => update.setAllLabels(s, true));
    else if (filter === 'types') explorer.store.update('all types', (s) => update.setAllTypes(s, true));
    else explorer.store.update('all dates', (s) => update.setDates(s, {}));
  },
  clearAll: () => explorer.store.update('clear filters', (s) => update.showHidden(update.clearFilters(s))),
});
/** Puts relationships in the view and says what came of it: selected, or why it is not drawn. */
async function reveal(label: string, elements: Elements, select?: string[]): Promise<void> {
  try {
    await status.withBusy('Adding to the view', () => explorer.reveal(label, elements, select));
  } catch (error) {
    status.sayError('Could not add it to the view', error);
    return;
  }
  const hidden = (select ?? elements.edges.map((edge) => edge.data.id)).flatMap((id) => {
    const why = whyNotDrawn(id, explorer.current, explorer.state);
    return why ? [`${id}: ${why}`] : [];
  });
  if (hidden.length > 0)
    status.say(
      `In the view but not drawn — ${hidden.slice(0, 2).join('; ')}${hidden.length > 2 ? '; …' : ''}.`,
      'error',
    );
  else if (select?.length === 1) status.say(`Selected ${select[0]}.`);
  else status.say(`${elements.edges.length} relationships in the view.`);
}

const workspace = byId('workspace');
const reader = new Reader(byId('reader'), {
  reveal,
  opened: (open) => workspace.classList.toggle('reading', open),
});
const paths = new Paths(byId('paths'), explorer, status);
const cypherConsole = new CypherConsole(
  {
    editor: byId('cypher-editor'),
    error: byId('cypher-error'),
    warnings: byId('cypher-warnings'),
    result: byId('cypher-result'),
    params: byId<HTMLTextAreaElement>('cypher-params'),
    run: byId<HTMLButtonElement>('cypher-run'),
    saveFavourite: byId<HTMLButtonElement>('cypher-save-favourite'),
    body: byId('console-body'),
    toggle: byId<HTMLButtonElement>('console-toggle'),
    lists: {
      historyMenu: byId<HTMLDetailsElement>('cypher-history-menu'),
      history: byId('cypher-history'),
      favouritesMenu: byId<HTMLDetailsElement>('cypher-favourites-menu'),
      favourites: byId('cypher-favourites'),
    },
  },
  explorer,
  status,
);
const mapView = new MapView(explorer, byId('map-legend'));
const exportMenu = byId<HTMLDetailsElement>('export-menu');
new Exporter(byId('export-body'), {
  cy: canvas.cy,
  status,
  current: () => ({ scene: explorer.current, state: explorer.state }),
  close: () => (exportMenu.open = false),
  backdrop: () => mapView.backdrop(),
});

const chrome = new ViewChrome(explorer, {
  counts: byId('view-counts'),
  empty: byId('empty'),
  undo: byId<HTMLButtonElement>('btn-undo'),
  redo: byId<HTMLButtonElement>('btn-redo'),
  layout: byId<HTMLSelectElement>('layout-select'),
});
const actions = new Actions(explorer, status, chrome);

const inspector = new Inspector(byId('inspector'), {
  expand: (ids) => void actions.expand(ids),
  loadMore: (id, type) => void actions.loadMore(id, type),
  omittedFor: (id) => explorer.omittedFor(id),
  hide: (ids) => explorer.hide(ids),
  togglePin: (ids) => explorer.togglePin(ids),
  remove: (ids) => actions.remove(ids),
  isPinned: (id) => explorer.state.pinned.includes(id),
  pathEnd: (role, id, name) => {
    paths.setEnd(role, id, name);
    status.say(`Path ${role === 'from' ? 'start' : 'end'}: ${name}.`);
  },
  select: (id) => explorer.select([id]),
  selectAll: (ids) => explorer.select(ids),
  readSource: (sourceId, relationshipId) => void reader.open(sourceId, relationshipId),
  story: {
    reveal: (label, elements, select) => reveal(label, elements, select),
    whyNotDrawn: (id) => whyNotDrawn(id, explorer.current, explorer.state),
    inView: (id) => explorer.current.edges.some((edge) => edge.data.id === id),
  },
});

const layoutSelect = byId<HTMLSelectElement>('layout-select');
layoutSelect.replaceChildren(...layoutNames.map((name) => h('option', { value: name }, layoutTitles[name])));
layoutSelect.addEventListener('change', () => actions.setLayout(layoutSelect.value));

// The share menu's buttons run commands (bindCommands); the menu closes once one is chosen.
const shareMenu = byId<HTMLDetailsElement>('share-menu');
shareMenu.querySelector('.menu-body')!.addEventListener('click', (event) => {
  if (event.target instanceof Element && event.target.closest('button')) shareMenu.open = false;
});

const drawers = { left: byId('sidebar-left'), right: byId('sidebar-right') };
const drawerButtons = { left: byId('btn-filters'), right: byId('btn-details') };
const openFile = byId<HTMLInputElement>('open-view-file');
openFile.addEventListener('change', () => {
  const file = openFile.files?.[0];
  openFile.value = '';
  if (file) void file.text().then((text) => actions.openFile(text, file.name));
});

const contextRoot = byId('context-menu');
const searchInput = byId<HTMLInputElement>('search-input');
const styleMenu = byId<HTMLDetailsElement>('style-menu');
const dense = wireDenseView(
  {
    bundleCard: byId('bundle-card'),
    tooltip: byId('graph-tooltip'),
    styleMenu,
    styleBody: byId('style-body'),
    canvas: byId('cy'),
  },
  { explorer, canvas, status, paths, menu: () => menu },
);
const table = explorerCommands({
  explorer,
  actions,
  status,
  paths,
  cypherConsole,
  focusSearch: () => searchInput.focus(),
  chooseViewFile: () => openFile.click(),
  closeMenus: () => {
    exportMenu.open = false;
    styleMenu.open = false;
    shareMenu.open = false;
    menu.close();
    paths.clearHighlight();
    for (const side of ['left', 'right'] as const) setDrawer(side, false);
    if (window.matchMedia('(width < 1200px)').matches) reader.close();
  },
  toggleDrawer: (side) => setDrawer(side, !drawers[side].classList.contains('open')),
}).concat(dense.commands);
const menu = new ContextMenu(contextRoot, table);
explorer.onContext = (gesture) => menu.open(gesture.id === null ? 'background' : 'element', gesture.page);
byId('cy').addEventListener('contextmenu', (event) => event.preventDefault());

function setDrawer(side: 'left' | 'right', open: boolean): void {
  drawers[side].classList.toggle('open', open);
  drawerButtons[side].setAttribute('aria-expanded', String(open));
}

const commands = bindCommands(table, document.body, { canvas: byId('cy'), isTyping });

explorer.onView((scene, state) => {
  legend.render(scene, state);
  timeline.render(scene, state);
  reader.render(scene, state.selection);
  filteredEmpty.render(scene, state, timeline.playing);
  inspector.show(state.selection, scene);
  commands.refresh();
});

attachSearch({
  input: searchInput,
  list: byId<HTMLUListElement>('search-list'),
  inView: (id) => explorer.state.nodes.includes(id),
  onPick: (hit) => void actions.addNode(hit.id, hit.label),
});

// The graph keeps most of the screen: refit it whenever its box changes size.
let resizeTimer: ReturnType<typeof setTimeout> | undefined;
new ResizeObserver(() => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    canvas.cy.resize();
    canvas.fit();
  }, 120);
}).observe(byId('cy'));

async function loadSchema(): Promise<void> {
  try {
    const schema = await api.schema();
    const labels = schema.labels.map((entry) => entry.label).filter((label) => label !== 'Entity');
    const types = schema.relationshipTypes.map((entry) => entry.type);
    explorer.know(labels, types);
    legend.know(labels, types);
    legend.render(explorer.current, explorer.state);
    cypherConsole.setSchema(schema);
  } catch (error) {
    status.sayError('Could not load the schema (legend and completion are limited)', error);
  }
}

commands.refresh();
void (async () => {
  await Promise.all([loadSchema(), actions.openFragment()]);
  await explorer.idle();
  document.body.dataset.ready = 'true';
})();

// The handle's type and purpose: explorer-handle.d.ts.
window.explorer = {
  get cy() {
    return canvas.cy;
  },
  state: () => explorer.state,
  scene: () => ({
    nodes: explorer.current.nodes.map((node) => node.data.id),
    edges: explorer.current.edges.map((edge) => edge.data.id),
    drawn: [...explorer.current.drawn],
  }),
  isLarge: () => canvas.isLarge,
  merge: (elements) => explorer.merge('scripted', elements),
  idle: () => explorer.idle(),
};
