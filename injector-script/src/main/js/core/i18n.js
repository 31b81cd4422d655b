// Toolbar strings: Simplified Chinese first, English available. Written as plain UTF-8 here;
// the build escapes every non-ASCII character so the bundle survives any page encoding.

const zh = {
  launcher: '无障碍 适老模式', region: '无障碍工具', toolbar: '无障碍工具栏',
  g_control: '控制', g_text: '文本', g_page: '页面', g_voice: '语音', g_view: '查看', g_reading: '辅助阅读',
  elder: '适老模式', reset: '重置', help: '说明', lang: 'English', exit: '退出服务',
  textUp: '文字放大', textDown: '文字缩小', spacing: '加大间距', font: '易读字体',
  zoomIn: '页面放大', zoomOut: '页面缩小', scheme: '配色', gray: '灰度', cursor: '大鼠标', cross: '十字线',
  speech: '声音', rate: '语速', volume: '音量',
  reader: '纯文本', care: '关怀模式', standard: '标准模式',
  point: '指读', read: '连读', pause: '暂停', caption: '大字幕', pinyin: '拼音', trad: '繁體', guide: '阅读尺', hl: '高亮链接标题',
  s_: '默认', s_dark: '黑底白字', s_light: '白底黑字', s_yellow: '黄底黑字', s_blue: '蓝底黄字',
  r_0: '慢', r_1: '中', r_2: '快', guide_: '关', guide_line: '横线', guide_mask: '遮罩',
  on: '已开启', off: '已关闭',
  framesNotAdjusted: '本页以下嵌入内容来自其他网站，工具条无法调整其文字大小和配色：',
  elderOnSays: '适老模式已开启：', elderOff: '适老模式已关闭，已恢复之前的设置', bigButtons: '大按钮',
  close: '关闭', helpTitle: '使用说明', helpIntro: '每个功能都可以用鼠标点击，也可以用下面的快捷键。在工具栏里用方向键移动，按 Esc 收起工具栏。',
  colFn: '功能', colFnOther: 'Function', colKey: '快捷键', colWhat: '作用',
  readerTitle: '纯文本阅读', readerBack: '返回原页面', image: '图片', link: '链接', button: '按钮', heading: '标题',
  input: '输入框', select: '下拉框', checkbox: '复选框', radio: '单选按钮', value: '当前值', checked: '已选中', empty: '空',
  captionRegion: '大字幕', captionClose: '关闭大字幕', dataMissing: '数据未能加载', ttsFail: '语音服务暂不可用',
  readEnd: '朗读结束', toggle: '打开或收起工具栏', resume: '继续',
  d_elder: '一键开启：文字150%、高对比配色、大鼠标、指读语音、大按钮', d_reset: '所有设置恢复默认，不刷新页面',
  d_help: '显示本说明', d_lang: '切换界面语言', d_exit: '收起工具栏并撤销所有改动',
  d_textUp: '文字放大一级（最大200%）', d_textDown: '文字缩小一级', d_spacing: '加大行距、字距和词距', d_font: '换成清晰的系统中文字体',
  d_zoomIn: '整页放大一级（最大200%）', d_zoomOut: '整页缩小一级', d_scheme: '切换高对比配色', d_gray: '页面变为灰度',
  d_cursor: '放大鼠标指针', d_cross: '显示跟随鼠标的十字线', d_speech: '打开或关闭声音', d_rate: '切换语速', d_volume: '切换音量',
  d_reader: '只显示文字内容，方便阅读', d_care: '适老模式并隐藏漂浮广告', d_standard: '关闭所有辅助功能',
  d_point: '鼠标停留或触摸时朗读该内容', d_read: '从当前位置朗读到结尾', d_pause: '暂停或继续连读',
  d_caption: '在页面底部用大字显示内容', d_pinyin: '大字幕显示拼音', d_trad: '大字幕显示繁体字',
  d_guide: '显示跟随鼠标的阅读尺或遮罩', d_hl: '给链接和标题加上醒目的框', d_toggle: '打开或收起工具栏',
};

const en = {
  launcher: 'Accessibility', region: 'Accessibility tools', toolbar: 'Accessibility toolbar',
  g_control: 'Control', g_text: 'Text', g_page: 'Page', g_voice: 'Voice', g_view: 'View', g_reading: 'Reading aids',
  elder: 'Senior mode', reset: 'Reset', help: 'Help', lang: '中文', exit: 'Exit',
  textUp: 'Larger text', textDown: 'Smaller text', spacing: 'Spacing', font: 'Clear font',
  zoomIn: 'Zoom in', zoomOut: 'Zoom out', scheme: 'Colours', gray: 'Grayscale', cursor: 'Big cursor', cross: 'Crosshair',
  speech: 'Sound', rate: 'Rate', volume: 'Volume',
  reader: 'Text only', care: 'Care mode', standard: 'Standard view',
  point: 'Point to read', read: 'Read aloud', pause: 'Pause', caption: 'Captions', pinyin: 'Pinyin', trad: 'Traditional', guide: 'Reading guide', hl: 'Highlight links',
  s_: 'Default', s_dark: 'White on black', s_light: 'Black on white', s_yellow: 'Black on yellow', s_blue: 'Yellow on blue',
  r_0: 'slow', r_1: 'normal', r_2: 'fast', guide_: 'off', guide_line: 'line', guide_mask: 'mask',
  on: 'on', off: 'off',
  framesNotAdjusted: 'These embedded frames come from other sites; the toolbar cannot change their text size or colours:',
  elderOnSays: 'Senior mode on: ', elderOff: 'Senior mode off: your earlier settings are back', bigButtons: 'large buttons',
  close: 'Close', helpTitle: 'Help', helpIntro: 'Every function works by click or by the shortcut below. Use arrow keys inside the toolbar; Esc closes it.',
  colFn: 'Function', colFnOther: '功能', colKey: 'Shortcut', colWhat: 'What it does',
  readerTitle: 'Text-only view', readerBack: 'Back to the page', image: 'Image', link: 'Link', button: 'Button', heading: 'Heading',
  input: 'Input', select: 'Select', checkbox: 'Checkbox', radio: 'Radio button', value: 'value', checked: 'checked', empty: 'empty',
  captionRegion: 'Captions', captionClose: 'Close captions', dataMissing: 'Data could not be loaded', ttsFail: 'Speech service unavailable',
  readEnd: 'End of reading', toggle: 'Open or close the toolbar', resume: 'Resume',
  d_elder: 'One click: 150% text, high contrast, big cursor, point-to-read speech, large buttons', d_reset: 'All settings back to default, no reload',
  d_help: 'Show this help', d_lang: 'Switch toolbar language', d_exit: 'Close the toolbar and undo every change',
  d_textUp: 'Text one step larger (up to 200%)', d_textDown: 'Text one step smaller', d_spacing: 'More line, letter and word spacing', d_font: 'Use a clear system font',
  d_zoomIn: 'Zoom the page one step (up to 200%)', d_zoomOut: 'Zoom the page out one step', d_scheme: 'Switch high-contrast colours', d_gray: 'Show the page in grayscale',
  d_cursor: 'Enlarge the mouse pointer', d_cross: 'Guide lines that follow the pointer', d_speech: 'Sound on or off', d_rate: 'Change the speech rate', d_volume: 'Change the volume',
  d_reader: 'Show the text content only', d_care: 'Senior mode and hide floating ads', d_standard: 'Turn every aid off',
  d_point: 'Read what the pointer rests on or you touch', d_read: 'Read from here to the end', d_pause: 'Pause or resume reading',
  d_caption: 'Show content in very large type at the bottom', d_pinyin: 'Show pinyin in the captions', d_trad: 'Show traditional characters in the captions',
  d_guide: 'A ruler or mask that follows the pointer', d_hl: 'Outline links and headings', d_toggle: 'Open or close the toolbar',
};

export const STRINGS = { zh, en };

export function translator(getLang) {
  return key => {
    const table = STRINGS[getLang()] || zh;
    return key in table ? table[key] : (key in zh ? zh[key] : key);
  };
}
