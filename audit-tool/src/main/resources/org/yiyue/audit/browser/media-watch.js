// Yiyue autoplaying audio (ACT 80f0bf, aaa1bf, 4c31df), step 1: the audio and video elements with an autoplay
// attribute, their playback state, and (installed once) a count of the seconds each has played audibly.
(function () {
  var visible = /*@include element-visible.js*/;
  var path = /*@include element-path.js*/;
  function playedSeconds(m) {
    var t = 0;
    for (var i = 0; i < m.played.length; i++) t += m.played.end(i) - m.played.start(i);
    return t;
  }
  // time advanced while the sound was on; a jump back (loop, seek) or a big jump (seek forward) adds nothing
  function tick(e) {
    var m = e.target, d = m.currentTime - m.__yiyueLast;
    m.__yiyueLast = m.currentTime;
    if (d > 0 && d < 1.5 && !m.muted && m.volume > 0) m.__yiyueAudible += d;
  }
  function num(x) { return isFinite(x) ? x : (x === Infinity ? 1e9 : -1); }
  var out = [];
  document.querySelectorAll('audio[autoplay], video[autoplay]').forEach(function (m, i) {
    m.setAttribute('data-yiyue-media', String(i));
    if (m.__yiyueAudible === undefined) {
      // what played before the audit looked counts too (autoplay starts at load, with the sound as it is now)
      m.__yiyueAudible = (!m.muted && m.volume > 0) ? playedSeconds(m) : 0;
      m.__yiyueLast = m.currentTime;
      m.addEventListener('timeupdate', tick);
    }
    var origin = '';
    try { origin = new URL(m.currentSrc || m.src, location.href).origin; } catch (e) { origin = ''; }
    out.push({
      index: i, selector: path(m), html: m.outerHTML.slice(0, 200), tag: m.localName,
      paused: m.paused, ended: m.ended, muted: m.muted, volume: m.volume, loop: m.loop,
      duration: num(m.duration), currentTime: m.currentTime, audible: m.__yiyueAudible,
      decoded: typeof m.webkitAudioDecodedByteCount === 'number' ? m.webkitAudioDecodedByteCount : -1,
      error: m.error ? m.error.code : 0, networkState: m.networkState, readyState: m.readyState,
      controls: m.hasAttribute('controls'), visible: visible(m),
      sameOrigin: origin === location.origin || m.crossOrigin !== null
    });
  });
  return out;
})()
