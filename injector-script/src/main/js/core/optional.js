// Optional parts and data (拼音/繁體 tables, the reader view) are loaded on first use from <base>data/<name>.js, a
// classic script from the toolbar's own origin (allowed by script-src 'self') that registers itself in
// window.__yiyueA11yData[<name>]. One request per name: a second caller waits on the first.
// Each file is checked against the sha384 the build wrote into the core (below), so the SRI hash on toolbar.js covers
// these files too. A cross-origin file can only be checked when its server shares it (CORS): the toolbar asks for that
// when its own tag carries crossorigin, as the embedding instructions say; otherwise it loads the file unchecked.
const INTEGRITY = {} /*@optional-integrity*/;
const pending = new Map();

function checked(script, url, cors, hash) {
  if (!hash || !/^https?:/.test(url)) return; // file:// sample page: no origin to check against
  const sameOrigin = new URL(url, location.href).origin === location.origin;
  if (!sameOrigin && !cors) return;
  script.integrity = hash;
  if (!sameOrigin) script.crossOrigin = 'anonymous';
}

export function loadOptional(cfg, name) {
  const store = (window.__yiyueA11yData = window.__yiyueA11yData || {});
  if (store[name]) return Promise.resolve(store[name]);
  if (pending.has(name)) return pending.get(name);
  const p = new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = cfg.base + 'data/' + name + '.js';
    checked(s, s.src, cfg.cors, INTEGRITY[name]);
    if (cfg.nonce) s.nonce = cfg.nonce; // under script-src 'nonce-…' without 'self' the file needs the tag's nonce
    s.async = true;
    s.onload = () => { s.remove(); store[name] ? resolve(store[name]) : reject(new Error(name)); };
    s.onerror = () => { s.remove(); reject(new Error(name)); };
    document.head.append(s);
  });
  pending.set(name, p);
  p.catch(() => {}).finally(() => pending.delete(name)); // a failed load may be tried again later
  return p;
}
