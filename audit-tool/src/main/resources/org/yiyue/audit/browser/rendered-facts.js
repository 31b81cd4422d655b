// Yiyue rendered-facts collector: ONE call that marks every element with data-yiyue-i, measures it, probes focus,
// and returns the serialised DOM plus a compact fact table. Column order must match FactsCollector.COLUMNS.
return (function (maxElements, maxFocusProbes) {
  // every element of the document and of its open shadow trees (the toolbar's own is not the audited page's),
  // each shadow tree right after its host
  var all = [], hosts = [];
  function gather(root) {
    var list = root.querySelectorAll('*');
    for (var g = 0; g < list.length; g++) {
      var x = list[g];
      all.push(x);
      if (x.shadowRoot && x.localName !== 'yiyue-a11y') { hosts.push(x); gather(x.shadowRoot); }
    }
  }
  gather(document);
  var n = Math.min(all.length, maxElements);
  var sx = window.scrollX, sy = window.scrollY;
  var rows = [];
  function px(v) { var f = parseFloat(v); return isNaN(f) ? null : f; }
  // the flat tree (CSS Scoping): a host's children are its shadow root's; a slot's are its assigned nodes
  function expanded(el) { return !!el.shadowRoot && el.localName !== 'yiyue-a11y'; }
  function flatChildren(el) {
    if (expanded(el)) { return el.shadowRoot.childNodes; }
    if (el.localName === 'slot' && el.getRootNode() !== document) {
      var assigned = el.assignedNodes();
      return assigned.length > 0 ? assigned : el.childNodes;
    }
    return el.childNodes;
  }
  function flatParent(node) {
    if (node.assignedSlot) { return node.assignedSlot; }
    var up = node.parentNode;
    if (up && up.nodeType === 11 && up.host) { return up.host; }
    return up && up.nodeType === 1 ? up : null;
  }
  function flatContains(a, el) {
    for (var q = el; q; q = flatParent(q)) { if (q === a) { return true; } }
    return false;
  }
  function parseRgba(s) {
    var m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(s || '');
    return m ? [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]] : null;
  }
  // colour behind the element's text: composite ancestor backgrounds on the white canvas; null if an image,
  // gradient or unparsable colour lies in between
  // (each element's composite is its own colour over its flat parent's composite, the same arithmetic in the same
  // order as compositing the whole chain of layers at once: remembered per element, so shared ancestors are read once)
  var composites = new Map();
  function composite(el) {
    var chain = [], out, p = el;
    for (;;) {
      if (!p || p.nodeType !== 1) { out = [255, 255, 255]; break; }
      if (composites.has(p)) { out = composites.get(p); break; }
      var cs = getComputedStyle(p);
      var c = cs.backgroundImage && cs.backgroundImage !== 'none' ? null : parseRgba(cs.backgroundColor);
      if (c === null) { composites.set(p, null); out = null; break; }
      chain.push([p, c]);
      if (c[3] >= 1) { out = [255, 255, 255]; break; }
      p = flatParent(p);
    }
    for (var k = chain.length - 1; k >= 0; k--) {
      var l = chain[k][1], a = l[3];
      if (out !== null && a > 0) { out = [l[0] * a + out[0] * (1 - a), l[1] * a + out[1] * (1 - a), l[2] * a + out[2] * (1 - a)]; }
      composites.set(chain[k][0], out);
    }
    return out;
  }
  function background(el) {
    var out = composite(el);
    return out === null ? null : 'rgba(' + out[0] + ', ' + out[1] + ', ' + out[2] + ', 1)';
  }
  // a gradient (no image) behind the text: its colour stops composited on what lies beneath and under the
  // semi-transparent layers above it, for the "highest possible contrast" of ACT; null when anything else decides
  function gradientStops(el) {
    var above = [];
    for (var p = el; p && p.nodeType === 1; p = flatParent(p)) {
      var cs = getComputedStyle(p);
      var c = parseRgba(cs.backgroundColor);
      if (c === null) { return null; }
      if (cs.backgroundImage && cs.backgroundImage !== 'none') {
        if (!/^(repeating-)?(linear|radial|conic)-gradient\(/.test(cs.backgroundImage) || /url\(/.test(cs.backgroundImage)) { return null; }
        var beneath = flatParent(p) ? background(flatParent(p)) : 'rgba(255, 255, 255, 1)';
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
  // An ancestor (or the element) with opacity below 1 blends its whole group, text and backgrounds, with what lies
  // behind it: the text and background pixels are composited level by level (cur over the level's background, then
  // the level's opacity), then over the white canvas. undefined when no opacity applies (the usual path decides),
  // null when an image or gradient takes part.
  function throughOpacity(el, colour) {
    if (!fadedChain(el)) { return undefined; }
    var text = parseRgba(colour), back = [0, 0, 0, 0];
    if (text === null) { return null; }
    for (var p = el; p && p.nodeType === 1; p = flatParent(p)) {
      var st = getComputedStyle(p), bg = parseRgba(st.backgroundColor), o = parseFloat(st.opacity);
      if ((st.backgroundImage && st.backgroundImage !== 'none') || bg === null) { return null; }
      text = over(text, bg); back = over(back, bg);
      text[3] *= o; back[3] *= o;
    }
    var canvas = [255, 255, 255, 1];
    text = over(text, canvas); back = over(back, canvas);
    return ['rgba(' + text[0] + ', ' + text[1] + ', ' + text[2] + ', 1)', 'rgba(' + back[0] + ', ' + back[1] + ', ' + back[2] + ', 1)'];
  }
  // the element or a flat ancestor has opacity below 1 (remembered per element)
  var fadedMemo = new Map();
  function fadedChain(el) {
    var chain = [], f = false;
    for (var q = el; q && q.nodeType === 1; q = flatParent(q)) {
      if (fadedMemo.has(q)) { f = fadedMemo.get(q); break; }
      chain.push(q);
      if (parseFloat(getComputedStyle(q).opacity) < 1) { f = true; break; }
    }
    chain.forEach(function (q) { fadedMemo.set(q, f); });
    return f;
  }
  // source-over with straight alpha
  function over(top, under) {
    var a = top[3] + under[3] * (1 - top[3]);
    if (a === 0) { return [0, 0, 0, 0]; }
    return [(top[0] * top[3] + under[0] * under[3] * (1 - top[3])) / a, (top[1] * top[3] + under[1] * under[3] * (1 - top[3])) / a,
      (top[2] * top[3] + under[2] * under[3] * (1 - top[3])) / a, a];
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
    // from the element's own tree, so an element in a shadow tree is found itself rather than as its host
    var stack = el.getRootNode().elementsFromPoint(x, y);
    var at = stack.indexOf(el);
    if (at < 0) { return true; }
    for (var j = at + 1; j < stack.length; j++) {
      var s = stack[j];
      if (flatContains(s, el)) { continue; }
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
    var kids = flatChildren(el);
    for (var c = 0; c < kids.length; c++) {
      if (kids[c].nodeType === 3 && /\S/.test(kids[c].nodeValue)) { return true; }
    }
    return false;
  }
  // A host's flat children for the Java side (FlatTree): text as strings, document-tree elements by their index
  // (they are already in the parsed outerHTML and get moved), shadow-tree elements in full as
  // [name, namespace, attributes, children]. Ids and id references of a shadow tree get a prefix of their own,
  // since they resolve only inside that tree (an aria-owns in the page cannot reach into it).
  var scopes = [];
  function scopeOf(node) {
    var root = node.getRootNode();
    if (root === document) { return ''; }
    var k = scopes.indexOf(root);
    if (k < 0) { scopes.push(root); k = scopes.length - 1; }
    return 'shadow' + (k + 1) + ':';
  }
  var IDREFS = /^(id|for|headers|form|list|aria-(activedescendant|controls|describedby|details|errormessage|flowto|labelledby|owns))$/;
  function flatDescribe(el) {
    var out = [], kids = flatChildren(el);
    for (var c = 0; c < kids.length; c++) {
      var k = kids[c];
      if (k.nodeType === 3) { out.push(k.nodeValue); continue; }
      if (k.nodeType !== 1) { continue; }
      if (k.getRootNode() === document && k.hasAttribute('data-yiyue-i')) { out.push({i: +k.getAttribute('data-yiyue-i')}); continue; }
      var scope = scopeOf(k), attrs = scope ? ['data-yiyue-shadow', ''] : [];
      for (var a = 0; a < k.attributes.length; a++) {
        var at = k.attributes[a], v = at.value;
        if (scope && IDREFS.test(at.name)) { v = v.trim().split(/\s+/).map(function (t) { return t ? scope + t : t; }).join(' '); }
        attrs.push(at.name, v);
      }
      var ns = k.namespaceURI === 'http://www.w3.org/2000/svg' ? 'svg' : k.namespaceURI === 'http://www.w3.org/1998/Math/MathML' ? 'math' : 'html';
      var inner = /^(script|style)$/.test(k.localName) ? [k.textContent] : k.localName === 'template' ? [] : flatDescribe(k);
      out.push([k.localName, ns, attrs, inner]);
    }
    return out;
  }
  function focusStyle(el) {
    var cs = getComputedStyle(el);
    return [cs.outlineStyle, cs.outlineWidth, cs.outlineColor, cs.boxShadow, cs.borderTopColor, cs.borderBottomColor,
      cs.backgroundColor, cs.color, cs.textDecorationLine].join('|');
  }
  // ---- proof that focusing an element changes no pixel (ACT oj04fd), without screenshots ----
  // When the element is focused by script, a pixel can only change through (1) a script reacting to the focus,
  // (2) a style change of some element, (3) a transition or animation the change starts, or (4) the browser painting
  // focus outside the computed style (native form controls, image-map areas). Here: (2) the page's style sheets are
  // read once and every selector that depends on focus may depend on it only in its subject compound (so the focused
  // element is the only one whose matched rules change: no :focus-within, no :has(:focus), no `a:focus + span`,
  // no `.x:focus span`); then, per element, the properties those rules declare (with the UA's outline and a fixed
  // set of painting properties) are compared on the element and its pseudo-elements named by those rules, focused
  // and blurred; no new animation may start and no DOM mutation may happen; (4) only elements without native
  // appearance. (1) needs the DevTools console (event listeners) and closed shadow roots (DevTools DOM): FocusPixels
  // checks them before it uses the result. Anything not understood makes the element (or page) unproven: the
  // screenshots decide it as before.
  var PAINT = ['outline-style', 'outline-width', 'outline-color', 'outline-offset', 'box-shadow', 'border-top-color',
    'border-right-color', 'border-bottom-color', 'border-left-color', 'border-top-style', 'border-right-style',
    'border-bottom-style', 'border-left-style', 'border-top-width', 'border-right-width', 'border-bottom-width',
    'border-left-width', 'background-color', 'background-image', 'color', 'text-decoration-line',
    'text-decoration-color', 'text-decoration-style', 'text-decoration-thickness', 'text-underline-offset',
    'text-shadow', 'opacity', 'filter', 'backdrop-filter', 'transform', 'translate', 'scale', 'rotate',
    'visibility', 'display', 'content', 'clip-path', 'mask-image', 'z-index', 'position', 'width', 'height',
    'animation-name', 'transition-property', 'font-weight', 'font-size', 'cursor'];
  var PSEUDOS = {'::before': 1, '::after': 1, '::marker': 1, '::first-letter': 1, '::first-line': 1};
  var NATIVE = /^(input|textarea|select|button|option|optgroup|iframe|frame|frameset|object|embed|area|video|audio|canvas)$/;
  // a selector text with strings, attribute brackets and escapes blanked (they may hold any text, "focus" too)
  function blank(sel) {
    var out = '', depth = 0;
    for (var c = 0; c < sel.length; c++) {
      var ch = sel[c];
      if (ch === '\\') { out += 'x'; c++; continue; }
      if (ch === '"' || ch === "'") {
        var end = c + 1;
        while (end < sel.length && sel[end] !== ch) { if (sel[end] === '\\') { end++; } end++; }
        out += '""'; c = end; continue;
      }
      if (ch === '[') { depth++; continue; }
      if (ch === ']') { depth--; if (depth === 0) { out += '[]'; } continue; }
      if (depth === 0) { out += ch; }
    }
    return out;
  }
  var FOCUSY = /(^|[^:]):-?[\w-]*focus/i;
  // split at depth 0 (outside parentheses) on the given characters
  function splitTop(s, at) {
    var parts = [], depth = 0, from = 0;
    for (var c = 0; c < s.length; c++) {
      var ch = s[c];
      if (ch === '(') { depth++; } else if (ch === ')') { depth--; } else if (depth === 0 && at.test(ch)) {
        parts.push(s.slice(from, c)); from = c + 1;
      }
    }
    parts.push(s.slice(from));
    return parts;
  }
  // true when, in this (blanked) selector list, focus matters only in subject compounds; pseudo-elements of those
  // compounds are added to `pseudos`
  function subjectOnly(list, pseudos) {
    var complexes = splitTop(list, /,/);
    for (var c = 0; c < complexes.length; c++) {
      var parts = splitTop(complexes[c].trim(), /[\s>+~|]/).filter(function (p) { return p.length > 0; });
      if (parts.length === 0) { continue; }
      for (var j = 0; j < parts.length - 1; j++) { if (FOCUSY.test(parts[j])) { return false; } }
      if (FOCUSY.test(parts[parts.length - 1]) && !compoundOk(parts[parts.length - 1], pseudos)) { return false; }
    }
    return true;
  }
  function compoundOk(s, pseudos) {
    var re = /(::?)(-?[\w-]+)(\()?/g, m;
    while ((m = re.exec(s)) !== null) {
      var name = m[2].toLowerCase(), arg = null;
      if (m[3]) {
        var depth = 1, c = re.lastIndex;
        while (c < s.length && depth > 0) { if (s[c] === '(') { depth++; } else if (s[c] === ')') { depth--; } c++; }
        arg = s.slice(re.lastIndex, c - 1);
        re.lastIndex = c;
      }
      var element = m[1] === '::' || /^(before|after|first-letter|first-line)$/.test(name);
      if (element) {
        if (!PSEUDOS['::' + name] || arg !== null) { return false; }
        pseudos['::' + name] = 1;
        continue;
      }
      if (arg !== null) {
        if (!FOCUSY.test(arg)) { continue; }
        if (!/^(is|where|not|matches|-webkit-any|-moz-any|host)$/.test(name) || !subjectOnly(arg, pseudos)) { return false; }
        continue;
      }
      if (/focus/.test(name) && name !== 'focus' && name !== 'focus-visible') { return false; }
    }
    return true;
  }
  // the page's style rules (every sheet: imports, grouping rules, nesting, adopted sheets, open shadow roots' sheets):
  // {props, pseudos} when focus matters only in subject compounds, else why not
  function focusRules() {
    var props = {}, pseudos = {}, why = null, sheets = [];
    function addSheets(root) {
      for (var s = 0; s < root.styleSheets.length; s++) { sheets.push(root.styleSheets[s]); }
      if (root.adoptedStyleSheets) { for (var a = 0; a < root.adoptedStyleSheets.length; a++) { sheets.push(root.adoptedStyleSheets[a]); } }
    }
    addSheets(document);
    hosts.forEach(function (h) { addSheets(h.shadowRoot); });
    function declared(style) {
      for (var d = 0; d < style.length; d++) { props[style[d]] = 1; }
    }
    function visit(list, parent, parentFocus) {
      for (var r = 0; r < list.length && why === null; r++) {
        var rule = list[r];
        if (typeof CSSStyleRule !== 'undefined' && rule instanceof CSSStyleRule) {
          // nested: & is the parent's selector (Chromium writes the & of a nested rule out); at the top, :scope
          var sel = blank(rule.selectorText);
          sel = parent === null ? sel.split('&').join(':scope') : sel.split('&').join(':is(' + parent + ')');
          var focus = parentFocus || FOCUSY.test(sel);
          if (focus) {
            if (!subjectOnly(sel, pseudos)) { why = 'selector ' + rule.selectorText; return; }
            declared(rule.style);
          }
          if (rule.cssRules && rule.cssRules.length) { visit(rule.cssRules, sel, focus); }
        } else if (typeof CSSImportRule !== 'undefined' && rule instanceof CSSImportRule) {
          if (!rule.styleSheet) { why = 'import without sheet'; return; }
          sheet(rule.styleSheet);
        } else if (typeof CSSNestedDeclarations !== 'undefined' && rule instanceof CSSNestedDeclarations) {
          if (parentFocus) { declared(rule.style); }
        } else if (typeof CSSScopeRule !== 'undefined' && rule instanceof CSSScopeRule) {
          if (FOCUSY.test(blank(rule.start || '')) || FOCUSY.test(blank(rule.end || ''))) { why = '@scope ' + rule.start; return; }
          visit(rule.cssRules, null, false);
        } else if (typeof CSSGroupingRule !== 'undefined' && rule instanceof CSSGroupingRule) {
          visit(rule.cssRules, parent, parentFocus);
        } else if (!/^CSS(Keyframes|FontFace|Page|Property|CounterStyle|FontFeatureValues|FontPaletteValues|LayerStatement|Namespace|ViewTransition|PositionTry|Function)Rule$/.test(rule.constructor.name)
            && /focus/i.test(rule.cssText)) {
          why = 'rule ' + rule.cssText.slice(0, 80); return;
        }
      }
    }
    function sheet(s) {
      var list;
      try { list = s.cssRules; } catch (e) { why = 'unreadable sheet ' + s.href; return; }
      if (!list) { why = 'unreadable sheet ' + s.href; return; }
      visit(list, null, false);
    }
    for (var s = 0; s < sheets.length && why === null; s++) { sheet(sheets[s]); }
    if (why !== null) { return why; }
    var names = PAINT.slice();
    Object.keys(props).forEach(function (p) { if (names.indexOf(p) < 0) { names.push(p); } });
    return {props: names, pseudos: Object.keys(pseudos)};
  }
  // an element whose focus only the proof's checks could show: in the document tree (a focused element in a shadow
  // tree makes its hosts match :focus), no shadow host (delegated focus), no native painting, not editable, no
  // interest invoker, no ancestor with content-visibility:auto (focus makes it relevant to the user)
  var cvAuto = new Map();
  function skipsContent(a) {
    if (!a || a.nodeType !== 1) { return false; }
    if (cvAuto.has(a)) { return cvAuto.get(a); }
    var v = getComputedStyle(a).contentVisibility === 'auto' || skipsContent(a.parentElement);
    cvAuto.set(a, v);
    return v;
  }
  function provable(t) {
    return t.getRootNode() === document && !t.shadowRoot && !NATIVE.test(t.localName) && !t.isContentEditable
      && t.namespaceURI !== null && getComputedStyle(t).appearance === 'none'
      && !t.hasAttribute('interestfor') && !t.hasAttribute('interesttarget') && !skipsContent(t.parentElement);
  }
  // the compared properties' computed values; an outline whose style is none paints nothing, whatever its offset,
  // width and colour (the UA's focus rule gives a focused link outline-offset 1px under an author's outline:none)
  var UNPAINTED = /^outline-(offset|width|color)$/;
  function look(t) {
    var out = [], names = rules.props;
    [null].concat(rules.pseudos).forEach(function (p) {
      var c = getComputedStyle(t, p), none = c.getPropertyValue('outline-style') === 'none';
      for (var j = 0; j < names.length; j++) { out.push(none && UNPAINTED.test(names[j]) ? '' : c.getPropertyValue(names[j])); }
    });
    return out.join('\u0001');
  }
  // the focused element's look, or null when the proof fails already: it must match :focus-visible (as a keyboard
  // user's focus would), nothing may be selected, no DOM mutation may have happened, no animation may run on it or
  // start (a transition's computed value is still the old one right after the change)
  function focusedState(t) {
    if (!t.matches(':focus-visible') || watch.takeRecords().length > 0) { return null; }
    try { var sel = getSelection(); if (sel && sel.type === 'Range') { return null; } } catch (e) { return null; }
    var s = look(t);
    if (document.getAnimations) {
      var anims = document.getAnimations();
      for (var j = 0; j < anims.length; j++) {
        var a = anims[j], target = a.effect && a.effect.target;
        if (typeof CSSTransition !== 'undefined' && a instanceof CSSTransition && a.playState !== 'finished') { return null; }
        if (target && a.playState === 'running' && (target === t || target.contains(t) || t.contains(target))) { return null; }
      }
    }
    return s;
  }
  // numbered first, then measured: no attribute change between style and layout reads
  for (var m = 0; m < n; m++) { all[m].setAttribute('data-yiyue-i', String(m)); }
  for (var i = 0; i < n; i++) {
    var el = all[i];
    var cs = getComputedStyle(el);
    var r = el.getBoundingClientRect();
    var visible = false;
    try {
      visible = r.width > 1 && r.height > 1 && el.checkVisibility({opacityProperty: true, visibilityProperty: true})
        && r.right + sx > 0 && r.bottom + sy > 0;
    } catch (e) { visible = r.width > 1 && r.height > 1 && cs.visibility === 'visible'; }
    var ownText = hasOwnText(el);
    // ACT 0ssw9k: a scroll distance beyond the padding, since browsers differ on whether the padding itself scrolls
    // (Chromium adds the end padding to the scrollable overflow); beyond both sides' padding it scrolls in any
    var dx = el.scrollWidth - el.clientWidth, dy = el.scrollHeight - el.clientHeight;
    var scrollable = (/(auto|scroll)/.test(cs.overflowX) && dx > 0 && dx > Math.max(px(cs.paddingLeft) || 0, px(cs.paddingRight) || 0))
      || (/(auto|scroll)/.test(cs.overflowY) && dy > 0 && dy > Math.max(px(cs.paddingTop) || 0, px(cs.paddingBottom) || 0));
    if (el === document.documentElement || el === document.body) { scrollable = false; }
    var lh = px(cs.lineHeight);
    var fs = px(cs.fontSize);
    var lines = ownText && fs ? Math.max(1, Math.round(r.height / (lh || fs * 1.2))) : null;
    // focusability ignores size and position: off-screen skip links and 0x0 elements still take focus
    var rendered = true;
    try { rendered = el.checkVisibility({visibilityProperty: true}); } catch (e) { rendered = cs.display !== 'none'; }
    var focusable = el.tabIndex >= 0 && !el.disabled && !el.closest('[inert]') && rendered;
    var bgText = null, stops = null, textColour = ownText ? cs.color : null;
    if (ownText && (!cs.textShadow || cs.textShadow === 'none') && !occluded(el, r)) {
      var faded = throughOpacity(el, cs.color);
      if (faded !== undefined) {
        textColour = faded === null ? null : faded[0];
        bgText = faded === null ? null : faded[1];
      } else {
        bgText = background(el);
        if (bgText === null) { stops = gradientStops(el); }
      }
    }
    rows.push([i, textColour, bgText, fs, px(cs.fontWeight),
      r.left + sx, r.top + sy, r.width, r.height, cs.display, cs.visibility, visible, focusable, cs.position,
      scrollable, cs.cursor, px(cs.letterSpacing), px(cs.wordSpacing), lh, lines, null, null, generated(el), stops, null]);
  }
  // a modal dialog makes the rest of the page inert, which the DOM does not show: mark it for the rules
  try { var modal = document.querySelector(':modal'); if (modal) { modal.setAttribute('data-yiyue-modal', ''); document.documentElement.setAttribute('data-yiyue-has-modal', ''); } } catch (e) { /* old browser */ }
  // serialise before the focus probes: focus handlers may change the DOM (open menus, blur, …)
  var doctype = document.doctype ? '<!DOCTYPE ' + document.doctype.name + '>' : '';
  var html = doctype + document.documentElement.outerHTML;
  var shadows = hosts.filter(function (h) { return h.getRootNode() === document; }).map(function (h) {
    return {i: +h.getAttribute('data-yiyue-i'), children: flatDescribe(h)};
  });
  // focus probes: does focusing change the element's look, and is it then covered by other content?
  // Where its look does not change, the same focus also tries to PROVE that no pixel of the page changes (ACT oj04fd
  // fails it without screenshots, FocusPixels): see focusRules and unchangedByFocus
  var probes = 0, previous = document.activeElement, rules = focusRules(), watch = null;
  if (typeof rules !== 'string') {
    try {
      watch = new MutationObserver(function () { /* records are taken synchronously */ });
      watch.observe(document, {attributes: true, childList: true, characterData: true, subtree: true});
    } catch (e) { rules = 'no MutationObserver'; }
  }
  for (var k = 0; k < rows.length && probes < maxFocusProbes; k++) {
    if (!rows[k][12]) { continue; }
    var t = all[rows[k][0]];
    probes++;
    var before = focusStyle(t);
    var proving = watch !== null && provable(t);
    if (proving) { watch.takeRecords(); }
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
    var focusedLook = proving && !rows[k][21] ? focusedState(t) : null;
    try { t.blur(); } catch (e) { /* ignore */ }
    if (focusedLook !== null) {
      rows[k][24] = document.activeElement !== t && watch.takeRecords().length === 0 && look(t) === focusedLook;
    }
  }
  if (watch !== null) { watch.disconnect(); }
  try { if (previous && previous.focus) { previous.focus(); } } catch (e) { /* ignore */ }
  window.scrollTo(sx, sy);
  // kept for the screenshot focus probes (FocusPixels), which address elements by index, shadow trees included
  document.__yiyueElements = all;
  return {html: html, width: window.innerWidth, height: window.innerHeight,
    total: all.length, rows: rows, shadows: shadows, focusRules: typeof rules === 'string' ? rules : null};
})(arguments[0], arguments[1]);
