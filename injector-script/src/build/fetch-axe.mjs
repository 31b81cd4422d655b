// Test-time helper: puts the newest axe-core 4.x axe.min.js from the npm registry into <outDir>/axe.min.js
// (via `npm pack`, cached by npm). Leaves an existing copy alone. A failure is reported, never hidden:
// the tests then say which axe-core they ran (the one embedded in axe-core/selenium).
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const outDir = process.argv[2];
const spec = process.argv[3] || 'axe-core@4';
const target = join(outDir, 'axe.min.js');
if (existsSync(target)) process.exit(0);
mkdirSync(outDir, { recursive: true });
try {
  const tgz = execFileSync('npm', ['pack', spec, '--prefer-offline', '--silent', '--pack-destination', outDir],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 120000 }).trim().split('\n').pop();
  execFileSync('tar', ['-xzf', join(outDir, tgz), '-C', outDir, 'package/axe.min.js', 'package/package.json']);
  renameSync(join(outDir, 'package', 'axe.min.js'), target);
  renameSync(join(outDir, 'package', 'package.json'), join(outDir, 'axe-package.json'));
  rmSync(join(outDir, 'package'), { recursive: true, force: true });
  for (const f of readdirSync(outDir)) if (f.endsWith('.tgz')) rmSync(join(outDir, f));
  console.log('[yiyue] axe-core from npm: ' + tgz);
} catch (e) {
  console.warn('[yiyue] could not fetch ' + spec + ' from npm (' + e.message + '); tests will use the axe-core embedded in axe-core/selenium');
}
