/**
 * People and organisations on the real build: a reader follows a person to
 * the company they work for, its contract, the event around it and back to
 * the person, in both languages; organisations list their people and the
 * reports they published; the browse lists and exports include them.
 */
import { expect, test } from '@playwright/test';

for (const locale of ['en', 'ar'] as const) {
  const at = (path: string) => (locale === 'en' ? path : `/ar${path}`);

  test(`${locale}: person -> company -> contract -> event -> person`, async ({ page }) => {
    await page.goto(at('/people/brad-smith/'));
    const roles = page.locator('section[aria-labelledby="rel-roles"]');
    await expect(roles.locator('tbody tr')).toHaveCount(1);
    await expect(roles.locator('tbody tr td').first()).toHaveText('vice chair and president');
    // The role's source is a numbered note on the page.
    const marker = roles.locator('sup.cite a');
    await expect(marker).toHaveAttribute('href', /^#note-\d+$/);
    await expect(page.locator((await marker.getAttribute('href'))!)).toContainText(/NDTV Profit/);

    await roles.locator('tbody tr th a').click();
    await expect(page).toHaveURL(at('/companies/microsoft/'));
    // The company lists its people, with the role.
    const people = page.locator('section[aria-labelledby="rel-people"]');
    await expect(people.getByRole('link', { name: locale === 'en' ? 'Brad Smith' : 'براد سميث' })).toHaveAttribute('href', at('/people/brad-smith/'));

    await page.locator(`#rel-contracts ~ .table-wrap tbody th a[href="${at('/contracts/microsoft-azure-unit-8200/')}"]`).click();
    await expect(page).toHaveURL(at('/contracts/microsoft-azure-unit-8200/'));
    await page.locator('section[aria-labelledby="rel-events"]').locator(`a[href="${at('/events/microsoft-cuts-off-unit-8200-azure-access/')}"]`).click();
    await expect(page).toHaveURL(at('/events/microsoft-cuts-off-unit-8200-azure-access/'));

    // The event names who spoke, and leads back to the person.
    const involved = page.locator('.facts .fact', { hasText: locale === 'en' ? 'Involved' : 'الأطراف المعنية' });
    const href = `a[href="${at('/people/brad-smith/')}"]`;
    const person = involved.locator(href);
    await expect(person).toBeVisible();
    await expect(involved.locator('li').filter({ has: page.locator(href) })).toContainText(locale === 'en' ? '(speaker)' : '(متحدث)');
    await person.click();
    await expect(page).toHaveURL(at('/people/brad-smith/'));
    // What he said, with its date and source.
    const statements = page.locator('section[aria-labelledby="rel-statements"]');
    await expect(statements.locator('blockquote')).toContainText('We do not provide technology to facilitate mass surveillance of civilians');
    await expect(statements.locator('time')).toHaveAttribute('datetime', '2025-09-25');
    await expect(statements.locator('sup.cite a')).toHaveAttribute('href', /^#note-\d+$/);
  });

  test(`${locale}: an outlet lists the reports the wiki cites; an organisation its people and members`, async ({ page }) => {
    await page.goto(at('/organizations/the-guardian/'));
    const reports = page.locator('section[aria-labelledby="rel-reports"] li');
    expect(await reports.count()).toBeGreaterThanOrEqual(3);
    await expect(page.locator(`section[aria-labelledby="rel-reports"] a[href="${at('/sources/guardian-private-jet-owned-by-trump-friend-used-to-deport-palestinians/')}"]`)).toBeVisible();
    await page.goto(at('/sources/guardian-private-jet-owned-by-trump-friend-used-to-deport-palestinians/'));
    await expect(page.locator(`.facts a[href="${at('/organizations/the-guardian/')}"]`)).toBeVisible();

    await page.goto(at('/organizations/mediajustice/'));
    await expect(page.locator(`section[aria-labelledby="rel-people"] a[href="${at('/people/myaisha-hayes/')}"]`)).toBeVisible();
    await expect(page.locator(`section[aria-labelledby="rel-parts"] a[href="${at('/events/aws-summit-keynote-disruption-2022/')}"]`)).toBeVisible();
    await page.goto(at('/organizations/no-tech-for-apartheid/'));
    await expect(page.locator(`section[aria-labelledby="rel-members"] a[href="${at('/organizations/jewish-voice-for-peace/')}"]`)).toBeVisible();
  });
}

test('people and organisations have browse lists and are in the exports', async ({ page, request }) => {
  await page.goto('/people/');
  await expect(page.locator('table tbody tr')).toHaveCount(8);
  await expect(page.locator('table thead th')).toContainText(['Name', 'Current roles', 'Summary']);
  await page.goto('/ar/organizations/');
  await expect(page.locator('h1')).toHaveText('المنظمات');
  const csv = await (await request.get('/api/v1/roles.csv')).text();
  expect(csv.split('\r\n')[0]).toContain('person_id,person_name,person_name_ar,person_url,role_title,at_collection,at_id');
  expect(csv).toContain('brad-smith,Brad Smith,براد سميث,');
  const ftm = (await (await request.get('/api/v1/ftm.jsonl')).text()).trim().split('\n').map((l) => JSON.parse(l) as { schema: string; properties: Record<string, string[]> });
  expect(ftm.some((e) => e.schema === 'Person' && e.properties.name?.includes('Brad Smith'))).toBe(true);
  expect(ftm.some((e) => e.schema === 'Employment' && e.properties.role?.includes('vice chair and president'))).toBe(true);
  const record = await (await request.get('/api/v1/people/brad-smith.json')).json();
  expect(record.facts.roles[0].at).toMatchObject({ type: 'companies', id: 'microsoft' });
});
