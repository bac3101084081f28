// The stylesheet rules that follow the view's style and bundling: captions, property colours and
// sizes as element data (element-style.ts), bundles, folded relationships and the hover highlight.
// They come after the per-label and per-type rules, so a style choice wins over the palette.
import type { StylesheetJson } from 'cytoscape';

export function lookRules(large: boolean): StylesheetJson {
  const captions: StylesheetJson = [
    { selector: 'node[_caption]', style: { label: 'data(_caption)' } },
    ...(large ? [] : [{ selector: 'edge[_caption]', style: { label: 'data(_caption)' } }]),
  ];
  return [
    ...captions,
    { selector: 'node[_color]', style: { 'background-color': 'data(_color)' } },
    { selector: 'node[_size]', style: { width: 'data(_size)', height: 'data(_size)' } },
    {
      selector: 'edge[_color]',
      style: large
        ? { 'line-color': 'data(_color)' }
        : { 'line-color': 'data(_color)', 'target-arrow-color': 'data(_color)' },
    },
    {
      selector: 'edge.bundle',
      style: {
        width: 'mapData(_count, 2, 20, 3.5, 9)',
        'line-style': 'solid',
        'line-opacity': 0.85,
        'font-size': 9,
        'font-weight': 'bold',
        'min-zoomed-font-size': 7,
        'text-background-opacity': 0.9,
      },
    },
    {
      selector: 'edge.bundle-pair',
      style: {
        'line-color': '#566573',
        'target-arrow-shape': 'none',
        'line-style': 'double',
        width: 'mapData(_count, 4, 30, 6, 12)',
        color: '#1b2631',
      },
    },
    { selector: 'edge.folded', style: { display: 'none' } },
    { selector: 'edge.caption-hidden', style: { 'text-opacity': 0 } },
    { selector: 'edge.caption-hidden:selected, edge.caption-hidden.hover-near', style: { 'text-opacity': 1 } },
    { selector: '.hover-far', style: { opacity: 0.16 } },
    { selector: 'edge.hover-near', style: { 'min-zoomed-font-size': 0, 'z-index': 30, opacity: 1 } },
    { selector: 'node.hover-near', style: { 'z-index': 30 } },
  ];
}
