#!/usr/bin/env python3
# usage: python3 samples/scenarios/dispatch_latency.py http://127.0.0.1:5080 samples/community/community.json 20
# Measures: red smoke alarm in the flat of an elderly person living alone -> case with parallel tasks
# (police, property, resident, ...) visible over HTTP. Runs against a live portal.
import json, re, sys, time, datetime, statistics, uuid, requests
base = sys.argv[1]
community = json.load(open(sys.argv[2]))
year = datetime.date.today().year
def alone_elderly(h):
    m = h['members']
    return len(m) == 1 and year - m[0]['birthYear'] >= 60
units = [h['unitId'] for h in community['households'] if alone_elderly(h)]
# One detector per floor: smoke alarms correlate per floor, and each must open a case of its own here.
devices, floors = [], set()
for d in community['devices']:
    if d['kind'] == 'smoke' and d.get('unitId') in set(units):
        floor = d['unitId'][:-2]
        if floor not in floors:
            floors.add(floor); devices.append(d)
s = requests.Session()
page = s.get(base + '/login').text
token = re.search(r'name="__RequestVerificationToken" value="([^"]+)"', page).group(1)
r = s.post(base + '/account/login', data={'userName': 'supervisor1', 'password': 'supervisor-demo', 'returnUrl': '/', '__RequestVerificationToken': token}, allow_redirects=False)
assert r.status_code == 302, r.status_code
key = {'X-Api-Key': 'demo-gw-key-7f3a9c2e51b84d06'}
times = []
case_ids = set()
for d in devices[:int(sys.argv[3])]:
    now = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8)))
    night = now.replace(hour=3, minute=0, second=0, microsecond=0)
    if night > now: night -= datetime.timedelta(days=1)
    t0 = time.perf_counter()
    resp = s.post(base + '/api/v1/signals', headers=key, json={'source': 'demo-gw', 'messageId': str(uuid.uuid4()), 'deviceId': d['id'], 'kind': 'smoke', 'occurredAt': night.isoformat(), 'severity': 4})
    assert resp.status_code == 202, resp.text
    sid = resp.json()['id']
    while True:
        sig = s.get(f'{base}/api/v1/signals/{sid}', headers=key).json()
        if sig.get('caseId'):
            c = s.get(f"{base}/api/v1/cases/{sig['caseId']}").json()['case']
            parties = sorted({t['party'] for t in c['tasks']})
            if c['tasks']: break
        time.sleep(0.005)
    times.append((time.perf_counter() - t0) * 1000)
    case_ids.add(sig['caseId'])
    print(f"{d['id']}: level={c['level']} parties={parties} {times[-1]:.0f} ms")
    time.sleep(0.2)
print(f"cases={len(case_ids)} n={len(times)} median={statistics.median(times):.0f} ms max={max(times):.0f} ms")
