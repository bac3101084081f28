// The map under an exported picture of the graph: the same outlines, shading and strip as on
// screen, in the picture's frame (the bounding box Cytoscape drew, at its scale), and the legend
// in a corner, so the file reads without the page.
import type { Atlas } from './atlas.ts';
import { drawMap } from './map-draw.ts';
import { classLabel } from './map-legend.ts';
import { mapColors, type MapLook } from './map-look.ts';
import { mapMeasureTitles, type MapMeasureName, type ShadeClass } from './map-measures.ts';
import { mapSvg } from './map-svg.ts';

/** A model-coordinate box, as Cytoscape's boundingBox() gives it. */
export interface Box {
  x1: number;
  y1: number;
  w: number;
}

/** Puts something under an exported picture of the graph. */
export interface ImageBackdrop {
  png(picture: Blob, box: Box): Promise<Blob>;
  svg(markup: string, box: Box): string;
}

export interface LegendContent {
  measure: MapMeasureName;
  classes: readonly ShadeClass[];
}

const font = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** The legend's rows: a title, then a swatch and a label per class (none without a measure). */
function legendRows(legend: LegendContent): { title: string; rows: [string, string][] } {
  if (legend.measure === 'none') return { title: '', rows: [] };
  return {
    title: mapMeasureTitles[legend.measure],
    rows: [[mapColors.land, '0'], ...legend.classes.map((shade): [string, string] => [shade.color, classLabel(shade)])],
  };
}

function drawLegend(ctx: CanvasRenderingContext2D, legend: LegendContent, width: number, height: number): void {
  const { title, rows } = legendRows(legend);
  if (!title) return;
  const unit = Math.max(12, Math.min(width, height) * 0.016);
  const boxWidth = unit * 13;
  const boxHeight = unit * (2.6 + rows.length * 1.5);
  const x = unit;
  const y = height - boxHeight - unit;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.92)';
  ctx.strokeStyle = mapColors.border;
  ctx.lineWidth = Math.max(1, unit / 12);
  ctx.beginPath();
  ctx.roundRect(x, y, boxWidth, boxHeight, unit / 2);
  ctx.fill();
  ctx.stroke();
  ctx.fillStyle = '#1b2631';
  ctx.textBaseline = 'middle';
  ctx.font = `600 ${unit}px ${font}`;
  ctx.fillText(title, x + unit * 0.7, y + unit * 1.2);
  ctx.font = `${unit}px ${font}`;
  rows.forEach(([color, label], i) => {
    const rowY = y + unit * (2.6 + i * 1.5);
    ctx.fillStyle = color;
    ctx.fillRect(x + unit * 0.7, rowY - unit * 0.5, unit * 1.6, unit);
    ctx.strokeRect(x + unit * 0.7, rowY - unit * 0.5, unit * 1.6, unit);
    ctx.fillStyle = '#1b2631';
    ctx.fillText(label, x + unit * 2.8, rowY);
  });
}

function legendSvg(legend: LegendContent, width: number, height: number): string {
  const { title, rows } = legendRows(legend);
  if (!title) return '';
  const unit = Math.max(12, Math.min(width, height) * 0.016);
  const boxHeight = unit * (2.6 + rows.length * 1.5);
  const x = unit;
  const y = height - boxHeight - unit;
  const parts = [
    `<rect x="${x}" y="${y}" width="${unit * 13}" height="${boxHeight}" rx="${unit / 2}" fill="#ffffff" fill-opacity="0.92" stroke="${mapColors.border}"/>`,
    `<text x="${x + unit * 0.7}" y="${y + unit * 1.2}" dominant-baseline="middle" font-family="${font.replace(/"/g, "'")}" font-size="${unit}" font-weight="600" fill="#1b2631">${title}</text>`,
    ...rows.map(([color, label], i) => {
      const rowY = y + unit * (2.6 + i * 1.5);
      return (
        `<rect x="${x + unit * 0.7}" y="${rowY - unit * 0.5}" width="${unit * 1.6}" height="${unit}" fill="${color}" stroke="${mapColors.border}"/>` +
        `<text x="${x + unit * 2.8}" y="${rowY}" dominant-baseline="middle" font-family="${font.replace(/"/g, "'")}" font-size="${unit}" fill="#1b2631">${label}</text>`
      );
    }),
  ];
  return `<g class="map-legend">${parts.join('')}</g>`;
}

/** Cytoscape draws a full-graph picture at ceil(box width) times its scale: read the scale back from the picture. */
const scaleOf = (pictureWidth: number, box: Box) => pictureWidth / Math.max(1, Math.ceil(box.w));

export function mapBackdrop(atlas: Atlas, look: MapLook, legend: LegendContent): ImageBackdrop {
  return {
    async png(picture, box) {
      const image = await createImageBitmap(picture);
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      const scale = scaleOf(image.width, box);
      ctx.setTransform(scale, 0, 0, scale, -box.x1 * scale, -box.y1 * scale);
      drawMap(ctx, atlas, look, scale);
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.drawImage(image, 0, 0);
      drawLegend(ctx, legend, canvas.width, canvas.height);
      image.close();
      return new Promise<Blob>((resolve, reject) =>
        canvas.toBlob(
          (blob) => (blob ? resolve(blob) : reject(new Error('the image could not be encoded'))),
          'image/png',
        ),
      );
    },
    svg(markup, box) {
      const open = /<svg\b[^>]*>/.exec(markup);
      const width = Number(/\bwidth="([\d.]+)/.exec(open?.[0] ?? '')?.[1]);
      const height = Number(/\bheight="([\d.]+)/.exec(open?.[0] ?? '')?.[1]);
      if (!open || !(width > 0) || !(height > 0)) return markup;
      const scale = scaleOf(width, box);
      const transform = `matrix(${scale} 0 0 ${scale} ${-box.x1 * scale} ${-box.y1 * scale})`;
      const under = `<rect width="${width}" height="${height}" fill="#ffffff"/>${mapSvg(atlas, look, transform, 1 / scale)}`;
      const at = open.index + open[0].length;
      const end = markup.lastIndexOf('</svg>');
      return `${markup.slice(0, at)}${under}${markup.slice(at, end)}${legendSvg(legend, width, height)}${markup.slice(end)}`;
    },
  };
}
