/**
 * schema.org JSON-LD for entry pages: a WebPage whose main entity is the
 * company (Organization), agency (GovernmentOrganization), event (Event),
 * contract (Thing, see below) or source (NewsArticle, Report or CreativeWork).
 *
 * Pure: the page passes the entry's data and a resolver for the entries it
 * refers to, so this module never touches astro:content and is unit-tested
 * directly. `serializeJsonLd` makes the JSON safe to put inside a <script>
 * element whatever contributors typed.
 */
import type { CollectionName } from '../../schemas/shared';

/** An entry another entry refers to (parent, buyer, supplier, involved party). */
export interface LinkedEntry {
  collection: CollectionName;
  /** Name in the page's language. */
  name: string;
  /** Page URL in the page's language. */
  url: string;
  /** Language-independent identifier of the thing (see JsonLdInput.id). */
  id: string;
}

export interface JsonLdInput {
  collection: CollectionName;
  /** The entry's front matter (its plain facts; references come from `references`). */
  data: Record<string, unknown>;
  /** The entry's front-matter references (schemas/references.ts), as keys. */
  references: readonly { relation: string; target: string }[];
  /** Name in the page's language. */
  name: string;
  description?: string;
  /** Other names (aliases, acronym, translated aliases). */
  alternateNames?: string[];
  /** Permanent URL of this page (in its language). */
  url: string;
  /**
   * Identifier of the thing described, the same on every language version of
   * the page (the English permanent URL plus "#subject"), so the English and
   * Arabic pages describe one thing.
   */
  id: string;
  /** BCP 47 language of the page. */
  inLanguage: string;
  /** When the entry last changed (ISO 8601), when known. */
  dateModified?: string;
  site: { name: string; url: string };
  /** Look up another entry by key ("agencies/ice"); undefined when it does not exist. */
  resolve: (key: string) => LinkedEntry | undefined;
}

type Json = Record<string, unknown>;

const SCHEMA_TYPE: Record<CollectionName, string> = {
  companies: 'Organization',
  agencies: 'GovernmentOrganization',
  events: 'Event',
  // schema.org has no type for a contract or procurement award. Order and Offer
  // describe commercial transactions (a receipt, an offer to sell) and would
  // assert things these entries do not (many contracts are only announced,
  // piloted or cancelled); Thing is valid and claims nothing false. The buyer
  // and suppliers are given as the page's `mentions`.
  contracts: 'Thing',
  people: 'Person',
  organizations: 'Organization',
  sources: 'CreativeWork',
};

const SOURCE_TYPE: Record<string, string> = {
  news: 'NewsArticle',
  'ngo-report': 'Report',
};

const LINKED_TYPE: Record<CollectionName, string> = {
  companies: 'Organization',
  agencies: 'GovernmentOrganization',
  events: 'Event',
  contracts: 'Thing',
  people: 'Person',
  organizations: 'Organization',
  sources: 'CreativeWork',
};

/** A reference to another entry: its type, identifier, name and page. */
function ref(entry: LinkedEntry): Json {
  return { '@type': LINKED_TYPE[entry.collection], '@id': entry.id, name: entry.name, url: entry.url };
}

/** Drop undefined values, empty strings and empty arrays so the output only states what is known. */
function clean(obj: Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[k] = v;
  }
  return out;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);
const country = (code: unknown) => (str(code) ? { '@type': 'PostalAddress', addressCountry: code } : undefined);

/** The entries an entry names through one relation. */
const related = (input: JsonLdInput, ...relations: string[]) => input.references.filter((r) => relations.includes(r.relation)).map((r) => r.target);

function resolved(input: JsonLdInput, keys: (string | undefined)[]): Json[] {
  const out: Json[] = [];
  for (const key of keys) {
    const entry = key ? input.resolve(key) : undefined;
    if (entry) out.push(ref(entry));
  }
  return out;
}

/** The main entity: what the entry is about. */
export function entityJsonLd(input: JsonLdInput): Json {
  const d = input.data;
  const type = input.collection === 'sources' ? (SOURCE_TYPE[String(d.kind)] ?? SCHEMA_TYPE.sources) : SCHEMA_TYPE[input.collection];
  const base: Json = {
    '@type': type,
    '@id': input.id,
    name: input.name,
    alternateName: [...new Set(input.alternateNames ?? [])].filter((n) => n !== input.name),
    description: input.description,
    url: input.url,
  };
  switch (input.collection) {
    case 'companies': {
      const parent = resolved(input, related(input, 'parent'))[0];
      return clean({
        ...base,
        sameAs: [str(d.website), str(d.wikidata) && `https://www.wikidata.org/wiki/${d.wikidata}`].filter(Boolean),
        parentOrganization: parent,
        foundingDate: typeof d.founded === 'number' ? String(d.founded) : undefined,
        address: country(d.country),
      });
    }
    case 'agencies': {
      const parent = resolved(input, related(input, 'parent'))[0];
      return clean({
        ...base,
        sameAs: [str(d.website)].filter(Boolean),
        parentOrganization: parent,
        address: country(d.country),
      });
    }
    case 'people': {
      // Each role as schema.org's Role wrapping the organisation: worksFor/affiliation with dates.
      const roles = (d.roles as { at: string; title: string; from?: string; to?: string }[] | undefined) ?? [];
      const affiliation = roles.flatMap((r) => {
        const at = input.resolve(r.at);
        return at ? [clean({ '@type': 'Role', roleName: r.title, startDate: r.from, endDate: r.to, affiliation: ref(at) })] : [];
      });
      return clean({ ...base, affiliation });
    }
    case 'organizations': {
      const parent = resolved(input, related(input, 'parent'))[0];
      return clean({
        ...base,
        sameAs: [str(d.website)].filter(Boolean),
        parentOrganization: parent,
        member: resolved(input, related(input, 'member')),
        address: country(d.country),
      });
    }
    case 'events': {
      // A date known only as "about", "before" or "after" is not stated as the start date.
      const exact = (d.dateQualifier ?? 'on') === 'on';
      const location = d.location as { place?: string; country?: string } | undefined;
      return clean({
        ...base,
        startDate: exact ? str(d.date) : undefined,
        endDate: exact ? str(d.endDate) : undefined,
        location: location ? clean({ '@type': 'Place', name: location.place, address: country(location.country) }) : undefined,
        about: resolved(input, [...new Set(related(input, 'involved', 'participant'))]),
      });
    }
    case 'contracts': {
      const ids = (d.identifiers as { scheme: string; value: string }[] | undefined) ?? [];
      const identifier = ids.map((i) => ({ '@type': 'PropertyValue', propertyID: i.scheme, value: i.value }));
      return clean({ ...base, identifier, sameAs: [str(d.procurementUrl)].filter(Boolean) });
    }
    case 'sources': {
      return clean({
        ...base,
        headline: type === 'NewsArticle' ? input.name : undefined,
        alternateName: [str(d.titleTranslated), ...((base.alternateName as string[]) ?? [])].filter(Boolean),
        author: (d.authors as string[] | undefined) ?? [],
        publisher: resolved(input, related(input, 'publisher'))[0] ?? (str(d.publisher) ? { '@type': 'Organization', name: d.publisher } : undefined),
        datePublished: str(d.published),
        inLanguage: str(d.language),
        sameAs: [str(d.url), str(d.archiveUrl)].filter(Boolean),
      });
    }
  }
}

/** The whole JSON-LD document for an entry page. */
export function entryJsonLd(input: JsonLdInput): Json {
  const entity = entityJsonLd(input);
  const mentions =
    input.collection === 'contracts'
      ? resolved(input, related(input, 'buyer', 'supplier'))
      : [];
  const page = clean({
    '@type': 'WebPage',
    '@id': input.url,
    url: input.url,
    name: input.name,
    // The description lives once, on the main entity (the page's weight budget counts every repeat).
    inLanguage: input.inLanguage,
    dateModified: input.dateModified,
    isPartOf: { '@type': 'WebSite', name: input.site.name, url: input.site.url },
    mainEntity: { '@id': input.id },
    mentions,
  });
  return { '@context': 'https://schema.org', '@graph': [page, entity] };
}

/**
 * JSON for a <script type="application/ld+json"> element. JSON.stringify
 * leaves "<", ">" and "&" as they are, so a name containing "</script>" would
 * end the element early; they are written as \u003c, \u003e and \u0026 (the
 * same string to any JSON parser). U+2028 and U+2029 are escaped too, as old
 * JavaScript parsers treat them as line ends inside strings.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
