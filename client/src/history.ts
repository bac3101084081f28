// Undo/redo of view changes (add, expand, hide, pin, remove, replace): each step keeps the
// snapshot of the view before it. The graphs shown are small, so whole snapshots stay cheap.
import type { Canvas, Snapshot } from './canvas.ts';

export class History {
  private readonly undoStack: { label: string; before: Snapshot }[] = [];
  private readonly redoStack: { label: string; after: Snapshot }[] = [];
  private readonly limit = 100;
  private readonly listeners: (() => void)[] = [];

  constructor(private readonly canvas: Canvas) {}

  /** Records that `label` is about to change the view; call before changing it. */
  record(label: string): void {
    this.undoStack.push({ label, before: this.canvas.snapshot() });
    if (this.undoStack.length > this.limit) this.undoStack.shift();
    this.redoStack.length = 0;
    this.emit();
  }

  /** Forgets the last record (the step turned out to change nothing or failed). */
  discard(): void {
    this.undoStack.pop();
    this.emit();
  }

  undo(): string | undefined {
    const step = this.undoStack.pop();
    if (!step) return undefined;
    this.redoStack.push({ label: step.label, after: this.canvas.snapshot() });
    this.canvas.restore(step.before);
    this.emit();
    return step.label;
  }

  redo(): string | undefined {
    const step = this.redoStack.pop();
    if (!step) return undefined;
    this.undoStack.push({ label: step.label, before: this.canvas.snapshot() });
    this.canvas.restore(step.after);
    this.emit();
    return step.label;
  }

  canUndo(): string | undefined {
    return this.undoStack.at(-1)?.label;
  }

  canRedo(): string | undefined {
    return this.redoStack.at(-1)?.label;
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
