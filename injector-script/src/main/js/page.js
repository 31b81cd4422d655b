// 页面设置: page zoom (CSS zoom on body), colour schemes, grayscale (backdrop overlay outside the toolbar),
// big cursor (same-origin iframes get it through core/frames.js), crosshair guide lines.
import { ZOOM_LEVELS, SCHEMES, nextOf, cycle } from './core/state.js';

export function pageGroup() {
  let gray = null, h = null, v = null, frame = 0, lastX = 0, lastY = 0;
  function move(e) {
    lastX = e.clientX; lastY = e.clientY;
    if (!frame) frame = requestAnimationFrame(() => {
      frame = 0;
      if (h) h.style.transform = `translateY(${lastY}px)`;
      if (v) v.style.transform = `translateX(${lastX}px)`;
    });
  }
  return {
    id: 'page',
    controls: [
      { id: 'zoomIn', key: 'Ctrl+Alt+]', value: a => a.state.zoom + '%', disabled: a => a.state.zoom === 200,
        run: a => { a.set({ zoom: nextOf(ZOOM_LEVELS, a.state.zoom, 1) }); a.confirm(a.t('zoomIn') + ' ' + a.state.zoom + '%'); } },
      { id: 'zoomOut', key: 'Ctrl+Alt+[', disabled: a => a.state.zoom === 100,
        run: a => { a.set({ zoom: nextOf(ZOOM_LEVELS, a.state.zoom, -1) }); a.confirm(a.t('zoomOut') + ' ' + a.state.zoom + '%'); } },
      { id: 'scheme', key: 'Ctrl+Alt+C', value: a => a.t('s_' + a.state.scheme),
        run: a => { a.set({ scheme: cycle(SCHEMES, a.state.scheme) }); a.confirm(a.t('scheme') + ' ' + a.t('s_' + a.state.scheme)); } },
      { id: 'gray', key: 'Ctrl+Alt+G', pressed: a => a.state.gray,
        run: a => { a.set({ gray: !a.state.gray }); a.confirmToggle('gray', a.state.gray); } },
      { id: 'cursor', key: 'Ctrl+Alt+M', pressed: a => a.state.cursor,
        run: a => { a.set({ cursor: !a.state.cursor }); a.confirmToggle('cursor', a.state.cursor); } },
      { id: 'cross', key: 'Ctrl+Alt+X', pressed: a => a.state.cross,
        run: a => { a.set({ cross: !a.state.cross }); a.confirmToggle('cross', a.state.cross); } },
    ],
    sync(app) {
      const s = app.state;
      if (s.gray && !gray) gray = app.ui.layer('overlay gray', { 'aria-hidden': 'true' });
      if (!s.gray && gray) { gray.remove(); gray = null; }
      if (s.cross && !h) {
        h = app.ui.layer('overlay cross-h', { 'aria-hidden': 'true' });
        v = app.ui.layer('overlay cross-v', { 'aria-hidden': 'true' });
        h.style.transform = `translateY(${lastY}px)`; v.style.transform = `translateX(${lastX}px)`;
        document.addEventListener('pointermove', move, { passive: true });
      }
      if (!s.cross && h) { h.remove(); v.remove(); h = v = null; document.removeEventListener('pointermove', move); }
    },
  };
}
