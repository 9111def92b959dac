/**
 * The content check's rules for front-matter text: readable field names,
 * zod's issues flattened to one message per field, and what the schemas alone
 * would let through or explain badly (placeholders left by `npm run new`,
 * unsafe addresses, HTML and control characters in plain-text fields, values
 * beyond the length limit).
 *
 * Node only (with check.ts).
 */
import type { z } from 'astro/zod';
import { INVISIBLE_CHARACTERS } from '../isomorphic/text';
import { hrefProblem } from './link-rules';
import { controlCharacterProblem, fieldLengthProblem } from './limits';

/** A front-matter path as contributors write it: "suppliers[0].company". */
export function fieldName(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(front matter)';
}

type Issue = z.core.$ZodIssue;

/** Flatten zod issues, picking the most relevant branch of a failed union. */
export function flattenIssues(issues: readonly Issue[], prefix: PropertyKey[] = []): { path: PropertyKey[]; message: string }[] {
  const out: { path: PropertyKey[]; message: string }[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // The branch whose type matched is the one the contributor meant.
      const ranked = [...issue.errors].sort(
        (a, b) =>
          a.filter((i) => i.code === 'invalid_type' && i.path.length === 0).length -
          b.filter((i) => i.code === 'invalid_type' && i.path.length === 0).length,
      );
      out.push(...flattenIssues(ranked[0] ?? [], path));
      continue;
    }
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ path: [...path, key], message: 'is not a known field; check its spelling against the schema in src/schemas/' });
      }
      continue;
    }
    if (issue.code === 'invalid_type' && /received undefined/.test(message)) message = 'is required';
    out.push({ path, message });
  }
  return out;
}

/**
 * The marker `npm run new` writes in place of every required value. It fails
 * the check wherever it is left, so a scaffold cannot be committed unfilled.
 */
export const PLACEHOLDER = 'FILL IN';
export const placeholderAdvice = (text: string) =>
  `still holds the placeholder written by "npm run new" (${text.slice(0, 90).trim()}); replace it with what your sources say`;

/** Front-matter keys that hold web addresses. */
const URL_KEY = /^(url|website|href|link|homepage)$|Url$|URL$/;
/** Schemes that run code or smuggle documents, in any case and with hidden characters removed. */
const DANGEROUS_VALUE = /^(javascript|vbscript|data|file|blob|about|jar):/;
/** Something that looks like an HTML tag or comment. */
const HTML_TAG = /<\s*(\/\s*)?[a-z!?][^>]*>|<\s*(script|style|iframe|object|embed|svg|img|a)\b/i;

/** Every string in a front matter, with its path. */
export function stringsOf(value: unknown, path: PropertyKey[] = []): { path: PropertyKey[]; value: string }[] {
  if (typeof value === 'string') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsOf(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringsOf(v, [...path, k]));
  return [];
}

export interface FrontMatterProblem {
  path: PropertyKey[];
  message: string;
  /** For an address field: the value, and why it is refused. */
  url?: { value: string; why: string };
}

/** Problems with front-matter text and addresses that the schemas alone would let through or explain badly. */
export function frontMatterProblems(data: unknown): FrontMatterProblem[] {
  const out: FrontMatterProblem[] = [];
  for (const { path, value } of stringsOf(data)) {
    if (value.includes(PLACEHOLDER)) {
      out.push({ path, message: placeholderAdvice(value) });
      continue;
    }
    const key = path.findLast((p) => typeof p === 'string');
    // Control and invisible characters removed, as a browser would; ordinary spaces kept, so prose is not mistaken for an address.
    const bare = value.replace(INVISIBLE_CHARACTERS, '').trim().toLowerCase();
    if (typeof key === 'string' && URL_KEY.test(key)) {
      const why = hrefProblem(value, 'front matter');
      if (why) out.push({ path, message: '', url: { value, why } });
      continue;
    }
    const unreadable = controlCharacterProblem(value) ?? fieldLengthProblem(value);
    if (unreadable) {
      out.push({ path, message: unreadable });
      continue;
    }
    const scheme = /\s/.test(bare) ? undefined : DANGEROUS_VALUE.exec(bare)?.[1];
    if (scheme) {
      out.push({ path, message: `looks like a ${scheme}: address, which is never allowed; front matter holds plain text, and addresses go in url/website fields as https://...` });
      continue;
    }
    const tag = HTML_TAG.exec(value)?.[0];
    if (tag) out.push({ path, message: `contains HTML ("${tag.slice(0, 30)}"); front matter is plain text: remove the tag` });
  }
  return out;
}

