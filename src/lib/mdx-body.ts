/**
 * Parses an entry's MDX body into a tree (without compiling or running it) and
 * extracts what the site needs from it: links to other entries, citations, and
 * every construct that is not allowed in contributed content.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';

/** Components the site passes to rendered content, with the attributes each accepts. */
export const CONTENT_COMPONENTS: Record<string, readonly string[]> = {
  Cite: ['source', 'via', 'locator'],
};

/** Inline HTML elements a contributor may write, with the attributes each accepts. */
export const SAFE_ELEMENTS: Record<string, readonly string[]> = {
  abbr: ['title'],
  bdi: ['dir'],
  br: [],
  kbd: [],
  mark: [],
  q: ['lang', 'dir'],
  span: ['lang', 'dir'],
  sub: [],
  sup: [],
};

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
export interface ParsedBody {
  links: BodyLink[];
  cites: BodyCite[];
  headings: { depth: number; text: string; line: number }[];
  problems: BodyProblem[];
}

const SAFE_SCHEME = /^(https?:|mailto:)/i;

/** Whether a link target is allowed: http(s), mailto, a site-relative path or an in-page anchor. */
export function isSafeHref(url: string): boolean {
  const trimmed = url.trim();
  if (trimmed.startsWith('#')) return true;
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) return true;
  return SAFE_SCHEME.test(trimmed);
}

interface Node {
  type: string;
  children?: Node[];
  position?: { start: { line: number } };
  [key: string]: unknown;
}

function textOf(node: Node): string {
  if (typeof node.value === 'string') return node.value;
  return (node.children ?? []).map(textOf).join('');
}

/**
 * Parse a body. `lineOffset` is the number of file lines before the body, so the
 * line numbers returned point into the file, not into the body.
 */
export function parseBody(body: string, lineOffset = 0): ParsedBody {
  const result: ParsedBody = { links: [], cites: [], headings: [], problems: [] };
  let tree: Node;
  try {
    tree = fromMarkdown(body, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] }) as unknown as Node;
  } catch (error) {
    const e = error as { line?: number; place?: { line?: number }; reason?: string; message?: string };
    const line = (e.line ?? e.place?.line ?? 1) + lineOffset;
    result.problems.push({
      line,
      message: `body is not valid MDX: ${e.reason ?? e.message}. A literal "<" or "{" must be escaped as "\\<" or "\\{".`,
    });
    return result;
  }

  const lineOf = (node: Node) => (node.position?.start.line ?? 1) + lineOffset;

  const visit = (node: Node) => {
    switch (node.type) {
      case 'mdxjsEsm':
        result.problems.push({
          line: lineOf(node),
          message: 'import/export statements are not allowed in entries; the site provides the components you can use (<Cite source="..." />)',
        });
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        result.problems.push({
          line: lineOf(node),
          message: `JavaScript expressions like "{${String(node.value).slice(0, 30)}}" are not allowed; write plain text, and escape a literal brace as "\\{"`,
        });
        return;
      case 'html':
        result.problems.push({ line: lineOf(node), message: 'raw HTML is not allowed; use Markdown' });
        return;
      case 'link':
      case 'definition': {
        const url = String(node.url ?? '');
        if (!isSafeHref(url)) {
          result.problems.push({
            line: lineOf(node),
            message: `link "${url.slice(0, 60)}" uses a forbidden scheme; links must be https://, http://, mailto: or a site path like /companies/<id>/`,
          });
        } else {
          result.links.push({ url, line: lineOf(node) });
        }
        break;
      }
      case 'image':
        result.problems.push({
          line: lineOf(node),
          message: 'images are not supported in entries yet; link to the image instead',
        });
        return;
      case 'heading':
        result.headings.push({ depth: Number(node.depth), text: textOf(node), line: lineOf(node) });
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name as string | null;
        const allowed = name ? (CONTENT_COMPONENTS[name] ?? SAFE_ELEMENTS[name]) : undefined;
        if (!name || !allowed) {
          const list = [...Object.keys(CONTENT_COMPONENTS), ...Object.keys(SAFE_ELEMENTS)].join(', ');
          result.problems.push({
            line: lineOf(node),
            message: `<${name ?? ''}> is not allowed in entries; use Markdown, or one of: ${list}`,
          });
          return;
        }
        const attrs: Record<string, string> = {};
        let ok = true;
        for (const attr of (node.attributes as Node[]) ?? []) {
          if (attr.type !== 'mdxJsxAttribute' || typeof attr.value !== 'string') {
            result.problems.push({
              line: lineOf(node),
              message: `<${name}> attributes must be plain quoted text like source="id"; expressions and spreads are not allowed`,
            });
            ok = false;
            continue;
          }
          const attrName = String(attr.name);
          if (!allowed.includes(attrName)) {
            result.problems.push({
              line: lineOf(node),
              message: `<${name}> does not accept the attribute "${attrName}"${allowed.length ? `; it accepts: ${allowed.join(', ')}` : ''}`,
            });
            ok = false;
            continue;
          }
          attrs[attrName] = attr.value;
        }
        if (name === 'Cite' && ok) {
          if (!attrs.source) {
            result.problems.push({ line: lineOf(node), message: '<Cite> needs a source attribute: <Cite source="source-id" />' });
          } else {
            result.cites.push({ source: attrs.source, via: attrs.via, locator: attrs.locator, line: lineOf(node) });
          }
          if ((node.children ?? []).length > 0) {
            result.problems.push({ line: lineOf(node), message: '<Cite> must be self-closing: <Cite source="source-id" />' });
          }
          return;
        }
        break;
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return result;
}
