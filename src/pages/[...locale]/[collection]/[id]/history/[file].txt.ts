/**
 * /companies/<id>/history/<commit>.txt (and <commit>.ar.txt for the Arabic
 * translation): the entry file exactly as it was at that version, so a reader
 * can see what a cited version said. Published only when no repository is
 * known to link to (WIKI_REPO_URL, or the clone's origin on a known forge: repo-url.ts), where the history page links the
 * file at the commit instead.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getHistory, historyOf, versionTexts } from '../../../../../lib/content/git-history';
import { getRemovals } from '../../../../../lib/content/removals';
import { getWiki } from '../../../../../lib/model/wiki';
import { splitKey, type EntryKey } from '../../../../../lib/isomorphic/entry-keys';
import { versionSourcePath } from '../../../../../lib/isomorphic/paths';
import { repoWebUrl } from '../../../../../lib/content/repo-url';

export const getStaticPaths: GetStaticPaths = async () => {
  if (repoWebUrl()) return [];
  const history = await getHistory();
  const keys = [...(await getWiki()).entries.keys(), ...getRemovals().map((r) => r.entry as EntryKey)];
  return keys.flatMap((key) => {
    const { collection, id } = splitKey(key);
    return historyOf(history, key).versions.flatMap((v) =>
      v.changes
        .filter((c) => c.blob)
        .map((c) => ({
          params: { locale: undefined, collection, id, file: versionSourcePath(key, v.commit.hash, c.file).split('/').at(-1)!.replace(/\.txt$/, '') },
          props: { blob: c.blob! },
        })),
    );
  });
};

export const GET: APIRoute = async ({ props }) => {
  const texts = await versionTexts(await getHistory());
  return new Response(texts.get((props as { blob: string }).blob) ?? '', { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
