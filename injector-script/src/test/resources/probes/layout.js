// Layout probe (a function expression; called with countOffscreen). Every visible text node's line boxes
// (Range.getClientRects) and every text-bearing form control's box, and which of them are
//  - clipped:   cut by an ancestor whose overflow is hidden/clip (a scroll container is reachable: not counted),
//  - spilled:   outside the ancestor box that paints its background (white nav labels falling out of a red bar);
//               which boxes paint a background is fixed at the first call on a page, so a colour scheme that
//               paints every box does not change the question,
//  - offscreen: outside the viewport horizontally (only asked on pages that do not scroll sideways at 100 %),
//  - overlap:   laid over another item's box.
// Counts are items (each once per kind).
(function (countOffscreen) {
  window.scrollTo(0, 0);
  const vw = document.documentElement.clientWidth;
  const clipCache = new Map();
  const FULL = { l: -1e9, t: -1e9, r: 1e9, b: 1e9 };
  const cut = (a, b) => ({ l: Math.max(a.l, b.l), t: Math.max(a.t, b.t), r: Math.min(a.r, b.r), b: Math.min(a.b, b.b) });
  const box = r => ({ l: r.left, t: r.top, r: r.right, b: r.bottom });
  function clipFor(el) {
    if (!el || el === document.documentElement || el === document.body) return FULL;
    if (clipCache.has(el)) return clipCache.get(el);
    const cs = getComputedStyle(el);
    let up = el.parentElement;
    if (cs.position === 'fixed') up = null;
    else if (cs.position === 'absolute') {
      while (up && up !== document.body && getComputedStyle(up).position === 'static') up = up.parentElement;
    }
    let c = clipFor(up);
    const ox = cs.overflowX, oy = cs.overflowY;
    const clipX = ox === 'hidden' || ox === 'clip', clipY = oy === 'hidden' || oy === 'clip';
    if (clipX || clipY) {
      const r = el.getBoundingClientRect();
      const bl = parseFloat(cs.borderLeftWidth) || 0, bt = parseFloat(cs.borderTopWidth) || 0;
      const inner = { l: r.left + bl, t: r.top + bt, r: r.left + bl + el.clientWidth, b: r.top + bt + el.clientHeight };
      c = cut(c, { l: clipX ? inner.l : -1e9, r: clipX ? inner.r : 1e9, t: clipY ? inner.t : -1e9, b: clipY ? inner.b : 1e9 });
    }
    clipCache.set(el, c);
    return c;
  }
  // Boxes that paint a background, decided once per page (at 100 %, before any scheme).
  const painted = window.__yyPainted || (window.__yyPainted = new Map());
  function paints(el) {
    if (painted.has(el)) return painted.get(el);
    const cs = getComputedStyle(el);
    const m = cs.backgroundColor.match(/[\d.]+/g);
    const v = cs.backgroundImage !== 'none' || (m && (m.length < 4 || +m[3] > 0.1));
    painted.set(el, v);
    return v;
  }
  function bgBox(el) {
    for (let e = el; e && e !== document.body && e !== document.documentElement; e = e.parentElement) {
      if (paints(e)) return e;
    }
    return null;
  }
  function name(el, text) {
    return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '')
      + ' "' + text.trim().slice(0, 16) + '"';
  }
  const items = []; // { el, text, rects }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode(n) {
      if (!n.data.trim()) return NodeFilter.FILTER_REJECT;
      const p = n.parentElement;
      // a marquee's text moves on purpose: where it is depends on the moment, not on the text size
      if (!p || p.closest('script, style, noscript, template, title, yiyue-a11y, option, select, textarea, marquee')) return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  // A floating layer (absolutely or fixed positioned, stacked above the page with a z-index: a 飘窗 ad, a pop-up)
  // covers the page on purpose and a timer may move it: what it overlaps depends on the moment, not on text size.
  const floating = new Map();
  function inFloatingLayer(el) {
    if (!el || el === document.body) return false;
    if (floating.has(el)) return floating.get(el);
    const cs = getComputedStyle(el);
    const v = ((cs.position === 'absolute' || cs.position === 'fixed') && cs.zIndex !== 'auto' && +cs.zIndex > 0)
      || inFloatingLayer(el.parentElement);
    floating.set(el, v);
    return v;
  }
  const range = document.createRange();
  const WIDE_SPACE = /[\u1680\u2000-\u200a\u205f\u3000]/, INK_RUN = /[^\u1680\u2000-\u200a\u205f\u3000]+/g;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const p = n.parentElement;
    if (!p.checkVisibility({ opacityProperty: true, visibilityProperty: true }) || inFloatingLayer(p)) continue;
    let rects;
    if (WIDE_SPACE.test(n.data)) {
      // An ideographic space (U+3000, common between 主办 and 网站标识码 in a footer) is not collapsible: at the end
      // of a line it hangs past the box, as CSS Text asks, and is blank. Only the runs between such spaces are
      // measured, so a blank hanging past the edge is not counted as text out of view.
      rects = [];
      for (const m of n.data.matchAll(INK_RUN)) {
        range.setStart(n, m.index);
        range.setEnd(n, m.index + m[0].length);
        rects.push(...range.getClientRects());
      }
    } else {
      range.selectNodeContents(n);
      rects = [...range.getClientRects()];
    }
    rects = rects.filter(r => r.width > 0.5 && r.height > 0.5);
    if (rects.length) items.push({ el: p, text: n.data, rects });
  }
  const FIELDS = 'input:not([type=hidden],[type=checkbox],[type=radio],[type=image],[type=range],[type=color],[type=file]), select, textarea';
  for (const f of document.querySelectorAll(FIELDS)) {
    if (f.closest('yiyue-a11y') || !f.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
    const text = f.value || f.placeholder || '';
    const r = f.getBoundingClientRect();
    if (text.trim() && r.width > 0.5 && r.height > 0.5) items.push({ el: f, text, rects: [r], control: true });
  }
  const bad = { clipped: new Set(), spilled: new Set(), offscreen: new Set(), overlap: new Set() };
  const frags = [];
  let texts = 0;
  items.forEach((it, i) => {
    const clip = clipFor(it.control ? it.el.parentElement : it.el);
    if (clip.r - clip.l <= 2 || clip.b - clip.t <= 2) { it.hidden = true; return; } // visually hidden on purpose
    texts++;
    const bg = bgBox(it.control ? it.el.parentElement : it.el);
    const bgr = bg ? box(bg.getBoundingClientRect()) : null;
    for (const r of it.rects) {
      const tolY = Math.max(2, 0.3 * r.height), tolX = Math.max(2, 0.4 * Math.min(r.height, 40));
      const outside = c => r.top < c.t - tolY || r.bottom > c.b + tolY || r.left < c.l - tolX || r.right > c.r + tolX;
      if (outside(clip)) bad.clipped.add(i);
      else if (bgr && outside(bgr)) bad.spilled.add(i);
      if (countOffscreen && (r.right > vw + 2 || r.left < -2)) bad.offscreen.add(i);
      const v = cut(box(r), clip);
      if (v.r - v.l > 1 && v.b - v.t > 1) frags.push({ i, l: v.l, t: v.t, r: v.r, b: v.b });
    }
  });
  frags.sort((a, b) => a.t - b.t);
  for (let x = 0; x < frags.length; x++) {
    const a = frags[x];
    for (let y = x + 1; y < frags.length && frags[y].t < a.b; y++) {
      const c = frags[y];
      if (c.i === a.i) continue;
      const w = Math.min(a.r, c.r) - Math.max(a.l, c.l);
      const h = Math.min(a.b, c.b) - Math.max(a.t, c.t);
      if (w > 3 && h > 0.35 * Math.min(a.b - a.t, c.b - c.t)) { bad.overlap.add(a.i); bad.overlap.add(c.i); }
    }
  }
  // The launcher (closed toolbar) over the page's text or controls.
  const host = document.querySelector('yiyue-a11y');
  const launcherEl = host && host.shadowRoot && host.shadowRoot.querySelector('.launcher');
  const under = new Set();
  const underNames = [];
  if (launcherEl && launcherEl.checkVisibility()) {
    const L = box(launcherEl.getBoundingClientRect());
    const meets = r => Math.min(r.r, L.r) - Math.max(r.l, L.l) > 1 && Math.min(r.b, L.b) - Math.max(r.t, L.t) > 1;
    items.forEach((it, i) => { if (!it.hidden && it.rects.some(r => meets(cut(box(r), clipFor(it.control ? it.el.parentElement : it.el))))) { under.add(i); underNames.push(name(it.el, it.text)); } });
    for (const c of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, [role=button]')) {
      if (c.closest('yiyue-a11y') || !c.checkVisibility({ visibilityProperty: true })) continue;
      if (meets(box(c.getBoundingClientRect())) && !underNames.includes(name(c, c.textContent || c.value || ''))) underNames.push('control ' + name(c, c.textContent || c.value || ''));
    }
  }
  const ex = s => [...s].slice(0, 5).map(i => name(items[i].el, items[i].text));
  return {
    texts,
    hscroll: document.documentElement.scrollWidth > document.documentElement.clientWidth + 1,
    clipped: bad.clipped.size, spilled: bad.spilled.size, offscreen: bad.offscreen.size, overlap: bad.overlap.size,
    launcher: underNames.length, underLauncher: underNames.slice(0, 5),
    examples: { clipped: ex(bad.clipped), spilled: ex(bad.spilled), offscreen: ex(bad.offscreen), overlap: ex(bad.overlap) },
  };
})
