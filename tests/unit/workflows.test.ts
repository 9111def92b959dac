/**
 * The GitHub workflows and templates, parsed as YAML: pull requests are tested
 * with a read-only token (never pull_request_target), with the same command
 * the README and package.json give, and only the Pages deploy job can write.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  id?: string;
}
interface Job {
  'runs-on': string;
  permissions?: Record<string, string>;
  container?: string | { image: string };
  steps: Step[];
  needs?: string | string[];
  environment?: unknown;
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const DIR = '.github/workflows';
const read = (name: string) => parse(readFileSync(join(DIR, name), 'utf8')) as Workflow;
const workflows = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string>; dependencies: Record<string, string> };
const readme = readFileSync('README.md', 'utf8');

describe('every workflow', () => {
  it('exists', () => expect(workflows.sort()).toEqual(expect.arrayContaining(['deploy.yml', 'test.yml'])));

  it.each(workflows)('%s never runs on pull_request_target and defaults to a read-only token', (name) => {
    const wf = read(name);
    expect(Object.keys(wf.on)).not.toContain('pull_request_target');
    expect(wf.permissions).toEqual({ contents: 'read' });
  });

  it.each(workflows)('%s pins every action to a version', (name) => {
    for (const job of Object.values(read(name).jobs)) {
      for (const step of job.steps) if (step.uses) expect(step.uses).toMatch(/^[\w.-]+\/[\w.-]+@v\d+$/);
    }
  });
});

describe('test.yml', () => {
  const wf = read('test.yml');
  const job = wf.jobs.test!;
  const NAME_CHANGES = 'npx tsx scripts/checks/name-changes.ts "origin/$GITHUB_BASE_REF"';
  /** The commands that test, in order (the pull-request summary of name changes comes after them). */
  const runs = job.steps.map((s) => s.run?.trim()).filter((r): r is string => !!r && r !== NAME_CHANGES);

  it('runs on pull requests', () => {
    expect(Object.keys(wf.on)).toContain('pull_request');
  });

  it('never asks for more than read access', () => {
    for (const j of Object.values(wf.jobs)) {
      for (const level of Object.values(j.permissions ?? {})) expect(level).not.toBe('write');
    }
  });

  it('installs Debian’s chromium with apt before anything else', () => {
    const image = typeof job.container === 'string' ? job.container : job.container?.image;
    expect(image).toMatch(/^debian:/);
    expect(runs[0]).toMatch(/apt-get update/);
    expect(runs[0]).toMatch(/apt-get install .*\bchromium\b/);
    const test = job.steps.find((s) => s.run?.trim() === 'npm test');
    expect(test?.env?.CHROMIUM_PATH).toBe('/usr/bin/chromium');
  });

  it('uses Node 24 through actions/setup-node, the version package.json pins', () => {
    const setup = job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(setup?.with?.['node-version']).toBe(24);
    expect(pkg.dependencies.node).toMatch(/^\^?24\./);
  });

  it('runs `npm ci`, the test command of the README and package.json, then the benchmark smoke test', () => {
    expect(runs.slice(-3)).toEqual(['npm ci', 'npm test', 'npm run bench:smoke']);
    expect(pkg.scripts['bench:smoke']).toMatch(/--entries 300\b.*--strict/);
    // The README documents `npm test` as the command that runs everything...
    expect(readme).toMatch(/^npm test\b/m);
    // ...package.json's test script is that everything: validation, unit tests, build and browser tests...
    expect(pkg.scripts.test).toMatch(/^npm run validate && npm run typecheck && .*npm run test:unit.* && .*npm run build.* && .*npm run test:e2e/);
    // ...and the local CI script runs the same three commands.
    const ci = readFileSync('.ci/run', 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    expect(ci.slice(-3)).toEqual(['npm ci', 'npm test', 'npm run bench:smoke']);
  });
});

describe('test.yml on pull requests', () => {
  const steps = read('test.yml').jobs.test!.steps;

  it('lists the names the pull request changes, after the tests and even when they fail, against the full history', () => {
    const list = steps.find((s) => s.run?.includes('scripts/checks/name-changes.ts'));
    expect(list?.run?.trim()).toBe('npx tsx scripts/checks/name-changes.ts "origin/$GITHUB_BASE_REF"');
    expect((list as { if?: string }).if).toBe("${{ always() && github.event_name == 'pull_request' }}");
    expect(steps.indexOf(list!)).toBe(steps.length - 1);
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout@'))?.with?.['fetch-depth']).toBe(0);
  });
});

describe('deploy.yml', () => {
  const wf = read('deploy.yml');

  it('deploys from main only', () => {
    expect(wf.on.push).toEqual({ branches: ['main'] });
    expect(Object.keys(wf.on)).not.toContain('pull_request');
  });

  it('gives Pages write and OIDC only to the deploy job', () => {
    expect(wf.jobs.deploy!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    for (const [name, job] of Object.entries(wf.jobs)) {
      if (name === 'deploy') continue;
      for (const level of Object.values(job.permissions ?? {})) expect(level, name).not.toBe('write');
    }
    expect(wf.jobs.deploy!.steps.map((s) => s.uses)).toEqual(['actions/deploy-pages@v4']);
    expect(wf.jobs.deploy!.needs).toBe('build');
  });

  it('publishes only what passed the tests: its test job is test.yml’s, and the Pages build waits for it', () => {
    // The same steps, container and environment as test.yml (so `npm test`: validation, type check, unit tests, build, browser tests).
    // Steps for pull requests only (the list of changed names for reviewers) have nothing to do on a push to main.
    const { test } = wf.jobs;
    const tests = read('test.yml').jobs.test!;
    const forPushes = { ...tests, steps: tests.steps.filter((s) => !/github\.event_name == 'pull_request'/.test(String((s as { if?: string }).if ?? ''))) };
    expect(forPushes.steps.length).toBe(tests.steps.length - 1);
    expect(test).toEqual(forPushes);
    expect(test!.steps.map((s) => s.run?.trim()).filter(Boolean)).toContain('npm test');
    expect(wf.jobs.build!.needs).toBe('test');
  });

  it('checks the HTML and links of the Pages build, under its base path, before uploading it', () => {
    const steps = wf.jobs.build!.steps;
    const at = (run: string) => steps.findIndex((s) => s.run?.trim() === run);
    const build = at('npm run build');
    const html = at('npm run check:html');
    const links = at('npm run check:links -- --base "$BASE_PATH"');
    const upload = steps.findIndex((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(build).toBeGreaterThanOrEqual(0);
    expect([build < html, html < upload, build < links, links < upload]).toEqual([true, true, true, true]);
    expect(steps[links]!.env?.BASE_PATH).toBe(steps[build]!.env?.BASE_PATH);
    // The same checks `npm test` runs after its build.
    expect(pkg.scripts['test:quality']).toMatch(/npm run check:html\b.*npm run check:links\b/);
  });

  it('builds with SITE_URL and BASE_PATH from the Pages configuration', () => {
    const steps = wf.jobs.build!.steps;
    const pages = steps.find((s) => s.uses?.startsWith('actions/configure-pages@'));
    expect(pages?.id).toBe('pages');
    const build = steps.find((s) => s.run?.trim() === 'npm run build');
    expect(build?.env?.SITE_URL).toBe('${{ steps.pages.outputs.origin }}');
    expect(build?.env?.BASE_PATH).toBe('${{ steps.pages.outputs.base_path }}/');
    expect(steps.indexOf(pages!)).toBeLessThan(steps.indexOf(build!));
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(upload?.with?.path).toBe('dist');
  });
});

describe('templates', () => {
  it.each(['suggest-entry.yml', 'report-correction.yml'])('%s is an issue form with required fields', (name) => {
    const form = parse(readFileSync(join('.github/ISSUE_TEMPLATE', name), 'utf8')) as {
      name: string;
      description: string;
      body: { type: string; id?: string; validations?: { required?: boolean } }[];
    };
    expect(form.name).toBeTruthy();
    expect(form.description).toBeTruthy();
    const ids = form.body.filter((b) => b.type !== 'markdown').map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(form.body.some((b) => b.validations?.required)).toBe(true);
  });

  it('the pull request template is a checklist that includes citing and validating', () => {
    const text = readFileSync('.github/pull_request_template.md', 'utf8');
    const items = text.split('\n').filter((l) => l.startsWith('- [ ] '));
    expect(items.length).toBeGreaterThanOrEqual(5);
    expect(text).toContain('<Cite source=');
    expect(text).toContain('npm run validate');
  });
});
