/**
 * Links into the wiki's repository on its forge: a file as it was at one
 * commit. GitHub's URL shape unless the host is a known forge that differs.
 *
 * Pure: no Node, no Astro.
 */

/** The web address of a file at a commit: GitHub ".../blob/<commit>/<path>", GitLab ".../-/blob/...", Gitea and Codeberg ".../src/commit/...". */
export function fileAtCommitUrl(repoUrl: string, commit: string, repoPath: string): string {
  const base = repoUrl.replace(/\/+$/, '');
  const path = repoPath.split('/').map(encodeURIComponent).join('/');
  let host = '';
  try {
    host = new URL(base).host;
  } catch {
    // Not an absolute URL: GitHub's shape below.
  }
  if (/(^|\.)gitlab\./.test(host)) return `${base}/-/blob/${commit}/${path}`;
  if (/(^|\.)(codeberg\.org|gitea\.)/.test(host)) return `${base}/src/commit/${commit}/${path}`;
  return `${base}/blob/${commit}/${path}`;
}
