/**
 * Where the wiki's public repository is, for the "Change history" links and
 * the contributing guide: WIKI_REPO_URL when it is set; otherwise the web
 * address of the clone's `origin` remote when that is on a forge the wiki
 * knows (GitHub, GitLab, Codeberg), in any of its forms (https, ssh, scp-like
 * "git@host:owner/repo.git"); otherwise none, and pages leave the links out
 * rather than point at a placeholder.
 *
 * Node only (one `git remote get-url origin`, once per build).
 */
import { execFileSync } from 'node:child_process';
import { contentDir, repoUrl as configuredRepoUrl } from '../settings';

/** The branch links to the repository's files lead to, unless WIKI_REPO_BRANCH says otherwise. */
export const DEFAULT_BRANCH = 'main';

/** The forges whose web addresses the wiki can build from a remote, with their page layouts. */
const FORGES = {
  'github.com': { file: '/blob/{ref}/{path}', fileAtCommit: '/blob/{ref}/{path}' },
  'gitlab.com': { file: '/-/blob/{ref}/{path}', fileAtCommit: '/-/blob/{ref}/{path}' },
  'codeberg.org': { file: '/src/branch/{ref}/{path}', fileAtCommit: '/src/commit/{ref}/{path}' },
} as const;
type ForgeHost = keyof typeof FORGES;
const isForgeHost = (host: string): host is ForgeHost => Object.hasOwn(FORGES, host);

/**
 * The web address of a repository from a git remote URL on a known forge
 * ("git@github.com:owner/wiki.git" → "https://github.com/owner/wiki"), or
 * undefined for any other host, a local path or something unreadable. A user
 * name or token in the remote is never copied into the address.
 */
export function forgeWebUrl(remote: string): string | undefined {
  const text = remote.trim();
  // scp-like syntax: [user@]host:path (no scheme, no slash before the colon).
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/)(.+)$/.exec(text);
  let host: string;
  let path: string;
  if (scp && !/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    [, host = '', path = ''] = scp;
  } else {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return undefined;
    }
    if (!['https:', 'http:', 'ssh:', 'git:'].includes(url.protocol)) return undefined;
    host = url.hostname;
    path = url.pathname;
  }
  host = host.toLowerCase().replace(/^www\./, '');
  if (!isForgeHost(host)) return undefined;
  const segments = path.replace(/\.git\/?$/, '').split('/').filter(Boolean);
  // owner/repo at least (GitLab groups may nest: group/subgroup/repo).
  if (segments.length < 2 || segments.some((s) => !/^[\w.-]+$/.test(s))) return undefined;
  return `https://${host}/${segments.join('/')}`;
}

/** The configured repository address, else the one derived from the remote, else none. */
export function resolveRepoUrl(configured: string | undefined, readRemote: () => string | undefined): string | undefined {
  if (configured) return configured.replace(/\/+$/, '');
  const remote = readRemote();
  return remote === undefined ? undefined : forgeWebUrl(remote);
}

/** `git remote get-url origin` in `cwd`, or undefined (no git, no remote, not a clone). */
export function originRemote(cwd: string): string | undefined {
  try {
    return execFileSync('git', ['remote', 'get-url', 'origin'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

let cached: { value: string | undefined } | undefined;

/** The repository's web address for this build (WIKI_REPO_URL, else the content's `origin` on a known forge), or undefined. */
export function repoWebUrl(): string | undefined {
  cached ??= { value: resolveRepoUrl(configuredRepoUrl(), () => originRemote(contentDir(process.cwd()))) };
  return cached.value;
}

/** The page layout of a repository's forge: GitHub's for a configured address on a host the wiki does not know. */
function layoutOf(repo: string) {
  let host = '';
  try {
    host = new URL(repo).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    // Not a URL: GitHub's layout, as before.
  }
  return FORGES[isForgeHost(host) ? host : 'github.com'];
}

const fill = (pattern: string, ref: string, path: string) =>
  pattern.replace('{ref}', encodeURIComponent(ref)).replace('{path}', path.split('/').map(encodeURIComponent).join('/'));

/** The forge's page showing the file at `path` on `branch` (e.g. the contributing guide). */
export function fileUrl(repo: string, branch: string, path: string): string {
  return `${repo.replace(/\/+$/, '')}${fill(layoutOf(repo).file, branch, path)}`;
}

/** The forge's page showing the file at `path` as it was at one commit (what a cited version said). */
export function fileAtCommitUrl(repo: string, commit: string, path: string): string {
  return `${repo.replace(/\/+$/, '')}${fill(layoutOf(repo).fileAtCommit, commit, path)}`;
}
