/**
 * Which link targets an entry may use, in its body or in a front-matter
 * address field, and why any other is refused.
 *
 * Node only (with check.ts): host names are read in Unicode with node:url.
 */
import { domainToUnicode } from 'node:url';
import { INVISIBLE_OR_SPACE } from '../isomorphic/text';
import { latinReading, mixedScriptWord } from './character-rules';
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
  if (where === 'body' && url.startsWith('/')) return sitePathProblem(url);
  if (where === 'body' && url.startsWith('#')) return undefined;
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
    return hostProblem(parsed.hostname);
  }
  if (lower === 'mailto' && where === 'body') return url.length > 'mailto:'.length ? undefined : 'has no e-mail address after "mailto:"';
  return `uses the forbidden scheme "${show(scheme, 20)}:"; ${advice}`;
}

/** Host names that only lead somewhere inside the reader's own machine or network. */
const PRIVATE_HOST = /(^|\.)(localhost|local|internal|intranet|lan|home\.arpa|corp)$/i;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * Why a web address's host (as the URL parser reads it: punycode, IPv4 in
 * dotted decimal, IPv6 in brackets) is not a public site's name: a bare IP
 * address or a private name (which lead to the reader's own machine or
 * network, and hide who runs a site), or a name mixing lookalike alphabets.
 */
function hostProblem(hostname: string): string | undefined {
  if (IPV4.test(hostname) || hostname.startsWith('[')) {
    return `points at a bare IP address (${show(hostname)}); link to the site's host name instead (a bare, private or loopback address hides who runs the site, or leads into the reader's own network)`;
  }
  if (PRIVATE_HOST.test(hostname)) return `points at a private host name (${show(hostname)}) that leads only into the reader's own machine or network; link to a public address`;
  if (!hostname.includes('.')) return `has no real host name ("${show(hostname)}"); write the full address`;
  const unicode = domainToUnicode(hostname);
  const labels = unicode.split('.');
  const mixed = labels.map(mixedScriptWord).find(Boolean);
  if (mixed) return `has a host name, "${show(unicode)}", that ${mixed}: a lookalike of another site's address; link to the real address`;
  // A name wholly in another alphabet that reads as a Latin one, under a Latin
  // top-level domain ("раураl.com"); under its own script's domain ("сахар.рф")
  // it is that country's name, as browsers judge it too.
  const tld = labels.at(-1)!;
  if (!(/[^\x00-\x7f]/.test(tld) && !latinReading(tld))) {
    const fake = labels.find((label) => latinReading(label));
    if (fake) return `has a host name, "${show(unicode)}", whose "${show(fake, 40)}" is written in another alphabet's letters that read exactly as the Latin "${latinReading(fake)}": a lookalike of another site's address; link to the real address`;
  }
  return undefined;
}

/** A site path's "." or ".." segments (also written %2e): browsers resolve them, which can lead out of the site's base path (/wiki/). */
function sitePathProblem(url: string): string | undefined {
  const path = url.replace(/[?#].*$/, '');
  const dots = path.split('/').some((segment) => /^(\.|%2e){1,2}$/i.test(segment));
  return dots ? 'contains "." or ".." path segments, which browsers resolve and which can lead out of the site (and out of its base path); write the page\'s own path, such as /api/v1/entries.json' : undefined;
}

/** Whether a link target is allowed: http(s), mailto, a site-relative path or an in-page anchor. */
export function isSafeHref(url: string): boolean {
  return hrefProblem(url) === undefined;
}

