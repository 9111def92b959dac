/**
 * Text rules used on both sides of the build: the invisible characters a
 * contributor could hide in text, and HTML/XML escaping and its inverse.
 *
 * Isomorphic: no Node, no Astro, no dependencies.
 */

/**
 * Control, zero-width, line/paragraph-separator and bidirectional-control
 * characters (and the byte-order mark): what a reader cannot see.
 */
const INVISIBLE_CLASS = '\\u0000-\\u001f\\u007f-\\u009f\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u2069\\ufeff';

/** Every invisible character (global: for replacing). */
export const INVISIBLE_CHARACTERS = new RegExp(`[${INVISIBLE_CLASS}]`, 'gu');

/** One invisible character or whitespace (for values that may contain neither, such as link targets). */
export const INVISIBLE_OR_SPACE = new RegExp(`[\\s${INVISIBLE_CLASS}]`, 'u');

/** Text with each invisible character written as a visible `\uXXXX`, so a message never carries one. */
export function showInvisible(text: string): string {
  return text.replace(INVISIBLE_CHARACTERS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const ESCAPABLE = /[&<>'"]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };

/** Text safe inside HTML or XML text and quoted attributes; the same escapes as Astro's own renderer, so output matches. */
export function escapeHtml(value: string): string {
  return value.replace(ESCAPABLE, (c) => ESCAPES[c]!);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decode character references (numeric, and the named ones HTML output uses). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/**
 * C0 control characters other than tab and line breaks, DEL and the C1
 * controls: never part of real text, and not allowed in XML (the feeds).
 */
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;

/** A character as a message names it: "U+0007". */
export function codePointName(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
