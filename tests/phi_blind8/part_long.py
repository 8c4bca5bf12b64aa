# long presentations, identifier buried in the middle
LONG = [
("name", """Title: Recurrent preeclampsia risk, next pregnancy planning
Summary: 34F G3P1 (1 IUFD at 29w, 1 preterm at 33w for severe features). Currently not pregnant, wants to conceive in the next year.
PMH: chronic HTN since 2019, BMI 38, prediabetes (A1c 6.1).
Meds: nifedipine XL 60, metformin 500 bid.
Social: lives with her husband Anselmo Quiroga-Benitez who works construction; no tobacco; occasional alcohol.
FH: mother with HTN and stroke at 55.
Question: Preconception optimization - switch nifedipine? Aspirin start timing? Anything else to prevent a third bad outcome?"""),
("date", """Presentation for geriatrics ECHO
78 yo man with Parkinson disease x 10 years, living with his wife in a rural area.
Meds: carbidopa/levodopa 25/100 2 tabs qid, amantadine 100 bid, tamsulosin, donepezil 10.
Course: Several falls this winter. Hospitalized 01/19/2026 for aspiration pneumonia, discharged to SNF, back home on 2/6/2026.
Now: visual hallucinations (sees children in the room), not distressing him but scaring his wife.
Question: Stop amantadine first? Pimavanserin access is limited. Quetiapine dose?"""),
("geography", """Pediatric asthma case
9yo boy, moderate persistent asthma, 3 ED visits and 1 admission this year.
Controller: fluticasone 110 2 puffs bid, but mom says he uses it 'when he remembers'.
Home: family moved into a mobile home at 2290 Cottonwood Spur Rd, out by the feedlots, mold visible in the bathroom, wood stove.
School nurse says he uses albuterol almost daily at school.
Spirometry: FEV1 72% predicted, improved 15% post BD.
Q: Step up to ICS-LABA? Home environmental assessment resources?"""),
("mrn", """ECHO case - nephrology
Pt 61M, DM2 x 20y, CKD 4 (eGFR 21, UACR 1800).
Meds: insulin glargine 30u, lisinopril 40, amlodipine 10, furosemide 40.
K 5.6, bicarb 18, Hgb 9.4, PTH 310.
(internal ref for our team: MRN 40093127, please don't forward)
He does not want dialysis. Family split.
Questions: 1) Can we add finerenone or SGLT2 at this eGFR? 2) How to frame conservative kidney management?"""),
("phone", """Subject: TB case needing DOT plan
36M, recently arrived from Myanmar, smear-positive pulmonary TB, GeneXpert RIF not detected.
Started HRZE last week. Works night shifts at a meatpacking plant, sleeps days.
Lives with 6 adults and 3 kids; contacts being screened.
Pt only contact number is his cousin's cell 563-207-8841, cousin speaks Karen and some English.
Question: can we use video DOT with a shared phone? How long must he stay off work?"""),
("other_code", """Corrections health, HCV
Pt: 41M, incarcerated, HCV GT1a, VL 4.4 million, FIB-4 2.9, elastography 11 kPa.
No prior treatment. Release date uncertain (parole hearing pending).
DOC # 00771928 - facility wants it on the referral form.
Meds: none. Hx IDU, tattoos while incarcerated.
Question: Start glecaprevir/pibrentasvir 8 weeks now, even if he may be released mid-course? How to ensure continuity?"""),
("age_over_89", """Palliative care question
Pt is a 91-year-old woman with advanced dementia (FAST 7a), bedbound, in her daughter's home.
Weight down 12% over 6 months. Recurrent aspiration.
Daughter is asking about a feeding tube because 'we can't let her starve'.
Meds: memantine, donepezil, amlodipine, omeprazole.
Q: How to guide the conversation? Which meds to stop now?"""),
("health_plan", """Diabetes case
52F from the Marshall Islands, A1c 12.8, fasting 280, no retinopathy exam in years.
Meds: metformin 1000 bid (GI upset, takes once), glipizide 10.
Insurance just restored: Medicaid member ID 781204396, so GLP-1 might be covered now.
Diet: rice, spam, sweet drinks; eats with extended family.
Question: GLP-1 vs basal insulin first? Culturally tailored education resources?"""),
("email", """Psychiatry case for behavioral health ECHO
24F, postpartum 6 weeks, first baby, EPDS 21, passive SI without plan.
Hx: depression in adolescence, did well on fluoxetine.
Breastfeeding exclusively. Partner supportive but works away in the oil fields.
She asked that any follow-up materials be sent to her personal email, jess.marlowe.mom@gmail.com
Question: Sertraline vs restart fluoxetine while breastfeeding? Is brexanolone/zuranolone realistic here?"""),
("device", """Cardiology
68M with ischemic cardiomyopathy, EF 25%, ICD placed for primary prevention.
Got 2 shocks this week while shoveling snow. Device interrogation pending; rep needs the generator serial PRX-4471932K.
Meds: carvedilol 12.5 bid, sac/val 49/51 bid, spironolactone 25, amiodarone none.
K 3.6, Mg 1.7.
Question: Start amiodarone while waiting for EP? Replete electrolytes targets?"""),
("date", """Refugee health, pediatrics
Family of 7 from Afghanistan, arrived in the US on 09/28/2025.
Domestic screening: 11yo girl with Hgb 9.1, MCV 64, ferritin 4; lead 7; stool O&P negative; strongyloides IgG positive.
Also behind on vaccines, no records.
Q: Ivermectin dosing for the strongy? Iron dose and duration? Hgb electrophoresis first?"""),
("geography", """Wound care presentation
70M, DM2, PAD, R great toe amputation last year, now a plantar ulcer under 2nd met head, probes to bone.
He lives way out past Ganado and hauls water; home health can only come once a week.
ESR 88, CRP 12, x-ray cortical erosion.
Q: Oral antibiotic for presumed osteomyelitis vs PICC? Which agent for 6 weeks?"""),
("name", """Dialysis unit ECHO
45F on in-center HD x 3 years, Tongan.
Issues: IDWG 4-5 kg, pre-dialysis BP 180s, phos 8.2, refuses binders because of pill burden.
Home: lives with extended family, the cook at home is her sister-in-law, Mele Havili, who makes traditional food with lots of coconut and salt.
Question: Practical strategies for fluid/salt with family involvement? Switch binder to something chewable?"""),
("date", """OB case, ~long
28 yo G2P1001, current pregnancy 26 weeks.
Prior C-section for breech. Hx OUD, on buprenorphine 16 mg daily since before pregnancy.
GDM screen: 1-hr 168, 3-hr not yet done.
UDS positive for fentanyl at visit on 3/4/2026, negative at visits before and after.
Partner supportive. Wants to breastfeed.
Question: increase bup dose or split dosing? Impact on breastfeeding? Plan for pain control at delivery?"""),
("licence", """Impaired professional case
39F, ICU nurse, referred after diverting fentanyl at work.
Now on buprenorphine 12 mg, doing well 4 months.
The board monitoring program requires us to write her nursing license number on every report: RN 882019.
Question: Can she return to work on buprenorphine? What to say to the monitoring program about MOUD?"""),
("vehicle", """Social history (CHW notes)
Pt is 50M with uncontrolled DM (A1c 11), living in his pickup since the eviction.
He keeps insulin in a cooler in the truck (plate 9BRT227), which gets hot during the day.
Eats from food bank, mostly carbs.
Question: Insulin options that don't need refrigeration / heat stability? Should we stop insulin and use oral agents instead?"""),
("account", """Pharmacist question
Pt 66F, COPD + HF, cannot afford Trelegy ($480/mo) - in Medicare coverage gap.
Our charity program needs the hospital billing account 00420019382 on the application.
Alternatives: separate inhalers? Patient assistance programs?
Also on metoprolol tartrate 25 bid - switch to bisoprolol?"""),
("ssn", """Disability documentation question
42M farmworker, chronic back pain after a fall from a ladder, MRI L4-5 disc herniation with radiculopathy.
On gabapentin 300 tid, naproxen, PT x 8 weeks, no improvement.
Lawyer asks for records; intake form listed SSN 512-70-4418.
Question: Surgical referral vs ESI? How do we document function for disability?"""),
("url", """Behavioral health
17M with social anxiety and depression, PHQ-9 16, GAD-7 15, school refusal since fall.
Parents found that he posts self-harm content on a public channel, youtube.com/@quiet_kid_marcus_w, which the school counselor flagged.
No prior treatment.
Question: Start an SSRI? Which one for adolescent + anxiety? How to approach the online content with the family?"""),
("ip", """Telehealth logistics + clinical
Pt 72F in remote area doing telehealth for HF.
Video keeps failing; IT says her home connection (IP 67.42.118.203) is blocked by our firewall.
Clinically: weight up 3 kg in a week, edema to knees, on furosemide 40.
Q: Double diuretic? Add metolazone? When to send in?"""),
("fax", """Hospice coordination
83F with end-stage COPD, home hospice, on morphine 5mg q4h prn and lorazepam prn.
Daughter wants all paperwork sent to the home fax her late husband used for his business: 307-856-2219.
Dyspnea worse at night, anxiety.
Question: Scheduled low-dose morphine? Fan therapy? Add a benzo at night?"""),
("name", """Presentation - School-based health
Student is 13, 8th grade, referred for frequent nurse visits with abdominal pain and headaches.
Screening: PHQ-A 14, positive for bullying.
Home: lives with grandmother; her uncle, Dario Villanueva, recently moved in after prison release and she says she feels unsafe.
Q: Next steps for safety assessment? Mandated report threshold?"""),
("geography", """TB program case
27F, 22 weeks pregnant, from Honduras, positive IGRA, normal shielded CXR, HIV neg.
Works at a laundromat. Lives in a shared house on Calle Esperanza in San Benito, with 9 other adults.
Q: Treat LTBI during pregnancy or defer until postpartum? Rifampin-based or INH?"""),
("age_over_89", """GERI ECHO
Our patient turned 90 last month and her family threw a big party.
She has HFpEF, AF on apixaban 2.5 bid, CKD 3b, OA.
Now new confusion 3 days, UA positive nitrites, no fever.
Q: Treat ASB vs UTI? Which antibiotic with her kidney function and apixaban?"""),
("date", """ALASKA NATIVE CLINIC - HEP B
55F, HBeAg neg, HBV DNA 18,000, ALT 48 (ULN 19 for women), fibroscan 8.1.
AFP normal. Last liver US 08/14/2025 had a 9mm hypoechoic lesion; repeat US pending.
Family hx: brother died of HCC at 51.
Q: Start tenofovir? MRI for the lesion now?"""),
("mrn", """Case summary from a resident
Pt 33M, schizoaffective disorder, admitted 4 times in 2025.
Currently on clozapine 400 mg, ANC 1.3 this week (was 2.1).
Chart # 0099-3318-72 at our county hospital.
Q: Hold clozapine? Lithium to boost ANC?"""),
("other_code", """Workers comp + chronic pain
48M, meat plant, repetitive strain, bilateral carpal tunnel, also low back pain.
On tramadol 50 tid from urgent care, now requesting oxycodone.
Comp claim number WC-2025-7781942 needs the new plan.
Q: Non-opioid plan? Is a functional capacity eval useful?"""),
("phone", """Prenatal, refugee clinic
22F from Sudan, G1 at 16 weeks, FGM type III, anxious about delivery.
Hgb 9.8, HIV/HBV neg, rubella non-immune.
Husband wants to attend all visits; she asked us privately to call her instead on her friend's phone, 402-315-7744.
Question: Deinfibulation timing? How to handle private communication safely?"""),
]
