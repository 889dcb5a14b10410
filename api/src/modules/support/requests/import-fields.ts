import { field } from '../../platform/imports/kind.js';

/**
 * The columns of the Support team's request log (decision 30). No column names the person
 * concerned: only their code, as everywhere in Support.
 */
export const supportRequestFields = [
  field('logNumber', 'text', 'N° de demande', 'Vraagnummer', [
    'numéro de demande',
    'n° demande',
    'numéro',
    'n°',
    'nummer',
    'nr',
    'request number',
  ]),
  field(
    'receivedAt',
    'datetime',
    'Reçue le',
    'Ontvangen op',
    ['date', 'datum', 'date de la demande', 'date de réception', 'ontvangstdatum', 'received', 'received on'],
    true,
  ),
  field('channel', 'text', 'Canal', 'Kanaal', ['via', 'moyen', 'channel']),
  field('requesterKind', 'text', 'Type de demandeur', 'Soort aanvrager', [
    'demandeur type',
    'type aanvrager',
    'requester kind',
  ]),
  field('requesterFirstName', 'text', 'Prénom du demandeur', 'Voornaam aanvrager', ['requester first name']),
  field('requesterLastName', 'text', 'Nom du demandeur', 'Naam aanvrager', [
    'demandeur',
    'aanvrager',
    'requester',
    'requester name',
  ]),
  field('requesterEmail', 'email', 'E-mail du demandeur', 'E-mail aanvrager', [
    'courriel',
    'e-mail',
    'mail',
    'requester email',
  ]),
  field('requesterOrganisation', 'text', 'Organisation du demandeur', 'Organisatie aanvrager', [
    'organisation',
    'organisatie',
    'service',
    'dienst',
    'institution',
    'instelling',
  ]),
  field('callBack', 'text', 'Rappeler au', 'Terugbellen op', [
    'téléphone',
    'telefoon',
    'tél',
    'gsm',
    'call back',
  ]),
  field('personCode', 'text', 'Code de la personne', 'Code van de persoon', [
    'code personne',
    'personcode',
    'person code',
    'code',
  ]),
  field(
    'impasse',
    'text',
    'Impasse',
    'Knelpunt',
    ['situation', 'situatie', 'description', 'beschrijving', 'demande', 'vraag'],
    true,
  ),
  field('status', 'text', 'Statut', 'Status', ['état', 'state']),
  field('firstAnswerOn', 'date', 'Première réponse le', 'Eerste antwoord op', [
    'première réponse',
    'eerste antwoord',
    'first answer',
  ]),
  field('firstAnswerBy', 'text', 'Première réponse par', 'Eerste antwoord door', [
    'répondu par',
    'beantwoord door',
    'answered by',
  ]),
  field('firstAnswerHow', 'text', 'Première réponse via', 'Eerste antwoord via', ['answered how']),
  field('closedOn', 'date', 'Clôturée le', 'Afgesloten op', [
    'clôture',
    'date de clôture',
    'afsluiting',
    'closed on',
  ]),
  field('closeReason', 'text', 'Motif de clôture', 'Reden van afsluiting', [
    'motif',
    'reden',
    'close reason',
  ]),
];
