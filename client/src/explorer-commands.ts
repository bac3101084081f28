// The explorer's command table (see commands.ts): what each key, toolbar button and menu item does.
import type { Actions } from './actions.ts';
import type { Command } from './commands.ts';
import type { CypherConsole } from './cypher-console.ts';
import type { Explorer } from './explorer.ts';
import type { Paths } from './paths.ts';
import type { Status } from './status.ts';
import * as update from './view/updates.ts';

export interface CommandDeps {
  explorer: Explorer;
  actions: Actions;
  status: Status;
  paths: Paths;
  cypherConsole: CypherConsole;
  focusSearch(): void;
  chooseViewFile(): void;
  closeMenus(): void;
  toggleDrawer(side: 'left' | 'right'): void;
}

export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    !!target.closest('.cm-editor')
  );
}

export function explorerCommands(deps: CommandDeps): Command[] {
  const { explorer, actions } = deps;
  const cy = () => explorer.canvas.cy;
  const selected = () => explorer.state.selection.filter((id) => explorer.current.drawn.has(id));
  const selectedNodes = () => selected().filter((id) => explorer.state.nodes.includes(id));
  const zoomBy = (factor: number) =>
    cy().animate({
      zoom: { level: cy().zoom() * factor, position: { x: cy().width() / 2, y: cy().height() / 2 } },
      duration: 150,
    });
  const step = (direction: 1 | -1) => {
    const nodes = explorer.current.nodes
      .filter((node) => explorer.current.drawn.has(node.data.id))
      .sort((a, b) => a.data.label.localeCompare(b.data.label));
    if (nodes.length === 0) return;
    const current = selectedNodes()[0];
    const index = current ? nodes.findIndex((node) => node.data.id === current) : -1;
    const next = nodes[(index + direction + nodes.length) % nodes.length]!;
    explorer.select([next.data.id]);
    cy().animate({ center: { eles: cy().getElementById(next.data.id) }, duration: 150 });
  };
  return [
    { id: 'search', title: 'Search', hint: '/', keys: [{ key: '/' }], run: deps.focusSearch },
    {
      id: 'expand',
      title: 'Expand',
      hint: 'E',
      keys: [{ key: 'e' }, { key: 'Enter', onCanvas: true }],
      menu: ['element'],
      enabled: () => selectedNodes().length > 0,
      run: () => void actions.expand(selectedNodes()),
    },
    {
      id: 'hide',
      title: 'Hide',
      hint: 'H',
      keys: [{ key: 'h' }],
      menu: ['element'],
      enabled: () => selected().length > 0,
      run: () => explorer.hide(selected()),
    },
    {
      id: 'pin',
      title: 'Pin / unpin',
      hint: 'P',
      keys: [{ key: 'p' }],
      menu: ['element'],
      enabled: () => selectedNodes().length > 0,
      run: () => explorer.togglePin(selectedNodes()),
    },
    {
      id: 'remove',
      title: 'Remove from view',
      hint: 'Del',
      keys: [{ key: 'Delete' }, { key: 'Backspace' }],
      menu: ['element'],
      enabled: () => selectedNodes().length > 0,
      run: () => actions.remove(selected()),
    },
    {
      id: 'path-between',
      title: 'Shortest path between the two',
      menu: ['element'],
      enabled: () => selectedNodes().length === 2,
      run: () => deps.paths.betweenSelected(),
    },
    {
      id: 'show-hidden',
      title: 'Show hidden',
      menu: ['background'],
      enabled: () => explorer.state.hidden.length > 0,
      run: () => explorer.showHidden(),
    },
    {
      id: 'keep-related',
      title: 'Keep only the nodes whose relationships are loaded',
      menu: ['background'],
      enabled: () => explorer.reconciler.coverage.unchecked > 0,
      run: () => explorer.keepRelated(),
    },
    {
      id: 'fit',
      title: 'Fit',
      hint: 'F',
      keys: [{ key: 'f' }],
      menu: ['background'],
      run: () => explorer.canvas.fit(),
    },
    { id: 'zoom-in', title: 'Zoom in', hint: '+', keys: [{ key: '+' }, { key: '=' }], run: () => zoomBy(1.25) },
    { id: 'zoom-out', title: 'Zoom out', hint: '−', keys: [{ key: '-' }], run: () => zoomBy(0.8) },
    {
      id: 'relayout',
      title: 'Re-layout',
      hint: 'L',
      keys: [{ key: 'l' }],
      menu: ['background'],
      run: () => explorer.relayout(),
    },
    {
      id: 'shuffle',
      title: 'Another arrangement',
      hint: 'Shift+L',
      keys: [{ key: 'L' }],
      menu: ['background'],
      run: () => explorer.shuffle(),
    },
    {
      id: 'undo',
      title: 'Undo',
      hint: 'Ctrl+Z',
      keys: [{ key: 'z', mod: true, shift: false }],
      menu: ['background'],
      enabled: () => explorer.store.nextUndo() !== undefined,
      run: () => actions.undo(),
    },
    {
      id: 'redo',
      title: 'Redo',
      hint: 'Ctrl+Shift+Z',
      keys: [
        { key: 'z', mod: true, shift: true },
        { key: 'y', mod: true },
      ],
      menu: ['background'],
      enabled: () => explorer.store.nextRedo() !== undefined,
      run: () => actions.redo(),
    },
    {
      id: 'types-all',
      title: 'All relationship types',
      run: () => explorer.store.update('all types', (state) => update.setAllTypes(state, true)),
    },
    {
      id: 'types-none',
      title: 'No relationship types',
      run: () => explorer.store.update('no types', (state) => update.setAllTypes(state, false)),
    },
    {
      id: 'console',
      title: 'Cypher console',
      hint: 'C',
      keys: [{ key: 'c' }],
      run: () => deps.cypherConsole.setOpen(!deps.cypherConsole.isOpen),
    },
    {
      id: 'next-node',
      title: 'Next node',
      keys: [{ key: 'n' }, { key: 'ArrowRight', onCanvas: true }, { key: 'ArrowDown', onCanvas: true }],
      run: () => step(1),
    },
    {
      id: 'previous-node',
      title: 'Previous node',
      keys: [{ key: 'N' }, { key: 'ArrowLeft', onCanvas: true }, { key: 'ArrowUp', onCanvas: true }],
      run: () => step(-1),
    },
    {
      id: 'escape',
      title: 'Clear the selection',
      keys: [{ key: 'Escape' }],
      run: () => {
        explorer.select([]);
        deps.closeMenus();
      },
    },
    { id: 'share', title: 'Share link', menu: ['background'], run: () => actions.share() },
    { id: 'save-view', title: 'Save view', run: () => actions.saveView() },
    { id: 'open-view', title: 'Open view', run: deps.chooseViewFile },
    { id: 'start-view', title: 'Start view', run: () => void actions.startView() },
    { id: 'toggle-filters', title: 'Filters', run: () => deps.toggleDrawer('left') },
    { id: 'toggle-details', title: 'Details', run: () => deps.toggleDrawer('right') },
  ];
}
