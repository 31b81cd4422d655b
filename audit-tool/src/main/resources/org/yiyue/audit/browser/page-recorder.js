// Yiyue page recorder, added at document start of every page (Page.addScriptToEvaluateOnNewDocument).
// It watches without changing what the page does:
//  - timers (setTimeout, setInterval, requestAnimationFrame) grouped into chains: a timer set inside another
//    timer's callback belongs to that timer's chain; a chain is "auto" unless its first timer was set while an
//    input, focus or scroll event was being handled;
//  - DOM changes made inside a timer callback (taken from a MutationObserver at the end of the callback), so a
//    change is credited to the chain that made it; changes made by event handlers (the user's doing) count for
//    nothing, and neither do chains an input handler started;
//  - listeners added with addEventListener for pointer, key, hover and focus events.
// Everything lives in this closure; the page sees one non-enumerable window property, __yiyueRec.
(function () {
  if (window.__yiyueRec) return;
  var now = function () { return performance.now(); };
  // events that are not a person acting on the content (a window resize counts as none: the layout checks resize)
  var AUTO_EVENTS = {load: 1, DOMContentLoaded: 1, readystatechange: 1, pageshow: 1, error: 1, message: 1, resize: 1,
    orientationchange: 1, visibilitychange: 1, transitionend: 1, animationend: 1, webkitTransitionEnd: 1};
  var MAX_FIRES = 12, MAX_NODES = 40, MAX_CHAINS = 200;
  var chains = [];
  var current = null; // the chain whose callback is running
  var timeouts = new Map(), frames = new Map();
  var observer = new MutationObserver(function () { /* only records taken inside timer callbacks count */ });
  try {
    observer.observe(document, {attributes: true, attributeOldValue: true, childList: true, characterData: true,
      characterDataOldValue: true, subtree: true});
  } catch (e) { /* no document to observe: record timers only */ }

  function newChain(kind, delay) {
    var ev = window.event;
    var auto = !(ev && ev.type && !AUTO_EVENTS[ev.type]);
    var c = {kind: kind, auto: auto, trigger: auto ? '' : ev.type, started: now(), minDelay: delay, maxDelay: delay,
      fires: 0, pending: 0, intervals: 0, changed: [], lastFire: 0};
    if (chains.length < MAX_CHAINS) chains.push(c);
    return c;
  }
  function chainFor(kind, delay) {
    var c = current || newChain(kind, delay);
    if (delay < c.minDelay) c.minDelay = delay;
    if (delay > c.maxDelay) c.maxDelay = delay;
    return c;
  }
  function sig(list) {
    var out = '';
    for (var i = 0; i < list.length; i++) {
      var n = list[i];
      out += '<' + n.nodeName + (n.nodeType === 1 ? ' ' + (n.getAttribute('class') || '') + ' ' + (n.getAttribute('src') || '') : '')
        + '>' + (n.textContent || '');
    }
    return out;
  }
  // a change someone could see: not a data-/aria- attribute, and not a value written over with itself
  function relevant(r) {
    if (r.type === 'attributes') {
      var n = r.attributeName || '';
      if (n.indexOf('data-') === 0 || n.indexOf('aria-') === 0) return false;
      return r.target.getAttribute(n) !== r.oldValue;
    }
    if (r.type === 'characterData') return r.target.data !== r.oldValue;
    return sig(r.addedNodes) !== sig(r.removedNodes);
  }
  function take(c) {
    var recs = observer.takeRecords();
    if (!recs.length) return;
    var nodes = [];
    for (var i = 0; i < recs.length && nodes.length < MAX_NODES; i++) {
      var r = recs[i];
      if (!relevant(r)) continue;
      var el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      if (el && nodes.indexOf(el) < 0) nodes.push(el);
    }
    if (!nodes.length) return;
    c.changedCount = (c.changedCount || 0) + 1;
    if (c.changedCount === 1) c.firstChange = now();
    c.lastChange = now();
    if (c.changed.length < MAX_FIRES) c.changed.push({t: now(), nodes: nodes});
  }
  function run(c, fn, self, args) {
    var prev = current;
    observer.takeRecords(); // what happened before this callback is not its doing
    current = c;
    c.fires++;
    c.lastFire = now();
    try {
      if (typeof fn === 'function') return fn.apply(self, args);
      (0, eval)(String(fn));
    } finally {
      take(c);
      current = prev;
    }
  }

  var nativeSetTimeout = window.setTimeout, nativeSetInterval = window.setInterval;
  var nativeClearTimeout = window.clearTimeout, nativeClearInterval = window.clearInterval;
  var nativeRaf = window.requestAnimationFrame, nativeCancelRaf = window.cancelAnimationFrame;

  window.setTimeout = function (fn, delay) {
    var d = Math.max(0, Number(delay) || 0);
    var c = chainFor('timeout', d);
    var args = Array.prototype.slice.call(arguments);
    var id;
    args[0] = function () {
      if (timeouts.has(id)) { timeouts.delete(id); c.pending--; }
      return run(c, fn, this, arguments);
    };
    id = nativeSetTimeout.apply(window, args);
    timeouts.set(id, {chain: c, interval: false});
    c.pending++;
    return id;
  };
  window.setInterval = function (fn, delay) {
    var d = Math.max(0, Number(delay) || 0);
    var c = chainFor('interval', d);
    var args = Array.prototype.slice.call(arguments);
    args[0] = function () { return run(c, fn, this, arguments); };
    var id = nativeSetInterval.apply(window, args);
    timeouts.set(id, {chain: c, interval: true});
    c.intervals++;
    c.repeats = true; // an interval repeats by itself; one-off timeouts must show they keep going
    return id;
  };
  // a chain stopped from an input, focus or hover handler was paused by the user, not finished
  function pausedBy(c) {
    var ev = window.event;
    if (!current && ev && ev.type && !AUTO_EVENTS[ev.type]) c.pausedBy = ev.type;
  }
  function clear(id) {
    var t = timeouts.get(id);
    if (!t) return;
    timeouts.delete(id);
    pausedBy(t.chain);
    if (t.interval) t.chain.intervals--; else t.chain.pending--;
  }
  window.clearTimeout = function (id) { clear(id); return nativeClearTimeout.apply(window, arguments); };
  window.clearInterval = function (id) { clear(id); return nativeClearInterval.apply(window, arguments); };
  if (nativeRaf) {
    window.requestAnimationFrame = function (fn) {
      var c = chainFor('frame', 16);
      var id = nativeRaf.call(window, function () {
        if (frames.has(id)) { frames.delete(id); c.pending--; }
        return run(c, fn, window, arguments);
      });
      frames.set(id, c);
      c.pending++;
      return id;
    };
    window.cancelAnimationFrame = function (id) {
      var c = frames.get(id);
      if (c) { frames.delete(id); c.pending--; pausedBy(c); }
      return nativeCancelRaf.apply(window, arguments);
    };
  }

  // listeners: which elements handle which events (the audit decides what that means)
  var TYPES = {click: 'click', mousedown: 'click', mouseup: 'click', pointerdown: 'click', pointerup: 'click',
    touchstart: 'click', touchend: 'click', keydown: 'key', keyup: 'key', keypress: 'key',
    mouseover: 'hover', mouseenter: 'hover', focus: 'focus', focusin: 'focus'};
  var listened = [], kinds = new WeakMap();
  var nativeAdd = EventTarget.prototype.addEventListener, nativeRemove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (type, listener) {
    var k = TYPES[type];
    if (k && listener && this && this.nodeType === 1) {
      var m = kinds.get(this);
      if (!m) { m = {}; kinds.set(this, m); if (listened.length < 20000) listened.push(this); }
      m[k] = (m[k] || 0) + 1;
    }
    return nativeAdd.apply(this, arguments);
  };
  EventTarget.prototype.removeEventListener = function (type, listener) {
    var k = TYPES[type], m = k && this && kinds.get(this);
    if (m && m[k] > 0) m[k]--;
    return nativeRemove.apply(this, arguments);
  };

  // a CSS selector for an element: its id when unique, else the tag path from the nearest unique id or html
  var path = /*@include element-path.js*/;

  Object.defineProperty(window, '__yiyueRec', {enumerable: false, configurable: false, value: {
    now: now,
    path: path,
    chains: function () { return chains; },
    listeners: function () { return {elements: listened, kinds: kinds}; }
  }});
})();
