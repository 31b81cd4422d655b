// A small accessible-name and role-prefix reader for 指读 (point to read). It reads, never repairs.

const TEXT_SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg']);

export function collapse(s) { return (s || '').replace(/\s+/g, ' ').trim(); }

export function textOf(el, depth) {
  if (!el) return '';
  depth = depth || 0;
  if (depth > 30) return '';
  let out = '';
  for (const n of el.childNodes) {
    if (n.nodeType === 3) out += n.data;
    else if (n.nodeType === 1) {
      if (TEXT_SKIP.has(n.nodeName) || n.getAttribute('aria-hidden') === 'true' || n.hidden) continue;
      if (n.nodeName === 'IMG') out += ' ' + (n.getAttribute('alt') || '') + ' ';
      else if (n.nodeName === 'BR') out += ' ';
      else out += textOf(n, depth + 1);
    }
  }
  return out;
}

function byIds(el, attr) {
  const ids = (el.getAttribute(attr) || '').split(/\s+/).filter(Boolean);
  return collapse(ids.map(id => { const t = el.ownerDocument.getElementById(id); return t ? textOf(t) : ''; }).join(' '));
}

export function accessibleName(el) {
  if (el.hasAttribute('aria-labelledby')) { const n = byIds(el, 'aria-labelledby'); if (n) return n; }
  const label = collapse(el.getAttribute('aria-label'));
  if (label) return label;
  const tag = el.nodeName;
  if (tag === 'IMG' || tag === 'AREA') return collapse(el.getAttribute('alt') || el.getAttribute('title'));
  if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') {
    const type = (el.getAttribute('type') || '').toLowerCase();
    if (tag === 'INPUT' && ['submit', 'button', 'reset'].includes(type)) return collapse(el.value) || { submit: '提交', reset: '重置' }[type] || '';
    if (tag === 'INPUT' && type === 'image') return collapse(el.getAttribute('alt') || el.value);
    const labels = el.labels ? [...el.labels].map(l => collapse(textOf(l))).filter(Boolean) : [];
    if (labels.length) return labels.join(' ');
    return collapse(el.getAttribute('title') || el.getAttribute('placeholder'));
  }
  const text = collapse(textOf(el));
  return text || collapse(el.getAttribute('title'));
}

const INTERACTIVE = 'a[href], button, [role=button], [role=link], [role=checkbox], [role=radio], input, select, textarea, ' +
  'img, [role=img], h1, h2, h3, h4, h5, h6, [role=heading], area';
const BLOCK = 'p, li, td, th, dd, dt, caption, figcaption, blockquote, pre, label, legend, summary, div, span, section, article';

export function roleKey(el) {
  const role = (el.getAttribute('role') || '').toLowerCase();
  const tag = el.nodeName;
  if (role === 'link' || (tag === 'A' && el.hasAttribute('href')) || tag === 'AREA') return 'link';
  if (role === 'button' || tag === 'BUTTON') return 'button';
  if (role === 'heading' || /^H[1-6]$/.test(tag)) return 'heading';
  if (role === 'img' || tag === 'IMG') return 'image';
  if (role === 'checkbox') return 'checkbox';
  if (role === 'radio') return 'radio';
  if (tag === 'SELECT') return 'select';
  if (tag === 'TEXTAREA') return 'input';
  if (tag === 'INPUT') {
    const type = (el.getAttribute('type') || 'text').toLowerCase();
    if (['submit', 'button', 'reset', 'image'].includes(type)) return 'button';
    if (type === 'checkbox') return 'checkbox';
    if (type === 'radio') return 'radio';
    if (type === 'hidden') return '';
    return 'input';
  }
  return '';
}

// What 指读 says for the element under the pointer: "链接：…", "按钮：…", "标题：…", "图片：alt", "输入框：label".
export function describe(target, t) {
  if (!target || target.nodeType !== 1) return '';
  const el = target.closest(INTERACTIVE);
  if (el) {
    const key = roleKey(el);
    let name = accessibleName(el);
    if (key === 'input' && el.value) name += '，' + t('value') + ' ' + el.value;
    if ((key === 'checkbox' || key === 'radio') && el.checked) name += '，' + t('checked');
    if (key === 'image' && !name) return '';
    return key ? t(key) + '\uff1a' + (name || t('empty')) : name;
  }
  const block = target.closest(BLOCK);
  if (!block) return '';
  return collapse(textOf(block)).slice(0, 300);
}
