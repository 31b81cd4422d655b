// Yiyue scripted-click check: elements that handle clicks (listeners page-recorder.js saw added, onclick and
// similar properties, whether set in markup or by script) but that the keyboard cannot reach. Left out, because
// the real target is elsewhere or the keyboard has it: html/body, focusable elements, anything inside a focusable
// element or a label, wrappers with focusable content (event delegation), large regions (backdrops), elements
// with an accesskey, hidden ones.
(function () {
  var R = window.__yiyueRec;
  if (!R) return null;
  var FOCUSABLE = 'a[href],area[href],button,input:not([type=hidden]),select,textarea,iframe,summary,'
    + 'audio[controls],video[controls],[contenteditable=""],[contenteditable=true],[tabindex]';
  var ROLES = /^(button|link|checkbox|radio|switch|tab|menuitem|menuitemcheckbox|menuitemradio|option|treeitem|combobox|slider|spinbutton|textbox|searchbox|gridcell)$/;
  var kinds = R.listeners().kinds;
  function focusable(e) {
    if (!e.matches(FOCUSABLE) || e.disabled) return false;
    return !e.hasAttribute('tabindex') || e.tabIndex >= 0;
  }
  function insideFocusable(e) {
    for (var a = e.parentElement; a && a !== document.body; a = a.parentElement) {
      if (a.localName === 'label' || focusable(a)) return true;
    }
    return false;
  }
  function hasFocusableInside(e) {
    var list = e.querySelectorAll(FOCUSABLE);
    for (var i = 0; i < list.length; i++) if (focusable(list[i])) return true;
    return false;
  }
  function clickHandler(e) {
    var k = kinds.get(e);
    return (k && k.click > 0) || typeof e.onclick === 'function' || typeof e.onmousedown === 'function'
      || typeof e.onmouseup === 'function' || typeof e.onpointerdown === 'function' || typeof e.ontouchstart === 'function';
  }
  function shown(e) {
    if (!e.getClientRects().length) return false;
    var s = getComputedStyle(e);
    return s.visibility === 'visible' && s.display !== 'none';
  }
  function nameOf(e) {
    var n = (e.getAttribute('aria-label') || '').trim();
    if (n) return n;
    var ids = (e.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
    n = ids.map(function (id) { var l = document.getElementById(id); return l ? l.textContent : ''; }).join(' ').trim();
    if (n) return n;
    n = (e.textContent || '').trim();
    e.querySelectorAll('img[alt]').forEach(function (i) { n += i.alt; });
    return (n || e.getAttribute('title') || '').trim();
  }
  var vw = window.innerWidth, vh = window.innerHeight;
  var candidates = new Set();
  R.listeners().elements.forEach(function (e) { if (clickHandler(e)) candidates.add(e); });
  document.querySelectorAll('body *').forEach(function (e) { if (clickHandler(e)) candidates.add(e); });
  var handled = 0, found = [];
  candidates.forEach(function (e) {
    if (!e.isConnected || e === document.body || e === document.documentElement || !document.body.contains(e)) return;
    handled++;
    if (focusable(e) || !shown(e) || e.closest('[inert]') || e.hasAttribute('accesskey')) return;
    if (e.localName === 'label' || insideFocusable(e) || hasFocusableInside(e)) return;
    var r = e.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0 || r.width * r.height > vw * vh / 4) return;
    var role = (e.getAttribute('role') || '').trim().split(/\s+/)[0];
    found.push({el: e, selector: R.path(e), html: e.outerHTML.slice(0, 200), role: ROLES.test(role) ? role : '',
      name: nameOf(e).slice(0, 80), pointer: getComputedStyle(e).cursor === 'pointer',
      markup: e.hasAttribute('onclick') || e.hasAttribute('onmousedown') || e.hasAttribute('onmouseup'),
      w: Math.round(r.width * 10) / 10, h: Math.round(r.height * 10) / 10, crowded: false});
  });
  // target size spacing (2.5.8): an undersized target passes when a 24 px circle on its centre touches no other target
  // where a target takes clicks: its own boxes and those of images and other replaced content inside it (an inline
  // link's box is one text line high, but the picture in it is clickable too)
  function areas(o) {
    var list = Array.prototype.slice.call(o.getClientRects());
    o.querySelectorAll('img,svg,canvas,video,input,object,embed').forEach(function (m) { list.push(m.getBoundingClientRect()); });
    return list;
  }
  var small = found.filter(function (f) { return f.w < 24 || f.h < 24; });
  if (small.length) {
    var others = [];
    document.querySelectorAll(FOCUSABLE).forEach(function (o) { if (others.length < 5000 && focusable(o) && shown(o)) others.push(o); });
    found.forEach(function (f) { others.push(f.el); });
    small.forEach(function (f) {
      var b = f.el.getBoundingClientRect(), cx = b.left + b.width / 2, cy = b.top + b.height / 2;
      f.crowded = others.some(function (o) {
        if (o === f.el || o.contains(f.el) || f.el.contains(o)) return false;
        var rs = areas(o);
        for (var i = 0; i < rs.length; i++) {
          var q = rs[i];
          if (q.width <= 0 || q.height <= 0) continue;
          var nx = Math.max(q.left, Math.min(cx, q.right)), ny = Math.max(q.top, Math.min(cy, q.bottom));
          if (Math.hypot(cx - nx, cy - ny) < 12) return true;
          // two undersized targets: their 24 px circles must not overlap either
          var small = q.width < 24 || q.height < 24;
          if (small && Math.hypot(cx - (q.left + q.width / 2), cy - (q.top + q.height / 2)) < 24) return true;
        }
        return false;
      });
    });
  }
  found.forEach(function (f) { delete f.el; });
  return {handled: handled, found: found};
})();
