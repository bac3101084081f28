// Wires the dense-view features to the page: the bundle card, hover and tooltip, the style editor
// (with its file and the style kept in this browser) and their commands. main.ts gives the roots.
import './dense-view.css';
import { BundleCard } from './bundles/bundle-card.ts';
import { setBundling, unfold } from './bundles/bundle-updates.ts';
import type { Canvas } from './canvas.ts';
import type { Command } from './commands.ts';
import type { ContextMenu } from './context-menu.ts';
import { denseViewCommands } from './dense-view-commands.ts';
import { download } from './dom.ts';
import type { Explorer } from './explorer.ts';
import type { Paths } from './paths.ts';
import { Hover } from './pointer/hover.ts';
import type { Status } from './status.ts';
import { StyleEditor } from './style/style-editor.ts';
import { readStyleFile, saveStyle, styleFileText } from './style/style-file.ts';
import { setStyle } from './style/style-updates.ts';
import { defaultStyle } from './style/view-style.ts';
import * as update from './view/updates.ts';

export interface DenseViewRoots {
  bundleCard: HTMLElement;
  tooltip: HTMLElement;
  styleMenu: HTMLDetailsElement;
  styleBody: HTMLElement;
  /** The graph canvas element. */
  canvas: HTMLElement;
}

export interface DenseViewDeps {
  explorer: Explorer;
  canvas: Canvas;
  status: Status;
  paths: Paths;
  menu: () => ContextMenu;
}

export function wireDenseView(roots: DenseViewRoots, deps: DenseViewDeps): { commands: Command[] } {
  const { explorer, canvas, status } = deps;
  const store = explorer.store;
  const card = new BundleCard(roots.bundleCard, {
    unfold: (pair) => store.update('unfold', (state) => unfold(state, pair)),
    inspect: (pair, id) => store.update('unfold', (state) => update.select(unfold(state, pair), [id])),
    close: () => explorer.select([]),
    shown: (pair, card) => {
      // Pan the pair out from under the card (to its left, or above it on a narrow screen).
      const ends = canvas.cy.getElementById(pair[0]).union(canvas.cy.getElementById(pair[1]));
      const box = ends.renderedBoundingBox({ includeLabels: true });
      const stage = roots.canvas.getBoundingClientRect();
      const left = card.left - stage.left;
      const top = card.top - stage.top;
      const margin = 16;
      if (left > stage.width / 2 && box.x2 > left - margin) canvas.cy.panBy({ x: left - margin - box.x2, y: 0 });
      else if (left <= stage.width / 2 && box.y2 > top - margin) canvas.cy.panBy({ x: 0, y: top - margin - box.y2 });
    },
  });
  new Hover(canvas.cy, roots.tooltip, { highlight: () => !canvas.isLarge });
  const editor = new StyleEditor(roots.styleBody, {
    change: (label, change) => store.update(label, (state) => setStyle(state, change(state.style))),
    setBundling: (on) =>
      store.update(on ? 'bundle relationships' : 'show every relationship', (state) => setBundling(state, on)),
    exportStyle: () => {
      download(new Blob([styleFileText(explorer.state.style)], { type: 'application/json' }), 'kg-style.json');
      status.say('Saved the style as kg-style.json.');
    },
    importStyle: (file) =>
      void file.text().then((text) => {
        try {
          const style = readStyleFile(text);
          store.update('import style', (state) => setStyle(state, style));
          status.say(`Style from ${file.name} applied.`);
        } catch (error) {
          status.sayError(`Could not import ${file.name}`, error);
        }
      }),
    reset: () => store.update('reset style', (state) => setStyle(state, defaultStyle)),
  });
  const renderEditor = () => {
    if (!roots.styleMenu.open) return;
    const looks = canvas.elementLooks;
    editor.render(explorer.current, explorer.state, { node: looks.nodeLegend, edge: looks.edgeLegend });
  };
  roots.styleMenu.addEventListener('toggle', renderEditor);
  explorer.onView((scene, state) => {
    card.render(scene, state, canvas.bundles);
    renderEditor();
  });
  store.subscribe((state, previous) => {
    if (state.style !== previous.style) saveStyle(state.style);
  });
  const commands = denseViewCommands({
    explorer,
    status,
    paths: deps.paths,
    menu: deps.menu,
    canvas: roots.canvas,
    openStyleEditor: () => {
      roots.styleMenu.open = true;
      roots.styleBody.querySelector<HTMLElement>('select, input, button')?.focus();
    },
  });
  return { commands };
}
