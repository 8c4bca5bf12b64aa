"""EVASION_TEXTS for corpus 9."""
import random
from c9_scen import S
from c9_voices import VOICES, v_phone_np, v_jail, v_chw, v_followup, v_ihs, v_fellow, pron, voice_ok
from c9_evade import CATS
from c9_hard import HARD

OLD_OK = {"hepatitis C", "dementia", "geriatrics", "wound care", "oncology", "nephrology", "cardiology",
          "chronic pain", "TB", "rheumatology", "hepatology", "diabetes"}
TARGET = {"name": 32, "geography": 30, "date": 30, "age_over_89": 22}
for _c in CATS:
    TARGET.setdefault(_c, 11)
WEIGHTED = [v_phone_np] * 5 + [v_jail] * 2 + [v_chw] * 2 + [v_followup] * 2 + [v_ihs, v_fellow] + VOICES

BARE = ["{id} - {short}, {q}", "{id}. {short}", "re pt ({id}) {short}", "{short}... {id}... thx",
        "fyi {id}", "{SHORT}. {ID}.", "{short} {id} ???", "sorry forgot: {id}"]

def build(seed=9191):
    r = random.Random(seed)
    random.seed(seed + 7)
    out, seen = [], set()
    for cat, n in TARGET.items():
        got, tries = 0, 0
        while got < n and tries < 5000:
            tries += 1
            s = r.choice(S)
            age = s["age"]
            if cat == "age_over_89":
                if s["spec"] not in OLD_OK or s["age"] < 40:
                    continue
                age = None
            p = pron(s["sex"]); p["age"] = s["age"]
            idp = CATS[cat](r, p)
            if r.random() < .3:
                tmpl = r.choice(BARE)
                txt = tmpl.format(id=idp, short=s["short"], q=s["q"].lower(), SHORT=s["short"].upper(), ID=idp.upper())
            else:
                v = r.choice(WEIGHTED)
                if not voice_ok(v, s, s["age"] if age is not None else 92):
                    continue
                ins = [idp]
                if r.random() < .3:
                    h = r.choice(HARD)
                    if not (cat == "age_over_89" and ("89" in h or "80s" in h)):
                        ins.append(h)
                txt = v(s, age, ins, r)
            if txt in seen:
                continue
            seen.add(txt); out.append((cat, txt)); got += 1
    return out
