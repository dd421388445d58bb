import type { StringKey } from './en';

/** French (Belgian usage, "vous"). Keys left out fall back to English. */
export const fr: Partial<Record<StringKey, string>> = {
  'board.implicitColumn': 'Notes',

  'reaction.heart': 'Cœur',
  'reaction.thanks': 'Merci',
  'reaction.me-too': 'Moi aussi',
  'reaction.idea': 'Ça me donne une idée',
  'reaction.question': "J'ai une question",

  'export.template': 'Modèle',
  'export.anonymous': 'Tableau anonyme',
  'export.hidden': 'masquée',
  'export.noNotes': 'Aucune note.',
  'export.vote.one': '1 vote',
  'export.vote.other': '{n} votes',
  'export.results': 'Résultats',
  'export.results.top': 'Le plus de votes',
  'export.results.groups': 'Groupes',
  'export.results.inGroup': 'groupe : {title}',
  'export.results.none': 'Aucun vote.',

  'export.session.exported': 'Exporté le {at}',
  'export.session.agenda': 'Programme',
  'export.session.minutes': '{n} min',
  'export.session.started': 'commencé {at}',
  'export.session.notes': 'Notes : {text}',
  'export.session.archived': 'Tableau archivé.',
  'export.session.breakouts': 'Sous-groupes',
  'export.session.breakoutsNumbered': 'Sous-groupes {n}',
  'export.session.status.draft': 'Préparés, pas encore ouverts.',
  'export.session.status.open': 'Salles ouvertes.',
  'export.session.status.closed': 'Fermés.',
  'export.session.prompt': 'Consigne : {text}',
  'export.session.answered': 'Questions répondues',
  'export.session.none': 'Aucune.',
  'export.session.open': 'Questions ouvertes',
  'export.session.pinned': 'épinglée',
  'export.captions.title': 'Transcription',
  'export.captions.from': 'Sous-titres à partir de {at} (durées depuis ce moment)',
  'export.captions.plenary': 'Plénière',
  'export.captions.room': 'Sous-groupe : {name}',
  'export.captions.corrected': 'corrigé',
  'export.captions.none': 'Aucun sous-titre.',

  'template.blank.title': 'Tableau vide',
  'template.blank.description': 'Un tableau vide pour des notes, sans colonnes.',

  'template.columns.title': 'Colonnes',
  'template.columns.description': 'Un tableau avec les colonnes que vous nommez.',

  'template.ips-four-tasks.title': 'Les quatre tâches IPS',
  'template.ips-four-tasks.description':
    "Réfléchir aux quatre tâches de l'Intentional Peer Support : connexion, vision du monde, mutualité et aller vers.",
  'template.ips-four-tasks.connection.title': 'Connexion',
  'template.ips-four-tasks.connection.prompt':
    "Qu'est-ce qui vous aide à vous sentir en lien avec quelqu'un ? Qu'est-ce qui fait obstacle ?",
  'template.ips-four-tasks.worldview.title': 'Vision du monde',
  'template.ips-four-tasks.worldview.prompt':
    "Comment votre propre histoire a-t-elle façonné votre regard ? Comment l'autre voit-il peut-être les choses ?",
  'template.ips-four-tasks.mutuality.title': 'Mutualité',
  'template.ips-four-tasks.mutuality.prompt':
    'Comment chacun de vous peut-il apprendre, donner et recevoir dans cette relation ?',
  'template.ips-four-tasks.moving-towards.title': 'Aller vers',
  'template.ips-four-tasks.moving-towards.prompt':
    'Vers quoi voulez-vous aller, plutôt que de fuir quelque chose ?',

  'template.check-in.title': 'Check-in',
  'template.check-in.description': 'Un mot chacun pour dire comment vous arrivez.',
  'template.check-in.arrive.title': "Comment j'arrive",
  'template.check-in.arrive.prompt': 'Un mot pour dire comment vous arrivez.',

  'template.low-threshold-self-assessment.title': 'Dix caractéristiques des lieux de soutien à bas seuil',
  'template.low-threshold-self-assessment.description':
    'Une auto-évaluation : pour chaque caractéristique, ajoutez des notes sur ce que vous faites déjà et ce qui peut grandir.',
  'template.low-threshold-self-assessment.accessible.title': 'Bas seuil et accessible',
  'template.low-threshold-self-assessment.accessible.prompt':
    'Le lieu est à bas seuil et accessible à tous, en particulier aux personnes ayant une vulnérabilité psychique (sévère ou de longue durée) et/ou socio-émotionnelle, et à leurs proches.',
  'template.low-threshold-self-assessment.learning.title': 'Apprentissage, rétablissement et développement',
  'template.low-threshold-self-assessment.learning.prompt':
    "Le lieu vise l'apprentissage, le rétablissement et le développement : cela va plus loin qu'une oreille attentive et un café.",
  'template.low-threshold-self-assessment.co-creation.title': 'Co-création et appropriation partagée',
  'template.low-threshold-self-assessment.co-creation.prompt':
    'Visiteurs, participants et collaborateurs ont tous quelque chose à recevoir et à apporter. Il y a co-création et appropriation partagée.',
  'template.low-threshold-self-assessment.needs.title': 'À partir des besoins',
  'template.low-threshold-self-assessment.needs.prompt':
    'Le soutien prend forme à partir des besoins des personnes.',
  'template.low-threshold-self-assessment.people.title': 'Des personnes, pas des rôles',
  'template.low-threshold-self-assessment.people.prompt':
    'Nous nous voyons comme des personnes, pas comme client ou intervenant.',
  'template.low-threshold-self-assessment.mutuality.title': 'Réciprocité et égalité',
  'template.low-threshold-self-assessment.mutuality.prompt':
    'Il y a réciprocité et égalité, sur la base de la compréhension mutuelle, du fait de se reconnaître et d’être reconnu.',
  'template.low-threshold-self-assessment.what-suits-you.title': 'Ce qui vous convient',
  'template.low-threshold-self-assessment.what-suits-you.prompt':
    "On part de « ce qui vous convient », sans plans par étapes ni protocoles. Une offre d'auto-support méthodique se développe sans cesse par la co-création et le soutien par les pairs.",
  'template.low-threshold-self-assessment.experiential-knowledge.title': 'Savoir expérientiel collectif',
  'template.low-threshold-self-assessment.experiential-knowledge.prompt':
    'Le savoir expérientiel collectif se rassemble dans ce lieu.',
  'template.low-threshold-self-assessment.peer-led.title': 'Mené par des pairs',
  'template.low-threshold-self-assessment.peer-led.prompt':
    "Des experts d'expérience et/ou des pairs aidants mènent l'initiative.",
  'template.low-threshold-self-assessment.partners.title': 'Collaboration avec les partenaires',
  'template.low-threshold-self-assessment.partners.prompt':
    'Il y a une collaboration avec les partenaires formels et informels, pour se coordonner facilement et orienter chacun, si nécessaire, vers la personne qui lui convient.',

  'template.summit-planning.title': 'Préparation du sommet',
  'template.summit-planning.description':
    'Idées, décisions, actions et questions ouvertes pour le prochain sommet.',
  'template.summit-planning.ideas.title': 'Idées',
  'template.summit-planning.ideas.prompt': 'Que pourrions-nous faire ?',
  'template.summit-planning.decisions.title': 'Décisions',
  'template.summit-planning.decisions.prompt': "Qu'avons-nous décidé ensemble ?",
  'template.summit-planning.actions.title': 'Actions',
  'template.summit-planning.actions.prompt': 'Qui fait quoi, et pour quand ?',
  'template.summit-planning.open-questions.title': 'Questions ouvertes',
  'template.summit-planning.open-questions.prompt': 'Que devons-nous encore clarifier ou discuter ?',

  'template.intervision-incident.title': "Intervision : méthode de l'incident",
  'template.intervision-incident.description':
    "Travailler le cas d'une personne en tours : le cas, les questions de clarification, les réflexions, les conseils, puis la personne qui apporte le cas conclut.",
  'template.intervision-incident.case.title': 'Le cas',
  'template.intervision-incident.case.prompt':
    'La personne qui apporte le cas décrit une situation récente et sa question.',
  'template.intervision-incident.questions.title': 'Questions de clarification',
  'template.intervision-incident.questions.prompt':
    'Des questions pour mieux comprendre la situation. Pas encore de conseils.',
  'template.intervision-incident.reflections.title': 'Réflexions',
  'template.intervision-incident.reflections.prompt':
    "Qu'est-ce que ce cas éveille en vous ? Que remarquez-vous ?",
  'template.intervision-incident.advice.title': 'Conseils',
  'template.intervision-incident.advice.prompt':
    "Qu'est-ce que la personne qui apporte le cas pourrait essayer ? Proposez, sans insister.",
  'template.intervision-incident.closing.title': 'Clôture',
  'template.intervision-incident.closing.prompt': "La personne qui apporte le cas dit ce qu'elle en retient.",
};
