CLEAN4 = [
"""Title: New HFrEF in a young father
Summary: 38M, EF 20% on echo, no CAD on cath, alcohol 12 beers/day until 2 months ago.
Meds:
- carvedilol 3.125 bid
- losartan 25
- furosemide 40
- thiamine 100
Social: lives with his partner and their 3 kids; works as a welder.
Question: how fast to titrate? when to repeat echo before ICD decision?""",
"""pt 71F CKD 4 here for f/u
FHx: sister on dialysis since her 50s; mother died of 'kidney failure'.
Meds: amlodipine 10, losartan 50, allopurinol 100, sodium bicarb 650 bid
Q: genetic testing for APOL1 or PKD worth it?""",
"Med list brought by caregiver: donepezil 10, memantine 10 bid, sertraline 50, tamsulosin, aspirin 81. Pt 80M, more confused. anticholinergic burden?",
"""Hx from pt's eldest son (interpreter declined, son translating - I know, not ideal).
67M Afghan, cough + hemoptysis x 1 month, 8 kg wt loss.
CXR: RUL cavity.
Q: isolate at home or admit? sputum collection at home?""",
"intake: 16 yo presented w/ aunt who is legal guardian. pregnancy test +, 10 wks by dates. wants to continue. prenatal labs?",
"Emergency contact is a neighbor. Pt 84F lives alone, CHF, missed 2 visits. welfare check?",
"pt's employer, a family farm, won't give time off for TB clinic visits. letter?",
"""CORRECTIONS CASE
49M, HIV, VL 56,000 after 8 months off ART in county jail.
Cellmate is his cousin, also HIV+ and on treatment.
Q: resistance testing first or start Biktarvy today?""",
"wound photos taken by the home health aide; ulcer 4x5 now. continue collagenase?",
"58F, brother completed suicide last year; now she has SI and access to his guns. means restriction?",
"""Prenatal visit summary
29 yo G3P2002
LMP certain, dating c/w 18 wks today
cfDNA low risk, Hgb 10.4, ferritin 8
Q: IV iron in 2nd trimester vs oral? can't tolerate ferrous sulfate""",
"""Geri case — falls
82F, 4 falls in past 3 months. Orthostatic drop 30 systolic.
Meds: furosemide 40, lisinopril 20, oxybutynin 5 bid, zolpidem 5, gabapentin 300 tid
Last fall was at 3am going to the bathroom, hit head, CT neg.
Q: which meds to cut first?""",
"Peds: twins born at 33 weeks, now 17 months (15 corrected), one not walking. PT referral?",
"Hospice recert: 79M ALS, on hospice since October, FVC now 35%. BiPAP at home?",
"dialysis pt 65M, AVF created 8 weeks ago, still not mature. fistulagram?",
"""Cardiology f/u
54F with SCAD, treated medically last year.
Meds: aspirin, metoprolol, atorvastatin (? needed).
Anxious, wants to return to running.
Q: statin in SCAD? exercise prescription?""",
"TB clinic: 4yo on window prophylaxis INH, repeat TST 8-10 wks after last exposure",
"tdap given at 28 wks, RSV vaccine too? she's 32 wks next week",
"""Social hx from CHW
66M, lives alone in a one-room cabin, wood heat, hauls water.
1 pint whiskey/day.
HTN, AFib not on anticoag, cirrhosis Child B.
Q: anticoag in cirrhosis + falls + alcohol?""",
"Refugee intake: family of 5 from Syria, 3yo with developmental delay, 7yo with short stature. where to start?",
"""Title: HTN in farmworker
Summary: 39M H-2A worker at a berry farm in Washington, BP 172/104, headaches, returns to Mexico in November.
Q: regimen to send home on, and what supply?""",
"school-based clinic: 12yo T2DM, A1c 10, mom also diabetic. family approach?",
"pt going to Puerto Rico on vacation, needs transient HD arranged. how far ahead?",
"82M in senior housing, new stage 3 sacral wound after he lay on the floor 2 days after a fall",
"""Nephrology
Pt 87M, CKD 5 (eGFR 9), uremic: itch, nausea, poor appetite.
Lives with daughter, walks with walker, MoCA 22.
Q: dialysis vs conservative care at his age?""",
"Med list for my 86-year-old: digoxin 0.25 (!), furosemide 80, KCl, warfarin, omeprazole, oxybutynin. help",
"Family history: mother lived a long life, died in her late 80s. pt 74 with HTN",
"emergency contact is son; pt 76F w/ CHF in a village, O2 concentrator broken",
"teacher reported seizures at school; mom wants a seizure action plan",
"5yo chronic otorrhea, referral form needs ENT, nearest 200 miles",
"PA for Epclusa denied, Medicaid says need fibrosis score. FIB-4 1.2",
"refugee family needs TB clearance for school - IGRA or CXR for kids?",
"probation requires letter re: MOUD, what to include?",
"insulin pump (Tandem t:slim X2) keeps getting occlusion alarms, 14yo",
"fatal MVC, husband was driving, pt 48F now PTSD",
"pt runs a recovery group for her community, wants to share story, how to support",
"commercial fisherman, needs DOT physical and has OSA",
"Hospice billing question: is a non-cancer dx ok for Medicare hospice?",
"daughter wants hospice notes sent to her, pt consents",
"pharmacy account maxed, can't get insulin. cheapest option?",
"remote monitoring device stopped sending, HF pt",
"version 2.4 of the app crashes on her tablet; can she log BPs on paper?",
"Pt is 8, weight 25 kg, amoxicillin 90 mg/kg/day divided bid",
"6/10 pain, 3/10 after PT",
"grade 2/6 systolic murmur, new",
"BP 142/88 sitting, 118/70 standing",
"oxycodone 10/325 x 4 daily",
"take 1/2 tab twice daily",
"shift starts at 5 am, meds at 4:30",
"seen 2 wks ago, labs pending",
"on day 3 of 4R",
"in 2024 she was hospitalized for DKA twice",
"pregnant with 3rd, previous babies in 2019 and 2022",
"pt's husband will be at the next visit, supportive",
"pt is from Mexico originally, now in Idaho",
"drove to clinic from out of state (Nevada)",
"Dr. Washington suggested an echo",
"Dr. Lincoln and Dr. Austin co-presenting",
"the hub recommended 8 weeks G/P last time, hope that still applies",
"Buffalo wings night at the school fundraiser, then wheezing - cold air or food allergy?",
"Mobile unit did the fibroscan",
"Reading the last ECHO notes, we didn't address her constipation",
"Grace period for recertification ended",
]
