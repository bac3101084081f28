// A console result in three tabs, as in Neo4j Browser: Graph (drawn, with "Add to view" and
// "Replace view"), Table (chips) and JSON; and the result as a CSV or JSON download. The Graph tab
// opens first when the result has nodes, otherwise the Table. Its root is the caller's.
import type { CypherResponse, Elements } from '../../../common/api.ts';
import { download, h } from '../dom.ts';
import { ResultGraph } from './result-graph.ts';
import { resultTable } from './result-table.ts';
import { resultCsv, resultJson } from './result-values.ts';

export type ResultTab = 'graph' | 'table' | 'json';
const tabs: [ResultTab, string][] = [
  ['graph', 'Graph'],
  ['table', 'Table'],
  ['json', 'JSON'],
];
/** JSON past this many characters is cut in the tab (the download has all of it). */
const jsonShown = 200_000;

export interface ResultActions {
  add(elements: Elements): Promise<void>;
  replace(elements: Elements): Promise<void>;
}

export class ResultView {
  private graph: ResultGraph | null = null;
  private current: ResultTab = 'table';

  constructor(
    private readonly root: HTMLElement,
    private readonly actions: ResultActions,
  ) {}

  clear(): void {
    this.root.replaceChildren();
    this.graph = null;
  }

  show(response: CypherResponse, meta: HTMLElement): void {
    const { nodes, edges } = response.elements;
    const stamp = new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '');
    const button = (attributes: Record<string, string>, text: string, onClick: () => void) => {
      const element = h('button', { type: 'button', ...attributes }, text);
      element.addEventListener('click', onClick);
      return element;
    };
    const tabButtons = new Map<ResultTab, HTMLButtonElement>();
    const panels = new Map<ResultTab, HTMLElement>();
    const select = (tab: ResultTab) => {
      this.current = tab;
      for (const [name, element] of tabButtons) {
        element.setAttribute('aria-selected', String(name === tab));
        element.tabIndex = name === tab ? 0 : -1;
      }
      for (const [name, panel] of panels) panel.hidden = name !== tab;
      if (tab === 'graph') this.graph?.refit();
    };
    const tabList = h('div', { class: 'result-tabs', role: 'tablist', 'aria-label': 'Result as' });
    for (const [tab, title] of tabs) {
      const element = button(
        { id: `cypher-tab-${tab}`, role: 'tab', 'aria-controls': `cypher-panel-${tab}` },
        tab === 'graph' ? `${title} (${nodes.length})` : title,
        () => select(tab),
      );
      element.addEventListener('keydown', (event) => {
        const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
        if (step === 0) return;
        const index = (tabs.findIndex(([name]) => name === tab) + step + tabs.length) % tabs.length;
        select(tabs[index]![0]);
        tabButtons.get(tabs[index]![0])?.focus();
      });
      tabButtons.set(tab, element);
      tabList.append(element);
    }
    const downloads = h(
      'div',
      { class: 'result-downloads' },
      button({ id: 'cypher-download-csv', title: 'Download the rows as CSV' }, '↓ CSV', () =>
        download(new Blob([resultCsv(response)], { type: 'text/csv' }), `cypher-result-${stamp}.csv`),
      ),
      button({ id: 'cypher-download-json', title: 'Download the rows as JSON' }, '↓ JSON', () =>
        download(new Blob([resultJson(response)], { type: 'application/json' }), `cypher-result-${stamp}.json`),
      ),
    );
    const graphBox = h('div', { class: 'result-graph', id: 'cypher-graph' });
    const graphPanel = h(
      'div',
      { class: 'result-panel', id: 'cypher-panel-graph', role: 'tabpanel', 'aria-labelledby': 'cypher-tab-graph' },
      nodes.length === 0
        ? h('p', { class: 'hint' }, 'The result has no nodes, relationships or paths to draw.')
        : h(
            'div',
            { class: 'result-graph-actions' },
            h('span', { class: 'hint' }, `${nodes.length} nodes, ${edges.length} relationships`),
            button(
              { id: 'cypher-add', class: 'primary', title: 'Merge these nodes into the view' },
              'Add to view',
              () => void this.actions.add(response.elements),
            ),
            button(
              { id: 'cypher-replace', title: 'Replace the view with these nodes' },
              'Replace view',
              () => void this.actions.replace(response.elements),
            ),
          ),
      nodes.length > 0 ? graphBox : null,
    );
    const json = JSON.stringify(response.rows, null, 2);
    const jsonPanel = h(
      'div',
      { class: 'result-panel', id: 'cypher-panel-json', role: 'tabpanel', 'aria-labelledby': 'cypher-tab-json' },
      h('pre', { id: 'cypher-json' }, json.length > jsonShown ? `${json.slice(0, jsonShown)}\n…` : json),
    );
    const tablePanel = h(
      'div',
      { class: 'result-panel', id: 'cypher-panel-table', role: 'tabpanel', 'aria-labelledby': 'cypher-tab-table' },
      resultTable(response),
    );
    panels.set('graph', graphPanel).set('table', tablePanel).set('json', jsonPanel);
    this.root.replaceChildren(
      h('div', { class: 'result-head' }, meta, tabList, downloads),
      graphPanel,
      tablePanel,
      jsonPanel,
    );
    this.graph = nodes.length > 0 ? new ResultGraph(graphBox) : null;
    select(nodes.length > 0 ? 'graph' : 'table');
    this.graph?.show(response.elements);
  }

  get tab(): ResultTab {
    return this.current;
  }

  /** After the console was resized or shown again. */
  refit(): void {
    if (this.current === 'graph') this.graph?.refit();
  }
}
