import type { CircleCommandOf } from '@kring/protocol';

/**
 * The kinds of lasting board a host chooses from (CI26). Hosts think in what a board is for, not
 * in templates, so each kind names the template it is made from: actions get three columns (in
 * the page's language, as the caller gives them), decisions and ideas one open space.
 */
export const BOARD_PRESETS = ['actions', 'decisions', 'ideas'] as const;
export type BoardPreset = (typeof BOARD_PRESETS)[number];

/** The actions board's columns, in the page's language. */
export interface ActionColumns {
  todo: string;
  doing: string;
  done: string;
}

/** The command that adds a board of this kind (the title is trimmed; the server checks it again). */
export function addBoardCommand(
  preset: BoardPreset,
  title: string,
  columns: ActionColumns,
): CircleCommandOf<'circleBoard.add'> {
  const name = title.trim();
  if (preset === 'actions') {
    return {
      type: 'circleBoard.add',
      title: name,
      templateId: 'columns',
      columns: [columns.todo, columns.doing, columns.done],
    };
  }
  return { type: 'circleBoard.add', title: name, templateId: 'blank' };
}
