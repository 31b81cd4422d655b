// Yiyue autoplaying audio, step 2: starts reading the peak level of each given media element over 0.8 s through
// Web Audio, and returns at once; the result is left in window.__yiyueLevel (null until then) for the audit to take.
// Only same-origin media can be read (other media gives silence to scripts), and an element a page already routed
// into Web Audio cannot be tapped again: those get no entry. "running" tells whether the audio context really ran (a
// suspended one hears nothing).
(function (indices, done) {
  window.__yiyueLevel = null;
  var Ctx = window.AudioContext || window.webkitAudioContext;
  var result = { peaks: {}, running: false };
  if (!Ctx) { done(result); return; }
  var ctx;
  try { ctx = new Ctx(); } catch (e) { done(result); return; }
  var taps = [];
  indices.forEach(function (i) {
    var m = document.querySelector('[data-yiyue-media="' + i + '"]');
    if (!m) return;
    try {
      var source = ctx.createMediaElementSource(m);
      var analyser = ctx.createAnalyser();
      analyser.fftSize = 2048;
      source.connect(analyser);
      analyser.connect(ctx.destination); // keep the element playing through the context
      taps.push({ key: String(i), analyser: analyser });
      result.peaks[String(i)] = 0;
    } catch (e) { /* already routed by the page */ }
  });
  var buf = new Float32Array(2048), rounds = 0;
  var timer = setInterval(function () {
    taps.forEach(function (t) {
      t.analyser.getFloatTimeDomainData(buf);
      var p = result.peaks[t.key];
      for (var k = 0; k < buf.length; k++) { var v = Math.abs(buf[k]); if (v > p) p = v; }
      result.peaks[t.key] = p;
    });
    if (++rounds >= 8) {
      clearInterval(timer);
      result.running = ctx.state === 'running';
      done(result);
    }
  }, 100);
})(arguments[0], function (result) { window.__yiyueLevel = result; })
