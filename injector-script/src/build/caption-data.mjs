// Build-time generator of the caption panel's optional data files, from maintained npm packages:
//   pinyin.js  拼音 for every hanzi of GB 2312 (6,763) from pinyin-pro (MIT), plus the words of pinyin-pro's phrase
//              dictionary whose reading differs from their characters' own readings (银行 yín háng, 长大 zhǎng dà),
//              so the toolbar can read a polyphonic character by its word (longest match first).
//   trad.js    简体 -> 繁體 for every GB 2312 hanzi that changes, from opencc-js (MIT; OpenCC data Apache-2.0).
// The packages are fetched with `npm pack` (cached by npm, pinned versions below) into <workDir>; nothing of them
// ships except these derived tables. Usage: node caption-data.mjs <workDir> <outDir>
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const PINYIN_PRO = 'pinyin-pro@3.29.4';
const OPENCC = 'opencc-js@1.4.2';
const [workDir, outDir] = process.argv.slice(2).map(p => resolve(p));
if (!workDir || !outDir) { console.error('usage: node caption-data.mjs <workDir> <outDir>'); process.exit(2); }

function unpack(spec) {
  const dir = join(workDir, spec.replace(/@[^@]*$/, ''));
  if (existsSync(join(dir, 'package.json'))) return dir;
  mkdirSync(dir, { recursive: true });
  let tgz;
  try {
    tgz = execFileSync('npm', ['pack', spec, '--prefer-offline', '--silent', '--pack-destination', workDir],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 180000 }).trim().split('\n').pop();
  } catch (e) {
    console.error(`[yiyue] the caption data needs ${spec} from the npm registry (npm pack failed: ${e.message}).`);
    process.exit(1);
  }
  execFileSync('tar', ['-xzf', join(workDir, tgz), '-C', dir, '--strip-components=1']);
  return dir;
}

// GB 2312 hanzi: rows 0xB0-0xF7 (level 1 is 0xB0-0xD7), cells 0xA1-0xFE, decoded by the runtime's ICU.
function gb2312Hanzi() {
  const dec = new TextDecoder('gb18030');
  const out = [];
  for (let row = 0xb0; row <= 0xf7; row++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      const ch = dec.decode(new Uint8Array([row, cell]));
      if (/^\p{Script=Han}$/u.test(ch)) out.push(ch);
    }
  }
  return out;
}

const pinyinDir = unpack(PINYIN_PRO);
const openccDir = unpack(OPENCC);
const { pinyin } = await import(pathToFileURL(join(pinyinDir, 'dist/index.mjs')).href);
const OpenCC = await import(pathToFileURL(join(openccDir, 'dist/esm/cn2t.js')).href);

const hanzi = gb2312Hanzi();
const inGb = new Set(hanzi);
const own = {};
for (const ch of hanzi) own[ch] = pinyin(ch);

// Words: the phrase dictionaries of pinyin-pro (2-5 characters); kept when the word's reading differs from the
// characters read one by one, which is exactly when the toolbar needs the word.
const words = [];
for (const n of [2, 3, 4, 5]) {
  const dict = (await import(pathToFileURL(join(pinyinDir, `dist/esm/data/dict${n}.mjs`)).href)).default;
  for (const w of Object.keys(dict)) {
    const chars = [...w];
    if (chars.length !== n || !chars.every(c => inGb.has(c))) continue;
    const syl = pinyin(w, { type: 'array' });
    if (syl.length !== n) continue;
    if (syl.some((s, i) => s !== own[chars[i]])) words.push(w + syl.join('_'));
  }
}

const header = (what) => `// ${what} Generated at build time by src/build/caption-data.mjs; do not edit.\n`;
const pinyinJs = header(`拼音 for the caption panel, loaded on first use: every GB 2312 hanzi (${hanzi.length}) and ${words.length} words whose reading differs from their characters' (from ${PINYIN_PRO}, MIT).`)
  + `(function (c, w) {
  var o = {}, words = {};
  c.split(' ').forEach(function (p) { if (p) o[p.charAt(0)] = p.slice(1); });
  w.split(' ').forEach(function (p) { var m = /^([\\u3400-\\u9fff]+)(.*)$/.exec(p); if (m) words[m[1]] = m[2].split('_'); });
  o.__words = words;
  (self.__yiyueA11yData = self.__yiyueA11yData || {}).pinyin = o;
})('${hanzi.map(ch => ch + own[ch]).join(' ')}', '${words.join(' ')}');\n`;

const conv = OpenCC.Converter({ from: 'cn', to: 't' });
const pairs = [];
for (const ch of hanzi) { const t = conv(ch); if (t && t !== ch && [...t].length === 1) pairs.push(ch + t); }
const tradJs = header(`简体 -> 繁體 for the caption panel, loaded on first use: ${pairs.length} GB 2312 hanzi (from ${OPENCC}: MIT, OpenCC data Apache-2.0), one character at a time.`)
  + `(function (s) {
  var o = {};
  for (var i = 0; i + 1 < s.length; i += 2) o[s.charAt(i)] = s.charAt(i + 1);
  (self.__yiyueA11yData = self.__yiyueA11yData || {}).trad = o;
})('${pairs.join('')}');\n`;

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'pinyin.js'), pinyinJs);
writeFileSync(join(outDir, 'trad.js'), tradJs);
console.log(`[yiyue caption data] pinyin.js ${Buffer.byteLength(pinyinJs)} B (${hanzi.length} hanzi, ${words.length} words), trad.js ${Buffer.byteLength(tradJs)} B (${pairs.length} pairs)`);
