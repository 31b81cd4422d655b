#!/usr/bin/env python3
"""Source of truth for defects.json (easier to review as rows). Writes src/main/resources/sites/defects.json."""
import json, os

OUT = os.path.join(os.path.dirname(__file__), '..', 'src', 'main', 'resources', 'sites', 'defects.json')
S, R, M = 'static', 'rendered', 'manual'

# 2.4.1 on pages that have a visible heading in their non-repeated content: WCAG (H69) and ACT cf77f2/047fe0 accept
# headings as a bypass, so automation cannot fail these pages; an evaluator decides whether headings alone are enough.
HEADINGS_BYPASS = {'why': 'WCAG 2.4.1 接受标题（H69）作为绕过机制；ACT 规则 cf77f2/047fe0 在非重复内容中有可见标题时判定通过。仅靠标题导航是否足够，须由评测人员判断，自动检测不能判定为不通过。',
                   'whyEn': "WCAG 2.4.1 accepts headings (H69) as a bypass mechanism and ACT rules cf77f2/047fe0 pass a page whose non-repeated content has a visible heading, which this page has. Whether heading navigation alone is enough is an evaluator's judgement; automation cannot fail it."}

# (site, page, selector, wcag, zh, en, detectable[, MIIT 适老化 items from spec/standards.md[, extra fields]])
ROWS = [
 # ---------------- zwfw ----------------
 ('zwfw', '/index.html', 'html:not([lang])', ['3.1.1'], '页面未声明语言（html 缺少 lang 属性）', 'Page language not declared (no lang on html)', S),
 ('zwfw', '/index.html', 'meta[name=viewport]', ['1.4.4'], 'viewport 设置 user-scalable=no、maximum-scale=1.0，禁止缩放', 'Viewport forbids zooming (user-scalable=no, maximum-scale=1.0)', S),
 ('zwfw', '/index.html', '#logo img', ['1.1.1'], '网站标识（logo）图片缺少 alt，且是链接的唯一内容', 'Logo image has no alt and is the only content of its link', S),
 ('zwfw', '/index.html', '#topSearch input[name=q]', ['1.3.1', '3.3.2', '4.1.2'], '搜索框无标签，仅用 value 默认文字提示，获得焦点后提示消失', 'Search box has no label; a default value acts as hint and vanishes on focus', S),
 ('zwfw', '/index.html', '#nav .nav-item', ['2.1.1', '4.1.2'], '主导航用 div + onclick 实现，键盘无法聚焦和操作，也没有链接角色', 'Main navigation is div elements with onclick: not focusable, not operable by keyboard, no link role', S),
 ('zwfw', '/index.html', 'body', ['2.4.1'], '页面没有“跳到主要内容”链接，也没有 main 等地标', 'No skip link and no main landmark to bypass repeated blocks',M, [], HEADINGS_BYPASS),
 ('zwfw', '/index.html', '.banner', ['2.2.2'], '首页轮播图每3秒自动切换，没有暂停按钮', 'Carousel advances every 3 s with no pause control', R),
 ('zwfw', '/index.html', '.banner .slide img', ['1.1.1'], '轮播图片的替代文本只是“图片”，未说明图中文字', 'Carousel images have alt "图片" (picture), not the text shown in them', M),
 ('zwfw', '/index.html', '.zone-grid a img', ['1.1.1'], '专区图标缺少 alt', 'Zone icons have no alt', S),
 ('zwfw', '/index.html', '.zone-grid a', ['2.4.4', '4.1.2'], '专区入口链接只含无 alt 的图片，链接没有可访问名称', 'Zone links contain only an image without alt: links have no accessible name', S),
 ('zwfw', '/index.html', '.news-list .date', ['1.4.3'], '日期文字颜色 #c8c8c8 与白色背景对比度约 1.7:1', 'Date text #c8c8c8 on white: contrast about 1.7:1', R),
 ('zwfw', '/index.html', 'iframe#weather', ['4.1.2'], '天气 iframe 没有 title', 'Weather iframe has no title', S),
 ('zwfw', '/index.html', '#dzjg img', ['1.1.1'], '页脚“党政机关”标识图片缺少 alt', 'Footer government badge image has no alt', S),
 ('zwfw', '/index.html', 'a[href]', ['2.4.7'], '全站样式 a:focus{outline:none} 去掉了焦点框', 'Site CSS removes the focus outline (a:focus{outline:none})', R),
 ('zwfw', '/zone/zndb.html', '.wizard span.opt', ['2.1.1', '4.1.2'], '导办问题的选项是带 onclick 的 span，键盘无法选择，也不报告选中状态', 'Wizard options are span elements with onclick: not keyboard operable, selection state not exposed', S),
 ('zwfw', '/zone/zndb.html', '.wizard .q-title.req', ['1.4.1'], '必答题仅用红色文字标示', 'Required questions are marked by red colour only', M),
 ('zwfw', '/zone/zndb.html', '.wizard .tips', ['1.4.3'], '提示文字 11px、#999 在 #f5f5f5 上，对比度不足', 'Hint text 11 px #999 on #f5f5f5: insufficient contrast', R),
 ('zwfw', '/zone/kytb.html', 'table.kytb-list', ['1.3.1'], '数据表格没有表头单元格（th），表头用加粗的 td 模拟', 'Data table has no th; the header row is bold td cells', S),
 ('zwfw', '/zone/yjs.html', '.yjs-theme h4', ['1.3.1'], '标题层级从 h1 直接跳到 h4', 'Heading levels jump from h1 to h4', M),
 ('zwfw', '/zone/yjs.html', 'a.more', ['2.4.4'], '多个“更多>>”链接文字相同但指向不同', 'Several "更多>>" (more) links with the same text go to different places', M),
 ('zwfw', '/zone/wza.html', 'title', ['2.4.2'], '页面标题为空', 'Empty page title', S),
 ('zwfw', '/zone/wza.html', 'audio[autoplay]', ['1.4.2'], '无障碍专区自动播放欢迎语音，无法暂停', 'Welcome audio autoplays with no control to stop it', S),
 ('zwfw', '/zone/wza.html', 'img.notice', ['1.1.1', '1.4.5'], '服务热线公告是文字图片，且缺少 alt', 'Hotline notice is an image of text without alt', S),
 ('zwfw', '/zone/bmfw.html', 'iframe#mapFrame', ['4.1.2'], '网点地图 iframe 没有 title', 'Service-point map iframe has no title', S),
 ('zwfw', '/zone/bmfw.html', '.svc-icons a', ['2.5.8'], '服务小图标链接只有 14×14 像素，间距不足', 'Service icon links are 14x14 px with no spacing', R),
 ('zwfw', '/zone/sxyd.html', '#sxyd-filter [id=keyword]', ['1.3.1', '4.1.2'], '两个输入框使用相同的 id="keyword"，第二个标签指向了第一个输入框', 'Two inputs share id="keyword"; the second label points at the first input', S),
 ('zwfw', '/zone/sxyd.html', 'button.filter-go', ['4.1.2'], '筛选按钮只有背景图标，没有文字和可访问名称', 'Filter button shows a background icon only: no accessible name', S),
 ('zwfw', '/guide/g001.html', 'table.guide-materials', ['1.3.1'], '办理材料表格没有表头单元格', 'Materials table has no header cells', S),
 ('zwfw', '/guide/g001.html', 'a.dl', ['2.5.8'], '样表下载、预览链接只有 10×10 像素且紧挨', 'Sample download and preview links are 10x10 px and adjacent', R),
 ('zwfw', '/guide/g001.html', 'form.guide-search input[name=q]', ['1.3.1', '4.1.2'], '办事指南页搜索框没有关联标签', 'Guide search box has no associated label', S),
 ('zwfw', '/guide/g002.html', 'p.tips', ['1.4.3'], '特别提示为 11px #999 文字、#f5f5f5 背景，对比度约 2.6:1', 'Notice text 11 px #999 on #f5f5f5: contrast about 2.6:1', R),
 ('zwfw', '/guide/g003.html', 'p.flow img', ['1.1.1'], '办理流程图 alt 为空（被当作装饰），流程信息无文字替代', 'Process diagram has empty alt though it carries the process steps', M),
 ('zwfw', '/search?q=%E5%B1%85%E4%BD%8F%E8%AF%81', '#hit-summary', ['4.1.3'], '搜索结果数量变化没有通过状态消息告知读屏用户', 'Result count is not exposed as a status message', M),
 ('zwfw', '/search?q=%E5%B1%85%E4%BD%8F%E8%AF%81', '.result-box input[name=q]', ['1.3.1', '4.1.2'], '结果页搜索框没有标签', 'Search box on the results page has no label', S),
 ('zwfw', '/guide/g002.html', 'table.guide-materials', ['1.3.1'], '办理材料表格没有表头单元格（与 g001 同一模板）', 'Materials table has no header cells (same template as g001)', S),
 ('zwfw', '/guide/g003.html', 'table.guide-materials', ['1.3.1'], '办理材料表格没有表头单元格（与 g001 同一模板）', 'Materials table has no header cells (same template as g001)', S),
 # ---------------- yth ----------------
 ('yth', '/index.html', 'html[lang=en]', ['3.1.1'], '中文页面声明为英文（lang="en"）', 'Chinese page declares lang="en"', S),
 ('yth', '/index.html', '.hot-tab span', ['2.1.1', '4.1.2'], '热门服务标签页是带 onclick 的 span，键盘无法切换，没有 tab 角色', 'Service tabs are span elements with onclick: no keyboard access, no tab role', S),
 ('yth', '/index.html', '.share a', ['2.4.4', '4.1.2'], '“关注我们”图标链接没有任何文字（空链接）', 'Follow-us icon links are empty (no text at all)', S),
 ('yth', '/index.html', '.hint', ['1.4.3'], '事项说明文字 #aaa 与白色背景对比度约 2.3:1', 'Hint text #aaa on white: contrast about 2.3:1', R),
 ('yth', '/index.html', '.hd .logo img', ['1.1.1'], 'logo 图片的替代文本是“logo”，未说明网站名称', 'Logo image alt is "logo", not the site name', M),
 ('yth', '/index.html', '.ft img', ['1.1.1'], '页脚“党政机关”标识图片缺少 alt', 'Footer government badge image has no alt', S),
 ('yth', '/login', '#loginForm input[name=password]', ['1.3.1', '3.3.2', '4.1.2'], '密码框没有标签和任何提示文字', 'Password field has no label and no hint', S),
 ('yth', '/login', '#loginForm input[name=username]', ['3.3.2'], '用户名框只用 placeholder 作提示，输入后提示消失', 'Username field relies on a placeholder that disappears on input', M),
 ('yth', '/login', 'img.captcha', ['1.1.1'], '验证码图片缺少 alt', 'CAPTCHA image has no alt', S),
 ('yth', '/login', '#loginForm input[name=captcha]', ['3.3.8'], '图形验证码没有语音等非视觉替代方式，也不能放大', 'Image CAPTCHA has no non-visual alternative and cannot be enlarged', M, ['W-P7', 'W-P8']),
 ('yth', '/apply/step1', 'meta[http-equiv=refresh]', ['2.2.1'], '申办页面15分钟后自动跳转退出，事先无提示且不能延长', 'Application page redirects to logout after 15 min without warning or extension', S),
 ('yth', '/apply/step1', '#applyForm input[type=text]', ['1.3.1', '3.3.2', '4.1.2'], '表单输入框的说明写在相邻单元格里，未用 label 关联', 'Field captions sit in a neighbouring cell, not associated with label', S),
 ('yth', '/apply/step1', '#applyForm select[name=matter]', ['1.3.1', '4.1.2'], '申办事项下拉框没有关联标签', 'Matter select has no associated label', S),
 ('yth', '/apply/step1', '.steps li.cur', ['1.4.1'], '当前步骤只用背景颜色区分', 'Current step is shown by background colour only', M),
 ('yth', '/apply/step1', '#applyForm input[name=name], #applyForm input[name=phone]', ['1.3.5'], '姓名、手机号输入框没有 autocomplete 属性', 'Name and phone fields lack autocomplete', M),
 ('yth', '/apply/step2', '#uploadForm .upload-btn', ['2.1.1', '4.1.2'], '“选择文件”是带 onclick 的 div，真正的文件输入框被隐藏，键盘无法上传', 'The "choose file" control is a div with onclick; the real file inputs are hidden, so keyboard users cannot upload', S),
 ('yth', '/apply/step2', 'p.file-tip', ['1.4.3'], '文件格式说明 #b5b5b5 与白色背景对比度约 2:1', 'File-type hint #b5b5b5 on white: contrast about 2:1', R),
 ('yth', '/apply/step3', 'input[type=image]', ['1.1.1', '4.1.2'], '提交按钮是没有 alt 的图片按钮', 'Submit button is an image input without alt', S),
 ('yth', '/apply/step3', '#agree', ['1.3.1', '4.1.2'], '承诺书复选框的说明文字没有用 label 关联', 'Pledge checkbox text is not associated with the checkbox', S),
 ('yth', '/apply/receipt', '#receiptNo', ['1.4.3'], '受理编号文字 #9aa9bb 在 #eef3fb 上，对比度约 2.2:1', 'Receipt number #9aa9bb on #eef3fb: contrast about 2.2:1', R),
 ('yth', '/help.html', '.faq-q', ['2.1.1', '4.1.2'], '常见问题用 div onclick 展开，键盘无法操作，也不报告展开状态', 'FAQ questions are divs with onclick: not keyboard operable, expanded state not exposed', S),
 ('yth', '/guide.html', 'table.layout', ['1.3.1'], '用表格排版页面布局', 'Table used for page layout', M),
 ('yth', '/guide.html', 'a.clickhere', ['2.4.4'], '链接文字为“点击这里”，脱离上下文无法理解用途', 'Link text "点击这里" (click here) does not say where it goes', M),
 ('yth', '/guide.html', '.page-title', ['1.3.1'], '页面主标题用 div 样式模拟，没有标题标记', 'Page heading is a styled div, not a heading element', M),
 # ---------------- gcjs ----------------
 ('gcjs', '/index.html', '#mainNav .menu-item', ['2.1.1', '4.1.2'], '主菜单是 div，点击事件由外部脚本绑定，键盘无法进入', 'Main menu items are divs with script-bound click handlers: unreachable by keyboard', R, [],
  {'why': '脚本绑定的点击事件在浏览器中可以记录（审计在页面脚本运行前注入记录器），因此可自动检测。', 'whyEn': 'Click listeners added by script can be recorded in the browser (the audit installs a recorder before page scripts run), so this is detectable.'}),
 ('gcjs', '/index.html', '.stage-flow a img', ['1.1.1'], '审批阶段图标缺少 alt，链接没有可访问名称', 'Stage icons have no alt: their links have no accessible name', S),
 ('gcjs', '/index.html', '.quick-links a', ['2.4.7'], '样式表 a:focus{outline:0} 去掉了焦点指示', 'Stylesheet removes the focus indicator (a:focus{outline:0})', R),
 ('gcjs', '/index.html', '.gc-footer p', ['1.4.3'], '页脚文字 #8a8a8a 在 #f0f0f0 上，对比度约 3:1', 'Footer text #8a8a8a on #f0f0f0: contrast about 3:1', R),
 ('gcjs', '/index.html', 'body', ['2.4.1'], '没有跳转链接，也没有 main 地标', 'No skip link and no main landmark',M, [], HEADINGS_BYPASS),
 ('gcjs', '/stages.html', 'table.stage-table', ['1.3.1'], '审批阶段数据表没有 th 表头', 'Stage data table has no th headers', S),
 ('gcjs', '/stages.html', '.stage-table .st', ['1.4.1', '1.1.1'], '阶段状态只用彩色圆点表示，没有文字', 'Stage status is a coloured dot with no text', M),
 ('gcjs', '/register.html', 'head', ['2.4.2'], '项目登记页没有 title 元素', 'Registration page has no title element', S),
 ('gcjs', '/register.html', '#regForm input[type=text]', ['1.3.1', '3.3.2', '4.1.2'], '登记表输入框没有关联标签（说明在左侧单元格）', 'Registration inputs have no associated labels (captions in the left cell)', S),
 ('gcjs', '/register.html', '#regForm select[name=county]', ['1.3.1', '4.1.2'], '建设地点下拉框没有标签', 'Location select has no label', S),
 ('gcjs', '/register.html', '#regForm input[name=projectType]', ['1.3.1', '4.1.2'], '项目类型单选按钮没有 label，也没有 fieldset/legend 分组', 'Project-type radios have no labels and no fieldset/legend', S),
 ('gcjs', '/register.html', '#regForm .form-hint', ['1.4.3'], '输入提示 #b3b3b3 与白色背景对比度约 2.1:1', 'Input hint #b3b3b3 on white: contrast about 2.1:1', R),
 ('gcjs', '/query?code=2026-441600-48-01-302517', '#queryForm input[name=code]', ['1.3.1', '4.1.2'], '项目代码输入框没有关联标签', 'Project code input has no label', S),
 ('gcjs', '/query?code=2026-441600-48-01-302517', 'table.result', ['1.3.1'], '查询结果表没有 th 表头', 'Result table has no th headers', S),
 ('gcjs', '/query?code=2026-441600-48-01-302517', 'table.result .st', ['1.4.1'], '审批状态前的彩色圆点用颜色区分状态', 'Coloured status dots distinguish status by colour', M),
 ('gcjs', '/policy.html', '.policy-list a.go', ['2.4.4'], '多个“查看详情”链接文字相同，目的不同', 'Several identical "查看详情" (details) links lead to different documents', M),
 ('gcjs', '/policy.html', '.pager a', ['2.5.8'], '分页链接只有 12×14 像素，紧贴排列', 'Pager links are 12x14 px and touch each other', R),
 ('gcjs', '/notice/n001.html', '.article-body iframe', ['4.1.2'], '政策解读 iframe 没有 title', 'Policy-video iframe has no title', S),
 ('gcjs', '/notice/n001.html', '.art-title', ['1.3.1'], '文章标题用 div 样式模拟，页面没有 h1', 'Article title is a styled div; the page has no h1', M),
 # ---------------- portal ----------------
 ('portal', '/index.html', '#piaochuang .close', ['2.1.1', '4.1.2'], '飘窗关闭按钮是 span，键盘无法关闭，也没有按钮角色和名称', 'Pop-up close control is a span: not keyboard operable, no button role or name',R, [],
  {'why': '关闭事件由脚本（close.onclick = …）绑定，HTML 中看不到，需要在浏览器中检测。', 'whyEn': 'The close handler is set by script (close.onclick = …), not in the HTML: it takes a browser to detect.'}),
 ('portal', '/index.html', '#piaochuang .close', ['2.5.8'], '飘窗关闭按钮只有 14×14 像素', 'Pop-up close control is 14x14 px', R),
 ('portal', '/index.html', '#piaochuang', ['2.2.2', '2.4.11'], '飘窗在页面上持续移动，可能遮挡焦点元素，只能用鼠标关闭', 'Floating ad keeps moving, can cover focused content and closes by mouse only', R, ['W-O4']),
 ('portal', '/index.html', 'marquee', ['2.2.2'], '通知公告使用 marquee 滚动，键盘用户无法暂停', 'Notices scroll in a marquee that keyboard users cannot pause', S),
 ('portal', '/index.html', 'video[autoplay]', ['1.4.2', '2.2.2'], '首页视频自动播放且循环，没有控件', 'Home video autoplays and loops without controls', S),
 ('portal', '/index.html', '#slider', ['2.2.2'], '焦点图每4秒自动切换，没有暂停按钮', 'Slider advances every 4 s with no pause', R),
 ('portal', '/index.html', '.news-tabs li', ['2.1.1'], '新闻标签页只响应鼠标悬停（onmouseover），键盘无法切换', 'News tabs react to mouse hover only', S),
 ('portal', '/index.html', '#kw', ['1.3.1', '4.1.2'], '站内搜索框没有标签', 'Site search box has no label', S),
 ('portal', '/index.html', '.dept-grid a', ['2.4.4', '4.1.2'], '部门图标链接内只有 alt 为空的图片，链接没有名称', 'Department links contain only images with empty alt: no link name', S),
 ('portal', '/index.html', '#jiucuo img', ['1.1.1'], '页脚“政府网站找错”图片缺少 alt', 'Footer "report an error" image has no alt', S),
 ('portal', '/index.html', '.topbar .top-date', ['1.4.3'], '顶部日期文字 #b0b0b0 在 #f5f5f5 上，对比度约 2:1', 'Top date text #b0b0b0 on #f5f5f5: contrast about 2:1', R),
 ('portal', '/index.html', '.topbar a[href^=javascript]', ['4.1.2'], '“无障碍”“长者模式”入口是空操作链接（href="javascript:void(0)"），没有实际功能', '"无障碍" and "长者模式" entries are javascript:void(0) links that do nothing', M),
 ('portal', '/index.html', '.col .more', ['2.4.4'], '多个“更多”链接文字相同、目的不同', 'Several "更多" (more) links with different targets', M),
 ('portal', '/index.html', 'body', ['2.4.1'], '首页没有跳转链接和 main 地标', 'No skip link and no main landmark on the home page',M, [], HEADINGS_BYPASS),
 ('portal', '/ywdt/a001.html', '.article-content .pic img', ['1.1.1'], '新闻图片替代文本为“图片”', 'News photo alt is "图片" (picture)', M),
 ('portal', '/ywdt/a001.html', '.fontsize a', ['2.5.8'], '“大 中 小”字号链接只有 14×14 像素且紧挨', 'Font-size links are 14x14 px and adjacent', R),
 ('portal', '/ywdt/a001.html', '.share-bar a', ['2.4.4', '4.1.2'], '分享图标链接为空链接', 'Share icon links are empty', S),
 ('portal', '/zwgk/index.html', 'table.layout-zwgk', ['1.3.1'], '用表格实现左右分栏布局', 'Table used for a two-column layout', M),
 ('portal', '/zwgk/tjgb2025.html', 'table.tj-table', ['1.3.1'], '统计公报数据表用加粗 td 作表头，没有 th 和 caption', 'Statistics tables use bold td as headers: no th, no caption', S),
 ('portal', '/zwgk/tjgb2025.html', 'p.tj-note', ['1.4.3'], '注释文字 #aaa 与白色背景对比度约 2.3:1', 'Note text #aaa on white: contrast about 2.3:1', R),
 ('portal', '/hdjl/index.html', '.letters .dot-ok, .letters .dot-no', ['1.4.1'], '来信办理状态只用绿色/橙色圆点表示', 'Letter status is shown by green/orange dots only', M),
 ('portal', '/hdjl/feedback.html', '#fbForm input[type=text]', ['1.3.1', '3.3.2', '4.1.2'], '写信表单输入框没有关联标签', 'Letter form inputs have no associated labels', S),
 ('portal', '/hdjl/feedback.html', '#fbForm textarea', ['1.3.1', '4.1.2'], '留言内容文本域没有标签', 'Message textarea has no label', S),
 ('portal', '/hdjl/feedback.html', '#fbForm select', ['1.3.1', '4.1.2'], '留言类型下拉框没有标签', 'Message-type select has no label', S),
 ('portal', '/zjhy/index.html', '.zjhy-photos img', ['1.1.1'], '风景图片缺少 alt', 'Landscape photos have no alt', S),
 ('portal', '/zjhy/index.html', 'font[color]', ['1.4.3'], '资料来源用 font 标签小号浅灰文字，对比度不足', 'Source note in a small light-grey font element: insufficient contrast', R),
 ('portal', '/bmjyh/index.html', '.bm-icons img', ['1.1.1'], '部门图标的替代文本是文件名（如 dept1.svg）', 'Department icon alt texts are file names (e.g. dept1.svg)', S),
 ('portal', '/m/index.html', 'meta[name=viewport]', ['1.4.4'], '手机版禁止缩放（user-scalable=no）', 'Mobile page forbids zooming (user-scalable=no)', S),
 ('portal', '/m/index.html', 'html:not([lang])', ['3.1.1'], '手机版页面未声明语言', 'Mobile page language not declared', S),
 ('portal', '/m/index.html', '.m-nav a', ['2.5.8'], '手机版导航链接字号 10px、点击区域过小且紧挨', 'Mobile nav links: 10 px text, tiny adjacent targets', R),
 ('portal', '/m/index.html', 'body', [], '手机版正文字号 12px，低于适老化要求的 18px', 'Mobile body text is 12 px, below the 18 px elder-mode requirement', R, ['W-P3']),
 ('portal', '/m/a001.html', '.m-article p', ['1.4.3'], '手机版正文 #888 在白色背景上，对比度约 3.5:1', 'Mobile article text #888 on white: contrast about 3.5:1', R),
 ('portal', '/m/a001.html', 'button.back', ['4.1.2'], '返回按钮只有背景图标，没有可访问名称', 'Back button has a background icon only: no accessible name', S),
]

CONTROL = [
 {'site': 'zwfw', 'page': '/control.html', 'title': '无障碍声明 - 广东政务服务网河源专题'},
 {'site': 'yth', 'page': '/control.html', 'title': '办事预约（无障碍对照页） - 河源市一体化政务服务平台'},
 {'site': 'gcjs', 'page': '/control.html', 'title': '审批阶段说明（无障碍对照页） - 河源市工程建设项目审批管理系统'},
 {'site': 'portal', 'page': '/control.html', 'title': '网站无障碍说明（对照页） - 河源市人民政府门户网站'},
 {'site': 'portal', 'page': '/m/control.html', 'title': '长辈版说明（手机对照页） - 河源市人民政府'},
]

def main():
    defects, counters = [], {}
    for row in ROWS:
        site, page, sel, wcag, zh, en, det = row[:7]
        counters[site] = counters.get(site, 0) + 1
        d = {'id': '%s-%02d' % (site, counters[site]), 'site': site, 'page': page, 'selector': sel,
             'wcag': wcag, 'description': zh, 'descriptionEn': en, 'detectable': det}
        if len(row) > 7 and row[7]:
            d['miit'] = list(row[7])
        if len(row) > 8:
            d.update(row[8])
        defects.append(d)
    doc = {
        'about': 'Deliberate accessibility defects of the replica sites. page is a path on the site origin (may carry a query); '
                 'selector is CSS matching exactly the defective element(s) in the served page; defects in shared headers '
                 'and footers (included on every page) are listed once, on the page named. yth /apply/* pages need the demo '
                 'login and the earlier steps (see sites.json). controlPages are written to have no defects at all. why/whyEn give '
                 'the reason where a defect\'s detectable class is not obvious.',
        'defects': defects,
        'controlPages': CONTROL,
    }
    # one defect per line: easy to diff and grep
    one = lambda o: json.dumps(o, ensure_ascii=False)
    text = '{\n "about": %s,\n "defects": [\n  %s\n ],\n "controlPages": [\n  %s\n ]\n}\n' % (
        one(doc['about']), ',\n  '.join(one(d) for d in defects), ',\n  '.join(one(c) for c in CONTROL))
    json.loads(text)
    with open(OUT, 'w', encoding='utf-8') as f:
        f.write(text)
    print(len(defects), 'defects', counters)

main()
