#!/usr/bin/env node
// Before `npm test`: the end-to-end tests need Debian's Chromium and CJK fonts, the export
// tests GDAL's ogrinfo, and the report test poppler's pdfinfo/pdftotext (to read its PDF back).
// When any is missing, install it (as root, with apt-get) or stop at once with the one command
// that installs it — never a wall of browser-launch failures later.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const onPath = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const hasCjkFont = () => {
  const run = spawnSync('fc-list', [], { encoding: 'utf8' });
  return run.status === 0 && /Noto Sans CJK/i.test(run.stdout);
};

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const missing = [
  ...(existsSync(chromium) ? [] : ['chromium']),
  ...(hasCjkFont() ? [] : ['fonts-noto-cjk']),
  ...(onPath('ogrinfo') ? [] : ['gdal-bin']),
  ...(onPath('pdftotext') && onPath('pdfinfo') ? [] : ['poppler-utils']),
];

if (missing.length > 0) {
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  const asRoot = `sudo sh -c '${command}'`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !onPath('apt-get')) {
    console.error(`npm test needs ${missing.join(', ')}. Install with:\n  ${asRoot}`);
    process.exit(1);
  }
  console.log(`npm test: installing ${missing.join(', ')} (${command})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
}
