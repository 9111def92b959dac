/** Word lists for the synthetic benchmark corpus (all invented; no real organisations). */

export const COMPANY_FIRST = [
  'Argent', 'Basalt', 'Blue', 'Cobalt', 'Corvid', 'Delta', 'Ember', 'Falcon', 'Fathom', 'Granite', 'Harbor', 'Helix',
  'Iron', 'Juniper', 'Kestrel', 'Lumen', 'Meridian', 'Northwind', 'Onyx', 'Osprey', 'Pinnacle', 'Quartz', 'Raven',
  'Sable', 'Sentinel', 'Solace', 'Tamarind', 'Titan', 'Umbra', 'Vantage', 'Vector', 'Westgate', 'Xenith', 'Yarrow',
  'Zenith', 'Aurora', 'Beacon', 'Cinder', 'Drift', 'Equinox', 'Fjord', 'Garnet', 'Halcyon', 'Indigo', 'Jasper',
  'Keystone', 'Lattice', 'Monolith', 'Nimbus', 'Obsidian', 'Polaris', 'Quill', 'Redwood', 'Strata', 'Tundra',
] as const;

export const COMPANY_MIDDLE = [
  'Vision', 'Data', 'Signal', 'Sight', 'Trace', 'Grid', 'Link', 'Watch', 'Cloud', 'Scan', 'Logic', 'Path', 'Sense',
  'Mind', 'Core', 'Lens', 'Wave', 'Point', 'Gate', 'Stack', 'Forge', 'Mesh', 'Pulse', 'Vault', 'Shield', 'Beam',
] as const;

export const COMPANY_SUFFIX = [
  'Technologies', 'Systems', 'Analytics', 'Labs', 'Group', 'Solutions', 'Networks', 'Intelligence', 'Security',
  'Holdings', 'AI', 'Software', 'Defence', 'Dynamics',
] as const;

export const CITIES = [
  'Ashford', 'Brackenridge', 'Calder', 'Dunmore', 'Eastvale', 'Fairhaven', 'Glenrock', 'Hollowbrook', 'Ironvale',
  'Kingsmere', 'Lowmoor', 'Marston', 'Northbridge', 'Oakhurst', 'Pembury', 'Queensferry', 'Redcliff', 'Stonebury',
  'Thornfield', 'Upton', 'Valemouth', 'Westmarch', 'Yelverton', 'Zeal Harbour', 'Almere', 'Brenford', 'Carrick',
  'Delmont', 'Elmstead', 'Farrow', 'Greywater', 'Highcombe', 'Ingleby', 'Larkhill', 'Millbrook', 'Newhaven',
] as const;

export const AGENCY_FUNCTIONS = [
  'Border Security', 'Public Safety', 'Homeland Defence', 'Internal Affairs', 'Immigration', 'Signals Intelligence',
  'Customs', 'Correctional Services', 'Criminal Investigation', 'Counter-Terrorism', 'Digital Affairs',
  'Population Registry', 'Coast Guard', 'Police', 'Migration Control', 'Emergency Management', 'Transport Security',
  'Financial Intelligence', 'Cyber Command', 'Civil Protection',
] as const;

export const AGENCY_FORMS = ['Department of', 'Ministry of', 'Office of', 'National Agency for', 'Directorate of', 'Bureau of', 'Authority for'] as const;

export const COUNTRIES = ['US', 'GB', 'IL', 'DE', 'FR', 'NL', 'AE', 'SA', 'EG', 'IN', 'CA', 'AU', 'BR', 'MX', 'ZA', 'KE', 'JO', 'LB', 'TR', 'IT'] as const;

export const OUTLETS = [
  'The Daily Ledger', 'Signal Review', 'The Northern Courier', 'Civic Record', 'The Open Wire', 'Harbour Times',
  'Public Interest Desk', 'The Inquiry', 'Data Watch Weekly', 'Borderline Magazine', 'The Observer Post',
  'Investigations Unit', 'The Metropolitan Herald', 'Transparency Monitor', 'The Dispatch', 'Al-Marsad News',
  'Al-Shahid Weekly', 'Rights Bulletin', 'The Frontier Journal', 'Tech Accountability Review',
] as const;

export const VIA_OUTLETS = ['Reuters', 'Wired', 'The Guardian', 'Associated Press', 'Bloomberg', 'Le Monde', 'Haaretz', 'Al Jazeera'] as const;

export const AUTHOR_FIRST = ['Amira', 'Ben', 'Chloe', 'Dmitri', 'Elif', 'Farid', 'Grace', 'Hana', 'Ivan', 'Jamal', 'Kiran', 'Leila', 'Marco', 'Nadia', 'Omar', 'Priya', 'Rania', 'Samir', 'Tess', 'Yusuf'] as const;
export const AUTHOR_LAST = ['Abbas', 'Becker', 'Castillo', 'Darwish', 'Evans', 'Farouk', 'Grant', 'Haddad', 'Ibrahim', 'Jensen', 'Khalil', 'Lindqvist', 'Mansour', 'Novak', 'Okafor', 'Petrov', 'Qureshi', 'Rahman', 'Saleh', 'Turner'] as const;

export const NOUNS = [
  'system', 'database', 'programme', 'platform', 'contract', 'agreement', 'record', 'network', 'camera network', 'dataset',
  'report', 'analysis', 'licence', 'vendor', 'budget', 'pilot', 'tender', 'audit', 'investigation', 'warrant',
  'court ruling', 'lawsuit', 'campaign', 'protest', 'open letter', 'statement', 'policy', 'regulation', 'oversight body',
  'committee', 'watchlist', 'risk score', 'profile', 'identity register', 'biometric template', 'phone record',
  'location history', 'message archive', 'data centre', 'algorithm', 'model', 'dashboard', 'case file', 'checkpoint',
  'drone fleet', 'sensor array', 'procurement notice', 'framework agreement', 'memorandum', 'briefing',
] as const;

export const PEOPLE = ['migrants', 'refugees', 'journalists', 'activists', 'lawyers', 'residents', 'protesters', 'students', 'workers', 'asylum seekers', 'travellers', 'detainees'] as const;

export const ADJECTIVES = [
  'federal', 'national', 'internal', 'classified', 'public', 'private', 'automated', 'controversial', 'secret',
  'expanded', 'new', 'existing', 'large', 'multi-year', 'emergency', 'initial', 'revised', 'leaked', 'confidential',
  'independent', 'municipal', 'regional', 'experimental', 'permanent', 'temporary', 'undisclosed', 'cross-border',
] as const;

export const VERBS = [
  'procured', 'deployed', 'expanded', 'renewed', 'suspended', 'reviewed', 'criticised', 'documented', 'disclosed',
  'confirmed', 'denied', 'described', 'awarded', 'signed', 'tested', 'integrated', 'licensed', 'challenged',
  'defended', 'extended', 'cancelled', 'audited', 'questioned', 'financed', 'operated',
] as const;

export const TIME_PHRASES = [
  'earlier that year', 'the following spring', 'within months', 'after a short pilot', 'before the election',
  'during the emergency', 'over several years', 'late in the budget cycle', 'without public notice', 'in a closed session',
] as const;

export const HEADINGS = {
  companies: ['History', 'Products', 'Government contracts', 'Criticism', 'Corporate structure', 'Responses', 'Workers and dissent'],
  agencies: ['Structure', 'Technology procurement', 'Oversight', 'Budget', 'Enforcement operations', 'Legal challenges'],
  contracts: ['Scope', 'Value and dates', 'Suppliers', 'Controversy', 'Procurement record', 'Performance'],
  events: ['Background', 'What happened', 'Reactions', 'Aftermath', 'Dating', 'Coverage'],
  people: ['Career', 'Statements', 'Public role', 'Criticism'],
  organizations: ['History', 'Campaigns', 'Members', 'Statements'],
  sources: ['Contents', 'Provenance'],
} as const;

export const ROLE_TITLES = ['chief executive', 'president', 'spokesperson', 'director of policy', 'organiser', 'general counsel', 'vice president', 'reporter', 'campaign director', 'board member'] as const;
export const ORGANIZATION_NAMES = ['Coalition', 'Campaign', 'Watch', 'Workers Alliance', 'Network', 'Foundation', 'Institute', 'News', 'Collective', 'Project'] as const;

export const AR_WORDS = [
  'في', 'من', 'على', 'إلى', 'أن', 'التي', 'الذي', 'وقد', 'قال', 'أفادت', 'تقرير', 'شركة', 'وكالة', 'عقد', 'مراقبة',
  'بيانات', 'الحكومة', 'الهجرة', 'الشرطة', 'تقنية', 'نظام', 'برنامج', 'موظفين', 'احتجاج', 'رسالة', 'وثائق', 'مسربة',
  'الأمن', 'الحدود', 'السحابة', 'الذكاء', 'الاصطناعي', 'التعرف', 'الوجوه', 'المهاجرين', 'الصحفيين', 'الناشطين',
  'المحكمة', 'الدعوى', 'الميزانية', 'المشروع', 'التجريبي', 'الموقع', 'الهواتف', 'الكاميرات', 'قاعدة', 'السجلات',
  'الوزارة', 'المسؤولين', 'الانتقادات', 'الخصوصية', 'حقوق', 'الإنسان', 'العاملين', 'بيان', 'رد', 'نفت', 'أكدت',
  'بحسب', 'وفقا', 'مصادر', 'داخلية', 'سرية', 'عامة', 'جديدة', 'واسعة', 'خلال', 'العام', 'الماضي', 'بعد', 'قبل',
  'عندما', 'حيث', 'كما', 'أيضا', 'لكن', 'بينما', 'منذ', 'حتى', 'عبر', 'ضد', 'مع', 'دون', 'حول', 'بشأن',
] as const;

export const AR_HEADINGS = ['خلفية', 'العقود', 'الانتقادات', 'ما حدث', 'ردود الفعل', 'الهيكل', 'القيمة والتواريخ', 'التغطية', 'الموردون'] as const;

export const AR_SYLLABLES = ['با', 'تو', 'سي', 'لا', 'مي', 'نو', 'را', 'كا', 'دي', 'فا', 'جو', 'ها', 'زي', 'شا', 'قو', 'وا', 'يا', 'عا', 'طي', 'غو', 'ل', 'ن', 'ر', 'س'] as const;

export const SYLLABLES = ['ka', 'ver', 'lo', 'mi', 'dra', 'sen', 'tor', 'vel', 'na', 'ris', 'qua', 'bel', 'tan', 'gor', 'li', 'mas', 'pe', 'ron', 'sa', 'thi', 'ul', 'ven', 'zar', 'ek', 'os', 'ar', 'in', 'el', 'dun', 'fey'] as const;
