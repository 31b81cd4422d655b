// The 纯文本 reader view's content, built from the page in reading order. An optional part: bundled on its own into
// data/reader.js and loaded the first time the reader view is opened (spec budget: reader view loaded on first use).
import { el } from '../core/dom.js';
import { accessibleName, collapse, textOf, roleKey } from '../core/accname.js';

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'YIYUE-A11Y', 'DIALOG']);
const BLOCKS = new Set(['DIV', 'SECTION', 'ARTICLE', 'MAIN', 'NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM', 'FIELDSET', 'FIGURE',
  'DL', 'DT', 'DD', 'ADDRESS', 'HR', 'CENTER', 'BODY', 'DETAILS', 'SUMMARY', 'FIGCAPTION', 'LEGEND', 'LI', 'TD', 'TH', 'CAPTION']);

// A prompt written into the value (value="请输入…" cleared by an onfocus script, the pre-placeholder idiom) is a
// hint, not what the user entered.
function promptValue(node) {
  const v = node.value;
  if (!v || v !== node.defaultValue) return false;
  return node.hasAttribute('onfocus') || node.hasAttribute('onclick') || /^\s*(请|please|enter|search)/i.test(v);
}

// The document of a same-origin frame (its text belongs to the page); null for cross-origin or unloaded frames.
function frameBody(frame) {
  try { const d = frame.contentDocument; return d && d.body && d.body.childNodes.length ? d.body : null; } catch (e) { return null; }
}

// Elements laid out as their own box (a date floated beside a link, a nav item) are separate items when read.
function separate(node) {
  if (node.nodeName === 'A' || node.nodeName === 'BUTTON' || node.nodeName === 'IMG') return true;
  const cs = node.ownerDocument.defaultView.getComputedStyle(node);
  return cs.display !== 'inline' || cs.float !== 'none' || cs.position === 'absolute';
}

// Appends a piece to an inline target, with a space when both sides would otherwise run together.
function appendItem(target, piece, apart) {
  const before = target.textContent;
  const text = typeof piece === 'string' ? piece : piece.textContent;
  if (apart && before && /\S$/.test(before) && /^\S/.test(text)) target.append(' ');
  target.append(piece);
}

function hidden(node) {
  if (node.hidden || node.getAttribute('aria-hidden') === 'true') return true;
  if (node.checkVisibility) return !node.checkVisibility({ visibilityProperty: true });
  const cs = getComputedStyle(node);
  return cs.display === 'none' || cs.visibility === 'hidden';
}

// Builds the reader's content; t translates role words. Reading order = DOM order.
export function buildReader(root, t) {
  const out = document.createDocumentFragment();
  let para = null;
  const flush = () => { if (para && collapse(para.textContent)) out.append(para); para = null; gap = false; };
  const inline = () => (para || (para = el('p')));
  let gap = false; // the next inline piece starts a new item (after a link, a floated date, a nav entry …)

  function field(node) {
    const key = roleKey(node);
    if (!key) return;
    const prompt = key === 'input' && promptValue(node);
    let text = t(key) + '\uff1a' + (accessibleName(node) || (prompt ? collapse(node.value) : '') || t('empty'));
    if (node.nodeName === 'SELECT') { const o = node.selectedOptions[0]; if (o) text += '\uff0c' + t('value') + ' ' + collapse(o.textContent); }
    else if (key === 'checkbox' || key === 'radio') { if (node.checked) text += '\uff0c' + t('checked'); }
    else if (key === 'input' && node.value && !prompt) text += '\uff0c' + t('value') + ' ' + node.value;
    else if (key === 'input') text += '\uff0c' + t('empty');
    flush();
    out.append(el('p', { class: 'field', text }));
  }

  function table(node) {
    flush();
    const rows = [...node.rows];
    let headers = [];
    const first = rows[0];
    if (first && [...first.cells].every(c => c.nodeName === 'TH')) { headers = [...first.cells].map(c => collapse(textOf(c))); rows.shift(); }
    if (node.caption) out.append(el('p', { text: collapse(textOf(node.caption)) }));
    const list = el('ul');
    for (const r of rows) {
      const parts = [...r.cells].map((c, i) => {
        const v = collapse(textOf(c));
        const h = c.nodeName === 'TH' ? '' : headers[i];
        return h ? h + '\uff1a' + v : v;
      }).filter(Boolean);
      if (parts.length) list.append(el('li', { text: parts.join('\uff1b') }));
    }
    out.append(list);
  }

  function list(node) {
    flush();
    const ul = el(node.nodeName === 'OL' ? 'ol' : 'ul');
    for (const li of node.children) {
      if (li.nodeName !== 'LI' || hidden(li)) continue;
      const item = el('li');
      const saved = para;
      para = item;
      walkInline(li, item);
      para = saved;
      if (collapse(item.textContent)) ul.append(item);
    }
    if (ul.children.length) out.append(ul);
  }

  // Inline content of a list item: links stay links, nested blocks become text.
  function walkInline(node, target) {
    for (const n of node.childNodes) {
      if (n.nodeType === 3) { if (n.data.trim()) { appendItem(target, n.data, gap); gap = false; } else target.append(n.data); }
      else if (n.nodeType === 1 && !SKIP.has(n.nodeName) && !hidden(n)) {
        if (n.nodeName === 'A' && n.hasAttribute('href')) { const a = link(n); if (a) { appendItem(target, a, true); gap = true; } }
        else if (n.nodeName === 'IMG') { const alt = collapse(n.getAttribute('alt')); if (alt) { appendItem(target, el('span', { class: 'img', text: '[' + t('image') + '\uff1a' + alt + ']' }), true); gap = true; } }
        else if (n.nodeName === 'IFRAME') { const b = frameBody(n); if (b) { gap = true; walkInline(b, target); gap = true; } }
        else if (BLOCKS.has(n.nodeName) || n.nodeName === 'UL' || n.nodeName === 'OL' || separate(n)) { gap = true; walkInline(n, target); gap = true; }
        else walkInline(n, target);
      }
    }
  }

  // Link text only: a link without a name (an image without alt) is not read, and its address never is.
  function link(a) {
    const name = accessibleName(a);
    return name ? el('a', { href: a.href, text: name }) : null;
  }

  function walk(node) {
    for (const n of node.childNodes) {
      if (n.nodeType === 3) { if (n.data.trim()) { appendItem(inline(), n.data, gap); gap = false; } continue; }
      if (n.nodeType !== 1 || SKIP.has(n.nodeName) || hidden(n)) continue;
      const tag = n.nodeName;
      if (/^H[1-6]$/.test(tag) || n.getAttribute('role') === 'heading') {
        flush();
        const level = /^H[1-6]$/.test(tag) ? +tag[1] : Math.min(6, +(n.getAttribute('aria-level') || 2));
        out.append(el('h' + Math.min(6, level + 1 > 6 ? 6 : Math.max(3, level + 1)), { 'data-level': String(level), text: collapse(textOf(n)) }));
      } else if (tag === 'P' || tag === 'BLOCKQUOTE' || tag === 'PRE') {
        flush(); walk(n); flush();
      } else if (tag === 'UL' || tag === 'OL') list(n);
      else if (tag === 'TABLE') table(n);
      else if (tag === 'A' && n.hasAttribute('href')) { const a = link(n); if (a) { appendItem(inline(), a, true); gap = true; } }
      else if (tag === 'IMG') { const alt = collapse(n.getAttribute('alt')); if (alt) { appendItem(inline(), el('span', { class: 'img', text: '[' + t('image') + '\uff1a' + alt + ']' }), true); gap = true; } }
      else if (tag === 'IFRAME') { const b = frameBody(n); if (b) { flush(); walk(b); flush(); } }
      else if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') { if ((n.type || '') !== 'hidden') field(n); }
      else if (tag === 'BUTTON') { const name = accessibleName(n); if (name) { appendItem(inline(), '[' + t('button') + '\uff1a' + name + ']', true); gap = true; } }
      else if (tag === 'BR') inline().append(' ');
      else if (BLOCKS.has(tag)) { flush(); walk(n); flush(); }
      else if (separate(n)) { gap = true; walk(n); gap = true; }
      else walk(n);
    }
  }
  walk(root);
  flush();
  dropEmptySections(out);
  return out;
}

// A heading with nothing under it before the next heading of its level or above (its content was an empty or
// cross-origin frame, or hidden) is dropped: the reader lists sections that have something to read.
function dropEmptySections(out) {
  const kids = [...out.children];
  for (let i = kids.length - 1; i >= 0; i--) {
    const h = kids[i];
    if (!h.hasAttribute('data-level')) continue;
    let next = h.nextElementSibling;
    const level = +h.getAttribute('data-level');
    if (!next || (next.hasAttribute('data-level') && +next.getAttribute('data-level') <= level)) h.remove();
  }
}
