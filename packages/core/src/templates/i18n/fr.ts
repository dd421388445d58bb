import type { TemplateTexts } from './types';

/**
 * French, "vous", with the words of the field: tour d'inclusion, sous-groupes (salles), récolte,
 * tour de clôture, intervision, équipe réfléchissante, dialogue ouvert, atelier de rétablissement.
 * The four IPS tasks: connexion, vision du monde, mutualité, aller vers. Room and preset words
 * match the web app's breakout catalogue (apps/web/messages/fr).
 *
 * Written with ordinary spaces; `frenchSpacing` puts the no-break space French needs before
 * ? ! : ; so a screen never starts a line with one.
 */
const texts: TemplateTexts = {
  sessions: {
    'ips-overview': {
      title: "Présentation de l'IPS (trois heures)",
      description:
        "La présentation de l'Intentional Peer Support en trois heures : tour d'inclusion, histoire de l'IPS, les quatre tâches avec un temps d'écriture personnelle, sous-groupes, récolte, questions et tour de clôture.",
      segments: [
        {
          title: 'Arrivée',
          prompt:
            "Choisissez un nom et votre langue. Sur le tableau du tour d'inclusion : un mot pour dire comment vous arrivez.",
          notes:
            "Partagez le lien et le code QR dans le chat de l'appel vidéo. Vérifiez que les sous-titres fonctionnent.",
        },
        {
          title: 'Bienvenue et accords de groupe',
          prompt: "Comment nous voulons être ensemble aujourd'hui. Vous pouvez toujours passer votre tour.",
        },
        {
          title: "Tour d'inclusion en sous-groupes",
          prompt:
            "En salles de cinq : environ une minute chacun. Comment arrivez-vous, et qu'est-ce qui vous amène ici ? Vous pouvez passer votre tour.",
          notes: 'Salles de 5, au hasard. Tout le monde revient après 12 minutes.',
        },
        {
          title: "L'histoire de l'IPS",
          prompt:
            'Les questions sont bienvenues à tout moment, aussi de façon anonyme. Votez pour celles auxquelles vous voulez une réponse.',
        },
        {
          title: 'Les quatre tâches IPS',
          prompt:
            "Connexion, vision du monde, mutualité, aller vers : chacun écrit d'abord pour soi pendant 8 minutes, puis nous dévoilons, regroupons et réagissons.",
          notes:
            "Lancez l'écriture personnelle avec un minuteur de 8 minutes ; dévoilez ; puis regroupez et réagissez ensemble.",
        },
        {
          title: 'Pause',
          prompt: 'Étirez-vous, buvez quelque chose. On reprend quand le minuteur est terminé.',
        },
        {
          title: 'Sous-groupes : une salle par tâche',
          prompt:
            "Choisissez la tâche qui vous parle (8 personnes au plus par salle). À la manière d'une équipe réfléchissante : certains parlent pendant que les autres écoutent, puis on change de rôle.",
        },
        {
          title: 'Récolte',
          prompt:
            "Qu'ont trouvé les salles ? Nous regardons les tableaux ensemble ; levez la main pour prendre la parole.",
        },
        {
          title: 'Questions et réponses',
          prompt: "Les questions qui ont le plus de votes d'abord.",
        },
        {
          title: 'Tour de clôture',
          prompt: "Un mot chacun : qu'est-ce que vous emportez ?",
          notes: "Dites ce qui est exporté et combien de temps c'est conservé.",
        },
      ],
      boards: [
        { title: "Tour d'inclusion" },
        { title: 'Les quatre tâches IPS' },
        {
          title: 'Récolte',
          columns: ['Ce que nous avons trouvé', 'Ce que nous emportons', 'Questions'],
        },
      ],
    },

    'inspiration-meeting': {
      title: "Rencontre d'inspiration",
      description:
        "Une intervention d'ouverture inspirante, trois exemples de terrain, un temps d'échange et un mot de clôture (90 minutes).",
      segments: [
        {
          title: "Bienvenue et tour d'inclusion",
          prompt: 'Un mot pour dire comment vous arrivez.',
        },
        {
          title: "Intervention d'ouverture",
          prompt: 'Notez ce qui vous frappe ; les questions sont bienvenues dans les questions-réponses.',
        },
        {
          title: 'Exemple de terrain 1',
          prompt: "Qu'est-ce que vous reconnaissez ? Qu'aimeriez-vous essayer ?",
        },
        {
          title: 'Exemple de terrain 2',
          prompt: "Qu'est-ce que vous reconnaissez ? Qu'aimeriez-vous essayer ?",
        },
        {
          title: 'Exemple de terrain 3',
          prompt: "Qu'est-ce que vous reconnaissez ? Qu'aimeriez-vous essayer ?",
        },
        {
          title: 'Échange',
          prompt:
            "En petits groupes : qu'est-ce qui vous inspire, et qu'emporteriez-vous dans votre propre pratique ?",
        },
        {
          title: 'Mot de clôture',
          prompt: 'Un mot de clôture, et une chose que chacun emporte chez soi.',
        },
      ],
      boards: [
        { title: "Tour d'inclusion" },
        {
          title: 'Inspiration',
          columns: ['Ce qui me frappe', 'Ce que je reconnais', 'Ce que je veux essayer', 'Questions'],
        },
      ],
    },

    intervision: {
      title: "Intervision (méthode de l'incident)",
      description:
        "Intervision entre pairs selon la méthode de l'incident : une personne apporte un cas, puis viennent des tours de questions de clarification, de réflexions et de conseils ; la personne qui a apporté le cas conclut.",
      segments: [
        {
          title: "Tour d'inclusion et choix du cas",
          prompt: "Comment arrivez-vous ? Qui apporte une situation aujourd'hui ?",
        },
        {
          title: 'Le cas',
          prompt:
            "La personne qui apporte le cas décrit une situation concrète et la question qu'elle se pose. Les autres écoutent.",
        },
        {
          title: 'Tour de questions de clarification',
          prompt:
            "Uniquement des questions pour mieux comprendre la situation : pas encore de conseils, pas d'avis.",
        },
        {
          title: 'Tour de réflexions',
          prompt:
            "Qu'est-ce que ce cas éveille en vous ? Parlez à partir de votre propre expérience. La personne qui a apporté le cas écoute.",
        },
        {
          title: 'Tour de conseils',
          prompt:
            "Si vous étiez dans cette situation, qu'essaieriez-vous ? La personne qui a apporté le cas écoute sans répondre.",
        },
        {
          title: 'La personne qui a apporté le cas conclut',
          prompt: "Qu'avez-vous entendu qui vous aide ? Qu'est-ce que vous emportez ?",
        },
      ],
      boards: [{ title: 'Intervision' }],
    },

    'open-dialogue': {
      title: 'Rencontre en dialogue ouvert avec une équipe réfléchissante',
      description:
        'Une rencontre de réseau à la manière du dialogue ouvert : chaque voix est entendue, une équipe réfléchissante parle pendant que les autres écoutent, puis viennent les réactions.',
      segments: [
        {
          title: 'Ouverture',
          prompt:
            'Qui est là, et comment voulons-nous utiliser ce temps ? Chacun peut parler avec ses propres mots.',
        },
        {
          title: 'Chaque voix',
          prompt:
            "Chacun à son tour dit ce qui lui semble important d'aborder. Vous pouvez passer votre tour.",
        },
        {
          title: 'Équipe réfléchissante',
          prompt:
            "L'équipe réfléchit à voix haute, entre ses membres, sur ce qu'elle a entendu, pendant que les autres écoutent. Avec prudence et respect, sans conclusions.",
          notes:
            "Utilisez le mode de parole « équipe réfléchissante » : désignez l'équipe, puis changez de phase.",
        },
        {
          title: 'Réactions',
          prompt: "Qu'avez-vous entendu dans les réflexions ? Qu'est-ce qui vous reste ?",
        },
        {
          title: 'Clôture et prochaines étapes',
          prompt: "Comment s'est passée cette rencontre pour vous ? Quand nous revoyons-nous ?",
        },
      ],
      boards: [
        {
          title: 'Ce que nous avons entendu',
          columns: ['Voix', 'Réflexions', 'Questions ouvertes', 'Prochaines étapes'],
        },
      ],
    },

    'recovery-workshop': {
      title: 'Atelier de rétablissement / WRAP',
      description:
        "Un atelier de rétablissement dans l'esprit du WRAP : tour d'inclusion, ce qui me fait du bien, les signes précoces et ce qui aide, en petits groupes, et un tour de clôture.",
      segments: [
        { title: "Tour d'inclusion", prompt: 'Un mot pour dire comment vous arrivez.' },
        {
          title: 'Introduction et accords de groupe',
          prompt: 'Vous décidez de ce que vous partagez. Vous pouvez toujours passer votre tour.',
        },
        {
          title: 'Ce qui me fait du bien',
          prompt:
            "Écrivez d'abord pour vous : que faites-vous chaque jour qui vous aide à vous sentir bien ? Ensuite, nous dévoilons.",
        },
        {
          title: 'Signes précoces et ce qui aide',
          prompt:
            "En petits groupes : comment remarquez-vous que les choses deviennent plus difficiles, et qu'est-ce qui vous aide alors ?",
        },
        { title: 'Pause' },
        {
          title: 'Partage',
          prompt: "Qu'avez-vous trouvé dans votre groupe ? Levez la main pour prendre la parole.",
        },
        {
          title: 'Tour de clôture',
          prompt: 'Une chose que vous allez essayer cette semaine.',
        },
      ],
      boards: [
        { title: "Tour d'inclusion" },
        {
          title: 'Ma boîte à outils du bien-être',
          columns: ['Ce qui me fait du bien', 'Signes précoces', 'Ce qui aide alors', 'Qui peut me soutenir'],
        },
      ],
    },

    'summit-planning': {
      title: 'Réunion de préparation du sommet',
      description:
        "Une réunion du groupe porteur : tour d'inclusion, points de l'ordre du jour avec minuteurs, décisions et actions, et un tour de clôture. Le tableau garde les idées, décisions, actions et questions ouvertes d'une réunion à l'autre.",
      segments: [
        {
          title: "Tour d'inclusion",
          prompt: "Comment arrivez-vous ? Y a-t-il quelque chose que le groupe devrait savoir aujourd'hui ?",
        },
        {
          title: "Point 1 de l'ordre du jour",
          prompt: 'Renommez ce point. Les idées et les questions vont sur le tableau de préparation.',
        },
        {
          title: "Point 2 de l'ordre du jour",
          prompt: 'Renommez ce point. Les idées et les questions vont sur le tableau de préparation.',
        },
        {
          title: 'Décisions et actions',
          prompt: "Qu'avons-nous décidé ? Qui fait quoi, et pour quand ?",
        },
        {
          title: 'Tour de clôture',
          prompt: 'Un mot chacun. Quand nous retrouvons-nous ?',
        },
      ],
      boards: [{ title: 'Préparation du sommet' }],
    },
  },

  breakouts: {
    'ips-check-in': {
      title: "Tour d'inclusion IPS : salles de cinq, au hasard",
      description:
        "Des salles d'environ cinq personnes, réparties au hasard ; un tour où chacun parle environ une minute et peut passer son tour.",
    },
    'ips-four-tasks': {
      title: 'Les quatre tâches IPS : choisissez une salle, huit au plus',
      description:
        "Une salle par tâche ; chacun choisit la tâche qui lui parle. À la manière d'une équipe réfléchissante : certains parlent pendant que les autres écoutent, puis on change de rôle.",
      rooms: [
        {
          name: 'Connexion',
          prompt: "Qu'est-ce qui vous aide à créer du lien, et qu'est-ce qui vous en empêche ?",
        },
        {
          name: 'Vision du monde',
          prompt:
            "Comment en êtes-vous venu·e à savoir ce que vous savez ? Qu'est-ce qui façonne votre regard ?",
        },
        {
          name: 'Mutualité',
          prompt: 'À quoi ressemble une relation où les deux personnes apprennent et grandissent ?',
        },
        {
          name: 'Aller vers',
          prompt: 'Aller vers ce que nous voulons, plutôt que fuir ce que nous craignons.',
        },
      ],
    },
    pairs: {
      title: 'En binômes',
      description: 'Des salles de deux, réparties au hasard, avec une parole libre.',
    },
  },
};

const NBSP = '\u00a0';

/** French typography: a no-break space before ? ! : ; » and after «. */
function spaced(text: string): string {
  return text.replace(/ ([?!:;»])/g, `${NBSP}$1`).replace(/« /g, `«${NBSP}`);
}

function frenchSpacing<T>(value: T): T {
  if (typeof value === 'string') return spaced(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => frenchSpacing(item)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, frenchSpacing(v)])) as T;
  }
  return value;
}

export const fr: TemplateTexts = frenchSpacing(texts);
