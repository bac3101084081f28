// The right-click menu over the graph: the command table's entries for an element or for the
// background. Its root element is the caller's; it is shown at the pointer and closed by Escape,
// a click elsewhere or a choice.
import { isEnabled, type Command, type MenuPlace } from './commands.ts';
import { h } from './dom.ts';

/** An entry of a list the menu shows in place of the commands (a submenu, such as the types to expand by). */
export interface MenuEntry {
  title: string;
  hint?: string;
  run: () => void;
}

export class ContextMenu {
  constructor(
    private readonly root: HTMLElement,
    private readonly table: readonly Command[],
  ) {
    root.setAttribute('role', 'menu');
    root.hidden = true;
    document.addEventListener('pointerdown', (event) => {
      if (!root.hidden && !root.contains(event.target as Node)) this.close();
    });
    root.addEventListener('keydown', (event) => {
      const items = [...root.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')];
      const at = items.indexOf(document.activeElement as HTMLButtonElement);
      if (event.key === 'Escape') this.close();
      else if (event.key === 'ArrowDown') items[(at + 1) % items.length]?.focus();
      else if (event.key === 'ArrowUp') items[(at - 1 + items.length) % items.length]?.focus();
      else return;
      event.preventDefault();
      event.stopPropagation();
    });
  }

  get isOpen(): boolean {
    return !this.root.hidden;
  }

  open(place: MenuPlace, at: { x: number; y: number }): void {
    const items = this.table
      .filter((command) => command.menu?.includes(place))
      .map((command) => {
        const item = h(
          'button',
          { type: 'button', role: 'menuitem', 'data-command': command.id },
          h('span', {}, command.title),
          command.hint ? h('kbd', {}, command.hint) : null,
        );
        item.disabled = !isEnabled(command);
        item.addEventListener('click', () => {
          this.close();
          command.run();
        });
        return item;
      });
    this.show(items, at);
  }

  /** Shows a list of entries under a heading (a submenu) at the same kind of place. */
  openList(title: string, entries: readonly MenuEntry[], at: { x: number; y: number }): void {
    const items = entries.map((entry, index) => {
      const item = h(
        'button',
        { type: 'button', role: 'menuitem', 'data-entry': String(index) },
        h('span', {}, entry.title),
        entry.hint ? h('kbd', {}, entry.hint) : null,
      );
      item.addEventListener('click', () => {
        this.close();
        entry.run();
      });
      return item;
    });
    this.show([h('div', { class: 'menu-title', role: 'presentation' }, title), ...items], at);
  }

  private show(items: HTMLElement[], at: { x: number; y: number }): void {
    this.root.replaceChildren(...items);
    this.root.hidden = false;
    const { innerWidth, innerHeight } = window;
    const box = this.root.getBoundingClientRect();
    this.root.style.left = `${Math.max(4, Math.min(at.x, innerWidth - box.width - 4))}px`;
    this.root.style.top = `${Math.max(4, Math.min(at.y, innerHeight - box.height - 4))}px`;
    this.root.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
  }

  close(): void {
    this.root.hidden = true;
  }
}
