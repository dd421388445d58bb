import { afterEach, describe } from 'vitest';
import type { Store } from '../store';
import { boardContract } from './boards';
import { captionContract } from './captions';
import { circleContract } from './circles';
import type { ContractContext, StoreUnderTest } from './fixtures';
import { sessionContract } from './sessions';

export type { StoreUnderTest } from './fixtures';

/**
 * The `Store` contract: the behaviour every implementation (SQLite, PostgreSQL) must have, tested
 * through the interface alone. Call it from a test file with a harness that opens empty stores.
 */
export function defineStoreContract(name: string, harness: StoreUnderTest): void {
  describe(`Store contract: ${name}`, () => {
    const open = new Set<Store>();
    afterEach(async () => {
      for (const store of open) await store.close().catch(() => {});
      open.clear();
    });

    const context: ContractContext = {
      async fresh() {
        const store = await harness.open();
        open.add(store);
        return store;
      },
      async restart(store) {
        open.delete(store);
        await store.close();
        const again = await harness.reopen(store);
        open.add(again);
        return again;
      },
    };

    sessionContract(context);
    boardContract(context);
    captionContract(context);
    circleContract(context);
  });
}
