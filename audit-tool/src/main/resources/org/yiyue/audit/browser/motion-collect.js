// Yiyue moving-content check (WCAG 2.2.2): reads what page-recorder.js saw. A timer chain that started without
// user input, is still scheduled, and changed the DOM in two or more of its callbacks is moving or auto-updating
// content (a chain of one-off timeouts or animation frames must also have kept changing it for SPAN_MS: a fade-in
// that ends is not); its container is the nearest element holding all the changed nodes (never body or html).
(function () {
  var R = window.__yiyueRec;
  if (!R) return null;
  var WORDS = /暂停|停止|关闭|隐藏|pause|stop|hide/i;
  var CONTROLS = 'button,a[href],input[type=button],input[type=submit],input[type=image],input[type=checkbox],'
    + '[role=button],[role=switch],[role=checkbox],[tabindex]';
  var top = function (e) { return e === document.body || e === document.documentElement; };

  function lca(nodes) {
    var a = nodes[0];
    for (var i = 1; i < nodes.length && a; i++) {
      while (a && !a.contains(nodes[i])) a = a.parentElement;
    }
    return a;
  }
  // nearest common containers below body: one per separate region the chain changed
  function containers(nodes) {
    nodes = nodes.filter(function (n) { return n.isConnected && !top(n) && document.body && document.body.contains(n); });
    if (!nodes.length) return [];
    var c = lca(nodes);
    if (c && !top(c)) return [c];
    var parts = new Map();
    nodes.forEach(function (n) {
      var k = n;
      while (k.parentElement && k.parentElement !== c) k = k.parentElement;
      if (!parts.has(k)) parts.set(k, []);
      parts.get(k).push(n);
    });
    var out = [];
    parts.forEach(function (list) { out.push.apply(out, containers(list)); });
    return out;
  }
  function visible(el) {
    var r = el.getBoundingClientRect();
    if (r.width * r.height < 100) return false;
    var s = getComputedStyle(el);
    return s.visibility === 'visible' && s.display !== 'none' && Number(s.opacity) > 0;
  }
  function nameOf(el) {
    var n = el.getAttribute('aria-label') || '';
    var ids = (el.getAttribute('aria-labelledby') || '').split(/\s+/);
    ids.forEach(function (id) { var l = id && document.getElementById(id); if (l) n += ' ' + l.textContent; });
    n += ' ' + (el.textContent || '') + ' ' + (el.getAttribute('title') || '') + ' ' + (el.value || '');
    el.querySelectorAll('img[alt]').forEach(function (i) { n += ' ' + i.alt; });
    if (el.localName === 'input' && el.alt) n += ' ' + el.alt;
    return n;
  }
  function pauseControl(box) {
    // the content itself and up to two levels around it (controls often sit beside the slides' strip), never body
    var scopes = [box];
    for (var a = box.parentElement, up = 0; a && !top(a) && up < 2; a = a.parentElement, up++) scopes.push(a);
    for (var s = 0; s < scopes.length; s++) {
      var list = scopes[s].querySelectorAll(CONTROLS);
      for (var i = 0; i < list.length; i++) if (WORDS.test(nameOf(list[i]))) return list[i];
    }
    var refs = document.querySelectorAll('[aria-controls]');
    for (var j = 0; j < refs.length; j++) {
      var ids = refs[j].getAttribute('aria-controls').split(/\s+/);
      for (var k = 0; k < ids.length; k++) {
        var t = ids[k] && document.getElementById(ids[k]);
        if (t && (t === box || box.contains(t) || t.contains(box))) return refs[j];
      }
    }
    return null;
  }
  // hover or focus handlers around the content: it may pause then (a person verifies)
  function hoverHandler(box) {
    var kinds = R.listeners().kinds;
    function has(e) {
      var k = kinds.get(e);
      return (k && (k.hover > 0 || k.focus > 0)) || typeof e.onmouseover === 'function'
        || typeof e.onmouseenter === 'function' || typeof e.onfocus === 'function';
    }
    for (var a = box; a && !top(a); a = a.parentElement) if (has(a)) return a;
    var inner = box.querySelectorAll('*');
    for (var i = 0; i < inner.length && i < 2000; i++) if (has(inner[i])) return inner[i];
    return null;
  }

  var SPAN_MS = 1000;
  var out = {now: R.now(), chains: [], moving: []};
  var seen = [];
  R.chains().forEach(function (c) {
    var active = c.intervals > 0 || c.pending > 0 || !!c.pausedBy;
    var span = (c.lastChange || 0) - (c.firstChange || 0);
    out.chains.push({auto: c.auto, kind: c.kind, minDelay: c.minDelay, maxDelay: c.maxDelay, fires: c.fires,
      changed: c.changedCount || 0, active: active, paused: !!c.pausedBy, interval: !!c.repeats, started: c.started,
      firstChange: c.firstChange || 0, span: span});
    if (!c.auto || !active || (c.changedCount || 0) < 2) return;
    if (!c.repeats && span < SPAN_MS) return;
    var all = [];
    c.changed.forEach(function (f) { f.nodes.forEach(function (n) { if (all.indexOf(n) < 0) all.push(n); }); });
    containers(all).forEach(function (box) {
      if (seen.indexOf(box) >= 0 || !visible(box)) return;
      var times = c.changed.filter(function (f) { return f.nodes.some(function (n) { return box.contains(n); }); }).length;
      if (times < 2) return;
      seen.push(box);
      var moved = c.changed.some(function (f) { return f.nodes.indexOf(box) >= 0; });
      var pos = getComputedStyle(box).position;
      var control = pauseControl(box);
      var paused = control ? '' : (c.pausedBy || '');
      var hover = control || paused ? null : hoverHandler(box);
      out.moving.push({selector: R.path(box), html: box.outerHTML.slice(0, 200), times: times,
        every: Math.round(c.minDelay), kind: c.kind,
        floating: moved && (pos === 'absolute' || pos === 'fixed'),
        pause: control ? 'control' : (paused ? 'paused' : (hover ? 'hover' : '')),
        pauseSelector: control ? R.path(control) : (paused || (hover ? R.path(hover) : ''))});
    });
  });
  return out;
})();
