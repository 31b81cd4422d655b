#!/usr/bin/env python3
"""Writes portal/zwgk/tjgb2025.html: a long 统计公报 with big tables (the replica's large page, >= 3,000 elements).
All figures are invented demo data from a fixed-seed generator; the prose is ours. Run once; output is committed."""
import os, random

OUT = os.path.join(os.path.dirname(__file__), '..', 'src', 'main', 'resources', 'sites', 'portal', 'zwgk', 'tjgb2025.html')
rnd = random.Random(441600)
AREAS = ['源城区', '东源县', '和平县', '龙川县', '紫金县', '连平县', '江东新区']
MONTHS = ['%d月' % m for m in range(1, 13)]
INDUSTRIES = ['农副食品加工业', '食品制造业', '酒、饮料和精制茶制造业', '纺织业', '木材加工业', '家具制造业',
              '造纸和纸制品业', '印刷业', '化学原料和化学制品制造业', '医药制造业', '橡胶和塑料制品业',
              '非金属矿物制品业', '黑色金属冶炼和压延加工业', '有色金属冶炼和压延加工业', '金属制品业',
              '通用设备制造业', '汽车制造业', '电气机械和器材制造业', '计算机、通信和其他电子设备制造业',
              '电力、热力生产和供应业']
PRODUCTS = [('稻谷', '万吨'), ('花生', '万吨'), ('蔬菜', '万吨'), ('水果', '万吨'), ('茶叶', '吨'),
            ('油茶籽', '吨'), ('猪肉', '万吨'), ('禽蛋', '吨'), ('水产品', '吨'), ('鹰嘴蜜桃', '吨'),
            ('板栗', '吨'), ('柑橘', '吨'), ('甘薯', '吨'), ('玉米', '吨'), ('黄豆', '吨')]
GOODS = ['发电量（亿千瓦时）', '水泥（万吨）', '手机（万台）', '集成电路（万块）', '印制电路板（万平方米）',
         '锂离子电池（万只）', '汽车零部件（万件）', '饮料（万吨）', '矿泉水（万吨）', '铜材（吨）',
         '钢材（万吨）', '塑料制品（万吨）', '家具（万件）', '服装（万件）', '纸制品（万吨）', '中成药（吨）',
         '电线电缆（万千米）', '电子元件（亿只）', '光伏组件（万千瓦）', '陶瓷砖（万平方米）']

def num(lo, hi, d=1):
    return ('%.' + str(d) + 'f') % rnd.uniform(lo, hi)

def table(caption_text, head, rows):
    out = ['<p class="tj-cap">%s</p>' % caption_text, '<table class="tj-table">',
           '<tr class="h">' + ''.join('<td>%s</td>' % h for h in head) + '</tr>']
    out += ['<tr>' + ''.join('<td>%s</td>' % c for c in r) + '</tr>' for r in rows]
    out.append('</table>')
    return '\n'.join(out)

parts = []
parts.append(table('表1　2025年各县区主要经济指标', ['县区', '地区生产总值（亿元）', '增长（%）', '规上工业增加值增长（%）',
                   '固定资产投资增长（%）', '社会消费品零售总额（亿元）', '一般公共预算收入（亿元）'],
                   [[a, num(80, 420), num(2.5, 7.5), num(1, 10), num(-3, 12), num(40, 260), num(5, 40)] for a in AREAS]))
parts.append('<p>全年全市规模以上工业增加值比上年增长5.9%。分行业看，电子信息、新能源和先进材料产业保持较快增长，计算机、通信和其他电子设备制造业增加值增长9.6%。</p>')
parts.append(table('表2　2025年各县区分行业规模以上工业增加值增长速度（%）', ['县区', '行业', '增加值（亿元）', '增长（%）', '占比（%）'],
                   [[a, i, num(0.5, 40), num(-8, 18), num(0.2, 20)] for a in AREAS for i in INDUSTRIES]))
parts.append('<p>全年全市农林牧渔业总产值比上年增长4.3%。粮食播种面积保持稳定，茶叶、油茶、鹰嘴蜜桃等特色农产品产量增长较快。</p>')
parts.append(table('表3　2025年各县区主要农产品产量', ['县区', '产品', '单位', '产量', '比上年增长（%）'],
                   [[a, p, u, num(1, 900), num(-5, 15)] for a in AREAS for p, u in PRODUCTS]))
parts.append('<p>全年社会消费品零售总额比上年增长4.6%。按经营单位所在地分，城镇消费品零售额增长4.4%，乡村消费品零售额增长5.3%。</p>')
parts.append(table('表4　2025年分月份各县区社会消费品零售总额', ['县区', '月份', '零售额（亿元）', '同比增长（%）', '累计增长（%）'],
                   [[a, m, num(2, 25), num(-2, 9), num(1, 8)] for a in AREAS for m in MONTHS]))
parts.append('<p>全年全市空气质量优良天数比例为98.4%，万绿湖、新丰江水库水质保持国家地表水Ⅰ类标准，东江干流河源段水质保持Ⅱ类以上。</p>')
parts.append(table('表5　2025年分月份各县区气象与空气质量', ['县区', '月份', '平均气温（℃）', '降水量（毫米）', '日照（小时）', '优良天数（天）'],
                   [[a, m, num(11, 30), num(10, 420, 0), num(50, 220, 0), str(rnd.randint(26, 31))] for a in AREAS for m in MONTHS]))
parts.append(table('表6　2025年主要工业产品产量', ['产品名称', '产量', '比上年增长（%）', '占全省比重（%）'],
                   [[g, num(1, 5000), num(-10, 25), num(0.1, 6)] for g in GOODS]))

parts.append('<p>全年全社会用电量比上年增长6.2%，其中工业用电量增长7.0%，城乡居民生活用电量增长4.8%。</p>')
parts.append(table('表7　2025年分月份各县区全社会用电量', ['县区', '月份', '用电量（亿千瓦时）', '工业用电（亿千瓦时）', '同比增长（%）'],
                   [[a, m, num(0.5, 6, 2), num(0.2, 4, 2), num(-4, 12)] for a in AREAS for m in MONTHS]))

html = '''<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="SiteName" content="河源市人民政府">
<meta name="SiteIDCode" content="4416000001">
<title>2025年河源市国民经济和社会发展统计公报 - 河源市人民政府门户网站</title>
<link rel="stylesheet" href="/css/portal.css">
</head>
<body>
<!--#include virtual="/_inc/header.html" -->
<div class="w">
<div class="crumb">您当前的位置：<a href="/index.html">首页</a> &gt; <a href="/zwgk/index.html">政务公开</a> &gt; 统计信息</div>
<div class="article">
<h1>2025年河源市国民经济和社会发展统计公报</h1>
<p class="meta">来源：河源市统计局（演示数据）　发布时间：2026-03-28</p>
<div class="article-content">
<p>2025年，全市上下坚持稳中求进工作总基调，深入实施“百县千镇万村高质量发展工程”，经济运行总体平稳、稳中有进，生态环境持续向好，民生保障更加有力。</p>
<p>初步核算，全年全市地区生产总值1380.6亿元，比上年增长5.1%。其中，第一产业增加值149.2亿元，增长4.0%；第二产业增加值498.7亿元，增长5.6%；第三产业增加值732.7亿元，增长5.0%。</p>
@@TABLES@@
<p class="tj-note">注：1. 本公报中部分数据为初步统计数；2. 部分数据因四舍五入的原因，存在总计与分项合计不等的情况；3. 本页为仿真演示站数据，仅供测试使用。</p>
</div>
</div>
</div>
<!--#include virtual="/_inc/footer.html" -->
</body>
</html>
'''.replace('@@TABLES@@', '\n'.join(parts))
with open(OUT, 'w', encoding='utf-8') as f:
    f.write(html)
print('elements (approx, start tags):', html.count('<') - html.count('</') - html.count('<!'))
