/**
 * Every user-facing string of the board package, in English: template titles, descriptions,
 * column titles and prompts, reaction labels, export wording. `nl.ts` and `fr.ts` translate these
 * keys; a key they leave out falls back to English. Templates refer to keys, never to text.
 */
export const en = {
  'board.implicitColumn': 'Notes',

  'reaction.heart': 'Heart',
  'reaction.thanks': 'Thank you',
  'reaction.me-too': 'Me too',
  'reaction.idea': 'Gives me an idea',
  'reaction.question': 'I have a question',

  'export.template': 'Template',
  'export.anonymous': 'Anonymous board',
  'export.hidden': 'hidden',
  'export.noNotes': 'No notes.',
  'export.vote.one': '1 vote',
  'export.vote.other': '{n} votes',
  'export.results': 'Results',
  'export.results.top': 'Most votes',
  'export.results.groups': 'Groups',
  'export.results.inGroup': 'group: {title}',
  'export.results.none': 'No votes.',

  'export.session.exported': 'Exported {at}',
  'export.session.agenda': 'Agenda',
  'export.session.minutes': '{n} min',
  'export.session.started': 'started {at}',
  'export.session.notes': 'Notes: {text}',
  'export.session.archived': 'Archived board.',
  'export.session.breakouts': 'Breakout rooms',
  'export.session.breakoutsNumbered': 'Breakout rooms {n}',
  'export.session.status.draft': 'Drafted, not opened yet.',
  'export.session.status.open': 'Rooms open.',
  'export.session.status.closed': 'Closed.',
  'export.session.prompt': 'Prompt: {text}',
  'export.session.answered': 'Answered questions',
  'export.session.none': 'None.',
  'export.session.open': 'Open questions',
  'export.session.pinned': 'pinned',
  'export.captions.title': 'Transcript',
  'export.captions.from': 'Captions from {at} (times since then)',
  'export.captions.plenary': 'Plenary',
  'export.captions.room': 'Room: {name}',
  'export.captions.corrected': 'corrected',
  'export.captions.none': 'No captions.',

  'template.blank.title': 'Blank board',
  'template.blank.description': 'An empty board for notes, without columns.',

  'template.columns.title': 'Columns',
  'template.columns.description': 'A board with the columns you name.',

  'template.ips-four-tasks.title': 'The four IPS tasks',
  'template.ips-four-tasks.description':
    'Reflect on the four tasks of Intentional Peer Support: connection, worldview, mutuality and moving towards.',
  'template.ips-four-tasks.connection.title': 'Connection',
  'template.ips-four-tasks.connection.prompt':
    'What helps you feel connected to someone? What gets in the way?',
  'template.ips-four-tasks.worldview.title': 'Worldview',
  'template.ips-four-tasks.worldview.prompt':
    'How has your own story shaped the way you see things? How might the other person see them?',
  'template.ips-four-tasks.mutuality.title': 'Mutuality',
  'template.ips-four-tasks.mutuality.prompt':
    'How can both of you learn, give and receive in this relationship?',
  'template.ips-four-tasks.moving-towards.title': 'Moving towards',
  'template.ips-four-tasks.moving-towards.prompt': 'What do you want to move towards, rather than away from?',

  'template.check-in.title': 'Check-in',
  'template.check-in.description': 'One word each for how you arrive.',
  'template.check-in.arrive.title': 'How I arrive',
  'template.check-in.arrive.prompt': 'One word for how you arrive.',

  'template.low-threshold-self-assessment.title': 'Ten characteristics of low-threshold support points',
  'template.low-threshold-self-assessment.description':
    'A self-assessment: for each characteristic, add notes on what you already do and what could grow.',
  'template.low-threshold-self-assessment.accessible.title': 'Low-threshold and accessible',
  'template.low-threshold-self-assessment.accessible.prompt':
    'It is low-threshold and accessible for everyone, in particular for people with (severe or long-term) psychological and/or social-emotional vulnerability, and their loved ones.',
  'template.low-threshold-self-assessment.learning.title': 'Learning, recovery and development',
  'template.low-threshold-self-assessment.learning.prompt':
    'The support point is aimed at learning, recovery and development; this goes further than a listening ear and coffee.',
  'template.low-threshold-self-assessment.co-creation.title': 'Co-creation and shared ownership',
  'template.low-threshold-self-assessment.co-creation.prompt':
    'Visitors, participants and staff all have something to gain and something to give. There is co-creation and shared ownership.',
  'template.low-threshold-self-assessment.needs.title': "Shaped by people's needs",
  'template.low-threshold-self-assessment.needs.prompt': "The support takes shape from people's needs.",
  'template.low-threshold-self-assessment.people.title': 'People, not roles',
  'template.low-threshold-self-assessment.people.prompt':
    'We see each other as people, not as client or care worker.',
  'template.low-threshold-self-assessment.mutuality.title': 'Mutuality and equality',
  'template.low-threshold-self-assessment.mutuality.prompt':
    'There is mutuality and equality, based on mutual understanding, recognising one another and being acknowledged.',
  'template.low-threshold-self-assessment.what-suits-you.title': 'What suits you',
  'template.low-threshold-self-assessment.what-suits-you.prompt':
    "We work from 'what suits you', without step-by-step plans or protocols. There is an offer of methodical self-help that keeps developing through co-creation and peer support.",
  'template.low-threshold-self-assessment.experiential-knowledge.title': 'Collective experiential knowledge',
  'template.low-threshold-self-assessment.experiential-knowledge.prompt':
    'Collective experiential knowledge comes together in the support point.',
  'template.low-threshold-self-assessment.peer-led.title': 'Led by experts by experience',
  'template.low-threshold-self-assessment.peer-led.prompt':
    'Experts by experience and/or peer workers lead the initiative.',
  'template.low-threshold-self-assessment.partners.title': 'Working with partners',
  'template.low-threshold-self-assessment.partners.prompt':
    'There is cooperation with formal and informal partners, so that it is easy to coordinate and people can be linked, when needed, to the person who is right for them.',

  'template.summit-planning.title': 'Summit planning',
  'template.summit-planning.description': 'Ideas, decisions, actions and open questions for the next summit.',
  'template.summit-planning.ideas.title': 'Ideas',
  'template.summit-planning.ideas.prompt': 'What could we do?',
  'template.summit-planning.decisions.title': 'Decisions',
  'template.summit-planning.decisions.prompt': 'What have we decided together?',
  'template.summit-planning.actions.title': 'Actions',
  'template.summit-planning.actions.prompt': 'Who does what, and by when?',
  'template.summit-planning.open-questions.title': 'Open questions',
  'template.summit-planning.open-questions.prompt': 'What do we still need to find out or talk about?',

  'template.intervision-incident.title': 'Intervision: incident method',
  'template.intervision-incident.description':
    "Work through one person's case in rounds: the case, clarifying questions, reflections, advice, and the case-bringer closes.",
  'template.intervision-incident.case.title': 'The case',
  'template.intervision-incident.case.prompt':
    'The case-bringer describes a recent situation and their question about it.',
  'template.intervision-incident.questions.title': 'Clarifying questions',
  'template.intervision-incident.questions.prompt':
    'Questions to understand the situation better. No advice yet.',
  'template.intervision-incident.reflections.title': 'Reflections',
  'template.intervision-incident.reflections.prompt':
    'What does this case bring up in you? What do you notice?',
  'template.intervision-incident.advice.title': 'Advice',
  'template.intervision-incident.advice.prompt': 'What could the case-bringer try? Offer, do not push.',
  'template.intervision-incident.closing.title': 'Closing',
  'template.intervision-incident.closing.prompt': 'The case-bringer says what they take with them.',
} satisfies Record<string, string>;

export type StringKey = keyof typeof en;
