"""Writer voices. Each renderer builds a text around one scenario and optional inserted sentences."""
import random

def pron(sex):
    return dict(sub="she", obj="her", pos="her", Sub="She", Pos="Her", noun="woman", kid="girl") if sex == "F" else \
           dict(sub="he", obj="him", pos="his", Sub="He", Pos="His", noun="man", kid="boy")

def _ins(seq, extra, r, lo=1):
    seq = list(seq)
    for e in extra:
        hi = max(lo, len(seq) - 1)
        seq.insert(r.randint(min(lo, hi), hi), e)
    return seq

def _pick(r, lst, k):
    k = min(k, len(lst))
    return r.sample(lst, k)

LANGS = ["Somali", "Dari", "Kinyarwanda", "Karen", "Haitian Creole", "Marshallese", "Hmong", "Vietnamese",
         "Spanish", "K'iche'", "Pashto", "Swahili", "Ukrainian", "Burmese", "Arabic", "Yup'ik", "Navajo"]

def agestr(age, style, sex):
    p = pron(sex)
    if age is None:
        return {"np": sex.lower() + " pt", "long": "patient", "caps": "PT " + sex, "mid": "a " + p["noun"]}[style]
    if style == "np":
        return random.choice([f"{age}{sex.lower()}", f"{age}yo{sex.lower()}", f"{age} y/o {sex.lower()}", f"{age}{sex}"])
    if style == "caps":
        return f"{age} Y/O {sex}"
    if style == "long":
        return f"{age}-year-old {p['noun']}" if age >= 18 else f"{age}-year-old {p['kid']}"
    art = "an" if str(age).startswith("8") or age in (11, 18) else "a"
    return f"{art} {age}-year-old {p['noun'] if age >= 18 else p['kid']}"

# ------------------------------------------------------------------ voices
def v_phone_np(s, age, ins, r):
    """rural NP typing on a phone between patients"""
    p = pron(s["sex"])
    head = r.choice(["", "quick q - ", "hub q: ", "case: ", "pls help - ", "new case ", "hi all, "])
    segs = [head + agestr(age, "np", s["sex"]) + " " + s["short"]]
    segs += [x.lower() for x in _pick(r, s["labs"], r.randint(0, 2))]
    if r.random() < .5:
        segs.append("meds " + ", ".join(m.lower() for m in _pick(r, s["meds"], 2)))
    if r.random() < .4:
        segs.append(r.choice(s["social"]).lower())
    segs.append("q: " + s["q"][0].lower() + s["q"][1:])
    segs = _ins(segs, ins, r)
    tail = r.choice(["", " thx", " ty!", " sorry typing on my phone", " pls advise", " - sent from clinic cell", " thanks y'all"])
    sep = r.choice([". ", "; ", " / ", ", ", " .. "])
    return sep.join(segs) + tail

def v_fellow(s, age, ins, r):
    """academic fellow, long structured presentation"""
    p = pron(s["sex"])
    lines = [f"ID/CC: {agestr(age, 'long', s['sex']).capitalize() if age else 'Patient'} with {s['dx']}.",
             "HPI: " + " ".join(s["hpi"]),
             "PMH: " + "; ".join(s["pmh"]) + ".",
             "Medications:\n" + "\n".join(f"  - {m}" for m in s["meds"])] + \
            ["Labs/data: " + ", ".join(s["labs"]) + ".",
             "Social: " + "; ".join(s["social"]) + ".",
             "Assessment: " + r.choice(["Complex presentation, limited local specialty access.",
                                         "Management question rather than diagnostic uncertainty.",
                                         "Primary team would value hub input before next visit."]),
             "Question for the hub: " + s["q"]]
    if r.random() < .5:
        lines.insert(1, r.choice(["Presenting clinician: PGY-5 fellow on behalf of the spoke site.",
                                  "Source: spoke PCP, chart review by fellow.",
                                  "Consent for case presentation obtained; de-identified per form."]))
    lines = _ins(lines, ins, r, lo=2)
    return "\n".join(lines)

def v_chw(s, age, ins, r):
    """community health worker, warm, plain language, some Spanish"""
    p = pron(s["sex"])
    open_ = r.choice(["Hola equipo,", "Hi everyone,", "Good afternoon ECHO team,", "Buenas tardes,"])
    who = agestr(age, "mid", s["sex"]) if age else ("la señora" if s["sex"] == "F" else "el señor")
    body = [f"{open_} I'm the community health worker and I do home visits with {who} who has {s['dx']}.",
            f"{p['Sub']} told me " + r.choice(['que tiene miedo', p['sub'] + ' is scared', p['sub'] + ' is worried', 'que no entiende']) + " about the treatment.",
            r.choice(s["social"]).capitalize() + ".",
            r.choice(["No tiene carro, so getting to appointments is hard.", "The family is very supportive, gracias a Dios.",
                      "Money is tight this month, la comida first then the medicine.", "Phone minutes run out sometimes.",
                      "I help with the pill box every week.", "We fill out the Medicaid renewal together."]),
            f"The doctor asked me to send this question: {s['q']}",
            r.choice(["Gracias por todo.", "Thank you so much.", "Mil gracias!", "Any tips for how I can explain it to the family?"])]
    body = _ins(body, ins, r)
    return " ".join(body)

def v_pharm(s, age, ins, r):
    """clinical pharmacist, bulleted med review"""
    lines = [r.choice(["Pharmacist med review for hub", "PharmD consult - spoke clinic", "Med rec / hub question"]),
             f"- Pt: {agestr(age, 'np', s['sex']).upper() if age else s['sex']}, {s['dx']}",
             "- Current meds:\n" + "\n".join(f"    • {m}" for m in s["meds"])] + \
            ["- Pertinent labs: " + "; ".join(_pick(r, s["labs"], 3)),
             "- Interactions checked (Lexicomp): " + r.choice(["none major", "1 moderate, see below", "QTc caution noted"]),
             "- Question: " + s["q"]]
    lines = _ins(lines, ["- " + x for x in ins], r, lo=2)
    return "\n".join(lines)

def v_psych(s, age, ins, r):
    """psychiatrist / behavioral health narrative"""
    p = pron(s["sex"])
    paras = [f"I'd like input on {agestr(age, 'mid', s['sex']) if age else 'a patient'} I've been following for {s['dx']}.",
             " ".join(s["hpi"]),
             f"Relevant history includes {', '.join(s['pmh'])}.",
             f"{p['Sub']} is currently on {', '.join(s['meds'])}.",
             f"Psychosocially, {r.choice(s['social'])}.",
             r.choice(["Rapport is good and the patient wants to keep working on this.",
                       "I am worried about engagement between visits.",
                       "Collateral from family was consistent with the history."]),
             f"My question: {s['q']}"]
    paras = _ins(paras, ins, r)
    return " ".join(paras)

def v_jail(s, age, ins, r):
    """jail nurse, all caps"""
    segs = [r.choice(["DETENTION CTR MEDICAL", "JAIL MEDICAL UNIT", "CORRECTIONS RN NOTE", "INTAKE RN"]) + " - " +
            agestr(age, "caps", s["sex"]) + " " + r.choice(["INMATE", "DETAINEE", "PT"]),
            "DX: " + s["dx"],
            "MEDS: " + ", ".join(s["meds"]),
            "LABS: " + ", ".join(_pick(r, s["labs"], 2)),
            r.choice(["NO OUTSIDE TRANSPORT AVAIL THIS WK", "PROVIDER ON SITE 2X/WK", "RELEASE DATE UNKNOWN",
                      "PT COOPERATIVE", "ON WITHDRAWAL WATCH", "HOUSED IN MED OBS"]),
            "REQUEST: " + s["q"]]
    segs = _ins(segs, [x.rstrip(" .;-") for x in ins], r)
    return ". ".join(segs).upper()

def v_ihs(s, age, ins, r):
    """IHS / tribal physician, measured"""
    p = pron(s["sex"])
    segs = [f"From our service unit: {agestr(age, 'mid', s['sex']) if age else 'a patient'} with {s['dx']}.",
            " ".join(_pick(r, s["hpi"], 2)),
            "Pertinent: " + ", ".join(_pick(r, s["labs"], 3)) + ".",
            r.choice(["PRC funding for an outside specialist was deferred.", "Our formulary covers most options.",
                      "Telehealth is possible from the clinic but not from home.", "Public health nursing can do home visits.",
                      "Tribal health board supports the treatment plan."]),
            f"Question: {s['q']}"]
    segs = _ins(segs, ins, r)
    return " ".join(segs)

def v_spec(s, age, ins, r):
    """hub specialist writing recommendations / follow-up"""
    lines = [r.choice(["Hub recommendations", "ECHO panel recommendations", "Specialist recs", "Recommendations from the hub team"]) +
             f" ({s['spec']}, {agestr(age, 'np', s['sex']) if age else 'case'}):"]
    lines += [f"{i+1}. {x}" for i, x in enumerate(s["recs"])]
    lines.append(r.choice(["Please re-present in 4-6 weeks.", "Happy to discuss by e-consult.", "Thanks for a great case.",
                           "Re-present with repeat labs."]))
    lines = _ins(lines, ins, r, lo=1)
    return "\n".join(lines)

def v_refugee(s, age, ins, r):
    """refugee clinic nurse, interpreter-mediated"""
    lang = r.choice(LANGS)
    segs = [f"Refugee health clinic. Visit done with a phone interpreter ({lang}).",
            f"{agestr(age, 'long', s['sex']).capitalize() if age else 'Patient'}, {s['dx']}.",
            " ".join(s["hpi"]),
            r.choice(["Resettlement agency caseworker attended.", "Arrived within the last year.",
                      "Overseas medical exam records reviewed.", "Health literacy limited; teach-back used."]),
            "Q: " + s["q"]]
    segs = _ins(segs, ins, r)
    return " ".join(segs)

def v_followup(s, age, ins, r):
    """follow-up note from the presenting clinician"""
    segs = [r.choice(["Follow-up:", "Update:", "F/u on case presented earlier:", "Follow-up note -"]),
            f"{s['dx']}.", "Started the plan the hub suggested: " + s["recs"][0].rstrip(".").lower() + ".",
            r.choice(["Tolerating well so far.", "Some nausea the first week, resolved.", "Adherence has been spotty.",
                      "Labs repeated, improved.", "Insurance prior auth still pending."]),
            "New question: " + r.choice(["anything else we should monitor?", "when do we recheck labs?",
                                         "ok to continue as is?", s["q"]])]
    segs = _ins(segs, ins, r)
    return " ".join(segs)

def v_school(s, age, ins, r):
    """school-based clinic nurse"""
    segs = [r.choice(["School-based health center RN here.", "Writing from the school clinic.", "School nurse case:"]),
            f"Student, {agestr(age, 'mid', s['sex']) if age else 'student'}, {s['dx']}.",
            " ".join(_pick(r, s["hpi"], 2)),
            r.choice(["Parent consented to the case presentation.", "Teacher reports changes in class.",
                      "We have a care plan on file at the clinic.", "Sports physical was last fall."]),
            "Question: " + s["q"]]
    segs = _ins(segs, ins, r)
    return " ".join(segs)

VOICES = [v_phone_np, v_fellow, v_chw, v_pharm, v_psych, v_jail, v_ihs, v_spec, v_refugee, v_followup, v_school]


def voice_ok(v, s, age):
    a = s["age"] if age is None else age
    if v is v_school:
        return a <= 19
    if v is v_jail:
        return 18 <= a <= 80
    return True
