import type { CounterKind } from './counters';

/** The cockpit's tabs, in order: everything a facilitator does is one step from the top bar. */
export const TABS = ['run', 'floor', 'boards', 'rooms', 'questions', 'people', 'captions'] as const;
export type CockpitTab = (typeof TABS)[number];

/** Where each counter's work is done. */
export const TAB_OF: Record<CounterKind, CockpitTab> = {
  hands: 'floor',
  signals: 'floor',
  help: 'rooms',
  questions: 'questions',
};

export function isTab(value: unknown): value is CockpitTab {
  return typeof value === 'string' && (TABS as readonly string[]).includes(value);
}

/** The tab a key moves to in the tab list (WAI-ARIA tabs: arrows wrap, Home and End), or null. */
export function tabForKey(current: CockpitTab, key: string): CockpitTab | null {
  const i = TABS.indexOf(current);
  switch (key) {
    case 'ArrowRight':
      return TABS[(i + 1) % TABS.length]!;
    case 'ArrowLeft':
      return TABS[(i - 1 + TABS.length) % TABS.length]!;
    case 'Home':
      return TABS[0];
    case 'End':
      return TABS[TABS.length - 1]!;
    default:
      return null;
  }
}
