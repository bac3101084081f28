// An article's text cut into runs by the quotes the graph takes from it: each run lists the
// relationships whose quote covers it (none: plain text). Quotes may overlap or nest (several
// relationships rest on one sentence, one quote may run on past another), so a run can belong
// to several relationships.
import type { QuoteSpan } from '../../../common/api.ts';

export interface TextRun {
  readonly start: number;
  readonly end: number;
  /** Relationships whose quote covers the run, in the order of their spans. */
  readonly ids: readonly string[];
}

/** The runs of a text of `length` code units; spans outside the text are cut to it, empty ones dropped. */
export function quoteRuns(length: number, spans: readonly QuoteSpan[]): TextRun[] {
  const clean = spans
    .map((span) => ({ id: span.relationshipId, start: Math.max(0, span.start), end: Math.min(length, span.end) }))
    .filter((span) => span.end > span.start);
  const cuts = [...new Set([0, length, ...clean.flatMap((span) => [span.start, span.end])])].sort((a, b) => a - b);
  const runs: TextRun[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    const ids = [...new Set(clean.filter((span) => span.start <= start && span.end >= end).map((span) => span.id))];
    const last = runs.at(-1);
    if (last && last.ids.length === ids.length && last.ids.every((id, k) => id === ids[k]))
      runs[runs.length - 1] = { ...last, end };
    else runs.push({ start, end, ids });
  }
  return runs;
}
