/**
 * No impersonation: an entry cannot take another entry's name, alias or
 * address. Names and aliases (of originals and translations, in every
 * collection) are compared by their Unicode confusable skeleton (UTS #39,
 * confusables.txt, via the unhomoglyph package), so "Pаlantir" with a
 * Cyrillic "а", "PALANTIR" and "Palantir" are one name; and an old id kept
 * with redirectFrom must be an address the wiki has published, in the
 * entry's own collection, claimed once. Every clash is reported on both files.
 *
 * Node only (with check.ts), though it needs nothing of Node.
 */
import { skeleton } from './character-rules';
import { COLLECTIONS, ENTRY_ID_PATTERN, nameField, type CollectionName } from '../isomorphic/collections';
import type { RawFile } from './files';
import { fieldName } from './front-matter-rules';
import { show } from './link-rules';

export interface IdentityProblem {
  file: string;
  line: number;
  field: string;
  message: string;
}

/** One name or alias an entry claims, where it is written. */
export interface NameClaim {
  file: RawFile;
  /** "<collection>/<id>": an original and its translations are one entry. */
  entry: string;
  path: PropertyKey[];
  text: string;
}

/** The names a file claims: its name (or title) and its aliases. */
export function namesOf(f: RawFile): NameClaim[] {
  const data = f.frontmatter as Record<string, unknown> | undefined;
  if (!data || typeof data !== 'object') return [];
  const entry = `${f.collection}/${f.id}`;
  const field = f.locale ? 'name' : nameField(f.collection);
  const claims: NameClaim[] = [];
  if (typeof data[field] === 'string') claims.push({ file: f, entry, path: [field], text: data[field] });
  if (Array.isArray(data.aliases)) {
    data.aliases.forEach((alias, i) => {
      if (typeof alias === 'string') claims.push({ file: f, entry, path: ['aliases', i], text: alias });
    });
  }
  return claims.filter((c) => c.text.trim() !== '');
}

const tidy = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();

/**
 * The keys two names share when they read alike: the skeleton of the
 * lower-cased name ("PALANTIR" and "Palantir"), and the lower-cased skeleton
 * ("AI" and "Al", which look alike only in capitals).
 */
export function nameKeys(name: string): [string, string] {
  const t = tidy(name);
  return [`a:${skeleton(t.toLowerCase())}`, `b:${skeleton(t).toLowerCase()}`];
}

/** Whether two names would be confused for each other (the same after case folding, or lookalikes). */
export function namesClash(a: string, b: string): boolean {
  const [a1, a2] = nameKeys(a);
  const [b1, b2] = nameKeys(b);
  return a1 === b1 || a2 === b2;
}

const NOUN: Record<CollectionName, string> = {
  companies: 'company',
  agencies: 'agency',
  contracts: 'contract',
  events: 'event',
  people: 'person',
  organizations: 'organisation',
  sources: 'source',
};

function clashMessage(own: NameClaim, other: NameClaim): string {
  const same = tidy(own.text).toLowerCase() === tidy(other.text).toLowerCase();
  const otherField = fieldName(other.path);
  const sameCollection = own.file.collection === other.file.collection;
  const advice = sameCollection
    ? `if they are the same ${NOUN[own.file.collection]}, keep one entry (list the other id in its redirectFrom); if not, write a name that tells them apart (for example the full legal name or the country)`
    : 'write a name that tells them apart (for example the full legal name or the country)';
  return `"${show(own.text)}" ${same ? 'is the same name as' : 'looks the same as'} ${otherField} "${show(other.text)}" of ${other.file.file}: two entries cannot share a name or alias, or readers, search and the exports would take one for the other; ${advice}`;
}

/** Names and aliases that equal or look like another entry's, reported on both files. */
export function nameClashes(files: readonly RawFile[]): IdentityProblem[] {
  const claims = files.flatMap(namesOf);
  const byKey = new Map<string, NameClaim[]>();
  for (const claim of claims) {
    for (const key of nameKeys(claim.text)) (byKey.get(key) ?? byKey.set(key, []).get(key)!).push(claim);
  }
  const problems = new Map<NameClaim, IdentityProblem>();
  for (const group of byKey.values()) {
    for (const claim of group) {
      if (problems.has(claim)) continue;
      const other = group.find((c) => c.entry !== claim.entry);
      if (!other) continue;
      problems.set(claim, { file: claim.file.file, line: claim.file.lineOf(claim.path), field: fieldName(claim.path), message: clashMessage(claim, other) });
    }
  }
  return [...problems.values()];
}

/** The committed list of every address the wiki has published, for the content being checked. */
export interface PublishedAddresses {
  /** The list's path as a contributor finds it, e.g. "published-urls.txt". */
  file: string;
  paths: ReadonlySet<string>;
}

interface RedirectClaim {
  file: RawFile;
  index: number;
  old: string;
}

/**
 * An old id in redirectFrom keeps a published address alive, so it must be an
 * address on the published list, in the entry's own collection, that no entry
 * has now and no other entry claims. Each clash is reported on both files.
 */
export function redirectProblems(originals: readonly RawFile[], published: PublishedAddresses): IdentityProblem[] {
  const problems: IdentityProblem[] = [];
  const entryFile = new Map(originals.map((f) => [`${f.collection}/${f.id}`, f]));
  const claims: RedirectClaim[] = originals.flatMap((file) => {
    const list = (file.frontmatter as { redirectFrom?: unknown } | undefined)?.redirectFrom;
    if (!Array.isArray(list)) return [];
    return list.flatMap((old, index) => (typeof old === 'string' && ENTRY_ID_PATTERN.test(old) ? [{ file, index, old }] : []));
  });
  const at = (c: RedirectClaim, message: string) =>
    problems.push({ file: c.file.file, line: c.file.lineOf(['redirectFrom', c.index]), field: `redirectFrom[${c.index}]`, message });
  const onEntry = (f: RawFile, message: string) => problems.push({ file: f.file, line: 1, field: 'file', message });
  const firstClaim = new Map<string, RedirectClaim>();

  for (const c of claims) {
    const collection = c.file.collection;
    const address = `/${collection}/${c.old}/`;
    const existing = entryFile.get(`${collection}/${c.old}`);
    const elsewhere = COLLECTIONS.filter((other) => other !== collection).map((other) => entryFile.get(`${other}/${c.old}`)).find(Boolean);
    const earlier = firstClaim.get(address);
    if (existing === c.file) {
      at(c, `"${c.old}" is this entry's own id; redirectFrom lists only ids the entry had before it was renamed: remove it`);
    } else if (existing) {
      at(c, `"${c.old}" is the id of an existing entry; a redirect cannot replace it`);
      onEntry(existing, `the address of this entry, ${address}, is also listed as an old id in ${c.file.file} (redirectFrom[${c.index}]); one address cannot be both an entry and a redirect: remove it from that file's redirectFrom, or merge the two entries`);
    } else if (elsewhere) {
      at(c, `"${c.old}" is the id of ${elsewhere.file}; an old id must be one this entry really had, not another entry's id, even in another collection: remove it`);
      onEntry(elsewhere, `its id "${c.old}" is claimed as an old id by ${c.file.file} (redirectFrom[${c.index}]), which would make ${address} look like this entry's address; that redirect must be removed`);
    } else if (earlier) {
      at(c, `"${c.old}" already redirects to ${earlier.file.file}; an old address can lead to one entry only: remove it from one of the two files`);
      at(earlier, `"${c.old}" is also claimed as an old id by ${c.file.file} (redirectFrom[${c.index}]); an old address can lead to one entry only: remove it from one of the two files`);
    } else if (!published.paths.has(address)) {
      at(c, `"${c.old}" was never published: ${address} is not in ${published.file}, the list of every address the wiki has published. A redirect keeps an address readers already use alive, so list only an id this entry was published under; remove it`);
    }
    if (!earlier) firstClaim.set(address, c);
  }
  return problems;
}
