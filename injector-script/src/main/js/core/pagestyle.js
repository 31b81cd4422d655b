// The page stylesheets, keyed on attributes of <html>. Adopted into document.adoptedStyleSheets
// (CSP-safe: no <style> element, no inline style) only while the setting they serve is on.
import { ZOOM_LEVELS, ALL_ROOT_ATTRIBUTES } from './state.js';
import { buildScaleCss } from './textscale.js';
import { createReflow } from './reflow.js';

const HOST = 'yiyue-a11y';

// Colours chosen for text >= 7:1, links distinct from text, focus ring >= 3:1 against the background.
export const SCHEME_COLOURS = {
  dark: { bg: '#000000', fg: '#ffffff', link: '#ffff00', focus: '#00ffff', img: '#ffffff' },
  light: { bg: '#ffffff', fg: '#000000', link: '#0000ee', focus: '#cc0000', img: '' },
  yellow: { bg: '#ffff00', fg: '#000000', link: '#0000cc', focus: '#c00000', img: '' },
  blue: { bg: '#00217a', fg: '#ffff00', link: '#ffffff', focus: '#00ffff', img: '#ffffff' },
};

function svgCursor(svg, x, y, fallback) {
  return 'url("data:image/svg+xml,' + encodeURIComponent(svg) + '") ' + x + ' ' + y + ', ' + fallback;
}
const SVG = "<svg xmlns='http://www.w3.org/2000/svg' width='48' height='48' viewBox='0 0 24 24'>";
export const CURSORS = {
  arrow: svgCursor(SVG + "<path d='M3 2v17l4.5-4 3 7 3-1.3-3-6.7h6z' fill='#000' stroke='#fff' stroke-width='1.3' stroke-linejoin='round'/></svg>", 6, 4, 'default'),
  hand: svgCursor(SVG + "<path d='M8.5 1.5c1 0 1.8.8 1.8 1.8V10l1-.2c.9-.2 1.8.3 2 1.1l.1.3 1-.1c.9-.1 1.7.5 1.9 1.3l1.1-.1c1 0 1.8.8 1.8 1.8v3.4c0 2.8-2.2 5.2-5 5.2h-3.2c-1.7 0-3.2-.8-4.2-2.2L2.9 15c-.6-.8-.4-1.9.4-2.4.7-.5 1.6-.4 2.2.2l1.2 1.3V3.3c0-1 .8-1.8 1.8-1.8z' fill='#fff' stroke='#000' stroke-width='1.3' stroke-linejoin='round'/></svg>", 17, 3, 'pointer'),
  text: svgCursor(SVG + "<path d='M8 3h8M8 21h8M12 3v18' stroke='#fff' stroke-width='4' stroke-linecap='round'/><path d='M8 3h8M8 21h8M12 3v18' stroke='#000' stroke-width='2' stroke-linecap='round'/></svg>", 24, 24, 'text'),
};

const HAND_TARGETS = 'a[href], a[href] *, button, button *, [role=button], [role=link], label, select, summary, ' +
  'input:is([type=checkbox],[type=radio],[type=submit],[type=button],[type=reset],[type=image],[type=file],[type=color],[type=range])';
const TEXT_TARGETS = 'textarea, [contenteditable=""], [contenteditable=true], input:not([type]), ' +
  'input:is([type=text],[type=search],[type=email],[type=tel],[type=url],[type=password],[type=number],[type=date])';

export function cursorCss(prefix) {
  return `${prefix}, ${prefix} * { cursor: ${CURSORS.arrow} !important }
${prefix} :is(${HAND_TARGETS}) { cursor: ${CURSORS.hand} !important }
${prefix} :is(${TEXT_TARGETS}) { cursor: ${CURSORS.text} !important }`;
}

// ::selection is set on html and body only: descendants inherit highlight styles, and a universal ::selection rule
// cost about half of the whole scheme's restyle on a large page.
function schemeCss(name, c) {
  const S = `html[data-yiyue-scheme="${name}"]`;
  const media = 'img, svg, video, canvas, picture, iframe, object, embed, ' + HOST; // simple selectors only: cheap to match on big pages
  return `${S}, ${S} body, ${S} body :not(${media}) {
  background-color: ${c.bg} !important; color: ${c.fg} !important; border-color: ${c.fg} !important;
  background-image: none !important; text-shadow: none !important; box-shadow: none !important; }
${S} body a[href], ${S} body a[href] * { color: ${c.link} !important; text-decoration: underline !important; }
${S} body :is(button, input, select, textarea, [role=button]) { background-color: ${c.bg} !important; color: ${c.fg} !important;
  border: 2px solid ${c.fg} !important; }
${S} body :is(input, textarea)::placeholder { color: ${c.fg} !important; opacity: 0.8 !important; }
${S} body :focus-visible { outline: 3px solid ${c.focus} !important; outline-offset: 2px !important; }
${S}::selection, ${S} body::selection { background-color: ${c.fg} !important; color: ${c.bg} !important; }
${c.img ? `${S} body img { background-color: ${c.img} !important; }` : ''}`;
}

// One small sheet per feature, adopted only while that feature is on. A restyle of the page then matches only the
// rules of the features in use: with every feature's universal rules adopted at once, a colour scheme on a
// 5,000-element page cost about three times a single full-page rule.
//
// Text size: the scale sheet holds the page's own selectors with literal sizes for the level in use
// (calc(14px * 2)), written again when the level changes. A custom property (--yiyue-k on <html>, var() in every
// rule) would let a level change touch one attribute, but var() is resolved per element at each restyle: the same
// 200 % change cost 1.22× (5,011-element page) and 1.23× (statistics bulletin) the literal sheet, measured in the
// same run. On a phone (max-width 600px) 适老模式 also holds every scaled size to at least 18px.
const ELDER_MIN = '18px';
function scaleText(template, k, min) {
  return template.split('var(--yiyue-k, 1)').join(String(k)).split('var(--yiyue-min, 0px)').join(min);
}

function zoomCss() {
  const parts = [];
  for (const z of ZOOM_LEVELS) {
    if (z === 100) continue;
    parts.push(`html[data-yiyue-zoom="${z}"] body { zoom: ${z / 100}; }`);
    parts.push(`html[data-yiyue-zoom="${z}"] body > ${HOST} { zoom: ${(100 / z).toFixed(4)}; }`);
  }
  return parts.join('\n');
}

const FEATURE_CSS = {
  spacing: () => `html[data-yiyue-spacing] body :not(${HOST}) { line-height: 1.8 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
html[data-yiyue-spacing] body :is(p, li, dd, blockquote) { margin-block-end: 2em !important; }`,
  font: () => `html[data-yiyue-font] body :not(${HOST}, i, [class*="icon"], [class*="fa-"]) {
  font-family: system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif !important; }`,
  cursor: () => cursorCss('html[data-yiyue-cursor]'),
  // The 连读 sentence highlight, on html and body only (highlight styles inherit; a universal ::highlight rule costs a
  // full-page match), adopted only while reading.
  reading: () => `html::highlight(yiyue-read), body::highlight(yiyue-read) { background-color: #ffd400; color: #000000; }`,
  hl: () => `html[data-yiyue-hl] body a[href] { outline: 3px solid #d4006a !important; outline-offset: 2px !important; }
html[data-yiyue-hl] body :is(h1, h2, h3, h4, h5, h6, [role=heading]) { outline: 3px dashed #0050b3 !important; outline-offset: 2px !important; }`,
};

// Which feature sheets a set of <html> attributes needs, in a fixed cascade order.
function wantedKeys(attrs) {
  const keys = [];
  if ('data-yiyue-text' in attrs) keys.push('scale');
  if ('data-yiyue-zoom' in attrs) keys.push('zoom');
  if (attrs['data-yiyue-scheme'] && SCHEME_COLOURS[attrs['data-yiyue-scheme']]) keys.push('scheme:' + attrs['data-yiyue-scheme']);
  for (const f of Object.keys(FEATURE_CSS)) if (('data-yiyue-' + f) in attrs) keys.push(f);
  if ('data-yiyue-care' in attrs) keys.push('care');
  if (Object.keys(attrs).length) keys.push('frame');
  return keys;
}

// doc: the page, or a same-origin frame's document (its sheets are built from that window's CSSStyleSheet: a
// constructed sheet can only be adopted by the document of the window that made it).
export function createPageStyles(cfg, doc = document) {
  const win = doc.defaultView;
  const sheets = new Map();
  let adopted = [];
  let scaleKey = '';
  const copies = new Map();
  const tried = new Set();
  let barHeight = 0;
  let captionHeight = 0;

  function css(key) {
    if (key === 'zoom') return zoomCss();
    if (key.startsWith('scheme:')) { const name = key.slice(7); return schemeCss(name, SCHEME_COLOURS[name]); }
    if (FEATURE_CSS[key]) return FEATURE_CSS[key]();
    return '';
  }

  function sheet(key) {
    let s = sheets.get(key);
    if (!s) {
      s = new win.CSSStyleSheet();
      sheets.set(key, s);
      if (key === 'frame') writeFrame(s);
      else if (key === 'care') writeCare(s);
      else if (key !== 'scale') s.replaceSync(css(key));
    }
    return s;
  }

  // The bar and caption paddings and the reader's scroll lock: rules on <html> only.
  function writeFrame(s) {
    s.replaceSync(`html[data-yiyue-open] { padding-top: ${barHeight}px !important; scroll-padding-top: ${barHeight + 8}px !important; }
html[data-yiyue-caption] { padding-bottom: ${captionHeight}px !important; scroll-padding-bottom: ${captionHeight + 8}px !important; }
html[data-yiyue-reader] body { overflow: hidden !important; }`);
  }

  function writeCare(s) {
    s.replaceSync('');
    for (const sel of cfg.adSelectors) {
      // Each declared selector separately: one bad selector must not disable the others.
      try { s.insertRule(`html[data-yiyue-care] :is(${sel}) { display: none !important; }`, s.cssRules.length); } catch (e) { /* invalid selector ignored */ }
    }
  }

  // The scale rules of the page's sheets, with var(--yiyue-k, 1) / var(--yiyue-min, 0px) standing for the level
  // and the minimum; written into the scale sheet with the values of the settings in use (writeScale).
  let scaleTemplate = null, scaleWritten = '', current = {};
  function refreshScale(force) {
    const key = String(doc.styleSheets.length) + ':' + (doc.body ? doc.querySelectorAll('[style*="font"]').length : 0);
    if (!force && key === scaleKey) return;
    scaleKey = key;
    const built = buildScaleCss(doc, copies);
    scaleTemplate = built.css;
    scaleWritten = '';
    writeScale(current);
    for (const href of built.unreadable) fetchCopy(href);
  }

  function writeScale(attrs) {
    const level = attrs['data-yiyue-text'];
    if (!level || scaleTemplate === null) return;
    const elder = 'data-yiyue-elder' in attrs;
    const key = level + (elder ? '+elder' : '');
    if (key === scaleWritten) return;
    scaleWritten = key;
    const k = Number(level) / 100;
    let css = scaleText(scaleTemplate, k, '0px');
    if (elder) css += `@media (max-width: 600px) {\n${scaleText(scaleTemplate, k, ELDER_MIN)}}\n`;
    sheet('scale').replaceSync(css);
  }

  // Font sizes in a cross-origin stylesheet (a CDN) are unreadable through CSSOM. When that server allows CORS, the
  // same file is fetched once more (usually from the HTTP cache; no cookies, no referrer) and parsed into a detached
  // sheet that is only read, never adopted. Refused or failed fetches are remembered and not retried.
  function fetchCopy(href) {
    if (tried.has(href) || !win.fetch) return;
    tried.add(href);
    win.fetch(href, { mode: 'cors', credentials: 'omit', referrerPolicy: 'no-referrer' })
      .then(r => (r.ok ? r.text() : Promise.reject(new Error(String(r.status)))))
      .then(text => {
        const copy = new win.CSSStyleSheet();
        copy.replaceSync(text); // @import rules are dropped by constructed sheets
        copies.set(href, copy);
        if (doc.documentElement.hasAttribute('data-yiyue-text')) refreshScale(true);
      })
      .catch(() => { /* not shared with us: that sheet's sizes stay as they are */ });
  }

  function adopt(keys) {
    const next = keys.map(sheet);
    if (next.length === adopted.length && next.every((s, i) => s === adopted[i])) return;
    const ours = new Set(sheets.values());
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets.filter(s => !ours.has(s)), ...next];
    adopted = next;
  }

  const reflow = createReflow(doc, copies);
  const growth = a => ('data-yiyue-text' in a ? a['data-yiyue-text'] : '') + ('data-yiyue-spacing' in a ? '+s' : '');
  const rootGrowth = root => (root.getAttribute('data-yiyue-text') || '') + (root.hasAttribute('data-yiyue-spacing') ? '+s' : '');

  // Writes attributes onto <html> and adopts the sheets they need. The only layout reads are the reflow baseline
  // (before the text grows, while layout is still clean) and the reflow passes in the following frames.
  function apply(attrs) {
    const root = doc.documentElement;
    const was = rootGrowth(root), next = growth(attrs);
    let measured = false;
    if (next && !was && doc.body && doc.readyState !== 'loading') { reflow.baseline(); measured = true; }
    current = attrs;
    if (attrs['data-yiyue-text'] && (!root.hasAttribute('data-yiyue-text') || !scaleKey)) refreshScale(false); // first use here: build it
    writeScale(attrs);
    adopt(wantedKeys(attrs)); // same task as the attribute writes: no frame is rendered in between
    for (const name of ALL_ROOT_ATTRIBUTES) {
      if (name in attrs) { if (root.getAttribute(name) !== attrs[name]) root.setAttribute(name, attrs[name]); }
      else if (root.hasAttribute(name)) root.removeAttribute(name);
    }
    if (next && next !== was) reflow.start(measured);
    else if (!next && reflow.active) reflow.stop();
  }

  return {
    apply,
    refreshScale,
    reflow,
    setBarHeight(h) { if (h !== barHeight) { barHeight = h; if (sheets.has('frame')) writeFrame(sheets.get('frame')); } },
    setCaptionHeight(h) { if (h !== captionHeight) { captionHeight = h; if (sheets.has('frame')) writeFrame(sheets.get('frame')); } },
  };
}
