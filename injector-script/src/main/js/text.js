// 文本设置: text size (root-based, 6 levels to 200%), spacing, readable CJK font.
import { TEXT_LEVELS, nextOf } from './core/state.js';

export function textGroup() {
  return {
    id: 'text',
    controls: [
      { id: 'textUp', key: 'Ctrl+Alt+=', value: a => a.state.text + '%', disabled: a => a.state.text === 200,
        run: a => { a.set({ text: nextOf(TEXT_LEVELS, a.state.text, 1) }); a.confirm(a.t('textUp') + ' ' + a.state.text + '%'); } },
      { id: 'textDown', key: 'Ctrl+Alt+-', disabled: a => a.state.text === 100,
        run: a => { a.set({ text: nextOf(TEXT_LEVELS, a.state.text, -1) }); a.confirm(a.t('textDown') + ' ' + a.state.text + '%'); } },
      { id: 'spacing', key: 'Ctrl+Alt+J', pressed: a => a.state.spacing,
        run: a => { a.set({ spacing: !a.state.spacing }); a.confirmToggle('spacing', a.state.spacing); } },
      { id: 'font', key: 'Ctrl+Alt+F', pressed: a => a.state.font,
        run: a => { a.set({ font: !a.state.font }); a.confirmToggle('font', a.state.font); } },
    ],
  };
}
