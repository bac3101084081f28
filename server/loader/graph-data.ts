import type { Properties } from '../store/graph-values.ts';

/** What the loader writes: curated and synthetic data both come in this shape. */
export interface NodeRecord {
  id: string;
  label: string;
  properties: Properties;
}

export interface RelationshipRecord {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Properties;
}

export interface GraphData {
  nodes: NodeRecord[];
  relationships: RelationshipRecord[];
}
