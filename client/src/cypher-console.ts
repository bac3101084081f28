// The Cypher console: Neo4j's CodeMirror editor fed the graph's schema, JSON parameters,
// Ctrl/Cmd+Enter to run; history and favourites kept in localStorage (console/query-lists.ts);
// warnings for labels, types and property keys the database does not have, and the position of a
// query error, marked in the editor; results in Graph, Table and JSON tabs with downloads
// (console/result-view.ts), merged into or replacing the view on request.
import { createCypherEditor, type EditorApi } from '@neo4j-cypher/codemirror';
import '@neo4j-cypher/codemirror/css/cypher-codemirror.css';
import './console/console.css';
import { forceLinting, linter, type Diagnostic } from '@codemirror/lint';
import { Prec } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import type { CypherResponse, JsonValue, SchemaResponse } from '../../common/api.ts';
import { api, ApiError, errorMessage } from './api.ts';
import { caretExcerpt, errorOffset } from './console/error-position.ts';
import { QueryLists, type QueryListRoots } from './console/query-lists.ts';
import { ResultView } from './console/result-view.ts';
import { schemaWarnings, type SchemaWarning } from './console/schema-warnings.ts';
import { h, nodes } from './dom.ts';
import type { Explorer } from './explorer.ts';
import type { Status } from './status.ts';

export const exampleQuery = `MATCH (p:Person)-[r:VISITED]->(c:Country)
RETURN p, r, c
LIMIT 25`;

/** The console's parts in the page, given by the caller. */
export interface ConsoleRoots {
  editor: HTMLElement;
  error: HTMLElement;
  warnings: HTMLElement;
  result: HTMLElement;
  params: HTMLTextAreaElement;
  run: HTMLButtonElement;
  saveFavourite: HTMLButtonElement;
  body: HTMLElement;
  toggle: HTMLButtonElement;
  lists: QueryListRoots;
}

export class CypherConsole {
  private editor: EditorApi | null = null;
  private readonly errorBox: HTMLElement;
  private readonly paramsInput: HTMLTextAreaElement;
  private readonly runButton: HTMLButtonElement;
  private readonly body: HTMLElement;
  private readonly toggle: HTMLButtonElement;
  private readonly lists: QueryLists;
  private readonly results: ResultView;
  private schema: SchemaResponse | null = null;
  /** The last query that failed with a position, while the editor still holds it. */
  private failed: { query: string; offset: number; message: string } | null = null;

  constructor(
    private readonly roots: ConsoleRoots,
    private readonly explorer: Explorer,
    private readonly status: Status,
  ) {
    this.errorBox = roots.error;
    this.paramsInput = roots.params;
    this.runButton = roots.run;
    this.body = roots.body;
    this.toggle = roots.toggle;
    this.lists = new QueryLists(
      roots.lists,
      () => this.value,
      (query) => {
        this.ensureEditor().setValue(query);
        this.ensureEditor().focus();
      },
    );
    this.results = new ResultView(roots.result, {
      add: (elements) => this.merge(elements),
      replace: (elements) => this.replace(elements),
    });
    this.runButton.addEventListener('click', () => void this.run());
    roots.saveFavourite.addEventListener('click', () => this.lists.askFavouriteName());
    this.paramsInput.addEventListener('keydown', (event) => {
      if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
        event.preventDefault();
        void this.run();
      }
    });
    this.paramsInput.addEventListener('change', () => this.pushSchema());
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
    this.roots.result.before(note);
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
    this.relint();
  }

  /** Marks the editor again now (after the schema or a failure changed what it marks). */
  private relint(): void {
    // The editor package's typings resolve CodeMirror's CommonJS declarations; the view is the same one.
    if (this.editor) forceLinting(this.editor.codemirror as unknown as Parameters<typeof forceLinting>[0]);
  }

  /** The editor's marks: names the database does not have, and where the last error points. */
  private diagnostics(query: string): Diagnostic[] {
    const marks: Diagnostic[] = this.schema
      ? schemaWarnings(query, this.schema).map((warning) => ({
          from: warning.from,
          to: warning.to,
          severity: 'warning',
          message: warning.message,
        }))
      : [];
    if (this.failed?.query === query) {
      const { offset, message } = this.failed;
      const word = /^\w+/.exec(query.slice(offset))?.[0].length ?? 0;
      marks.push({ from: offset, to: Math.min(query.length, offset + Math.max(1, word)), severity: 'error', message });
    }
    return marks;
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
        linter((view) => this.diagnostics(view.state.doc.toString()), { delay: 400 }),
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
      this.results.refit();
    }
    // The graph's box changed: fit the view into it once the page has laid out again.
    requestAnimationFrame(() => {
      this.explorer.canvas.cy.resize();
      this.explorer.canvas.fit();
    });
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

  private showError(kind: string, message: string, excerpt?: { line: number; text: string; caret: string }): void {
    this.errorBox.hidden = false;
    this.errorBox.replaceChildren(
      ...nodes(
        h('span', { class: 'error-kind' }, kind),
        message,
        excerpt
          ? h(
              'pre',
              { class: 'error-caret', id: 'cypher-error-caret' },
              `${excerpt.line} | ${excerpt.text}\n${' '.repeat(String(excerpt.line).length)} | ${excerpt.caret}`,
            )
          : null,
      ),
    );
    this.roots.editor.classList.add('has-error');
  }

  private clearError(): void {
    this.errorBox.hidden = true;
    this.errorBox.replaceChildren();
    this.roots.editor.classList.remove('has-error');
    this.failed = null;
  }

  private showWarnings(warnings: SchemaWarning[]): void {
    this.roots.warnings.hidden = warnings.length === 0;
    this.roots.warnings.replaceChildren(
      ...warnings.map((warning) =>
        h('p', { class: 'cypher-warning' }, h('span', { class: 'warning-kind' }, 'Warning.'), warning.message),
      ),
    );
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
    this.showWarnings(this.schema ? schemaWarnings(this.value, this.schema) : []);
    this.runButton.disabled = true;
    try {
      const response = await this.status.withBusy('Running query', () => api.cypher(query, params));
      this.lists.ran(query);
      this.showResult(response);
    } catch (error) {
      this.results.clear();
      if (!(error instanceof ApiError)) {
        this.showError('Failed.', errorMessage(error));
        return;
      }
      const detail = error.problem?.detail || error.message;
      const kind =
        error.status === 403
          ? 'Refused: the console is read-only.'
          : error.status === 408
            ? 'Timed out.'
            : error.status === 400
              ? 'Query error.'
              : `Failed (HTTP ${error.status || 'no answer'}).`;
      const text = this.value;
      const offset = error.status === 400 ? errorOffset(detail, text) : null;
      // The engine's message carries its own excerpt; the caret below replaces it.
      const message = offset === null ? detail : detail.split('\n')[0]!;
      this.showError(kind, message, offset === null ? undefined : caretExcerpt(text, offset));
      if (offset !== null) {
        this.failed = { query: text, offset, message };
        this.relint();
      }
    } finally {
      this.runButton.disabled = false;
    }
  }

  private showResult(response: CypherResponse): void {
    const { nodes, edges } = response.elements;
    const capped = response.capped ? ` (capped${response.cappedBy ? ` by ${response.cappedBy}` : ''})` : '';
    const meta = h(
      'p',
      { class: 'meta', id: 'cypher-meta' },
      `${response.rows.length} row${response.rows.length === 1 ? '' : 's'}${capped} · ${nodes.length} nodes, ${edges.length} relationships · ${Math.round(response.elapsedMs)} ms`,
    );
    // The server's warnings: constructs the embedded engine answers differently from Neo4j.
    const warnings = response.warnings ?? [];
    const header =
      warnings.length === 0
        ? meta
        : h(
            'div',
            {},
            meta,
            h('ul', { class: 'cypher-warnings', id: 'cypher-warnings' }, ...warnings.map((w) => h('li', {}, w))),
          );
    this.results.show(response, header);
  }

  private async merge(elements: CypherResponse['elements']): Promise<void> {
    const added = await this.status.withBusy('Adding to the view', () => this.explorer.merge('query result', elements));
    this.status.say(`Query result: ${added.length} new nodes added to the view.`);
  }

  private async replace(elements: CypherResponse['elements']): Promise<void> {
    await this.status.withBusy('Replacing the view', () => this.explorer.replace('query result', elements));
    this.status.say(`Replaced the view with ${elements.nodes.length} nodes from the query.`);
  }
}
