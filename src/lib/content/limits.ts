/**
 * Limits on one entry file, and the control characters no text may hold:
 * limits far beyond any real entry (the largest today is
 * 16 KB, nested 3 levels, with 26 brackets in a paragraph), checked on the raw
 * text before YAML or either MDX parser runs. The parsers are slow or crash on
 * some small inputs: micromark takes time quadratic in the emphasis marks and
 * brackets of one paragraph (40 KB of "*a" takes half a minute), and deep
 * nesting overflows the call stack of parsers and tree walks alike. Within
 * these limits every check and the renderer finish in seconds.
 * CONTRIBUTING.md states them (tests/unit/hostile-limits.test.ts keeps the two in step).
 *
 * Node only (with files.ts and body-syntax.ts), though it needs nothing of Node.
 */
import { codePointName, CONTROL_CHARACTER } from '../isomorphic/text';

export const LIMITS = Object.freeze({
  /** Size of one entry file, in kilobytes. */
  fileKilobytes: 200,
  /** Characters in one front-matter value. */
  fieldCharacters: 5000,
  /** Levels of nesting: lists and quotes in a body, HTML elements in a body, lists and maps in front matter. */
  nestingDepth: 32,
  /** Emphasis marks ("*", "_") in one paragraph, and brackets ("[", "]") in one paragraph. */
  marksPerParagraph: 300,
});

export interface LimitProblem {
  line: number;
  message: string;
}

/** Why a file of `bytes` bytes is not read, or undefined when it is small enough. */
export function fileSizeProblem(bytes: number): string | undefined {
  const kilobytes = Math.ceil(bytes / 1024);
  if (bytes <= LIMITS.fileKilobytes * 1024) return undefined;
  return `is ${kilobytes} KB, and an entry file may be at most ${LIMITS.fileKilobytes} KB: split the text into several entries, or move long quotations into the sources`;
}

/** Why a front-matter value is too long, or undefined. */
export function fieldLengthProblem(value: string): string | undefined {
  if (value.length <= LIMITS.fieldCharacters) return undefined;
  return `is ${value.length} characters long, and a front-matter value may be at most ${LIMITS.fieldCharacters}: shorten it, and put longer text in the body`;
}

/** The first control character of a text (other than tab and line breaks), as a message names it, or undefined. */
export function controlCharacterProblem(text: string): string | undefined {
  const found = CONTROL_CHARACTER.exec(text)?.[0];
  if (!found) return undefined;
  return `contains the invisible control character ${codePointName(found)}, which is not text (it breaks the feeds and data exports); delete it (retyping the text around it removes it)`;
}

const nestingAdvice = (what: string, depth: number) =>
  `${what} nested ${depth} levels deep, and the limit is ${LIMITS.nestingDepth}: flatten the structure`;

/** Leading columns of whitespace, counting a tab as four. */
function indentOf(line: string, from = 0): { columns: number; end: number } {
  let columns = 0;
  let i = from;
  for (; i < line.length; i++) {
    if (line[i] === ' ') columns++;
    else if (line[i] === '\t') columns += 4;
    else break;
  }
  return { columns, end: i };
}

/**
 * Front-matter nesting (before YAML reads it): indentation (two columns a
 * level), "- " list markers and open flow brackets. Counting brackets inside
 * quoted text too only ever overstates the depth.
 */
export function frontMatterLimitProblem(yamlText: string, firstLine: number): LimitProblem | undefined {
  let flow = 0;
  const lines = yamlText.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    let { columns, end } = indentOf(line);
    let depth = Math.floor(columns / 2);
    while (line[end] === '-' && (end + 1 === line.length || line[end + 1] === ' ')) {
      depth++;
      ({ end } = indentOf(line, end + 1));
    }
    for (const c of line) {
      if (c === '[' || c === '{') flow++;
      else if ((c === ']' || c === '}') && flow > 0) flow--;
      if (depth + flow > LIMITS.nestingDepth) return { line: firstLine + n, message: `${nestingAdvice('lists and maps are', depth + flow)}, into plain fields` };
    }
    if (depth > LIMITS.nestingDepth) return { line: firstLine + n, message: `${nestingAdvice('lists and maps are', depth)}, into plain fields` };
  }
  return undefined;
}

/** Nesting of lists and quotes at the start of a body line: each ">" or list marker a level, and two columns of indentation a level. */
function containerDepth(line: string): number {
  let depth = 0;
  let i = 0;
  let columns = 0;
  for (;;) {
    const space = indentOf(line, i);
    columns += space.columns;
    i = space.end;
    if (line[i] === '>') {
      depth++;
      i++;
    } else {
      const marker = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/.exec(line.slice(i, i + 11))?.[0];
      if (!marker) break;
      depth++;
      i += marker.length;
    }
    // The space after a marker separates it from what follows; it is not indentation.
    if (line[i] === ' ') i++;
  }
  return depth + Math.floor(columns / 2);
}

/** Elements that never hold others (a `<br>` left open is MDX's problem, not nesting). */
const VOID = new Set(['br', 'hr', 'img', 'input', 'wbr']);
const TAG = /<(\/?)([A-Za-z][\w.:-]*)(?:\s[^<>]*?)?(\/?)>/g;
const FENCE = /^[ \t>]*(`{3,}|~{3,})/;

/** Each body line holding a control character: reported beside the body's other problems (they harm the feeds, not the parsers). */
export function bodyControlProblems(body: string): LimitProblem[] {
  const out: LimitProblem[] = [];
  body.split('\n').forEach((line, i) => {
    const message = controlCharacterProblem(line);
    if (message) out.push({ line: i + 1, message });
  });
  return out;
}

/**
 * What in a body is beyond the limits (before either MDX parser reads it):
 * nesting of lists, quotes and HTML elements, and marks
 * per paragraph. Code spans, escaped marks and fenced code are left out of the
 * counts. One problem for each limit, at the first line past it.
 */
export function bodyLimitProblems(body: string): LimitProblem[] {
  const problems: LimitProblem[] = [];
  const once = new Set<string>();
  const report = (kind: string, line: number, message: string) => {
    if (once.has(kind)) return;
    once.add(kind);
    problems.push({ line, message });
  };
  const lines = body.split('\n');
  let fence: string | undefined;
  let elements = 0;
  let paragraph = { line: 0, emphasis: 0, brackets: 0 };
  const endParagraph = () => {
    const { line, emphasis, brackets } = paragraph;
    const over = (count: number, what: string) =>
      `has ${count} ${what} in one paragraph, and the limit is ${LIMITS.marksPerParagraph}: split the paragraph, or write a literal one with a backslash (\\${what.includes('emphasis') ? '*' : '['})`;
    if (emphasis > LIMITS.marksPerParagraph) report('emphasis', line, over(emphasis, 'emphasis marks ("*" or "_")'));
    if (brackets > LIMITS.marksPerParagraph) report('brackets', line, over(brackets, 'brackets ("[" or "]")'));
    paragraph = { line: 0, emphasis: 0, brackets: 0 };
  };
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    const lineNumber = n + 1;
    const fenceMark = FENCE.exec(line)?.[1];
    if (fence) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = undefined;
      continue;
    }
    if (fenceMark) {
      endParagraph();
      fence = fenceMark;
      continue;
    }
    if (line.trim() === '') {
      endParagraph();
      continue;
    }
    if (!paragraph.line) paragraph.line = lineNumber;
    const depth = containerDepth(line);
    if (depth > LIMITS.nestingDepth) report('containers', lineNumber, `${nestingAdvice('lists and quotes are', depth)}: fewer levels of lists and ">" quotes, less indentation`);
    const text = line.replace(/\\[\\*_[\]<]/g, '').replace(/(`+)[\s\S]*?\1/g, '');
    paragraph.emphasis += text.match(/[*_]/g)?.length ?? 0;
    paragraph.brackets += text.match(/[[\]]/g)?.length ?? 0;
    for (const tag of text.matchAll(TAG)) {
      const [, closing, name, selfClosing] = tag;
      if (closing) elements = Math.max(0, elements - 1);
      else if (!selfClosing && !VOID.has(name!.toLowerCase())) elements++;
      if (elements > LIMITS.nestingDepth) report('elements', lineNumber, `${nestingAdvice('HTML elements are', elements)}: close each element before opening many more`);
    }
  }
  endParagraph();
  return problems.sort((a, b) => a.line - b.line);
}
