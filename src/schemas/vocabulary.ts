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
