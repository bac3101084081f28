// When a view counts as large, and whether WebGL drawing helps on this machine.

/** Above this many elements (nodes + relationships) in view, the view is large: cheaper styles, a faster layout, WebGL where it helps. */
export const largeViewEnter = 3000;
/** A large view becomes normal again below this many elements (a gap, so the look does not flip back and forth). */
export const largeViewLeave = 2000;

export function isLargeView(elements: number, wasLarge: boolean): boolean {
  return wasLarge ? elements >= largeViewLeave : elements > largeViewEnter;
}

export type WebglChoice = 'auto' | 'on' | 'off';

/** The graphics driver WebGL2 would use, or null where WebGL2 is not available. */
export function webglRenderer(): string | null {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return name;
  } catch {
    return null;
  }
}

/** Software rasterisers (no GPU): WebGL there is emulated on the CPU. */
export function isSoftwareRenderer(name: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(name);
}

/**
 * Whether large views are drawn with Cytoscape's WebGL renderer: 'on'/'off' as asked; 'auto' when
 * WebGL2 runs on a GPU (see bench/BROWSER.md for what it gains, and why not on a software rasteriser).
 */
export function useWebgl(choice: WebglChoice): boolean {
  if (choice === 'off') return false;
  const renderer = webglRenderer();
  if (renderer === null) return false;
  return choice === 'on' || !isSoftwareRenderer(renderer);
}
