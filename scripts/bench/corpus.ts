/**
 * Generates a synthetic wiki of N entries for the benchmark: a realistic mix of
 * the collections with cross-references (buyers, suppliers, parents,
 * involved, participants, roles, members, publishers, body links), citations (<Cite/> and front-matter sources), partial
 * dates, money values, vocabulary tags, multi-section bodies and Arabic
 * translations for about 30% of entries. The output is a pure function of
 * (entries, seed), so runs are comparable; it passes the project's content check.
 *
 *   tsx scripts/bench/corpus.ts --entries 1000 --out /tmp/corpus   (writes <out>/<collection>/...)
 *
 * Longer than the project's other files on purpose: one pass draws every
 * entry from one seeded random stream, in order, so the corpus stays the same
 * for a seed; the word lists are apart (words.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { nameKeys } from '../../src/lib/content/identity-rules';
import { PUBLISHED_URLS_FILE } from '../../src/lib/content/published-urls';
import { AGENCY_LEVELS } from '../../src/schemas/agency';
import { CONTRACT_KINDS, CONTRACT_STATUSES, SUPPLIER_ROLES } from '../../src/schemas/contract';
import { DATE_QUALIFIERS, EVENT_KINDS, PARTICIPANT_ROLES } from '../../src/schemas/event';
import { ORGANIZATION_KINDS } from '../../src/schemas/organization';
import { VALUE_KINDS } from '../../src/schemas/money';
import { COLLECTIONS, type CollectionName } from '../../src/schemas/shared';
import { SOURCE_KINDS } from '../../src/schemas/source';
import { TAG_IDS, TAGS } from '../../src/schemas/vocabulary';
import { Rng } from './prng';
import * as W from './words';

export const DEFAULT_SEED = 20260801;

/** Share of each collection in the corpus (events take the remainder). */
export const MIX: Record<CollectionName, number> = { companies: 0.13, agencies: 0.09, contracts: 0.22, events: 0.3, people: 0.08, organizations: 0.05, sources: 0.13 };

export interface CorpusOptions {
  entries: number;
  seed?: number;
  /** Share of entries with an Arabic translation (default 0.3). */
  translationShare?: number;
}

export interface Corpus {
  /** Relative path ("companies/x.mdx") to file text, in a stable order. */
  files: Map<string, string>;
  counts: Record<CollectionName, number>;
  translations: number;
  redirects: number;
  /** The former addresses the redirects keep alive: the corpus's published-urls.txt, written beside its content folder. */
  formerAddresses: string[];
  /** Search queries that have hits in this corpus (for the search benchmark). */
  queries: string[];
}

interface Shell {
  collection: CollectionName;
  id: string;
  name: string;
  /** Arabic name, set when the entry has a translation. */
  arName?: string;
  /** Extra facts decided early so titles and bodies agree. */
  short: string;
  acronym?: string;
  tag: (typeof TAG_IDS)[number];
}

/** A scalar written into YAML as-is (partial dates, so YAML parsers see them as contributors write them). */
/** The last year the corpus's dates fall in: a year every build date is after. */
const LATEST_YEAR = 2025;

class Raw {
  constructor(readonly text: string) {}
}

const YAML_WORDS = new Set(['true', 'false', 'null', 'yes', 'no', 'on', 'off', 'y', 'n', '~']);

function yamlScalar(value: unknown): string {
  if (value instanceof Raw) return value.text;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const s = String(value);
  const plain = /^\p{L}[\p{L}\p{N} ,.'()&-]*$/u.test(s) && !s.endsWith(' ') && !YAML_WORDS.has(s.toLowerCase());
  return plain ? s : JSON.stringify(s);
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Raw);

function emitObject(obj: Record<string, unknown>, indent: string, out: string[]): void {
  for (const [key, value] of Object.entries(obj)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length === 0) continue;
      if (value.every((v) => typeof v === 'string' && /^[a-z0-9/-]+$/.test(v))) {
        out.push(`${indent}${key}: [${value.join(', ')}]`);
        continue;
      }
      out.push(`${indent}${key}:`);
      for (const item of value) {
        if (isObject(item)) {
          const lines: string[] = [];
          emitObject(item, `${indent}    `, lines);
          lines[0] = `${indent}  - ${lines[0]!.trimStart()}`;
          out.push(...lines);
        } else {
          out.push(`${indent}  - ${yamlScalar(item)}`);
        }
      }
    } else if (isObject(value)) {
      out.push(`${indent}${key}:`);
      emitObject(value, `${indent}  `, out);
    } else {
      out.push(`${indent}${key}: ${yamlScalar(value)}`);
    }
  }
}

function entryText(frontmatter: Record<string, unknown>, body: string): string {
  const lines: string[] = [];
  emitObject(frontmatter, '', lines);
  return `---\n${lines.join('\n')}\n---\n\n${body.trim()}\n`;
}

function slugify(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A contract's identifiers, each reported by the contract's first source. */
function identifierList(awardId: string, piid: string | undefined, sources: readonly string[]) {
  return [{ scheme: 'award-id', value: awardId, source: sources[0] }, ...(piid ? [{ scheme: 'piid', value: piid, source: sources[0] }] : [])];
}

export function generateCorpus(options: CorpusOptions): Corpus {
  const n = Math.max(5, Math.floor(options.entries));
  const seed = options.seed ?? DEFAULT_SEED;
  const share = options.translationShare ?? 0.3;
  const rng = new Rng(seed);
  // Separate streams so changing one part of the generator does not reshuffle everything.
  const lex = new Rng(seed ^ 0x5bd1e995);

  // An invented lexicon of rarer words (system names, places), so the search
  // index grows with the corpus the way a real one does.
  const lexicon: string[] = [];
  const seenWords = new Set<string>();
  const lexSize = Math.min(6000, 400 + n);
  for (let guard = 0; lexicon.length < lexSize && guard < lexSize * 10; guard++) {
    const w = Array.from({ length: lex.int(2, 3) }, () => lex.pick(W.SYLLABLES)).join('');
    if (!seenWords.has(w)) {
      seenWords.add(w);
      lexicon.push(w);
    }
  }
  const arLexicon = Array.from({ length: Math.min(3000, 200 + Math.floor(n / 2)) }, () =>
    Array.from({ length: lex.int(2, 4) }, () => lex.pick(W.AR_SYLLABLES)).join(''),
  );

  const counts = {} as Record<CollectionName, number>;
  let assigned = 0;
  for (const c of COLLECTIONS) {
    if (c === 'events') continue;
    counts[c] = Math.max(1, Math.floor(n * MIX[c]));
    assigned += counts[c];
  }
  counts.events = n - assigned;

  const ids = Object.fromEntries(COLLECTIONS.map((c) => [c, new Set<string>()])) as Record<CollectionName, Set<string>>;
  const uniqueId = (collection: CollectionName, name: string) => {
    const base = slugify(name) || collection;
    let id = base;
    for (let i = 2; ids[collection].has(id); i++) id = `${base}-${i}`;
    ids[collection].add(id);
    return id;
  };
  const shells = Object.fromEntries(COLLECTIONS.map((c) => [c, [] as Shell[]])) as Record<CollectionName, Shell[]>;
  /** Rare words in the order first drawn (some drawn words end in an alternative not picked: queries keep only those in the text). */
  const usedRare = new Set<string>();
  const rareWord = () => {
    const word = rng.skewed(lexicon, 1.6);
    usedRare.add(word);
    return cap(word);
  };
  const arName = (prefix: string) => `${prefix} ${rng.pick(arLexicon)}${rng.chance(0.5) ? ` ${rng.pick(arLexicon)}` : ''}`;

  // Names first, so every file can refer to any other entry.
  for (let i = 0; i < counts.companies; i++) {
    const first = rng.chance(0.25) ? rareWord() : rng.pick(W.COMPANY_FIRST);
    const short = rng.chance(0.6) ? `${first}${rng.pick(W.COMPANY_MIDDLE).toLowerCase()}` : `${first} ${rng.pick(W.COMPANY_MIDDLE)}`;
    const name = `${short} ${rng.pick(W.COMPANY_SUFFIX)}`;
    shells.companies.push({ collection: 'companies', id: uniqueId('companies', name), name, short, tag: rng.pick(TAG_IDS) });
  }
  for (let i = 0; i < counts.agencies; i++) {
    const fn = rng.pick(W.AGENCY_FUNCTIONS);
    const local = rng.chance(0.45);
    const place = rng.pick(W.CITIES);
    const name = local ? `${place} ${fn} ${rng.pick(['Department', 'Service', 'Unit', 'Command'])}` : `${rng.pick(W.AGENCY_FORMS)} ${fn}${rng.chance(0.3) ? ` of ${place}` : ''}`;
    const acronym = name
      .split(/[\s-]+/)
      .filter((w) => /^[A-Z]/.test(w))
      .map((w) => w[0])
      .join('');
    shells.agencies.push({ collection: 'agencies', id: uniqueId('agencies', name), name, short: local ? place : fn, acronym, tag: rng.pick(TAG_IDS) });
  }
  const tagLabel = (t: string) => TAGS[t as keyof typeof TAGS].toLowerCase();
  for (let i = 0; i < counts.sources; i++) {
    const company = rng.pick(shells.companies);
    const agency = rng.pick(shells.agencies);
    const tag = rng.pick(TAG_IDS);
    const headline = rng.pick([
      `How ${company.short} built a ${tagLabel(tag)} system for the ${agency.name}`,
      `${agency.name} expands ${tagLabel(tag)} programme despite criticism`,
      `Leaked files reveal ${company.name} role in ${tagLabel(tag)}`,
      `Workers at ${company.short} protest ${agency.acronym || agency.short} contract`,
      `Inside the ${rareWord()} database`,
      `${company.name} wins ${rng.int(2, 9)}-year deal with ${agency.name}`,
      `Court hears challenge to ${agency.short} use of ${tagLabel(tag)}`,
    ]);
    shells.sources.push({ collection: 'sources', id: uniqueId('sources', `${headline} ${rng.int(2005, 2026)}`), name: headline, short: headline, tag });
  }
  for (let i = 0; i < counts.contracts; i++) {
    const company = rng.skewed(shells.companies, 1.5);
    const agency = rng.skewed(shells.agencies, 2);
    const tag = rng.pick(TAG_IDS);
    const kindWord = rng.pick(['contract', 'pilot', 'framework', 'licence', 'task order', 'service agreement']);
    const name = rng.chance(0.2)
      ? `Project ${rareWord()}`
      : `${company.short} ${tagLabel(tag)} ${kindWord} for ${agency.acronym && agency.acronym.length > 1 ? agency.acronym : agency.name}`;
    shells.contracts.push({ collection: 'contracts', id: uniqueId('contracts', name), name, short: name, tag });
  }
  for (let i = 0; i < counts.events; i++) {
    const company = rng.skewed(shells.companies, 1.5);
    const agency = rng.skewed(shells.agencies, 2);
    const tag = rng.pick(TAG_IDS);
    const name = rng.pick([
      `Protest at ${company.short} offices over ${agency.acronym || agency.short} contract`,
      `Report on ${company.name} and ${tagLabel(tag)}`,
      `Leak of ${agency.short} ${tagLabel(tag)} documents`,
      `${company.name} statement on ${tagLabel(tag)}`,
      `${agency.name} budget increase for ${tagLabel(tag)}`,
      `Employees at ${company.short} sign open letter`,
      `Lawsuit against ${agency.name} over ${tagLabel(tag)}`,
      `${rng.pick(W.CITIES)} council votes on ${tagLabel(tag)}`,
      `${company.short} ends work for ${agency.acronym || agency.short}`,
    ]);
    shells.events.push({ collection: 'events', id: uniqueId('events', `${name} ${rng.int(2010, 2026)}`), name, short: name, tag });
  }

  for (let i = 0; i < counts.organizations; i++) {
    const name = `${rng.chance(0.4) ? rareWord() : rng.pick(W.CITIES)} ${rng.pick(W.ORGANIZATION_NAMES)}`;
    shells.organizations.push({ collection: 'organizations', id: uniqueId('organizations', name), name, short: name, tag: rng.pick(TAG_IDS) });
  }
  for (let i = 0; i < counts.people; i++) {
    const name = `${rng.pick(W.AUTHOR_FIRST)} ${rng.chance(0.3) ? `${rareWord()} ` : ''}${rng.pick(W.AUTHOR_LAST)}`;
    shells.people.push({ collection: 'people', id: uniqueId('people', name), name, short: name, tag: rng.pick(TAG_IDS) });
  }

  // Translations: about `share` of entries in every collection.
  let translations = 0;
  const arPrefix: Record<CollectionName, string[]> = {
    companies: ['شركة'],
    agencies: ['وزارة', 'هيئة', 'وكالة', 'مديرية', 'شرطة'],
    contracts: ['عقد', 'مشروع', 'اتفاقية'],
    events: ['احتجاج', 'تقرير', 'تسريب', 'بيان', 'دعوى'],
    people: ['السيدة', 'السيد'],
    organizations: ['حملة', 'تحالف', 'شبكة', 'مؤسسة'],
    sources: ['كيف', 'وثائق', 'تحقيق'],
  };
  for (const c of COLLECTIONS) {
    for (const s of shells[c]) {
      if (rng.chance(share)) {
        s.arName = arName(rng.pick(arPrefix[c]));
        translations++;
      }
    }
  }

  const all = COLLECTIONS.flatMap((c) => shells[c]);
  const nonSources = all.filter((s) => s.collection !== 'sources');
  const href = (s: Shell) => `/${s.collection}/${s.id}/`;
  const key = (s: Shell) => `${s.collection}/${s.id}`;

  /** A date from `min` to `max`, never after LATEST_YEAR: the content check refuses dates after the build's. */
  const partialDate = (min: number, max: number) => {
    const y = rng.int(min, Math.min(max, LATEST_YEAR));
    const p = rng.next();
    if (p < 0.25) return new Raw(String(y));
    const m = String(rng.int(1, 12)).padStart(2, '0');
    if (p < 0.55) return new Raw(`${y}-${m}`);
    return new Raw(`${y}-${m}-${String(rng.int(1, 28)).padStart(2, '0')}`);
  };
  const citation = (sourceIds: readonly string[]) => {
    const id = rng.pick(sourceIds);
    if (rng.chance(0.15)) return { source: id, via: rng.pick(W.VIA_OUTLETS) };
    if (rng.chance(0.05)) return { source: id, locator: `p. ${rng.int(1, 40)}` };
    return id;
  };
  const money = (sourceIds: readonly string[]) => {
    const mag = rng.int(4, 9);
    return {
      amount: rng.int(10, 999) * 10 ** (mag - 2),
      currency: rng.pick(['USD', 'USD', 'USD', 'EUR', 'GBP', 'ILS', 'CAD', 'AUD', 'AED']),
      kind: rng.pick(VALUE_KINDS),
      asOf: rng.chance(0.3) ? partialDate(2012, 2026) : undefined,
      isMinimum: rng.chance(0.1) ? true : undefined,
      source: citation(sourceIds),
    };
  };
  const sourceIds = shells.sources.map((s) => s.id);
  /** Front-matter sources: one to three, popular sources cited more often. */
  const pickSources = () => {
    const ids = rng.some(sourceIds, rng.int(1, 3), 2);
    return ids.map((id) => (rng.chance(0.1) ? { source: id, via: rng.pick(W.VIA_OUTLETS) } : id));
  };
  const sourcesOf = (fm: Record<string, unknown>) =>
    (fm.sources as (string | { source: string })[]).map((c) => (typeof c === 'string' ? c : c.source));
  const tags = (first: string, max: number) => [...new Set([first, ...rng.some(TAG_IDS, rng.int(0, max - 1))])];
  const responses = (srcs: string[]) =>
    rng.chance(0.1)
      ? Array.from({ length: rng.int(1, 2) }, () => ({
          date: partialDate(2015, 2026),
          by: `${rng.pick(W.AUTHOR_FIRST)} ${rng.pick(W.AUTHOR_LAST)}, a spokesperson`,
          speaker: rng.chance(0.3) ? key(rng.pick(shells.people)) : undefined,
          said: `Said the ${rng.pick(W.NOUNS)} complied with all ${rng.pick(W.ADJECTIVES)} rules and declined to comment further.`,
          source: rng.pick(srcs),
        }))
      : undefined;
  const corrections = () =>
    rng.chance(0.03)
      ? [{ date: partialDate(2020, 2026), change: `Corrected the ${rng.pick(W.NOUNS)} date.`, reason: 'The source gives a different month.' }]
      : undefined;
  let redirects = 0;
  const formerAddresses: string[] = [];
  const redirectFrom = (s: Shell) => {
    if (!rng.chance(0.02)) return undefined;
    const old = `${s.id}-former`;
    if (ids[s.collection].has(old)) return undefined;
    ids[s.collection].add(old);
    redirects++;
    formerAddresses.push(`/${s.collection}/${old}/`);
    return [old];
  };

  // ---- Prose ---------------------------------------------------------------
  const citeTag = (srcs: readonly string[]) => {
    const id = rng.pick(srcs);
    const r = rng.next();
    if (r < 0.12) return `<Cite source="${id}" via="${rng.pick(W.VIA_OUTLETS)}" />`;
    if (r < 0.16) return `<Cite source="${id}" locator="p. ${rng.int(1, 60)}" />`;
    return `<Cite source="${id}" />`;
  };
  const word = () => (rng.chance(0.12) ? rareWord() : rng.pick(W.NOUNS));
  const enSentence = (subject: string): string => {
    const noun = rng.pick(W.NOUNS);
    const adj = rng.pick(W.ADJECTIVES);
    const verb = rng.pick(W.VERBS);
    const outlet = rng.pick(W.OUTLETS);
    return rng.pick([
      `${cap(subject)} ${verb} the ${adj} ${noun} ${rng.pick(W.TIME_PHRASES)}.`,
      `According to ${outlet}, ${subject} ${verb} a ${adj} ${word()} in ${rng.int(2008, 2026)}.`,
      `The ${noun} ${verb} by ${subject} was described as ${adj} and ${rng.pick(W.ADJECTIVES)} in the report.`,
      `${cap(subject)} did not respond to requests for comment about the ${word()}.`,
      `Critics say the ${adj} ${noun} allows ${rng.pick(W.PEOPLE)} to be tracked without a ${rng.pick(W.NOUNS)}.`,
      `Documents seen by ${outlet} show that the ${word()} was ${verb} ${rng.pick(W.TIME_PHRASES)}.`,
      `A spokesperson for ${subject} said the ${noun} complied with ${adj} law and was subject to review.`,
      `The ${rareWord()} ${noun}, run by ${subject}, holds records on about ${rng.int(2, 900)},000 ${rng.pick(W.PEOPLE)}.`,
      `Lawyers representing ${rng.pick(W.PEOPLE)} ${verb} the ${noun} in court, arguing it was ${adj}.`,
      `Oversight of the ${noun} remained ${adj}, and the ${rng.pick(W.NOUNS)} was ${verb} ${rng.pick(W.TIME_PHRASES)}.`,
    ]);
  };
  const arSentence = (subject: string): string => {
    const words = Array.from({ length: rng.int(8, 16) }, () => (rng.chance(0.2) ? rng.pick(arLexicon) : rng.skewed(W.AR_WORDS, 1.5)));
    words.splice(rng.int(1, 3), 0, subject);
    return `${words.join(' ')}.`;
  };
  const linkTo = (s: Shell, ar: boolean) => `[${ar ? (s.arName ?? s.name) : s.name}](${href(s)})`;

  /** A body of a few sections with links to `related`, citing `srcs`. */
  const body = (s: Shell, related: Shell[], srcs: readonly string[], ar: boolean): string => {
    const parts: string[] = [];
    const sectionCount = s.collection === 'sources' ? rng.int(0, 1) : Math.floor(rng.next() ** 1.6 * 4) + 1;
    const pool = [...related];
    let cited = false;
    const paragraph = (sentences: number) => {
      const out: string[] = [];
      for (let i = 0; i < sentences; i++) {
        let subject: string;
        if (pool.length && rng.chance(0.45)) subject = linkTo(pool.splice(rng.int(0, pool.length - 1), 1)[0]!, ar);
        else if (related.length && rng.chance(0.15)) subject = linkTo(rng.pick(related), ar);
        else if (ar) subject = rng.chance(0.3) ? (s.arName ?? s.name) : rng.pick(W.AR_WORDS);
        else subject = rng.pick(['the company', 'the agency', 'the ministry', 'officials', 'the vendor', s.name]);
        let sentence = ar ? arSentence(subject) : enSentence(subject);
        // Every body that has sources cites one at least once (the content check requires it).
        if (srcs.length && (!cited || rng.chance(0.6))) {
          sentence += citeTag(srcs);
          cited = true;
        }
        out.push(sentence);
      }
      return out.join(' ');
    };
    parts.push(paragraph(rng.int(2, 4)));
    const headings = ar ? W.AR_HEADINGS : W.HEADINGS[s.collection];
    for (let i = 0; i < sectionCount; i++) {
      parts.push(`## ${rng.pick(headings)}${i >= headings.length ? ` ${i}` : ''}`);
      const paragraphs = rng.int(1, 2);
      for (let p = 0; p < paragraphs; p++) parts.push(paragraph(rng.int(2, 5)));
      if (rng.chance(0.2)) {
        const items = Array.from({ length: rng.int(2, 4) }, () => `- ${ar ? arSentence(rng.pick(arLexicon)) : enSentence(`the ${word()}`)}`);
        parts.push(items.join('\n'));
      }
    }
    // Whatever related entries were not mentioned yet get a closing "see also" line.
    if (pool.length) parts.push(`${ar ? 'انظر أيضا' : 'See also'}: ${pool.slice(0, 6).map((r) => linkTo(r, ar)).join(', ')}.`);
    if (!ar && rng.chance(0.1)) parts.push(`*Quotations in this entry are translated from the ${rng.pick(['Arabic', 'French', 'Hebrew'])} reports.*`);
    return parts.join('\n\n');
  };
  const extraLinks = () => rng.some(nonSources, rng.int(0, 3), 1.3);

  // ---- Files -------------------------------------------------------------
  const files = new Map<string, string>();
  /** Each name's keys (as the content check compares names) and the entry that has it: no two entries share a name, here either. */
  const takenNames = new Map<string, string>();
  const claimName = (text: string, owner: string) => {
    const keys = nameKeys(text);
    if (keys.some((k) => (takenNames.get(k) ?? owner) !== owner)) return false;
    for (const k of keys) takenNames.set(k, owner);
    return true;
  };
  /** The name, numbered ("Ministry of Customs 2") when another entry has it already. */
  const distinctName = (text: string, owner: string) => {
    let name = text;
    for (let i = 2; !claimName(name, owner); i++) name = `${text} ${i}`;
    return name;
  };
  /** The aliases no other entry has. */
  const distinctAliases = (aliases: unknown, owner: string) => {
    const kept = Array.isArray(aliases) ? aliases.filter((a: string) => claimName(a, owner)) : [];
    return kept.length ? kept : undefined;
  };
  const write = (s: Shell, fm: Record<string, unknown>, related: Shell[], srcs: string[]) => {
    const owner = key(s);
    const field = 'name' in fm ? 'name' : 'title';
    fm[field] = distinctName(String(fm[field]), owner);
    fm.aliases = distinctAliases(fm.aliases, owner);
    files.set(`${s.collection}/${s.id}.mdx`, entryText(fm, body(s, related, srcs, false)));
    if (s.arName) {
      const tr = {
        name: distinctName(s.arName, owner),
        summary: rng.chance(0.8) ? `${arSentence(s.arName).slice(0, 300)}` : undefined,
        aliases: distinctAliases(rng.chance(0.2) ? [rng.pick(arLexicon)] : undefined, owner),
      };
      files.set(`${s.collection}/${s.id}.ar.mdx`, entryText(tr, body(s, related, srcs, true)));
    }
  };
  const clip = (s: string) => (s.length <= 300 ? s : `${s.slice(0, 296).replace(/\s+\S*$/, '')}.`);

  shells.companies.forEach((s, i) => {
    const parent = i > 3 && rng.chance(0.2) ? rng.skewed(shells.companies.slice(0, i), 2) : undefined;
    const products = tags(s.tag, 3);
    const fm: Record<string, unknown> = {
      name: s.name,
      aliases: rng.chance(0.4) ? [s.short, ...(rng.chance(0.3) ? [rng.pick(arLexicon)] : [])] : undefined,
      parent: parent?.id,
      country: rng.chance(0.9) ? rng.pick(W.COUNTRIES) : undefined,
      website: rng.chance(0.6) ? `https://${s.id}.example.com` : undefined,
      founded: rng.chance(0.7) ? rng.int(1950, 2022) : undefined,
      wikidata: rng.chance(0.3) ? `Q${rng.int(1000, 99999999)}` : undefined,
      products,
      tags: tags(s.tag, 4),
      summary: clip(`A ${rng.pick(['software', 'hardware', 'data', 'defence', 'consulting'])} company selling ${products.map(tagLabel).join(', ')} products to government agencies${parent ? `, owned by ${parent.name}` : ''}.`),
      sources: pickSources(),
      redirectFrom: redirectFrom(s),
    };
    fm.responses = responses(sourcesOf(fm));
    fm.corrections = corrections();
    write(s, fm, [...(parent ? [parent] : []), ...extraLinks()], sourcesOf(fm));
  });

  shells.agencies.forEach((s, i) => {
    const parent = i > 2 && rng.chance(0.4) ? rng.skewed(shells.agencies.slice(0, i), 2) : undefined;
    const fm: Record<string, unknown> = {
      name: s.name,
      acronym: s.acronym && s.acronym.length > 1 ? s.acronym : undefined,
      aliases: rng.chance(0.2) ? [`${s.short} authority`] : undefined,
      parent: parent?.id,
      country: rng.pick(W.COUNTRIES),
      level: rng.pick(AGENCY_LEVELS),
      website: rng.chance(0.5) ? `https://${s.id}.example.gov` : undefined,
      tags: tags(s.tag, 5),
      summary: clip(`A government body responsible for ${s.short.toLowerCase()} that buys ${tagLabel(s.tag)} technology${parent ? ` and reports to the ${parent.name}` : ''}.`),
      sources: pickSources(),
      redirectFrom: redirectFrom(s),
    };
    fm.responses = responses(sourcesOf(fm));
    fm.corrections = corrections();
    write(s, fm, [...(parent ? [parent] : []), ...extraLinks()], sourcesOf(fm));
  });

  shells.sources.forEach((s) => {
    const language = rng.next() < 0.7 ? 'en' : rng.chance(0.75) ? 'ar' : 'fr';
    const published = rng.chance(0.85) ? partialDate(2005, 2026) : undefined;
    const url = rng.chance(0.7) ? `https://news.example.org/${rng.int(2005, 2026)}/${s.id}` : undefined;
    const fm: Record<string, unknown> = {
      title: language === 'ar' ? `${rng.pick(W.AR_WORDS)} ${rng.pick(arLexicon)} ${rng.pick(W.AR_WORDS)} ${rng.pick(W.AR_WORDS)} ${rng.pick(arLexicon)}` : language === 'fr' ? `Enquête : ${s.name}` : s.name,
      titleTranslated: language === 'en' ? undefined : s.name,
      publisher: rng.chance(0.85) ? rng.pick(W.OUTLETS) : undefined,
      publishedBy: rng.chance(0.3) ? key(rng.skewed(shells.organizations, 2)) : undefined,
      authors: rng.chance(0.7) ? Array.from({ length: rng.int(1, 3) }, () => `${rng.pick(W.AUTHOR_FIRST)} ${rng.pick(W.AUTHOR_LAST)}`) : undefined,
      published,
      language,
      kind: rng.pick(SOURCE_KINDS),
      url,
      // An archived copy is a copy of the url, at a web archive.
      archiveUrl: url && rng.chance(0.3) ? `https://web.archive.org/web/2024/${url}` : undefined,
      // Read after it was published.
      accessed: rng.chance(0.3) && (!published || published.text < '2024') ? partialDate(2024, 2026) : undefined,
      summary: rng.chance(0.6) ? clip(`A ${rng.pick(['news report', 'leaked memo', 'court filing', 'NGO report', 'press release'])} on ${tagLabel(s.tag)} and the ${rng.pick(W.NOUNS)} behind it.`) : undefined,
      tags: tags(s.tag, 3),
      redirectFrom: redirectFrom(s),
    };
    write(s, fm, rng.some(nonSources, rng.int(0, 2)), []);
  });

  shells.contracts.forEach((s) => {
    const buyer = rng.skewed(shells.agencies, 2);
    const suppliers = rng.some(shells.companies, rng.next() < 0.7 ? 1 : rng.int(2, 3), 1.5);
    const srcList = pickSources();
    const srcIds = srcList.map((c) => (typeof c === 'string' ? c : c.source));
    const start = rng.chance(0.5) ? partialDate(2008, 2024) : undefined;
    const startYear = start ? Number(start.text.slice(0, 4)) : 0;
    const fm: Record<string, unknown> = {
      title: s.name,
      aliases: rng.chance(0.1) ? [`${rareWord()} programme`] : undefined,
      kind: rng.pick(CONTRACT_KINDS),
      buyer: buyer.id,
      suppliers: suppliers.map((c, i) => ({
        company: c.id,
        role: i === 0 ? 'prime' : rng.pick(SUPPLIER_ROLES),
        share: suppliers.length > 1 && rng.chance(0.2) ? money(srcIds) : undefined,
      })),
      values: Array.from({ length: rng.int(0, 2) }, () => money(srcIds)),
      awarded: rng.chance(0.8) ? partialDate(2008, 2025) : undefined,
      start,
      end: start && rng.chance(0.6) ? new Raw(String(startYear + rng.int(1, 6))) : undefined,
      status: rng.pick(CONTRACT_STATUSES),
      // The same draws as before identifiers became a list, so a seed still gives the same corpus.
      identifiers: rng.chance(0.3) ? identifierList(`AW${rng.int(100000, 999999)}`, rng.chance(0.5) ? `70CD${rng.int(1000000, 9999999)}` : undefined, srcIds) : undefined,
      procurementUrl: rng.chance(0.2) ? `https://procurement.example.gov/award/${s.id}` : undefined,
      tags: tags(s.tag, 3),
      summary: clip(`A ${tagLabel(s.tag)} ${rng.pick(['contract', 'agreement', 'pilot'])} between the ${buyer.name} and ${suppliers.map((c) => c.name).join(' and ')}.`),
      sources: srcList,
      redirectFrom: redirectFrom(s),
    };
    fm.responses = responses(srcIds);
    write(s, fm, [buyer, ...suppliers, ...extraLinks()], srcIds);
  });

  shells.events.forEach((s, i) => {
    const candidates = rng.chance(0.5) ? shells.companies : rng.chance(0.5) ? shells.agencies : shells.contracts;
    const involved = [
      ...rng.some(candidates, rng.int(1, 3), 1.5),
      ...(i > 0 && rng.chance(0.3) ? [rng.pick(shells.events.slice(0, i))] : []),
    ];
    const date = partialDate(2010, 2026);
    const eventSources = pickSources().map((c) => (typeof c === 'string' ? c : c.source));
    const fm: Record<string, unknown> = {
      title: s.name,
      date,
      dateQualifier: rng.chance(0.7) ? undefined : rng.pick(DATE_QUALIFIERS),
      dateNote: rng.chance(0.1) ? 'The source gives only the month; the day is not known.' : undefined,
      endDate: rng.chance(0.15) ? new Raw(String(Math.min(LATEST_YEAR, Number(date.text.slice(0, 4)) + rng.int(0, 2)))) : undefined,
      kind: rng.pick(EVENT_KINDS),
      location: rng.chance(0.6) ? { place: rng.pick(W.CITIES), country: rng.chance(0.8) ? rng.pick(W.COUNTRIES) : undefined } : undefined,
      involved: involved.map(key),
      participants: rng.chance(0.3)
        ? rng.some([...shells.people, ...shells.organizations], rng.int(1, 3), 1.5).map((p) => ({ entry: key(p), role: rng.pick(PARTICIPANT_ROLES), source: rng.pick(eventSources) }))
        : undefined,
      tags: tags(s.tag, 3),
      summary: clip(`${cap(s.name)}, involving ${involved.slice(0, 2).map((x) => x.name).join(' and ')}, as reported by ${rng.pick(W.OUTLETS)}.`),
      sources: eventSources,
      redirectFrom: redirectFrom(s),
    };
    write(s, fm, [...involved, ...extraLinks()], sourcesOf(fm));
  });

  shells.organizations.forEach((s, i) => {
    const parent = i > 3 && rng.chance(0.1) ? rng.pick(shells.organizations.slice(0, i)) : undefined;
    const kind = rng.pick(ORGANIZATION_KINDS);
    const members = rng.chance(0.25) ? rng.some([...shells.organizations.slice(0, i), ...shells.companies], rng.int(1, 4), 1.5) : [];
    const fm: Record<string, unknown> = {
      name: s.name,
      kind,
      country: rng.chance(0.7) ? rng.pick(W.COUNTRIES) : undefined,
      website: rng.chance(0.5) ? `https://${s.id}.example.org` : undefined,
      parent: parent?.id,
      members: members.length ? members.map(key) : undefined,
      tags: tags(s.tag, 2),
      summary: clip(`A ${kind.replace('-', ' ')} working on ${tagLabel(s.tag)}${parent ? `, part of ${parent.name}` : ''}.`),
      sources: pickSources(),
      redirectFrom: redirectFrom(s),
    };
    fm.responses = responses(sourcesOf(fm));
    write(s, fm, [...(parent ? [parent] : []), ...members, ...extraLinks()], sourcesOf(fm));
  });

  shells.people.forEach((s) => {
    const srcIds = pickSources().map((c) => (typeof c === 'string' ? c : c.source));
    const places = rng.some([...shells.companies, ...shells.agencies, ...shells.organizations], rng.int(1, 3), 1.5);
    const roles = places.map((at) => {
      const from = rng.chance(0.6) ? partialDate(2005, 2022) : undefined;
      const fromYear = from ? Number(from.text.slice(0, 4)) : 0;
      return { at: key(at), title: rng.pick(W.ROLE_TITLES), from, to: from && rng.chance(0.4) ? new Raw(String(fromYear + rng.int(1, 4))) : undefined, source: rng.pick(srcIds) };
    });
    const fm: Record<string, unknown> = {
      name: s.name,
      aliases: s.arName && rng.chance(0.5) ? [s.arName] : undefined,
      roles,
      tags: tags(s.tag, 2),
      summary: clip(`${s.name}, ${roles[0]!.title} at ${places[0]!.name}, as the sources report.`),
      sources: srcIds,
      redirectFrom: redirectFrom(s),
    };
    fm.responses = responses(srcIds);
    write(s, fm, [...places, ...extraLinks()], srcIds);
  });

  // Queries with hits: company names, tag labels, agency words, rare words, Arabic words.
  const allText = [...files.values()].join('\n');
  const q = new Rng(seed ^ 0x1234567);
  const queries = [
    ...q.some(shells.companies, 7).map((c) => c.short.split(' ')[0]!.toLowerCase()),
    ...q.some(TAG_IDS, 4).map((t) => tagLabel(t)),
    ...q.some(shells.agencies, 3).map((a) => a.short.split(' ')[0]!.toLowerCase()),
    ...q.some(['procurement', 'surveillance', 'leaked documents', 'spokesperson'], 2),
    ...q.some([...usedRare].filter((w) => allText.includes(cap(w))).slice(0, 50), 2),
    ...q.some(['مراقبة', 'الهجرة', 'شركة'], 2),
  ];
  // Top up to 20 distinct queries (company words can repeat) with more company words.
  for (let guard = 0; new Set(queries).size < 20 && guard < 200; guard++) queries.push(q.pick(shells.companies).short.split(' ')[0]!.toLowerCase());

  return { files, counts, translations, redirects, formerAddresses: formerAddresses.sort(), queries: [...new Set(queries)].slice(0, 20) };
}

/** Write a corpus as <dir>/<collection>/<file>. */
/** Write the corpus into the content folder `dir`, and the list of its former addresses beside it (published-urls.txt). */
export function writeCorpus(dir: string, corpus: Corpus): void {
  for (const [path, text] of corpus.files) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  writeFileSync(join(dirname(join(dir, '.')), PUBLISHED_URLS_FILE), `# The addresses the corpus's redirects keep alive.\n${corpus.formerAddresses.map((a) => `${a}\n`).join('')}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const out = arg('out');
  if (!out) {
    console.error('usage: tsx scripts/bench/corpus.ts --entries N --out <dir> [--seed S]');
    process.exit(2);
  }
  const corpus = generateCorpus({ entries: Number(arg('entries') ?? 1000), seed: arg('seed') ? Number(arg('seed')) : undefined });
  writeCorpus(out, corpus);
  console.log(`Wrote ${corpus.files.size} files to ${out}`, corpus.counts);
}
