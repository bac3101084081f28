// The large-view layout off the main thread: pivot MDS (pivot-mds.ts) on a plain list of nodes and
// relationships, in a Web Worker. The page computes its elements' styles while this runs, then
// applies the positions in one batch (layout.ts).
import { layoutPositions, type LayoutRequest, type LayoutResponse } from './layout-options.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutResponse, transfer: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const request = event.data;
  try {
    const positions = layoutPositions(request);
    scope.postMessage({ id: request.id, positions }, [positions.buffer]);
  } catch (error) {
    scope.postMessage({ id: request.id, error: String(error) }, []);
  }
};
