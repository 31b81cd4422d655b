// Reflow-safe enlargement (WCAG 1.4.4). After a text size or spacing change, boxes whose content now overflows them
// more than it did at 100 % (a fixed-height bar whose labels wrap, a nowrap headline cut by an ellipsis) are relaxed,
// exactly those: height grows (min-height keeps the page's own height), wrapping is allowed, ellipsis and line clamps
// are off, and a box that still clips after that lets its content show. The rules live in one adopted stylesheet
// keyed on a data-yiyue-fit attribute; both go when the setting goes. Each pass reads first (all layout reads), then
// writes; a pass that relaxed something schedules one more (a parent may now be the one that is too small).
//
// Only candidate boxes are measured, not every element: a box can only come to clip or spill larger text when
// something holds its size or its lines — a height or max-height, overflow other than visible, nowrap, an ellipsis
// or line clamp, a float or an absolutely positioned box inside it, a flex row, a table in it. Those are found from
// the page's own style rules, style attributes and the old table attributes (height, nowrap), with one
// querySelectorAll; measuring a few dozen or hundred boxes instead of thousands is what keeps a pass within a few
// milliseconds. A page with a style sheet that cannot be read (cross-origin without CORS) is measured box by box,
// as all of its constraints cannot be known.
import { splitSelectors } from './textscale.js';

const ATTR = 'data-yiyue-fit';
const HOST = 'YIYUE-A11Y';
const MAX_PASSES = 4;
// A marquee scrolls its one line on purpose; scripts and styles hold no text; the toolbar's host is ours.
const SKIP = new Set([HOST, 'SCRIPT', 'STYLE', 'MARQUEE', 'HTML', 'BODY', 'HEAD']);
// Mutations are gathered for this long before a pass looks at them (a ticker or a carousel rewrites often).
const MUTATION_DELAY = 120;

// What a declaration block holds the box to. SELF: the box itself may come to clip or spill; PARENT: its parent
// may (a float or an absolute box is not contained by it); DEEP: nowrap, inherited by everything inside.
const SELF = 1, PARENT = 2, DEEP = 4;
function constraint(st) {
  let k = 0;
  const v = p => st.getPropertyValue(p).trim().toLowerCase();
  const h = v('height');
  if (h && h !== 'auto' && !h.startsWith('fit') && !h.startsWith('min-content') && !h.startsWith('max-content')) k |= SELF;
  const mh = v('max-height');
  if (mh && mh !== 'none') k |= SELF;
  for (const p of ['overflow-x', 'overflow-y', 'overflow']) { const o = v(p); if (o && o !== 'visible') k |= SELF; }
  const to = v('text-overflow');
  if (to && to !== 'clip') k |= SELF;
  const lc = v('-webkit-line-clamp');
  if (lc && lc !== 'none') k |= SELF;
  for (const p of ['grid-template-rows', 'grid-auto-rows', 'aspect-ratio']) { const g = v(p); if (g && g !== 'none' && g !== 'auto') k |= SELF; }
  const d = v('display');
  if (d.includes('flex') || d.includes('grid') || d === '-webkit-box') k |= SELF;
  const ws = v('white-space'), tw = v('text-wrap-mode') || v('text-wrap');
  if (/^(nowrap|pre)$/.test(ws) || tw === 'nowrap') k |= SELF | PARENT | DEEP;
  // a fixed width holds a long word, a number, an image or a nowrap child on the line: it overflows sideways
  const w = v('width'), mw = v('max-width');
  if ((w && w !== 'auto' && !/content/.test(w)) || (mw && mw !== 'none')) k |= SELF;
  const f = v('float');
  if (f && f !== 'none') k |= PARENT;
  const pos = v('position');
  if (pos === 'absolute') k |= SELF | PARENT;
  return k;
}

// Selector text without pseudo-elements (the box that generates ::before answers for it); null if unusable.
function usable(sel, root) {
  const s = sel.replace(/::?(before|after|first-line|first-letter|marker|placeholder|selection|backdrop|-webkit-[\w-]+|-moz-[\w-]+)(\([^)]*\))?/gi, '').trim();
  if (!s || /^(html|:root|body)$/i.test(s)) return null;
  try { root.matches(s); return s; } catch (e) { return null; }
}

// The selectors of the page's rules that constrain a box, by kind; unreadable: some sheet could not be read.
function ruleSelectors(doc, copies) {
  const out = { self: new Set(), parent: new Set(), deep: new Set(), unreadable: false };
  const root = doc.documentElement;
  function rules(list, depth) {
    if (depth > 8) return;
    for (const rule of list) {
      try {
        if (rule.selectorText !== undefined && rule.style) {
          const k = constraint(rule.style);
          if (!k) continue;
          for (const sel of splitSelectors(rule.selectorText)) {
            const s = usable(sel, root);
            if (!s) continue;
            if (k & SELF) out.self.add(s);
            if (k & PARENT) out.parent.add(s);
            if (k & DEEP) out.deep.add(s);
          }
        } else if (rule.styleSheet) sheet(rule.styleSheet, depth + 1);
        else if (rule.cssRules) rules(rule.cssRules, depth + 1); // @media, @supports, @layer: every branch (a superset)
      } catch (e) { /* one odd rule never stops the scan */ }
    }
  }
  function sheet(s, depth) {
    if (s.disabled) return;
    let list;
    try { list = s.cssRules; } catch (e) { list = null; }
    if (!list && s.href) { const copy = copies && copies.get(s.href); if (copy) list = copy.cssRules; }
    if (!list) { out.unreadable = true; return; }
    rules(list, depth);
  }
  for (const s of doc.styleSheets) sheet(s, 0);
  return out;
}

// Style attributes and old presentational attributes that hold a size or the lines.
const INLINE = ['height', 'width', 'overflow', 'white-space', 'nowrap', 'text-overflow', 'clamp', 'float', 'absolute', 'flex', 'grid', 'text-wrap']
  .map(w => `body [style*="${w}" i]`).join(', ');
const ATTRS_SELF = 'body :is(table, tr, td, th)[height], body :is(table, td, th)[width], body :is(td, th)[nowrap]';

function overflowOf(el) {
  if (!el.firstChild) return null;
  const ch = el.clientHeight;
  // inline boxes: their block container answers for them; 1 px boxes hide text from the eye on purpose (sr-only)
  if (ch <= 2 || el.clientWidth <= 2) return null;
  const y = el.scrollHeight - ch, x = el.scrollWidth - el.clientWidth;
  return y > 1 || x > 1 ? [x, y] : null;
}

export function createReflow(doc, copies) {
  const win = doc.defaultView;
  let base = null; // element -> [x, y] overflow at 100 %
  let sheet = null;
  const fits = new Map(); // element -> { id, r }
  let nextId = 1, passes = 0, frame = 0, timer = 0, firstChange = 0, active = false, observer = null;
  let selectors = null, selectorKey = '', found = null;

  // The boxes to measure: one querySelectorAll over the constraining selectors. The rule scan is kept while the
  // page's style sheets stay the same, the boxes found while the page's elements, classes and styles do (see watch).
  function candidates() {
    if (observer) changed(observer.takeRecords());
    const key = doc.styleSheets.length + ':' + (copies ? copies.size : 0);
    if (found && key === selectorKey) return found;
    found = find(key);
    return found;
  }

  function find(key) {
    if (!selectors || key !== selectorKey) {
      selectorKey = key;
      const s = ruleSelectors(doc, copies);
      const list = x => [...x].join(', ');
      selectors = { unreadable: s.unreadable, self: [list(s.self), ATTRS_SELF].filter(Boolean).join(', '),
        parent: list(s.parent), deep: list(s.deep) };
    }
    if (selectors.unreadable) return [...doc.querySelectorAll('body *')];
    const out = new Set(doc.querySelectorAll(selectors.self));
    const up = el => { const p = el.parentElement; if (p && p !== doc.body) out.add(p); };
    const deep = el => { up(el); out.add(el); for (const d of el.getElementsByTagName('*')) out.add(d); };
    if (selectors.parent) for (const el of doc.querySelectorAll(selectors.parent)) up(el);
    if (selectors.deep) for (const el of doc.querySelectorAll(selectors.deep)) deep(el);
    // style attributes are matched by their text: keep what really constrains
    for (const el of doc.querySelectorAll(INLINE)) {
      const k = constraint(el.style);
      if (k & SELF) out.add(el);
      if (k & PARENT) up(el);
      if (k & DEEP) deep(el);
    }
    // a table with a nowrap cell never shrinks below that line: its container may come to overflow
    for (const c of doc.querySelectorAll('body :is(td, th)[nowrap]')) { const t = c.closest('table'); if (t) { out.add(t); up(t); } }
    return [...out];
  }

  // Every candidate box's overflow [x, y] (only those that overflow): layout reads only.
  function scan() {
    const out = new Map();
    const vw = doc.documentElement.clientWidth;
    for (const el of candidates()) {
      if (SKIP.has(el.tagName)) continue;
      const o = overflowOf(el);
      if (o) out.set(el, o);
    }
    out.vw = vw;
    out.sideways = doc.documentElement.scrollWidth > vw + 1;
    return out;
  }

  // The outermost boxes wider than the viewport that nothing clips: what makes the page scroll sideways. Read only
  // when the page has just come to scroll sideways (rare), so every box is looked at.
  function wideBoxes(vw) {
    const wide = [];
    const walk = el => {
      for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
        if (SKIP.has(c.tagName)) continue;
        if (c.firstChild && c.clientWidth > vw + 1) { wide.push(c); continue; }
        const cs = win.getComputedStyle(c);
        if (cs.display === 'none' || cs.position === 'fixed' || cs.overflowX !== 'visible') continue; // nothing inside reaches the page's width
        walk(c);
      }
    };
    walk(doc.body);
    return wide;
  }

  function ensureSheet() {
    if (sheet) return;
    sheet = new win.CSSStyleSheet();
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  }

  function ruleFor(id, r) {
    const s = `[${ATTR}="${id}"]`;
    let css = '';
    if (r.y) css += `${s} { height: auto !important; min-height: ${r.h}px !important; max-height: none !important; -webkit-line-clamp: none !important; }\n`;
    if (r.y && r.flowRoot) css += `${s} { display: flow-root !important; }\n`;
    if (r.x && r.w) css += `${s} { width: auto !important; min-width: ${r.w}px !important; max-width: none !important; }\n`;
    else if (r.x) css += `${s}, ${s} :not(pre, code, textarea, marquee, marquee *) { white-space: normal !important; text-overflow: clip !important; overflow-wrap: anywhere !important; }\n`;
    if (r.open) css += `${s} { overflow: visible !important; }\n`;
    if (r.grow) css += `${s} { min-height: ${r.grow}px !important; }\n`;
    if (r.fitWidth) css += `${s} { max-width: 100% !important; min-width: 0 !important; }\n`;
    return css;
  }

  // One pass: read the candidates' overflow (one layout), decide, then write attributes and rules.
  function pass() {
    frame = 0;
    if (!active || !doc.body) return;
    const now = scan();
    const todo = [];
    for (const [el, [x, y]] of now) {
      const b = (base && base.get(el)) || [0, 0];
      const grewX = x > b[0] + 2, grewY = y > b[1] + 2;
      if (!grewX && !grewY) continue;
      const cs = win.getComputedStyle(el);
      if (/(auto|scroll)/.test(cs.overflowY + cs.overflowX)) continue; // the user can scroll to it
      if (cs.position === 'fixed') continue;
      const had = fits.get(el);
      const clips = cs.overflowX !== 'visible' || cs.overflowY !== 'visible';
      todo.push({ el, had, cs, r: Object.assign({}, had ? had.r : {}, {
        y: grewY || (had && had.r.y), x: grewX || (had && had.r.x),
        h: had ? had.r.h : Math.round(parseFloat(cs.height) || 0),
        flowRoot: cs.display === 'block' && !clips,
        // a float or inline-block sizes to its content once its fixed width goes: labels stay on one line
        w: had ? had.r.w : (grewX && (cs.float !== 'none' || cs.display === 'inline-block' || cs.position === 'absolute') ? Math.round(parseFloat(cs.width) || 0) : 0),
        open: had ? clips : false, // fixed once and still clipping: let it show
      }) });
    }
    // An absolutely positioned box (a label column with height: 100 %) cannot push its container: the container
    // grows by what the box lacks, and the box follows it.
    const grow = [];
    for (let i = todo.length - 1; i >= 0; i--) {
      const { el, r, cs } = todo[i];
      if (cs.position !== 'absolute' || !r.y || r.x) continue;
      const cb = el.offsetParent;
      if (!cb || Math.abs(cb.clientHeight - el.offsetHeight) > 2) continue; // a small absolute box (a close ×) grows itself
      todo.splice(i, 1);
      if (cb === doc.body || SKIP.has(cb.tagName)) continue;
      const lack = el.scrollHeight - el.clientHeight;
      const had = fits.get(cb);
      const h = parseFloat(win.getComputedStyle(cb).height) || 0;
      grow.push({ el: cb, had, r: Object.assign({}, had ? had.r : {}, { grow: Math.ceil(h + lack) }) });
    }
    todo.push(...grow);
    // A page that did not scroll sideways at 100 % (its widths in em grew with the text): the outermost boxes that
    // are now wider than the viewport are held to its width, and their content wraps inside.
    if (now.sideways && base && !base.sideways) {
      for (const el of wideBoxes(now.vw)) {
        const had = fits.get(el);
        todo.push({ el, had, r: Object.assign({}, had ? had.r : {}, { fitWidth: true }) });
      }
    }
    if (!todo.length) return;
    // writes only from here on
    ensureSheet();
    let css = '';
    for (const { el, r } of todo) {
      const had = fits.get(el);
      if (had) { Object.assign(had.r, r); continue; }
      const id = nextId++;
      fits.set(el, { id, r });
      el.setAttribute(ATTR, String(id));
    }
    for (const [, f] of fits) css += ruleFor(f.id, f.r);
    sheet.replaceSync(css);
    if (++passes < MAX_PASSES) schedule();
    if (api.onRelax) api.onRelax(); // the page moved: whoever placed something by it looks again
  }

  function schedule() {
    if (!frame) frame = win.requestAnimationFrame(pass);
  }

  // One observer, set up at first use and kept: any change of the page's elements, text, classes or styles (outside
  // the toolbar) drops the candidate list; while the setting is on it also schedules a pass, once the changes have
  // paused for MUTATION_DELAY (at the latest a second after the first), so a ticker costs one pass, not one per tick.
  function changed(records) {
    for (const r of records) {
      const t = r.target;
      if (t.nodeName === HOST || (t.closest && t.closest(HOST.toLowerCase())) || (t.parentNode && t.parentNode.nodeName === HOST)) continue;
      if (r.type === 'attributes' && r.attributeName === ATTR) continue;
      found = null;
      if (!active) return;
      const now = win.performance.now();
      if (!timer) firstChange = now;
      else if (now - firstChange > 1000) return; // due soon anyway
      else win.clearTimeout(timer);
      timer = win.setTimeout(() => { timer = 0; if (active) { passes = 0; schedule(); } }, MUTATION_DELAY);
      return;
    }
  }
  function watch() {
    if (observer || !win.MutationObserver || !doc.documentElement) return;
    observer = new win.MutationObserver(changed);
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true, attributes: true,
      attributeFilter: ['class', 'style', 'id', 'height', 'nowrap', 'hidden', 'open'] });
  }
  function observe() {
    watch();
    win.removeEventListener('resize', onResize);
    win.addEventListener('resize', onResize);
  }
  function onResize() { if (active) { passes = 0; schedule(); } }

  const api = {
    onRelax: null,
    // Before the page's text grows: what already overflows at 100 % is the page's own design, not ours to change.
    // Layout is usually clean here (a click), so these reads are cheap.
    baseline() { if (doc.body) { watch(); base = scan(); } },
    // Called after a text size or spacing change took effect (attributes written).
    start(hadBaseline) {
      if (doc.readyState === 'loading') {
        active = true;
        doc.addEventListener('DOMContentLoaded', () => { if (active) this.start(false); }, { once: true });
        return;
      }
      if (doc.readyState !== 'complete') win.addEventListener('load', onResize, { once: true });
      active = true;
      passes = 0;
      if (!hadBaseline && !base) {
        // Settings restored on load: measure the page as written once, without our attributes.
        win.requestAnimationFrame(() => {
          if (!active) return;
          const root = doc.documentElement;
          const saved = ['data-yiyue-text', 'data-yiyue-spacing'].filter(n => root.hasAttribute(n)).map(n => [n, root.getAttribute(n)]);
          for (const [n] of saved) root.removeAttribute(n);
          base = scan();
          for (const [n, v] of saved) root.setAttribute(n, v);
          pass();
        });
      } else schedule();
      observe();
    },
    stop() {
      active = false;
      base = null;
      if (frame) { win.cancelAnimationFrame(frame); frame = 0; }
      if (timer) { win.clearTimeout(timer); timer = 0; }
      win.removeEventListener('resize', onResize);
      for (const el of fits.keys()) el.removeAttribute(ATTR);
      fits.clear();
      if (sheet) { doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter(s => s !== sheet); sheet = null; }
    },
    // Runs the pending passes now instead of in the next frames (benchmarks and tests that time the whole change).
    // Returns the ms spent in the style and layout that the previous pass's writes need before the next can read
    // (the browser's work, which the next frame would do anyway), so a benchmark can tell it from the script's own.
    settle() {
      let layout = 0;
      for (let i = 0; i < MAX_PASSES && frame; i++) {
        win.cancelAnimationFrame(frame);
        const t = win.performance.now();
        void doc.documentElement.offsetHeight;
        layout += win.performance.now() - t;
        pass();
      }
      return layout;
    },
    // How many boxes a pass measures (tests and benchmarks).
    candidateCount() { return doc.body ? candidates().length : 0; },
    get active() { return active; },
  };
  return api;
}
