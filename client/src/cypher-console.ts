// The Cypher console: Neo4j's CodeMirror editor fed the graph's schema, JSON parameters,
// Ctrl/Cmd+Enter to run, a history kept in localStorage, results as a table and as graph
// (merged into or replacing the view), and errors (refused write, syntax, timeout) shown inline.
import { createCypherEditor, type EditorApi } from '@neo4j-cypher/codemirror';
import '@neo4j-cypher/codemirror/css/cypher-codemirror.css';
import { Prec } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import type { CypherResponse, JsonValue, SchemaResponse } from '../../common/api.ts';
import { api, ApiError, errorMessage } from './api.ts';
import { h } from './dom.ts';
import type { Explorer } from './explorer.ts';
import type { Status } from './status.ts';

const historyKey = 'kg-explorer.cypher-history';
const historyMax = 30;

export const exampleQuery = `MATCH (p:Person)-[r:VISITED]->(c:Country)
RETURN p, r, c
LIMIT 25`;

function loadHistory(): string[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(historyKey) ?? '[]') as unknown;
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

function isElementData(value: JsonValue): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof value.id === 'string';
}

function cell(value: JsonValue): Node {
  if (value === null) return h('span', { class: 'hint' }, 'null');
  if (isElementData(value)) {
    if (Array.isArray(value.labels))
      return h('span', {}, `(${String(value.label ?? value.id)}) `, h('code', {}, String(value.id)));
    if (typeof value.type === 'string') return h('span', {}, `[:${value.type}] `, h('code', {}, String(value.id)));
  }
  if (typeof value === 'object') return h('code', {}, JSON.stringify(value));
  return document.createTextNode(String(value));
}

/** The console's parts in the page, given by the caller. */
export interface ConsoleRoots {
  editor: HTMLElement;
  error: HTMLElement;
  result: HTMLElement;
  params: HTMLTextAreaElement;
  history: HTMLSelectElement;
  run: HTMLButtonElement;
  body: HTMLElement;
  toggle: HTMLButtonElement;
  /** The "merge into view" / "replace view" choice. */
  mode: () => 'merge' | 'replace';
}

export class CypherConsole {
  private editor: EditorApi | null = null;
  private history: string[] = loadHistory();
  private readonly errorBox: HTMLElement;
  private readonly resultBox: HTMLElement;
  private readonly paramsInput: HTMLTextAreaElement;
  private readonly historySelect: HTMLSelectElement;
  private readonly runButton: HTMLButtonElement;
  private readonly body: HTMLElement;
  private readonly toggle: HTMLButtonElement;
  private schema: SchemaResponse | null = null;

  constructor(
    private readonly roots: ConsoleRoots,
    private readonly explorer: Explorer,
    private readonly status: Status,
  ) {
    this.errorBox = roots.error;
    this.resultBox = roots.result;
    this.paramsInput = roots.params;
    this.historySelect = roots.history;
    this.runButton = roots.run;
    this.body = roots.body;
    this.toggle = roots.toggle;
    this.runButton.addEventListener('click', () => void this.run());
    this.historySelect.addEventListener('change', () => {
      const query = this.history[Number(this.historySelect.value)];
      if (query !== undefined) {
        this.ensureEditor().setValue(query);
        this.ensureEditor().focus();
      }
      this.historySelect.value = '';
    });
    this.paramsInput.addEventListener('keydown', (event) => {
      if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
        event.preventDefault();
        void this.run();
      }
    });
    this.paramsInput.addEventListener('change', () => this.pushSchema());
    this.renderHistory();
    void api.health().then(
      (health) => this.noteEngine(health.store),
      () => {},
    );
  }

  /** On the embedded store, says that its Cypher is not quite Neo4j's, above the results. */
  private noteEngine(store: 'embedded' | 'neo4j'): void {
    if (store !== 'embedded' || this.body.querySelector('#cypher-engine-note')) return;
    const note = h(
      'p',
      { class: 'hint', id: 'cypher-engine-note' },
      'This server runs Cypher on its embedded engine, which answers some queries differently from Neo4j ',
      '(see "Cypher on the embedded store" in the README); a query that uses such a construct gets a warning with its result.',
    );
    this.resultBox.before(note);
  }

  setSchema(schema: SchemaResponse): void {
    this.schema = schema;
    this.pushSchema();
  }

  private pushSchema(): void {
    if (!this.editor || !this.schema) return;
    let parameters: string[] = [];
    try {
      parameters = Object.keys(JSON.parse(this.paramsInput.value || '{}') as object);
    } catch {
      /* invalid JSON is reported when running */
    }
    this.editor.setSchema({
      labels: this.schema.labels.map((entry) => entry.label),
      relationshipTypes: this.schema.relationshipTypes.map((entry) => entry.type),
      propertyKeys: this.schema.propertyKeys,
      parameters,
    });
  }

  private ensureEditor(): EditorApi {
    if (this.editor) return this.editor;
    // The package's typings say it returns the editor API; version 1.0.3 returns { editor }.
    const created = createCypherEditor(this.roots.editor, {
      value: exampleQuery,
      autofocus: false,
      lineNumbers: true,
      lineWrapping: true,
      theme: 'light',
      placeholder: 'MATCH (n) RETURN n LIMIT 25',
      preExtensions: [
        Prec.highest(
          keymap.of([
            {
              key: 'Mod-Enter',
              run: () => {
                void this.run();
                return true;
              },
            },
          ]),
        ),
      ],
    }) as unknown as EditorApi | { editor: EditorApi };
    this.editor = 'editor' in created ? created.editor : created;
    this.editor.codemirror.contentDOM.setAttribute('aria-label', 'Cypher query (Ctrl/Cmd+Enter runs it)');
    this.editor.codemirror.contentDOM.id = 'cypher-input';
    this.pushSchema();
    return this.editor;
  }

  setOpen(open: boolean): void {
    this.body.hidden = !open;
    this.toggle.setAttribute('aria-expanded', String(open));
    if (open) {
      this.ensureEditor().focus();
    }
  }

  get isOpen(): boolean {
    return !this.body.hidden;
  }

  get value(): string {
    return this.ensureEditor().codemirror.state.doc.toString();
  }

  setValue(query: string): void {
    this.ensureEditor().setValue(query);
  }

  private renderHistory(): void {
    this.historySelect.replaceChildren(
      h('option', { value: '' }, this.history.length > 0 ? `History (${this.history.length})…` : 'History (empty)'),
      ...this.history.map((query, index) =>
        h('option', { value: String(index) }, query.replace(/\s+/g, ' ').slice(0, 80)),
      ),
    );
  }

  private remember(query: string): void {
    this.history = [query, ...this.history.filter((item) => item !== query)].slice(0, historyMax);
    try {
      localStorage.setItem(historyKey, JSON.stringify(this.history));
    } catch {
      /* storage may be unavailable; history then lasts for the page */
    }
    this.renderHistory();
  }

  private showError(kind: string, message: string): void {
    this.errorBox.hidden = false;
    this.errorBox.replaceChildren(h('span', { class: 'error-kind' }, kind), message);
    this.roots.editor.classList.add('has-error');
  }

  private clearError(): void {
    this.errorBox.hidden = true;
    this.errorBox.replaceChildren();
    this.roots.editor.classList.remove('has-error');
  }

  async run(): Promise<void> {
    const query = this.value.trim();
    if (!query) {
      this.showError('Empty query.', 'Type a Cypher query first.');
      return;
    }
    let params: Record<string, JsonValue>;
    try {
      const parsed = JSON.parse(this.paramsInput.value.trim() || '{}') as unknown;
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        throw new Error('parameters must be a JSON object, like {"name": "Russia"}');
      params = parsed as Record<string, JsonValue>;
    } catch (error) {
      this.showError('Invalid parameters.', errorMessage(error));
      this.paramsInput.focus();
      return;
    }
    this.clearError();
    this.remember(query);
    this.runButton.disabled = true;
    try {
      const response = await this.status.withBusy('Running query', () => api.cypher(query, params));
      await this.showResult(response);
    } catch (error) {
      if (error instanceof ApiError) {
        const detail = error.problem?.detail || error.message;
        const kind =
          error.status === 403
            ? 'Refused: the console is read-only.'
            : error.status === 408
              ? 'Timed out.'
              : error.status === 400
                ? 'Query error.'
                : `Failed (HTTP ${error.status || 'no answer'}).`;
        this.showError(kind, detail);
      } else {
        this.showError('Failed.', errorMessage(error));
      }
      this.resultBox.replaceChildren();
    } finally {
      this.runButton.disabled = false;
    }
  }

  private async showResult(response: CypherResponse): Promise<void> {
    const mode = this.roots.mode();
    const { nodes, edges } = response.elements;
    const capped = response.capped ? ` (capped${response.cappedBy ? ` by ${response.cappedBy}` : ''})` : '';
    const meta = h(
      'p',
      { class: 'meta', id: 'cypher-meta' },
      `${response.rows.length} row${response.rows.length === 1 ? '' : 's'}${capped} · ${nodes.length} nodes, ${edges.length} relationships · ${Math.round(response.elapsedMs)} ms`,
    );
    const warnings = (response.warnings ?? []).map((warning) => h('li', {}, warning));
    const table =
      response.columns.length === 0
        ? h('p', { class: 'hint' }, 'No columns.')
        : h(
            'table',
            { id: 'cypher-table' },
            h('thead', {}, h('tr', {}, ...response.columns.map((column) => h('th', { scope: 'col' }, column)))),
            h(
              'tbody',
              {},
              ...response.rows.map((row) =>
                h('tr', {}, ...response.columns.map((column) => h('td', {}, cell(row[column] ?? null)))),
              ),
            ),
          );
    this.resultBox.replaceChildren(
      meta,
      ...(warnings.length > 0 ? [h('ul', { class: 'cypher-warnings', id: 'cypher-warnings' }, ...warnings)] : []),
      table,
    );
    if (nodes.length === 0) return;
    if (mode === 'replace') {
      await this.explorer.replace('query result', response.elements);
      this.status.say(`Replaced the view with ${nodes.length} nodes from the query.`);
    } else {
      const added = await this.explorer.merge('query result', response.elements);
      this.status.say(`Query result: ${added.length} new nodes merged into the view.`);
    }
  }
}
