import { setImmediate } from 'node:timers/promises';

/**
 * Waits for the event loop's next turn, so that sockets with data waiting are read first. Queues
 * chain their tasks with promises, and a task that does its work synchronously (SQLite is) would
 * otherwise run a whole burst within one turn: one person's burst of commands or board updates
 * then holds up every other session's messages until it is through. Taking a turn per task lets
 * everyone else's messages in between, at the cost of a few microseconds.
 */
export function nextTurn(): Promise<void> {
  return setImmediate();
}
