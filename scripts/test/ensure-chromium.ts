/**
 * Makes sure Playwright has a Chromium to drive, before the browser tests run.
 * Order: $CHROMIUM_PATH, /usr/bin/chromium, then install one: Debian's
 * `chromium` package when running as root on Debian/Ubuntu, otherwise
 * Playwright's own browser. Stops with a clear message when none can be had.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { systemChromium } from '../../tests/e2e/chromium-path';

function run(cmd: string, args: string[]): boolean {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  return spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
}

const found = systemChromium();
if (found) {
  console.log(`Using Chromium at ${found}`);
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && existsSync('/usr/bin/apt-get')) {
  console.log('No Chromium found; installing Debian\'s chromium package (running as root).');
  if (run('apt-get', ['update', '-qq']) && run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium']) && systemChromium()) {
    process.exit(0);
  }
  console.error('Installing the chromium package failed.');
} else {
  console.log('No system Chromium found; trying Playwright\'s own browser download.');
  try {
    execFileSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
    process.exit(0);
  } catch {
    /* fall through to the message below */
  }
}
console.error(
  [
    'No Chromium is available for the browser tests.',
    'Install one and run `npm test` again:',
    '  Debian/Ubuntu:  sudo apt-get install chromium   (or set CHROMIUM_PATH=/path/to/chromium)',
    '  elsewhere:      npx playwright install chromium',
  ].join('\n'),
);
process.exit(1);
