# ruff: noqa: E501 - case texts read better unwrapped
"""Labelled cases written for CVMatch: job descriptions from a dozen occupations (some with
requirement lists, some plain prose) and CVs, with the grade a recruiter would give each pair.

Grades: 3 = same occupation and meets the asks, 2 = same occupation with clear gaps,
1 = neighbouring occupation, 0 = another line of work. Pairs not listed in ``RELATED`` are 0.
"""

from __future__ import annotations

JOBS: dict[str, str] = {
    "icu_nurse": """ICU Registered Nurse
Mercy General Hospital is hiring an ICU Registered Nurse for our 24-bed adult intensive care unit.
Requirements:
- Active RN license (Texas or compact)
- BLS and ACLS certification required
- Minimum 2 years of critical care or ICU experience
- Experience with Epic or Cerner
Preferred:
- BSN
- CCRN certification
Benefits: health insurance, 401(k), tuition support.""",
    "warehouse": """Warehouse Associate / Forklift Operator
We are looking for a reliable warehouse associate to join our distribution center on the night shift.
You will pick, pack and ship customer orders, load and unload trucks, and keep inventory accurate using RF
scanners. You must hold a current forklift certification and be able to lift 50 lbs. At least 1 year of
warehouse experience is required. Experience with a WMS is a plus. High school diploma or GED.""",
    "software": """Senior Backend Engineer (Python)
About the role
You will design and build the APIs behind our logistics platform.
What you need
- 5+ years of professional software development experience
- Strong Python; Django or FastAPI
- PostgreSQL and REST API design
- AWS or GCP, Docker
Nice to have
- Kubernetes, Terraform
- Experience mentoring engineers""",
    "accountant": """Staff Accountant
We need a detail-oriented Staff Accountant to own month-end close, account reconciliations and journal
entries for a growing manufacturing company. Requirements: Bachelor's degree in Accounting or Finance;
3+ years of general ledger accounting experience; strong Excel (pivot tables, VLOOKUP); experience with
NetSuite or QuickBooks; knowledge of US GAAP. CPA preferred.""",
    "chef": """Sous Chef
Our busy farm-to-table restaurant is seeking a Sous Chef to lead the line alongside the Head Chef.
Responsibilities: run the pass during service, supervise line cooks, prep and menu development, order
stock and control food cost. Requirements: 3+ years in a professional kitchen, including at least one year
as a supervisor or chef de partie; ServSafe or equivalent food safety certification; weekend availability.""",
    "teacher": """Elementary School Teacher (Grade 3)
Lincoln Elementary seeks a Grade 3 classroom teacher. The teacher plans and delivers lessons in literacy,
numeracy and science, assesses student progress, manages classroom behaviour and communicates with
parents. Requirements: Bachelor's degree in Education; state teaching license or certification;
student teaching or 1+ years of classroom experience. Experience with differentiated instruction and IEPs
preferred.""",
    "truck_driver": """CDL-A Truck Driver - Regional
Drive regional routes delivering freight to retail stores; home weekly.
Requirements:
- Valid Class A CDL
- 2+ years of verifiable tractor-trailer driving experience
- Clean driving record and DOT medical card
- Knowledge of DOT hours-of-service rules and ELD logs
Hazmat endorsement is a plus.""",
    "hr": """HR Generalist
We are looking for an HR Generalist to support 300 employees across two sites. You will handle
onboarding, employee relations, benefits administration, payroll coordination with ADP and HR policy
compliance. Requirements: 3+ years of HR generalist experience; knowledge of employment law; HRIS
experience (Workday, BambooHR or ADP). SHRM-CP or PHR certification preferred.""",
    "electrician": """Journeyman Electrician
Commercial electrical contractor seeks a Journeyman Electrician for new construction and tenant
improvement projects. Must hold a state journeyman electrician license, have 4+ years of commercial
electrical experience, read blueprints, bend conduit and install panels to NEC code. OSHA 10 required.""",
    "pilot": """First Officer - Regional Airline
Fly the Embraer 175 as First Officer on scheduled passenger flights.
Minimum qualifications: FAA ATP certificate (or R-ATP eligibility); first class medical; 1,500 hours
total flight time; multi-engine rating; instrument rating. Type rating and turbine time preferred.""",
    "paralegal": """Litigation Paralegal
A mid-size law firm needs a Litigation Paralegal to support attorneys in civil litigation: drafting
pleadings and discovery, managing case files, e-filing with courts, and preparing exhibits for depositions and
trial. 2+ years of litigation paralegal experience required. Paralegal certificate preferred.
Proficiency with Clio or similar case management software and legal research on Westlaw.""",
    "graphic_designer": """Graphic Designer
We are looking for a Graphic Designer to create brand, social media and print assets for our marketing team.
You will take briefs from concept to final artwork. Requirements: portfolio; 2+ years of professional
design experience; expert in Adobe Creative Suite (Photoshop, Illustrator, InDesign); strong typography
and layout. Figma and motion graphics (After Effects) are a plus.""",
    "sales": """Account Executive (B2B SaaS)
Own the full sales cycle for mid-market accounts: prospecting, discovery, demos, negotiation and closing.
Requirements: 3+ years of B2B sales experience with a track record of exceeding quota; experience with
Salesforce CRM; excellent communication. SaaS experience is a plus.""",
    "dental_assistant": """Dental Assistant
Busy family dental practice hiring a chairside Dental Assistant. Duties include preparing patients,
sterilizing instruments, taking X-rays, assisting the dentist during procedures and updating patient
charts in Dentrix. Requirements: completion of an accredited dental assisting program or 1+ year of
experience; X-ray/radiography certification; CPR/BLS.""",
}

# Occupation summaries with no requirement list, as many real postings are (written for CVMatch).
PROSE_JOBS: dict[str, str] = {
    "nurse_prose": "Registered Nurse. Assess patients' health problems and needs, develop and carry out nursing care "
    "plans, and keep medical records. Give nursing care to ill, injured or disabled patients and advise them on "
    "health maintenance and disease prevention.",
    "chef_prose": "Chefs and Head Cooks. Direct and take part in the preparation, seasoning and cooking of food. Plan "
    "menus, order supplies, oversee kitchen staff and check the quality of dishes.",
    "driver_prose": "Heavy and Tractor-Trailer Truck Drivers. Drive a tractor-trailer combination or a truck with a "
    "capacity of at least 26,001 pounds to transport and deliver goods. Requires a commercial driver's license.",
    "accountant_prose": "Accountants and Auditors. Examine, analyze and interpret accounting records to prepare "
    "financial statements, give advice, or audit and evaluate statements prepared by others.",
    "teacher_prose": "Elementary School Teachers. Teach academic and social skills to children in elementary school: "
    "plan lessons, assess progress and work with parents.",
    "developer_prose": "Software Developers. Research, design and develop computer software and applications. "
    "Analyze user needs and build software solutions, applying principles of computer science.",
    "warehouse_prose": "Laborers and Freight, Stock, and Material Movers. Move freight, stock and other materials to "
    "and from storage and trucks, by hand or with forklifts and pallet jacks, and keep inventory records.",
    "electrician_prose": "Electricians. Install, maintain and repair electrical wiring, equipment and fixtures, "
    "following state and local building regulations.",
}
JOBS.update(PROSE_JOBS)

# A second round of occupations, so that no single field dominates the measurements.
MORE_JOBS: dict[str, str] = {
    "flight_attendant": "Flight Attendant. Ensure the safety and comfort of passengers on board our aircraft: "
    "conduct pre-flight safety checks and demonstrations, serve food and beverages, respond to emergencies "
    "and administer first aid. Requirements: high school diploma; customer service experience; ability to "
    "pass FAA training; flexible schedule including nights and weekends.",
    "aircraft_mechanic": "Aircraft Maintenance Technician (A&P)\nRequirements:\n- FAA Airframe and Powerplant "
    "certificate\n- 3+ years of line or heavy maintenance on commercial jet aircraft\n- Ability to read "
    "maintenance manuals and schematics\nPreferred: Boeing 737 or Airbus A320 experience; avionics.",
    "front_desk": "Hotel Front Desk Agent. Welcome guests, handle check-in and check-out, take reservations, "
    "answer phones and resolve guest complaints. Experience with Opera PMS or a similar property management "
    "system is preferred. 1+ year of hospitality or customer service experience required.",
    "bank_teller": "Bank Teller\nRequirements:\n- 1+ year of cash handling experience\n- Balance a cash drawer "
    "accurately and process deposits, withdrawals and loan payments\n- Customer service skills\n"
    "Preferred: prior banking experience; bilingual (Spanish).",
    "it_support": "IT Support Technician\nRequirements:\n- 2+ years of help desk or desktop support experience\n"
    "- Windows 10/11, Active Directory and Office 365 administration\n- Troubleshooting hardware, printers "
    "and networks\n- Ticketing system (ServiceNow or Jira)\nCompTIA A+ preferred.",
    "data_analyst": "Data Analyst\nWhat you need:\n- 3+ years of experience analyzing data\n- Advanced SQL\n"
    "- Tableau or Power BI dashboards\n- Python or R for analysis\n- Statistics (A/B testing, regression)\n"
    "Nice to have: dbt, Snowflake.",
    "marketing": "Digital Marketing Manager. Plan and run campaigns across paid search, paid social and email; "
    "own the marketing budget; report on performance. Requirements: 5+ years of digital marketing; Google "
    "Ads and Meta Ads; SEO; HubSpot or Marketo; Google Analytics.",
    "customer_service": "Customer Service Representative. Answer inbound calls, emails and chats from "
    "customers, resolve billing and order issues, and document every interaction in the CRM. 1+ year of call "
    "center or customer service experience required; Zendesk or Salesforce experience preferred.",
    "medical_assistant": "Medical Assistant\nRequirements:\n- Certified Medical Assistant (CMA or RMA)\n"
    "- 1+ year of clinical experience: vital signs, injections, phlebotomy, EKG\n- EHR experience (Epic "
    "preferred)\n- BLS certification",
    "auto_mechanic": "Automotive Technician. Diagnose and repair cars and light trucks: engines, brakes, "
    "suspension, electrical systems. Requirements: 3+ years of automotive repair experience; ASE "
    "certification; own tools; valid driver's license.",
}
JOBS.update(MORE_JOBS)

# Occupations the lexicon does not know at all: only general matching can rank these.
UNKNOWN_JOBS: dict[str, str] = {
    "zookeeper": "Zookeeper. Care for animals in our primate and big cat sections: prepare diets, clean "
    "enclosures, monitor animal behaviour and health, and give talks to visitors. 2+ years of animal husbandry "
    "experience required.",
    "florist": "Florist. Design bouquets, wedding arrangements and funeral tributes; process flowers on "
    "delivery; advise customers in the shop. Floristry qualification and 1+ year of florist experience.",
    "locksmith": "Locksmith. Install, repair and rekey locks, cut keys, open lockouts for homes, cars and "
    "businesses, and fit access systems. 2+ years of locksmith experience; own van.",
    "sommelier": "Sommelier. Build and manage the wine list and cellar of a fine-dining restaurant, advise "
    "guests on wine pairings and train the floor team. WSET Level 3 or Court of Master Sommeliers.",
}
JOBS.update(UNKNOWN_JOBS)

# Managers and licensed professions: seniority and credentials matter here.
SENIOR_JOBS: dict[str, str] = {
    "construction_pm": "Construction Project Manager\nWe're hiring a Project Manager to lead commercial builds from preconstruction through closeout.\nResponsibilities: manage budgets, schedules and subcontractors; run OAC meetings; review RFIs, submittals and change orders.\nRequirements: Bachelor's in Construction Management, Civil Engineering or related field; 5+ years managing commercial construction projects; proficiency with Procore and MS Project; OSHA 30. PMP a plus.",
    "store_manager": "Retail Store Manager\nLead a team of 20 in a high-volume apparel store. You will drive sales, manage inventory and visual merchandising, hire and coach associates, and control payroll.\nWhat you bring:\n- 3+ years of retail management experience\n- Proven record of hitting sales targets\n- Experience with POS and inventory systems\n- Flexible availability including weekends",
    "pharmacist": "Staff Pharmacist\nRequirements:\n- PharmD from an ACPE-accredited program\n- Active pharmacist license in Ohio (or eligible)\n- 1+ year of retail or hospital pharmacy experience preferred\n- Strong knowledge of drug interactions and dispensing software",
    "social_worker": "Social Worker (MSW)\nProvide case management and counseling to families in child welfare. Conduct home visits and assessments, develop service plans, and coordinate with courts and community agencies. Requires MSW and state LCSW or LMSW licensure; 2 years of post-master's experience in child welfare preferred.",
    "financial_analyst": "Financial Analyst - FP&A\nBuild the annual budget and monthly forecasts, analyse variances, and present findings to senior leadership.\nQualifications: Bachelor's in Finance, Accounting or Economics; 2-4 years in FP&A or corporate finance; advanced Excel and financial modeling; experience with Hyperion or Adaptive Insights; SQL a plus.",
}
JOBS.update(SENIOR_JOBS)

CVS: dict[str, str] = {
    "nurse_strong": """Maria Lopez, RN
Summary
Critical care registered nurse with 7 years of experience in adult ICU and step-down units.
Experience
Staff Nurse, Medical ICU - Houston Methodist Hospital    Mar 2019 - Present
- Care for 1-2 critically ill ventilated patients; titrate vasoactive drips; Epic documentation
- Charge nurse rotation; precept new graduate nurses
Registered Nurse, Telemetry - St Luke's Hospital    Jun 2017 - Feb 2019
Education
Bachelor of Science in Nursing, University of Houston, 2013 - 2017
Licenses & Certifications
Texas RN License (compact); BLS; ACLS; CCRN""",
    "nurse_new_grad": """Jason Park
Registered Nurse (new graduate)
Education
BSN, Texas A&M University, 2021 - 2025
Clinical rotations: medical-surgical, pediatrics, emergency department
Experience
Patient Care Technician, Baylor Scott & White   May 2024 - Present
- Vital signs, bathing, patient safety rounds
Certifications
BLS; NCLEX-RN passed 2025""",
    "cna": """Tamika Brown
Certified Nursing Assistant
Experience
CNA, Sunrise Senior Living    2020 - Present
- Assist residents with bathing, feeding and mobility; record vital signs; dementia care
Caregiver, Home Instead   2018 - 2020
Certifications: CNA certification (Texas), CPR/First Aid""",
    "warehouse_strong": """Luis Hernandez
Warehouse Associate
Experience
Warehouse Associate / Forklift Operator - Amazon Fulfillment Center    2021 - Present
- Picked and packed 300+ orders per shift with RF scanner; loaded and unloaded trailers
- Operated sit-down forklift and reach truck; cycle counts and inventory accuracy 99.8%
Material Handler - Home Depot Distribution   2019 - 2021
Certifications: OSHA forklift certification (2023)
Education: High School Diploma""",
    "warehouse_no_cert": """Kevin Miles
Experience
Stocker, Walmart   2023 - Present
- Unloaded trucks, stocked shelves, rotated stock (FIFO)
Cashier, Dollar General   2021 - 2023
Education: GED""",
    "truck_driver_strong": """Robert King
CDL Class A Driver
Experience
Regional Truck Driver - Werner Enterprises   2018 - Present
- Tractor-trailer deliveries across 5 states; 600,000 accident-free miles
- Pre-trip and post-trip inspections, ELD logs, DOT hours of service compliance
Local Delivery Driver - Sysco   2015 - 2018
Licenses: Class A CDL with Hazmat and Tanker endorsements; DOT medical card; clean driving record""",
    "software_strong": """Priya Natarajan
Senior Software Engineer
Experience
Senior Software Engineer - Shopify    Jan 2020 - Present
- Built Python/Django REST APIs serving 20k requests per second; PostgreSQL schema design
- Moved services to Docker and Kubernetes on AWS; Terraform modules; mentored 4 engineers
Software Engineer - Zendesk   Jul 2016 - Dec 2019
- FastAPI microservices, Redis, CI/CD with GitHub Actions
Education
BSc Computer Science, University of Toronto, 2012 - 2016""",
    "software_junior_js": """Emily Chen
Frontend Developer
Experience
Frontend Developer - Agency XYZ   2023 - Present
- React, TypeScript and CSS for marketing sites; some Node.js
Intern, Web Team - City of Austin   2022 - 2023
Education: Coding bootcamp certificate, 2022""",
    "devops": """Marcus Webb
DevOps Engineer
Experience
DevOps Engineer - Atlassian   2019 - Present
- Kubernetes clusters on AWS; Terraform and Ansible; Jenkins and GitHub Actions pipelines
- Python and Bash automation; Prometheus and Grafana monitoring
Systems Administrator - IBM   2015 - 2019
Certifications: AWS Certified Solutions Architect, CKA""",
    "accountant_strong": """Sofia Flores, CPA
Staff Accountant
Experience
Senior Staff Accountant - Caterpillar Inc.   2020 - Present
- Owned month-end close for 3 entities; journal entries, accruals and balance sheet reconciliations in NetSuite
- Built Excel pivot-table variance analysis for the controller; US GAAP compliance
Staff Accountant - Deloitte client services   2018 - 2020
Education
Bachelor of Science in Accounting, University of Florida, 2014 - 2018
Certifications: Certified Public Accountant (CPA), Florida""",
    "bookkeeper": """Dana White
Bookkeeper
Experience
Bookkeeper - Small business clients (self-employed)   2019 - Present
- Accounts payable and receivable, bank reconciliations and payroll in QuickBooks Online
Office Assistant - Smith Dental   2016 - 2019
Education: Associate degree in Business, 2016""",
    "chef_strong": """Antoine Dubois
Sous Chef
Experience
Sous Chef - The Farmhouse Kitchen   2021 - Present
- Run the pass for 250 covers a night; supervise 8 line cooks; menu development and food costing
Chef de Partie - Hotel Bristol   2018 - 2021
Line Cook - Bistro 22   2016 - 2018
Certifications: ServSafe Manager, Allergen awareness""",
    "server": """Jessica Moore
Server
Experience
Server - Olive Garden   2019 - Present
- Took orders, upsold specials, handled cash and card payments; trained new servers
Host - Applebee's   2017 - 2019
Certifications: TIPS certified, food handler card""",
    "teacher_strong": """Rachel Green
Elementary Teacher
Experience
Third Grade Teacher - Maple Elementary School    2018 - Present
- Plan and deliver literacy, numeracy and science lessons for 26 students; differentiated instruction
- Write and implement IEP goals with the special education team; parent-teacher conferences
Student Teacher - Oak Elementary   Jan 2018 - May 2018
Education
Bachelor of Education (Elementary Education), Ohio State University
State Teaching License, Ohio (Grades K-5)""",
    "teaching_assistant": """Omar Haddad
Teaching Assistant
Experience
Classroom Assistant - Riverside Primary School   2022 - Present
- Support small reading groups; help the lead teacher with behaviour management
Tutor, Kumon   2020 - 2022
Education: Associate degree in Early Childhood Education""",
    "hr_strong": """Angela Turner
HR Generalist
Experience
HR Generalist - Midwest Manufacturing Co.   2019 - Present
- Onboarding for 120 hires a year; employee relations investigations; benefits administration
- Payroll coordination in ADP Workforce Now; handbook and HR policy compliance
HR Coordinator - Randstad   2017 - 2019
Certifications: SHRM-CP
Education: BA Human Resource Management""",
    "recruiter": """Ben Carter
Technical Recruiter
Experience
Recruiter - Robert Half   2020 - Present
- Full-cycle recruiting for IT roles; sourcing on LinkedIn; Greenhouse ATS
Sales Associate - Best Buy   2018 - 2020""",
    "electrician_strong": """Mike Sullivan
Journeyman Electrician
Experience
Journeyman Electrician - Rosendin Electric   2019 - Present
- Commercial new construction and tenant improvements; conduit bending, panel installation, NEC code
- Read blueprints and coordinate with the foreman
Apprentice Electrician - IBEW Local 46   2015 - 2019
Licenses: Washington State Journeyman Electrician License; OSHA 10""",
    "construction_laborer": """Carlos Ruiz
Construction Laborer
Experience
General Laborer - Turner Construction   2020 - Present
- Site preparation, demolition, concrete forms, material handling; power tools
Landscaper - GreenScape   2017 - 2020
Certifications: OSHA 10""",
    "pilot_strong": """Laura Kim
First Officer
Experience
First Officer, Embraer 175 - SkyWest Airlines    2021 - Present
Certified Flight Instructor - ATP Flight School    2018 - 2021
Certificates and ratings: FAA ATP certificate; multi-engine; instrument rating; E175 type rating; CFI, CFII
First class medical
Flight time: 3,200 hours total, 1,400 hours turbine""",
    "paralegal_strong": """Nina Patel
Litigation Paralegal
Experience
Litigation Paralegal - Baker & Associates LLP    2020 - Present
- Draft pleadings, discovery requests and responses; manage case files in Clio; e-file in state and federal courts
- Prepare deposition and trial exhibits; legal research on Westlaw
Legal Assistant - City Attorney's Office   2018 - 2020
Education: Paralegal Certificate, ABA-approved program; BA Political Science""",
    "designer_strong": """Sam Rivera
Graphic Designer
Experience
Graphic Designer - Bright Agency    2021 - Present
- Brand identities, social media and print campaigns from concept to final artwork
- Adobe Photoshop, Illustrator, InDesign; motion graphics in After Effects; UI mockups in Figma
Junior Designer - PrintHouse   2019 - 2021
Portfolio: samrivera.design
Education: BFA Graphic Design""",
    "sales_strong": """Derek Olsen
Account Executive
Experience
Account Executive, Mid-Market - HubSpot   2020 - Present
- Full-cycle B2B SaaS sales: prospecting, demos, negotiation, closing; 128% of quota in 2023
- Salesforce CRM pipeline management
Sales Development Representative - Oracle   2018 - 2020""",
    "dental_assistant_strong": """Grace Liu
Dental Assistant
Experience
Dental Assistant - Bright Smiles Family Dentistry   2020 - Present
- Chairside assisting, sterilization of instruments, dental X-rays, patient charting in Dentrix
Education: Dental Assisting Program (CODA accredited), 2020
Certifications: Radiography certification; BLS/CPR""",
}

CVS.update(
    {
        "flight_attendant_strong": """Aisha Bello
Flight Attendant
Experience
Flight Attendant - Delta Air Lines   2019 - Present
- Safety demonstrations and cabin checks on domestic and international flights; beverage and meal service
- Handled in-flight medical incidents with first aid and AED
Server - Cheesecake Factory   2016 - 2019
Certifications: FAA Certificate of Demonstrated Proficiency; CPR/First Aid""",
        "aircraft_mechanic_strong": """Tom Reyes
Aircraft Maintenance Technician
Experience
A&P Mechanic - American Airlines, Line Maintenance   2018 - Present
- Troubleshoot and repair Boeing 737 and Airbus A320 systems; inspections per maintenance manuals
Aviation Maintenance Technician - AAR Corp (heavy checks)   2015 - 2018
Licenses: FAA Airframe & Powerplant certificate""",
        "auto_mechanic_strong": """Jake Morris
Automotive Technician
Experience
Automotive Technician - Firestone Complete Auto Care   2017 - Present
- Diagnose engine, brake, suspension and electrical problems on cars and light trucks
Lube Technician - Jiffy Lube   2015 - 2017
Certifications: ASE Certified (A1-A8); valid driver's license""",
        "front_desk_strong": """Sofia Rossi
Front Desk Agent
Experience
Front Desk Agent - Hilton Garden Inn   2021 - Present
- Check-in and check-out for 150-room hotel; reservations in Opera PMS; resolve guest complaints
Guest Services Associate - Marriott   2019 - 2021""",
        "bank_teller_strong": """Daniel Kim
Bank Teller
Experience
Teller - Wells Fargo   2020 - Present
- Processed deposits, withdrawals and loan payments; balanced cash drawer daily with zero variances
Cashier - Target   2018 - 2020
- Cash handling and customer service
Languages: English, Spanish (fluent)""",
        "it_support_strong": """Grace Hall
IT Support Technician
Experience
Desktop Support Technician - Cerner Corporation   2020 - Present
- Windows 11 deployments, Active Directory accounts, Office 365 administration; ServiceNow tickets
- Troubleshoot laptops, printers and network connectivity
Help Desk Analyst - TEKsystems   2018 - 2020
Certifications: CompTIA A+, Network+""",
        "data_analyst_strong": """Leo Martins
Data Analyst
Experience
Senior Data Analyst - Spotify   2020 - Present
- Advanced SQL on Snowflake; dbt models; Tableau dashboards for product teams
- A/B testing and regression analysis in Python (pandas, statsmodels)
Data Analyst - Nielsen   2017 - 2020
Education: BSc Statistics""",
        "marketing_strong": """Chloe Adams
Digital Marketing Manager
Experience
Digital Marketing Manager - Peloton   2019 - Present
- Ran paid search and paid social campaigns (Google Ads, Meta Ads) with a $2M budget; SEO roadmap
- Email nurture programs in HubSpot; weekly reporting in Google Analytics
Marketing Coordinator - REI   2016 - 2019""",
        "customer_service_strong": """Maya Johnson
Customer Service Representative
Experience
Customer Service Representative - Comcast Call Center   2021 - Present
- Answer 60+ inbound calls and chats a day; resolve billing and order issues; notes in Salesforce
Customer Support Agent - Zappos   2019 - 2021
- Email and chat support in Zendesk""",
        "medical_assistant_strong": """Rosa Diaz
Certified Medical Assistant
Experience
Medical Assistant - Kaiser Permanente Family Clinic   2020 - Present
- Vital signs, injections, phlebotomy and EKGs; patient intake and charting in Epic
Front Desk Receptionist - Smile Dental   2018 - 2020
Certifications: CMA (AAMA); BLS""",
    }
)

CVS.update(
    {
        "zookeeper_strong": """Hannah Wells
Zookeeper
Experience
Senior Keeper, Primates - Chester Zoo   2019 - Present
- Daily husbandry for chimpanzees and orangutans: diet preparation, enclosure cleaning, enrichment
- Behaviour and health monitoring with the vet team; keeper talks for visitors
Animal Keeper - Twycross Zoo   2016 - 2019""",
        "florist_strong": """Lily Chen
Florist
Experience
Senior Florist - Bloom & Wild Studio   2020 - Present
- Bouquets, wedding flowers and funeral tributes; conditioning stock on delivery; shop customer advice
Junior Florist - Petals Flower Shop   2018 - 2020
Qualifications: Level 3 Diploma in Floristry""",
        "locksmith_strong": """Mark Evans
Locksmith
Experience
Mobile Locksmith - KeyPro Services   2018 - Present
- Lock installation, repair and rekeying; key cutting; residential, auto and commercial lockouts
- Fitting access control and master key systems
Apprentice Locksmith - City Locks   2016 - 2018
Own fully equipped van""",
        "sommelier_strong": """Pierre Laurent
Sommelier
Experience
Head Sommelier - The Ledbury (fine dining)   2019 - Present
- Wine list of 900 references and cellar management; food and wine pairing advice; floor staff training
Assistant Sommelier - Hotel du Vin   2016 - 2019
Qualifications: WSET Level 3 Award in Wines; Court of Master Sommeliers Certified""",
    }
)

CVS.update(
    {
        "construction_pm_strong": "Daniel Ortiz\nConstruction Project Manager\nExperience\nProject Manager - Turner Construction   2018 - Present\n- Delivered $40M commercial office and retail builds; budgets, schedules, subcontractor management\n- OAC meetings, RFIs, submittals and change orders in Procore; schedules in MS Project\nAssistant Project Manager - Skanska   2015 - 2018\nEducation: BS Construction Management, Purdue University\nCertifications: OSHA 30, PMP",
        "store_manager_strong": "Karen Lee\nStore Manager\nExperience\nStore Manager - H&M   2020 - Present\n- Lead team of 22; grew sales 12% year over year; inventory control and visual merchandising; payroll\nAssistant Store Manager - Gap   2017 - 2020\nSales Associate - Gap   2015 - 2017",
        "pharmacist_strong": "Dr. Amir Shah, PharmD\nStaff Pharmacist\nExperience\nPharmacist - CVS Pharmacy   2019 - Present\n- Verify and dispense 300 prescriptions a day; drug interaction reviews; immunizations\nPharmacy Intern - Cleveland Clinic   2017 - 2019\nEducation: Doctor of Pharmacy (PharmD), Ohio State University\nLicense: Ohio Registered Pharmacist (RPh)",
        "social_worker_strong": "Tanya Brooks, LCSW\nSocial Worker\nExperience\nChild Welfare Social Worker - County Department of Children and Family Services   2019 - Present\n- Case management for 18 families; home visits, risk assessments, service plans; court reports\nCase Manager - YMCA Family Services   2016 - 2019\nEducation: Master of Social Work (MSW), University of Michigan\nLicense: LCSW, Michigan",
        "financial_analyst_strong": "Arjun Mehta\nFinancial Analyst\nExperience\nSenior Financial Analyst, FP&A - Medtronic   2021 - Present\n- Annual budget and monthly forecasts; variance analysis for the CFO; driver-based financial models in Excel\n- Hyperion Planning; SQL queries for revenue data\nFinancial Analyst - Deloitte   2019 - 2021\nEducation: BS Finance, University of Minnesota",
    }
)

# Non-zero grades; every other (job, cv) pair is graded 0.
RELATED: dict[tuple[str, str], int] = {
    ("icu_nurse", "nurse_strong"): 3,
    ("icu_nurse", "nurse_new_grad"): 2,
    ("icu_nurse", "cna"): 1,
    ("warehouse", "warehouse_strong"): 3,
    ("warehouse", "warehouse_no_cert"): 2,
    ("warehouse", "truck_driver_strong"): 1,
    ("software", "software_strong"): 3,
    ("software", "devops"): 2,
    ("software", "software_junior_js"): 1,
    ("accountant", "accountant_strong"): 3,
    ("accountant", "bookkeeper"): 2,
    ("chef", "chef_strong"): 3,
    ("chef", "server"): 1,
    ("teacher", "teacher_strong"): 3,
    ("teacher", "teaching_assistant"): 1,
    ("truck_driver", "truck_driver_strong"): 3,
    ("truck_driver", "warehouse_strong"): 1,
    ("hr", "hr_strong"): 3,
    ("hr", "recruiter"): 1,
    ("electrician", "electrician_strong"): 3,
    ("electrician", "construction_laborer"): 1,
    ("pilot", "pilot_strong"): 3,
    ("paralegal", "paralegal_strong"): 3,
    ("graphic_designer", "designer_strong"): 3,
    ("sales", "sales_strong"): 3,
    ("sales", "recruiter"): 1,
    ("dental_assistant", "dental_assistant_strong"): 3,
    ("dental_assistant", "cna"): 1,
}

RELATED.update(
    {
        ("nurse_prose", "nurse_strong"): 3,
        ("nurse_prose", "nurse_new_grad"): 2,
        ("nurse_prose", "cna"): 1,
        ("chef_prose", "chef_strong"): 3,
        ("chef_prose", "server"): 1,
        ("driver_prose", "truck_driver_strong"): 3,
        ("driver_prose", "warehouse_strong"): 1,
        ("accountant_prose", "accountant_strong"): 3,
        ("accountant_prose", "bookkeeper"): 2,
        ("teacher_prose", "teacher_strong"): 3,
        ("teacher_prose", "teaching_assistant"): 1,
        ("developer_prose", "software_strong"): 3,
        ("developer_prose", "software_junior_js"): 2,
        ("developer_prose", "devops"): 2,
        ("warehouse_prose", "warehouse_strong"): 3,
        ("warehouse_prose", "warehouse_no_cert"): 2,
        ("warehouse_prose", "truck_driver_strong"): 1,
        ("electrician_prose", "electrician_strong"): 3,
        ("electrician_prose", "construction_laborer"): 1,
    }
)


RELATED.update(
    {
        ("flight_attendant", "flight_attendant_strong"): 3,
        ("flight_attendant", "server"): 1,
        ("aircraft_mechanic", "aircraft_mechanic_strong"): 3,
        ("aircraft_mechanic", "auto_mechanic_strong"): 1,
        ("auto_mechanic", "auto_mechanic_strong"): 3,
        ("auto_mechanic", "aircraft_mechanic_strong"): 1,
        ("front_desk", "front_desk_strong"): 3,
        ("front_desk", "customer_service_strong"): 1,
        ("bank_teller", "bank_teller_strong"): 3,
        ("bank_teller", "customer_service_strong"): 1,
        ("it_support", "it_support_strong"): 3,
        ("it_support", "devops"): 1,
        ("data_analyst", "data_analyst_strong"): 3,
        ("data_analyst", "software_strong"): 1,
        ("marketing", "marketing_strong"): 3,
        ("customer_service", "customer_service_strong"): 3,
        ("customer_service", "bank_teller_strong"): 1,
        ("customer_service", "front_desk_strong"): 1,
        ("medical_assistant", "medical_assistant_strong"): 3,
        ("medical_assistant", "cna"): 1,
        ("medical_assistant", "dental_assistant_strong"): 1,
        ("icu_nurse", "medical_assistant_strong"): 1,
        ("nurse_prose", "medical_assistant_strong"): 1,
        ("dental_assistant", "medical_assistant_strong"): 1,
        ("sales", "marketing_strong"): 1,
        ("software", "data_analyst_strong"): 1,
        ("developer_prose", "data_analyst_strong"): 1,
        ("medical_assistant", "nurse_new_grad"): 1,
        ("aircraft_mechanic", "pilot_strong"): 1,
        ("pilot", "aircraft_mechanic_strong"): 1,
        ("medical_assistant", "nurse_strong"): 1,
    }
)


RELATED.update(
    {
        ("zookeeper", "zookeeper_strong"): 3,
        ("florist", "florist_strong"): 3,
        ("locksmith", "locksmith_strong"): 3,
        ("sommelier", "sommelier_strong"): 3,
        ("sommelier", "server"): 1,
        ("sommelier", "chef_strong"): 1,
    }
)


RELATED.update(
    {
        ("construction_pm", "construction_pm_strong"): 3,
        ("construction_pm", "construction_laborer"): 1,
        ("construction_pm", "electrician_strong"): 1,
        ("store_manager", "store_manager_strong"): 3,
        ("store_manager", "warehouse_no_cert"): 1,
        ("pharmacist", "pharmacist_strong"): 3,
        ("social_worker", "social_worker_strong"): 3,
        ("financial_analyst", "financial_analyst_strong"): 3,
        ("financial_analyst", "accountant_strong"): 1,
        ("financial_analyst", "data_analyst_strong"): 1,
        ("accountant", "financial_analyst_strong"): 1,
        ("accountant_prose", "financial_analyst_strong"): 1,
        ("data_analyst", "financial_analyst_strong"): 1,
        ("electrician", "construction_pm_strong"): 1,
        ("sales", "store_manager_strong"): 1,
        ("store_manager", "bank_teller_strong"): 1,
        ("bank_teller", "store_manager_strong"): 1,
    }
)


def grade(job: str, cv: str) -> int:
    return RELATED.get((job, cv), 0)


# ----------------------------------------------------------------------------- prose set (2026-11)
# Occupations the cases above covered weakly. Each job is plain prose as a recruiter pastes it (a
# summary and duties, no requirement list); each has an ideal CV written in other words than the
# job, a CV with the right title but too few years or a missing credential, and a neighbouring
# occupation. Every other CV in the set is the unrelated case.
PROSE_JOBS: dict[str, str] = {
    "security_officer": """Security Officer
We protect a busy downtown office tower and are adding a Security Officer to our day team. You will patrol the building and car park on foot, watch the CCTV cameras from the control room, check visitors and contractors in at the front desk and issue badges, respond to alarms and medical calls, and write clear incident reports. A state security guard licence is required, along with about two years of security experience; first aid training helps.""",
    "custodian": """School Custodian
The district is hiring a full-time custodian for an elementary school. Each evening you will clean and disinfect classrooms, restrooms and hallways, empty trash and recycling, restock supplies, and look after the floors (sweeping, mopping, stripping and waxing, buffing with a floor machine). You will handle cleaning chemicals safely and report repairs to the head custodian. A year of commercial cleaning or janitorial work is expected.""",
    "preschool_teacher": """Preschool Teacher
Little Acorns Early Learning Center is looking for a preschool teacher for our room of three and four year olds. You will plan play-based activities that build early literacy, numbers and social skills, supervise the children at all times, observe and record each child's development, keep the room safe and clean, and talk with families every day at drop-off and pick-up. We ask for a CDA credential or an associate degree in early childhood education, two years working with young children in a licensed center, and current pediatric CPR and first aid.""",
    "home_care_aide": """Home Care Aide
Join our home care agency and help older adults stay independent in their own homes. Our aides visit clients on a regular schedule and help with bathing, dressing, toileting and getting around, give medication reminders, prepare meals, do light housekeeping, keep clients company and note any change in their condition in the visit log. You will need at least a year of caregiving experience, a valid driver's license and your own car; a home health aide certificate is welcome.""",
    "dairy_farmhand": """Dairy Farm Worker
Family dairy with 400 Holstein cows looking for a full-time farmhand. The job covers milking shifts in our parlor, feeding and bedding cows and calves, watching the herd for signs of illness or heat and helping the vet, cleaning barns, and driving the tractor and skid steer. Some fence and equipment repair. Experience handling livestock on a farm is required; early mornings and weekends on a rota.""",
    "wind_technician": """Wind Turbine Technician
We service a 120-turbine wind farm and need a wind turbine technician. You will climb towers up to 90 meters, carry out scheduled maintenance on gearboxes, generators and pitch and yaw systems, troubleshoot electrical, hydraulic and mechanical faults, torque and tension bolts, and keep the work orders up to date. You should hold GWO Basic Safety Training and have two or more years on turbines or in industrial electrical maintenance.""",
    "lab_technician": """Quality Control Laboratory Technician
Our pharmaceutical plant needs a QC laboratory technician on the day shift. You will test raw materials, in-process samples and finished products using HPLC, GC, UV spectroscopy, Karl Fischer and wet chemistry, calibrate and maintain the instruments, record results under GMP and good documentation practice, and flag any out-of-specification result to the supervisor. A bachelor's degree in chemistry or a related science and at least two years of laboratory experience are needed.""",
    "cnc_machinist": """CNC Machinist
A precision machine shop making aerospace parts needs a CNC machinist for second shift. You will set up and run 3- and 5-axis CNC mills and lathes, read blueprints and GD&T, choose tooling and offsets, edit G-code at the control, and check parts with micrometers, calipers and height gauges. Around three years of CNC machining experience is expected.""",
    "barista": """Barista
Our specialty coffee shop is hiring a barista for mornings and weekends. You will pull espresso shots and steam milk for lattes and cappuccinos, brew pour-overs, take orders at the till and handle cash, keep the bar clean and stocked, and open or close the shop. Six months of barista experience preferred and a food handler card.""",
    "payroll_specialist": """Payroll Specialist
We run payroll in-house for 900 employees in three states and need a payroll specialist. You will process the bi-weekly and monthly payroll in ADP Workforce Now, enter new hires, terminations, garnishments and deductions, reconcile payroll to the general ledger, file quarterly payroll taxes and W-2s, and answer employees' pay questions. Three years of multi-state payroll processing is required; the CPP certification is a plus.""",
    "ux_designer": """UX Designer
Our product team is looking for a UX designer to shape a B2B scheduling app. You will interview and observe users, map journeys, sketch wireframes, build interactive prototypes in Figma, run usability tests and turn the findings into designs, and contribute to our design system alongside engineers and product managers. We expect three years of UX or product design work and a portfolio that shows your process.""",
    "dispatcher": """Truck Dispatcher
Our regional carrier runs 60 trucks and needs a dispatcher. You will assign loads to drivers and plan their routes, track every shipment in the TMS and by phone, keep drivers within hours of service, update customers and brokers on pickup and delivery times, and solve breakdowns and delays as they happen. Two years of dispatch experience in trucking is required.""",
}

PROSE_CVS: dict[str, str] = {
    "security_strong": """Marcus Bell
Protection Officer
Work history
Protection Officer, Allied Universal - City Center Plaza    Feb 2021 - Present
- Foot patrols of a 40-floor tower and parking garage; surveillance camera monitoring in the command center
- Visitor and contractor sign-in, ID badges and access control at the lobby desk
- First responder to fire alarms and medical emergencies; detailed daily activity and incident logs
Loss Prevention Associate, Macy's    2019 - 2021
Licences: State guard card (active); CPR and First Aid""",
    "security_junior": """Dana Ortiz
Security Guard
Experience
Security Guard, Securitas (event venue)    May 2026 - Present
- Bag checks and crowd control at the entrance, patrols of the venue, incident reports
Crew Member, Chipotle    2024 - 2026
Licence: security guard license (state), issued 2026""",
    "concierge": """Paul Nguyen
Residential Concierge
Experience
Lobby Concierge, The Meridian Apartments    2020 - Present
- Greet residents and visitors, sign for packages, answer phones, book amenities
- Keep the lobby log and call building maintenance about issues
Front Desk Agent, Holiday Inn    2018 - 2020""",
    "custodian_strong": """Gloria Santos
Environmental Services Technician
Experience
EVS Technician, Riverside Medical Center    2019 - Present
- Sanitize patient rooms, bathrooms and corridors to infection-control standards
- Strip, refinish and burnish floors with auto-scrubbers and high-speed burnishers
- Remove waste and recycling; refill soap, paper and supplies; SDS and chemical dilution training
Housekeeper, Marriott    2017 - 2019""",
    "custodian_new": """Tony Reyes
Janitor
Experience
Janitor (part-time), CleanRite Services    Aug 2026 - Present
- Evening office cleaning: vacuuming, mopping, emptying bins, cleaning restrooms
Stock Associate, Target    2023 - 2026""",
    "groundskeeper": """Eddie Walsh
Groundskeeper
Experience
Groundskeeper, Oak Hills Golf Club    2018 - Present
- Mow fairways and greens, trim hedges, irrigation repairs, leaf and snow removal
- Maintain mowers and small engines
Landscape Laborer, GreenScape    2015 - 2018""",
    "preschool_strong": """Hannah Clarke
Early Years Educator
Experience
Lead Educator, Bright Horizons Child Care Center (3-5 year olds)    2020 - Present
- Design play-based learning for pre-K: phonics games, counting, circle time, outdoor play
- Observe and document each child's milestones; daily conversations with parents
- Keep ratios, supervise the classroom and playground, follow licensing health and safety rules
Assistant Teacher, KinderCare    2018 - 2020
Qualifications: Child Development Associate (CDA); Pediatric First Aid and CPR""",
    "nanny": """Olivia Brooks
Nanny
Experience
Full-time Nanny, private family (twins aged 1 to 4)    2023 - Present
- Daily routines, meals, naps, reading and crafts, trips to the park and library
Babysitter, various families    2021 - 2023
Certifications: Infant and child CPR""",
    "home_care_strong": """Grace Mensah
Caregiver
Experience
Personal Care Assistant, Comfort Keepers    2021 - Present
- Visit 6 elderly clients a week at home: help with showering, grooming, dressing and transfers
- Medication prompts, cooking meals, laundry and tidying; companionship and walks
- Record each visit and report changes in health to the care coordinator
Support Worker, Sunrise Assisted Living    2019 - 2021
Valid driver's licence with own car; HHA certificate; CPR""",
    "companion_volunteer": """Beth Harlow
Companion Caregiver
Experience
Companion Caregiver, Visiting Angels    Jul 2026 - Present
- Companionship, meal preparation and errands for two seniors
Retail Associate, Kohl's    2022 - 2026
Driver's license""",
    "dairy_strong": """Jake Miller
Herdsman
Experience
Herdsman, Green Valley Dairy (650 cows)    2019 - Present
- Run the milking parlor shifts, teat dipping and mastitis checks
- Feed rations and bed freestalls; calf rearing; heat detection and assisting the veterinarian with treatments
- Operate tractors, skid steer and feed mixer; fix fences and water lines
Farm Hand, family beef farm    2015 - 2019""",
    "crop_laborer": """Miguel Soto
Agricultural Worker
Experience
Field Worker, Sunny Fields Produce    2020 - Present
- Planting, weeding and harvesting vegetables; packing crates; irrigation lines
- Drive tractor for bed preparation
Seasonal Orchard Picker, Apple Hill Orchards    2018 - 2020""",
    "wind_strong": """Sam Porter
Wind Technician II
Experience
Wind Technician II, NextEra Energy Resources    2021 - Present
- Climb 80-100 m towers; preventive maintenance on gearboxes, generators, pitch and yaw systems
- Fault-find electrical, hydraulic and mechanical issues; torque and tension bolts; close work orders in SAP
Certifications: GWO Basic Safety Training (Working at Heights, First Aid, Manual Handling, Fire Awareness); NFPA 70E""",
    "wind_graduate": """Ava Turner
Wind Turbine Technician
Experience
Wind Turbine Technician Trainee, Vestas    Jun 2026 - Present
- Assist senior techs with scheduled maintenance and climbs
Education
Associate of Applied Science, Wind Energy Technology, 2024 - 2026
Certifications: GWO BST""",
    "maintenance_electrician": """Rick Dalton
Industrial Maintenance Electrician
Experience
Maintenance Electrician, Nucor Steel    2017 - Present
- Troubleshoot motors, VFDs, PLC controls and hydraulic presses; preventive maintenance program
- Lockout/tagout, arc flash safe work
Electrician Apprentice, Local 48    2013 - 2017""",
    "lab_strong": """Nina Patel
QC Analyst
Experience
QC Analyst, Teva Pharmaceuticals    2020 - Present
- Assay and impurity testing of raw materials and finished dosage forms by HPLC and gas chromatography
- Water content by KF titration, UV-Vis, pH and dissolution; instrument calibration and upkeep
- cGMP documentation, ALCOA+ data integrity, OOS investigations with QA
Education
B.S. Chemistry, Rutgers University, 2016 - 2020""",
    "lab_graduate": """Leo Fischer
Laboratory Technician
Experience
Laboratory Technician, Catalent    Mar 2026 - Present
- Sample preparation and wet chemistry tests under GMP
Research Intern, university organic chemistry lab    2025
Education
B.S. Biochemistry, Penn State, 2021 - 2025""",
    "pharmacy_tech": """Carla Diaz
Pharmacy Technician
Experience
Certified Pharmacy Technician, CVS Pharmacy    2019 - Present
- Fill and label prescriptions, count medications, process insurance claims, inventory of drugs
Certifications: PTCB CPhT""",
    "cnc_strong": """Derek Young
CNC Programmer / Operator
Experience
CNC Programmer/Operator, Precision Aero Components    2019 - Present
- Set up Haas and Mazak 5-axis machining centers and turning centers; tool offsets and work offsets
- Interpret engineering drawings with geometric tolerancing; edit programs at the Fanuc control
- Inspect first articles with mics, calipers, bore gauges and the CMM
Machine Operator, Parker Hannifin    2017 - 2019""",
    "machine_operator": """Kyle Brandt
CNC Operator
Experience
CNC Operator, Midwest Fabrication    Jan 2026 - Present
- Load parts, run programs, deburr and measure with calipers
Warehouse Associate, UPS    2023 - 2025""",
    "welder": """Jose Ramirez
Welder / Fabricator
Experience
Welder-Fabricator, Steel Structures Inc.    2016 - Present
- MIG, TIG and stick welding of structural steel; read welding blueprints; cut with plasma and torch
Certifications: AWS D1.1""",
    "barista_strong": """Mia Rossi
Coffee Bar Lead
Experience
Head Barista, Blue Bottle Coffee    2022 - Present
- Dial in espresso each morning; steamed milk and latte art; pour-over and batch brew
- Point-of-sale and cash counts; opening and closing checklists; train new baristas
Cafe Team Member, Pret A Manger    2020 - 2022
Food handler certificate""",
    "barista_new": """Sophie Lane
Barista
Experience
Barista (weekends), Corner Bean Cafe    Sep 2026 - Present
- Make espresso drinks, take orders, clean the bar
Student, Community College    2024 - Present""",
    "fast_food": """Tyler Grant
Crew Member
Experience
Crew Member, McDonald's    2022 - Present
- Take orders at the register and drive-thru, cook on the grill, keep the lobby clean
Food handler card""",
    "payroll_strong": """Angela Moore
Payroll Administrator
Experience
Payroll Administrator, Regional Health Systems (1,200 staff, 4 states)    2019 - Present
- Run weekly and semi-monthly pay runs in ADP; onboarding and termination changes, wage garnishments, benefit deductions
- Payroll-to-GL reconciliations; quarterly 941 and state unemployment filings; year-end W-2 processing
- First point of contact for employee pay queries
Payroll Clerk, Paychex    2017 - 2019
Certified Payroll Professional (CPP)""",
    "payroll_junior": """Brian Cho
Payroll Specialist
Experience
Payroll Specialist, Lakeside Foods    Feb 2026 - Present
- Enter timesheets and process bi-weekly payroll in ADP for one state
Accounts Payable Clerk, Lakeside Foods    2024 - 2026""",
    "ux_strong": """Lena Vogel
Product Designer
Experience
Product Designer, Calendly-like SaaS startup    2021 - Present
- Lead user interviews and contextual inquiry; journey maps and personas
- Low- and high-fidelity mockups and clickable prototypes in Figma; moderated usability sessions
- Built and maintain the component library with front-end engineers
Interaction Designer, agency    2019 - 2021
Portfolio: lenavogel.design""",
    "ux_bootcamp": """Omar Farouk
UX Designer
Experience
UX Designer (contract), local nonprofit    Apr 2026 - Present
- Wireframes and Figma prototypes for the donation flow; five usability tests
Education
Google UX Design Certificate, 2025
Barista, Starbucks    2022 - 2026""",
    "dispatch_strong": """Karen Liu
Fleet Coordinator
Experience
Fleet Coordinator / Load Planner, Heartland Express    2020 - Present
- Match freight to a fleet of 45 tractor-trailers and plan routes; track loads in McLeod TMS and ELD
- Monitor driver HOS and DOT compliance; arrange repairs for breakdowns on the road
- Keep shippers and brokers updated on ETAs and appointment changes
Customer Service Rep, XPO Logistics    2018 - 2020""",
    "dispatch_junior": """Ryan Cole
Dispatcher
Experience
Dispatcher, Quick Freight LLC    Jun 2026 - Present
- Assign local deliveries to 8 box trucks, call drivers, update the load board
Driver Helper, Quick Freight LLC    2024 - 2026""",
}

JOBS.update(PROSE_JOBS)
CVS.update(PROSE_CVS)

PROSE_RELATED: dict[tuple[str, str], int] = {
    ("security_officer", "security_strong"): 3,
    ("security_officer", "security_junior"): 2,
    ("security_officer", "concierge"): 1,
    ("custodian", "custodian_strong"): 3,
    ("custodian", "custodian_new"): 2,
    ("custodian", "groundskeeper"): 1,
    ("preschool_teacher", "preschool_strong"): 3,
    ("preschool_teacher", "nanny"): 2,
    ("preschool_teacher", "teaching_assistant"): 1,
    ("preschool_teacher", "teacher_strong"): 1,
    ("home_care_aide", "home_care_strong"): 3,
    ("home_care_aide", "cna"): 2,  # the job requires a driver's license, the CV shows none
    ("home_care_aide", "companion_volunteer"): 2,
    ("home_care_aide", "nanny"): 1,
    ("home_care_aide", "medical_assistant_strong"): 1,
    ("dairy_farmhand", "dairy_strong"): 3,
    ("dairy_farmhand", "crop_laborer"): 2,
    ("dairy_farmhand", "groundskeeper"): 1,
    ("wind_technician", "wind_strong"): 3,
    ("wind_technician", "wind_graduate"): 2,
    ("wind_technician", "maintenance_electrician"): 1,
    ("wind_technician", "electrician_strong"): 1,
    ("lab_technician", "lab_strong"): 3,
    ("lab_technician", "lab_graduate"): 2,
    ("lab_technician", "pharmacy_tech"): 1,
    ("cnc_machinist", "cnc_strong"): 3,
    ("cnc_machinist", "machine_operator"): 2,
    ("cnc_machinist", "welder"): 1,
    ("barista", "barista_strong"): 3,
    ("barista", "barista_new"): 2,
    ("barista", "fast_food"): 1,
    ("barista", "server"): 1,
    ("payroll_specialist", "payroll_strong"): 3,
    ("payroll_specialist", "payroll_junior"): 2,
    ("payroll_specialist", "bookkeeper"): 1,
    ("payroll_specialist", "hr_strong"): 1,
    ("payroll_specialist", "accountant_strong"): 1,
    ("ux_designer", "ux_strong"): 3,
    ("ux_designer", "ux_bootcamp"): 2,
    ("ux_designer", "designer_strong"): 1,
    ("dispatcher", "dispatch_strong"): 3,
    ("dispatcher", "dispatch_junior"): 2,
    ("dispatcher", "truck_driver_strong"): 1,
    ("dispatcher", "customer_service_strong"): 1,
    # The new CVs seen from the older jobs.
    ("warehouse", "machine_operator"): 1,
    ("warehouse_prose", "machine_operator"): 1,
    ("chef", "fast_food"): 1,
    ("chef_prose", "fast_food"): 1,
    ("teacher", "preschool_strong"): 1,
    ("teacher_prose", "preschool_strong"): 1,
    ("front_desk", "concierge"): 1,
    ("electrician", "maintenance_electrician"): 2,
    ("electrician_prose", "maintenance_electrician"): 2,
    ("pharmacist", "pharmacy_tech"): 1,
    ("graphic_designer", "ux_strong"): 1,
    ("hr", "payroll_strong"): 1,
    ("truck_driver", "dispatch_strong"): 1,
    ("driver_prose", "dispatch_strong"): 1,
    ("accountant", "payroll_strong"): 1,
    ("accountant_prose", "payroll_strong"): 1,
    ("chef", "barista_strong"): 1,
    ("chef_prose", "barista_strong"): 1,
    ("sommelier", "barista_strong"): 1,
}
RELATED.update(PROSE_RELATED)
