/**
 * Answers worked out from a session state, kept for as long as that state is current (issue 14).
 * A board connection's access is asked for every message it sends and every update relayed to it
 * (a lock or a removal takes effect on the very next one), and each answer searches the session's
 * boards and breakout rooms: at 60 room boards a noticeable part of a write's cost. The core rules
 * are pure functions of the state, and every event makes a new state object, so an answer keyed by
 * the state's identity can never be stale; the old state's answers go with it.
 */
export class StateMemo<V> {
  private readonly byState = new WeakMap<object, Map<string, V>>();

  get(state: object, key: string, compute: () => V): V {
    let known = this.byState.get(state);
    if (known === undefined) {
      known = new Map();
      this.byState.set(state, known);
    }
    let value = known.get(key);
    if (value === undefined) {
      value = compute();
      known.set(key, value);
    }
    return value;
  }
}
