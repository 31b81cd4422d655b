// Yiyue autoplaying audio, step 3: the visible, named controls on the page that say they pause, stop or mute
// sound (ACT 4c31df: an instrument that is visible, has a non-empty accessible name and is in the accessibility
// tree). "safe" ones can be clicked by the audit to see whether they really work: they neither navigate nor submit.
(function () {
  var WORDS = /暂停|停止|静音|关闭(声音|音乐|音频|语音|播放)|声音|音乐|音频|背景音|pause|stop|mute|sound|audio|music|volume/i;
  var SEL = 'button, a[href], input[type=button], input[type=image], input[type=submit], input[type=checkbox], '
    + '[role=button], [role=switch], [role=checkbox], [onclick], [tabindex]';
  var visible = /*@include element-visible.js*/;
  function text(el) { return (el.textContent || '').replace(/\s+/g, ' ').trim(); }
  function name(el) {
    var ids = el.getAttribute('aria-labelledby');
    if (ids) {
      var s = ids.split(/\s+/).map(function (id) { var t = document.getElementById(id); return t ? text(t) : ''; }).join(' ').trim();
      if (s) return s;
    }
    var label = (el.getAttribute('aria-label') || '').trim();
    if (label) return label;
    if (el.localName === 'input') {
      if (el.labels && el.labels.length) return text(el.labels[0]);
      return (el.type === 'image' ? el.alt : el.value || '').trim() || (el.title || '').trim();
    }
    var t = text(el);
    if (t) return t;
    var imgs = el.querySelectorAll('img[alt]');
    for (var i = 0; i < imgs.length; i++) if (imgs[i].alt.trim()) return imgs[i].alt.trim();
    return (el.title || '').trim();
  }
  var out = [];
  document.querySelectorAll(SEL).forEach(function (el) {
    if (el.localName === 'audio' || el.localName === 'video' || !visible(el) || el.closest('[aria-hidden="true"]')) return;
    var n = name(el);
    if (!n || !WORDS.test(n)) return;
    var href = el.getAttribute('href');
    var navigates = el.localName === 'a' && href !== null && !/^\s*(#|javascript:)/i.test(href);
    var submits = el.type === 'submit' && !!el.form;
    el.setAttribute('data-yiyue-ctl', String(out.length));
    out.push({ index: out.length, name: n.slice(0, 60), html: el.outerHTML.slice(0, 200), safe: !navigates && !submits });
  });
  return out;
})()
