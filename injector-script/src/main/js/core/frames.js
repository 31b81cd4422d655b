// Same-origin iframes (a weather widget, a map) get the page's text size, colour scheme, cursor, spacing, font and
// highlight, each through its own page stylesheets built in that frame's window; frames added or reloaded later are
// picked up (a MutationObserver for new frames, a capturing load listener for their documents). Cross-origin frames
// cannot and must not be touched: they are remembered so 说明 can list them as not adjusted.
import { createPageStyles } from './pagestyle.js';

const MARK = Symbol.for('yiyue.a11y');
const FRAME_ATTRS = ['data-yiyue-text', 'data-yiyue-scheme', 'data-yiyue-cursor', 'data-yiyue-spacing', 'data-yiyue-font',
  'data-yiyue-hl', 'data-yiyue-elder'];

export function createFrames(cfg) {
  const styles = new WeakMap(); // frame document -> its page styles
  const crossOrigin = new Set();
  let want = {};
  let watching = false;

  function docOf(f) {
    try { const d = f.contentDocument; return d && d.documentElement ? d : null; } catch (e) { return null; }
  }

  function sync(f) {
    const d = docOf(f);
    if (!d) { if (f.src) crossOrigin.add(f.src); return; }
    crossOrigin.delete(f.src);
    let st = styles.get(d);
    // A frame page that carries the toolbar script itself has restored the saved settings with its own page styles:
    // those are the ones to drive (a second set would keep the frame's literal text sizes after a reset here).
    const own = ownStyles(f);
    if (st && own && st !== own) { st.apply({}); st = own; styles.set(d, st); }
    if (!st) {
      if (!Object.keys(want).length) return;
      try { st = own || createPageStyles(cfg, d); } catch (e) { return; } // a frame without constructable sheets: left as is
      styles.set(d, st);
    }
    st.apply(want);
    for (const inner of d.querySelectorAll('iframe')) sync(inner);
  }

  function ownStyles(f) {
    try { const app = f.contentWindow && f.contentWindow[MARK]; return app && app.styles ? app.styles : null; } catch (e) { return null; }
  }

  function syncAll() {
    for (const f of document.querySelectorAll('iframe')) sync(f);
  }

  function watch() {
    if (watching) return;
    watching = true;
    document.addEventListener('load', e => { if (e.target && e.target.nodeName === 'IFRAME') sync(e.target); }, true);
    new MutationObserver(records => {
      for (const r of records) for (const n of r.addedNodes) {
        if (n.nodeName === 'IFRAME') sync(n);
        else if (n.nodeType === 1 && n.firstElementChild) for (const f of n.querySelectorAll('iframe')) sync(f);
      }
    }).observe(document.documentElement, { childList: true, subtree: true });
  }

  return {
    apply(attrs) {
      const next = {};
      for (const name of FRAME_ATTRS) if (name in attrs) next[name] = attrs[name];
      const any = Object.keys(next).length > 0;
      if (!any && !Object.keys(want).length) return; // nothing on, nothing was on: frames untouched
      want = next;
      syncAll();
      if (any) watch();
    },
    // The cross-origin frames of the page now (for 说明).
    crossOrigin() {
      for (const f of document.querySelectorAll('iframe')) if (!docOf(f) && f.src) crossOrigin.add(f.src);
      return [...crossOrigin].filter(src => [...document.querySelectorAll('iframe')].some(f => f.src === src));
    },
  };
}
