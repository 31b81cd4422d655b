// Yiyue toolbar function checks (spec/toolbar.md), run in the page. Returns one entry per function:
// {id, ok: true|false|null, note}. Async: the last argument is WebDriver's callback.
(function (mobile, done) {
  var results = [];
  function rec(id, ok, note) { results.push({id: id, ok: ok, note: note || ''}); }
  function wait(ms) { return new Promise(function (r) { setTimeout(r, ms); }); }
  function lum(c) {
    var m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null;
    var p = m[1].split(',').map(parseFloat);
    var ch = p.slice(0, 3).map(function (v) { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
  }
  function contrast(a, b) { var x = lum(a), y = lum(b); if (x === null || y === null) return null; return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); }
  function bg(el) {
    for (var e = el; e; e = e.parentElement) {
      var c = getComputedStyle(e).backgroundColor;
      if (c && c !== 'transparent' && !/rgba\([^)]*,\s*0\)$/.test(c)) return c;
    }
    return 'rgb(255, 255, 255)';
  }
  function textEl() {
    var ps = document.querySelectorAll('main p, article p, p, li, td');
    for (var i = 0; i < ps.length; i++) if (ps[i].textContent.trim().length > 4 && ps[i].getClientRects().length) return ps[i];
    return document.body;
  }
  var root = document.documentElement;
  function yiyueAttrs() { return Array.prototype.filter.call(root.attributes, function (a) { return a.name.indexOf('data-yiyue-') === 0 && a.name !== 'data-yiyue-open'; }).map(function (a) { return a.name; }); }
  (async function () {
    var host = document.querySelector('yiyue-a11y');
    if (!host || !host.shadowRoot) { rec('toolbar-launcher', false, 'no toolbar host element'); return; }
    var sr = host.shadowRoot;
    var launcher = sr.querySelector('button.launcher') || sr.querySelector('button');
    var name = launcher ? (launcher.getAttribute('aria-label') || launcher.textContent || '').trim() : '';
    rec('toolbar-launcher', !!launcher && launcher.localName === 'button' && name.length > 0 && launcher.tabIndex >= 0 && launcher.getClientRects().length > 0,
      launcher ? 'launcher "' + name + '"' : 'no launcher button');
    if (!launcher) return;
    var t = textEl();
    var size0 = parseFloat(getComputedStyle(t).fontSize);
    launcher.click(); await wait(60);
    var bar = sr.querySelector('[role=toolbar]');
    var barOk = !!bar && !bar.hidden && (bar.getAttribute('aria-label') || '').trim().length > 0 && launcher.getAttribute('aria-expanded') === 'true';
    rec('toolbar-open', barOk, bar ? 'toolbar "' + (bar.getAttribute('aria-label') || '') + '"' : 'no role=toolbar');
    if (!bar) return;
    function btn(id) { return sr.querySelector('button[data-id="' + id + '"]'); }
    async function press(id, n) { var b = btn(id); if (!b) return false; for (var i = 0; i < (n || 1); i++) { b.click(); await wait(40); } return true; }
    // text size: five steps up must reach at least 200 % without browser zoom
    if (await press('textUp', 5)) {
      var size1 = parseFloat(getComputedStyle(textEl()).fontSize);
      rec('toolbar-text-size', size1 >= size0 * 1.95, 'text ' + size0 + 'px -> ' + size1 + 'px');
      if (mobile) rec('toolbar-mobile-large-text', size1 >= 18, 'body text at largest setting ' + size1 + 'px (needs >= 18)');
    } else rec('toolbar-text-size', false, 'no text size button');
    if (await press('zoomIn', 4)) rec('toolbar-page-zoom', root.getAttribute('data-yiyue-zoom') === '200', 'zoom attribute ' + root.getAttribute('data-yiyue-zoom'));
    else rec('toolbar-page-zoom', false, 'no page zoom button');
    if (await press('scheme', 1)) {
      var te = textEl(); var c = contrast(getComputedStyle(te).color, bg(te));
      rec('toolbar-contrast', !!root.getAttribute('data-yiyue-scheme') && c !== null && c >= 7, 'scheme ' + root.getAttribute('data-yiyue-scheme') + ', text contrast ' + (c === null ? '?' : c.toFixed(2)));
    } else rec('toolbar-contrast', false, 'no colour scheme button');
    var sp = btn('speech');
    if (sp) { var before = sp.getAttribute('aria-pressed'); sp.click(); await wait(40); var after = sp.getAttribute('aria-pressed'); sp.click(); await wait(40);
      rec('toolbar-speech', before !== after && (after === 'true' || before === 'true'), 'aria-pressed ' + before + ' -> ' + after); }
    else rec('toolbar-speech', false, 'no speech on/off button');
    if (await press('cursor', 1)) {
      var cur = getComputedStyle(document.body).cursor;
      rec('toolbar-big-cursor', root.hasAttribute('data-yiyue-cursor') && cur.indexOf('url(') >= 0, 'body cursor ' + cur.slice(0, 60));
    } else rec('toolbar-big-cursor', false, 'no big cursor button');
    if (await press('reset', 1)) rec('toolbar-reset', yiyueAttrs().length === 0, 'left after reset: ' + yiyueAttrs().join(' '));
    else rec('toolbar-reset', false, 'no reset button');
    rec('toolbar-help', !!btn('help'), btn('help') ? 'help button present' : 'no help button');
    await press('textUp', 2);
    if (await press('exit', 1)) rec('toolbar-exit', bar.hidden && yiyueAttrs().length === 0, 'after exit: bar hidden=' + bar.hidden + ', attrs ' + yiyueAttrs().join(' '));
    else rec('toolbar-exit', false, 'no exit button');
  })().catch(function (e) { rec('toolbar-error', null, String(e)); }).then(function () {
    try { localStorage.clear(); } catch (e) { /* storage off */ }
    done(results);
  });
})(arguments[0], arguments[arguments.length - 1]);
