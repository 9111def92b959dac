/**
 * /api/v1/ftm.jsonl: the wiki as FollowTheMoney entities, one JSON object per
 * line ({"id", "schema", "properties": {name: [values]}}), with deterministic
 * ids so a re-import updates rather than duplicates.
 *
 * Mapping:
 * - companies        -> Company      (parent -> parent)
 * - agencies         -> PublicBody   (parent -> parent)
 * - contracts        -> Contract     (buyer -> authority; reported values -> amount/currency)
 *   each supplier    -> ContractAward (contract, supplier, role, share; awarded/start/end dates)
 * - events           -> Event        (involved companies/agencies/people/organisations -> involved; organisers -> organizer)
 *   other involved entries -> UnknownLink (subject: the event, object: the entry, role "involved")
 *   each participant -> UnknownLink (subject: the actor, object: the event, role: its part)
 * - people           -> Person       (role titles -> position)
 *   each role        -> Employment at a company or agency, Membership of an organisation (role: the title; dates)
 * - organizations    -> Organization (parent -> parent)
 *   each member      -> Membership   (member: the member, organization: this one)
 * - responses with a speaker -> UnknownLink (subject: the speaker, object: the entry recording it, role "statement")
 * - sources          -> Article (whatever their kind, which is kept in keywords)
 *   publisher and authors with entries -> UnknownLink (subject: the publisher or author, object: the article)
 * - every citation   -> Documentation (document: the source, entity: the citing entry)
 *
 * Wiki entries carry their permanent URL in `sourceUrl`; sources carry the URL
 * (and archived copy) of the publication itself there instead.
 */
import { createHash } from 'node:crypto';
import { entryKey, splitKey, type EntryKey } from '../../isomorphic/entry-keys';
import { isActorCollection } from '../../isomorphic/collections';
import { entryPath } from '../../isomorphic/paths';
import type { ExportContext } from './context';
import { parentOf } from '../../model/entry';
import { orderedEntries, type ExportEntry, type ExportWiki } from './records';
import type { CitationRef } from '../../../schemas/references';
import type { Money } from '../../../schemas/money';

export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

export const FTM_ID_PREFIX = 'saw';

/** The FtM id of a wiki entry: "saw-companies-palantir-technologies". */
export function ftmId(key: EntryKey | string): string {
  const { collection, id } = splitKey(key as EntryKey);
  return `${FTM_ID_PREFIX}-${collection}-${id}`;
}

/** A deterministic id for a derived entity (award, link, documentation) from its defining parts. */
export function derivedId(kind: string, parts: readonly string[]): string {
  const hash = createHash('sha1').update(parts.join('\u001f')).digest('hex').slice(0, 20);
  return `${FTM_ID_PREFIX}-${kind}-${hash}`;
}

/**
 * BCP 47 primary language subtag -> the ISO 639-3 codes FtM's language type
 * uses. Only languages FtM knows are mapped; others are left out.
 */
const LANGUAGES: Record<string, string> = {
  ar: 'ara', en: 'eng', he: 'heb', fr: 'fra', de: 'deu', es: 'spa', ru: 'rus', zh: 'zho', fa: 'fas', tr: 'tur',
  pt: 'por', it: 'ita', nl: 'nld', uk: 'ukr', ur: 'urd', hi: 'hin', ja: 'jpn', ko: 'kor', pl: 'pol', sv: 'swe',
};

export function ftmLanguage(tag: string): string | undefined {
  return LANGUAGES[tag.toLowerCase().split('-')[0] ?? ''];
}

class Builder {
  readonly properties: Record<string, string[]> = {};
  constructor(
    readonly id: string,
    readonly schema: string,
  ) {}
  add(prop: string, ...values: unknown[]): this {
    for (const v of values.flat()) {
      if (v === undefined || v === null || v === '') continue;
      const text = typeof v === 'number' ? (Number.isInteger(v) ? BigInt(v).toString() : String(v)) : String(v).trim();
      if (!text) continue;
      const list = (this.properties[prop] ??= []);
      if (!list.includes(text)) list.push(text);
    }
    return this;
  }
  build(): FtmEntity {
    return { id: this.id, schema: this.schema, properties: this.properties };
  }
}

function describeMoney(m: Money): string {
  return `${m.isMinimum ? 'at least ' : ''}${m.currency} ${Number.isInteger(m.amount) ? BigInt(m.amount).toString() : m.amount} (${m.kind}${m.asOf ? `, as of ${m.asOf}` : ''})`;
}

function common(b: Builder, ctx: ExportContext, e: ExportEntry) {
  b.add('summary', e.summary);
  b.add('keywords', e.tags);
  b.add('sourceUrl', ctx.url(entryPath(e.key)));
}

/** A link FtM has no property for, with the wiki's word for it as its role. */
function link(ctx: ExportContext, e: ExportEntry, subject: EntryKey, object: EntryKey, role: string, description?: string, which = ''): FtmEntity {
  return new Builder(derivedId('link', [e.key, subject, object, role, which]), 'UnknownLink')
    .add('subject', ftmId(subject))
    .add('object', ftmId(object))
    .add('role', role)
    .add('description', description)
    .add('sourceUrl', ctx.url(entryPath(e.key)))
    .build();
}

/** Statements the entry records from a speaker with an entry. */
function statementLinks(ctx: ExportContext, e: ExportEntry, wiki: ExportWiki): FtmEntity[] {
  if (e.collection === 'sources') return [];
  // One link per statement: a speaker may give several responses recorded in one entry.
  return e.data.responses.flatMap((r, i) =>
    r.speaker && wiki.entries.has(r.speaker as EntryKey) ? [link(ctx, e, r.speaker as EntryKey, e.key, 'statement', `${r.date}: ${r.said}`, String(i))] : [],
  );
}

function entryEntities(ctx: ExportContext, e: ExportEntry, wiki: ExportWiki): FtmEntity[] {
  const ar = e.translations.ar;
  const out: FtmEntity[] = [];
  switch (e.collection) {
    case 'people': {
      const d = e.data;
      const b = new Builder(ftmId(e.key), 'Person').add('name', e.name).add('alias', d.aliases, ar?.name, ar?.aliases);
      b.add('position', d.roles.map((r) => r.title));
      common(b, ctx, e);
      out.push(b.build());
      d.roles.forEach((r, i) => {
        if (!wiki.entries.has(r.at as EntryKey)) return;
        const membership = r.at.startsWith('organizations/');
        out.push(
          new Builder(derivedId(membership ? 'membership' : 'employment', [e.key, String(i)]), membership ? 'Membership' : 'Employment')
            .add(membership ? 'member' : 'employee', ftmId(e.key))
            .add(membership ? 'organization' : 'employer', ftmId(r.at))
            .add('role', r.title)
            .add('startDate', r.from)
            .add('endDate', r.to)
            .add('sourceUrl', ctx.url(entryPath(e.key)))
            .build(),
        );
      });
      break;
    }
    case 'organizations': {
      const d = e.data;
      const b = new Builder(ftmId(e.key), 'Organization').add('name', e.name).add('alias', d.aliases, ar?.name, ar?.aliases);
      b.add('country', d.country?.toLowerCase()).add('website', d.website).add('classification', d.kind);
      const parent = parentOf(e);
      if (parent) b.add('parent', ftmId(parent));
      common(b, ctx, e);
      out.push(b.build());
      for (const m of d.members) {
        if (!wiki.entries.has(m as EntryKey)) continue;
        out.push(
          new Builder(derivedId('membership', [e.key, m]), 'Membership')
            .add('member', ftmId(m))
            .add('organization', ftmId(e.key))
            .add('sourceUrl', ctx.url(entryPath(e.key)))
            .build(),
        );
      }
      break;
    }
    case 'companies': {
      const d = e.data;
      const b = new Builder(ftmId(e.key), 'Company').add('name', e.name).add('alias', d.aliases, ar?.name, ar?.aliases);
      b.add('country', d.country?.toLowerCase()).add('website', d.website).add('wikidataId', d.wikidata);
      if (d.founded !== undefined) b.add('incorporationDate', String(d.founded));
      const parent = parentOf(e);
      if (parent) b.add('parent', ftmId(parent));
      b.add('sector', d.products);
      common(b, ctx, e);
      out.push(b.build());
      break;
    }
    case 'agencies': {
      const d = e.data;
      const b = new Builder(ftmId(e.key), 'PublicBody').add('name', e.name).add('alias', d.acronym, d.aliases, ar?.name, ar?.aliases);
      b.add('country', d.country?.toLowerCase()).add('website', d.website).add('classification', d.level);
      const parent = parentOf(e);
      if (parent) b.add('parent', ftmId(parent));
      common(b, ctx, e);
      out.push(b.build());
      break;
    }
    case 'contracts': {
      const d = e.data;
      const id = ftmId(e.key);
      const b = new Builder(id, 'Contract').add('title', e.name).add('name', e.name).add('alias', d.aliases, ar?.name, ar?.aliases);
      b.add('authority', ftmId(entryKey('agencies', d.buyer)));
      b.add('type', d.kind).add('status', d.status).add('contractDate', d.awarded);
      b.add('procedureNumber', d.identifiers.filter((i) => i.scheme === 'solicitation').map((i) => i.value));
      const values = d.values;
      // Alternative reports of one contract stay separate values of one property, never a sum.
      b.add('amount', values.map((v) => v.amount));
      b.add('currency', values.map((v) => v.currency));
      if (values.length) b.add('notes', `Reported values: ${values.map(describeMoney).join('; ')}. Values of different kinds, currencies or reports are not to be added together.`);
      for (const i of d.identifiers) if (i.scheme !== 'solicitation') b.add('notes', `${i.scheme}: ${i.value}`);
      common(b, ctx, e);
      if (d.procurementUrl) b.add('sourceUrl', d.procurementUrl);
      out.push(b.build());
      for (const s of d.suppliers) {
        const award = new Builder(derivedId('award', [e.key, s.company]), 'ContractAward')
          .add('contract', id)
          .add('supplier', ftmId(entryKey('companies', s.company)))
          .add('role', s.role)
          .add('date', d.awarded)
          .add('startDate', d.start)
          .add('endDate', d.end)
          .add('sourceUrl', ctx.url(entryPath(e.key)));
        if (s.share) {
          award.add('amount', s.share.amount).add('currency', s.share.currency).add('description', `Supplier's share: ${describeMoney(s.share)}`);
        }
        out.push(award.build());
      }
      break;
    }
    case 'events': {
      const d = e.data;
      const id = ftmId(e.key);
      const qualifier = d.dateQualifier ?? 'on';
      const b = new Builder(id, 'Event').add('name', e.name).add('alias', ar?.name);
      // "before"/"after" only bound the date; FtM dates cannot say so, so those stay in the notes.
      if (qualifier === 'on' || qualifier === 'about') b.add('date', d.date);
      if (qualifier !== 'on') b.add('notes', `Date: ${qualifier} ${d.date}${d.dateNote ? ` (${d.dateNote})` : ''}`);
      b.add('endDate', d.endDate).add('location', d.location?.place).add('country', d.location?.country?.toLowerCase());
      b.add('keywords', d.kind);
      common(b, ctx, e);
      // One link per actor and part, however many sources say it.
      const parts = new Set<string>();
      for (const p of d.participants) {
        const k = p.entry as EntryKey;
        if (!wiki.entries.has(k)) continue;
        b.add('involved', ftmId(k));
        if (p.role === 'organiser') b.add('organizer', ftmId(k));
        if (parts.has(`${k} ${p.role}`)) continue;
        parts.add(`${k} ${p.role}`);
        out.push(link(ctx, e, k, e.key, p.role));
      }
      for (const { relation, target: k } of e.references) {
        if (relation !== 'involved') continue;
        const { collection } = splitKey(k);
        if (!wiki.entries.has(k)) continue;
        if (isActorCollection(collection)) {
          b.add('involved', ftmId(k));
        } else {
          out.push(
            new Builder(derivedId('link', [e.key, k]), 'UnknownLink')
              .add('subject', id)
              .add('object', ftmId(k))
              .add('role', 'involved')
              .add('sourceUrl', ctx.url(entryPath(e.key)))
              .build(),
          );
        }
      }
      out.unshift(b.build());
      break;
    }
    case 'sources': {
      const d = e.data;
      // Article, not Document: the model's Document requires a fileName, which a cited publication has not.
      const b = new Builder(ftmId(e.key), 'Article')
        .add('title', e.name)
        .add('alias', d.titleTranslated)
        .add('publisher', d.publisher)
        .add('author', d.authors)
        .add('publishedAt', d.published)
        .add('language', d.language ? ftmLanguage(d.language) : undefined)
        .add('sourceUrl', d.url, d.archiveUrl)
        .add('retrievedAt', d.accessed)
        .add('summary', e.summary)
        .add('keywords', d.kind, e.tags);
      for (const i of d.identifiers) b.add('notes', `${i.scheme}: ${i.value}`);
      const publisher = d.publishedBy ? wiki.entries.get(d.publishedBy as EntryKey) : undefined;
      if (publisher) b.add('publisher', publisher.name);
      const authors = d.writtenBy.map((id) => wiki.entries.get(entryKey('people', id))).filter((a) => a !== undefined);
      b.add('author', authors.map((a) => a.name));
      out.push(b.build());
      if (publisher) out.push(link(ctx, e, publisher.key, e.key, 'publisher'));
      for (const a of authors) out.push(link(ctx, e, a.key, e.key, 'author'));
      // What this source relies on: FtM has no property for it, so a link with the wiki's wording as its role.
      for (const based of d.basedOn) {
        if (!wiki.entries.has(entryKey('sources', based.source))) continue;
        out.push(
          new Builder(derivedId('link', [e.key, `sources/${based.source}`]), 'UnknownLink')
            .add('subject', ftmId(e.key))
            .add('object', ftmId(entryKey('sources', based.source)))
            .add('role', based.how)
            .add('sourceUrl', ctx.url(entryPath(e.key)))
            .build(),
        );
      }
      break;
    }
  }
  return out;
}

/** Documentation links: one per cited source and outlet ("via"), with the locators as summary. */
function documentationEntities(ctx: ExportContext, wiki: ExportWiki, e: ExportEntry): FtmEntity[] {
  if (e.collection === 'sources') return [];
  const groups = new Map<string, { source: string; via?: string; locators: string[] }>();
  const add = (o: CitationRef) => {
    if (!wiki.entries.has(entryKey('sources', o.source))) return;
    const k = `${o.source}\u001f${o.via ?? ''}`;
    const g = groups.get(k) ?? { source: o.source, via: o.via, locators: [] };
    if (o.locator && !g.locators.includes(o.locator)) g.locators.push(o.locator);
    groups.set(k, g);
  };
  for (const site of e.factCites) add(site.citation);
  for (const c of e.bodyCites) add(c);
  for (const c of e.translations.ar?.cites ?? []) add(c);
  return [...groups.values()].map((g) =>
    new Builder(derivedId('doc', [e.key, g.source, g.via ?? '']), 'Documentation')
      .add('document', ftmId(entryKey('sources', g.source)))
      .add('entity', ftmId(e.key))
      .add('role', 'source')
      .add('description', g.via ? `The source attributes this to ${g.via}.` : undefined)
      .add('summary', g.locators)
      .add('sourceUrl', ctx.url(entryPath(e.key)))
      .build(),
  );
}

/** Every entity, in a stable order: entries by collection and id, each followed by its derived entities. */
export function ftmEntities(ctx: ExportContext, wiki: ExportWiki): FtmEntity[] {
  const out: FtmEntity[] = [];
  const ordered = orderedEntries(wiki);
  for (const e of ordered) out.push(...entryEntities(ctx, e, wiki), ...statementLinks(ctx, e, wiki));
  for (const e of ordered) out.push(...documentationEntities(ctx, wiki, e));
  return out;
}

/** /api/v1/ftm.jsonl */
export function ftmJsonl(ctx: ExportContext, wiki: ExportWiki, entities: readonly FtmEntity[] = ftmEntities(ctx, wiki)): string {
  return entities
    .map((e) => `${JSON.stringify(e)}\n`)
    .join('');
}
