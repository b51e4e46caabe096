#!/usr/bin/env python3
"""Generates samples/community/community.json: the fictitious 翠苑社区 (deterministic: fixed seed).

Run: python3 samples/community/generate.py. Names and phone numbers are invented; phone numbers use
the 170-0000 block so that none can ring a real person.

Three compounds of different ages, because age drives who lives there:
  cy1 翠苑一区  1990s six-floor walk-ups (three entrances each, some with retrofitted lifts 加装电梯);
               many elderly living alone, few infants.
  cy2 翠苑二区  2000s eleven-floor slab blocks with lifts; a mixed population.
  cy3 翠苑三区  2018 high-rises of 18-33 floors, two lifts each; young families, more vacant flats.
Proportions follow Chinese urban surveys roughly: ~2.6 people per household, 60+ about a fifth
of residents, disability about 4-6% of people (more among the old).
"""
import json, os, random

rng = random.Random(20261128)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红梅鑫波斌宇浩凯健俊帆帅旭宁龙林欣佳怡雪琳晨阳文辉力建国志强淑珍凤英秀珍玉珍桂兰"
CURRENT_YEAR = 2026

# Per compound: (name, buildings, floors range, entrances, flats per entrance per floor, lift share, profile).
COMPOUNDS = [
    ("cy1", "翠苑一区", 12, (6, 6), 3, 2, 0.35, "old"),
    ("cy2", "翠苑二区", 9, (11, 11), 2, 2, 1.0, "mixed"),
    ("cy3", "翠苑三区", 9, (18, 33), 1, 4, 1.0, "new"),
]
# Shares of households by type; the rest are working-age adults (singles, couples, renters sharing).
PROFILES = {
    #        vacant elderly-alone elderly-couple three-generation family-with-children
    "old":   (0.05, 0.11, 0.22, 0.08, 0.14),
    "mixed": (0.06, 0.08, 0.15, 0.10, 0.27),
    "new":   (0.10, 0.03, 0.05, 0.10, 0.45),
}

def name():
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))

phone_seq = iter(range(10000))
def phone():
    return f"1700000{next(phone_seq):04d}"

def person(min_age, max_age, disability_rate=0.03):
    age = rng.randint(min_age, max_age)
    # Children under 12 have no phone of their own.
    return {"name": name(), "birthYear": CURRENT_YEAR - age, "phone": phone() if age >= 12 else "",
            "disability": rng.random() < disability_rate}

def children(infant_share):
    kids = [person(0, 2, 0.005)] if rng.random() < infant_share else []
    kids += [person(3, 17, 0.01) for _ in range(rng.choice((0, 1, 1, 1, 2)))]
    return kids or [person(3, 17, 0.01)]

def household(profile):
    """Returns (members, careGroup), or None for a vacant flat."""
    vacant, alone, couple, three_gen, family = PROFILES[profile]
    r = rng.random()
    if r < vacant:
        return None
    r -= vacant
    if r < alone:                    # 独居老人: all in the care group the street office visits
        return [person(62, 93, 0.22)], True
    r -= alone
    if r < couple:                   # 空巢老人
        members = [person(60, 88, 0.1), person(60, 88, 0.1)]
        return members, any(m["disability"] for m in members) or rng.random() < 0.15
    r -= couple
    if r < three_gen:                # grandparents helping with small children
        members = [person(58, 75, 0.05), person(58, 75, 0.05), person(28, 40), person(28, 40)] + children(0.6)
        return members, any(m["disability"] for m in members)
    r -= three_gen
    if r < family:
        members = [person(27, 46), person(27, 46)] + children(0.35 if profile == "new" else 0.2)
        return members, any(m["disability"] for m in members)
    members = [person(20, 59, 0.035) for _ in range(rng.choice((1, 1, 2, 2, 2, 3)))]
    return members, any(m["disability"] for m in members)

def device(id, kind, vendor, compound, building, unit, label):
    return {"id": id, "kind": kind, "vendor": vendor, "compoundId": compound, "buildingId": building,
            "unitId": unit, "label": label}

community = {"id": "cuiyuan", "name": "翠苑社区"}
compounds, buildings, units, households, devices = [], [], [], [], []
for cid, cname, count, (fmin, fmax), entrances, per_floor, lift_share, profile in COMPOUNDS:
    compounds.append({"id": cid, "communityId": "cuiyuan", "name": cname})
    for b in range(1, count + 1):
        bid = f"{cid}-b{b}"
        floors = rng.randint(fmin, fmax) if b > 1 or fmin == fmax else fmax
        buildings.append({"id": bid, "compoundId": cid, "name": f"{b}幢", "floors": floors})
        # Retrofitted lifts in the walk-ups start with 1幢 (the demo building); high-rises have two.
        has_lift = b == 1 or rng.random() < lift_share
        for e in range(1, entrances + 1):
            suffix = "" if e == 1 else f"-e{e}"
            devices.append(device(f"dev-door-{bid}{suffix}", "door-forced", "dahua", cid, bid, None, f"{e}单元门禁"))
            if has_lift:
                for lift in range(1, (2 if profile == "new" else 1) + 1):
                    lsuffix = suffix if lift == 1 else f"{suffix}-l{lift}"
                    devices.append(device(f"dev-elevator-{bid}{lsuffix}", "elevator-trapped", "hikvision", cid, bid, None,
                                          f"{e}单元{lift}号电梯"))
        if profile != "old":         # fire doors in the stairwells of lift buildings
            devices.append(device(f"dev-firedoor-{bid}", "door-held-open", "dahua", cid, bid, None, "楼梯间防火门"))
        if floors >= 11:             # 高空抛物 cameras look up the facade of taller blocks
            devices.append(device(f"dev-throw-{bid}", "high-altitude-throw", "hikvision", cid, bid, None, "高空抛物摄像机"))
        for floor in range(1, floors + 1):
            for e in range(1, entrances + 1):
                for position in range(1, per_floor + 1):
                    flat = (e - 1) * per_floor + position
                    uid = f"{bid}-u{floor:02d}{flat:02d}"
                    units.append({"id": uid, "buildingId": bid, "entrance": f"{e}单元",
                                  "number": f"{floor}{position:02d}室", "floor": floor})
                    # Every flat has a smoke detector (the community's 智慧消防 retrofit), lived in or not.
                    devices.append(device(f"dev-smoke-{uid}", "smoke", "hikvision", cid, bid, uid, "烟感"))
                    hh = household(profile)
                    if hh is None:
                        continue
                    members, care = hh
                    households.append({"id": f"hh-{uid}", "unitId": uid, "members": members, "careGroup": care})
                    ages = [CURRENT_YEAR - m["birthYear"] for m in members]
                    alone_elderly = len(members) == 1 and ages[0] >= 60
                    if alone_elderly or rng.random() < (0.45 if profile == "old" else 0.25):
                        devices.append(device(f"dev-gas-{uid}", "gas", "dahua", cid, bid, uid, "燃气探测器"))
                    if rng.random() < 0.15:
                        devices.append(device(f"dev-leak-{uid}", "water-leak", "tuya", cid, bid, uid, "水浸传感器"))
                    if alone_elderly:
                        devices.append(device(f"dev-radar-{uid}", "fall-detected", "tuya", cid, bid, uid, "跌倒监测雷达"))
                    if alone_elderly or (care and max(ages) >= 60):
                        devices.append(device(f"dev-noact-{uid}", "no-activity", "tuya", cid, bid, uid, "无活动监测"))
    # Compound-wide: fire lanes, garbage stations and the perimeter.
    for n in range(1, 4):
        devices.append(device(f"dev-firelane-{cid}-{n}", "fire-lane-blocked", "hikvision", cid, None, None, f"{n}号消防通道"))
    for n in range(1, 3 + (profile == "new")):
        devices.append(device(f"dev-garbage-{cid}-{n}", "garbage-overflow", "tuya", cid, None, None, f"{n}号垃圾分类站"))
    for n in range(1, 5):
        devices.append(device(f"dev-perimeter-{cid}-{n}", "intrusion", "hikvision", cid, None, None, f"周界{n}号防区"))

offices = [
    {"id": "police-cuiyuan", "party": "police", "name": "翠苑派出所", "compounds": [], "email": "police@cuiyuan.example.cn"},
    {"id": "property-lvcheng", "party": "property", "name": "绿城物业翠苑服务中心", "compounds": ["cy1", "cy3"], "email": "cy1@lvcheng.example.cn"},
    {"id": "property-jinguanjia", "party": "property", "name": "金管家物业翠苑二区项目部", "compounds": ["cy2"], "email": "cy2@jinguanjia.example.cn"},
    {"id": "street-cuiyuan", "party": "street", "name": "翠苑街道办事处", "compounds": [], "email": "street@cuiyuan.example.cn"},
    {"id": "health-cuiyuan", "party": "health", "name": "翠苑社区卫生服务站", "compounds": [], "email": "health@cuiyuan.example.cn"},
]
accounts = [
    {"userName": "police1", "displayName": "民警 赵强", "role": "handler", "officeId": "police-cuiyuan", "password": "police-demo"},
    {"userName": "property1", "displayName": "绿城物业 钱敏", "role": "handler", "officeId": "property-lvcheng", "password": "property-demo"},
    {"userName": "property2", "displayName": "金管家物业 孙丽", "role": "handler", "officeId": "property-jinguanjia", "password": "property-demo"},
    {"userName": "street1", "displayName": "网格员 李娜", "role": "handler", "officeId": "street-cuiyuan", "password": "street-demo"},
    {"userName": "health1", "displayName": "卫生服务站 周静", "role": "handler", "officeId": "health-cuiyuan", "password": "health-demo"},
    {"userName": "supervisor1", "displayName": "督办 吴刚", "role": "supervisor", "officeId": "street-cuiyuan", "password": "supervisor-demo"},
    {"userName": "author1", "displayName": "规则编辑 郑洋", "role": "rule-author", "officeId": None, "password": "author-demo"},
    {"userName": "auditor1", "displayName": "伦理审查 王芳", "role": "auditor", "officeId": None, "password": "auditor-demo"},
    {"userName": "admin", "displayName": "系统管理员", "role": "admin", "officeId": None, "password": "admin-demo"},
]
out = {"community": community, "compounds": compounds, "buildings": buildings, "units": units, "households": households,
       "devices": devices, "offices": offices, "accounts": accounts}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "community.json")
with open(path, "w", encoding="utf-8") as f:
    # One record per line: compact, yet diffs stay readable.
    f.write("{\n")
    for i, (key, value) in enumerate(out.items()):
        f.write(f'"{key}":')
        if isinstance(value, list):
            f.write("[\n" + ",\n".join(json.dumps(v, ensure_ascii=False, separators=(",", ":")) for v in value) + "\n]")
        else:
            f.write(json.dumps(value, ensure_ascii=False, separators=(",", ":")))
        f.write(",\n" if i < len(out) - 1 else "\n")
    f.write("}\n")

people = [m for h in households for m in h["members"]]
def share(pred, items): return f"{100 * sum(1 for x in items if pred(x)) / len(items):.1f}%"
print(f"{path}: {len(compounds)} compounds, {len(buildings)} buildings, {len(units)} units, {len(households)} households, "
      f"{len(people)} people, {len(devices)} devices of {len({d['kind'] for d in devices})} kinds")
for cid, *_ in COMPOUNDS:
    hh = [h for h in households if h["unitId"].startswith(cid + "-")]
    print(f"  {cid}: {len(hh)} households; elderly alone {share(lambda h: len(h['members']) == 1 and CURRENT_YEAR - h['members'][0]['birthYear'] >= 60, hh)}, "
          f"with disability {share(lambda h: any(m['disability'] for m in h['members']), hh)}, "
          f"with under-3s {share(lambda h: any(CURRENT_YEAR - m['birthYear'] < 3 for m in h['members']), hh)}")
print(f"  people with disability {share(lambda m: m['disability'], people)}, aged 60+ {share(lambda m: CURRENT_YEAR - m['birthYear'] >= 60, people)}")
