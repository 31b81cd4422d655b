// 辅助阅读: 指读 (point to read), 连读 (continuous reading with sentence highlight), 大字幕 (captions with
// optional 拼音 / 繁體, data loaded on first use), reading guide / mask, highlight links and headings.
import { el } from './core/dom.js';
import { loadOptional } from './core/optional.js';
import { describe } from './core/accname.js';
import { GUIDES, cycle } from './core/state.js';
import { sentences } from './core/speech.js';

const BLOCK_SEL = 'p, li, td, th, dd, dt, h1, h2, h3, h4, h5, h6, blockquote, pre, caption, figcaption, div, section, article, main, body';
const SKIP_TEXT = 'script, style, noscript, template, textarea, select, option, yiyue-a11y, [aria-hidden="true"]';
const HIGHLIGHT = 'yiyue-read';

function fromOurUi(e) {
  return e.composedPath().some(n => n.nodeName === 'YIYUE-A11Y');
}

// Sentences (text + Range over the page's own text nodes) from start to the end of container. No DOM change.
export function collectSentences(container, start) {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT, {
    acceptNode(n) {
      if (!n.data.trim()) return NodeFilter.FILTER_REJECT;
      const p = n.parentElement;
      if (!p || p.closest(SKIP_TEXT)) return NodeFilter.FILTER_REJECT;
      if (p.checkVisibility && !p.checkVisibility({ visibilityProperty: true })) return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  const groups = [];
  let cur = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (start && start !== container && !start.contains(n) && (start.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING) === 0) continue;
    const block = n.parentElement.closest(BLOCK_SEL);
    if (!cur || cur.block !== block) { cur = { block, parts: [], text: '' }; groups.push(cur); }
    cur.parts.push({ node: n, at: cur.text.length });
    cur.text += n.data;
  }
  const out = [];
  for (const g of groups) {
    let from = 0;
    for (const s of sentences(g.text)) {
      const head = s.slice(0, Math.min(8, s.length));
      let i = g.text.indexOf(s, from);
      if (i < 0) i = g.text.indexOf(head, from);
      if (i < 0) { out.push({ text: s, range: null }); continue; }
      const end = Math.min(g.text.length, i + s.length);
      out.push({ text: s, range: rangeOf(g.parts, i, end) });
      from = end;
    }
  }
  return out;
}

function locate(parts, pos) {
  for (let k = parts.length - 1; k >= 0; k--) if (parts[k].at <= pos) return { node: parts[k].node, off: Math.min(pos - parts[k].at, parts[k].node.data.length) };
  return { node: parts[0].node, off: 0 };
}

function rangeOf(parts, a, b) {
  const r = document.createRange();
  const s = locate(parts, a), e = locate(parts, b);
  r.setStart(s.node, s.off);
  r.setEnd(e.node, e.off);
  return r;
}

// The page's main content: <main>/<article> when declared, otherwise the block with the most paragraph text
// (CMS article pages rarely mark it up), widened to include its heading.
export function mainContent() {
  const declared = document.querySelector('main, [role=main], article');
  if (declared) return declared;
  let best = null, bestLen = 0;
  const seen = new Set();
  for (const p of document.querySelectorAll('body p')) {
    const parent = p.parentElement;
    if (!parent || seen.has(parent) || parent.closest('yiyue-a11y, header, footer, nav')) continue;
    seen.add(parent);
    let len = 0;
    for (const c of parent.children) if (c.nodeName === 'P') len += c.textContent.trim().length;
    if (len > bestLen) { best = parent; bestLen = len; }
  }
  if (!best) return document.body;
  for (let up = best, i = 0; up && up !== document.body && i < 3; up = up.parentElement, i++) {
    if (up.querySelector('h1, h2')) return up;
  }
  return best;
}

export function readingGroup() {
  let timer = 0;
  let lastText = '';
  let caption = null, ctext = null;
  let guideEls = [];
  let guideY = 200;
  let listening = false;
  let chosen = null;
  let data = { pinyin: null, trad: null };
  let appRef = null;

  function wantsPointer(app) { return app.state.point || app.state.caption; }

  function announce(app, text) {
    if (!text) return;
    lastText = text;
    showCaption(app, text);
    if (app.state.point && app.state.speech && !app.transient.reading) app.speech.say(text);
  }

  function onOver(e) {
    if (fromOurUi(e)) return;
    const target = e.composedPath()[0];
    clearTimeout(timer);
    timer = setTimeout(() => announce(appRef, describe(target, appRef.t)), 300);
  }
  function onPointerDown(e) {
    if (fromOurUi(e)) return;
    chosen = e.composedPath()[0];
    if (e.pointerType === 'touch' && wantsPointer(appRef)) { clearTimeout(timer); announce(appRef, describe(chosen, appRef.t)); }
  }
  function onFocus(e) {
    if (fromOurUi(e)) return;
    chosen = e.target;
    avoidFocus();
    if (!wantsPointer(appRef)) return;
    clearTimeout(timer);
    timer = setTimeout(() => announce(appRef, describe(e.target, appRef.t)), 300);
  }
  function onMove(e) {
    guideY = e.clientY;
    placeGuide();
  }

  function listen(app, on) {
    if (on === listening) return;
    listening = on;
    const m = on ? 'addEventListener' : 'removeEventListener';
    document[m]('mouseover', onOver, { passive: true });
    if (!on) clearTimeout(timer);
  }

  // The caption panel never covers the focused element: it moves to the top when it would.
  function avoidFocus() {
    if (!caption) return;
    caption.classList.remove('at-top');
    const a = document.activeElement;
    if (!a || a === document.body || a.nodeName === 'YIYUE-A11Y') return;
    const covered = () => {
      const r = a.getBoundingClientRect();
      const c = caption.getBoundingClientRect();
      return r.bottom > c.top && r.top < c.bottom ? r.bottom - c.top : 0;
    };
    const over = covered();
    if (over > 0) window.scrollBy(0, over + 8); // like scroll-padding does for keyboard focus moves
    if (covered() > 0) caption.classList.add('at-top');
  }

  function renderCaption(app) {
    if (!ctext) return;
    const text = lastText;
    ctext.textContent = '';
    const s = app.state;
    if (!(s.pinyin && data.pinyin) && !(s.trad && data.trad)) { ctext.textContent = text; return; }
    // 拼音 by word where the table knows the word (银行 yín háng, 长大 zhǎng dà), longest first; else by character.
    const chars = [...text];
    const words = s.pinyin && data.pinyin ? data.pinyin.__words : null;
    for (let i = 0; i < chars.length;) {
      let syl = null, n = 1;
      if (words) {
        for (let k = Math.min(5, chars.length - i); k >= 2; k--) {
          const w = words[chars.slice(i, i + k).join('')];
          if (w) { syl = w; n = k; break; }
        }
      }
      for (let j = 0; j < n; j++) {
        const ch = chars[i + j];
        const shown = s.trad && data.trad && data.trad[ch] ? data.trad[ch] : ch;
        const py = syl ? syl[j] : s.pinyin && data.pinyin ? data.pinyin[ch] : '';
        ctext.append(py ? el('ruby', {}, [shown, el('rt', { text: py })]) : shown);
      }
      i += n;
    }
  }

  function showCaption(app, text) {
    if (!caption) return;
    lastText = text;
    renderCaption(app);
  }

  function ensureData(app, name) {
    if (data[name]) return;
    loadOptional(app.cfg, name).then(d => { data[name] = d; renderCaption(app); },
      () => { showCaption(app, app.t(name) + '\uff1a' + app.t('dataMissing')); });
  }

  function placeGuide() {
    if (!guideEls.length) return;
    if (guideEls.length === 1) guideEls[0].style.transform = `translateY(${guideY - 24}px)`;
    else {
      guideEls[0].style.height = Math.max(0, guideY - 40) + 'px';
      guideEls[1].style.top = (guideY + 40) + 'px';
    }
  }

  function startReading(app) {
    const active = document.activeElement;
    let start = chosen && chosen.isConnected && chosen.nodeType === 1 ? chosen : null;
    if (!start && active && active !== document.body && active.nodeName !== 'YIYUE-A11Y') start = active;
    const main = mainContent();
    if (!start) start = main;
    const container = (start.closest && start.closest('main, [role=main], article')) || (main.contains(start) ? main : document.body);
    const items = collectSentences(container, container.contains(start) ? start : container);
    if (!items.length) return;
    if (!app.state.speech) app.set({ speech: true });
    app.transient.reading = true;
    app.transient.paused = false;
    app.applyRoot();
    app.refresh();
    app.speech.play(items, {
      onItem(i, item) {
        if (item.range && window.CSS && CSS.highlights && window.Highlight) {
          CSS.highlights.set(HIGHLIGHT, new Highlight(item.range));
          const r = item.range.getBoundingClientRect();
          if (r.height && (r.top < 0 || r.bottom > window.innerHeight)) window.scrollBy({ top: r.top - window.innerHeight / 3 });
        }
        showCaption(app, item.text);
      },
      onEnd() { stopReading(app); },
      onError() { stopReading(app); showCaption(app, app.t('ttsFail')); },
    });
  }

  function stopReading(app) {
    if (!app.transient.reading) return;
    app.transient.reading = false;
    app.transient.paused = false;
    app.speech.stop();
    if (window.CSS && CSS.highlights) CSS.highlights.delete(HIGHLIGHT);
    app.applyRoot();
    app.refresh();
  }

  return {
    id: 'reading',
    controls: [
      { id: 'point', key: 'Ctrl+Alt+P', pressed: a => a.state.point,
        run: a => { a.set({ point: !a.state.point }); a.confirmToggle('point', a.state.point); } },
      { id: 'read', key: 'Ctrl+Alt+D', pressed: a => !!a.transient.reading,
        run: a => { if (a.transient.reading) stopReading(a); else startReading(a); } },
      { id: 'pause', key: 'Ctrl+Alt+U', pressed: a => !!a.transient.paused, disabled: a => !a.transient.reading,
        run: a => {
          if (!a.transient.reading) return;
          if (a.transient.paused) a.speech.resume(); else a.speech.pause();
          a.transient.paused = !a.transient.paused;
          a.refresh();
        } },
      { id: 'caption', key: 'Ctrl+Alt+Z', pressed: a => a.state.caption,
        run: a => { a.set({ caption: !a.state.caption }); a.confirmToggle('caption', a.state.caption); } },
      { id: 'pinyin', key: 'Ctrl+Alt+I', pressed: a => a.state.pinyin,
        run: a => { a.set({ pinyin: !a.state.pinyin }); a.confirmToggle('pinyin', a.state.pinyin); } },
      { id: 'trad', key: 'Ctrl+Alt+B', pressed: a => a.state.trad,
        run: a => { a.set({ trad: !a.state.trad }); a.confirmToggle('trad', a.state.trad); } },
      { id: 'guide', key: 'Ctrl+Alt+A', value: a => a.t('guide_' + a.state.guide),
        run: a => { a.set({ guide: cycle(GUIDES, a.state.guide) }); a.confirm(a.t('guide') + ' ' + a.t('guide_' + a.state.guide)); } },
      { id: 'hl', key: 'Ctrl+Alt+O', pressed: a => a.state.hl,
        run: a => { a.set({ hl: !a.state.hl }); a.confirmToggle('hl', a.state.hl); } },
    ],
    init(app) {
      appRef = app;
      document.addEventListener('pointerdown', onPointerDown, { passive: true, capture: true });
      document.addEventListener('focusin', onFocus, { passive: true });
    },
    sync(app) {
      const s = app.state;
      listen(app, wantsPointer(app));
      if (s.caption && !caption) {
        ctext = el('div', { class: 'ctext', 'aria-live': 'off' });
        const x = el('button', { type: 'button', class: 'x', text: '\u00d7', 'aria-label': app.t('captionClose'),
          onclick: () => { app.set({ caption: false }); app.ui.focusControl('caption'); } });
        caption = app.ui.layer('panel caption', { role: 'region', 'aria-label': app.t('captionRegion') }, [ctext, x]);
        caption.addEventListener('keydown', e => {
          if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); app.set({ caption: false }); app.ui.focusControl('caption'); }
        });
        renderCaption(app);
      }
      if (!s.caption && caption) { caption.remove(); caption = ctext = null; }
      if (caption) {
        app.styles.setCaptionHeight(Math.ceil(caption.getBoundingClientRect().height));
        avoidFocus();
      }
      if (s.pinyin) ensureData(app, 'pinyin');
      if (s.trad) ensureData(app, 'trad');
      if (caption) renderCaption(app);
      const kind = s.guide;
      const have = guideEls.length === 1 ? 'line' : guideEls.length === 2 ? 'mask' : '';
      if (kind !== have) {
        guideEls.forEach(g => g.remove());
        guideEls = kind === 'line' ? [app.ui.layer('overlay guide-line', { 'aria-hidden': 'true' })]
          : kind === 'mask' ? [app.ui.layer('overlay mask mask-top', { 'aria-hidden': 'true' }), app.ui.layer('overlay mask mask-bottom', { 'aria-hidden': 'true' })] : [];
        document[kind ? 'addEventListener' : 'removeEventListener']('pointermove', onMove, { passive: true });
        placeGuide();
      }
      if (!s.speech && app.transient.reading) stopReading(app);
    },
    reset(app) { stopReading(app); },
    // Esc inside the toolbar closes the caption panel first (like the other panels), then the toolbar.
    escape(app) {
      if (!app.state.caption) return false;
      app.set({ caption: false });
      app.ui.focusControl('caption');
      return true;
    },
    get lastText() { return lastText; },
  };
}
