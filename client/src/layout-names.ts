// The layouts a view can ask for, by name (the permalink carries the name): a registry, so another
// layout is one more entry here and one more case in layout.ts.

export const layoutNames = ['fcose', 'concentric', 'breadthfirst', 'dagre', 'grid', 'circle', 'map'] as const;
export type LayoutName = (typeof layoutNames)[number];

export const layoutTitles: Record<LayoutName, string> = {
  fcose: 'Force-directed (fcose)',
  concentric: 'Concentric (by degree)',
  breadthfirst: 'Breadth-first tree',
  dagre: 'Hierarchy (dagre)',
  grid: 'Grid',
  circle: 'Circle',
  map: 'Map (by country)',
};

export function isLayoutName(value: unknown): value is LayoutName {
  return typeof value === 'string' && (layoutNames as readonly string[]).includes(value);
}
