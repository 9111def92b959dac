/**
 * Characters that make text look like something it is not: bidirectional
 * controls that reorder what a reader sees, invisible characters that hide
 * inside a word, and words spelt with lookalike letters from another alphabet
 * (a Cyrillic "а" in "Palantir"). Checked in every front-matter text field and
 * every body line. (Control characters, C0 and C1, have their own rule.)
 *
 * The marks Arabic writing needs (zero-width non-joiner and joiner, the Arabic
 * letter mark and the left-to-right and right-to-left marks) are allowed in
 * Arabic text only: translation files (`<id>.ar.mdx`) and the title of a
 * source written in Arabic.
 *
 * Node only (with check.ts), though it needs nothing of Node.
 */
import unhomoglyph from 'unhomoglyph';
import type { RawFile } from './files';

/** Characters that reorder the display of the text around them: never allowed. */
const BIDI_CONTROLS: Readonly<Record<number, string>> = {
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
};

/** Marks that Arabic text may need, and only Arabic text. */
const ARABIC_MARKS: Readonly<Record<number, string>> = {
  0x061c: 'ARABIC LETTER MARK',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
};

/** Characters that show nothing (or a blank) and can hide inside a word or a name: never allowed. */
const INVISIBLE: Readonly<Record<number, string>> = {
  0x00ad: 'SOFT HYPHEN',
  0x034f: 'COMBINING GRAPHEME JOINER',
  0x115f: 'HANGUL CHOSEONG FILLER',
  0x1160: 'HANGUL JUNGSEONG FILLER',
  0x17b4: 'KHMER VOWEL INHERENT AQ',
  0x17b5: 'KHMER VOWEL INHERENT AA',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0x2060: 'WORD JOINER',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0x206a: 'INHIBIT SYMMETRIC SWAPPING',
  0x206b: 'ACTIVATE SYMMETRIC SWAPPING',
  0x206c: 'INHIBIT ARABIC FORM SHAPING',
  0x206d: 'ACTIVATE ARABIC FORM SHAPING',
  0x206e: 'NATIONAL DIGIT SHAPES',
  0x206f: 'NOMINAL DIGIT SHAPES',
  0x2800: 'BRAILLE PATTERN BLANK',
  0x3164: 'HANGUL FILLER',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE (byte-order mark)',
  0xffa0: 'HALFWIDTH HANGUL FILLER',
  0xfff9: 'INTERLINEAR ANNOTATION ANCHOR',
  0xfffa: 'INTERLINEAR ANNOTATION SEPARATOR',
  0xfffb: 'INTERLINEAR ANNOTATION TERMINATOR',
};

/** Unicode "tag" characters (U+E0000-U+E007F), invisible letters that can spell hidden text. */
const isTagCharacter = (code: number) => code >= 0xe0000 && code <= 0xe007f;

const HIDING = new RegExp(
  `[${[...Object.keys(BIDI_CONTROLS), ...Object.keys(ARABIC_MARKS), ...Object.keys(INVISIBLE)].map((c) => `\\u{${Number(c).toString(16)}}`).join('')}\\u{e0000}-\\u{e007f}]`,
  'u',
);

const codePoint = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why a character may not be in text (Arabic text or not), or undefined when it may. */
function hiddenCharacterProblem(code: number, arabic: boolean): string | undefined {
  const bidi = BIDI_CONTROLS[code];
  if (bidi) {
    return `contains a bidirectional control character (${codePoint(code)} ${bidi}), which changes the order in which the text around it is shown; delete it (write a phrase in another script as <span lang="ar" dir="rtl">…</span> in a body)`;
  }
  const mark = ARABIC_MARKS[code];
  if (mark) {
    if (arabic) return undefined;
    return `contains an invisible ${mark} (${codePoint(code)}); it is allowed only in Arabic text (translation files <id>.ar.mdx and the title of an Arabic source): delete it`;
  }
  const name = INVISIBLE[code] ?? (isTagCharacter(code) ? 'TAG CHARACTER' : undefined);
  if (name) return `contains an invisible character (${codePoint(code)} ${name}) that readers and reviewers cannot see; delete it`;
  return undefined;
}

/** The first hidden character a text may not contain, explained; undefined when there is none. */
export function hiddenCharacterIn(text: string, arabic: boolean): string | undefined {
  if (!HIDING.test(text)) return undefined;
  for (const c of text) {
    const problem = hiddenCharacterProblem(c.codePointAt(0)!, arabic);
    if (problem) return problem;
  }
  return undefined;
}

/** Alphabets with letters that look like Latin ones (and like each other). */
const LOOKALIKE_SCRIPTS = ['Latin', 'Greek', 'Cyrillic', 'Armenian', 'Cherokee'] as const;
const SCRIPT_TESTS = LOOKALIKE_SCRIPTS.map((name) => ({ name, test: new RegExp(`\\p{Script=${name}}`, 'u') }));
const WORD = /[\p{L}\p{M}]+/gu;
/** A letter of a lookalike alphabet other than Latin: a word can mix alphabets only if the text has one. */
const NON_LATIN_LOOKALIKE = new RegExp(`[${LOOKALIKE_SCRIPTS.filter((s) => s !== 'Latin').map((s) => `\\p{Script=${s}}`).join('')}]`, 'u');

/**
 * A word spelt with letters of two lookalike alphabets ("Pаlantir" with a
 * Cyrillic "а"), described: 'mixes Latin and Cyrillic letters in the word
 * "Pаlantir" ("а" is Cyrillic, the rest Latin)'; undefined when every word
 * keeps to one alphabet.
 */
export function mixedScriptWord(text: string): string | undefined {
  if (!NON_LATIN_LOOKALIKE.test(text)) return undefined; // the usual case, one test per text
  for (const [word] of text.matchAll(WORD)) {
    if (!NON_LATIN_LOOKALIKE.test(word)) continue;
    const letters = new Map<string, string[]>();
    for (const letter of word) {
      const script = SCRIPT_TESTS.find((s) => s.test.test(letter))?.name;
      if (script) letters.set(script, [...(letters.get(script) ?? []), letter]);
    }
    if (letters.size < 2) continue;
    const [main, ...odd] = [...letters].sort((a, b) => b[1].length - a[1].length);
    const oddLetters = odd.map(([script, ls]) => `${[...new Set(ls)].map((l) => `"${l}"`).join(', ')} ${ls.length === 1 ? 'is' : 'are'} ${script}`).join('; ');
    return `mixes ${main![0]} and ${odd.map(([s]) => s).join(' and ')} letters in the word "${word.slice(0, 40)}" (${oddLetters}, the rest ${main![0]})`;
  }
  return undefined;
}

/** UTS #39 skeleton: NFD, each confusable replaced by its prototype, NFD again ("раураl" in Cyrillic -> "paypal"). */
export const skeleton = (s: string): string => unhomoglyph(s.normalize('NFD')).normalize('NFD');

/**
 * The Latin name a word spelt wholly in another lookalike alphabet reads as
 * ("раураl", all Cyrillic, reads as "paypal"), or undefined: a word with
 * any letter that has no Latin lookalike reads as itself.
 */
export function latinReading(word: string): string | undefined {
  if (!NON_LATIN_LOOKALIKE.test(word)) return undefined;
  const reading = skeleton(word).toLowerCase();
  return /^[a-z0-9-]+$/.test(reading) ? reading : undefined;
}

/** A word of lookalike alphabets in text, explained with what to do. */
export function mixedScriptWordIn(text: string): string | undefined {
  const mixed = mixedScriptWord(text);
  return mixed && `${mixed}: letters from another alphabet that look the same let a name pass for another; retype the word in one alphabet`;
}

/** Every problem of one text, hidden characters first. */
export function characterProblems(text: string, arabic: boolean): string[] {
  return [hiddenCharacterIn(text, arabic), mixedScriptWordIn(text)].filter((p): p is string => p !== undefined);
}

/** Whether a front-matter field of a file holds Arabic text: everything in an Arabic translation, and the title of an Arabic source. */
export function isArabicField(file: Pick<RawFile, 'locale' | 'collection' | 'frontmatter'>, path: readonly PropertyKey[]): boolean {
  if (file.locale === 'ar') return true;
  const language = (file.frontmatter as { language?: unknown } | undefined)?.language;
  return file.collection === 'sources' && path.length === 1 && path[0] === 'title' && typeof language === 'string' && /^ar(-|$)/i.test(language);
}

/** Problems of a body, one per line at most: the body's own lines are the file's (RawFile.bodySource). */
export function bodyCharacterProblems(bodySource: string, arabic: boolean): { line: number; message: string }[] {
  const out: { line: number; message: string }[] = [];
  if (!HIDING.test(bodySource) && !NON_LATIN_LOOKALIKE.test(bodySource)) return out;
  bodySource.split('\n').forEach((text, i) => {
    const problem = characterProblems(text, arabic)[0];
    if (problem) out.push({ line: i + 1, message: problem });
  });
  return out;
}

/** Problems of a file's front-matter texts (front-matter-rules.ts stringsOf), the first of each. */
export function frontMatterCharacterProblems(f: RawFile, strings: readonly { path: PropertyKey[]; value: string }[]): { path: PropertyKey[]; message: string }[] {
  return strings.flatMap(({ path, value }) => {
    const problem = characterProblems(value, isArabicField(f, path))[0];
    return problem ? [{ path, message: problem }] : [];
  });
}
