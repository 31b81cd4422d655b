#!/usr/bin/env python3
"""Writes the replica sites' small images (our own drawings): SVG icons/banners and two PNG badges.
Run once; the outputs are committed under src/main/resources/sites/*/img/."""
import os, struct, zlib

ROOT = os.path.join(os.path.dirname(__file__), '..', 'src', 'main', 'resources', 'sites')

def png(path, w, h, pixel):
    raw = b''.join(b'\x00' + b''.join(bytes(pixel(x, y)) for x in range(w)) for y in range(h))
    def chunk(t, d):
        return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    data = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0)) \
        + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b'')
    with open(path, 'wb') as f:
        f.write(data)

def badge(x, y):
    # red 党政机关 seal: red disc with a white ring
    cx, cy = 23, 23
    d = ((x - cx) ** 2 + (y - cy) ** 2) ** 0.5
    if d < 16:
        return (200, 16, 16)
    if d < 19:
        return (255, 255, 255)
    if d < 22:
        return (200, 16, 16)
    return (255, 255, 255)

def jiucuo(x, y):
    # blue "找错" button background
    return (30, 90, 170) if 2 < y < 30 and 2 < x < 108 else (255, 255, 255)

SVG = {
  'logo': '<svg xmlns="http://www.w3.org/2000/svg" width="360" height="64" viewBox="0 0 360 64"><circle cx="32" cy="32" r="26" fill="{c}"/><path d="M20 40 L32 18 L44 40 Z" fill="#fff"/><text x="70" y="30" font-size="22" font-family="sans-serif" fill="{c}">{t1}</text><text x="70" y="54" font-size="14" font-family="sans-serif" fill="#555">{t2}</text></svg>',
  'banner': '<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="260" viewBox="0 0 1000 260"><rect width="1000" height="260" fill="{c}"/><path d="M0 200 Q250 120 500 190 T1000 170 V260 H0 Z" fill="#ffffff" opacity="0.25"/><text x="60" y="120" font-size="44" font-family="sans-serif" fill="#fff">{t1}</text><text x="60" y="170" font-size="22" font-family="sans-serif" fill="#fff">{t2}</text></svg>',
  'icon': '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64"><rect x="4" y="4" width="56" height="56" rx="12" fill="{c}"/><text x="32" y="42" text-anchor="middle" font-size="26" font-family="sans-serif" fill="#fff">{t1}</text></svg>',
}

def svg(site, name, kind, c, t1, t2=''):
    d = os.path.join(ROOT, site, 'img')
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), 'w', encoding='utf-8') as f:
        f.write(SVG[kind].format(c=c, t1=t1, t2=t2) + '\n')

if __name__ == '__main__':
    for site in ('zwfw', 'yth', 'gcjs', 'portal'):
        os.makedirs(os.path.join(ROOT, site, 'img'), exist_ok=True)
        png(os.path.join(ROOT, site, 'img', 'dzjg.png'), 46, 46, badge)
    png(os.path.join(ROOT, 'portal', 'img', 'jiucuo.png'), 110, 32, jiucuo)
    svg('zwfw', 'logo.svg', 'logo', '#c8161d', '广东政务服务网', '河源市专题')
    for i, (c, a, b) in enumerate([('#1d6fb8', '粤省事 · 粤商通', '指尖办事 随时随地'),
                                   ('#2f8f4e', '跨域通办', '异地办事 一次不用跑'),
                                   ('#b8521d', '一件事一次办成', '减环节 减材料 减时间')]):
        svg('zwfw', 'banner%d.svg' % (i + 1), 'banner', c, a, b)
    for i, (c, t) in enumerate([('#1d6fb8', '导'), ('#2f8f4e', '跨'), ('#b8521d', '一'),
                                ('#6b3fa0', '无'), ('#0e8a8a', '便'), ('#a01d4f', '引')]):
        svg('zwfw', 'zone%d.svg' % (i + 1), 'icon', c, t)
    svg('zwfw', 'notice.svg', 'banner', '#6b3fa0', '无障碍服务热线 12345', '工作日 8:30—17:30 为视障、听障群众提供专人帮办')
    svg('zwfw', 'flow.svg', 'banner', '#1d6fb8', '申请 → 受理 → 审核 → 办结', '全程网办 · 最多跑一次')
    svg('yth', 'logo.svg', 'logo', '#1a5fb4', '河源市一体化政务服务平台', '群众办事 · 一网通办')
    svg('yth', 'captcha.svg', 'banner', '#e8e8e8', '2 4 6 8', '')
    svg('yth', 'submit.svg', 'icon', '#1a5fb4', '提交')
    svg('gcjs', 'logo.svg', 'logo', '#0b6e4f', '河源市工程建设项目审批管理系统', '企业服务端')
    for i, (c, t) in enumerate([('#0b6e4f', '立'), ('#1d6fb8', '许'), ('#b8521d', '施'), ('#6b3fa0', '验')]):
        svg('gcjs', 'stage%d.svg' % (i + 1), 'icon', c, t)
    svg('portal', 'logo.svg', 'logo', '#b3141b', '河源市人民政府', 'www.heyuan.gov.cn（仿真演示站）')
    for i, (c, a, b) in enumerate([('#1f7a3d', '万绿湖畔 生态河源', '全市空气质量优良天数比例保持全省前列'),
                                   ('#b3141b', '客家古邑 红色热土', '传承客家文化 讲好河源故事'),
                                   ('#1d5fa8', '深河协作 产业共建', '深圳—河源产业共建示范区加快建设')]):
        svg('portal', 'banner%d.svg' % (i + 1), 'banner', c, a, b)
    for i, (c, t) in enumerate([('#b3141b', '发'), ('#1d5fa8', '财'), ('#1f7a3d', '生'), ('#b8521d', '教'),
                                ('#6b3fa0', '卫'), ('#0e8a8a', '交')]):
        svg('portal', 'dept%d.svg' % (i + 1), 'icon', c, t)
    svg('portal', 'ad.svg', 'banner', '#d9480f', '全国文明城市创建', '共建共享 文明河源')
    svg('portal', 'photo1.svg', 'banner', '#2b7a78', '万绿湖', '华南地区最大的人工湖')
    svg('portal', 'photo2.svg', 'banner', '#8a5a2b', '龙川佗城', '两千多年历史的秦汉古镇')
