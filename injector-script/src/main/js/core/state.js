// The settings model: defaults, level tables, and the mapping of settings onto <html> attributes.

export const TEXT_LEVELS = [100, 115, 130, 150, 175, 200];
export const ZOOM_LEVELS = [100, 125, 150, 175, 200];
export const SCHEMES = ['', 'dark', 'light', 'yellow', 'blue'];
export const RATES = [0.7, 1, 1.4];
export const VOLUMES = [0.25, 0.5, 0.75, 1];
export const GUIDES = ['', 'line', 'mask'];

export const DEFAULTS = Object.freeze({
  open: false, lang: '', barHeight: 0,
  text: 100, spacing: false, font: false,
  zoom: 100, scheme: '', gray: false, cursor: false, cross: false,
  speech: false, rate: 1, volume: 1,
  care: false, elder: false, elderPrev: null,
  point: false, caption: false, pinyin: false, trad: false, guide: '', hl: false,
});

// Settings that survive navigation. The reader view and continuous reading are per page.
const PERSISTED = Object.keys(DEFAULTS);

export function sanitize(raw) {
  const s = Object.assign({}, DEFAULTS);
  for (const k of PERSISTED) {
    if (!(k in raw)) continue;
    const v = raw[k];
    if (typeof DEFAULTS[k] === 'boolean') s[k] = v === true;
    else if (k === 'text') s[k] = TEXT_LEVELS.includes(v) ? v : 100;
    else if (k === 'zoom') s[k] = ZOOM_LEVELS.includes(v) ? v : 100;
    else if (k === 'scheme') s[k] = SCHEMES.includes(v) ? v : '';
    else if (k === 'rate') s[k] = RATES.includes(v) ? v : 1;
    else if (k === 'volume') s[k] = VOLUMES.includes(v) ? v : 1;
    else if (k === 'guide') s[k] = GUIDES.includes(v) ? v : '';
    else if (k === 'lang') s[k] = v === 'en' || v === 'zh' ? v : '';
    else if (k === 'barHeight') s[k] = typeof v === 'number' && v >= 0 && v < 2000 ? v : 0;
    else if (k === 'elderPrev') s[k] = v && typeof v === 'object' ? v : null;
  }
  return s;
}

export function persistable(s) {
  const out = {};
  for (const k of PERSISTED) if (s[k] !== DEFAULTS[k]) out[k] = s[k];
  return out;
}

// The attributes on <html> that the one page stylesheet is keyed on; only non-default settings appear.
export function rootAttributes(s, transient) {
  const a = {};
  if (s.text !== 100) a['data-yiyue-text'] = String(s.text);
  if (s.zoom !== 100) a['data-yiyue-zoom'] = String(s.zoom);
  if (s.scheme) a['data-yiyue-scheme'] = s.scheme;
  if (s.spacing) a['data-yiyue-spacing'] = '';
  if (s.font) a['data-yiyue-font'] = '';
  if (s.cursor) a['data-yiyue-cursor'] = '';
  if (s.hl) a['data-yiyue-hl'] = '';
  if (s.elder) a['data-yiyue-elder'] = '';
  if (s.care) a['data-yiyue-care'] = '';
  if (s.open) a['data-yiyue-open'] = '';
  if (s.caption) a['data-yiyue-caption'] = '';
  if (transient && transient.reader) a['data-yiyue-reader'] = '';
  if (transient && transient.reading) a['data-yiyue-reading'] = '';
  return a;
}

export const ALL_ROOT_ATTRIBUTES = ['data-yiyue-text', 'data-yiyue-zoom', 'data-yiyue-scheme', 'data-yiyue-spacing',
  'data-yiyue-font', 'data-yiyue-cursor', 'data-yiyue-hl', 'data-yiyue-elder', 'data-yiyue-care', 'data-yiyue-open',
  'data-yiyue-caption', 'data-yiyue-reader', 'data-yiyue-reading'];

export function nextOf(list, value, step) {
  const i = list.indexOf(value);
  const j = Math.max(0, Math.min(list.length - 1, (i < 0 ? 0 : i) + step));
  return list[j];
}

export function cycle(list, value) {
  const i = list.indexOf(value);
  return list[(i + 1) % list.length];
}
