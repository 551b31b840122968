#!/usr/bin/python3
"""Dev-only checker for the hand-drawn sources of the sample county 高青县 (geodata/sample/data).

For review only; the build never runs it. Verifies what the C++ generator relies on: counts,
codes, property names, areas and lengths in EPSG:4548 metres, containment, overlaps, levee
distances and the township Voronoi partition; exits 1 on any failure. Needs Debian's
python3-shapely, python3-pyproj (+ python3-matplotlib for --png), hence /usr/bin/python3.

    tools/check_sources.py [--data DIR] [--seed FILE] [--png overview.png]
"""
import argparse, json, math, re, sys
from pathlib import Path
from pyproj import Transformer
from shapely.geometry import LineString, MultiPoint, Point, Polygon, shape
from shapely.ops import transform, unary_union, voronoi_diagram

HERE = Path(__file__).resolve().parent
TOWNSHIPS = {'370322001000': '田镇街道', '370322002000': '芦湖街道', '370322101000': '青城镇',
             '370322102000': '高城镇', '370322103000': '黑里寨镇', '370322104000': '唐坊镇',
             '370322105000': '常家镇', '370322106000': '花沟镇', '370322108000': '木李镇'}
CODE = {v: k for k, v in TOWNSHIPS.items()}
ON_RIVER = ['黑里寨镇', '青城镇', '木李镇', '常家镇', '芦湖街道']
# direction of each township from 田镇街道 (sign of dx, dy; 0 = either)
DIRECTION = {'芦湖街道': (0, 1), '青城镇': (-1, 1), '黑里寨镇': (-1, 0), '木李镇': (0, 1),
             '常家镇': (1, 1), '高城镇': (-1, -1), '唐坊镇': (0, -1), '花沟镇': (1, 0)}
NAMED_SITES = ['通威农光互补', '华电渔光互补', '高苑新能源汇集站', '国电投202/404MWh', '小清河临港物流园',
               '高商高速', '滨莱高速', '滨淄黄河大桥', 'S309田高线', '马扎子引黄涵闸', '大芦湖水库', '杜姚沟',
               '李官湿地', '绿心公园', '化工产业园扩园', '天鹅湖罗曼园', '千乘文旅康养', '黄河楼博物馆',
               '陈庄—唐口西周遗址', '田镇四街', '一柿青城', '纽澜地']
EXPECTS = {'pass', 'basic_farmland', 'eco_redline', 'chemical_outside_park', 'corridor', 'outside_urban', 'cultivated'}
LINEAR_INDUSTRY = ('E4812', 'E4813', 'E4819', 'G5720')
ZONE_CODE = {'城镇集中建设区': '10', '城镇弹性发展区': '20', '特别用途区': '30'}
SLIVER_M2 = 1.0          # overlaps below this are rounding noise of shared edges
TO_M = Transformer.from_crs(4490, 4548, always_xy=True).transform


class Checker(list):
    def __call__(self, name, ok, detail=''):
        self.append((name, bool(ok), detail))

    def table(self):
        for name, ok, detail in self:
            print(f"{'ok  ' if ok else 'FAIL'} {name:<62} {detail}")
        print(f"\n{len(self) - self.failed} passed, {self.failed} failed")

    failed = property(lambda self: sum(not ok for _, ok, _ in self))


def load(data, name):
    """[(properties, geometry in EPSG:4548 metres, raw geometry dict)] of one FeatureCollection."""
    fc = json.loads((data / name).read_text(encoding='utf-8'))
    assert fc['type'] == 'FeatureCollection', name
    return [(f['properties'], transform(TO_M, shape(f['geometry'])), f['geometry']) for f in fc['features']]


def positions(c):
    return [c] if isinstance(c[0], (int, float)) else [p for x in c for p in positions(x)]


def coords_ok(geom):
    """lon/lat order, 6 decimals at most."""
    return all(116.5 < x < 119 and 36 < y < 38.5 and round(x, 6) == x and round(y, 6) == y for x, y in positions(geom['coordinates']))


def seed_tasks(path):
    """{task number: (task text, [lead units])} from the 2023 key-task document."""
    text = re.sub(r'—\s*\d+\s*—', '', Path(path).read_text(encoding='utf-8'))
    text = re.sub(r'\s+', '', text)
    parts = re.split(r'(?<![\d.])(\d{1,2})\.(?=\D)', text)
    tasks = {}
    for num, body in zip(parts[1::2], parts[2::2]):
        m = re.search(r'牵头单位：([^，）]*)', body)
        tasks[int(num)] = (body, m.group(1).split('、') if m else [])
    return tasks


def voronoi_townships(seeds, county):
    pts = [g for _, g, _ in seeds]
    # No envelope= argument: it crashes shapely 1.8.5 with GEOS 3.11. The default extent is
    # the points' bounding box grown by its larger side, which covers the county (checked).
    parts = {c: [] for c in TOWNSHIPS}
    for cell in voronoi_diagram(MultiPoint(pts)).geoms:
        parts[next(p['code'] for p, g, _ in seeds if cell.contains(g))].append(cell)
    return {c: unary_union(v).intersection(county) for c, v in parts.items()}


def width_of(poly):
    """mean width of a long thin polygon from area and perimeter."""
    a, p = poly.area, poly.length
    return (p - math.sqrt(max(p * p - 16 * a, 0))) / 4


def draw(png, county, T, L):
    """PNG overview: townships, urban zones, red lines, waters, roads, levee and sites."""
    import matplotlib
    matplotlib.use('Agg')
    from matplotlib import font_manager, pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    cjk = [f.name for f in font_manager.fontManager.ttflist if 'CJK' in f.name]
    plt.rcParams['font.family'] = (cjk[:1] or ['sans-serif']) + ['DejaVu Sans']
    fig, ax = plt.subplots(figsize=(16, 10.5))
    def fill(g, **kw):
        for p in getattr(g, 'geoms', [g]):
            ax.fill(*p.exterior.xy, **kw)
            for r in p.interiors:
                ax.fill(*r.xy, color='white')
    pal = ['#fbf3dc', '#eef6e2', '#f3eaf4', '#e6f0f8', '#fdeee6', '#f0f0e0', '#e8f4f0', '#f8eef0', '#eef0fa']
    towns = unary_union([g.buffer(2500) for p, g, _ in L['places']])
    for i, (n, g) in enumerate(T.items()):
        fill(g, color=pal[i], ec='#888888', lw=0.7)
        c = g.difference(towns).buffer(-800).representative_point()
        ax.text(c.x, c.y, f'{n}\n{g.area / 1e6:.1f} km²', ha='center', va='center', fontsize=10, color='#777777')
    style = {'urban': dict(color='#f4a582'), 'chemical_park': dict(color='#8073ac', alpha=0.8),
             'industrial_park': dict(fc='none', ec='#b2182b', hatch='///', lw=0.8),
             'redline': dict(color='#1b7837', alpha=0.45), 'greenheart': dict(color='#4dac26')}
    for p, g, _ in L['zones']:
        fill(g, **{'城镇弹性发展区': dict(color='#fddbc7'), '特别用途区': dict(color='#b8e186')}.get(p.get('zone'), style[p['kind']]))
    for p, g, _ in L['waters']:
        if g.geom_type == 'Polygon':
            fill(g, color='#4393c3')
        else:
            ax.plot(*g.xy, color='#2166ac' if p['kind'] == 'river' else '#67a9cf', lw=max(0.6, p['width_m'] / 25))
    for p, g, _ in L['roads']:
        ax.plot(*g.xy, color={'expressway': '#d6604d', 'provincial': '#e08214'}.get(p['kind'], '#a6761d'),
                lw={'expressway': 2.4, 'provincial': 1.8}.get(p['kind'], 1.1))
    ax.plot(*L['yellow_river'][0][1].xy, color='#8c510a', lw=2.5)
    ax.plot(*L['levee'][0][1].xy, color='#543005', lw=1.2, ls='--')
    ax.plot(*county.exterior.xy, color='black', lw=1.5)
    for p, g, _ in L['sites']:
        ax.fill(*g.exterior.xy, fc='none', ec='red', lw=1.0)
    seat = [g for p, g, _ in L['places'] if p['kind'] == 'seat']
    for p, g, _ in L['places']:
        ax.plot(g.x, g.y, '*' if p['kind'] == 'seat' else 'o', color='black', ms=9 if p['kind'] == 'seat' else 4)
        if p['kind'] == 'seat' or seat[0].distance(g) > 1000:
            ax.text(g.x + 250, g.y + 200, p['name'].replace('驻地', ''), fontsize=8)
    keys = [Line2D([], [], color=c, lw=w, ls=ls, label=n) for n, c, w, ls in [
        ('黄河', '#8c510a', 2.5, '-'), ('临黄大堤', '#543005', 1.2, '--'), ('高速', '#d6604d', 2.4, '-'),
        ('省道', '#e08214', 1.8, '-'), ('县道', '#a6761d', 1.1, '-'), ('河流/沟渠', '#2166ac', 1.2, '-')]]
    keys += [Patch(label=n, **kw) for n, kw in [
        ('城镇集中建设区', dict(color='#f4a582')), ('城镇弹性发展区', dict(color='#fddbc7')), ('特别用途区', dict(color='#b8e186')),
        ('化工园区', style['chemical_park']), ('经济开发区', style['industrial_park']), ('生态保护红线', style['redline']),
        ('水库/湖泊', dict(color='#4393c3')), ('项目选址', dict(fc='none', ec='red'))]]
    ax.legend(handles=keys, loc='upper left', fontsize=8, ncol=2, framealpha=0.9)
    ax.set(aspect='equal', title='高青县 sample sources (EPSG:4548)')
    ax.ticklabel_format(useOffset=False, style='plain')
    fig.savefig(png, dpi=110, bbox_inches='tight')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--data', default=HERE.parent / 'data', type=Path)
    ap.add_argument('--seed', default=HERE.parents[3] / 'shared/seed/000_a57c57c0bf61aa74.txt')
    ap.add_argument('--png')
    a, ck = ap.parse_args(), Checker()
    try:
        check(a, ck)
    except Exception as e:          # a missing feature or property: report what ran, then the cause
        ck(f'checker stopped: {type(e).__name__}', False, str(e))
        ck.table()
        raise
    return 1 if ck.failed else 0


def check(a, ck):
    files = ['county', 'yellow_river', 'levee', 'township_seeds', 'places', 'roads', 'waters', 'zones', 'sites']
    L = {f: load(a.data, f + '.geojson') for f in files}
    ck('all files: lon/lat degrees, <=6 decimals', all(coords_ok(r) for f in files for _, _, r in L[f]))
    ck('all polygons valid', all(g.is_valid for f in files for _, g, _ in L[f]))

    # ---- county
    cp, county, craw = L['county'][0]
    ck('county: one Polygon {370322, 高青县}', len(L['county']) == 1 and county.geom_type == 'Polygon' and cp == {'code': '370322', 'name': '高青县'})
    lon = [x for x, _ in craw['coordinates'][0]]; lat = [y for _, y in craw['coordinates'][0]]
    ck('county: within 117.55-118.0667E 37.0667-37.3167N', min(lon) >= 117.55 and max(lon) <= 118.0667
       and min(lat) >= 37.0667 and max(lat) <= 37.3167, f'{min(lon):.4f}-{max(lon):.4f}E {min(lat):.4f}-{max(lat):.4f}N')
    ck('county: area 831 km2 +-0.5%', abs(county.area / 1e6 - 831) <= 831 * 0.005, f'{county.area / 1e6:.2f} km2')
    x0, y0, x1, y1 = county.bounds
    ck('county: ~45 km E-W, ~26 km N-S', 43e3 <= x1 - x0 <= 47e3 and 24e3 <= y1 - y0 <= 28.5e3,
       f'{(x1 - x0) / 1e3:.1f} x {(y1 - y0) / 1e3:.1f} km')
    nv = len(county.exterior.coords) - 1
    ck('county: 80-200 vertices, valid, irregular', 80 <= nv <= 200 and county.is_valid
       and county.area / county.convex_hull.area < 0.97, f'{nv} vertices, hull fill {county.area / county.convex_hull.area:.2f}')

    # ---- Yellow River: the county boundary's river run is exactly the centreline's vertices
    rraw = [tuple(c) for c in L['yellow_river'][0][2]['coordinates']]
    river = L['yellow_river'][0][1]
    ring = [tuple(c) for c in craw['coordinates'][0][:-1]]
    on = [i for i, c in enumerate(rraw) if c in set(ring)]
    i0, i1 = (on[0], on[-1]) if on else (0, 0)
    k = ring.index(rraw[i0]) if on else 0
    run = [ring[(k + j) % len(ring)] for j in range(i1 - i0 + 1)]
    ck('river: one {黄河, river}; boundary run == its vertices entry..exit', on == list(range(i0, i1 + 1)) and run == rraw[i0:i1 + 1]
       and len(L['yellow_river']) == 1 and L['yellow_river'][0][0] == {'name': '黄河', 'kind': 'river'},
       f'vertices {i0}..{i1} of {len(rraw)}')
    reach = LineString(river.coords[i0:i1 + 1])
    up, down = LineString(river.coords[:i0 + 1]), LineString(river.coords[i1:])
    ck('river: reach 45.6 km +-1%', abs(reach.length - 45600) <= 456, f'{reach.length / 1e3:.3f} km')
    ck('river: extends 2-4 km beyond both ends', 2e3 <= up.length <= 4e3 and 2e3 <= down.length <= 4e3
       and not up.crosses(county) and not down.crosses(county), f'{up.length / 1e3:.2f} / {down.length / 1e3:.2f} km')
    seg = [Point(p).distance(Point(q)) for p, q in zip(reach.coords[:-1], reach.coords[1:])]
    ck('river: vertices every ~300-800 m', min(seg) >= 150 and max(seg) <= 1000 and 300 <= sorted(seg)[len(seg) // 2] <= 800,
       f'{min(seg):.0f}-{max(seg):.0f} m, median {sorted(seg)[len(seg) // 2]:.0f}')
    entry, exit_ = Point(reach.coords[0]), Point(reach.coords[-1])
    ck('river: flows SW/W -> NE', exit_.x - entry.x > 25e3 and exit_.y > entry.y)

    # ---- levee
    lp, levee, _ = L['levee'][0]
    ck('levee: one {黄河右岸临黄大堤, levee}, 46.92 km +-0.2%', abs(levee.length - 46920) <= 46920 * 0.002
       and len(L['levee']) == 1 and lp == {'name': '黄河右岸临黄大堤', 'kind': 'levee'}, f'{levee.length:.1f} m')
    dense = [levee.interpolate(d) for d in range(0, int(levee.length) + 1, 25)] + [Point(levee.coords[-1])]
    dr = [river.distance(p) for p in dense]
    db = [county.exterior.distance(p) for p in dense]
    ck('levee: 600-2500 m from the river', min(dr) >= 600 and max(dr) <= 2500, f'{min(dr):.0f}-{max(dr):.0f} m')
    ck('levee: >=300 m inside the county', levee.within(county) and min(db) >= 300, f'min {min(db):.0f} m')
    ck('levee: simple, starts west, ends at the river exit', levee.is_simple and levee.coords[0][0] < levee.coords[-1][0]
       and exit_.distance(Point(levee.coords[-1])) < 3000 and entry.distance(Point(levee.coords[0])) < 3000)
    corridor = levee.buffer(-100, single_sided=True)          # 淤背区: landward (right) side
    floodplain = levee.buffer(3000, single_sided=True).intersection(county)   # river side

    # ---- township seeds and their Voronoi partition
    seeds = L['township_seeds']
    ok = all(p['code'] in TOWNSHIPS and p['name'] == TOWNSHIPS[p['code']] and isinstance(p['seat'], bool) for p, _, _ in seeds)
    per = {c: [p['seat'] for p, _, _ in seeds if p['code'] == c] for c in TOWNSHIPS}
    ck('seeds: 9 codes/names, one seat + 2-6 extra each', ok and all(s.count(True) == 1 and 2 <= s.count(False) <= 6 for s in per.values()))
    cells = voronoi_townships(seeds, county)
    area = {TOWNSHIPS[c]: g.area / 1e6 for c, g in cells.items()}
    ck('townships: 9 single polygons', all(g.geom_type == 'Polygon' for g in cells.values()))
    ck('townships: 60-140 km2 each', all(60 <= v <= 140 for v in area.values()), ' '.join(f'{n}{v:.1f}' for n, v in area.items()))
    ck('townships: sum to the county', abs(sum(area.values()) - county.area / 1e6) < 0.01, f'{sum(area.values()):.2f} km2')
    T = {TOWNSHIPS[c]: g for c, g in cells.items()}
    touch = {n: T[n].intersection(reach.buffer(1)).area / 2 for n in ON_RIVER}
    ck('townships: river towns have >=1 km of river', all(v > 1000 for v in touch.values()), ' '.join(f'{n}{v / 1e3:.1f}km' for n, v in touch.items()))
    ck('townships: river enters 黑里寨镇, leaves 芦湖街道; levee K0 in 黑里寨镇', T['黑里寨镇'].distance(entry) < 1
       and T['芦湖街道'].distance(exit_) < 1 and T['黑里寨镇'].contains(Point(levee.coords[0])))
    c0 = T['田镇街道'].centroid
    bad = [n for n, (sx, sy) in DIRECTION.items() if (sx and (T[n].centroid.x - c0.x) * sx < 0) or (sy and (T[n].centroid.y - c0.y) * sy < 0)]
    ck('townships: layout around 田镇街道 (seat in the centre)', not bad and T['田镇街道'].distance(county.centroid) < 3000, ','.join(bad))

    # ---- places
    pl = L['places']
    gov = [g for p, g, _ in pl if p['name'] == '高青县人民政府' and p['kind'] == 'seat']
    ck('places: 高青县人民政府 in 田镇街道', len(gov) == 1 and T['田镇街道'].contains(gov[0]))
    towns = {p['township']: g for p, g, _ in pl if p['kind'] == 'town'}
    ck('places: 9 town centres, each in its township', set(towns) == set(TOWNSHIPS)
       and all(cells[c].contains(g) for c, g in towns.items()) and all(p['township'] in TOWNSHIPS for p, _, _ in pl))

    # ---- waters
    W = {p['name']: (p, g) for p, g, _ in L['waters']}
    lakes = {n: g for n, (p, g) in W.items() if p['kind'] in ('reservoir', 'lake', 'basin')}
    def wl(n, kind, lo, hi):
        return n in W and W[n][0]['kind'] == kind and lo <= W[n][0].get('width_m', -1) <= hi
    ck('waters: 小清河 ~60, 支脉河 ~40, 杜姚沟 ~20', wl('小清河', 'river', 50, 70) and wl('支脉河', 'river', 30, 50) and wl('杜姚沟', 'canal', 15, 25))
    xq = W['小清河'][1]
    span = xq.intersection(Polygon([(x0, y0 - 5e3), (x1, y0 - 5e3), (x1, y1), (x0, y1)]))
    inside = span.intersection(county).length / span.length
    far = max(county.exterior.distance(xq.interpolate(d)) for d in range(0, int(xq.length), 200) if county.contains(xq.interpolate(d)))
    ck('waters: 小清河 W->E, mostly just inside the south edge', xq.coords[0][0] < xq.coords[-1][0] and inside >= 0.85 and far < 1500
       and xq.centroid.y < county.centroid.y - 8e3, f'{inside:.0%} inside, <= {far:.0f} m from edge')
    zm = W['支脉河'][1]
    ck('waters: 支脉河 W->E through the middle', zm.coords[0][0] < zm.coords[-1][0] and zm.intersection(county).length > 35e3
       and y0 + 3e3 < zm.centroid.y < y1 - 8e3)
    canals = [(n, g) for n, (p, g) in W.items() if '引黄' in n]
    ck('waters: 2-4 引黄 canals ~15 m, from the levee going south', 2 <= len(canals) <= 4 and all(
        wl(n, 'canal', 10, 20) and levee.distance(Point(g.coords[0])) <= 300 and county.contains(Point(g.coords[0]))
        and g.coords[-1][1] < g.coords[0][1] for n, g in canals), ', '.join(n for n, _ in canals))
    kinds = {n: W[n][0]['kind'] for n in lakes}
    ck('waters: 大芦湖 reservoir 4-6 km2 in 芦湖街道, north of the seat', kinds.get('大芦湖水库') == 'reservoir'
       and 4 <= lakes['大芦湖水库'].area / 1e6 <= 6 and lakes['大芦湖水库'].within(T['芦湖街道'])
       and lakes['大芦湖水库'].centroid.y > towns[CODE['田镇街道']].y + 2e3, f"{lakes['大芦湖水库'].area / 1e6:.2f} km2")
    sw = lakes.get('天鹅湖')
    ck('waters: 天鹅湖 basin 1-2 km2 in 常家镇, <=100 m landward of levee', kinds.get('天鹅湖') == 'basin' and 1 <= sw.area / 1e6 <= 2
       and sw.within(T['常家镇']) and levee.distance(sw) <= 100 and not sw.intersects(levee), f'{sw.area / 1e6:.2f} km2, {levee.distance(sw):.0f} m')
    ck('waters: 千乘湖 lake 0.5-1 km2 in 田镇街道', kinds.get('千乘湖') == 'lake' and 0.5 <= lakes['千乘湖'].area / 1e6 <= 1
       and lakes['千乘湖'].within(T['田镇街道']), f"{lakes['千乘湖'].area / 1e6:.2f} km2")
    ln = list(lakes.items())
    ck('waters: lakes do not overlap', all(p.intersection(q).area < SLIVER_M2 for i, (_, p) in enumerate(ln) for _, q in ln[i + 1:]))
    lines = [(p['name'], g) for p, g, _ in L['waters'] + L['roads'] if g.geom_type == 'LineString']
    hit = [f'{n}/{m}' for n, g in lines for m, q in lakes.items() if g.intersection(q).length > 0]
    ck('waters+roads: no line crosses a lake', not hit, ' '.join(hit))

    # ---- roads
    R = {p['name']: (p, g) for p, g, _ in L['roads']}
    ck('roads: kinds and numeric width_m', all(p['kind'] in ('expressway', 'national', 'provincial', 'county')
                                                and isinstance(p['width_m'], (int, float)) for p, _ in R.values()))
    gs, bl, s309 = R.get('高商高速'), R.get('滨莱高速'), R.get('S309田高线')
    ck('roads: 高商高速 N-S in the west/centre, crosses the Yellow River', gs and gs[0]['kind'] == 'expressway'
       and gs[1].crosses(river) and x0 + 10e3 < gs[1].centroid.x < county.centroid.x + 3e3)
    ck('roads: 滨莱高速 N-S in the east', bl and bl[0]['kind'] == 'expressway' and bl[1].centroid.x > county.centroid.x + 10e3
       and bl[1].intersection(county).length > 15e3)
    ck('roads: S309 田高线 provincial, 田镇 -> 高城镇', s309 and s309[0]['kind'] == 'provincial'
       and Point(s309[1].coords[0]).distance(towns[CODE['田镇街道']]) < 500 and s309[1].distance(towns[CODE['高城镇']]) < 300)
    cr = [g for p, g in R.values() if p['kind'] == 'county']
    net = unary_union([g for p, g in R.values() if p['kind'] in ('county', 'provincial')]).buffer(5)
    ck('roads: 6-12 county roads joining every town centre to the seat', 6 <= len(cr) <= 12 and net.geom_type == 'Polygon'
       and all(net.contains(g) for g in towns.values()), f'{len(cr)} county roads')
    near = [n for n, (p, g) in R.items() for m, q in lakes.items() if g.distance(q) < 150]
    ck('roads: none runs along a lake (>=150 m)', not near, ' '.join(near))

    # ---- zones
    Z = L['zones']
    ck('zones: kinds known', all(p['kind'] in ('urban', 'chemical_park', 'industrial_park', 'redline', 'greenheart', 'wetland_park') for p, _, _ in Z))
    urban = [(p, g) for p, g, _ in Z if p['kind'] == 'urban']
    ck('urban: zone/town/GHFQDM valid', all(ZONE_CODE.get(p['zone']) == p['GHFQDM'] and p['town'] in CODE for p, _ in urban))
    ov = [f"{p['town']}{p['zone']}/{q['town']}{q['zone']}" for i, (p, g) in enumerate(urban) for q, h in urban[i + 1:] if g.intersection(h).area > SLIVER_M2]
    ck('urban: no two polygons overlap', not ov, ' '.join(ov))
    core = [(p, g) for p, g in urban if p['zone'] == '城镇集中建设区']
    seat = max((g for p, g in core if p['town'] == '田镇街道'), key=lambda g: g.area)
    ck('urban: seat 集中建设区 25-35 km2, irregular', 25 <= seat.area / 1e6 <= 35 and seat.contains(towns[CODE['田镇街道']])
       and seat.area / seat.convex_hull.area < 0.95, f'{seat.area / 1e6:.2f} km2')
    tz = {p['town']: g for p, g in core if p['town'] != '田镇街道' and g.contains(towns[CODE[p['town']]])}
    ck('urban: 1-3 km2 集中建设区 at each town centre', len(tz) == 8 and all(1 <= g.area / 1e6 <= 3 for g in tz.values()),
       ' '.join(f'{n}{g.area / 1e6:.1f}' for n, g in tz.items()))
    el = [(p, g) for p, g in urban if p['zone'] == '城镇弹性发展区']
    sp = [g for p, g in urban if p['zone'] == '特别用途区']
    ck('urban: 弹性发展区 pieces adjoin their town\'s 集中建设区; 1-2 特别用途区', 1 <= len(sp) <= 2 and el
       and all(any(q['town'] == p['town'] and g.distance(h) < 0.5 for q, h in core) for p, g in el), f'{len(el)} + {len(sp)} pieces')
    chem = [g for p, g, _ in Z if p['kind'] == 'chemical_park' and p.get('name') == '高青化工产业园']
    ck('chemical park: 6-10 km2, also an urban 集中建设区 of 高城镇, away from the seat', len(chem) == 1 and 6 <= chem[0].area / 1e6 <= 10
       and any(p['town'] == '高城镇' and g.equals(chem[0]) for p, g in core) and chem[0].distance(seat) > 3000, f'{chem[0].area / 1e6:.2f} km2')
    dev = [g for p, g, _ in Z if p['kind'] == 'industrial_park' and p.get('name') == '高青经济开发区']
    ck('industrial park: 5-10 km2 inside the seat 集中建设区', len(dev) == 1 and 5 <= dev[0].area / 1e6 <= 10
       and dev[0].difference(seat).area < SLIVER_M2, f'{dev[0].area / 1e6:.2f} km2')
    red = {p['HXMC']: (p, g) for p, g, _ in Z if p['kind'] == 'redline'}
    ck('redline: 3-5 pieces with HXMC/HXLX/HXBM', 3 <= len(red) <= 5 and all(p.get('HXLX') and p.get('HXBM') for p, _ in red.values()), ' '.join(red))
    src = red.get('大芦湖饮用水水源保护区', (None, Polygon()))[1]
    ck('redline: 大芦湖 source protection = reservoir + 300-500 m', src.buffer(-300).contains(lakes['大芦湖水库'])
       and lakes['大芦湖水库'].buffer(500).contains(src))
    uu = unary_union([g for _, g in urban])
    ck('redline: no overlap with urban zones', all(g.intersection(uu).area < SLIVER_M2 for _, g in red.values()))
    gh = [g for p, g, _ in Z if p['kind'] == 'greenheart']
    g0 = gh[0] if gh else Polygon()
    ck('greenheart: 16 ha, touching the levee landward, 常家镇/芦湖街道', len(gh) == 1 and abs(g0.area - 160000) < 4800
       and levee.distance(g0) <= 20 and not g0.buffer(-0.5).intersects(levee) and g0.within(county)
       and T['常家镇'].distance(g0) < 1000 and T['芦湖街道'].distance(g0) < 1000, f'{g0.area / 1e4:.2f} ha, {levee.distance(g0):.1f} m')
    exempt = {'天鹅湖', '天鹅湖湿地', '绿心公园'}   # meant to touch the levee
    polys = [(p.get('name') or p.get('HXMC') or p.get('town') + p.get('zone', ''), g) for p, g, _ in Z] + list(lakes.items())
    close = [f'{n}:{levee.distance(g):.0f}m' for n, g in polys if n not in exempt and levee.distance(g) < 150]
    ck('levee clearance: other lakes/zones >=150 m from levee', not close, ' '.join(close))
    ck('zones: all inside the county', all(g.difference(county).area < SLIVER_M2 for _, g in polys))

    # ---- control units
    units = json.loads((a.data / 'control_units.json').read_text(encoding='utf-8'))
    names = {1: '优先保护单元', 2: '重点管控单元', 3: '一般管控单元'}
    ck('units: 16-28', 16 <= len(units) <= 28, f'{len(units)} units')
    ok = all(re.fullmatch(r'ZH370322[123]\d{4}', u['code']) and int(u['code'][8]) == u['class'] and names[u['class']] == u['class_name']
             and all(u.get(k) for k in ('name', 'KJBJYS', 'PWWPFGK', 'HJFXFK', 'ZYKFXLYQ')) for u in units)
    ck('units: codes, classes, four list headings', ok and len({u['code'] for u in units}) == len(units))
    zname = {p.get('name') for p, _, _ in Z if p['kind'] in ('chemical_park', 'industrial_park')}
    def resolves(u):
        kind, _, ref = u['source'].partition(':')
        return {'redline': (1, ref == '黄河' or ref in red), 'zone': (2, ref in zname),
                'urban': (2, ref in {p['town'] for p, _ in urban}), 'township': (3, ref in TOWNSHIPS)}.get(kind, (0, False)) == (u['class'], True)
    bad = [u['code'] for u in units if not resolves(u)]
    ck('units: every source resolves, class matches', not bad, ' '.join(bad))
    ck('units: one class-3 unit per township, 黄河 unit present', sorted(u['source'][9:] for u in units if u['source'].startswith('township:')) == sorted(TOWNSHIPS)
       and any(u['source'] == 'redline:黄河' for u in units))
    chem_u = [u for u in units if u['source'] == 'zone:高青化工产业园']
    forbid = [u for u in units if u['class'] > 1 and u not in chem_u]
    ck('units: chemical only in the park; no new parks; no scattered coal boilers; no industry in class 1',
       len(chem_u) == 1 and '禁止新建、扩建化工' not in chem_u[0]['KJBJYS'] and '不再新设化工园区' in chem_u[0]['KJBJYS']
       and all('禁止新建、扩建化工' in u['KJBJYS'] for u in forbid)
       and all('燃煤' in u['PWWPFGK'] + u['ZYKFXLYQ'] for u in units if u['class'] > 1)
       and all('工业' in u['KJBJYS'] and '禁止' in u['KJBJYS'] for u in units if u['class'] == 1))

    # ---- sites
    S = L['sites']
    tasks = seed_tasks(a.seed)
    ck('sites: >=30 polygons', len(S) >= 30 and all(g.geom_type == 'Polygon' and g.is_valid for _, g, _ in S), f'{len(S)} sites')
    keys = ('name', 'task_no', 'lead_unit', 'industry', 'industry_name', 'use', 'expect', 'note')
    ck('sites: properties complete', all(set(p) == set(keys) and isinstance(p['task_no'], int) and re.fullmatch(r'[A-T]\d{4}', p['industry'])
                                         and p['expect'] in EXPECTS for p, _, _ in S))
    badlead = [p['name'] for p, _, _ in S if p['task_no'] not in tasks or p['lead_unit'] not in tasks[p['task_no']][1]]
    ck('sites: task_no and lead_unit match the seed document', not badlead, ' '.join(badlead))
    sitenames = [re.sub(r'\s', '', p['name']) for p, _, _ in S]
    miss = [k for k in NAMED_SITES if not any(k in n for n in sitenames)]
    nottask = [p['name'] for p, _, _ in S for k in NAMED_SITES if k in p['name'] and k not in tasks[p['task_no']][0]]
    ck('sites: DOMAIN.md sites present and named in their task', not miss and not nottask, ' '.join(miss + nottask))
    ck('sites: inside the county', all(g.difference(county).area < SLIVER_M2 for _, g, _ in S))
    ov = [f"{p['name']}/{q['name']}" for i, (p, g, _) in enumerate(S) for q, h, _ in S[i + 1:] if g.intersection(h).area > SLIVER_M2]
    ck('sites: no overlaps', not ov, ' '.join(ov))
    linear = [(p['name'], width_of(g)) for p, g, _ in S if p['industry'].startswith(LINEAR_INDUSTRY) and g.length / 2 > 8 * width_of(g)]
    ck('sites: road/bridge/pipeline corridors 40-80 m wide', linear and all(39 <= w <= 81 for _, w in linear),
       ' '.join(f'{n[:6]}:{w:.0f}m' for n, w in linear))
    pv = [g.area / 1e4 for p, g, _ in S if p['industry'] == 'D4416']
    st = [g.area / 1e4 for p, g, _ in S if '储能' in p['name']]
    ck('sites: PV 20-150 ha, storage 2-5 ha', pv and st and all(20 <= v <= 150 for v in pv) and all(2 <= v <= 5 for v in st),
       f"PV {' '.join(f'{v:.0f}' for v in pv)} ha, storage {st[0]:.1f} ha")
    core_u = unary_union([g for _, g in core]); chem_u = chem[0]
    redu = unary_union([g for _, g in red.values()] + [floodplain])
    def found(p, g):
        e = p['expect']
        chem_bad = p['industry'].startswith('C26') and g.difference(chem_u).area > SLIVER_M2
        return {'pass': g.difference(core_u).area < SLIVER_M2 and not g.intersects(redu) and not g.intersects(corridor) and not chem_bad,
                'basic_farmland': g.difference(uu).area > 0.5 * g.area and not g.intersects(corridor) and g.intersection(redu).area < 0.05 * g.area,
                'eco_redline': g.intersection(redu).area > 100, 'chemical_outside_park': chem_bad,
                'corridor': g.intersection(corridor).area > 100, 'outside_urban': not g.intersects(uu),
                'cultivated': g.intersection(uu).area > 0.9 * g.area and g.difference(core_u).area > 0.5 * g.area and not g.intersects(redu)}[e]
    wrong = [p['name'] for p, g, _ in S if not found(p, g)]
    ck('sites: geometry shows what "expect" says', not wrong, ' '.join(wrong))
    cnt = {e: sum(p['expect'] == e for p, _, _ in S) for e in EXPECTS}
    ck('sites: every conflict kind present, >=4 pass', cnt['pass'] >= 4 and all(cnt[e] for e in EXPECTS - {'cultivated'}),
       ' '.join(f'{e}={n}' for e, n in cnt.items()))

    ck.table()
    print(f"\ncounty {county.area / 1e6:.2f} km2, river reach {reach.length / 1e3:.2f} km, levee {levee.length / 1e3:.3f} km")
    if a.png:
        draw(a.png, county, T, L)
        print('wrote', a.png)


if __name__ == '__main__':
    sys.exit(main())
