/**
 * Which link targets an entry may use, in its body or in a front-matter
 * address field, and why any other is refused.
 *
 * Node only (with check.ts), though it needs nothing of Node.
 */
import { INVISIBLE_OR_SPACE } from '../isomorphic/text';
import { show } from './quote';

export { show };

/** Whitespace, control, zero-width and bidi-control characters: never valid in a link. */
const INVISIBLE = INVISIBLE_OR_SPACE;

export const LINK_ADVICE = 'links must start with https://, http://, mailto: or / (a site path such as /companies/<id>/)';

/**
 * Why a link target is not allowed, or undefined when it is: an https/http URL
 * with a host, mailto:, a site path starting with one "/", or an in-page
 * "#anchor". Everything else (javascript:, data:, vbscript:, "//host",
 * "https:host", relative paths, hidden characters) is refused.
 */
export function hrefProblem(url: string, where: 'body' | 'front matter' = 'body'): string | undefined {
  const advice = where === 'body' ? LINK_ADVICE : 'front-matter addresses must be full https:// (or http://) addresses';
  if (url === '') return 'has an empty address; write the full https:// address or a site path';
  if (INVISIBLE.test(url)) {
    return `contains a space, a control character or an invisible character; remove it (write a real space in an address as %20)`;
  }
  if (url.includes('\\')) return 'contains a backslash, which browsers read as "/"; use "/" or remove it';
  if (url.startsWith('//')) return `is protocol-relative (starts with "//"); write the full address with https://`;
  if (where === 'body' && (url.startsWith('#') || url.startsWith('/'))) return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  if (!scheme) return where === 'body' ? `is a relative path; ${advice}` : 'has no "https://" at the start';
  const lower = scheme.toLowerCase();
  if (lower === 'http' || lower === 'https') {
    if (!/^https?:\/\/[^/?#]/i.test(url)) return `is missing "//" after "${scheme}:"; write ${lower}://host/path`;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return `is not a valid web address; ${advice}`;
    }
    if (parsed.username || parsed.password) return 'contains a user name or password before "@", a trick used to disguise the real host; link to the host directly';
    if (!parsed.hostname.includes('.') && parsed.hostname !== 'localhost') return `has no real host name ("${show(parsed.hostname)}"); write the full address`;
    return undefined;
  }
  if (lower === 'mailto' && where === 'body') return url.length > 'mailto:'.length ? undefined : 'has no e-mail address after "mailto:"';
  return `uses the forbidden scheme "${show(scheme, 20)}:"; ${advice}`;
}

/** Whether a link target is allowed: http(s), mailto, a site-relative path or an in-page anchor. */
export function isSafeHref(url: string): boolean {
  return hrefProblem(url) === undefined;
}

