/**
 * "Cite this entry": one plain record in, six citation strings out (APA, MLA,
 * Chicago, BibTeX, RIS, CSL-JSON), generated at build time with citation-js.
 *
 * A wiki entry is cited as an entry in an online reference work that changes
 * over time, so every format carries the date of the cited version (the last
 * change from git) and an access date. citation-js ships only an APA style
 * whose output for such entries is awkward ("Site. (2026). Title. In Site
 * (Version …)") and no MLA or Chicago style, so the three styles below are
 * small CSL styles written for this one kind of item, following:
 * - APA 7 (entry in a reference work, no author, unarchived):
 *   Title. (2026, November 23). In *Site*. Retrieved December 1, 2026, from URL
 * - MLA 9: “Title.” *Site*, 23 Nov. 2026, URL. Accessed 1 Dec. 2026.
 * - Chicago 17, bibliography entry for website content:
 *   “Title.” Site. Last modified November 23, 2026. Accessed December 1, 2026. URL.
 * With authors (e.g. the literal "Contributors") the name leads each style.
 * The style terms are English (these are English-language styles) on both
 * language versions of the site; titles and URLs are those of the page cited.
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import { buildTime } from '../settings';
import '@citation-js/plugin-ris';
import { accessedFragment, CITE_FORMATS, mlaDate, parseDay, usLongDate, usMonthDay, type CiteFormatId } from '../isomorphic/cite-accessed';
import { decodeEntities } from '../isomorphic/text';

export { CITE_FORMATS, type CiteFormatId };

export interface CiteRecord {
  /** Citation key for BibTeX and the CSL-JSON id, e.g. "companies-palantir-technologies". */
  key: string;
  /** The entry's name in the language of the page cited. */
  title: string;
  /** Permanent URL of the page cited. */
  url: string;
  /** The site name (the reference work and its publisher). */
  publisher: string;
  /** Date of the cited version (last change), YYYY-MM-DD; undefined when unknown ("n.d."). */
  updated?: string;
  /** Access date, YYYY-MM-DD. */
  accessed: string;
  /** Version identifier (the last-change date), when known. */
  version?: string;
  /** Literal author names, e.g. ["Contributors"]; none by default. */
  authors?: string[];
  /** BCP 47 language of the page cited, e.g. "ar". */
  language?: string;
}

/** The three styled formats, also produced as HTML (italics kept). */
export const STYLED_FORMATS = ['apa', 'mla', 'chicago'] as const;
export type StyledFormatId = (typeof STYLED_FORMATS)[number];

export interface CiteOutput {
  /** Plain text of each format, as copied to the clipboard. */
  text: Record<CiteFormatId, string>;
  /** HTML of the styled formats (escaped text, <i> for italics). */
  html: Record<StyledFormatId, string>;
}

const INFO = (name: string) => `<info><title>${name} (wiki entries)</title><id>urn:surveillance-wiki:csl:${name}</id><updated>2026-01-01T00:00:00+00:00</updated></info>`;

const style = (name: string, locale: string, layout: string) => `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-US">
  ${INFO(name)}
  <locale xml:lang="en">${locale}</locale>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout>${layout}</layout></bibliography>
</style>`;

const AUTHORS = `<names variable="author"><name delimiter=", "/></names>`;

/** APA's "(2026, November 23)." or "(n.d.)."; it follows the authors, or the title when there are none. */
const APA_DATE = `<group prefix="(" suffix=")." delimiter=", ">
  <choose>
    <if variable="issued">
      <date variable="issued"><date-part name="year"/></date>
      <date variable="issued"><date-part name="month"/><date-part name="day" prefix=" "/></date>
    </if>
    <else><text term="no date" form="short"/></else>
  </choose>
</group>`;

const APA_STYLE = style(
  'wiki-apa',
  '',
  `<group delimiter=" ">
    <choose>
      <if variable="author">
        <group delimiter=" ">
          ${AUTHORS.replace('<names', '<names suffix="."')}
          ${APA_DATE}
          <text variable="title" suffix="."/>
        </group>
      </if>
      <else>
        <group delimiter=" ">
          <text variable="title" suffix="."/>
          ${APA_DATE}
        </group>
      </else>
    </choose>
    <group delimiter=" " suffix=".">
      <text value="In"/>
      <text variable="container-title" font-style="italic"/>
    </group>
    <group delimiter=" ">
      <text value="Retrieved"/>
      <date variable="accessed" suffix=","><date-part name="month" suffix=" "/><date-part name="day" suffix=", "/><date-part name="year"/></date>
      <text value="from"/>
      <text variable="URL"/>
    </group>
  </group>`,
);

const MLA_STYLE = style(
  'wiki-mla',
  `<terms>
    <term name="month-06" form="short">June</term>
    <term name="month-07" form="short">July</term>
    <term name="month-09" form="short">Sept.</term>
  </terms>`,
  `<group delimiter=" ">
    ${AUTHORS.replace('<names', '<names suffix="."')}
    <text variable="title" quotes="true" suffix="."/>
    <group delimiter=", " suffix=".">
      <text variable="container-title" font-style="italic"/>
      <date variable="issued"><date-part name="day" suffix=" "/><date-part name="month" form="short" strip-periods="false" suffix=" "/><date-part name="year"/></date>
      <text variable="URL"/>
    </group>
    <group delimiter=" " suffix=".">
      <text value="Accessed"/>
      <date variable="accessed"><date-part name="day" suffix=" "/><date-part name="month" form="short" suffix=" "/><date-part name="year"/></date>
    </group>
  </group>`,
);

const CHICAGO_STYLE = style(
  'wiki-chicago',
  '',
  `<group delimiter=". " suffix=".">
    ${AUTHORS}
    <text variable="title" quotes="true"/>
    <text variable="container-title"/>
    <group delimiter=" ">
      <text value="Last modified"/>
      <date variable="issued"><date-part name="month" suffix=" "/><date-part name="day" suffix=", "/><date-part name="year"/></date>
    </group>
    <group delimiter=" ">
      <text value="Accessed"/>
      <date variable="accessed"><date-part name="month" suffix=" "/><date-part name="day" suffix=", "/><date-part name="year"/></date>
    </group>
    <text variable="URL"/>
  </group>`,
);

const TEMPLATES: Record<StyledFormatId, [name: string, xml: string]> = {
  apa: ['wiki-apa', APA_STYLE],
  mla: ['wiki-mla', MLA_STYLE],
  chicago: ['wiki-chicago', CHICAGO_STYLE],
};

let registered = false;
function register(): void {
  if (registered) return;
  const styles = plugins.config.get('@csl').styles;
  for (const [name, xml] of Object.values(TEMPLATES)) styles.add(name, xml);
  registered = true;
}

const dateParts = (iso: string) => {
  const d = parseDay(iso);
  return { 'date-parts': [[d.year, d.month, d.day]] };
};

/** The CSL-JSON item for a record (an entry in an online reference work). */
export function cslItem(record: CiteRecord): Record<string, unknown> {
  const item: Record<string, unknown> = {
    id: record.key,
    'citation-key': record.key,
    type: 'entry-encyclopedia',
    title: record.title,
    'container-title': record.publisher,
    publisher: record.publisher,
    URL: record.url,
    accessed: dateParts(record.accessed),
  };
  if (record.authors?.length) item.author = record.authors.map((literal) => ({ literal }));
  if (record.updated) item.issued = dateParts(record.updated);
  if (record.version) item.version = record.version;
  if (record.language) item.language = record.language;
  return item;
}

/** Pretty JSON with each date written on one line: `"issued": {"date-parts": [[2026, 11, 23]]}`. */
function cslJson(items: unknown[]): string {
  return JSON.stringify(items, null, 2).replace(
    /\{\s*"date-parts": \[\s*\[\s*([^\]]*?)\s*\]\s*\]\s*\}/g,
    (_, parts: string) => `{"date-parts": [[${parts.split(/\s*,\s*/).join(', ')}]]}`,
  );
}

/** The inner HTML of citation-js's one-entry bibliography. */
function entryHtml(bibliography: string): string {
  const m = /<div[^>]*class="csl-entry"[^>]*>([\s\S]*?)<\/div>/.exec(bibliography);
  if (!m) throw new Error('citation-js returned no bibliography entry');
  return m[1]!.trim();
}

/** Text of citeproc's HTML output: tags dropped, character references decoded. */
export function htmlToText(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ''));
}

/** LaTeX's special characters, escaped by hand (see bibtex()). */
const LATEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};
export function latexEscape(value: string): string {
  return value.replace(/[\\{}&%$#_~^<>]/g, (c) => LATEX_SPECIALS[c]!);
}

/**
 * BibTeX via citation-js. Its default "ASCII only" output turns accents into
 * LaTeX commands but silently drops characters it has no command for, such as
 * every Arabic letter; so titles are escaped here and passed through as UTF-8
 * (biber, and BibTeX with inputenc, read UTF-8). The setting is global to
 * citation-js, so it is restored straight after (formatting is synchronous).
 */
function bibtex(item: Record<string, unknown>): string {
  const config = plugins.config.get('@bibtex').format;
  const before = config.asciiOnly;
  config.asciiOnly = false;
  try {
    const escaped: Record<string, unknown> = { ...item };
    for (const field of ['title', 'container-title', 'publisher']) if (typeof item[field] === 'string') escaped[field] = latexEscape(item[field] as string);
    if (Array.isArray(item.author)) escaped.author = (item.author as { literal: string }[]).map((a) => ({ literal: latexEscape(a.literal) }));
    return String(new Cite(escaped).format('bibtex', { format: 'text' })).trim();
  } finally {
    config.asciiOnly = before;
  }
}

/**
 * Text the CSL processor copies through unchanged, but for apostrophes after
 * a letter, which it curls (’): letters, digits, spaces and inner punctuation
 * that it neither curls (quotes), escapes (&, <, >), merges with a following
 * full stop (a final ".", "?", "!") nor collapses (double spaces). Everything
 * else goes through citeproc.
 */
const PLAIN_TEXT = /^[\p{L}\p{N}](?:[\p{L}\p{M}\p{N},.:()/$\u2013\u2014-]|(?<=\p{L})'| (?! ))*[\p{L}\p{M}\p{N})]$|^[\p{L}\p{N}]$/u;
const PLAIN_URL = /^https?:\/\/[A-Za-z0-9._~:/%-]+$/;

/** Whether the three styles can be written directly (see PLAIN_TEXT). */
export function plainRecord(record: CiteRecord): boolean {
  return (
    PLAIN_TEXT.test(record.title) &&
    PLAIN_TEXT.test(record.publisher) &&
    PLAIN_URL.test(record.url) &&
    (record.authors ?? []).every((a) => PLAIN_TEXT.test(a) && !a.includes('.'))
  );
}

/**
 * APA, MLA and Chicago HTML for a plain record, exactly as citeproc writes
 * them with the styles above (tests/unit/cite-formats.test.ts compares the
 * two on many records).
 */
function styledDirectly(plain: CiteRecord): Record<StyledFormatId, string> {
  const curl = (text: string) => text.replaceAll("'", '’');
  const record = { ...plain, title: curl(plain.title), publisher: curl(plain.publisher), authors: plain.authors?.map(curl) };
  const updated = record.updated ? parseDay(record.updated) : undefined;
  const accessed = parseDay(record.accessed);
  const authors = record.authors?.length ? `${record.authors.join(', ')}. ` : '';
  const site = `<i>${record.publisher}</i>`;
  const apaDate = updated ? `${updated.year}, ${usMonthDay(updated)}` : 'n.d.';
  const apa = authors
    ? `${authors}(${apaDate}). ${record.title}. In ${site}. Retrieved ${usLongDate(accessed)}, from ${record.url}`
    : `${record.title}. (${apaDate}). In ${site}. Retrieved ${usLongDate(accessed)}, from ${record.url}`;
  const mla = `${authors}“${record.title}.” ${site}, ${updated ? `${mlaDate(updated)}, ` : ''}${record.url}. Accessed ${mlaDate(accessed)}.`;
  const chicago = `${authors}“${record.title}.” ${record.publisher}. ${updated ? `Last modified ${usLongDate(updated)}. ` : ''}Accessed ${usLongDate(accessed)}. ${record.url}.`;
  return { apa, mla, chicago };
}

/** Generate the six citation formats (and HTML for the styled three) for a record. */
export function citeFormats(record: CiteRecord, options: { alwaysCiteproc?: boolean } = {}): CiteOutput {
  register();
  const item = cslItem(record);
  const cite = new Cite(item);
  const text = {} as Record<CiteFormatId, string>;
  const html = {} as Record<StyledFormatId, string>;
  const direct = !options.alwaysCiteproc && plainRecord(record) ? styledDirectly(record) : undefined;
  for (const id of STYLED_FORMATS) {
    // The CSL processor is the slow part (about 2 ms a page): it runs only for
    // text it might change. The plain text is the HTML without its markup.
    html[id] = direct?.[id] ?? entryHtml(String(cite.format('bibliography', { template: TEMPLATES[id][0], format: 'html', lang: 'en-US' })));
    text[id] = htmlToText(html[id]);
  }
  text.bibtex = bibtex(item);
  text.ris = String(cite.format('ris', { format: 'text' })).trim();
  text['csl-json'] = cslJson([item]);
  return { text, html };
}

/** The access-date fragment of a format (re-exported for the page and tests). */
export { accessedFragment };

/**
 * The build's calendar day (UTC), YYYY-MM-DD: the access date written into the
 * static HTML. SOURCE_DATE_EPOCH (seconds) fixes it for reproducible builds.
 */
export function buildDay(now: Date = new Date()): string {
  return buildTime(now).toISOString().slice(0, 10);
}
