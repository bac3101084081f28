// Layouts: fcose (force-directed, the default) and the alternatives, each tuned for this graph.
import type { Core, LayoutOptions, NodeSingular } from 'cytoscape';
import { largeViewEnter } from './scale.ts';

export const layoutNames = ['fcose', 'concentric', 'breadthfirst', 'dagre', 'grid', 'circle'] as const;
export type LayoutName = (typeof layoutNames)[number];

export const layoutTitles: Record<LayoutName, string> = {
  fcose: 'Force-directed (fcose)',
  concentric: 'Concentric (by degree)',
  breadthfirst: 'Breadth-first tree',
  dagre: 'Hierarchy (dagre)',
  grid: 'Grid',
  circle: 'Circle',
};

export function isLayoutName(value: string | null | undefined): value is LayoutName {
  return typeof value === 'string' && (layoutNames as readonly string[]).includes(value);
}

/**
 * fcose for a large view: the spectral draft only (no force-directed refinement, which grows
 * with n² per iteration), no label sizes, no animation. Measured in bench/BROWSER.md.
 */
export function largeFcoseOptions(): LayoutOptions {
  return {
    name: 'fcose',
    animate: false,
    fit: true,
    padding: 40,
    quality: 'draft',
    randomize: true,
    nodeDimensionsIncludeLabels: false,
    samplingType: true,
    sampleSize: 25,
    nodeSeparation: 75,
    idealEdgeLength: () => 50,
    nodeRepulsion: () => 4500,
  } as LayoutOptions;
}

/** Above this many elements, fcose's 'default' quality instead of 'proof'. */
const mediumView = 400;

function options(cy: Core, name: LayoutName, incremental: boolean, large: boolean): LayoutOptions {
  // Animating thousands of nodes costs more than the layout itself.
  const common = { animate: !large, animationDuration: 350, fit: true, padding: 40 };
  switch (name) {
    case 'fcose': {
      const pinned = cy.nodes('.pinned:visible').map((node) => ({ nodeId: node.id(), position: { ...node.position() } }));
      if (large) return { ...largeFcoseOptions(), ...(pinned.length > 0 ? { fixedNodeConstraint: pinned } : {}) } as LayoutOptions;
      return {
        name: 'fcose',
        ...common,
        // 'proof' polishes small views; past a few hundred elements it costs seconds for little gain.
        quality: cy.elements(':visible').length > mediumView ? 'default' : 'proof',
        randomize: !incremental,
        nodeDimensionsIncludeLabels: true,
        idealEdgeLength: () => 110,
        nodeRepulsion: () => 9000,
        edgeElasticity: () => 0.3,
        nodeSeparation: 90,
        ...(pinned.length > 0 ? { fixedNodeConstraint: pinned } : {}),
      } as LayoutOptions;
    }
    case 'concentric':
      return {
        name: 'concentric',
        ...common,
        minNodeSpacing: 40,
        concentric: (node: NodeSingular) => node.degree(false),
        levelWidth: () => 2,
      } as LayoutOptions;
    case 'breadthfirst':
      return { name: 'breadthfirst', ...common, directed: false, spacingFactor: 1.2, roots: cy.nodes('[_kind = "Country"]:visible') } as LayoutOptions;
    case 'dagre':
      return { name: 'dagre', ...common, rankDir: 'TB', nodeSep: 40, rankSep: 90 } as LayoutOptions;
    case 'grid':
      return { name: 'grid', ...common, avoidOverlapPadding: 30, condense: true } as LayoutOptions;
    case 'circle':
      return { name: 'circle', ...common, avoidOverlap: true } as LayoutOptions;
  }
}

/** Lays out the visible elements; resolves when the layout (and its animation) has stopped. */
export function runLayout(cy: Core, name: LayoutName, incremental = false, large?: boolean): Promise<void> {
  const eles = cy.elements(':visible');
  if (eles.nodes().length === 0) return Promise.resolve();
  const layout = eles.layout(options(cy, name, incremental, large ?? eles.length > largeViewEnter));
  const done = new Promise<void>((resolve) => layout.one('layoutstop', () => resolve()));
  layout.run();
  return done;
}
