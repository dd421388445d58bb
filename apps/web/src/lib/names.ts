import { m } from '$lib/paraglide/messages';

/**
 * A person's name as the screens show it. A removed person's name is erased (RO5, PR6: their
 * `displayName` is ''), and someone no longer in the record at all reads the same: as a person
 * who left, never as an empty space or an id.
 */
export function personName(person: { displayName: string } | null | undefined): string {
  return person?.displayName || m.privacy_someone_who_left();
}
