import type { StringKey } from './en';

/**
 * Dutch (Flemish and Netherlands usage). The ten characteristics are quoted from the IZA working
 * group's list as our users shared it. Keys left out fall back to English.
 */
export const nl: Partial<Record<StringKey, string>> = {
  'board.implicitColumn': 'Notities',

  'reaction.heart': 'Hartje',
  'reaction.thanks': 'Dank je',
  'reaction.me-too': 'Herkenbaar',
  'reaction.idea': 'Geeft me een idee',
  'reaction.question': 'Ik heb een vraag',

  'export.template': 'Sjabloon',
  'export.anonymous': 'Anoniem bord',
  'export.hidden': 'verborgen',
  'export.noNotes': 'Geen notities.',
  'export.vote.one': '1 stem',
  'export.vote.other': '{n} stemmen',
  'export.results': 'Uitslag',
  'export.results.top': 'Meeste stemmen',
  'export.results.groups': 'Groepen',
  'export.results.inGroup': 'groep: {title}',
  'export.results.none': 'Geen stemmen.',

  'export.session.exported': 'Geëxporteerd {at}',
  'export.session.agenda': 'Agenda',
  'export.session.minutes': '{n} min',
  'export.session.started': 'begonnen {at}',
  'export.session.notes': 'Notities: {text}',
  'export.session.archived': 'Gearchiveerd bord.',
  'export.session.breakouts': 'Deelgroepen',
  'export.session.breakoutsNumbered': 'Deelgroepen {n}',
  'export.session.status.draft': 'Klaargezet, nog niet geopend.',
  'export.session.status.open': 'Deelgroepen open.',
  'export.session.status.closed': 'Gesloten.',
  'export.session.prompt': 'Vraag: {text}',
  'export.session.answered': 'Beantwoorde vragen',
  'export.session.none': 'Geen.',
  'export.session.open': 'Open vragen',
  'export.session.pinned': 'vastgezet',
  'export.captions.title': 'Transcript',
  'export.captions.from': 'Ondertiteling vanaf {at} (tijden vanaf dan)',
  'export.captions.plenary': 'Plenair',
  'export.captions.room': 'Deelgroep: {name}',
  'export.captions.corrected': 'gecorrigeerd',
  'export.captions.none': 'Geen ondertiteling.',

  'template.blank.title': 'Leeg bord',
  'template.blank.description': 'Een leeg bord voor notities, zonder kolommen.',

  'template.columns.title': 'Kolommen',
  'template.columns.description': 'Een bord met de kolommen die je zelf benoemt.',

  'template.ips-four-tasks.title': 'De vier IPS-taken',
  'template.ips-four-tasks.description':
    'Sta stil bij de vier taken van Intentional Peer Support: verbinding, wereldbeeld, wederkerigheid en ergens naartoe bewegen.',
  'template.ips-four-tasks.connection.title': 'Verbinding',
  'template.ips-four-tasks.connection.prompt':
    'Wat helpt je om je verbonden te voelen met iemand? Wat staat dat in de weg?',
  'template.ips-four-tasks.worldview.title': 'Wereldbeeld',
  'template.ips-four-tasks.worldview.prompt':
    'Hoe heeft je eigen verhaal gevormd hoe je naar dingen kijkt? Hoe kijkt de ander er misschien naar?',
  'template.ips-four-tasks.mutuality.title': 'Wederkerigheid',
  'template.ips-four-tasks.mutuality.prompt':
    'Hoe kunnen jullie allebei leren, geven en ontvangen in deze relatie?',
  'template.ips-four-tasks.moving-towards.title': 'Bewegen naar',
  'template.ips-four-tasks.moving-towards.prompt': 'Waar wil je naartoe, in plaats van ergens vandaan?',

  'template.check-in.title': 'Check-in',
  'template.check-in.description': 'Ieder één woord voor hoe je binnenkomt.',
  'template.check-in.arrive.title': 'Hoe ik binnenkom',
  'template.check-in.arrive.prompt': 'Eén woord voor hoe je binnenkomt.',

  'template.low-threshold-self-assessment.title': 'Tien kenmerken van laagdrempelige steunpunten',
  'template.low-threshold-self-assessment.description':
    'Een zelfevaluatie: zet bij elk kenmerk notities over wat jullie al doen en wat nog kan groeien.',
  'template.low-threshold-self-assessment.accessible.title': 'Laagdrempelig en toegankelijk',
  'template.low-threshold-self-assessment.accessible.prompt':
    'Het is voor iedereen laagdrempelig en toegankelijk en in het bijzonder voor mensen met (ernstige/langdurige) psychische (de EPA-doelgroep) en/of sociaal-emotionele kwetsbaarheid en hun naasten.',
  'template.low-threshold-self-assessment.learning.title': 'Leren, herstel en ontwikkeling',
  'template.low-threshold-self-assessment.learning.prompt':
    'Het steunpunt is gericht op leren, herstel en ontwikkeling, dit gaat verder dan alleen een luisterend oor en koffie.',
  'template.low-threshold-self-assessment.co-creation.title': 'Co-creatie en gezamenlijk eigenaarschap',
  'template.low-threshold-self-assessment.co-creation.prompt':
    'Zowel bezoekers/deelnemers als medewerkers hebben iets te halen én te brengen. Er is sprake van co-creatie en gezamenlijk eigenaarschap.',
  'template.low-threshold-self-assessment.needs.title': 'Vanuit de behoeften',
  'template.low-threshold-self-assessment.needs.prompt':
    'De ondersteuning krijgt vorm vanuit de behoeften van de mensen.',
  'template.low-threshold-self-assessment.people.title': 'Mens, geen rol',
  'template.low-threshold-self-assessment.people.prompt':
    'Wij zien elkaar als mens, niet als cliënt of hulpverlener.',
  'template.low-threshold-self-assessment.mutuality.title': 'Wederkerigheid en gelijkwaardigheid',
  'template.low-threshold-self-assessment.mutuality.prompt':
    'Er is sprake van wederkerigheid en gelijkwaardigheid, op basis van wederzijds begrip, herkenning en erkenning.',
  'template.low-threshold-self-assessment.what-suits-you.title': 'Wat past bij jou',
  'template.low-threshold-self-assessment.what-suits-you.prompt':
    "Er wordt gewerkt vanuit 'wat past bij jou', zonder stappenplannen of protocollen, er is een aanbod van methodische zelfhulp dat zich vanuit co-creatie en peer-support steeds verder ontwikkelt.",
  'template.low-threshold-self-assessment.experiential-knowledge.title': 'Collectieve ervaringskennis',
  'template.low-threshold-self-assessment.experiential-knowledge.prompt':
    'In het steunpunt komt collectieve ervaringskennis samen.',
  'template.low-threshold-self-assessment.peer-led.title': 'Ervaringsdeskundigen in de lead',
  'template.low-threshold-self-assessment.peer-led.prompt':
    'In het initiatief zijn ervaringsdeskundigen en/of ervaringswerkers in de lead.',
  'template.low-threshold-self-assessment.partners.title': 'Samenwerking met ketenpartners',
  'template.low-threshold-self-assessment.partners.prompt':
    'Er is samenwerking met de formele en informele ketenpartners zodat makkelijk afstemming kan plaatsvinden en mensen wanneer nodig kunnen worden gekoppeld aan de voor hen juiste persoon.',

  'template.summit-planning.title': 'Summitplanning',
  'template.summit-planning.description': 'Ideeën, besluiten, acties en open vragen voor de volgende summit.',
  'template.summit-planning.ideas.title': 'Ideeën',
  'template.summit-planning.ideas.prompt': 'Wat zouden we kunnen doen?',
  'template.summit-planning.decisions.title': 'Besluiten',
  'template.summit-planning.decisions.prompt': 'Wat hebben we samen besloten?',
  'template.summit-planning.actions.title': 'Acties',
  'template.summit-planning.actions.prompt': 'Wie doet wat, en tegen wanneer?',
  'template.summit-planning.open-questions.title': 'Open vragen',
  'template.summit-planning.open-questions.prompt': 'Wat moeten we nog uitzoeken of bespreken?',

  'template.intervision-incident.title': 'Intervisie: incidentmethode',
  'template.intervision-incident.description':
    'Bespreek de casus van één persoon in rondes: de casus, verhelderende vragen, reflecties, adviezen, en de inbrenger sluit af.',
  'template.intervision-incident.case.title': 'De casus',
  'template.intervision-incident.case.prompt':
    'De inbrenger beschrijft een recente situatie en de vraag die ze erover heeft.',
  'template.intervision-incident.questions.title': 'Verhelderende vragen',
  'template.intervision-incident.questions.prompt':
    'Vragen om de situatie beter te begrijpen. Nog geen advies.',
  'template.intervision-incident.reflections.title': 'Reflecties',
  'template.intervision-incident.reflections.prompt': 'Wat roept deze casus bij je op? Wat valt je op?',
  'template.intervision-incident.advice.title': 'Adviezen',
  'template.intervision-incident.advice.prompt':
    'Wat zou de inbrenger kunnen proberen? Bied aan, dring niet aan.',
  'template.intervision-incident.closing.title': 'Afsluiting',
  'template.intervision-incident.closing.prompt': 'De inbrenger vertelt wat ze meeneemt.',
};
