EXTRA = [
("name", """Title: New HFrEF in a young father
Summary: 38M, EF 20% on echo, no CAD on cath, alcohol 12 beers/day until 2 months ago.
Meds:
- carvedilol 3.125 bid
- losartan 25
- furosemide 40
- thiamine 100
Social: lives with his partner Yolanda Etsitty and their 3 kids; works as a welder.
Question: how fast to titrate? when to repeat echo before ICD decision?"""),
("name", """pt 71F CKD 4 here for f/u
FHx: sister Imelda Cordero-Baca on dialysis since her 50s; mother died of 'kidney failure'.
Meds: amlodipine 10, losartan 50, allopurinol 100, sodium bicarb 650 bid
Q: genetic testing for APOL1 or PKD worth it?"""),
("name", "Med list brought by pt's caregiver Ruthanne Blevins: donepezil 10, memantine 10 bid, sertraline 50, tamsulosin, aspirin 81. Pt 80M, more confused. Anticholinergic burden?"),
("name", """Hx provided by the pt's eldest son, Nasir Rahmani (interpreter declined, son translating).
Pt 67M Afghan, new cough and hemoptysis x 1 month, 8 kg weight loss.
CXR: RUL cavity.
Q: isolate at home or admit? sputum collection at home?"""),
("name", "intake: 16 yo presented w/ aunt (legal guardian: Marisela Tafoya). pregnancy test +, 10 wks by dates. wants to continue. prenatal labs?"),
("name", "Emergency contact listed as neighbor Wilbur Grantham. Pt 84F lives alone, CHF, missed 2 visits. welfare check?"),
("name", "pt's employer (Halvorsen Family Farms, owner Gerald Halvorsen) won't give time off for TB clinic visits. letter?"),
("name", """CORRECTIONS CASE
49M, HIV, VL 56,000 after 8 months off ART in county jail.
Cellmate is his cousin, Terrence Abernathy-Wolfe, also HIV+ and on treatment.
Q: resistance testing first or start Biktarvy today?"""),
("name", "Wound photos were taken by the home health aide, Consuelo, and pt's husband Arturo Leyva-Medina; ulcer measures 4x5 now. continue collagenase?"),
("name", "pt 58F psych hx: her brother Leopold Fairweather completed suicide last year; now she has SI and access to his guns"),
("date", """Prenatal visit summary
29 yo G3P2002
LMP: 11/23/2025 (sure), EDD by LMP 8/30/2026
cfDNA low risk, Hgb 10.4, ferritin 8
Q: IV iron in 2nd trimester vs oral? She can't tolerate ferrous sulfate."""),
("date", """Geri case — falls
82F, 4 falls in past 3 months. Orthostatic drop 30 systolic.
Meds: furosemide 40, lisinopril 20, oxybutynin 5 bid, zolpidem 5, gabapentin 300 tid
Last fall: 2/27/26 at 3am going to the bathroom, hit head, CT neg.
Q: which meds to cut first?"""),
("date", "Peds well visit, twins born 09/14/2024 at 33 weeks, now 17 mo corrected 15 mo, one not walking. PT referral?"),
("date", "Hospice recert: pt 79M with ALS, hospice start 10/22/2025, FVC now 35%. BiPAP at home?"),
("date", "dialysis pt 65M: had his AV fistula created 1/13/2026, still not mature at 8 wks. fistulagram?"),
("date", """Cardiology follow up
54F with SCAD (spontaneous coronary artery dissection) event on 12/11/2025, treated medically.
Meds: aspirin, metoprolol, atorvastatin (? needed).
Now anxious, wants to return to running.
Q: statin indicated in SCAD? exercise prescription?"""),
("date", "TB clinic: child 4yo started window prophylaxis INH 1/5/26, repeat TST 8-10 wks after last exposure (exposure ended 1/2/26)"),
("date", "pt's tdap was given 3/11/2026 at 28 wks, also RSV vaccine? she's 32 wks next week"),
("geography", """Social hx from CHW
Pt 66M, lives alone in a one-room cabin off Cutoff Creek Road outside of Eagle River, wood heat, hauls water.
Drinks 1 pint of whiskey/day.
PMH: HTN, AFib not on anticoag, cirrhosis Child B.
Q: anticoag in cirrhosis + falls + alcohol? """),
("geography", "Refugee intake: family of 5 from Syria placed in an apartment on Dixie Hwy in Louisville. 3yo with developmental delay, 7yo with short stature. where to start?"),
("geography", """Title: HTN in farmworker
Summary: 39M H-2A worker at a berry farm in Skagit County, BP 172/104, headaches, returns to Mexico in November.
Q: which regimen to send him home on, and what supply?"""),
("geography", "School-based clinic at Chinle Junior High: 12yo with T2DM, A1c 10, mom also diabetic. family-based approach?"),
("geography", "Pt is staying with relatives in Ponce while on vacation from dialysis; needs transient HD arrangements (she's from Hartford area, specifically Wethersfield)"),
("geography", "82M lives in the senior housing at 1200 Pinyon Street, has a new stage 3 sacral wound after a fall where he lay on the floor 2 days"),
("age_over_89", """Nephrology
Pt 92M, CKD 5 (eGFR 9), uremic symptoms: itch, nausea, poor appetite.
Lives with daughter, still walks with walker, MoCA 22.
Q: dialysis vs conservative care at his age? what does outcome data say?"""),
("age_over_89", "Medication list for my 96-year-old: digoxin 0.25 (!), furosemide 80, KCl, warfarin, omeprazole, oxybutynin. help"),
("age_over_89", "Family history: pt's mother is still alive at 101 in a nursing home. Pt is 74 with HTN. any relevance?"),
("phone", "Pt's emergency contact (son) 907-543-6120; pt 76F w/ CHF in village, oxygen concentrator broken"),
("email", "pt's teacher emailed us from her personal account about his seizures; please reply to the pt's mom at rubi.cardenas.mom@gmail.com"),
("mrn", "Referral form lists IHS chart number 00-48213 for this 5yo with chronic otorrhea"),
("health_plan", "pt's Indian Health Service / Medicaid card shows ID 7719304822; PA for Epclusa denied"),
("other_code", "refugee case number (resettlement agency) USCRI-2025-11873; family needs TB clearance for school"),
("other_code", "pt's probation case number PR-26-0417 needed on the letter re: MOUD"),
("device", "Pt with insulin pump (Tandem t:slim X2, serial 1104829) keeps getting occlusion alarms"),
("vehicle", "fatal MVC: pt's husband was driving the truck with plate 4KTZ590; pt 48F now with PTSD"),
("url", "pt runs a recovery group page at facebook.com/groups/navajorecovery-begaye-family and posted her story"),
("licence", "pt is a commercial fisherman, his Alaska CFEC permit/license # 58219M, needs DOT physical for OSA"),
("ssn", "Hospice billing: pt's SSN 449-17-2390 was on her old Medicare card, family read it to us over the phone"),
("fax", "pt's daughter asked that hospice notes be faxed to her home fax at 520-383-1174"),
("account", "pt's pharmacy charge account #PH-33019 is maxed, can't get insulin"),
("ip", "Pt's remote monitoring device reports from IP 71.213.40.122 stopped"),
]
