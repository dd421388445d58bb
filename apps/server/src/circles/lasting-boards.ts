import { decideCircle } from '@kring/core';
import { applyTemplate } from '@kring/board';
import type { CircleCommandOf } from '@kring/protocol';
import type { BoardSync } from '../boards';
import type { CircleResult, CircleService } from './service';

/**
 * A circle's lasting boards (CI26/CI27): the circle's commands about them, with the work on their
 * documents around the append. Adding sets the new document up from its board template, in the
 * circle's language; removing first closes every connection to it (from any meeting) and waits
 * for its queued writes, so none lands after the store deleted its rows with the event.
 */
export class LastingBoards {
  constructor(
    private readonly circles: CircleService,
    private readonly boards: Pick<BoardSync, 'change' | 'endBoard'>,
  ) {}

  async add(
    circleId: string,
    command: CircleCommandOf<'circleBoard.add'>,
    memberId: string,
  ): Promise<CircleResult> {
    const result = await this.circles.execute(circleId, command, { memberId });
    if (!result.ok || result.command.type !== 'circleBoard.add' || result.events.length === 0) return result;
    const { boardId, title, templateId, columns } = result.command;
    if (!boardId) return result;
    await this.boards.change(boardId, (doc) => {
      applyTemplate(doc, templateId, {
        title,
        anonymous: false,
        locale: result.state.locale,
        ...(columns ? { columnTitles: columns } : {}),
      });
    });
    return result;
  }

  remove(
    circleId: string,
    command: CircleCommandOf<'circleBoard.remove'>,
    memberId: string,
  ): Promise<CircleResult> {
    return this.circles.serialised(circleId, async (turn): Promise<CircleResult> => {
      const state = await turn.state();
      if (!state) return { ok: false, error: { code: 'not_found', message: 'no such circle' } };
      const decided = decideCircle(state, command, { memberId }, this.circles.now());
      if (!decided.ok) return decided;
      await this.boards.endBoard(command.boardId);
      const { state: next, events } = await turn.record(decided.events);
      return { ok: true, events, state: next, command };
    });
  }
}
