# Long academic-style presentations with one identifier buried mid-text.
LONG_TEXTS = [
    ("name",
     "Case presentation for the hepatitis C teleECHO session. The patient is a 54-year-old man with chronic hepatitis C, "
     "genotype 1a, first diagnosed in 2011 during a blood donation screen. He has a history of injection drug use in his "
     "twenties but has been abstinent for more than fifteen years and currently has no substance use concerns. Comorbidities "
     "include type 2 diabetes (A1c 7.8% on metformin 1000 mg twice daily), hypertension controlled on amlodipine 10 mg, and "
     "obesity with a BMI of 34. Baseline labs show ALT 88, AST 74, platelets 132,000, albumin 3.9, total bilirubin 0.8 and INR "
     "1.1. FIB-4 is 2.9 and transient elastography measured 12.4 kPa with an IQR/median of 18%, which suggests advanced fibrosis "
     "(F3) but cannot exclude early cirrhosis. HCV RNA is 2.4 million IU/mL. HBsAg is negative, anti-HBc positive, anti-HBs "
     "negative. HIV is negative. He lives with his wife, Carmelita Yazzie-Montoya, who helps organize his medications and "
     "attends visits with him. He takes omeprazole 20 mg daily for reflux and an over-the-counter turmeric supplement. Our "
     "questions for the panel: first, given the isolated core antibody, should we monitor HBV DNA during DAA therapy or give "
     "prophylaxis; second, is the PPI a problem with sofosbuvir/velpatasvir or should we choose glecaprevir/pibrentasvir; and "
     "third, should he enter HCC surveillance after cure given the borderline stiffness value?"),
    ("geography",
     "Good afternoon. I am presenting a 41-year-old woman with opioid use disorder who has been stable on buprenorphine/naloxone "
     "16/4 mg daily for approximately 18 months. She began using prescription opioids after a work injury in 2016 and "
     "transitioned to intranasal heroin and later smoked fentanyl. Since starting treatment, urine drug screens have been "
     "consistently positive for buprenorphine and norbuprenorphine and negative for fentanyl. She recently learned she is "
     "pregnant, approximately 9 weeks by LMP, and is very motivated. Her main barrier is logistics: she lives in Mosquero, and "
     "the closest pharmacy that reliably stocks buprenorphine is more than an hour's drive, and her car is unreliable in "
     "winter. She asks whether she can switch to the mono-product, whether she needs to change her dose, and whether a "
     "monthly extended-release injection is safe in pregnancy. She smokes half a pack of cigarettes daily and has tried "
     "patches before. Her hepatitis C antibody is negative, hepatitis B immune by vaccination, and HIV negative. We would "
     "appreciate recommendations regarding the formulation, expected dose changes during the third trimester, neonatal "
     "considerations including Eat, Sleep, Console, and how to coordinate a plan of safe care with the delivering hospital."),
    ("date",
     "This is a 67-year-old man with ischemic cardiomyopathy (EF 30%), chronic kidney disease stage 3b with a baseline "
     "creatinine of 1.8, and type 2 diabetes on insulin glargine 24 units nightly. He presented to our critical access "
     "hospital with three days of worsening dyspnea, orthopnea and 6 kg of weight gain. BNP was 2,840 and chest radiograph "
     "showed bilateral effusions. He was diuresed with IV furosemide 80 mg twice daily and lost 5 kg, but his creatinine rose "
     "to 2.6. He was discharged home on 11/21 on oral torsemide 40 mg daily, metoprolol succinate 50 mg, and his losartan "
     "was held. Sacubitril/valsartan was deferred because of the kidney function and cost. He has not been on an SGLT2 "
     "inhibitor. At a follow-up visit one week later his weight was stable, potassium 5.1, creatinine 2.2. He lives with his "
     "wife and is independent in his daily activities. Our questions: when is it reasonable to restart RAAS inhibition, "
     "should we start dapagliflozin now at an eGFR of about 31, and should he be referred for ICD evaluation or should we "
     "first optimize medical therapy for three months and repeat an echocardiogram?"),
    ("age_over_89",
     "We would like the geriatrics panel's input on a woman who is 93 years old and lives independently in a senior apartment "
     "with daily visits from family. Her history includes hypertension, osteoarthritis of both knees, chronic kidney disease "
     "with an eGFR of 34, and mild cognitive impairment with a MoCA of 22/30. Over the past six months she has had three "
     "falls, one resulting in a distal radius fracture that was treated with casting. Her current medication list contains "
     "twelve items: amlodipine 10 mg, hydrochlorothiazide 25 mg, metoprolol tartrate 50 mg twice daily, atorvastatin 40 mg, "
     "aspirin 81 mg, omeprazole 40 mg, oxybutynin 5 mg twice daily, diphenhydramine at night for sleep, tramadol 50 mg as "
     "needed, gabapentin 300 mg three times daily, calcium with vitamin D, and a multivitamin. Orthostatic vitals show a drop "
     "from 148/76 to 118/64 on standing with lightheadedness. Her hemoglobin is 11.2 and sodium 131. She wants to stay in her "
     "apartment and is worried about losing independence. We are asking for help prioritizing deprescribing, thoughts on "
     "osteoporosis treatment without a DXA (which would require a long trip), and a reasonable blood pressure target."),
    ("phone",
     "Presenting a 36-year-old man with HIV diagnosed 2018, previously suppressed on bictegravir/emtricitabine/TAF, who has had "
     "intermittent adherence over the last year in the context of unstable housing and methamphetamine use. Most recent viral "
     "load is 28,400 copies/mL and CD4 count is 310 (19%). Genotype shows an M184V mutation but no integrase mutations were "
     "detected on the integrase genotype. He moves between a friend's couch and a shelter and frequently loses his phone; "
     "the case manager notes that the only number that has worked consistently for the last three months is (505) 555-0138, "
     "which belongs to a prepaid phone he keeps in his backpack. He is interested in long-acting cabotegravir/rilpivirine but "
     "is not currently suppressed. He has no history of hepatitis B (surface antibody positive from vaccination). He is "
     "willing to come to clinic every two months for injections if we can send reminders. We would like guidance on whether "
     "long-acting therapy is reasonable in a viremic patient with M184V, what the evidence says from recent safety-net clinic "
     "cohorts, and how to structure outreach so that injection windows are not missed."),
    ("mrn",
     "Our tribal health clinic would like advice on a 12-year-old girl with type 2 diabetes diagnosed last year after "
     "presenting with polyuria and weight loss. Her A1c at diagnosis was 11.4% and she was started on basal insulin and "
     "metformin; insulin was weaned off after three months. Current A1c is 8.6% on metformin extended-release 1000 mg twice "
     "daily, which she tolerates. BMI is at the 98th percentile. She has acanthosis nigricans, an ALT of 64, and her urine "
     "albumin-to-creatinine ratio is 42 mg/g on two samples. Blood pressure is at the 92nd percentile. The lipid panel shows "
     "triglycerides 240 and HDL 31. Lab results are filed in her chart under record number 20-44718 at our facility, but "
     "earlier results from the regional hospital are not visible to us. Her family eats mostly commodity foods and fry bread, "
     "and she plays basketball in the winter season. Her mother also has diabetes and had a child with gestational "
     "diabetes complications. Questions: should we add a GLP-1 receptor agonist now, and which agents are approved for her age; "
     "how should we address albuminuria at this age; and what is the role of screening for fatty liver disease with imaging?"),
    ("name",
     "Presenting a 71-year-old Vietnamese-speaking woman with chronic hepatitis B, HBeAg-negative, HBV DNA 12,000 IU/mL and "
     "ALT persistently 45-60 over two years. Ultrasound shows a coarse echotexture without focal lesions and elastography is "
     "9.8 kPa. She has never been treated. Her family history is notable for a brother who died of liver cancer in his "
     "fifties. Her son, Pham Quoc Bao, accompanies her and interprets, although we have also arranged a professional "
     "interpreter for each visit. She takes amlodipine and traditional herbal teas whose ingredients are not known. Creatinine "
     "is 1.1 with an eGFR of 50, and a DXA two years ago showed osteopenia at the femoral neck. We would like guidance on "
     "whether she meets treatment criteria under current guidelines, whether tenofovir alafenamide or entecavir is preferred "
     "given her kidney function and bone density, and how often she needs HCC surveillance given her family history."),
    ("geography",
     "For the TB ECHO panel: a 23-year-old man who works on a commercial fishing vessel presented with two months of cough, "
     "night sweats and a 7 kg weight loss. Chest X-ray shows a left upper lobe cavity. Sputum AFB smear was 3+ and the "
     "GeneXpert MTB/RIF detected M. tuberculosis without rifampin resistance. HIV negative, A1c 5.6. He was started on "
     "RIPE with weight-based dosing. The complexity is his household: he shares a two-bedroom home in Togiak with eleven "
     "relatives, including four children under five and a grandmother with diabetes. Contact investigation has identified "
     "two children with positive IGRA and normal chest films. He wants to return to the boat as soon as possible. Questions: "
     "what are the criteria for non-infectiousness that would allow him back to work, should children under five with "
     "negative tests receive window prophylaxis, and which LTBI regimen is most practical where pharmacy deliveries arrive by "
     "small plane once weekly?"),
    ("date",
     "Presentation from our community health center. A 29-year-old woman, G3P2, presents at 26 weeks with a new diagnosis of "
     "syphilis: RPR 1:64, treponemal antibody positive. She reports a painless genital lesion that healed a month ago and a "
     "diffuse rash on palms and soles. She received her first dose of benzathine penicillin G 2.4 million units on 4/9 in "
     "our clinic, but missed her scheduled second and third doses because of transportation barriers and a period of "
     "homelessness. Her partner has not been tested or treated. A fetal ultrasound shows no hydrops, ascites or "
     "hepatomegaly. She has no penicillin allergy. HIV screening was negative this pregnancy, and she consented to PrEP "
     "counseling. Questions: given she has secondary syphilis, is one dose sufficient, or does the missed dose interval mean "
     "we need to restart the full series; how should we monitor for congenital syphilis; and what expedited partner "
     "therapy options exist for syphilis in our state, given that EPT is usually for chlamydia and gonorrhea?"),
    ("email",
     "Case for the psychiatry teleECHO. A 26-year-old graduate student presents with recurrent major depressive disorder, "
     "current episode severe (PHQ-9 of 22), with passive suicidal ideation and no plan or intent. She has had partial "
     "response to sertraline 150 mg and escitalopram 20 mg in the past, each for at least eight weeks. She reports early "
     "morning awakening, weight loss of 4 kg, and anhedonia. No history of mania on careful screening; MDQ negative. She "
     "prefers to communicate between sessions by email and asked that our care manager contact her at "
     "quietriver.grad@example.org rather than by phone because she shares a small apartment. She uses alcohol "
     "about twice a week, no other substances. Her thyroid studies are normal. She has a good relationship with a "
     "therapist at the student counseling center, where she has completed eight sessions of CBT. We would like the "
     "panel's recommendations on the next pharmacologic step (augmentation versus switching to bupropion, mirtazapine or an "
     "SNRI), the role of esketamine in a rural setting, and how to make email-based check-ins safe and compliant."),
]
