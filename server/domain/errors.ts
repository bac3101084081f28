// Domain errors: what went wrong in terms of the graph. The API maps them to HTTP.

/** Some of the given node ids are not in the graph. */
export class UnknownNodesError extends Error {
  override readonly name = 'UnknownNodesError';
  constructor(readonly ids: string[]) {
    super(`no node with id ${ids.map((id) => `"${id}"`).join(', ')}`);
  }
}

/** A user-given value does not fit the graph, e.g. a label the database does not know. */
export class InvalidFieldError extends Error {
  override readonly name = 'InvalidFieldError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** The data holds something the chosen export format cannot write faithfully. */
export class UnexportableError extends Error {
  override readonly name = 'UnexportableError';
}

/** No source has the given id (no node, or a node that is not a Source). */
export class UnknownSourceError extends Error {
  override readonly name = 'UnknownSourceError';
  constructor(readonly id: string) {
    super(`no source with id "${id}"`);
  }
}

/** An export would hold more than the per-export cap allows (measured before any byte is sent). */
export class ExportTooLargeError extends Error {
  override readonly name = 'ExportTooLargeError';
  constructor(
    readonly counts: { nodes: number; relationships: number },
    readonly bytes: number,
    readonly maxBytes: number,
  ) {
    const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;
    super(
      `the export would hold ${counts.nodes} nodes and ${counts.relationships} relationships, about ` +
        `${mb(bytes)} of graph data, over the limit of ${mb(maxBytes)} per export; export fewer nodes, ` +
        'or only the relationships in view (relationshipIds)',
    );
  }
}

/** A request names more node ids than the server works on at once (MAX_VIEW_IDS). */
export class TooManyIdsError extends Error {
  override readonly name = 'TooManyIdsError';
  constructor(
    readonly field: string,
    readonly given: number,
    readonly max: number,
  ) {
    super(
      `${given} node ids given; this server takes at most ${max} per request (MAX_VIEW_IDS): ask for a part of them, for example the first ${max} or the selection`,
    );
  }
}

/** The store's work for a request ran past its time budget: QUERY_TIMEOUT_MS (`budgetMs`), or the store's own timeout. */
export class StoreBudgetError extends Error {
  override readonly name = 'StoreBudgetError';
  constructor(readonly budgetMs?: number) {
    const within = budgetMs === undefined ? 'within its timeout' : `within ${Math.ceil(budgetMs / 1000)} s`;
    super(
      `the graph store did not answer ${within}: ask for fewer nodes or narrower filters, or try again in a moment`,
    );
  }
}
