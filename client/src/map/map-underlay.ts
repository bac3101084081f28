// The map under the graph: a canvas below Cytoscape's own (inside its container, so it shares its
// box), redrawn on the next animation frame after every pan, zoom or resize, with the same
// transform as the graph, so the outlines move with the nodes.
import type { Core } from 'cytoscape';
import type { Atlas } from './atlas.ts';
import { drawMap } from './map-draw.ts';
import type { MapLook } from './map-look.ts';

export class MapUnderlay {
  private canvas: HTMLCanvasElement | undefined;
  private atlas: Atlas | null = null;
  private look: MapLook = { fills: new Map(), strip: null, scale: 1 };
  private frame = 0;

  constructor(private readonly cy: Core) {
    cy.on('viewport resize', () => this.schedule());
  }

  /** The canvas, made on first use (a page that never shows a map has none). */
  private canvasFor(): HTMLCanvasElement {
    if (this.canvas) return this.canvas;
    const canvas = document.createElement('canvas');
    canvas.className = 'map-underlay';
    canvas.setAttribute('aria-hidden', 'true');
    // Under Cytoscape's layers (a positioned box later in the container), in its box, never in the way of a gesture.
    Object.assign(canvas.style, {
      position: 'absolute',
      inset: '0',
      width: '100%',
      height: '100%',
      pointerEvents: 'none',
    });
    this.cy.container()!.prepend(canvas);
    this.canvas = canvas;
    return canvas;
  }

  get shown(): boolean {
    return this.atlas !== null;
  }

  show(atlas: Atlas, look: MapLook): void {
    this.atlas = atlas;
    this.look = look;
    this.canvasFor().hidden = false;
    this.schedule();
  }

  hide(): void {
    this.atlas = null;
    if (this.canvas) this.canvas.hidden = true;
  }

  private schedule(): void {
    if (!this.atlas || this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private draw(): void {
    if (!this.atlas || !this.canvas) return;
    const container = this.cy.container()!;
    const ratio = window.devicePixelRatio || 1;
    const width = Math.round(container.clientWidth * ratio);
    const height = Math.round(container.clientHeight * ratio);
    if (this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas.width = width;
      this.canvas.height = height;
    }
    const ctx = this.canvas.getContext('2d')!;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const zoom = this.cy.zoom();
    const pan = this.cy.pan();
    ctx.setTransform(ratio * zoom, 0, 0, ratio * zoom, ratio * pan.x, ratio * pan.y);
    drawMap(ctx, this.atlas, this.look, ratio * zoom);
  }
}
