import i18next from 'i18next';
import type { CycleSchedule, Group, Session } from '@smes/shared';
import { describe, expect, it } from 'vitest';
import { resources } from '@/locales';
import { calendarFileName } from '../api/download-calendar';
import { scheduleDays, scheduleFee, scheduleLine, scheduleSections } from './schedule';

const NBSP = '\u00a0';

async function translator(lng: 'fr' | 'nl') {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources,
    lng,
    ns: ['intervision'],
    defaultNS: 'intervision',
    interpolation: { escapeValue: false },
  });
  const t = i18n.getFixedT(lng, 'intervision');
  return (key: string, options?: Record<string, unknown>) => t(key as 'schedule.line', options);
}

let n = 0;
const id = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

function group(fields: Partial<Group>): Group {
  return {
    id: id(),
    version: 1,
    cycleId: 'c',
    name: 'Groupe',
    kind: 'intersectoral',
    language: 'fr',
    weekday: 4,
    startTime: '14:00',
    endTime: '17:00',
    capacity: 10,
    facilitators: [],
    warnings: [],
    registered: 0,
    waiting: 0,
    ...fields,
  };
}

function session(groupId: string, startsOn: string, status: Session['status'] = 'planned'): Session {
  return { id: id(), version: 1, groupId, startsOn, host: null, status, cancelReason: null, attendance: [] };
}

function scheduleOf(...groups: { group: Group; days: [string, Session['status']?][] }[]): CycleSchedule {
  return {
    cycle: {
      id: 'c',
      version: 1,
      name: '2024-2025',
      startsOn: '2024-09-01',
      endsOn: '2025-06-30',
      memberFee: '120.00',
      nonMemberFee: '150.00',
    },
    groups: groups.map(({ group: g, days }) => ({
      group: g,
      sessions: days.map(([day, status]) => session(g.id, day, status)),
    })),
    hosts: [],
  };
}

describe('the bilingual schedule', () => {
  it('writes the newsletter line in both languages', async () => {
    const thursday = group({ language: 'nl' });
    const item = { group: thursday, days: ['2024-10-10', '2024-11-07', '2024-12-12'] };
    expect(scheduleLine(await translator('fr'), 'fr', item)).toBe(
      'Les jeudis de 14h à 17h : 10/10/24 – 7/11/24 – 12/12/24',
    );
    expect(scheduleLine(await translator('nl'), 'nl', item)).toBe(
      'Donderdagen van 14u tot 17u: 10/10/24 – 7/11/24 – 12/12/24',
    );
  });

  it('says the dates are to come when a group has none yet', async () => {
    const item = { group: group({ weekday: 1, startTime: '09:00', endTime: '12:00' }), days: [] };
    expect(scheduleLine(await translator('fr'), 'fr', item)).toBe('Les lundis de 9h à 12h : dates à venir');
    expect(scheduleLine(await translator('nl'), 'nl', item)).toBe('Maandagen van 9u tot 12u: data volgen');
  });

  it('groups by kind then language (Dutch first), by weekday and hour, without cancelled dates', () => {
    const tuesday = group({ name: 'Mardi', weekday: 2 });
    const mondayLate = group({ name: 'Lundi après-midi', weekday: 1, startTime: '14:00' });
    const mondayEarly = group({ name: 'Lundi matin', weekday: 1, startTime: '09:00' });
    const dutch = group({ name: 'Donderdag', language: 'nl' });
    const peers = group({ name: 'Pairs', kind: 'peer_experts' });
    const sections = scheduleSections(
      scheduleOf(
        { group: tuesday, days: [['2024-11-19'], ['2024-10-22'], ['2024-12-10', 'cancelled']] },
        { group: mondayLate, days: [] },
        { group: peers, days: [] },
        { group: mondayEarly, days: [['2024-10-07', 'held_video']] },
        { group: dutch, days: [['2024-10-10', 'held']] },
      ),
    );
    expect(sections.map((s) => [s.kind, s.language, s.groups.map((g) => g.group.name)])).toEqual([
      ['intersectoral', 'nl', ['Donderdag']],
      ['intersectoral', 'fr', ['Lundi matin', 'Lundi après-midi', 'Mardi']],
      ['peer_experts', 'fr', ['Pairs']],
    ]);
    const mardi = sections[1]!.groups[2]!;
    expect(mardi.days).toEqual(['2024-10-22', '2024-11-19']);
    expect(scheduleDays(mardi.days)).toBe('22/10/24 – 19/11/24');
    expect(sections[1]!.groups[0]!.days).toEqual(['2024-10-07']);
  });

  it('writes fees in whole euros as the newsletter does, cents only when there are some', () => {
    expect(scheduleFee('120.00')).toBe(`120${NBSP}€`);
    expect(scheduleFee('150')).toBe(`150${NBSP}€`);
    expect(scheduleFee('120.50')).toBe(`120,50${NBSP}€`);
  });
});

describe('calendar file names', () => {
  it('keeps letters and digits, accents folded', () => {
    expect(calendarFileName('Groupe du jeudi — Ixelles')).toBe('groupe-du-jeudi-ixelles.ics');
    expect(calendarFileName('Inès Lambert')).toBe('ines-lambert.ics');
    expect(calendarFileName('***')).toBe('intervision.ics');
  });
});
