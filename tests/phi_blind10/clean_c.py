CLEAN_C = [
"""HCV ECHO case presentation
HPI: 47M referred after positive antibody on routine screening, HCV RNA 1.8 million IU/mL
PMH: HTN, prior IVDU (last use 6 yrs ago), depression
Meds: lisinopril 10, sertraline 50, omeprazole 20
Labs: ALT 66, AST 58, plt 201, alb 4.1, INR 1.0, HBsAg neg, anti-HBs neg, HIV neg
FIB-4 1.3, elastography 6.8 kPa
Social: works construction, 3-4 beers on weekends, lives with partner
Q: Omeprazole interaction with sof/vel—switch to G/P instead? Vaccinate for HBV first?""",
"""Endo/DM ECHO case
58F with T2DM x 15 yrs
A1c trend: 8.9 → 9.6 → 10.4 over the past year
Meds: metformin 1000 bid, glipizide 10 bid, sitagliptin 100
eGFR 61, UACR 45, BMI 36
Hypoglycemia: 2 episodes at night, both on days she skipped dinner
Barriers: works two jobs, night shifts, cost
Q: replace glipizide and sitagliptin with a GLP-1 RA? basal insulin instead?""",
"""Chronic pain ECHO
62M, lumbar DDD + failed back surgery syndrome
On morphine ER 30 bid + oxycodone 5 prn (MME ~90)
PEG scale 8/9/8
Also on clonazepam 1 mg bid from outside psychiatrist
Naloxone: has it, not sure where it is
UDS: consistent
Q: how to approach the benzo first vs the opioid first? Rotation to buprenorphine?""",
"""Perinatal ECHO
HPI: 26 yo G2P1 at 14 wk, OUD on buprenorphine 16 mg daily
Also smoking 10 cig/day, occasional cannabis for nausea
HCV Ab pos, RNA pending; HIV neg; syphilis neg
Prior pregnancy: infant required NAS treatment
Housing: staying with relatives, unstable
Q: treat HCV during pregnancy now that data are growing? plan for delivery analgesia?""",
"""HIV TeleECHO - treatment experienced
54M living with HIV for 25 yrs, heavily treatment experienced
Current: DRV/c + DTG + TAF/FTC, VL 180 copies, CD4 310
Archived M184V, K65R, multiple PI mutations on historical genotype
Adherence by pharmacy refill ~85%
Comorbid: CKD 3a, T2DM on metformin
Q: is this low-level viremia clinically significant? Metformin dose with DTG?""",
"""TB ECHO
33F, pulmonary TB, smear 3+, started RIPE 4 weeks ago
Now with nausea, vomiting, ALT 320 (baseline 28), bili 2.1
Pregnancy test negative
Q: stop all drugs and rechallenge sequentially? which order?""",
"""Kidney ECHO session
71M, CKD 4 due to diabetic nephropathy, eGFR 17
Hgb 8.8, ferritin 90, TSAT 14%
BP 158/92 on amlodipine 10, carvedilol 25 bid, furosemide 80
Phosphorus 6.1, PTH 410
Q: IV iron then ESA? fistula planning now? phosphorus binder choice?""",
"""Psychiatry ECHO
38F with bipolar II and chronic pain, in a rural clinic without psychiatry
Meds: lamotrigine 200, quetiapine 100 qhs, trazodone 100, gabapentin 600 tid
Complains of weight gain and daytime sedation
No SI, PHQ-9 9
Q: simplify regimen? taper quetiapine?""",
"""Dementia ECHO
81M, probable Lewy body dementia (visual hallucinations, parkinsonism, fluctuations)
Started haloperidol in the ED for agitation → became rigid and fell
Now on rivastigmine patch 4.6 mg
Q: safe management of hallucinations? avoid antipsychotics entirely?""",
"""Wound care ECHO
66F, T2DM, neuropathic ulcer plantar 1st MTP, 2.5 x 2 cm, depth 0.5 cm
No exposed bone, probe-to-bone negative
ABI 1.3 (non-compressible), TBI 0.5
Offloading: wearing regular sneakers
Q: total contact cast feasible at our clinic? other offloading options?""",
"""Rheumatology ECHO
44F, RF+/anti-CCP+ RA, DAS28 5.4 on MTX 20 mg SC weekly + HCQ 400
Prednisone 5 mg daily for 2 yrs
Q-TB gold neg, HBV serologies neg
Q: add a TNF inhibitor vs triple therapy with sulfasalazine? Insurance requires step therapy.""",
"""Pediatric behavioral ECHO
11 yo boy with ADHD, combined type
On methylphenidate ER 36 mg, appetite loss, weight down 2 kg
Teacher reports improvement in focus
Q: switch to guanfacine ER, or add cyproheptadine?""",
"""Geri ECHO - polypharmacy
85F, 11 medications, recurrent orthostatic dizziness
Meds: metoprolol, lisinopril, HCTZ, amlodipine, tamsulosin (for urinary retention), donepezil, omeprazole, gabapentin, oxybutynin, aspirin, atorvastatin
Orthostatics: 148/80 supine → 112/64 standing
Q: deprescribing order?""",
"""Cancer care ECHO (rural)
59M, newly dx stage III colon adenocarcinoma, s/p hemicolectomy
MSI stable, 4/18 nodes positive
Lives 4 hours from the nearest infusion center
Q: CAPOX vs FOLFOX for travel burden? any role for 3 months vs 6 months?""",
"""OUD / jail ECHO
Incarcerated 29M, OUD, on bup 16 mg prior to booking via community clinic
Jail has no MOUD program yet
Withdrawal on day 2, COWS 17
Q: legal/practical steps to continue bup in custody? how do other jails set this up?""",
"""Endocrine / Diabetes ECHO
14 yo with T1DM x 3 yrs, A1c 11.6, DKA x2 this year
Using MDI with glargine 22u + lispro by carb count (inconsistently)
Family stressors, parent works nights
Q: would a CGM + pump help or should we first address psychosocial barriers?""",
"""Refugee health ECHO
30M arrived 5 months ago, positive IGRA, eosinophils 1400
Stool O&P negative x3, strongyloides IgG positive, schistosoma serology positive
Q: treat with ivermectin and praziquantel together? LTBI therapy at same time?""",
"""Hepatology ECHO
52F with MASH cirrhosis, compensated
BMI 41, A1c 7.8
Varices: small on EGD, no red signs
Q: start resmetirom? role of semaglutide? carvedilol for small varices?""",
"""Behavioral Health ECHO
23M with PTSD after a car accident, nightmares nightly
Tried prazosin up to 6 mg, dizzy
Therapy: 6-month waitlist for CPT/PE
Q: bridging strategies? any evidence for telehealth written exposure therapy?""",
"""Perinatal / Diabetes
35 yo G4P3 at 26 wk with pregestational T2DM
A1c 8.1 at intake, now on NPH 30 bid + lispro 8 with meals
Fasting 110-130, post-prandial 180s
Q: titration plan? when to start antenatal testing?""",
"""Cardiology-adjacent, Nephrology ECHO
63M with HFrEF (EF 30%) and CKD 3b
On sacubitril/valsartan 49/51 bid, metoprolol succ 100, spironolactone 25, dapagliflozin 10
K 5.3, Cr 1.9 (baseline 1.6)
Q: continue MRA? accept Cr bump?""",
"""Chronic pain / Rheum
48F with fibromyalgia, widespread pain index 13
Tried pregabalin (edema), amitriptyline (sedation)
Currently on no meds, walking 10 min/day
Q: next step pharmacologic? tai chi resources for rural pts?""",
"""ID ECHO
40M with syphilis, RPR 1:256, HIV negative
Penicillin allergy listed: rash as a child
Q: desensitize, test dose amoxicillin challenge, or doxycycline x 14 days?""",
"""Hep B ECHO
37M, HBsAg+, HBeAg-, HBV DNA 1,200 IU/mL, ALT normal
Elastography 5.1 kPa
Family hx of HCC (father)
Q: treat given family history? HCC surveillance interval?""",
]
