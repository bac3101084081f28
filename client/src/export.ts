// Export: what is drawn (the view as seen, the default), the selection, or everything loaded in the
// view, as a PNG/SVG image drawn from the canvas or as the API's data formats. The file name says
// which, and how many nodes and relationships it holds.
import type { Core } from 'cytoscape';
import { exportFormats, type ExportFormat } from '../../common/api.ts';
import { api } from './api.ts';
import { download, h } from './dom.ts';
import type { ImageBackdrop } from './map/map-backdrop.ts';
import type { Status } from './status.ts';
import type { Scene } from './view/scene.ts';
import type { ViewState } from './view/view-state.ts';

const formatTitles: Record<ExportFormat, string> = {
  cyjs: 'Cytoscape JSON',
  json: 'JSON',
  csv: 'CSV (spreadsheets, Gephi)',
  'neo4j-csv': 'Neo4j import (CSV)',
  graphml: 'GraphML',
  'graphml-yed': 'GraphML for yEd',
  gexf: 'GEXF (Gephi)',
  cypher: 'Cypher script',
  citations: 'Citations (Markdown)',
};

export const exportScopes = ['view', 'selection', 'loaded'] as const;
export type ExportScope = (typeof exportScopes)[number];

const scopeTitles: Record<ExportScope, string> = {
  view: 'the view as seen',
  selection: 'the selection',
  loaded: 'everything loaded (hidden and filtered too)',
};

export interface ExportContent {
  nodes: string[];
  /** Relationship ids, or 'all' for every relationship among the nodes. */
  relationships: string[] | 'all';
  /** How many relationships (for the file name). */
  relationshipCount: number;
}

/** What an export of `scope` holds, from the scene and the state. */
export function exportContent(scope: ExportScope, scene: Scene, state: ViewState): ExportContent {
  if (scope === 'loaded') {
    return {
      nodes: scene.nodes.map((node) => node.data.id),
      relationships: 'all',
      relationshipCount: scene.edges.length,
    };
  }
  const drawnNodes = scene.nodes.map((node) => node.data.id).filter((id) => scene.drawn.has(id));
  const drawnEdges = scene.edges.filter((edge) => scene.drawn.has(edge.data.id));
  if (scope === 'view') {
    const relationships = drawnEdges.map((edge) => edge.data.id);
    return { nodes: drawnNodes, relationships, relationshipCount: relationships.length };
  }
  const selected = new Set(state.selection);
  const edges = drawnEdges.filter(
    (edge) => selected.has(edge.data.id) || (selected.has(edge.data.source) && selected.has(edge.data.target)),
  );
  const nodes = new Set(drawnNodes.filter((id) => selected.has(id)));
  for (const edge of edges) {
    nodes.add(edge.data.source);
    nodes.add(edge.data.target);
  }
  const relationships = edges.map((edge) => edge.data.id);
  return { nodes: [...nodes], relationships, relationshipCount: relationships.length };
}

/** `kg-view-5n-26r-202611301200.graphml`: what, how much, when. */
export function exportFileName(
  scope: ExportScope,
  content: ExportContent,
  extension: string,
  now = new Date(),
): string {
  const stamp = now.toISOString().slice(0, 16).replace(/[-:T]/g, '');
  return `kg-${scope}-${content.nodes.length}n-${content.relationshipCount}r-${stamp}.${extension}`;
}

export interface ExporterDeps {
  cy: Core;
  status: Status;
  current(): { scene: Scene; state: ViewState };
  /** Closes the menu the exporter sits in. */
  close(): void;
  /** What goes under the picture (the map in the map layout), if anything. */
  backdrop?(): ImageBackdrop | null;
}

export class Exporter {
  private readonly scopeInputs: HTMLInputElement[];
  private readonly sourcesInput: HTMLInputElement;

  constructor(
    root: HTMLElement,
    private readonly deps: ExporterDeps,
  ) {
    this.scopeInputs = exportScopes.map((scope) =>
      h('input', {
        type: 'radio',
        name: 'export-scope',
        value: scope,
        id: `export-scope-${scope}`,
        checked: scope === 'view',
      }),
    );
    this.sourcesInput = h('input', { type: 'checkbox', id: 'export-include-sources' });
    const imageButton = (kind: 'png' | 'svg') => {
      const button = h('button', { type: 'button', id: `export-${kind}` }, kind.toUpperCase());
      button.addEventListener('click', () => void this.image(kind));
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
      h(
        'fieldset',
        { class: 'export-scope' },
        h('legend', {}, 'Export'),
        ...this.scopeInputs.map((input, i) =>
          h('label', { for: input.id }, input, ` ${scopeTitles[exportScopes[i]!]}`),
        ),
      ),
      h('h3', {}, 'Image'),
      h('div', { class: 'menu-row' }, imageButton('png'), imageButton('svg')),
      h('h3', {}, 'Data'),
      h(
        'label',
        {
          class: 'export-option',
          for: 'export-include-sources',
          title:
            'A sources table in CSV and JSON; Source nodes and CITES links in GraphML, GEXF, Cypher and the others',
        },
        this.sourcesInput,
        ' include the sources cited',
      ),
      h('div', { class: 'menu-row' }, ...dataButtons),
    );
  }

  private get scope(): ExportScope {
    return (this.scopeInputs.find((input) => input.checked)?.value as ExportScope | undefined) ?? 'view';
  }

  /** Draws only `keep`, unselected, by hiding the rest for the moment of the export. */
  private withOnly<T>(keep: Set<string>, draw: () => T): T {
    const cy = this.deps.cy;
    const others = cy.elements().filter((ele) => !keep.has(ele.id()) && !ele.hasClass('hidden'));
    const selected = cy.elements(':selected');
    cy.batch(() => {
      others.addClass('hidden');
      selected.unselect();
    });
    try {
      return draw();
    } finally {
      cy.batch(() => {
        others.removeClass('hidden');
        selected.select();
      });
    }
  }

  /**
   * cytoscape-svg's canvas2svg logs "Attempted to apply path command to node g" for every node
   * whose background image is clipped to its shape; the SVG is still right (without that border).
   * Keep that known noise out of the console while drawing, and nothing else.
   */
  private svg(bg: string | undefined): string {
    const original = console.error;
    console.error = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].startsWith('Attempted to apply path command')) return;
      original(...args);
    };
    try {
      return this.deps.cy.svg({ full: true, ...(bg ? { bg } : {}) });
    } finally {
      console.error = original;
    }
  }

  private content(): { scope: ExportScope; content: ExportContent } | null {
    const { scene, state } = this.deps.current();
    const scope = this.scope;
    const content = exportContent(scope, scene, state);
    if (content.nodes.length === 0) {
      this.deps.status.say(`Nothing to export: ${scopeTitles[scope]} is empty.`, 'error');
      return null;
    }
    return { scope, content };
  }

  async image(kind: 'png' | 'svg'): Promise<void> {
    const chosen = this.content();
    if (!chosen) return;
    const { scope, content } = chosen;
    const keep = new Set([...content.nodes, ...(content.relationships === 'all' ? [] : content.relationships)]);
    const cy = this.deps.cy;
    if (content.relationships === 'all') cy.edges().forEach((edge) => void keep.add(edge.id()));
    const backdrop = this.deps.backdrop?.() ?? null;
    // With a backdrop the picture is drawn without a background, and the backdrop goes under it.
    const bg = backdrop ? undefined : '#ffffff';
    try {
      const drawn = this.withOnly(keep, () => ({
        box: cy.elements().boundingBox(),
        picture:
          kind === 'png' ? cy.png({ output: 'blob', full: true, scale: 2, ...(bg ? { bg } : {}) }) : this.svg(bg),
      }));
      const blob =
        typeof drawn.picture === 'string'
          ? new Blob([backdrop ? backdrop.svg(drawn.picture, drawn.box) : drawn.picture], { type: 'image/svg+xml' })
          : backdrop
            ? await backdrop.png(drawn.picture, drawn.box)
            : drawn.picture;
      const name = exportFileName(scope, content, kind);
      download(blob, name);
      this.deps.status.say(`Exported ${scopeTitles[scope]} as ${kind.toUpperCase()} (${name}).`);
      this.deps.close();
    } catch (error) {
      this.deps.status.sayError(`${kind.toUpperCase()} export failed`, error);
    }
  }

  async data(format: ExportFormat): Promise<void> {
    const chosen = this.content();
    if (!chosen) return;
    const { scope, content } = chosen;
    try {
      const { blob, filename } = await this.deps.status.withBusy(`Exporting ${formatTitles[format]}`, () =>
        api.export(
          content.nodes,
          format,
          content.relationships === 'all' ? undefined : content.relationships,
          this.sourcesInput.checked,
        ),
      );
      const extension = filename.split('.').pop() ?? format;
      const name = exportFileName(scope, content, extension);
      download(blob, name);
      const cited = this.sourcesInput.checked && format !== 'citations' ? ', with the sources cited' : '';
      this.deps.status.say(`Exported ${scopeTitles[scope]} as ${formatTitles[format]}${cited} (${name}).`);
      this.deps.close();
    } catch (error) {
      this.deps.status.sayError(`${formatTitles[format]} export failed`, error);
    }
  }
}
