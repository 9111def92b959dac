/** Where the system Chromium is, if there is one ($CHROMIUM_PATH first). */
import { existsSync } from 'node:fs';

export function systemChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  return candidates.find((p) => existsSync(p));
}
