// Yiyue rendered-facts collector: ONE call that marks every element with data-yiyue-i, measures it, probes focus,
// and returns the serialised DOM plus a compact fact table. Column order must match FactsCollector.COLUMNS.
return (function (maxElements, maxFocusProbes) {
  var all = document.querySelectorAll('*');
  var n = Math.min(all.length, maxElements);
  var sx = window.scrollX, sy = window.scrollY;
  var rows = [];
  function px(v) { var f = parseFloat(v); return isNaN(f) ? null : f; }
  function parseRgba(s) {
    var m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(s || '');
    return m ? [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]] : null;
  }
  // colour behind the element's text: composite ancestor backgrounds on the white canvas; null if an image,
  // gradient or unparsable colour lies in between
  function background(el) {
    var layers = [];
    for (var p = el; p && p.nodeType === 1; p = p.parentElement) {
      var cs = getComputedStyle(p);
      if (cs.backgroundImage && cs.backgroundImage !== 'none') { return null; }
      var c = parseRgba(cs.backgroundColor);
      if (c === null) { return null; }
      if (c[3] > 0) { layers.push(c); }
      if (c[3] >= 1) { break; }
    }
    var out = [255, 255, 255];
    for (var i = layers.length - 1; i >= 0; i--) {
      var a = layers[i][3];
      out = [layers[i][0] * a + out[0] * (1 - a), layers[i][1] * a + out[1] * (1 - a), layers[i][2] * a + out[2] * (1 - a)];
    }
    return 'rgba(' + out[0] + ', ' + out[1] + ', ' + out[2] + ', 1)';
  }
  // a gradient (no image) behind the text: its colour stops composited on what lies beneath and under the
  // semi-transparent layers above it, for the "highest possible contrast" of ACT; null when anything else decides
  function gradientStops(el) {
    var above = [];
    for (var p = el; p && p.nodeType === 1; p = p.parentElement) {
      var cs = getComputedStyle(p);
      var c = parseRgba(cs.backgroundColor);
      if (c === null) { return null; }
      if (cs.backgroundImage && cs.backgroundImage !== 'none') {
        if (!/^(repeating-)?(linear|radial|conic)-gradient\(/.test(cs.backgroundImage) || /url\(/.test(cs.backgroundImage)) { return null; }
        var beneath = p.parentElement ? background(p.parentElement) : 'rgba(255, 255, 255, 1)';
        if (beneath === null) { return null; }
        var under = parseRgba(beneath);
        if (c[3] > 0) { under = mix(c, under); }
        var found = cs.backgroundImage.match(/rgba?\([^)]*\)|transparent/g) || [];
        if (found.length === 0) { return null; }
        return found.map(function (s) {
          var stop = s === 'transparent' ? [0, 0, 0, 0] : parseRgba(s);
          var out = stop[3] > 0 ? mix(stop, under) : under;
          for (var i = above.length - 1; i >= 0; i--) { out = mix(above[i], out); }
          return 'rgba(' + out[0] + ', ' + out[1] + ', ' + out[2] + ', 1)';
        });
      }
      if (c[3] >= 1) { return null; }
      if (c[3] > 0) { above.push(c); }
    }
    return null;
  }
  function mix(top, under) {
    var a = top[3];
    return [top[0] * a + under[0] * (1 - a), top[1] * a + under[1] * (1 - a), top[2] * a + under[2] * (1 - a)];
  }
  // something other than the element's ancestors painted behind its text (positioned boxes, images): the
  // ancestor-composited background would be wrong, so the background is reported unknown
  function occluded(el, r) {
    var x = r.left + r.width / 2, y = r.top + r.height / 2;
    if (x < 0 || y < 0 || x >= window.innerWidth || y >= window.innerHeight) { return false; }
    var stack = document.elementsFromPoint(x, y);
    var at = stack.indexOf(el);
    if (at < 0) { return true; }
    for (var j = at + 1; j < stack.length; j++) {
      var s = stack[j];
      if (s.contains(el)) { continue; }
      var c2 = getComputedStyle(s), bg = parseRgba(c2.backgroundColor);
      if (/^(IMG|VIDEO|CANVAS|svg|OBJECT|EMBED|IFRAME|PICTURE)$/.test(s.tagName) || c2.backgroundImage !== 'none'
          || bg === null || bg[3] > 0) { return true; }
    }
    return false;
  }
  function generated(el) {
    var out = '';
    ['::before', '::after'].forEach(function (p) {
      var c = getComputedStyle(el, p).content;
      if (c && c !== 'none' && c !== 'normal') { out += c; }
    });
    return out.length > 0 ? out : null;
  }
  function hasOwnText(el) {
    for (var c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3 && /\S/.test(c.nodeValue)) { return true; }
    }
    return false;
  }
  function focusStyle(el) {
    var cs = getComputedStyle(el);
    return [cs.outlineStyle, cs.outlineWidth, cs.outlineColor, cs.boxShadow, cs.borderTopColor, cs.borderBottomColor,
      cs.backgroundColor, cs.color, cs.textDecorationLine].join('|');
  }
  for (var i = 0; i < n; i++) {
    var el = all[i];
    el.setAttribute('data-yiyue-i', String(i));
    var cs = getComputedStyle(el);
    var r = el.getBoundingClientRect();
    var visible = false;
    try {
      visible = r.width > 1 && r.height > 1 && el.checkVisibility({opacityProperty: true, visibilityProperty: true})
        && r.right + sx > 0 && r.bottom + sy > 0;
    } catch (e) { visible = r.width > 1 && r.height > 1 && cs.visibility === 'visible'; }
    var ownText = hasOwnText(el);
    var scrollable = (/(auto|scroll)/.test(cs.overflowX) && el.scrollWidth - el.clientWidth > 0)
      || (/(auto|scroll)/.test(cs.overflowY) && el.scrollHeight - el.clientHeight > 0);
    if (el === document.documentElement || el === document.body) { scrollable = false; }
    var lh = px(cs.lineHeight);
    var fs = px(cs.fontSize);
    var lines = ownText && fs ? Math.max(1, Math.round(r.height / (lh || fs * 1.2))) : null;
    // focusability ignores size and position: off-screen skip links and 0x0 elements still take focus
    var rendered = true;
    try { rendered = el.checkVisibility({visibilityProperty: true}); } catch (e) { rendered = cs.display !== 'none'; }
    var focusable = el.tabIndex >= 0 && !el.disabled && !el.closest('[inert]') && rendered;
    var bgText = null, stops = null;
    if (ownText && (!cs.textShadow || cs.textShadow === 'none') && !occluded(el, r)) {
      bgText = background(el);
      if (bgText === null) { stops = gradientStops(el); }
    }
    rows.push([i, ownText ? cs.color : null, bgText, fs, px(cs.fontWeight),
      r.left + sx, r.top + sy, r.width, r.height, cs.display, cs.visibility, visible, focusable, cs.position,
      scrollable, cs.cursor, px(cs.letterSpacing), px(cs.wordSpacing), lh, lines, null, null, generated(el), stops]);
  }
  // a modal dialog makes the rest of the page inert, which the DOM does not show: mark it for the rules
  try { var modal = document.querySelector(':modal'); if (modal) { modal.setAttribute('data-yiyue-modal', ''); document.documentElement.setAttribute('data-yiyue-has-modal', ''); } } catch (e) { /* old browser */ }
  // serialise before the focus probes: focus handlers may change the DOM (open menus, blur, …)
  var doctype = document.doctype ? '<!DOCTYPE ' + document.doctype.name + '>' : '';
  var html = doctype + document.documentElement.outerHTML;
  // focus probes: does focusing change the element's look, and is it then covered by other content?
  var probes = 0, previous = document.activeElement;
  for (var k = 0; k < rows.length && probes < maxFocusProbes; k++) {
    if (!rows[k][12]) { continue; }
    var t = all[rows[k][0]];
    probes++;
    var before = focusStyle(t);
    try { t.focus(); } catch (e) { continue; }
    if (document.activeElement !== t) { continue; }
    rows[k][21] = before !== focusStyle(t);
    var b = t.getBoundingClientRect();
    var vw = window.innerWidth, vh = window.innerHeight;
    var pts = [[b.left + b.width / 2, b.top + b.height / 2], [b.left + 2, b.top + 2], [b.right - 2, b.top + 2],
      [b.left + 2, b.bottom - 2], [b.right - 2, b.bottom - 2]];
    var seen = 0, covered = 0;
    for (var q = 0; q < pts.length; q++) {
      var x = pts[q][0], y = pts[q][1];
      if (x < 0 || y < 0 || x >= vw || y >= vh) { continue; }
      seen++;
      var top = document.elementFromPoint(x, y);
      if (top && top !== t && !t.contains(top) && !top.contains(t)) { covered++; }
    }
    rows[k][20] = seen === 0 ? null : covered === seen ? 'FULL' : covered > 0 ? 'PARTIAL' : 'NONE';
    try { t.blur(); } catch (e) { /* ignore */ }
  }
  try { if (previous && previous.focus) { previous.focus(); } } catch (e) { /* ignore */ }
  window.scrollTo(sx, sy);
  return {html: html, width: window.innerWidth, height: window.innerHeight,
    total: all.length, rows: rows};
})(arguments[0], arguments[1]);
