// Reflow-safe enlargement (WCAG 1.4.4). After a text size or spacing change, boxes whose content now overflows them
// more than it did at 100 % (a fixed-height bar whose labels wrap, a nowrap headline cut by an ellipsis) are relaxed,
// exactly those: height grows (min-height keeps the page's own height), wrapping is allowed, ellipsis and line clamps
// are off, and a box that still clips after that lets its content show. The rules live in one adopted stylesheet
// keyed on a data-yiyue-fit attribute; both go when the setting goes. Each pass reads first (all layout reads), then
// writes; a pass that relaxed something schedules one more (a parent may now be the one that is too small).
const ATTR = 'data-yiyue-fit';
const HOST = 'YIYUE-A11Y';
const MAX_PASSES = 4;
// A marquee scrolls its one line on purpose; scripts and styles hold no text; the toolbar's host is ours.
const SKIP = new Set([HOST, 'SCRIPT', 'STYLE', 'MARQUEE']);

function overflowOf(el) {
  if (!el.firstChild) return null;
  const ch = el.clientHeight;
  // inline boxes: their block container answers for them; 1 px boxes hide text from the eye on purpose (sr-only)
  if (ch <= 2 || el.clientWidth <= 2) return null;
  const y = el.scrollHeight - ch, x = el.scrollWidth - el.clientWidth;
  return y > 1 || x > 1 ? [x, y] : null;
}

// Every box's overflow [x, y] (only those that overflow), and the boxes wider than the viewport.
function scan(root) {
  const out = new Map();
  const wide = new Set();
  const vw = root.documentElement.clientWidth;
  for (const el of root.querySelectorAll('body *')) {
    if (SKIP.has(el.tagName)) continue;
    const o = overflowOf(el);
    if (o) out.set(el, o);
    if (o !== null || el.firstChild) { const w = el.clientWidth; if (w > vw + 1) wide.add(el); }
  }
  out.wide = wide;
  out.sideways = root.documentElement.scrollWidth > vw + 1;
  return out;
}

export function createReflow(doc) {
  const win = doc.defaultView;
  let base = null; // element -> [x, y] overflow at 100 %
  let sheet = null;
  const fits = new Map(); // element -> { id, level }
  let nextId = 1, passes = 0, frame = 0, active = false, observer = null;

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

  // One pass: read every box's overflow (one layout), decide, then write attributes and rules.
  function pass() {
    frame = 0;
    if (!active || !doc.body) return;
    const now = scan(doc);
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
      todo.push({ el, had, r: Object.assign({}, had ? had.r : {}, {
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
      const { el, r } = todo[i];
      const cs = win.getComputedStyle(el);
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
      for (const el of now.wide) {
        if (base.wide.has(el) || (el.parentElement && now.wide.has(el.parentElement))) continue;
        const had = fits.get(el);
        todo.push({ el, had, r: Object.assign({}, had ? had.r : {}, { fitWidth: true }) });
      }
    }
    if (!todo.length) return;
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
  }

  function schedule() {
    if (!frame) frame = win.requestAnimationFrame(pass);
  }

  function observe() {
    if (observer || !win.MutationObserver || !doc.body) return;
    observer = new win.MutationObserver(records => {
      for (const r of records) {
        if (r.target.nodeName === HOST || (r.target.closest && r.target.closest(HOST.toLowerCase()))) continue;
        passes = 0;
        schedule();
        return;
      }
    });
    observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
    win.addEventListener('resize', onResize);
  }
  function onResize() { if (active) { passes = 0; schedule(); } }

  return {
    // Before the page's text grows: what already overflows at 100 % is the page's own design, not ours to change.
    // Layout is usually clean here (a click), so these reads are cheap.
    baseline() { if (doc.body) base = scan(doc); },
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
          base = scan(doc);
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
      if (observer) { observer.disconnect(); observer = null; win.removeEventListener('resize', onResize); }
      for (const el of fits.keys()) el.removeAttribute(ATTR);
      fits.clear();
      if (sheet) { doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter(s => s !== sheet); sheet = null; }
    },
    // Runs the pending passes now instead of in the next frames (benchmarks and tests that time the whole change).
    settle() { for (let i = 0; i < MAX_PASSES && frame; i++) { win.cancelAnimationFrame(frame); pass(); } },
    get active() { return active; },
  };
}
