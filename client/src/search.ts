// A search box with suggestions from /api/search: an ARIA combobox (arrow keys, Enter, Escape).
// Used for the main search (adds a node) and for picking path ends.
import type { SearchHit } from '../../common/api.ts';
import { api, errorMessage } from './api.ts';
import { h } from './dom.ts';
import { flagDataUri, labelStyle, primaryLabel } from './style.ts';

export interface SearchBoxOptions {
  input: HTMLInputElement;
  list: HTMLUListElement;
  onPick: (hit: SearchHit) => void;
  /** Whether a hit is already on the canvas (shown as a hint). */
  inView?: (id: string) => boolean;
  limit?: number;
}

export function hitBadge(hit: { id: string; labels: string[] }): HTMLElement {
  const kind = primaryLabel(hit.labels);
  const iso3 = hit.id.startsWith('country:') ? hit.id.slice('country:'.length) : '';
  const flag = kind === 'Country' ? flagDataUri(iso3) : undefined;
  if (flag) return h('img', { class: 'flag', src: flag, alt: '' });
  const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
  swatch.style.background = labelStyle(kind).color;
  return swatch;
}

export function attachSearch(options: SearchBoxOptions): { clear(): void } {
  const { input, list, onPick } = options;
  let hits: SearchHit[] = [];
  let active = -1;
  let sequence = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const highlight = (index: number) => {
    active = index;
    [...list.children].forEach((child, i) => child.setAttribute('aria-selected', i === index ? 'true' : 'false'));
    const option = list.children[index];
    if (option) {
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    }
  };

  const pick = (hit: SearchHit) => {
    close();
    input.value = '';
    onPick(hit);
  };

  const render = (message?: string) => {
    list.replaceChildren();
    if (message) {
      list.append(h('li', { class: 'empty-hit', role: 'option', 'aria-disabled': 'true' }, message));
    }
    hits.forEach((hit, index) => {
      const inView = options.inView?.(hit.id) ?? false;
      const item = h(
        'li',
        { id: `${list.id}-opt-${index}`, role: 'option', 'aria-selected': 'false', 'data-id': hit.id },
        hitBadge(hit),
        h('span', {}, hit.label),
        inView ? h('span', { class: 'hit-in-view' }, 'in view') : null,
        h('span', { class: 'hit-label' }, primaryLabel(hit.labels)),
      );
      item.addEventListener('mousedown', (event) => {
        event.preventDefault();
        pick(hit);
      });
      list.append(item);
    });
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    active = -1;
  };

  const lookup = async () => {
    const q = input.value.trim();
    const mine = ++sequence;
    if (q.length === 0) {
      hits = [];
      close();
      return;
    }
    try {
      const response = await api.search(q, options.limit ?? 10);
      if (mine !== sequence) return;
      hits = response.hits;
      render(hits.length === 0 ? `No match for “${q}”` : undefined);
    } catch (error) {
      if (mine !== sequence) return;
      hits = [];
      render(`Search failed: ${errorMessage(error)}`);
    }
  };

  input.addEventListener('input', () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void lookup(), 150);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && hits.length > 0) {
      event.preventDefault();
      if (list.hidden) render();
      highlight((active + 1) % hits.length);
    } else if (event.key === 'ArrowUp' && hits.length > 0) {
      event.preventDefault();
      highlight(active <= 0 ? hits.length - 1 : active - 1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = hits[active >= 0 ? active : 0];
      if (hit && !list.hidden) pick(hit);
      else void lookup();
    } else if (event.key === 'Escape') {
      if (!list.hidden) {
        event.preventDefault();
        event.stopPropagation();
        close();
      } else {
        input.blur();
      }
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
  input.addEventListener('focus', () => {
    if (hits.length > 0 && input.value.trim()) render();
  });

  return {
    clear() {
      input.value = '';
      hits = [];
      close();
    },
  };
}
