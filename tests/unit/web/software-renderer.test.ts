import { describe, expect, it } from 'vitest';
import { namesSoftwareRenderer } from '../../../web/src/map/software-renderer.ts';

describe('namesSoftwareRenderer', () => {
  it('knows the CPU renderers of a machine without a GPU', () => {
    expect(
      namesSoftwareRenderer(
        'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      ),
    ).toBe(true);
    expect(namesSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(namesSoftwareRenderer('Google SwiftShader')).toBe(true);
  });

  it('leaves GPUs multisampled', () => {
    expect(
      namesSoftwareRenderer(
        'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002504) Direct3D11 vs_5_0 ps_5_0, D3D11)',
      ),
    ).toBe(false);
    expect(namesSoftwareRenderer('Apple M2')).toBe(false);
    expect(namesSoftwareRenderer('Mesa Intel(R) UHD Graphics 620 (KBL GT2)')).toBe(false);
  });
});
