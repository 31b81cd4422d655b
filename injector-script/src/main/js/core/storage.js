// Per-site settings: localStorage first, a first-party cookie only when storage is unavailable.
// Nothing here talks to a server.

export function createStorage(site) {
  const key = 'yiyue-a11y:' + site;
  const cookieName = 'yiyue-a11y-' + site.replace(/[^\w-]/g, '_');
  let useCookie = false;
  try {
    const probe = key + ':probe';
    localStorage.setItem(probe, '1');
    localStorage.removeItem(probe);
  } catch (e) { useCookie = true; }

  function load() {
    try {
      let raw = null;
      if (useCookie) {
        const m = document.cookie.match(new RegExp('(?:^|; )' + cookieName + '=([^;]*)'));
        raw = m ? decodeURIComponent(m[1]) : null;
      } else {
        raw = localStorage.getItem(key);
      }
      const parsed = raw ? JSON.parse(raw) : null;
      return parsed && typeof parsed === 'object' ? parsed : {};
    } catch (e) { return {}; }
  }

  function save(obj) {
    const raw = JSON.stringify(obj);
    try {
      if (useCookie) {
        document.cookie = cookieName + '=' + encodeURIComponent(raw) + '; path=/; max-age=31536000; SameSite=Lax';
      } else {
        localStorage.setItem(key, raw);
      }
    } catch (e) { /* quota or privacy mode: settings live for this page only */ }
  }

  function clear() {
    try {
      if (useCookie) document.cookie = cookieName + '=; path=/; max-age=0';
      else localStorage.removeItem(key);
    } catch (e) { /* ignore */ }
  }

  return { load, save, clear, kind: useCookie ? 'cookie' : 'localStorage' };
}
