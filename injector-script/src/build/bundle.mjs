// Zero-dependency bundler for the toolbar: resolves the ES modules under src/main/js from main.js,
// wraps each in a function scope, writes ONE classic script (ASCII only, CJK as \uXXXX) plus manifest.json
// (version, sha384 SRI hash, sizes); the data files and the optional parts under src/main/js/parts go to data/.
// Usage: node bundle.mjs <srcDir> <dataDir> <outDir> <version>
import { readFileSync, writeFileSync, mkdirSync, readdirSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { resolve, dirname, relative, join } from 'node:path';
import vm from 'node:vm';

const [srcDir, dataDir, outDir, version] = process.argv.slice(2);
if (!srcDir || !outDir) { console.error('usage: node bundle.mjs <srcDir> <dataDir> <outDir> <version>'); process.exit(2); }

const IMPORT = /^import\s*\{([^}]*)\}\s*from\s*'([^']+)';?\s*$/gm;
const EXPORT = /^export\s+(?:async\s+)?(function\*?|const|let|class)\s+([A-Za-z_$][\w$]*)/gm;

// One bundle: the entry and the modules it imports, each wrapped in a function scope, in dependency order.
// Returns the code (without banner) and the entry's module id and the files it contains.
function bundle(entry) {
  const modules = new Map(); // path -> {id, code, imports, exports}
  const order = [];

  function load(file, stack) {
    if (modules.has(file)) return modules.get(file);
    if (stack.includes(file)) throw new Error('import cycle: ' + [...stack, file].map(f => relative(srcDir, f)).join(' -> '));
    const text = readFileSync(file, 'utf8');
    const imports = [];
    for (const m of text.matchAll(IMPORT)) imports.push({ names: m[1], from: resolve(dirname(file), m[2]) });
    const exports = [...text.matchAll(EXPORT)].map(m => m[2]);
    if (/^\s*import\s/m.test(text.replace(IMPORT, ''))) throw new Error('unsupported import form in ' + file);
    if (/^\s*export\s+(default|\{|\*)/m.test(text)) throw new Error('unsupported export form in ' + file);
    const mod = { id: '', file, text, imports, exports };
    for (const imp of imports) {
      if (!existsSync(imp.from)) throw new Error(`${relative(srcDir, file)} imports missing ${imp.from}`);
      load(imp.from, [...stack, file]);
    }
    mod.id = '__m' + order.length;
    modules.set(file, mod);
    order.push(mod);
    return mod;
  }

  const top = load(entry, []);
  let body = '';
  for (const mod of order) {
    let code = mod.text.replace(IMPORT, '').replace(/^export\s+/gm, '');
    const head = mod.imports.map(imp => {
      const dep = modules.get(imp.from);
      const names = imp.names.split(',').map(s => s.trim()).filter(Boolean).map(s => {
        const [a, b] = s.split(/\s+as\s+/);
        if (!dep.exports.includes(a)) throw new Error(`${relative(srcDir, mod.file)}: ${a} is not exported by ${relative(srcDir, dep.file)}`);
        return b ? `${a}: ${b}` : a;
      });
      return `const { ${names.join(', ')} } = ${dep.id};`;
    }).join('\n');
    body += `// ${relative(srcDir, mod.file)}\nconst ${mod.id} = (function () {\n${head}\n${stripComments(code).trim()}\nreturn { ${mod.exports.join(', ')} };\n})();\n`;
  }
  return { body, entryId: top.id, files: order.map(m => relative(srcDir, m.file)) };
}

function stripComments(code) {
  return code.split('\n').filter(l => !/^\s*\/\/(?!#)/.test(l)).join('\n');
}

function asciiOnly(code) {
  return code.replace(/[\u0080-\uffff]/g, c => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

const files = {};
function describe(name, buf) {
  return {
    bytes: buf.length,
    gzipBytes: gzipSync(buf, { level: 9 }).length,
    integrity: 'sha384-' + createHash('sha384').update(buf).digest('base64'),
  };
}
mkdirSync(outDir, { recursive: true });

if (dataDir && existsSync(dataDir)) {
  mkdirSync(join(outDir, 'data'), { recursive: true });
  for (const f of readdirSync(dataDir).sort()) {
    if (!f.endsWith('.js')) continue;
    const data = asciiOnly(readFileSync(join(dataDir, f), 'utf8'));
    new vm.Script(data, { filename: f });
    const buf = Buffer.from(data, 'ascii');
    writeFileSync(join(outDir, 'data', f), buf);
    files['data/' + f] = describe(f, buf);
  }
}

// Optional parts (src/main/js/parts/<name>.js): bundled on their own, with their own copies of the small helpers
// they import, into data/<name>.js, which registers the entry's exports as window.__yiyueA11yData[<name>] (the
// same loading route as the caption data). Nothing of a part is in the core script.
const partsDir = join(srcDir, 'parts');
const parts = {};
if (existsSync(partsDir)) {
  mkdirSync(join(outDir, 'data'), { recursive: true });
  for (const f of readdirSync(partsDir).sort()) {
    if (!f.endsWith('.js')) continue;
    const name = f.slice(0, -3);
    if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error('bad part name ' + f);
    if (files['data/' + f]) throw new Error('part ' + f + ' clashes with a data file');
    const part = bundle(join(partsDir, f));
    for (const m of part.files) if (m.startsWith('parts/') && m !== 'parts/' + f) throw new Error('part ' + f + ' imports another part ' + m);
    const code = asciiOnly(`/*! Yiyue 易阅 toolbar part ${name} ${version || ''} */\n(function () {\n'use strict';\n${part.body}` +
      `(window.__yiyueA11yData = window.__yiyueA11yData || {})[${JSON.stringify(name)}] = ${part.entryId};\n})();\n`);
    new vm.Script(code, { filename: f });
    const buf = Buffer.from(code, 'ascii');
    writeFileSync(join(outDir, 'data', f), buf);
    files['data/' + f] = describe(f, buf);
    parts[name] = part.files;
  }
}

const core = bundle(resolve(srcDir, 'main.js'));
// The optional files' hashes go into the core (core/optional.js sets them as the integrity of the <script> that
// loads each file), so the SRI hash a web team puts on toolbar.js covers everything the toolbar ever runs.
const hashes = Object.fromEntries(Object.entries(files).map(([k, v]) => [k.replace(/^data\//, '').replace(/\.js$/, ''), v.integrity]));
const PLACEHOLDER = '{} /*@optional-integrity*/';
if (core.body.split(PLACEHOLDER).length !== 2) throw new Error('core/optional.js must hold the integrity placeholder exactly once');
const body = core.body.replace(PLACEHOLDER, JSON.stringify(hashes));

const banner = `/*! Yiyue 易阅 accessibility toolbar ${version || ''} | served by the Yiyue overlay | no third-party requests */\n`;
let out = asciiOnly(banner + `(function () {\n'use strict';\n${body}})();\n`);
if (/[^\x00-\x7f]/.test(out)) throw new Error('bundle is not ASCII');
new vm.Script(out, { filename: 'toolbar.js' }); // syntax check: fails the build on a broken bundle

const bytes = Buffer.from(out, 'ascii');
writeFileSync(join(outDir, 'toolbar.js'), bytes);

files['toolbar.js'] = describe('toolbar.js', bytes);

const manifest = {
  name: 'yiyue-toolbar',
  version: version || '0',
  script: 'toolbar.js',
  integrity: files['toolbar.js'].integrity,
  bytes: files['toolbar.js'].bytes,
  gzipBytes: files['toolbar.js'].gzipBytes,
  modules: core.files,
  parts,
  files,
};
writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(`[yiyue bundle] toolbar.js ${bytes.length} B, gzip ${manifest.gzipBytes} B, ${core.files.length} modules, parts: ${Object.keys(parts).join(', ') || 'none'}, ${manifest.integrity}`);
