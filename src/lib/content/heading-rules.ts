/**
 * Body headings whose id would collide with an id of the page around the
 * body (schemas/body.ts PAGE_IDS): the id is made exactly as the renderer
 * makes it (views/body-html.ts), with github-slugger, in order.
 *
 * Node only (with check.ts), though it needs nothing of Node.
 */
import GithubSlugger from 'github-slugger';
import { PAGE_ID_PREFIXES, PAGE_IDS } from '../../schemas/body';

export function headingIdProblems(headings: readonly { text: string; line: number }[]): { line: number; message: string }[] {
  const slugger = new GithubSlugger();
  return headings.flatMap(({ text, line }) => {
    const id = slugger.slug(text);
    const prefix = PAGE_ID_PREFIXES.find((p) => id.startsWith(p));
    if (!PAGE_IDS.includes(id) && !prefix) return [];
    const taken = prefix ? `ids starting "${prefix}" belong to the page itself` : `"${id}" is the id of a part of the page itself`;
    return [{ line, message: `heading "${text.slice(0, 60)}" would get the id "${id}", but ${taken} (its links and buttons would lead to the heading instead); reword the heading` }];
  });
}
