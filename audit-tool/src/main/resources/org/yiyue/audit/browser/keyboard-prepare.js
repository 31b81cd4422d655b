// Yiyue keyboard walk, step 1: mark the elements sequential navigation should reach, remember how each looks
// unfocused, and log every focus change from now on (the log is read back by the audit).
(function () {
  var SEL = 'a[href],area[href],button,input,select,textarea,iframe,summary,[tabindex],[contenteditable=""],[contenteditable=true]';
  // What a sighted user can see change on focus: an outline or border only counts when it is drawn
  // (style not none, width > 0), so an invisible width change (outline:0 on :focus) is no indicator.
  // over: end values of transitions still running (camelCase property -> value), read instead of the current ones
  function sig(el, over) {
    if (!el || el.nodeType !== 1) return '';
    var cs = getComputedStyle(el);
    var s = over ? new Proxy(cs, {get: function (t, p) { return p in over ? over[p] : t[p]; }}) : cs;
    var outline = (s.outlineStyle === 'none' || parseFloat(s.outlineWidth) === 0) ? 'none'
      : s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor + ' ' + s.outlineOffset;
    var border = ['Top', 'Right', 'Bottom', 'Left'].map(function (side) {
      var st = s['border' + side + 'Style'], w = parseFloat(s['border' + side + 'Width']);
      return (st === 'none' || st === 'hidden' || w === 0) ? 'none' : st + ' ' + w + ' ' + s['border' + side + 'Color'];
    }).join(',');
    return [outline, s.boxShadow, border, s.backgroundColor, s.color, s.textDecorationLine].join('|');
  }
  // The values CSS transitions running on el will end at (a focus style that fades in is read as it ends up, not as
  // it starts: no timer, so the result does not depend on how soon the next Tab comes); null when none is running.
  function transitionEnds(el) {
    if (!el || el.nodeType !== 1 || !el.getAnimations || typeof CSSTransition === 'undefined') return null;
    var over = null;
    el.getAnimations().forEach(function (a) {
      if (!(a instanceof CSSTransition) || !a.effect || a.effect.target !== el || a.effect.pseudoElement) return;
      var frames = a.effect.getKeyframes(), last = frames[frames.length - 1];
      var prop = String(a.transitionProperty).replace(/-([a-z])/g, function (m, c) { return c.toUpperCase(); });
      if (last && last[prop] !== undefined) { over = over || {}; over[prop] = last[prop]; }
    });
    return over;
  }
  function visible(el) {
    if (!el.getClientRects().length) return false;
    var s = getComputedStyle(el);
    if (s.visibility !== 'visible' || s.display === 'none') return false;
    var r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  }
  var path = /*@include element-path.js*/;
  var list = [];
  var k = 0;
  document.querySelectorAll(SEL).forEach(function (el) {
    if (el.tabIndex < 0 || el.disabled || el.closest('[inert]') || !visible(el)) return;
    if (el.localName === 'input' && el.type === 'hidden') return;
    if (el.closest('[aria-hidden="true"]') && el.tabIndex < 0) return;
    el.setAttribute('data-yiyue-k', String(k));
    window.__yiyueSig = window.__yiyueSig || {};
    window.__yiyueSig[k] = [sig(el), sig(el.parentElement)];
    list.push({k: k, selector: path(el), tag: el.localName, type: el.type || '', name: el.name || '',
      html: el.outerHTML.slice(0, 200), ti: el.tabIndex, sh: !!el.shadowRoot});
    k++;
  });
  // Pointer-only controls (WCAG failure F54): a click handler in markup on an element that is not focusable and
  // has no focusable element inside or around it. Hover-only handlers are collected apart (a person judges them).
  var pointerOnly = [];
  var FOCUSABLE = 'a[href],area[href],button,input,select,textarea,iframe,summary,[tabindex],[contenteditable]';
  document.querySelectorAll('[onclick],[onmousedown],[onmouseup],[onmouseover],[onmouseenter]').forEach(function (el) {
    if (el === document.body || el === document.documentElement || el.matches(FOCUSABLE) && el.tabIndex >= 0) return;
    if (el.disabled || !visible(el) || el.closest('[inert]')) return;
    if (el.querySelector(FOCUSABLE) || (el.parentElement && el.parentElement.closest(FOCUSABLE))) return;
    if (el.hasAttribute('onkeydown') || el.hasAttribute('onkeyup') || el.hasAttribute('onkeypress')) return;
    var click = el.hasAttribute('onclick') || el.hasAttribute('onmousedown') || el.hasAttribute('onmouseup');
    pointerOnly.push({selector: path(el), html: el.outerHTML.slice(0, 200), click: click});
  });
  window.__yiyuePointerOnly = pointerOnly;
  window.__yiyuePath = path;
  window.__yiyueFocusLog = [];
  function fixedCover(el, x, y) {
    var top = document.elementFromPoint(x, y);
    if (!top || top === el || el.contains(top) || top.contains(el)) return false;
    for (var a = top; a && a.nodeType === 1; a = a.parentElement) {
      var pos = getComputedStyle(a).position;
      if (pos === 'fixed' || pos === 'sticky') return true;
    }
    return false;
  }
  // F55 detection that does not depend on timing: record blur() calls made by the page's scripts.
  var current = null, currentEl = null, scriptBlur = false;
  if (!window.__yiyueBlurPatched) {
    window.__yiyueBlurPatched = true;
    var originalBlur = HTMLElement.prototype.blur;
    HTMLElement.prototype.blur = function () {
      if (current && this === currentEl && document.activeElement === this) current.kept = false;
      scriptBlur = true;
      try { return originalBlur.apply(this, arguments); } finally { scriptBlur = false; }
    };
  }
  function onFocus(ev) {
    var el = ev.target;
    if (!el || el.nodeType !== 1) return;
    var r = el.getBoundingClientRect();
    var vw = window.innerWidth, vh = window.innerHeight;
    if (r.top < 0 || r.bottom > vh || r.left < 0 || r.right > vw) {
      el.scrollIntoView({block: 'center', inline: 'nearest'}); // as Chromium does for keyboard focus
      r = el.getBoundingClientRect();
    }
    var pts = [[r.left + r.width / 2, r.top + r.height / 2], [r.left + 2, r.top + 2], [r.right - 2, r.top + 2],
      [r.left + 2, r.bottom - 2], [r.right - 2, r.bottom - 2]];
    var inView = 0, covered = 0;
    pts.forEach(function (p) {
      if (p[0] < 0 || p[1] < 0 || p[0] >= vw || p[1] >= vh) return;
      inView++;
      if (fixedCover(el, p[0], p[1])) covered++;
    });
    var kk = el.getAttribute('data-yiyue-k');
    var before = kk !== null && window.__yiyueSig[kk] ? window.__yiyueSig[kk] : null;
    var inner = el;
    while (inner.shadowRoot && inner.shadowRoot.activeElement) inner = inner.shadowRoot.activeElement;
    var s = getComputedStyle(inner);
    var outlined = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow && s.boxShadow !== 'none');
    var entry = {k: kk === null ? -1 : Number(kk), selector: path(el), tag: el.localName,
      html: el.outerHTML.slice(0, 200), kept: true,
      changed: before ? (sig(el) !== before[0] || sig(el.parentElement) !== before[1]) : outlined,
      obscured: inView === 0 ? 'unknown' : (covered === inView ? 'full' : (covered > 0 ? 'partial' : 'none')),
      w: r.width, h: r.height};
    if (!entry.changed && before) {
      // a focus style with a transition has not changed yet: compare what it ends at
      var overEl = transitionEnds(el), overParent = transitionEnds(el.parentElement);
      if (overEl || overParent) {
        entry.changed = sig(el, overEl) !== before[0] || sig(el.parentElement, overParent) !== before[1];
      }
    }
    window.__yiyueFocusLog.push(entry);
    current = entry; currentEl = el;
    if (!entry.changed && before && window.__yiyueHazard && window.__yiyueHazard[kk]) {
      // the page handles focus or keys on this element (KeyboardWalk steps onto it alone): a style its script sets
      // a little later still counts, as before
      setTimeout(function () {
        if (!entry.changed && document.activeElement === el) {
          entry.changed = sig(el) !== before[0] || sig(el.parentElement) !== before[1];
        }
      }, 30);
    }
  }
  onFocus.__yiyueOwn = true;
  document.addEventListener('focus', onFocus, true);
  function onBlur(ev) {
    if (!ev.relatedTarget && !scriptBlur) {
      window.__yiyueFocusLog.push({k: -2, leave: true}); // focus left the document (end of the tab order, or a frame)
    }
  }
  onBlur.__yiyueOwn = true;
  document.addEventListener('blur', onBlur, true);
  if (document.activeElement && document.activeElement !== document.body) { scriptBlur = true; document.activeElement.blur(); scriptBlur = false; }
  return list;
})();
