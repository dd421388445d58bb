/**
 * A clock reading that rerenders what depends on it: `current` is `read()` again every
 * `everyMs()` milliseconds. Call during component setup; the interval ends with the component.
 */
export function ticking(read: () => number, everyMs: () => number): { readonly current: number } {
  let now = $state(read());
  $effect(() => {
    const ms = everyMs();
    now = read();
    const id = setInterval(() => (now = read()), ms);
    return () => clearInterval(id);
  });
  return {
    get current() {
      return now;
    },
  };
}
