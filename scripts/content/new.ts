/**
 * `npm run new`: scaffolds one entry file with every required field present as
 * a "FILL IN" placeholder. Placeholders fail `npm run validate` (and the build)
 * until they are replaced, so an unfinished scaffold cannot be merged.
 *
 *   npm run new -- --type company --name "Acme Surveillance" [--id acme] [--source <source-id>]
 *
 * Run in a terminal without flags, it asks for each value. Honours
 * WIKI_CONTENT_DIR like the other content tools.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { PLACEHOLDER } from '../../src/lib/content/check';
import { contentDir } from '../../src/lib/settings';
import { readContentDir } from '../../src/lib/content/files';
import { nearest, suggestId } from '../../src/lib/content/suggest';
import { AGENCY_LEVELS } from '../../src/schemas/agency';
import { EVENT_KINDS } from '../../src/schemas/event';
import { ORGANIZATION_KINDS } from '../../src/schemas/organization';
import { COLLECTIONS, ENTRY_ID_PATTERN, type CollectionName } from '../../src/schemas/shared';
import { SOURCE_KINDS } from '../../src/schemas/source';

const TYPES: Record<string, CollectionName> = {
  company: 'companies',
  agency: 'agencies',
  contract: 'contracts',
  event: 'events',
  person: 'people',
  organization: 'organizations',
  organisation: 'organizations',
  source: 'sources',
};
const TYPE_NAMES = 'company, agency, contract, event, person, organization, source';
for (const c of COLLECTIONS) TYPES[c] = c;

const USAGE = `Usage: npm run new -- --type <${TYPE_NAMES.split(', ').join('|')}> --name "<name or title>" [--id <id>] [--source <source-id>]

  --type     what the entry is: ${TYPE_NAMES}
  --name     its usual name (companies, agencies, people, organisations) or title (contracts, events, sources)
  --id       the file name and permanent URL segment; derived from the name when left out
             (lower-case ASCII letters, digits and hyphens, e.g. "acme-surveillance")
  --source   id of the source entry (content/sources/<id>.mdx) your first claims come from

Run it in a terminal without flags to be asked for each value.`;

class UsageError extends Error {}

const fill = (what: string) => `${PLACEHOLDER}: ${what}`;
/** A YAML double-quoted string. */
const q = (s: string) => JSON.stringify(s);

function template(collection: CollectionName, name: string, source: string | undefined): string {
  const sources = source ? `sources:\n  - ${source}` : `sources:\n  - ${q(fill('id of the source entry, e.g. palantir-employees-question-ice-work'))}`;
  const cite = source ? `<Cite source="${source}" />` : '';
  const body = (subject: string) =>
    `${fill(`what the sources say about ${subject}, neutrally, one claim at a time, each claim followed by its citation`)}${cite}\n`;
  const summary = `summary: ${q(fill('one plain sentence saying what this is and why it is in the wiki'))}`;
  switch (collection) {
    case 'companies':
      return `---
name: ${q(name)}
# aliases: [Other name, الاسم بالعربية]
# country: US            # ISO 3166-1 alpha-2 code of the headquarters, only if a source says so
# website: https://...   # only the company's real site; never invent an address
${summary}
${sources}
---

${body(name)}`;
    case 'agencies':
      return `---
name: ${q(name)}
# acronym: ICE
# parent: dhs            # id of the parent agency in content/agencies/
country: ${q(fill('ISO 3166-1 alpha-2 code in capitals, e.g. US'))}
level: ${q(fill(`one of ${AGENCY_LEVELS.join(', ')}`))}
${summary}
${sources}
---

${body(name)}`;
    case 'contracts':
      return `---
title: ${q(name)}
buyer: ${q(fill('id of the buying agency in content/agencies/'))}
suppliers:
  - company: ${q(fill('id of the supplying company in content/companies/'))}
# awarded: 2025-04       # YYYY, YYYY-MM or YYYY-MM-DD: only as precise as the source
# values:
#   - amount: 30000000
#     currency: USD
#     kind: reported     # ceiling, obligated, reported or estimated
#     source: ${source ?? 'source-id'}
${summary}
${sources}
---

${body(name)}`;
    case 'events':
      return `---
title: ${q(name)}
date: ${q(fill('YYYY, YYYY-MM or YYYY-MM-DD, only as precise as the sources'))}
# dateQualifier: about   # on, about, before or after, when the sources only bound the date
kind: ${q(fill(`one of ${EVENT_KINDS.join(', ')}`))}
# involved: [companies/palantir-technologies, agencies/ice]
${summary}
${sources}
---

${body(name)}`;
    case 'people':
      return `---
name: ${q(name)}
# aliases: [Other spelling, الاسم بالعربية]
# A person has an entry only for a public role the sources report (CONTRIBUTING.md):
# people harmed in events and private individuals are named only inside event entries.
roles:
  - at: ${q(fill('where the role is held: companies/<id>, agencies/<id> or organizations/<id>'))}
    title: ${q(fill('the title exactly as the source gives it'))}
    # from: 2025-04          # only as precise as the source
    source: ${source ?? q(fill('id of the source that reports the role'))}
${summary}
${sources}
---

${body(name)}`;
    case 'organizations':
      return `---
name: ${q(name)}
kind: ${q(fill(`one of ${ORGANIZATION_KINDS.join(', ')}`))}
# aliases: [Acronym, #Hashtag]
# country: US            # only if a source says so
# website: https://...   # only an address you have seen; never invent one
# members: [organizations/<id>]
${summary}
${sources}
---

${body(name)}`;
    case 'sources':
      return `---
title: ${q(name)}
# publisher: Example News   # as the source names itself
# published: 2025-04        # YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source
language: ${q(fill('BCP 47 language tag of the source, e.g. ar or en'))}
kind: ${q(fill(`one of ${SOURCE_KINDS.join(', ')}`))}
# url: https://...          # only if the source really has one; never invent an address
---
`;
  }
}

interface Options {
  type?: string;
  name?: string;
  id?: string;
  source?: string;
}

/** Check the options against the content folder; returns the file to write and its text. */
function plan(root: string, options: Options) {
  const collection = options.type ? TYPES[options.type.toLowerCase()] : undefined;
  if (!collection) throw new UsageError(`--type must be one of ${TYPE_NAMES}${options.type ? ` (got "${options.type}")` : ''}`);
  const name = options.name?.trim();
  if (!name) throw new UsageError('--name is required: the entry’s usual name or title');
  const id = options.id?.trim() || suggestId(name);
  if (!id) {
    throw new UsageError(`cannot derive an id from "${name}": it has no Latin letters or digits to build one from. Choose one with --id, e.g. a transliteration such as --id palantir-technologies`);
  }
  if (!ENTRY_ID_PATTERN.test(id)) {
    throw new UsageError(`"${id}" is not a valid id: use lower-case ASCII letters, digits and single hyphens${suggestId(id) ? `, e.g. --id ${suggestId(id)}` : ''}`);
  }

  const dir = join(contentDir(root), collection);
  const path = join(dir, `${id}.mdx`);
  const shown = `content/${collection}/${id}.mdx`;
  if (existsSync(path)) throw new UsageError(`${shown} already exists; edit that entry, or choose another id with --id`);

  const { files } = readContentDir(root);
  for (const f of files) {
    if (f.collection !== collection || f.locale) continue;
    const redirects = (f.frontmatter as { redirectFrom?: unknown } | undefined)?.redirectFrom;
    if (Array.isArray(redirects) && redirects.includes(id)) {
      throw new UsageError(`"${id}" is an old id of ${f.file} (listed in its redirectFrom), so /${collection}/${id}/ already leads there; edit that entry, or choose another id with --id`);
    }
  }
  const source = options.source?.trim() || undefined;
  if (source && collection === 'sources') throw new UsageError('--source is for entries that cite a source; a source entry does not cite one');
  if (source) {
    const sourceIds = files.filter((f) => f.collection === 'sources' && !f.locale).map((f) => f.id);
    if (!sourceIds.includes(source)) {
      const close = nearest(source, sourceIds);
      throw new UsageError(`there is no source entry "${source}" (content/sources/${source}.mdx)${close ? `; did you mean "${close}"?` : ''}. Create the source first: npm run new -- --type source --name "<title>"`);
    }
  }
  return { collection, id, dir, path, shown, text: template(collection, name, source) };
}

async function ask(options: Options): Promise<Options> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const out = { ...options };
    while (!out.type || !TYPES[out.type.toLowerCase()]) {
      out.type = (await rl.question('Type of entry (${TYPE_NAMES}): ')).trim();
    }
    while (!out.name?.trim()) out.name = await rl.question('Name or title: ');
    if (!out.id) {
      const derived = suggestId(out.name);
      const answer = (await rl.question(derived ? `Id [${derived}]: ` : 'Id (lower-case ASCII kebab-case; cannot be derived from this name): ')).trim();
      out.id = answer || derived;
      while (!out.id) out.id = (await rl.question('Id: ')).trim();
    }
    if (out.source === undefined && TYPES[out.type.toLowerCase()] !== 'sources') {
      out.source = (await rl.question('Source id your first claims come from (Enter to fill in later): ')).trim() || undefined;
    }
    return out;
  } finally {
    rl.close();
  }
}

async function main() {
  let values: Options & { help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { type: { type: 'string' }, name: { type: 'string' }, id: { type: 'string' }, source: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const root = process.cwd();
  const options = !values.type || !values.name ? (process.stdin.isTTY ? await ask(values) : values) : values;
  const { dir, path, shown, collection, id, text } = plan(root, options);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path, text, { flag: 'wx' });
  const where = relative(root, path).startsWith('..') ? path : shown;
  console.log(`Wrote ${where}

Next steps:
  1. Edit ${where}: replace every "${PLACEHOLDER}" with what your sources say,
     citing each claim in the body with <Cite source="source-id" />.
  2. npm run validate   lists every placeholder and problem still left, with its line.
  3. npm run dev        previews the entry at http://localhost:4321/${collection}/${id}/
  4. Open a pull request with this one file (see CONTRIBUTING.md).`);
}

main().catch((error) => {
  if (error instanceof UsageError) {
    console.error(`npm run new: ${error.message}\n\n${USAGE}`);
    process.exit(1);
  }
  throw error;
});
