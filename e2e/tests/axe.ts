import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** What every page is held to: WCAG 2.2 AA and axe's best practice. */
export const WCAG22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * axe finds nothing on the page as it is now (or inside `include`, a selector). The one check all
 * specs use; a failure lists each rule with the elements it found.
 */
export async function expectAccessible(
  page: Page,
  what: string,
  options: { include?: string; tags?: readonly string[] } = {},
): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags([...(options.tags ?? WCAG22_AA)]);
  if (options.include) builder = builder.include(options.include);
  const { violations } = await builder.analyze();
  const summary = violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
  expect(summary, `accessibility problems on ${what}`).toEqual([]);
}
