// Text size from the root, without per-element inline styles and without compounding:
// every absolute font-size the page declares is re-declared as (original value x --yiyue-k) with the page's own
// selector, in a sheet adopted only while text size is on. Later in the cascade, it wins over the page's rule of the
// same specificity and over nothing else, so which rule applies to an element stays as the page wrote it (a more
// specific relative size such as p.small { 1.1em } keeps winning and follows its scaled parent). Relative sizes
// (em, %, rem) follow on their own; only the root's are scaled. Rules are derived from the page's declarations,
// never from computed sizes, so repeated application cannot compound.

const ABS_UNIT = /^-?[\d.]+(px|pt|pc|in|cm|mm|q)$/i;
// Viewport units do not inherit from the root either, so they are scaled like absolute lengths.
const VIEW_UNIT = /^-?[\d.]+(vw|vh|vmin|vmax|svw|svh|lvw|lvh|dvw|dvh)$/i;
const KEYWORDS = { 'xx-small': '9px', 'x-small': '10px', small: '13px', medium: '16px', large: '18px', 'x-large': '24px', 'xx-large': '32px', 'xxx-large': '48px' };
const ROOT_SEL = /^\s*(html|:root)(?=$|[\s.#[:>+~])/i;

function scaled(value, isRoot) {
  const v = value.trim().toLowerCase();
  if (!v || v.includes('var(')) return null;
  if (KEYWORDS[v]) return `max(var(--yiyue-min, 0px), calc(${KEYWORDS[v]} * var(--yiyue-k, 1)))`;
  if (ABS_UNIT.test(v) || VIEW_UNIT.test(v)) return `max(var(--yiyue-min, 0px), calc(${v} * var(--yiyue-k, 1)))`;
  // A function of absolute and viewport lengths only; with em, rem or % it already follows the scaled root.
  if (/^(calc|min|max|clamp)\(/.test(v) && /\d(px|pt|v[wh]|vmin|vmax)/.test(v) && !/\d(r?em|%|ex|ch)/.test(v)) return `calc(${v} * var(--yiyue-k, 1))`;
  if (isRoot && /^[\d.]+(%|em|rem)$/.test(v)) return `calc(${v} * var(--yiyue-k, 1))`;
  return null;
}

function scaledLineHeight(value) {
  const v = value.trim().toLowerCase();
  return ABS_UNIT.test(v) ? `calc(${v} * var(--yiyue-k, 1))` : null;
}

export function splitSelectors(text) {
  const out = [];
  let depth = 0, start = 0, quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) { if (ch === quote && text[i - 1] !== '\\') quote = ''; continue; }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (ch === ',' && depth === 0) { out.push(text.slice(start, i)); start = i + 1; }
  }
  out.push(text.slice(start));
  return out.map(s => s.trim()).filter(Boolean);
}

// A rule's selectors split into those that select the root element alone (html, :root) and all others.
function selectorGroups(selectorText) {
  const root = [];
  const other = [];
  for (const sel of splitSelectors(selectorText)) {
    (ROOT_SEL.test(sel) && !sel.replace(ROOT_SEL, '').trim() ? root : other).push(sel);
  }
  return { root, other };
}

function styleRuleCss(rule) {
  const st = rule.style;
  const fs = st.getPropertyValue('font-size');
  const lh = st.getPropertyValue('line-height');
  if (!fs && !lh) return '';
  const { root, other } = selectorGroups(rule.selectorText);
  const everywhere = [];
  const rootOnly = []; // a relative size on the root: scaled there only (elsewhere it follows the scaled root)
  if (fs) {
    const important = st.getPropertyPriority('font-size') ? ' !important' : '';
    const v = scaled(fs, false);
    if (v) everywhere.push(`font-size: ${v}${important}`);
    else if (root.length) { const r = scaled(fs, true); if (r) rootOnly.push(`font-size: ${r}${important}`); }
  }
  if (lh) {
    const v = scaledLineHeight(lh);
    if (v) everywhere.push(`line-height: ${v}${st.getPropertyPriority('line-height') ? ' !important' : ''}`);
  }
  let css = '';
  if (everywhere.length) css += `${[...root, ...other].join(', ')} { ${everywhere.join('; ')} }\n`;
  if (rootOnly.length) css += `${root.join(', ')} { ${rootOnly.join('; ')} }\n`;
  return css;
}

function rulesCss(rules, depth, ctx) {
  if (depth > 8) return '';
  let css = '';
  for (const rule of rules) {
    try {
      if (rule.selectorText !== undefined && rule.style) css += styleRuleCss(rule);
      else if (rule.conditionText !== undefined && rule.cssRules) {
        const inner = rulesCss(rule.cssRules, depth + 1, ctx);
        if (inner) css += `${rule.constructor.name === 'CSSSupportsRule' ? '@supports' : '@media'} ${rule.conditionText} {\n${inner}}\n`;
      } else if (rule.styleSheet) {
        css += sheetCss(rule.styleSheet, depth + 1, ctx);
      } else if (rule.cssRules) {
        css += rulesCss(rule.cssRules, depth + 1, ctx); // @layer blocks: unlayered output still keeps the order
      }
    } catch (e) { /* one odd rule never stops the scan */ }
  }
  return css;
}

// A cross-origin sheet's rules are not readable from the page. ctx.copies holds same-content copies fetched with
// CORS (see pagestyle.js); a sheet without one is listed in ctx.unreadable and left unscaled.
function sheetCss(sheet, depth, ctx) {
  let rules;
  try { rules = sheet.cssRules; } catch (e) { rules = null; }
  if (!rules && sheet.href && !sheet.disabled) {
    const copy = ctx.copies.get(sheet.href);
    if (copy) rules = copy.cssRules;
    else ctx.unreadable.push(sheet.href);
  }
  if (!rules || sheet.disabled) return '';
  const inner = rulesCss(rules, depth, ctx);
  const media = sheet.media && sheet.media.mediaText;
  return inner && media && media !== 'all' ? `@media ${media} {\n${inner}}\n` : inner;
}

function attrValue(v) {
  return '"' + v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\a ') + '"';
}

// Inline style attributes: one rule per distinct attribute value ([style="..."]), !important beats a
// non-important inline declaration. The element itself is never touched.
function inlineCss(doc) {
  let css = '';
  const seen = new Set();
  for (const el of doc.querySelectorAll('body [style*="font"], body [style*="line-height"]')) {
    const value = el.getAttribute('style');
    if (seen.has(value)) continue;
    seen.add(value);
    const st = el.style;
    const decls = [];
    const fs = st.getPropertyValue('font-size');
    if (fs && !st.getPropertyPriority('font-size')) { const v = scaled(fs, false); if (v) decls.push(`font-size: ${v} !important`); }
    const lh = st.getPropertyValue('line-height');
    if (lh && !st.getPropertyPriority('line-height')) { const v = scaledLineHeight(lh); if (v) decls.push(`line-height: ${v} !important`); }
    if (decls.length) css += `[style=${attrValue(value)}] { ${decls.join('; ')} }\n`;
  }
  return css;
}

// Returns the scale rules and the hrefs of the cross-origin sheets that could not be read.
export function buildScaleCss(doc, copies = new Map()) {
  const ctx = { copies, unreadable: [] };
  let css = `html { font-size: calc(100% * var(--yiyue-k, 1)); }
body :where(input, select, textarea, button) { font-size: max(var(--yiyue-min, 0px), calc(13.333px * var(--yiyue-k, 1))); }
`;
  for (const sheet of doc.styleSheets) css += sheetCss(sheet, 0, ctx);
  css += inlineCss(doc);
  return { css, unreadable: ctx.unreadable };
}
