/**
 * The controlled tag vocabulary. Tags describe technologies and the fields they
 * are used in; a contributor who needs a new tag adds it here (with its English
 * label) in the same pull request, so reviewers see vocabulary changes.
 */
export const TAGS = {
  'artificial-intelligence': 'Artificial intelligence',
  biometrics: 'Biometrics',
  'case-management': 'Case management',
  cloud: 'Cloud computing',
  'communications-interception': 'Communications interception',
  'data-analytics': 'Data analytics',
  'data-brokerage': 'Data brokerage',
  'data-storage': 'Data storage',
  'facial-recognition': 'Facial recognition',
  'immigration-enforcement': 'Immigration enforcement',
  'location-tracking': 'Location tracking',
  'military-intelligence': 'Military intelligence',
  'predictive-policing': 'Predictive policing',
  'productivity-software': 'Productivity software',
  'social-media-monitoring': 'Social media monitoring',
  spyware: 'Spyware',
  'mass-surveillance': 'Mass surveillance',
  'licence-plate-recognition': 'Licence-plate recognition',
  'detention': 'Detention',
  'deportation': 'Deportation',
  'labour-organising': 'Labour organising',
  'translation': 'Translation',
} as const;

export type Tag = keyof typeof TAGS;
export const TAG_IDS = Object.keys(TAGS) as [Tag, ...Tag[]];

/** Arabic labels for the tags; a unit test checks every tag has one. */
export const TAG_LABELS_AR: Record<Tag, string> = {
  'artificial-intelligence': 'الذكاء الاصطناعي',
  biometrics: 'القياسات الحيوية',
  'case-management': 'إدارة الملفات',
  cloud: 'الحوسبة السحابية',
  'communications-interception': 'اعتراض الاتصالات',
  'data-analytics': 'تحليل البيانات',
  'data-brokerage': 'تجارة البيانات',
  'data-storage': 'تخزين البيانات',
  'facial-recognition': 'التعرف على الوجه',
  'immigration-enforcement': 'إنفاذ قوانين الهجرة',
  'location-tracking': 'تتبع المواقع',
  'military-intelligence': 'الاستخبارات العسكرية',
  'predictive-policing': 'الشرطة التنبؤية',
  'productivity-software': 'برمجيات الإنتاجية',
  'social-media-monitoring': 'مراقبة وسائل التواصل الاجتماعي',
  spyware: 'برامج التجسس',
  'mass-surveillance': 'المراقبة الجماعية',
  'licence-plate-recognition': 'التعرف على لوحات السيارات',
  detention: 'الاحتجاز',
  deportation: 'الترحيل',
  'labour-organising': 'التنظيم العمالي',
  translation: 'الترجمة',
};

/** A tag's label in a locale ("en" or "ar"); unknown tags show their id. */
export function tagLabel(tag: string, locale: 'en' | 'ar'): string {
  if (!(tag in TAGS)) return tag;
  return locale === 'ar' ? TAG_LABELS_AR[tag as Tag] : TAGS[tag as Tag];
}
