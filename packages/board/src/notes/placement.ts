import type * as Y from 'yjs';
import { clusterEntry, placeNoteInCluster } from '../clusters';
import { hasColumn } from '../columns';
import { readString, setOrDelete } from '../doc';
import { noteEntry } from './notes';

/**
 * Moves a note to a column (`null`: the implicit column), out of any group.
 * Returns false when the note or the column does not exist.
 */
export function moveNoteToColumn(doc: Y.Doc, noteId: string, columnId: string | null): boolean {
  const note = noteEntry(doc, noteId);
  if (!note || (columnId !== null && !hasColumn(doc, columnId))) return false;
  doc.transact(() => {
    setOrDelete(note, 'columnId', columnId ?? undefined);
    setOrDelete(note, 'clusterId', undefined);
  });
  return true;
}

/**
 * Moves a note into a group (taking the group's column), or out of its group with `null`
 * (staying in the column it was shown in). Returns false when the note or the group does not exist.
 */
export function moveNoteToCluster(doc: Y.Doc, noteId: string, clusterId: string | null): boolean {
  const note = noteEntry(doc, noteId);
  if (!note) return false;
  if (clusterId === null) {
    const current = readString(note, 'clusterId');
    const cluster = current === undefined ? undefined : clusterEntry(doc, current);
    doc.transact(() => {
      if (cluster) setOrDelete(note, 'columnId', readString(cluster, 'columnId'));
      setOrDelete(note, 'clusterId', undefined);
    });
    return true;
  }
  const cluster = clusterEntry(doc, clusterId);
  if (!cluster) return false;
  doc.transact(() => placeNoteInCluster(note, clusterId, cluster));
  return true;
}
