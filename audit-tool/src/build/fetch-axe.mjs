// Build-time step of audit-tool (exec-maven-plugin, generate-resources): embeds the newest axe-core from the npm
// registry in the audit, with its integrity verified.
//
//   node fetch-axe.mjs <workDir> <resourceDir> [spec]      spec defaults to axe-core@latest
//
// 1. asks the registry (npm view) which version <spec> is and its dist.integrity (the SRI sha512 of the tarball);
// 2. fetches that tarball with `npm pack` (npm's cache is used when it already holds it) into <workDir>;
// 3. computes the tarball's sha512 itself and stops the build when it differs from dist.integrity, and checks
//    axe.min.js against the package's own sri-history.json;
// 4. writes <resourceDir>/org/yiyue/audit/browser/axe/{axe.min.js, LICENSE, axe-core.json}: the manifest records
//    the version, the tarball's integrity, the script's own sha512 (the audit checks it before every use) and each
//    rule's tags and ACT rule ids (axe.getRules()), which the engine merge reads.
// The tarball stays in <workDir> so a test can verify the chain again. Without the registry (no network) the newest
// version is read from npm's cache (`--offline`); when that fails too the build stops: the audit never silently
// falls back to an older axe-core.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const [workArg, resArg, specArg] = process.argv.slice(2);
if (!workArg || !resArg) {
  console.error('usage: node fetch-axe.mjs <workDir> <resourceDir> [spec]');
  process.exit(2);
}
const workDir = resolve(workArg);
const outDir = join(resolve(resArg), 'org', 'yiyue', 'audit', 'browser', 'axe');
const spec = specArg || 'axe-core@latest';

function die(msg) {
  console.error('[yiyue] axe-core: ' + msg);
  process.exit(1);
}

function npm(args, offline) {
  return execFileSync('npm', [...args, ...(offline ? ['--offline'] : [])],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 180000 });
}

function sri(algorithm, bytes) {
  return algorithm + '-' + createHash(algorithm).update(bytes).digest('base64');
}

// 1. the registry's answer (online first: "newest" means what npm says now)
let meta;
let source = 'registry';
try {
  meta = JSON.parse(npm(['view', spec, 'name', 'version', 'dist.integrity', 'dist.tarball', '--json']));
} catch (e) {
  try {
    meta = JSON.parse(npm(['view', spec, 'name', 'version', 'dist.integrity', 'dist.tarball', '--json'], true));
    source = 'npm cache (registry unreachable)';
    console.warn('[yiyue] axe-core: the npm registry is unreachable; using the newest version in npm\'s cache');
  } catch (e2) {
    die('cannot ask npm for ' + spec + ' (' + String(e.stderr || e.message).trim().split('\n')[0] + '). The audit '
      + 'embeds axe-core from the npm registry at build time: build once with network access to registry.npmjs.org.');
  }
}
if (Array.isArray(meta)) meta = meta[meta.length - 1];
const version = meta.version;
const integrity = meta['dist.integrity'];
const tarball = meta['dist.tarball'];
if (meta.name !== 'axe-core' || !/^\d+\.\d+\.\d+/.test(version || '') || !/^sha512-/.test(integrity || '')) {
  die('unexpected answer from npm view ' + spec + ': ' + JSON.stringify(meta));
}

// an up-to-date copy from an earlier build is kept (its script hash is checked again below)
const manifestFile = join(outDir, 'axe-core.json');
const tgz = join(workDir, `axe-core-${version}.tgz`);
if (existsSync(manifestFile) && existsSync(tgz)) {
  const old = JSON.parse(readFileSync(manifestFile, 'utf8'));
  if (old.version === version && old.integrity === integrity && existsSync(join(outDir, 'axe.min.js'))
      && sri('sha512', readFileSync(join(outDir, 'axe.min.js'))) === old.scriptSha512
      && sri('sha512', readFileSync(tgz)) === integrity) {
    console.log(`[yiyue] axe-core ${version} already embedded (${integrity})`);
    process.exit(0);
  }
}

// 2. the tarball
mkdirSync(workDir, { recursive: true });
rmSync(tgz, { force: true });
try {
  npm(['pack', `axe-core@${version}`, '--prefer-offline', '--silent', '--pack-destination', workDir]);
} catch (e) {
  die(`npm pack axe-core@${version} failed: ` + String(e.stderr || e.message).trim().split('\n')[0]);
}
if (!existsSync(tgz)) die('npm pack did not leave ' + tgz);

// 3. integrity, computed here, not taken on trust
const tgzBytes = readFileSync(tgz);
const actual = sri('sha512', tgzBytes);
if (actual !== integrity) {
  die(`integrity mismatch for axe-core@${version}: npm says ${integrity}, the tarball is ${actual}`);
}
const pkgDir = join(workDir, 'package');
rmSync(pkgDir, { recursive: true, force: true });
execFileSync('tar', ['-xzf', tgz, '-C', workDir, 'package/axe.js', 'package/axe.min.js', 'package/package.json',
  'package/LICENSE', 'package/sri-history.json']);
const script = readFileSync(join(pkgDir, 'axe.min.js'));
const history = JSON.parse(readFileSync(join(pkgDir, 'sri-history.json'), 'utf8'))[version];
if (history && history['axe.min.js'] && history['axe.min.js'] !== sri('sha256', script)) {
  die(`axe.min.js of ${version} does not match the package's own sri-history.json (${history['axe.min.js']})`);
}

// 4. rule metadata from the package itself (axe-core runs in Node for getRules), then the resources
const axe = createRequire(import.meta.url)(join(pkgDir, 'axe.js'));
if (axe.version !== version) die(`package ${version} reports axe.version ${axe.version}`);
const rules = {};
for (const r of axe.getRules()) {
  rules[r.ruleId] = { tags: r.tags, actIds: r.actIds || [], enabled: r.enabled !== false };
}
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'axe.min.js'), script);
copyFileSync(join(pkgDir, 'LICENSE'), join(outDir, 'LICENSE'));
const manifest = {
  name: 'axe-core',
  version,
  spec,
  source,
  tarball,
  integrity,
  scriptSha512: sri('sha512', script),
  scriptSha256: sri('sha256', script),
  license: JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).license,
  rules,
};
writeFileSync(manifestFile, JSON.stringify(manifest, null, 1) + '\n');
rmSync(pkgDir, { recursive: true, force: true });
console.log(`[yiyue] axe-core ${version} from npm embedded, integrity ${integrity} verified (${Object.keys(rules).length} rules)`);
