/** "Did you mean" suggestions for unknown ids. */
import { distance } from 'fastest-levenshtein';

/**
 * The candidate closest to `wanted` by edit distance, or undefined when nothing
 * is close enough to be a plausible typo (more than half the length away), with
 * a bonus for candidates that contain the wanted id or are contained by it.
 */
export function nearest(wanted: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    let score = distance(wanted, candidate);
    if (candidate.includes(wanted) || wanted.includes(candidate)) score = Math.min(score, Math.abs(candidate.length - wanted.length) / 4);
    if (score < bestScore || (score === bestScore && best !== undefined && candidate < best)) {
      best = candidate;
      bestScore = score;
    }
  }
  if (best === undefined) return undefined;
  return bestScore <= Math.max(2, Math.ceil(wanted.length / 2)) ? best : undefined;
}

/** Latin letters that Unicode decomposition does not reduce to ASCII. */
const LATIN_EXTRA: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ħ: 'h',
  ı: 'i',
  ł: 'l',
  þ: 'th',
  ŋ: 'ng',
};

/**
 * An entry id derived from a name: lower-case ASCII kebab-case, diacritics
 * stripped ("Société Générale" -> "societe-generale", "AT&T" -> "at-and-t").
 * Undefined when the name has letters that cannot be transliterated to ASCII
 * (Arabic, Hebrew, Chinese...) or nothing usable at all: a person must choose.
 */
export function suggestId(name: string): string | undefined {
  const folded = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\u0000-\u007f]/g, (c) => LATIN_EXTRA[c] ?? c)
    .replace(/['’‘`]/g, '')
    .replace(/&/g, ' and ');
  if (/[^\u0000-\u007f]/.test(folded.replace(/[^\p{L}\p{N}]/gu, ''))) return undefined;
  const id = folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return id || undefined;
}
