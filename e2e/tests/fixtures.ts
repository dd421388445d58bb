import { test as base, type Browser } from '@playwright/test';
import { closeAll, newPerson, type Person } from './helpers';

type NewPersonOptions = Parameters<typeof newPerson>[3];

/**
 * `person(name, options)`: one browser context per person (separate storage, like separate
 * devices). Everyone a test made is checked for third-party requests and closed when it ends,
 * passed or failed, so no spec repeats that bookkeeping.
 */
export const test = base.extend<{ person: (name: string, options?: NewPersonOptions) => Promise<Person> }>({
  person: async ({ browser, baseURL }: { browser: Browser; baseURL: string | undefined }, use) => {
    const made: Person[] = [];
    await use(async (name, options) => {
      const p = await newPerson(browser, baseURL!, name, options);
      made.push(p);
      return p;
    });
    await closeAll(made);
  },
});

export { expect } from '@playwright/test';
