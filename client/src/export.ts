// Export: the view (or the selection) as PNG/SVG drawn from the canvas, and as the API's
// data formats (cyjs, JSON, CSV, GraphML, GEXF, Cypher) for the nodes shown and the relationships among them.
import type { Collection, Core } from 'cytoscape';
import { exportFormats, type ExportFormat } from '../../common/api.ts';
import { api } from './api.ts';
import { download, h } from './dom.ts';
import { say, sayError, withBusy } from './status.ts';

const formatTitles: Record<ExportFormat, string> = {
  cyjs: 'Cytoscape JSON',
  json: 'JSON',
  csv: 'CSV',
  graphml: 'GraphML',
  gexf: 'GEXF',
  cypher: 'Cypher script',
  citations: 'Citations (Markdown)',
};

function stamp(): string {
  return new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '');
}

export class Exporter {
  private readonly selectionOnly: HTMLInputElement;

  constructor(
    private readonly cy: Core,
    root: HTMLElement,
    private readonly menu: HTMLDetailsElement,
  ) {
    this.selectionOnly = h('input', { type: 'checkbox', id: 'export-selection' });
    const imageButton = (kind: 'png' | 'svg') => {
      const button = h('button', { type: 'button', id: `export-${kind}` }, kind.toUpperCase());
      button.addEventListener('click', () => this.image(kind));
      return button;
    };
    const dataButtons = exportFormats.map((format) => {
      const button = h(
        'button',
        { type: 'button', id: `export-${format}`, title: formatTitles[format] },
        formatTitles[format],
      );
      button.addEventListener('click', () => void this.data(format));
      return button;
    });
    root.append(
      h('label', {}, this.selectionOnly, ' selection only'),
      h('h3', {}, 'Image of the view'),
      h('div', { class: 'menu-row' }, imageButton('png'), imageButton('svg')),
      h('h3', {}, 'Data (nodes shown and their relationships)'),
      h('div', { class: 'menu-row' }, ...dataButtons),
    );
  }

  private scope(): Collection {
    const cy = this.cy;
    if (this.selectionOnly.checked) {
      const selected = cy.elements(':selected');
      // The selected nodes plus the relationships among them.
      return selected.union(selected.nodes().edgesWith(selected.nodes())).filter(':visible');
    }
    return cy.elements(':visible');
  }

  /** Draws only `keep`, unselected, by hiding the rest for the moment of the export. */
  private withOnly<T>(keep: Collection, draw: () => T): T {
    const others = this.cy.elements(':visible').difference(keep);
    const selected = this.cy.elements(':selected');
    others.addClass('hidden');
    selected.unselect();
    try {
      return draw();
    } finally {
      others.removeClass('hidden');
      selected.select();
    }
  }

  /**
   * cytoscape-svg's canvas2svg logs "Attempted to apply path command to node g" for every node
   * whose background image is clipped to its shape; the SVG is still right (without that border).
   * Keep that known noise out of the console while drawing, and nothing else.
   */
  private svg(): string {
    const original = console.error;
    console.error = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].startsWith('Attempted to apply path command')) return;
      original(...args);
    };
    try {
      return this.cy.svg({ full: true, bg: '#ffffff' });
    } finally {
      console.error = original;
    }
  }

  image(kind: 'png' | 'svg'): void {
    const keep = this.scope();
    if (keep.nodes().empty()) {
      say('Nothing to export: the view (or the selection) is empty.', 'error');
      return;
    }
    try {
      const blob = this.withOnly(keep, () =>
        kind === 'png'
          ? this.cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' })
          : new Blob([this.svg()], { type: 'image/svg+xml' }),
      );
      download(blob, `kg-view-${stamp()}.${kind}`);
      say(`Exported ${keep.nodes().length} nodes as ${kind.toUpperCase()}.`);
      this.menu.open = false;
    } catch (error) {
      sayError(`${kind.toUpperCase()} export failed`, error);
    }
  }

  async data(format: ExportFormat): Promise<void> {
    const ids = this.scope()
      .nodes()
      .map((node) => node.id());
    if (ids.length === 0) {
      say('Nothing to export: the view (or the selection) is empty.', 'error');
      return;
    }
    try {
      const { blob, filename } = await withBusy(`Exporting ${formatTitles[format]}`, () => api.export(ids, format));
      download(blob, filename);
      say(`Exported ${ids.length} nodes as ${formatTitles[format]} (${filename}).`);
      this.menu.open = false;
    } catch (error) {
      sayError(`${formatTitles[format]} export failed`, error);
    }
  }
}
