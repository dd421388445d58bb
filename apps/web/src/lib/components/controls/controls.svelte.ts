import { Lazy } from '../lazy.svelte';
import type * as Kit from './kit';

/** The controls' chunk, shared by every screen that shows some: fetched once, on first need. */
export const controls = new Lazy(() => import('./kit'));

/**
 * The controls for a component that shows them while `needed()` holds (the person runs what the
 * component shows): asks for the chunk then, and gives `current`, null until it is here.
 */
export function useControls(needed: () => boolean): Lazy<typeof Kit> {
  $effect(() => {
    // A failed fetch (the connection dropped) is tried again while the controls are needed.
    return needed() ? controls.retrying() : undefined;
  });
  return controls;
}
