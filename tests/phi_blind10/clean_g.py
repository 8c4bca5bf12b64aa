CLEAN_G = [
"""School nurse question
8 yo with T1DM, new to our school this term
Pump user, CGM alarms go off in class and other kids tease
Parent wants alarms silenced at school
Q: what's a safe alarm threshold and who should get alerts?""",
"""IHS physician, Hep B case
45F, HBsAg+, HBeAg-, ALT 58, HBV DNA 24,000 IU/mL
Elastography 9.4 kPa
No family hx of HCC, AFP 4
Q: treat now? TDF vs TAF given eGFR 72 and osteopenia?""",
"""Academic fellow – HIV/PrEP
Case: 22M, MSM, on oral PrEP, STI screen positive for rectal gonorrhea and chlamydia
Creatinine normal, adherence excellent by self-report
Discussed doxy-PEP; he's interested
Q: start doxy-PEP now? any concern about resistance in our region?""",
"""Refugee clinic nurse
Newly arrived family from Central Africa, 7 members
Screening: 3 with positive IGRA, 1 child with Hgb 7.8, 2 adults HBsAg+
Vaccine records: partial
Q: sequencing of LTBI treatment vs catch-up vaccines? any live vaccine conflicts with TST/IGRA?""",
"""Pharmacist – Anticoag ECHO
72M, afib + mechanical mitral valve, on warfarin
INR range 2.5–3.5, recent INRs 1.8, 4.2, 2.1
Diet variable (hunting season, lots of venison and greens)
Q: dose strategy vs more frequent checks? DOAC not an option with mechanical valve, confirm?""",
"""Community health worker report
Client is a 60 yo man with T2DM and amputated toe
Lives alone, uses a wood stove, no running water
He can't see the numbers on his glucometer
Asked me if there's a talking meter
Q for the team: any programs that give talking meters or magnifiers free?""",
"""Jail nurse — withdrawal
31F booked overnight, reports daily fentanyl smoking
COWS 16 this morning, vomiting
Facility allows bup now (new policy 2025)
Q: micro-induction or standard induction in a holding cell with limited monitoring?""",
"""Rural NP, chronic pain
67M, bilateral knee OA, not a surgical candidate (BMI 44, A1c 9)
Tried acetaminophen, topical diclofenac, PT
On tramadol 50 qid, still 8/10
Q: genicular nerve RFA worth pursuing? duloxetine add-on?""",
"""Psychiatrist – consult response
Reviewed case: 34F with treatment-resistant depression, failed 3 SSRIs and bupropion augmentation
Recommendations:
1. Trial of lithium augmentation, target level 0.6–0.8
2. Check TSH, Cr, calcium at baseline
3. If no response in 6 wk, refer for esketamine or ECT evaluation
4. Continue psychotherapy""",
"""Hub nephrologist recommendations
1. Hold lisinopril during the AKI episode; resume at 5 mg once Cr back to baseline
2. Start sodium bicarbonate 650 mg bid for serum bicarb 18
3. Avoid NSAIDs; acetaminophen for pain
4. Recheck BMP in 1 week""",
"""Hepatology hub recommendations
- Treat with sof/vel 12 weeks
- No ribavirin needed (compensated)
- Check HBV DNA at baseline given positive core antibody; monitor ALT monthly
- HCC surveillance q6 months lifelong given cirrhosis
- Varices screening with EGD or use Baveno VII criteria""",
"""Diabetes hub recommendations
• Stop glipizide (hypoglycemia risk)
• Start semaglutide 0.25 mg weekly x 4 weeks then 0.5 mg
• Continue metformin
• Recheck A1c in 3 months
• Refer to DSMES program if available by telehealth""",
"""Perinatal hub recommendations
a) Continue buprenorphine, do not taper during pregnancy
b) Split dosing bid-tid if cravings late in the day
c) Breastfeeding encouraged
d) Plan for neuraxial analgesia; continue bup peripartum
e) Naloxone kit at discharge""",
"""TB hub recs
→ Continue RIPE, the hepatotoxicity resolved
→ Rechallenge: rifampin first, then INH after 1 wk if LFTs stable, hold PZA
→ Extend total duration to 9 months without PZA
→ Weekly LFTs x 4 then monthly""",
"""Pediatric hub recs
1) ICS-formoterol as maintenance and reliever (SMART), budesonide-formoterol 80/4.5 2 puffs bid + prn
2) Spacer teaching with return demo
3) Asthma action plan to school
4) Follow-up 4 weeks""",
"""Academic fellow presentation – Nephrology
HPI: 55M with newly found proteinuria 3.8 g/day, edema, albumin 2.4
Cr 1.1, no hematuria
PLA2R antibody positive
Q: start rituximab vs observation x 6 months with supportive care?""",
"""Geri case (fellow)
80F with recurrent UTIs (4 in 12 months), all E. coli
Post-menopausal, no vaginal estrogen
Q: vaginal estrogen + methenamine vs continuous prophylaxis?""",
"""Rural ED physician
48M with chest pain, troponin mildly elevated, ECG nonspecific
Nearest cath lab 3 hours by ground, weather grounding air transport
Q: heparin and transfer, or observe?""",
"""Wound care RN
Sacral wound unchanged 6 weeks: 4 x 3 cm, 30% slough
Using hydrocolloid, changed q3 days
Nutrition: eating 50% of meals
Q: autolytic vs enzymatic debridement? protein supplement recs?""",
"""Onc ECHO – survivorship
62F breast cancer survivor on letrozole yr 3
Arthralgias severe, bone density osteopenic
Q: switch to tamoxifen? exercise program? add bisphosphonate?""",
"""Peds obesity ECHO
14 yo, BMI 41 (class 3 pediatric), A1c 6.0, ALT 72
Family motivated, limited healthy food nearby
Q: semaglutide in adolescents; how to monitor?""",
"""OUD ECHO - rural NP
39F on bup 16 mg, stable, now wants to get pregnant
Q: continue bup through conception? any prenatal vitamins or labs to prioritize?""",
"""Teen BH ECHO
Adolescent with self-harm (cutting), DBT not available locally
Q: DBT-informed skills groups by telehealth? medication role?""",
"""HIV ECHO, pharmacist
Pt on Biktarvy and starting iron supplements for anemia
Q: spacing recs? also on calcium—same issue?""",
"""Caregiver support, dementia series
Caregiver burnout case: spouse is the only caregiver, no respite
Q: what respite and adult day programs exist in rural areas via the state aging office?""",
"""Gout in CKD — rheum question
Gout flare in pt with CKD 4 and DM
Colchicine? NSAIDs contraindicated, steroids raise sugar
Q: best acute option? anakinra off-label?""",
"""Chronic pain ECHO, behavioral
Pain catastrophizing scale 38
Pt frightened of movement, kinesiophobia
Q: pain neuroscience education resources in plain language?""",
"""TB contacts (peds)
Child, 4 yo, household contact of smear+ case
IGRA negative, CXR normal
Q: window prophylaxis until repeat testing at 8–10 wk?""",
"""Nephrology / pharmacist
Metformin in eGFR 30–44: max 1000 mg/day
Q: also OK to continue with contrast CT today?""",
"""HCV ECHO – rural NP
Pt completed 8 wk G/P, SVR12 negative
Still injecting, shares equipment
Q: reinfection testing interval? syringe services nearby none""",
"hey ECHO team, quick one — is it ok to start DAAs in someone with an active rash from scabies? lol i know, weird q",
"ALL CAPS BC MY PHONE IS BROKEN. 60F ON ELIQUIS 5 BID NEEDS DENTAL EXTRACTION. HOLD?",
"no labs since last yr, pt refuses blood draws (needle phobia). what can we do for hcv monitoring",
"quick q from the pharmacy counter: can pt crush the Biktarvy? he can't swallow big pills",
"Fellow here: reviewing the 2024 KDIGO update, is finerenone now first-line with SGLT2i for diabetic CKD?",
"NP in a two-room clinic: we have no ultrasound. how do we screen HCC in cirrhosis?",
"CHW: the pt's granddaughter reads the med labels for her. we made a picture chart for the pill times.",
"psychiatrist reply: agree with taper, reduce by 10% every 2–4 weeks, slower at the end",
"Jail nurse here. We finally got a bup program approved. What policies should we write first?",
"school nurse: student with EpiPen, expired, parent can't afford new one. any programs?",
"refugee clinic: interpreter for Tigrinya not available today, used a phone line.",
"pharmacist: 90-day fills reduce missed doses for our rural pts, can the hub support the PA?",
"IHS doc: our formulary swapped Lantus to Semglee, pts confused by the new pen",
"hub endocrinologist: A1c <7 reasonable for this young adult if no hypoglycemia",
"FQHC MA asking: do we need consent for HIV testing in our state? (opt-out)",
]
