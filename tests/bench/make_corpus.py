#!/usr/bin/python3
"""Writes a realistic peerctl workspace of N specialists, deterministic from a seed.

usage: make_corpus.py DIR [N=50000] [SEED=1]

Each record is about 3 KB with about 35 entries; every built-in credential and every state
(in training, eligible, active, due soon, grace, lapsed) is represented. Names are invented from
syllables; nothing here is a real person.
"""
import datetime
import os
import random
import sys

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 50000
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
AS_OF = datetime.date(2026, 11, 23)

CREDENTIALS = {
    # id: (period months, ce hours, topics used, domains)
    "ct-rss": (36, 60, ["ethics", "peer-support"], []),
    "ct-cpsrp": (12, 10, ["ethics"], []),
    "icrc-pr": (24, 20, ["ethics", "advocacy"], ["advocacy", "mentoring-education", "recovery-wellness", "ethics"]),
    "ny-crpa": (36, 28, ["ethics", "professional-development"], ["ethics", "medication-supported-recovery"]),
    "pa-cps": (24, 36, ["peer-support", "ethics"], []),
    "ga-cps": (12, 12, ["ethics"], []),
}
PROVIDERS = ["CCAR", "Advocacy Unlimited", "GMHCN", "Copeland Center", "DMHAS", "Wheeler Clinic", "NYCB", "PCB"]
SYLL = ["an", "bel", "cor", "da", "el", "fa", "gri", "ho", "is", "jo", "ka", "lu", "mi", "no", "or", "pe", "qui", "ro", "sa", "ti"]
TITLES = ["Ethics and boundaries", "Motivational interviewing", "Trauma-informed peer support", "WRAP facilitation",
          "Cultural humility", "Documentation basics", "Harm reduction in practice", "Crisis recognition",
          "Self-care for peer workers", "Advocacy skills", "Supervision for peers", "Recovery planning"]


def name():
    w = lambda: "".join(rng.choice(SYLL) for _ in range(rng.randint(2, 3))).capitalize()
    return f"{w()} {w()}"


def day(start, end):
    span = (end - start).days
    return start + datetime.timedelta(days=rng.randint(0, max(span, 0)))


def hours():
    return rng.choice([1, 1.5, 2, 2.5, 3, 3.25, 4, 6, 0.75])


def record(i):
    cid = list(CREDENTIALS)[i % len(CREDENTIALS)]
    months, ce_hours, topics, domains = CREDENTIALS[cid]
    kind = i % 10  # 0: in training, 1: eligible, 2-9: certified at various ages
    sid = f"s{i:06d}"
    lines = [f'id = "{sid}"', f'name = "{name()}"', ""]
    certified = kind >= 2
    issued = None
    if certified:
        # Spread issue dates so that some expired long ago (lapsed), some recently (grace), most active.
        back = rng.randint(30, months * 31 + 400)
        issued = AS_OF - datetime.timedelta(days=back)
        if cid == "ga-cps":
            issued = datetime.date(AS_OF.year - 1, rng.randint(1, 12), rng.randint(1, 28))
        lines += [f"[credentials.{cid}]", f'number = "{cid.upper()}-{i:06d}"', f"issued = {issued.isoformat()}"]
        if cid == "ct-cpsrp":
            lines.append('level = "provisional"' if rng.random() < 0.5 else 'level = "full"')
    else:
        lines.append(f"[credentials.{cid}]")
    lines.append("")
    train_start = (issued or AS_OF) - datetime.timedelta(days=400)
    total_training = 0
    for d in range(10 if kind != 0 else 5):
        h = 8
        total_training += h
        dom = domains[d % len(domains)] if domains else None
        lines += ["[[training]]", f"date = {(train_start + datetime.timedelta(days=7 * d)).isoformat()}", f"hours = {h}"]
        if dom:
            lines.append(f'domain = "{dom}"')
        lines += [f'title = "Core training, day {d + 1}"', f'provider = "{rng.choice(PROVIDERS)}"', ""]
    exam_day = train_start + datetime.timedelta(days=80)
    if kind != 0:
        lines += ["[[exam]]", f"date = {exam_day.isoformat()}", 'result = "passed"', f"score = {rng.randint(70, 99)}", ""]
    for e in range(4):
        lines += ["[[experience]]", f"date = {day(train_start, AS_OF).isoformat()}",
                  f"hours = {rng.choice([40, 80, 120, 160])}", f'kind = "{rng.choice(["work", "volunteer", "supervision"])}"', ""]
    start = issued or (AS_OF - datetime.timedelta(days=700))
    for c in range(19):
        t = [rng.choice(topics)] if rng.random() < 0.6 else []
        lines += ["[[ce]]", f"date = {day(start, AS_OF).isoformat()}", f"hours = {hours()}",
                  f'title = "{rng.choice(TITLES)}"', f'provider = "{rng.choice(PROVIDERS)}"']
        if t:
            lines.append(f'topics = ["{t[0]}"]')
        if rng.random() < 0.5:
            lines.append(f'delivery = "{rng.choice(["in-person", "live-online", "self-study"])}"')
        if rng.random() < 0.4:
            lines.append(f'approval = "APP-{rng.randint(1000, 9999)}"')
        lines.append("")
    return "\n".join(lines) + "\n"


os.makedirs(f"{out}/specialists", exist_ok=True)
with open(f"{out}/peerctl.toml", "w") as f:
    f.write('name = "Benchmark registry (generated)"\n')
for i in range(n):
    with open(f"{out}/specialists/s{i:06d}.toml", "w") as f:
        f.write(record(i))
