// GraphML for yEd: the APOC-compatible document (graphml.ts) plus yEd's graphics keys, so nodes
// open labelled with their captions, coloured by kind and laid out on a grid, and edges labelled
// with their types (Layout > Organic arranges them). yEd shows the properties in its Data tab.
import type { GraphNode } from '../../store/graph-values.ts';
import { caption } from '../elements.ts';
import { withCitations } from './citations.ts';
import { graphmlChunks } from './graphml.ts';
import type { ExportFormatWriter } from './types.ts';
import type { XmlElement } from './xml.ts';

const palette = ['#8DD3C7', '#FFFFB3', '#BEBADA', '#FB8072', '#80B1D3', '#FDB462', '#B3DE69', '#FCCDE5', '#D9D9D9'];

/** The label that says what kind of node this is: the first one besides :Entity. */
const kindOf = (node: GraphNode) => node.labels.find((label) => label !== 'Entity') ?? node.labels[0] ?? '';

export const yedFormat: ExportFormatWriter = {
  extension: 'graphml',
  contentType: 'application/graphml+xml; charset=utf-8',
  write: (graph) => {
    const nodes = withCitations(graph).nodes;
    const kinds = [...new Set(nodes.map(kindOf))];
    const columns = Math.max(1, Math.ceil(Math.sqrt(nodes.length)));
    return graphmlChunks(graph, {
      namespaces: { 'xmlns:y': 'http://www.yworks.com/xml/graphml' },
      schemaLocation: 'http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd',
      keys: [
        { name: 'key', attributes: { id: 'ng', for: 'node', 'yfiles.type': 'nodegraphics' } },
        { name: 'key', attributes: { id: 'eg', for: 'edge', 'yfiles.type': 'edgegraphics' } },
      ],
      nodeData: (node, index): XmlElement[] => {
        const text = caption(node);
        const width = Math.max(60, Math.min(320, 8 * text.length + 20));
        const color = palette[kinds.indexOf(kindOf(node)) % palette.length]!;
        return [
          {
            name: 'data',
            attributes: { key: 'ng' },
            children: [
              {
                name: 'y:ShapeNode',
                children: [
                  {
                    name: 'y:Geometry',
                    attributes: { x: (index % columns) * 360, y: Math.floor(index / columns) * 120, width, height: 40 },
                  },
                  { name: 'y:Fill', attributes: { color, transparent: 'false' } },
                  { name: 'y:BorderStyle', attributes: { color: '#000000', type: 'line', width: '1.0' } },
                  { name: 'y:NodeLabel', text },
                  { name: 'y:Shape', attributes: { type: 'roundrectangle' } },
                ],
              },
            ],
          },
        ];
      },
      edgeData: (r): XmlElement[] => [
        {
          name: 'data',
          attributes: { key: 'eg' },
          children: [
            {
              name: 'y:PolyLineEdge',
              children: [
                { name: 'y:Arrows', attributes: { source: 'none', target: 'standard' } },
                { name: 'y:EdgeLabel', text: r.type },
              ],
            },
          ],
        },
      ],
    });
  },
};
