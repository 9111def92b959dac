import { z } from 'astro/zod';
import { isLanguageTag } from '../lib/isomorphic/collections';
import { entryId, entryKeyOf, identifier, isPeriodInOrder, partialDate, tag, webUrl } from './shared';

/** How a source relies on another: it translates it, summarises it, or attributes some of its facts to it. */
export const BASED_ON_KINDS = ['translates', 'summarises', 'attributes'] as const;

/** An earlier source this one relies on. */
export const basedOn = z.strictObject({
  source: entryId.meta({ description: 'Id of the source relied on, in content/sources/.' }),
  how: z
    .enum(BASED_ON_KINDS, { error: `must be one of ${BASED_ON_KINDS.join(', ')}` })
    .meta({ description: 'translates (a translation of it), summarises (a summary or rewrite of it), attributes (credits some facts to it).' }),
});

export const SOURCE_KINDS = [
  'news',
  'primary-document',
  'government-record',
  'company-statement',
  'ngo-report',
  'leaked-document',
] as const;

/**
 * Web archives an archiveUrl may point at: services that keep a copy of a page
 * as it was (the Wayback Machine, archive.today and its mirrors, perma.cc...),
 * so a copy cannot be an attacker's own page dressed up as one.
 */
export const ARCHIVE_HOSTS = [
  'web.archive.org',
  'wayback.archive-it.org',
  'archive.today',
  'archive.ph',
  'archive.is',
  'archive.li',
  'archive.vn',
  'archive.fo',
  'archive.md',
  'perma.cc',
  'ghostarchive.org',
  'megalodon.jp',
  'arquivo.pt',
  'webarchive.nationalarchives.gov.uk',
  'webarchive.loc.gov',
] as const;

/** Whether an address is at one of the known web archives (or a sub-domain of one). */
export function isArchiveAddress(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return true; // not an address at all: the URL rule reports it
  }
  return ARCHIVE_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
}

/** A publication that entries cite. */
export const sourceSchema = z.strictObject({
  title: z.string().trim().min(1).meta({ description: "Title in the source's own language and script." }),
  titleTranslated: z
    .string()
    .trim()
    .min(1)
    .optional()
    .meta({ description: "An English translation of a title in another language (shown as a translation, with the original beside it)." }),
  publisher: z.string().trim().min(1).optional().meta({ description: 'The publisher as the source names itself; leave out when the text does not say.' }),
  publishedBy: entryKeyOf(['organizations', 'companies', 'agencies'], 'organizations/the-guardian')
    .optional()
    .meta({ description: 'The entry of the publisher, when the wiki has one: "organizations/<id>" (a news outlet), "companies/<id>" or "agencies/<id>".' }),
  authors: z.array(z.string().trim().min(1)).default([]).meta({ description: 'Authors as credited.' }),
  writtenBy: z.array(entryId).default([]).meta({ description: 'Ids of the authors who have entries in content/people/.' }),
  published: partialDate.optional().meta({ description: 'Publication date, to the precision known.' }),
  language: z.string().refine(isLanguageTag, { error: 'must be a BCP 47 language tag such as "ar" or "en"' }).meta({ description: 'BCP 47 language tag of the source, e.g. "ar".' }),
  kind: z.enum(SOURCE_KINDS, { error: `must be one of ${SOURCE_KINDS.join(', ')}` }).meta({ description: 'What kind of document it is.' }),
  url: webUrl.optional().meta({ description: 'Where the source can be read. Only a URL the source really has: never invent one.' }),
  archiveUrl: webUrl
    .refine(isArchiveAddress, { error: `must be a copy at a web archive (${ARCHIVE_HOSTS.slice(0, 4).join(', ')}, perma.cc and the like); put the page's own address in url, and an archived copy of it here` })
    .optional()
    .meta({ description: `An archived copy of url, at a web archive: ${ARCHIVE_HOSTS.join(', ')}.` }),
  accessed: partialDate.optional().meta({ description: 'When the source was last read by an editor.' }),
  summary: z.string().trim().min(10).max(320).optional().meta({ description: 'One sentence on what the source is.' }),
  tags: z.array(tag).default([]).meta({ description: 'Controlled-vocabulary tags.' }),
  basedOn: z.array(basedOn).default([]).meta({ description: 'The earlier sources this one translates, summarises or attributes facts to.' }),
  identifiers: z.array(identifier).default([]).meta({ description: "An official record's own identifiers (award or order numbers, notice numbers)." }),
  redirectFrom: z.array(entryId).default([]).meta({ description: 'Old ids of this source; each keeps its old URL alive.' }),
})
  .refine((s) => !s.archiveUrl || s.url, {
    error: 'an archived copy needs the address it is a copy of: add url (the page the archive preserves), or remove archiveUrl',
    path: ['archiveUrl'],
  })
  .refine((s) => isPeriodInOrder(s.published, s.accessed), {
    error: 'is before published: an editor cannot have read the source before it was published; check both dates',
    path: ['accessed'],
  })
  .meta({ description: 'A publication that entries cite.' });
export type SourceData = z.infer<typeof sourceSchema>;
