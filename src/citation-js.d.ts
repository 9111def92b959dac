/**
 * The part of citation-js the cite panel uses (lib/cite-formats.ts). The
 * package ships no type declarations; these cover only what is called here.
 */
declare module '@citation-js/core' {
  /** A list of CSL-JSON items that can be written in any registered output format. */
  export class Cite {
    constructor(data: unknown);
    format(format: string, options?: { format?: 'text' | 'html'; template?: string; lang?: string }): string;
  }
  export const plugins: {
    config: {
      get(plugin: '@csl'): { styles: { add(name: string, xml: string): void } };
      get(plugin: '@bibtex'): { format: { asciiOnly: boolean } };
    };
  };
}
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
