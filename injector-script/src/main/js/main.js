// Entry point. Runs synchronously where the <script> tag sits: restores saved settings as attributes on
// <html> at once (before first paint when the tag is in <head> without defer), builds the UI on DOMContentLoaded.
import { readConfig } from './core/config.js';
import { createStorage } from './core/storage.js';
import { DEFAULTS, sanitize, persistable, rootAttributes } from './core/state.js';
import { translator } from './core/i18n.js';
import { createPageStyles } from './core/pagestyle.js';
import { createFrames } from './core/frames.js';
import { createUi, placeLauncher } from './core/ui.js';
import { resolveShortcuts, listen } from './core/shortcuts.js';
import { createSpeech } from './core/speech.js';
import { controlGroup } from './control.js';
import { textGroup } from './text.js';
import { pageGroup } from './page.js';
import { voiceGroup } from './voice.js';
import { viewGroup } from './view.js';
import { readingGroup } from './reading.js';

const MARK = Symbol.for('yiyue.a11y');

function start(script) {
  const cfg = readConfig(script);
  const storage = createStorage(cfg.site);
  let state = sanitize(storage.load());
  const transient = { reader: false, reading: false, paused: false, help: false };
  const styles = createPageStyles(cfg);
  const frames = createFrames(cfg);
  const groups = [controlGroup(), textGroup(), pageGroup(), voiceGroup(), viewGroup(), readingGroup()];
  const t = translator(() => state.lang || cfg.lang);
  const defaults = { toggle: 'Ctrl+Alt+Y' };
  for (const g of groups) for (const c of g.controls) defaults[c.id] = c.key;
  const shortcuts = resolveShortcuts(defaults, cfg.shortcuts);
  const byId = new Map();
  for (const g of groups) for (const c of g.controls) byId.set(c.id, c);
  let ui = null;

  const app = {
    cfg, groups, transient, styles, frames, shortcuts, t,
    get state() { return state; },
    get ui() { return ui; },
    speech: createSpeech(cfg, () => state),
    applyRoot() {
      styles.setBarHeight(state.open ? state.barHeight : 0);
      const attrs = rootAttributes(state, transient);
      if (framed) { delete attrs['data-yiyue-open']; delete attrs['data-yiyue-caption']; } // the bar lives in the top page
      styles.apply(attrs);
      frames.apply(attrs);
    },
    refresh() { if (ui) ui.refresh(); },
    // the launcher's spot that covers nothing (after the page's text moved); also timed by the benchmark
    placeLauncher() { if (ui && !state.open) placeLauncher(ui.launcher, cfg.position); },
    set(patch) {
      const prev = state;
      state = sanitize(Object.assign({}, state, patch));
      storage.save(persistable(state));
      if (prev.speech && !state.speech) app.speech.stop();
      app.applyRoot();
      if (ui) { ui.refresh(); for (const g of groups) if (g.sync) g.sync(app); }
      // the page's text moved or the launcher grew (适老模式): find it a spot that covers nothing again
      if (ui && !state.open && ['text', 'zoom', 'spacing', 'elder', 'font', 'open'].some(k => prev[k] !== state[k])) relaunch();
    },
    confirm(text) {
      if (state.speech && !transient.reading && text) app.speech.say(text);
    },
    confirmToggle(id, on) {
      const lang = state.lang || cfg.lang;
      app.confirm(lang === 'en' ? t(id) + ' ' + t(on ? 'on' : 'off') : t(id) + t(on ? 'on' : 'off'));
    },
    stopSpeech() { app.speech.stop(); },
    run(id, via) {
      if (!ui) return;
      if (id === 'toggle') {
        const open = !state.open;
        const inside = ui.host.matches(':focus-within');
        app.set({ open });
        if (open && via === 'key') ui.focusFirst();
        if (!open && (inside || via === 'key')) ui.launcher.focus();
        if (!open) placeLauncher(ui.launcher, cfg.position);
        return;
      }
      const c = byId.get(id);
      if (!c || (c.disabled && c.disabled(app) && id !== 'pause')) return;
      c.run(app);
    },
    escape() {
      for (const g of groups) if (g.escape && g.escape(app)) return;
      if (state.open) { app.set({ open: false }); ui.launcher.focus(); placeLauncher(ui.launcher, cfg.position); }
    },
    reset() {
      for (const g of groups) if (g.reset) g.reset(app);
      app.speech.stop();
      app.set(Object.assign({}, DEFAULTS, { open: state.open, lang: state.lang, barHeight: state.barHeight }));
    },
    exit() {
      for (const g of groups) if (g.reset) g.reset(app);
      app.speech.stop();
      app.set(Object.assign({}, DEFAULTS));
      storage.clear();
      if (ui) ui.launcher.focus();
    },
  };

  // Inside a frame the top page's toolbar is the one to use: restore settings only, no second launcher.
  let framed = true;
  try { framed = window.self !== window.top; } catch (e) { /* cross-origin parent: framed */ }

  let relaunchTimer = 0;
  function relaunch() {
    clearTimeout(relaunchTimer);
    relaunchTimer = setTimeout(() => app.placeLauncher(), 60);
  }

  // boxes relaxed by the reflow pass move the page's text (frames after the change, later than the 60 ms above on
  // a slow machine): the launcher looks for its spot again
  styles.reflow.onRelax = () => { if (ui && !state.open) relaunch(); };

  // Before first paint: attributes on <html> only.
  app.applyRoot();

  function buildUi() {
    if (ui || !document.body) return;
    ui = createUi(app);
    document.body.prepend(ui.host);
    ui.refresh();
    for (const g of groups) if (g.init) g.init(app);
    for (const g of groups) if (g.sync) g.sync(app);
    listen(shortcuts, id => app.run(id, 'key'));
    // WCAG 2.4.11: a page element that receives focus is never left hidden under the open bar.
    document.addEventListener('focusin', e => {
      if (!state.open || e.target === ui.host || !e.target.getBoundingClientRect) return;
      const h = ui.bar.getBoundingClientRect().bottom;
      const r = e.target.getBoundingClientRect();
      if (r.top < h && r.bottom > 0) window.scrollBy(0, r.top - h - 8);
    });
    if (window.ResizeObserver) {
      new ResizeObserver(() => {
        const h = ui.measure();
        if (state.open && h && h !== state.barHeight) {
          state = Object.assign({}, state, { barHeight: h });
          storage.save(persistable(state));
          styles.setBarHeight(h);
        }
      }).observe(ui.bar);
    }
    if (state.text !== 100) styles.refreshScale(true);
    requestAnimationFrame(() => placeLauncher(ui.launcher, cfg.position));
    window.addEventListener('scroll', relaunch, { passive: true });
    window.addEventListener('resize', relaunch, { passive: true });
    window.addEventListener('load', () => {
      if (state.text !== 100) styles.refreshScale(true);
      placeLauncher(ui.launcher, cfg.position);
    }, { once: true });
  }

  if (framed) {
    // the frame's own sheets were read before its <style> was parsed: scale them once they are there
    document.addEventListener('DOMContentLoaded', () => { if (state.text !== 100) styles.refreshScale(true); }, { once: true });
    return app;
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', buildUi, { once: true });
  else buildUi();
  return app;
}

if (!window[MARK]) {
  window[MARK] = start(document.currentScript);
}
