// The console's History and Favourites menus: lists of queries kept in localStorage (see
// query-history.ts for the rules), each item showing the query's whole text on hover; favourites
// are named, removable and exported as a .cypher file. Roots are the caller's.
import { download, h } from '../dom.ts';
import {
  favouritesFile,
  isFavourite,
  isQuery,
  normalised,
  readList,
  remember,
  removeFavourite,
  saveFavourite,
  type Favourite,
} from './query-history.ts';

const historyKey = 'kg-explorer.cypher-history';
const favouritesKey = 'kg-explorer.cypher-favourites';

function load(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function store(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* storage refused: the list lasts for the page */
  }
}

export interface QueryListRoots {
  historyMenu: HTMLDetailsElement;
  history: HTMLElement;
  favouritesMenu: HTMLDetailsElement;
  favourites: HTMLElement;
}

export class QueryLists {
  private history: string[] = readList(load(historyKey), isQuery);
  private favourites: Favourite[] = readList(load(favouritesKey), isFavourite);
  private readonly nameInput: HTMLInputElement;

  constructor(
    private readonly roots: QueryListRoots,
    private readonly current: () => string,
    private readonly pick: (query: string) => void,
  ) {
    this.nameInput = h('input', {
      type: 'text',
      id: 'favourite-name',
      placeholder: 'Name for the query in the editor',
      'aria-label': 'Favourite name',
    });
    this.renderHistory();
    this.renderFavourites();
  }

  /** A query that ran: kept at the top of the history. */
  ran(query: string): void {
    this.history = remember(this.history, query);
    store(historyKey, this.history);
    this.renderHistory();
  }

  /** Opens the favourites with the name field focused. */
  askFavouriteName(): void {
    this.roots.favouritesMenu.open = true;
    this.nameInput.focus();
  }

  private item(query: string, title: string | null): HTMLButtonElement {
    const button = h(
      'button',
      { type: 'button', class: 'query-item', title: query },
      title ? h('strong', {}, title) : null,
      h('span', { class: 'query-text' }, normalised(query)),
    );
    button.addEventListener('click', () => {
      this.roots.historyMenu.open = false;
      this.roots.favouritesMenu.open = false;
      this.pick(query);
    });
    return button;
  }

  private renderHistory(): void {
    this.roots.historyMenu.querySelector('summary')!.textContent = `History (${this.history.length})`;
    this.roots.history.replaceChildren(
      ...(this.history.length === 0
        ? [h('p', { class: 'hint' }, 'Queries that ran appear here.')]
        : [
            h(
              'ol',
              { class: 'query-list', id: 'cypher-history-list' },
              ...this.history.map((q) => h('li', {}, this.item(q, null))),
            ),
          ]),
    );
  }

  private renderFavourites(): void {
    this.roots.favouritesMenu.querySelector('summary')!.textContent = `Favourites (${this.favourites.length})`;
    const save = h('button', { type: 'submit', id: 'favourite-save' }, 'Save');
    const form = h('form', { class: 'favourite-form' }, this.nameInput, save);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const name = this.nameInput.value.trim();
      const query = this.current().trim();
      if (!name || !query) {
        this.nameInput.setCustomValidity(name ? 'The editor is empty.' : 'Give the query a name.');
        this.nameInput.reportValidity();
        return;
      }
      this.nameInput.setCustomValidity('');
      this.favourites = saveFavourite(this.favourites, { name, query });
      store(favouritesKey, this.favourites);
      this.nameInput.value = '';
      this.renderFavourites();
    });
    const exportButton = h('button', { type: 'button', id: 'favourites-export' }, 'Export as .cypher');
    exportButton.disabled = this.favourites.length === 0;
    exportButton.addEventListener('click', () =>
      download(new Blob([favouritesFile(this.favourites)], { type: 'text/plain' }), 'kg-favourites.cypher'),
    );
    this.roots.favourites.replaceChildren(
      form,
      this.favourites.length === 0
        ? h('p', { class: 'hint' }, 'No favourites yet: name the query in the editor and save it.')
        : h(
            'ul',
            { class: 'query-list', id: 'cypher-favourites-list' },
            ...this.favourites.map(({ name, query }) => {
              const remove = h(
                'button',
                { type: 'button', class: 'link', 'aria-label': `Remove ${name}`, title: 'Remove' },
                '×',
              );
              remove.addEventListener('click', () => {
                this.favourites = removeFavourite(this.favourites, name);
                store(favouritesKey, this.favourites);
                this.renderFavourites();
              });
              return h('li', { 'data-name': name }, this.item(query, name), remove);
            }),
          ),
      exportButton,
    );
  }
}
