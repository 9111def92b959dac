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
