import type {
  SupportAnswerHow,
  SupportChannel,
  SupportCloseReason,
  SupportRequesterKind,
  SupportStatus,
} from '@smes/shared';
import { normaliseHeader } from '../../platform/imports/reader/index.js';

/**
 * The words a team's request log uses for Support's lists, in French, Dutch and English (matched
 * without case, accents or punctuation, like column titles), and the values' own keys.
 */
const words = <T extends string>(table: Record<T, string[]>) => {
  const index = new Map<string, T>();
  for (const [value, labels] of Object.entries(table) as [T, string[]][])
    for (const label of [value, ...labels]) index.set(normaliseHeader(label), value);
  return (cell: string): T | undefined => index.get(normaliseHeader(cell));
};

export const channelNamed = words<SupportChannel>({
  phone: ['téléphone', 'tél', 'tel', 'telefoon', 'telefonisch', 'gsm'],
  email: ['e-mail', 'mail', 'courriel'],
  in_person: ['en personne', 'sur place', 'in persoon', 'ter plaatse', 'in person'],
  other: ['autre', 'ander', 'andere'],
});

export const requesterKindNamed = words<SupportRequesterKind>({
  professional: ['professionnel', 'professionnelle', 'pro', 'professioneel', 'professionele'],
  relative: ['proche', 'famille', 'familie', 'naaste', 'family'],
  friend: ['ami', 'amie', 'vriend', 'vriendin'],
  neighbour: ['voisin', 'voisine', 'buur', 'buurman', 'buurvrouw', 'neighbor'],
  shopkeeper: ['commerçant', 'commerçante', 'handelaar', 'winkelier'],
  other: ['autre', 'ander', 'andere'],
});

export const statusNamed = words<SupportStatus>({
  new: ['nouveau', 'nouvelle', 'nieuw'],
  discussed: ['discuté', 'discutée', 'besproken'],
  intervention: ['interventie'],
  closed: ['clôturé', 'clôturée', 'fermé', 'fermée', 'afgesloten', 'gesloten'],
});

export const closeReasonNamed = words<SupportCloseReason>({
  unblocked: ['débloqué', 'débloquée', 'déblocage', 'gedeblokkeerd', 'deblokkering'],
  referred: ['orienté', 'orientée', 'réorienté', 'réorientée', 'doorverwezen', 'doorverwijzing'],
  withdrawn: ['retiré', 'retirée', 'abandon', 'ingetrokken'],
  no_follow_up: ['sans suite', 'zonder gevolg', 'no follow-up'],
});

export const answerHowNamed = words<SupportAnswerHow>({
  phone: ['téléphone', 'tél', 'tel', 'telefoon', 'telefonisch', 'gsm'],
  email: ['e-mail', 'mail', 'courriel'],
  in_person: ['en personne', 'sur place', 'in persoon', 'ter plaatse', 'in person'],
  video: ['vidéo', 'visio', 'visioconférence', 'videogesprek'],
});
