/**
 * Adds the lockfile entries npm leaves out when the registry it installed from
 * lacks some platform-specific optional packages (a partial mirror, say).
 *
 * Why: `npm install` quietly skips an optional package it cannot resolve, but
 * `npm ci` then refuses the lockfile as "out of sync" on every machine. The
 * entries written here carry only what npm needs to decide that the package is
 * for another platform (version, os, cpu, libc); npm fetches it from the
 * registry on the machines it is meant for.
 *
 * Run after `npm install` changes dependencies: `npm run lockfile:platforms`.
 */
import { readFileSync, writeFileSync } from 'node:fs';

interface LockPackage {
  version?: string;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  optionalDependencies?: Record<string, string>;
  [key: string]: unknown;
}

interface Lockfile {
  packages: Record<string, LockPackage>;
}

/** Platform triples read from a package name suffix such as `darwin-arm64` or `linux-x64-musl`. */
const OS_NAMES: Record<string, string> = {
  android: 'android',
  darwin: 'darwin',
  freebsd: 'freebsd',
  linux: 'linux',
  win32: 'win32',
  windows: 'win32',
};
const CPUS = new Set(['arm64', 'x64', 'ia32', 'arm', 'wasm32', 'riscv64', 'ppc64', 's390x', 'loong64']);

/** Returns npm's os/cpu/libc fields for a platform package name, or undefined when the name says no platform. */
export function platformOf(name: string): Pick<LockPackage, 'os' | 'cpu' | 'libc'> | undefined {
  const parts = name.split('/').pop()!.split('-');
  if (parts.includes('wasm32')) return { cpu: ['wasm32'] };
  const osIndex = parts.findIndex((part) => part in OS_NAMES);
  if (osIndex === -1) return undefined;
  const cpu = parts[osIndex + 1];
  if (!cpu || !CPUS.has(cpu)) return undefined;
  const abi = parts[osIndex + 2];
  const libc = abi === 'gnu' ? ['glibc'] : abi === 'musl' ? ['musl'] : undefined;
  return { os: [OS_NAMES[parts[osIndex]!]!], cpu: [cpu], ...(libc ? { libc } : {}) };
}

function main(): void {
  const path = new URL('../../package-lock.json', import.meta.url);
  const lock = JSON.parse(readFileSync(path, 'utf8')) as Lockfile;
  const added: string[] = [];
  const unknown: string[] = [];
  for (const [location, pkg] of Object.entries(lock.packages)) {
    for (const [dep, version] of Object.entries(pkg.optionalDependencies ?? {})) {
      const prefix = location === '' ? '' : `${location}/`;
      const nested = `${prefix}node_modules/${dep}`;
      const hoisted = `node_modules/${dep}`;
      if (lock.packages[nested] || lock.packages[hoisted]) continue;
      const platform = platformOf(dep);
      if (!platform || !/^\d+\.\d+\.\d+/.test(version)) {
        unknown.push(`${dep}@${version}`);
        continue;
      }
      lock.packages[hoisted] = { version, optional: true, ...platform };
      added.push(`${dep}@${version}`);
    }
  }
  // npm keeps packages sorted by location; keep diffs small by doing the same.
  lock.packages = Object.fromEntries(
    Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
  );
  writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(added.length ? `Added ${added.length} platform entries:\n  ${added.join('\n  ')}` : 'Lockfile already lists every platform package.');
  if (unknown.length) {
    // `npm ci` refuses a lockfile that lacks an optional dependency: say so now, not in CI.
    console.error(`Cannot tell the platform of ${unknown.join(', ')} from the name: add its os/cpu to OS_NAMES or CPUS in scripts/checks/lockfile-platforms.ts and run this again.`);
    process.exitCode = 1;
  }
}

main();
