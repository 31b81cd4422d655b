// 查看模式: 纯文本 reader view (built from the page by the reader part, loaded on first use, shown above the page,
// page untouched), 关怀 view, standard view.
import { el } from './core/dom.js';
import { loadOptional } from './core/optional.js';
import { elderOn, elderOff } from './control.js';

export function viewGroup() {
  let panel = null;
  let returnTo = null;
  function close(app, focus) {
    if (!panel) return;
    panel.remove();
    panel = null;
    app.transient.reader = false;
    app.applyRoot();
    app.refresh();
    if (focus) (returnTo && returnTo.isConnected ? returnTo : app.ui.launcher).focus();
  }
  // The first opening loads the reader part; a reset, Esc or a second press while it loads cancels the opening, and
  // so does the user moving focus meanwhile (the dialog would otherwise take focus from where they went).
  let wanted = false;
  function focused(app) {
    return app.ui.shadow.activeElement || document.activeElement;
  }
  function open(app) {
    wanted = true;
    const from = focused(app);
    const arrived = content => {
      if (!wanted || panel) return;
      if (focused(app) !== from) { wanted = false; return; }
      show(app, content);
    };
    loadOptional(app.cfg, 'reader').then(
      part => arrived(() => part.buildReader(document.body, app.t)),
      () => arrived(() => el('p', { class: 'field', text: app.t('readerTitle') + '\uff1a' + app.t('dataMissing') })));
  }
  function show(app, content) {
    wanted = false;
    returnTo = app.ui.button('reader');
    const title = el('h2', { id: 'yiyue-reader-title', tabindex: '-1', text: app.t('readerTitle') + (document.title ? '\uff1a' + document.title : '') });
    const back = el('button', { type: 'button', text: app.t('readerBack'), onclick: () => close(app, true) });
    const body = el('div', { class: 'rbody', lang: document.documentElement.lang || 'zh-CN' }, [content()]);
    panel = app.ui.layer('panel reader', { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'yiyue-reader-title' },
      [el('div', { class: 'phead' }, [title, back]), body]);
    // Keep Tab inside the dialog while it is open (only keys inside our own panel are handled).
    panel.addEventListener('keydown', e => {
      if (e.key !== 'Tab') return;
      const f = [...panel.querySelectorAll('a[href], button, [tabindex="0"]')];
      if (!f.length) return;
      const active = app.ui.shadow.activeElement;
      if (e.shiftKey && (active === f[0] || active === title)) { e.preventDefault(); f[f.length - 1].focus(); }
      else if (!e.shiftKey && active === f[f.length - 1]) { e.preventDefault(); f[0].focus(); }
    });
    app.transient.reader = true;
    app.applyRoot();
    app.refresh();
    title.focus();
    app.confirmToggle('reader', true);
  }
  return {
    id: 'view',
    controls: [
      { id: 'reader', key: 'Ctrl+Alt+W', pressed: a => !!a.transient.reader,
        run: a => {
          if (panel) { close(a, true); a.confirmToggle('reader', false); } else if (wanted) wanted = false; else open(a);
        } },
      { id: 'care', key: 'Ctrl+Alt+K', pressed: a => a.state.care,
        run: a => { if (a.state.care) elderOff(a); else elderOn(a, { care: true }); a.confirmToggle('care', a.state.care); } },
      { id: 'standard', key: 'Ctrl+Alt+9', run: a => { a.reset(); a.confirm(a.t('standard')); } },
    ],
    escape(app) { wanted = false; if (panel) { close(app, true); return true; } return false; },
    reset(app) { wanted = false; close(app, false); },
  };
}
