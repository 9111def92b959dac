/**
 * No English interface text on Arabic pages (issue #17): on a page of every
 * kind under /ar/, every piece of text in Arabic context (text, aria-label,
 * title, alt, placeholder, the page title and description) is Arabic. Latin
 * letters are allowed only where they belong: inside an element marked with
 * another language (content that exists only in English carries lang="en"
 * and is isolated, so its punctuation stays in place), in code, in web
 * addresses and file names, and in the proper names the entries give.
 */
import { expect, test, type Page } from '@playwright/test';
import { ar } from '../../src/i18n/ar';
import { readContentDir } from '../../src/lib/content/files';

const PAGES = [
  '/ar/',
  ...['companies', 'agencies', 'contracts', 'events', 'people', 'organizations', 'sources'].map((c) => `/ar/${c}/`),
  '/ar/companies/palantir-technologies/',
  '/ar/companies/palantir-technologies/history/',
  '/ar/agencies/ice/',
  '/ar/contracts/project-nimbus/',
  '/ar/contracts/immigrationos/',
  '/ar/events/project-nimbus-contract-signed/',
  '/ar/events/microsoft-statements-on-ice-azure-report/',
  '/ar/people/brad-smith/',
  '/ar/organizations/no-tech-for-apartheid/',
  '/ar/sources/globes-amazon-and-google-win-nimbus-cloud-tender/',
  '/ar/sources/palantir-employees-question-ice-work/',
  '/ar/search/?q=%D8%A8%D8%A7%D9%84%D8%A7%D9%86%D8%AA%D9%8A%D8%B1',
  '/ar/timeline/',
  '/ar/network/',
  '/ar/data/',
  '/ar/about/',
  '/ar/no-such-page/',
];

/**
 * A run of Latin-script words, as one unit: "Business Insider", "CC BY 4.0",
 * "vice president, legal and head of corporate".
 */
const LATIN_RUN = /[A-Za-z][A-Za-z0-9'’&.+_-]*(?:[ ,]+[A-Za-z0-9][A-Za-z0-9'’&.+_-]*)*/g;
/** Web addresses, e-mail addresses and site paths: never language. */
const ADDRESS = /(?:https?:\/\/|www\.)\S+|\S+@\S+\.\w+|(?:^|\s)\/[\w./-]*/g;
const latinRuns = (text: string) => text.replace(ADDRESS, ' ').match(LATIN_RUN) ?? [];

/** Every string in a front matter (names, summaries, aliases, quoted titles). */
const stringsIn = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap(stringsIn) : value && typeof value === 'object' ? Object.values(value).flatMap(stringsIn) : [];

/**
 * Latin runs that belong on an Arabic page: those the Arabic interface text
 * itself uses (src/i18n/ar.ts: "CC BY 4.0", "JSON", field names), those the
 * Arabic translations of the entries use (names such as "ImmigrationOS" or
 * "WIRED" inside Arabic prose), and the English names and other names of
 * companies, agencies, contracts, people and organisations (proper names,
 * shown as written). Anything else in Latin letters is English that must be
 * translated or marked lang="en". Titles of events and sources are not
 * proper names: untranslated (a source keeps the title of its own language),
 * they must carry lang="en".
 */
function allowedLatin(): Set<string> {
  const allowed = new Set<string>();
  const add = (text: string) => latinRuns(text).forEach((run) => allowed.add(run));
  Object.values(ar).forEach(add);
  for (const f of readContentDir(process.cwd()).files) {
    const data = (f.frontmatter ?? {}) as Record<string, unknown>;
    if (f.locale === 'ar') {
      // A source's "translated" name is its title in its own language: the page must mark that language.
      stringsIn(f.collection === 'sources' ? { ...data, name: undefined } : data).forEach(add);
      // The body's text, without link targets and citation tags.
      add(f.body.replace(/\]\([^)]*\)/g, ']').replace(/<Cite\b[^>]*\/>/g, ' '));
    } else {
      // Arabic text in an original (an Arabic source's own title) is content, Latin names in it included.
      stringsIn(data).filter((text) => /[\u0600-\u06FF]/.test(text)).forEach(add);
      if (f.collection !== 'events' && f.collection !== 'sources') {
        [data.name, data.title, data.acronym, ...(Array.isArray(data.aliases) ? data.aliases : [])].filter((v): v is string => typeof v === 'string').forEach(add);
      }
    }
  }
  return allowed;
}
/** The allowed runs, one a line, for looking up a part of one (text cut short, a name split by a link). */
const ALLOWED_TEXT = `\n${[...allowedLatin()].join('\n')}\n`;
const isAllowed = (run: string) => new RegExp(`(^|[ ,])${run.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[ ,])`, 'm').test(ALLOWED_TEXT);

interface Finding {
  where: string;
  text: string;
}

/** Text in Arabic context that contains Latin letters, with where it sits. */
async function latinInArabic(page: Page): Promise<{ findings: Finding[]; arabicChecked: number }> {
  return page.evaluate(() => {
    const findings: { where: string; text: string }[] = [];
    let arabicChecked = 0;
    const langOf = (el: Element) => (el.closest('[lang]')?.getAttribute('lang') ?? '').toLowerCase();
    const inArabic = (el: Element) => langOf(el) === 'ar' || langOf(el).startsWith('ar-');
    const where = (el: Element) => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && parts.length < 4 && e !== document.body; e = e.parentElement) {
        const cls = typeof e.className === 'string' && e.className ? `.${e.className.trim().split(/\s+/)[0]}` : '';
        parts.unshift(`${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : cls}`);
      }
      return parts.join(' > ');
    };
    const check = (el: Element, text: string, what: string) => {
      if (!inArabic(el) || !text.trim()) return;
      arabicChecked += 1;
      if (/[A-Za-z]/.test(text)) findings.push({ where: `${what}${where(el)}`, text: text.trim().replace(/\s+/g, ' ') });
    };
    // The title repeats the heading, which carries the language of its own text; the rest is interface.
    const heading = document.querySelector('h1')?.textContent?.trim() ?? '';
    check(document.documentElement, heading ? document.title.replace(heading, '') : document.title, '<title> ');
    const description = document.querySelector('meta[name="description"]');
    if (description) check(document.documentElement, description.getAttribute('content') ?? '', 'meta description ');
    // What a reader can open is checked open.
    for (const details of document.querySelectorAll('details')) details.open = true;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement!;
      // Not shown (display: none), never language (code), or a quotation of the indexed page whose markup
      // Pagefind drops (search excerpts; the page itself is checked).
      if (!el.checkVisibility()) continue;
      if (el.closest('script, style, template, code, kbd, samp, .excerpt')) continue;
      // A link that shows its own address.
      const href = el.closest('a')?.getAttribute('href') ?? '';
      if (href.includes((node.textContent ?? '').trim())) continue;
      check(el, node.textContent ?? '', '');
    }
    for (const el of document.body.querySelectorAll('[aria-label], [title], [alt], [placeholder]')) {
      for (const name of ['aria-label', 'title', 'alt', 'placeholder']) {
        const value = el.getAttribute(name);
        if (value) check(el, value, `@${name} `);
      }
    }
    return { findings, arabicChecked };
  });
}

/**
 * Inline elements in another language inside Arabic text that are not
 * isolated (a <bdi>, a dir attribute, unicode-bidi: isolate): their
 * punctuation and neighbours would be reordered by the bidi algorithm.
 */
async function unisolatedForeignText(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.body.querySelectorAll('[lang]')]
      .filter((el) => {
        const parentLang = el.parentElement?.closest('[lang]')?.getAttribute('lang') ?? '';
        if (!parentLang.startsWith('ar') || el.getAttribute('lang')!.startsWith('ar') || !el.textContent?.trim() || !el.checkVisibility()) return false;
        const style = getComputedStyle(el);
        const inline = style.display === 'inline';
        return inline && !['isolate', 'isolate-override', 'plaintext'].includes(style.unicodeBidi);
      })
      .map((el) => `<${el.tagName.toLowerCase()} lang="${el.getAttribute('lang')}">${el.textContent!.trim().slice(0, 60)}</${el.tagName.toLowerCase()}> in ${el.parentElement!.tagName.toLowerCase()}.${el.parentElement!.className}`),
  );
}

for (const path of PAGES) {
  test(`${decodeURI(path)}: no English interface text`, async ({ page }) => {
    await page.goto(path);
    if (path.startsWith('/ar/search/')) await expect(page.locator('[data-search-list] > li').first()).toBeVisible();
    const { findings, arabicChecked } = await latinInArabic(page);
    expect(arabicChecked, 'pieces of Arabic-context text checked').toBeGreaterThan(10);
    const english = findings.flatMap((f) => {
      const unknown = latinRuns(f.text).filter((run) => !isAllowed(run));
      return unknown.length ? [`${f.where}: ${unknown.map((u) => `"${u}"`).join(', ')} in "${f.text.slice(0, 100)}"`] : [];
    });
    expect(english, 'English text in Arabic context: translate it in src/i18n/ar.ts, or mark English-only content lang="en"').toEqual([]);
    expect(await unisolatedForeignText(page), 'text in another language, not isolated: use <bdi lang> or give it a dir').toEqual([]);
  });
}
