// The map on screen while the view's layout is the map: the outlines under the graph, shaded by the
// view's measure over the relationships drawn (so the shading follows the filters, and a date
// range or a timeline's playback, as they change), the legend, and relationships bent into arcs.
// Everything here derives from the view state and the scene; the only state it changes is the
// shading's measure, through the store.
import type { EventObject, NodeSingular } from 'cytoscape';
import type { Explorer } from '../explorer.ts';
import type { Scene } from '../view/scene.ts';
import * as update from '../view/updates.ts';
import type { ViewState } from '../view/view-state.ts';
import type { Atlas } from './atlas.ts';
import { loadAtlas } from './atlas-loader.ts';
import { mapBackdrop, type ImageBackdrop } from './map-backdrop.ts';
import { bendEdges, straightenEdges } from './map-bends.ts';
import { MapLegend } from './map-legend.ts';
import type { MapLook } from './map-look.ts';
import { mapLookOf } from './map-look-of.ts';
import type { ShadeClass } from './map-measures.ts';
import { MapUnderlay } from './map-underlay.ts';

export class MapView {
  private readonly underlay: MapUnderlay;
  private readonly legend: MapLegend;
  private atlas: Atlas | null = null;
  private loading = false;
  private shown: { look: MapLook; state: ViewState; classes: readonly ShadeClass[] } | null = null;

  constructor(
    private readonly explorer: Explorer,
    legendRoot: HTMLElement,
  ) {
    const cy = explorer.canvas.cy;
    this.underlay = new MapUnderlay(cy);
    this.legend = new MapLegend(legendRoot, (measure) =>
      explorer.store.update(`shade by ${measure}`, (state) => update.setMapShading(state, measure)),
    );
    explorer.onView((scene, state) => this.render(scene, state));
    cy.on('dragfree', 'node', (event: EventObject) => {
      if (this.shown)
        bendEdges(cy, (event.target as NodeSingular).connectedEdges().union(cy.nodes(':selected').connectedEdges()));
    });
  }

  private render(scene: Scene, state: ViewState): void {
    const cy = this.explorer.canvas.cy;
    if (state.layout.name !== 'map') {
      if (this.shown) {
        this.shown = null;
        this.underlay.hide();
        this.legend.hide();
        straightenEdges(cy);
      }
      return;
    }
    if (!this.atlas) {
      if (!this.loading) {
        this.loading = true;
        loadAtlas().then(
          (atlas) => {
            this.atlas = atlas;
            this.render(this.explorer.current, this.explorer.state);
          },
          (error: unknown) => {
            this.loading = false;
            this.explorer.notice(`Could not load the map: ${String(error)}`, 'error');
          },
        );
      }
      return;
    }
    const { look, classes, unplaced } = mapLookOf(scene, state.mapShading, this.atlas);
    this.shown = { look, state, classes };
    this.underlay.show(this.atlas, look);
    this.legend.render(state.mapShading, classes, unplaced);
    // Relationships that came into view since the layout ran, and ends moved by undo or a link.
    bendEdges(cy);
  }

  /** What goes under an exported picture: the map as shown, or nothing outside the map layout. */
  backdrop(): ImageBackdrop | null {
    if (!this.atlas || !this.shown) return null;
    return mapBackdrop(this.atlas, this.shown.look, {
      measure: this.shown.state.mapShading,
      classes: this.shown.classes,
    });
  }
}
