// Speech engine client. Browser speechSynthesis when a Chinese voice exists, otherwise the overlay
// service's /api/tts (POST {text, lang, rate} -> audio). Sentence chunks, next chunk prefetched,
// latest request wins (a generation counter drops stale work).

const SENTENCE = /[^\u3002\uff01\uff1f\uff1b!?;\n]+[\u3002\uff01\uff1f\uff1b!?;\u201d\u300d\u300f)\uff09]*|[\u3002\uff01\uff1f\uff1b!?;]+/g;
const MAX_CHUNK = 120;

export function sentences(text) {
  const out = [];
  for (const m of (text || '').matchAll(SENTENCE)) {
    let s = m[0].replace(/\s+/g, ' ').trim();
    while (s.length > MAX_CHUNK) {
      let cut = s.lastIndexOf('\uff0c', MAX_CHUNK);
      if (cut < 20) cut = s.lastIndexOf(',', MAX_CHUNK);
      if (cut < 20) cut = MAX_CHUNK - 1;
      out.push(s.slice(0, cut + 1));
      s = s.slice(cut + 1).trim();
    }
    if (/[\p{L}\p{N}]/u.test(s)) out.push(s);
  }
  return out;
}

export function langOf(text) {
  return /[\u3400-\u9fff]/.test(text) ? 'zh-CN' : 'en';
}

export function createSpeech(cfg, settings) {
  let gen = 0;
  let audio = null;
  let aborter = null;
  let paused = false;
  let current = null; // {items, index, hooks}
  const prefetched = new Map();

  function zhVoice() {
    try {
      if (!window.speechSynthesis) return null;
      return speechSynthesis.getVoices().find(v => /^(zh|cmn)/i.test(v.lang)) || null;
    } catch (e) { return null; }
  }

  function engine() {
    if (cfg.engine === 'tts') return cfg.tts ? 'tts' : 'none';
    const voice = zhVoice();
    if (voice && cfg.engine !== 'tts') return 'browser';
    if (cfg.engine === 'browser') return window.speechSynthesis ? 'browser' : 'none';
    return cfg.tts ? 'tts' : (window.speechSynthesis ? 'browser' : 'none');
  }

  function stopOutput() {
    if (aborter) { aborter.abort(); aborter = null; }
    for (const p of prefetched.values()) p.then(u => u && URL.revokeObjectURL(u), () => {});
    prefetched.clear();
    if (audio) { audio.pause(); audio.removeAttribute('src'); audio = null; }
    try { if (window.speechSynthesis) speechSynthesis.cancel(); } catch (e) { /* ignore */ }
  }

  function fetchAudio(text, myGen) {
    if (!aborter) aborter = new AbortController();
    const body = JSON.stringify({ text, lang: langOf(text), rate: settings().rate });
    return fetch(cfg.tts, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body,
      credentials: 'omit', cache: 'no-store', signal: aborter.signal,
    }).then(r => {
      if (!r.ok) throw new Error('tts ' + r.status);
      return r.blob();
    }).then(b => (myGen === gen ? URL.createObjectURL(b) : null));
  }

  function audioFor(text, myGen) {
    let p = prefetched.get(text);
    if (!p) p = fetchAudio(text, myGen);
    prefetched.delete(text);
    p.catch(() => {});
    return p;
  }

  function playIndex(myGen) {
    if (myGen !== gen || !current) return;
    const { items, hooks } = current;
    const i = current.index;
    if (i >= items.length) { const done = hooks.onEnd; current = null; if (done) done(); return; }
    const text = items[i].text;
    if (hooks.onItem) hooks.onItem(i, items[i]);
    const next = () => { if (myGen === gen && current) { current.index++; playIndex(myGen); } };
    const kind = engine();
    if (kind === 'browser') {
      const u = new SpeechSynthesisUtterance(text);
      u.lang = langOf(text);
      const v = zhVoice();
      try { if (v && u.lang === 'zh-CN') u.voice = v; } catch (e) { /* engine picks its default zh voice */ }
      u.rate = settings().rate;
      u.volume = settings().volume;
      u.onend = next;
      u.onerror = next;
      speechSynthesis.speak(u);
    } else if (kind === 'tts') {
      const nextItem = items[i + 1];
      audioFor(text, myGen).then(url => {
        if (myGen !== gen || !url) return;
        if (nextItem && !prefetched.has(nextItem.text)) prefetched.set(nextItem.text, fetchAudio(nextItem.text, myGen));
        audio = new Audio(url);
        audio.volume = settings().volume;
        audio.onended = () => { URL.revokeObjectURL(url); next(); };
        audio.onerror = () => { URL.revokeObjectURL(url); next(); };
        if (!paused) audio.play().catch(() => { /* autoplay refused: caption still shows the text */ });
      }, err => {
        if (myGen !== gen) return;
        if (hooks.onError) hooks.onError(err);
        current = null;
      });
    } else if (hooks.onError) {
      hooks.onError(new Error('no speech engine'));
    }
  }

  // items: [{text, ...}] spoken in order; replaces whatever was being spoken.
  function play(items, hooks) {
    stopOutput();
    gen++;
    paused = false;
    current = { items: items.filter(x => x && x.text), index: 0, hooks: hooks || {} };
    playIndex(gen);
  }

  return {
    engine,
    play,
    say(text, hooks) { play(sentences(text).map(s => ({ text: s })), hooks); },
    stop() { gen++; current = null; paused = false; stopOutput(); },
    pause() {
      paused = true;
      if (audio) audio.pause();
      try { if (window.speechSynthesis) speechSynthesis.pause(); } catch (e) { /* ignore */ }
    },
    resume() {
      paused = false;
      if (audio) audio.play().catch(() => {});
      try { if (window.speechSynthesis) speechSynthesis.resume(); } catch (e) { /* ignore */ }
    },
    get paused() { return paused; },
    get active() { return current !== null; },
  };
}
