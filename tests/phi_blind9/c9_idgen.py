"""Identifier sentence generators, one per category (fictional values)."""
import random
from c9_pools import *

def D(r, n):
    return "".join(str(r.randint(0, 9)) for _ in range(n))
def D1(r, n):
    return str(r.randint(1, 9)) + D(r, n - 1)
def AL(r, n, pool="ABCDEFGHJKLMNPRSTUVWXYZ"):
    return "".join(r.choice(pool) for _ in range(n))

def name(r, p):
    male_rel = r.random() < .5
    rel = r.choice(REL_M if male_rel else REL_F)
    full, given = pick_name(r, male_rel if rel not in ("cousin", "partner") else None)
    pfull, pgiven = pick_name(r, p["sub"] == "he")
    fam = full.split()[-1] if not full.startswith(("Nguyen", "Tran", "Pham", "Le ", "Vo ")) else full.split()[0]
    pfam = pfull.split()[-1] if not pfull.startswith(("Nguyen", "Tran", "Pham", "Le ", "Vo ")) else pfull.split()[0]
    gs, gsg = pick_name(r, True)
    t = r.choice([
        f"Pt name on the referral is {pfull}, please remove before the session",
        f"{p['Pos']} {rel} {full} is the main caregiver",
        f"{rel} ({full}) gives the meds",
        f"Patient: {pfull}",
        f"Mrs. {pfam} was seen again in clinic" if p['sub'] == "she" else f"Mr. {pfam} was seen again in clinic",
        f"{pfull} says the pills make {p['obj']} sleepy",
        f"lives with {p['pos']} {rel}, {full}",
        f"{p['Sub']} goes by {pgiven} at home",
        f"{p['Pos']} {rel} {given} translates at visits",
        f"consent signed by {pfull}",
        f"emergency contact: {full} ({rel})",
        f"works for {full} on a ranch, paid cash",
        f"employer: {fam} Trucking",
        f"{p['Sub']} is raising {p['pos']} grandson, {gs}",
        f"per {p['pos']} {rel} {full}, {p['sub']} stopped eating last week",
        f"case is {full}'s {r.choice(['aunt','niece','mother','sister']) if p['sub']=='she' else r.choice(['uncle','nephew','father','brother'])}",
        f"{p['Pos']} {rel} {given} {fam} was recently incarcerated and is now back home with {p['obj']}",
        f"re: {pfam}, {pgiven}",
        f"the {rel}, {full}, also has hep C and wants to be screened",
        f"known in the community as {fam}'s {rel}",
        f"{pfull} (the patient) prefers afternoon appointments",
        f"shares a trailer with {full}, {p['pos']} {rel}",
        f"{p['Sub']} cleans houses for {full} three days a week",
        f"Name: {pfam.upper()}, {pgiven.upper()}",
    ])
    return t

def _town(r):
    t, st = r.choice(TOWNS)
    return t, st

def geography(r, p):
    t, st = _town(r)
    fac = r.choice(FACILITIES_TOWN).format(t=t)
    t2, st2 = _town(r)
    return r.choice([
        f"lives in {t}, about 45 min from the clinic",
        f"{p['Sub']} is from {t}, {st}",
        f"home address {r.randint(2, 9899)} {r.choice(STREETS)}",
        f"mailing address HC {r.randint(10, 89)} Box {r.randint(100, 9999)}, {t} {st}",
        f"ZIP code {r.choice(ZIPS)}",
        f"lives off {r.choice(STREETS)} past the chapter house in {r.choice(CHAPTERS)}",
        f"resides in {r.choice(COUNTIES)}",
        f"transferred from {fac}",
        f"was admitted at {fac}",
        f"stays with {p['pos']} sister in {r.choice(NEIGHBORHOODS)}",
        f"moved here from {t} after the house fire",
        f"drives in from {t2} every week",
        f"{p['Sub']} works at the {t} Walmart",
        f"family lives in a camp outside {t} during fishing season",
        f"address on file: {r.randint(10, 990)} {r.choice(STREETS)}, {t}, {st} {r.choice(ZIPS)}",
        f"crosses from Nogales, Sonora to the clinic in {t}",
        f"lives in the {r.choice(NEIGHBORHOODS)} neighborhood",
        f"trailer at mile marker {r.randint(2, 90)} on {r.choice(STREETS)}",
        f"we see {p['obj']} at our satellite clinic in {t}",
        f"last address was the shelter on {r.choice(STREETS)} in {t}",
        f"{p['Sub']} grew up in {t} and still lives there",
        f"the family is in {r.choice(COUNTIES)}, {st}",
        f"{p['Pos']} home is in {t} (Zip {r.choice(ZIPS)})",
    ])

def _date(r, style=None):
    y = r.randint(1936, 2026)
    m = r.randint(1, 12); d = r.randint(1, 28)
    style = style if style is not None else r.randint(0, 9)
    return [f"{m}/{d}/{y}", f"{m:02d}/{d:02d}/{y % 100:02d}", f"{MONTHS[m-1]} {d}, {y}", f"{d} {MON3[m-1]} {y}",
            f"{y}-{m:02d}-{d:02d}", f"{m}-{d}-{y}", f"{MON3[m-1]} {d}", f"{m}/{d}", f"{d}.{m}.{y}",
            f"{MONTHS[m-1]} {d}"][style]

def _date_y(r, y, style):
    m = r.randint(1, 12); d = r.randint(1, 28)
    return [f"{m}/{d}/{y}", f"{m:02d}/{d:02d}/{y % 100:02d}", f"{MONTHS[m-1]} {d}, {y}", f"{d} {MON3[m-1]} {y}",
            f"{y}-{m:02d}-{d:02d}", f"{m}-{d}-{y}", f"{MON3[m-1]} {d}", f"{m}/{d}", f"{d}.{m}.{y}",
            f"{MONTHS[m-1]} {d}"][style]

def date(r, p):
    dob = _date_y(r, 2026 - p.get("age", 50) - r.randint(0, 1), r.choice([0, 1, 2, 3, 4, 5, 8]))
    rec = lambda: _date_y(r, r.choice([2025, 2026, 2026]), r.choice([2, 3, 4, 6, 7, 9, 0, 1]))
    wd = r.choice(WEEKDAYS); dd = r.randint(1, 28)
    return r.choice([
        f"DOB {dob}", f"born {dob}", f"date of birth: {dob}",
        f"admitted {rec()}, discharged {rec()}", f"d/c'd {rec()}", f"admission date {rec()}",
        *( [f"LMP {rec()}", f"EDD {rec()}", f"delivered {rec()} by C-section"] if p["sub"] == "she" else [f"vasectomy {rec()}", f"prostate biopsy {rec()}"] ),
        f"colonoscopy done {rec()}", f"seen in ED on {rec()}",
        f"last clinic visit {rec()}", f"biopsy performed {rec()}", f"started Epclusa on {rec()}",
        f"{p['sub']} was seen last {wd} the {dd}th", f"died at home on {rec()}", f"date of death {rec()}",
        f"surgery scheduled for {rec()}", f"released from custody {rec()}", f"positive IGRA drawn {rec()}",
        f"last dose of Sublocade given {rec()}", f"intake date {rec()}",
        f"fell on {rec()} and broke {p['pos']} wrist", f"DOS {rec()}", f"next appt {rec()}",
        f"overdose on the {dd}th of last month", f"arrived in the US on {rec()}",
    ])

def _old_age(r):
    return r.randint(90, 104)

def age_over_89(r, p):
    a = _old_age(r)
    return r.choice([
        f"{p['Sub']} is {a}", f"age {a}", f"{a} yo", f"{a} y/o", f"{a}-year-old {p['noun']}",
        f"{p['Sub']} just turned {a}", f"celebrated {p['pos']} {a}th birthday last month",
        f"{a} years old and still lives alone", f"pt is {a}yo", f"Age: {a}", f"a {a} year old",
        f"{p['sub']} is {a} and sharp as a tack",
        f"this {a}-yr-old", f"{a}{'F' if p['sub']=='she' else 'M'}", f"now aged {a}",
        f"{a} yrs of age", f"at {a}, {p['sub']} is the oldest person in the household",
    ])

def _ph(r):
    a, b, c = D1(r, 3), D1(r, 3), D(r, 4)
    return r.choice([f"({a}) {b}-{c}", f"{a}-{b}-{c}", f"{a}.{b}.{c}", f"{a} {b} {c}", f"+1 {a} {b} {c}",
                     f"1-{a}-{b}-{c}", f"{a}{b}{c}", f"({a}){b}-{c}"])

def phone(r, p):
    n = _ph(r)
    return r.choice([f"cell {n}", f"best number {n}", f"call {p['pos']} daughter at {n}", f"ph: {n}",
                     f"home phone {n}", f"reach {p['obj']} at {n} after 5", f"text {n}", f"tel {n}",
                     f"{p['Pos']} phone is {n}, voicemail full", f"contact # {n}", f"can call {n} (neighbor's phone)",
                     f"mobile {n}", f"pls call back at {n}"])

def fax(r, p):
    n = _ph(r)
    return r.choice([f"fax {n}", f"F: {n}", f"please fax {p['pos']} records to {n}", f"fax# {n}",
                     f"send the PA form to {p['pos']} attorney's fax {n}", f"{p['Pos']} employer's fax is {n}",
                     f"fax results to {p['pos']} home fax {n}", f"Fax no. {n}", f"faxed to {p['obj']} at {n}"])

EMAIL_USERS = ["dyazzie61", "tomas.begay", "mxiong88", "hawo.abdi", "kayakgirl907", "bluecorn.lady", "rezdog_22",
               "caudill.darrell", "nguyenlan.1970", "wsaintfleur", "marshallmom4", "papijuan.q", "fadumo.nuur",
               "coalminer.carl", "tundra_nellie", "lakota.ivan", "zarghuna.a", "junebug1999", "opalgibson",
               "jibonlangrine", "paw.say.htoo", "chuy.arreola", "itzel.gt", "grace.whitehorse", "kahananui.k"]
DOMAINS = ["gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "aol.com", "icloud.com", "navajo-nsn.gov",
           "gci.net", "windstream.net", "protonmail.com", "live.com", "att.net"]

def _em(r):
    return f"{r.choice(EMAIL_USERS)}{r.choice(['', str(r.randint(1, 99))])}@{r.choice(DOMAINS)}"

def email(r, p):
    e = _em(r)
    return r.choice([f"email {e}", f"{p['Pos']} email is {e}", f"send the handout to {e}", f"contact: {e}",
                     f"portal login {e}", f"{p['Pos']} son's email {e}", f"emailed us from {e}", f"e-mail: {e}",
                     f"prefers email ({e})", f"can reach {p['obj']} at {e}"])

def ssn(r, p):
    a, b, c = D1(r, 3), D(r, 2), D(r, 4)
    while a in ("000", "666") or a.startswith("9"):
        a = D1(r, 3)
    n = r.choice([f"{a}-{b}-{c}", f"{a} {b} {c}", f"{a}{b}{c}"])
    return r.choice([f"SSN {n}", f"SS# {n}", f"social security number {n}", f"soc sec {n}", f"{p['Pos']} SSN is {n}",
                     f"SSN: {n} (for the disability paperwork)", f"social {n}", f"husband's SSN {n}"])

def mrn(r, p):
    n = r.choice([D1(r, 7), D1(r, 8), f"{D1(r, 3)}-{D(r, 3)}", f"{D(r, 2)}-{D(r, 5)}", f"E{D1(r, 7)}", f"{D1(r, 6)}"])
    return r.choice([f"MRN {n}", f"MRN: {n}", f"chart # {n}", f"IHS chart no. {n}", f"HRN {n}",
                     f"medical record number {n}", f"RPMS ID {n}", f"Epic MRN {n}", f"pt ID {n} in our EHR",
                     f"hospital number {n}", f"chart {n}"])

def health_plan(r, p):
    return r.choice([f"Medicaid ID {D1(r, 9)}", f"AHCCCS ID A{D1(r, 8)}", f"Medicare MBI {D1(r,1)}{AL(r,1)}{AL(r,1,'ABCDEFGHJKMNPQRTUVWXY')}{D(r,1)}-{AL(r,1)}{D(r,1)}{AL(r,1)}-{AL(r,2)}{D(r,2)}",
                      f"BCBS member ID {AL(r, 3)}{D1(r, 9)}", f"Molina subscriber # {D1(r, 8)}",
                      f"CHIP ID {D1(r, 10)}", f"Tricare DBN {D1(r, 11)}", f"member ID {AL(r,2)}{D1(r,7)} (UnitedHealthcare)",
                      f"insurance ID {D1(r, 9)}-{D(r, 2)}", f"Medi-Cal BIC {D1(r, 8)}{AL(r, 1)}",
                      f"policy # {AL(r, 1)}{D1(r, 8)} group {D1(r, 5)}", f"Ambetter member {AL(r,1)}{D1(r,9)}",
                      f"Denali KidCare ID {D1(r, 10)}", f"SoonerCare # {D1(r, 9)}"])

def account(r, p):
    return r.choice([f"acct #{D1(r, 7)}", f"billing account {D(r,4)}-{D(r,3)}-{D(r,2)}", f"patient account number {D1(r, 8)}",
                     f"hospital account (HAR) {D1(r, 10)}", f"pharmacy account {D1(r, 6)}", f"guarantor account {D1(r, 9)}",
                     f"{p['pos']} bank account {D1(r, 10)} for the autopay", f"self-pay account #{AL(r,2)}{D1(r,6)}",
                     f"collections account no. {D1(r, 9)}", f"340B pharmacy acct {D1(r, 7)}"])

def licence(r, p):
    st = r.choice(["NM", "AZ", "SD", "KY", "TX", "AK", "MN", "OK", "WA", "ME"])
    return r.choice([f"driver's license {st} {D1(r, 9)}", f"DL# {AL(r,1)}{D1(r, 8)}", f"{st} DL {AL(r,1)}{D(r,8)}",
                     f"CDL no. {D1(r, 9)} (drives a school bus)", f"{p['pos']} RN license #RN-{D1(r, 6)}",
                     f"nursing license {st}-{D1(r, 6)}", f"license number {AL(r,2)}{D1(r, 7)}",
                     f"pharmacy tech license PT.{D1(r, 7)}", f"{p['sub']} is an electrician, license E-{D1(r, 6)}",
                     f"state ID/driver license {D1(r, 8)}", f"LPN license {D1(r, 7)}", f"pilot certificate {D1(r, 7)}",
                     f"tribal ID card doubles as DL, no. {D1(r, 7)}"])

def vehicle(r, p):
    vin = AL(r, 1, "123456789") + AL(r, 2) + D(r, 1) + AL(r, 2) + D(r, 2) + AL(r, 1) + AL(r, 1, "GHJKLMN") + D1(r, 6)
    plate = r.choice([f"{AL(r,3)}-{D(r,4)}", f"{D1(r,3)} {AL(r,3)}", f"{AL(r,2)}{D(r,4)}", f"{D(r,1)}{AL(r,3)}{D(r,3)}"])
    return r.choice([f"plate {plate}", f"truck plate {plate}", f"VIN {vin}", f"{p['pos']} car (plate {plate}) was towed",
                     f"lives in a van, plate {plate}", f"tag # {plate}", f"vehicle VIN {vin} for the accident claim",
                     f"license plate {plate} on the motorcycle", f"NM plate {plate}", f"drives a white Silverado, plate {plate}",
                     f"ATV reg # {AL(r,2)}{D1(r,5)}"])

def device(r, p):
    return r.choice([f"pacemaker serial {AL(r,3)}{D1(r,6)}{AL(r,1)}", f"ICD serial number {AL(r,3)}{D1(r,6)}H",
                     f"insulin pump SN {D1(r, 8)}", f"CGM transmitter ID {D1(r,1)}{AL(r,2)}{D(r,1)}{AL(r,2)}",
                     f"cochlear implant S/N {D1(r, 7)}", f"hip implant serial {AL(r,2)}-{D1(r,7)}",
                     f"VNS generator SN {D1(r, 6)}", f"Omnipod PDM serial {AL(r,1)}{D1(r, 9)}",
                     f"LVAD serial {AL(r,2)}{D1(r,5)}", f"CPAP serial no. {D1(r, 11)}", f"Dexcom receiver SN {AL(r,2)}{D1(r,8)}",
                     f"UDI (01){D1(r,13)}(21){D1(r,6)} on the implant card", f"spinal cord stimulator SN {AL(r,3)}{D1(r,6)}",
                     f"home O2 concentrator serial {D1(r,8)}{AL(r,2)}"])

def url(r, p):
    u = r.choice(["darlene.yazzie", "rezstrong.ivan", "tou.lor.88", "kayak907", "prayforjoc", "caudillfamily",
                  "hawo_abdi_", "mamafadumo", "lilchuy505", "nellie.okakok", "saintfleur.w"])
    return r.choice([f"{p['pos']} GoFundMe is gofundme.com/f/help-{u.replace('.', '-')}-medical",
                     f"see {p['pos']} post at facebook.com/{u}", f"https://www.facebook.com/profile.php?id={D1(r, 15)}",
                     f"{p['Sub']} posts videos at tiktok.com/@{u}", f"instagram.com/{u}",
                     f"portal link https://mychart.example-health.org/patient/{D1(r, 8)}",
                     f"caringbridge.org/visit/{u.replace('.', '')}", f"youtube.com/@{u} (vlogs about dialysis)",
                     f"http://www.{u.replace('.', '').replace('_', '')}.blogspot.com",
                     f"{p['pos']} obituary draft is at legacy.com/us/obituaries/name/{u.replace('.', '-')}-obituary"])

def ip(r, p):
    v4 = f"{r.randint(24, 223)}.{r.randint(0,255)}.{r.randint(0,255)}.{r.randint(1,254)}"
    v6 = f"2600:{D1(r,4)}:{AL(r,1,'abcdef')}{D(r,3)}:{D(r,2)}{AL(r,2,'abcdef')}::{r.randint(1,99)}"
    return r.choice([f"logged in from {v4}", f"IP {v4}", f"telehealth session IP address {v4}",
                     f"portal access from {v6}", f"{p['Pos']} home router {v4}", f"video visit dropped, client IP {v4}",
                     f"IP address: {v4}", f"connected via {v6}"])

def other_code(r, p):
    return r.choice([f"claim # CLM-{D1(r,8)}", f"court docket CR-{r.randint(2019, 2026)}-{D1(r,5)}", f"booking # {D(r,2)}-{D1(r,5)}",
                     f"inmate ID {D1(r, 7)}", f"DOC # {AL(r,1)}{D1(r, 6)}", f"tribal enrollment # {D1(r, 6)}",
                     f"CIB number {D1(r, 3)}-{D(r, 5)}", f"CPS case file {D1(r, 4)}-{D(r, 4)}", f"A-number A{D1(r, 9)}",
                     f"refugee case number {AL(r,2)}{D1(r,6)}", f"WIC ID {D1(r, 9)}", f"Rx # {D1(r, 7)}",
                     f"workers comp claim {D1(r, 10)}", f"passport no. {AL(r,1)}{D1(r, 8)}", f"I-94 {D1(r, 11)}",
                     f"probation case {AL(r,2)}-{D1(r,6)}", f"SNAP case # {D1(r, 9)}", f"VA claim number {D1(r, 9)}",
                     f"lab accession {AL(r,2)}{D1(r,8)} (specific to {p['obj']})", f"disability claim {D1(r, 9)}"])

CATS = {"name": name, "geography": geography, "date": date, "age_over_89": age_over_89, "phone": phone,
        "fax": fax, "email": email, "ssn": ssn, "mrn": mrn, "health_plan": health_plan, "account": account,
        "licence": licence, "vehicle": vehicle, "device": device, "url": url, "ip": ip, "other_code": other_code}
