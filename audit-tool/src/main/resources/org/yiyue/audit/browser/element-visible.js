// Whether an element is rendered and can be seen: it has boxes, is not hidden or fully transparent, and is larger
// than a pixel in both directions. Included where a script says /*@include element-visible.js*/ (see Scripts.java).
function (el) {
  if (!el.getClientRects().length) return false;
  var s = getComputedStyle(el);
  if (s.visibility !== 'visible' || s.display === 'none' || parseFloat(s.opacity) === 0) return false;
  var r = el.getBoundingClientRect();
  return r.width > 1 && r.height > 1;
}
