/**
 * Parses an entry's MDX body into a tree (without compiling or running it) and
 * extracts what the site needs from it: links to other entries, citations, and
 * every construct that is not allowed in contributed content.
 *
 * Contributed MDX is hostile until proven otherwise: MDX can import modules,
 * run JavaScript expressions at build time and emit any HTML. The rule here is
 * an allowlist, not a blocklist: only the Markdown node types, HTML elements
 * and components listed below pass; anything else is a problem.
 *
 * The body is parsed twice and both trees are checked:
 * - with Sätteri, the parser the site renders bodies from (body-html.ts), using
 *   the same features (GFM and smart punctuation), so the check sees exactly the
 *   tree the pages are made of (a construct hidden from one parser cannot reach
 *   the site);
 * - with micromark's mdxjs extension, the reference MDX parser, whose error
 *   messages are the clearest.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import { mdxToMdast } from 'satteri';
import { CONTENT_COMPONENTS, SAFE_ELEMENTS, SATTERI_FEATURES } from '../../schemas/body';
import { isLanguageTag } from '../isomorphic/collections';

export { SATTERI_FEATURES };
import { hrefProblem, isSafeHref, LINK_ADVICE, show } from './link-rules';
import { bodyControlProblems, bodyLimitProblems } from './limits';

/** The allowlist of an element name; own properties only ("constructor" is not an element). */
function allowedAttributes(name: string): readonly string[] | undefined {
  if (Object.hasOwn(CONTENT_COMPONENTS, name)) return CONTENT_COMPONENTS[name];
  if (Object.hasOwn(SAFE_ELEMENTS, name)) return SAFE_ELEMENTS[name];
  return undefined;
}

/** Markdown node types that carry no code and no URL of their own. */
const PLAIN_NODES = new Set([
  'root',
  'paragraph',
  'heading',
  'text',
  'emphasis',
  'strong',
  'delete',
  'inlineCode',
  'code',
  'break',
  'thematicBreak',
  'blockquote',
  'list',
  'listItem',
  'table',
  'tableRow',
  'tableCell',
  'linkReference',
]);


export interface BodyLink {
  url: string;
  line: number;
}
export interface BodyCite {
  source: string;
  via?: string;
  locator?: string;
  line: number;
}
export interface BodyProblem {
  line: number;
  message: string;
}
export interface BodyParagraph {
  line: number;
  /** Plain text of the paragraph. */
  text: string;
  /** Number of <Cite /> in it. */
  cites: number;
  /** True for a paragraph that is wholly in italics: an editorial note such as "Quotations are translated". */
  note: boolean;
}
export interface ParsedBody {
  links: BodyLink[];
  cites: BodyCite[];
  headings: { depth: number; text: string; line: number }[];
  paragraphs: BodyParagraph[];
  problems: BodyProblem[];
}

export { hrefProblem, isSafeHref, LINK_ADVICE };

interface Node {
  type: string;
  children?: Node[];
  position?: { start: { line: number } };
  [key: string]: unknown;
}

/** Every node of a tree in document order, without recursion (a tree may be hundreds of levels deep). */
function* nodesOf(tree: Node): Generator<Node> {
  const stack: Node[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    yield node;
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

/** The text of a node: its literal values in order (an expression's code is not text). */
function textOf(node: Node): string {
  let text = '';
  for (const n of nodesOf(node)) {
    if (typeof n.value === 'string' && n.type !== 'mdxFlowExpression' && n.type !== 'mdxTextExpression') text += n.value;
  }
  return text;
}

/** Elements that run code, load other documents or style the page, with what to write instead. */
const DANGEROUS: Record<string, string> = {
  script: 'entries cannot run code',
  style: 'entries cannot carry styles',
  iframe: 'entries cannot embed other pages; link to the page instead: [title](https://...)',
  frame: 'entries cannot embed other pages; link to the page instead: [title](https://...)',
  frameset: 'entries cannot embed other pages',
  object: 'entries cannot embed objects; link to the file instead: [title](https://...)',
  embed: 'entries cannot embed objects; link to the file instead: [title](https://...)',
  applet: 'entries cannot embed objects',
  base: 'entries cannot change how links resolve',
  meta: 'entries cannot set page metadata; front matter holds the entry data',
  link: 'entries cannot load resources; write a Markdown link [title](https://...)',
  form: 'entries cannot contain forms',
  input: 'entries cannot contain forms',
  button: 'entries cannot contain forms',
  textarea: 'entries cannot contain forms',
  select: 'entries cannot contain forms',
  svg: 'entries cannot contain drawings; link to the image instead: [description](https://...)',
  math: 'entries cannot contain MathML',
  template: 'entries cannot contain templates',
  noscript: 'entries cannot contain scripts or fallbacks for them',
  a: 'write links in Markdown: [text](https://...) or [text](/companies/<id>/)',
  img: 'images are not supported in entries; link to the image instead: [description](https://...)',
  picture: 'images are not supported in entries; link to the image instead: [description](https://...)',
  video: 'media is not supported in entries; link to it instead: [description](https://...)',
  audio: 'media is not supported in entries; link to it instead: [description](https://...)',
  source: 'media is not supported in entries; link to it instead: [description](https://...)',
  html: 'the page around the entry is made by the site',
  head: 'the page around the entry is made by the site',
  body: 'the page around the entry is made by the site',
  title: 'the page title comes from the name or title in the front matter',
};

const ALLOWED_LIST = `<Cite source="..." />, ${Object.keys(SAFE_ELEMENTS)
  .map((n) => `<${n}>`)
  .join(', ')}`;

function elementProblem(name: string | null): string {
  if (!name) return `JSX fragments "<>...</>" are not allowed; write plain Markdown`;
  const lower = name.toLowerCase();
  if (Object.hasOwn(DANGEROUS, lower)) return `<${show(name, 30)}> is not allowed: ${DANGEROUS[lower]}`;
  if (/^[A-Z]/.test(name) || name.includes('.')) {
    return `<${show(name, 30)}> is not a component the site provides; the only component entries can use is <Cite source="source-id" />`;
  }
  return `<${show(name, 30)}> is not allowed; use Markdown, or one of: ${ALLOWED_LIST}`;
}

const HTML_COMMENT = 'HTML comments "<!-- ... -->" are not allowed in entries; delete the comment (notes for reviewers go in the pull request)';

/** A parse error as the contributor should read it. */
function parseErrorMessage(reason: string, lineText = ''): string {
  if (/comment in MDX/.test(reason) || /<!--/.test(lineText)) return HTML_COMMENT;
  if (/<[a-z][a-z0-9+.-]*:[^\s>]*>/i.test(lineText)) {
    return 'autolinks like "<https://...>" are not allowed; write a Markdown link: [text](https://...)';
  }
  if (/before attribute value/.test(reason)) {
    // An unquoted value: name the attribute, and never suggest "{" (an expression).
    const handler = /<[A-Za-z][^<>]*?\s(on[a-z]+)\s*=/i.exec(lineText)?.[1];
    if (handler) return `event-handler attribute "${show(handler, 30)}" is not allowed: it runs JavaScript; remove it`;
    const name = /\s([A-Za-z][\w:-]*)\s*=\s*[^\s"'{]/.exec(lineText)?.[1] ?? 'name';
    return `attribute values must be in quotes: write ${show(name, 30)}="..."`;
  }
  return `is not valid MDX: ${show(reason.replace(/\s*\([a-z-]+:[a-z-]+\)$/, ''), 200)}. A literal "<" or "{" in text must be written "\\<" or "\\{"`;
}

/** Lines holding "<!--" outside fenced code, so every comment is reported, not only the first one a parser stops at. */
function htmlCommentLines(body: string): number[] {
  const out: number[] = [];
  let fenced = false;
  body.split('\n').forEach((line, i) => {
    if (/^[ \t>]*(`{3,}|~{3,})/.test(line)) fenced = !fenced;
    else if (!fenced && /<!--/.test(line.replace(/`[^`]*`/g, ''))) out.push(i + 1);
  });
  return out;
}

/** Check one tree; `collect` is false for the second tree, which only adds problems. */
function walk(tree: Node, lineOffset: number, result: ParsedBody, collect: boolean): void {
  const lineOf = (node: Node) => (node.position?.start.line ?? 1) + lineOffset;
  const problem = (node: Node, message: string) => result.problems.push({ line: lineOf(node), message });

  const checkElement = (node: Node): boolean => {
    // Returns whether the element is allowed as written.
    const name = (node.name as string | null) ?? null;
    const allowed = name ? allowedAttributes(name) : undefined;
    if (!name || !allowed) {
      problem(node, elementProblem(name));
      // Attributes of a refused element are not checked one by one; its children are (see visit).
      return false;
    }
    const attrs: Record<string, string> = {};
    let ok = true;
    for (const attr of (node.attributes as Node[] | undefined) ?? []) {
      if (attr.type === 'mdxJsxExpressionAttribute') {
        problem(node, `<${name}> attribute spread "{${show(String(attr.value), 30)}}" is not allowed; write each attribute as plain quoted text, like source="source-id"`);
        ok = false;
        continue;
      }
      const attrName = String(attr.name);
      if (/^on/i.test(attrName)) {
        problem(node, `<${name}> event-handler attribute "${show(attrName, 30)}" is not allowed: it runs JavaScript; remove it`);
        ok = false;
        continue;
      }
      if (attr.value !== null && typeof attr.value === 'object') {
        const expr = String((attr.value as Node).value ?? '');
        problem(node, `<${name}> attribute ${show(attrName, 30)}={${show(expr, 30)}} is a JavaScript expression; write plain quoted text, like ${attrName}="..."`);
        ok = false;
        continue;
      }
      if (!allowed.includes(attrName)) {
        problem(
          node,
          `<${name}> does not accept the attribute "${show(attrName, 30)}"${allowed.length ? `; it accepts: ${allowed.join(', ')}` : '; write it without attributes'}`,
        );
        ok = false;
        continue;
      }
      if (typeof attr.value !== 'string') {
        problem(node, `<${name}> attribute "${attrName}" needs a quoted value, like ${attrName}="..."`);
        ok = false;
        continue;
      }
      if (attrName === 'dir' && !['ltr', 'rtl', 'auto'].includes(attr.value)) {
        problem(node, `<${name}> dir="${show(attr.value, 20)}" must be "rtl", "ltr" or "auto"`);
        ok = false;
      }
      if (attrName === 'lang' && !isLanguageTag(attr.value)) {
        problem(node, `<${name}> lang="${show(attr.value, 20)}" must be a language tag such as "ar" or "en"`);
        ok = false;
      }
      attrs[attrName] = attr.value;
    }
    if (name === 'Cite') {
      if (ok && !attrs.source) problem(node, '<Cite> needs a source attribute: <Cite source="source-id" />');
      else if (ok && collect) result.cites.push({ source: attrs.source!, via: attrs.via, locator: attrs.locator, line: lineOf(node) });
      if ((node.children ?? []).length > 0) problem(node, '<Cite> must be self-closing: <Cite source="source-id" />');
    }
    return true;
  };

  /** Checks one node; whether its children are checked as well. */
  const visit = (node: Node): boolean => {
    switch (node.type) {
      case 'mdxjsEsm':
        problem(
          node,
          `import/export statements are not allowed ("${show(String(node.value ?? '').split('\n')[0] ?? '', 40)}"); delete the line: the site already provides <Cite source="..." />, and nothing else can be imported`,
        );
        return false;
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        const value = String(node.value ?? '');
        if (/^\s*\/\*[\s\S]*\*\/\s*$/.test(value)) {
          problem(node, 'comments "{/* ... */}" are not allowed in entries; delete the comment (notes for reviewers go in the pull request)');
        } else {
          problem(node, `JavaScript expressions like "{${show(value, 30)}}" are not allowed; write plain text, and escape a literal brace as "\\{"`);
        }
        return false;
      }
      case 'html':
        problem(node, `raw HTML "${show(String(node.value ?? ''), 40)}" is not allowed; use Markdown`);
        return false;
      case 'yaml':
      case 'toml':
        problem(node, 'a second front-matter block is not allowed in the body; keep all fields in the front matter at the top');
        return false;
      case 'image':
      case 'imageReference':
        problem(node, 'images are not supported in entries; link to the image instead: [description](https://...)');
        return false;
      case 'footnoteDefinition':
      case 'footnoteReference':
        problem(node, 'Markdown footnotes ("[^1]") are not used; cite a source entry after the claim with <Cite source="source-id" />');
        break; // its content is checked too, so everything hidden in it is reported at once
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkElement(node);
        break; // children of a refused element are checked too
      case 'link':
      case 'definition': {
        const url = String(node.url ?? '');
        const bad = hrefProblem(url);
        if (bad) problem(node, `link "${show(url)}" ${bad}`);
        else if (collect) result.links.push({ url, line: lineOf(node) });
        break;
      }
      case 'heading':
        if (collect) result.headings.push({ depth: Number(node.depth), text: textOf(node), line: lineOf(node) });
        break;
      case 'paragraph':
        if (collect) {
          let cites = 0;
          for (const n of nodesOf(node)) if ((n.type === 'mdxJsxTextElement' || n.type === 'mdxJsxFlowElement') && n.name === 'Cite') cites++;
          const meaningful = (node.children ?? []).filter((c) => !(c.type === 'text' && String(c.value).trim() === ''));
          const note = meaningful.length === 1 && meaningful[0]!.type === 'emphasis';
          result.paragraphs.push({ line: lineOf(node), text: textOf(node).trim(), cites, note });
        }
        break;
      default:
        if (!PLAIN_NODES.has(node.type)) {
          problem(node, `"${show(node.type, 30)}" content is not supported in entries; use plain Markdown`);
          return false;
        }
    }
    return true;
  };
  // Depth-first in document order with a stack of its own, so no depth of nesting overflows the call stack.
  const stack: Node[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (!visit(node)) continue;
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

const emptyParse = (): ParsedBody => ({ links: [], cites: [], headings: [], paragraphs: [], problems: [] });

/** Sätteri's tree of a body (the one pages are rendered from), walked; undefined when it does not parse. */
function walkSatteri(body: string, lineOffset: number): ParsedBody | undefined {
  const result = emptyParse();
  try {
    walk(mdxToMdast(body, { features: SATTERI_FEATURES }) as unknown as Node, lineOffset, result, true);
  } catch {
    return undefined;
  }
  return result;
}

/**
 * The links and citations of a body that has passed the content check, from
 * Sätteri's tree alone: parseBody's second parser (micromark) is there
 * to catch what the two disagree on, which the check has already done, and it
 * costs more than everything else a page needs from its body.
 */
export function linksAndCites(body: string): Pick<ParsedBody, 'links' | 'cites'> {
  // Unparseable: the content check reports it with its line; nothing to link.
  const result = walkSatteri(body, 0) ?? emptyParse();
  return { links: result.links, cites: result.cites };
}

export interface ParseBodyOptions {
  /**
   * Parse with micromark as well (default): its error messages are the
   * clearest, and it refuses what the two parsers would read differently.
   * Without it (the build), a body is parsed with micromark only when
   * Sätteri's tree has a problem, so its problems read the same; `npm run
   * validate`, which CI runs before the build, always parses with both.
   */
  crossCheck?: boolean;
}

/**
 * Parse a body. `lineOffset` is the number of file lines before `body`, so the
 * line numbers returned point into the file, not into the body. (The content
 * check passes the body with a blank line for each front-matter line, RawFile's
 * bodySource, and an offset of 0.)
 */
export function parseBody(body: string, lineOffset = 0, options: ParseBodyOptions = {}): ParsedBody {
  const shift = (p: BodyProblem) => ({ line: p.line + lineOffset, message: p.message });
  // Beyond the limits, neither parser is given the body: it could take minutes or overflow the stack.
  const overLimits = bodyLimitProblems(body);
  if (overLimits.length) return { ...emptyParse(), problems: overLimits.map(shift) };
  const controls = bodyControlProblems(body).map(shift);
  const parsed = parseWithinLimits(body, lineOffset, controls.length ? { crossCheck: true } : options);
  if (controls.length) parsed.problems = [...controls, ...parsed.problems].sort((a, b) => a.line - b.line);
  return parsed;
}

/** parseBody for a body within the limits. */
function parseWithinLimits(body: string, lineOffset: number, { crossCheck = true }: ParseBodyOptions): ParsedBody {
  if (!crossCheck) {
    // A parse error or problem is worded by the full parse below.
    const quick = walkSatteri(body, lineOffset);
    if (quick && !quick.problems.length) return quick;
  }
  const result = emptyParse();
  const parseErrors: BodyProblem[] = [];
  const sourceLines = body.split(/\r\n?|\n/);
  const textOfLine = (line: number) => sourceLines[line - 1] ?? '';

  let reference: Node | undefined;
  try {
    reference = fromMarkdown(body, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] }) as unknown as Node;
  } catch (error) {
    const e = error as { line?: number; place?: { line?: number; start?: { line?: number } }; reason?: string; message?: string };
    const line = e.line ?? e.place?.line ?? e.place?.start?.line ?? 1;
    parseErrors.push({ line: line + lineOffset, message: parseErrorMessage(e.reason ?? e.message ?? String(error), textOfLine(line)) });
  }

  let satteri: Node | undefined;
  try {
    satteri = mdxToMdast(body, { features: SATTERI_FEATURES }) as unknown as Node;
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    const m = /^(\d+):(\d+):\s*([\s\S]*)$/.exec(message);
    const line = Number(m?.[1] ?? 1);
    parseErrors.push({ line: line + lineOffset, message: parseErrorMessage(m?.[3] ?? message, textOfLine(line)) });
  }

  if (parseErrors.length) {
    // One message per broken spot: both parsers usually stop at the same place (micromark words it best).
    const first = [...parseErrors].sort((a, b) => a.line - b.line)[0]!;
    // Parsers stop at the first HTML comment; every one is reported, so all can be deleted at once.
    const comments = htmlCommentLines(body).map((line) => ({ line: line + lineOffset, message: HTML_COMMENT }));
    if (first.message !== HTML_COMMENT) result.problems.push(first);
    result.problems.push(...comments);
    if (!result.problems.length) result.problems.push(first);
    result.problems.sort((a, b) => a.line - b.line);
    return result;
  }

  walk(satteri!, lineOffset, result, true);
  walk(reference!, lineOffset, result, false);

  const seen = new Set<string>();
  result.problems = result.problems
    .filter((p) => {
      const key = `${p.line}\u0000${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.line - b.line);
  return result;
}
