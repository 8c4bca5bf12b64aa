"""IDENTIFIER_TEXTS for corpus 9."""
import random
from c9_scen import S
from c9_voices import VOICES, pron, voice_ok
from c9_idgen import CATS
from c9_hard import HARD

TARGET = {"name": 168, "geography": 165, "date": 152, "age_over_89": 72}
for _c in CATS:
    TARGET.setdefault(_c, 23)

OLD_OK = {"hepatitis C", "dementia", "geriatrics", "wound care", "oncology", "nephrology", "cardiology",
          "chronic pain", "TB", "rheumatology", "hepatology", "diabetes", "psychiatry", "behavioral health"}

def _cap(sent):
    w = sent.split(" ")[0]
    if any(ch in w for ch in "./@:") or not w[:1].isalpha():
        return sent
    return sent[0].upper() + sent[1:]

def build(seed=9090):
    r = random.Random(seed)
    random.seed(seed + 1)
    out, seen = [], set()
    for cat, n in TARGET.items():
        gen = CATS[cat]
        tries = 0
        got = 0
        while got < n and tries < n * 50:
            tries += 1
            s = r.choice(S)
            age = s["age"]
            if cat == "age_over_89":
                if s["spec"] not in OLD_OK or s["age"] < 40:
                    continue
                age = None  # age given only by the identifier sentence
            v = r.choice(VOICES)
            if not voice_ok(v, s, s["age"] if age is not None else 92):
                continue
            p = pron(s["sex"]); p["age"] = s["age"]
            idp = gen(r, p)
            idp = _cap(idp) + r.choice([".", ".", "", " -", ";"])
            ins = [idp]
            if r.random() < .45:
                h = r.choice(HARD)
                if not (cat == "age_over_89" and ("89" in h or "80s" in h)):
                    ins.append(h)
            r.shuffle(ins)
            txt = v(s, age, ins, r)
            if txt in seen:
                continue
            seen.add(txt)
            out.append((cat, txt))
            got += 1
    # a handful of hand-written ones in extra styles
    out += HAND
    return [(c, t) for c, t in out]

HAND = [
    ("name", "• 61F, HTN/DM2, A1c 9.8\n• lives w/ grandson Jaylen Tsosie who works nights\n• can't afford Ozempic\n• q: cheapest GLP-1 path?"),
    ("name", "Hub: Re case from last session - the patient, Abdiwali Hersi, did start the 3HP and tolerated dose 1 fine. Any need for LFTs?"),
    ("name", "sra. Ofelia Maldonado no quiere insulina, dice que su mamá se quedó ciega con la insulina. how to counsel?"),
    ("geography", "MARSHALLESE FAMILY, 8 IN HOUSEHOLD, RENT A DUPLEX ON W. HUNTSVILLE AVE. 2 ADULTS DM2 UNCONTROLLED. ANY GROUP VISIT MODEL?"),
    ("geography", "pt is one of our migrant farmworkers, housing is the labor camp on Sunnyside Rd outside Yakima. working 10h days in heat, on lisinopril + HCTZ, dizzy. hold hctz?"),
    ("date", "Timeline:\n- HCV dx 2019\n- lost to f/u\n- re-engaged 09/14/2026\n- RNA 1.1M\nQuestion: any reason not to start Mavyret now?"),
    ("age_over_89", "great-grandmother, age 97, still herds sheep with help. New AFib, CHA2DS2-VASc 4. Anticoagulate or not?"),
    ("phone", "CHW note: la hija pidió que le llamen al 956-283-4410 porque su mamá no contesta. BP still 170s."),
    ("other_code", "Pt transferring from state prison, DOC #1187724, on Sublocade 100 mg monthly. How to continue on release?"),
    ("device", "Medtronic 780G pump, serial NG1479022H, alarming 'insulin flow blocked' at night. peds pt, 11 yo. tips?"),
]
