// 拼音 for the caption panel, loaded on first use. A starter table of frequent characters on government pages
// (hand-written; characters not listed are shown without pinyin). Format: character followed by its reading.
(function (s) {
  var o = {};
  s.split(/\s+/).forEach(function (p) { if (p) o[p.charAt(0)] = p.slice(1); });
  (self.__yiyueA11yData = self.__yiyueA11yData || {}).pinyin = o;
})('的de 一yī 是shì 在zài 不bù 了le 有yǒu 和hé 人rén 这zhè 中zhōng 大dà 为wèi 上shàng 个gè 国guó 我wǒ 以yǐ 要yào 他tā ' +
  '时shí 来lái 用yòng 们men 生shēng 到dào 作zuò 地dì 于yú 出chū 就jiù 分fēn 对duì 成chéng 会huì 可kě 主zhǔ 发fā 年nián ' +
  '动dòng 同tóng 工gōng 也yě 能néng 下xià 过guò 子zǐ 说shuō 产chǎn 种zhǒng 面miàn 而ér 方fāng 后hòu 多duō 定dìng 行xíng 学xué ' +
  '法fǎ 所suǒ 民mín 得dé 经jīng 十shí 三sān 之zhī 进jìn 着zhe 等děng 部bù 度dù 家jiā 电diàn 力lì 里lǐ 如rú 水shuǐ 化huà ' +
  '高gāo 自zì 二èr 理lǐ 起qǐ 小xiǎo 物wù 现xiàn 实shí 加jiā 量liàng 都dōu 两liǎng 体tǐ 制zhì 机jī 当dāng 使shǐ 点diǎn 从cóng ' +
  '业yè 本běn 去qù 把bǎ 性xìng 好hǎo 应yīng 开kāi 它tā 合hé 还hái 因yīn 由yóu 其qí 些xiē 然rán 前qián 外wài 天tiān 政zhèng ' +
  '四sì 日rì 那nà 社shè 义yì 事shì 平píng 形xíng 相xiāng 全quán 表biǎo 间jiān 样yàng 与yǔ 关guān 各gè 重zhòng 新xīn 线xiàn ' +
  '内nèi 数shù 正zhèng 心xīn 反fǎn 你nǐ 明míng 看kàn 原yuán 又yòu 么me 利lì 比bǐ 或huò 但dàn 质zhì 气qì 第dì 向xiàng 道dào ' +
  '命mìng 此cǐ 变biàn 条tiáo 只zhǐ 没méi 结jié 解jiě 问wèn 意yì 建jiàn 月yuè 公gōng 无wú 系xì 军jūn 很hěn 情qíng 者zhě ' +
  '最zuì 立lì 代dài 想xiǎng 已yǐ 通tōng 并bìng 提tí 直zhí 题tí 党dǎng 程chéng 展zhǎn 五wǔ 果guǒ 料liào 象xiàng 员yuán 革gé ' +
  '位wèi 入rù 常cháng 文wén 总zǒng 次cì 品pǐn 式shì 活huó 设shè 及jí 管guǎn 特tè 件jiàn 长cháng 求qiú 老lǎo 头tóu 基jī ' +
  '资zī 边biān 流liú 路lù 级jí 少shǎo 图tú 山shān 统tǒng 接jiē 知zhī 较jiào 将jiāng 组zǔ 见jiàn 计jì 别bié 她tā 手shǒu ' +
  '角jiǎo 期qī 根gēn 论lùn 运yùn 农nóng 指zhǐ 几jǐ 九jiǔ 区qū 强qiáng 放fàng 决jué 西xī 被bèi 干gàn 做zuò 必bì 战zhàn ' +
  '先xiān 回huí 则zé 任rèn 取qǔ 据jù 处chù 队duì 南nán 给gěi 色sè 光guāng 门mén 即jí 保bǎo 治zhì 北běi 造zào 百bǎi ' +
  '规guī 热rè 领lǐng 七qī 海hǎi 口kǒu 东dōng 导dǎo 器qì 压yā 志zhì 世shì 金jīn 增zēng 争zhēng 济jì 阶jiē 油yóu 思sī 术shù ' +
  '极jí 交jiāo 受shòu 联lián 什shén 认rèn 六liù 共gòng 权quán 收shōu 证zhèng 改gǎi 清qīng 美měi 再zài 采cǎi 转zhuǎn 更gèng ' +
  '单dān 风fēng 切qiē 打dǎ 白bái 教jiào 速sù 花huā 带dài 安ān 场chǎng 身shēn 车chē 例lì 真zhēn 务wù 具jù 万wàn 每měi ' +
  '目mù 至zhì 达dá 走zǒu 积jī 示shì 议yì 声shēng 报bào 斗dòu 完wán 类lèi 八bā 离lí 华huá 名míng 确què 才cái 科kē 张zhāng ' +
  '信xìn 马mǎ 节jié 话huà 米mǐ 整zhěng 空kōng 元yuán 况kuàng 今jīn 集jí 温wēn 传chuán 土tǔ 许xǔ 步bù 群qún 广guǎng 石shí ' +
  '记jì 需xū 段duàn 研yán 界jiè 拉lā 林lín 律lǜ 叫jiào 且qiě 究jiū 观guān 越yuè 织zhī 装zhuāng 影yǐng 算suàn 低dī 持chí ' +
  '音yīn 众zhòng 书shū 布bù 复fù 容róng 儿ér 须xū 际jì 商shāng 非fēi 验yàn 连lián 断duàn 深shēn 难nán 近jìn 矿kuàng 千qiān ' +
  '周zhōu 委wěi 素sù 技jì 备bèi 半bàn 办bàn 青qīng 省shěng 列liè 习xí 响xiǎng 约yuē 支zhī 般bān 史shǐ 感gǎn 劳láo 便biàn ' +
  '团tuán 往wǎng 酸suān 历lì 市shì 克kè 何hé 除chú 消xiāo 构gòu 府fǔ 称chēng 太tài 准zhǔn 精jīng 值zhí 号hào 率lǜ 族zú ' +
  '维wéi 划huà 选xuǎn 标biāo 写xiě 存cún 候hòu 毛máo 亲qīn 快kuài 效xiào 斯sī 院yuàn 查chá 江jiāng 型xíng 眼yǎn 王wáng ' +
  '按àn 格gé 养yǎng 易yì 置zhì 派pài 层céng 片piàn 始shǐ 却què 专zhuān 状zhuàng 育yù 厂chǎng 京jīng 识shí 适shì 属shǔ ' +
  '圆yuán 包bāo 火huǒ 住zhù 调tiáo 满mǎn 县xiàn 局jú 照zhào 参cān 红hóng 细xì 引yǐn 听tīng 该gāi 铁tiě 价jià 严yán 首shǒu ' +
  '底dǐ 河hé 源yuán 服fú 通tōng 知zhī 县xiàn 城chéng 请qǐng 咨zī 询xún 电diàn 址zhǐ 午wǔ 点diǎn 医yī 社shè 险xiǎn 障zhàng ' +
  '碍ài 阅yuè 读dú 欢huān 迎yíng 访fǎng 问wèn 站zhàn 网wǎng 页yè 户hù 登dēng 录lù 申shēn 请qǐng 提tí 交jiāo 费fèi 免miǎn ' +
  '印yìn 页yè 厅tīng 姓xìng 同tóng 意yì 款kuǎn 贯guàn 彻chè 落luò 施shī 疑yí 拨bō 打dǎ 联lián 系xì 址zhǐ 午wǔ 九jiǔ 五wǔ ' +
  '项xiàng 各gè 直zhí 单dān 位wèi 为wèi 方fāng 便biàn 年nián 人rén 办bàn 现xiàn 就jiù 有yǒu 关guān 如rú 下xià 认rèn 真zhēn ' +
  '布bù 起qǐ 之zhī 日rì 行xíng 门mén 首shǒu 欢huān 域yù 幕mù 字zì 语yǔ 言yán 保bǎo 报bào 销xiāo 指zhǐ 南nán 标biāo 准zhǔn');
