CLEAN2 = [
"""Title: Recurrent preeclampsia risk, next pregnancy
Summary: 34F G3P1 (1 IUFD at 29w, 1 preterm at 33w for severe features). Wants to conceive within the year.
PMH: chronic HTN since 2019, BMI 38, prediabetes (A1c 6.1).
Meds: nifedipine XL 60, metformin 500 bid.
Social: lives with husband who works construction; no tobacco; occasional alcohol.
FH: mother with HTN and stroke at 55.
Q: switch nifedipine before conception? aspirin timing?""",
"""78 yo man with Parkinson disease x 10 years, rural, lives with wife.
Meds: carbidopa/levodopa 25/100 2 tabs qid, amantadine 100 bid, tamsulosin, donepezil 10.
Several falls this winter. Hospitalized in January for aspiration pneumonia, went to SNF for 2 weeks, back home now.
Visual hallucinations (sees children in the room), not distressing him but scaring his wife.
Q: stop amantadine first? quetiapine dose?""",
"""Pediatric asthma case
9yo boy, moderate persistent, 3 ED visits + 1 admission this year.
Controller: fluticasone 110 2 puffs bid, used 'when he remembers'.
Home: mobile home out by the feedlots, mold in bathroom, wood stove.
School nurse: albuterol almost daily at school.
FEV1 72% predicted, +15% post BD.
Q: step up to ICS-LABA? home environmental assessment resources in a frontier county?""",
"""ECHO case - nephrology
61M, DM2 x 20y, CKD 4 (eGFR 21, UACR 1800).
Meds: glargine 30u, lisinopril 40, amlodipine 10, furosemide 40.
K 5.6, bicarb 18, Hgb 9.4, PTH 310.
Does not want dialysis. Family split.
Q1 finerenone or SGLT2 at this eGFR? Q2 framing conservative kidney management?""",
"""Subject: TB case needing DOT plan
36M, arrived from Myanmar this year, smear-positive pulmonary TB, GeneXpert RIF not detected.
Started HRZE last week. Night shifts at a meatpacking plant, sleeps days.
Lives with 6 adults and 3 kids, contacts being screened.
Only phone is a cousin's, who speaks Karen and some English.
Q: video DOT with a shared phone? how long off work?""",
"""Corrections health, HCV
41M incarcerated, GT1a, VL 4.4 million, FIB-4 2.9, elastography 11 kPa.
Treatment naive. Parole hearing pending, release date uncertain.
Hx IDU, tattoos while incarcerated.
Q: start G/P 8 weeks now even if released mid-course? continuity?""",
"""Palliative care
89-year-old woman with advanced dementia (FAST 7a), bedbound, at her daughter's home.
Weight down 12% over 6 months, recurrent aspiration.
Daughter asking about a feeding tube.
Meds: memantine, donepezil, amlodipine, omeprazole.
Q: how to guide the conversation? which meds to stop?""",
"""Diabetes case
52F from the Marshall Islands, A1c 12.8, fasting 280, no eye exam in years.
Meds: metformin 1000 bid (GI upset, takes once daily), glipizide 10.
Medicaid just restored so GLP-1 might be covered.
Diet: rice, spam, sweet drinks; eats with extended family.
Q: GLP-1 vs basal insulin first? culturally tailored education?""",
"""Behavioral health ECHO
24F, 6 weeks postpartum, EPDS 21, passive SI without plan.
Depression in adolescence, did well on fluoxetine.
Exclusively breastfeeding. Partner works away in the oil fields in North Dakota.
Q: sertraline vs fluoxetine while breastfeeding? zuranolone realistic?""",
"""Cardiology
68M ischemic CM, EF 25%, ICD for primary prevention.
2 shocks this week while shoveling snow. Interrogation pending.
Meds: carvedilol 12.5 bid, sac/val 49/51 bid, spironolactone 25.
K 3.6, Mg 1.7.
Q: amiodarone while waiting for EP? electrolyte targets?""",
"""Refugee health, peds
Family of 7 from Afghanistan, arrived last fall.
11yo girl: Hgb 9.1, MCV 64, ferritin 4; lead 7; O&P neg; strongyloides IgG pos.
Behind on vaccines, no records.
Q: ivermectin dosing? iron dose/duration? Hgb electrophoresis first?""",
"""Wound care
70M DM2, PAD, R great toe amp last year, now plantar ulcer under 2nd met head, probes to bone.
Lives far out, hauls water; home health once a week.
ESR 88, CRP 12, xray cortical erosion.
Q: oral abx for osteo vs PICC? which agent x 6 wks?""",
"""Dialysis unit ECHO
45F in-center HD x 3 years, Tongan.
IDWG 4-5 kg, pre BP 180s, phos 8.2, refuses binders (pill burden).
Extended family household, traditional food high in salt and coconut.
Q: fluid/salt strategies with family? chewable binder?""",
"""OB case
28 yo G2P1001 at 26 weeks. Prior CS for breech. OUD on buprenorphine 16 mg since before pregnancy.
1-hr GTT 168, 3-hr pending. One UDS positive for fentanyl last month, negative before and after.
Wants to breastfeed.
Q: increase or split bup dose? breastfeeding? pain plan for delivery?""",
"""Impaired professional
39F ICU nurse, referred after diverting fentanyl. On buprenorphine 12 mg, doing well 4 months.
Monitoring program skeptical of MOUD.
Q: return to work on bup? what to tell the program?""",
"""CHW notes
50M, uncontrolled DM (A1c 11), living in his pickup since eviction.
Keeps insulin in a cooler in the truck, gets hot in the day.
Food bank diet mostly carbs.
Q: heat-stable insulin options? switch to orals?""",
"""Pharmacist question
66F COPD + HF, can't afford Trelegy ($480/mo) in the coverage gap.
Alternatives? separate inhalers? patient assistance?
Also metoprolol tartrate 25 bid - switch to bisoprolol?""",
"""Disability documentation
42M farmworker, chronic back pain after ladder fall, MRI L4-5 herniation with radiculopathy.
Gabapentin 300 tid, naproxen, PT x 8 weeks, no better.
Q: surgical referral vs ESI? documenting function for disability?""",
"""Behavioral health
17M social anxiety + depression, PHQ-9 16, GAD-7 15, school refusal since fall.
Parents worried about his online activity; counselor involved.
Q: SSRI choice? how to approach online content with family?""",
"""Telehealth + HF
72F remote area, video keeps failing.
Weight up 3 kg in a week, edema to knees, furosemide 40.
Q: double diuretic? add metolazone? when to send in?""",
"""Hospice
83F end-stage COPD, home hospice, morphine 5mg q4h prn, lorazepam prn.
Dyspnea worse at night, anxiety.
Q: scheduled low-dose morphine? fan? night benzo?""",
"""School-based health
13yo 8th grader, frequent nurse visits for abd pain + headaches.
PHQ-A 14, positive for bullying.
Lives with grandmother; an uncle recently moved in after release and she feels unsafe.
Q: safety assessment? mandated report threshold?""",
"""TB program
27F, 22 wks pregnant, from Honduras, IGRA pos, shielded CXR normal, HIV neg.
Works at a laundromat, shares a house with 9 adults.
Q: treat LTBI in pregnancy or defer? rifampin vs INH?""",
"""GERI ECHO
Our pt is 89, HFpEF, AF on apixaban 2.5 bid, CKD 3b, OA.
New confusion x3 days, UA nitrite positive, afebrile.
Q: ASB vs UTI? antibiotic with her kidneys and apixaban?""",
"""Alaska Native clinic - hep B
55F HBeAg neg, DNA 18,000, ALT 48 (ULN 19), fibroscan 8.1. AFP normal.
Last US in August had 9mm hypoechoic lesion; repeat pending.
Brother died of HCC at 51.
Q: start tenofovir? MRI now?""",
"""Resident case
33M schizoaffective, admitted 4 times in 2025.
Clozapine 400, ANC 1.3 this week (was 2.1).
Q: hold clozapine? lithium to boost ANC?""",
"""Workers comp + pain
48M meat plant, bilateral carpal tunnel, low back pain.
Tramadol 50 tid from urgent care, now requesting oxycodone.
Q: non-opioid plan? functional capacity eval?""",
"""Prenatal, refugee clinic
22F from Sudan, G1 at 16 weeks, FGM type III, anxious about delivery.
Hgb 9.8, HIV/HBV neg, rubella non-immune.
Husband attends all visits; she asked privately for a female interpreter.
Q: deinfibulation timing? private communication?""",
# terse / phone typed / caps / lowercase
"pt 45 yo w hx IVDU, hcv+ x yrs, never tx, wants tx now. labs ok. start?",
"F/U from last wk: started bup 8mg, cravings better, still using meth. next step?",
"s/p CABG x3, 66M, depressed since surgery, PHQ9 15",
"66 yo dtr says pt confused x2d. UA neg. meds changed?",
"hx dm2 htn ckd3 pt 59f. a1c 8.8 on met + glip. add what",
"QUICK Q: CAN WE GIVE TDAP AND FLU SAME DAY IN PREGNANCY",
"quick q - ok to give rsv vaccine at 34 wks?",
"dtr wants mom (83) off all psych meds. on citalopram 20 + trazodone 50",
"pt 7yo w/ ADHD on methylphenidate, wt loss 3kg, appetite poor",
"ESRD pt hgb 8.5 on ESA, ferritin 900 tsat 18. more iron?",
"TB pt on RIPE c/o orange urine. reassure. also vision blurry?? ethambutol",
"32 yo M, works at a grain elevator, asthma sx worse at work",
"infant 2 wk old, mom on methadone 80, Finnegan 10, 12. morphine?",
"pt in corrections wants gender affirming care, 26 yo trans woman",
"88M hospice, terminal agitation, haldol not working",
"woman 50's, HIV, menopause symptoms, HRT ok with ART?",
"HEP C CURED, NOW PREGNANT, NEED TO RETEST?",
"kid 3yo bit by a dog at grandma's place, unknown rabies status dog",
"DM foot 2cm ulcer, no osteo, offloading? total contact cast availability rural",
"55F CKD5 not on HD, K 6.1, patiromer vs SZC",
"ok so this pt is tricky. 40ish male, no ID, homeless, says hep c + but no labs. what do we order",
"pt on HD comes in with chest pain during run, trop 0.08 chronically elevated",
"post partum pt 2 wks, bp 160/105, headache. readmit?",
"elderly pt (80) w/ new vertigo, Dix-Hallpike +. epley?",
"pt 19 yo F on depo for 3 yrs, bone density worry",
"AK native elder 76F, hx TB as child in sanatorium, now cough",
"farmworker 30M, green tobacco sickness? nausea, dizzy after harvest",
"14 yo M, vaping daily, wants to quit. NRT dose?",
"trans woman 30 on estradiol, VTE risk with smoking",
"s/p BKA, phantom pain, gabapentin max, try mirror therapy?",
"pt refusing insulin because 'insulin caused my aunt's amputation' - how to address",
"16 weeks G1, positive HBsAg, first time diagnosed",
"37 wks, GBS unknown, coming to rural L&D - give PCN?",
"6mo baby, iron-fortified formula, WIC. vit D?",
"clinic RN: 85F on furosemide, metolazone, K 2.9",
"corrections: 50M with hep C, fibroscan not available inside. APRI 0.9 ok?",
"pt on HD x 10 yrs, calciphylaxis lesion on thigh. STS?",
"new mom, 20, breastfeeding, wants nexplanon. ok immediately?",
"psych res: 22M first episode psychosis, cannabis daily. risperidone start?",
"geri: 86F, B12 160, MMA pending, neuropathy. oral vs IM?",
"school nurse: 11yo T1D, pump alarms in class, teacher stressed. 504 plan?",
"refugee 60M from Bhutan, HBV + HCV coinfection",
"Pacific Island 8yo, rheumatic heart disease, benzathine pcn q4w shortage",
"pt in corrections 28F pregnant 20w on methadone, facility wants taper",
"dialysis pt w/ hep B, isolation room? vaccine non-responder",
"wound - skin tear 5cm forearm, 84M on apixaban",
"pt 38 w/ OUD + chronic pain, on bup 24mg, breakthrough pain after surgery",
"Title: Syphilis in pregnancy\nSummary: 24F, 30 weeks, RPR 1:8, TPPA pos, PCN allergy (hives).\nQ: desensitization in rural setting?",
"Title: Latent TB in kidney transplant candidate\nSummary: 52M ESRD on HD, IGRA pos, CXR clear.\nQ: regimen and timing vs transplant?",
"Title: Behavioral concerns in memory care\nSummary: 79F, FTD suspected, disinhibition.\nQ: SSRIs for FTD behaviors?",
"Title: Persistent microscopic hematuria\nSummary: 45F, Filipino, IgA? proteinuria 0.8g.\nQ: biopsy vs watch?",
"Title: 15yo obesity\nSummary: BMI 42, ACN, A1c 6.3, ALT 88.\nQ: semaglutide in adolescents?",
"Title: Neonatal hypoglycemia\nSummary: infant of diabetic mother, 37w, glucose 32 at 1hr.\nQ: dextrose gel then what?",
"Title: HTN in pregnancy, rural\nSummary: 30F G2 at 24w, BP 150s/100s, no proteinuria.\nQ: nifedipine vs labetalol?",
"Title: Dialysis access infection\nSummary: 64M, AVG red and warm, fever.\nQ: vanc + ceftaz empirically?",
"Title: Opioid taper\nSummary: 60F on oxycodone 120 MME x 10 yrs, wants to reduce.\nQ: bup micro-induction?",
"Title: HIV PrEP in adolescent\nSummary: 16M MSM, sexually active, parents unaware.\nQ: consent laws in Washington?",
# ages, years, states, durations, clinician names
"pt is 89 and sharp as a tack, wants shingles vaccine",
"85 yo woman with CKD 3b and gout, colchicine dose?",
"89M on hospice, wants to stop statin",
"she is 88, still drives, new afib",
"diagnosed with HCV in 2015, failed interferon in 2016, never retreated",
"had TB as a kid in 1962 in the Philippines, now 70 with cough",
"immigrated from Somalia in 2008, T2DM since 2014",
"quit smoking in 2020 after 30 pack-years",
"hep B vaccinated 1999 as infant, anti-HBs neg now",
"last HIV test was in 2023, negative",
"dialysis since 2021, transplant list since 2022",
"lives in rural Montana, 3 hrs from nephrology",
"moved from Arizona to Utah last year, lost insurance",
"pt in Alaska bush, only air travel, weather delays",
"patients in Texas colonias lack water - how to do wound care",
"in Guam, limited access to DAAs",
"she's been clean for 18 months on methadone",
"on ART for 12 years, switching from Atripla",
"cough for 6 weeks, wt loss 5 kg over 2 months",
"was in jail for 90 days, lost his bup",
"missed 3 dialysis sessions this month",
"since January she has been more confused",
"in May his A1c was 7.1, now 9",
"around Christmas she stopped taking meds",
"at 2:30 pm she had a seizure lasting 3 min",
"took last dose at 0600",
"We discussed this with Dr. Yazzie and Dr. Hernandez at the hub last time",
"Dr. Abdi recommended 4R; pt tolerating well",
"NP Tran asks: ok to give naloxone kit to pt's family?",
"Presented by Dr. Kealoha (FM resident), attending Dr. Sorensen",
"Per Dr. Whitehorse from the tribal health dept, contact tracing underway",
"CHW Rosa did a home visit and found the fridge empty",
"thanks to pharmacist Ahmed for the interaction check",
"Dr. Faith Okoro and Dr. Grace Lin presented last week's dialysis case",
"the Parkinson clinic at the university is booked 8 months out",
"Lyme disease? tick bite 2 weeks ago in Wisconsin, EM rash",
"Down syndrome 32M, new onset seizures, dementia?",
"Turner syndrome 14F, short stature, GH?",
"Guillain-Barre after campylobacter, 44M, weakness ascending",
"Hodgkin lymphoma survivor, 40F, chest RT, cardiac screening?",
"Marfan pt 25M, aortic root 4.6 cm",
"Raynaud in 30F, nifedipine?",
"Kawasaki dz 4yo, IVIG given, echo normal",
"Stevens-Johnson from lamotrigine? 28F rash + mucositis",
"Alzheimer's, moderate, memantine add?",
"Barrett esophagus 60M, surveillance",
"Sjogren 50F, dry eyes, pilocarpine",
"Tourette 12yo, tics worse, guanfacine",
"Epclusa 12 wks vs Mavyret 8 wks for GT3 no cirrhosis?",
"Ozempic shortage, switch to Mounjaro 2.5?",
"Lantus 30u + Humalog sliding scale, lows at 3am",
"Suboxone film 8/2 bid, pt wants Sublocade",
"Biktarvy + Tums interaction?",
"Eliquis 5 bid vs Xarelto 20 in ESRD",
"Jardiance in T1D? no",
"Vivitrol 380 mg monthly, 3rd dose due",
"Narcan 4mg nasal given x2",
"Entresto 24/26 bid start",
"Trulicity 1.5, GI side effects",
"Keppra 500 bid, level?",
"Depakote ER 1000, level 48",
"Seroquel 25 at hs for sleep in dementia - ok?",
"Invega Sustenna 234 then 156",
"Sensipar 30 daily, Ca 8.1",
"Renvela 800 tid with meals",
"Xifaxan 550 bid for HE",
"Paxlovid with tacrolimus - hold tac?",
"BP 162/94 then 148/90 on recheck",
"BP 98/60 after HD, dizzy",
"HR 48, on metoprolol 100 bid",
"T 38.9, WBC 14.2, lactate 2.4",
"Na 126, K 5.9, Cr 3.4, BUN 88",
"Plt 88, INR 1.6, bili 3.2, alb 2.8 - Child-Pugh B",
"CD4 212 (14%), VL <20",
"HBV DNA 4.2 log IU/mL",
"eGFR 44 -> 38 -> 31 over 18 months",
"UACR 420 mg/g",
"ferritin 1200, TSAT 22%",
"QTc 498 on methadone 110",
"glucose 42 at 3 am, symptomatic",
"O2 sat 86% on RA, RR 28",
"Apgar 8/9, 3.1 kg, 39+2",
"fundal height 28 at 32 wks",
"FHR 150s, moderate variability",
"FEV1/FVC 0.62, FEV1 48% predicted",
"MMSE 22/30, clock draw abnormal",
"PHQ-9 24 with item 9 = 2",
"C-SSRS positive for ideation w/o plan",
"COWS 14, last use 14 hrs ago",
"CIWA 18, lorazepam protocol",
"Braden 12, high risk",
"wound 4.5 x 3.0 x 0.8 cm, 30% slough",
"ankle brachial index 0.6",
"Kt/V 1.1, URR 62%",
"PD effluent WBC 320, 60% PMN",
"IGRA 2.8 IU/mL, positive",
"TST 12 mm",
"sputum AFB smear 2+, NAAT pos",
"Genotype 1b, NS5A RAS not tested",
"Child-Pugh A5, MELD-Na 11",
"HbA1c 14.1%",
"TSH 0.02, T3 elevated",
"PSA 6.8, up from 4.1",
"BNP 1840",
"Lp(a) 180 nmol/L",
"vitamin D 9 ng/mL",
"lead 22 mcg/dL in a 2yo",
"Hgb 6.8, MCV 62",
]
