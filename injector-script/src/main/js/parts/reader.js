// The 纯文本 reader view's content, built from the page in reading order. An optional part: bundled on its own into
// data/reader.js and loaded the first time the reader view is opened (spec budget: reader view loaded on first use).
import { el } from '../core/dom.js';
import { accessibleName, collapse, textOf, roleKey } from '../core/accname.js';

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'YIYUE-A11Y', 'DIALOG']);
const BLOCKS = new Set(['DIV', 'SECTION', 'ARTICLE', 'MAIN', 'NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM', 'FIELDSET', 'FIGURE',
  'DL', 'DT', 'DD', 'ADDRESS', 'HR', 'CENTER', 'BODY', 'DETAILS', 'SUMMARY', 'FIGCAPTION', 'LEGEND', 'LI', 'TD', 'TH', 'CAPTION']);

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
  const flush = () => { if (para && collapse(para.textContent)) out.append(para); para = null; };
  const inline = () => (para || (para = el('p')));

  function field(node) {
    const key = roleKey(node);
    if (!key) return;
    let text = t(key) + '\uff1a' + (accessibleName(node) || t('empty'));
    if (node.nodeName === 'SELECT') { const o = node.selectedOptions[0]; if (o) text += '\uff0c' + t('value') + ' ' + collapse(o.textContent); }
    else if (key === 'checkbox' || key === 'radio') { if (node.checked) text += '\uff0c' + t('checked'); }
    else if (key === 'input' && node.value) text += '\uff0c' + t('value') + ' ' + node.value;
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
      if (n.nodeType === 3) target.append(n.data);
      else if (n.nodeType === 1 && !SKIP.has(n.nodeName) && !hidden(n)) {
        if (n.nodeName === 'A' && n.hasAttribute('href')) target.append(link(n));
        else if (n.nodeName === 'IMG') { const alt = collapse(n.getAttribute('alt')); if (alt) target.append(el('span', { class: 'img', text: '[' + t('image') + '\uff1a' + alt + ']' })); }
        else { if (BLOCKS.has(n.nodeName) || n.nodeName === 'UL' || n.nodeName === 'OL') target.append(' '); walkInline(n, target); }
      }
    }
  }

  function link(a) {
    return el('a', { href: a.href, text: accessibleName(a) || a.href });
  }

  function walk(node) {
    for (const n of node.childNodes) {
      if (n.nodeType === 3) { if (n.data.trim()) inline().append(n.data); continue; }
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
      else if (tag === 'A' && n.hasAttribute('href')) inline().append(link(n));
      else if (tag === 'IMG') { const alt = collapse(n.getAttribute('alt')); if (alt) inline().append(el('span', { class: 'img', text: '[' + t('image') + '\uff1a' + alt + ']' })); }
      else if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') { if ((n.type || '') !== 'hidden') field(n); }
      else if (tag === 'BUTTON') inline().append('[' + t('button') + '\uff1a' + accessibleName(n) + '] ');
      else if (tag === 'BR') inline().append(' ');
      else if (BLOCKS.has(tag)) { flush(); walk(n); flush(); }
      else walk(n);
    }
  }
  walk(root);
  flush();
  return out;
}
