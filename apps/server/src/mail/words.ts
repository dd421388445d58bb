import type { Locale } from '@kring/protocol';

/**
 * The words of Kring's mails, in the circle's language (issue 16). Kept here, server side, like
 * packages/board/src/i18n words the exports: one table per language, the same keys in each.
 * French says "vous", Dutch "je".
 */
export interface MeetingFacts {
  /** The series' title. */
  title: string;
  /** "2027-10-03 14:00 (Europe/Amsterdam)": the organiser's wall clock. */
  when: string;
  /** The registrant's personal link. */
  link: string;
  name: string;
}

export interface MailWords {
  confirmedSubject: (f: MeetingFacts) => string;
  confirmedBody: (f: MeetingFacts) => string;
  waitingSubject: (f: MeetingFacts) => string;
  waitingBody: (f: MeetingFacts) => string;
  promotedSubject: (f: MeetingFacts) => string;
  promotedBody: (f: MeetingFacts) => string;
}

const en: MailWords = {
  confirmedSubject: (f) => `You are registered: ${f.title}`,
  confirmedBody: (f) =>
    `Hello ${f.name},\n\nYou are registered for "${f.title}" on ${f.when}.\n\n` +
    `Your personal link, to see or cancel your registration and to join the meeting when it opens:\n${f.link}\n\n` +
    `Keep this link to yourself. The calendar file of the meeting is attached.\n`,
  waitingSubject: (f) => `You are on the waiting list: ${f.title}`,
  waitingBody: (f) =>
    `Hello ${f.name},\n\n"${f.title}" on ${f.when} is full; you are on the waiting list. ` +
    `We will write to you when a place frees up.\n\n` +
    `Your personal link, to see or cancel your registration:\n${f.link}\n`,
  promotedSubject: (f) => `A place for you: ${f.title}`,
  promotedBody: (f) =>
    `Hello ${f.name},\n\nA place freed up: you are now registered for "${f.title}" on ${f.when}.\n\n` +
    `Your personal link, to see or cancel your registration and to join the meeting when it opens:\n${f.link}\n`,
};

const nl: MailWords = {
  confirmedSubject: (f) => `Je bent aangemeld: ${f.title}`,
  confirmedBody: (f) =>
    `Hallo ${f.name},\n\nJe bent aangemeld voor "${f.title}" op ${f.when}.\n\n` +
    `Je persoonlijke link, om je aanmelding te bekijken of te annuleren en om mee te doen zodra de bijeenkomst opengaat:\n${f.link}\n\n` +
    `Houd deze link voor jezelf. Het agendabestand van de bijeenkomst zit in de bijlage.\n`,
  waitingSubject: (f) => `Je staat op de wachtlijst: ${f.title}`,
  waitingBody: (f) =>
    `Hallo ${f.name},\n\n"${f.title}" op ${f.when} is vol; je staat op de wachtlijst. ` +
    `We schrijven je zodra er een plek vrijkomt.\n\n` +
    `Je persoonlijke link, om je aanmelding te bekijken of te annuleren:\n${f.link}\n`,
  promotedSubject: (f) => `Er is een plek voor je: ${f.title}`,
  promotedBody: (f) =>
    `Hallo ${f.name},\n\nEr kwam een plek vrij: je bent nu aangemeld voor "${f.title}" op ${f.when}.\n\n` +
    `Je persoonlijke link, om je aanmelding te bekijken of te annuleren en om mee te doen zodra de bijeenkomst opengaat:\n${f.link}\n`,
};

const fr: MailWords = {
  confirmedSubject: (f) => `Vous êtes inscrit·e : ${f.title}`,
  confirmedBody: (f) =>
    `Bonjour ${f.name},\n\nVous êtes inscrit·e à « ${f.title} » le ${f.when}.\n\n` +
    `Votre lien personnel, pour voir ou annuler votre inscription et rejoindre la rencontre à son ouverture :\n${f.link}\n\n` +
    `Gardez ce lien pour vous. Le fichier calendrier de la rencontre est joint.\n`,
  waitingSubject: (f) => `Vous êtes sur la liste d'attente : ${f.title}`,
  waitingBody: (f) =>
    `Bonjour ${f.name},\n\n« ${f.title} » le ${f.when} est complet ; vous êtes sur la liste d'attente. ` +
    `Nous vous écrirons dès qu'une place se libère.\n\n` +
    `Votre lien personnel, pour voir ou annuler votre inscription :\n${f.link}\n`,
  promotedSubject: (f) => `Une place pour vous : ${f.title}`,
  promotedBody: (f) =>
    `Bonjour ${f.name},\n\nUne place s'est libérée : vous êtes maintenant inscrit·e à « ${f.title} » le ${f.when}.\n\n` +
    `Votre lien personnel, pour voir ou annuler votre inscription et rejoindre la rencontre à son ouverture :\n${f.link}\n`,
};

export const MAIL_WORDS: Record<Locale, MailWords> = { en, nl, fr };
