/**
 * Entry bodies as HTML, rendered from their syntax tree: the body is data, not
 * a program. Astro's MDX integration would compile every entry into a
 * JavaScript module, bundle all of them and run them to render a page; but the
 * content check only lets plain Markdown, links and <Cite> through, so the
 * tree already holds everything a page shows. Rendering it here keeps
 * contributed text from ever running as code, and spares the build a module
 * per entry (see BENCHMARKS.md).
 *
 * The output matches what Astro's MDX pipeline printed for the same bodies:
 * the same tree (Sätteri's, with GFM and smart punctuation), heading ids from
 * github-slugger, the same escaping, links and citation markers as the
 * BodyLink and Cite components drew them. tests/unit/body-html.test.ts holds
 * the cases.
 */
import GithubSlugger from 'github-slugger';
import { mdxToHast } from 'satteri';
import type { Locale } from '../../i18n';
import type { NoteUse } from './cite-context';
import { SATTERI_FEATURES, SAFE_ELEMENTS } from '../../schemas/body';
import { localePath, withBase } from '../isomorphic/paths';
import { escapeHtml } from '../isomorphic/text';

/** The parts of a HAST node this renderer reads. */
interface HastNode {
  type: string;
  tagName?: string;
  name?: string | null;
  value?: string;
  properties?: Record<string, unknown>;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: HastNode[];
}

export interface BodyRenderOptions {
  /** The page's language: site links in the body point at pages in it. */
  locale: Locale;
  /** The marker of one <Cite>; undefined when the page has no footnote for it. */
  cite: (source: string, via?: string) => NoteUse | undefined;
  /** The site's base path (defaults to Astro's). */
  base?: string;
}

export { escapeHtml };

const VOID_ELEMENTS = new Set(['br', 'hr', 'img', 'input', 'wbr']);
const ATTRIBUTE_NAMES: Record<string, string> = { className: 'class', htmlFor: 'for' };

function attributeName(property: string): string {
  return ATTRIBUTE_NAMES[property] ?? property.replace(/^(aria|data)([A-Z])/, (_, p: string, c: string) => `${p}-${c.toLowerCase()}`).toLowerCase();
}

function attributes(properties: Record<string, unknown>): string {
  let out = '';
  for (const [key, value] of Object.entries(properties)) {
    if (value === false || value === null || value === undefined) continue;
    const name = attributeName(key);
    if (value === true) out += ` ${name}`;
    else out += ` ${name}="${escapeHtml(Array.isArray(value) ? value.join(' ') : String(value))}"`;
  }
  return out;
}

/** The text of a node, walked with a stack of its own (a body may nest hundreds of levels deep). */
function textOf(node: HastNode): string {
  let text = '';
  const stack = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'text') text += n.value ?? '';
    const children = n.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return text;
}

function jsxAttribute(node: HastNode, name: string): string | undefined {
  const attribute = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  return typeof attribute?.value === 'string' ? attribute.value : undefined;
}

/** A body link as the reader follows it: site paths in the page's language, outside links marked. */
function linkAttributes(properties: Record<string, unknown>, options: BodyRenderOptions): Record<string, unknown> {
  const href = String(properties.href ?? '');
  const internal = href.startsWith('/') && !href.startsWith('//');
  if (internal) return { ...properties, href: withBase(localePath(options.locale, href), options.base) };
  if (href.startsWith('#')) return properties;
  return { ...properties, rel: 'noopener noreferrer', class: 'external' };
}

/**
 * A table cell's column alignment (":---:" in Markdown, which the parser writes
 * as an inline style) as a class: the page's CSP blocks inline styles, and a
 * body never carries any other style.
 */
function alignmentClass(properties: Record<string, unknown>): Record<string, unknown> {
  const { style, ...rest } = properties;
  const align = /^text-align:\s*(left|center|right);?$/.exec(String(style))?.[1];
  if (!align) throw new Error(`a body element has the style "${String(style)}" (the content check should have refused it)`);
  return { ...rest, className: `align-${align}` };
}

/** Parses a body (MDX that passed the content check) into the tree rendered below. */
export function bodyTree(body: string): HastNode {
  return mdxToHast(body, { features: SATTERI_FEATURES }) as unknown as HastNode;
}

/**
 * The HTML of a parsed body. Throws when a <Cite> has no footnote on the page
 * or the tree holds something the content check should have refused.
 */
export function renderBodyHtml(tree: HastNode, options: BodyRenderOptions): string {
  const slugger = new GithubSlugger();
  let html = '';
  // Depth-first with a stack of its own: a node to render, or a closing tag to write once its children are done.
  const stack: (HastNode | string)[] = [tree];
  const renderChildren = (node: HastNode) => {
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  };
  while (stack.length) {
    const node = stack.pop()!;
    if (typeof node === 'string') {
      html += node;
      continue;
    }
    switch (node.type) {
      case 'text':
        html += escapeHtml(node.value ?? '');
        break;
      case 'element': {
        const tag = node.tagName!;
        let properties = node.properties ?? {};
        if (/^h[1-6]$/.test(tag) && typeof properties.id !== 'string') properties = { ...properties, id: slugger.slug(textOf(node)) };
        if (tag === 'a') properties = linkAttributes(properties, options);
        if ('style' in properties) properties = alignmentClass(properties);
        html += `<${tag}${attributes(properties)}>`;
        if (VOID_ELEMENTS.has(tag)) break;
        stack.push(`</${tag}>`);
        renderChildren(node);
        break;
      }
      case 'mdxJsxTextElement':
      case 'mdxJsxFlowElement': {
        const name = node.name ?? '';
        if (Object.hasOwn(SAFE_ELEMENTS, name)) {
          // Only the attributes the content check allows, as plain text.
          const properties = Object.fromEntries(SAFE_ELEMENTS[name]!.map((a) => [a, jsxAttribute(node, a)]));
          stack.push({ type: 'element', tagName: name, properties, children: node.children ?? [] });
          break;
        }
        const source = jsxAttribute(node, 'source');
        if (name !== 'Cite' || !source) throw new Error(`<${name}> is not allowed in an entry body (the content check should have refused it)`);
        const via = jsxAttribute(node, 'via');
        const marker = options.cite(source, via);
        if (!marker) throw new Error(`<Cite source="${source}"${via ? ` via="${via}"` : ''}> has no footnote on this page`);
        html += `<sup class="cite" id="${escapeHtml(marker.refId)}"><a href="#note-${marker.n}" aria-label="[${marker.n}]">[${marker.n}]</a></sup>`;
        break;
      }
      default:
        // The root, comments and other non-content nodes print only their children, as in MDX.
        renderChildren(node);
    }
  }
  return html;
}
