/**
 * Size limits shared by the wire schemas and the engine. One place, so the server's refusal and
 * the form's hint can never disagree.
 */
export const LIMITS = {
  titleMax: 120,
  displayNameMax: 40,
  noteTextMax: 2000,
  /** Largest single Yjs message the server accepts on a board connection. */
  boardMessageBytes: 256 * 1024,
  /** Largest encoded board document; writes that would grow past it are refused. */
  boardDocumentBytes: 4 * 1024 * 1024,
  /**
   * The largest board that travels inside a join's answer (`JoinStart.board`, base64): about 256
   * KiB of document. The answer is read whole on the phone's main thread; a bigger board comes over
   * its own socket, which is what it costs anyway.
   */
  joinStartBoardBase64Max: 344 * 1024,
  httpBodyBytes: 16 * 1024,
  segmentTitleMax: 120,
  segmentPromptMax: 1000,
  segmentNotesMax: 4000,
  /** A day: longer segments or timers are a typo, not a plan. */
  plannedMinutesMax: 24 * 60,
  timerMaxMs: 24 * 60 * 60 * 1000,
  timerLabelMax: 80,
  softTurnMaxMs: 60 * 60 * 1000,
  fishbowlSeatsMax: 50,
  roundSizeMax: 1000,
  questionTextMax: 500,
  announcementTextMax: 500,
  /** Caps on what one session accumulates, so a runaway client cannot grow the state without end. */
  agendaSegmentsMax: 100,
  questionsMax: 2000,
  announcementsMax: 20,
  /** Boards per session (archived ones count too). */
  boardsMax: 50,
  /** Columns a board can have (`@kring/board` BOARD_LIMITS.columnsMax). */
  boardColumnsMax: 24,
  /** Rooms in one breakout (their boards do not count towards `boardsMax`). */
  breakoutRoomsMax: 100,
  roomNameMax: 80,
  callUrlMax: 500,
  /** Broadcasts kept per breakout. */
  breakoutMessagesMax: 50,
  /** The largest dot-vote budget per person. */
  voteBudgetMax: 100,
  /**
   * People who ever joined one session (J3). Everyone stays in the record (removed or signed out
   * too), so this bounds the state, not who is in the room at once.
   */
  participantsMax: 1000,
  /** Draft notes one person can bring to one reveal; more are left in the drafts. */
  draftNotesMax: 200,
  /** One caption line: a long spoken sentence; longer input is split by the console. */
  captionLineMax: 500,
  /** Who is speaking, as a caption line's prefix (a name and a role). */
  captionSpeakerMax: 60,
  captionLabelMax: 80,
  /** Caption URLs per session, revoked ones included (one per room of a big breakout, and some). */
  captionSourcesMax: 120,
  /** Largest body one caption POST carries (several lines of a fast speaker). */
  captionPostBytes: 4096,
  /** Lines one session's transcript keeps: a three-hour gathering is about 4,000. */
  captionLinesMax: 20_000,
  /** The lines a screen gets when it opens or changes scope (the band shows a few of them). */
  captionRecentLines: 20,
  /** The organiser's name or contact in a session's privacy notice (an e-mail address, a phone number). */
  noticeFieldMax: 200,
  /**
   * Owner secrets one device can show when its person leaves with their words (PR8): a generous
   * gathering's anonymous questions and notes from one person.
   */
  ownerSecretsMax: 500,
} as const;
