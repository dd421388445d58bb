import type { Command } from '@kring/protocol';

/**
 * Fills in the ids of the things a command creates, with ids from the server's generator. Core
 * has no randomness, so the server calls this on every command before `decide`; it replaces any
 * id a client sent, so nobody can choose (or collide with) an id.
 */
export function assignIds(command: Command, newId: () => string): Command {
  switch (command.type) {
    case 'agenda.add':
      return { ...command, segment: { ...command.segment, id: newId() } };
    case 'qa.ask':
      return { ...command, questionId: newId() };
    case 'announcement.post':
      return { ...command, announcementId: newId() };
    case 'board.add':
      return { ...command, boardId: newId() };
    case 'note.add':
      return { ...command, noteId: newId() };
    case 'breakout.create':
      // Room and board ids derive from it (BR1).
      return { ...command, breakoutId: newId() };
    case 'captions.addSource':
      // CA6: the id the caption URL is signed with.
      return { ...command, sourceId: newId() };
    case 'agenda.start':
      // A8: for the breakout a segment's setup may create; always, which is simpler than asking.
      return { ...command, breakoutId: newId() };
    default:
      return command;
  }
}
