import type { Store } from '../store/store';
import type { KringMetrics } from './metrics';

/**
 * The store, with every method's time observed in `kring_store_operation_duration_seconds` (label:
 * the method's name, so the label set is bounded by the interface) and stored board updates
 * counted. A proxy rather than a wrapper class, so any store implementation and any method added
 * to the interface later is measured without touching this file.
 */
export function timedStore<S extends Store>(store: S, metrics: KringMetrics): S {
  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(store, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function' || typeof key !== 'string') return value;
      let fn = wrapped.get(key);
      if (!fn) {
        const operation = key;
        const original = value as (...args: unknown[]) => unknown;
        fn = (...args: unknown[]) => {
          const end = metrics.storeSeconds.startTimer({ operation });
          // Called on the store itself: implementations may use private (#) fields.
          const result = original.apply(target, args);
          if (!(result instanceof Promise)) {
            end();
            return result;
          }
          return result.then(
            (v: unknown) => {
              end();
              if (operation === 'appendBoardUpdate') metrics.boardUpdates.inc();
              return v;
            },
            (err: unknown) => {
              end();
              throw err;
            },
          );
        };
        wrapped.set(key, fn);
      }
      return fn;
    },
  });
}
