// The large-view layout's options and the messages to and from its worker; shared by the page
// (layout.ts) and the worker (layout-worker.ts), so it imports nothing that needs a DOM.
import { pivotMdsLayout } from './pivot-mds.ts';

/** A graph for the worker: nodes are 0…nodeCount-1, `edges` holds (source, target) index pairs. */
export interface LayoutRequest {
  id: number;
  nodeCount: number;
  edges: Uint32Array;
  /** Pinned nodes keep these positions. */
  fixed: { index: number; x: number; y: number }[];
}

export type LayoutResponse = { id: number; positions: Float64Array } | { id: number; error: string };

/** The overview layout's positions (x0, y0, x1, y1, …) for nodes 0…n-1 of a request; pinned nodes keep theirs. */
export function layoutPositions(request: LayoutRequest): Float64Array {
  const positions = pivotMdsLayout(request.nodeCount, request.edges);
  for (const pin of request.fixed) {
    positions[2 * pin.index] = pin.x;
    positions[2 * pin.index + 1] = pin.y;
  }
  return positions;
}
