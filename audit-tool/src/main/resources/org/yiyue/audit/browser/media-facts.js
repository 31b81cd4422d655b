// Yiyue rendered facts for the rule library's media rules (wcag-rules MediaFacts), asynchronous: the state of every
// audio and video element, written on it as data-yiyue-media-state="duration=…;paused=…;…" before rendered-facts.js
// serialises the DOM. audio=1 only when sound was heard: the element plays unmuted and a capture of its stream peaked
// above -60 dBFS within 1.2 s (a silent audio track is no audio); audio=0 when the browser captured the element's
// video but found no audio track at all; ? otherwise. The element's own output is not re-routed (captureStream).
(function (done) {
  var SILENCE = 0.001, WATCH_MS = 1200;
  var list = Array.prototype.slice.call(document.querySelectorAll('audio, video'));
  function num(v) { return isNaN(v) ? 'nan' : v === Infinity ? 'inf' : String(v); }
  var state = list.map(function (m) {
    return {m: m, duration: num(m.duration), paused: m.paused, muted: m.muted, time: num(m.currentTime),
      ready: m.readyState, error: m.error ? m.error.code : 0, audio: '?', src: m.currentSrc || ''};
  });
  var Ctx = window.AudioContext || window.webkitAudioContext, ctx = null, taps = [];
  state.forEach(function (s) {
    var m = s.m;
    if (s.ready < 1 || s.error || !m.captureStream) { return; }
    try {
      var stream = m.captureStream();
      var audioTracks = stream.getAudioTracks().length, videoTracks = stream.getVideoTracks().length;
      if (audioTracks === 0) {
        if (m.localName === 'video' && videoTracks > 0) { s.audio = '0'; }
        stream.getTracks().forEach(function (t) { t.stop(); });
        return;
      }
      if (m.paused || m.muted || m.volume === 0 || !Ctx) {
        stream.getTracks().forEach(function (t) { t.stop(); });
        return;
      }
      ctx = ctx || new Ctx();
      var analyser = ctx.createAnalyser();
      analyser.fftSize = 2048;
      ctx.createMediaStreamSource(stream).connect(analyser);
      taps.push({s: s, analyser: analyser, stream: stream, peak: 0});
    } catch (e) { /* cross-origin media cannot be captured */ }
  });
  function finish() {
    taps.forEach(function (t) {
      if (t.peak > SILENCE) { t.s.audio = '1'; }
      t.stream.getTracks().forEach(function (tr) { try { tr.stop(); } catch (e) { /* ignore */ } });
    });
    if (ctx) { try { ctx.close(); } catch (e) { /* ignore */ } }
    state.forEach(function (s) {
      s.m.setAttribute('data-yiyue-media-state', ['duration=' + s.duration, 'paused=' + (s.paused ? 1 : 0),
        'muted=' + (s.muted ? 1 : 0), 'time=' + s.time, 'ready=' + s.ready, 'error=' + s.error, 'audio=' + s.audio,
        'src=' + encodeURIComponent(s.src)].join(';'));
    });
    done(list.length);
  }
  if (taps.length === 0) { finish(); return; }
  var buf = new Float32Array(2048), start = Date.now();
  var timer = setInterval(function () {
    var heardAll = true;
    taps.forEach(function (t) {
      t.analyser.getFloatTimeDomainData(buf);
      for (var k = 0; k < buf.length; k++) { var v = Math.abs(buf[k]); if (v > t.peak) { t.peak = v; } }
      if (t.peak <= SILENCE) { heardAll = false; }
    });
    if (heardAll || Date.now() - start >= WATCH_MS) { clearInterval(timer); finish(); }
  }, 100);
})(arguments[arguments.length - 1])
