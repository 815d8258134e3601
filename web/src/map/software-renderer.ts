const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software/i;

/** Whether a WebGL RENDERER string names a CPU renderer. */
export function namesSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE_RENDERERS.test(renderer);
}

let cached: boolean | undefined;

/**
 * Whether WebGL runs on the CPU (SwiftShader in a browser without a GPU, Mesa's llvmpipe in a
 * virtual machine). There every drawn pixel costs CPU time: on a county-sized city a frame took
 * seconds, and 4× multisampling was about a quarter of it. The answer is asked of a throw-away
 * context once and kept.
 */
export function isSoftwareRenderer(): boolean {
  if (cached !== undefined) return cached;
  const canvas = document.createElement('canvas');
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  if (gl === null) {
    cached = false;
    return cached;
  }
  // Current browsers report the real renderer in RENDERER; older ones only through the extension.
  const debug = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(debug?.UNMASKED_RENDERER_WEBGL ?? gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  cached = namesSoftwareRenderer(renderer);
  return cached;
}
