import { takesTheFloor } from '@kring/core';
import type { ParticipantState } from '@kring/protocol';
import { m } from '$lib/paraglide/messages';
import { personName } from '$lib/names';

export type People = Readonly<Record<string, ParticipantState>>;

/** A person's display name; someone no longer in the record still reads as a person, not an id. */
export function nameOf(people: People, id: string): string {
  return personName(people[id]);
}

/** The name as this person reads it: their own is "you". */
export function nameFor(people: People, id: string, you: string | null): string {
  return id === you ? m.floor_you() : nameOf(people, id);
}

/** The name with "(you)" after your own, for lists where everyone is named. */
export function labelFor(people: People, id: string, you: string | null): string {
  return id === you ? m.floor_name_you({ name: nameOf(people, id) }) : nameOf(people, id);
}

/** F3: who can be named for the floor (hosts, co-facilitators, participants), in join order. */
export function floorTakers(people: People): ParticipantState[] {
  return Object.values(people)
    .filter((p) => !p.removed && takesTheFloor(p.role))
    .sort((a, b) => a.joinedAt - b.joinedAt || a.displayName.localeCompare(b.displayName));
}

/** "Ana", "Ana and Bo", "Ana, Bo and Cas" (in the page's language: "Ana, Bo en Cas"). */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return m.floor_list_and({ first: names.slice(0, -1).join(', '), last: names[names.length - 1] ?? '' });
}
