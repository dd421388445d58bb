import { wordsOf } from '$lib/i18n/words';
import { m } from '$lib/paraglide/messages';
import type { CockpitTab } from './tabs';

/** The tabs' names, asked anew on each read so a language switch renames them in place. */
export const TAB_LABEL: Record<CockpitTab, string> = wordsOf({
  run: () => m.cockpit_tab_run(),
  floor: () => m.cockpit_tab_floor(),
  boards: () => m.cockpit_tab_boards(),
  rooms: () => m.cockpit_tab_rooms(),
  questions: () => m.cockpit_tab_questions(),
  people: () => m.cockpit_tab_people(),
  captions: () => m.cockpit_tab_captions(),
});
