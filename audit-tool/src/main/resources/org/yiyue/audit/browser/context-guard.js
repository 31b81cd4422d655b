// Yiyue context-change guard, added at document start with the page recorder. It notes every change of context the
// page itself starts — a navigation (location, form submission, link activation), a new window (window.open) — with
// the phase of the audit it happened in and the element that had focus. While the page loads it only watches (a
// redirect on load is followed as a visitor's browser would); once the audit arms it, navigations are cancelled
// and window.open refused, so focus and input can be tried without leaving the page. The page sees one
// non-enumerable window property, __yiyueContext.
(function () {
  if (window.__yiyueContext) return;
  var log = [];
  var phase = 'load';
  var armed = false;
  var submitting = false;
  var subject = null;
  var path = /*@include element-path.js*/;
  function note(kind, url) {
    var el = subject || document.activeElement;
    if (el === document.body || el === document.documentElement) el = null;
    if (log.length >= 200) return;
    log.push({kind: kind, url: String(url || ''), phase: phase, cancelled: armed,
      selector: el ? path(el) : '', html: el ? el.outerHTML.slice(0, 200) : ''});
  }
  if (window.navigation && window.navigation.addEventListener) {
    window.navigation.addEventListener('navigate', function (e) {
      // a jump to a fragment of this page moves the viewport only; back/forward is the browser's doing
      if (e.hashChange || e.navigationType === 'traverse') return;
      var src = e.sourceElement;
      var form = submitting || e.formData || (src && (src.localName === 'form' || src.form));
      note(form ? 'submit' : 'navigate', e.destination && e.destination.url);
      if (armed && e.cancelable) e.preventDefault();
    });
  }
  // windows are refused only while focus or input is tried: during the audit's own checks window.open may be
  // the audit's (axe-core opens a blank window to combine frame results), so it is neither noted nor refused
  var nativeOpen = window.open;
  window.open = function (url) {
    if (phase === 'checks') return nativeOpen.apply(window, arguments);
    note('window', url);
    return armed ? null : nativeOpen.apply(window, arguments);
  };
  // a form posted into another window navigates that window, not this one: the navigate event does not see it
  document.addEventListener('submit', function (e) {
    var f = e.target, target = (f && f.getAttribute && f.getAttribute('target')) || '';
    if (target && target !== '_self' && target !== '_parent' && target !== '_top') {
      note('window', f.action);
      if (armed) e.preventDefault();
    }
  }, true);
  var nativeSubmit = HTMLFormElement.prototype.submit;
  HTMLFormElement.prototype.submit = function () {
    var target = this.getAttribute('target') || '';
    if (target && target !== '_self' && target !== '_parent' && target !== '_top') {
      note('window', this.action);
      if (armed) return;
    }
    submitting = true;
    try { return nativeSubmit.apply(this, arguments); } finally { submitting = false; }
  };
  Object.defineProperty(window, '__yiyueContext', {enumerable: false, configurable: false, value: {
    /** Sets the phase; armed phases cancel what they note. The subject is the element being tried (else focus). */
    phase: function (name, arm, el) { phase = name; armed = !!arm; subject = el || null; },
    size: function () { return log.length; },
    since: function (n) { return log.slice(n); },
    path: path
  }});
})();
