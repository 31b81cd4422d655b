// Keyboard shortcuts: Ctrl+Alt+<key> by default, remappable with data-shortcuts="id:Ctrl+Alt+K; id2:none".
// Rejected: no modifier (WCAG 2.1.4 single keys), Alt or Alt+Shift alone (browser menus, IME switching),
// Insert / CapsLock (screen-reader modifier keys). Only our own combinations are ever prevented.

export function parseCombo(text) {
  if (!text) return null;
  const parts = text.split('+').map(s => s.trim()).filter(Boolean);
  if (!parts.length) return null;
  const c = { ctrl: false, alt: false, shift: false, meta: false, code: '' };
  for (const p of parts) {
    const l = p.toLowerCase();
    if (l === 'ctrl' || l === 'control') c.ctrl = true;
    else if (l === 'alt' || l === 'option') c.alt = true;
    else if (l === 'shift') c.shift = true;
    else if (l === 'meta' || l === 'cmd') c.meta = true;
    else if (c.code) return null;
    else c.code = keyCode(p);
  }
  return c.code ? c : null;
}

function keyCode(p) {
  if (/^[a-z]$/i.test(p)) return 'Key' + p.toUpperCase();
  if (/^[0-9]$/.test(p)) return 'Digit' + p;
  const named = { '=': 'Equal', '-': 'Minus', '[': 'BracketLeft', ']': 'BracketRight', '/': 'Slash', ',': 'Comma', '.': 'Period', ';': 'Semicolon' };
  return named[p] || p;
}

export function rejectReason(c) {
  if (!c) return 'unparsable';
  if (/^(Insert|CapsLock)$/.test(c.code)) return 'screen-reader key';
  if (!c.ctrl && !c.alt && !c.meta) return 'single key without Ctrl/Alt/Meta';
  if (c.alt && !c.ctrl && !c.meta) return 'Alt alone or Alt+Shift collides with browser menus / IME switching';
  return '';
}

export function comboLabel(c) {
  if (!c) return '';
  const key = c.code.replace(/^Key|^Digit/, '');
  const named = { Equal: '=', Minus: '-', BracketLeft: '[', BracketRight: ']' };
  return [c.ctrl && 'Ctrl', c.alt && 'Alt', c.shift && 'Shift', c.meta && 'Meta', named[key] || key].filter(Boolean).join('+');
}

export function ariaKeys(c) {
  return c ? [c.ctrl && 'Control', c.alt && 'Alt', c.shift && 'Shift', c.meta && 'Meta', c.code.replace(/^Key|^Digit/, '')].filter(Boolean).join('+') : '';
}

// defaults: {id: 'Ctrl+Alt+Y'}; override: the data-shortcuts string. Returns {id: combo|null}.
export function resolveShortcuts(defaults, override) {
  const map = {};
  for (const [id, text] of Object.entries(defaults)) map[id] = parseCombo(text);
  for (const item of (override || '').split(/[;\n]/)) {
    const m = item.match(/^\s*([\w-]+)\s*[:=]\s*(.+?)\s*$/);
    if (!m || !(m[1] in map)) continue;
    if (/^none$/i.test(m[2])) { map[m[1]] = null; continue; }
    const c = parseCombo(m[2]);
    const why = rejectReason(c);
    if (why) { console.warn('[yiyue] shortcut "' + item.trim() + '" ignored: ' + why); continue; }
    map[m[1]] = c;
  }
  return map;
}

export function matches(c, e) {
  return !!c && e.code === c.code && e.ctrlKey === c.ctrl && e.altKey === c.alt && e.shiftKey === c.shift && e.metaKey === c.meta;
}

export function listen(map, run) {
  document.addEventListener('keydown', e => {
    if (e.isComposing || e.repeat) return;
    if (!e.ctrlKey && !e.altKey && !e.metaKey) return; // plain keys are never ours
    for (const [id, c] of Object.entries(map)) {
      if (matches(c, e)) { e.preventDefault(); run(id); return; }
    }
  });
}
