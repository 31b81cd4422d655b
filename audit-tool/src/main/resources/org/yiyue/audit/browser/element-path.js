// The path by which the audit's findings name an element: "#id" when that id is unique, else a child path with
// :nth-of-type from the nearest uniquely identified ancestor, or from html. Included where another script says
// /*@include element-path.js*/ (see Scripts.java), so every check names elements the same way.
function (el) {
  function uniqueId(e) { return e.id && document.querySelectorAll('#' + CSS.escape(e.id)).length === 1; }
  if (uniqueId(el)) return '#' + CSS.escape(el.id);
  var parts = [];
  while (el && el.nodeType === 1 && el !== document.documentElement) {
    if (uniqueId(el)) { parts.unshift('#' + CSS.escape(el.id)); return parts.join(' > '); }
    var p = el.parentElement, tag = el.localName, i = 1, n = 0, sib = el;
    while ((sib = sib.previousElementSibling)) { if (sib.localName === tag) i++; }
    if (p) { for (var c = p.firstElementChild; c; c = c.nextElementSibling) if (c.localName === tag) n++; }
    parts.unshift(n > 1 ? tag + ':nth-of-type(' + i + ')' : tag);
    el = p;
  }
  return 'html > ' + parts.join(' > ');
}
