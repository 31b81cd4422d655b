// The toolbar's own UI: one host element first in <body>, everything else inside its shadow root,
// styled by a constructable stylesheet (CSP-safe).
import { comboLabel, ariaKeys } from './shortcuts.js';
import { el } from './dom.js';

const CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
.ui { font: 16px/1.4 system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: #111; }
button { font: inherit; font-size: 15px; min-width: 44px; min-height: 44px; padding: 4px 10px; margin: 0;
  border: 2px solid #1d4f91; border-radius: 6px; background: #fff; color: #111; cursor: pointer; line-height: 1.2; }
button:hover { background: #e8f0fb; }
button[aria-pressed="true"] { background: #1d4f91; color: #fff; }
button[aria-disabled="true"] { border-style: dashed; color: #555; }
button:focus-visible { outline: 3px solid #000; outline-offset: 2px; box-shadow: 0 0 0 7px #fff; }
.val { font-weight: bold; margin-left: 4px; }
.launcher { position: fixed; z-index: 2147483647; top: 8px; right: 8px; background: #0b4a8b; color: #fff;
  border: 2px solid #fff; box-shadow: 0 0 0 2px #0b4a8b; font-weight: bold; font-size: 15px; }
.launcher:hover { background: #08386a; }
.launcher:focus-visible { outline: 3px solid #000; outline-offset: 3px; box-shadow: 0 0 0 2px #0b4a8b, 0 0 0 8px #fff; }
.pos-top-left .launcher { left: 8px; right: auto; }
.pos-bottom-right .launcher { top: auto; bottom: 8px; }
.pos-bottom-left .launcher { top: auto; bottom: 8px; left: 8px; right: auto; }
.bar { position: fixed; top: 0; left: 0; right: 0; z-index: 2147483646; background: #fff; color: #111;
  border-bottom: 3px solid #1d4f91; padding: 6px 8px; display: flex; flex-wrap: wrap; gap: 6px 14px;
  max-height: 60vh; overflow: auto; }
.pos-top-right .bar { padding-right: var(--launcher-space, 140px); }
.pos-top-left .bar { padding-left: var(--launcher-space, 140px); }
.group { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; }
.gl { font-size: 13px; font-weight: bold; color: #1d4f91; margin-right: 2px; }
.elder button { min-width: 60px; min-height: 60px; font-size: 20px; }
.elder .launcher { font-size: 20px; }
.panel { position: fixed; z-index: 2147483646; background: #fff; color: #111; border: 3px solid #1d4f91; padding: 12px 16px; }
.help { top: calc(var(--bar-h, 0px) + 8px); right: 8px; width: min(720px, 96vw); max-height: calc(96vh - var(--bar-h, 0px)); overflow: auto; }
.help table { border-collapse: collapse; width: 100%; font-size: 15px; }
.help th, .help td { border: 1px solid #666; padding: 4px 6px; text-align: left; vertical-align: top; }
.help h2, .reader h2 { margin: 0 0 8px; font-size: 22px; }
.phead { display: flex; justify-content: space-between; align-items: center; gap: 8px; }
.reader { inset: 0; top: var(--bar-h, 0px); z-index: 2147483645; overflow: auto; border: 0; padding: 16px max(16px, calc(50vw - 420px));
  font-size: 20px; line-height: 1.8; }
.reader a { color: #0000ee; text-decoration: underline; }
.reader a:focus-visible { outline: 3px solid #000; outline-offset: 2px; }
.reader .field { border-left: 4px solid #1d4f91; padding-left: 8px; }
.reader .img { font-style: italic; }
.reader h2:focus { outline: 3px solid #000; }
.caption { left: 0; right: 0; bottom: 0; border: 0; border-top: 4px solid #ffd400; background: #000; color: #fff;
  padding: 8px 80px 8px 16px; min-height: 96px; font-size: 48px; line-height: 1.6; }
.elder .caption { font-size: 64px; }
.caption.at-top { bottom: auto; top: var(--bar-h, 0px); }
.caption .x { position: absolute; top: 8px; right: 8px; background: #fff; color: #000; }
.caption rt { font-size: 0.45em; color: #ffd400; }
.ctext { max-height: 40vh; overflow: auto; }
.overlay { position: fixed; pointer-events: none; }
.gray { inset: 0; z-index: 2147483600; backdrop-filter: grayscale(1); -webkit-backdrop-filter: grayscale(1); }
.cross-h { left: 0; right: 0; top: 0; height: 0; border-top: 2px solid #000; box-shadow: 0 0 0 1.5px #fff; z-index: 2147483640; }
.cross-v { top: 0; bottom: 0; left: 0; width: 0; border-left: 2px solid #000; box-shadow: 0 0 0 1.5px #fff; z-index: 2147483640; }
.guide-line { left: 0; right: 0; top: 0; height: 48px; border-top: 3px solid #000; border-bottom: 3px solid #000;
  box-shadow: 0 0 0 2px #fff, inset 0 0 0 2px #fff; z-index: 2147483640; }
.mask { left: 0; right: 0; background: rgba(0, 0, 0, 0.6); z-index: 2147483640; }
.mask-top { top: 0; height: 0; }
.mask-bottom { bottom: 0; top: 100vh; }
.note { position: fixed; z-index: 2147483647; left: 50%; transform: translateX(-50%); top: calc(var(--bar-h, 0px) + 8px);
  max-width: min(640px, 94vw); background: #ffffe0; color: #000; border: 3px solid #1d4f91; padding: 10px 16px; font-size: 18px; }
.elder .note { font-size: 22px; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.tabs { display: none; }
.compact .launcher .long { display: none; }
@media (max-width: 600px), (pointer: coarse) {
  .bar { gap: 6px; padding-right: 8px !important; padding-left: 8px !important; padding-top: calc(var(--launcher-h, 48px) + 16px); }
  .group { width: 100%; }
  .gl { width: 100%; }
  .caption { font-size: 36px; min-height: 72px; }
}
/* Phones: the groups are tabs, one group's controls at a time, so every control is on screen without a hidden
   scrolling area (a capped panel that scrolled inside hid 语音, 查看 and 辅助阅读). */
@media (max-width: 600px) {
  .bar { max-height: 100vh; }
  .tabs { display: flex; flex-wrap: wrap; gap: 4px; width: 100%; }
  .tabs button { flex: 1 1 30%; padding: 4px; }
  .tabs button[aria-selected="true"] { background: #1d4f91; color: #fff; }
  .group:not(.current) { display: none; }
  .group .gl { display: none; }
  .elder .caption { font-size: 44px; }
}
`;

export function createUi(app) {
  const host = document.createElement('yiyue-a11y');
  const shadow = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  shadow.adoptedStyleSheets = [sheet];
  const t = app.t;

  const wrap = el('div', { class: 'ui pos-' + app.cfg.position, role: 'region' });
  const launcher = el('button', { class: 'launcher', type: 'button', 'aria-expanded': 'false', 'aria-controls': 'yiyue-bar' });
  const bar = el('div', { id: 'yiyue-bar', class: 'bar', role: 'toolbar', hidden: true });
  wrap.append(launcher, bar);
  shadow.append(wrap);

  const buttons = new Map();
  const groupLabels = new Map();
  const tabs = new Map(); // group id -> its tab (shown on phones only)
  const groupEls = new Map();
  let roving = null;
  const tablist = el('div', { class: 'tabs', role: 'tablist' });
  bar.append(tablist);
  function showGroup(id) {
    for (const [gid, g] of groupEls) g.classList.toggle('current', gid === id);
    for (const [gid, tb] of tabs) tb.setAttribute('aria-selected', String(gid === id));
  }

  for (const group of app.groups) {
    const label = el('span', { class: 'gl', id: 'gl-' + group.id });
    groupLabels.set(group.id, label);
    const g = el('div', { class: 'group', id: 'grp-' + group.id, role: 'group', 'aria-labelledby': 'gl-' + group.id }, [label]);
    groupEls.set(group.id, g);
    const tab = el('button', { type: 'button', role: 'tab', 'aria-controls': 'grp-' + group.id, 'data-tab': group.id,
      onclick: () => showGroup(group.id) });
    tabs.set(group.id, tab);
    tablist.append(tab);
    for (const c of group.controls) {
      const b = el('button', { type: 'button', tabindex: '-1', 'data-id': c.id });
      b.addEventListener('click', () => app.run(c.id));
      buttons.set(c.id, { b, c, group: group.id });
      g.append(b);
    }
    bar.append(g);
  }
  roving = buttons.values().next().value.b;
  roving.tabIndex = 0;
  showGroup(app.groups[0].id);

  launcher.addEventListener('click', () => app.run('toggle'));

  // Arrow keys move inside the toolbar only (APG toolbar pattern, roving tabindex).
  bar.addEventListener('keydown', e => {
    const list = [...buttons.values()].map(x => x.b).filter(x => x.offsetParent !== null); // on phones: this tab's
    const i = list.indexOf(shadow.activeElement);
    if (i < 0) return;
    let j = -1;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') j = (i + 1) % list.length;
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') j = (i - 1 + list.length) % list.length;
    else if (e.key === 'Home') j = 0;
    else if (e.key === 'End') j = list.length - 1;
    if (j < 0) return;
    e.preventDefault();
    focusButton(list[j]);
  });
  bar.addEventListener('focusin', e => {
    const b = e.target.closest && e.target.closest('button');
    if (b && b !== roving) { roving.tabIndex = -1; roving = b; roving.tabIndex = 0; }
  });

  function focusButton(b) {
    roving.tabIndex = -1;
    roving = b;
    b.tabIndex = 0;
    b.focus();
  }

  shadow.addEventListener('keydown', e => {
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault();
      app.escape(e);
    }
  });

  // Writes only what changed: a setting's click rewrites one or two buttons, not the whole toolbar (each rewrite
  // would restyle the toolbar's tree and cost script time on every setting).
  const shown = new WeakMap();
  function attr(e, name, v) {
    if (v === null) { if (e.hasAttribute(name)) e.removeAttribute(name); } else if (e.getAttribute(name) !== v) e.setAttribute(name, v);
  }
  function setText(e, key, fill) {
    if (shown.get(e) === key) return;
    shown.set(e, key);
    e.textContent = '';
    fill();
  }
  function refresh() {
    const s = app.state;
    attr(wrap, 'aria-label', t('region'));
    if (wrap.classList.contains('elder') !== s.elder) wrap.classList.toggle('elder', s.elder);
    const lang = s.lang === 'en' ? 'en' : 'zh-CN';
    if (wrap.lang !== lang) wrap.lang = lang;
    // the launcher's label; its second word is dropped when it must shrink to stay off the page's text
    const words = t('launcher').split(' ');
    setText(launcher, words.join(' '), () => {
      launcher.append(words[0]);
      if (words.length > 1) launcher.append(el('span', { class: 'long', text: ' ' + words.slice(1).join(' ') }));
    });
    attr(launcher, 'aria-label', t('launcher'));
    attr(launcher, 'aria-expanded', String(s.open));
    if (s.open && (launcher.style.top || launcher.style.bottom || launcher.style.left || launcher.style.right || wrap.classList.contains('compact'))) {
      launcher.style.top = launcher.style.bottom = launcher.style.left = launcher.style.right = ''; wrap.classList.remove('compact'); // its own slot in the bar
    }
    const tk = app.shortcuts.toggle;
    attr(launcher, 'aria-keyshortcuts', tk ? ariaKeys(tk) : null);
    attr(bar, 'aria-label', t('toolbar'));
    if (bar.hidden !== !s.open) bar.hidden = !s.open;
    for (const [id, label] of groupLabels) setText(label, t('g_' + id), () => { label.textContent = t('g_' + id); });
    for (const [id, tab] of tabs) setText(tab, t('g_' + id), () => { tab.textContent = t('g_' + id); });
    for (const { b, c } of buttons.values()) {
      const value = c.value ? c.value(app) : '';
      const label = t(c.id);
      setText(b, label + '\u0000' + value, () => {
        b.textContent = label;
        if (value) b.append(el('span', { class: 'val', text: value }));
      });
      if (c.pressed) attr(b, 'aria-pressed', String(!!c.pressed(app)));
      if (c.expanded) attr(b, 'aria-expanded', String(!!c.expanded(app)));
      attr(b, 'aria-disabled', c.disabled && c.disabled(app) ? 'true' : null);
      const k = app.shortcuts[c.id];
      attr(b, 'aria-keyshortcuts', k ? ariaKeys(k) : null);
      attr(b, 'title', k ? comboLabel(k) : null);
    }
  }

  function measure() {
    const h = bar.hidden ? 0 : Math.ceil(bar.getBoundingClientRect().height);
    wrap.style.setProperty('--bar-h', h + 'px');
    const lr = launcher.getBoundingClientRect();
    wrap.style.setProperty('--launcher-space', Math.ceil(lr.width) + 24 + 'px');
    wrap.style.setProperty('--launcher-h', Math.ceil(lr.height) + 'px');
    return h;
  }

  // A status line for what an action changed (适老模式): a live region, visible for a while, replaced by the next.
  const note = el('div', { class: 'note', role: 'status', hidden: true });
  wrap.append(note);
  let noteTimer = 0;
  function notify(text) {
    note.textContent = text;
    note.hidden = false;
    clearTimeout(noteTimer);
    noteTimer = setTimeout(() => { note.hidden = true; note.textContent = ''; }, 8000);
  }

  return {
    host, shadow, wrap, launcher, bar, buttons, refresh, measure, notify, note,
    button: id => (buttons.get(id) || {}).b,
    focusFirst() { focusButton(roving); },
    focusControl(id) { const x = buttons.get(id); if (x) { showGroup(x.group); focusButton(x.b); } },
    layer(cls, attrs, children) { const e = el('div', Object.assign({ class: cls }, attrs || {}), children); wrap.append(e); return e; },
  };
}

// What the launcher would cover at a spot: the page's controls, or its text (sampled with elementsFromPoint on a
// grid over the spot, so only the elements there are looked at, whatever the page's size).
const CONTROLS = 'a[href], button, input, select, textarea, summary, [role=button], [role=link], [tabindex]:not([tabindex^="-"])';
function covers(x, y, w, h) {
  const range = document.createRange();
  const seen = new Set();
  const vh = innerHeight;
  const nx = Math.ceil(w / 10), ny = Math.ceil(h / 10); // a point every 10 px: no line of text slips between them
  for (let i = 0; i <= nx; i++) for (let j = 0; j <= ny; j++) {
    const px = Math.min(innerWidth - 1, x + (w * i) / nx), py = Math.min(innerHeight - 1, y + (h * j) / ny);
    for (const e of document.elementsFromPoint(px, py)) {
      if (seen.has(e) || e.nodeName === 'YIYUE-A11Y' || e === document.documentElement || e === document.body) continue;
      seen.add(e);
      const hit = r => r.width > 0 && r.height > 0 && r.right > x - 2 && r.left < x + w + 2 && r.bottom > y - 2 && r.top < y + h + 2;
      if (e.matches(CONTROLS)) {
        const r = e.getBoundingClientRect();
        if (r.height < vh / 2 && hit(r)) return true; // a focusable container is not a control
      }
      // its own text, and its descendants' when it is a small box (a header's link list), not a page-wide one
      const er = e.getBoundingClientRect();
      const small = er.width * er.height < 20 * w * h;
      // (a page-wide box's own text nodes are its children: its subtree is not walked)
      const walker = small ? document.createTreeWalker(e, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT) : null;
      for (let n = small ? walker.nextNode() : e.firstChild; n; n = small ? walker.nextNode() : n.nextSibling) {
        if (n.nodeType === 1) { if (small && n.matches(CONTROLS) && hit(n.getBoundingClientRect())) return true; continue; }
        if (n.nodeType !== 3 || !n.data.trim()) continue;
        range.selectNodeContents(n);
        for (const r of range.getClientRects()) if (hit(r)) return true;
      }
    }
  }
  return false;
}

// The launcher goes to the first spot down (or up) its corner's column that covers none of the page's text or
// controls; failing that it drops its second word and tries both corners' columns again.
export function placeLauncher(launcher, position) {
  if (!launcher.isConnected) return;
  const wrap = launcher.parentElement;
  const vh = window.innerHeight;
  const vw = document.documentElement.clientWidth;
  const top = position.startsWith('top');
  const sides = position.endsWith('left') ? ['left', 'right'] : ['right', 'left'];
  for (const compact of [false, true]) {
    wrap.classList.toggle('compact', compact);
    const r0 = launcher.getBoundingClientRect();
    const w = r0.width, h = r0.height;
    for (const side of compact ? sides : sides.slice(0, 1)) {
      const x = side === 'left' ? 8 : vw - 8 - w;
      for (let k = 0; k < 24; k++) {
        const off = 8 + k * (h / 2 + 4);
        const y = top ? off : vh - off - h;
        if (y < 0 || y + h > vh) break;
        if (!covers(x, y, w, h)) {
          launcher.style.left = side === 'left' ? '8px' : 'auto';
          launcher.style.right = side === 'left' ? 'auto' : '8px';
          if (top) { launcher.style.top = off + 'px'; launcher.style.bottom = 'auto'; }
          else { launcher.style.bottom = off + 'px'; launcher.style.top = 'auto'; }
          return;
        }
      }
    }
  }
  wrap.classList.remove('compact'); // nowhere free: stay in the corner, full size
}
