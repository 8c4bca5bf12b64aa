"""Evasive renderings of identifiers."""
import random
from c9_pools import *
from c9_idgen import D, D1, AL, EMAIL_USERS, DOMAINS

W = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
def words(r, digits, oh=True):
    return " ".join(("oh" if (c == "0" and oh and r.random() < .6) else W[int(c)]) if c.isdigit() else c for c in digits)
def spaced(s):
    return " ".join(c for c in s if c != " ")
def leet(s):
    return s.replace("0", "o").replace("1", "l")
NUMW = {90: "ninety", 91: "ninety-one", 92: "ninety-two", 93: "ninety three", 94: "ninety-four", 95: "ninety five",
        96: "ninety-six", 97: "ninety seven", 98: "ninety-eight", 99: "ninety nine", 100: "a hundred", 101: "a hundred and one",
        102: "one hundred two", 103: "a hundred three"}
ORD = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
       "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
       "twentieth", "twenty-first", "twenty-second", "twenty-third", "twenty-fourth", "twenty-fifth", "twenty-sixth",
       "twenty-seventh", "twenty-eighth"]
TYPO = {"Chinle": "chinlee", "Kayenta": "kay enta", "Shiprock": "shiprok", "Tuba City": "tuba cty", "Gallup": "galup",
        "Pine Ridge": "pineridge", "Bethel": "bethal", "Hazard": "hazzard", "Pikeville": "pikevile", "Whiteriver": "white rvr",
        "Springdale": "springdail", "Eagle Butte": "egle butte", "Kotzebue": "kotzbue", "Nogales": "nogalez",
        "Truth or Consequences": "T or C", "Española": "espanola", "Lumberton": "lumbertn", "Immokalee": "immokalle"}

def _year_words(y):
    a, b = divmod(y, 100)
    tens = {19: "nineteen", 20: "twenty"}[a]
    if b == 0: return tens + " hundred"
    if b < 10: return tens + " oh " + W[b]
    small = ["ten","eleven","twelve","thirteen","fourteen","fifteen","sixteen","seventeen","eighteen","nineteen"]
    dec = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    if b < 20: return tens + " " + small[b - 10]
    return tens + " " + dec[b // 10] + ("" if b % 10 == 0 else "-" + W[b % 10])

def name(r, p):
    full, given = pick_name(r, p["sub"] == "he")
    parts = full.split()
    nick = r.choice(NICKNAMES)
    return r.choice([
        f"pt is {full.lower()}", f"NAME {full.upper()}", f"name: {spaced(full.lower())}",
        f"first name {given}, last name {parts[-1][:len(parts[-1])//2]}-{parts[-1][len(parts[-1])//2:]}",
        f"goes by '{nick}' {parts[-1]}", f"everyone calls {p['obj']} {nick}, last name {parts[-1].lower()}",
        f"{p['pos']} {r.choice(['son','grandson','nephew'])} {pick_name(r, True)[0].lower()} drives {p['obj']}",
        f"pt {given[0]}. {parts[-1]}" , f"{parts[-1].lower()} {given.lower()} (last, first)",
        f"{given[:-1] + given[-1]*2} {parts[-1][:-1]} (sp?)", f"ms/mr {parts[-1]}... {given} i mean",
        f"the {parts[-1].upper()} family, {p['sub']}'s the {'mom' if p['sub']=='she' else 'dad'}", f"caregiver is {pick_name(r, False)[0].lower()}, {p['pos']} niece",
        f"{given} {parts[-1]}".replace(" ", "_"), f"{'.'.join(given.lower())}. {parts[-1].lower()}",
    ])

def geography(r, p):
    t, st = r.choice(TOWNS)
    tt = TYPO.get(t, t.lower())
    z = r.choice(ZIPS)
    return r.choice([
        f"lives in {tt}", f"FROM {t.upper()} {st}", f"zip {words(r, z)}", f"zip {spaced(z)}", f"from {tt} {st.lower()}",
        f"home is out by {t.lower()}, the {r.choice(STREETS).lower()} side", f"{t} area (lives {r.randint(3,40)} mi out)",
        f"{'-'.join(t.lower().split())} res", f"address {words(r, str(r.randint(10, 999)))} {r.choice(STREETS).lower()}",
        f"in {r.choice(COUNTIES).lower().replace('county', 'co')}", f"stays in {r.choice(NEIGHBORHOODS).lower()}",
        f"lives up the holler off {r.choice(STREETS).lower()}", f"{t[:3].lower()}.. {t[3:].lower()} (small town near us)",
        f"zip code is {z[:3]}-{z[3:]}",
    ])

def date(r, p):
    y = 2026 - p.get("age", 50) - r.randint(0, 1); m = r.randint(1, 12); d = r.randint(1, 28)
    return r.choice([
        f"born {MONTHS[m-1].lower()} {ORD[d-1]} {_year_words(y)}", f"dob {m}-{d}-{y % 100:02d}",
        f"d.o.b. {words(r, str(m))} {words(r, str(d))} {words(r, str(y % 100).zfill(2))}",
        f"DOB {d}/{['I','II','III','IV','V','VI','VII','VIII','IX','X','XI','XII'][m-1]}/{y}",
        f"dob {m:02d}{d:02d}{y % 100:02d}", f"admitted the {ORD[d-1]} of {MON3[m-1].lower()}",
        (f"lmp around the {ORD[d-1]} of {MONTHS[m-1].lower()}" if p["sub"] == "she" else f"got hurt on the {ORD[d-1]} of {MONTHS[m-1].lower()}"), f"bday is christmas day, {y}",
        f"born on the fourth of july {y}", f"seen {MON3[m-1].upper()}{d:02d}", f"d/c {m} . {d} . {r.choice([25, 26])}",
        f"dob {y}/{m}/{d}", f"D-O-B {m:02d} {d:02d} {y}", f"procedure was {MONTHS[m-1].lower()} {d} (this yr)",
        f"died {ORD[d-1]} {MONTHS[m-1].lower()}", f"came in last {r.choice(WEEKDAYS).lower()} the {ORD[d-1]}",
    ])

def age_over_89(r, p):
    a = r.randint(90, 103)
    return r.choice([
        f"{NUMW[a]} yo", f"{NUMW[a].upper()} YEARS OLD", f"age {spaced(str(a))}", f"{p['sub']}'s {NUMW[a]}",
        f"pushing 100 - {a} actually", f"90 + {a - 90} yrs" if a > 90 else "90 yrs on the nose",
        f"turned {NUMW[a]} at the last visit", f"{a}yo{'f' if p['sub']=='she' else 'm'}", f"aged {NUMW[a]}",
        f"nonagenarian ({a})" if a < 100 else f"centenarian, {a}", f"age: {str(a)[0]} {str(a)[1:]}",
        f"{a} yrs young lol", f"in {p['pos']} nineties, {NUMW[a]}",
    ])

def _phd(r):
    return D1(r, 3) + D1(r, 3) + D(r, 4)

def phone(r, p):
    n = _phd(r)
    a, b, c = n[:3], n[3:6], n[6:]
    return r.choice([f"call {words(r, a)}, {words(r, b)}, {words(r, c)}", f"cell {a} {words(r, b)} {c}",
                     f"ph {leet(a)}-{leet(b)}-{leet(c)}", f"# is {spaced(n)}", f"phone {a}..{b}..{c}",
                     f"cel {a} {b[:2]} {b[2:]}{c[:1]} {c[1:]}", f"PH#{a}/{b}/{c}", f"text {a}*{b}*{c}",
                     f"call back (area code {a}) {b} {c}", f"tel: {words(r, n, oh=False)}", f"cell {a}-{b}-{c[:2]} {c[2:]}"])

def fax(r, p):
    n = _phd(r)
    a, b, c = n[:3], n[3:6], n[6:]
    return r.choice([f"fx {a} {b} {c}", f"fax it to {words(r, a)} {words(r, b)} {words(r, c)}", f"f# {spaced(n)}",
                     f"FAX {a}/{b}/{c}", f"fax: {leet(a)}.{leet(b)}.{leet(c)}", f"fax to {p['pos']} lawyer {a}_{b}_{c}"])

def email(r, p):
    u = r.choice(EMAIL_USERS) + r.choice(["", str(r.randint(1, 99))]); dm = r.choice(DOMAINS)
    dn, tld = dm.rsplit(".", 1)
    return r.choice([f"email {u} at {dn} dot {tld}", f"{u} [at] {dn} [dot] {tld}", f"{u}(at){dn}(dot){tld}",
                     f"EMAIL {u.upper()}@{dm.upper()}", f"{spaced(u)} @ {dn} . {tld}", f"{u} @ {dn}.{tld}",
                     f"email is {u} on {dn}", f"{u}@{dn} dot {tld}", f"e mail: {u} AT {dn.upper()} DOT {tld.upper()}",
                     f"{u} at g mail dot com" if dn == "gmail" else f"{u} at {dn} dot {tld}"])

def ssn(r, p):
    a, b, c = D1(r, 3), D(r, 2), D(r, 4)
    while a.startswith("9") or a == "666":
        a = D1(r, 3)
    return r.choice([f"ss {spaced(a+b+c)}", f"social is {words(r, a)}, {words(r, b)}, {words(r, c)}", f"ssn {a}.{b}.{c}",
                     f"ssn {a}/{b}/{c}", f"s.s.n. {a} - {b} - {c}", f"SOC {a}{b} {c}", f"ss# {leet(a)}-{leet(b)}-{leet(c)}",
                     f"social {a} {b}{c[:2]} {c[2:]}", f"SSN: {words(r, a+b+c).upper()}"])

def mrn(r, p):
    n = r.choice([D(r, 8), D1(r, 7), D1(r, 6)])
    return r.choice([f"m r n {spaced(n)}", f"mrn#:{n[:3]}-{n[3:5]}-{n[5:]}", f"chart number {words(r, n)}",
                     f"mrn {leet(n)}", f"MRN/ {n[:4]} {n[4:]}", f"chart#{n}(ihs)", f"med rec no {n[:2]}.{n[2:]}"])

def health_plan(r, p):
    n = D1(r, 9)
    return r.choice([f"medicaid # {words(r, n)}", f"ahcccs a {spaced(D1(r, 8))}", f"member id {AL(r,3).lower()} {n[:3]} {n[3:6]} {n[6:]}",
                     f"medicare mbi {spaced(D1(r,1)+AL(r,3)+D(r,1)+AL(r,2)+D(r,2))}", f"MCAID {n[:3]}/{n[3:6]}/{n[6:]}",
                     f"insurance number {leet(n)}", f"soonercare #{n}(pt)", f"ins id: {words(r, n[:5])} {n[5:]}"])

def account(r, p):
    n = D1(r, 8)
    return r.choice([f"acct no. {n[:2]} {n[2:4]} {n[4:6]} {n[6:]}", f"account {words(r, n)}", f"acct#{leet(n)}",
                     f"ACCT {n[:4]}-{n[4:]}", f"billing acct is {spaced(n)}", f"hosp acct {n} (self pay)"])

def licence(r, p):
    n = D1(r, 9)
    return r.choice([f"dl n m {spaced(n)}", f"drivers lic is {AL(r,1)}{n[:8]} i think", f"rn lic # {words(r, n[:6])}",
                     f"d/l {n[:3]}.{n[3:6]}.{n[6:]}", f"DRIVERS LICENSE {AL(r,1)} {n[:4]} {n[4:8]}", f"cdl {leet(n)}",
                     f"lic no {n} (drivers)"])

def vehicle(r, p):
    plate = AL(r, 3) + D(r, 4)
    vin = D1(r, 1) + AL(r, 4) + D(r, 2) + AL(r, 2) + D(r, 1) + AL(r, 1) + D1(r, 6)
    return r.choice([f"plate {spaced(plate[:2])} dash {spaced(plate[2:])}", f"lic plt {plate.lower()} on the truck",
                     f"vin {spaced(vin.lower())}", f"tag {plate[:3]}/{plate[3:]}", f"PLATE {words(r, plate).upper()}",
                     f"his ride is plated {plate[:3].lower()} {plate[3:]}", f"vin# {vin[:8]} {vin[8:]}"])

def device(r, p):
    n = D1(r, 8)
    return r.choice([f"pump s/n {words(r, n)}", f"serial# {AL(r,3).lower()}-{n[:3]}-{n[3:6]}-{AL(r,1).lower()}",
                     f"pacer SN {spaced(n)}", f"icd serial {leet(n)}", f"cgm transmitter {spaced(D1(r,1)+AL(r,2)+D(r,1)+AL(r,2))}",
                     f"implant sn {n[:4]} {n[4:]}", f"SERIAL NO {words(r, n).upper()}"])

def url(r, p):
    u = r.choice(["darlene.yazzie", "rezstrong.ivan", "tou.lor.88", "kayak907", "lilchuy505", "nellie.okakok"])
    return r.choice([f"facebook dot com slash {u}", f"www gofundme com/f/help-{u.replace('.', '-')}",
                     f"h t t p s : / / tiktok . com / @{u}", f"insta {u} (instagram.com/{u} w/o the www)",
                     f"caringbridge [dot] org/visit/{u.replace('.', '')}", f"FACEBOOK.COM/{u.upper()}",
                     f"youtube dot com slash at {u}"])

def ip(r, p):
    a, b, c, d = r.randint(24, 223), r.randint(0, 255), r.randint(0, 255), r.randint(1, 254)
    return r.choice([f"ip {words(r, str(a))} dot {b} dot {c} dot {d}", f"ip {a} . {b} . {c} . {d}", f"ip {a},{b},{c},{d}",
                     f"IP ADDR {a} {b} {c} {d}", f"connected from {a}[.]{b}[.]{c}[.]{d}", f"ip is {a}-{b}-{c}-{d}"])

def other_code(r, p):
    n = D1(r, 7)
    return r.choice([f"booking number {words(r, n[:2])} dash {words(r, n[2:])}", f"inmate # {spaced(n)}",
                     f"docket c r {r.randint(2019, 2026)} {D1(r, 5)}", f"tribal enrollment {words(r, n[:6])}",
                     f"A number a {spaced(D1(r, 9))}", f"claim {n[:3]}/{n[3:]}", f"DOC NO. {words(r, n).upper()}",
                     f"case # {leet(n)} (cps)", f"CIB {n[:3]} {n[3:]}", f"rx no {spaced(n)}"])

CATS = {"name": name, "geography": geography, "date": date, "age_over_89": age_over_89, "phone": phone, "fax": fax,
        "email": email, "ssn": ssn, "mrn": mrn, "health_plan": health_plan, "account": account, "licence": licence,
        "vehicle": vehicle, "device": device, "url": url, "ip": ip, "other_code": other_code}
