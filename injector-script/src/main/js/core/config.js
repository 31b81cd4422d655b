// Reads the toolbar's configuration from the data-* attributes of its own <script> tag.
// Documented in README.md next to the sources; the overlay injects the same tag.

const POSITIONS = ['top-right', 'top-left', 'bottom-right', 'bottom-left'];

export function readConfig(script) {
  const data = (script && script.dataset) || {};
  const src = (script && script.src) || '';
  let base = '';
  let origin = '';
  try {
    const u = new URL(src, location.href);
    base = u.href.replace(/[^/]*$/, '');
    origin = u.origin;
  } catch (e) { /* inline use: no base, no TTS endpoint */ }
  let tts = data.tts || '';
  if (!tts && origin && origin !== 'null' && /^https?:/.test(origin)) tts = origin + '/api/tts';
  const lang = /^en/i.test(data.lang || '') ? 'en' : 'zh';
  return {
    site: (data.site || location.hostname || 'local').replace(/[^\w.-]/g, '_'),
    lang,
    position: POSITIONS.includes(data.position) ? data.position : 'top-right',
    tts,
    engine: ['browser', 'tts', 'auto'].includes(data.engine) ? data.engine : 'auto',
    shortcuts: data.shortcuts || '',
    adSelectors: (data.adSelectors || '').split(',').map(s => s.trim()).filter(Boolean),
    base,
    cors: !!(script && script.crossOrigin), // the host shares the toolbar's files with CORS (SRI embedding)
    nonce: (script && script.nonce) || '', // a page whose CSP trusts scripts by nonce trusts our optional files too
  };
}
