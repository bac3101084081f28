// Loading and error states: a busy indicator with a counter, and a status line for messages.
import { byId } from './dom.ts';
import { errorMessage } from './api.ts';

let busy = 0;

function render(): void {
  const indicator = byId('busy');
  indicator.hidden = busy === 0;
  document.body.classList.toggle('is-busy', busy > 0);
  document.body.setAttribute('aria-busy', busy > 0 ? 'true' : 'false');
}

/** Runs a task with the busy indicator shown; errors are reported in the status line and rethrown. */
export async function withBusy<T>(label: string, task: () => Promise<T>): Promise<T> {
  busy++;
  byId('busy-label').textContent = `${label}…`;
  render();
  try {
    return await task();
  } finally {
    busy--;
    render();
  }
}

let timer: ReturnType<typeof setTimeout> | undefined;

export function say(message: string, kind: 'info' | 'error' = 'info'): void {
  const line = byId('status');
  line.textContent = message;
  line.className = `status status-${kind}`;
  line.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  if (timer) clearTimeout(timer);
  if (kind === 'info') timer = setTimeout(() => (line.textContent = ''), 6000);
}

export function sayError(context: string, error: unknown): void {
  say(`${context}: ${errorMessage(error)}`, 'error');
}
