// Yiyue keyboard walk, step 2 (run through DevTools with the console's getEventListeners): which tab stops may react
// to focus or keys later than at once — the page listens for focus, blur or key events on the element or an
// ancestor, or on the document or window (then all of them), or for scroll; radios, frames and shadow hosts (their
// stops are not predicted). The walk steps onto these alone and reads the log before going on, as it did for every
// Tab before; between the others it sends several Tabs at once.
(function () {
  // a page's own global getEventListeners hides the console's: then nothing is known (the walk steps every Tab)
  if (!/\[Command Line API\]/.test(String(getEventListeners))) throw new Error('getEventListeners is the page\'s own');
  var TYPES = ['focus', 'blur', 'focusin', 'focusout', 'keydown', 'keyup', 'keypress', 'scroll'];
  function has(t) {
    var ls = getEventListeners(t);
    for (var i = 0; i < TYPES.length; i++) {
      var a = ls[TYPES[i]];
      if (a) for (var j = 0; j < a.length; j++) if (!(a[j].listener && a[j].listener.__yiyueOwn)) return true;
    }
    return false;
  }
  var all = has(window) || has(document), memo = new Map(), hz = {};
  function handled(e) {
    var seen = [], v = false;
    for (var a = e; a && a.nodeType === 1; a = a.parentElement) {
      if (memo.has(a)) { v = memo.get(a); break; }
      seen.push(a);
      if (has(a)) { v = true; break; }
    }
    seen.forEach(function (x) { memo.set(x, v); });
    return v;
  }
  document.querySelectorAll('[data-yiyue-k]').forEach(function (el) {
    if (all || el.localName === 'iframe' || (el.localName === 'input' && el.type === 'radio') || el.shadowRoot || handled(el)) {
      hz[el.getAttribute('data-yiyue-k')] = true;
    }
  });
  window.__yiyueHazard = hz;
  return Object.keys(hz).map(Number);
})()
