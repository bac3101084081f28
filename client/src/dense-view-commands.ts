// Commands for dense views (see commands.ts for the table): bundling and unfolding, selecting all
// or the neighbours, expanding by type, path ends, the menu and the style editor by keyboard.
import { api } from './api.ts';
import { pairOf, isUnfolded } from './bundles/bundle-choice.ts';
import { fold, setBundling, unfold } from './bundles/bundle-updates.ts';
import { bundleOfSelection } from './bundles/bundles.ts';
import type { Command } from './commands.ts';
import type { ContextMenu, MenuEntry } from './context-menu.ts';
import type { Explorer } from './explorer.ts';
import type { Paths } from './paths.ts';
import type { Status } from './status.ts';

export interface DenseCommandDeps {
  explorer: Explorer;
  status: Status;
  paths: Paths;
  menu: () => ContextMenu;
  /** The graph canvas element (menus opened by keyboard are placed on it). */
  canvas: HTMLElement;
  openStyleEditor(): void;
}

/** Relationship types of a node with their counts, both directions together, most first. */
export function typesToExpand(degree: { type: string; count: number }[]): { type: string; count: number }[] {
  const totals = new Map<string, number>();
  for (const { type, count } of degree) totals.set(type, (totals.get(type) ?? 0) + count);
  return [...totals]
    .map(([type, count]) => ({ type, count }))
    .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
}

export function denseViewCommands(deps: DenseCommandDeps): Command[] {
  const { explorer, status } = deps;
  const cy = () => explorer.canvas.cy;
  const selected = () => explorer.state.selection.filter((id) => explorer.current.drawn.has(id));
  const selectedNodes = () => selected().filter((id) => explorer.state.nodes.includes(id));
  const drawnNodes = () =>
    explorer.current.nodes.map((node) => node.data.id).filter((id) => explorer.current.drawn.has(id));
  const selectedBundle = () => bundleOfSelection(explorer.canvas.bundles, explorer.state.selection);
  const nameOf = (id: string) => explorer.graph.nodes.get(id)?.data.label ?? id;
  /** The pair of a selected relationship whose pair is unfolded. */
  const unfoldedPair = () => {
    const [id] = selected();
    const edge = id ? explorer.graph.edges.get(id) : undefined;
    if (!edge || selected().length !== 1) return undefined;
    const pair = pairOf(edge.data.source, edge.data.target);
    return isUnfolded(explorer.state.bundling, pair) ? pair : undefined;
  };
  /** Where a menu opened by keyboard goes: beside the selected node, else the canvas's middle. */
  const menuPlace = () => {
    const box = deps.canvas.getBoundingClientRect();
    const [id] = selected();
    const ele = id ? cy().getElementById(id) : undefined;
    if (ele?.nonempty() && ele.isNode()) {
      const at = ele.renderedPosition();
      return { x: box.left + at.x + 12, y: box.top + at.y + 12 };
    }
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  };
  const expandByType = async () => {
    const [id] = selectedNodes();
    if (!id) return;
    try {
      const { degree } = await status.withBusy('Reading relationship types', () => api.node(id));
      const entries: MenuEntry[] = typesToExpand(degree).map(({ type, count }) => ({
        title: type,
        hint: String(count),
        run: () =>
          void status
            .withBusy(`Expanding ${type}`, () => explorer.expand([id], { types: [type] }))
            .then(
              ({ added, omitted }) =>
                status.say(
                  `Expanded ${nameOf(id)} along ${type}: ${added} new elements.${omitted > 0 ? ` ${omitted} more left out; the inspector offers them.` : ''}`,
                ),
              (error: unknown) => status.sayError('Expand failed', error),
            ),
      }));
      if (entries.length === 0) status.say(`${nameOf(id)} has no relationships.`);
      else deps.menu().openList(`Expand ${nameOf(id)} by type`, entries, menuPlace());
    } catch (error) {
      status.sayError('Could not read the relationship types', error);
    }
  };
  const setPathEnd = (role: 'from' | 'to') => {
    const [id] = selectedNodes();
    if (!id) return;
    deps.paths.setEnd(role, id, nameOf(id));
    status.say(`Path ${role === 'from' ? 'start' : 'end'}: ${nameOf(id)}.`);
  };
  return [
    {
      id: 'expand-by-type',
      title: 'Expand by type…',
      hint: 'T',
      keys: [{ key: 't' }],
      menu: ['element'],
      enabled: () => selectedNodes().length === 1,
      run: () => void expandByType(),
    },
    {
      id: 'select-neighbours',
      title: 'Select neighbours',
      hint: 'Shift+A',
      keys: [{ key: 'A' }],
      menu: ['element'],
      enabled: () => selectedNodes().length > 0,
      run: () => {
        const picked = new Set(selectedNodes());
        for (const id of [...picked])
          cy()
            .getElementById(id)
            .neighborhood('node')
            .forEach((node) => void (explorer.current.drawn.has(node.id()) && picked.add(node.id())));
        explorer.select([...picked]);
      },
    },
    {
      id: 'select-all',
      title: 'Select all nodes',
      hint: 'Ctrl+A',
      keys: [{ key: 'a', mod: true, onCanvas: true }],
      menu: ['background'],
      enabled: () => drawnNodes().length > 0,
      run: () => explorer.select(drawnNodes()),
    },
    {
      id: 'path-from',
      title: 'Path from here',
      hint: '[',
      keys: [{ key: '[' }],
      menu: ['element'],
      enabled: () => selectedNodes().length === 1,
      run: () => setPathEnd('from'),
    },
    {
      id: 'path-to',
      title: 'Path to here',
      hint: ']',
      keys: [{ key: ']' }],
      menu: ['element'],
      enabled: () => selectedNodes().length === 1,
      run: () => {
        setPathEnd('to');
        void deps.paths.find();
      },
    },
    {
      id: 'unfold',
      title: 'Unfold the bundle',
      hint: 'U',
      keys: [{ key: 'u' }],
      menu: ['element'],
      enabled: () => selectedBundle() !== undefined,
      run: () => {
        const bundle = selectedBundle();
        if (bundle) explorer.store.update('unfold', (state) => unfold(state, bundle.pair));
      },
    },
    {
      id: 'fold',
      title: 'Bundle these relationships again',
      hint: 'Shift+U',
      keys: [{ key: 'U' }],
      menu: ['element'],
      enabled: () => unfoldedPair() !== undefined,
      run: () => {
        const pair = unfoldedPair();
        if (pair) explorer.store.update('fold', (state) => fold(state, pair));
      },
    },
    {
      id: 'toggle-bundling',
      title: 'Bundle parallel relationships',
      hint: 'B',
      keys: [{ key: 'b' }],
      menu: ['background'],
      run: () => {
        const on = !explorer.state.bundling.on;
        explorer.store.update(on ? 'bundle relationships' : 'show every relationship', (state) =>
          setBundling(state, on),
        );
        status.say(on ? 'Parallel relationships are bundled.' : 'Every relationship is drawn.');
      },
    },
    {
      id: 'open-menu',
      title: 'Open the menu',
      hint: 'Shift+F10',
      keys: [{ key: 'ContextMenu' }, { key: 'F10', shift: true }],
      run: () => deps.menu().open(selected().length > 0 ? 'element' : 'background', menuPlace()),
    },
    { id: 'style-editor', title: 'Style', hint: 'S', keys: [{ key: 's' }], run: deps.openStyleEditor },
  ];
}
