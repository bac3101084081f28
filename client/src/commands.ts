// The command table: every action a key, a toolbar button or the right-click menu can start, in
// one place. index.html's buttons name their command (`data-command`), the keyboard handler and the
// context menu read the same entries, so a key, a button and a menu item never drift apart.

export interface KeyBinding {
  key: string;
  /** Ctrl (or Cmd) held. */
  mod?: boolean;
  shift?: boolean;
  /** Only when the graph canvas has the focus. */
  onCanvas?: boolean;
}

export type MenuPlace = 'element' | 'background';

export interface Command {
  id: string;
  title: string;
  /** Shown beside the title in menus and tooltips. */
  hint?: string;
  keys?: KeyBinding[];
  /** Where the right-click menu offers it. */
  menu?: MenuPlace[];
  enabled?: () => boolean;
  run: () => void;
}

export function keyMatches(binding: KeyBinding, event: KeyboardEvent, onCanvas: boolean): boolean {
  const mod = event.ctrlKey || event.metaKey;
  if ((binding.mod ?? false) !== mod) return false;
  if (binding.onCanvas && !onCanvas) return false;
  if (binding.shift !== undefined && binding.shift !== event.shiftKey) return false;
  if (!mod && event.altKey) return false;
  return binding.mod ? event.key.toLowerCase() === binding.key : event.key === binding.key;
}

/** The command a key press stands for, if any. */
export function commandForKey(table: readonly Command[], event: KeyboardEvent, onCanvas: boolean): Command | undefined {
  return table.find((command) => command.keys?.some((binding) => keyMatches(binding, event, onCanvas)));
}

export function isEnabled(command: Command): boolean {
  return command.enabled?.() ?? true;
}

/** Binds the table to the page: buttons with `data-command` inside `root`, and keys on `document`. */
export function bindCommands(
  table: readonly Command[],
  root: HTMLElement,
  options: { canvas: HTMLElement; isTyping: (target: EventTarget | null) => boolean },
): { refresh(): void } {
  const byId = new Map(table.map((command) => [command.id, command]));
  const buttons = [...root.querySelectorAll<HTMLButtonElement>('button[data-command]')];
  for (const button of buttons) {
    const command = byId.get(button.dataset.command ?? '');
    if (!command) throw new Error(`no command "${button.dataset.command}" for a button`);
    button.addEventListener('click', () => {
      if (isEnabled(command)) command.run();
    });
  }
  document.addEventListener('keydown', (event) => {
    if (options.isTyping(event.target)) return;
    const command = commandForKey(table, event, event.target === options.canvas);
    if (!command) return;
    event.preventDefault();
    if (isEnabled(command)) command.run();
  });
  return {
    refresh() {
      for (const button of buttons) button.disabled = !isEnabled(byId.get(button.dataset.command!)!);
    },
  };
}
