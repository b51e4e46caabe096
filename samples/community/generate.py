#!/usr/bin/env python3
"""Generates samples/community/community.json: a small fictitious community (deterministic: fixed seed).

Run: python3 samples/community/generate.py. Names and phone numbers are invented; phone numbers use
the 170-0000 block so that none can ring a real person.
"""
import json, os, random

rng = random.Random(20261128)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红梅鑫波斌宇浩凯健俊帆帅旭宁龙林欣佳怡雪琳晨阳文辉力建国志强淑珍凤英秀珍玉珍桂兰"
CURRENT_YEAR = 2026

def name():
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))

phone_seq = iter(range(1000000))
def phone():
    return f"1700000{next(phone_seq):04d}"

def person(min_age, max_age, disability=False):
    return {"name": name(), "birthYear": CURRENT_YEAR - rng.randint(min_age, max_age), "phone": phone(), "disability": disability}

def household_members():
    r = rng.random()
    if r < 0.12:   # elderly living alone (独居老人)
        return [person(62, 91, disability=rng.random() < 0.2)], True
    if r < 0.30:   # elderly couple
        return [person(60, 85), person(60, 85)], rng.random() < 0.3
    if r < 0.55:   # family with children
        kids = [person(0, 2)] if rng.random() < 0.4 else []
        kids += [person(3, 16) for _ in range(rng.randint(0, 2))]
        return [person(28, 45), person(28, 45)] + kids, False
    size = rng.randint(1, 4)
    return [person(20, 59, disability=rng.random() < 0.03) for _ in range(size)], False

community = {"id": "cuiyuan", "name": "翠苑社区"}
compounds = [{"id": "cy1", "communityId": "cuiyuan", "name": "翠苑一区"},
             {"id": "cy2", "communityId": "cuiyuan", "name": "翠苑二区"}]
buildings, units, households, devices = [], [], [], []
for compound, count in (("cy1", 3), ("cy2", 2)):
    for b in range(1, count + 1):
        bid = f"{compound}-b{b}"
        floors = 6
        buildings.append({"id": bid, "compoundId": compound, "name": f"{b}幢", "floors": floors})
        devices.append({"id": f"dev-elevator-{bid}", "kind": "elevator-trapped", "vendor": "hikvision", "compoundId": compound,
                        "buildingId": bid, "unitId": None, "label": "电梯"})
        devices.append({"id": f"dev-door-{bid}", "kind": "door-forced", "vendor": "dahua", "compoundId": compound,
                        "buildingId": bid, "unitId": None, "label": "单元门禁"})
        for floor in range(1, floors + 1):
            for flat in (1, 2):
                number = f"{floor:02d}{flat:02d}"
                uid = f"{bid}-u{number}"
                units.append({"id": uid, "buildingId": bid, "entrance": "1单元", "number": f"{floor}{flat:02d}室", "floor": floor})
                members, care = household_members()
                households.append({"id": f"hh-{uid}", "unitId": uid, "members": members, "careGroup": care})
                devices.append({"id": f"dev-smoke-{uid}", "kind": "smoke", "vendor": "hikvision", "compoundId": compound,
                                "buildingId": bid, "unitId": uid, "label": "烟感"})
                if rng.random() < 0.5:
                    devices.append({"id": f"dev-gas-{uid}", "kind": "gas", "vendor": "dahua", "compoundId": compound,
                                    "buildingId": bid, "unitId": uid, "label": "燃气探测器"})
                if rng.random() < 0.4:
                    devices.append({"id": f"dev-leak-{uid}", "kind": "water-leak", "vendor": "tuya", "compoundId": compound,
                                    "buildingId": bid, "unitId": uid, "label": "水浸传感器"})
                if len(members) == 1 and CURRENT_YEAR - members[0]["birthYear"] >= 60:
                    devices.append({"id": f"dev-radar-{uid}", "kind": "fall-detected", "vendor": "tuya", "compoundId": compound,
                                    "buildingId": bid, "unitId": uid, "label": "跌倒监测雷达"})

offices = [
    {"id": "police-cuiyuan", "party": "police", "name": "翠苑派出所", "compounds": [], "email": "police@cuiyuan.example.cn"},
    {"id": "property-lvcheng", "party": "property", "name": "绿城物业翠苑一区服务中心", "compounds": ["cy1"], "email": "cy1@lvcheng.example.cn"},
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
    json.dump(out, f, ensure_ascii=False, indent=1)
print(f"{path}: {len(buildings)} buildings, {len(units)} units, {len(households)} households, {len(devices)} devices")
