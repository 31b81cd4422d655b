// Yiyue layout check: which texts are cut off (overflow hidden/clip), and what sticks out sideways.
// arguments[0]: the tag to mark clipped elements with; arguments[1]: viewport width to test against.
(function (mark, width) {
  var path = /*@include element-path.js*/;
  function ownText(el) {
    for (var c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 3 && c.data.trim().length > 0) return true;
    return false;
  }
  var clipped = [];
  var all = document.body ? document.body.getElementsByTagName('*') : [];
  for (var i = 0; i < all.length; i++) {
    var el = all[i];
    var s = getComputedStyle(el);
    if (s.display === 'none' || s.visibility !== 'visible') continue;
    var hidesY = s.overflowY === 'hidden' || s.overflowY === 'clip';
    var hidesX = s.overflowX === 'hidden' || s.overflowX === 'clip';
    if (!hidesX && !hidesY) continue;
    if (el.clientWidth < 4 || el.clientHeight < 4) continue; // visually-hidden helpers
    if (!el.textContent || el.textContent.trim().length === 0) continue;
    var cut = (hidesY && el.scrollHeight > el.clientHeight + 2) || (hidesX && el.scrollWidth > el.clientWidth + 2 && s.textOverflow !== 'ellipsis');
    if (cut) {
      if (mark) el.setAttribute(mark, '');
      clipped.push({selector: path(el), html: el.outerHTML.slice(0, 200), marked: el.hasAttribute('data-yiyue-clip100')});
    }
  }
  var docWidth = document.documentElement.scrollWidth;
  var wide = [];
  if (width > 0 && docWidth > width + 2) {
    var EXEMPT = 'table, pre, code, video, canvas, svg, iframe, map, [role=img], [role=grid], [role=table], math';
    for (var j = 0; j < all.length; j++) {
      var e = all[j];
      var r = e.getBoundingClientRect();
      if (r.width <= width + 2 || r.height === 0) continue;
      if (e.closest(EXEMPT)) continue;
      var scroller = false;
      for (var a = e.parentElement; a && a !== document.body; a = a.parentElement) {
        var ox = getComputedStyle(a).overflowX;
        if ((ox === 'auto' || ox === 'scroll') && a.getBoundingClientRect().width <= width + 2) { scroller = true; break; }
      }
      if (scroller) continue;
      var childWide = false;
      for (var ch = e.firstElementChild; ch; ch = ch.nextElementSibling) {
        if (ch.getBoundingClientRect().width > width + 2 && !ch.closest(EXEMPT)) { childWide = true; break; }
      }
      if (!childWide) wide.push({selector: path(e), html: e.outerHTML.slice(0, 200), width: Math.round(r.width),
        image: /^(img|picture|svg|canvas|video|object|embed)$/.test(e.localName)});
      if (wide.length >= 5) break;
    }
  }
  return {clipped: clipped, docWidth: docWidth, wide: wide};
})(arguments[0], arguments[1]);
