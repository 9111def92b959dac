/**
 * Contributor text inside a problem message. Every message the content check
 * prints can quote what a contributor wrote (a key, an id, a link, a parser's
 * excerpt), and it is read in terminals and CI logs: a newline there could
 * start a GitHub Actions workflow command ("::error ...::"), an ESC sequence
 * could rewrite a reviewer's terminal. So every invisible or control
 * character is written out as a visible `\uXXXX`, here and only here.
 *
 * Node only (with check.ts), though it needs nothing of Node.
 */
import { showInvisible } from '../isomorphic/text';

/** Text safe to print: no control, line-break, bidi or zero-width character survives (each becomes a visible `\uXXXX`). */
export function safeText(text: string): string {
  return showInvisible(text);
}

/** Contributor text for a message: made safe, and cut after `max` characters. */
export function show(text: string, max = 60): string {
  const visible = safeText(text);
  return visible.length > max ? `${visible.slice(0, max)}…` : visible;
}
