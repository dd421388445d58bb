import type { TemplateTexts } from './types';

/**
 * Dutch (Flemish and Netherlands usage), "je", with the words of the field: check-in,
 * deelgroepen, oogst, afsluitronde, intervisie, reflecterend team, netwerkgesprek,
 * herstelwerkplaats. The four IPS tasks: verbinding, wereldbeeld, wederkerigheid, bewegen naar.
 * Room and preset words match the web app's breakout catalogue (apps/web/messages/nl).
 */
export const nl: TemplateTexts = {
  sessions: {
    'ips-overview': {
      title: 'IPS-overzicht (drie uur)',
      description:
        'Het overzicht van Intentional Peer Support in drie uur: check-in, de geschiedenis van IPS, de vier taken met eerst zelf schrijven, deelgroepen, oogst, vragen en een afsluitronde.',
      segments: [
        {
          title: 'Inloop',
          prompt: 'Kies een naam en je taal. Op het check-inbord: één woord voor hoe je binnenkomt.',
          notes: 'Deel de link en de QR-code in de chat van de videocall. Kijk of de ondertiteling loopt.',
        },
        {
          title: 'Welkom en afspraken',
          prompt: 'Hoe we vandaag samen willen zijn. Passen mag altijd.',
        },
        {
          title: 'Check-inronde in deelgroepen',
          prompt:
            'In groepjes van vijf: ieder ongeveer een minuut. Hoe kom je binnen, en wat brengt je hier? Je mag passen.',
          notes: 'Willekeurige deelgroepen van 5. Iedereen terug na 12 minuten.',
        },
        {
          title: 'De geschiedenis van IPS',
          prompt: 'Vragen zijn altijd welkom, ook anoniem. Stem op de vragen die je beantwoord wilt zien.',
        },
        {
          title: 'De vier IPS-taken',
          prompt:
            'Verbinding, wereldbeeld, wederkerigheid, bewegen naar: schrijf eerst 8 minuten voor jezelf, daarna maken we alles zichtbaar, groeperen we en reageren we.',
          notes:
            'Start het zelf schrijven met een timer van 8 minuten; maak alles zichtbaar; groepeer en reageer daarna samen.',
        },
        {
          title: 'Pauze',
          prompt: 'Even strekken, iets drinken. We gaan verder als de timer afloopt.',
        },
        {
          title: 'Deelgroepen: één per taak',
          prompt:
            'Kies de taak die je aanspreekt (hoogstens 8 per deelgroep). Zoals een reflecterend team: enkelen praten terwijl de anderen luisteren, daarna wisselen jullie.',
        },
        {
          title: 'Oogst',
          prompt:
            'Wat hebben de deelgroepen gevonden? We bekijken samen de borden; steek je hand op om te spreken.',
        },
        {
          title: 'Vragen en antwoorden',
          prompt: 'De vragen met de meeste stemmen eerst.',
        },
        {
          title: 'Afsluitronde',
          prompt: 'Ieder één woord: wat neem je mee?',
          notes: 'Vertel wat er geëxporteerd wordt en hoe lang het bewaard blijft.',
        },
      ],
      boards: [
        { title: 'Check-in' },
        { title: 'De vier IPS-taken' },
        { title: 'Oogst', columns: ['Wat we vonden', 'Wat we meenemen', 'Vragen'] },
      ],
    },

    'inspiration-meeting': {
      title: 'Inspiratiebijeenkomst',
      description:
        'Een inspirerende aftrap, drie praktijkvoorbeelden, een interactief deel en een slotwoord (90 minuten).',
      segments: [
        { title: 'Welkom en check-in', prompt: 'Eén woord voor hoe je binnenkomt.' },
        {
          title: 'Inspirerende aftrap',
          prompt: 'Schrijf op wat je opvalt; vragen zijn welkom bij de vragenronde.',
        },
        { title: 'Praktijkvoorbeeld 1', prompt: 'Wat herken je? Wat zou je willen uitproberen?' },
        { title: 'Praktijkvoorbeeld 2', prompt: 'Wat herken je? Wat zou je willen uitproberen?' },
        { title: 'Praktijkvoorbeeld 3', prompt: 'Wat herken je? Wat zou je willen uitproberen?' },
        {
          title: 'Interactie',
          prompt: 'In kleine groepjes: wat inspireert je, en wat neem je mee naar je eigen praktijk?',
        },
        {
          title: 'Slotwoord',
          prompt: 'Een slotwoord, en ieder één ding dat je mee naar huis neemt.',
        },
      ],
      boards: [
        { title: 'Check-in' },
        {
          title: 'Inspiratie',
          columns: ['Wat me opvalt', 'Wat ik herken', 'Wat ik wil uitproberen', 'Vragen'],
        },
      ],
    },

    intervision: {
      title: 'Intervisie (incidentmethode)',
      description:
        'Intervisie met de incidentmethode: één persoon brengt een casus in, dan volgen rondes met verhelderende vragen, reflecties en adviezen; de inbrenger sluit af.',
      segments: [
        {
          title: 'Check-in en een casus kiezen',
          prompt: 'Hoe kom je binnen? Wie brengt vandaag een situatie in?',
        },
        {
          title: 'De casus',
          prompt:
            'De inbrenger beschrijft een concrete situatie en de vraag die daarbij hoort. De anderen luisteren.',
        },
        {
          title: 'Ronde verhelderende vragen',
          prompt: 'Alleen vragen om de situatie beter te begrijpen: nog geen advies, geen meningen.',
        },
        {
          title: 'Reflectieronde',
          prompt: 'Wat roept de casus bij je op? Spreek vanuit je eigen ervaring. De inbrenger luistert.',
        },
        {
          title: 'Adviesronde',
          prompt:
            'Als jij in deze situatie zat, wat zou je dan proberen? De inbrenger luistert zonder te antwoorden.',
        },
        {
          title: 'De inbrenger sluit af',
          prompt: 'Wat heb je gehoord dat je helpt? Wat neem je mee?',
        },
      ],
      boards: [{ title: 'Intervisie' }],
    },

    'open-dialogue': {
      title: 'Netwerkgesprek (Open Dialogue) met een reflecterend team',
      description:
        'Een netwerkgesprek op de manier van Open Dialogue: elke stem wordt gehoord, een reflecterend team praat terwijl de anderen luisteren, daarna volgen de reacties.',
      segments: [
        {
          title: 'Opening',
          prompt: 'Wie is er, en hoe gebruiken we deze tijd? Iedereen mag in eigen woorden spreken.',
        },
        {
          title: 'Elke stem',
          prompt: 'Om de beurt: waarover vind jij het belangrijk om te praten? Passen mag.',
        },
        {
          title: 'Reflecterend team',
          prompt:
            'Het team denkt hardop met elkaar na over wat het hoorde, terwijl de anderen luisteren. Voorzichtig, respectvol, zonder conclusies.',
          notes:
            'Gebruik de spreekvorm reflecterend team: kies wie in het team zit en wissel daarna van fase.',
        },
        {
          title: 'Reacties',
          prompt: 'Wat hoorde je in de reflecties? Wat blijft je bij?',
        },
        {
          title: 'Afsluiting en volgende stappen',
          prompt: 'Hoe was dit gesprek voor jou? Wanneer zien we elkaar weer?',
        },
      ],
      boards: [
        {
          title: 'Wat we hoorden',
          columns: ['Stemmen', 'Reflecties', 'Open vragen', 'Volgende stappen'],
        },
      ],
    },

    'recovery-workshop': {
      title: 'Herstelwerkplaats / WRAP',
      description:
        'Een herstelwerkplaats in de geest van WRAP: check-in, wat me goed doet, vroege signalen en wat dan helpt, in kleine groepjes, en een afsluitronde.',
      segments: [
        { title: 'Check-in', prompt: 'Eén woord voor hoe je binnenkomt.' },
        {
          title: 'Inleiding en afspraken',
          prompt: 'Jij bepaalt wat je deelt. Passen mag altijd.',
        },
        {
          title: 'Wat me goed doet',
          prompt:
            'Schrijf eerst voor jezelf: wat doe je elke dag dat je helpt om je goed te voelen? Daarna maken we alles zichtbaar.',
        },
        {
          title: 'Vroege signalen en wat helpt',
          prompt: 'In kleine groepjes: hoe merk je dat het moeilijker wordt, en wat helpt je dan?',
        },
        { title: 'Pauze' },
        {
          title: 'Delen',
          prompt: 'Wat vond je in je groepje? Steek je hand op om te spreken.',
        },
        {
          title: 'Afsluitronde',
          prompt: 'Eén ding dat je deze week gaat proberen.',
        },
      ],
      boards: [
        { title: 'Check-in' },
        {
          title: 'Mijn gereedschapskist',
          columns: ['Wat me goed doet', 'Vroege signalen', 'Wat dan helpt', 'Wie me kan steunen'],
        },
      ],
    },

    'summit-planning': {
      title: 'Overleg summitplanning',
      description:
        'Een overleg van de kerngroep: check-in, agendapunten met timers, besluiten en acties, en een afsluitronde. Het bord bewaart ideeën, besluiten, acties en open vragen tussen de overleggen door.',
      segments: [
        {
          title: 'Check-in',
          prompt: 'Hoe kom je binnen? Is er iets wat de groep vandaag moet weten?',
        },
        {
          title: 'Agendapunt 1',
          prompt: 'Geef dit punt een eigen naam. Ideeën en vragen komen op het planningsbord.',
        },
        {
          title: 'Agendapunt 2',
          prompt: 'Geef dit punt een eigen naam. Ideeën en vragen komen op het planningsbord.',
        },
        {
          title: 'Besluiten en acties',
          prompt: 'Wat hebben we besloten? Wie doet wat, en tegen wanneer?',
        },
        {
          title: 'Afsluitronde',
          prompt: 'Ieder één woord. Wanneer komen we weer samen?',
        },
      ],
      boards: [{ title: 'Summitplanning' }],
    },
  },

  breakouts: {
    'ips-check-in': {
      title: 'IPS-check-in: willekeurige deelgroepen van vijf',
      description:
        'Deelgroepen van ongeveer vijf, willekeurig verdeeld; een ronde waarin ieder ongeveer een minuut spreekt en mag passen.',
    },
    'ips-four-tasks': {
      title: 'De vier IPS-taken: kies een deelgroep, hoogstens acht',
      description:
        'Eén deelgroep per taak; je kiest zelf de taak die je aanspreekt. Zoals een reflecterend team: enkelen praten terwijl de anderen luisteren, daarna wisselen jullie.',
      rooms: [
        { name: 'Verbinding', prompt: 'Wat helpt jou om verbinding te maken, en wat staat in de weg?' },
        {
          name: 'Wereldbeeld',
          prompt: 'Hoe ben je te weten gekomen wat je weet? Wat kleurt hoe je de dingen ziet?',
        },
        { name: 'Wederkerigheid', prompt: 'Hoe ziet een relatie eruit waarin allebei leren en groeien?' },
        {
          name: 'Bewegen naar',
          prompt: 'Bewegen naar wat we willen, in plaats van weg van wat we vrezen.',
        },
      ],
    },
    pairs: {
      title: 'Tweetallen',
      description: 'Deelgroepen van twee, willekeurig verdeeld, met een open gesprek.',
    },
  },
};
