// 控制设置: 适老模式, 重置, 说明, language, 退出.
import { el } from './core/dom.js';
import { comboLabel } from './core/shortcuts.js';
import { STRINGS } from './core/i18n.js';

const ELDER_KEYS = ['text', 'scheme', 'cursor', 'speech', 'point'];

export function elderOn(app, extra) {
  const s = app.state;
  const prev = s.elder ? s.elderPrev : Object.fromEntries(ELDER_KEYS.map(k => [k, s[k]]));
  app.set(Object.assign({ elder: true, elderPrev: prev, text: Math.max(s.text, 150), scheme: s.scheme || 'dark',
    cursor: true, speech: true, point: true }, extra || {}));
}

export function elderOff(app, extra) {
  app.set(Object.assign({ elder: false, care: false, elderPrev: null }, app.state.elderPrev || {}, extra || {}));
}

// "适老模式已开启：文字 150%、配色 黑底白字、大鼠标、声音和指读" — what elderOn actually turned on.
export function elderSummary(app) {
  const s = app.state, en = (s.lang || app.cfg.lang) === 'en';
  const parts = [app.t('textUp').replace(/放大$/, '') + ' ' + s.text + '%'];
  if (en) parts[0] = 'text ' + s.text + '%';
  if (s.scheme) parts.push(app.t('scheme') + (en ? ' ' : ' ') + app.t('s_' + s.scheme));
  if (s.cursor) parts.push(app.t('cursor'));
  if (s.speech) parts.push(app.t('speech'));
  if (s.point) parts.push(app.t('point'));
  parts.push(app.t('bigButtons'));
  return app.t('elderOnSays') + parts.join(en ? ', ' : '、');
}

// Frames from other sites cannot be adjusted (the browser keeps them apart): 说明 names them.
function framesNote(app) {
  const list = app.frames.crossOrigin();
  if (!list.length) return [];
  return [el('p', { class: 'frames-note', text: app.t('framesNotAdjusted') }),
    el('ul', { class: 'frames-list' }, list.map(src => el('li', { text: src })))];
}

function helpTable(app) {
  const zh = STRINGS.zh, en = STRINGS.en;
  const first = app.state.lang === 'en' ? en : zh;
  const second = app.state.lang === 'en' ? zh : en;
  const rows = [['toggle', 'toggle']];
  for (const g of app.groups) for (const c of g.controls) rows.push([c.id, c.id]);
  const body = rows.map(([id]) => el('tr', {}, [
    el('th', { scope: 'row', text: id === 'toggle' ? first.launcher : first[id] }),
    el('td', { lang: app.state.lang === 'en' ? 'zh-CN' : 'en', text: id === 'toggle' ? second.launcher : second[id] }),
    el('td', { text: comboLabel(app.shortcuts[id]) || '\u2014' }),
    el('td', { text: first['d_' + id] || '' }),
  ]));
  return el('table', {}, [
    el('thead', {}, [el('tr', {}, [el('th', { scope: 'col', text: app.t('colFn') }), el('th', { scope: 'col', text: app.t('colFnOther') }),
      el('th', { scope: 'col', text: app.t('colKey') }), el('th', { scope: 'col', text: app.t('colWhat') })])]),
    el('tbody', {}, body),
  ]);
}

export function controlGroup() {
  let panel = null;
  function closeHelp(app, focus) {
    if (!panel) return;
    panel.remove();
    panel = null;
    app.transient.help = false;
    app.refresh();
    if (focus) app.ui.focusControl('help');
  }
  function openHelp(app) {
    const title = el('h2', { id: 'yiyue-help-title', tabindex: '-1', text: app.t('helpTitle') });
    const close = el('button', { type: 'button', text: app.t('close'), onclick: () => closeHelp(app, true) });
    panel = app.ui.layer('panel help', { role: 'dialog', 'aria-labelledby': 'yiyue-help-title' },
      [el('div', { class: 'phead' }, [title, close]), el('p', { text: app.t('helpIntro') }), helpTable(app), ...framesNote(app)]);
    app.transient.help = true;
    app.refresh();
    title.focus();
  }
  return {
    id: 'control',
    controls: [
      { id: 'elder', key: 'Ctrl+Alt+E', pressed: a => a.state.elder,
        run: a => {
          if (a.state.elder) elderOff(a); else elderOn(a);
          // say what one click changed: shown in the toolbar's status line, and spoken when speech is on
          const text = a.state.elder ? elderSummary(a) : a.t('elderOff');
          a.ui.notify(text);
          a.confirm(text);
        } },
      { id: 'reset', key: 'Ctrl+Alt+0', run: a => { a.reset(); a.confirm(a.t('reset')); } },
      { id: 'help', key: 'Ctrl+Alt+H', expanded: a => !!a.transient.help,
        run: a => { if (panel) closeHelp(a, true); else openHelp(a); } },
      { id: 'lang', key: 'Ctrl+Alt+N', run: a => { a.set({ lang: a.state.lang === 'en' ? 'zh' : 'en' }); if (panel) { closeHelp(a, false); openHelp(a); } } },
      { id: 'exit', key: 'Ctrl+Alt+Q', run: a => { closeHelp(a, false); a.exit(); } },
    ],
    escape(app) { if (panel) { closeHelp(app, true); return true; } return false; },
    reset(app) { closeHelp(app, false); },
  };
}
