# ruff: noqa: E501 - one concept per line reads better than wrapped synonym lists
"""The cross-industry lexicon, written for CVMatch: one concept per line.

Format: ``id | category | domains | synonym; synonym; ...``
- category: title (a job title), skill, tool, cred (licence or certification), edu, soft
- domains: the occupations the concept signals (space separated); "general" signals none.
A synonym written "*crm" is the name of the whole class: any member (Salesforce, HubSpot) proves it; a
synonym without it names one member, proven only by itself or its abbreviation.
Synonyms are matched on lower-cased, lightly stemmed words, so plurals need not be listed.
Synonyms joined by "=" ("month-end close = monthly close") are one thing written several ways: when a job
names one, any of them proves it (a named member is otherwise proven only by itself).
"""

LEXICON = r"""
# ---------------------------------------------------------------- healthcare
registered_nurse | title | health nursing | registered nurse; RN; staff nurse; charge nurse; clinical nurse; nurse; nursing; bsn nurse; travel nurse; floor nurse
lpn | title | health nursing | licensed practical nurse; lpn; lvn; licensed vocational nurse; practical nurse
nurse_practitioner | title | health nursing | nurse practitioner; NP; aprn; fnp; family nurse practitioner
cna | title | health nursing care | certified nursing assistant; cna; nursing assistant; nurse aide; nursing aide; patient care technician; patient care assistant; PCT; healthcare assistant; health care assistant; HCA
caregiver | title | care | caregiver; carer; care worker; personal care assistant; home health aide; HHA; support worker; care assistant; personal support worker; direct support professional; DSP; home care
physician | title | health | physician; doctor; medical doctor; general practitioner; GP; hospitalist; resident physician; attending physician; surgeon
physician_assistant | title | health | physician assistant; pa-c
pharmacist | title | health pharmacy | pharmacist; pharmd; clinical pharmacist
pharmacy_tech | title | health pharmacy | pharmacy technician; pharmacy tech; cpht; pharmacy assistant
medical_assistant | title | health | medical assistant; cma; clinical assistant; rma
medical_receptionist | title | health admin | medical receptionist; medical secretary; patient services coordinator; patient services representative; patient access representative; patient access specialist; patient coordinator; medical front desk; medical office assistant; clinic receptionist; dental receptionist; ward clerk; unit clerk; unit secretary; patient registration; gp receptionist; practice receptionist
respiratory_therapist | title | health therapy | respiratory therapist; rrt; respiratory care practitioner; respiratory therapy
surgical_tech | title | health | surgical technologist; surgical technician; scrub tech; scrub technician; operating department practitioner; odp; sterile processing technician
optician | title | health optical | optician; dispensing optician; optometrist; optical assistant; ophthalmic technician
dental_assistant | title | health dental | dental assistant; dental nurse; rda; dental assisting; chairside assistant; chairside assisting
dental_hygienist | title | health dental | dental hygienist; hygienist; rdh
dentist | title | health dental | dentist; dds; dmd; dental surgeon
physical_therapist | title | health therapy | physical therapist; physiotherapist; dpt; physical therapy; physiotherapy
occupational_therapist | title | health therapy | occupational therapist; occupational therapy
paramedic | title | health emergency | paramedic; emt; emergency medical technician; ambulance technician; emt-b; emt-p
radiographer | title | health | radiographer; radiologic technologist; x-ray technician; rad tech; sonographer; mri technologist; ct technologist
lab_tech | title | health science | medical laboratory technician; lab technician; laboratory technician; medical technologist; mlt; mls; phlebotomist; phlebotomy; qc analyst; quality control analyst; qc laboratory technician; qc lab technician; laboratory analyst; lab analyst; qc chemist; analytical chemist; research technician; lab assistant; laboratory assistant
medical_coder | title | health admin | medical coder; medical biller; medical billing; medical coding; icd-10; cpt coding; coding specialist; health information technician
psychologist | title | health social | psychologist; therapist; counsellor; counselor; mental health counselor; clinical psychologist
social_worker | title | social | social worker; case manager; case management; caseworker; case worker; family support worker; child protection worker; youth worker; youth support worker
patient_care | skill | health nursing care | patient care; patient assessment; patient assessments; bedside care; direct patient care; patient safety; patient education; vital signs; vitals; triage; care plan; care plans; nursing care; wound care; discharge planning; admission; admissions
medication_admin | skill | health nursing pharmacy | medication administration; administer medication; administering medication; administered medication; medication management; medication pass; iv therapy; iv insertion; intravenous; injections; infusion
icu | skill | health nursing | icu; intensive care; critical care; ccu; micu; sicu; nicu; picu
emergency_dept | skill | health nursing emergency | emergency department; emergency room; ER; ed nurse; trauma; emergency care; emergency nursing
med_surg | skill | health nursing | medical surgical; med surg; med-surg; telemetry; step down; progressive care
peds_ob | skill | health nursing | pediatrics; paediatrics; pediatric; labor and delivery; obstetrics; maternity; neonatal; l&d; postpartum; midwifery; midwife
oncology | skill | health | oncology; chemotherapy; cancer care; palliative; hospice; end of life care
surgery_or | skill | health nursing | operating room; perioperative; surgical; or nurse; scrub nurse; post anesthesia; pacu; anesthesia
geriatrics | skill | health care | geriatric; geriatrics; elderly care; elder care; aged care; long term care; nursing home; dementia care; dementia; alzheimer; assisted living; skilled nursing
ehr | tool | health | *electronic health record; *electronic health records; *ehr; *emr; *electronic medical record; epic; cerner; meditech; allscripts; athenahealth; pointclickcare; eclinicalworks
hipaa | skill | health | hipaa; patient confidentiality; phi
infection_control | skill | health care | infection control; infection prevention; sterile technique; aseptic technique; sterilization; PPE
rn_licence | cred | health nursing | rn license; rn licence; registered nurse license; nursing license; nursing licence; state board of nursing; nclex; nclex-rn; compact license; nmc registration; nmc pin; active rn; licensed registered nurse; licensed rn; rn licensed; registered nurse rn licensed; registered nurse licensed; licensed as a registered nurse; licensed as an rn; rn with active license; rn with active licence
lpn_licence | cred | health nursing | lpn license; lvn license; nclex-pn
bls | cred | health emergency | bls; basic life support; cpr; cardiopulmonary resuscitation; cpr certification; cpr certified; cpr/aed; aed; first aid; first aid certificate; first aid certified; pediatric cpr; pediatric first aid; pediatric first aid and cpr; infant cpr; child cpr; infant and child cpr; cpr and first aid; first aid and cpr; emergency first aid
acls | cred | health nursing emergency | acls; advanced cardiac life support; advanced cardiovascular life support
pals | cred | health nursing | pals; pediatric advanced life support; nrp; neonatal resuscitation
cna_cert | cred | health care | cna certification; cna license; certified nurse aide; state tested nursing assistant; stna; cna certificate
emt_cert | cred | health emergency | emt certification; nremt; emt-basic certification; paramedic license; paramedic certification
pharmacy_licence | cred | health pharmacy | pharmacist license; registered pharmacist; rph; ptcb; pharmacy technician certification; naplex
medical_degree | edu | health | doctor of medicine; mbbs; md degree; medical degree; medical school
nursing_degree | edu | health nursing | bachelor of science in nursing; bachelor of science nursing; bachelor of nursing; bachelors in nursing; bachelor in nursing; b.s. in nursing; bs in nursing; b.s.n; bsn; adn; associate degree in nursing; msn; master of science in nursing; diploma in nursing; nursing degree; nursing school

# ---------------------------------------------------------------- logistics, warehouse, transport
warehouse_worker | title | logistics | warehouse associate; warehouse worker; warehouse operative; warehouse assistant; warehouse clerk; picker; packer; order picker; material handler; materials handler; fulfillment associate; fulfilment associate; shipping and receiving; receiving clerk; shipping clerk; stocker; stock handler; warehouse operative; laborers and freight; material mover; material movers; freight handler; stock mover; hand laborer; inventory specialist; inventory clerk; stock controller
forklift_operator | title | logistics | forklift operator; forklift driver; lift truck operator; reach truck operator; forklift; forklifts; fork lift; reach truck; pallet jack; order picker truck; powered industrial truck; counterbalance; electric pallet jack; cherry picker; telehandler; flt operator; flt driver; counterbalance operator; forklift truck driver
forklift_cert | cred | logistics | forklift certification; forklift certified; forklift license; forklift licence; forklift certificate; osha forklift; pit certification; powered industrial truck certification; certified forklift; licensed forklift; rtitb; forklift operator certification; forklift operator license; forklift training; forklift trained; reach truck license; reach truck certification; counterbalance license; flt license; forklift truck license; lift truck certification; certified forklift operator; certified forklift driver; pallet jack certified; forklift card
truck_driver | title | transport logistics | truck driver; lorry driver; hgv driver; cdl driver; delivery driver; tractor trailer; semi truck; long haul; otr driver; route driver; van driver; courier; commercial driver; trucking; 18 wheeler
passenger_driver | title | transport | bus driver; coach driver; school bus driver; bus operator; transit operator; taxi driver; chauffeur; rideshare driver; private hire driver; shuttle driver; train driver; train conductor; train operator
cdl | cred | transport | cdl; commercial driver's license; commercial drivers license; commercial driver license; cdl-a; cdl a; class a cdl; class a license; class b cdl; cdl-b; hgv licence; hgv license; lgv licence; cpc card; driver cpc; hazmat endorsement; tanker endorsement; class a commercial license; class a commercial licence; class a commercial driver; class a driver; class b driver; class a driver license; class a driving license; class a cdl holder; cdl holder; cdl class a; cdl class b
driving_licence | cred | transport general | driver's license; drivers license; driving licence; driving license; valid driver license; valid license; clean driving record; clean driving licence; full uk driving licence
dot_compliance | skill | transport | dot regulations; dot compliance; fmcsa; hours of service; eld; electronic logging; pre-trip inspection; pre trip inspection; post-trip inspection; vehicle inspection; dvir; logbook
logistics_coord | title | logistics | logistics coordinator; logistics specialist; logistics manager; supply chain; supply chain coordinator; supply chain manager; freight; freight broker; shipping coordinator; import export; procurement; purchasing; buyer
dispatcher | title | logistics transport dispatch | dispatcher; dispatch; truck dispatcher; freight dispatcher; fleet dispatcher; transportation coordinator; fleet coordinator; load planner; route planner; transport planner; traffic planner; fleet controller; transport coordinator; dispatching
warehouse_mgr | title | logistics management | warehouse manager; warehouse supervisor; distribution center manager; operations supervisor; shift supervisor; inventory manager; fulfillment manager
inventory | skill | logistics retail | inventory; inventory management; inventory control; stock control; stock management; cycle count; cycle counting; stock rotation; fifo; stocktake; replenishment; put away; putaway; shipping; picking and packing; pick and pack; order fulfillment; order fulfilment; loading and unloading; palletizing
wms | tool | logistics | warehouse management system; wms; rf scanner; rf scanning; barcode scanner; handheld scanner; manhattan wms; sap ewm; rf gun
lifting | soft | logistics construction manufacturing | lift 50 pounds; lift 50 lbs; lifting up to 50; heavy lifting; manual handling; lift heavy; physically demanding; stand for long periods
osha | cred | construction manufacturing logistics safety | osha; osha 10; osha 30; osha-10; osha-30; osha certification; osha certified; cscs; cscs card; nebosh; iosh; smsts; sssts; site safety
safety | skill | construction manufacturing logistics safety | workplace safety; health and safety; safety procedures; safety protocols; safety regulations; hazard identification; risk assessment; lockout tagout; loto; safety compliance; ehs; hse

# ---------------------------------------------------------------- construction and trades
construction_worker | title | construction | construction worker; laborer; labourer; general laborer; construction laborer; site operative; groundworker
carpenter | title | construction trades | carpenter; carpentry; joiner; joinery; framer; framing; cabinet maker; finish carpenter; woodworking
electrician | title | construction trades electrical | electrician; electrical technician; journeyman electrician; master electrician; apprentice electrician; electrical installer; wireman; electrical installation; electrical wiring; wiring; electrical fitter; electrical maintenance technician; electrical apprentice
line_worker | title | energy trades electrical | lineman; lineworker; line worker electrical; powerline technician; overhead linesman; linesman; journeyman lineman; cable jointer
solar_installer | title | energy trades | solar installer; solar technician; pv installer; solar panel installer; photovoltaic installer; solar pv installer
painter | title | construction trades | painter and decorator; painting and decorating; painting contractor; decorator; house painter; commercial painter; industrial painter; spray painter
plumber | title | construction trades | plumber; plumbing; pipefitter; pipe fitter; steamfitter; gas fitter; gas engineer; heating engineer
hvac_tech | title | construction trades | hvac technician; hvac; hvac-r; hvacr; refrigeration technician; air conditioning; heating ventilation; epa 608; boiler
welder | title | manufacturing construction trades | welder; welding; fabricator; metal fabrication; mig welding; tig welding; stick welding; smaw; gmaw; gtaw; fcaw; aws certified welder; certified welder; brazing
mason_roofer | title | construction trades | mason; bricklayer; bricklaying; masonry; concrete finisher; concrete; roofer; roofing; drywall; plasterer; plastering; tiler; scaffolder; scaffolding; insulation installer; glazier
heavy_equipment | title | construction | heavy equipment operator; equipment operator; plant operator; excavator; excavator operator; bulldozer; backhoe; crane operator; crane; loader operator; skid steer; grader; dump truck
site_manager | title | construction management | site manager; construction manager; site supervisor; construction supervisor; foreman; general foreman; superintendent; site superintendent; project superintendent; general contractor; clerk of works
estimator | title | construction finance | estimator; cost estimator; quantity surveyor; qs; quantity surveying; cost estimating; takeoff; take-off; bill of quantities; cost consultant
construction_skills | skill | construction | construction drawings = blueprint reading = blueprints = blueprint = read blueprints = plans and specifications = drawings and specifications = construction documents = architectural drawings = shop drawings = autocad drawings = site plans; technical drawings; building codes; building regulations; power tools; hand tools; formwork; rebar; demolition; excavation; site preparation
electrical_skills | skill | electrical trades | nec; national electrical code; conduit; conduit bending; circuits; circuit breakers; panels; electrical panels; troubleshooting electrical; low voltage; high voltage; 18th edition; bs 7671; wiring regulations; plc; motor controls
electrician_licence | cred | electrical trades construction | journeyman license; journeyman electrician license; master electrician license; electrical license; electrician license; electrical licence; licensed electrician; jib card; ecs card; 18th edition certificate
trade_licence | cred | trades construction | plumbing license; licensed plumber; master plumber; gas safe; gas safe registered; hvac license; epa 608 certification; epa certification; contractor license; general contractor license; nate certification
construction_pm | skill | construction management | construction management; construction project management; subcontractor management; subcontractors; site inspections; procore; scheduling; rfis; submittals; change orders; punch list

# ---------------------------------------------------------------- software, IT, data
software_engineer | title | software | software engineer; software developer; software development; software engineering; full stack developer; full stack engineer; fullstack; full-stack; backend developer; back end developer; backend engineer; frontend developer; front end developer; frontend engineer; web developer; application developer; sde; swe; mobile developer; ios developer; android developer; application development; web development; developer; programmer
devops | title | software devops | devops; devops engineer; site reliability engineer; SRE; platform engineer; infrastructure engineer; cloud engineer; build engineer; release engineer; site reliability
data_scientist | title | data software | data scientist; data science; machine learning engineer; ml engineer; ai engineer; deep learning; machine learning; artificial intelligence; nlp; natural language processing; computer vision
data_analyst | title | data finance | data analyst; business intelligence analyst; bi analyst; data analysis; reporting analyst; business analyst; insights analyst; data analytics
data_engineer | title | data software | data engineer; etl developer; data pipeline; data pipelines; etl; elt; data warehouse; data warehousing; data engineering; big data
qa_engineer | title | software | qa engineer; quality assurance engineer; test engineer; software tester; tester; qa analyst; sdet; automation tester; test automation; qa automation; manual testing; software testing
it_support | title | it | it support; help desk; helpdesk; service desk; desktop support; pc support; lan support; pc lan support; pc support specialist; information technology support; information technology specialist; information technology coordinator; it coordinator; information technology technician; it consultant; information technology consultant; technical support; it technician; support technician; it specialist; computer technician; desktop technician; tier 1; tier 2; it administrator; system administrator; systems administrator; sysadmin; network administrator; network engineer; it manager
security_analyst | title | it security cyber | security analyst; cybersecurity; cyber security; information security; infosec; soc analyst; penetration tester; security engineer; network security
python | tool | software data | python; django; flask; fastapi; pandas; numpy; pytest
java | tool | software | java; spring boot; j2ee; jvm; hibernate; kotlin
javascript | tool | software | javascript; js; typescript; ecmascript; es6; node.js; nodejs; react; react.js; reactjs; angular; angularjs; vue; vue.js; jquery; next.js; express.js; redux
csharp_dotnet | tool | software | c#; .net; dotnet; asp.net; .net core; entity framework; vb.net; blazor
cpp | tool | software | c++; C; embedded c; stl
go_rust | tool | software | golang; go language; rust; scala; elixir; erlang; haskell; clojure
php_ruby | tool | software | php; laravel; symfony; wordpress; ruby; ruby on rails; rails; perl
mobile_dev | tool | software | swift; objective-c; ios; android; react native; flutter; dart; xamarin; mobile app; mobile apps
web_frontend | tool | software design | html; html5; css; css3; sass; scss; tailwind; bootstrap; responsive design; web design = website design = web site design = designed websites = web print design = web and print design = dreamweaver; ui development
sql | tool | software data finance | sql; mysql; postgresql; postgres; sql server; mssql; oracle database; oracle db; pl/sql; t-sql; sqlite; relational database; relational databases; database design; rdbms; mariadb
nosql | tool | software data | nosql; mongodb; cassandra; dynamodb; redis; couchbase; elasticsearch; neo4j; firebase
cloud | tool | software devops it | cloud; aws; amazon web services; azure; microsoft azure; gcp; google cloud; google cloud platform; ec2; s3; lambda; cloudformation; cloud computing; serverless
containers | tool | software devops | docker; kubernetes; k8s; containers; containerization; helm; openshift; ecs; eks; aks; gke
iac | tool | devops software | terraform; ansible; puppet; chef infra; infrastructure as code; iac; pulumi; saltstack
cicd | tool | software devops | ci/cd; ci cd; continuous integration; continuous delivery; continuous deployment; jenkins; gitlab ci; github actions; circleci; travis ci; teamcity; bamboo; argo cd; argocd; azure devops
git | tool | software | git; github; gitlab; bitbucket; version control; source control; svn
linux | tool | software it devops | linux; unix; bash; shell scripting; shell; ubuntu; red hat; rhel; centos; debian; powershell
monitoring | tool | devops software | monitoring; prometheus; grafana; datadog; splunk; new relic; elk; observability; nagios; zabbix; logging; alerting; incident response; pagerduty
networking | skill | it | networking; tcp/ip; tcp ip; dns; dhcp; vpn; lan; wan; routers; switches; firewalls; firewall; cisco; ccna; vlan; routing; switching; network troubleshooting
windows_admin | tool | it | active directory; windows server; group policy; office 365 admin; microsoft 365 admin; exchange server; sccm; intune; vmware; hyper-v; virtualization; ticketing system = ticketing = helpdesk system = help desk system = help desk software = helpdesk software = ticket system = ticket tracking; servicenow; jira service desk; zendesk; remote desktop; hardware troubleshooting; software installation; imaging; troubleshooting
api | skill | software | api; apis; rest; restful; rest api; graphql; microservices; microservice; web services; soap; grpc; json
agile | skill | software management | agile; scrum; kanban; sprint; sprints; scrum master; jira; confluence; user stories; sprint planning
testing_skill | skill | software | unit testing; unit tests; tdd; test driven development; integration testing; selenium; cypress; junit; jest; automated testing; test cases; regression testing; bdd; cucumber
ml_tools | tool | data software | tensorflow; pytorch; keras; scikit-learn; sklearn; xgboost; hugging face; transformers; llm; llms; spark ml; mlops
data_tools | tool | data | spark; apache spark; pyspark; hadoop; hive; kafka; airflow; dbt; snowflake; databricks; bigquery; redshift; data lake; data modeling; data modelling
bi_tools | tool | data finance sales | tableau; power bi; powerbi; looker; qlik; data visualization; data visualisation; kpi reporting; ssrs; google analytics
statistics | skill | data science finance | statistics; statistical analysis; statistical modeling; regression; hypothesis testing; a/b testing; forecasting; predictive modeling; spss; sas; stata; econometrics; quantitative analysis; matlab
excel | tool | general finance admin data | *excel; *microsoft excel; *ms excel; *spreadsheets; *spreadsheet; vlookup = v lookup = v look up = vlook up; pivot tables; pivot table; *advanced excel; xlookup; macros; vba
ms_office | tool | general admin | *microsoft office; *ms office; office 365; microsoft 365; powerpoint = power point = ms powerpoint = microsoft powerpoint; outlook; google workspace; g suite; google sheets; google docs
cs_degree | edu | software data it | computer science; bachelor of computer science; bsc computer science; software engineering degree; information technology degree; computer engineering; information systems
it_certs | cred | it software devops | comptia; comptia a+; a+ certification; network+; security+; ccnp; microsoft certification = microsoft certified = microsoft certified professional = mcp = mcitp = mcsa = mcse = mcts = microsoft certified systems engineer = microsoft certified it professional; itil; aws certified; aws certification; azure certification; azure administrator; cissp; cism; ceh; oscp; gcp certified; ckad; cka; rhce; rhcsa

# ---------------------------------------------------------------- finance and accounting
accountant | title | finance | accountant; accounting; staff accountant; senior accountant; general accountant; cost accountant; tax accountant; management accountant; financial accountant; tax preparer; tax associate; tax specialist; tax consultant
compliance | title | finance legal | compliance officer; compliance analyst; compliance manager; aml analyst; kyc analyst; regulatory compliance; compliance specialist; aml investigator
bookkeeper | title | finance admin | bookkeeper; bookkeeping; accounts payable; accounts receivable; ap clerk; ar clerk; billing clerk; billing specialist; accounting clerk; accounting assistant; credit controller; accounts assistant; accounts clerk; finance assistant; finance clerk; accounts payable clerk; accounts receivable clerk
payroll | title | finance payroll | payroll specialist; payroll; payroll clerk; payroll administrator; payroll coordinator; payroll officer; payroll analyst; payroll manager; payroll processing; pay runs; pay run; payroll accountant; cpp; certified payroll professional; fpc; fundamental payroll certification
financial_analyst | title | finance | financial analyst; finance analyst; fp&a; financial planning and analysis; financial modeling; financial modelling; investment analyst; equity research; corporate finance; valuation; dcf; budget analyst; treasury analyst; credit analyst; risk analyst
auditor | title | finance | auditor; audit; auditing; internal audit; internal auditor; external audit; audit associate; assurance; sox; sarbanes-oxley; internal controls; compliance audit
finance_manager | title | finance management | finance manager; controller; financial controller; comptroller; cfo; chief financial officer; finance director; accounting manager; head of finance
banking | title | finance customer | bank teller; banker; personal banker; relationship manager; loan officer; mortgage advisor; underwriter; credit officer; branch manager; retail banking; investment banking; wealth management; financial advisor; financial adviser; financial planner; actuary; actuarial
claims_adjuster | title | finance insurance | claims adjuster; claims handler; claims examiner; claims specialist; claims representative; insurance adjuster; loss adjuster; claims investigator; claims processor; claims analyst; field adjuster; desk adjuster; independent adjuster; claims associate
adjuster_licence | cred | insurance | adjuster license; adjuster licence; licensed adjuster; licensed insurance adjuster; all-lines adjuster; all lines adjuster; adjuster license all lines; state adjuster license; adjuster certification; cii certificate
accounting_skills | skill | finance | general ledger; GL; journal entries; month-end close = month end close = month-end closing = month end closing = monthly close = monthly closing = month end procedures = month end closure = month end close process = month end and year end closing = month end reports = month end accruals = closing entries = accounting closing entries = account closing procedures; year-end close; reconciliation; reconciliations; bank reconciliation; account reconciliation; financial statements; financial reporting; balance sheet; profit and loss; p&l; income statement; cash flow; accruals; variance analysis; fixed assets; budgeting; cost accounting
tax | skill | finance | tax; taxation; tax returns; tax preparation; tax compliance; vat; sales tax; corporate tax; income tax; 1099; w-2; irs; sales and use tax; use tax
gaap | skill | finance | gaap; us gaap; ifrs; accounting standards; gaap compliance
accounting_software | tool | finance | *erp; *erp system; *accounting system; *accounting software; quickbooks; xero; sage; netsuite; SAP; sap erp; sap fico; sap fi; oracle financials; oracle erp; oracle ebs; oracle e-business suite; baan; jd edwards; epicor; navision; dynamics nav; peoplesoft; dynamics gp; great plains; hyperion; freshbooks; adp; paychex; workday financials; bill.com; concur; expensify
cpa | cred | finance | cpa; certified public accountant; chartered accountant; cpa license; cpa licence; acca; cima; icaew; certified management accountant; certified internal auditor; cisa; enrolled agent; certified public accountant cpa; cpa certified; cpa certification; active cpa; cpa exam passed
cfa | cred | finance | cfa; chartered financial analyst; cfp; certified financial planner; frm; series 7; series 63; series 65; series 66; finra
finance_degree | edu | finance | accounting degree; bachelor of accounting; finance degree; bachelor of finance; economics degree; bachelor of commerce; bcom; mba; master of business administration; business administration; bba; economics; accounting and finance

# ---------------------------------------------------------------- sales, marketing, customer service, retail
sales_rep | title | sales | sales representative; sales rep; sales associate; sales executive; account executive; sales consultant; sales agent; inside sales; outside sales; field sales; business development; business development representative; bdr; sdr; sales development representative; sales manager; territory manager; key account manager; account manager; sales; selling; door to door; telesales
sales_skills | skill | sales | b2b = business to business = business clients = business customers = corporate clients = corporate accounts = national accounts = commercial accounts = enterprise clients = enterprise customers = small businesses = small and mid-sized businesses = mid-sized businesses = small to mid-sized businesses = business owners = business executives = commercial insurance; b2c; cold calling; cold calls; lead generation; pipeline management; sales pipeline; closing = closed deals = closed deal = closing deals = closing sales = closed sales = sales closer = closer; negotiation; quota = sales quota = quota attainment = exceeded quota = sales targets = sales target = sales goals = sales goal = revenue target = revenue targets; upselling; cross-selling; solution selling; consultative selling; territory management; new business = client acquisition = new accounts = new clients = new client relationships = new sales = prospecting = prospective clients = prospective customers; membership sales = club sales = selling memberships = sold memberships = membership sales goals; revenue growth; account management
merchandising | skill | retail | visual merchandising; merchandising; planogram; planograms; product displays; window displays; store displays
crm | tool | sales marketing customer | *crm; salesforce; salesforce.com; hubspot; zoho crm; pipedrive; dynamics 365; microsoft dynamics; salesforce crm; sugarcrm
marketing | title | marketing | marketing; marketing manager; marketing coordinator; marketing specialist; brand manager; marketing executive; marketing assistant; campaign manager; product marketing; content strategist
digital_marketing | title | marketing | digital marketing; digital marketer; digital marketing specialist; digital marketing manager; online marketing; internet marketing; performance marketing; growth marketer; growth marketing; content marketing; content marketer; social media manager; social media specialist; social media coordinator; seo specialist; seo; sem specialist; ppc specialist; ecommerce marketing; e-commerce marketing; digital advertising
pr_comms | title | marketing media | public relations; PR; public relations manager; public relations officer; pr manager; communications manager; communications director; communications specialist; communications officer; press officer; media relations
marketing_skills | skill | marketing | sem; ppc; google ads = adwords = google adwords; facebook ads; social media; social media marketing; email marketing = email campaigns = e-mail campaigns = email newsletters = e-newsletters = promotional emails = email blasts = e-blasts = email marketing campaigns; constant contact; mailchimp; marketo; content strategy; copywriting; marketing campaigns; brand management; market research; influencer marketing; marketing automation; conversion rate optimization
customer_service | title | customer | customer service; customer service representative; csr; customer support; customer care; call center; call centre; contact center; contact centre; customer service agent; customer success; customer success manager; helpline; client relations; client support specialist; customer support specialist; client support; customer support; customer care advisor; customer care agent; customer service advisor; customer experience associate; client services associate; support agent; service desk agent
retail | title | retail sales customer | retail associate; cashier; store associate; sales assistant; shop assistant; store manager; assistant store manager; retail manager; merchandiser; stock associate; department manager; checkout operator; checkout assistant; till operator; shop manager; shop floor assistant; retail sales associate; sales floor associate; store supervisor; key holder; keyholder
cashier_skills | skill | retail hospitality | cash register; pos system; point of sale system; balancing cash drawer; cash drawer; handling cash; transactions; payment processing; cash handling; point of sale; cash drawer balancing

# ---------------------------------------------------------------- hospitality and food service
chef | title | hospitality kitchen | cook; line cook; sous chef; head chef; executive chef; chef; chef de partie; commis chef; pastry chef; prep cook; kitchen manager; kitchen porter; kitchen assistant; dishwasher; grill cook; short order cook
food_production | title | hospitality kitchen food | meat cutter; butchery; head butcher; master butcher; retail butcher; bakery assistant; bakery worker; bakery; pastry baker; artisan baker; head baker; bread baker; master baker; deli clerk; meat clerk
server | title | hospitality foh customer | waiter; waitress; waiting staff; wait staff; waitstaff; food server; hostess; busser; food runner; banquet server; front of house; foh; food and beverage attendant; f&b attendant; food and beverage server; waiting staff; wait staff; waitstaff; banquet server; restaurant server; table server; restaurant host; host/hostess
bartender | title | hospitality foh customer | bartender; barman; barmaid; bar staff; mixologist; bar back; barback; cocktails; bar
barista | title | hospitality foh coffee | barista; head barista; coffee barista; espresso; latte art; coffee shop; coffee bar; cafe barista; pour-over; pour over
hotel | title | hospitality hotel customer | front desk agent; hotel front desk; receptionist hotel; hotel receptionist; guest service agent; guest services agent; guest service manager; guest services manager; guest service representative; accommodation service executive; concierge; night auditor; hotel manager; front office manager; reservations agent; bellman; guest relations
front_desk_work | skill | customer admin | front desk; front desk experience; reception desk; front office; greet visitors; greeting visitors; greet patients; greeting patients; greet guests; greeting guests; check in patients; checking in patients; check-in and check-out; check in and check out; visitor sign-in; switchboard
travel | title | hospitality travel | travel agent; travel consultant; tour guide; tour operator; travel advisor; tour leader
housekeeping | title | hotel cleaning facilities | housekeeper; room attendant; housekeeping supervisor; housekeeping manager; executive housekeeper; housekeeping attendant; guest room attendant; hotel housekeeper; housekeeping aide; chambermaid; room cleaner
restaurant_mgr | title | hospitality management | restaurant manager; general manager restaurant; assistant restaurant manager; food and beverage manager; f&b manager; shift manager; shift lead; catering manager; banquet manager; events manager; event coordinator; event planner
food_manager_cert | cred | hospitality kitchen | servsafe manager = servsafe = servsafe certified = servsafe certification = servsafe food protection manager = food protection manager = certified food protection manager = cfpm = food manager certification = certified food manager
food_safety | cred | hospitality kitchen | food safety; food handler; food handler's card; food handlers card; food handler certificate; food hygiene; food hygiene certificate; level 2 food hygiene; haccp; food safety certification; food protection; allergen awareness
alcohol_cert | cred | hospitality foh | tips certified; tips certification; alcohol server certification; responsible beverage service; rbs; rsa; responsible service of alcohol; personal licence; tabc
culinary_skills | skill | hospitality kitchen | food preparation; food prep; knife skills; menu planning; menu development; recipes; plating; grilling; baking; sauteing; food costing = food cost = food costs = food cost control = food cost percentage = food cost management = food cost analysis; kitchen operations; mise en place; high volume kitchen; fine dining; catering
hospitality_skills | skill | hospitality | guest service; guest satisfaction; guest experience; table service; order taking; taking orders; menu knowledge; wine knowledge; opera pms; PMS; micros; toast pos; opentable; property management system; property management systems; opera; opera cloud; guest room inspection; room inspections

# ---------------------------------------------------------------- education
teacher | title | education | teacher; teaching; educator; classroom teacher; lead teacher; subject teacher; lecturer; professor; substitute teacher; supply teacher; special education teacher; sen teacher; esl teacher; efl teacher; kindergarten teacher
teaching_assistant | title | education | teaching assistant; teacher assistant; teacher's aide; classroom assistant; paraprofessional; paraeducator; learning support assistant; LSA; education assistant; tutor; tutoring
childcare | title | childcare education | childcare worker; child care worker; childcare; child care; daycare; day care; nursery nurse; nursery practitioner; early years practitioner; early years educator; early years; early childhood educator; early childhood education; early childhood; ece; preschool teacher; pre-k teacher; pre-school teacher; preschool; pre-k; nanny; au pair; babysitter; childminder
cda | cred | childcare | cda; cda credential; child development associate; child development associate credential; level 3 childcare; level 3 diploma in childcare
school_admin | title | education management | principal; head teacher; headteacher; vice principal; assistant principal; dean; academic coordinator; curriculum coordinator; head of department; education administrator; school administrator
teaching_skills | skill | education | lesson planning; lesson plans; curriculum development; classroom management; differentiated instruction; differentiation; student assessment; formative assessment; iep; ieps; special educational needs; SEN; behavior management; behaviour management; student engagement; parent communication; parent-teacher; gradebook; common core; stem education; phonics; google classroom; canvas lms; blackboard; moodle; instructional design; e-learning; elearning
teaching_licence | cred | education | teaching license; teaching licence; teaching certificate; teaching certification; teacher certification; state teaching certificate; certified teacher; licensed teacher; qts; qualified teacher status; pgce; tefl; tesol; celta; dbs check; enhanced dbs; teaching credential; teacher credential; multiple subject teaching credential; single subject teaching credential; educator certificate; educator certification; educator license; professional educator license; teacher licensure; teaching licensure; teacher license; state certified teacher; state-certified teacher; certified educator; licensed educator; teaching permit
math_subject | skill | education math | *mathematics; *math; *maths; algebra; algebra i; algebra ii; geometry; calculus; ap calculus; trigonometry; pre-algebra; precalculus; pre-calculus
elementary_level | skill | education | *elementary; *elementary school; *primary school; *grade school; *k-5; *k-6; *grades k-5; *grades 3-5; *first grade; *second grade; *third grade; *fourth grade; *fifth grade; *1st grade; *2nd grade; *3rd grade; *4th grade; *5th grade
secondary_level | skill | education | *middle school; *junior high; *grades 6-8; *grades 9-12
ela_subject | skill | education | english language arts; language arts; ela; english literature; reading and writing
social_studies_subject | skill | education | social studies; us history; u.s. history; world history; american history; civics
education_degree | edu | education | bachelor of education; b.ed; master of education; m.ed; education degree; degree in education; elementary education; secondary education

# ---------------------------------------------------------------- HR, admin, office
hr | title | hr | human resources; HR; hr generalist; benefits specialist; benefits administrator; benefits coordinator; compensation and benefits specialist; compensation specialist; compensation analyst; benefits analyst; hr manager; hr coordinator; hr assistant; hr business partner; hrbp; people operations; people partner; hr specialist; personnel; chro; head of people; hr officer; hr advisor; learning and development specialist; l&d specialist; training coordinator; training specialist
recruiter | title | hr recruiting | recruiter; sales recruiter; nurse recruiter; nursing recruiter; healthcare recruiter; medical recruiter; it recruiter; executive recruiter; recruiting; recruitment; recruitment consultant; talent partner; sourcer; talent acquisition; technical recruiter; headhunter; talent acquisition specialist
hr_skills | skill | hr | onboarding; offboarding; employee relations; performance management; compensation and benefits; benefits administration; hris; bamboohr; successfactors; employment law = employment laws = labor law = labor laws = labour law = employment legislation = human resource laws = hr laws = federal and state laws = federal, state and local laws = state and federal laws; talent management; workforce planning; full cycle recruiting; full-cycle recruitment; applicant tracking; ats; training and development; learning and development; employee engagement; disciplinary; grievances; hr policies; hr compliance; greenhouse ats
hr_cert | cred | hr | shrm-cp; shrm-scp; shrm; phr = professional in human resources = professional human resources; sphr = senior professional in human resources; cipd; cipd level 5; cipd level 7; hr certification
admin_assistant | title | admin | administrative assistant; admin assistant; assistant to; office assistant; executive assistant; personal assistant; secretary; office administrator; office manager; office coordinator; receptionist; front desk receptionist; clerical; data entry; data entry clerk; office administration; virtual assistant; records clerk; front of house coordinator; front desk coordinator; reception coordinator
admin_skills | skill | admin | calendar management; diary management; meeting coordination; scheduling appointments; appointment scheduling; scheduled appointments; interview scheduling; scheduling interviews; scheduling meetings; patient scheduling; travel arrangements; travel booking; filing; record keeping; records management; document management; correspondence; minute taking; taking minutes; phone etiquette; answering phones; multi-line phone; typing; wpm; mail handling; office supplies = office supply = supply orders = supply order = ordering supplies = ordered supplies = ordering office supplies = supply inventory = supply purchasing = office inventory = supply requests; invoicing; expense reports

# ---------------------------------------------------------------- aviation
pilot | title | aviation | pilot; airline pilot; commercial pilot; first officer; captain; co-pilot; copilot; flight officer; flight instructor; CFI; helicopter pilot; airline transport pilot; aviator
pilot_licence | cred | aviation | ATP; atpl; airline transport pilot license; atp certificate; commercial pilot license; CPL; commercial pilot certificate; private pilot license; PPL; instrument rating; ifr rating; multi-engine rating; type rating; faa medical; first class medical; class 1 medical; easa; faa pilot certificate; cfi certificate; cfii
flight_hours | skill | aviation | flight hours; turbine time; jet time; flight time; total time; pic time; pilot in command; multi-engine; multi engine; cross country; crm training; cockpit; flight deck; IFR; VFR
flight_attendant | title | aviation hospitality customer | flight attendant; cabin crew; cabin attendant; steward; stewardess; purser; inflight; in-flight; cabin service; cabin safety; passenger safety; passenger service
aircraft_mechanic | title | aviation manufacturing | aircraft mechanic; aircraft maintenance technician; AMT; aviation maintenance technician; aircraft technician; avionics technician; avionics; airframe; powerplant; aircraft maintenance; aircraft engineer; licensed aircraft engineer; b1 engineer; b2 engineer; line maintenance; base maintenance; mro; heavy maintenance; heavy checks; a&p mechanic
ap_licence | cred | aviation | a&p; a&p license; a&p certificate; airframe and powerplant; airframe & powerplant; faa a&p; easa part 66; part-66; part 66 licence; b1 licence; b2 licence; ia authorization
aviation_ops | title | aviation | air traffic controller; air traffic control; atc; dispatcher aviation; flight dispatcher; aircraft dispatcher; ramp agent; ground crew; ground handling; baggage handler; airport operations; gate agent

# ---------------------------------------------------------------- legal
lawyer | title | legal | lawyer; attorney; solicitor; barrister; counsel; legal counsel; general counsel; associate attorney; in-house counsel; litigator; advocate high court; legal advocate; practising advocate; practicing advocate; law firm; practice of law; corporate lawyer
paralegal | title | legal | paralegal; legal assistant; legal secretary; legal clerk; law clerk; legal executive; legal administrator; conveyancer; legal researcher; docketing; litigation support
legal_skills | skill | legal | legal research; legal writing; litigation; contract drafting; drafting contracts; contract review; contract negotiation; due diligence; e-discovery; depositions; court filings; pleadings; corporate law; intellectual property; real estate law; family law; criminal law; westlaw; lexisnexis; lexis; clio; mergers and acquisitions; m&a
bar_admission | cred | legal | bar admission; admitted to the bar; admitted to practice; member of the bar; state bar; bar license; licensed attorney; licensed to practice law; juris doctor; llb; sra; practising certificate; paralegal certificate; paralegal certification; nala; cp paralegal

# ---------------------------------------------------------------- design and media
designer | title | design | graphic designer; visual designer; ui designer; web designer; art director; creative director; motion designer; motion graphics; brand designer; graphic design; visual design; ui design; user interface design; designer
other_designer | title | design | interior designer; fashion designer; industrial designer; floral designer; textile designer; furniture designer; jewelry designer; jewellery designer; set designer; costume designer; landscape designer; kitchen designer; lighting designer; vr designer; game designer; apparel designer; footwear designer
ux_designer | title | design ux | ux designer; ui/ux designer; ux/ui designer; product designer; interaction designer; ux design; user experience; user experience designer; ux researcher; user researcher; usability testing; usability test; user research; wireframe; wireframing; prototyping; journey map; journey mapping; ux
design_tools | tool | design | *adobe creative suite; *adobe creative cloud; photoshop; indesign; after effects; premiere pro; lightroom; figma; adobe xd; invision; canva; coreldraw; blender; cinema 4d; autodesk maya; procreate; illustrator; adobe illustrator
ux_skills | skill | design | prototypes; design systems; personas; user journeys; information architecture; color theory; visual identity; wcag; mockups
media | title | design media | video editor; videographer; photographer; photography; journalist; copywriter; content writer; technical writer; reporter; producer; content creator; animator; sound engineer; broadcast; video production; proofreading; publishing

# ---------------------------------------------------------------- manufacturing and engineering
production_worker | title | manufacturing | production worker; production operative; production associate; assembler; assembly worker; machine operator; production operator; factory worker; line worker; manufacturing associate; manufacturing technician; process operator; packaging operator; production supervisor; production lead; shift supervisor production
machinist | title | manufacturing | machinist; cnc machinist; cnc operator; cnc programmer; cnc; lathe; milling; mill operator; tool and die; toolmaker; g-code; gcode; mastercam; precision machining; machining
maintenance_tech | title | manufacturing trades | maintenance technician; maintenance mechanic; maintenance engineer; industrial mechanic; millwright; industrial maintenance; facilities technician; maintenance worker; preventive maintenance; preventative maintenance
auto_mechanic | title | automotive trades | auto mechanic; automotive technician; automotive mechanic; diesel mechanic; diesel technician; vehicle technician; car mechanic; motor mechanic; motor vehicle technician; mechanic; service technician automotive; lube technician; tire technician; fleet mechanic; heavy equipment mechanic; truck mechanic; tyre fitter; panel beater; auto body technician; collision technician; body shop technician; tire fitter
auto_sales_service | title | automotive sales | service advisor; service writer; car salesperson; car sales executive; automotive sales consultant; auto sales; vehicle sales
wind_technician | title | energy trades | wind turbine technician; wind technician; wind tech; wind turbine; turbine technician; wtt; wind farm
gwo | cred | energy | gwo; gwo basic safety training; gwo bst; global wind organisation; global wind organization; gwo certification; gwo certified
quality | title | manufacturing quality | quality inspector; quality control; qc inspector; QC; quality assurance; qa inspector; quality technician; quality engineer; quality manager; iso 9001; quality management system; qms; six sigma; lean six sigma; root cause analysis; capa; spc; statistical process control; fmea; ppap; gd&t
lean | skill | manufacturing management | lean manufacturing; lean; 5s; kaizen; continuous improvement; value stream mapping; tpm; just in time; jit; process improvement; operational excellence
engineer_mech | title | engineering manufacturing | mechanical engineer; mechanical engineering; design engineer; manufacturing engineer; process engineer; industrial engineer; product engineer; r&d engineer; electrical engineer; electrical engineering; chemical engineer; civil engineer; civil engineering; structural engineer; project engineer; engineering technician; controls engineer; automation engineer
cad | tool | engineering design construction manufacturing | autocad; cad; solidworks; revit; catia; creo; inventor; fusion 360; sketchup; bim; ansys; 3d modeling; 3d modelling; drafting; draughtsman; drafter; cad drafting
engineering_licence | cred | engineering | professional engineer; pe license; pe licence; licensed professional engineer; eit; fe exam; chartered engineer; ceng; ieng; engineer in training
plc_automation | skill | manufacturing engineering electrical | plc programming; scada; hmi; allen bradley; siemens s7; robotics; automation; industrial automation; ladder logic; instrumentation; control systems

# ---------------------------------------------------------------- management, project, operations
project_manager | title | management | project manager; program manager; programme manager; project management; program management; project coordinator; project lead; delivery manager; pmo; project planning; project delivery; project managers; agile coach
pm_cert | cred | management | pmp; project management professional; prince2; capm; pmi-acp; csm; certified scrummaster; certified scrum master; psm; safe agilist; msp; pmp certified; pmp certification; pmp-certified; project management professional certification
product_manager | title | management software | product manager; product owner; product management; product lead; product strategy; roadmap; product roadmap
operations_mgr | title | management | operations manager; operations director; general manager; director of operations; coo; operations management; plant manager; area manager; regional manager; store operations; business operations; team lead; team leader; head of operations
management_skills | soft | management | team management; people management; managed a team; leading a team; led a team; staff supervision; staff training; budget management; p&l responsibility; stakeholder management; strategic planning; line management; direct reports; performance reviews; scheduling staff; staff scheduling; employee scheduling; scheduling employees; scheduling of employees; shift scheduling; work schedules; rota; rostering
consultant | title | management finance | consultant; management consultant; strategy consultant; business consultant

# ---------------------------------------------------------------- security, public service, other
security_guard | title | security_services | security guard; security officer; security supervisor; loss prevention; loss prevention officer; patrol officer; door supervisor; bouncer; cctv operator; protection officer
security_licence | cred | security_services | security guard license; security license; guard card; state guard card; guard license; sia licence; sia badge; security officer license; unarmed guard license; armed guard license; security guard registration; bsis guard card; security guard card; door supervisor licence
police_fire | title | public_safety | police officer; law enforcement; sheriff; deputy; corrections officer; correctional officer; firefighter; fire fighter; emergency dispatcher; 911 dispatcher; emergency services
cleaner | title | facilities | cleaner; janitor; custodian; janitorial; custodial; domestic cleaner; commercial cleaning; sanitation; environmental services technician; environmental services; evs technician; evs; cleaning technician; cleaning operative; floor care; floor technician; disinfect
pest_control | title | facilities | pest control technician; exterminator; pest technician; pest control operator
groundskeeper | title | grounds facilities | groundskeeper; grounds keeper; groundsman; landscaper; landscaping; gardener; grounds maintenance; lawn care; greenkeeper
real_estate | title | real_estate sales | real estate agent; realtor; estate agent; letting agent; property manager; property management; leasing agent; leasing consultant; real estate; broker; real estate license
scientist | title | science | scientist; research assistant; chemist; chemistry; biologist; biology; microbiology; biochemistry; molecular biology; pcr; cell culture; hplc; gmp; glp; clinical research; clinical trials; clinical research associate; cra; microbiologist; research scientist
agriculture | title | agriculture | farm worker; farmer; farm hand; agriculture; agricultural; farmhand; herdsman; herdsperson; dairy farm; dairy; dairy worker; ranch hand; field worker; farm labourer; farm laborer; farm labor; farm assistant; farm operative; agricultural labourer; agricultural laborer; stockman; stockperson; fruit picker; orchard picker; apple picker; seasonal picker; seasonal farm worker; harvest worker; crop picker; farm manager; farm supervisor
crops | skill | agriculture | harvesting; harvest; irrigation; crop; orchard; horticulture; planting; crop production; greenhouse
livestock | skill | agriculture | livestock; cattle; cow; dairy cattle; dairy cow; beef cattle; herd; herd health; milking; milker; milking parlor; milking parlour; calf rearing; calves; calving; sheep; lambing; pig; poultry; heat detection
translator | title | languages | translator; interpreter; translation; interpreting; localization
languages | skill | general languages | bilingual = multilingual = trilingual = fluent in

# ---------------------------------------------------------------- education levels and generic
high_school | edu | general | high school diploma; high school; ged; secondary school; gcse; gcses; a levels; a-levels; hsc; diploma
bachelors | edu | general | bachelor's degree; bachelors degree; bachelor degree; bachelor's; bachelors; bachelor of science; bachelor of arts; bsc; b.sc; BA; b.a; BS; b.s; undergraduate degree; degree; university degree; college degree; four-year degree; 4-year degree; btech; b.tech; b.e; beng
masters | edu | general | master's degree; masters degree; master degree; master's; master of science; master of arts; msc; m.sc; m.s; graduate degree; postgraduate degree; meng; m.tech; mtech
doctorate | edu | general | phd; ph.d; doctorate; doctoral degree; doctor of philosophy
associate_degree | edu | general | associate degree; associate's degree; associate's; associates degree; aas; a.a.s; associate of science; associate of arts; associate of applied science; hnd; hnc; vocational diploma; trade school; apprenticeship; nvq; btec
communication | soft | general | communication skills; communication; verbal communication; written communication; interpersonal skills; interpersonal; communicator; presentation skills; public speaking
teamwork | soft | general | teamwork; team player; collaboration; collaborative; cross-functional; cross functional; works well with others
problem_solving | soft | general | problem solving; problem-solving; analytical skills; analytical; critical thinking; troubleshooting skills; attention to detail; detail oriented; detail-oriented; organizational skills; organisational skills; organized; time management; multitasking; multi-tasking; prioritization; fast-paced; fast paced; self-motivated; reliable; punctual; dependable
customer_focus | soft | general | customer focus; customer-focused; customer oriented; client-facing; client facing; people skills; friendly; empathy; compassion; compassionate; patience; patient and caring; caring


# ---------------------------------------------------------------- fields and workplaces (not job titles)
field_hospitality | field | hospitality | hospitality; hotel; resort; housekeeping
field_kitchen | field | hospitality kitchen | kitchen; culinary; cooking
field_warehouse | field | logistics | warehouse; distribution center; distribution centre; fulfillment center; fulfilment centre
field_construction | field | construction | construction; building site; construction site; new construction
field_manufacturing | field | manufacturing | manufacturing; factory; assembly line; production line; the plant; plant floor; plant operation; plant operations; plant employees; plant personnel; plant safety; manufacturing plant; production plant; processing plant; assembly plant; manufacturing facility; production facility; production floor
field_aviation | field | aviation | aviation; airline; airlines; airport; faa regulations; far part 121; part 135; caa
field_retail | field | retail | retail
field_software | field | software | saas; software as a service; software company; software companies; software firm; software vendor; software sales; selling software; sold software; software products; software product; enterprise software; cloud software; b2b software; subscription software; software startup
field_health | field | health | hospital; healthcare; health care; acute care; ward; inpatient; outpatient; clinical
aircraft_types | skill | aviation | a320; a321; b737; boeing 737; boeing; airbus; embraer; crj; e175; jet aircraft; turbine aircraft

# ---------------------------------------------------------------- more occupations
veterinary | title | veterinary health | veterinarian; veterinary surgeon; vet tech; veterinary technician; veterinary nurse; veterinary assistant; animal care; animal health; kennel assistant; dvm
vet_licence | cred | veterinary | rvt; lvt; cvt; registered veterinary technician; veterinary license; dvm license
beauty | title | beauty | hairdresser; hair stylist; stylist; cosmetologist; barber; nail technician; manicurist; esthetician; beautician; makeup artist; salon; spa therapist; massage therapist; lmt
beauty_licence | cred | beauty | cosmetology license; cosmetology licence; barber license; esthetician license; massage therapy license; nvq hairdressing
fitness | title | fitness | personal trainer; fitness instructor; fitness coach; strength and conditioning coach; gym instructor; group fitness; fitness trainer; group instructor; group fitness instructor; group exercise instructor; fitness professional
yoga_instructor | title | fitness | yoga instructor; pilates instructor; yoga teacher; pilates teacher; yoga therapist
fitness_cert | cred | fitness | nasm; ace certified; acsm; nsca; issa; nesta; nccpt; afaa; cscs certification; personal training certification; rep registered
architect | title | architecture design construction | architect; architectural designer; architectural technologist; architectural assistant; architecture
architect_licence | cred | architecture | ncarb; riba; licensed architect; registered architect; arb registered
insurance | title | insurance finance | insurance broker; insurance underwriter; insurance sales; insurance agent
librarian | title | library education | librarian; library assistant; library technician; cataloguing; cataloging; archivist; mls degree
dietitian | title | health nutrition | dietitian; dietician; nutritionist; registered dietitian; rdn; clinical nutrition
speech_therapy | title | health therapy | speech therapist; speech-language pathologist; speech language pathologist; slp; audiologist
pharmacy_skills | skill | health pharmacy | dispensing; prescription processing; medication reconciliation; compounding; pharmacy operations
event_planning | skill | hospitality events | event planning; event management; event coordination; wedding planning; conference planning; banquets; catering sales
social_work_licence | cred | social health | lcsw; lmsw; lsw; licensed clinical social worker; licensed social worker; social work license; social work licence; lpc; licensed professional counselor; swe registration
social_work_degree | edu | social | msw; master of social work; bsw; bachelor of social work
pm_tools | tool | management construction software | ms project; microsoft project; primavera; primavera p6; p6; smartsheet; asana; monday.com; trello; wrike
# ---------------------------------------------------------------- false friends
# Phrases that contain a concept's words but ask for nothing (category "none": read, then dropped).
schedule_terms | none | general | on-call rotation; on call rotation; on-call; on call; on-call schedule
verb_false_friends | none | general | catering to; catered to; caters to
shop_routines | none | general | opening and closing; opening and closing duties; closing duties; closing procedures; closing shift; open and close; opened and closed; closing the store; closing store
"""
