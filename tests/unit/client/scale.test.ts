import { describe, expect, it } from 'vitest';
import { isLargeView, isSoftwareRenderer, largeViewEnter, largeViewLeave } from '../../../client/src/scale.ts';

describe('isLargeView', () => {
  it.each([
    ['a normal view at the entry threshold', largeViewEnter, false, false],
    ['a normal view past the entry threshold', largeViewEnter + 1, false, true],
    ['a large view between the thresholds', largeViewLeave + 1, true, true],
    ['a large view at the leave threshold', largeViewLeave, true, true],
    ['a large view below the leave threshold', largeViewLeave - 1, true, false],
    ['a normal view between the thresholds', largeViewLeave + 1, false, false],
  ])('when %s, it is large: %s', (_case, elements, wasLarge, large) => {
    expect(isLargeView(elements, wasLarge)).toBe(large);
  });

  it('when the thresholds are read, leaving is below entering (no flipping back and forth)', () => {
    expect(largeViewLeave).toBeLessThan(largeViewEnter);
  });
});

describe('isSoftwareRenderer', () => {
  it.each([
    ['ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)', true],
    ['llvmpipe (LLVM 15.0.7, 256 bits)', true],
    ['Microsoft Basic Render Driver', true],
    ['ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)', false],
    ['Apple M2', false],
  ])('when the renderer is "%s", it is software: %s', (name, software) => {
    expect(isSoftwareRenderer(name)).toBe(software);
  });
});
