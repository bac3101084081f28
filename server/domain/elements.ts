// Maps the store's plain model to the Cytoscape element model shared with the client.
import type { EdgeElement, Elements, JsonValue, NodeElement } from '../../common/api.ts';
import { GraphNode, GraphPath, GraphRelationship } from '../store/graph-values.ts';
import type { Properties, Value } from '../store/graph-values.ts';

/** Properties the loader derives for search and for hubs (hub-summaries.ts); not shown to users. */
const hiddenProperties = new Set([
  'searchName',
  'searchText',
  'searchPrefixes',
  'hubDegree',
  'hubTypes',
  'hubOut',
  'hubIn',
  'hubRecent',
]);

/** A node's caption: its name, else its title, else its id. */
export function caption(node: GraphNode): string {
  const { name, title } = node.properties;
  if (typeof name === 'string' && name.length > 0) return name;
  if (typeof title === 'string' && title.length > 0) return title;
  return node.id;
}

/** Any value from the store as JSON: graph values become their element data. */
export function toJson(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (value instanceof GraphNode) return toNodeElement(value).data;
  if (value instanceof GraphRelationship) return toEdgeElement(value).data;
  if (value instanceof GraphPath) {
    return {
      nodes: value.nodes.map((node) => toNodeElement(node).data),
      edges: value.relationships.map((relationship) => toEdgeElement(relationship).data),
    };
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toJson(item)]));
  }
  return String(value);
}

export function visibleProperties(properties: Properties): Record<string, JsonValue> {
  const shown = Object.entries(properties).filter(
    ([key, value]) => !hiddenProperties.has(key) && value !== null && value !== undefined,
  );
  return Object.fromEntries(shown.map(([key, value]) => [key, toJson(value)]));
}

/** Every property as JSON, the derived search fields included (for exports that rebuild a store). */
export function storedProperties(properties: Properties): Record<string, JsonValue> {
  const stored = Object.entries(properties).filter(([, value]) => value !== null && value !== undefined);
  return Object.fromEntries(stored.map(([key, value]) => [key, toJson(value)]));
}

export function toNodeElement(node: GraphNode): NodeElement {
  return {
    group: 'nodes',
    data: { ...visibleProperties(node.properties), id: node.id, label: caption(node), labels: [...node.labels] },
  };
}

export function toEdgeElement(relationship: GraphRelationship): EdgeElement {
  return {
    group: 'edges',
    data: {
      ...visibleProperties(relationship.properties),
      id: relationship.id,
      source: relationship.source,
      target: relationship.target,
      type: relationship.type,
    },
  };
}

/** The graph part of some values: nodes and relationships, deduplicated by id, in first-seen order. */
export class SubgraphBuilder {
  readonly nodes = new Map<string, GraphNode>();
  readonly relationships = new Map<string, GraphRelationship>();

  addNode(node: GraphNode): void {
    if (!this.nodes.has(node.id)) this.nodes.set(node.id, node);
  }

  addRelationship(relationship: GraphRelationship): void {
    if (!this.relationships.has(relationship.id)) this.relationships.set(relationship.id, relationship);
  }

  /** Walks a value (rows, lists, maps, paths) and adds every graph value in it. */
  addValue(value: Value | undefined): void {
    if (value instanceof GraphNode) this.addNode(value);
    else if (value instanceof GraphRelationship) this.addRelationship(value);
    else if (value instanceof GraphPath) {
      value.nodes.forEach((node) => this.addNode(node));
      value.relationships.forEach((relationship) => this.addRelationship(relationship));
    } else if (Array.isArray(value)) value.forEach((item) => this.addValue(item));
    else if (value !== null && typeof value === 'object') Object.values(value).forEach((item) => this.addValue(item));
  }

  /** Ids of relationship ends that are not among the nodes yet. */
  missingEnds(): string[] {
    const missing = new Set<string>();
    for (const { source, target } of this.relationships.values()) {
      if (!this.nodes.has(source)) missing.add(source);
      if (!this.nodes.has(target)) missing.add(target);
    }
    return [...missing];
  }

  subgraph(): Subgraph {
    return { nodes: [...this.nodes.values()], relationships: [...this.relationships.values()] };
  }
}

/** A set of nodes and the relationships among them, in the store's plain model. */
export interface Subgraph {
  nodes: GraphNode[];
  relationships: GraphRelationship[];
}

export function toElements({ nodes, relationships }: Subgraph): Elements {
  return { nodes: nodes.map(toNodeElement), edges: relationships.map(toEdgeElement) };
}
