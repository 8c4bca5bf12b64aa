"""CLEAN_TEXTS for corpus 9: no identifier of the patient, no personal names at all."""
import random
from c9_scen import S
from c9_voices import VOICES, voice_ok
from c9_hard import HARD

HAND = [
    "rtc 2 wk, nkda, a&ox3, tolerating po. f/u labs: cmp, cbc, hcv rna at wk 4. no sx of decompensation.",
    "PT: 72M, COPD GOLD E, on Trelegy. 2 exacerbations this yr. Q: add azithromycin or roflumilast?",
    "Hub recs: 1) stop glyburide 2) start Jardiance 10 3) A1c in 3 mo 4) re-present if eGFR < 30.",
    "Reminder for the group: the 2024 ADA standards moved CGM earlier for people on basal insulin. Our spoke sites can bill CPT 95251 for interpretation.",
    "Elder speaks only her Native language; daughter interprets but we prefer a trained interpreter for consent. Any tips for explaining dialysis in culturally grounded terms?",
    "ALL CAPS BECAUSE MY KEYBOARD IS STUCK. 55 Y/O M, HCV CURED 2021, NOW ALT 70 AGAIN. REINFECTION VS MASLD? RNA PENDING.",
    "i'm the behavioral health consultant at a FQHC in the Mississippi Delta. 40s f w/ meth use disorder + psychosis. contingency management available? what else works?",
    "Correctional facility, state-run. Detainee on methadone 110 mg before arrest. Facility only offers buprenorphine. How to transition without precipitated withdrawal?",
    "Case: 30s woman, Marshallese, gestational diabetes in 3 pregnancies, now postpartum 8 weeks, A1c 6.9. Is this T2DM? When to retest and with what?",
    "Teen, 17, vaping daily, wants to quit. NRT dosing for adolescents? Varenicline off-label ok?",
    "Child 6 y/o w/ asthma, 3 ED visits this yr, mold in the house per mom. Step up to ICS-formoterol SMART? Home remediation resources in a rural state?",
    "Our clinic is 2.5 hours from the nearest hospital with OB. 24F, G1 at 36 weeks with BP 150/98. Aspirin was never started. Plan?",
    "Pharmacist Q: is it ok to crush Eliquis for a G-tube? And does the Paxlovid interaction matter if she's on it?",
    "Hepatitis B question: HBsAg+, HBeAg−, DNA 1,800 IU/mL, ALT normal, no fibrosis on elastography (5.1 kPa). Treat or monitor?",
    "Wound: venous leg ulcer 6 months, ABI 0.95. Compression is refused because of heat. Alternatives?",
    "Nephrology: 68F, CKD 3b, on metformin 1000 BID. eGFR 35. Reduce to 500 BID? Add finerenone?",
    "TB hub: contact of an infectious case, 3-year-old, TST 4 mm. Window prophylaxis with INH while repeat testing?",
    "Rheum: 44 y/o F with positive ANA 1:160 speckled and fatigue, no other findings. Does this need referral?",
    "Geri: 81M on 11 meds. Deprescribing priorities? Has orthostasis and constipation.",
    "Dementia caregiver question: how to talk about stopping driving when the family keeps the keys but the elder finds them?",
    "Peds: 8-month-old, weight-for-length <5th %ile, breastfed + tea. Counseling approach?",
    "OUD follow-up: 12 months on buprenorphine, wants to taper off. Evidence on taper outcomes?",
    "Chronic pain: 58M on tramadol 400 mg/day + sertraline 200 mg. Serotonin syndrome risk real? Switch?",
    "Psych: lithium level 1.3, creatinine up from 0.9 to 1.4. Hold or reduce?",
    "HIV: long-acting cabotegravir/rilpivirine missed window by 10 days. Restart or oral bridge?",
    "Oncology survivorship: breast cancer survivor on anastrozole, DEXA T-score -2.6. Start bisphosphonate?",
    "Perinatal: postpartum day 10, BP 162/104, headache. Told to go to ED but no transport. Recommendations for the phone nurse?",
    "Diabetes: A1c 14% at diagnosis, 28 y/o M, no ketones. Start insulin or GLP-1?",
    "Question from the CHR program: how do we screen for hearing loss at home visits?",
    "Guideline discussion: USPSTF 2023 draft on PrEP; which of our patients qualify?",
    "Elder with Parkinson disease and visual hallucinations. Pimavanserin not on formulary. Quetiapine dose?",
    "pt w/ sickle cell, pain crisis, 3rd ED visit this month. Crizanlizumab vs hydroxyurea optimization?",
    "HCV in a 12-year-old, vertical transmission. Mavyret pellets approved for age 3+. Dosing by weight?",
    "We are a school-based clinic. ADHD meds shortage: alternatives to methylphenidate ER 36 mg?",
    "Migrant farmworker, 40s, heat illness twice this season, Cr 1.8. CKDu concern? Workup?",
    "Hmong elder believes the kidney disease is spiritual; family wants a shaman ceremony before dialysis. How to support both?",
    "Somali mother declines MMR for her 12-month-old due to autism concerns. Counseling scripts in Somali available?",
    "Haitian Creole-speaking patient with uncontrolled HTN, uses herbal teas (fey). Any known interactions with amlodipine?",
    "Alaska Native elder from a fly-in-only village, new HF. Daily weights impossible without scale. Solutions?",
    "Appalachian coal miner, black lung on CXR, O2 sat 87% on exertion. Home O2 qualification criteria?",
    "Lakota youth, suicide cluster in the community. School asks for postvention guidance.",
    "Navajo elder with uranium exposure history, new lung nodule 9 mm. Fleischner guidance?",
    "Vietnamese grandmother with HBV, family members untested. How to approach household screening respectfully?",
    "Refugee from Afghanistan, PTSD and chronic back pain, prefers female clinician. Trauma-informed approach?",
    "question re: Medicare Part D coverage of Ozempic for T2DM vs obesity. The PA keeps getting denied.",
    "Spanish-speaking dad asks: ¿la metformina daña los riñones? How to explain in plain language?",
    "WHAT IS THE BEST WAY TO STORE INSULIN WITHOUT A FRIDGE IN A HOT CLIMATE? FAMILY HAS NO POWER SOME DAYS.",
    "Our IHS unit just got access to Sublocade. Any practical tips on the first injection (abdomen, ice, positioning)?",
    "ECHO didactic request: please cover the 2024 AASLD guidance on MASLD and resmetirom.",
    "FOLLOW UP: STARTED 3HP, DOSE 4 OF 12 GIVEN BY DOT, NO FLU-LIKE SX. CONTINUE.",
    "56M, HTN, CKD 3a, gout. Allopurinol 300 mg and uric acid 7.4. Add febuxostat? CV risk?",
    "Reminder: hub session next week is on pediatric obesity, please send de-identified cases through the form.",
    "Jail med unit: 3 detainees on MOUD this week, 1 refused. Policy question about naloxone on release.",
    "Follow-up from the rheum case: methotrexate 20 mg sc, CDAI down from 31 to 12. Keep going?",
    "Nurse question: can we give the Shingrix and the flu shot the same day for an 80 y/o?",
    "Case: 35 y/o trans woman on estradiol, wants PrEP. Any interaction with Descovy? Bone density concerns?",
    "Pt in her 70s with new pancytopenia. B12 86, folate low. Replete and recheck or heme referral now?",
    "dx: alcohol hepatitis, Maddrey 38, Lille at day 7 0.52. steroid non-responder? next steps?",
    "Elder, 89, on warfarin for mechanical valve, INR swinging 1.6-4.5. Home INR monitoring possible?",
    "Case for psych: 27F with bipolar I on valproate, planning pregnancy. Switch to lamotrigine? Timeline?",
    "21M, hep B vaccine non-responder after 2 series. Heplisav? Check anti-HBs when?",
    "No names please: form reminder. Cases must be de-identified; use age under 90, no dates, no towns.",
]

SHORTHAND = ["{a}; {b}; {c}", "- {a}\n- {b}\n- {c}\n- {d}", "{A} {B}", "hx: {a} {b} plan: {c}", "notes: {a} | {b} | {c} | {d}"]

def build(seed=9292):
    r = random.Random(seed)
    random.seed(seed + 3)
    out, seen = [], set()
    for t in HAND:
        out.append(t); seen.add(t)
    while len(out) < 470:
        s = r.choice(S)
        v = r.choice(VOICES)
        if not voice_ok(v, s, s["age"]):
            continue
        ins = r.sample(HARD, r.randint(0, 3))
        age = s["age"] if r.random() < .85 else None
        txt = v(s, age, ins, r)
        if txt in seen:
            continue
        seen.add(txt); out.append(txt)
    while len(out) < 590:
        a, b, c, d = [x.rstrip(".") for x in r.sample(HARD, 4)]
        t = r.choice(SHORTHAND).format(a=a, b=b, c=c, d=d, A=a.upper(), B=b.upper())
        if r.random() < .3:
            t = t.lower()
        if t in seen:
            continue
        seen.add(t); out.append(t)
    return out
