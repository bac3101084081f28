// Wires the explorer together: canvas, panels, toolbar, keyboard, permalink and the start view.
import './styles.css';
import type { SchemaResponse } from '../../common/api.ts';
import { api, inducedSubgraph } from './api.ts';
import { installTokenPrompt } from './auth.ts';
import { Canvas } from './canvas.ts';
import { CypherConsole } from './cypher-console.ts';
import { byId, h } from './dom.ts';
import { Explorer, expandLimit } from './explore.ts';
import { Exporter } from './export.ts';
import { Filters } from './filters.ts';
import { isLayoutName, layoutNames, layoutTitles } from './layout.ts';
import { Inspector } from './panel.ts';
import { Paths } from './paths.ts';
import { decodeState, encodeState, permalink, type ViewState } from './permalink.ts';
import { attachSearch } from './search.ts';
import { say, sayError, withBusy } from './status.ts';

/** The start view: the five countries the articles are about, and the relations among them. */
export const startNodes = ['country:RUS', 'country:CHN', 'country:UKR', 'country:BLR', 'country:PRK'];

installTokenPrompt();

const canvas = new Canvas(byId('cy'));
const explorer = new Explorer(canvas);
const cy = canvas.cy;
const filters = new Filters(cy, byId('label-filters'), byId('type-filters'), byId('date-filter'));
const paths = new Paths(byId('paths'), explorer);
const cypherConsole = new CypherConsole(explorer);
new Exporter(cy, byId('export-body'), byId<HTMLDetailsElement>('export-menu'));

// ---- actions with feedback

async function expand(ids: string[]): Promise<void> {
  if (ids.length === 0) {
    say('Select a node to expand (click it, or search for it).', 'error');
    return;
  }
  try {
    const { added, omitted } = await withBusy('Expanding', () => explorer.expand(ids));
    const names = ids.map((id) => String(cy.getElementById(id).data('label') ?? id)).join(', ');
    say(
      `Expanded ${names}: ${added} new elements.` +
        (omitted > 0
          ? ` ${omitted} more relationships were left out (limit ${expandLimit}); the inspector offers them per type.`
          : ''),
    );
    if (ids.length === 1) {
      cy.elements(':selected').unselect();
      cy.getElementById(ids[0]!).select();
    }
  } catch (error) {
    sayError('Expand failed', error);
  }
}

async function loadMore(id: string, type: string): Promise<void> {
  try {
    const { added, omitted } = await withBusy(`Loading more ${type}`, () => explorer.loadMore(id, type));
    say(`Loaded ${added} more elements (${type}).${omitted > 0 ? ` ${omitted} still left out.` : ''}`);
    inspector.show(cy.elements(':selected'));
  } catch (error) {
    sayError('Loading more failed', error);
  }
}

const inspector = new Inspector(byId('inspector'), {
  expand: (id) => void expand([id]),
  loadMore: (id, type) => void loadMore(id, type),
  omittedFor: (id) => explorer.omittedFor(id),
  hide: (elements) => explorer.hide(elements),
  togglePin: (elements) => explorer.togglePin(elements),
  remove: (elements) => explorer.remove(elements),
  pathEnd: (role, id, name) => {
    paths.setEnd(role, id, name);
    say(`Path ${role === 'from' ? 'start' : 'end'}: ${name}.`);
  },
  select: (id) => {
    cy.elements(':selected').unselect();
    cy.getElementById(id).select();
  },
});

// ---- view state: counts, empty state, undo buttons, URL

let writtenHash = '';

function viewState(): ViewState {
  return {
    nodes: canvas.nodeIds(),
    hidden: canvas.hiddenIds(),
    pinned: canvas.pinnedIds(),
    layout: explorer.layout,
    filters: filters.state(),
  };
}

function writeUrl(): void {
  const hash = encodeState(viewState());
  if (hash === writtenHash) return;
  writtenHash = hash;
  history.replaceState(null, '', hash ? `#${hash}` : window.location.pathname + window.location.search);
}

function renderCounts(): void {
  const nodes = cy.nodes().length;
  const edges = cy.edges().length;
  const hidden = cy.elements('.hidden').length;
  const filtered = cy.elements('.filtered').length;
  byId('view-counts').textContent =
    `${nodes} nodes · ${edges} relationships` +
    (hidden > 0 ? ` · ${hidden} hidden` : '') +
    (filtered > 0 ? ` · ${filtered} filtered out` : '');
  byId('empty').hidden = nodes > 0;
  const undo = byId<HTMLButtonElement>('btn-undo');
  const redo = byId<HTMLButtonElement>('btn-redo');
  const undoLabel = explorer.history.canUndo();
  const redoLabel = explorer.history.canRedo();
  undo.disabled = !undoLabel;
  redo.disabled = !redoLabel;
  undo.title = undoLabel ? `Undo ${undoLabel} (Ctrl+Z)` : 'Nothing to undo';
  redo.title = redoLabel ? `Redo ${redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo';
  byId<HTMLButtonElement>('btn-show-hidden').disabled = hidden === 0;
}

function refreshSelectionButtons(): void {
  const selected = cy.elements(':selected');
  for (const id of ['btn-hide', 'btn-remove']) byId<HTMLButtonElement>(id).disabled = selected.empty();
  for (const id of ['btn-expand', 'btn-pin']) byId<HTMLButtonElement>(id).disabled = selected.nodes().empty();
}

explorer.onChange(() => {
  filters.refresh();
  renderCounts();
  writeUrl();
  refreshSelectionButtons();
  inspector.show(cy.elements(':selected'));
});
filters.onChange(() => {
  renderCounts();
  writeUrl();
});

let selectionTimer: ReturnType<typeof setTimeout> | undefined;
cy.on('select unselect', () => {
  if (selectionTimer) clearTimeout(selectionTimer);
  selectionTimer = setTimeout(() => {
    inspector.show(cy.elements(':selected'));
    refreshSelectionButtons();
  }, 30);
});
cy.on('dbltap', 'node', (event) => void expand([event.target.id() as string]));
cy.on('tap', () => byId('cy').focus({ preventScroll: true }));

// ---- loading views

async function showView(label: string, load: () => Promise<ViewState | null>): Promise<void> {
  try {
    const state = await withBusy(label, load);
    if (!state) return;
    canvas.clear();
    explorer.omitted.clear();
    const elements = await withBusy(label, () => inducedSubgraph(state.nodes));
    canvas.add(elements);
    for (const id of state.hidden) cy.getElementById(id).addClass('hidden');
    for (const id of state.pinned) {
      const node = cy.getElementById(id);
      if (node.nonempty() && node.isNode()) canvas.setPinned(node, true);
    }
    explorer.layout = state.layout;
    byId<HTMLSelectElement>('layout-select').value = state.layout;
    filters.setState(state.filters);
    explorer.changed();
    await explorer.relayout(false);
    const missing = state.nodes.length - cy.nodes().length;
    if (missing > 0) say(`${missing} node(s) of the link are no longer in the graph.`, 'error');
  } catch (error) {
    sayError(`Could not load the ${label.toLowerCase()}`, error);
    renderCounts();
  }
}

const startState = (): ViewState => ({
  nodes: startNodes,
  hidden: [],
  pinned: [],
  layout: explorer.layout,
  filters: { hiddenLabels: [], hiddenTypes: [] },
});

async function startView(recorded: boolean): Promise<void> {
  if (recorded && cy.nodes().nonempty()) explorer.history.record('start view');
  await showView('Start view', async () => startState());
}

async function openFragment(): Promise<void> {
  const state = decodeState(window.location.hash);
  if (state) await showView('Linked view', async () => state);
  else await startView(false);
}

window.addEventListener('hashchange', () => {
  if (window.location.hash.slice(1) === writtenHash) return;
  explorer.history.record('open link');
  void openFragment();
});

// ---- toolbar

const layoutSelect = byId<HTMLSelectElement>('layout-select');
layoutSelect.replaceChildren(...layoutNames.map((name) => h('option', { value: name }, layoutTitles[name])));
layoutSelect.addEventListener('change', () => {
  if (!isLayoutName(layoutSelect.value)) return;
  explorer.layout = layoutSelect.value;
  writeUrl();
  void explorer.relayout(false);
});

const click = (id: string, action: () => void) => byId(id).addEventListener('click', action);
const selected = () => cy.elements(':selected');
const zoomBy = (factor: number) =>
  cy.animate({
    zoom: { level: cy.zoom() * factor, position: { x: cy.width() / 2, y: cy.height() / 2 } },
    duration: 150,
  });

click('btn-relayout', () => void explorer.relayout(false));
click('btn-fit', () => cy.animate({ fit: { eles: cy.elements(':visible'), padding: 40 }, duration: 250 }));
click('btn-zoom-in', () => zoomBy(1.25));
click('btn-zoom-out', () => zoomBy(0.8));
click('btn-undo', () => undo());
click('btn-redo', () => redo());
click(
  'btn-expand',
  () =>
    void expand(
      selected()
        .nodes()
        .map((node) => node.id()),
    ),
);
click('btn-hide', () => explorer.hide(selected()));
click('btn-pin', () => explorer.togglePin(selected()));
click('btn-remove', () => explorer.remove(selected()));
click('btn-show-hidden', () => explorer.showHidden());
click('btn-reset', () => void startView(true));
click('empty-reset', () => void startView(true));
click('types-all', () => filters.setState({ ...filters.state(), hiddenTypes: [] }));
click('types-none', () => {
  const types = [...new Set(cy.edges().map((edge) => String(edge.data('type'))))];
  filters.setState({ ...filters.state(), hiddenTypes: types });
  renderCounts();
  writeUrl();
});
click('btn-share', () => {
  writeUrl();
  const link = permalink(viewState());
  if (!navigator.clipboard) say(`Link to this view: ${link}`);
  else
    navigator.clipboard.writeText(link).then(
      () => say('Link to this view copied to the clipboard.'),
      () => say(`Link to this view: ${link}`),
    );
});

function undo(): void {
  const label = explorer.undo();
  say(label ? `Undid ${label}.` : 'Nothing to undo.');
}

function redo(): void {
  const label = explorer.redo();
  say(label ? `Redid ${label}.` : 'Nothing to redo.');
}

attachSearch({
  input: byId<HTMLInputElement>('search-input'),
  list: byId<HTMLUListElement>('search-list'),
  inView: (id) => cy.getElementById(id).nonempty(),
  onPick: (hit) => {
    void (async () => {
      try {
        const added = await withBusy(`Adding ${hit.label}`, () => explorer.addNode(hit.id));
        const node = cy.getElementById(hit.id);
        cy.elements(':selected').unselect();
        node.select();
        cy.animate({ center: { eles: node }, duration: 250 });
        say(
          added
            ? `Added ${hit.label}. Double-click it (or press E) to expand.`
            : `${hit.label} is already in view; selected it.`,
        );
      } catch (error) {
        sayError(`Could not add ${hit.label}`, error);
      }
    })();
  },
});

// ---- keyboard

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    !!target.closest('.cm-editor')
  );
}

function stepSelection(direction: 1 | -1): void {
  const nodes = cy
    .nodes(':visible')
    .sort((a, b) => String(a.data('label')).localeCompare(String(b.data('label'))))
    .toArray();
  if (nodes.length === 0) return;
  const current = cy.nodes(':selected')[0];
  const index = current ? nodes.findIndex((node) => node.id() === current.id()) : -1;
  const next = nodes[(index + direction + nodes.length) % nodes.length]!;
  cy.elements(':selected').unselect();
  next.select();
  cy.animate({ center: { eles: next }, duration: 150 });
}

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !isTyping(event.target)) {
    cy.elements(':selected').unselect();
    paths.clearHighlight();
    byId<HTMLDetailsElement>('export-menu').open = false;
    return;
  }
  if (isTyping(event.target)) return;
  const mod = event.ctrlKey || event.metaKey;
  const onCanvas = event.target === byId('cy');
  const key = event.key;
  let handled = true;
  if (mod && key.toLowerCase() === 'z') (event.shiftKey ? redo : undo)();
  else if (mod && key.toLowerCase() === 'y') redo();
  else if (mod || event.altKey) handled = false;
  else if (key === '/') byId('search-input').focus();
  else if (key === 'e' || (key === 'Enter' && onCanvas))
    void expand(
      selected()
        .nodes()
        .map((node) => node.id()),
    );
  else if (key === 'h') explorer.hide(selected());
  else if (key === 'p') explorer.togglePin(selected());
  else if (key === 'Delete' || key === 'Backspace') explorer.remove(selected());
  else if (key === 'f') byId('btn-fit').click();
  else if (key === '+' || key === '=') zoomBy(1.25);
  else if (key === '-') zoomBy(0.8);
  else if (key === 'l') void explorer.relayout(false);
  else if (key === 'c') cypherConsole.setOpen(byId('console-body').hidden);
  else if (key === 'n' || (onCanvas && (key === 'ArrowRight' || key === 'ArrowDown'))) stepSelection(1);
  else if (key === 'N' || (onCanvas && (key === 'ArrowLeft' || key === 'ArrowUp'))) stepSelection(-1);
  else handled = false;
  if (handled) event.preventDefault();
});

// ---- start

async function loadSchema(): Promise<void> {
  try {
    const schema: SchemaResponse = await api.schema();
    const labels = schema.labels.map((entry) => entry.label).filter((label) => label !== 'Entity');
    const types = schema.relationshipTypes.map((entry) => entry.type);
    canvas.know(labels, types);
    filters.know(labels, types);
    filters.refresh();
    cypherConsole.setSchema(schema);
  } catch (error) {
    sayError('Could not load the schema (legend and completion are limited)', error);
  }
}

refreshSelectionButtons();
renderCounts();
void (async () => {
  await Promise.all([loadSchema(), openFragment()]);
  document.body.dataset.ready = 'true';
})();

// The handle's type and purpose: explorer-handle.d.ts.
window.explorer = {
  cy,
  state: viewState,
  isLarge: () => canvas.isLarge,
  merge: (elements) => explorer.merge('scripted', elements),
};
