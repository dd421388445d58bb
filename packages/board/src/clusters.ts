import * as Y from 'yjs';
import { hasColumn } from './columns';
import { type Entry, clustersRoot, entryOf, notesRoot, readNumber, readString, setOrDelete } from './doc';
import { assertValidId, newId } from './ids';
import { BOARD_LIMITS } from './limits';
import { noteEntry } from './notes/notes';
import { validateTitle } from './text';

/**
 * Clusters (named groups of notes): root map `clusters`, cluster id → Y.Map { title, columnId?,
 * order, createdAt }. A note belongs to a cluster through its own `clusterId`; when that cluster
 * exists it decides the note's column (see `readBoard`), so a cluster moved or removed by one peer
 * while another moves a note still converges to one picture.
 */

export interface NewCluster {
  title: string;
  /** The column the group sits in; absent means the implicit column. */
  columnId?: string;
  /** Notes to put into the new group right away (unknown ids are skipped). */
  noteIds?: readonly string[];
  id?: string;
  createdAt?: number;
}

export function clusterEntry(doc: Y.Doc, id: string): Entry | undefined {
  return entryOf(clustersRoot(doc), id);
}

/** Puts a note in a cluster: the note takes the cluster's column too. Call inside a transaction. */
export function placeNoteInCluster(note: Entry, clusterId: string, cluster: Entry): void {
  setOrDelete(note, 'clusterId', clusterId);
  setOrDelete(note, 'columnId', readString(cluster, 'columnId'));
}

/** Creates a cluster (optionally with notes in it) and returns its id. */
export function createCluster(doc: Y.Doc, input: NewCluster): string {
  const id = assertValidId(input.id ?? newId());
  const title = validateTitle(input.title, BOARD_LIMITS.titleMax, 'group');
  const columnId = input.columnId === undefined ? undefined : assertValidId(input.columnId);
  const clusters = clustersRoot(doc);
  let order = 0;
  clusters.forEach((value) => {
    if (value instanceof Y.Map && value.get('columnId') === columnId) {
      order = Math.max(order, (readNumber(value as Entry, 'order') ?? 0) + 1);
    }
  });
  doc.transact(() => {
    const map: Entry = new Y.Map<unknown>();
    clusters.set(id, map);
    map.set('title', title);
    if (columnId !== undefined) map.set('columnId', columnId);
    map.set('order', order);
    map.set('createdAt', input.createdAt ?? Date.now());
    for (const noteId of input.noteIds ?? []) {
      const note = noteEntry(doc, noteId);
      if (note) placeNoteInCluster(note, id, map);
    }
  });
  return id;
}

/** Renames a cluster. Returns false when there is no such cluster. */
export function renameCluster(doc: Y.Doc, id: string, title: string): boolean {
  const map = clusterEntry(doc, id);
  if (!map) return false;
  const valid = validateTitle(title, BOARD_LIMITS.titleMax, 'group');
  if (readString(map, 'title') !== valid) doc.transact(() => map.set('title', valid));
  return true;
}

/**
 * Moves a cluster, with its notes, to another column (`null`: the implicit column).
 * Returns false when the cluster or the column does not exist.
 */
export function moveClusterToColumn(doc: Y.Doc, id: string, columnId: string | null): boolean {
  const map = clusterEntry(doc, id);
  if (!map || (columnId !== null && !hasColumn(doc, columnId))) return false;
  doc.transact(() => {
    setOrDelete(map, 'columnId', columnId ?? undefined);
    notesRoot(doc).forEach((value) => {
      if (value instanceof Y.Map && value.get('clusterId') === id) {
        setOrDelete(value as Entry, 'columnId', columnId ?? undefined);
      }
    });
  });
  return true;
}

/**
 * Removes a cluster. Its notes stay where they are (same column), just no longer grouped.
 * Returns false when there was no such cluster.
 */
export function removeCluster(doc: Y.Doc, id: string): boolean {
  const map = clusterEntry(doc, id);
  if (!map) return false;
  const columnId = readString(map, 'columnId');
  doc.transact(() => {
    clustersRoot(doc).delete(id);
    notesRoot(doc).forEach((value) => {
      if (value instanceof Y.Map && value.get('clusterId') === id) {
        value.delete('clusterId');
        setOrDelete(value as Entry, 'columnId', columnId);
      }
    });
  });
  return true;
}
