// 语音设置: sound on/off (off stops at once), rate (3 steps), volume (4 steps).
import { RATES, VOLUMES, cycle } from './core/state.js';

export function voiceGroup() {
  return {
    id: 'voice',
    controls: [
      { id: 'speech', key: 'Ctrl+Alt+S', pressed: a => a.state.speech,
        run: a => {
          const on = !a.state.speech;
          if (!on) a.stopSpeech();
          a.set({ speech: on });
          if (on) a.confirmToggle('speech', true);
        } },
      { id: 'rate', key: 'Ctrl+Alt+R', value: a => a.t('r_' + RATES.indexOf(a.state.rate)),
        run: a => { a.set({ rate: cycle(RATES, a.state.rate) }); a.confirm(a.t('rate') + ' ' + a.t('r_' + RATES.indexOf(a.state.rate))); } },
      { id: 'volume', key: 'Ctrl+Alt+V', value: a => Math.round(a.state.volume * 100) + '%',
        run: a => { a.set({ volume: cycle(VOLUMES, a.state.volume) }); a.confirm(a.t('volume') + ' ' + Math.round(a.state.volume * 100) + '%'); } },
    ],
  };
}
