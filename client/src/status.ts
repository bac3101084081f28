// Loading and error states: a busy indicator with a counter, and a status line for messages.
// The elements are the caller's.
import { errorMessage } from './api.ts';

export interface StatusRoots {
  line: HTMLElement;
  busy: HTMLElement;
  busyLabel: HTMLElement;
}

export class Status {
  private busy = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly roots: StatusRoots) {}

  private render(): void {
    this.roots.busy.hidden = this.busy === 0;
    document.body.classList.toggle('is-busy', this.busy > 0);
    document.body.setAttribute('aria-busy', this.busy > 0 ? 'true' : 'false');
  }

  /** Runs a task with the busy indicator shown; errors are rethrown for the caller to report. */
  async withBusy<T>(label: string, task: () => Promise<T>): Promise<T> {
    this.busy++;
    this.roots.busyLabel.textContent = `${label}…`;
    this.render();
    try {
      return await task();
    } finally {
      this.busy--;
      this.render();
    }
  }

  say(message: string, kind: 'info' | 'error' = 'info'): void {
    const line = this.roots.line;
    line.textContent = message;
    // A narrow screen cuts the line; the whole message stays a hover away.
    line.title = message;
    line.className = `status status-${kind}`;
    line.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    clearTimeout(this.timer);
    if (kind === 'info') this.timer = setTimeout(() => (line.textContent = line.title = ''), 6000);
  }

  sayError(context: string, error: unknown): void {
    this.say(`${context}: ${errorMessage(error)}`, 'error');
  }
}
