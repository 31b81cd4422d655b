// Yiyue context-change trial (WCAG 3.2.2, failures F36 and F37): changes the setting of each visible select,
// radio button, check box and text field the way a user would — another option, a click, typed characters — with
// the guard armed, and returns the controls after which the page tried to navigate, submit or open a window. Each
// control gets its value back afterwards (no event is fired for that). Runs as an async script.
var done = arguments[arguments.length - 1];
var ctx = window.__yiyueContext;
if (!ctx) { done(null); return; }
var MAX = arguments[0] || 60;
var visible = /*@include element-visible.js*/;
var TEXT = /^(text|search|tel|number|email|url|password|)$/;
var list = [];
document.querySelectorAll('select, input, textarea').forEach(function (el) {
  if (list.length >= MAX || el.disabled || el.readOnly || el.closest('[inert]') || !visible(el)) return;
  var type = el.localName === 'input' ? (el.getAttribute('type') || '').toLowerCase() : el.localName;
  if (el.localName === 'select' || type === 'radio' || type === 'checkbox' || type === 'textarea' || TEXT.test(type)) {
    list.push({el: el, type: type});
  }
});
// text a user could read before acting: the control's label, title and description, and its surroundings
function context(el) {
  var parts = [el.getAttribute('title') || '', el.getAttribute('aria-label') || '', el.getAttribute('placeholder') || ''];
  (el.labels || []).forEach(function (l) { parts.push(l.textContent); });
  (el.getAttribute('aria-describedby') || '').split(/\s+/).forEach(function (id) {
    var d = id && document.getElementById(id);
    if (d) parts.push(d.textContent);
  });
  var box = el.form || el.parentElement;
  if (box && box.parentElement && box.textContent.length < 40) box = box.parentElement;
  if (box) parts.push(box.textContent.slice(0, 400));
  return parts.join(' ').replace(/\s+/g, ' ');
}
function fire(el, type) {
  el.dispatchEvent(new Event(type, {bubbles: true}));
}
function key(el, type, ch) {
  el.dispatchEvent(new KeyboardEvent(type, {key: ch, code: 'Digit' + ch, bubbles: true, cancelable: true}));
}
function change(item) {
  var el = item.el;
  if (item.type === 'select') {
    var old = el.selectedIndex;
    for (var i = 1; i < el.options.length; i++) {
      var j = (old + i) % el.options.length;
      if (!el.options[j].disabled) { el.selectedIndex = j; break; }
    }
    fire(el, 'input');
    fire(el, 'change');
    return function () { el.selectedIndex = old; };
  }
  if (item.type === 'radio' || item.type === 'checkbox') {
    var group = item.type === 'radio' && el.form && el.name
      ? [].slice.call(el.form.querySelectorAll('input[type=radio]')).filter(function (r) { return r.name === el.name; })
      : [el];
    var states = group.map(function (r) { return r.checked; });
    el.click();
    return function () { group.forEach(function (r, n) { r.checked = states[n]; }); };
  }
  var before = el.value;
  var n = el.maxLength > 0 && el.maxLength < 20 ? el.maxLength : 6;
  for (var c = 0; c < n; c++) {
    var ch = String((c + 1) % 10);
    key(el, 'keydown', ch);
    key(el, 'keypress', ch);
    el.value = el.value + ch;
    fire(el, 'input');
    key(el, 'keyup', ch);
  }
  fire(el, 'change');
  return function () { el.value = before; };
}
var found = [];
var k = 0;
function next() {
  if (k >= list.length) { ctx.phase('idle', false, null); done(found); return; }
  var item = list[k++];
  var start = ctx.size();
  var restore = function () {};
  ctx.phase('input', true, item.el);
  try {
    if (item.el !== document.activeElement) item.el.focus({preventScroll: true});
    start = ctx.size(); // what focusing alone does belongs to the keyboard walk (3.2.1)
    restore = change(item);
  } catch (e) { /* a handler that throws changes no context */ }
  // handlers that navigate a moment later (setTimeout 0, a promise) are given one task to do it
  setTimeout(function () {
    var events = ctx.since(start);
    try { restore(); } catch (e) { /* value stays changed */ }
    if (events.length) {
      found.push({selector: ctx.path(item.el), html: item.el.outerHTML.slice(0, 200), type: item.type,
        events: events, context: context(item.el)});
    }
    next();
  }, 20);
}
next();
